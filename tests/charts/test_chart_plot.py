"""The pyqtgraph rendering: the widget shows the spec's bars and labels, inside the view, in both palettes."""

from __future__ import annotations

import pyqtgraph as pg
import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QFont, QFontMetricsF, QImage, QPainter

from desktop.charts.plot.render import footer_text
from desktop.charts.plot.widget import draw_chart, make_plot_widget
from desktop.charts.spec import chart_for_fact, chart_for_section, chart_for_target, chart_targets
from desktop.charts.spec.model import DERIVED_KEY, legend_text
from desktop.charts.spec.palette import DARK, LIGHT
from desktop.domain.target import resolve
from desktop.store import FactBase


def _shown(qtbot, spec, *, dark: bool = False, size: tuple[int, int] = (800, 450)) -> pg.PlotWidget:
    widget = make_plot_widget(spec, dark=dark)
    qtbot.addWidget(widget)
    widget.resize(*size)
    widget.show()
    qtbot.waitExposed(widget)
    widget.grab()  # paint once: text items settle their positions when painted
    return widget


def _items(widget: pg.PlotWidget, kind: type) -> list:
    return [i for i in widget.getPlotItem().items if isinstance(i, kind)]


def _texts(widget: pg.PlotWidget) -> list[str]:
    return [t.textItem.toPlainText() for t in _items(widget, pg.TextItem)]


def test_widget_shows_one_bar_and_one_value_label_per_fact(qtbot, factbase: FactBase) -> None:
    spec = chart_for_fact(factbase, "internet-users")
    widget = _shown(qtbot, spec)
    bars = _items(widget, pg.BarGraphItem)
    assert len(bars) == len(spec.bars) == 4
    assert sorted(_texts(widget)) == sorted(b.text for b in spec.bars)
    assert widget.getPlotItem().getAxis("bottom").labelText == "people (billion)"


def test_the_viewed_fact_is_drawn_in_the_highlight_colour(qtbot, factbase: FactBase) -> None:
    spec = chart_for_fact(factbase, "cross-province-settlement-beneficiaries")
    widget = _shown(qtbot, spec)
    brushes = [b.opts["brush"].color().name() for b in _items(widget, pg.BarGraphItem)]
    highlighted = [i for i, bar in enumerate(spec.bars) if bar.highlighted]
    assert [i for i, colour in enumerate(brushes) if colour == LIGHT.highlight] == highlighted


@pytest.mark.parametrize("size", [(800, 450), (560, 360), (480, 320), (800, 260), (480, 260)])
def test_value_labels_and_bars_stay_inside_the_view(qtbot, factbase: FactBase, size: tuple[int, int]) -> None:
    for chart_id in [t.id for t in chart_targets(factbase)]:
        widget = _shown(qtbot, chart_for_target(factbase, resolve(factbase, chart_id)), size=size)
        view = widget.getPlotItem().getViewBox()
        area = view.mapRectToScene(view.boundingRect()).adjusted(-1, -1, 1, 1)
        for text in _items(widget, pg.TextItem):
            rect = text.mapRectToScene(text.boundingRect())
            assert area.contains(rect), f"{chart_id}: label {text.textItem.toPlainText()!r} is clipped"
        for bar in _items(widget, pg.BarGraphItem):
            assert area.contains(bar.mapRectToScene(bar.boundingRect()).adjusted(1, 1, -1, -1)), chart_id
        _assert_category_labels_do_not_overlap(widget, chart_id)
        widget.close()


def _tick_labels(axis: pg.AxisItem) -> list[str]:
    """The tick labels the axis draws now (pyqtgraph drops those that would stick out of the axis)."""
    image = QImage(10, 10, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    painter.setFont(axis.style["tickFont"])
    _, _, texts = axis.generateDrawSpecs(painter)
    painter.end()
    return [text for _, _, text in texts]


@pytest.mark.parametrize("size", [(800, 450), (560, 360), (480, 320)])
def test_value_axes_label_their_zero_and_a_per_cent_axis_its_hundred(qtbot, factbase: FactBase, size) -> None:
    for chart_id in [t.id for t in chart_targets(factbase)]:
        spec = chart_for_target(factbase, resolve(factbase, chart_id))
        if not spec.value_axis:
            continue
        widget = _shown(qtbot, spec, size=size)
        labels = _tick_labels(widget.getPlotItem().getAxis("bottom" if spec.horizontal else "left"))
        assert "0" in labels, f"{chart_id} at {size}: {labels}"
        if spec.value_axis == "per cent" and spec.value_range:
            assert "100" in labels, f"{chart_id} at {size}: {labels}"
            assert all(float(text) <= 100 for text in labels), f"{chart_id} at {size}: a share beyond 100%"
        widget.close()


def _assert_category_labels_do_not_overlap(widget: pg.PlotWidget, chart_id: str) -> None:
    plot = widget.getPlotItem()
    spec_rows = getattr(plot, "_chart_rows", 0)  # a value card has no rows
    axis = plot.getAxis("left") if plot.getViewBox().yInverted() else None
    if axis is None or spec_rows < 2:
        return
    ticks = axis._tickLevels[0]
    line_px = QFontMetricsF(axis.style["tickFont"]).lineSpacing()
    row_px = plot.getViewBox().height() / max(spec_rows, 3)
    tallest = max(len(text.split("\n")) for _, text in ticks) * line_px
    assert tallest <= row_px + 1, f"{chart_id}: category labels of {tallest:.0f} px overlap rows of {row_px:.0f} px"


def test_plot_fits_a_narrow_pane_without_spilling(qtbot, factbase: FactBase) -> None:
    widget = _shown(qtbot, chart_for_target(factbase, resolve(factbase, "data-applications")), size=(420, 320))
    plot_rect = widget.getPlotItem().sceneBoundingRect()
    assert plot_rect.width() <= widget.width() + 1, "the title or labels forced the plot wider than its pane"


def _dashed(widget: pg.PlotWidget) -> list[pg.BarGraphItem]:
    solid = pg.QtCore.Qt.PenStyle.SolidLine
    return [b for b in _items(widget, pg.BarGraphItem) if b.opts["pen"].style() != solid]


@pytest.mark.parametrize("chart_id", ["new-data-products-growth", "internet-penetration-rate"])
def test_derived_bars_get_a_legend(qtbot, factbase: FactBase, chart_id: str) -> None:
    spec = chart_for_fact(factbase, chart_id)
    widget = _shown(qtbot, spec)
    legend = widget.getPlotItem()._chart_legend
    assert legend is not None and legend.plain_text == legend_text(spec)
    assert legend.plain_text.startswith(DERIVED_KEY) and all(note in legend.plain_text for note in spec.notes)
    assert len(_dashed(widget)) == 1


@pytest.mark.parametrize("chart_id", ["internet-penetration-rate", "new-data-products-growth"])
def test_each_note_is_shown_once_on_the_chart_and_its_footer(qtbot, factbase: FactBase, chart_id: str) -> None:
    spec = chart_for_fact(factbase, chart_id)
    widget = _shown(qtbot, spec)
    shown = "\n".join([widget.getPlotItem()._chart_legend.plain_text, *footer_text(spec)])
    assert spec.notes and all(shown.count(note) == 1 for note in spec.notes)
    assert shown.count("derived") == 1, shown  # the dashed outline is explained once, the formulas say the rest


def test_a_value_card_draws_the_figure_and_its_period_and_no_axes(qtbot, factbase: FactBase) -> None:
    fact = factbase.fact("computing-power-rank")
    widget = _shown(qtbot, chart_for_fact(factbase, fact.id))
    plot = widget.getPlotItem()
    assert _texts(widget) == ["2nd", fact.period]  # what the report says: no "not stated" positions
    assert not _items(widget, pg.BarGraphItem)
    assert not plot.getAxis("left").isVisible() and not plot.getAxis("bottom").isVisible()
    assert fact.quote in plot._chart_legend.plain_text


def test_dark_palette_changes_background_and_text(qtbot, factbase: FactBase) -> None:
    spec = chart_for_fact(factbase, "internet-users")
    dark = _shown(qtbot, spec, dark=True)
    assert dark.backgroundBrush().color().name() == DARK.background
    assert {t.color.name() for t in _items(dark, pg.TextItem)} == {DARK.foreground}
    image = dark.grab().toImage()
    corner = image.pixelColor(image.width() - 3, 3).name()
    assert corner == DARK.background


def test_redraw_replaces_the_previous_chart(qtbot, factbase: FactBase) -> None:
    widget = _shown(qtbot, chart_for_fact(factbase, "internet-users"))
    draw_chart(widget.getPlotItem(), chart_for_fact(factbase, "apparel-turnaround"))
    assert _texts(widget) == ["3–7 days", factbase.fact("apparel-turnaround").period]
    assert not _items(widget, pg.BarGraphItem)  # the bars of the chart before are gone
    draw_chart(widget.getPlotItem(), chart_for_fact(factbase, "internet-users"))
    assert len(_items(widget, pg.BarGraphItem)) == 4 and widget.getPlotItem().getAxis("left").isVisible()


def test_a_redrawn_chart_carries_its_own_title_and_legend_only(qtbot, factbase: FactBase) -> None:
    # One plot is drawn again for every chart the window shows; its title and legend are kept and re-worded.
    noted = chart_for_fact(factbase, "new-data-products-growth")
    plain = chart_for_fact(factbase, "internet-users")
    widget = _shown(qtbot, noted, size=(420, 320))
    plot = widget.getPlotItem()
    draw_chart(plot, plain)
    widget.grab()
    legend, title = plot._chart_legend, plot._chart_title
    fresh = _shown(qtbot, plain, size=(420, 320))
    assert not legend.isVisible()
    fresh_view = fresh.getPlotItem().getViewBox()
    qtbot.waitUntil(lambda: plot.getViewBox().height() == fresh_view.height())  # no room kept for the note before
    assert title.plain_text == plain.title
    shown = title.item.toPlainText()
    assert " ".join(shown.split()) == plain.title  # its words, wrapped to the pane
    assert title.item.boundingRect().width() <= title.geometry().width() + 1
    draw_chart(plot, noted)
    widget.grab()
    assert legend.isVisible() and legend.plain_text == legend_text(noted)
    qtbot.waitUntil(lambda: plot.getViewBox().height() < fresh_view.height())  # the note takes its room again


@pytest.mark.parametrize("chart_id", ["internet-users", "new-data-products-growth", "computing-power-rank"])
def test_painted_chart_is_not_blank(qtbot, factbase: FactBase, chart_id: str) -> None:
    widget = _shown(qtbot, chart_for_target(factbase, resolve(factbase, chart_id)))
    image = widget.grab().toImage()
    highlight = pg.mkColor(LIGHT.highlight)
    hits = sum(
        1
        for x in range(0, image.width(), 4)
        for y in range(0, image.height(), 4)
        if image.pixelColor(x, y) == highlight
    )
    assert hits > 40, "the highlighted bar (or a card's figure) was not painted"
    assert QRectF(image.rect()).width() == 800


@pytest.mark.parametrize("size", [(480, 260), (800, 450)])
def test_axis_numbers_never_run_into_each_other(qtbot, factbase: FactBase, size: tuple[int, int]) -> None:
    # A share whose remainder's label ("at most 23.5%" in a generated base) stretches the view far past 100
    # printed its minor ticks spaced for the whole stretch: "0 102030405060708090100".
    from dataclasses import replace

    from PySide6.QtGui import QImage, QPainter

    share = chart_for_fact(factbase, "internet-penetration-rate")
    mine, rest = share.bars
    stretched = replace(share, bars=(mine, replace(rest, text="at most 20.3% of the population, implied")))
    for spec in (share, stretched):
        widget = _shown(qtbot, spec, size=size)
        axis = widget.getPlotItem().getAxis("bottom")
        image = QImage(10, 10, QImage.Format.Format_ARGB32)
        painter = QPainter(image)
        specs = axis.generateDrawSpecs(painter)
        painter.end()
        rects = sorted((text[0] for text in specs[2]), key=lambda r: r.left())
        assert len(rects) >= 2
        gap = QFontMetricsF(axis.style["tickFont"] or QFont()).horizontalAdvance("  ")
        for left, right in zip(rects, rects[1:], strict=False):
            assert right.left() - left.right() >= gap, f"{size}: tick labels run together"
        widget.close()


def test_many_bars_in_a_low_pane_keep_their_labels_apart(qtbot, generated: FactBase) -> None:
    # Twelve bars in the window's least chart height: rows too low for any wrap get one line each, cut.
    for section in generated.sections()[:6]:
        spec = chart_for_section(generated, section.id)
        if spec is None or len(spec.bars) < 10:
            continue
        widget = _shown(qtbot, spec, size=(480, 240))
        _assert_category_labels_do_not_overlap(widget, section.id)
        widget.close()
