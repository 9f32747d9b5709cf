"""The charts on a sheet: which chart a fact or section has, and its picture at the size of its box on paper.

The chart export draws every chart 800 logical pixels wide and scales the picture, so a chart shrunk into a
narrow box on paper shrinks its text with it (a 10-pt label printed at 4–6 pt). A sheet instead lays the plot
out at the size its box has on paper, PT_PER_CHART_PIXEL points to a logical pixel: its labels then print at
the same readable size in every box, wide or narrow, portrait or landscape. The plot is drawn onto the page as
vectors; the chart's footer (its provenance) is printed by the sheet as text under it.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF
from PySide6.QtGui import QPainter

from desktop.charts.plot.render import ChartLayout, laid_out_plot
from desktop.charts.plot.widget import LABEL_POINT_SIZE, MIN_HEIGHT, MIN_WIDTH
from desktop.charts.spec import ChartSpec, chart_for_fact, chart_for_section
from desktop.export.sheet_content import ChartBox
from desktop.store import FactBase

PT_PER_CHART_PIXEL = 0.65  # labels (10 pt on a 96-dpi screen, 13.3 px) print at 8.7 pt, the 12-pt title at 10.4
SCREEN_DPI = 96.0


def chart_spec(factbase: FactBase, box: ChartBox) -> ChartSpec | None:
    """The ChartSpec for a box, or None when its subject has no chart (a section with no facts)."""
    if box.target.kind == "fact":
        return chart_for_fact(factbase, box.target.id)
    return chart_for_section(factbase, box.target.id)


def points_per_chart_pixel(width_pt: float, height_pt: float) -> float:
    """How many points on paper one logical pixel of a chart takes in a box of this size.

    PT_PER_CHART_PIXEL, unless the box is too small for the plot's minimum size at that scale: then the plot is
    laid out at its minimum and its text prints smaller rather than the plot being squeezed.
    """
    return min(PT_PER_CHART_PIXEL, width_pt / MIN_WIDTH, height_pt / MIN_HEIGHT)


def label_print_size(width_pt: float, height_pt: float) -> float:
    """The point size on paper of a chart's value and axis labels in a box of this size."""
    return LABEL_POINT_SIZE * SCREEN_DPI / 72.0 * points_per_chart_pixel(width_pt, height_pt)


def paint_chart_vector(painter: QPainter, spec: ChartSpec, box: QRectF, points: float) -> None:
    """Draw the plot (without its footer) into box on a sheet, as vectors: bars as paths, labels as real text.

    The plot is laid out at its logical size for a box of this size (points_per_chart_pixel), drawn, and let go:
    nothing of it is kept, so a whole report prints in flat memory. points: device pixels per point.
    """
    width_pt, height_pt = box.width() / points, box.height() / points
    scale = points_per_chart_pixel(width_pt, height_pt)
    layout = ChartLayout(round(width_pt / scale), round(height_pt / scale), (), 0.0, 1.0)
    with laid_out_plot(spec, layout) as widget:
        painter.save()
        painter.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        widget.scene().render(painter, box, QRectF(0, 0, layout.width, layout.plot_height))
        painter.restore()
