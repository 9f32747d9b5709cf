"""File ▸ Import Report…: the review table by keyboard and mouse, the model's contract, Create writing what the
user kept and edited into a fact base the window and the library open, Stop and bad input writing nothing."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QComboBox, QLineEdit, QStyle, QStyleOptionViewItem
from report_window import NORTHWIND, RIVERSIDE, close_window, library_window, open_user_data, report_titles

from desktop.export.files import Steps
from desktop.importer import MAX_BYTES, ImportOptions, read_report_file
from desktop.store import FactBase, UnknownIdError
from desktop.ui import import_dialog
from desktop.ui.import_dialog import ImportDialog, default_output
from desktop.ui.review_model import (
    FIGURE,
    FIGURE_SPAN_ROLE,
    KEEP,
    LABEL,
    PERIOD,
    QUALIFIER,
    SENTENCE,
    UNIT,
    VALUE,
    ReviewModel,
    SentenceDelegate,
)
from desktop.userdata import UserData
from desktop.userdata.location import DATA_DIR_VARIABLE


@pytest.fixture
def user_data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[UserData]:
    folder = tmp_path / "user-data"
    monkeypatch.setenv(DATA_DIR_VARIABLE, str(folder))
    data = open_user_data(folder)
    yield data
    data.close()


@pytest.fixture
def library(qtbot, loader, settings, user_data):
    window, actions = library_window(qtbot, loader, settings, user_data)
    yield window, actions
    close_window(window, None)


@pytest.fixture
def errors(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    shown: list[str] = []
    monkeypatch.setattr(import_dialog, "show_error", lambda _parent, message: shown.append(message))
    return shown


def opened(qtbot, actions, report: Path) -> ImportDialog:
    """The import dialog on report, once the finder has filled its table."""
    dialog = actions.start_import(report)
    qtbot.waitUntil(lambda: dialog.plan is not None and dialog.job is None, timeout=30_000)
    return dialog


def hold_worker(window) -> threading.Event:
    """Keep the window's worker thread busy until the event is set: a job queued now waits behind it."""
    gate = threading.Event()

    def waiting() -> Steps[None]:
        yield 0, 1
        gate.wait(20)

    window.worker.submit(waiting, on_thread=True)
    return gate


# The model ---------------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("report", [RIVERSIDE, NORTHWIND])
def test_the_review_model_keeps_qts_contract(qtmodeltester, report):
    model = ReviewModel(read_report_file(report).facts)
    qtmodeltester.check(model, force_py=True)
    model.set_kept(0, False)
    model.setData(model.index(1, LABEL), "Riders")
    qtmodeltester.check(model, force_py=True)
    qtmodeltester.check(ReviewModel([]), force_py=True)


def test_the_model_hands_over_what_was_kept_with_the_edits():
    facts = read_report_file(RIVERSIDE).facts
    model = ReviewModel(facts)
    assert model.rowCount() == len(facts) and model.kept_facts() == facts
    model.setData(model.index(0, KEEP), Qt.CheckState.Unchecked.value, Qt.ItemDataRole.CheckStateRole)
    assert model.index(0, KEEP).data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked
    assert model.setData(model.index(1, LABEL), "  Growth   in riders ")
    assert model.setData(model.index(1, QUALIFIER), "over")
    assert not model.setData(model.index(1, QUALIFIER), "roughly")  # not a word the fact base knows
    assert not model.setData(model.index(1, UNIT), "")  # a fact needs its unit
    assert not model.setData(model.index(1, VALUE), "7")  # the value is the figure's, not editable
    assert not (model.flags(model.index(1, FIGURE)) & Qt.ItemFlag.ItemIsEditable)
    kept = model.kept_facts()
    assert [f.id for f in kept] == [f.id for f in facts[1:]]
    assert (kept[0].label, kept[0].qualifier, kept[0].value) == ("Growth in riders", "over", facts[1].value)
    assert facts[1].label != "Growth in riders"  # the importer's proposals are not changed in place
    assert model.setData(model.index(1, LABEL), facts[1].label)  # edited back: no edit left
    assert model.fact(1).label == facts[1].label


def test_the_sentence_column_knows_where_its_figure_is():
    facts = read_report_file(RIVERSIDE).facts
    model = ReviewModel(facts)
    for row, fact in enumerate(facts):
        text = model.index(row, SENTENCE).data()
        start, end = model.index(row, SENTENCE).data(FIGURE_SPAN_ROLE)
        assert text == fact.quote and text[start:end] == fact.figure
        shown, (s, e) = SentenceDelegate.excerpt(text, (start, end))
        assert shown[s:e] == fact.figure  # the column's excerpt still holds the figure, however far in it is


# The dialog: reading ----------------------------------------------------------------------------------------------
def test_the_dialog_lists_the_proposals_with_the_headline_as_title(qtbot, library):
    window, actions = library
    dialog = opened(qtbot, actions, RIVERSIDE)
    plan = read_report_file(RIVERSIDE)
    assert dialog.model is not None and dialog.model.rowCount() == len(plan.facts)
    assert dialog.title_edit.text() == plan.report.headline.text
    assert dialog.create_button.isEnabled() and not dialog.cancel_button.isVisible()
    qtbot.waitUntil(dialog.table.hasFocus)
    shown = dialog.sentence.text()  # the current row's whole sentence, its figure in bold
    assert "font-weight:600; background-color:" in shown and f">{plan.facts[0].figure}</span>" in shown
    dialog.reject()


def test_a_date_reads_relative_periods_again(qtbot, library):
    _window, actions = library
    dialog = opened(qtbot, actions, RIVERSIDE)
    row = next(r for r in range(dialog.model.rowCount()) if dialog.model.fact(r).period == "last year")
    assert dialog.create_button.isDefault()
    qtbot.keyClicks(dialog.date_edit, "2025-03-01")
    assert "date changed" in dialog.status.text() and dialog.find_button.isDefault()
    qtbot.keyClick(dialog.date_edit, Qt.Key.Key_Return)  # Enter in the field reads the report again
    assert dialog.job is not None
    qtbot.waitUntil(lambda: dialog.job is None, timeout=30_000)
    assert dialog.model.fact(row).period == "2024"
    assert "date changed" not in dialog.status.text()
    dialog.reject()


# The dialog: keyboard and mouse -----------------------------------------------------------------------------------
def press(qtbot, widget, key) -> None:
    qtbot.keyClick(widget, key)


def cell_editor(table, kind):
    """The editor open on a cell (one that was closed may linger, hidden, until Qt deletes it)."""
    [editor] = [w for w in table.viewport().findChildren(kind) if w.isVisible()]
    return editor


def test_the_table_works_by_keyboard(qtbot, library):
    _window, actions = library
    dialog = opened(qtbot, actions, RIVERSIDE)
    table, model = dialog.table, dialog.model
    qtbot.waitUntil(table.hasFocus)
    assert table.currentIndex().row() == 0
    press(qtbot, table, Qt.Key.Key_Space)  # Space rejects the row
    assert not model.is_kept(0) and "22 of 23" in dialog.status.text()
    press(qtbot, table, Qt.Key.Key_Space)  # and keeps it again
    assert model.is_kept(0)
    press(qtbot, table, Qt.Key.Key_Down)
    press(qtbot, table, Qt.Key.Key_Return)  # Enter on a cell that is not editable edits the row's label
    assert table.state() == QAbstractItemView.State.EditingState and table.currentIndex().column() == LABEL
    editor = cell_editor(table, QLineEdit)
    editor.selectAll()
    qtbot.keyClicks(editor, "Growth in riders")
    press(qtbot, editor, Qt.Key.Key_Tab)  # Tab commits and moves on to the next cell that can be edited
    assert model.fact(1).label == "Growth in riders"
    assert table.currentIndex().column() == UNIT and table.state() == QAbstractItemView.State.EditingState
    editor = cell_editor(table, QLineEdit)
    press(qtbot, editor, Qt.Key.Key_Escape)
    press(qtbot, table, Qt.Key.Key_Right)
    assert table.currentIndex().column() == QUALIFIER
    press(qtbot, table, Qt.Key.Key_F2)  # F2 edits: qualifier is a choice of the importer's words
    combo = cell_editor(table, QComboBox)
    assert combo.findText("up to") >= 0 and combo.findText("roughly") < 0
    qtbot.keyClicks(combo, "over")  # typing picks the matching word
    press(qtbot, combo, Qt.Key.Key_Return)  # Qt commits an edit on Enter at the next turn of the event loop
    qtbot.waitUntil(lambda: model.fact(1).qualifier == "over")
    qtbot.waitUntil(lambda: table.state() != QAbstractItemView.State.EditingState)
    dialog.reject()


def test_the_table_works_by_mouse(qtbot, library):
    _window, actions = library
    dialog = opened(qtbot, actions, RIVERSIDE)
    table, model = dialog.table, dialog.model
    index = model.index(2, KEEP)
    option = QStyleOptionViewItem()
    option.rect = table.visualRect(index)
    table.itemDelegateForIndex(index).initStyleOption(option, index)
    box = table.style().subElementRect(QStyle.SubElement.SE_ItemViewItemCheckIndicator, option, table)
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=box.center())
    assert not model.is_kept(2)
    period = table.visualRect(model.index(3, PERIOD))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=period.center())  # as a user double-clicks:
    qtbot.mouseDClick(
        table.viewport(), Qt.MouseButton.LeftButton, pos=period.center()
    )  # press, release, then the double-click
    assert table.state() == QAbstractItemView.State.EditingState
    editor = cell_editor(table, QLineEdit)
    editor.selectAll()
    qtbot.keyClicks(editor, "2024")
    press(qtbot, editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: model.fact(3).period == "2024")
    qtbot.mouseClick(dialog.reject_all, Qt.MouseButton.LeftButton)
    assert model.kept_count() == 0 and not dialog.create_button.isEnabled()
    qtbot.mouseClick(dialog.keep_all, Qt.MouseButton.LeftButton)
    assert model.kept_count() == model.rowCount()
    dialog.reject()


# The dialog: creating ---------------------------------------------------------------------------------------------
def test_create_writes_the_kept_and_edited_facts_and_opens_them(qtbot, library, user_data, tmp_path, monkeypatch):
    window, actions = library
    out = tmp_path / "made" / "riverside.sqlite"
    out.parent.mkdir()
    suggested: list[Path] = []
    monkeypatch.setattr(import_dialog, "ask_output_path", lambda _parent, s: suggested.append(s) or str(out))
    dialog = opened(qtbot, actions, RIVERSIDE)
    model = dialog.model
    rejected, edited = model.fact(0).id, model.fact(1).id
    model.set_kept(0, False)
    model.setData(model.index(1, LABEL), "Growth in riders")
    dialog.title_edit.setText("Riverside Transit, annual figures")
    dialog.publisher_edit.setText("Riverside Transport Authority")
    kept = model.kept_count()
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.factbase.path == out, timeout=30_000)
    assert suggested == [RIVERSIDE.with_suffix(".sqlite")]  # the default: next to the report
    qtbot.waitUntil(lambda: actions.import_dialog is None)  # closed once it is written
    fb = window.factbase
    assert fb.document.title == "Riverside Transit, annual figures"
    assert fb.fact_count() == kept
    assert fb.fact(edited).label == "Growth in riders"
    with pytest.raises(UnknownIdError):
        fb.fact(rejected)
    assert "Riverside Transit, annual figures" in report_titles(window)
    assert any(entry.path == out.resolve() for entry in user_data.library())
    assert user_data.recent()[0] == out.resolve()


def test_the_default_output_is_in_the_data_folder_when_the_reports_folder_is_read_only(tmp_path, monkeypatch):
    report = tmp_path / "reports" / "annual.txt"
    report.parent.mkdir()
    assert default_output(report, tmp_path / "data") == tmp_path / "reports" / "annual.sqlite"
    monkeypatch.setattr(import_dialog.os, "access", lambda _path, _mode: False)
    assert default_output(report, tmp_path / "data") == tmp_path / "data" / "reports" / "annual.sqlite"


# Stop and bad input: nothing written -----------------------------------------------------------------------------
def test_stop_while_reading_closes_the_dialog(qtbot, library, errors):
    window, actions = library
    gate = hold_worker(window)
    dialog = actions.start_import(RIVERSIDE)
    assert dialog.cancel_button.isVisible()
    with qtbot.waitSignal(dialog.job_finished, timeout=30_000):
        qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
        gate.set()
    qtbot.waitUntil(lambda: actions.import_dialog is None)  # nothing was read: the dialog closed
    assert errors == [] and len(report_titles(window)) == 1


def test_stop_while_writing_leaves_no_file(qtbot, library, tmp_path, monkeypatch, errors):
    window, actions = library
    out = tmp_path / "stopped" / "riverside.sqlite"
    out.parent.mkdir()
    monkeypatch.setattr(import_dialog, "ask_output_path", lambda _parent, _s: str(out))
    dialog = opened(qtbot, actions, RIVERSIDE)
    before = report_titles(window)
    gate = hold_worker(window)
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(dialog.job_finished, timeout=30_000):
        qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
        gate.set()
    assert list(out.parent.iterdir()) == []  # neither the fact base nor a temporary
    assert "nothing was written" in dialog.status.text()
    assert dialog.isVisible() and dialog.create_button.isEnabled()  # the review is still there to finish
    assert report_titles(window) == before and errors == []
    dialog.reject()


def scanned_pdf(path: Path) -> Path:
    import pypdf

    writer = pypdf.PdfWriter()
    writer.add_blank_page(595, 842)
    with path.open("wb") as fh:
        writer.write(fh)
    return path


def encrypted_pdf(path: Path) -> Path:
    import pypdf

    writer = pypdf.PdfWriter(clone_from=pypdf.PdfReader(scanned_pdf(path.with_name("plain.pdf"))))
    writer.encrypt(user_password="secret", owner_password="owner")
    with path.open("wb") as fh:
        writer.write(fh)
    return path


BAD_INPUTS = {
    "missing": lambda folder: folder / "nowhere.txt",
    "empty": lambda folder: _written(folder / "empty.txt", b""),
    "binary": lambda folder: _written(folder / "data.txt", bytes(range(256)) * 8),
    "scanned PDF": lambda folder: scanned_pdf(folder / "scan.pdf"),
    "encrypted PDF": lambda folder: encrypted_pdf(folder / "locked.pdf"),
    "undecodable text": lambda folder: _written(folder / "odd.txt", b"Annual report\n\n\x81\x8d\x90 rose 5%\n" * 3),
    "huge": lambda folder: _sparse(folder / "huge.txt", MAX_BYTES + 1),
}


def _sparse(path: Path, size: int) -> Path:
    """A file of size bytes that takes no room on disk: the importer refuses it by its size, unread."""
    with path.open("wb") as fh:
        fh.truncate(size)
    return path


def _written(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


@pytest.mark.parametrize("case", BAD_INPUTS)
def test_bad_input_gets_the_importers_one_line_and_writes_nothing(qtbot, library, user_data, tmp_path, errors, case):
    window, actions = library
    folder = tmp_path / "in"
    folder.mkdir()
    report = BAD_INPUTS[case](folder)
    files_before = sorted(folder.iterdir())
    library_before = user_data.library()
    actions.start_import(report)
    qtbot.waitUntil(lambda: bool(errors), timeout=30_000)
    [message] = errors
    with pytest.raises(Exception) as expected:
        read_report_file(report, ImportOptions())
    assert message == str(expected.value) and "\n" not in message and report.name in message
    qtbot.waitUntil(lambda: actions.import_dialog is None)  # nothing to review: the dialog closed
    assert sorted(folder.iterdir()) == files_before
    assert user_data.library() == library_before and len(report_titles(window)) == 1


def test_a_report_named_as_its_own_output_is_refused(qtbot, library, tmp_path, monkeypatch, errors):
    _window, actions = library
    report = tmp_path / "annual.txt"
    report.write_bytes(RIVERSIDE.read_bytes())
    monkeypatch.setattr(import_dialog, "ask_output_path", lambda _parent, _s: str(report))
    dialog = opened(qtbot, actions, report)
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    assert len(errors) == 1 and "the report itself" in errors[0]
    assert report.read_bytes() == RIVERSIDE.read_bytes() and dialog.job is None
    dialog.reject()


def test_opened_fact_base_reads_like_any_other(qtbot, library, tmp_path, monkeypatch):
    """The fact base the dialog wrote opens read-only through the store again, outside the window."""
    window, actions = library
    out = tmp_path / "northwind.sqlite"
    monkeypatch.setattr(import_dialog, "ask_output_path", lambda _parent, _s: str(out))
    dialog = opened(qtbot, actions, NORTHWIND)
    proposed = dialog.model.rowCount()
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.factbase.path == out, timeout=30_000)
    with FactBase.open(out) as fb:
        assert fb.fact_count() == proposed == window.factbase.fact_count()


def test_importing_a_report_again_shows_the_new_fact_base(qtbot, library, user_data, tmp_path, monkeypatch):
    """The same report imported twice is one report of the library, and the file written last is the one shown."""
    window, actions = library
    first, second = tmp_path / "first.sqlite", tmp_path / "second.sqlite"
    for out, kept in ((first, None), (second, 2)):
        monkeypatch.setattr(import_dialog, "ask_output_path", lambda _parent, _s, out=out: str(out))
        dialog = opened(qtbot, actions, RIVERSIDE)
        if kept is not None:
            for row in range(kept, dialog.model.rowCount()):
                dialog.model.set_kept(row, False)
        qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda out=out: window.factbase.path == out, timeout=30_000)
    assert window.factbase.fact_count() == 2
    assert len(report_titles(window)) == 2  # the bundled report and this one, once
    [entry] = [e for e in user_data.library() if not e.bundled]
    assert entry.path == second.resolve()
