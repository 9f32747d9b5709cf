"""Makes sure a QApplication exists for headless jobs (the CLI's chart and sheet export)."""

from __future__ import annotations

import os

from PySide6.QtWidgets import QApplication

from desktop.charts.refcounts import keep_singletons_alive


def ensure_qapplication() -> QApplication:
    """The running QApplication, or a new one; offscreen when there is no display to talk to.

    Must be called before any widget or pixmap is made. Without DISPLAY or WAYLAND_DISPLAY the xcb plugin
    would abort the process, so we pick the offscreen platform unless the user chose one.
    """
    keep_singletons_alive()
    app = QApplication.instance()
    if isinstance(app, QApplication):
        return app
    if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    return QApplication(["fact-explorer"])
