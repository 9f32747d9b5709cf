"""Edit ▸ Copy Citation (desktop.ui.citation_actions): the page viewed cited in every style onto the clipboard,
the same text as `fact-explorer cite`, HTML beside it for the CSL styles, and the chosen style remembered."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import tests_ui_annotations_helpers as helpers
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QGuiApplication

from desktop.domain.citations import CSL_STYLES, STYLE_NAMES, STYLES, cite_target
from desktop.ui.citation_actions import STYLE_KEY
from desktop.ui.menus import find_menu

library_paths, data_dir, make_library_window = helpers.library_paths, helpers.data_dir, helpers.make_library_window


@pytest.fixture(autouse=True)
def empty_clipboard() -> Iterator[None]:
    """Each test starts and ends with nothing copied: a citation left by another test must not pass for ours."""
    QGuiApplication.clipboard().clear()
    yield
    QGuiApplication.clipboard().clear()


def _copied() -> tuple[str, str | None]:
    mime = QGuiApplication.clipboard().mimeData()
    return mime.text(), mime.html() if mime.hasHtml() else None


def test_the_edit_menu_offers_every_style_and_a_shortcut(qtbot, make_library_window):
    window, actions = make_library_window(open_id="fact:residents")
    citations = actions.citations
    edit_texts = [a.text().replace("&", "") for a in find_menu(window, "Edit").actions()]
    assert "Copy Citation (APA)" in edit_texts and "Copy Citation As" in edit_texts
    assert [a.text() for a in citations.menu.actions()] == [STYLE_NAMES[s] for s in STYLES]
    assert citations.copy_default.shortcut().toString() == "Ctrl+Shift+C"


def test_each_style_copies_the_fact_viewed_as_the_cite_command_writes_it(qtbot, make_library_window):
    window, actions = make_library_window(open_id="fact:residents")
    for style in STYLES:
        actions.citations.style_actions[style].trigger()
        text, rich = _copied()
        assert text == cite_target(window.factbase, "residents", style)
        assert "12,400" in text
        if style in CSL_STYLES:
            # The second format carries the style's italics for a word processor.
            assert rich is not None and "<i>" in rich and "Harbour Town Counts 12,400 Residents" in rich
        else:
            assert rich is None
    assert "@techreport" in cite_target(window.factbase, "residents", "bibtex")


def test_a_derived_value_is_cited_as_derived(qtbot, make_library_window):
    window, actions = make_library_window(open_id="fact:ferry-crossings-year-earlier")
    qtbot.keyClick(window, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    text, _ = _copied()
    assert "Derived value, not stated in the report" in text
    assert window.statusBar().currentMessage() == "Citation copied (APA)"


def test_a_section_and_the_report_are_cited_too(qtbot, make_library_window):
    window, actions = make_library_window(open_id="section:transport")
    actions.citations.style_actions["mla"].trigger()
    assert _copied()[0] == cite_target(window.factbase, "transport", "mla")
    assert "Transport Keeps Moving" in _copied()[0]
    window.open_target("report")
    actions.citations.copy_default.trigger()
    assert _copied()[0] == cite_target(window.factbase, "report", "mla")


def test_the_chosen_style_is_remembered_for_the_next_window(qtbot, make_library_window, settings: QSettings):
    window, actions = make_library_window(open_id="fact:residents")
    actions.citations.style_actions["harvard"].trigger()
    assert settings.value(STYLE_KEY) == "harvard"
    helpers.close_library_window(window)
    window, actions = make_library_window(open_id="fact:residents")
    assert actions.citations.style == "harvard"
    assert actions.citations.style_actions["harvard"].isChecked()
    actions.citations.copy_default.trigger()
    assert _copied()[0] == cite_target(window.factbase, "residents", "harvard")


def test_citations_need_no_user_database(qtbot, make_library_window):
    window, actions = make_library_window(user_data=False, open_id="fact:residents")
    assert actions.citations.copy_default.isEnabled()
    actions.citations.copy_default.trigger()
    assert "12,400" in _copied()[0]
