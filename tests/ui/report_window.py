"""A window on a library, as the app builds it, for the report-action and import tests (a module of its own:
`conftest` names clash across test folders). The user data lives in the test's folder, never the user's."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QSettings

from desktop.paths import bundled_factbase
from desktop.store import FactBase
from desktop.ui.main_window import MainWindow
from desktop.ui.plot_loader import PlotLoader
from desktop.ui.report_actions import ReportActions, attach_report_actions
from desktop.ui.report_shelf import ReportShelf, ShelfEntry
from desktop.userdata import UserData
from desktop.userdata.location import DATA_DIR_VARIABLE

ROOT = Path(__file__).resolve().parents[2]
REPORTS = ROOT / "tests" / "importer" / "reports"  # the importer's test reports, one per format
RIVERSIDE = REPORTS / "riverside_transport_2024.txt"
NORTHWIND = REPORTS / "northwind_energy_2025.md"


def open_user_data(folder: Path) -> UserData:
    assert os.environ.get(DATA_DIR_VARIABLE) == str(folder), "set FACT_EXPLORER_DATA_DIR first"
    return UserData.open()


def library_window(
    qtbot, loader: PlotLoader, settings: QSettings, user_data: UserData | None
) -> tuple[MainWindow, ReportActions]:
    """The window on the bundled report and the library's other reports, with the report actions attached."""
    shelf = ReportShelf()
    shelf.add_open(FactBase.open(bundled_factbase()), bundled=True)
    if user_data is not None:
        for entry in user_data.library():
            shelf.add_entry(ShelfEntry(entry.id, entry.title, entry.path, entry.bundled))
    window = MainWindow(shelf, loader, settings, user_data)
    qtbot.addWidget(window)
    window.open_initial(None)
    window.show()
    qtbot.waitExposed(window)
    return window, attach_report_actions(window)


def close_window(window: MainWindow, user_data: UserData | None) -> None:
    """What the app does at exit: the window (and its worker), its fact bases, the user data."""
    window.close()
    window.shelf.close()
    if user_data is not None:
        user_data.close()


def report_titles(window: MainWindow) -> list[str]:
    model = window.tree_model
    return [model.index(row, 0).data() for row in range(model.rowCount())]
