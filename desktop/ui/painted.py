"""Know when a window has been painted on screen for the first time: the moment start-up is measured to.

Imports nothing but QtCore so that the bare-window benchmark can use the very same rule as the app.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

TIMING_ENV = "FACT_EXPLORER_TIMING"


class _FirstPaint(QObject):
    """Waits for the top-level widget's first Paint event, then for the rest of that paint pass to finish."""

    def __init__(self, widget: QWidget, callback: Callable[[], None]) -> None:
        super().__init__(widget)
        self._widget = widget
        self._callback = callback
        self._seen = False
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if not self._seen and watched is self._widget and event.type() == QEvent.Type.Paint:
            self._seen = True
            self._widget.removeEventFilter(self)
            # The backing store paints every child in the same pass: a zero timer runs once that pass is done.
            QTimer.singleShot(0, self._callback)
        return False


def when_painted(widget: QWidget, callback: Callable[[], None]) -> None:
    """Call callback once widget (a shown or about-to-be-shown window) has been painted for the first time."""
    _FirstPaint(widget, callback)


def report_painted(label: str) -> None:
    """With FACT_EXPLORER_TIMING set, print when the window was painted, as epoch seconds, for bench/."""
    if os.environ.get(TIMING_ENV):
        print(f"{label} {time.time():.6f}", file=sys.stderr, flush=True)
