"""The charts on a sheet: which chart a fact or section has, and its picture at the size of its box on paper.

The chart export draws every chart 800 logical pixels wide and scales the picture, so a chart shrunk into a
narrow box on paper shrinks its text with it (a 10-pt label printed at 4–6 pt). A sheet instead lays the plot
out at the size its box has on paper, PT_PER_CHART_PIXEL points to a logical pixel: its labels then print at
the same readable size in every box, wide or narrow, portrait or landscape. The picture is rendered at
CHART_DPI; the chart's footer (its provenance) is printed by the sheet as text under the picture.
"""

from __future__ import annotations

from PySide6.QtGui import QImage

from desktop.charts.plot.render import ChartLayout, paint_chart
from desktop.charts.plot.widget import LABEL_POINT_SIZE, MIN_HEIGHT, MIN_WIDTH
from desktop.charts.spec import ChartSpec, chart_for_fact, chart_for_section
from desktop.export.sheet_content import ChartBox
from desktop.store import FactBase

PT_PER_CHART_PIXEL = 0.65  # labels (10 pt on a 96-dpi screen, 13.3 px) print at 8.7 pt, the 12-pt title at 10.4
CHART_DPI = 200  # sharp on paper; a 17-cm-wide chart is about 1,400 pixels
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


def chart_image(spec: ChartSpec, width_pt: float, height_pt: float) -> QImage:
    """The plot (without its footer) for a box width_pt × height_pt on paper, rendered at CHART_DPI."""
    scale = points_per_chart_pixel(width_pt, height_pt)
    logical_width, logical_height = round(width_pt / scale), round(height_pt / scale)
    pixel_width = max(1, round(width_pt / 72.0 * CHART_DPI))
    pixel_height = max(1, round(height_pt / 72.0 * CHART_DPI))
    layout = ChartLayout(logical_width, logical_height, (), 0.0, pixel_width / logical_width)
    return paint_chart(spec, layout, (pixel_width, pixel_height))
