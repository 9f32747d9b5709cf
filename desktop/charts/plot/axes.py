"""The axes of a chart: numbers that read like the report's, and category ticks that wrap and fit their width."""

from __future__ import annotations

from math import ceil, log10

import pyqtgraph as pg
from PySide6.QtGui import QFont, QFontMetricsF, QPagedPaintDevice, QPainter

from desktop.charts.spec import ChartSpec
from desktop.charts.spec.labels import wrap_label


class ChartAxis(pg.AxisItem):
    """An axis whose numbers read like the report's: 35,000 rather than 35000; none beyond `upper` (100%)."""

    upper: float | None = None  # a share's axis ends at 100 even when a label outside its bar needs the room

    def tickValues(self, minVal: float, maxVal: float, size: float) -> list[tuple[float, list[float]]]:
        levels = super().tickValues(minVal, maxVal, size)
        if self.upper is None:
            return levels
        return [(spacing, [v for v in values if v <= self.upper + spacing * 1e-6]) for spacing, values in levels]

    def paint(self, p: QPainter, *args: object) -> None:
        """On paper, draw straight onto the page: pyqtgraph caches an axis as a QPicture, and a QPicture played on a
        1200-dpi PDF page scales its fonts by the ratio of resolutions (tick labels came out twelve times too big)."""
        if not isinstance(p.device(), QPagedPaintDevice):
            super().paint(p, *args)
            return
        p.save()
        if self.style["tickFont"]:
            p.setFont(self.style["tickFont"])
        specs = self.generateDrawSpecs(p)
        if specs is not None:
            self.drawPicture(p, *specs)
        p.restore()

    def tickStrings(self, values: list[float], scale: float, spacing: float) -> list[str]:
        places = max(0, ceil(-log10(spacing * scale))) if spacing > 0 else 0
        # Zero is "0" on any axis ("0.0" beside 0.5 only widens the label that has least room).
        return ["0" if abs(v) < spacing * 1e-6 else f"{v * scale:,.{places}f}" for v in values]


def category_ticks(spec: ChartSpec, wrap: int) -> list[tuple[int, str]]:
    """The category axis's ticks: a horizontal chart's labels wrapped at `wrap` characters; a share's title."""
    if spec.kind == "share":
        return [(0, wrap_label(spec.title, wrap))]
    return [(i, wrap_label(b.label, wrap) if spec.horizontal else b.label) for i, b in enumerate(spec.bars)]


def set_category_width(axis: pg.AxisItem, spec: ChartSpec, ticks: list[tuple[int, str]], font: QFont) -> None:
    label_room = 28 if spec.category_axis else 0  # the rotated axis label sits left of the ticks
    axis.setWidth(category_width(ticks, font) + label_room)


def category_width(ticks: list[tuple[int, str]], font: QFont) -> float:
    metrics = QFontMetricsF(font)
    widest = max((metrics.horizontalAdvance(line) for _, text in ticks for line in text.split("\n")), default=0.0)
    return widest + 16
