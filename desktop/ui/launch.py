"""The GUI's composition root: open the fact base, build the window, show it, and bring charts in after.

With --screenshot: the window as at first launch (no saved settings read or written), timed at its first full
paint, saved as PNG once the page is complete (at once for the front page, which has no chart; once the chart is
drawn for a section or fact opened with --open), and the app exits.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop.charts.refcounts import keep_singletons_alive
from desktop.store import FactBase, FactBaseError
from desktop.ui.first_paint import report_painted, when_painted
from desktop.ui.plot_loader import PlotLoader
from desktop.ui.screenshot import save_screenshot

PROG = "fact-explorer"
CHART_TIMEOUT_MS = 30_000
COLOUR_SCHEME_ENV = "FACT_EXPLORER_COLOR_SCHEME"  # "dark" or "light": for screenshots of both palettes


def show_error(message: str) -> None:
    """The dialog for a fact base that cannot be opened (tests replace it)."""
    QMessageBox.critical(None, "Fact Explorer", message)


def _application() -> QApplication:
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    app.setApplicationName("Fact Explorer")
    app.setOrganizationName("FactExplorer")
    scheme = os.environ.get(COLOUR_SCHEME_ENV, "").lower()
    if scheme:
        from desktop.ui.theme import apply_colour_scheme

        apply_colour_scheme(app, scheme)
    return app


def run_window(db_path: Path | None, screenshot: Path | None, default_db: Path, open_id: str | None) -> int:
    # First of all: PySide6 6.12 on Python 3.11 drops a reference to None on every void call, and a window
    # makes thousands of them; without this the interpreter aborts after a few minutes of use (none_dealloc).
    keep_singletons_alive()
    app = _application()
    try:
        factbase = FactBase.open(db_path if db_path is not None else default_db)
    except FactBaseError as exc:
        message = f"fact base {exc}"
        if screenshot is not None:
            print(f"{PROG}: {message}", file=sys.stderr)
        else:
            show_error(f"Fact Explorer cannot open the fact base.\n\n{exc}")
        return 1

    from desktop.ui.main_window import MainWindow
    from desktop.ui.window_state import user_settings

    loader = PlotLoader(app)
    window = MainWindow(factbase, loader, None if screenshot is not None else user_settings())
    window.restore_state()
    if not window.open_initial(open_id) and screenshot is not None:
        print(f"{PROG}: cannot open {open_id!r}: {window.statusBar().currentMessage()}", file=sys.stderr)
        return 2
    exit_code = [0]

    def _on_painted() -> None:
        report_painted("painted")  # the mark: the window as first painted (bench/bare_window.py marks the same)
        if screenshot is not None and window.chart.is_ready:
            # Nothing more is coming for this page (the front page has no chart): save it as it stands.
            _save_when_charted()
            return
        loader.start()
        from desktop.ui.export_hook import install_export_actions

        install_export_actions(window)
        window.finish_startup()
        if screenshot is not None:
            _save_when_charted()

    def _save_when_charted() -> None:
        timer = QTimer(window)
        timer.setSingleShot(True)

        def _save(timed_out: bool = False) -> None:
            timer.stop()
            exit_code[0] = 1  # until the PNG is written: a bug in saving must not look like success, nor hang
            try:
                save_screenshot(window, screenshot)  # type: ignore[arg-type]
                exit_code[0] = 1 if timed_out else 0
            except OSError as exc:
                print(f"{PROG}: {exc}", file=sys.stderr)
            finally:
                if timed_out:
                    print(f"{PROG}: the chart did not arrive within {CHART_TIMEOUT_MS // 1000} s", file=sys.stderr)
                report_painted("saved")
                window.close()

        timer.timeout.connect(lambda: _save(timed_out=True))
        timer.start(CHART_TIMEOUT_MS)
        if window.chart.is_ready:
            QTimer.singleShot(0, _save)
        else:
            window.chart.chart_shown.connect(lambda: QTimer.singleShot(0, _save))

    when_painted(window, _on_painted)
    window.show()
    app.exec()
    loader.wait(5)
    factbase.close()
    return exit_code[0]
