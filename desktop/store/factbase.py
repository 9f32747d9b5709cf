"""Open a fact base read-only and answer what the window and the CLI ask of it.

Uses the standard library's sqlite3, not sqlite-utils: it opens and reads the file in milliseconds, where
importing sqlite-utils alone costs a third of a second of start-up (see docs/performance.md).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from pathlib import Path
from urllib.parse import quote

from desktop.store.errors import FactBaseError, UnknownIdError
from desktop.store.models import Document, Fact, FactHeading, GlossaryTerm, Paragraph, Section, TermMention

SCHEMA_VERSION = 1  # the newest schema this reader understands (db/schema.py)
_REQUIRED_TABLES = {"meta", "sections", "paragraphs", "facts", "fact_headings", "glossary", "term_mentions"}


def _connect_read_only(path: Path) -> sqlite3.Connection:
    if not path.exists():
        raise FactBaseError(path, "no such file")
    if path.is_dir():
        raise FactBaseError(path, "is a directory, not a fact base file")
    _check_header(path)
    uri = f"file:{quote(str(path.resolve()))}?mode=ro"
    try:
        conn = sqlite3.connect(uri, uri=True, check_same_thread=False)
    except sqlite3.Error as exc:
        raise FactBaseError(path, f"cannot be opened ({exc})") from None
    conn.row_factory = sqlite3.Row
    return conn


def _check_header(path: Path) -> None:
    """Tell a non-SQLite file and a truncated copy apart before SQLite gives both the same vague error."""
    try:
        with path.open("rb") as fh:
            header = fh.read(100)
    except OSError as exc:
        raise FactBaseError(path, f"cannot be read ({exc.strerror})") from None
    if len(header) < 100 or not header.startswith(b"SQLite format 3\x00"):
        raise FactBaseError(path, "is not a SQLite database")
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    pages = int.from_bytes(header[28:32], "big")
    expected = page_size * pages
    actual = path.stat().st_size
    if pages and actual < expected:
        raise FactBaseError(path, f"is truncated ({actual:,} of {expected:,} bytes); reinstall or rebuild it")


class FactBase:
    """A fact base file opened read-only. Never creates or changes a file."""

    def __init__(self, conn: sqlite3.Connection, path: Path) -> None:
        self._conn = conn
        self.path = path
        self.document = self._read_document()

    @classmethod
    def open(cls, path: Path | str) -> FactBase:
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
            raise FactBaseError(path, f"cannot be read ({exc})") from None

    @staticmethod
    def _check(conn: sqlite3.Connection, path: Path) -> None:
        try:
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        except sqlite3.DatabaseError:
            raise FactBaseError(path, "is not a SQLite database") from None
        # quick_check reads every page: a truncated copy fails here, not halfway through a chart.
        if conn.execute("PRAGMA quick_check").fetchone()[0] != "ok":
            raise FactBaseError(path, "is damaged (truncated or corrupt); reinstall or rebuild it")
        missing = _REQUIRED_TABLES - tables
        if missing:
            raise FactBaseError(
                path, f"is a SQLite database but not a fact base (no {', '.join(sorted(missing))} table)"
            )
        row = conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        try:
            version = int(row[0]) if row else 0
        except ValueError:
            version = 0
        if version < 1:
            raise FactBaseError(path, "is not a fact base (no schema version)")
        if version > SCHEMA_VERSION:
            raise FactBaseError(
                path, f"needs a newer Fact Explorer (schema version {version}; this one reads up to {SCHEMA_VERSION})"
            )

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
        meta = {r["key"]: r["value"] for r in self._rows("SELECT key, value FROM meta")}
        return Document(
            title=meta["title"],
            source_file=meta["source_file"],
            source_date=meta["source_date"],
            source_as_of=meta["source_as_of"],
            factbase_version=meta["factbase_version"],
            schema_version=int(meta["schema_version"]),
            builder_version=meta["builder_version"],
            path=str(self.path),
        )

    # Sections and text ---------------------------------------------------------------------------
    def sections(self) -> list[Section]:
        return [_section(r) for r in self._rows("SELECT * FROM sections ORDER BY position")]

    def section(self, section_id: str) -> Section:
        sql = "SELECT * FROM sections WHERE id = ?"
        return _section(self._one(sql, section_id, "section", lambda: [s.id for s in self.sections()]))

    def paragraphs(self, section_id: str) -> list[Paragraph]:
        self.section(section_id)
        return [
            Paragraph(r["id"], r["section_id"], r["position"], r["role"], r["text"])
            for r in self._rows("SELECT * FROM paragraphs WHERE section_id = ? ORDER BY position", section_id)
        ]

    def section_tree(self) -> list[tuple[Section, list[Fact]]]:
        """The report's sections in order, each with its facts: what the tree shows."""
        facts = self.facts()
        return [(s, [f for f in facts if f.section_id == s.id]) for s in self.sections()]

    # Facts ---------------------------------------------------------------------------------------
    def facts(self, section_id: str | None = None) -> list[Fact]:
        if section_id is None:
            rows = self._rows(
                "SELECT f.* FROM facts f JOIN sections s ON s.id = f.section_id ORDER BY s.position, f.position"
            )
        else:
            self.section(section_id)
            rows = self._rows("SELECT * FROM facts WHERE section_id = ? ORDER BY position", section_id)
        return [_fact(r) for r in rows]

    def fact_ids(self) -> list[str]:
        return [r[0] for r in self._rows("SELECT id FROM facts ORDER BY section_id, position")]

    def fact(self, fact_id: str) -> Fact:
        return _fact(self._one("SELECT * FROM facts WHERE id = ?", fact_id, "fact", self.fact_ids))

    def fact_headings(self, fact_id: str) -> list[FactHeading]:
        return [
            FactHeading(r["fact_id"], r["location"], r["text"], r["figure"], r["figure_start"])
            for r in self._rows("SELECT * FROM fact_headings WHERE fact_id = ? ORDER BY location", fact_id)
        ]

    def headings_at(self, location: str) -> list[FactHeading]:
        """Every heading of one location ('headline' or 'subheading') that restates a fact's figure."""
        return [
            FactHeading(r["fact_id"], r["location"], r["text"], r["figure"], r["figure_start"])
            for r in self._rows("SELECT * FROM fact_headings WHERE location = ? ORDER BY rowid", location)
        ]

    # Glossary ------------------------------------------------------------------------------------
    def terms(self) -> list[GlossaryTerm]:
        return [_term(r) for r in self._rows("SELECT * FROM glossary ORDER BY position")]

    def term(self, name: str) -> GlossaryTerm:
        sql = "SELECT * FROM glossary WHERE term = ? COLLATE NOCASE"
        return _term(self._one(sql, name, "glossary term", lambda: [t.term for t in self.terms()]))

    def term_mentions(self, section_id: str | None = None, term: str | None = None) -> list[TermMention]:
        """Where glossary terms occur in the report's text, for linking them."""
        sql = "SELECT * FROM term_mentions WHERE 1 = 1"
        params: list[object] = []
        if section_id is not None:
            sql += " AND section_id = ?"
            params.append(section_id)
        if term is not None:
            sql += " AND term = ? COLLATE NOCASE"
            params.append(term)
        rows = self._rows(sql + " ORDER BY paragraph_id, start", *params)
        return [
            TermMention(r["term"], r["section_id"], r["paragraph_id"], r["start"], r["length"], r["fact_id"])
            for r in rows
        ]

    def terms_in_section(self, section_id: str) -> list[GlossaryTerm]:
        names = {m.term for m in self.term_mentions(section_id=section_id)}
        return [t for t in self.terms() if t.term in names]

    def terms_for_fact(self, fact_id: str) -> list[GlossaryTerm]:
        fact = self.fact(fact_id)
        names = {r[0] for r in self._rows("SELECT term FROM term_mentions WHERE fact_id = ?", fact.id)}
        return [t for t in self.terms() if t.term in names]

    def sections_mentioning(self, term: str) -> list[Section]:
        ids = {m.section_id for m in self.term_mentions(term=self.term(term).term)}
        return [s for s in self.sections() if s.id in ids]

    def facts_mentioning(self, term: str) -> list[Fact]:
        ids = {m.fact_id for m in self.term_mentions(term=self.term(term).term) if m.fact_id}
        return [f for f in self.facts() if f.id in ids]


def _section(r: sqlite3.Row) -> Section:
    return Section(
        r["id"], r["position"], r["role"], r["title"], r["subheading"], r["headline_fact_id"], r["source_line"]
    )


def _fact(r: sqlite3.Row) -> Fact:
    return Fact(
        id=r["id"],
        section_id=r["section_id"],
        position=r["position"],
        label=r["label"],
        value=r["value"],
        value_min=r["value_min"],
        value_max=r["value_max"],
        unit=r["unit"],
        qualifier=r["qualifier"],
        period=r["period"],
        kind=r["kind"],
        quote=r["quote"],
        figure=r["figure"],
        paragraph_id=r["paragraph_id"],
        quote_start=r["quote_start"],
        figure_start=r["figure_start"],
        derived=bool(r["derived"]),
        formula=r["formula"],
        derived_from=tuple(json.loads(r["derived_from"])) if r["derived_from"] else (),
    )


def _term(r: sqlite3.Row) -> GlossaryTerm:
    return GlossaryTerm(r["term"], r["position"], r["definition"])
