"""Bookmarks and notes in the window (desktop.ui.annotation_actions, bookmarks_panel, note_editor): star what is
viewed, write a note with tags, find it in the Bookmarks panel, open it again (also when its id has moved or its
report is not on the shelf), delete it, export and import; all kept in a user database of the test's own."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest
import tests_ui_annotations_helpers as helpers
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextDocument

from desktop.domain.target import Target
from desktop.ui import annotation_actions, note_editor
from desktop.ui.bookmarks_model import BookmarksModel
from desktop.ui.note_editor import NoteDialog, NoteEdit
from desktop.userdata import UserData, UserDataError, fact_anchor

library_paths, data_dir, make_library_window = helpers.library_paths, helpers.data_dir, helpers.make_library_window


@pytest.fixture
def errors(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(annotation_actions, "show_error", lambda _p, title, message: shown.append((title, message)))
    return shown


def _rows(actions) -> list[str]:
    model = actions.panel.model
    return [model.index(row, 1).data() for row in range(model.rowCount())]


def test_ctrl_d_stars_the_fact_viewed_and_again_removes_the_star(qtbot, make_library_window):
    window, actions = make_library_window(open_id="fact:residents")
    assert not actions.bookmark.isChecked() and actions.bookmark.shortcut().toString() == "Ctrl+D"
    qtbot.keyClick(window, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert actions.bookmark.isChecked()
    saved = window.user_data.annotation_for(window.current_report, "fact", "residents")
    assert saved is not None and saved.starred and saved.anchor.label == "Residents of Ostmark"
    assert _rows(actions) == ["Fact: Residents of Ostmark"]
    # The toggle follows the page: another fact is not starred, coming back it is.
    window.open_target("fact:ferry-crossings")
    assert not actions.bookmark.isChecked()
    window.open_target("fact:residents")
    assert actions.bookmark.isChecked()
    qtbot.keyClick(window, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert not actions.bookmark.isChecked()
    assert window.user_data.annotation_for(window.current_report, "fact", "residents") is None
    assert _rows(actions) == []


def test_the_front_page_cannot_be_bookmarked(qtbot, make_library_window):
    _window, actions = make_library_window(open_id="report")
    assert not actions.bookmark.isEnabled() and not actions.note.isEnabled()
    assert "open a fact or a section" in actions.bookmark.toolTip()


def test_a_note_with_tags_is_saved_listed_filtered_and_rendered_escaped(qtbot, make_library_window, monkeypatch):
    window, actions = make_library_window(open_id="section:transport")
    asked: list[NoteEdit] = []

    def fake_edit(_parent, what: str, current: NoteEdit) -> NoteEdit:
        asked.append(current)
        return NoteEdit(False, "Check **this** <b>against</b> the 2023 report", ("ferries", "to check"))

    monkeypatch.setattr(note_editor, "edit_note", fake_edit)
    actions.note.trigger()
    assert asked == [NoteEdit(False, "", ())]
    saved = window.user_data.annotation_for(window.current_report, "section", "transport")
    assert saved.note == "Check **this** <b>against</b> the 2023 report"  # stored verbatim
    assert saved.tags == ("ferries", "to check") and not saved.starred
    window.open_target("fact:residents")
    actions.bookmark.trigger()
    panel = actions.panel
    assert _rows(actions) == ["Fact: Residents of Ostmark", "Section: Transport Keeps Moving"]
    # The preview shows the note's Markdown read, and its HTML as text.
    panel.select(saved.id)
    assert "Check this <b>against</b> the 2023 report" in panel.preview.toPlainText()
    assert panel.preview.requested == []
    # Filters: words, tag, report.
    panel.filter_edit.setText("against")
    assert _rows(actions) == ["Section: Transport Keeps Moving"]
    panel.filter_edit.clear()
    panel.tag_combo.setCurrentIndex(panel.tag_combo.findData("ferries"))
    assert _rows(actions) == ["Section: Transport Keeps Moving"]
    panel.tag_combo.setCurrentIndex(0)
    assert len(_rows(actions)) == 2
    assert panel.report_combo.count() == 2  # every report, and the one report annotated
    # Opening the note again offers what is saved.
    window.open_target("section:transport")
    actions.note.trigger()
    assert asked[-1] == NoteEdit(False, "Check **this** <b>against</b> the 2023 report", ("ferries", "to check"))


def test_double_click_opens_a_bookmark_in_a_report_not_yet_opened(qtbot, make_library_window):
    window, actions = make_library_window(open_id="report")
    later = helpers.report_id_of(window, "Ostmark Passes")
    window.user_data.annotate(fact_anchor(window.shelf.get(later), "crossings-h1"), starred=True)
    actions.panel.refresh()
    assert _rows(actions) == ["Fact: Ferry crossings"]
    actions.toggle_panel.trigger()  # View ▸ Bookmarks
    qtbot.waitUntil(lambda: actions.panel.table.isVisible())
    rect = actions.panel.table.visualRect(actions.panel.model.index(0, 1))
    assert rect.isValid()
    viewport = actions.panel.table.viewport()
    qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=rect.center())  # a double-click starts with a press
    qtbot.mouseDClick(viewport, Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.current_target == Target.fact("crossings-h1").in_report(later)
    assert window.factbase.document.title == "Ostmark Passes 12,650 Residents"


def test_a_bookmark_whose_id_moved_is_found_by_its_text_and_the_status_bar_says_so(qtbot, make_library_window):
    window, actions = make_library_window(open_id="report")
    anchor = replace(fact_anchor(window.factbase, "residents"), target_id="old-residents-id")
    old = window.user_data.annotate(anchor, starred=True)
    assert actions.open_annotation(old)
    assert window.current_target.id == "residents"
    assert "is now 'residents' (found by its text)" in window.statusBar().currentMessage()
    assert window.user_data.annotation_for(window.current_report, "fact", "residents") is not None


def test_a_bookmark_of_a_report_outside_the_library_says_so(qtbot, make_library_window):
    window, actions = make_library_window(open_id="report")
    anchor = replace(fact_anchor(window.factbase, "residents"), report_id="0123456789ab", report_title="Gone Report")
    lost = window.user_data.annotate(anchor, starred=True)
    assert not actions.open_annotation(lost)
    assert "“Gone Report” is not in the library" in window.statusBar().currentMessage()
    assert window.current_target == Target.report().in_report(window.current_report)


def test_a_missing_target_is_reported_not_guessed(qtbot, make_library_window):
    window, actions = make_library_window(open_id="report")
    anchor = replace(fact_anchor(window.factbase, "residents"), target_id="nothing", quote="No such sentence.")
    missing = window.user_data.annotate(anchor, starred=True)
    assert not actions.open_annotation(missing)
    assert "is not in this report" in window.statusBar().currentMessage()


def test_delete_from_the_panel(qtbot, make_library_window, monkeypatch):
    window, actions = make_library_window(open_id="fact:residents")
    actions.bookmark.trigger()
    asked: list[str] = []
    monkeypatch.setattr(annotation_actions, "confirm_delete", lambda _p, what: asked.append(what) or True)
    actions.panel.table.selectRow(0)
    actions.panel.delete_button.click()
    assert asked == ["Residents of Ostmark"]
    assert window.user_data.annotations() == [] and _rows(actions) == []
    assert not actions.bookmark.isChecked()


def test_a_selected_passage_is_bookmarked_and_opened_again(qtbot, make_library_window):
    window, actions = make_library_window(open_id="section:transport")
    page = window.page
    excerpt = "the town's ferries made 8,200 crossings"
    cursor = page.document().find(excerpt, 0, QTextDocument.FindFlag.FindCaseSensitively)
    assert not cursor.isNull()
    page.setTextCursor(cursor)
    actions.bookmark_passage.trigger()
    [passage] = window.user_data.annotations(kind="passage")
    assert passage.anchor.quote == excerpt and passage.anchor.section_id == "transport"
    window.open_target("report")
    assert actions.open_annotation(passage)
    assert window.current_target.kind == "section" and window.current_target.id == "transport"
    assert page.textCursor().selectedText() == excerpt  # the passage is shown selected


def test_export_as_markdown_and_json_and_import_into_another_user_database(
    qtbot, make_library_window, monkeypatch, tmp_path: Path, errors
):
    window, actions = make_library_window(open_id="fact:residents")
    actions.bookmark.trigger()
    chosen = iter([str(tmp_path / "notes.md"), str(tmp_path / "notes")])
    filters = iter(["", annotation_actions.NOTES_FILTERS[".json"]])
    monkeypatch.setattr(annotation_actions, "ask_save_path", lambda *_a: (next(chosen), next(filters)))
    actions.export_notes.trigger()
    markdown = (tmp_path / "notes.md").read_text()
    assert "### ★ Residents of Ostmark" in markdown and "\nCite: " in markdown
    actions.export_notes.trigger()  # a bare name takes the chosen filter's extension
    record = json.loads((tmp_path / "notes.json").read_text())
    assert record["format"] == "fact-explorer-notes"
    helpers.close_library_window(window)

    other = tmp_path / "elsewhere"
    monkeypatch.setenv("FACT_EXPLORER_DATA_DIR", str(other))
    window, actions = make_library_window(open_id="fact:residents")
    assert _rows(actions) == [] and not actions.bookmark.isChecked()
    monkeypatch.setattr(annotation_actions, "ask_open_path", lambda *_a: str(tmp_path / "notes.json"))
    actions.import_notes.trigger()
    assert _rows(actions) == ["Fact: Residents of Ostmark"] and actions.bookmark.isChecked()
    assert window.statusBar().currentMessage() == "Imported: 1 new, 0 updated, 0 already here"
    # A file that is not a notes file is one line in a dialog, and nothing changes.
    (tmp_path / "bad.json").write_text('{"format": "something else"}')
    monkeypatch.setattr(annotation_actions, "ask_open_path", lambda *_a: str(tmp_path / "bad.json"))
    actions.import_notes.trigger()
    assert len(errors) == 1 and errors[0][0] == "Import Notes" and "\n" not in errors[0][1]
    assert _rows(actions) == ["Fact: Residents of Ostmark"]


def test_a_failed_save_is_one_line_in_a_dialog(qtbot, make_library_window, monkeypatch, errors):
    window, actions = make_library_window(open_id="fact:residents")

    def busy(*_args, **_kwargs):
        raise UserDataError(window.user_data.path, "is busy: another program is writing it; try again")

    monkeypatch.setattr(window.user_data, "annotate", busy)
    actions.bookmark.trigger()
    assert len(errors) == 1 and "busy" in errors[0][1] and "\n" not in errors[0][1]
    assert not actions.bookmark.isChecked()


def test_without_a_user_database_the_actions_are_disabled_and_say_why(qtbot, make_library_window):
    window, actions = make_library_window(user_data=False, open_id="fact:residents")
    for action in (actions.bookmark, actions.bookmark_passage, actions.note, actions.export_notes):
        assert not action.isEnabled()
        assert "user database could not be opened" in action.toolTip()
    assert actions.panel is None
    actions.dock.show()
    assert "unavailable" in actions.dock.widget().text()


def test_the_bookmarks_model(qtmodeltester, user_data_for_model):
    model = BookmarksModel()
    model.set_annotations(user_data_for_model.annotations())
    assert model.rowCount() == 1 and model.index(0, 0).data() == "★"
    qtmodeltester.check(model, force_py=True)


@pytest.fixture
def user_data_for_model(data_dir: Path, tiny_factbase) -> UserData:
    data = UserData.open()
    data.annotate(fact_anchor(tiny_factbase, "residents"), starred=True, note="a note", tags=["x"])
    yield data
    data.close()


def test_the_note_dialog_previews_markdown_and_loads_nothing(qtbot):
    dialog = NoteDialog(None, "Fact: Residents", NoteEdit(True, "", ("town",)))
    qtbot.addWidget(dialog)
    dialog.editor.setPlainText('**Bold** ![x](file:///etc/hostname) <img src="http://example.org/a.png">')
    text = dialog.preview.toPlainText()
    assert text.startswith("Bold x (file:///etc/hostname) <img")
    assert dialog.preview.requested == []  # no image, style sheet or link was asked for
    dialog.tags.setText("town, ferries, ,Town")
    assert dialog.result_edit() == NoteEdit(
        True, '**Bold** ![x](file:///etc/hostname) <img src="http://example.org/a.png">', ("town", "ferries", "Town")
    )


def test_the_menus_offer_bookmarks_notes_and_the_panel(qtbot, make_library_window):
    window, actions = make_library_window(open_id="fact:residents")
    menus = {a.text().replace("&", ""): a.menu() for a in window.menuBar().actions()}
    texts = {name: [a.text().replace("&", "") for a in menu.actions()] for name, menu in menus.items() if menu}
    assert {"Bookmark", "Bookmark Selected Passage", "Note…"} <= set(texts["Edit"])
    assert {"Export Notes…", "Import Notes…"} <= set(texts["File"]) and texts["File"][-1] == "Quit"
    assert {"Bookmarks", "In Other Reports"} <= set(texts["View"])
    assert not actions.dock.isVisible()
    qtbot.keyClick(window, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(actions.dock.isVisible)


def test_on_the_bundled_report_without_user_data(qtbot, make_window):
    window = make_window("fact:5g-base-stations")  # tests/ui/conftest.py: the bundled report, no user database
    actions = annotation_actions.attach_annotation_actions(window)
    assert not actions.bookmark.isEnabled() and actions.citations.copy_default.isEnabled()
    assert actions.citations.copy_citation("apa")
    from PySide6.QtGui import QGuiApplication

    from desktop.domain.citations import cite_target

    assert QGuiApplication.clipboard().text() == cite_target(window.factbase, "5g-base-stations", "apa")
    QGuiApplication.clipboard().clear()
    assert actions.series.result is None and not actions.series.dock.isVisible()  # one report: no other reports
