"""The glossary dock: links in the text open terms, the filter narrows, definitions link back to the report."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QObject, Qt
from tests_ui_helpers import click_text

from desktop.text.pages import PageColours
from desktop.ui.glossary_panel import GlossaryPanel, term_filter_model, term_list_model


def test_glossary_link_in_text_opens_the_term(qtbot, window, factbase):
    window.open_target("section:digital-services")
    window.glossary_dock.hide()
    click_text(qtbot, window.page, "electronic social security cards")
    assert window.glossary.current_term == "electronic social security cards"
    assert window.glossary_dock.isVisible()
    definition = factbase.term("electronic social security cards").definition
    assert definition.split("**")[0][:40] in window.glossary.definition.toPlainText()
    assert window.current_target.local_key == "section:digital-services"  # the page stays where it was


def test_filter_narrows_the_terms(qtbot, factbase):
    panel = GlossaryPanel(factbase, PageColours())
    qtbot.addWidget(panel)
    everything = panel.proxy.rowCount()
    assert everything == len(factbase.terms())
    qtbot.keyClicks(panel.filter_edit, "data")
    expected = [t.term for t in factbase.terms() if "data" in t.term.lower()]
    shown = [panel.proxy.index(r, 0).data() for r in range(panel.proxy.rowCount())]
    assert shown == expected and 0 < len(shown) < everything
    panel.filter_edit.clear()
    qtbot.keyClicks(panel.filter_edit, "zzz-no-such-term")
    assert panel.proxy.rowCount() == 0
    assert not panel._empty.isHidden()


def test_definition_renders_bold_and_links_back(window, factbase):
    term = factbase.term("national medical insurance code")
    bold = term.definition.split("**")[1]  # the first stretch the glossary marks **bold**
    window.open_target(f"term:{term.term}")
    definition = window.glossary.definition
    assert "**" not in definition.toPlainText()
    cursor = definition.document().find(bold)
    assert not cursor.isNull()
    assert cursor.charFormat().fontWeight() >= 700
    for section in factbase.sections_mentioning(term.term):
        assert section.title in definition.toPlainText()


def test_mentioned_in_link_opens_the_section(qtbot, window, factbase):
    term = "National Data Bureau"
    sections = factbase.sections_mentioning(term)
    assert sections
    window.open_target(f"term:{term}")
    click_text(qtbot, window.glossary.definition, sections[0].title)
    assert window.current_target.local_key == f"section:{sections[0].id}"


@pytest.fixture
def owner() -> QObject:
    """A parent for models that outlives qtmodeltester's teardown (a widget closed by qtbot would not)."""
    return QObject()


def test_models_pass_the_model_tester(owner, factbase, qtmodeltester):
    terms = term_list_model(factbase.terms(), owner)
    qtmodeltester.check(terms, force_py=True)
    narrowed = term_filter_model(terms, owner)
    narrowed.setFilterFixedString("na")
    qtmodeltester.check(narrowed, force_py=True)
    assert 0 < narrowed.rowCount() < terms.rowCount()


def test_enter_in_filter_moves_to_the_first_match(qtbot, window):
    window.window_actions.find_term.trigger()
    assert window.glossary.filter_edit.hasFocus()
    qtbot.keyClicks(window.glossary.filter_edit, "chengdu")
    qtbot.keyClick(window.glossary.filter_edit, Qt.Key.Key_Return)
    assert window.glossary.term_list.hasFocus()
    assert window.glossary.current_term == "Chengdu-Chongqing"
    assert "Chengdu-Chongqing" in window.glossary.definition.toPlainText()
