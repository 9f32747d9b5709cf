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


def test_a_count_alone_in_its_unit_is_a_value_card(factbase: FactBase) -> None:
    """A chart of one bar says less than the figure's own words: the card gives the figure, period and sentence."""
    spec = chart_for_fact(factbase, "5g-base-stations")
    fact = factbase.fact("5g-base-stations")
    assert spec.kind == "card" and [(b.label, b.text) for b in spec.bars] == [
        (fact.label, "4.55 million base stations")
    ]
    assert spec.subtitle == "end of June 2025" and any(fact.quote in note for note in spec.notes)
    assert spec.bars[0].highlighted and spec.bars[0].raw_value == 4_550_000


def test_qualifiers_show_on_the_bars(factbase: FactBase) -> None:
    texts = {b.fact_id: b.text for b in chart_for_fact(factbase, "internet-users").bars}
    assert texts["medical-insurance-code-users"] == "more than 1.2 billion"
    assert chart_for_fact(factbase, "new-market-entities").bars[0].text == "2,600+ entities"


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


def test_a_full_share_has_no_rest_and_is_a_card(factbase: FactBase) -> None:
    spec = chart_for_fact(factbase, "scenic-spots-digital-upgrades")
    assert spec.kind == "card" and [b.text for b in spec.bars] == ["100%"]


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


def test_growth_without_stated_counts_is_a_card_with_no_invented_base(factbase: FactBase) -> None:
    """+280% with no count beside it: no index base (H1 2024 = 100) that the report does not state is drawn."""
    spec = chart_for_fact(factbase, "ai-datasets-growth")
    assert spec.kind == "card" and [b.text for b in spec.bars] == ["+280%"]
    assert not any("100" in note for note in spec.notes if "=" in note)


def test_a_growth_with_its_counts_is_drawn_before_and_after(factbase: FactBase) -> None:
    counts = chart_for_fact(factbase, "new-data-products-growth")
    assert counts.kind == "growth" and [b.label for b in counts.bars] == ["H1 2024", "H1 2025"]


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


def test_a_duration_range_is_a_card_that_keeps_both_ends(factbase: FactBase) -> None:
    spec = chart_for_fact(factbase, "apparel-turnaround")
    (bar,) = spec.bars
    assert (spec.kind, bar.text, bar.raw_min, bar.raw_max) == ("card", "3–7 days", 3, 7)


def test_a_rank_shows_what_the_report_says_and_nothing_invented(factbase: FactBase) -> None:
    spec = chart_for_fact(factbase, "computing-power-rank")
    assert spec.kind == "card" and [b.text for b in spec.bars] == ["2nd"]
    assert not any("not stated" in b.text for b in spec.bars)


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
    assert spec is not None and spec.chart_id == "infrastructure" and spec.kind == "card"
    assert spec.title == "Infrastructure: Global rank of China's total computing power"


def test_every_fact_has_a_chart_and_ids_are_facts_then_sections(factbase: FactBase) -> None:
    ids = [t.id for t in chart_targets(factbase)]
    fact_ids = [f.id for f in factbase.facts()]
    assert ids[: len(fact_ids)] == fact_ids
    assert ids[len(fact_ids) :] == [s.id for s in factbase.sections()]
    for chart_id in ids:
        spec = chart_for_target(factbase, resolve(factbase, chart_id))
        assert spec.chart_id == chart_id and spec.kind in KINDS and spec.bars
        assert factbase.document.title in spec.provenance and "Undated report" in spec.provenance
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


def test_an_imported_range_is_a_card_like_a_duration(tiny_factbase_path, tmp_path) -> None:
    """The importer names a range 'range' ("between 2,000 and 2,500 jobs"): a card with both ends, as a duration."""
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
    assert spec.kind == "card" and (bar.text, bar.raw_min, bar.raw_max) == ("4–6 weeks", 4, 6)


def test_no_chart_is_a_single_bar(factbase: FactBase) -> None:
    """Every chart either sets its fact beside others (two bars or more, a share with its rest) or is a card."""
    for target in chart_targets(factbase):
        spec = chart_for_target(factbase, target)
        assert spec is not None and (spec.kind == "card" or len(spec.bars) >= 2), target.key
