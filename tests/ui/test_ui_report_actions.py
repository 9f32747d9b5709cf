"""File ▸ Open…, Open Recent, drops and Remove from Library (desktop.ui.report_actions): what the user opens joins
the window and the library; a bad file changes nothing; removing never touches the file."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import QApplication
from report_window import RIVERSIDE, close_window, library_window, open_user_data, report_titles

from desktop.domain.target import Target
from desktop.importer import ImportOptions, import_report
from desktop.store import FactBase
from desktop.ui import report_actions
from desktop.userdata import UserData
from desktop.userdata.location import DATA_DIR_VARIABLE


@pytest.fixture(scope="session")
def imported_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A second report: the importer's riverside text made into a fact base."""
    out = tmp_path_factory.mktemp("imported") / "riverside.sqlite"
    return import_report(RIVERSIDE, ImportOptions(out=out, title="Riverside Transit 2024")).path


@pytest.fixture
def user_data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[UserData]:
    folder = tmp_path / "user-data"
    monkeypatch.setenv(DATA_DIR_VARIABLE, str(folder))
    data = open_user_data(folder)
    yield data
    data.close()


@pytest.fixture
def errors(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    shown: list[str] = []
    monkeypatch.setattr(report_actions, "show_error", lambda _parent, _title, message: shown.append(message))
    return shown


@pytest.fixture
def library(qtbot, loader, settings, user_data):
    window, actions = library_window(qtbot, loader, settings, user_data)
    yield window, actions
    close_window(window, None)


def library_ids(user_data: UserData) -> set[str]:
    return {entry.id for entry in user_data.library()}


def file_menu_texts(window) -> list[str]:
    return [a.text().replace("&", "") for a in window.window_actions.file_menu.actions()]


def test_file_menu_holds_the_report_actions_above_export_and_quit(library):
    window, actions = library
    texts = file_menu_texts(window)
    assert texts[:4] == ["Open…", "Open Recent", "Import Report…", "Remove from Library"]
    assert texts[-1] == "Quit"
    assert actions.open.shortcut() == QKeySequence(QKeySequence.StandardKey.Open)


def test_open_adds_the_fact_base_to_the_window_and_the_library_and_shows_it(
    qtbot, library, user_data, tiny_factbase_path, monkeypatch, errors
):
    window, actions = library
    asked: list[list[str]] = []

    def choose(_parent, _caption, filters):
        asked.append(filters)
        return str(tiny_factbase_path)

    monkeypatch.setattr(report_actions, "ask_open_path", choose)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keySequence(window, QKeySequence(QKeySequence.StandardKey.Open))  # the standard Open key, as a user
    assert asked and "*.sqlite" in asked[0][0] and asked[0][-1] == "All files (*)"
    with FactBase.open(tiny_factbase_path) as tiny:
        tiny_id, tiny_title = UserData.report_id(tiny), tiny.document.title
    assert window.current_report == tiny_id
    assert window.current_target == Target.report().in_report(tiny_id)
    assert tiny_title in window.windowTitle()
    assert tiny_title in report_titles(window)
    assert tiny_id in library_ids(user_data)
    assert user_data.recent()[0] == tiny_factbase_path.resolve()
    assert errors == []


def test_opening_a_report_already_in_the_window_shows_it_once(library, tiny_factbase_path, tmp_path, errors):
    window, actions = library
    assert actions.open_path(tiny_factbase_path)
    bundled = window.shelf.entries()[0]
    assert actions.open_path(bundled.path)  # the bundled report again
    assert window.current_report == bundled.id
    copy = tmp_path / "tiny-copy.sqlite"  # the same report in another file
    shutil.copyfile(tiny_factbase_path, copy)
    assert actions.open_path(copy)
    assert len(report_titles(window)) == 2 and window.tree_model.rowCount() == 2
    assert window.factbase.path == tiny_factbase_path
    assert errors == []


@pytest.mark.parametrize("content", [b"", b"not a database at all\n" * 40, b"SQLite format 3\x00" + b"\x00" * 200])
def test_a_bad_file_gets_one_line_and_changes_nothing(library, user_data, tmp_path, errors, content):
    window, actions = library
    bad = tmp_path / "bad.sqlite"
    bad.write_bytes(content)
    before = (library_ids(user_data), user_data.recent(), report_titles(window), window.current_report)
    assert not actions.open_path(bad)
    assert len(errors) == 1 and "\n" not in errors[0] and str(bad) in errors[0]
    assert bad.read_bytes() == content
    assert (library_ids(user_data), user_data.recent(), report_titles(window), window.current_report) == before


def test_a_missing_file_gets_a_dialog(library, tmp_path, errors):
    _window, actions = library
    assert not actions.open_path(tmp_path / "gone.sqlite")
    assert len(errors) == 1 and "gone.sqlite" in errors[0]


def recent_entries(actions) -> list[str]:
    actions.recent_menu.aboutToShow.emit()  # as when the user opens the submenu
    return [a.data() for a in actions.recent_menu.actions() if a.data()]


def test_open_recent_lists_the_newest_first_and_drops_unreadable_files(
    library, tiny_factbase_path, imported_path, tmp_path, errors
):
    window, actions = library
    tiny = tmp_path / "tiny.sqlite"
    shutil.copyfile(tiny_factbase_path, tiny)
    riverside = tmp_path / "riverside.sqlite"
    shutil.copyfile(imported_path, riverside)
    actions.open_path(tiny)
    actions.open_path(riverside)
    assert recent_entries(actions)[:2] == [str(riverside.resolve()), str(tiny.resolve())]
    window.remove_report(window.current_report)  # let go of the file, as after a restart
    riverside.unlink()
    assert str(riverside.resolve()) not in recent_entries(actions)
    first = next(a for a in actions.recent_menu.actions() if a.data() == str(tiny.resolve()))
    window.open_target(Target.report().in_report(window.shelf.entries()[0].id))
    first.trigger()
    with FactBase.open(tiny) as fb:
        assert window.current_report == UserData.report_id(fb)
    assert errors == []


def test_open_recent_shows_at_most_ten(library, user_data, tiny_factbase_path, tmp_path):
    _window, actions = library
    for n in range(12):
        copy = tmp_path / f"tiny-{n:02}.sqlite"
        shutil.copyfile(tiny_factbase_path, copy)
        user_data.touch(copy)
    shown = recent_entries(actions)
    assert len(shown) == 10
    assert shown[0].endswith("tiny-11.sqlite") and shown[-1].endswith("tiny-02.sqlite")


def drop(window, paths: list[Path], onto=None) -> tuple[bool, bool]:
    """Drag files over the window (or one of its widgets) and drop them; whether enter and drop were accepted."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    onto = onto or window
    point = onto.rect().center()
    actions = Qt.DropAction.CopyAction
    buttons, none = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(QPointF(point), actions, mime, buttons, none)
    QApplication.sendEvent(onto, enter)
    move = QDragMoveEvent(QPointF(point), actions, mime, buttons, none)
    QApplication.sendEvent(onto, move)
    assert move.isAccepted() == enter.isAccepted()
    dropped = QDropEvent(QPointF(point), actions, mime, buttons, none)
    QApplication.sendEvent(onto, dropped)
    return enter.isAccepted(), dropped.isAccepted()


def test_dropping_fact_bases_opens_each(library, user_data, tiny_factbase_path, imported_path, errors):
    window, _actions = library
    assert window.acceptDrops()
    assert drop(window, [tiny_factbase_path, imported_path]) == (True, True)
    assert len(report_titles(window)) == 3
    assert "Riverside Transit 2024" in report_titles(window)
    assert window.factbase.path == imported_path  # the last one dropped is shown
    assert len(library_ids(user_data)) == 3
    assert errors == []


@pytest.mark.parametrize("onto", ["page", "tree"])
def test_a_drop_on_the_page_or_the_tree_reaches_the_window(library, tiny_factbase_path, errors, onto):
    window, _actions = library
    widget = window.page.viewport() if onto == "page" else window.tree.viewport()
    assert drop(window, [tiny_factbase_path], onto=widget) == (True, True)  # Qt hands it up to the window
    assert window.factbase.path == tiny_factbase_path and errors == []


def test_dropping_something_that_is_not_a_file_is_refused(library):
    window, _actions = library
    mime = QMimeData()
    mime.setText("412 million")
    enter = QDragEnterEvent(
        QPointF(5, 5), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    )
    QApplication.sendEvent(window, enter)
    assert not enter.isAccepted()


def test_dropping_a_report_file_opens_the_import_dialog_on_it(qtbot, library):
    _window, actions = library
    drop(_window, [RIVERSIDE])
    dialog = actions.import_dialog
    assert dialog is not None and dialog.report == RIVERSIDE and dialog.isVisible()
    with qtbot.waitSignal(dialog.job_finished, timeout=30_000):
        pass
    assert dialog.model is not None and dialog.model.rowCount() > 0
    dialog.reject()


def test_remove_from_library_takes_the_report_out_but_keeps_its_file(library, user_data, imported_path):
    window, actions = library
    before = imported_path.read_bytes()
    actions.open_path(imported_path)
    removed = window.current_report
    assert actions.remove.isEnabled()
    actions.remove.trigger()  # File ▸ Remove from Library, on the report viewed
    assert removed not in window.shelf and removed not in library_ids(user_data)
    assert "Riverside Transit 2024" not in report_titles(window)
    assert window.shelf.entry(window.current_report).bundled  # the window moved to the bundled report
    assert imported_path.read_bytes() == before
    assert not actions.remove.isEnabled()  # the bundled report cannot be removed


def test_the_tree_offers_remove_on_report_rows_and_never_for_the_bundled_one(qtbot, library, user_data, imported_path):
    window, actions = library
    actions.open_path(imported_path)
    imported = window.current_report
    bundled = window.shelf.entries()[0].id

    assert window.tree.contextMenuPolicy() == Qt.ContextMenuPolicy.CustomContextMenu

    def menu_for(report_id: str):
        index = window.tree_model.index_of(Target.report().in_report(report_id))
        window.tree.scrollTo(index)
        menu = actions.tree_menu_at(window.tree.visualRect(index).center())  # where the user right-clicks
        [remove] = menu.actions()
        return menu, remove

    fact_row = window.tree_model.index(0, 0, window.tree_model.index_of(Target.report().in_report(imported)))
    assert actions.tree_menu_at(window.tree.visualRect(fact_row).center()) is None  # a section row: no menu
    menu, remove = menu_for(bundled)
    assert remove.text() == "Remove from Library" and not remove.isEnabled()
    menu.close()
    menu, remove = menu_for(imported)
    assert remove.isEnabled()
    remove.trigger()
    menu.close()
    assert imported not in window.shelf and imported not in library_ids(user_data)


def test_without_user_data_the_window_still_opens_files(qtbot, loader, settings, tiny_factbase_path, errors):
    window, actions = library_window(qtbot, loader, settings, None)
    try:
        assert actions.open_path(tiny_factbase_path)
        assert len(report_titles(window)) == 2
        assert not actions.recent_menu.isEnabled()
    finally:
        close_window(window, None)
