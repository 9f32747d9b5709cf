"""Reading a long section's next facts when the last of those read comes near the view.

The library tree reads a section's first page of facts when it is opened (QTreeView asks canFetchMore and
fetchMore then) and every later page only from here. Qt would also fetch another page every time it lays the
whole tree out again, and rows added to an open section make it lay the whole tree out: each click on a fact of
a large report read 300 rows and laid out a thousand sections' rows twice. Qt's own paging on scrolling looks
only at the tree's very last row, so a section open above others would never read past its first page. So the
model offers only first pages to Qt, and this reads the next page of any open section whose last row read is
within a screen of the view, after a scroll (wheel, drag, keys) or a change of the tree's height (rows added,
the window resized).
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QPoint, QTimer
from PySide6.QtWidgets import QTreeView

from desktop.ui.library_tree_model import LibraryTreeModel


class TreePaging(QObject):
    def __init__(self, tree: QTreeView, model: LibraryTreeModel) -> None:
        super().__init__(tree)
        self.tree = tree
        self.model = model
        self._pending = False
        bar = tree.verticalScrollBar()
        bar.valueChanged.connect(self._schedule)
        bar.rangeChanged.connect(self._schedule)

    def _schedule(self, *_: int) -> None:
        # Never while the view is busy: the range changes in the middle of the view's own layout (a column
        # measured, rows expanded), and rows added to the model from there corrupted the view's row list.
        if not self._pending:
            self._pending = True
            QTimer.singleShot(0, self, self.read_rows_in_sight)

    def read_rows_in_sight(self) -> None:
        """Read the next page of the first open section whose last row read is in view or a screen below it. The
        rows it adds change the scroll range, which asks for this again: pages are read until a screen beyond
        the view is full, never further."""
        self._pending = False
        tree, model = self.tree, self.model
        # A screen ahead of what is in view: Page Down moves a screen at a time, and from the last rows read it
        # would otherwise jump past the section's end into the sections below (the rest never read).
        ahead = 2 * tree.viewport().height()
        row = tree.indexAt(QPoint(tree.viewport().width() // 2, 1)).siblingAtColumn(0)
        while row.isValid() and tree.visualRect(row).top() < ahead:
            parent = row.parent()
            if row.row() == model.rowCount(parent) - 1 and model.read_next_page(parent):
                return
            row = tree.indexBelow(row)
