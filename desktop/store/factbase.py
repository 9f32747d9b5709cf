"""Open a fact base read-only and answer what the window and the CLI ask of it.

Uses the standard library's sqlite3, not sqlite-utils: it opens and reads the file in milliseconds, where
importing sqlite-utils alone costs a third of a second of start-up (see docs/performance.md).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from desktop.store.errors import FactBaseError, UnknownIdError, file_problem
from desktop.store.models import Document, Fact, FactHeading, GlossaryTerm, Paragraph, Section, TermMention
from desktop.store.opening import INTEGRITY_TIME_LIMIT_S, open_read_only
from desktop.store.rows import (
    FACT_COLUMNS,
    chunks,
    fact_row,
    fact_tuple,
    heading_row,
    paragraph_row,
    section_row,
    term_row,
)
from desktop.store.table_pages import TablePages
from desktop.store.validation import (
    META_KEYS,
    OPTIONAL_META_KEYS,
    check_content,
    check_shape,
    integrity_problem,
    period_notes,
)


def _connect_read_only(path: Path) -> sqlite3.Connection:
    conn = open_read_only(path)  # regular file, header, WAL and journal cases, limits, time limit
    conn.row_factory = sqlite3.Row
    return conn


class FactBase(TablePages):
    """A fact base file opened read-only. Never creates or changes a file."""

    def __init__(self, conn: sqlite3.Connection, path: Path) -> None:
        self._conn = conn
        self.path = path
        self.document = self._read_document()

    @classmethod
    def open(cls, path: Path | str) -> FactBase:
        """Open a fact base read-only after checking its shape and content (see desktop/store/validation.py)."""
        path = Path(path)
        conn = _connect_read_only(path)
        try:
            cls._check(conn, path)
            return cls(conn, path)
        except FactBaseError:
            conn.close()
            raise
        except sqlite3.Error as exc:
            conn.close()
            raise FactBaseError(path, file_problem(exc) or f"cannot be read ({exc})") from None

    @staticmethod
    def _check(conn: sqlite3.Connection, path: Path) -> None:
        # Cheap by design: the header, the schema and one scan per table. The full page-by-page check is
        # integrity_check(), seconds on a large file, for a worker thread or the command line.
        check_shape(conn, path)
        check_content(conn, path)

    def integrity_check(self) -> None:
        """Read every page (PRAGMA quick_check) and check every row of every table, however large: raise
        FactBaseError naming the first problem. Seconds on a large base (about 6 s for a million facts); it opens
        its own connection, so a worker thread may run it while the window reads on."""
        conn = open_read_only(self.path)
        conn.time_limit = INTEGRITY_TIME_LIMIT_S
        try:
            problem = integrity_problem(conn)
            if problem is not None:
                raise FactBaseError(self.path, f"is damaged ({problem}); reinstall or rebuild it")
            check_content(conn, self.path, full=True)
        except sqlite3.Error as exc:
            raise FactBaseError(self.path, file_problem(exc) or f"cannot be read ({exc})") from None
        finally:
            conn.close()

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> FactBase:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _rows(self, sql: str, *params: object) -> list[sqlite3.Row]:
        return self._conn.execute(sql, params).fetchall()

    def _one(self, sql: str, wanted: str, what: str, known: Callable[[], list[str]]) -> sqlite3.Row:
        """The single row an id names; an unknown id raises UnknownIdError with the nearest known ones."""
        rows = self._rows(sql, wanted)
        if not rows:
            raise UnknownIdError(what, wanted, known())
        return rows[0]

    def _read_document(self) -> Document:
        # Only the keys the store reads: a hostile meta table may hold any number of others.
        keys = ("schema_version", *META_KEYS, *OPTIONAL_META_KEYS)
        sql = f"SELECT key, value FROM meta WHERE key IN ({', '.join('?' * len(keys))})"
        meta = {r["key"]: r["value"] for r in self._rows(sql, *keys)}
        return Document(
            title=meta["title"],
            source_file=meta["source_file"],
            source_date=meta["source_date"],
            source_as_of=meta["source_as_of"],
            factbase_version=meta["factbase_version"],
            schema_version=int(meta["schema_version"]),
            builder_version=meta["builder_version"],
            path=str(self.path),
            publisher=meta.get("publisher") or "",
            date_note=meta.get("date_note") or "",
            period_notes=period_notes(meta.get("period_notes")),
        )

    # Sections and text ---------------------------------------------------------------------------
    # Every query below answers from an index (primary key or db/schema.py's INDEXES) with a LIMIT where the
    # answer can grow with the base; tests/store/test_query_plans.py checks that none scans the facts table.
    def sections(self) -> list[Section]:
        """Every section in the report's order (a base has hundreds to a few thousand: the tree's top level)."""
        return [section_row(r) for r in self._rows("SELECT * FROM sections ORDER BY position")]

    def section(self, section_id: str) -> Section:
        rows = self._rows("SELECT * FROM sections WHERE id = ?", section_id)
        if not rows:
            raise UnknownIdError("section", section_id, self._near_ids("sections", "id", section_id))
        return section_row(rows[0])

    def paragraphs(self, section_id: str) -> list[Paragraph]:
        self.section(section_id)
        return [
            paragraph_row(r)
            for r in self._rows("SELECT * FROM paragraphs WHERE section_id = ? ORDER BY position", section_id)
        ]

    def paragraph(self, paragraph_id: int) -> Paragraph:
        """One text block by its id (a search result's passage)."""
        rows = self._rows("SELECT * FROM paragraphs WHERE id = ?", paragraph_id)
        if not rows:
            raise UnknownIdError("paragraph", str(paragraph_id), [])
        return paragraph_row(rows[0])

    def section_tree(self) -> list[tuple[Section, list[Fact]]]:
        """The report's sections in order, each with its facts. Small bases only: it holds every fact.

        The lazy tree asks sections(), fact_counts() and facts_in_section() instead.
        """
        grouped: dict[str, list[Fact]] = {}
        for fact in self.iter_facts():
            grouped.setdefault(fact.section_id, []).append(fact)
        return [(s, grouped.get(s.id, [])) for s in self.sections()]

    # Facts ---------------------------------------------------------------------------------------
    def fact_count(self, section_id: str | None = None) -> int:
        """Facts in the base or in one section. The base's total is counted once (count(*) reads the smallest
        index, ~15 ms at 1M facts) and kept: an open fact base never changes."""
        if section_id is None:
            return self._fact_total
        sql = "SELECT count(*) FROM facts WHERE section_id = ?"
        return int(self._conn.execute(sql, (section_id,)).fetchone()[0])

    def fact_counts(self) -> dict[str, int]:
        """Facts per section id, in one pass over the (section_id, position) index; sections without facts absent.

        Counted once and kept (~80 ms at 1M facts): the lazy tree's child counts and the table's deep pages use it.
        """
        return dict(self._section_counts)

    def facts_in_section(self, section_id: str, offset: int = 0, limit: int | None = None) -> list[Fact]:
        """A section's facts in order, a page at a time (limit None: all of them)."""
        sql = "SELECT * FROM facts WHERE section_id = ? ORDER BY position LIMIT ? OFFSET ?"
        return [fact_row(r) for r in self._rows(sql, section_id, -1 if limit is None else limit, offset)]

    def facts_in_paragraph(self, paragraph_id: int) -> list[Fact]:
        """The facts one paragraph states, in order (through the paragraph_id index)."""
        return [
            fact_row(r)
            for r in self._rows("SELECT * FROM facts WHERE paragraph_id = ? ORDER BY position", paragraph_id)
        ]

    def facts_around(self, fact: Fact, each_side: int) -> list[Fact]:
        """Up to each_side facts before and after fact in its section, in order, fact left out: its neighbours on
        a fact page, two index range reads whatever the section's size."""
        before = self._rows(
            "SELECT * FROM facts WHERE section_id = ? AND position < ? ORDER BY position DESC LIMIT ?",
            fact.section_id,
            fact.position,
            each_side,
        )
        after = self._rows(
            "SELECT * FROM facts WHERE section_id = ? AND position > ? ORDER BY position LIMIT ?",
            fact.section_id,
            fact.position,
            each_side,
        )
        return [fact_row(r) for r in [*reversed(before), *after]]

    def fact_rank(self, fact: Fact) -> int:
        """Where a fact stands among its section's facts (0 for the first): the row a lazy list must reach."""
        sql = "SELECT count(*) FROM facts WHERE section_id = ? AND position < ?"
        return int(self._conn.execute(sql, (fact.section_id, fact.position)).fetchone()[0])

    def facts(self, section_id: str | None = None) -> list[Fact]:
        """A section's facts, or (section_id None) every fact in report order: small bases only, see iter_facts."""
        if section_id is None:
            return list(self.iter_facts())
        self.section(section_id)
        return self.facts_in_section(section_id)

    def iter_facts(self, block: int = 1000) -> Iterator[Fact]:
        """Every fact in report order, read a block at a time: memory stays flat at any size."""
        cursor = self._conn.cursor()
        cursor.row_factory = None  # plain tuples in Fact's field order: a third of the time of named rows
        cursor.execute(
            # CROSS JOIN fixes the loop order (sections by position, then each one's facts by index): without it
            # a base without ANALYZE statistics is read in id order and sorted in a temporary b-tree.
            f"SELECT {FACT_COLUMNS} FROM sections s CROSS JOIN facts f ON f.section_id = s.id"
            " ORDER BY s.position, f.position"
        )
        try:
            while rows := cursor.fetchmany(block):
                yield from (fact_tuple(r) for r in rows)
        finally:
            cursor.close()

    def fact_ids(self) -> list[str]:
        """Every fact id. Small bases only; tables page through fact_ids_page, lookups use has_fact."""
        return [r[0] for r in self._rows("SELECT id FROM facts ORDER BY section_id, position")]

    def longest_fact_id(self) -> int:
        """The length of the longest fact id, for aligning a listing (one pass over the id index)."""
        return int(self._conn.execute("SELECT coalesce(max(length(id)), 0) FROM facts").fetchone()[0])

    def has_fact(self, fact_id: str) -> bool:
        return self._conn.execute("SELECT 1 FROM facts WHERE id = ?", (fact_id,)).fetchone() is not None

    def fact(self, fact_id: str) -> Fact:
        rows = self._rows("SELECT * FROM facts WHERE id = ?", fact_id)
        if not rows:
            raise UnknownIdError("fact", fact_id, self._near_ids("facts", "id", fact_id))
        return fact_row(rows[0])

    def facts_by_id(self, fact_ids: Iterable[str]) -> dict[str, Fact]:
        """Many facts by id in a few queries (blocks of 500 ids); unknown ids are left out."""
        found: dict[str, Fact] = {}
        for chunk in chunks(list(dict.fromkeys(fact_ids))):
            sql = f"SELECT * FROM facts WHERE id IN ({', '.join('?' * len(chunk))})"
            found.update((r["id"], fact_row(r)) for r in self._rows(sql, *chunk))
        return found

    def fact_headings(self, fact_id: str) -> list[FactHeading]:
        return [
            heading_row(r)
            for r in self._rows("SELECT * FROM fact_headings WHERE fact_id = ? ORDER BY location", fact_id)
        ]

    def fact_headings_for(self, fact_ids: Iterable[str]) -> dict[str, list[FactHeading]]:
        """The headings of many facts in a few queries: fact id to its headings (facts without any absent)."""
        found: dict[str, list[FactHeading]] = {}
        for chunk in chunks(list(dict.fromkeys(fact_ids))):
            sql = f"SELECT * FROM fact_headings WHERE fact_id IN ({', '.join('?' * len(chunk))}) ORDER BY location"
            for r in self._rows(sql, *chunk):
                found.setdefault(r["fact_id"], []).append(heading_row(r))
        return found

    def headings_at(self, location: str) -> list[FactHeading]:
        """Every heading at one location ("headline" or "subheading"), in the order they were stored."""
        sql = "SELECT * FROM fact_headings WHERE location = ? ORDER BY rowid"
        return [heading_row(r) for r in self._rows(sql, location)]

    def section_headings(self, section_id: str) -> list[FactHeading]:
        """The headings that restate any of a section's facts, in one query."""
        sql = (
            "SELECT h.* FROM facts f JOIN fact_headings h ON h.fact_id = f.id"
            " WHERE f.section_id = ? ORDER BY f.position, h.location"
        )
        return [heading_row(r) for r in self._rows(sql, section_id)]

    def _near_ids(self, table: str, column: str, wanted: str, limit: int = 25) -> list[str]:
        """Candidates for "did you mean": ids beside the wanted one in sorted order and ids sharing its first word.

        Range queries on the primary key, each with a LIMIT: never every id of a million-fact base.
        """
        near: list[str] = []
        queries: list[tuple[str, tuple[object, ...]]] = [
            (f"SELECT {column} FROM {table} WHERE {column} < ? ORDER BY {column} DESC LIMIT ?", (wanted, limit)),
            (f"SELECT {column} FROM {table} WHERE {column} >= ? ORDER BY {column} LIMIT ?", (wanted, limit)),
        ]
        head = wanted.split("-")[0][:3]
        if head:
            queries.append(
                (
                    f"SELECT {column} FROM {table} WHERE {column} >= ? AND {column} < ? ORDER BY {column} LIMIT ?",
                    (head, head + "\U0010ffff", limit * 4),
                )
            )
        for sql, params in queries:
            near.extend(r[0] for r in self._conn.execute(sql, params))
        return list(dict.fromkeys(near))

    # Glossary ------------------------------------------------------------------------------------
    def terms(self) -> list[GlossaryTerm]:
        return [term_row(r) for r in self._rows("SELECT * FROM glossary ORDER BY position")]

    def term(self, name: str) -> GlossaryTerm:
        rows = self._rows("SELECT * FROM glossary WHERE term = ? COLLATE NOCASE", name)
        if not rows:
            raise UnknownIdError("glossary term", name, self._near_ids("glossary", "term", name))
        return term_row(rows[0])

    def term_mentions(
        self, section_id: str | None = None, term: str | None = None, paragraph_id: int | None = None
    ) -> list[TermMention]:
        """Where glossary terms occur in the report's text, for linking them."""
        sql = "SELECT * FROM term_mentions WHERE 1 = 1"
        params: list[object] = []
        if section_id is not None:
            sql += " AND section_id = ?"
            params.append(section_id)
        if paragraph_id is not None:
            sql += " AND paragraph_id = ?"
            params.append(paragraph_id)
        if term is not None:
            # The stored spelling, so the (term, ...) indexes apply: COLLATE NOCASE on the column would scan.
            row = self._conn.execute("SELECT term FROM glossary WHERE term = ? COLLATE NOCASE", (term,)).fetchone()
            if row is None:
                return []
            sql += " AND term = ?"
            params.append(row[0])
        rows = self._rows(sql + " ORDER BY paragraph_id, start", *params)
        return [
            TermMention(r["term"], r["section_id"], r["paragraph_id"], r["start"], r["length"], r["fact_id"])
            for r in rows
        ]

    def terms_in_section(self, section_id: str) -> list[GlossaryTerm]:
        sql = (
            "SELECT g.* FROM glossary g WHERE g.term IN (SELECT term FROM term_mentions WHERE section_id = ?)"
            " ORDER BY g.position"
        )
        return [term_row(r) for r in self._rows(sql, section_id)]

    def terms_for_fact(self, fact_id: str) -> list[GlossaryTerm]:
        fact = self.fact(fact_id)
        sql = (
            "SELECT g.* FROM glossary g WHERE g.term IN (SELECT term FROM term_mentions WHERE fact_id = ?)"
            " ORDER BY g.position"
        )
        return [term_row(r) for r in self._rows(sql, fact.id)]

    def sections_mentioning(self, term: str) -> list[Section]:
        sql = (
            "SELECT s.* FROM sections s WHERE s.id IN (SELECT section_id FROM term_mentions WHERE term = ?)"
            " ORDER BY s.position"
        )
        return [section_row(r) for r in self._rows(sql, self.term(term).term)]

    def facts_mentioning(self, term: str, limit: int | None = None) -> list[Fact]:
        """The facts whose quote mentions a term, in report order; the first `limit` of them when given."""
        sql = (
            "SELECT f.* FROM facts f JOIN sections s ON s.id = f.section_id"
            " WHERE f.id IN (SELECT fact_id FROM term_mentions WHERE term = ? AND fact_id IS NOT NULL)"
            " ORDER BY s.position, f.position LIMIT ?"
        )
        return [fact_row(r) for r in self._rows(sql, self.term(term).term, -1 if limit is None else limit)]
