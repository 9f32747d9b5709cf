"""Re-finding a note's target: by id, else by its stored text, else missing; never a silent guess."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from desktop.store import FactBase
from desktop.userdata import UserData, fact_anchor, passage_anchor, section_anchor
from desktop.userdata.resolve import resolve


def test_a_note_survives_a_rebuild_that_renamed_its_fact(
    user_data: UserData, tiny_factbase: FactBase, rebuilt_tiny_path: Path
) -> None:
    saved = user_data.annotate(fact_anchor(tiny_factbase, "residents"), starred=True, note="kept")
    assert saved is not None
    with FactBase.open(rebuilt_tiny_path) as rebuilt:
        assert user_data.report_id(rebuilt) == saved.anchor.report_id  # same source: same report
        [again] = user_data.annotations(report_id=user_data.report_id(rebuilt))
        found = user_data.resolve(rebuilt, again)
        # Two facts share the sentence; the label tells them apart.
        assert (found.status, found.target_id) == ("moved", "town-residents")
        assert "town-residents" in found.message
        still = user_data.resolve(rebuilt, user_data.annotate(fact_anchor(tiny_factbase, "port-rank"), starred=True))  # type: ignore[arg-type]
        assert (still.status, still.target_id) == ("found", "port-rank")


def test_the_same_sentence_under_an_unknown_label_is_ambiguous(tiny_factbase: FactBase) -> None:
    anchor = replace(fact_anchor(tiny_factbase, "residents"), target_id="gone", label="Something else")
    found = resolve(tiny_factbase, anchor)
    assert found.status == "ambiguous" and found.target_id is None
    assert set(found.candidates) == {"residents", "port-rank"}


def test_text_that_is_nowhere_is_missing(tiny_factbase: FactBase, factbase: FactBase) -> None:
    anchor = fact_anchor(tiny_factbase, "residents")
    found = resolve(factbase, anchor)  # another report altogether
    assert (found.status, found.target_id, found.candidates) == ("missing", None, ())
    assert anchor.label in found.message


def test_a_passage_whose_line_moved_is_found_by_its_excerpt(tiny_factbase: FactBase) -> None:
    anchor = passage_anchor(tiny_factbase, 5, "8,200 crossings")
    assert resolve(tiny_factbase, anchor).status == "found"
    shifted = replace(anchor, target_id="6")  # line 6 exists but does not hold the excerpt
    found = resolve(tiny_factbase, shifted)
    assert (found.status, found.target_id) == ("moved", "5")
    common = replace(anchor, target_id="99", quote="the")
    assert resolve(tiny_factbase, common).status == "ambiguous"


def test_a_section_found_by_id_or_by_title(tiny_factbase: FactBase, factbase: FactBase) -> None:
    anchor = section_anchor(tiny_factbase, "transport")
    assert resolve(tiny_factbase, anchor).status == "found"
    renamed = replace(anchor, target_id="moving")
    assert (resolve(tiny_factbase, renamed).status, resolve(tiny_factbase, renamed).target_id) == ("moved", "transport")
    assert resolve(factbase, renamed).status == "missing"
