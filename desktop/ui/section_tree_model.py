"""The report as a tree for the left pane: the report, its sections (each with its headline figure), their facts.

A thin adapter over FactBase.section_tree(): read once, never edited. Each row knows its navigation target.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt

from desktop.formatting import format_fact, format_with_qualifier
from desktop.store import Fact, FactBase, Section
from desktop.ui.navigation import REPORT, fact_target, section_target

TARGET_ROLE = Qt.ItemDataRole.UserRole + 1
_Index = QModelIndex | QPersistentModelIndex


class SectionTreeModel(QAbstractItemModel):
    """Three levels. Internal ids: 0 for the report, 1 + section row for a section, facts point to their section."""

    def __init__(self, factbase: FactBase, parent: object = None) -> None:
        super().__init__(parent)  # type: ignore[arg-type]
        self._title = factbase.document.title
        self._tree: list[tuple[Section, list[Fact]]] = factbase.section_tree()
        self._headlines = {
            s.id: next((f for f in facts if f.id == s.headline_fact_id), None) for s, facts in self._tree
        }
        self._rows: dict[str, QModelIndex] = {}

    # Qt overrides --------------------------------------------------------------------------------------------
    def index(self, row: int, column: int, parent: _Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, 0)
        level = parent.internalId()
        if level == 0:
            return self.createIndex(row, column, 1 + row)  # a section
        # A fact: its internal id names its section, offset past the section ids.
        return self.createIndex(row, column, 1 + len(self._tree) + parent.row())

    def parent(self, child: _Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not child.isValid():
            return QModelIndex()
        ident = child.internalId()
        if ident == 0:
            return QModelIndex()
        if ident <= len(self._tree):
            return self.createIndex(0, 0, 0)
        section_row = ident - 1 - len(self._tree)
        return self.createIndex(section_row, 0, 1 + section_row)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008
        if parent.column() > 0:
            return 0
        if not parent.isValid():
            return 1
        ident = parent.internalId()
        if ident == 0:
            return len(self._tree)
        if ident <= len(self._tree):
            return len(self._tree[ident - 1][1])
        return 0

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 1

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        item = self._item(index)
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(item)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(item)
        if role == TARGET_ROLE:
            return self._target(item)
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    # Our own -------------------------------------------------------------------------------------------------
    def index_of(self, target: str) -> QModelIndex:
        """The row showing a navigation target, or an invalid index."""
        if target == REPORT:
            return self.index(0, 0)
        report = self.index(0, 0)
        for s_row, (section, facts) in enumerate(self._tree):
            section_index = self.index(s_row, 0, report)
            if target == section_target(section.id):
                return section_index
            for f_row, fact in enumerate(facts):
                if target == fact_target(fact.id):
                    return self.index(f_row, 0, section_index)
        return QModelIndex()

    def _item(self, index: _Index) -> Section | Fact | None:
        ident = index.internalId()
        if ident == 0:
            return None
        if ident <= len(self._tree):
            return self._tree[ident - 1][0]
        return self._tree[ident - 1 - len(self._tree)][1][index.row()]

    def _display(self, item: Section | Fact | None) -> str:
        if item is None:
            return "Report"
        if isinstance(item, Section):
            headline = self._headlines.get(item.id)
            return f"{item.title} — {format_with_qualifier(headline)}" if headline else item.title
        return f"{item.label}: {format_with_qualifier(item)}"

    def _tooltip(self, item: Section | Fact | None) -> str:
        if item is None:
            return self._title
        if isinstance(item, Section):
            return item.subheading or item.title
        return f"{format_fact(item)} ({item.period})" + (" — derived" if item.derived else "")

    @staticmethod
    def _target(item: Section | Fact | None) -> str:
        if item is None:
            return REPORT
        return section_target(item.id) if isinstance(item, Section) else fact_target(item.id)
