"""Every hostile case through FactBase.open in-process: a good file opens, reads and passes the full check; a bad
one gives one line naming the file and what is wrong; nothing is ever created or changed beside it."""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import snapshot
from hostile_cases import CASES, Case

from desktop.store import FactBase, FactBaseError


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_open_works_or_says_why_in_one_line(case: Case, built: Callable[..., tuple]) -> None:
    path, folder, holding = built(case)
    with holding:
        before = snapshot(folder)
        try:
            with FactBase.open(path) as fb:
                # What the window and every command read first: all of it must come back as values.
                sections = fb.sections()
                assert fb.document.title and sections
                for section in sections:
                    fb.facts_in_section(section.id, limit=50)
                    fb.paragraphs(section.id)
                fb.terms()
                refused = None
                if case.damaged:
                    with pytest.raises(FactBaseError, match="damaged|malformed|not a database"):
                        fb.integrity_check()
                else:
                    fb.integrity_check()  # no false alarm on a file that works
        except FactBaseError as exc:
            refused = str(exc)
        assert snapshot(folder) == before, "nothing may be created or changed beside the fact base"
    if case.expect == "ok":
        assert refused is None, f"a good file was refused: {refused}"
    elif case.expect == "refused":
        assert refused is not None, "a bad file was opened"
    if refused is not None:
        assert "\n" not in refused and str(path) in refused
        assert case.says in refused


def test_a_query_that_runs_too_long_is_stopped_with_one_line(tiny_factbase_path: Path) -> None:
    with FactBase.open(tiny_factbase_path) as fb:
        fb._conn.time_limit = 0.2  # type: ignore[attr-defined]
        endless = "WITH RECURSIVE n(v) AS (SELECT 1 UNION ALL SELECT v + 1 FROM n) SELECT max(v) FROM n"
        with pytest.raises(FactBaseError, match="too slow or damaged: a query ran over 0.2 s"):
            fb._conn.execute(endless).fetchone()
        assert fb.sections(), "the connection still answers after a stopped query"


def test_a_stream_of_rows_is_timed_per_step_not_as_a_whole(tiny_factbase_path: Path) -> None:
    """Reading a long result slowly (a CSV of a million facts) is not a slow query: each step has the limit."""
    # Work for each row (a join of 8^5 rows, tied to the row so SQLite cannot compute it once for all).
    work = "(SELECT count(*) FROM facts a, facts b, facts c, facts d, facts e WHERE a.position + n.v > -1)"
    rows = f"WITH RECURSIVE n(v) AS (SELECT 1 UNION ALL SELECT v + 1 FROM n WHERE v < 3) SELECT v, {work} FROM n"
    with FactBase.open(tiny_factbase_path) as fb:
        conn = fb._conn
        conn.time_limit = 0.5  # type: ignore[attr-defined]
        cursor = conn.execute(rows)
        first = cursor.fetchone()
        conn._deadline -= 10  # type: ignore[attr-defined]  # as if the reader had spent 10 s on the first row
        assert [first[0], *(r[0] for r in cursor)] == [1, 2, 3]
        cursor = conn.execute(rows)
        cursor.fetchone()
        conn._deadline -= 10  # type: ignore[attr-defined]  # the same, but now SQLite's own step runs late
        with pytest.raises(FactBaseError, match="too slow"):
            _step_without_clock(cursor)


def _step_without_clock(cursor: object) -> None:
    """Fetch through the plain sqlite3 method, which does not restart the clock: the deadline now lies behind."""
    import sqlite3

    try:
        sqlite3.Cursor.fetchone(cursor)  # type: ignore[arg-type]
    except sqlite3.OperationalError as exc:
        raise cursor.connection.translate(exc) from None  # type: ignore[attr-defined]


def _with_extra_table(tiny: Path, folder: Path, value_sql: str) -> Path:
    """A copy of the tiny base with a table the store does not read, holding one value."""
    copy = folder / "extra.sqlite"
    shutil.copyfile(tiny, copy)
    conn = sqlite3.connect(copy)
    conn.execute("CREATE TABLE extra (payload)")
    conn.execute(f"INSERT INTO extra VALUES ({value_sql})")
    conn.commit()
    conn.close()
    return copy


def test_text_that_is_not_utf8_is_refused_when_a_query_meets_it(tiny_factbase_path: Path, tmp_path: Path) -> None:
    """Rows of large tables are checked in full only by integrity_check(); a query that meets bad bytes first
    still gets one line, and the line does not repeat the bytes."""
    copy = _with_extra_table(tiny_factbase_path, tmp_path, "CAST(x'41ff1b5b33316d' AS TEXT)")
    with FactBase.open(copy) as fb, pytest.raises(FactBaseError, match="not valid UTF-8 .in a column payload.$"):
        fb._conn.execute("SELECT payload FROM extra").fetchone()


def test_large_values_are_refused_at_the_length_limit(tiny_factbase_path: Path, tmp_path: Path) -> None:
    """SQLITE_LIMIT_LENGTH: a value over 32 MB is never read into memory, whichever query meets it."""
    copy = _with_extra_table(tiny_factbase_path, tmp_path, "zeroblob(40000000)")
    # A table the store does not read is left alone at open; a query that meets the value is stopped.
    with FactBase.open(copy) as fb, pytest.raises(FactBaseError, match="too long to read safely.*limit is 32 MB"):
        fb._conn.execute("SELECT payload FROM extra").fetchone()
