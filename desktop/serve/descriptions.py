"""What each table and column of a fact base holds, in words a Datasette visitor reads beside the data.

Written from db/schema.py and docs/fact-base.md; tests/serve checks that every table and column of the schema is
described here, so a new column cannot reach a served page unexplained.
"""

from __future__ import annotations

TABLE_DESCRIPTIONS: dict[str, str] = {
    "meta": "About this fact base: its schema and builder versions, its own version, and the report it was built from.",
    "sections": "The report's sections in reading order; the lead (the opening paragraph) comes first.",
    "paragraphs": "Each section's text blocks in reading order, verbatim: its sub-heading and its paragraphs.",
    "facts": (
        "Every metric the report states, placed by hand: its value in base units, unit, qualifier, period and kind, "
        "with the sentence it comes from, verbatim."
    ),
    "fact_headings": "Where a headline or a sub-heading states a fact's figure again.",
    "glossary": "The report's glossary: each term and its definition, verbatim (Markdown **bold** kept as markup).",
    "term_mentions": (
        "Every place a glossary term occurs in a paragraph or sub-heading, with the fact whose quote holds it."
    ),
}

COLUMN_DESCRIPTIONS: dict[str, dict[str, str]] = {
    "meta": {"key": "the name of the property", "value": "its value"},
    "sections": {
        "id": "a stable slug, used by the app's --open and by fact ids' section_id",
        "position": "the order in the report, from 0",
        "role": "lead (the report's opening paragraph) or section",
        "title": "the section's heading as the report writes it",
        "subheading": "the line under the heading, if any",
        "headline_fact_id": "the fact whose figure the section's heading or sub-heading states",
        "source_line": "the line of the source report the heading is on",
    },
    "paragraphs": {
        "id": "the line number in the source report",
        "section_id": "the section it belongs to",
        "position": "the order within its section",
        "role": "subheading or body",
        "text": "the text, verbatim",
        "source_line": "the line of the source report",
    },
    "facts": {
        "id": "a stable slug naming the metric",
        "section_id": "the section whose text states it",
        "position": "the order within its section",
        "label": "what the number measures, in a few words",
        "value": "the value in base units (4.55 million is 4550000; 79.7% is 79.7 with unit %); empty for a range",
        "value_min": "the low end of a range (3-7 days: 3)",
        "value_max": "the high end of a range (3-7 days: 7)",
        "unit": "what is counted (base stations, users, %, rank, days, ...)",
        "qualifier": "how the report qualifies the figure: exact, over, more than, at least, approximately, +, up to",
        "period": "the date or period the figure is for",
        "kind": "count, share, rank, growth or duration range",
        "quote": "the sentence the figure comes from, verbatim",
        "figure": "the figure as written in the quote",
        "paragraph_id": "the paragraph the quote is in",
        "quote_start": "where the quote starts in its paragraph (characters)",
        "figure_start": "where the figure starts in the quote (characters)",
        "derived": "1 for a value the report implies but does not state (see formula)",
        "formula": "how a derived value was worked out",
        "derived_from": "the ids of the facts a derived value comes from (a JSON list)",
    },
    "fact_headings": {
        "fact_id": "the fact whose figure is stated again",
        "location": "headline or a section's sub-heading",
        "text": "the heading's text",
        "figure": "the figure as the heading writes it",
        "figure_start": "where the figure starts in the heading (characters)",
    },
    "glossary": {
        "term": "the term",
        "position": "the order in the report's glossary",
        "definition": "the definition, verbatim",
        "source_line": "the line of the source report the term is on",
    },
    "term_mentions": {
        "term": "the glossary term",
        "section_id": "the section it occurs in",
        "paragraph_id": "the paragraph or sub-heading it occurs in",
        "start": "where it starts in that text (characters)",
        "length": "its length (characters)",
        "fact_id": "the fact whose quote holds the mention, if any",
    },
}

# The label Datasette shows for a row when another table points at it.
LABEL_COLUMNS = {"sections": "title", "facts": "label", "glossary": "term"}
# The order a table's page lists its rows in: the report's order.
SORT_COLUMNS = {"sections": "position", "paragraphs": "id", "glossary": "position"}
FACT_FACETS = ["kind", "unit", "section_id"]
