"""Fixtures for the window's tests: a private settings file, the chart loader, a shown window."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from desktop.qt_runtime import keep_singletons_alive
from desktop.store import FactBase
from desktop.ui.main_window import MainWindow
from desktop.ui.plot_loader import PlotLoader

# As launch does: these tests build many windows, each costing None thousands of references (PySide6 6.12 bug).
keep_singletons_alive()


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    """A settings file of the test's own: never the user's."""
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def loader(qtbot) -> Iterator[PlotLoader]:
    plot_loader = PlotLoader()
    yield plot_loader
    plot_loader.wait(30)


@pytest.fixture
def make_window(qtbot, factbase: FactBase, settings: QSettings, loader: PlotLoader):
    """Build a window the way launch does; shown and exposed so that keyboard and mouse reach it."""

    def make(open_id: str | None = None, show: bool = True) -> MainWindow:
        window = MainWindow(factbase, loader, settings)
        qtbot.addWidget(window)
        window.restore_state()
        window.open_initial(open_id)
        if show:
            window.show()
            qtbot.waitExposed(window)
            window.activateWindow()
            qtbot.waitUntil(window.isActiveWindow)
        return window

    return make


@pytest.fixture
def window(make_window) -> MainWindow:
    return make_window()


@pytest.fixture
def charted(qtbot, loader: PlotLoader) -> PlotLoader:
    """pyqtgraph imported (on its worker thread, as in the app)."""
    with qtbot.waitSignal(loader.loaded, timeout=60_000):
        loader.start()
    return loader
