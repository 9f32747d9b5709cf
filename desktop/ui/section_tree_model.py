"""The report as a tree for the left pane: the report, its sections (each with its headline figure), their facts.

A QStandardItemModel filled once from FactBase.section_tree(): the data never changes while the window is open,
and a model that lives in C++ keeps the view's layout and painting out of Python (it matters for start-up time).
Each row carries its Target's key ('report', 'section:ID', 'fact:ID') under TARGET_ROLE.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QObject
from PySide6.QtGui import QStandardItem, QStandardItemModel

from desktop.domain.formatting import fact_sentence, format_with_qualifier
from desktop.domain.target import Target
from desktop.store import FactBase
from desktop.text.pages import fact_label

TARGET_ROLE = 0x0101  # Qt.ItemDataRole.UserRole + 1, spelled as a number so no Qt enum is touched before paint
_TOOLTIP_ROLE = 3  # Qt.ItemDataRole.ToolTipRole


def _item(text: str, tooltip: str, target: str) -> QStandardItem:
    item = QStandardItem(text)
    item.setEditable(False)
    item.setData(tooltip, _TOOLTIP_ROLE)
    item.setData(target, TARGET_ROLE)
    return item


class SectionTreeModel(QStandardItemModel):
    """Report → sections → facts in two columns: the name, and the figure (a section's is its headline figure).

    The figure has a column of its own so that a long label is elided, never the number.
    """

    def __init__(self, factbase: FactBase, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: dict[str, QStandardItem] = {}
        self.setHorizontalHeaderLabels(["Section or fact", "Figure"])
        report = self._add(self.invisibleRootItem(), "Report", "", factbase.document.title, Target.report())
        for section, facts in factbase.section_tree():
            headline = next((f for f in facts if f.id == section.headline_fact_id), None)
            figure = format_with_qualifier(headline) if headline else ""
            tip = section.subheading or section.title
            section_item = self._add(report, section.title, figure, tip, Target.section(section.id))
            for fact in facts:
                tip = fact_sentence(fact)
                self._add(section_item, fact_label(fact), format_with_qualifier(fact), tip, Target.fact(fact.id))

    def _add(self, parent: QStandardItem, text: str, figure: str, tooltip: str, target: Target) -> QStandardItem:
        item = _item(text, tooltip, target.key)
        parent.appendRow([item, _item(figure, tooltip, target.key)])
        self._rows[target.key] = item
        return item

    def index_of(self, target: Target | str) -> QModelIndex:
        """The row showing a target (or a target's key), or an invalid index."""
        item = self._rows.get(target if isinstance(target, str) else target.key)
        return item.index() if item is not None else QModelIndex()
