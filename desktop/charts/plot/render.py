"""Lays a chart out at its design size and renders it to an image with a provenance footer.

A chart is designed at BASE_WIDTH logical pixels, the size it has on screen, and scaled to the asked width:
a 1600-px PNG is the on-screen look at twice the resolution, not a wider chart with tiny text. A picture narrower
than the design width at a legible scale (MIN_TEXT_PIXELS for the smallest text, the footer's) is laid out at a
narrower logical width instead of shrinking its text. The footer (report title, period and fact base version; the
notes on derived bars are drawn with the plot) is wrapped to the logical width and drawn inside the picture. The
layout also carries what an export asks for beyond the chart itself: a subtitle under the title and the
background (light, dark or transparent). The SVG writer (desktop.charts.plot.svg) uses the same layout.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import pyqtgraph as pg
from PySide6.QtCore import QEvent, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QImage, QPainter
from PySide6.QtWidgets import QApplication

from desktop.charts.plot.widget import make_plot_widget, stop_following_resize
from desktop.charts.plot.wrapping_label import WrappingLabel, wrap_to_width
from desktop.charts.spec import ChartSpec
from desktop.charts.spec.palette import ChartPalette, chart_palette

BASE_WIDTH = 800  # logical pixels: the chart's on-screen design width
BASE_HEIGHT = 460  # logical pixels of the whole picture when no height is asked for
FOOTER_PIXEL_SIZE = 11  # the smallest text of a picture
FOOTER_MARGIN = 10
FOOTER_LINE_GAP = 3
MIN_TEXT_PIXELS = 9.0  # no text of an exported picture is smaller, in output pixels
MIN_SCALE = MIN_TEXT_PIXELS / FOOTER_PIXEL_SIZE
SUBTITLE_POINT_SIZE = 10
BACKGROUNDS = ("light", "dark", "transparent")


@dataclass(frozen=True)
class ChartLayout:
    """Where things go, in logical pixels; scale turns them into output pixels."""

    width: float
    plot_height: float
    footer_lines: tuple[str, ...]
    line_height: float
    scale: float
    subtitle: str = ""
    background: str = "light"  # one of BACKGROUNDS

    @property
    def palette(self) -> ChartPalette:
        return chart_palette(self.background == "dark")

    @property
    def pixel_size(self) -> tuple[int, int]:
        return int(round(self.width * self.scale)), int(round(self.height * self.scale))

    @property
    def height(self) -> float:
        return self.plot_height + self.footer_height

    @property
    def footer_height(self) -> float:
        return len(self.footer_lines) * (self.line_height + FOOTER_LINE_GAP) + 2 * FOOTER_MARGIN

    def baselines(self, ascent: float) -> Iterator[tuple[float, str]]:
        y = self.plot_height + FOOTER_MARGIN + ascent
        for line in self.footer_lines:
            yield y, line
            y += self.line_height + FOOTER_LINE_GAP


def footer_font() -> QFont:
    font = QFont()
    font.setPixelSize(FOOTER_PIXEL_SIZE)
    return font


def footer_text(spec: ChartSpec) -> list[str]:
    # The notes are drawn with the plot (its legend), so that the window shows them too; here only provenance.
    return [f"Source: {spec.provenance}"]


def logical_width(width: int) -> int:
    """The width a picture `width` pixels wide is laid out at: the design width, or less where the design width
    would shrink the smallest text under MIN_TEXT_PIXELS (a 400-px picture is laid out 488 wide, not 800)."""
    return max(1, min(BASE_WIDTH, int(width / MIN_SCALE)))


def chart_layout(
    spec: ChartSpec,
    width: int,
    height: int | None = None,
    *,
    pixel_ratio: float = 1.0,
    subtitle: str = "",
    background: str = "light",
) -> ChartLayout:
    """The layout of a picture width × height pixels (height None: the chart's own), whose pixels are then
    multiplied by pixel_ratio (a PNG's 2× or 3×): the ratio adds detail, never changes what is laid out."""
    if width < 1:
        raise ValueError("width must be positive")
    if background not in BACKGROUNDS:
        raise ValueError(f"background must be one of {', '.join(BACKGROUNDS)}")
    logical = logical_width(width)
    scale = width / logical
    metrics = QFontMetricsF(footer_font())
    room = logical - 2 * FOOTER_MARGIN
    lines = tuple(line for text in footer_text(spec) for line in wrap_to_width(text, room, metrics))
    line_height = metrics.height()
    footer = len(lines) * (line_height + FOOTER_LINE_GAP) + 2 * FOOTER_MARGIN
    # An asked height is kept exactly (the plot takes what the footer leaves); else the design height.
    plot_height = max(height / scale - footer, 120.0) if height else float(BASE_HEIGHT)
    return ChartLayout(float(logical), plot_height, lines, line_height, scale * pixel_ratio, subtitle, background)


@contextmanager
def laid_out_plot(
    spec: ChartSpec, layout: ChartLayout, make: Callable[[ChartSpec], pg.PlotWidget] | None = None
) -> Iterator[pg.PlotWidget]:
    """A plot widget drawn in the layout's palette, with its subtitle, laid out at its size, never shown on screen.

    Export size follows the widget's geometry (pyqtgraph exports what is laid out, not what is asked), so the
    widget is "shown" off screen at exactly the logical size, which runs the same resize and label-fitting code
    as the window does.
    """
    widget = make(spec) if make is not None else make_plot_widget(spec, dark=layout.background == "dark")
    if layout.subtitle:
        _add_subtitle(widget, layout.subtitle, layout.palette)
    if layout.background == "transparent":
        widget.setBackground(None)
        widget.getPlotItem().getViewBox().setBackgroundColor(None)
    widget.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen, True)
    widget.setMinimumSize(1, 1)
    widget.resize(round(layout.width), round(layout.plot_height))
    widget.show()
    QApplication.processEvents()
    widget.getPlotItem().layout.activate()
    # The view applies its range to its children only when it is about to paint; the SVG exporter never paints,
    # so without this it would write the bars where the range was before the labels were fitted.
    widget.scene().prepareForPaint()
    try:
        yield widget
    finally:
        stop_following_resize(widget.getPlotItem())
        widget.close()
        widget.deleteLater()
        # Headless jobs run no event loop, where deleteLater would be carried out: without this every chart of a
        # whole-report sheet stayed in memory (10,000 facts: 13 GB).
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)


def _add_subtitle(widget: pg.PlotWidget, text: str, colours: ChartPalette) -> None:
    # Under the title, in the row of the top axis (no chart shows one), so that it wraps to the width like the title.
    plot_item = widget.getPlotItem()
    plot_item.layout.removeItem(plot_item.getAxis("top"))
    label = WrappingLabel(text, colours.muted, point_size=SUBTITLE_POINT_SIZE)
    plot_item.layout.addItem(label, 1, 0, 1, 3)
    plot_item._chart_subtitle = label  # type: ignore[attr-defined]


def render_chart_image(
    spec: ChartSpec,
    width: int = 1600,
    height: int | None = None,
    *,
    pixel_ratio: float = 1.0,
    subtitle: str = "",
    background: str = "light",
) -> QImage:
    """The chart as on screen, `width` × `height` pixels (height None: its own) times pixel_ratio, with its footer
    and PNG text chunks set; transparent leaves an alpha channel where the background would be."""
    layout = chart_layout(spec, width, height, pixel_ratio=pixel_ratio, subtitle=subtitle, background=background)
    return paint_chart(spec, layout, layout.pixel_size)


def paint_chart(spec: ChartSpec, layout: ChartLayout, pixel_size: tuple[int, int]) -> QImage:
    """The plot laid out at the layout's logical size, drawn `layout.scale` times larger on its background into an
    image of pixel_size, with the layout's footer lines (if it has any) and the chart's metadata as PNG text chunks.

    Exported charts and the pictures on printed sheets both come from here; they differ only in their layout.
    """
    image = QImage(*pixel_size, QImage.Format.Format_ARGB32_Premultiplied)
    transparent = layout.background == "transparent"
    image.fill(QColor(Qt.GlobalColor.transparent) if transparent else QColor(layout.palette.background))
    with laid_out_plot(spec, layout) as widget:
        painter = QPainter(image)
        painter.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        source = QRectF(0, 0, layout.width, layout.plot_height)
        target = QRectF(0, 0, layout.width * layout.scale, layout.plot_height * layout.scale)
        widget.scene().render(painter, target, source)
        if layout.footer_lines:
            painter.scale(layout.scale, layout.scale)
            _draw_footer(painter, layout)
        painter.end()
    for key, value in chart_metadata(spec).items():
        image.setText(key, value)
    return image


def _draw_footer(painter: QPainter, layout: ChartLayout) -> None:
    font = footer_font()
    painter.setFont(font)
    painter.setPen(QColor(layout.palette.muted))
    ascent = QFontMetricsF(font).ascent()
    for y, line in layout.baselines(ascent):
        painter.drawText(QPointF(FOOTER_MARGIN, y), line)


def _sentence(text: str) -> str:
    return text if text.endswith((".", "!", "?", ".”", "?”", "!”")) else f"{text}."


def chart_metadata(spec: ChartSpec) -> dict[str, str]:
    """Title, Source and Description: PNG text chunks, and the SVG's title, desc and metadata."""
    notes = list(spec.notes)
    rows = []
    for bar in spec.bars:
        # A derived bar whose note is its own ("Rest: 100% − 79.7%, implied") says how, in place, once.
        # So does the one derived bar of a chart with one note ("New data products listed a year earlier: 3,328 ÷ …").
        lone = len(notes) == 1 and sum(b.derived for b in spec.bars) == 1 and ": " in notes[0]
        how = next((n for n in notes if bar.derived and (lone or n.startswith(f"{bar.label}: "))), None)
        if how is not None:
            notes.remove(how)
        derived = f" (derived: {how.split(': ', 1)[1]})" if how else " (derived)" if bar.derived else ""
        rows.append(f"{bar.label}: {bar.text}{derived}")
    # The bar the chart is named for (a fact among its neighbours, a value card) is said once, first.
    own = next((i for i, b in enumerate(spec.bars) if b.label and spec.title.endswith(b.label)), None)
    if own is None:
        head = f"{_sentence(spec.title)} {'; '.join(rows)}"
    else:
        others = rows[:own] + rows[own + 1 :]
        head = spec.title + rows[own][len(spec.bars[own].label) :]
        head += ("; " if spec.kind == "share" else ". Beside it: ") + "; ".join(others) if others else ""
    description = " ".join(_sentence(text) for text in (head, *notes))
    return {"Title": spec.title, "Source": spec.provenance, "Description": description}
