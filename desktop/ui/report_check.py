"""The full check of a fact base, off the GUI thread: every page and every row, once per report and session.

Opening checks what is cheap (header, schema, table shapes, a scan of small tables); reading every page of a
large file takes seconds (about 6 s for a million facts), so it runs on the worker after the report is shown.
A report found damaged is taken out of the window at once and the user is told why: no data from a damaged
file stays on screen. The bundled report is checked too; it is small.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QMessageBox, QWidget

from desktop.export.files import Steps
from desktop.store import FactBase, FactBaseError

if TYPE_CHECKING:
    from desktop.ui.main_window import MainWindow


def show_damaged(parent: QWidget, message: str) -> None:
    """The dialog for a report found damaged (tests replace it)."""
    QMessageBox.warning(parent, QCoreApplication.translate("ReportCheck", "Fact Explorer"), message)


def _check(factbase: FactBase) -> Steps[None]:
    yield 0, 1
    factbase.integrity_check()


class IntegrityChecks(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.checked: set[str] = set()
        self.failed: dict[str, str] = {}
        window.report_shown.connect(self._on_report_shown)

    def _on_report_shown(self, report_id: str) -> None:
        if report_id in self.checked:
            return
        self.checked.add(report_id)
        factbase = self.window.shelf.get(report_id)
        self.window.worker.submit(
            lambda: _check(factbase),
            on_thread=True,
            failure=lambda error: self._on_damaged(report_id, error),
        )

    def _on_damaged(self, report_id: str, error: BaseException) -> None:
        message = str(error) if isinstance(error, FactBaseError) else f"{type(error).__name__}: {error}"
        self.failed[report_id] = message
        title = self.window.shelf.entry(report_id).title if report_id in self.window.shelf else report_id
        self.window.close_damaged_report(report_id)
        text = QCoreApplication.translate("ReportCheck", "“{0}” is damaged and has been closed.\n\n{1}")
        show_damaged(self.window, text.format(title, message))


def attach_integrity_checks(window: MainWindow) -> IntegrityChecks:
    checks = IntegrityChecks(window)
    checks._on_report_shown(window.current_report)  # the report shown at start
    return checks
