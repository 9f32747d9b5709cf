"""What changed between two fact bases: facts added, removed and changed (matched by id), sections and glossary
terms added, removed or reworded.

Both files are attached read-only to one in-memory connection and compared by SQL joins on their primary keys,
so a diff of two million-fact bases streams its rows: nothing here holds every fact of either side at once.
Each kind of difference is an iterator in the order of the file it comes from (the report's order, as the builder
inserts rows): a scan in rowid order with index lookups on the other side, where an order by id would read both
tables at random (1M facts: about 5 s against 15 s). Counts come from the same queries' COUNT(*).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from urllib.parse import quote

from desktop.store import Document, FactBase

# Fields compared between the two versions of a fact, in the order a change lists them.
FACT_FIELDS = ("label", "section_id", "value", "value_min", "value_max", "unit", "qualifier", "period", "kind", "quote")


@dataclass(frozen=True)
class FactEntry:
    """A fact present on one side only."""

    id: str
    section_id: str
    label: str
    value: float | None
    value_min: float | None
    value_max: float | None
    unit: str
    qualifier: str
    period: str
    kind: str
    quote: str


@dataclass(frozen=True)
class FieldChange:
    field: str
    old: object
    new: object


@dataclass(frozen=True)
class FactChange:
    """A fact present on both sides whose fields differ."""

    id: str
    label: str  # the new label
    changes: tuple[FieldChange, ...]


@dataclass(frozen=True)
class SectionEntry:
    id: str
    title: str


@dataclass(frozen=True)
class SectionChange:
    id: str
    old_title: str
    new_title: str


@dataclass(frozen=True)
class TermEntry:
    term: str
    definition: str


@dataclass(frozen=True)
class TermChange:
    term: str
    old_definition: str
    new_definition: str


@dataclass(frozen=True)
class DiffCounts:
    facts_added: int
    facts_removed: int
    facts_changed: int
    sections_added: int
    sections_removed: int
    sections_changed: int
    terms_added: int
    terms_removed: int
    terms_changed: int

    @property
    def any(self) -> bool:
        return any(vars(self).values())


_FACT_COLUMNS = ", ".join(f"x.{c}" for c in FactEntry.__dataclass_fields__)
_ONLY_IN = "FROM {a}.facts x WHERE NOT EXISTS (SELECT 1 FROM {b}.facts y WHERE y.id = x.id)"
_FACT_DIFFERS = " OR ".join(f"o.{f} IS NOT n.{f}" for f in FACT_FIELDS)
_CHANGED_FACTS = f"FROM new.facts n JOIN old.facts o ON o.id = n.id WHERE {_FACT_DIFFERS}"
_SECTIONS_ONLY_IN = "FROM {a}.sections x WHERE NOT EXISTS (SELECT 1 FROM {b}.sections y WHERE y.id = x.id)"
_CHANGED_SECTIONS = "FROM new.sections n JOIN old.sections o ON o.id = n.id WHERE o.title IS NOT n.title"
_TERMS_ONLY_IN = "FROM {a}.glossary x WHERE NOT EXISTS (SELECT 1 FROM {b}.glossary y WHERE y.term = x.term)"
_CHANGED_TERMS = "FROM new.glossary n JOIN old.glossary o ON o.term = n.term WHERE o.definition IS NOT n.definition"


class FactBaseDiff:
    """The differences from OLD to NEW. Both files are checked as fact bases, then attached read-only."""

    def __init__(self, old: Path | str, new: Path | str) -> None:
        self.old = _document(Path(old))
        self.new = _document(Path(new))
        # The store has checked both files; this connection only reads them, in sets.
        self._conn = sqlite3.connect("file::memory:", uri=True)
        try:
            for alias, doc in (("old", self.old), ("new", self.new)):
                self._conn.execute("ATTACH DATABASE ? AS " + alias, (_read_only_uri(Path(doc.path)),))
        except sqlite3.Error:
            self._conn.close()
            raise

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> FactBaseDiff:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def counts(self) -> DiffCounts:
        def count(from_clause: str) -> int:
            return int(self._conn.execute(f"SELECT COUNT(*) {from_clause}").fetchone()[0])

        return DiffCounts(
            facts_added=count(_ONLY_IN.format(a="new", b="old")),
            facts_removed=count(_ONLY_IN.format(a="old", b="new")),
            facts_changed=count(_CHANGED_FACTS),
            sections_added=count(_SECTIONS_ONLY_IN.format(a="new", b="old")),
            sections_removed=count(_SECTIONS_ONLY_IN.format(a="old", b="new")),
            sections_changed=count(_CHANGED_SECTIONS),
            terms_added=count(_TERMS_ONLY_IN.format(a="new", b="old")),
            terms_removed=count(_TERMS_ONLY_IN.format(a="old", b="new")),
            terms_changed=count(_CHANGED_TERMS),
        )

    def added_facts(self) -> Iterator[FactEntry]:
        return self._facts_only_in("new", "old")

    def removed_facts(self) -> Iterator[FactEntry]:
        return self._facts_only_in("old", "new")

    def changed_facts(self) -> Iterator[FactChange]:
        pairs = ", ".join(f"o.{f}, n.{f}" for f in FACT_FIELDS)
        for row in self._conn.execute(f"SELECT n.id, n.label, {pairs} {_CHANGED_FACTS} ORDER BY n.rowid"):
            values = row[2:]
            changes = tuple(
                FieldChange(field, values[2 * i], values[2 * i + 1])
                for i, field in enumerate(FACT_FIELDS)
                if values[2 * i] != values[2 * i + 1]
            )
            yield FactChange(id=row[0], label=row[1], changes=changes)

    def added_sections(self) -> Iterator[SectionEntry]:
        return self._sections_only_in("new", "old")

    def removed_sections(self) -> Iterator[SectionEntry]:
        return self._sections_only_in("old", "new")

    def changed_sections(self) -> Iterator[SectionChange]:
        for row in self._conn.execute(f"SELECT n.id, o.title, n.title {_CHANGED_SECTIONS} ORDER BY n.rowid"):
            yield SectionChange(*row)

    def added_terms(self) -> Iterator[TermEntry]:
        return self._terms_only_in("new", "old")

    def removed_terms(self) -> Iterator[TermEntry]:
        return self._terms_only_in("old", "new")

    def changed_terms(self) -> Iterator[TermChange]:
        for row in self._conn.execute(f"SELECT n.term, o.definition, n.definition {_CHANGED_TERMS} ORDER BY n.rowid"):
            yield TermChange(*row)

    def _facts_only_in(self, a: str, b: str) -> Iterator[FactEntry]:
        for row in self._conn.execute(f"SELECT {_FACT_COLUMNS} {_ONLY_IN.format(a=a, b=b)} ORDER BY x.rowid"):
            yield FactEntry(*row)

    def _sections_only_in(self, a: str, b: str) -> Iterator[SectionEntry]:
        for row in self._conn.execute(f"SELECT x.id, x.title {_SECTIONS_ONLY_IN.format(a=a, b=b)} ORDER BY x.rowid"):
            yield SectionEntry(*row)

    def _terms_only_in(self, a: str, b: str) -> Iterator[TermEntry]:
        for row in self._conn.execute(
            f"SELECT x.term, x.definition {_TERMS_ONLY_IN.format(a=a, b=b)} ORDER BY x.rowid"
        ):
            yield TermEntry(*row)


def _document(path: Path) -> Document:
    # FactBase.open gives the house's one-line errors for a missing, broken or newer-schema file.
    with FactBase.open(path) as fb:
        return fb.document


def _read_only_uri(path: Path) -> str:
    # immutable: the store has refused a file with a -wal or a hot journal beside it, and nothing may be written
    # beside a fact base (mode=ro alone writes a -shm beside a WAL-mode file).
    return f"file:{quote(str(path.resolve()))}?mode=ro&immutable=1"
