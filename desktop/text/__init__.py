"""No Qt: the text of pages and sheets: figure, quote and term spans, page HTML, Markdown."""
