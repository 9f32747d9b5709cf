"""Open a fact base as an untrusted file: read-only, nothing created beside it, every query under a time limit.

Follows SQLite's advice for files from elsewhere (https://sqlite.org/security.html: trusted_schema off, limits,
a progress handler, cell size checks, no memory mapping) and Datasette's way of opening files it only reads
(`mode=ro`, `immutable=1`, `sqlite_timelimit`). What is checked before SQLite sees the file, and why:

- the path is a regular file: SQLite opening a FIFO blocks forever, and a device (/dev/zero) never ends;
- the header says SQLite and the size holds every page the header counts: a truncated copy is named as such;
- a WAL-mode file is opened `immutable=1`, because `mode=ro` creates and writes `-shm` and `-wal` files beside it;
- a `-wal` file with content beside any base is refused (changes not yet in the file: immutable would ignore
  them, and without immutable SQLite would write a `-shm` to read them), and a `-journal`, `-wal` or `-shm`
  that is not a regular file is refused (SQLite opens a `-journal` to see whether it is hot: a FIFO blocks it).

A hot journal (an unfinished write) or a lock held by another program is left to SQLite, which refuses both in
read-only mode without writing anything; its own reason goes into the message (see errors.file_problem).
"""

from __future__ import annotations

import os
import re
import sqlite3
import stat
import time
from pathlib import Path
from typing import Any
from urllib.parse import quote

from desktop.store.errors import FactBaseError, file_problem

QUERY_TIME_LIMIT_S = 10.0  # no single step into SQLite may take longer: a query that would is stopped
INTEGRITY_TIME_LIMIT_S = 600.0  # FactBase.integrity_check reads every page: ~3 s a GB, so a 100 GB file passes
BUSY_TIMEOUT_S = 1.0  # how long to wait for another program's lock before saying the file is locked
MAX_VALUE_BYTES = 32 * 1024 * 1024  # SQLITE_LIMIT_LENGTH: no string or blob longer than this is ever read
# SQLite's own caps, lowered where the store never needs more (the defaults are 1000, 100,000,000 and 10).
LIMITS = {
    sqlite3.SQLITE_LIMIT_LENGTH: MAX_VALUE_BYTES,
    sqlite3.SQLITE_LIMIT_SQL_LENGTH: 1_000_000,
    sqlite3.SQLITE_LIMIT_EXPR_DEPTH: 200,
    sqlite3.SQLITE_LIMIT_ATTACHED: 0,
}
_PROGRESS_EVERY = 1000  # virtual machine steps between two looks at the clock (Datasette's choice)
_SQLITE_MAGIC = b"SQLite format 3\x00"
_NOT_UTF8 = re.compile(r"Could not decode to UTF-8 column '([^']{0,60})")
_monotonic = time.monotonic
_plain_next = sqlite3.Cursor.__next__


class GuardedCursor(sqlite3.Cursor):
    """A cursor whose every step into SQLite runs under the connection's time limit; file problems (corruption,
    locks, an over-long value, the time limit) come out as FactBaseError with SQLite's reason."""

    connection: GuardedConnection

    def execute(self, sql: str, parameters: Any = (), /) -> GuardedCursor:
        self.connection.start_clock()
        try:
            super().execute(sql, parameters)
        except sqlite3.Error as exc:
            raise self.connection.translate(exc) from None
        return self

    def fetchone(self) -> Any:
        self.connection.start_clock()
        try:
            return super().fetchone()
        except sqlite3.Error as exc:
            raise self.connection.translate(exc) from None

    def fetchmany(self, size: int | None = None) -> list[Any]:
        self.connection.start_clock()
        try:
            return super().fetchmany(self.arraysize if size is None else size)
        except sqlite3.Error as exc:
            raise self.connection.translate(exc) from None

    def fetchall(self) -> list[Any]:
        self.connection.start_clock()
        try:
            return super().fetchall()
        except sqlite3.Error as exc:
            raise self.connection.translate(exc) from None

    def __next__(self) -> Any:
        # The hot path of streaming a million rows: the clock restarted inline, no super() lookup.
        conn = self.connection
        conn._deadline = _monotonic() + conn.time_limit
        try:
            return _plain_next(self)
        except sqlite3.Error as exc:
            raise conn.translate(exc) from None


class GuardedConnection(sqlite3.Connection):
    """A read-only connection to one fact base. Errors that are not about the file (our SQL) pass through."""

    path: Path
    time_limit: float
    _deadline: float

    def start_clock(self) -> None:
        self._deadline = time.monotonic() + self.time_limit

    def _over_time(self) -> int:
        return 1 if time.monotonic() > self._deadline else 0

    def guard(self, path: Path, time_limit: float = QUERY_TIME_LIMIT_S) -> None:
        self.path = path
        self.time_limit = time_limit
        self.start_clock()
        self.set_progress_handler(self._over_time, _PROGRESS_EVERY)

    def cursor(self, factory: Any = None) -> GuardedCursor:  # type: ignore[override]
        return super().cursor(factory or GuardedCursor)  # type: ignore[no-any-return]

    def execute(self, sql: str, parameters: Any = (), /) -> GuardedCursor:  # type: ignore[override]
        return self.cursor().execute(sql, parameters)

    def translate(self, exc: sqlite3.Error) -> Exception:
        decoding = _NOT_UTF8.match(str(exc))
        if decoding:  # raised by Python's sqlite3 while reading a row: its message quotes the bad text; ours not
            return FactBaseError(self.path, f"holds text that is not valid UTF-8 (in a column {decoding[1]})")
        if getattr(exc, "sqlite_errorname", "") == "SQLITE_INTERRUPT":
            return FactBaseError(
                self.path, f"is too slow or damaged: a query ran over {self.time_limit:g} s and was stopped"
            )
        problem = file_problem(exc)
        if problem is None:
            return exc
        if getattr(exc, "sqlite_errorname", "") == "SQLITE_TOOBIG":
            problem += f"; the limit is {MAX_VALUE_BYTES // (1024 * 1024)} MB"
        return FactBaseError(self.path, problem)

    def close(self) -> None:
        self.set_progress_handler(None, _PROGRESS_EVERY)
        super().close()


def open_read_only(path: Path) -> GuardedConnection:
    """A guarded read-only connection to the fact base at path, after the checks SQLite cannot do itself."""
    header = _read_header(path)
    target = path.resolve()
    _check_siblings(path, target)
    uri = f"file:{quote(str(target))}?mode=ro"
    if _is_wal(header):
        uri += "&immutable=1"  # mode=ro alone would create and write -shm and -wal files beside it
    try:
        conn = sqlite3.connect(
            uri, uri=True, timeout=BUSY_TIMEOUT_S, check_same_thread=False, factory=GuardedConnection
        )
    except sqlite3.Error as exc:
        raise FactBaseError(path, file_problem(exc) or f"cannot be opened ({exc})") from None
    assert isinstance(conn, GuardedConnection)
    conn.guard(path)
    conn.create_function("is_utf8", 1, is_utf8, deterministic=True)  # for validation: SQLite never checks
    try:
        for limit, value in LIMITS.items():
            conn.setlimit(limit, value)
        # SQLite's advice for files from elsewhere: no schema-defined functions with side effects (views,
        # triggers, generated columns), no writes even by mistake, cells checked as read, no mmap of the file.
        for pragma in ("trusted_schema = OFF", "query_only = ON", "cell_size_check = ON", "mmap_size = 0"):
            conn.execute(f"PRAGMA {pragma}")
    except (sqlite3.Error, FactBaseError):
        conn.close()
        raise
    return conn


def is_utf8(data: bytes | None) -> bool:
    """True when bytes (a text value cast to a blob) decode as UTF-8: SQLite stores whatever it is given."""
    if data is None:
        return True
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _read_header(path: Path) -> bytes:
    """The first 100 bytes of a regular file, read without ever blocking on a FIFO or device."""
    try:
        info = os.stat(path)
    except FileNotFoundError:
        broken = os.path.islink(path)
        raise FactBaseError(path, "is a link to a missing file" if broken else "no such file") from None
    except OSError as exc:
        raise FactBaseError(path, f"cannot be read ({exc.strerror})") from None
    _require_regular(path, info.st_mode)
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    except OSError as exc:
        raise FactBaseError(path, f"cannot be read ({exc.strerror})") from None
    try:
        info = os.fstat(fd)  # the file opened may not be the one stat saw: check it again
        _require_regular(path, info.st_mode)
        header = os.read(fd, 100)
    except OSError as exc:
        raise FactBaseError(path, f"cannot be read ({exc.strerror})") from None
    finally:
        os.close(fd)
    _check_header(path, header, info.st_size)
    return header


def _check_siblings(path: Path, target: Path) -> None:
    """The files SQLite reads beside a database: each must be a regular file (SQLite opens a -journal to see if
    it is hot, and a FIFO there blocks it for ever), and a -wal file must hold nothing: SQLite reads one beside
    any database, even one whose header says rollback mode, and then writes a -shm file to use it."""
    for suffix in ("-journal", "-wal", "-shm"):
        sibling = target.with_name(target.name + suffix)
        try:
            info = os.stat(sibling)
        except OSError:
            continue  # absent, or a broken link: SQLite sees no file there either
        if not stat.S_ISREG(info.st_mode):
            raise FactBaseError(
                path, f"has {sibling.name} beside it, which is {_kind(info.st_mode)}, not a file; remove it first"
            )
        if suffix == "-wal" and info.st_size > 0:
            raise FactBaseError(
                path,
                f"has changes not yet written into it ({sibling.name} beside it); open it once with the sqlite3 "
                "tool to checkpoint them (WAL mode), or copy it with `sqlite3 FILE .backup COPY` and open the copy",
            )


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a directory"
    return "a FIFO" if stat.S_ISFIFO(mode) else "a socket" if stat.S_ISSOCK(mode) else "a device"


def _require_regular(path: Path, mode: int) -> None:
    if stat.S_ISDIR(mode):
        raise FactBaseError(path, "is a directory, not a fact base file")
    if not stat.S_ISREG(mode):
        raise FactBaseError(path, f"is {_kind(mode)}, not a regular file; a fact base is a regular file")


def _check_header(path: Path, header: bytes, size: int) -> None:
    """Tell a non-SQLite file and a truncated copy apart before SQLite gives both the same vague error."""
    if size == 0:
        raise FactBaseError(path, "is an empty file, not a fact base")
    if len(header) < 100 or not header.startswith(_SQLITE_MAGIC):
        raise FactBaseError(path, "is not a SQLite database")
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    if page_size < 512 or page_size & (page_size - 1):
        raise FactBaseError(path, f"is damaged (its header gives a page size of {page_size}); reinstall or rebuild it")
    pages = int.from_bytes(header[28:32], "big")
    expected = page_size * pages
    if pages and size < expected:
        raise FactBaseError(path, f"is truncated ({size:,} of {expected:,} bytes); reinstall or rebuild it")


def _is_wal(header: bytes) -> bool:
    """Bytes 18 and 19 are the file format's write and read versions: 2 means WAL mode."""
    return header[18] == 2 or header[19] == 2
