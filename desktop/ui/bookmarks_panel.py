"""The Bookmarks panel: every starred, noted or tagged item across the library, filtered by text, tag and report.

It asks the user database (desktop.userdata) for the rows whenever a filter changes or something was marked; the
query is indexed and the list is the user's own, small by nature. Double-click (or Enter) asks to open an item,
Delete asks to delete it: the window's annotation actions do both, since opening may need another report.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt, Signal, SignalInstance
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.text.notes_markdown import note_html
from desktop.ui.bookmarks_model import BookmarksModel
from desktop.ui.note_editor import NotePreview
from desktop.userdata import Annotation, UserData, UserDataError

ANY = ""  # the combo boxes' "every tag" / "every report" choice


class BookmarksPanel(QWidget):
    open_requested = Signal(object)  # the Annotation to show
    delete_requested = Signal(object)  # the Annotation to delete
    failed = Signal(str)  # the user database could not be read: one line

    def __init__(self, user_data: UserData, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.user_data = user_data
        self.model = BookmarksModel(self)
        self.filter_edit = QLineEdit(self)
        self.filter_edit.setPlaceholderText(QCoreApplication.translate("BookmarksPanel", "Filter"))
        self.filter_edit.setToolTip(
            QCoreApplication.translate("BookmarksPanel", "Words in the note, the quote or the label")
        )
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.setAccessibleName(QCoreApplication.translate("BookmarksPanel", "Filter bookmarks"))
        self.tag_combo = QComboBox(self)
        self.tag_combo.setAccessibleName(QCoreApplication.translate("BookmarksPanel", "Tag"))
        self.report_combo = QComboBox(self)
        self.report_combo.setAccessibleName(QCoreApplication.translate("BookmarksPanel", "Report"))
        self.report_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.report_combo.setMinimumContentsLength(10)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setAccessibleName(QCoreApplication.translate("BookmarksPanel", "Bookmarks and notes"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Interactive)
        # The dock is narrow: the item and its report get the room; tags and the note are in the preview below.
        self.table.setColumnHidden(3, True)
        self.table.setColumnHidden(4, True)
        header.resizeSection(2, 110)
        self.preview = NotePreview(self)
        self.preview.setAccessibleName(QCoreApplication.translate("BookmarksPanel", "The selected item's note"))
        self.count_label = QLabel(self)
        self.open_button = QPushButton(QCoreApplication.translate("BookmarksPanel", "&Open"), self)
        self.delete_button = QPushButton(QCoreApplication.translate("BookmarksPanel", "&Delete"), self)
        self.delete_button.setToolTip(
            QCoreApplication.translate("BookmarksPanel", "Delete the bookmark, its note and its tags")
        )

        filters = QHBoxLayout()
        filters.addWidget(self.filter_edit, 2)
        filters.addWidget(self.tag_combo, 1)
        filters.addWidget(self.report_combo, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.count_label, 1)
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.delete_button)
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(self.table)
        split.addWidget(self.preview)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(filters)
        layout.addWidget(split, 1)
        layout.addLayout(buttons)

        self.filter_edit.textChanged.connect(self._query)
        self.tag_combo.currentIndexChanged.connect(self._query)
        self.report_combo.currentIndexChanged.connect(self._query)
        self.table.doubleClicked.connect(self._on_activated)
        self.table.activated.connect(self._on_activated)
        self.table.selectionModel().currentRowChanged.connect(self._on_current_changed)
        self.open_button.clicked.connect(lambda: self._request(self.open_requested))
        self.delete_button.clicked.connect(lambda: self._request(self.delete_requested))
        delete_key = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.table)
        delete_key.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete_key.activated.connect(lambda: self._request(self.delete_requested))
        self.refresh()

    # Filters and rows --------------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Something was marked, changed or deleted: the tag and report choices and the rows read again."""
        try:
            self._fill_choices()
        except UserDataError as exc:
            self.failed.emit(str(exc))
            return
        self._query()

    def _query(self) -> None:
        """The rows for the filters, keeping the selected item when it still matches."""
        selected = self.selected()
        try:
            rows = self.user_data.annotations(
                text=self.filter_edit.text().strip() or None,
                tag=self.tag_combo.currentData() or None,
                report_id=self.report_combo.currentData() or None,
            )
        except UserDataError as exc:
            self.failed.emit(str(exc))
            return
        self.model.set_annotations(rows)
        self.count_label.setText(
            QCoreApplication.translate("BookmarksPanel", "{0} item{1}").format(len(rows), "s" if len(rows) != 1 else "")
        )
        row = self.model.row_of(selected.id) if selected is not None else -1
        if row >= 0:
            self.table.selectRow(row)
        self._on_current_changed(self.table.currentIndex())

    def _fill_choices(self) -> None:
        """The tag and report choices from what is annotated, the current choice kept if it still exists."""
        tags = [(f"{tag} ({count})", tag) for tag, count in self.user_data.tags()]
        reports = {a.anchor.report_id: a.anchor.report_title for a in self.user_data.annotations()}
        _set_choices(self.tag_combo, "Every tag", tags)
        _set_choices(self.report_combo, "Every report", sorted(((t, i) for i, t in reports.items()), key=str))

    def selected(self) -> Annotation | None:
        index = self.table.currentIndex()
        return self.model.annotation(index.row()) if index.isValid() else None

    def select(self, annotation_id: int) -> bool:
        row = self.model.row_of(annotation_id)
        if row >= 0:
            self.table.selectRow(row)
        return row >= 0

    # Handlers ----------------------------------------------------------------------------------------------
    def _on_current_changed(self, current: QModelIndex, _previous: QModelIndex | None = None) -> None:
        item = self.model.annotation(current.row()) if current.isValid() else None
        self.open_button.setEnabled(item is not None)
        self.delete_button.setEnabled(item is not None)
        if item is None:
            self.preview.setHtml("")
            return
        tags = f"<p><i>Tags: {html.escape(', '.join(item.tags))}</i></p>" if item.tags else ""
        self.preview.setHtml(tags + (note_html(item.note) or "<p><i>No note.</i></p>"))

    def _on_activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.open_requested.emit(self.model.annotation(index.row()))

    def _request(self, signal: SignalInstance) -> None:
        item = self.selected()
        if item is not None:
            signal.emit(item)


def _set_choices(combo: QComboBox, every: str, choices: list[tuple[str, str]]) -> None:
    current = combo.currentData() or ANY
    values = [value for _text, value in choices]
    combo.blockSignals(True)
    try:
        combo.clear()
        combo.addItem(every, ANY)
        for text, value in choices:
            combo.addItem(text, value)
        combo.setCurrentIndex(values.index(current) + 1 if current in values else 0)
    finally:
        combo.blockSignals(False)
