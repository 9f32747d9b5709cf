"""Errors the store raises: each carries one line a user can act on."""

from __future__ import annotations

import sqlite3
from pathlib import Path


class FactBaseError(Exception):
    """A fact base cannot be opened or read. str() is one line naming the file and what is wrong."""

    def __init__(self, path: Path | str, problem: str) -> None:
        self.path = Path(path)
        self.problem = " ".join(problem.split())  # one line, whatever a hostile file put in it
        super().__init__(f"{self.path}: {self.problem}")


class UnknownIdError(KeyError):
    """No fact, section or term has this id; carries the nearest known ids."""

    def __init__(self, what: str, wanted: str, known: list[str]) -> None:
        self.what = what
        self.wanted = wanted
        import difflib  # only when an id is wrong: not on the window's start-up path

        self.nearest = difflib.get_close_matches(wanted, known, n=3, cutoff=0.6)
        super().__init__(wanted)

    def __str__(self) -> str:
        hint = f"; did you mean {', '.join(self.nearest)}?" if self.nearest else ""
        return f"unknown {self.what} {self.wanted!r}{hint}"


# SQLite's result codes that say something about the file rather than about our SQL, and what to tell the user.
# Looked up by the code's name without its extended suffix (SQLITE_CORRUPT_INDEX -> SQLITE_CORRUPT).
_FILE_PROBLEMS = {
    "SQLITE_BUSY": "is locked by another program; close it there (or wait for it to finish) and try again",
    "SQLITE_LOCKED": "is locked by another program; close it there (or wait for it to finish) and try again",
    "SQLITE_CORRUPT": "is damaged (truncated or corrupt); reinstall or rebuild it",
    "SQLITE_NOTADB": "is not a SQLite database",
    "SQLITE_TOOBIG": "holds a value too long to read safely",
    "SQLITE_IOERR": "cannot be read (a disk or file system error)",
    "SQLITE_CANTOPEN": "cannot be opened",
    "SQLITE_NOMEM": "is too large to read in the memory available",
    "SQLITE_PERM": "cannot be opened (permission denied)",
    "SQLITE_AUTH": "cannot be opened (permission denied)",
    "SQLITE_FULL": "cannot be read (the disk is full)",
    "SQLITE_INTERRUPT": "is too slow or damaged: a query ran too long and was stopped",
}
# Read-only opens meet these when SQLite would have to write beside the file to read it.
_READ_ONLY_PROBLEMS = {
    "SQLITE_READONLY_ROLLBACK": (
        "has an unfinished write (a hot journal beside it) that cannot be rolled back without changing the file; "
        "open it once with the sqlite3 tool where it may be written, or ask for a clean copy"
    ),
    "SQLITE_READONLY_RECOVERY": (
        "is in WAL mode and needs recovery, which would change it; open it once with the sqlite3 tool where it "
        "may be written (or copy it), then open the copy"
    ),
    "SQLITE_READONLY_CANTINIT": "is in WAL mode and its shared-memory file cannot be used read-only",
    "SQLITE_READONLY_DIRECTORY": "lies in a directory that cannot be written, and SQLite needed to write there",
}


def file_problem(exc: sqlite3.Error) -> str | None:
    """What a SQLite error says about the file, with SQLite's own words; None when it is about our SQL."""
    name = getattr(exc, "sqlite_errorname", "") or ""
    reason = str(exc).strip() or name
    if name in _READ_ONLY_PROBLEMS:
        return f"{_READ_ONLY_PROBLEMS[name]} ({reason})"
    base = "_".join(name.split("_")[:2])
    if base in _FILE_PROBLEMS:
        return f"{_FILE_PROBLEMS[base]} ({reason})"
    if isinstance(exc, sqlite3.DatabaseError) and "malformed" in reason:
        return f"{_FILE_PROBLEMS['SQLITE_CORRUPT']} ({reason})"
    return None
