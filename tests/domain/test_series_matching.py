"""The series rule on reports written for the tests: true matches found in time order, near-misses rejected."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.domain.series import (
    THRESHOLD,
    Decision,
    MemberKey,
    Series,
    find_series,
    label_words,
    match_score,
    normal_unit,
)
from desktop.store import FactBase
from desktop.store.candidates import facts_with_label_words


def _series(
    source: FactBase, fact_id: str, library: list[FactBase], decisions: dict[MemberKey, Decision] | None = None
) -> Series:
    return find_series(source.fact(fact_id), source, library, decisions)


def _members(series: Series) -> list[tuple[str, str]]:
    return [(Path(m.report_path).stem, m.fact.id) for m in series.members]


@pytest.fixture
def library(test_reports: dict[str, FactBase]) -> list[FactBase]:
    return list(test_reports.values())


def test_ferry_crossings_are_one_series_across_three_reports(tiny_factbase: FactBase, library: list[FactBase]) -> None:
    series = _series(tiny_factbase, "ferry-crossings", library)
    assert _members(series) == [
        ("ostmark-2023", "crossings"),  # 2023
        ("tiny", "ferry-crossings"),  # 2024, the fact asked about
        ("ostmark-2025", "crossings-h1"),  # H1 2025
        ("networks-survey", "crossings-per-year"),  # "annually": no date, last and flagged
    ]
    assert [m.undated for m in series.members] == [False, False, False, True]
    assert [m.origin for m in series.members] == ["proposed", "self", "proposed", "proposed"]
    assert [m.fact.value for m in series.others] == [7100, 4300, 8000]


def test_near_misses_are_not_proposed(tiny_factbase: FactBase, library: list[FactBase]) -> None:
    ids = {fact_id for _, fact_id in _members(_series(tiny_factbase, "ferry-crossings", library))}
    assert "crossings-cancelled" not in ids  # same noun and unit, another metric: 2 of 3 words
    assert "crossings-traffic-share" not in ids  # the very same words, but a share in %
    assert "ferry-passengers" not in ids  # another noun
    assert "crossings-growth" not in ids  # the same words in a growth rate


def test_residents_match_by_town_not_by_noun_alone(tiny_factbase: FactBase, library: list[FactBase]) -> None:
    series = _series(tiny_factbase, "residents", library)
    assert _members(series) == [
        ("ostmark-2023", "residents"),
        ("tiny", "residents"),
        ("ostmark-2025", "residents"),
    ]
    assert [m.period_end.isoformat() for m in series.members if m.period_end] == [
        "2023-12-31",
        "2024-12-31",
        "2025-06-30",
    ]


def test_shares_and_growth_rates_pair_with_their_own_kind(tiny_factbase: FactBase, library: list[FactBase]) -> None:
    assert _members(_series(tiny_factbase, "permits-online", library)) == [
        ("ostmark-2023", "permits-online"),
        ("tiny", "permits-online"),
    ]
    assert _members(_series(tiny_factbase, "sailings-on-time", library)) == [
        ("tiny", "sailings-on-time"),
        ("ostmark-2025", "sailings-on-time"),  # Q2 2025 after 2024
    ]
    assert _members(_series(tiny_factbase, "ferry-crossings-growth", library)) == [
        ("ostmark-2023", "crossings-growth"),
        ("tiny", "ferry-crossings-growth"),
    ]


def test_the_bundled_5g_base_stations_meet_the_survey_of_2023(factbase: FactBase, library: list[FactBase]) -> None:
    series = _series(factbase, "5g-base-stations", library)  # "5G base stations built" and "5G base stations"
    assert [(m.fact.value, m.fact.period) for m in series.members] == [
        (3380000, "end of 2023"),
        (4550000, "end of June 2025"),
    ]


def test_a_fact_alone_is_a_series_of_one(tiny_factbase: FactBase, library: list[FactBase]) -> None:
    series = _series(tiny_factbase, "port-rank", library)
    assert _members(series) == [("tiny", "port-rank")] and series.others == []


def test_the_facts_own_report_is_not_another_report(tiny_factbase: FactBase, tiny_factbase_path: Path) -> None:
    with FactBase.open(tiny_factbase_path) as again:
        assert _members(_series(tiny_factbase, "ferry-crossings", [again])) == [("tiny", "ferry-crossings")]


def test_the_users_decisions_override_the_rule(
    tiny_factbase: FactBase, test_reports: dict[str, FactBase], library: list[FactBase]
) -> None:
    earlier = test_reports["ostmark-2023"].path.resolve()
    later = test_reports["ostmark-2025"].path.resolve()
    decisions: dict[MemberKey, Decision] = {
        (later, "crossings-h1"): "rejected",  # proposed by the rule, undone by the user
        (earlier, "ferry-passengers"): "confirmed",  # not proposed, linked by the user
    }
    series = _series(tiny_factbase, "ferry-crossings", library, decisions)
    assert ("ostmark-2025", "crossings-h1") not in _members(series)
    assert [m.fact.id for m in series.rejected] == ["crossings-h1"]
    confirmed = [m for m in series.members if m.fact.id == "ferry-passengers"]
    assert len(confirmed) == 1 and confirmed[0].origin == "confirmed" and confirmed[0].score < THRESHOLD


def test_matching_reads_candidates_only(
    tiny_factbase: FactBase, library: list[FactBase], monkeypatch: pytest.MonkeyPatch
) -> None:
    # The scale rule: no code path loads every fact of a base. Each way to do so fails the test.
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("find_series read every fact of a fact base")

    for name in ("facts", "iter_facts", "fact_ids", "section_tree"):
        monkeypatch.setattr(FactBase, name, refuse)
    assert len(_series(tiny_factbase, "ferry-crossings", library).members) == 4


def test_candidates_come_from_label_words_with_a_limit(test_reports: dict[str, FactBase]) -> None:
    later = test_reports["ostmark-2025"]
    found = {f.id for f in facts_with_label_words(later, ["ferry"])}
    assert found == {"crossings-h1", "crossings-cancelled", "crossings-traffic-share"}
    assert {f.id for f in facts_with_label_words(later, ["ferries"], kinds=("share",))} == {"crossings-traffic-share"}
    assert len(facts_with_label_words(later, ["ferry", "residents"], limit=2)) == 2
    words = ["ferry", "crossings", "cancelled"]
    assert {f.id for f in facts_with_label_words(later, words, at_least=None)} == {"crossings-cancelled"}
    assert {f.id for f in facts_with_label_words(later, words, at_least=2)} == found  # any two of the three
    assert facts_with_label_words(later, ['"', "*", "OR", "NEAR(", "label:"]) == []  # FTS syntax is read as words
    assert facts_with_label_words(later, ["", "!!"]) == []


@pytest.mark.parametrize(
    ("label", "words"),
    [
        ("5G base stations built", {"5g", "base", "station"}),
        ("Economic categories spanned by the national public data platform", None),
        ("Residents of Ostmark", {"resident", "ostmark"}),
        ("People using the national medical insurance code", None),
    ],
)
def test_label_words_drop_stop_words_and_fold_plurals(label: str, words: set[str] | None) -> None:
    found = label_words(label)
    assert not found & {"of", "the", "by", "built"}
    assert not any(w.endswith("ies") for w in found)
    if words is not None:
        assert found == words


def test_units_compare_once_normalised() -> None:
    assert normal_unit("per cent") == normal_unit("%") == normal_unit("Percent")
    assert normal_unit("persons") == normal_unit("people") == normal_unit("Person")
    assert normal_unit("RMB") == normal_unit("yuan")
    assert normal_unit("base stations") == normal_unit("base station")
    assert normal_unit("crossings") != normal_unit("%")


def test_score_is_zero_across_kinds_or_units(tiny_factbase: FactBase, test_reports: dict[str, FactBase]) -> None:
    later = test_reports["ostmark-2025"]
    crossings = tiny_factbase.fact("ferry-crossings")
    assert match_score(crossings, later.fact("crossings-h1")) == 1.0
    assert match_score(crossings, later.fact("crossings-traffic-share")) == 0.0
    assert match_score(crossings, later.fact("crossings-cancelled")) == pytest.approx(2 / 3)
    assert THRESHOLD > 2 / 3
