"""A window's life from start to exit: built, shown, and what waits until after the first paint.

The composition root (desktop.app) opens the fact base and starts Qt; this runs the window on them. Charts,
export actions and the rest arrive after the window is on screen: pyqtgraph is imported on a thread once the
first paint is done. With --screenshot: the window as at first launch (no saved settings read or written), saved
as PNG once the page is complete (at once for the front page, which has no chart; once the chart is drawn for a
section or fact opened with --open), and the app exits.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop.export.files import ExportError
from desktop.export.screenshot import save_screenshot
from desktop.ui.painted import report_painted, when_painted
from desktop.ui.plot_loader import PlotLoader
from desktop.ui.report_shelf import ReportShelf

if TYPE_CHECKING:
    from desktop.userdata import UserData

PROG = "fact-explorer"
CHART_TIMEOUT_MS = 30_000


def show_error(message: str) -> None:
    """The dialog for a fact base that cannot be opened (tests replace it); with no screen to show it on (Qt's
    offscreen platform), one line on stderr instead: a dialog nobody can see would wait for ever."""
    from PySide6.QtGui import QGuiApplication

    if QGuiApplication.platformName() == "offscreen":
        print(f"{PROG}: {' '.join(message.split())}", file=sys.stderr)
        return
    QMessageBox.critical(None, QCoreApplication.translate("Startup", "Fact Explorer"), message)


class WindowRun:
    """One window on one fact base: `exec()` shows it, runs the event loop and returns the exit code."""

    def __init__(
        self,
        app: QApplication,
        shelf: ReportShelf,
        user_data: UserData | None,
        *,
        screenshot: Path | None,
        open_id: str | None,
        theme: str | None = None,
        language: str | None = None,
    ) -> None:
        from desktop.ui.main_window import MainWindow
        from desktop.ui.window_state import user_settings

        self.app = app
        self.screenshot = screenshot
        self.open_id = open_id
        self.exit_code = 0
        self.loader = PlotLoader(app)
        from desktop.ui.language import chosen_language, install_language
        from desktop.ui.theme import Theme

        settings = None if screenshot is not None else user_settings()
        self.translators = install_language(app, chosen_language(settings, language))
        self.theme = Theme(app, settings, theme)
        self.window = MainWindow(shelf, self.loader, settings, user_data, self.theme)
        from desktop.ui.language import add_language_menu

        add_language_menu(self.window, settings)

    def exec(self) -> int:
        window = self.window
        window.restore_state()
        if not window.open_initial(self.open_id) and self.screenshot is not None:
            print(f"{PROG}: cannot open {self.open_id!r}: {window.statusBar().currentMessage()}", file=sys.stderr)
            return 2
        when_painted(window, self._on_painted)
        window.show()
        self.app.exec()
        self.loader.wait(5)
        return self.exit_code

    def _on_painted(self) -> None:
        report_painted("painted")  # the mark: the window as first painted (bench/bare_window.py marks the same)
        window = self.window
        # A screenshot is the window as a user sees it a moment after it opens: with the search bar and the
        # rest attached below, not the bare first paint (the gallery's pages without a chart lacked the bar).
        # One of a page with no chart needs no pyqtgraph (its import would hold the exit by a third of a second).
        if self.screenshot is None or not window.chart.is_ready:
            self.loader.start()
        from desktop.ui.annotation_actions import attach_annotation_actions
        from desktop.ui.compare_actions import attach_compare_actions
        from desktop.ui.diff_actions import attach_diff_actions
        from desktop.ui.export_actions import attach_export_actions
        from desktop.ui.report_actions import attach_report_actions
        from desktop.ui.report_check import attach_integrity_checks
        from desktop.ui.search_panel import attach_search

        for attach in (
            attach_export_actions,
            attach_report_actions,
            attach_compare_actions,
            attach_search,
            attach_annotation_actions,
            attach_diff_actions,
        ):
            try:
                attach(window)
            except Exception as exc:  # noqa: BLE001 - one part missing must not take the window (or a screenshot) down
                print(f"{PROG}: {attach.__name__} failed: {type(exc).__name__}: {exc}", file=sys.stderr)
        if self.screenshot is None:  # a screenshot run is over before a check of a large file would be
            attach_integrity_checks(window)
        if window.settings is not None:
            from desktop.ui.window_state import restore_dock_state

            restore_dock_state(window.settings, window)
        window.apply_zoom()  # docks attached after the first paint take the remembered zoom too
        window.finish_startup()
        if self.screenshot is not None:
            self._save_when_charted()

    def _save_when_charted(self) -> None:
        window = self.window
        timer = QTimer(window)
        timer.setSingleShot(True)
        timer.timeout.connect(lambda: self._save(timer, timed_out=True))
        timer.start(CHART_TIMEOUT_MS)
        if window.chart.is_ready:
            QTimer.singleShot(0, lambda: self._save(timer))
        else:
            window.chart.chart_shown.connect(lambda: QTimer.singleShot(0, lambda: self._save(timer)))

    def _save(self, timer: QTimer, timed_out: bool = False) -> None:
        if not timer.isActive() and not timed_out:
            return  # saved already (the chart arrived twice, or after the time-out)
        timer.stop()
        self.exit_code = 1  # until the PNG is written: a bug in saving must not look like success, nor hang
        assert self.screenshot is not None
        try:
            save_screenshot(self.window, self.screenshot)
            self.exit_code = 1 if timed_out else 0
        except ExportError as exc:
            print(f"{PROG}: {exc}", file=sys.stderr)
        finally:
            if timed_out:
                print(f"{PROG}: the chart did not arrive within {CHART_TIMEOUT_MS // 1000} s", file=sys.stderr)
            report_painted("saved")
            self.window.close()
