"""Export as Markdown (each note with its citation) and JSON; importing the JSON back is idempotent."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop.store import FactBase
from desktop.userdata import FactRef, NotesFileError, UserData, fact_anchor, passage_anchor, section_anchor
from desktop.userdata.location import DATA_DIR_VARIABLE

NOTE = "Compare with **last year**:\n\n| a | b |\n| - | - |\n| 1 | 2 |\n"


def _fill(data: UserData, tiny: FactBase, bundled: FactBase) -> None:
    data.annotate(fact_anchor(tiny, "residents"), starred=True, note=NOTE, tags=["people", "census"])
    data.annotate(section_anchor(tiny, "services"), tags=["online"])
    data.annotate(passage_anchor(tiny, 6, "more than 90% of sailings"), note="on time?")
    data.annotate(fact_anchor(bundled, bundled.fact_ids()[0]), starred=True)
    data.link_facts(FactRef("r1", "a"), FactRef("r2", "b"))
    data.unlink_facts(FactRef("r1", "a"), FactRef("r3", "c"))


def test_markdown_has_every_note_verbatim_with_its_citation(
    user_data: UserData, tiny_factbase: FactBase, factbase: FactBase
) -> None:
    _fill(user_data, tiny_factbase, factbase)
    text = user_data.export_markdown()
    fact = tiny_factbase.fact("residents")
    assert f"## {tiny_factbase.document.title}" in text and f"## {factbase.document.title}" in text
    assert "### ★ Residents of Ostmark" in text and NOTE in text
    assert f"> {fact.quote}" in text and "> more than 90% of sailings" in text
    assert "tags: census, people" in text
    for item in user_data.annotations():
        assert f"Cite: {item.anchor.citation}" in text
    cite = next(line for line in text.splitlines() if line.startswith("Cite: ") and "Ostmark counted" in line)
    assert tiny_factbase.document.title in cite and "Overview" in cite and "2025" in cite


def test_json_round_trip_into_an_empty_database_and_twice_is_harmless(
    user_data: UserData, tiny_factbase: FactBase, factbase: FactBase, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _fill(user_data, tiny_factbase, factbase)
    exported = user_data.export_json()
    monkeypatch.setenv(DATA_DIR_VARIABLE, str(tmp_path / "elsewhere"))
    with UserData.open() as other:
        first = other.import_json(exported)
        assert (first.added, first.updated, first.unchanged) == (4, 0, 0)
        second = other.import_json(exported)
        assert (second.added, second.updated, second.unchanged) == (0, 0, 4)
        mine = {(a.anchor, a.starred, a.note, a.tags, a.created, a.updated) for a in user_data.annotations()}
        theirs = {(a.anchor, a.starred, a.note, a.tags, a.created, a.updated) for a in other.annotations()}
        assert theirs == mine
        assert other.series_decisions("r1", "a") == user_data.series_decisions("r1", "a")
        assert len(other.series_decisions("r1", "a")) == 2
        assert json.loads(other.export_json())["annotations"] == json.loads(exported)["annotations"]


def test_an_older_copy_does_not_overwrite_a_newer_note(user_data: UserData, tiny_factbase: FactBase) -> None:
    anchor = fact_anchor(tiny_factbase, "residents")
    user_data.annotate(anchor, note="old")
    old = json.loads(user_data.export_json())
    newer = user_data.annotate(anchor, note="new")
    assert newer is not None
    old["annotations"][0]["updated"] = "2000-01-01T00:00:00Z"
    counts = user_data.import_json(json.dumps(old))
    assert counts.unchanged == 1 and user_data.annotations()[0].note == "new"
    old["annotations"][0].update(updated="2999-01-01T00:00:00Z", note="from the future")
    assert user_data.import_json(json.dumps(old)).updated == 1
    assert [a.note for a in user_data.annotations()] == ["from the future"]


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("{", "is not JSON"),
        ('{"format": "something-else", "version": 1}', "not a Fact Explorer notes file"),
        ('{"format": "fact-explorer-notes", "version": 9}', "version 9"),
        ('{"format": "fact-explorer-notes", "version": 1, "annotations": [{"kind": "fact"}]}', "annotation 1"),
    ],
)
def test_a_bad_notes_file_imports_nothing(
    user_data: UserData, tiny_factbase: FactBase, text: str, problem: str
) -> None:
    with pytest.raises(NotesFileError, match=problem):
        user_data.import_json(text)
    assert user_data.annotations() == []


def test_a_file_bad_halfway_imports_nothing(user_data: UserData, tiny_factbase: FactBase, tmp_path: Path) -> None:
    user_data.annotate(fact_anchor(tiny_factbase, "residents"), note="x")
    document = json.loads(user_data.export_json())
    user_data.delete_annotation(user_data.annotations()[0].id)
    document["annotations"].append({**document["annotations"][0], "kind": "chart"})
    with pytest.raises(NotesFileError, match="annotation 2"):
        user_data.import_json(json.dumps(document))
    assert user_data.annotations() == []
