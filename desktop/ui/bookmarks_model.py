"""The Bookmarks panel's table: one row per starred, noted or tagged item, as the user database lists them.

A thin adapter: it holds the list of Annotations the panel last asked for (already filtered and ordered by the
user database, newest change first) and shows them; it keeps no state of its own beyond that list.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QObject, QPersistentModelIndex, Qt

from desktop.domain.i18n import QT_TRANSLATE_NOOP
from desktop.userdata import Annotation

ANNOTATION_ROLE = Qt.ItemDataRole.UserRole + 1  # the row's Annotation
COLUMNS = (
    "★",
    QT_TRANSLATE_NOOP("BookmarksModel", "Item"),
    QT_TRANSLATE_NOOP("BookmarksModel", "Report"),
    QT_TRANSLATE_NOOP("BookmarksModel", "Tags"),
    QT_TRANSLATE_NOOP("BookmarksModel", "Note"),
)
KIND_WORDS = {"fact": "Fact", "section": "Section", "passage": "Passage"}
_NOTE_PREVIEW = 80

Index = QModelIndex | QPersistentModelIndex


def note_preview(note: str) -> str:
    """The note's first line, shortened: the table shows it, the panel's preview shows the whole note."""
    first = next((line.strip() for line in note.splitlines() if line.strip()), "")
    return first if len(first) <= _NOTE_PREVIEW else first[: _NOTE_PREVIEW - 1].rstrip() + "…"


class BookmarksModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[Annotation] = []

    def set_annotations(self, annotations: list[Annotation]) -> None:
        self.beginResetModel()
        self._rows = list(annotations)
        self.endResetModel()

    def annotation(self, row: int) -> Annotation:
        return self._rows[row]

    def row_of(self, annotation_id: int) -> int:
        """The row showing an annotation, or -1."""
        return next((row for row, a in enumerate(self._rows) if a.id == annotation_id), -1)

    # Qt overrides ------------------------------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < 5:
            return QCoreApplication.translate("BookmarksModel", COLUMNS[section])
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.ToolTipRole and section == 0:
            return QCoreApplication.translate("BookmarksModel", "Starred")
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        item = self._rows[index.row()]
        anchor = item.anchor
        column = index.column()
        if role == ANNOTATION_ROLE:
            return item
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return "★" if item.starred else ""
            if column == 1:
                return f"{KIND_WORDS.get(anchor.kind, anchor.kind)}: {anchor.label}"
            if column == 2:
                return anchor.report_title
            if column == 3:
                return ", ".join(item.tags)
            if column == 4:
                return note_preview(item.note)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == 1:
                return f"{anchor.quote}\n\nSection: {anchor.section_title}"
            if column == 4 and item.note:
                return item.note
        if role == Qt.ItemDataRole.AccessibleTextRole and column == 0:
            return "starred" if item.starred else "not starred"
        return None
