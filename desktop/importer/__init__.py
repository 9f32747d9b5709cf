"""No Qt: turn a report (text, Markdown, HTML, PDF) into proposed facts and a fact base of the bundled schema."""
