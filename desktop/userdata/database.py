"""The user database file: opened writable, checked, migrated; every save one transaction.

Crash safety comes from SQLite itself: WAL journal with synchronous=FULL, so a commit is on disk before it
returns and a process killed mid-save leaves the last committed state (the WAL's uncommitted frames are
ignored on the next open). One writer at a time: every save starts with BEGIN IMMEDIATE, which takes SQLite's
write lock up front (waiting up to BUSY_TIMEOUT_S for another process), and a lock serialises the threads of
one process on the shared connection. The user's notes are precious: a damaged file or one from a newer
version is refused with its path, never recreated, overwritten or deleted.
"""

from __future__ import annotations

import contextlib
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

from desktop.userdata.schema import APPLICATION_ID, MIGRATIONS, SCHEMA_VERSION

BUSY_TIMEOUT_S = 5.0
_HEADER = b"SQLite format 3\x00"


class UserDataError(Exception):
    """The user database cannot be used. str() is one line naming the file and what to do."""

    def __init__(self, path: Path | str, problem: str) -> None:
        self.path = Path(path)
        self.problem = problem
        super().__init__(f"user data {self.path}: {problem}")


def now() -> str:
    """A UTC timestamp as stored: ISO 8601 to the second."""
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


class UserDatabase:
    """One open user database. Reads and writes go through read() and write(); both are thread-safe."""

    def __init__(self, conn: sqlite3.Connection, path: Path) -> None:
        self._conn = conn
        self._lock = threading.RLock()
        self.path = path

    @classmethod
    def open(cls, path: Path) -> UserDatabase:
        conn = _connect(path)
        try:
            _check(conn, path)
            conn.execute("PRAGMA foreign_keys = ON")
            conn.execute("PRAGMA synchronous = FULL")
            mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
            if mode != "wal":
                raise UserDataError(path, f"cannot use a write-ahead log here (journal mode stays {mode!r})")
            database = cls(conn, path)
            database._migrate()
            return database
        except sqlite3.Error as exc:
            conn.close()
            raise UserDataError(path, f"cannot be used ({exc}); it has been left as it is") from None
        except BaseException:
            conn.close()
            raise

    def close(self) -> None:
        with self._lock:
            # Folds the log back into the file, so a copy of the .sqlite file alone is a complete backup. If
            # another process is reading, the log stays and SQLite reads it next time.
            with contextlib.suppress(sqlite3.Error):
                self._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            self._conn.close()

    @contextmanager
    def read(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            yield self._conn

    @contextmanager
    def write(self) -> Iterator[sqlite3.Connection]:
        """One transaction: committed whole when the block ends, rolled back whole if it raises."""
        with self._lock:
            try:
                self._conn.execute("BEGIN IMMEDIATE")
            except sqlite3.OperationalError as exc:
                raise UserDataError(self.path, f"is busy ({exc}): another Fact Explorer is saving; try again") from None
            try:
                yield self._conn
            except BaseException:
                self._conn.execute("ROLLBACK")
                raise
            self._conn.execute("COMMIT")

    def _migrate(self) -> None:
        for version in range(_user_version(self._conn), SCHEMA_VERSION):
            with self.write() as conn:
                if _user_version(conn) != version:  # another process migrated it while we waited
                    continue
                for statement in MIGRATIONS[version]:
                    conn.execute(statement)
                conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
                conn.execute(f"PRAGMA user_version = {version + 1}")


def _user_version(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def _connect(path: Path) -> sqlite3.Connection:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UserDataError(path, f"its folder cannot be created ({exc.strerror or exc})") from None
    if path.is_dir():
        raise UserDataError(path, "is a directory, not a user database")
    _check_header(path)
    try:
        conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_S, isolation_level=None, check_same_thread=False)
    except sqlite3.Error as exc:
        raise UserDataError(path, f"cannot be opened ({exc})") from None
    conn.row_factory = sqlite3.Row
    return conn


def _check_header(path: Path) -> None:
    try:
        with path.open("rb") as fh:
            header = fh.read(len(_HEADER))
    except FileNotFoundError:
        return  # a first start: SQLite creates it
    except OSError as exc:
        raise UserDataError(path, f"cannot be read ({exc.strerror or exc})") from None
    if header and header != _HEADER:
        raise UserDataError(path, _damaged("is not a SQLite database"))


def _damaged(what: str) -> str:
    return f"{what}; it has been left as it is (your notes may be recoverable): move it away to start afresh"


def _check(conn: sqlite3.Connection, path: Path) -> None:
    try:
        result = conn.execute("PRAGMA quick_check").fetchone()[0]
        app_id = int(conn.execute("PRAGMA application_id").fetchone()[0])
        version = _user_version(conn)
        tables = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
    except sqlite3.DatabaseError as exc:
        raise UserDataError(path, _damaged(f"is damaged ({exc})")) from None
    if result != "ok":
        raise UserDataError(path, _damaged(f"is damaged (integrity check: {result})"))
    if app_id != APPLICATION_ID and (tables or version):
        raise UserDataError(path, "is a SQLite database of another program, not Fact Explorer's user data")
    if version > SCHEMA_VERSION:
        raise UserDataError(
            path,
            f"was written by a newer Fact Explorer (user data version {version}; this one knows up to "
            f"{SCHEMA_VERSION}); it has been left as it is: use the newer version",
        )
