"""A plot label (the chart's title, the derived-bar legend) that wraps to the width it is given.

pyqtgraph's own title sits in the view's column only, takes its text's width as its minimum (so a long title
pushes the whole plot wider than its pane) and is capped at 30 px high (so a second line overlaps the view).
This label spans whatever cells it is put in, re-wraps its words whenever it is resized, and asks for the
height of however many lines that takes.
"""

from __future__ import annotations

from html import escape

import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetricsF

from desktop.charts.spec.labels import wrap_label

_INITIAL_WRAP = 46  # characters per line until the first resize tells the real width
_TEXT_MARGINS = 12  # the text item's own document margins, left and right


def wrap_to_width(text: str, width: float, metrics: QFontMetricsF) -> list[str]:
    """Words of text on lines no wider than width (a single over-long word keeps its own line)."""
    lines: list[str] = []
    current = ""
    for word in text.split():
        candidate = f"{current} {word}".strip()
        if current and metrics.horizontalAdvance(candidate) > width:
            lines.append(current)
            current = word
        else:
            current = candidate
    return [*lines, current] if current else lines


class WrappingLabel(pg.LabelItem):
    def __init__(self, text: str, colour: str, *, point_size: int, bold: bool = False, justify: str = "center"):
        super().__init__("", color=colour, size=f"{point_size}pt", bold=bold, justify=justify)
        font = QFont()
        font.setPointSize(point_size)
        font.setBold(bold)
        self.plain_text = text
        self._metrics = QFontMetricsF(font)
        self._wrapped_for = -1.0
        self.setText(self._wrapped_html())

    def set_plain_text(self, text: str, colour: str) -> None:
        """Show other text in this label, wrapped at the width it has now. The window's chart keeps one title
        and changes its words: a new label per chart cost its construction and three or four re-wraps (each an
        HTML layout) while the plot's layout settled, a quarter of a chart's drawing time."""
        self.plain_text = text
        self.opts["color"] = colour
        self.setVisible(bool(text))
        self.setText(self._wrapped_html())

    def _wrapped_html(self) -> str:
        """The text wrapped to the width last given, or (before the first resize tells it) at _INITIAL_WRAP
        characters; a newline in the text starts a new line."""
        parts = self.plain_text.split("\n")
        if self._wrapped_for > 0:
            lines = [line for part in parts for line in wrap_to_width(part, self._wrapped_for, self._metrics)]
        else:
            lines = [line for part in parts for line in wrap_label(part, _INITIAL_WRAP).split("\n")]
        return "<br>".join(escape(line) for line in lines)

    def updateMin(self) -> None:
        super().updateMin()
        height = self.itemRect().height() if getattr(self, "plain_text", "") else 0.0
        self.setMinimumWidth(0)
        self._sizeHint[Qt.SizeHint.MinimumSize] = (0, height)
        self._sizeHint[Qt.SizeHint.PreferredSize] = (0, height)
        self.updateGeometry()

    def resizeEvent(self, ev: object) -> None:
        width = self.rect().width() - _TEXT_MARGINS
        if width > 0 and abs(width - self._wrapped_for) > 0.5:
            self._wrapped_for = width
            self.setText(self._wrapped_html())  # calls resizeEvent again: now a no-op
        super().resizeEvent(ev)
