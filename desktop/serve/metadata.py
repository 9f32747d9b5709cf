"""Datasette metadata made from fact bases: each one's title, source and licence, its tables and columns described,
facets on the facts table, and a canned query for ranked search over facts, passages and the glossary.

The same dictionary drives `fact-explorer serve` and is what `serve --write-metadata FILE` writes, so a team that
publishes the files with `datasette publish` or `datasette package` shows the same pages.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from desktop import __version__
from desktop.serve.descriptions import (
    COLUMN_DESCRIPTIONS,
    FACT_FACETS,
    LABEL_COLUMNS,
    SORT_COLUMNS,
    TABLE_DESCRIPTIONS,
)
from desktop.store import Document, FactBase

NO_LICENCE = "Not stated in the fact base: ask the report's publisher before republishing"

# Ranked search over the three FTS5 indexes. Each word of :q is quoted, so "data-market" or "5G" is searched as
# written and no input is an FTS5 syntax error; the words must all occur. bm25 weights a fact's label ten times
# its quote and a term's name ten times its definition; lower ranks are better. Scores of different indexes are
# comparable enough to interleave hits: each is a sum over the same query words.
# Each index first ranks its matches alone (rank with ORDER BY ... LIMIT, which FTS5 serves itself); snippets and
# joins are made for those 100 only. Ranking and snippeting every match of a common word, then sorting the union,
# took 4.2 s on a 1M-fact base against 0.6 s this way, over Datasette's 1 s limit.
SEARCH_SQL = """\
WITH query(words) AS (SELECT '"' || replace(replace(trim(:q), '"', '""'), ' ', '" "') || '"'),
top_facts AS (
  SELECT rowid, rank FROM facts_fts
  WHERE facts_fts MATCH (SELECT words FROM query) AND rank MATCH 'bm25(10.0, 1.0)' ORDER BY rank LIMIT 100
),
top_passages AS (
  SELECT rowid, rank FROM paragraphs_fts WHERE paragraphs_fts MATCH (SELECT words FROM query) ORDER BY rank LIMIT 100
),
top_terms AS (
  SELECT rowid, rank FROM glossary_fts
  WHERE glossary_fts MATCH (SELECT words FROM query) AND rank MATCH 'bm25(10.0, 1.0)' ORDER BY rank LIMIT 100
)
SELECT hit, id, title, section_id, snippet, rank FROM (
  SELECT 'fact' AS hit, facts.id AS id, facts.label AS title, facts.section_id AS section_id,
         snippet(facts_fts, -1, '[', ']', '…', 16) AS snippet, top_facts.rank AS rank
  FROM top_facts JOIN facts_fts ON facts_fts.rowid = top_facts.rowid JOIN facts ON facts.rowid = top_facts.rowid
  WHERE facts_fts MATCH (SELECT words FROM query)
  UNION ALL
  SELECT 'passage', CAST(paragraphs.id AS TEXT), sections.title, paragraphs.section_id,
         snippet(paragraphs_fts, 0, '[', ']', '…', 16), top_passages.rank
  FROM top_passages JOIN paragraphs_fts ON paragraphs_fts.rowid = top_passages.rowid
  JOIN paragraphs ON paragraphs.id = top_passages.rowid JOIN sections ON sections.id = paragraphs.section_id
  WHERE paragraphs_fts MATCH (SELECT words FROM query)
  UNION ALL
  SELECT 'term', glossary.term, glossary.term, NULL,
         snippet(glossary_fts, -1, '[', ']', '…', 16), top_terms.rank
  FROM top_terms JOIN glossary_fts ON glossary_fts.rowid = top_terms.rowid
  JOIN glossary ON glossary.rowid = top_terms.rowid
  WHERE glossary_fts MATCH (SELECT words FROM query)
)
ORDER BY rank
LIMIT 100
"""

SEARCH_QUERY = {
    "title": "Search facts, passages and the glossary",
    "description": (
        "Ranked full-text search: every word must occur (matched by stem: 'stations' finds 'station'). "
        "hit says what was found (a fact, a passage of the report, a glossary term); the snippet marks the words "
        "found [like this]; a lower rank is a better match, and a fact's label counts ten times its quote."
    ),
    "sql": SEARCH_SQL,
}


def database_names(paths: Sequence[Path]) -> list[str]:
    """The names Datasette gives these files (the file's stem, then stem_2, stem_3 for repeats), in order."""
    names: list[str] = []
    for path in paths:
        name, i = path.stem, 2
        while name in names:
            name, i = f"{path.stem}_{i}", i + 1
        names.append(name)
    return names


def build_metadata(paths: Sequence[Path]) -> dict[str, Any]:
    """Metadata for serving these fact bases. Each is opened read-only (FactBase's checks) and closed again."""
    databases = {name: database_metadata(path) for name, path in zip(database_names(paths), paths, strict=True)}
    return {
        "title": "Fact Explorer",
        "description": (
            "The facts of statistical reports, each with its value, unit, qualifier, period and the sentence it "
            "came from, served read-only from the fact bases Fact Explorer reads."
        ),
        "about": f"Fact Explorer {__version__}",
        "databases": databases,
    }


def database_metadata(path: Path) -> dict[str, Any]:
    with FactBase.open(path) as factbase:
        document = factbase.document
    extra = _meta_properties(path, ("license", "license_url", "source_url", "source_sha256"))
    entry: dict[str, Any] = {
        "title": document.title,
        "description": _description(document, extra.get("source_sha256")),
        "source": document.source_file,
        "license": extra.get("license") or NO_LICENCE,
        "tables": _tables(),
        "queries": {"search": SEARCH_QUERY},
    }
    for key in ("license_url", "source_url"):
        if extra.get(key):
            entry[key] = extra[key]
    return entry


def _description(document: Document, sha256: str | None) -> str:
    digest = f" (SHA-256 {sha256})" if sha256 else ""
    return (
        f"Fact base version {document.factbase_version} (schema {document.schema_version}), built from "
        f"{document.source_file}{digest}, dated {document.source_date}, figures as of {document.source_as_of}. "
        "Read-only: served immutable, exactly as the file is."
    )


def _tables() -> dict[str, Any]:
    tables: dict[str, Any] = {}
    for table, description in TABLE_DESCRIPTIONS.items():
        entry: dict[str, Any] = {"description": description, "columns": dict(COLUMN_DESCRIPTIONS[table])}
        if table in LABEL_COLUMNS:
            entry["label_column"] = LABEL_COLUMNS[table]
        if table in SORT_COLUMNS:
            entry["sort"] = SORT_COLUMNS[table]
        if table == "facts":
            entry["facets"] = list(FACT_FACETS)
        tables[table] = entry
    return tables


def _meta_properties(path: Path, keys: Sequence[str]) -> dict[str, str]:
    # Properties the store's Document does not carry (a licence, a source URL) if a fact base records them.
    from desktop.store.opening import open_read_only  # checked as the store checks: nothing written beside it

    conn = open_read_only(path)
    try:
        marks = ", ".join("?" for _ in keys)
        rows = conn.execute(f"SELECT key, value FROM meta WHERE key IN ({marks})", tuple(keys)).fetchall()
    finally:
        conn.close()
    return {str(k): str(v) for k, v in rows if v}
