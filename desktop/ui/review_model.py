"""The import's review table: every proposed fact of a report, to keep or reject and to correct before saving.

ReviewModel is a thin table model over the importer's FactAnnotation list: it holds which rows are kept and the
user's edits, never a copy of the report. `kept_facts()` is what "Create Fact Base…" hands to the importer.
The figure and value are the report's own words and are not editable (the importer checks each value against
its figure); label, unit, period, qualifier and kind are. ChoiceDelegate edits qualifier and kind from the
importer's vocabulary; SentenceDelegate draws the sentence with the figure highlighted; ReviewTable is the view
with its keys (Space keeps or rejects, F2 or Enter edits, Tab goes on to the next editable cell).
"""

from __future__ import annotations

import dataclasses
import html
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QObject, QPersistentModelIndex, QSize, Qt
from PySide6.QtGui import QAbstractTextDocumentLayout, QFont, QKeyEvent, QPainter, QPalette, QTextDocument
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from desktop.domain.formatting import format_amount
from desktop.domain.i18n import QT_TRANSLATE_NOOP
from desktop.importer import KINDS, QUALIFIERS, FactAnnotation

AnyIndex = QModelIndex | QPersistentModelIndex
KEEP, FIGURE, LABEL, VALUE, UNIT, QUALIFIER, PERIOD, KIND, SENTENCE = range(9)
HEADERS = [
    QT_TRANSLATE_NOOP("ReviewModel", "Keep"),
    QT_TRANSLATE_NOOP("ReviewModel", "Figure"),
    QT_TRANSLATE_NOOP("ReviewModel", "Label"),
    QT_TRANSLATE_NOOP("ReviewModel", "Value"),
    QT_TRANSLATE_NOOP("ReviewModel", "Unit"),
    QT_TRANSLATE_NOOP("ReviewModel", "Qualifier"),
    QT_TRANSLATE_NOOP("ReviewModel", "Period"),
    QT_TRANSLATE_NOOP("ReviewModel", "Kind"),
    QT_TRANSLATE_NOOP("ReviewModel", "Sentence"),
]
EDITABLE = {LABEL: "label", UNIT: "unit", QUALIFIER: "qualifier", PERIOD: "period", KIND: "kind"}
CHOICES = {QUALIFIER: sorted(QUALIFIERS), KIND: sorted(KINDS)}
FIGURE_SPAN_ROLE = 0x0102  # Qt.ItemDataRole.UserRole + 2: (start, end) of the figure in the sentence column's text
_CHECKED, _UNCHECKED = Qt.CheckState.Checked, Qt.CheckState.Unchecked


def value_text(fact: FactAnnotation) -> str:
    if fact.value is not None:
        return format_amount(fact.value, fact.unit)
    if fact.value_min is not None and fact.value_max is not None:
        return f"{format_amount(fact.value_min, fact.unit)}–{format_amount(fact.value_max, fact.unit)}"
    return ""


def figure_span(fact: FactAnnotation) -> tuple[int, int] | None:
    if not fact.figure:
        return None
    start = fact.figure_start if fact.figure_start is not None else fact.quote.find(fact.figure)
    return (start, start + len(fact.figure)) if start >= 0 else None


class ReviewModel(QAbstractTableModel):
    def __init__(self, facts: list[FactAnnotation], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._facts = facts
        self._kept = [True] * len(facts)
        self._edits: list[dict[str, Any]] = [{} for _ in facts]  # field -> the user's text, by row

    # For the dialog ----------------------------------------------------------------------------------------------
    def fact(self, row: int) -> FactAnnotation:
        """The row's fact as the user left it (edits applied)."""
        return dataclasses.replace(self._facts[row], **self._edits[row]) if self._edits[row] else self._facts[row]

    def kept_facts(self) -> list[FactAnnotation]:
        return [self.fact(row) for row, kept in enumerate(self._kept) if kept]

    def kept_count(self) -> int:
        return sum(self._kept)

    def is_kept(self, row: int) -> bool:
        return self._kept[row]

    def set_kept(self, row: int, kept: bool) -> None:
        if self._kept[row] != kept:
            self._kept[row] = kept
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(HEADERS) - 1))

    def set_all_kept(self, kept: bool) -> None:
        if self._facts:
            self._kept = [kept] * len(self._facts)
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._facts) - 1, len(HEADERS) - 1))

    # Qt overrides ------------------------------------------------------------------------------------------------
    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: N802, B008 - Qt override
        return 0 if parent.isValid() else len(self._facts)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: N802, B008 - Qt override
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole and section < len(HEADERS):
            return QCoreApplication.translate("ReviewModel", HEADERS[section])
        if orientation == Qt.Orientation.Vertical and role == Qt.ItemDataRole.DisplayRole:
            return str(section + 1)
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == KEEP:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        elif index.column() in EDITABLE:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: AnyIndex, role: int = 0) -> Any:
        if not index.isValid() or index.row() >= len(self._facts):
            return None
        row, column = index.row(), index.column()
        if column == KEEP:
            if role == Qt.ItemDataRole.CheckStateRole:
                return _CHECKED if self._kept[row] else _UNCHECKED
            if role == Qt.ItemDataRole.ToolTipRole:
                return "Kept: written to the fact base" if self._kept[row] else "Rejected: left out"
            return None
        fact = self.fact(row)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return self._text(fact, column)
        if role == Qt.ItemDataRole.ToolTipRole and column in (LABEL, SENTENCE):
            return fact.quote if column == SENTENCE else fact.label
        if role == FIGURE_SPAN_ROLE and column == SENTENCE:
            return figure_span(fact)
        if role == Qt.ItemDataRole.ForegroundRole and not self._kept[row]:
            return QPalette().brush(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
        return None

    @staticmethod
    def _text(fact: FactAnnotation, column: int) -> str:
        if column == FIGURE:
            return fact.figure or ""
        if column == VALUE:
            return value_text(fact)
        if column == SENTENCE:
            return fact.quote
        return str(getattr(fact, EDITABLE[column]))

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if not index.isValid():
            return False
        row, column = index.row(), index.column()
        if column == KEEP and role == Qt.ItemDataRole.CheckStateRole:
            self.set_kept(row, Qt.CheckState(value) == _CHECKED)
            return True
        if column not in EDITABLE or role != Qt.ItemDataRole.EditRole or not isinstance(value, str):
            return False
        text = " ".join(value.split())
        if column in CHOICES and text not in CHOICES[column]:
            return False  # the importer's vocabulary only: the fact base would refuse anything else
        if not text and column in (LABEL, UNIT):
            return False  # a fact needs a label and a unit
        field = EDITABLE[column]
        if text == getattr(self._facts[row], field):
            self._edits[row].pop(field, None)
        else:
            self._edits[row][field] = text
        self.dataChanged.emit(index, index)
        return True


class ChoiceDelegate(QStyledItemDelegate):
    """Qualifier and kind: a list of the importer's words, so no unknown word reaches the fact base."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: AnyIndex) -> QWidget:  # noqa: N802
        if index.column() not in CHOICES:
            return super().createEditor(parent, option, index)
        editor = QComboBox(parent)
        editor.addItems(CHOICES[index.column()])
        editor.setAccessibleName(QCoreApplication.translate("ReviewModel", HEADERS[index.column()]))
        return editor

    def setEditorData(self, editor: QWidget, index: AnyIndex) -> None:  # noqa: N802
        if isinstance(editor, QComboBox):
            editor.setCurrentText(str(index.data(Qt.ItemDataRole.EditRole)))
        else:
            super().setEditorData(editor, index)

    def setModelData(self, editor: QWidget, model: Any, index: AnyIndex) -> None:  # noqa: N802
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentText(), Qt.ItemDataRole.EditRole)
        else:
            super().setModelData(editor, model, index)


class SentenceDelegate(QStyledItemDelegate):
    """The sentence on one line, its figure in bold on the highlight colour, so the eye finds what is measured."""

    @staticmethod
    def excerpt(text: str, span: tuple[int, int] | None, lead: int = 16) -> tuple[str, tuple[int, int] | None]:
        """The sentence from a few words before its figure, so a narrow column still shows what is measured."""
        if span is None or span[0] <= lead:
            return text, span
        cut = text.rfind(" ", 0, span[0] - lead) + 1 or span[0] - lead
        return "…" + text[cut:], (span[0] - cut + 1, span[1] - cut + 1)

    def _document(self, option: QStyleOptionViewItem, index: AnyIndex) -> QTextDocument:
        text, span = self.excerpt(str(index.data(Qt.ItemDataRole.DisplayRole) or ""), index.data(FIGURE_SPAN_ROLE))
        return highlighted_document(text, span, option.palette, option.font)  # type: ignore[attr-defined]

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        self.initStyleOption(option, index)
        widget = option.widget  # type: ignore[attr-defined]
        style = widget.style() if widget is not None else None
        text_option = QStyleOptionViewItem(option)
        text_option.text = ""  # type: ignore[attr-defined]
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, text_option, painter, widget)
        document = self._document(option, index)
        rect = option.rect  # type: ignore[attr-defined]
        context = QAbstractTextDocumentLayout.PaintContext()
        selected = bool(option.state & QStyle.StateFlag.State_Selected)  # type: ignore[attr-defined]
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        context.palette.setColor(QPalette.ColorRole.Text, option.palette.color(role))  # type: ignore[attr-defined]
        painter.save()
        painter.translate(rect.left(), rect.top() + max(0, (rect.height() - document.size().height()) / 2))
        painter.setClipRect(0, 0, rect.width(), rect.height())
        document.documentLayout().draw(painter, context)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: AnyIndex) -> QSize:  # noqa: N802
        self.initStyleOption(option, index)
        size = self._document(option, index).size()
        return QSize(int(size.width()), int(size.height()))


def highlighted_html(text: str, span: tuple[int, int] | None, palette: QPalette) -> str:
    """The sentence as HTML with its figure in bold on a light wash of the highlight colour."""
    if not span:
        return html.escape(text)
    start, end = span
    mark = palette.color(QPalette.ColorRole.Highlight)
    wash = f"rgba({mark.red()},{mark.green()},{mark.blue()},0.3)"
    return (
        f"{html.escape(text[:start])}<span style='font-weight:600; background-color:{wash}'>"
        f"{html.escape(text[start:end])}</span>{html.escape(text[end:])}"
    )


def highlighted_document(text: str, span: tuple[int, int] | None, palette: QPalette, font: QFont) -> QTextDocument:
    document = QTextDocument()
    document.setDefaultFont(font)
    document.setDocumentMargin(2)
    document.setHtml(f"<span style='white-space:pre'>{highlighted_html(text, span, palette)}</span>")
    return document


class ReviewTable(QTableView):
    """The table, by keyboard: Space keeps or rejects the row, F2 or Enter edits the cell, Tab moves on."""

    def __init__(self, model: ReviewModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModel(model)
        self.review = model
        self.setAccessibleName(QCoreApplication.translate("ReviewModel", "Proposed facts"))
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.setWordWrap(False)
        self.setItemDelegate(ChoiceDelegate(self))
        self.setItemDelegateForColumn(SENTENCE, SentenceDelegate(self))
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.horizontalHeader()
        header.setStretchLastSection(True)
        header.setMinimumSectionSize(40)
        widths = {KEEP: 44, FIGURE: 100, LABEL: 190, VALUE: 84, UNIT: 84, QUALIFIER: 96, PERIOD: 76, KIND: 100}
        for column in range(model.columnCount()):
            if column != SENTENCE:
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
                self.setColumnWidth(column, widths.get(column, 80))

    def closeEditor(self, editor: QWidget, hint: QAbstractItemDelegate.EndEditHint) -> None:  # noqa: N802
        """Tab (or Backtab) in an editor goes on to the next (previous) cell that can be edited, row after row:
        Qt's own moves one cell and stops at the figure or value, which cannot be edited."""
        Hint = QAbstractItemDelegate.EndEditHint
        if hint not in (Hint.EditNextItem, Hint.EditPreviousItem):
            super().closeEditor(editor, hint)
            return
        here = self.currentIndex()
        super().closeEditor(editor, Hint.NoHint)
        step = 1 if hint == Hint.EditNextItem else -1
        columns = sorted(EDITABLE)
        cells = [(row, column) for row in range(self.review.rowCount()) for column in columns]
        at = cells.index((here.row(), here.column())) if here.column() in EDITABLE else -1
        if at >= 0 and 0 <= at + step < len(cells):
            row, column = cells[at + step]
            index = self.review.index(row, column)
            self.setCurrentIndex(index)
            self.edit(index)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        index = self.currentIndex()
        if index.isValid() and self.state() != QAbstractItemView.State.EditingState:
            if event.key() == Qt.Key.Key_Space:
                self.review.set_kept(index.row(), not self.review.is_kept(index.row()))
                return
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                if index.column() not in EDITABLE:
                    index = index.siblingAtColumn(LABEL)
                    self.setCurrentIndex(index)
                self.edit(index)
                return
        super().keyPressEvent(event)
