"""Bring pyqtgraph in after the window is up: import desktop.charts.plot on a worker thread.

Importing pyqtgraph takes about a second, three times as long as showing the whole window. The import runs on a
plain thread (it builds no widgets); the plot widgets themselves are made on the GUI thread once `loaded` fires.
"""

from __future__ import annotations

import importlib
import threading
from types import ModuleType

from PySide6.QtCore import QObject, Signal

PLOT_MODULE = "desktop.charts.plot"


class PlotLoader(QObject):
    """Imports the plotting module once; `loaded` or `failed` arrives on the GUI thread (queued)."""

    loaded = Signal()
    failed = Signal(str)

    def __init__(self, parent: QObject | None = None, module_name: str = PLOT_MODULE) -> None:
        super().__init__(parent)
        self._module_name = module_name
        self.module: ModuleType | None = None
        self.error: str | None = None
        self._thread: threading.Thread | None = None

    @property
    def done(self) -> bool:
        return self.module is not None or self.error is not None

    def start(self) -> None:
        if self._thread is None:
            self._thread = threading.Thread(target=self._import, name="plot-import", daemon=True)
            self._thread.start()

    def wait(self, timeout: float | None = None) -> None:
        """Block until the import thread ends (tests and shutdown)."""
        if self._thread is not None:
            self._thread.join(timeout)

    def _import(self) -> None:
        try:
            self.module = importlib.import_module(self._module_name)
        except Exception as exc:  # noqa: BLE001 - any import failure becomes a message in the chart area
            self.error = f"{type(exc).__name__}: {exc}"
            self.failed.emit(self.error)
            return
        self.loaded.emit()
