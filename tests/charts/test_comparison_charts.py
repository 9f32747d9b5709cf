"""A comparison's charts: one axis a unit, small multiples across units, a line over ordered periods, and every
exported file (PNG text chunks, SVG metadata and text, CSV rows) naming every member's source."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from xml.dom import minidom

import pytest

from desktop.charts.spec.comparison import comparison_chart
from desktop.domain.comparison import Comparison
from desktop.store import FactBase


def comparison(ostmark_reports: dict[str, FactBase], *keys: str) -> Comparison:
    """Members given as 'report/fact'."""
    c = Comparison()
    for key in keys:
        report, fact = key.split("/")
        c.add(ostmark_reports[report], fact, report)
    return c


MIXED = ("o2023/residents", "tiny/residents", "o2025/residents", "o2023/crossings", "o2025/crossings-h1",
         "o2023/permits-online")  # fmt: skip


# Specs -------------------------------------------------------------------------------------------------------
def test_facts_of_one_unit_are_one_chart_of_bars_on_one_axis(ostmark_reports: dict[str, FactBase]) -> None:
    multi = comparison_chart(comparison(ostmark_reports, "o2023/residents", "o2023/westmark-residents"))
    (chart,) = multi.charts
    assert chart.kind == "bars" and chart.unit == "people" and chart.value_axis == "people"
    assert [b.raw_value for b in chart.bars] == [11900, 8300]
    labels = [b.label for b in chart.bars]
    assert labels == ["Residents of Ostmark (end of 2023)", "Residents of Westmark (end of 2023)"]


def test_facts_of_different_units_are_small_multiples_one_chart_a_unit(ostmark_reports: dict[str, FactBase]) -> None:
    multi = comparison_chart(comparison(ostmark_reports, *MIXED))
    assert [c.unit for c in multi.charts] == ["people", "crossings", "%"]
    for chart, members in zip(multi.charts, multi.bar_members, strict=True):
        pairs = zip(members, chart.bars, strict=True)
        units = {ostmark_reports[report].fact(bar.fact_id or "").unit for (report, _), bar in pairs}
        assert units == {chart.unit}  # no chart mixes units
    assert sum(len(c.bars) for c in multi.charts) == len(MIXED)


def test_one_metric_over_ordered_periods_is_a_line_in_time_order(ostmark_reports: dict[str, FactBase]) -> None:
    multi = comparison_chart(comparison(ostmark_reports, "o2025/residents", "o2023/residents", "tiny/residents"))
    (chart,) = multi.charts
    assert chart.kind == "line" and chart.category_axis == "period"
    assert [b.label for b in chart.bars] == ["end of 2023", "end of 2024", "end of June 2025"]
    assert [b.raw_value for b in chart.bars] == [11900, 12400, 12650]
    assert chart.title == "Residents of Ostmark over time"


def test_each_chart_names_the_reports_of_its_own_bars(ostmark_reports: dict[str, FactBase]) -> None:
    multi = comparison_chart(comparison(ostmark_reports, *MIXED))
    people, crossings, shares = multi.charts
    for name in ("o2023", "tiny", "o2025"):
        assert ostmark_reports[name].document.citation in people.provenance
    assert ostmark_reports["tiny"].document.citation not in crossings.provenance
    assert ostmark_reports["o2025"].document.citation not in shares.provenance


def test_an_empty_comparison_has_no_chart() -> None:
    with pytest.raises(ValueError, match="empty"):
        comparison_chart(Comparison())


# Drawing -----------------------------------------------------------------------------------------------------
def test_the_window_widget_has_a_plot_a_unit_and_a_line_through_the_values(qtbot, ostmark_reports) -> None:
    import pyqtgraph as pg

    from desktop.charts.plot.multiples import make_multiples_widget

    multi = comparison_chart(comparison(ostmark_reports, *MIXED))
    widget = make_multiples_widget(multi)
    qtbot.addWidget(widget)
    assert len(widget.plots) == 3
    line_items = widget.plots[0].getPlotItem().items
    assert not [i for i in line_items if isinstance(i, pg.BarGraphItem)]  # a line, not bars
    (line,) = [i for i in line_items if isinstance(i, pg.PlotDataItem)]
    assert list(line.yData) == [b.value for b in multi.charts[0].bars]
    assert [c.kind for c in multi.charts] == ["line", "line", "bars"]  # crossings in 2023 and in H1 2025: a line
    bar_items = widget.plots[2].getPlotItem().items
    assert len([i for i in bar_items if isinstance(i, pg.BarGraphItem)]) == 1


# Exported files ----------------------------------------------------------------------------------------------
def every_source(c: Comparison) -> list[str]:
    return [m.source for m in c]


def test_png_text_chunks_carry_every_members_source(qapp, ostmark_reports, tmp_path: Path) -> None:
    from PySide6.QtGui import QImage

    from desktop.export.comparison_export import export_comparison_chart

    c = comparison(ostmark_reports, *MIXED)
    path = export_comparison_chart(comparison_chart(c), tmp_path / "c.png", width=800)
    image = QImage(str(path))
    assert image.width() == 800
    for source in every_source(c):
        assert source in image.text("Source")
    for member in c:
        assert member.fact.label in image.text("Description")
    one = export_comparison_chart(
        comparison_chart(comparison(ostmark_reports, "o2023/residents")), tmp_path / "1.png", 800
    )
    assert image.height() > 2.5 * QImage(str(one)).height()  # three charts stacked, none squeezed


def test_svg_metadata_and_footer_text_carry_every_members_source(qapp, ostmark_reports, tmp_path: Path) -> None:
    from desktop.export.comparison_export import export_comparison_chart

    c = comparison(ostmark_reports, *MIXED)
    path = export_comparison_chart(comparison_chart(c), tmp_path / "c.svg", width=900)
    doc = minidom.parse(str(path))
    dc_sources = [e.firstChild.data for e in doc.getElementsByTagName("dc:source")]
    assert sorted(dc_sources) == sorted(set(every_source(c)))
    footer = " ".join(
        t.firstChild.data for g in doc.getElementsByTagName("g") if g.getAttribute("id").startswith("provenance")
        for t in g.getElementsByTagName("text")
    )  # fmt: skip
    for name in ("o2023", "tiny", "o2025"):
        assert ostmark_reports[name].document.title in footer
    ids = [e.getAttribute("id") for e in doc.getElementsByTagName("*") if e.hasAttribute("id")]
    assert len(ids) == len(set(ids))  # each chart's clip paths renamed: no id twice in one document


def test_svg_draws_the_same_picture_as_the_png(qapp, ostmark_reports, tmp_path: Path) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    from desktop.charts.plot.multiples import render_multiples_image, render_multiples_svg

    multi = comparison_chart(comparison(ostmark_reports, *MIXED))
    png = render_multiples_image(multi, 800)
    svg = QImage(png.size(), QImage.Format.Format_ARGB32)
    svg.fill(Qt.GlobalColor.white)
    painter = QPainter(svg)
    QSvgRenderer(render_multiples_svg(multi, 800)).render(painter)
    painter.end()
    smooth, grey = Qt.TransformationMode.SmoothTransformation, QImage.Format.Format_Grayscale8
    small = [i.scaledToWidth(200, smooth).convertToFormat(grey) for i in (png, svg)]
    a, b = (bytes(i.constBits())[: i.sizeInBytes()] for i in small)
    difference = sum(abs(x - y) for x, y in zip(a, b, strict=True)) / len(a)
    assert difference < 3.0  # lightness out of 255; a blank or misplaced SVG differs by far more


def test_csv_rows_carry_their_own_members_source_and_report(qapp, ostmark_reports, tmp_path: Path) -> None:
    from desktop.export.comparison_export import export_comparison_chart

    c = comparison(ostmark_reports, *MIXED)
    path = export_comparison_chart(comparison_chart(c), tmp_path / "c.csv")
    rows = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))))
    assert len(rows) == len(MIXED)
    by_member = {(row["report"], row["fact_id"]): row for row in rows}
    for member in c:
        row = by_member[member.key]
        assert row["source"] == member.source
        assert float(row["value"]) == member.fact.value
        assert row["unit"] == member.fact.unit


def test_an_unknown_extension_writes_nothing(qapp, ostmark_reports, tmp_path: Path) -> None:
    from desktop.export.comparison_export import export_comparison_chart
    from desktop.export.files import ExportError

    with pytest.raises(ExportError):
        export_comparison_chart(comparison_chart(comparison(ostmark_reports, "o2023/residents")), tmp_path / "c.gif")
    assert list(tmp_path.iterdir()) == []
