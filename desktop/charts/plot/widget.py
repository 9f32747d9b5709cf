"""Draws a ChartSpec with pyqtgraph: bars, value labels, category ticks, axis labels and a derived-bar legend.

Importing this module imports pyqtgraph (about a second), so the window imports it lazily, after it is shown.
Value labels stay inside the plot at any size: whenever the view is resized the value axis is widened by the
pixel width of the longest label (see _fit_labels).
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape

import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetricsF
from PySide6.QtWidgets import QWidget

from desktop.charts.plot.axes import ChartAxis, category_ticks, set_category_width
from desktop.charts.plot.wrapping_label import WrappingLabel
from desktop.charts.spec import Bar, ChartSpec
from desktop.charts.spec.model import legend_text
from desktop.charts.spec.palette import ChartPalette, chart_palette
from desktop.qt_runtime import keep_singletons_alive

keep_singletons_alive()  # every chart drawn costs None thousands of references on PySide6 6.12 + Python 3.11

BAR_THICKNESS = 0.62
# Below this size the longest value labels no longer fit beside their bars (tests check every chart at it).
MIN_WIDTH, MIN_HEIGHT = 480, 260
TITLE_POINT_SIZE = 12
LABEL_POINT_SIZE = 10
CARD_PIXEL_SIZE = 44  # a value card's figure: large enough to read across a room on a slide
_GAP_PX = 6.0  # between a bar's end and its value label
_WRAP = 26  # characters per line of a horizontal chart's category label
_NARROW_WRAPS = (15, 20)  # ... or narrower when the plot is narrower than _NARROW_PX, to leave the bars room
_NARROW_PX = 560
_WIDE_WRAPS = (34, 44)  # ... or wider, in fewer lines, when the rows are too low for its lines
_ONE_LINE = 0  # ... or, rows too low even for that, one line each, cut after _WIDE_WRAPS[0] characters
MIN_LABEL_POINTS = 6.5  # the least size a category label is made smaller to, to fit a low row
MIN_LABEL_SCALE = 0.75  # wrapped labels are made at most this much smaller before going to one line each


def make_plot_widget(spec: ChartSpec, parent: QWidget | None = None, *, dark: bool = False) -> pg.PlotWidget:
    """A plot widget showing the chart; mouse panning and zooming are off (a chart, not a data explorer)."""
    axes = {"left": ChartAxis("left"), "bottom": ChartAxis("bottom")}
    widget = pg.PlotWidget(parent=parent, axisItems=axes)
    widget.setAccessibleName(f"Chart: {spec.title}")
    widget.setMinimumSize(MIN_WIDTH, MIN_HEIGHT)
    draw_chart(widget.getPlotItem(), spec, dark=dark)
    return widget


def draw_chart(plot_item: pg.PlotItem, spec: ChartSpec, *, dark: bool = False) -> None:
    """Clear the plot item and draw the spec on it."""
    colours = chart_palette(dark)
    _reset(plot_item, colours)
    plot_item.setTitle(None)
    if plot_item.titleLabel.parentLayoutItem() is plot_item.layout:
        plot_item.layout.removeItem(plot_item.titleLabel)  # ours spans the whole width in its place
    title = getattr(plot_item, "_chart_title", None)
    if isinstance(title, WrappingLabel):
        title.set_plain_text(spec.title, colours.foreground)
    else:
        title = WrappingLabel(spec.title, colours.foreground, point_size=TITLE_POINT_SIZE, bold=True)
        plot_item.layout.addItem(title, 0, 0, 1, 3)
        plot_item._chart_title = title  # type: ignore[attr-defined]
    if spec.kind == "card":
        _draw_card(plot_item, spec, colours)
        return
    labels: list[tuple[pg.TextItem, Bar]] = []
    for row, bar in enumerate(spec.bars):
        position = 0 if spec.kind == "share" else row
        plot_item.addItem(_bar_item(spec, bar, position, colours))
        text = _value_label(spec, bar, position, colours)
        plot_item.addItem(text)
        labels.append((text, bar))
    _set_axes(plot_item, spec, colours)
    if legend_text(spec):
        _add_legend(plot_item, legend_text(spec), colours)
    fit = _LabelFit(plot_item, spec, [(bar, text) for text, bar in labels])
    _follow_resize(plot_item, fit.on_resized)


# Drawing ---------------------------------------------------------------------------------------------------
def _draw_card(plot_item: pg.PlotItem, spec: ChartSpec, colours: ChartPalette) -> None:
    """A value card: the figure large in the middle, its period and sentence under it; no axes, no bar."""
    (bar,) = spec.bars
    figure = pg.TextItem(bar.text, color=colours.highlight, anchor=(0.5, 0.5))
    font = QFont()
    font.setPixelSize(CARD_PIXEL_SIZE)
    font.setBold(True)
    figure.setFont(font)
    figure.setPos(0.5, 0.56)
    plot_item.addItem(figure)
    if spec.subtitle:
        period = pg.TextItem(spec.subtitle, color=colours.muted, anchor=(0.5, 0.0))
        small = QFont()
        small.setPixelSize(round(LABEL_POINT_SIZE * 96 / 72) + 3)
        period.setFont(small)
        period.setPos(0.5, 0.36)
        plot_item.addItem(period)
    for name in ("left", "bottom"):
        plot_item.hideAxis(name)
    plot_item.showGrid(x=False, y=False)
    view = plot_item.getViewBox()
    view.setRange(xRange=(0, 1), yRange=(0, 1), padding=0)
    view.setMouseEnabled(False, False)
    if legend_text(spec):
        _add_legend(plot_item, legend_text(spec), colours)

    def fit_to_width() -> None:
        # The figure shrinks to the view's width (a narrow pane, a column-wide export), never below a label's size.
        room = view.width() * 0.92
        size = CARD_PIXEL_SIZE
        while size > 14 and QFontMetricsF(_sized(font, size)).horizontalAdvance(bar.text) > room > 0:
            size -= 2
        figure.setFont(_sized(font, size))

    _follow_resize(plot_item, fit_to_width)


def _cut(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _sized(font: QFont, pixels: int) -> QFont:
    sized = QFont(font)
    sized.setPixelSize(pixels)
    return sized


def _follow_resize(plot_item: pg.PlotItem, handler: Callable[[], None]) -> None:
    """Run handler now and whenever the view's size changes (labels fitted, a card's figure sized to the width);
    kept on the plot so it lives as long as the chart does, and disconnected when the plot is drawn again."""
    plot_item._chart_on_resize = handler  # type: ignore[attr-defined]
    plot_item.getViewBox().sigResized.connect(handler)
    handler()


def stop_following_resize(plot_item: pg.PlotItem) -> None:
    """Disconnect the chart's resize handler. Done before a plot is drawn again, and before an off-screen plot is
    let go: the handler's closure holds the plot's items and the view box's signal holds the handler, a cycle
    through a C++ connection that Python's collector cannot see, so without this every plot drawn off screen
    (a whole-report sheet's charts) stayed in memory, about 85 KB each."""
    handler = getattr(plot_item, "_chart_on_resize", None)
    if handler is not None:
        plot_item.getViewBox().sigResized.disconnect(handler)
        plot_item._chart_on_resize = None  # type: ignore[attr-defined]


def _reset(plot_item: pg.PlotItem, colours: ChartPalette) -> None:
    stop_following_resize(plot_item)  # the chart drawn here before no longer follows the view's size
    # The title and the legend stay in the layout for their words to change (draw_chart, _add_legend); a chart
    # with no legend empties it, and an empty label takes no height.
    legend = getattr(plot_item, "_chart_legend", None)
    if isinstance(legend, WrappingLabel) and legend.plain_text:
        legend.set_plain_text("", colours.foreground)
    plot_item.clear()
    for name in ("left", "bottom"):  # a value card drawn here before hid them
        plot_item.showAxis(name)
    plot_item.getViewBox().setMouseEnabled(True, True)
    plot_item.layout.setContentsMargins(6, 6, 18, 6)  # room on the right for the last tick label
    plot_item.invertY(False)
    plot_item.hideButtons()
    plot_item.setMenuEnabled(False)
    plot_item.setMouseEnabled(x=False, y=False)
    plot_item.getViewBox().setBackgroundColor(colours.background)
    view = plot_item.getViewWidget()
    if isinstance(view, pg.GraphicsView):
        view.setBackground(colours.background)


def _bar_item(spec: ChartSpec, bar: Bar, position: int, colours: ChartPalette) -> pg.BarGraphItem:
    length = bar.value - bar.start
    if not bar.stated:
        pen = pg.mkPen(colours.muted, width=1.2, style=Qt.PenStyle.DotLine)
        brush = pg.mkBrush(None)
    elif bar.derived:
        pen = pg.mkPen(colours.highlight if bar.highlighted else colours.foreground, width=1.6)
        pen.setStyle(Qt.PenStyle.DashLine)
        brush = pg.mkBrush(colours.derived_fill)
    else:
        fill = colours.highlight if bar.highlighted else colours.rest if bar.fact_id is None else colours.bar
        pen = pg.mkPen(fill, width=1)
        brush = pg.mkBrush(fill)
    if spec.horizontal:
        item = pg.BarGraphItem(x0=[bar.start], y=[position], width=[length], height=BAR_THICKNESS, pen=pen, brush=brush)
    else:
        item = pg.BarGraphItem(x=[position], y0=[bar.start], height=[length], width=BAR_THICKNESS, pen=pen, brush=brush)
    item.setToolTip(f"{bar.label}: {bar.text}")
    return item


def _label_inside(spec: ChartSpec) -> bool:
    # Shares are segments of one 100% bar and ranks fill their rows: their labels sit inside the bars.
    return spec.kind in ("share", "rank")


def _value_label(spec: ChartSpec, bar: Bar, position: int, colours: ChartPalette) -> pg.TextItem:
    inside = _label_inside(spec)
    colour = colours.on_highlight if inside and bar.highlighted and not bar.derived else colours.foreground
    if not bar.stated:
        colour = colours.muted
    if spec.kind == "share":
        anchor, x = (0.5, 0.5), (bar.start + bar.value) / 2
    elif spec.kind == "rank":
        anchor, x = (0.0, 0.5), 0.02
    else:
        anchor, x = ((0.0, 0.5), bar.value) if spec.horizontal else ((0.5, 1.0), bar.value)
    item = pg.TextItem(bar.text, color=colour, anchor=anchor)
    font = QFont()
    font.setPointSize(LABEL_POINT_SIZE)
    font.setBold(bar.highlighted)
    item.setFont(font)
    item.setPos(x, position) if spec.horizontal else item.setPos(position, x)
    return item


def _set_axes(plot_item: pg.PlotItem, spec: ChartSpec, colours: ChartPalette) -> None:
    value_name, category_name = ("bottom", "left") if spec.horizontal else ("left", "bottom")
    rows = 1 if spec.kind == "share" else len(spec.bars)
    # Tick labels are painted by the axis with its font as given: in pixels they keep their size on any device
    # (a sheet draws the plot straight onto a 1200-dpi PDF page, where 10 points would be read as device dots).
    font = QFont()
    font.setPixelSize(round(LABEL_POINT_SIZE * 96 / 72))
    ticks = category_ticks(spec, _WRAP)
    style = {"color": colours.foreground, "font-size": f"{LABEL_POINT_SIZE}pt"}
    for name in ("left", "bottom"):
        axis = plot_item.getAxis(name)
        axis.setPen(pg.mkPen(colours.muted))
        axis.setTextPen(pg.mkPen(colours.foreground))
        axis.setTickFont(font)
        axis.setStyle(tickTextOffset=6, maxTickLevel=1)
    category = plot_item.getAxis(category_name)
    category.setTicks([ticks, []])
    category.setStyle(tickLength=0)
    # Axis labels are rich text in pyqtgraph: a unit or label from the fact base is escaped, never markup.
    plot_item.setLabel(category_name, escape(spec.category_axis) if spec.category_axis else None, **style)
    if not spec.category_axis:
        plot_item.showLabel(category_name, False)
    value = plot_item.getAxis(value_name)
    value.setTicks(None)
    if isinstance(value, ChartAxis):
        value.upper = spec.value_range[1] if spec.value_range else None
    # An axis that ends at 100 while a label beyond it stretches the view would print its minor ticks too, spaced
    # for the whole stretch: eleven numbers in the first 100 ("0 102030…100"). Its major ticks alone read.
    value.setStyle(maxTickLevel=0 if spec.value_range else 1)
    value.setStyle(tickLength=-5)
    if spec.value_axis:
        plot_item.showAxis(value_name)
        plot_item.setLabel(value_name, escape(spec.value_axis), **style)
    else:
        plot_item.hideAxis(value_name)
    if spec.horizontal:
        plot_item.invertY(True)  # the first bar on top, as the table under the chart reads
        set_category_width(category, spec, ticks, font)
    else:
        category.setHeight(None)
    plot_item.showGrid(x=spec.horizontal and bool(spec.value_axis), y=not spec.horizontal, alpha=0.15)
    plot_item._chart_rows = rows  # type: ignore[attr-defined]


def _add_legend(plot_item: pg.PlotItem, text: str, colours: ChartPalette) -> None:
    legend = getattr(plot_item, "_chart_legend", None)
    if isinstance(legend, WrappingLabel):
        legend.set_plain_text(text, colours.foreground)
        return
    legend = WrappingLabel(text, colours.foreground, point_size=LABEL_POINT_SIZE - 1, justify="left")
    plot_item.layout.addItem(legend, 5, 0, 1, 3)
    plot_item._chart_legend = legend  # type: ignore[attr-defined]


class _LabelFit:
    """Keeps value labels inside the view: the value axis grows by the longest label's pixel size."""

    def __init__(self, plot_item: pg.PlotItem, spec: ChartSpec, labels: list[tuple[Bar, pg.TextItem]]) -> None:
        self.plot_item = plot_item
        self.spec = spec
        self.labels = labels
        self.wrap = _WRAP  # category labels start wrapped wide (_set_axes)
        self.scale = 1.0  # ... at their own size
        self._ticks: dict[int, list[tuple[int, str]]] = {}  # wrapped once per width: the view resizes often
        self._font: QFont | None = None  # the category labels' own font

    def _ticks_at(self, wrap: int) -> list[tuple[int, str]]:
        if wrap not in self._ticks:
            if wrap == _ONE_LINE:  # rows too low for any wrap: one line each, cut; the table under has them whole
                whole = category_ticks(self.spec, 10_000)
                self._ticks[wrap] = [(i, _cut(text.replace("\n", " "), _WIDE_WRAPS[0])) for i, text in whole]
            else:
                self._ticks[wrap] = category_ticks(self.spec, wrap)
        return self._ticks[wrap]

    def on_resized(self) -> None:
        spec = self.spec
        if spec.horizontal:
            self._wrap_categories()
        view = self.plot_item.getViewBox()
        size = view.boundingRect()
        low = min([0.0] + [b.start for b in spec.bars])
        high = max([b.value for b in spec.bars] + ([spec.value_range[1]] if spec.value_range else []))
        if spec.value_range:
            low = min(low, spec.value_range[0])
        if spec.kind == "rank":
            low, high = 0.0, 1.0
        span = (high - low) or 1.0
        pixels = size.width() if spec.horizontal else size.height()
        # pyqtgraph drops a tick label that would stick out of the view: keep room beyond each end for the label
        # there, so the axis prints its "0" (and a per-cent axis its "100"); the bars get what is left.
        low_px = self._end_room("0") if spec.kind != "rank" else 0.0
        high_px = self._end_room(f"{high:,.0f}") if spec.value_range else 0.0
        usable = max(pixels - low_px - high_px, pixels * 0.5)
        if not _label_inside(spec) and pixels > 0:
            span = max([span] + [self._span_fitting(bar.value - low, label, usable) for bar, label in self.labels])
        if spec.kind == "share" and pixels > 0:
            span = max([span] + [self._place_share_label(bar, label, usable, low) for bar, label in self.labels])
        per_px = span / usable if usable > 0 else 0.0
        value_range = (low - low_px * per_px, low + span + high_px * per_px)
        rows = getattr(self.plot_item, "_chart_rows", len(spec.bars))
        # One or two rows would make slabs of bars: keep at least three rows' height.
        pad = max(0.0, (3 - rows) / 2)
        category_range = (-0.5 - pad, rows - 0.5 + pad)
        if spec.horizontal:
            view.setRange(xRange=value_range, yRange=category_range, padding=0)
        else:
            view.setRange(xRange=category_range, yRange=value_range, padding=0)

    def _end_room(self, text: str) -> float:
        """Pixels beyond an axis end that its tick label there needs: half of it, plus a little."""
        name = "bottom" if self.spec.horizontal else "left"
        metrics = QFontMetricsF(self.plot_item.getAxis(name).style["tickFont"] or QFont())
        half = metrics.horizontalAdvance(text) if self.spec.horizontal else metrics.height()
        return max(8.0, half / 2 + 3)

    def _place_share_label(self, bar: Bar, label: pg.TextItem, pixels: float, low: float) -> float:
        """A share's last segment too thin for its label gets the label after the bar's end instead."""
        segment_px = (bar.value - bar.start) / 100.0 * pixels
        last = bar.value >= max(b.value for b in self.spec.bars)
        outside = last and label.textItem.boundingRect().width() + _GAP_PX * 2 > segment_px
        if outside:
            label.setAnchor((0.0, 0.5))
            label.setPos(bar.value, 0)
            return self._span_fitting(bar.value - low, label, pixels)
        label.setAnchor((0.5, 0.5))
        label.setPos((bar.start + bar.value) / 2, 0)
        return 0.0

    def _span_fitting(self, length: float, label: pg.TextItem, pixels: float) -> float:
        """The value span at which a bar of this length still leaves room for its label after its end."""
        rect = label.textItem.boundingRect()
        extent = (rect.width() if self.spec.horizontal else rect.height()) + _GAP_PX * 2
        usable = max(pixels - extent, pixels * 0.25)  # a tiny view: labels may overflow, bars stay visible
        return length * pixels / usable

    def _wrap_categories(self) -> None:
        # Decided by the plot's width and the rows' height, which the category axis does not change, and with the
        # labels' own font, never with a smaller one chosen here: laying the plot out again cannot flip it back.
        axis = self.plot_item.getAxis("left")
        if self._font is None:
            self._font = QFont(axis.style["tickFont"] or QFont())
        wrap, scale = self._category_wrap(QFontMetricsF(self._font).lineSpacing())
        if (wrap, round(scale, 2)) == (self.wrap, round(self.scale, 2)):
            return
        self.wrap, self.scale = wrap, scale
        font = QFont(self._font)
        if scale < 1.0:  # rows lower than the labels' lines: the lines are made smaller to fit their row
            font.setPointSizeF(max(MIN_LABEL_POINTS, font.pointSizeF() * scale))
        axis.setTickFont(font)
        ticks = self._ticks_at(wrap)
        axis.setTicks([ticks, []])
        set_category_width(axis, self.spec, ticks, font)

    def _category_wrap(self, line_px: float) -> tuple[int, float]:
        """The wrap of the category labels and the scale of their font. The narrowest wrap whose lines fit their
        row (narrow ones first in a narrow plot, to leave the bars room; a wide plot may take wider ones, in
        fewer lines); else the last of those at a smaller size, down to MIN_LABEL_SCALE; else one line each, cut
        and as small as the row needs (the table under the chart has every label whole)."""
        wide = self.plot_item.width() >= _NARROW_PX
        wraps = (_WRAP, *_WIDE_WRAPS) if wide else (*_NARROW_WRAPS, _WRAP)
        rows = 1 if self.spec.kind == "share" else len(self.spec.bars)
        row_px = self.plot_item.getViewBox().height() / max(rows, 3)
        lines = 1
        for wrap in wraps:
            lines = max(len(text.split("\n")) for _, text in self._ticks_at(wrap))
            if lines * line_px <= row_px:
                return wrap, 1.0
        scale = row_px / (lines * line_px) if line_px > 0 else 1.0
        if scale >= MIN_LABEL_SCALE:
            return wraps[-1], scale
        return _ONE_LINE, min(1.0, row_px / line_px) if line_px > 0 else 1.0
