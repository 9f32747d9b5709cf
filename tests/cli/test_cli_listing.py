"""`fact-explorer facts`, `glossary`, `--version`, `--help`, and bad input on the command line."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from desktop import __version__
from desktop.app import main
from desktop.store import FactBase, UnknownIdError


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_facts_json_has_every_fact_with_its_fields(capsys: pytest.CaptureFixture[str], factbase: FactBase) -> None:
    code, out, _ = run(capsys, "facts", "--json")
    assert code == 0
    records = json.loads(out)
    assert [r["id"] for r in records] == [f.id for f in factbase.facts()]
    by_id = {r["id"]: r for r in records}
    assert by_id["5g-base-stations"]["value"] == 4550000
    rate = by_id["internet-penetration-rate"]
    assert (rate["value"], rate["unit"], rate["kind"]) == (79.7, "%", "share")
    assert by_id["new-market-entities"]["qualifier"] == "+"
    assert by_id["apparel-turnaround"]["value_min"] == 3 and by_id["apparel-turnaround"]["value_max"] == 7
    assert by_id["new-data-products-year-earlier"]["derived"] is True
    assert "derived" not in by_id["new-data-products"]
    required = {"id", "section_id", "section", "label", "value", "unit", "qualifier", "period", "kind", "quote"}
    assert all(required <= set(r) for r in records)


def test_facts_csv_round_trips(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "facts", "--csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert code == 0 and len(rows) == 20
    row = next(r for r in rows if r["id"] == "gigabit-broadband-users")
    assert row["value"] == "226000000" and row["period"] == "end of June 2025"


def test_facts_text_is_readable(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "facts")
    assert code == 0
    assert "over 100 million consultations, annually" in out
    assert "2,600+ entities, Q2 2025" in out


def test_glossary_json(capsys: pytest.CaptureFixture[str], factbase: FactBase) -> None:
    code, out, _ = run(capsys, "glossary", "--json")
    terms = json.loads(out)
    assert code == 0 and len(terms) == 8
    assert terms == [{"term": t.term, "definition": t.definition} for t in factbase.terms()]


def test_version_and_help(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--version"])
    assert exit_info.value.code == 0 and __version__ in capsys.readouterr().out
    with pytest.raises(SystemExit):
        main(["--help"])
    assert "facts" in capsys.readouterr().out


def test_wrong_argument_prints_usage_and_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["facts", "--yaml"])
    assert exit_info.value.code == 2
    assert "usage:" in capsys.readouterr().err


def test_bad_fact_base_is_one_line_and_exit_1(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    missing = tmp_path / "missing.sqlite"
    code, out, err = run(capsys, "facts", "--db", str(missing))
    assert code == 1 and out == ""
    assert err.count("\n") == 1 and str(missing) in err and "Traceback" not in err
    assert not missing.exists()


def test_installed_entry_point_runs_as_a_process(tmp_path: Path) -> None:
    junk = tmp_path / "junk.sqlite"
    junk.write_text("not a database")
    result = subprocess.run(
        [sys.executable, "-m", "desktop", "glossary", "--db", str(junk)], capture_output=True, text=True, cwd=tmp_path
    )
    assert result.returncode == 1
    assert result.stderr.strip().endswith("is not a SQLite database") and "Traceback" not in result.stderr


def test_glossary_text_reads_bold_as_plain_words(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "glossary")
    assert code == 0 and "The National Medical Insurance Code is a standardized system" in out
    assert "**" not in out


def test_a_fact_base_without_facts_lists_nothing_without_a_traceback(
    capsys: pytest.CaptureFixture[str], factbase_copy: Path
) -> None:
    conn = sqlite3.connect(factbase_copy)
    conn.execute("DELETE FROM term_mentions")
    conn.execute("DELETE FROM fact_headings")
    conn.execute("DELETE FROM facts")
    conn.execute("UPDATE sections SET headline_fact_id = NULL")  # a headline naming a deleted fact is refused
    conn.commit()
    conn.close()
    for fmt in ([], ["--json"], ["--csv"]):
        code, out, err = run(capsys, "facts", "--db", str(factbase_copy), *fmt)
        assert code == 0 and err == ""
    assert json.loads(run(capsys, "facts", "--json", "--db", str(factbase_copy))[1]) == []


def test_nearest_ids_are_near(factbase: FactBase) -> None:
    with pytest.raises(UnknownIdError) as info:
        factbase.fact("5g-base-station")
    assert info.value.nearest == ["5g-base-stations"]


def test_facts_exports_say_how_each_period_is_known(capsys: pytest.CaptureFixture[str], factbase: FactBase) -> None:
    """A period read from the report's text ("as at the report") travels with the note saying how (#12 a)."""
    doc = factbase.document
    _, out, _ = run(capsys, "facts", "--json")
    for record in json.loads(out):
        assert record["period_note"] == doc.period_note(record["period"]) != "", record["id"]
    _, out, _ = run(capsys, "facts", "--csv")
    for row in csv.DictReader(io.StringIO(out)):
        assert row["period_note"] == doc.period_note(row["period"]) != "", row["id"]
