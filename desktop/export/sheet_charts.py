"""The charts on a sheet: which chart a fact or section has, and its picture at the size of its box.

The picture is the chart export's own (white background, provenance footer), so a printed chart looks like an
exported one. pyqtgraph is imported only here and only when a picture is drawn.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPen

from desktop.export.sheet_content import ChartBox
from desktop.store import FactBase

CHART_PIXELS = 1600  # the export's default width: crisp at the print sizes a sheet uses


def chart_spec(factbase: FactBase, box: ChartBox) -> object | None:
    """The ChartSpec for a box, or None when its subject has no chart (e.g. a section with nothing comparable)."""
    from desktop.charts.spec import chart_for_fact, chart_for_section

    if box.subject == "fact":
        return chart_for_fact(factbase, box.id)
    return chart_for_section(factbase, box.id)


def chart_image(spec: object, width: float, height: float) -> QImage:
    """The chart drawn CHART_PIXELS wide, in the proportions of its box on the page."""
    pixel_height = max(1, round(CHART_PIXELS * height / width))
    try:
        from desktop.export.chart_export import render_chart_image
    except ImportError:  # the chart export is not there yet: mark the place rather than leave a hole
        return _placeholder(CHART_PIXELS, pixel_height, getattr(spec, "title", "chart"))
    return render_chart_image(spec, width=CHART_PIXELS, height=pixel_height)


def _placeholder(width: int, height: int, title: str) -> QImage:
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setPen(QPen(QColor("#9aa0a6"), 4, Qt.PenStyle.DashLine))
    painter.drawRect(QRectF(2, 2, width - 4, height - 4))
    font = painter.font()
    font.setPixelSize(max(12, height // 12))
    painter.setFont(font)
    painter.drawText(QRectF(0, 0, width, height), int(Qt.AlignmentFlag.AlignCenter), f"Chart: {title}")
    painter.end()
    return image
