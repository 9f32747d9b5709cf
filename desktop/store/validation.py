"""Check a fact base's shape and content at open, so nothing above the store meets a value it cannot show honestly.

Every check is a query over a whole table (or an index), never a loop over rows in Python: one scan per table
evaluates a CASE that names the first failing check, so a good base costs one pass and a bad one gets one line
naming the table, the row id and the column. What can still be shown honestly is left alone: an unknown kind,
a section without facts, an empty glossary, extra columns or tables, triggers (a read-only file never fires them).
"""

from __future__ import annotations

import itertools
import json
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from desktop.store.errors import FactBaseError

SCHEMA_VERSION = 2  # the newest schema this reader understands (db/schema.py); version 1 opens unchanged

# Longest text, in characters, that each kind of column may hold: far above any report's (the bundled base's
# longest label is 71, quote 234, paragraph 849 characters) and far below what would stall a chart or a page.
SHORT_TEXT = 1_000  # ids, labels, units, titles, terms
LONG_TEXT = 100_000  # quotes, definitions, headings, formulas
PARAGRAPH_TEXT = 1_000_000
DISTINCT_HOPS = 5_000  # distinct values of an indexed column checked at open in a large table
FULL_SCAN_ROWS = 20_000  # tables up to this size are checked row by row at open (~5 µs a row, all in SQLite)
_MAX_FLOAT = 1.7976931348623157e308  # beyond it lie ±inf (SQLite reads 9e999 as inf; NaN is read as NULL)

META_KEYS = ("title", "source_file", "source_date", "source_as_of", "factbase_version", "builder_version")
# Keys a fact base may carry: who published the report (where it names one), how its date is known, and how each
# period of its facts is known (a JSON object of period to note). A file without them opens as before.
OPTIONAL_META_KEYS = ("publisher", "date_note", "period_notes")
MAX_PERIOD_NOTES = 1_000


def period_notes(text: str | None) -> tuple[tuple[str, str], ...]:
    """The (period, note) pairs of a period_notes meta value; anything but a JSON object of texts reads as none."""
    try:
        notes = json.loads(text or "{}")
    except ValueError:
        return ()
    if not isinstance(notes, dict):
        return ()
    pairs = ((k, v) for k, v in notes.items() if isinstance(k, str) and isinstance(v, str))
    return tuple(itertools.islice(pairs, MAX_PERIOD_NOTES))


@dataclass(frozen=True)
class Column:
    name: str
    kind: str  # "text", "integer" or "number" (integer or real)
    required: bool = True
    max_chars: int = SHORT_TEXT
    refers_to: tuple[str, str] | None = None  # (table, column) every non-NULL value must name


def _t(name: str, required: bool = True, max_chars: int = SHORT_TEXT, ref: tuple[str, str] | None = None) -> Column:
    return Column(name, "text", required, max_chars, ref)


def _i(name: str, required: bool = True, ref: tuple[str, str] | None = None) -> Column:
    return Column(name, "integer", required, 0, ref)


# The columns the store reads, with what it needs of them.
TABLES: dict[str, list[Column]] = {
    "meta": [_t("key"), _t("value", required=False, max_chars=LONG_TEXT)],
    "sections": [
        _t("id"),
        _i("position"),
        _t("role"),
        _t("title"),
        _t("subheading", required=False, max_chars=LONG_TEXT),
        _t("headline_fact_id", required=False, ref=("facts", "id")),
        _i("source_line"),
    ],
    "paragraphs": [
        _i("id"),
        _t("section_id", ref=("sections", "id")),
        _i("position"),
        _t("role"),
        _t("text", max_chars=PARAGRAPH_TEXT),
    ],
    "facts": [
        _t("id"),
        _t("section_id", ref=("sections", "id")),
        _i("position"),
        _t("label"),
        Column("value", "number", required=False),
        Column("value_min", "number", required=False),
        Column("value_max", "number", required=False),
        _t("unit"),
        _t("qualifier"),
        _t("period"),
        _t("kind"),
        _t("quote", max_chars=LONG_TEXT),
        _t("figure", required=False),
        _i("paragraph_id", ref=("paragraphs", "id")),
        _i("quote_start"),
        _i("figure_start", required=False),
        _i("derived"),
        _t("formula", required=False, max_chars=LONG_TEXT),
        _t("derived_from", required=False, max_chars=LONG_TEXT),
    ],
    "fact_headings": [
        _t("fact_id", ref=("facts", "id")),
        _t("location"),
        _t("text", max_chars=LONG_TEXT),
        _t("figure"),
        _i("figure_start"),
    ],
    "glossary": [_t("term"), _i("position"), _t("definition", max_chars=LONG_TEXT)],
    "term_mentions": [
        _t("term", ref=("glossary", "term")),
        _t("section_id", ref=("sections", "id")),
        _i("paragraph_id", ref=("paragraphs", "id")),
        _i("start"),
        _i("length"),
        _t("fact_id", required=False, ref=("facts", "id")),
    ],
}
# Columns whose values must be unique: the store looks rows up by them.
UNIQUE = {"meta": "key", "sections": "id", "paragraphs": "id", "facts": "id", "glossary": "term"}

# Checks across columns of one row, (column named in the message, condition that is true when wrong, problem).
# Each condition runs after the column checks above passed for that row (CASE keeps the order).
ROW_CHECKS: dict[str, list[tuple[str, str, str]]] = {
    "facts": [
        (
            "value",
            "value IS NULL AND (value_min IS NULL OR value_max IS NULL)",
            "has no value (value is NULL and value_min or value_max is NULL too)",
        ),
        ("derived", "derived NOT IN (0, 1)", "is neither 0 nor 1"),
        ("quote_start", "quote_start < 0", "is negative"),
        ("figure_start", "figure_start < 0", "is negative"),
        (
            "quote",
            "(SELECT substr(p.text, facts.quote_start + 1, length(facts.quote)) FROM paragraphs p"
            " WHERE p.id = facts.paragraph_id) IS NOT quote",
            "is not found at quote_start in its paragraph",
        ),
        (
            "figure",
            "figure IS NOT NULL AND (figure_start IS NULL"
            " OR substr(quote, figure_start + 1, length(figure)) IS NOT figure)",
            "is not found at figure_start in its quote",
        ),
        (
            "derived_from",
            "derived_from IS NOT NULL AND (NOT json_valid(derived_from) OR json_type(derived_from) != 'array')",
            "is not a JSON list of fact ids",
        ),
        (
            "derived_from",
            "derived_from IS NOT NULL AND EXISTS (SELECT 1 FROM json_each(facts.derived_from) j WHERE j.type != 'text'"
            " OR NOT EXISTS (SELECT 1 FROM facts g WHERE g.id = j.value))",
            "names a fact that is not in the fact base",
        ),
    ],
    "fact_headings": [
        (
            "figure",
            "figure_start < 0 OR substr(text, figure_start + 1, length(figure)) IS NOT figure",
            "is not found at figure_start in its heading",
        ),
    ],
    "term_mentions": [
        ("start", "start < 0", "is negative"),
        ("length", "length < 1", "is not a positive length"),
    ],
}


def check_shape(conn: sqlite3.Connection, path: Path) -> None:
    """The cheap checks: the tables are tables with the columns the store reads, and meta says what it must."""
    kinds = {r[0]: (r[1], r[2] or "") for r in conn.execute("SELECT name, type, sql FROM sqlite_master")}
    missing = sorted(t for t in TABLES if t not in kinds)
    if missing:
        raise FactBaseError(path, f"is a SQLite database but not a fact base (no {', '.join(missing)} table)")
    for table, columns in TABLES.items():
        kind, sql = kinds[table]
        if kind != "table":
            raise FactBaseError(path, f"is not a fact base: {table} is a {kind}, not a table")
        if sql.lstrip().upper().startswith("CREATE VIRTUAL"):
            raise FactBaseError(path, f"is not a fact base: {table} is a virtual table, not a table")
        _check_columns(conn, path, table, columns)
    _check_meta(conn, path)


def _check_columns(conn: sqlite3.Connection, path: Path, table: str, columns: list[Column]) -> None:
    # table_xinfo's hidden: 0 a plain column, 2 a virtual generated one, 3 a stored generated one.
    present = {r[1]: r[6] for r in conn.execute(f'PRAGMA table_xinfo("{table}")')}
    for column in columns:
        if column.name not in present:
            raise FactBaseError(path, f"is not a fact base: table {table} has no column {column.name}")
    generated = sorted(name for name, hidden in present.items() if hidden in (2, 3))
    if generated:
        # A generated column runs an expression of the file's choosing on every read (zeroblob(4e8), ...).
        shown = _shown(generated[0])
        raise FactBaseError(path, f"table {table} has a generated column ({shown}); a fact base has none")
    try:
        conn.execute(f'SELECT rowid FROM "{table}" LIMIT 0')
    except sqlite3.OperationalError:
        raise FactBaseError(path, f"table {table} has no row ids (WITHOUT ROWID); a fact base's tables have") from None
    if table in UNIQUE and not _is_unique(conn, table, UNIQUE[table]):
        raise FactBaseError(path, f"table {table}: column {UNIQUE[table]} is not declared unique (no primary key)")


def _is_unique(conn: sqlite3.Connection, table: str, column: str) -> bool:
    """A primary key or a unique index on exactly this column (an INTEGER PRIMARY KEY is the row id itself)."""
    info = list(conn.execute(f'PRAGMA table_info("{table}")'))
    keys = [r for r in info if r[5]]
    if len(keys) == 1 and keys[0][1] == column and keys[0][2].upper() == "INTEGER":
        return True
    # index_list rows: (seq, name, unique, origin, partial); a partial index does not make a column unique.
    for index in conn.execute(f'PRAGMA index_list("{table}")'):
        if index[2] and not index[4]:
            names = [r[2] for r in conn.execute(f'PRAGMA index_info("{index[1]}")')]
            if names == [column]:
                return True
    return False


def _check_meta(conn: sqlite3.Connection, path: Path) -> None:
    wanted = ("schema_version", *META_KEYS, *OPTIONAL_META_KEYS)
    marks = ", ".join("?" * len(wanted))
    sql = f"SELECT key, rowid, value FROM meta WHERE key IN ({marks})"
    rows = {r[0]: (r[1], r[2]) for r in conn.execute(sql, wanted)}
    if "schema_version" not in rows:
        raise FactBaseError(path, "is not a fact base (no schema version)")
    rowid, value = rows["schema_version"]
    version = _whole_number(value)
    if value is None:
        raise FactBaseError(path, f"table meta, row {rowid}, column value: the schema version is NULL")
    if version is None:
        raise FactBaseError(path, f"table meta, row {rowid}, column value: the schema version is not a whole number")
    if version < 1:
        raise FactBaseError(path, "is not a fact base (no schema version)")
    if version > SCHEMA_VERSION:
        raise FactBaseError(
            path, f"needs a newer Fact Explorer (schema version {version}; this one reads up to {SCHEMA_VERSION})"
        )
    for key in META_KEYS:
        if key not in rows:
            raise FactBaseError(path, f"table meta has no {key} row; a fact base names its {key.replace('_', ' ')}")
        rowid, value = rows[key]
        if not isinstance(value, str):
            raise FactBaseError(path, f"table meta, row {rowid}, column value: the {key} is not text")
        if len(value) > SHORT_TEXT:
            raise FactBaseError(
                path, f"table meta, row {rowid}, column value: the {key} is longer than {SHORT_TEXT:,} characters"
            )
    for key in OPTIONAL_META_KEYS:
        rowid, value = rows.get(key, (None, None))
        if value is not None and (not isinstance(value, str) or len(value) > LONG_TEXT):
            raise FactBaseError(
                path,
                f"table meta, row {rowid}, column value: the {key} is not text of at most {LONG_TEXT:,} characters",
            )


def _whole_number(value: object) -> int | None:
    if isinstance(value, int):
        return value
    if isinstance(value, str) and value.strip().isdigit() and len(value) < 10:
        return int(value)
    return None


def check_content(conn: sqlite3.Connection, path: Path, full: bool = False) -> None:
    """Check every value the store reads; raise a one-line FactBaseError naming the first bad row.

    A table of up to FULL_SCAN_ROWS rows (any report-sized base) is scanned once. A larger one gets only the checks
    an index answers in milliseconds (NULLs, types, ranges, references, distinct kinds and units); the full scan of
    it (6-10 s for a million facts) is left to FactBase.integrity_check(), meant for a worker thread, or full=True.
    """
    for table, columns in TABLES.items():
        if full or _row_estimate(conn, table) <= FULL_SCAN_ROWS:
            _scan(conn, path, table, columns)
        else:
            _indexed_checks(conn, path, table, columns)


def _row_estimate(conn: sqlite3.Connection, table: str) -> int:
    # max(rowid) is one step down the table's b-tree; count(*) would read every page of an index.
    return int(conn.execute(f'SELECT coalesce(max(rowid), 0) FROM "{table}"').fetchone()[0])


def _scan(conn: sqlite3.Connection, path: Path, table: str, columns: list[Column]) -> None:
    checks = [*(c for column in columns for c in _column_checks(table, column)), *ROW_CHECKS.get(table, [])]
    checks.append(_utf8_check(columns))
    case = " ".join(f"WHEN {condition} THEN {n}" for n, (_, condition, _) in enumerate(checks, start=1))
    sql = f'SELECT rowid, bad FROM (SELECT rowid, CASE {case} ELSE 0 END AS bad FROM "{table}") WHERE bad LIMIT 1'
    try:
        row = conn.execute(sql).fetchone()
    except FactBaseError as exc:
        if "too long to read safely" not in exc.problem:
            raise
        row = _scan_past_the_length_limit(conn, sql)
    if row is not None:
        column, _, problem = checks[row[1] - 1]
        if column == "":
            column = _first_not_utf8(conn, table, columns, row[0])
        raise FactBaseError(path, f"table {table}, row {row[0]}, column {column}: {problem}")


def _utf8_check(columns: list[Column]) -> tuple[str, str, str]:
    """One call a row for all its text (NUL between values, so that two broken halves cannot make a whole one);
    the column is found only when the check fails. SQLite stores any bytes as text; Python cannot read them."""
    texts = " || x'00' || ".join(f"coalesce({c.name}, '')" for c in columns if c.kind == "text")
    return "", f"NOT is_utf8(CAST({texts} AS BLOB))", "holds text that is not valid UTF-8"


def _first_not_utf8(conn: sqlite3.Connection, table: str, columns: list[Column], rowid: int) -> str:
    from desktop.store.opening import is_utf8

    for column in columns:
        if column.kind == "text":
            sql = f'SELECT CAST({column.name} AS BLOB) FROM "{table}" WHERE rowid = ?'
            if not is_utf8(conn.execute(sql, (rowid,)).fetchone()[0]):
                return column.name
    return "?"


def _scan_past_the_length_limit(conn: sqlite3.Connection, sql: str) -> Any:
    """A value over the length limit stopped the scan: run it once more with SQLite's own ceiling, only to find
    the row (loading that one value), so the message can name it like any other."""
    limit = conn.setlimit(sqlite3.SQLITE_LIMIT_LENGTH, 1_000_000_000)
    try:
        return conn.execute(sql).fetchone()
    finally:
        conn.setlimit(sqlite3.SQLITE_LIMIT_LENGTH, limit)


def _indexed_checks(conn: sqlite3.Connection, path: Path, table: str, columns: list[Column]) -> None:
    """The checks that an index on the column answers without reading the table."""
    leading = {r[1]: r[2] for r in conn.execute(f'PRAGMA index_list("{table}")')}
    indexed = set()
    for index in leading:
        first = conn.execute(f'PRAGMA index_info("{index}")').fetchone()
        if first is not None:
            indexed.add(first[2])
    for column in columns:
        if column.name not in indexed:
            continue
        name = column.name
        # In an index NULL sorts first, then numbers, then text, then blobs: each wrong type is a range of it,
        # found by one seek.
        wrong = {
            "text": [f"{name} < ''", f"{name} >= x''"],
            "integer": [f"{name} >= ''"],
            "number": [f"{name} >= ''", f"{name} > {_MAX_FLOAT!r}", f"{name} < -{_MAX_FLOAT!r}"],
        }[column.kind]
        for condition in ([f"{name} IS NULL"] if column.required else []) + wrong:
            row = conn.execute(f'SELECT rowid FROM "{table}" WHERE {condition} LIMIT 1').fetchone()
            if row is not None:
                problem = "is NULL" if condition.endswith("IS NULL") else "is not the right type or not finite"
                raise FactBaseError(path, f"table {table}, row {row[0]}, column {name}: {problem}")
        if UNIQUE.get(table) != name and (column.kind == "text" or column.refers_to is not None):
            _check_distinct(conn, path, table, column)
    if table == "facts" and "value" in indexed:
        row = conn.execute("SELECT rowid FROM facts WHERE value IS NULL AND value_min IS NULL LIMIT 1").fetchone()
        if row is not None:
            raise FactBaseError(path, f"table facts, row {row[0]}, column value: has no value (value is NULL)")


def _check_distinct(conn: sqlite3.Connection, path: Path, table: str, column: Column) -> None:
    """The first DISTINCT_HOPS distinct values of an indexed column, reached by hopping down the index (a few ms
    for a thousand); a column with more (a million facts' paragraphs) is checked whole by the full scan."""
    name = column.name
    distinct = (
        f'WITH RECURSIVE d(v, n) AS (SELECT min({name}), 1 FROM "{table}" UNION ALL'
        f' SELECT (SELECT min({name}) FROM "{table}" WHERE {name} > d.v), n + 1 FROM d'
        f" WHERE d.v IS NOT NULL AND n < {DISTINCT_HOPS})"
    )
    wrong = [f"length(v) > {column.max_chars}"] if column.kind == "text" else []
    if column.refers_to is not None:
        target, key = column.refers_to
        wrong.append(f'NOT EXISTS (SELECT 1 FROM "{target}" r WHERE r.{key} = d.v)')
    sql = f"{distinct} SELECT v, {' OR '.join(wrong)} FROM d WHERE v IS NOT NULL AND ({' OR '.join(wrong)}) LIMIT 1"
    found = conn.execute(sql).fetchone()
    if found is not None:
        row = conn.execute(f'SELECT rowid FROM "{table}" WHERE {name} = ? LIMIT 1', (found[0],)).fetchone()
        problem = "names a row that does not exist or is too long"
        if column.refers_to is not None and (column.kind != "text" or len(found[0]) <= column.max_chars):
            problem = f"names a row of {column.refers_to[0]} that does not exist"
        elif column.kind == "text":
            problem = f"is longer than the limit of {column.max_chars:,} characters"
        raise FactBaseError(path, f"table {table}, row {row[0]}, column {name}: {problem}")


def _column_checks(table: str, column: Column) -> list[tuple[str, str, str]]:
    name = column.name
    types = {"text": "'text'", "integer": "'integer'", "number": "'integer', 'real'"}[column.kind]
    described = {"text": "text", "integer": "a whole number", "number": "a number"}[column.kind]
    checks = []
    if column.required:
        checks.append((name, f"{name} IS NULL", "is NULL"))
    checks.append((name, f"typeof({name}) NOT IN ({types}, 'null')", f"is not {described}"))
    if column.kind == "text":
        limit = f"is longer than the limit of {column.max_chars:,} characters"
        checks.append((name, f"length({name}) > {column.max_chars}", limit))
    if column.kind == "number":
        checks.append((name, f"abs({name}) > {_MAX_FLOAT!r}", "is not a finite number"))
    if column.refers_to is not None:
        target, key = column.refers_to
        checks.append(
            (
                name,
                f'{name} IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "{target}" r WHERE r.{key} = "{table}".{name})',
                f"names a row of {target} that does not exist",
            )
        )
    return checks


def _shown(name: str) -> str:
    """A name from the file, safe to print on one line."""
    return repr(name[:60]) if not name.isprintable() or len(name) > 60 else name


def integrity_problem(conn: sqlite3.Connection) -> str | None:
    """SQLite's quick_check over every page (seconds on a large file): None when sound, else its first finding."""
    first = conn.execute("PRAGMA quick_check(1)").fetchone()
    result = str(first[0]) if first else "no answer"
    return None if result == "ok" else result
