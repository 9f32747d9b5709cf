"""The tree's figure column: a figure too wide for it is written shorter, never cut through its number.

Qt elides a cell's text at its end, so a narrow column (1024×680, 150% scale) showed "more than 1.2 …" (the
magnitude lost) or "more than 3–2…" (another range). This delegate tries the model's shorter forms first
(COMPACT_ROLE: "> 1.2 billion people", "> 1.2 billion"); only when even the shortest does not fit does Qt elide.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from desktop.ui.library_tree_model import COMPACT_ROLE


class FigureDelegate(QStyledItemDelegate):
    def initStyleOption(  # noqa: N802 - Qt override
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        super().initStyleOption(option, index)
        room = text_room(option)
        metrics = option.fontMetrics
        if room <= 0 or metrics.horizontalAdvance(option.text) <= room:
            return
        shorter = index.data(COMPACT_ROLE) or ()
        for text in shorter:
            option.text = text
            if metrics.horizontalAdvance(text) <= room:
                return


def text_room(option: QStyleOptionViewItem) -> int:
    """The width a cell's text has: the cell less the style's margin either side."""
    style = option.widget.style() if option.widget is not None else None
    margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin) + 1 if style is not None else 3
    return option.rect.width() - 2 * margin
