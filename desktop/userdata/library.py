"""The library: the bundled report plus every fact base the user added or opened, and the recent files.

An entry is keyed by its report identity (report_files.py), so adding a rebuilt copy of a report already in the
library moves that entry to the new file rather than listing the report twice. Removing an entry never touches
the file, and keeps the user's notes on the report.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

from desktop.store import FactBase, FactBaseError
from desktop.userdata.database import UserDatabase, now
from desktop.userdata.report_files import connect_read_only, report_facts

RECENT_SHOWN = 10
RECENT_KEPT = 50  # more than shown: a file on an unplugged drive drops out of the list, not out of memory


@dataclass(frozen=True)
class LibraryEntry:
    id: str  # the report identity
    path: Path
    title: str
    publisher: str | None
    date: str | None
    identity_from: str  # "source" or "file"
    bundled: bool
    added: str
    last_opened: str | None


@dataclass(frozen=True)
class FileStatus:
    """Whether an entry's file can be read now, and its number of facts (None when it cannot)."""

    readable: bool
    facts: int | None
    problem: str | None


class UnknownReportError(KeyError):
    def __init__(self, wanted: str, known: list[str]) -> None:
        self.wanted = wanted
        self.known = known
        super().__init__(wanted)

    def __str__(self) -> str:
        return f"no report {self.wanted!r} in the library; its ids: {', '.join(self.known) or 'none'}"


class BundledReportError(ValueError):
    pass


def _entry(r: sqlite3.Row) -> LibraryEntry:
    return LibraryEntry(
        r["id"],
        Path(r["path"]),
        r["title"],
        r["publisher"],
        r["date"],
        r["identity_from"],
        bool(r["bundled"]),
        r["added"],
        r["last_opened"],
    )


def library(db: UserDatabase) -> list[LibraryEntry]:
    """The bundled report first, then the others by title."""
    with db.read() as conn:
        rows = conn.execute("SELECT * FROM reports ORDER BY bundled DESC, title COLLATE NOCASE, id").fetchall()
    return [_entry(r) for r in rows]


def entry(db: UserDatabase, report_id: str) -> LibraryEntry:
    with db.read() as conn:
        row = conn.execute("SELECT * FROM reports WHERE id = ?", (report_id,)).fetchone()
    if row is None:
        raise UnknownReportError(report_id, [e.id for e in library(db)])
    return _entry(row)


def add_report(db: UserDatabase, path: Path | str) -> LibraryEntry:
    """Validate the file (FactBaseError's one line when bad) and add it, or move its report's entry to it."""
    with FactBase.open(path) as factbase:
        return add_opened(db, factbase, opened=False)


def add_opened(db: UserDatabase, factbase: FactBase, *, opened: bool = True, bundled: bool = False) -> LibraryEntry:
    """Add a fact base the caller already opened (the window's File ▸ Open); opened=True also marks it recent."""
    facts = report_facts(factbase)
    path = str(Path(factbase.path).resolve())
    stamp = now()
    with db.write() as conn:
        existing = conn.execute("SELECT bundled FROM reports WHERE id = ?", (facts.id,)).fetchone()
        if existing is not None and existing["bundled"] and not bundled:
            pass  # a copy of the bundled report: the entry keeps pointing at the copy that ships with the app
        elif existing is not None:
            conn.execute(
                "UPDATE reports SET path = ?, title = ?, publisher = ?, date = ?, bundled = ? WHERE id = ?",
                (path, facts.title, facts.publisher, facts.date, int(bundled), facts.id),
            )
        else:
            conn.execute(
                "INSERT INTO reports (id, path, title, publisher, date, identity_from, bundled, added) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (facts.id, path, facts.title, facts.publisher, facts.date, facts.identity_from, int(bundled), stamp),
            )
        if opened:
            _touch(conn, path, stamp)
    return entry(db, facts.id)


def ensure_bundled(db: UserDatabase, bundled_path: Path) -> None:
    """The bundled report is always in the library; a new app version's report replaces the old one's entry."""
    try:
        factbase = FactBase.open(bundled_path)
    except FactBaseError:
        return  # a broken install: the window and the commands say so when they open it
    with factbase:
        wanted = report_facts(factbase)
        path = str(bundled_path.resolve())
        with db.read() as conn:
            row = conn.execute("SELECT path, bundled FROM reports WHERE id = ?", (wanted.id,)).fetchone()
            stale = conn.execute("SELECT count(*) FROM reports WHERE bundled = 1 AND id != ?", (wanted.id,)).fetchone()
        if row is not None and row["bundled"] and row["path"] == path and not stale[0]:
            return  # the usual start: nothing to write
        with db.write() as conn:
            conn.execute("DELETE FROM reports WHERE bundled = 1 AND id != ?", (wanted.id,))
        add_opened(db, factbase, opened=False, bundled=True)


def remove_report(db: UserDatabase, report_id: str) -> LibraryEntry:
    """Take a report out of the library; the file and the notes on it stay."""
    removed = entry(db, report_id)
    if removed.bundled:
        raise BundledReportError(f"{report_id} is the bundled report ({removed.title}); it cannot be removed")
    with db.write() as conn:
        conn.execute("DELETE FROM reports WHERE id = ?", (report_id,))
    return removed


def touch(db: UserDatabase, path: Path | str) -> None:
    """Note that a fact base was opened: it goes to the top of the recent files."""
    with db.write() as conn:
        _touch(conn, str(Path(path).resolve()), now())


def _touch(conn: sqlite3.Connection, path: str, stamp: str) -> None:
    seq = conn.execute("SELECT coalesce(max(seq), 0) + 1 FROM recent").fetchone()[0]
    conn.execute(
        "INSERT INTO recent (path, seq, opened) VALUES (?, ?, ?) "
        "ON CONFLICT (path) DO UPDATE SET seq = excluded.seq, opened = excluded.opened",
        (path, seq, stamp),
    )
    conn.execute("UPDATE reports SET last_opened = ? WHERE path = ?", (stamp, path))
    conn.execute("DELETE FROM recent WHERE seq <= ?", (seq - RECENT_KEPT,))


def recent(db: UserDatabase) -> list[Path]:
    """The most recently opened fact bases, newest first, at most RECENT_SHOWN; unreadable ones left out."""
    with db.read() as conn:
        rows = conn.execute("SELECT path FROM recent ORDER BY seq DESC").fetchall()
    shown: list[Path] = []
    for row in rows:
        path = Path(row["path"])
        if file_status(path).readable:
            shown.append(path)
            if len(shown) == RECENT_SHOWN:
                break
    return shown


def file_status(path: Path) -> FileStatus:
    """A cheap look at a fact base file (the header, its meta, a count of facts), without reading every page."""
    try:
        conn = connect_read_only(path)  # the header, a regular file, WAL and lock cases: the store's checks
        try:
            conn.execute("SELECT value FROM meta WHERE key = 'title'").fetchone()
            count = int(conn.execute("SELECT count(*) FROM facts").fetchone()[0])
        finally:
            conn.close()
    except FactBaseError as exc:
        return FileStatus(False, None, exc.problem)
    except sqlite3.Error as exc:  # a SQLite file without the tables: not a fact base
        return FileStatus(False, None, f"cannot be read ({exc})")
    return FileStatus(True, count, None)
