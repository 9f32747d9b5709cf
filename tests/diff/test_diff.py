"""`fact-explorer diff OLD NEW`: exactly the edits made to the tiny report, in text and JSON, from read-only files."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from desktop.app import main
from desktop.domain.diff import FactBaseDiff
from desktop.paths import bundled_factbase


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _diff_json(capsys: pytest.CaptureFixture[str], old: Path, new: Path) -> dict:
    assert main(["diff", str(old), str(new), "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_json_lists_exactly_the_facts_added_removed_and_changed(
    capsys: pytest.CaptureFixture[str], tiny_factbase_path: Path, new_tiny_path: Path
) -> None:
    result = _diff_json(capsys, tiny_factbase_path, new_tiny_path)
    facts = result["facts"]
    assert [f["id"] for f in facts["added"]] == ["harbour-cranes"]
    assert facts["added"][0]["value"] == 14 and facts["added"][0]["section_id"] == "harbour"
    assert [f["id"] for f in facts["removed"]] == ["permits-online"]
    changed = {c["id"]: c["changes"] for c in facts["changed"]}
    old_quote = (
        "The harbour town of Ostmark counted 12,400 residents at the end of 2024, "
        "and its port ranked third in the region."
    )
    new_quote = old_quote.replace("12,400", "12,500")
    assert changed == {
        "residents": {
            "value": {"old": 12400, "new": 12500},
            "quote": {"old": old_quote, "new": new_quote},
        },
        "port-rank": {"quote": {"old": old_quote, "new": new_quote}},
        "ferry-crossings": {"label": {"old": "Ferry crossings", "new": "Ferry crossings made"}},
        "sailings-on-time": {"qualifier": {"old": "more than", "new": "over"}},
    }
    assert result["counts"]["facts_changed"] == 4


def test_json_lists_sections_and_glossary_terms(
    capsys: pytest.CaptureFixture[str], tiny_factbase_path: Path, new_tiny_path: Path
) -> None:
    result = _diff_json(capsys, tiny_factbase_path, new_tiny_path)
    assert result["sections"] == {
        "added": [{"id": "harbour", "title": "Harbour Works"}],
        "removed": [],
        "changed": [{"id": "services", "old_title": "Services Online", "new_title": "Services Go Online"}],
    }
    glossary = result["glossary"]
    assert [t["term"] for t in glossary["added"]] == ["Pier"]
    assert [t["term"] for t in glossary["removed"]] == ["Permit"]
    assert [(t["term"], t["new_definition"]) for t in glossary["changed"]] == [
        ("Ferry", "A boat that carries **passengers** and cars across the harbour.")
    ]


def test_reversed_diff_swaps_added_and_removed(
    capsys: pytest.CaptureFixture[str], tiny_factbase_path: Path, new_tiny_path: Path
) -> None:
    result = _diff_json(capsys, new_tiny_path, tiny_factbase_path)
    assert [f["id"] for f in result["facts"]["added"]] == ["permits-online"]
    assert [f["id"] for f in result["facts"]["removed"]] == ["harbour-cranes"]
    assert [s["id"] for s in result["sections"]["removed"]] == ["harbour"]
    residents = next(c for c in result["facts"]["changed"] if c["id"] == "residents")
    assert residents["changes"]["value"] == {"old": 12500, "new": 12400}


def test_text_names_each_difference(
    capsys: pytest.CaptureFixture[str], tiny_factbase_path: Path, new_tiny_path: Path
) -> None:
    assert main(["diff", str(tiny_factbase_path), str(new_tiny_path)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert "facts: 1 added, 1 removed, 4 changed;" in lines[2]
    assert "+ fact harbour-cranes [harbour] Cranes at the harbour: 14 cranes, 2025" in lines
    assert "- fact permits-online [services] Building permits issued online: 56%, end of 2024" in lines
    residents = lines.index("~ fact residents Residents of Ostmark")
    assert lines[residents + 1] == "    value: 12,400 -> 12,500"
    assert '    qualifier: "more than" -> "over"' in lines
    assert "+ section harbour Harbour Works" in lines
    assert "+ term Pier" in lines and "- term Permit" in lines and "~ term Ferry" in lines


@pytest.mark.parametrize("which", ["tiny", "bundled"])
def test_a_fact_base_against_itself_has_no_differences(
    capsys: pytest.CaptureFixture[str], tiny_factbase_path: Path, which: str
) -> None:
    path = tiny_factbase_path if which == "tiny" else bundled_factbase()
    assert main(["diff", str(path), str(path)]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == "no differences"
    result = _diff_json(capsys, path, path)
    assert not any(result["counts"].values())
    assert all(v == [] for group in ("facts", "sections", "glossary") for v in result[group].values())


def test_both_files_are_left_unchanged(
    capsys: pytest.CaptureFixture[str], tiny_factbase_path: Path, new_tiny_path: Path
) -> None:
    before = {p: _digest(p) for p in (tiny_factbase_path, new_tiny_path)}
    _diff_json(capsys, tiny_factbase_path, new_tiny_path)
    assert {p: _digest(p) for p in before} == before
    for path in before:
        assert not list(path.parent.glob(path.name + "-*")), "a journal, -wal or -shm file appeared"


def test_a_missing_or_broken_file_is_one_line_and_exit_1(
    capsys: pytest.CaptureFixture[str], tiny_factbase_path: Path, tmp_path: Path
) -> None:
    broken = tmp_path / "broken.factbase"
    broken.write_bytes(b"not a database at all" * 10)
    missing = tmp_path / "missing.sqlite"
    for old, new, culprit in ((missing, tiny_factbase_path, missing), (tiny_factbase_path, broken, broken)):
        assert main(["diff", str(old), str(new)]) == 1
        captured = capsys.readouterr()
        assert captured.out == ""
        assert captured.err.count("\n") == 1 and str(culprit) in captured.err


def test_changes_stream_from_the_database_as_iterators(tiny_factbase_path: Path, new_tiny_path: Path) -> None:
    # The API hands out rows as SQLite yields them: a caller can stop after the first without reading the rest.
    with FactBaseDiff(tiny_factbase_path, new_tiny_path) as diff:
        changed = diff.changed_facts()
        assert not isinstance(changed, list)
        assert next(changed).id == "residents"  # the report's order: the lead's first fact comes first
