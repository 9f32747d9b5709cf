"""The fact base's schema, versioned.

SCHEMA_VERSION is bumped whenever a reader built for the old schema would misread the new one; the store
refuses a file whose version is newer than the one it knows.
"""

from __future__ import annotations

SCHEMA_VERSION = 1

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
    ("facts", ["section_id", "position"]),
    ("term_mentions", ["term"]),
    ("term_mentions", ["section_id"]),
]

# Full-text indexes (FTS5) that search will use; they belong to the format from version 1.
FTS = {
    "paragraphs": ["text"],
    "facts": ["label", "quote"],
    "glossary": ["term", "definition"],
}
