"""Lays a chart out at its design size, on white, and renders it to an image with a provenance footer.

A chart is designed at BASE_WIDTH logical pixels, the size it has on screen, and scaled to the asked width:
a 1600-px PNG is the on-screen look at twice the resolution, not a wider chart with tiny text. The footer
(report title, period and fact base version; the notes on derived bars are drawn with the plot) is wrapped to
the picture's width and drawn inside it. The SVG writer (desktop.charts.plot.svg) uses the same layout and
footer lines.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QImage, QPainter
from PySide6.QtWidgets import QApplication

from desktop.charts.plot.widget import make_plot_widget
from desktop.charts.plot.wrapping_label import wrap_to_width
from desktop.charts.spec import ChartSpec
from desktop.charts.spec.palette import LIGHT

BASE_WIDTH = 800  # logical pixels: the chart's on-screen design width
BASE_HEIGHT = 460  # logical pixels of the whole picture when no height is asked for
FOOTER_PIXEL_SIZE = 11
FOOTER_MARGIN = 10
FOOTER_LINE_GAP = 3


@dataclass(frozen=True)
class ChartLayout:
    """Where things go, in logical pixels; scale turns them into output pixels."""

    width: float
    plot_height: float
    footer_lines: tuple[str, ...]
    line_height: float
    scale: float

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
    return [spec.provenance]


def chart_layout(spec: ChartSpec, width: int, height: int | None = None) -> ChartLayout:
    if width < 1:
        raise ValueError("width must be positive")
    scale = width / BASE_WIDTH
    metrics = QFontMetricsF(footer_font())
    room = BASE_WIDTH - 2 * FOOTER_MARGIN
    lines = tuple(line for text in footer_text(spec) for line in wrap_to_width(text, room, metrics))
    line_height = metrics.height()
    footer = len(lines) * (line_height + FOOTER_LINE_GAP) + 2 * FOOTER_MARGIN
    total = height / scale if height else BASE_HEIGHT + footer
    plot_height = float(max(round(total - footer), 120))  # whole pixels: the widget is laid out at this size
    return ChartLayout(BASE_WIDTH, plot_height, lines, line_height, scale)


@contextmanager
def laid_out_plot(
    spec: ChartSpec, layout: ChartLayout, make: Callable[[ChartSpec], pg.PlotWidget] | None = None
) -> Iterator[pg.PlotWidget]:
    """A plot widget drawn in the light palette and laid out at the layout's size, never shown on screen.

    Export size follows the widget's geometry (pyqtgraph exports what is laid out, not what is asked), so the
    widget is 'shown' off screen at exactly the
    logical size, which runs the same resize and label-fitting code as the window does.
    """
    widget = make(spec) if make is not None else make_plot_widget(spec, dark=False)
    widget.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen, True)
    widget.setMinimumSize(1, 1)
    widget.resize(int(layout.width), int(layout.plot_height))
    widget.show()
    QApplication.processEvents()
    widget.getPlotItem().layout.activate()
    # The view applies its range to its children only when it is about to paint; the SVG exporter never paints,
    # so without this it would write the bars where the range was before the labels were fitted.
    widget.scene().prepareForPaint()
    try:
        yield widget
    finally:
        widget.close()
        widget.deleteLater()


def render_chart_image(spec: ChartSpec, width: int = 1600, height: int | None = None) -> QImage:
    """The chart as on screen, on white, `width` pixels wide, with its footer and PNG text chunks set."""
    layout = chart_layout(spec, width, height)
    return paint_chart(spec, layout, (width, int(round(height if height else layout.height * layout.scale))))


def paint_chart(spec: ChartSpec, layout: ChartLayout, pixel_size: tuple[int, int]) -> QImage:
    """The plot laid out at the layout's logical size, drawn `layout.scale` times larger on white into an image of
    pixel_size, with the layout's footer lines (if it has any) and the chart's metadata as PNG text chunks.

    Exported charts and the pictures on printed sheets both come from here; they differ only in their layout.
    """
    image = QImage(*pixel_size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(QColor(LIGHT.background))
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
    painter.setPen(QColor(LIGHT.muted))
    ascent = QFontMetricsF(font).ascent()
    for y, line in layout.baselines(ascent):
        painter.drawText(QPointF(FOOTER_MARGIN, y), line)


def chart_metadata(spec: ChartSpec) -> dict[str, str]:
    """Title, Source and Description: PNG text chunks, and the SVG's title, desc and metadata."""
    rows = "; ".join(f"{b.label}: {b.text}" + (" (derived)" if b.derived else "") for b in spec.bars)
    description = " ".join([f"{spec.title}. {rows}.", *spec.notes])
    return {"Title": spec.title, "Source": spec.provenance, "Description": description}
