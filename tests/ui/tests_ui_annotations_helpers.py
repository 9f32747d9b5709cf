"""Windows on a small library for the bookmark, citation and series tests: the tiny report and two reports that
share its metrics (tests/domain/reports/ostmark-2023 and ostmark-2025), and a user database in a folder of the
test's own (FACT_EXPLORER_DATA_DIR), never the user's. Import the fixtures into a test module to use them."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from desktop.store import FactBase
from desktop.ui.annotation_actions import AnnotationActions, attach_annotation_actions
from desktop.ui.main_window import MainWindow
from desktop.ui.plot_loader import PlotLoader
from desktop.ui.report_shelf import ReportShelf, ShelfEntry
from desktop.userdata import UserData
from desktop.userdata.location import DATA_DIR_VARIABLE

ROOT = Path(__file__).resolve().parents[1]
OTHER_REPORTS = ("ostmark-2023", "ostmark-2025")

LibraryWindow = tuple[MainWindow, AnnotationActions]


@pytest.fixture(scope="session")
def library_paths(test_report_paths: dict[str, Path], tiny_factbase_path: Path) -> list[Path]:
    """The tiny report first, then the two that share its metrics."""
    return [tiny_factbase_path] + [test_report_paths[name] for name in OTHER_REPORTS]


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "user-data"
    monkeypatch.setenv(DATA_DIR_VARIABLE, str(folder))
    return folder


@pytest.fixture
def make_library_window(
    qtbot, data_dir: Path, library_paths: list[Path], settings: QSettings, loader: PlotLoader
) -> Iterator[Callable[..., LibraryWindow]]:
    """make(reports=3, user_data=True, open_id=None): a shown window on the first `reports` of the library, its
    annotation actions attached as after the first paint. Each call opens the same user database afresh; the
    windows are closed (their workers shut down) before their user databases at the end of the test."""
    made: list[tuple[MainWindow, UserData | None, list[FactBase]]] = []

    def make(reports: int = 3, user_data: bool = True, open_id: str | None = None) -> LibraryWindow:
        data = UserData.open() if user_data else None
        first = FactBase.open(library_paths[0])
        shelf = ReportShelf()
        shelf.add_open(first)
        for path in library_paths[1:reports]:
            entry = data.add_report(path) if data is not None else None
            if entry is not None:
                shelf.add_entry(ShelfEntry(entry.id, entry.title, entry.path))
            else:
                with FactBase.open(path) as fb:
                    shelf.add_entry(ShelfEntry(UserData.report_id(fb), fb.document.title, path))
        window = MainWindow(shelf, loader, settings, data)
        qtbot.addWidget(window)
        made.append((window, data, [first]))
        window.open_initial(open_id)
        window.show()
        qtbot.waitExposed(window)
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)  # so that shortcuts reach it
        actions = attach_annotation_actions(window)
        return window, actions

    yield make
    for window, data, _opened in made:
        window.close()
        window.shelf.close()
        if data is not None:
            data.close()


def close_library_window(window: MainWindow) -> None:
    """Close a window and its user database now (to open the same database again, as after a restart)."""
    window.close()
    if window.user_data is not None:
        window.user_data.close()


def report_id_of(window: MainWindow, title_start: str) -> str:
    return next(e.id for e in window.shelf.entries() if e.title.startswith(title_start))
