"""The fact base's schema, versioned.

SCHEMA_VERSION is bumped whenever a reader built for the old schema would misread the new one; the store
refuses a file whose version is newer than the one it knows.
"""

from __future__ import annotations

SCHEMA_VERSION = 2
# Version 2 adds indexes only (the queries of a store that works in sets); a version-2 reader opens version 1
# files unchanged, just without the speed.

# Columns in the order the builder inserts them; sqlite-utils creates the tables from these.
TABLES: dict[str, dict[str, type]] = {
    "meta": {"key": str, "value": str},
    "sections": {
        "id": str,
        "position": int,
        "role": str,  # "lead" or "section"
        "title": str,
        "subheading": str,
        "headline_fact_id": str,
        "source_line": int,
    },
    # A section's text blocks in reading order: its sub-heading (role "subheading") and paragraphs ("body").
    "paragraphs": {
        "id": int,
        "section_id": str,
        "position": int,
        "role": str,
        "text": str,
        "source_line": int,
    },
    "facts": {
        "id": str,
        "section_id": str,
        "position": int,
        "label": str,
        "value": float,
        "value_min": float,
        "value_max": float,
        "unit": str,
        "qualifier": str,
        "period": str,
        "kind": str,
        "quote": str,
        "figure": str,
        "paragraph_id": int,
        "quote_start": int,
        "figure_start": int,
        "derived": int,
        "formula": str,
        "derived_from": str,  # JSON list of fact ids
    },
    # Where a headline or sub-heading states a fact's figure again ("1.07 Billion People Use ...").
    "fact_headings": {"fact_id": str, "location": str, "text": str, "figure": str, "figure_start": int},
    "glossary": {"term": str, "position": int, "definition": str, "source_line": int},
    "term_mentions": {
        "term": str,
        "section_id": str,
        "paragraph_id": int,
        "start": int,
        "length": int,
        "fact_id": str,
    },
}

PRIMARY_KEYS = {
    "meta": "key",
    "sections": "id",
    "paragraphs": "id",
    "facts": "id",
    "glossary": "term",
}

FOREIGN_KEYS = {
    "paragraphs": [("section_id", "sections", "id")],
    "facts": [("section_id", "sections", "id"), ("paragraph_id", "paragraphs", "id")],
    "fact_headings": [("fact_id", "facts", "id")],
    "term_mentions": [
        ("term", "glossary", "term"),
        ("section_id", "sections", "id"),
        ("paragraph_id", "paragraphs", "id"),
    ],
}

# Indexes the store's queries need, (table, columns); every writer of a fact base creates them from here.
INDEXES: list[tuple[str, list[str]]] = [
    ("sections", ["position"]),  # the tree in the report's order, and every fact in order (sections, then facts)
    ("paragraphs", ["section_id", "position"]),  # a section page's text
    ("facts", ["section_id", "position"]),  # a section's facts, a page at a time
    ("facts", ["paragraph_id"]),  # the facts a paragraph states
    # filters, orders and facets of the all-facts table: a facet under a kind or unit filter reads one of these
    # alone (kind:share by unit at 1M: 0.8 s through a one-column index and the rows, a covering read here)
    ("facts", ["kind", "unit", "section_id"]),
    ("facts", ["unit", "kind", "section_id"]),
    ("facts", ["value", "value_min", "value_max"]),  # numeric filters and sorting by value; ranges (value NULL)
    ("facts", ["unit", "value", "value_min", "value_max"]),  # numeric filters with a unit ("over 50%")
    ("fact_headings", ["fact_id"]),  # a fact's headings, many facts in one query
    ("fact_headings", ["location"]),  # the headline's figures
    ("glossary", ["position"]),
    ("term_mentions", ["term", "fact_id"]),  # facts mentioning a term
    ("term_mentions", ["term", "section_id"]),  # sections mentioning a term
    ("term_mentions", ["section_id", "paragraph_id", "start"]),  # a section's mentions in reading order, its terms
    ("term_mentions", ["fact_id", "term"]),  # terms of a fact
]

# Full-text indexes (FTS5) that search will use; they belong to the format from version 1.
FTS = {
    "paragraphs": ["text"],
    "facts": ["label", "quote"],
    "glossary": ["term", "definition"],
}
