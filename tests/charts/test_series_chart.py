"""The time chart of one metric across reports (desktop.charts.spec.series), on reports written for the tests."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.charts.spec import chart_table
from desktop.charts.spec.series import chart_for_series
from desktop.domain.series import find_series
from desktop.store import FactBase

REPORTS = Path(__file__).resolve().parents[1] / "domain" / "reports"


@pytest.fixture(scope="module")
def other_paths(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    from db.build import build

    folder = tmp_path_factory.mktemp("series-chart")
    return [
        build(folder / f"{name}.sqlite", REPORTS / name) for name in ("ostmark-2023", "ostmark-2025", "networks-survey")
    ]


@pytest.fixture
def others(other_paths: list[Path]) -> Iterator[list[FactBase]]:
    opened = [FactBase.open(p) for p in other_paths[:2]]
    yield opened
    for fb in opened:
        fb.close()


@pytest.fixture
def test_reports_all(other_paths: list[Path]) -> Iterator[list[FactBase]]:
    opened = [FactBase.open(p) for p in other_paths]
    yield opened
    for fb in opened:
        fb.close()


def test_one_bar_per_report_in_time_order_with_the_fact_viewed_highlighted(tiny_factbase, others):
    series = find_series(tiny_factbase.fact("residents"), tiny_factbase, others)
    spec = chart_for_series(series)
    assert spec is not None
    # Periods label the bars in few characters (the month they end), so that several fit side by side.
    assert [b.label for b in spec.bars] == ["2023", "2024", "Jun 2025"]
    assert [b.highlighted for b in spec.bars] == [False, True, False]
    assert [b.raw_value for b in spec.bars] == [m.fact.value for m in series.members]
    assert spec.value_axis == "people" and spec.unit == "people"
    assert not spec.horizontal  # time runs left to right
    # Where each figure comes from is said in the footer, period by period.
    for member in series.members:
        assert f"{member.fact.period}: {member.report_title}" in spec.provenance
    assert [text for _label, text in chart_table(spec)] == [b.text for b in spec.bars]


def test_short_periods_keep_the_reports_words_and_undated_ones_say_so(tiny_factbase, test_reports_all):
    series = find_series(tiny_factbase.fact("ferry-crossings"), tiny_factbase, test_reports_all)
    spec = chart_for_series(series)
    assert spec is not None
    assert [b.label for b in spec.bars] == ["2023", "2024", "H1 2025", "annually\n(undated)"]
    assert spec.provenance.startswith("2023: Ostmark Grows to 11,900 Residents; 2024: Harbour Town")


def test_a_fact_alone_has_no_series_chart(tiny_factbase):
    series = find_series(tiny_factbase.fact("residents"), tiny_factbase, [])
    assert chart_for_series(series) is None


def test_a_share_series_reads_on_a_0_to_100_axis(tiny_factbase, others):
    series = find_series(tiny_factbase.fact("permits-online"), tiny_factbase, others)
    spec = chart_for_series(series)
    assert spec is not None and len(spec.bars) >= 2
    assert spec.value_range == (0.0, 100.0)
