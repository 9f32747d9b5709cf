"""The reports one window can show: the one it opened on, and the others of the user's library.

Plain Python (no Qt, no SQL of its own): the window asks it for a report's fact base by the library's report id;
a fact base is opened, read-only, the first time it is shown, and kept open until the report leaves the shelf.
A library file that has become unreadable is reported when it is asked for, with the store's one line, and the
rest of the shelf keeps working.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from desktop.store import FactBase
from desktop.userdata.report_files import report_facts


@dataclass(frozen=True)
class ShelfEntry:
    id: str  # the library's report identity
    title: str
    path: Path
    bundled: bool = False


def report_id(factbase: FactBase) -> str:
    """The library's identity of an opened fact base (its source and title, or its bytes)."""
    return report_facts(factbase).id


class ReportShelf:
    def __init__(self, opener: Callable[[Path], FactBase] = FactBase.open) -> None:
        self._opener = opener
        self._entries: dict[str, ShelfEntry] = {}
        self._open: dict[str, FactBase] = {}

    def add_open(self, factbase: FactBase, *, bundled: bool = False) -> ShelfEntry:
        """A fact base already opened (the one the window starts on, or one the user opened or imported)."""
        entry = ShelfEntry(report_id(factbase), factbase.document.title, Path(factbase.path), bundled)
        if entry.id in self._open and self._open[entry.id] is not factbase:
            factbase.close()  # the same report twice: keep the one open already
        else:
            self._open[entry.id] = factbase
        self._entries.setdefault(entry.id, entry)
        return self._entries[entry.id]

    def add_entry(self, entry: ShelfEntry) -> None:
        """A library report, opened when it is first shown."""
        self._entries.setdefault(entry.id, entry)

    def remove(self, report_id: str) -> None:
        self._entries.pop(report_id, None)
        factbase = self._open.pop(report_id, None)
        if factbase is not None:
            factbase.close()

    def entries(self) -> list[ShelfEntry]:
        return list(self._entries.values())

    def entry(self, report_id: str) -> ShelfEntry:
        return self._entries[report_id]

    def __contains__(self, report_id: object) -> bool:
        return report_id in self._entries

    def get(self, report_id: str) -> FactBase:
        """The report's fact base, opened on first use; FactBaseError (one line) if its file cannot be read."""
        factbase = self._open.get(report_id)
        if factbase is None:
            factbase = self._opener(self._entries[report_id].path)
            self._open[report_id] = factbase
        return factbase

    def close(self) -> None:
        for factbase in self._open.values():
            factbase.close()
        self._open.clear()
