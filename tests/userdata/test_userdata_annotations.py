"""Bookmarks and notes on facts, sections and passages: stored verbatim, kept between runs, filtered."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from desktop.store import FactBase, UnknownIdError
from desktop.userdata import UserData, fact_anchor, passage_anchor, section_anchor

NOTE = "## Why it matters\n\n- *up* from last year  \n- see [the plan](fact:port-rank)\n\n  trailing spaces kept  \n"


def test_a_starred_fact_with_a_note_and_tags_is_kept_verbatim(user_data_dir: Path, tiny_factbase: FactBase) -> None:
    anchor = fact_anchor(tiny_factbase, "residents")
    with UserData.open() as data:
        saved = data.annotate(anchor, starred=True, note=NOTE, tags=[" town ", "Census", "census", ""])
    with UserData.open() as data:
        found = data.annotation_for(anchor.report_id, "fact", "residents")
    assert found is not None and saved is not None and found == saved
    assert found.starred and found.note == NOTE and found.tags == ("Census", "town")
    fact = tiny_factbase.fact("residents")
    assert (found.anchor.quote, found.anchor.label, found.anchor.section_title) == (fact.quote, fact.label, "Overview")
    assert tiny_factbase.document.title in found.anchor.citation and fact.quote in found.anchor.citation


def test_changing_one_part_keeps_the_others(user_data: UserData, tiny_factbase: FactBase) -> None:
    anchor = fact_anchor(tiny_factbase, "port-rank")
    user_data.annotate(anchor, starred=True, tags=["ports"])
    after = user_data.annotate(anchor, note="third, not second")
    assert after is not None and (after.starred, after.note, after.tags) == (True, "third, not second", ("ports",))


def test_an_annotation_emptied_of_everything_is_gone(user_data: UserData, tiny_factbase: FactBase) -> None:
    anchor = section_anchor(tiny_factbase, "transport")
    user_data.annotate(anchor, starred=True)
    assert user_data.annotate(anchor, starred=False) is None
    assert user_data.annotations() == []


def test_a_passage_is_an_excerpt_of_its_paragraph(user_data: UserData, tiny_factbase: FactBase) -> None:
    anchor = passage_anchor(tiny_factbase, 2, "port ranked third")
    assert (anchor.target_id, anchor.section_id, anchor.quote) == ("2", "overview", "port ranked third")
    assert "port ranked third" in anchor.citation
    with pytest.raises(ValueError, match="not in paragraph"):
        passage_anchor(tiny_factbase, 2, "ranked first")
    with pytest.raises(UnknownIdError):
        passage_anchor(tiny_factbase, 999)
    whole = passage_anchor(tiny_factbase, 9)
    assert whole.quote == tiny_factbase.paragraph(9).text


def test_filters_by_text_tag_report_kind_and_star(
    user_data: UserData, tiny_factbase: FactBase, factbase: FactBase
) -> None:
    user_data.annotate(fact_anchor(tiny_factbase, "residents"), starred=True, tags=["people"])
    user_data.annotate(section_anchor(tiny_factbase, "services"), note="Permits 100% online_by 2026?", tags=["Plan"])
    user_data.annotate(passage_anchor(tiny_factbase, 6), starred=True)
    bundled_fact = factbase.fact_ids()[0]
    user_data.annotate(fact_anchor(factbase, bundled_fact), note="from the bundled report", tags=["plan"])
    tiny_id, bundled_id = user_data.report_id(tiny_factbase), user_data.report_id(factbase)

    def ids(**filters: object) -> list[str]:
        return sorted(a.anchor.target_id for a in user_data.annotations(**filters))  # type: ignore[arg-type]

    assert ids(tag="PLAN") == sorted(["services", bundled_fact])
    assert ids(text="ostmark") == ["residents"]  # the quote is searched as well as the note
    assert ids(text="100% online_") == ["services"]  # % and _ are taken literally
    assert ids(text="100%25") == []
    assert ids(report_id=bundled_id) == [bundled_fact]
    assert ids(report_id=tiny_id, kind="passage") == ["6"]
    assert ids(starred=True) == ["6", "residents"]
    assert ids(tag="plan", report_id=tiny_id) == ["services"]
    assert user_data.tags() == [("people", 1), ("Plan", 2)]


def test_a_deleted_annotation_takes_its_tags_with_it(user_data: UserData, tiny_factbase: FactBase) -> None:
    saved = user_data.annotate(fact_anchor(tiny_factbase, "residents"), tags=["a", "b"])
    assert saved is not None
    user_data.delete_annotation(saved.id)
    assert user_data.annotations() == [] and user_data.tags() == []


def test_retarget_points_a_note_at_a_new_id(user_data: UserData, tiny_factbase: FactBase) -> None:
    anchor = replace(fact_anchor(tiny_factbase, "residents"), target_id="old-id")
    saved = user_data.annotate(anchor, note="n")
    assert saved is not None
    moved = user_data.retarget(saved.id, "residents")
    assert moved.anchor.target_id == "residents" and moved.note == "n"
