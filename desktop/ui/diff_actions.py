"""View ▸ Compare Versions…: what changed between two reports of the library, as `fact-explorer diff` says it.

The comparison runs on the worker (its own read-only connections), and the result is a page in a dialog:
facts added, removed and changed with old and new values, sections added and removed.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout

from desktop.domain.diff import FactBaseDiff
from desktop.export.files import Steps
from desktop.text.diff_page import diff_page
from desktop.ui.link_browser import LinkBrowser
from desktop.ui.menus import find_menu
from desktop.ui.theme import page_colours

if TYPE_CHECKING:
    from desktop.ui.main_window import MainWindow


def _diff_steps(old: Path, new: Path, colours: object) -> Steps[str]:
    yield 0, 1
    with FactBaseDiff(old, new) as diff:
        return diff_page(diff, colours)  # type: ignore[arg-type]


class CompareVersionsDialog(QDialog):
    """Two reports of the library, older and newer; Compare shows what changed between them."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window_ = window
        self.setWindowTitle(self.tr("Compare Versions"))
        self.old = QComboBox(self)
        self.new = QComboBox(self)
        for entry in window.shelf.entries():
            for combo in (self.old, self.new):
                combo.addItem(entry.title, entry.id)
        self.new.setCurrentIndex(self.new.findData(window.current_report))
        self.old.setCurrentIndex(1 if self.new.currentIndex() == 0 and self.old.count() > 1 else 0)
        self.old.setAccessibleName(self.tr("Older version"))
        self.new.setAccessibleName(self.tr("Newer version"))
        self.changes = LinkBrowser(self.tr("Changes"), self)
        self.changes.setMinimumSize(560, 320)
        self.status = QLabel(self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.compare = buttons.addButton(self.tr("&Compare"), QDialogButtonBox.ButtonRole.ActionRole)
        self.compare.clicked.connect(self.run)
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("&Older:"), self.old)
        form.addRow(self.tr("&Newer:"), self.new)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.changes, 1)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        self.changes.target_activated.connect(window.open_target)

    def run(self) -> None:
        shelf = self.window_.shelf
        old, new = shelf.entry(self.old.currentData()).path, shelf.entry(self.new.currentData()).path
        self.compare.setEnabled(False)
        self.status.setText(self.tr("Comparing…"))
        colours = page_colours(self.palette())
        self.window_.worker.submit(
            lambda: _diff_steps(old, new, colours),
            on_thread=True,
            success=self._on_done,
            failure=lambda error: self._on_done(None, str(error)),
        )

    def _on_done(self, html: str | None, problem: str = "") -> None:
        self.compare.setEnabled(True)
        self.status.setText(problem)
        if html is not None:
            self.changes.setHtml(html)


def attach_diff_actions(window: MainWindow) -> QAction:
    view = find_menu(window, "View")
    action = QAction(QCoreApplication.translate("DiffActions", "Compare &Versions…"), window)
    action.setStatusTip(QCoreApplication.translate("DiffActions", "What changed between two reports of the library"))
    action.triggered.connect(lambda: CompareVersionsDialog(window).open())
    view.addAction(action)
    return action
