"""Chart specs, without Qt: the right bars for each kind of fact, highlighted, flagged and labelled with units."""

from __future__ import annotations

import subprocess
import sys

import pytest

from desktop.charts.spec import (
    KINDS,
    ChartSpec,
    chart_for_fact,
    chart_for_section,
    chart_for_target,
    chart_table,
    chart_targets,
)
from desktop.charts.spec.labels import wrap_label
from desktop.domain.target import resolve
from desktop.store import FactBase, UnknownIdError


def _by_fact(spec: ChartSpec) -> dict[str | None, float | None]:
    return {b.fact_id: b.raw_value for b in spec.bars}


def _highlighted(spec: ChartSpec) -> list[str | None]:
    return [b.fact_id for b in spec.bars if b.highlighted]


def test_count_sits_among_the_sections_counts_of_the_same_unit(factbase: FactBase) -> None:
    spec = chart_for_fact(factbase, "internet-users")
    expected = {
        f.id: f.value
        for f in factbase.facts("digital-services")
        if f.kind == "count" and f.unit == "people" and not f.derived
    }
    assert len(expected) > 1
    assert _by_fact(spec) == expected
    assert _highlighted(spec) == ["internet-users"]
    assert spec.value_axis == "people (billion)"
    internet = next(b for b in spec.bars if b.fact_id == "internet-users")
    assert internet.value == pytest.approx(1.123)  # plotted in billions, as the axis says
    assert internet.text == "1.123 billion"


def test_a_count_alone_in_its_unit_still_gets_a_labelled_bar(factbase: FactBase) -> None:
    spec = chart_for_fact(factbase, "5g-base-stations")
    assert [(b.label, b.text) for b in spec.bars] == [("5G base stations built", "4.55 million")]
    assert spec.value_axis == "base stations (million)"
    assert spec.bars[0].highlighted


def test_qualifiers_show_on_the_bars(factbase: FactBase) -> None:
    texts = {b.fact_id: b.text for b in chart_for_fact(factbase, "internet-users").bars}
    assert texts["medical-insurance-code-users"] == "more than 1.2 billion"
    assert chart_for_fact(factbase, "new-market-entities").bars[0].text == "2,600+"


def test_share_is_part_of_a_hundred(factbase: FactBase) -> None:
    spec = chart_for_fact(factbase, "internet-penetration-rate")
    share, rest = spec.bars
    assert spec.kind == "share" and spec.value_axis == "per cent"
    assert (share.start, share.value, share.text, share.highlighted) == (0, 79.7, "79.7%", True)
    assert (rest.start, rest.value, rest.text, rest.highlighted) == (79.7, 100, "20.3%", False)
    assert rest.raw_value == pytest.approx(20.3)


def test_the_rest_of_a_share_is_derived_not_stated(factbase: FactBase) -> None:
    spec = chart_for_fact(factbase, "internet-penetration-rate")
    share, rest = spec.bars
    assert rest.derived and not share.derived and rest.fact_id is None
    assert spec.notes == ("Rest: 100% − 79.7%, implied",)


def test_a_hedged_share_keeps_its_hedge_in_the_rest(factbase: FactBase) -> None:
    spec = chart_for_fact(factbase, "e-social-security-card-coverage")
    share, rest = spec.bars
    assert (share.text, rest.text) == ("over 75%", "under 25%")
    assert rest.derived and spec.notes == ("Rest: 100% − over 75%, implied",)


def test_a_full_share_has_no_rest(factbase: FactBase) -> None:
    spec = chart_for_fact(factbase, "scenic-spots-digital-upgrades")
    assert [(b.value, b.text) for b in spec.bars] == [(100, "100%")]


def test_growth_is_before_and_after_with_the_before_derived(factbase: FactBase) -> None:
    spec = chart_for_fact(factbase, "new-data-products-growth")
    before, after = spec.bars
    assert spec.kind == "growth"
    assert (before.fact_id, before.raw_value, before.derived) == ("new-data-products-year-earlier", 1958, True)
    assert (after.fact_id, after.raw_value, after.derived) == ("new-data-products", 3328, False)
    assert after.highlighted and not before.highlighted
    assert [before.label, after.label] == ["H1 2024", "H1 2025"]
    assert "+70%" in after.text
    assert any("3,328 ÷ (1 + 70%)" in note for note in spec.notes)


def test_growth_without_a_stated_base_is_an_index_on_a_chosen_base(factbase: FactBase) -> None:
    spec = chart_for_fact(factbase, "ai-datasets-growth")
    base, after = spec.bars
    assert spec.value_axis == "index, H1 2024 = 100"
    # The 100 is a base we chose, not a figure the report states or implies: described as the base, not derived.
    assert (base.value, base.text, base.derived, base.stated, base.fact_id) == (100, "100 (base)", False, False, None)
    # The 380 is computed from the stated 280%: derived, with its formula, once.
    assert (after.value, after.derived, after.highlighted, after.fact_id) == (380, True, True, "ai-datasets-growth")
    assert sum(n.count("380 = 100 × (1 + 280%)") for n in spec.notes) == 1
    assert any("base" in n and "H1 2024 = 100" in n for n in spec.notes)


def test_both_growth_charts_label_their_bars_with_the_same_periods(factbase: FactBase) -> None:
    index = chart_for_fact(factbase, "ai-datasets-growth")
    counts = chart_for_fact(factbase, "new-data-products-growth")
    assert [b.label for b in index.bars] == [b.label for b in counts.bars] == ["H1 2024", "H1 2025"]


def test_the_year_earlier_count_is_drawn_like_the_growth_before_then_after(factbase: FactBase) -> None:
    earlier = chart_for_fact(factbase, "new-data-products-year-earlier")
    growth = chart_for_fact(factbase, "new-data-products-growth")

    def shape(spec: ChartSpec) -> list[tuple[str, float | None, bool, str | None]]:
        return [(b.label, b.raw_value, b.derived, b.fact_id) for b in spec.bars]

    assert shape(earlier) == shape(growth)
    assert [b.label for b in earlier.bars] == ["H1 2024", "H1 2025"]  # before, then after, periods on the labels
    assert earlier.horizontal == growth.horizontal is False
    assert earlier.value_axis == growth.value_axis
    assert _highlighted(earlier) == ["new-data-products-year-earlier"]
    assert earlier.title == factbase.fact("new-data-products-year-earlier").label


def test_duration_range_floats_from_min_to_max(factbase: FactBase) -> None:
    spec = chart_for_fact(factbase, "apparel-turnaround")
    (bar,) = spec.bars
    assert (spec.kind, bar.start, bar.value, bar.text) == ("range", 3, 7, "3–7 days")
    assert spec.value_axis == "days"


def test_rank_is_a_ladder_with_only_the_stated_position_as_data(factbase: FactBase) -> None:
    spec = chart_for_fact(factbase, "computing-power-rank")
    assert spec.kind == "rank" and spec.horizontal
    assert [b.label for b in spec.bars] == ["1st", "2nd", "3rd", "4th", "5th"]
    stated = [b for b in spec.bars if b.stated]
    assert [(b.label, b.highlighted, b.fact_id) for b in stated] == [("2nd", True, "computing-power-rank")]
    assert all(b.text == "not stated" for b in spec.bars if not b.stated)


def test_viewing_a_derived_count_shows_it_derived_beside_the_stated_one(factbase: FactBase) -> None:
    spec = chart_for_fact(factbase, "new-data-products-year-earlier")
    assert {b.fact_id: b.derived for b in spec.bars} == {
        "new-data-products": False,
        "new-data-products-year-earlier": True,
    }
    assert spec.has_derived and spec.notes


def test_section_overview_is_its_largest_group_of_comparable_facts(factbase: FactBase) -> None:
    spec = chart_for_section(factbase, "digital-services")
    assert spec is not None and spec.chart_id == "digital-services"
    assert len(spec.bars) == 4 and {f.unit for f in factbase.facts() if f.id in _by_fact(spec)} == {"people"}
    assert not _highlighted(spec)
    market = chart_for_section(factbase, "data-market")
    assert market is not None
    assert set(_by_fact(market)) == {"new-data-products-growth", "ai-datasets-growth"}


def test_a_section_of_unlike_facts_shows_its_headline(factbase: FactBase) -> None:
    spec = chart_for_section(factbase, "infrastructure")
    assert spec is not None and spec.chart_id == "infrastructure" and spec.kind == "rank"
    assert spec.title == "Infrastructure"


def test_every_fact_has_a_chart_and_ids_are_facts_then_sections(factbase: FactBase) -> None:
    ids = [t.id for t in chart_targets(factbase)]
    fact_ids = [f.id for f in factbase.facts()]
    assert ids[: len(fact_ids)] == fact_ids
    assert ids[len(fact_ids) :] == [s.id for s in factbase.sections()]
    for chart_id in ids:
        spec = chart_for_target(factbase, resolve(factbase, chart_id))
        assert spec.chart_id == chart_id and spec.kind in KINDS and spec.bars
        assert factbase.document.title in spec.provenance and "Fact base v" in spec.provenance
        assert all(b.text for b in spec.bars), chart_id


def test_unknown_id_names_the_nearest(factbase: FactBase) -> None:
    with pytest.raises(UnknownIdError) as caught:
        chart_for_target(factbase, resolve(factbase, "internet-user"))
    assert "internet-users" in caught.value.nearest


def test_table_rows_are_the_bars_with_derived_marked(factbase: FactBase) -> None:
    rows = chart_table(chart_for_fact(factbase, "new-data-products-growth"))
    assert rows[0] == ("H1 2024", "about 1,958 (derived)")
    assert rows[1][0] == "H1 2025" and rows[1][1].startswith("3,328")


def test_long_labels_turn_the_chart_horizontal_and_wrap(factbase: FactBase) -> None:
    assert chart_for_fact(factbase, "internet-users").horizontal
    assert not chart_for_fact(factbase, "new-data-products-growth").horizontal
    wrapped = wrap_label("People benefiting from cross-province direct medical expense settlement", 26)
    assert all(len(line) <= 26 for line in wrapped.split("\n")) and wrapped.count("\n") >= 2


def test_specs_import_no_qt() -> None:
    code = "import sys, desktop.charts.spec; print(any(m.startswith(('PySide6', 'pyqtgraph')) for m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"


def test_an_imported_range_is_drawn_as_a_range(tiny_factbase_path, tmp_path) -> None:
    """The importer names a range 'range' ("between 2,000 and 2,500 jobs"): it floats from end to end too."""
    import shutil
    import sqlite3

    from desktop.store import FactBase

    copy = tmp_path / "range.sqlite"
    shutil.copy(tiny_factbase_path, copy)
    with sqlite3.connect(copy) as conn:
        conn.execute("UPDATE facts SET kind = 'range' WHERE id = 'pier-repair-weeks'")
    conn.close()
    with FactBase.open(copy) as fb:
        spec = chart_for_fact(fb, "pier-repair-weeks")
    (bar,) = spec.bars
    assert spec.kind == "range" and (bar.start, bar.value) == (4, 6)
