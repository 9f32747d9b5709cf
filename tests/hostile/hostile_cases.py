"""Hostile fact bases and inputs, each made from a copy of the tiny fact base (or from nothing) in its own folder.

A case is a name, a builder `make(good, folder) -> path to give as --db`, what a user must see ("ok": it opens
and works; "refused": one line naming the problem, matching `says`; "either": works or is refused, but cleanly),
and, for a lock, a context that holds the lock while the job runs.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sqlite3
import struct
import subprocess
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

TEN_MB = 10 * 1024 * 1024
MARKUP = '<b>bold</b><img src="file:///etc/hostname"><script>alert(1)</script>&amp;'


@dataclass(frozen=True)
class Case:
    name: str
    make: Callable[[Path, Path], Path]
    expect: str  # "ok", "refused" or "either"
    says: str = ""  # a piece of the one line a refusal prints
    hold: Callable[[Path], contextlib.AbstractContextManager[None]] | None = None
    damaged: bool = False  # integrity_check() must find it even if open does not


def _copy(good: Path, folder: Path, name: str = "base.sqlite") -> Path:
    path = folder / name
    shutil.copyfile(good, path)
    return path


def _sql(*statements: str, name: str = "base.sqlite") -> Callable[[Path, Path], Path]:
    """A copy of the good base with these statements run on it (then closed, leaving no journal)."""

    def make(good: Path, folder: Path) -> Path:
        path = _copy(good, folder, name)
        conn = sqlite3.connect(path)
        conn.create_function("big", 1, lambda n: "x" * n)
        for statement in statements:
            conn.execute(statement)
        conn.commit()
        conn.close()
        return path

    return make


def _drop_column(table: str, column: str) -> Callable[[Path, Path], Path]:
    def make(good: Path, folder: Path) -> Path:
        path = _copy(good, folder)
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


def _bytes(data: bytes) -> Callable[[Path, Path], Path]:
    def make(good: Path, folder: Path) -> Path:
        path = folder / "base.sqlite"
        path.write_bytes(data)
        return path

    return make


def _truncated(fraction: float = 0.0, keep: int | None = None) -> Callable[[Path, Path], Path]:
    def make(good: Path, folder: Path) -> Path:
        data = good.read_bytes()
        path = folder / "base.sqlite"
        path.write_bytes(data[: keep if keep is not None else int(len(data) * fraction)])
        return path

    return make


def _overwritten(offset_fraction: float, length: int, fill: bytes = b"\xa5") -> Callable[[Path, Path], Path]:
    def make(good: Path, folder: Path) -> Path:
        data = bytearray(good.read_bytes())
        at = int(len(data) * offset_fraction)
        data[at : at + length] = fill * length
        path = folder / "base.sqlite"
        path.write_bytes(bytes(data))
        return path

    return make


def _header_patch(offset: int, value: bytes, size: int | None = None) -> Callable[[Path, Path], Path]:
    def make(good: Path, folder: Path) -> Path:
        data = bytearray(good.read_bytes()[:size] if size else good.read_bytes())
        data[offset : offset + len(value)] = value
        path = folder / "base.sqlite"
        path.write_bytes(bytes(data))
        return path

    return make


def _nan_value(good: Path, folder: Path) -> Path:
    """A NaN written into the file's bytes (SQLite itself never stores one): every copy of a fact's value."""
    # A fractional value, because SQLite writes a whole REAL as an integer on disk.
    path = _set("facts", "value", "8200.123", FACT)(good, folder)
    data = path.read_bytes()
    assert struct.pack(">d", 8200.123) in data
    path.write_bytes(data.replace(struct.pack(">d", 8200.123), struct.pack(">d", float("nan"))))
    return path


def _fifo_beside(path: Path, suffix: str) -> Path:
    os.mkfifo(f"{path}{suffix}")
    return path


def _fifo(good: Path, folder: Path) -> Path:
    path = folder / "base.sqlite"
    os.mkfifo(path)
    return path


def _link_to(target: str) -> Callable[[Path, Path], Path]:
    def make(good: Path, folder: Path) -> Path:
        real = Path(target)
        if target == "fifo":
            real = folder / "pipe"
            os.mkfifo(real)
        elif target == "good":
            real = _copy(good, folder, "real.sqlite")
        path = folder / "base.sqlite"
        path.symlink_to(real)
        return path

    return make


def _directory(good: Path, folder: Path) -> Path:
    path = folder / "base.sqlite"
    path.mkdir()
    return path


def _named(name: str) -> Callable[[Path, Path], Path]:
    return lambda good, folder: _copy(good, folder, name)


def _read_only_dir(good: Path, folder: Path) -> Path:
    path = _copy(good, folder)
    folder.chmod(0o555)  # root may still write here: what this shows is that nothing needs to be written
    return path


def _unreadable(good: Path, folder: Path) -> Path:
    path = _copy(good, folder)
    path.chmod(0)  # root still reads it: tests run as root, so this shows only that nothing needs the mode
    return path


def _wal(leave: str = "") -> Callable[[Path, Path], Path]:
    def make(good: Path, folder: Path) -> Path:
        path = _copy(good, folder)
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


def _beside(suffix: str, what: str) -> Callable[[Path, Path], Path]:
    """A good base with something planted beside it under the name SQLite looks for."""

    def make(good: Path, folder: Path) -> Path:
        path = _copy(good, folder)
        sibling = Path(f"{path}{suffix}")
        if what == "fifo":
            os.mkfifo(sibling)
        elif what == "empty":
            sibling.write_bytes(b"")
        elif what == "wal-of-another-writer":
            elsewhere = folder.parent / "writer"
            elsewhere.mkdir(exist_ok=True)
            writer = _wal()(good, elsewhere)
            edit = sqlite3.connect(writer, isolation_level=None)
            edit.execute("PRAGMA wal_autocheckpoint = 0")
            edit.execute("UPDATE facts SET label = label || ' (edited)'")
            shutil.copyfile(f"{writer}-wal", sibling)
            edit.close()
        else:
            sibling.symlink_to(what)
        return path

    return make


def _hot_journal(good: Path, folder: Path) -> Path:
    """The file and journal of a writer that died mid-transaction: copied while the writer holds its lock."""
    source = _copy(good, folder, "writer.sqlite")
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
def _locked(path: Path) -> Iterator[None]:
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


def _set(table: str, column: str, value: str, where: str = "1") -> Callable[[Path, Path], Path]:
    return _sql(f'UPDATE "{table}" SET "{column}" = {value} WHERE {where}')


FACT = "id = 'ferry-crossings'"
_TEXT_COLUMNS = {
    "facts": ["label", "unit", "qualifier", "period", "quote"],
    "sections": ["title", "subheading"],
    "glossary": ["definition"],
    "paragraphs": ["text"],
}


def _markup(good: Path, folder: Path) -> Path:
    """Markup planted in every text column the app shows, keeping quotes and figures where they were."""
    path = _copy(good, folder)
    conn = sqlite3.connect(path)
    conn.execute("UPDATE meta SET value = value || ?1 WHERE key = 'title'", (MARKUP,))
    conn.execute("UPDATE sections SET title = title || ?1, subheading = coalesce(subheading, '') || ?1", (MARKUP,))
    conn.execute("UPDATE facts SET label = label || ?1, unit = unit || ?1, period = period || ?1", (MARKUP,))
    conn.execute("UPDATE paragraphs SET text = text || ?1", (MARKUP,))  # appended: quote offsets still hold
    conn.execute("UPDATE glossary SET definition = definition || ?1", (MARKUP,))
    conn.commit()
    conn.close()
    return path


def _many_facts(count: int) -> Callable[[Path, Path], Path]:
    """One section given `count` more facts, copies of one of its facts, each with an id of its own."""
    return _sql(
        f"WITH RECURSIVE n(v) AS (SELECT 1 UNION ALL SELECT v + 1 FROM n WHERE v < {count})"
        " INSERT INTO facts SELECT f.id || '-copy-' || n.v, f.section_id, f.position + n.v, f.label, f.value + n.v,"
        " f.value_min, f.value_max, f.unit, f.qualifier, f.period, f.kind, f.quote, f.figure, f.paragraph_id,"
        f" f.quote_start, f.figure_start, f.derived, f.formula, f.derived_from FROM facts f, n WHERE f.{FACT}"
    )


def _without_rowid(good: Path, folder: Path) -> Path:
    path = _copy(good, folder)
    conn = sqlite3.connect(path)
    (create,) = conn.execute("SELECT sql FROM sqlite_master WHERE name = 'facts'").fetchone()
    conn.execute(create.replace('"facts"', '"facts_new"', 1) + " WITHOUT ROWID")
    conn.execute("INSERT INTO facts_new SELECT * FROM facts")
    conn.execute("DROP TABLE facts")
    conn.execute("ALTER TABLE facts_new RENAME TO facts")
    conn.commit()
    conn.close()
    return path


def _other_schema(good: Path, folder: Path) -> Path:
    path = folder / "photos.sqlite"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE photos (id INTEGER PRIMARY KEY, path TEXT)")
    conn.commit()
    conn.close()
    return path


CASES: list[Case] = [
    # Baselines: a hostile suite whose good files fail proves nothing.
    Case("tiny-copy", _copy, "ok"),
    Case("symlink-to-good-file", _link_to("good"), "ok"),
    Case("unicode-path", _named("Fakten – 事实 ✓ ünïcode.sqlite"), "ok"),
    Case("path-with-spaces-and-uri-characters", _named("my facts #1 ?x=%20&mode=rw.sqlite"), "ok"),
    Case("read-only-directory", _read_only_dir, "ok"),
    Case("file-mode-000-as-root", _unreadable, "either"),
    # Paths that are not regular files.
    Case("missing-file", lambda good, folder: folder / "absent.sqlite", "refused", "no such file"),
    Case("directory", _directory, "refused", "is a directory"),
    Case("fifo", _fifo, "refused", "is a FIFO"),
    Case("symlink-to-fifo", _link_to("fifo"), "refused", "is a FIFO"),
    Case("symlink-to-dev-zero", _link_to("/dev/zero"), "refused", "is a device"),
    Case("symlink-to-dev-null", _link_to("/dev/null"), "refused", "is a device"),
    Case("broken-symlink", _link_to("/nonexistent/base.sqlite"), "refused", "link to a missing file"),
    # Files that are not SQLite, or not whole.
    Case("empty-file", _bytes(b""), "refused", "empty file"),
    Case("random-bytes", _bytes(bytes(range(256)) * 64), "refused", "not a SQLite database"),
    Case("csv-text", _bytes(b"id,label,value\nx,<b>y</b>,1\n" * 100), "refused", "not a SQLite database"),
    Case("header-only", _truncated(keep=100), "refused", "truncated"),
    Case("truncated-at-99-bytes", _truncated(keep=99), "refused", "not a SQLite database"),
    Case("truncated-at-one-page", _truncated(keep=4096), "refused", "truncated"),
    Case("truncated-at-a-third", _truncated(1 / 3), "refused", "truncated"),
    Case("truncated-by-one-byte", lambda g, f: _truncated(keep=g.stat().st_size - 1)(g, f), "refused", "truncated"),
    Case("zero-page-sqlite-file", _header_patch(28, b"\0\0\0\0", size=4096), "refused"),
    Case("bad-page-size", _header_patch(16, b"\x03\x00"), "refused", "page size"),
    Case("corrupt-first-page", _overwritten(0.0, 2048, b"\x00"), "refused"),
    Case("corrupt-middle-pages", _overwritten(0.5, 8192), "either", damaged=True),
    Case("corrupt-page-near-start", _overwritten(0.1, 4096, b"\xff"), "either", damaged=True),
    Case("corrupt-last-page", _overwritten(0.97, 3000), "either", damaged=True),
    Case("sqlite-of-another-schema", _other_schema, "refused", "not a fact base"),
    # The journal and WAL cases: nothing may be created or changed beside the file.
    Case("wal-mode-no-wal-file", _wal(), "ok"),
    Case("wal-mode-with-leftover-shm", _wal("shm"), "ok"),
    Case("wal-mode-with-wal-file", _wal("wal"), "refused", "changes not yet written"),
    Case("hot-journal", _hot_journal, "refused", "hot journal"),
    Case("journal-is-a-fifo", _beside("-journal", "fifo"), "refused", "base.sqlite-journal beside it, which is a FIFO"),
    Case("journal-links-to-dev-zero", _beside("-journal", "/dev/zero"), "refused", "which is a device"),
    Case("empty-journal-beside", _beside("-journal", "empty"), "ok"),
    Case("wal-file-beside-a-rollback-base", _beside("-wal", "wal-of-another-writer"), "refused", "changes not yet"),
    Case("empty-wal-beside-a-rollback-base", _beside("-wal", "empty"), "ok"),
    Case("shm-is-a-fifo-in-wal-mode", lambda g, f: _fifo_beside(_wal()(g, f), "-shm"), "refused", "which is a FIFO"),
    Case("locked-by-a-writer", _copy, "refused", "locked", hold=_locked),
    # Schema and meta.
    Case("schema-version-999", _set("meta", "value", "'999'", "key = 'schema_version'"), "refused", "newer"),
    Case("schema-version-null", _set("meta", "value", "NULL", "key = 'schema_version'"), "refused", "schema version"),
    Case("schema-version-text", _set("meta", "value", "'one'", "key = 'schema_version'"), "refused", "schema version"),
    Case("schema-version-zero", _set("meta", "value", "'0'", "key = 'schema_version'"), "refused", "schema version"),
    Case("no-schema-version-row", _sql("DELETE FROM meta WHERE key = 'schema_version'"), "refused", "schema version"),
    Case("no-title-row", _sql("DELETE FROM meta WHERE key = 'title'"), "refused", "no title row"),
    Case("title-null", _set("meta", "value", "NULL", "key = 'title'"), "refused", "column value"),
    Case("title-blob", _set("meta", "value", "x'00ff'", "key = 'title'"), "refused", "column value"),
    Case("title-of-10-mb", _set("meta", "value", f"big({TEN_MB})", "key = 'title'"), "refused", "longer than"),
    Case(
        "meta-of-100k-rows",
        _sql(
            "WITH RECURSIVE n(v) AS (SELECT 1 UNION ALL SELECT v + 1 FROM n WHERE v < 100000)"
            " INSERT INTO meta SELECT 'extra-' || v, 'x' FROM n"
        ),
        "ok",
    ),
    Case("facts-table-missing", _sql("DROP TABLE facts_fts", "DROP TABLE facts"), "refused", "no facts table"),
    Case(
        "facts-is-a-view",
        _sql("ALTER TABLE facts RENAME TO facts_data", "CREATE VIEW facts AS SELECT * FROM facts_data"),
        "refused",
        "facts is a view",
    ),
    Case(
        "sections-is-a-slow-view",
        _sql(
            "ALTER TABLE sections RENAME TO sections_data",
            "CREATE VIEW sections AS WITH RECURSIVE n(v) AS (SELECT 1 UNION ALL SELECT v + 1 FROM n)"
            " SELECT s.* FROM sections_data s, n",
        ),
        "refused",
        "sections is a view",
    ),
    Case(
        "schema-sql-malformed",
        _sql(
            "PRAGMA writable_schema = ON",
            "UPDATE sqlite_master SET sql = 'CREATE TABLE glossary (term TEXT PRIMARY KEY,' WHERE name = 'glossary'",
        ),
        "refused",
        "malformed",
    ),
    Case("dropped-column-unit", _drop_column("facts", "unit"), "refused", "no column unit"),
    Case("dropped-column-definition", _drop_column("glossary", "definition"), "refused", "no column definition"),
    Case(
        "generated-column-of-zeroblob-4e8",
        _sql("ALTER TABLE facts ADD COLUMN payload BLOB GENERATED ALWAYS AS (zeroblob(400000000)) VIRTUAL"),
        "refused",
        "generated column",
    ),
    Case("facts-without-rowid", _without_rowid, "refused", "WITHOUT ROWID"),
    Case(
        "facts-without-primary-key",
        _sql(
            "CREATE TABLE facts_new AS SELECT * FROM facts", "DROP TABLE facts", "ALTER TABLE facts_new RENAME TO facts"
        ),
        "refused",
        "not declared unique",
    ),
    Case(
        "trigger-on-facts",
        _sql("CREATE TABLE log (x)", "CREATE TRIGGER t AFTER UPDATE ON facts BEGIN INSERT INTO log VALUES (1); END"),
        "ok",
    ),
    Case("extra-column-and-table", _sql("ALTER TABLE facts ADD COLUMN note TEXT", "CREATE TABLE other (x)"), "ok"),
    # Content.
    Case("label-of-10-mb", _set("facts", "label", f"big({TEN_MB})", FACT), "refused", "column label"),
    Case("label-of-40-mb", _set("facts", "label", f"big({4 * TEN_MB})", FACT), "refused", "row 3, column label"),
    Case("paragraph-of-2-mb", _set("paragraphs", "text", "text || big(2000000)"), "refused", "column text"),
    Case("value-9e999", _set("facts", "value", "9e999", FACT), "refused", "not a finite number"),
    Case("value-minus-9e999", _set("facts", "value", "-9e999", FACT), "refused", "column value"),
    Case("value-min-9e999", _set("facts", "value_min", "9e999", "value_min IS NOT NULL"), "refused", "value_min"),
    Case("value-as-text", _set("facts", "value", "'a lot'", FACT), "refused", "column value"),
    Case("value-as-blob", _set("facts", "value", "x'0102'", FACT), "refused", "column value"),
    Case("value-nan-in-the-bytes", _nan_value, "refused", "has no value"),
    Case("value-huge-integer", _set("facts", "value", "9223372036854775807", FACT), "ok"),
    Case("no-value-at-all", _set("facts", "value", "NULL", FACT), "refused", "has no value"),
    Case("label-null", _set("facts", "label", "NULL", FACT), "refused", "column label: is NULL"),
    Case("unit-null", _set("facts", "unit", "NULL", FACT), "refused", "column unit: is NULL"),
    Case("quote-null", _set("facts", "quote", "NULL", FACT), "refused", "column quote: is NULL"),
    Case("definition-null", _set("glossary", "definition", "NULL"), "refused", "column definition: is NULL"),
    Case("label-as-blob", _set("facts", "label", "x'3c623e'", FACT), "refused", "column label: is not text"),
    Case("position-as-text", _set("facts", "position", "'first'", FACT), "refused", "column position"),
    Case("dangling-paragraph-id", _set("facts", "paragraph_id", "987654", FACT), "refused", "column paragraph_id"),
    Case("dangling-section-id", _set("facts", "section_id", "'nowhere'", FACT), "refused", "column section_id"),
    Case("dangling-headline-fact", _set("sections", "headline_fact_id", "'nowhere'"), "refused", "headline_fact_id"),
    Case("dangling-mention-term", _set("term_mentions", "term", "'Nothing'"), "refused", "column term"),
    Case("bad-derived-from-json", _set("facts", "derived_from", "'[\"ferry-crossings\",'", "derived = 1"), "refused"),
    Case("derived-from-object", _set("facts", "derived_from", "'{\"a\": 1}'", "derived = 1"), "refused", "JSON list"),
    Case(
        "derived-from-unknown-id",
        _set("facts", "derived_from", "'[\"ghost\"]'", "derived = 1"),
        "refused",
        "names a fact",
    ),
    Case(
        "derived-from-nested-10000-deep",
        _set("facts", "derived_from", "'[' || replace(hex(zeroblob(10000)), '00', '[') || ']'", "derived = 1"),
        "refused",
        "derived_from",
    ),
    Case("derived-flag-7", _set("facts", "derived", "7", FACT), "refused", "column derived"),
    Case("quote-offset-wrong", _set("facts", "quote_start", "quote_start + 5", FACT), "refused", "column quote"),
    Case("quote-offset-negative", _set("facts", "quote_start", "-3", FACT), "refused", "quote_start"),
    Case("figure-offset-wrong", _set("facts", "figure_start", "figure_start + 2", FACT), "refused", "column figure"),
    Case("label-not-utf8", _set("facts", "label", "CAST(x'4142ff43' AS TEXT)", FACT), "refused", "column label"),
    Case("period-not-utf8", _set("facts", "period", "period || CAST(x'c3' AS TEXT)", FACT), "refused", "period: holds"),
    Case("markup-in-every-text-column", _markup, "ok"),
    Case(
        "control-characters-in-label", _set("facts", "label", "label || char(27) || '[31m red' || char(10)", FACT), "ok"
    ),
    Case("unknown-kind", _set("facts", "kind", "'weather'", FACT), "ok"),
    Case(
        "empty-section",
        _sql("INSERT INTO sections VALUES ('empty', 99, 'section', 'Nothing here', NULL, NULL, 99)"),
        "ok",
    ),
    Case("no-glossary", _sql("DELETE FROM term_mentions", "DELETE FROM glossary"), "ok"),
    Case("section-of-100k-facts", _many_facts(100_000), "ok"),
]
