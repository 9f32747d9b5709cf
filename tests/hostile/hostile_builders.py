"""How the hostile cases are made: each builder takes the good fact base and a folder, and returns the path to
give as --db. Writes happen on copies only, through a writable sqlite3 connection closed before the case runs."""

from __future__ import annotations

import contextlib
import os
import shutil
import sqlite3
import struct
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

TEN_MB = 10 * 1024 * 1024
MARKUP = '<b>bold</b><img src="file:///etc/hostname"><script>alert(1)</script>&amp;'
FACT = "id = 'ferry-crossings'"  # the tiny base's fact that most content cases spoil


def copy_of(good: Path, folder: Path, name: str = "base.sqlite") -> Path:
    path = folder / name
    shutil.copyfile(good, path)
    return path


def with_sql(*statements: str, name: str = "base.sqlite") -> Callable[[Path, Path], Path]:
    """A copy of the good base with these statements run on it (then closed, leaving no journal)."""

    def make(good: Path, folder: Path) -> Path:
        path = copy_of(good, folder, name)
        conn = sqlite3.connect(path)
        conn.create_function("big", 1, lambda n: "x" * n)
        for statement in statements:
            conn.execute(statement)
        conn.commit()
        conn.close()
        return path

    return make


def column_dropped(table: str, column: str) -> Callable[[Path, Path], Path]:
    def make(good: Path, folder: Path) -> Path:
        path = copy_of(good, folder)
        conn = sqlite3.connect(path)
        for (index,) in conn.execute(
            "SELECT DISTINCT il.name FROM pragma_index_list(?) il JOIN pragma_index_info(il.name) ii"
            " WHERE ii.name = ? AND il.origin = 'c'",
            (table, column),
        ).fetchall():
            conn.execute(f'DROP INDEX "{index}"')
        conn.execute(f'ALTER TABLE "{table}" DROP COLUMN "{column}"')
        conn.commit()
        conn.close()
        return path

    return make


def file_of(data: bytes) -> Callable[[Path, Path], Path]:
    def make(good: Path, folder: Path) -> Path:
        path = folder / "base.sqlite"
        path.write_bytes(data)
        return path

    return make


def truncated(fraction: float = 0.0, keep: int | None = None) -> Callable[[Path, Path], Path]:
    def make(good: Path, folder: Path) -> Path:
        data = good.read_bytes()
        path = folder / "base.sqlite"
        path.write_bytes(data[: keep if keep is not None else int(len(data) * fraction)])
        return path

    return make


def overwritten(offset_fraction: float, length: int, fill: bytes = b"\xa5") -> Callable[[Path, Path], Path]:
    def make(good: Path, folder: Path) -> Path:
        data = bytearray(good.read_bytes())
        at = int(len(data) * offset_fraction)
        data[at : at + length] = fill * length
        path = folder / "base.sqlite"
        path.write_bytes(bytes(data))
        return path

    return make


def header_patched(offset: int, value: bytes, size: int | None = None) -> Callable[[Path, Path], Path]:
    def make(good: Path, folder: Path) -> Path:
        data = bytearray(good.read_bytes()[:size] if size else good.read_bytes())
        data[offset : offset + len(value)] = value
        path = folder / "base.sqlite"
        path.write_bytes(bytes(data))
        return path

    return make


def nan_value(good: Path, folder: Path) -> Path:
    """A NaN written into the file's bytes (SQLite itself never stores one): every copy of a fact's value."""
    # A fractional value, because SQLite writes a whole REAL as an integer on disk.
    path = updated("facts", "value", "8200.123", FACT)(good, folder)
    data = path.read_bytes()
    assert struct.pack(">d", 8200.123) in data
    path.write_bytes(data.replace(struct.pack(">d", 8200.123), struct.pack(">d", float("nan"))))
    return path


def fifo_beside(path: Path, suffix: str) -> Path:
    os.mkfifo(f"{path}{suffix}")
    return path


def fifo(good: Path, folder: Path) -> Path:
    path = folder / "base.sqlite"
    os.mkfifo(path)
    return path


def symlink_to(target: str) -> Callable[[Path, Path], Path]:
    def make(good: Path, folder: Path) -> Path:
        real = Path(target)
        if target == "fifo":
            real = folder / "pipe"
            os.mkfifo(real)
        elif target == "good":
            real = copy_of(good, folder, "real.sqlite")
        path = folder / "base.sqlite"
        path.symlink_to(real)
        return path

    return make


def directory(good: Path, folder: Path) -> Path:
    path = folder / "base.sqlite"
    path.mkdir()
    return path


def copy_named(name: str) -> Callable[[Path, Path], Path]:
    return lambda good, folder: copy_of(good, folder, name)


def read_only_directory(good: Path, folder: Path) -> Path:
    path = copy_of(good, folder)
    folder.chmod(0o555)  # root may still write here: what this shows is that nothing needs to be written
    return path


def mode_000(good: Path, folder: Path) -> Path:
    path = copy_of(good, folder)
    path.chmod(0)  # root still reads it: tests run as root, so this shows only that nothing needs the mode
    return path


def wal_mode(leave: str = "") -> Callable[[Path, Path], Path]:
    def make(good: Path, folder: Path) -> Path:
        path = copy_of(good, folder)
        conn = sqlite3.connect(path)
        conn.execute("PRAGMA journal_mode = WAL")
        conn.close()
        if leave == "wal":  # a writer that died with changes still in its -wal file
            writer = sqlite3.connect(path, isolation_level=None)
            writer.execute("PRAGMA wal_autocheckpoint = 0")
            writer.execute("UPDATE facts SET label = label || ' (edited)'")
            shutil.copyfile(path, folder / "copy.sqlite")
            shutil.copyfile(folder / "base.sqlite-wal", folder / "copy.sqlite-wal")
            writer.close()
            (folder / "base.sqlite").unlink()
            for suffix in ("-wal", "-shm"):
                Path(f"{path}{suffix}").unlink(missing_ok=True)
            (folder / "copy.sqlite").rename(path)
            (folder / "copy.sqlite-wal").rename(f"{path}-wal")
        elif leave == "shm":
            Path(f"{path}-shm").write_bytes(b"\0" * 32768)
        return path

    return make


def planted_beside(suffix: str, what: str) -> Callable[[Path, Path], Path]:
    """A good base with something planted beside it under the name SQLite looks for."""

    def make(good: Path, folder: Path) -> Path:
        path = copy_of(good, folder)
        sibling = Path(f"{path}{suffix}")
        if what == "fifo":
            os.mkfifo(sibling)
        elif what == "empty":
            sibling.write_bytes(b"")
        elif what == "wal-of-another-writer":
            elsewhere = folder.parent / "writer"
            elsewhere.mkdir(exist_ok=True)
            writer = wal_mode()(good, elsewhere)
            edit = sqlite3.connect(writer, isolation_level=None)
            edit.execute("PRAGMA wal_autocheckpoint = 0")
            edit.execute("UPDATE facts SET label = label || ' (edited)'")
            shutil.copyfile(f"{writer}-wal", sibling)
            edit.close()
        else:
            sibling.symlink_to(what)
        return path

    return make


def hot_journal(good: Path, folder: Path) -> Path:
    """The file and journal of a writer that died mid-transaction: copied while the writer holds its lock."""
    source = copy_of(good, folder, "writer.sqlite")
    writer = sqlite3.connect(source, isolation_level=None)
    writer.execute("PRAGMA cache_size = 1")  # spill changed pages into the file, so the journal is needed
    writer.execute("BEGIN")
    writer.execute("UPDATE paragraphs SET text = text || ' (edited)'")
    writer.execute("UPDATE facts SET label = label || ' (edited)'")
    path = folder / "base.sqlite"
    shutil.copyfile(source, path)
    shutil.copyfile(f"{source}-journal", f"{path}-journal")
    writer.execute("ROLLBACK")
    writer.close()
    source.unlink()
    return path


_HOLDER = """
import sqlite3, sys
holder = sqlite3.connect(sys.argv[1], isolation_level=None, timeout=0)
holder.execute("BEGIN EXCLUSIVE")
print("locked", flush=True)
sys.stdin.read()  # hold the lock until the test closes our stdin
holder.execute("ROLLBACK")
"""


@contextlib.contextmanager
def locked(path: Path) -> Iterator[None]:
    """Another program writing: an exclusive lock held, in a process of its own, for as long as the job runs.
    (Not in the test's process: POSIX drops a process's locks on a file when any of its descriptors of that
    file closes, and the test reads the file to record it.)"""
    holder = subprocess.Popen(
        [sys.executable, "-c", _HOLDER, str(path)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        yield
    finally:
        assert holder.stdin is not None
        holder.stdin.close()
        holder.wait(timeout=30)


def updated(table: str, column: str, value: str, where: str = "1") -> Callable[[Path, Path], Path]:
    return with_sql(f'UPDATE "{table}" SET "{column}" = {value} WHERE {where}')


_TEXT_COLUMNS = {
    "facts": ["label", "unit", "qualifier", "period", "quote"],
    "sections": ["title", "subheading"],
    "glossary": ["definition"],
    "paragraphs": ["text"],
}


def markup_everywhere(good: Path, folder: Path) -> Path:
    """Markup planted in every text column the app shows, keeping quotes and figures where they were."""
    path = copy_of(good, folder)
    conn = sqlite3.connect(path)
    conn.execute("UPDATE meta SET value = value || ?1 WHERE key = 'title'", (MARKUP,))
    conn.execute("UPDATE sections SET title = title || ?1, subheading = coalesce(subheading, '') || ?1", (MARKUP,))
    conn.execute("UPDATE facts SET label = label || ?1, unit = unit || ?1, period = period || ?1", (MARKUP,))
    conn.execute("UPDATE paragraphs SET text = text || ?1", (MARKUP,))  # appended: quote offsets still hold
    conn.execute("UPDATE glossary SET definition = definition || ?1", (MARKUP,))
    conn.commit()
    conn.close()
    return path


def many_facts(count: int) -> Callable[[Path, Path], Path]:
    """One section given `count` more facts, copies of one of its facts, each with an id of its own."""
    return with_sql(
        f"WITH RECURSIVE n(v) AS (SELECT 1 UNION ALL SELECT v + 1 FROM n WHERE v < {count})"
        " INSERT INTO facts SELECT f.id || '-copy-' || n.v, f.section_id, f.position + n.v, f.label, f.value + n.v,"
        " f.value_min, f.value_max, f.unit, f.qualifier, f.period, f.kind, f.quote, f.figure, f.paragraph_id,"
        f" f.quote_start, f.figure_start, f.derived, f.formula, f.derived_from FROM facts f, n WHERE f.{FACT}"
    )


def without_rowid(good: Path, folder: Path) -> Path:
    path = copy_of(good, folder)
    conn = sqlite3.connect(path)
    (create,) = conn.execute("SELECT sql FROM sqlite_master WHERE name = 'facts'").fetchone()
    conn.execute(create.replace('"facts"', '"facts_new"', 1) + " WITHOUT ROWID")
    conn.execute("INSERT INTO facts_new SELECT * FROM facts")
    conn.execute("DROP TABLE facts")
    conn.execute("ALTER TABLE facts_new RENAME TO facts")
    conn.commit()
    conn.close()
    return path


def other_schema(good: Path, folder: Path) -> Path:
    path = folder / "photos.sqlite"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE photos (id INTEGER PRIMARY KEY, path TEXT)")
    conn.commit()
    conn.close()
    return path
