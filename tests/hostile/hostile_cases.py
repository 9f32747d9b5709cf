"""Hostile fact bases and inputs, each made from a copy of the tiny fact base (or from nothing) in its own folder.

A case is a name, a builder `make(good, folder) -> path to give as --db` (hostile_builders.py), what a user must
see ("ok": it opens and works; "refused": one line naming the problem, matching `says`; "either": works or is
refused, but cleanly), and, for a lock, a context that holds the lock while the job runs.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from hostile_builders import (
    FACT,
    TEN_MB,
    column_dropped,
    copy_named,
    copy_of,
    directory,
    fifo,
    fifo_beside,
    file_of,
    header_patched,
    hot_journal,
    locked,
    many_facts,
    markup_everywhere,
    mode_000,
    nan_value,
    other_schema,
    overwritten,
    planted_beside,
    read_only_directory,
    symlink_to,
    truncated,
    updated,
    wal_mode,
    with_sql,
    without_rowid,
)


@dataclass(frozen=True)
class Case:
    name: str
    make: Callable[[Path, Path], Path]
    expect: str  # "ok", "refused" or "either"
    says: str = ""  # a piece of the one line a refusal prints
    hold: Callable[[Path], contextlib.AbstractContextManager[None]] | None = None
    damaged: bool = False  # integrity_check() must find it even if open does not


CASES: list[Case] = [
    # Baselines: a hostile suite whose good files fail proves nothing.
    Case("tiny-copy", copy_of, "ok"),
    Case("symlink-to-good-file", symlink_to("good"), "ok"),
    Case("unicode-path", copy_named("Fakten – 事实 ✓ ünïcode.sqlite"), "ok"),
    Case("path-with-spaces-and-uri-characters", copy_named("my facts #1 ?x=%20&mode=rw.sqlite"), "ok"),
    Case("read-only-directory", read_only_directory, "ok"),
    Case("file-mode-000-as-root", mode_000, "either"),
    # Paths that are not regular files.
    Case("missing-file", lambda good, folder: folder / "absent.sqlite", "refused", "no such file"),
    Case("directory", directory, "refused", "is a directory"),
    Case("fifo", fifo, "refused", "is a FIFO"),
    Case("symlink-to-fifo", symlink_to("fifo"), "refused", "is a FIFO"),
    Case("symlink-to-dev-zero", symlink_to("/dev/zero"), "refused", "is a device"),
    Case("symlink-to-dev-null", symlink_to("/dev/null"), "refused", "is a device"),
    Case("broken-symlink", symlink_to("/nonexistent/base.sqlite"), "refused", "link to a missing file"),
    # Files that are not SQLite, or not whole.
    Case("empty-file", file_of(b""), "refused", "empty file"),
    Case("random-bytes", file_of(bytes(range(256)) * 64), "refused", "not a SQLite database"),
    Case("csv-text", file_of(b"id,label,value\nx,<b>y</b>,1\n" * 100), "refused", "not a SQLite database"),
    Case("header-only", truncated(keep=100), "refused", "truncated"),
    Case("truncated-at-99-bytes", truncated(keep=99), "refused", "not a SQLite database"),
    Case("truncated-at-one-page", truncated(keep=4096), "refused", "truncated"),
    Case("truncated-at-a-third", truncated(1 / 3), "refused", "truncated"),
    Case("truncated-by-one-byte", lambda g, f: truncated(keep=g.stat().st_size - 1)(g, f), "refused", "truncated"),
    Case("zero-page-sqlite-file", header_patched(28, b"\0\0\0\0", size=4096), "refused"),
    Case("bad-page-size", header_patched(16, b"\x03\x00"), "refused", "page size"),
    Case("corrupt-first-page", overwritten(0.0, 2048, b"\x00"), "refused"),
    Case("corrupt-middle-pages", overwritten(0.5, 8192), "either", damaged=True),
    Case("corrupt-page-near-start", overwritten(0.1, 4096, b"\xff"), "either", damaged=True),
    Case("corrupt-last-page", overwritten(0.97, 3000), "either", damaged=True),
    Case("sqlite-of-another-schema", other_schema, "refused", "not a fact base"),
    # The journal and WAL cases: nothing may be created or changed beside the file.
    Case("wal-mode-no-wal-file", wal_mode(), "ok"),
    Case("wal-mode-with-leftover-shm", wal_mode("shm"), "ok"),
    Case("wal-mode-with-wal-file", wal_mode("wal"), "refused", "changes not yet written"),
    Case("hot-journal", hot_journal, "refused", "hot journal"),
    Case(
        "journal-is-a-fifo",
        planted_beside("-journal", "fifo"),
        "refused",
        "base.sqlite-journal beside it, which is a FIFO",
    ),
    Case("journal-links-to-dev-zero", planted_beside("-journal", "/dev/zero"), "refused", "which is a device"),
    Case("empty-journal-beside", planted_beside("-journal", "empty"), "ok"),
    Case(
        "wal-file-beside-a-rollback-base",
        planted_beside("-wal", "wal-of-another-writer"),
        "refused",
        "changes not yet",
    ),
    Case("empty-wal-beside-a-rollback-base", planted_beside("-wal", "empty"), "ok"),
    Case("shm-is-a-fifo-in-wal-mode", lambda g, f: fifo_beside(wal_mode()(g, f), "-shm"), "refused", "which is a FIFO"),
    Case("locked-by-a-writer", copy_of, "refused", "locked", hold=locked),
    # Schema and meta.
    Case("schema-version-999", updated("meta", "value", "'999'", "key = 'schema_version'"), "refused", "newer"),
    Case(
        "schema-version-null",
        updated("meta", "value", "NULL", "key = 'schema_version'"),
        "refused",
        "schema version",
    ),
    Case(
        "schema-version-text",
        updated("meta", "value", "'one'", "key = 'schema_version'"),
        "refused",
        "schema version",
    ),
    Case("schema-version-zero", updated("meta", "value", "'0'", "key = 'schema_version'"), "refused", "schema version"),
    Case(
        "no-schema-version-row",
        with_sql("DELETE FROM meta WHERE key = 'schema_version'"),
        "refused",
        "schema version",
    ),
    Case("no-title-row", with_sql("DELETE FROM meta WHERE key = 'title'"), "refused", "no title row"),
    Case("title-null", updated("meta", "value", "NULL", "key = 'title'"), "refused", "column value"),
    Case("title-blob", updated("meta", "value", "x'00ff'", "key = 'title'"), "refused", "column value"),
    Case("title-of-10-mb", updated("meta", "value", f"big({TEN_MB})", "key = 'title'"), "refused", "longer than"),
    Case(
        "meta-of-100k-rows",
        with_sql(
            "WITH RECURSIVE n(v) AS (SELECT 1 UNION ALL SELECT v + 1 FROM n WHERE v < 100000)"
            " INSERT INTO meta SELECT 'extra-' || v, 'x' FROM n"
        ),
        "ok",
    ),
    Case("facts-table-missing", with_sql("DROP TABLE facts_fts", "DROP TABLE facts"), "refused", "no facts table"),
    Case(
        "facts-is-a-view",
        with_sql("ALTER TABLE facts RENAME TO facts_data", "CREATE VIEW facts AS SELECT * FROM facts_data"),
        "refused",
        "facts is a view",
    ),
    Case(
        "sections-is-a-slow-view",
        with_sql(
            "ALTER TABLE sections RENAME TO sections_data",
            "CREATE VIEW sections AS WITH RECURSIVE n(v) AS (SELECT 1 UNION ALL SELECT v + 1 FROM n)"
            " SELECT s.* FROM sections_data s, n",
        ),
        "refused",
        "sections is a view",
    ),
    Case(
        "schema-sql-malformed",
        with_sql(
            "PRAGMA writable_schema = ON",
            "UPDATE sqlite_master SET sql = 'CREATE TABLE glossary (term TEXT PRIMARY KEY,' WHERE name = 'glossary'",
        ),
        "refused",
        "malformed",
    ),
    Case("dropped-column-unit", column_dropped("facts", "unit"), "refused", "no column unit"),
    Case("dropped-column-definition", column_dropped("glossary", "definition"), "refused", "no column definition"),
    Case(
        "generated-column-of-zeroblob-4e8",
        with_sql("ALTER TABLE facts ADD COLUMN payload BLOB GENERATED ALWAYS AS (zeroblob(400000000)) VIRTUAL"),
        "refused",
        "generated column",
    ),
    Case("facts-without-rowid", without_rowid, "refused", "WITHOUT ROWID"),
    Case(
        "facts-without-primary-key",
        with_sql(
            "CREATE TABLE facts_new AS SELECT * FROM facts", "DROP TABLE facts", "ALTER TABLE facts_new RENAME TO facts"
        ),
        "refused",
        "not declared unique",
    ),
    Case(
        "trigger-on-facts",
        with_sql(
            "CREATE TABLE log (x)",
            "CREATE TRIGGER t AFTER UPDATE ON facts BEGIN INSERT INTO log VALUES (1); END",
        ),
        "ok",
    ),
    Case("extra-column-and-table", with_sql("ALTER TABLE facts ADD COLUMN note TEXT", "CREATE TABLE other (x)"), "ok"),
    # Content.
    Case("label-of-10-mb", updated("facts", "label", f"big({TEN_MB})", FACT), "refused", "column label"),
    Case("label-of-40-mb", updated("facts", "label", f"big({4 * TEN_MB})", FACT), "refused", "row 3, column label"),
    Case("paragraph-of-2-mb", updated("paragraphs", "text", "text || big(2000000)"), "refused", "column text"),
    Case("value-9e999", updated("facts", "value", "9e999", FACT), "refused", "not a finite number"),
    Case("value-minus-9e999", updated("facts", "value", "-9e999", FACT), "refused", "column value"),
    Case("value-min-9e999", updated("facts", "value_min", "9e999", "value_min IS NOT NULL"), "refused", "value_min"),
    Case("value-as-text", updated("facts", "value", "'a lot'", FACT), "refused", "column value"),
    Case("value-as-blob", updated("facts", "value", "x'0102'", FACT), "refused", "column value"),
    Case("value-nan-in-the-bytes", nan_value, "refused", "has no value"),
    Case("value-huge-integer", updated("facts", "value", "9223372036854775807", FACT), "ok"),
    Case("no-value-at-all", updated("facts", "value", "NULL", FACT), "refused", "has no value"),
    Case("label-null", updated("facts", "label", "NULL", FACT), "refused", "column label: is NULL"),
    Case("unit-null", updated("facts", "unit", "NULL", FACT), "refused", "column unit: is NULL"),
    Case("quote-null", updated("facts", "quote", "NULL", FACT), "refused", "column quote: is NULL"),
    Case("definition-null", updated("glossary", "definition", "NULL"), "refused", "column definition: is NULL"),
    Case("label-as-blob", updated("facts", "label", "x'3c623e'", FACT), "refused", "column label: is not text"),
    Case("position-as-text", updated("facts", "position", "'first'", FACT), "refused", "column position"),
    Case("dangling-paragraph-id", updated("facts", "paragraph_id", "987654", FACT), "refused", "column paragraph_id"),
    Case("dangling-section-id", updated("facts", "section_id", "'nowhere'", FACT), "refused", "column section_id"),
    Case("dangling-headline-fact", updated("sections", "headline_fact_id", "'nowhere'"), "refused", "headline_fact_id"),
    Case("dangling-mention-term", updated("term_mentions", "term", "'Nothing'"), "refused", "column term"),
    Case(
        "bad-derived-from-json",
        updated("facts", "derived_from", "'[\"ferry-crossings\",'", "derived = 1"),
        "refused",
    ),
    Case(
        "derived-from-object",
        updated("facts", "derived_from", "'{\"a\": 1}'", "derived = 1"),
        "refused",
        "JSON list",
    ),
    Case(
        "derived-from-unknown-id",
        updated("facts", "derived_from", "'[\"ghost\"]'", "derived = 1"),
        "refused",
        "names a fact",
    ),
    Case(
        "derived-from-nested-10000-deep",
        updated("facts", "derived_from", "'[' || replace(hex(zeroblob(10000)), '00', '[') || ']'", "derived = 1"),
        "refused",
        "derived_from",
    ),
    Case("derived-flag-7", updated("facts", "derived", "7", FACT), "refused", "column derived"),
    Case("quote-offset-wrong", updated("facts", "quote_start", "quote_start + 5", FACT), "refused", "column quote"),
    Case("quote-offset-negative", updated("facts", "quote_start", "-3", FACT), "refused", "quote_start"),
    Case("figure-offset-wrong", updated("facts", "figure_start", "figure_start + 2", FACT), "refused", "column figure"),
    Case("label-not-utf8", updated("facts", "label", "CAST(x'4142ff43' AS TEXT)", FACT), "refused", "column label"),
    Case(
        "period-not-utf8",
        updated("facts", "period", "period || CAST(x'c3' AS TEXT)", FACT),
        "refused",
        "period: holds",
    ),
    Case("markup-in-every-text-column", markup_everywhere, "ok"),
    Case(
        "control-characters-in-label",
        updated("facts", "label", "label || char(27) || '[31m red' || char(10)", FACT),
        "ok",
    ),
    Case("unknown-kind", updated("facts", "kind", "'weather'", FACT), "ok"),
    Case(
        "empty-section",
        with_sql("INSERT INTO sections VALUES ('empty', 99, 'section', 'Nothing here', NULL, NULL, 99)"),
        "ok",
    ),
    Case("no-glossary", with_sql("DELETE FROM term_mentions", "DELETE FROM glossary"), "ok"),
    Case("section-of-100k-facts", many_facts(100_000), "ok"),
]
