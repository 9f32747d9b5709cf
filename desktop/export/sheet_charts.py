"""The charts on a sheet: which chart a fact or section has, and its picture at the size of its box.

The picture is the chart export's own (white background, provenance footer), so a printed chart looks like an
exported one.
"""

from __future__ import annotations

from PySide6.QtGui import QImage

from desktop.charts.spec import ChartSpec, chart_for_fact, chart_for_section
from desktop.export.chart_export import render_chart_image
from desktop.export.sheet_content import ChartBox
from desktop.store import FactBase

CHART_PIXELS = 1600  # the export's default width: about 230 dpi across a 17 cm text column


def chart_spec(factbase: FactBase, box: ChartBox) -> ChartSpec | None:
    """The ChartSpec for a box, or None when its subject has no chart (a section with no facts)."""
    if box.subject == "fact":
        return chart_for_fact(factbase, box.id)
    return chart_for_section(factbase, box.id)


def chart_image(spec: ChartSpec, width: float, height: float) -> QImage:
    """The chart drawn CHART_PIXELS wide, in the proportions of its box on the page."""
    return render_chart_image(spec, width=CHART_PIXELS, height=max(1, round(CHART_PIXELS * height / width)))
