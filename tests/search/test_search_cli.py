"""`fact-explorer search`: JSON fields, kinds, limits, and bad input as one line with exit code 2."""

from __future__ import annotations

import json

import pytest

from desktop.app import main
from desktop.store import FactBase


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_json_results_carry_the_documented_fields(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "search", "internet users", "--json")
    results = json.loads(out)
    assert code == 0 and results[0]["id"] == "internet-users"
    fact = results[0]
    documented = {"type", "report", "id", "section_id", "title", "snippet", "score"}
    assert documented | {"value", "unit", "qualifier", "period"} <= set(fact)
    assert (fact["type"], fact["value"], fact["unit"]) == ("fact", 1_123_000_000, "people")
    start, end = fact["highlights"][0]
    assert fact["snippet"][start:end].lower() in ("internet", "users")
    assert "\x02" not in out and "\x03" not in out
    assert {r["type"] for r in results} == {"fact", "passage"}


def test_kind_and_limit(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "search", "data", "--json", "--kind", "term", "--limit", "2")
    terms = json.loads(out)
    assert code == 0 and len(terms) == 2 and {t["type"] for t in terms} == {"term"}
    assert all(t["section_id"] is None and "value" not in t for t in terms)


def test_text_output_groups_by_kind_and_marks_matches(capsys: pytest.CaptureFixture[str], tiny_factbase_path) -> None:
    code, out, _ = run(capsys, "search", "ferry", "--db", str(tiny_factbase_path))
    assert code == 0 and out.startswith("Facts (")
    assert "[ferry]" in out.lower() and "ferry-crossings" in out


def test_numeric_filter_from_the_command_line(capsys: pytest.CaptureFixture[str], factbase: FactBase) -> None:
    code, out, _ = run(capsys, "search", "over 1 billion", "--json")
    expected = {f.id for f in factbase.facts() if f.value is not None and f.value > 1e9}
    assert code == 0 and {r["id"] for r in json.loads(out)} == expected and len(expected) == 3


def test_nothing_to_search_for_is_a_clear_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "search", "   ")
    assert code == 2 and "nothing to search for" in err and "\n" not in err.strip()
    code, out, _ = run(capsys, "search", '"*^:()')
    assert code == 0 and "no results" in out
    with pytest.raises(SystemExit) as info:
        main(["search", "x", "--limit", "0"])
    assert info.value.code == 2
