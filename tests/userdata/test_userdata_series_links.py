"""The user's decisions on series links: confirmed or rejected, seen from either fact, undone, kept."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.userdata import FactRef, UserData

A, B, C = FactRef("report-x", "5g-base-stations"), FactRef("report-y", "5g-stations"), FactRef("report-z", "5g")


def test_a_confirmed_link_is_seen_from_both_facts(user_data: UserData) -> None:
    user_data.link_facts(B, A)
    [from_a] = user_data.series_decisions(A.report_id, A.fact_id)
    [from_b] = user_data.series_decisions(B.report_id, B.fact_id)
    assert (from_a.fact, from_a.other, from_a.decision) == (A, B, "confirmed")
    assert (from_b.fact, from_b.other, from_b.decision) == (B, A, "confirmed")


def test_unlinking_records_a_rejection_and_forgetting_removes_the_decision(user_data: UserData) -> None:
    user_data.link_facts(A, B)
    user_data.unlink_facts(B, A)  # one pair, whichever way round it is named
    assert [d.decision for d in user_data.series_decisions(A.report_id, A.fact_id)] == ["rejected"]
    user_data.link_facts(A, C)
    assert {(d.other, d.decision) for d in user_data.series_decisions(A.report_id, A.fact_id)} == {
        (B, "rejected"),
        (C, "confirmed"),
    }
    user_data.forget_link(A, B)
    assert [d.other for d in user_data.series_decisions(A.report_id, A.fact_id)] == [C]
    assert user_data.series_decisions(B.report_id, B.fact_id) == []


def test_a_fact_is_not_linked_to_itself(user_data: UserData) -> None:
    with pytest.raises(ValueError, match="itself"):
        user_data.link_facts(A, FactRef(A.report_id, A.fact_id))


def test_decisions_are_kept_between_runs(user_data_dir: Path) -> None:
    with UserData.open() as data:
        data.link_facts(A, B)
    with UserData.open() as data:
        assert [d.other for d in data.series_decisions(B.report_id, B.fact_id)] == [A]
