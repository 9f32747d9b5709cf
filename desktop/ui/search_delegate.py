"""Draws a search result as rich text: the title (and a fact's figure) over its snippet, matches highlighted.

The model hands over HTML it has escaped itself (search_model.HTML_ROLE); this only lays it out and paints it.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSize
from PySide6.QtGui import QAbstractTextDocumentLayout, QPainter, QPalette, QTextDocument
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem, QTreeView, QWidget

from desktop.ui.search_model import HTML_ROLE

PADDING = 3


class SearchResultDelegate(QStyledItemDelegate):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)

    def _document(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QTextDocument:
        doc = QTextDocument()
        doc.setDefaultFont(option.font)  # type: ignore[attr-defined]
        # A fact's figure in the link colour, or in the selection's text colour on a selected row.
        selected = bool(option.state & QStyle.StateFlag.State_Selected)  # type: ignore[attr-defined]
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Link
        doc.setDefaultStyleSheet(f".figure {{ color: {option.palette.color(role).name()}; }}")  # type: ignore[attr-defined]
        doc.setDocumentMargin(PADDING)
        doc.setHtml(str(index.data(HTML_ROLE) or ""))
        doc.setTextWidth(max(self._width(option, index), 120))
        return doc

    def _width(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> int:
        # sizeHint gets no useful rect: the row is as wide as the view's viewport less its indentation.
        width = int(option.rect.width())  # type: ignore[attr-defined]
        view = self.parent()
        if width <= 0 and isinstance(view, QTreeView):
            depth = 1 if index.parent().isValid() else 0
            width = view.viewport().width() - view.indentation() * (depth + int(view.rootIsDecorated()))
        return width

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""  # type: ignore[attr-defined]
        widget = opt.widget  # type: ignore[attr-defined]
        style = widget.style() if widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        doc = self._document(opt, index)
        context = QAbstractTextDocumentLayout.PaintContext()
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)  # type: ignore[attr-defined]
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        context.palette.setColor(QPalette.ColorRole.Text, opt.palette.color(role))  # type: ignore[attr-defined]
        rect = opt.rect  # type: ignore[attr-defined]
        painter.save()
        painter.translate(rect.topLeft())
        painter.setClipRect(rect.translated(-rect.topLeft()))
        doc.documentLayout().draw(painter, context)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:  # noqa: N802
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        doc = self._document(opt, index)
        return QSize(int(doc.idealWidth()), int(doc.size().height()))
