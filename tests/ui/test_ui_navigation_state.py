"""Back and forward, the keyboard paths through the window, and what comes back after a restart."""

from __future__ import annotations

from urllib.parse import unquote

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence

from desktop.domain.target import Target
from desktop.ui.history import History


def press(qtbot, widget, sequence: QKeySequence) -> None:
    """Press a key sequence as the platform defines it (Alt+Left for Back on Linux and Windows)."""
    combo = sequence[0]
    qtbot.keyClick(widget, combo.key(), combo.keyboardModifiers())


def test_back_and_forward_by_keyboard(qtbot, window):
    for target in ("section:data-market", "fact:ai-datasets-growth", "fact:new-market-entities"):
        window.open_target(target)
    back = QKeySequence(QKeySequence.StandardKey.Back)
    forward = QKeySequence(QKeySequence.StandardKey.Forward)
    press(qtbot, window.tree, back)
    assert window.current_target.local_key == "fact:ai-datasets-growth"
    window.page.setFocus()
    press(qtbot, window.page, back)  # the text view has its own Alt+Left; ours must win there too
    assert window.current_target.local_key == "section:data-market"
    assert "Growing Data Market Participation" in window.page.toPlainText()
    press(qtbot, window.tree, forward)
    assert window.current_target.local_key == "fact:ai-datasets-growth"
    assert window.tree.currentIndex() == window.tree_model.index_of("fact:ai-datasets-growth")
    window.open_target("section:digital-services")  # a new visit drops what was ahead
    assert not window.window_actions.forward.isEnabled()
    assert window.window_actions.back.isEnabled()


def test_history_goes_nowhere_past_its_ends():
    history = History()
    assert history.back() is None and history.forward() is None
    report, fact = Target.report(), Target.fact("a")
    history.visit(report)
    history.visit(Target.parse("report"))  # the same page twice is one step
    history.visit(fact)
    assert history.back() == report and history.back() is None
    assert history.forward() == fact and history.forward() is None


def test_arrows_walk_the_tree_and_enter_opens_the_page(qtbot, window, factbase):
    window.window_actions.focus_tree.trigger()
    assert window.tree.hasFocus()
    qtbot.keyClick(window.tree, Qt.Key.Key_Down)  # report → first section
    first = factbase.sections()[0]
    assert window.current_target.local_key == f"section:{first.id}"
    qtbot.keyClick(window.tree, Qt.Key.Key_Down)  # → its first fact
    fact = factbase.facts(first.id)[0]
    assert window.current_target.local_key == f"fact:{fact.id}"
    qtbot.keyClick(window.tree, Qt.Key.Key_Return)
    assert window.page.hasFocus()


def test_tab_and_enter_follow_a_link_in_the_page(qtbot, window):
    window.open_target("section:data-applications")
    window.window_actions.focus_page.trigger()
    assert window.page.hasFocus()
    qtbot.keyClick(window.page, Qt.Key.Key_Tab)  # the first link on the page
    anchor = window.page.textCursor().charFormat().anchorHref()
    assert anchor.startswith(("fact:", "term:", "section:"))
    qtbot.keyClick(window.page, Qt.Key.Key_Return)
    kind, _, ident = anchor.partition(":")
    if kind == "term":
        assert window.glossary.current_term == unquote(ident)
    else:
        assert window.current_target.local_key == anchor


def test_find_in_glossary_shortcut_goes_to_the_glossary_filter(qtbot, window):
    """The standard Find key searches everything; the glossary's filter keeps Ctrl+Shift+F."""
    window.glossary_dock.hide()
    press(qtbot, window.tree, QKeySequence("Ctrl+Shift+F"))
    assert window.glossary_dock.isVisible()
    assert window.glossary.filter_edit.hasFocus()


def test_widgets_have_accessible_names(window):
    for widget in (
        window.tree,
        window.page,
        window.chart.table,
        window.glossary.filter_edit,
        window.glossary.term_list,
        window.glossary.definition,
    ):
        assert widget.accessibleName()


def test_state_comes_back_after_a_restart(qtbot, make_window, settings):
    first = make_window()
    first.resize(700, 520)  # inside offscreen Qt's 800×600 screen: restoreGeometry clamps to it
    first.open_target("fact:internet-users")
    first.glossary_dock.hide()
    first.close()
    second = make_window()
    assert second.current_target.local_key == "fact:internet-users"
    assert second.tree.currentIndex() == second.tree_model.index_of("fact:internet-users")
    assert not second.glossary_dock.isVisible()
    assert (second.width(), second.height()) == (700, 520)
    second.glossary_dock.show()
    second.close()
    third = make_window()
    assert third.glossary_dock.isVisible()


def test_open_id_wins_over_the_saved_page(make_window):
    first = make_window()
    first.open_target("fact:internet-users")
    first.close()
    second = make_window("data-market")
    assert second.current_target.local_key == "section:data-market"


def test_open_term_keeps_the_saved_page(make_window):
    window = make_window("term:Chengdu-Chongqing")
    assert window.current_target.local_key == "report"
    assert window.glossary.current_term == "Chengdu-Chongqing"
