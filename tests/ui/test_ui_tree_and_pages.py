"""The section tree and the pages: a click shows a fact's value and quote; a figure in the text opens its fact."""

from __future__ import annotations

from tests_ui_helpers import click_text, click_tree

from desktop.domain.formatting import format_fact, format_with_qualifier
from desktop.domain.target import Target
from desktop.ui.library_tree_model import TARGET_ROLE, LibraryTreeModel
from desktop.ui.report_shelf import ReportShelf


def test_first_launch_shows_the_report(window, factbase):
    assert window.current_target.local_key == "report"
    text = window.page.toPlainText()
    assert factbase.document.title in text
    for section in factbase.sections():
        if section.role == "section":
            assert section.title in text


def test_tree_click_shows_value_and_quote(qtbot, window, factbase):
    fact = factbase.fact("5g-base-stations")
    click_tree(qtbot, window, "fact:5g-base-stations")
    assert window.current_target.local_key == "fact:5g-base-stations"
    text = window.page.toPlainText()
    assert format_with_qualifier(fact) in text  # the value, large
    assert fact.quote in text  # the source sentence, inside its paragraph
    assert fact.period in text


def test_sections_show_their_headline_figure_in_the_tree(factbase, qtmodeltester):
    shelf = ReportShelf()
    shelf.add_open(factbase)
    model = LibraryTreeModel(shelf)
    qtmodeltester.check(model, force_py=True)
    for section in factbase.sections():
        index = model.index_of(f"section:{section.id}")
        assert Target.parse(index.data(TARGET_ROLE)).local_key == f"section:{section.id}"
        headline = factbase.fact(section.headline_fact_id)
        assert index.data() == section.title
        assert index.siblingAtColumn(1).data() == format_fact(headline)  # the figure with its unit
    assert model.rowCount(model.index_of("section:digital-services")) == len(factbase.facts("digital-services"))


def test_highlighted_figure_opens_its_fact(qtbot, window, factbase):
    window.open_target("section:digital-services")
    fact = factbase.fact("internet-penetration-rate")
    click_text(qtbot, window.page, fact.figure)
    assert window.current_target.local_key == "fact:internet-penetration-rate"
    assert fact.label in window.page.toPlainText()


def test_subheading_figure_opens_the_headline_fact(qtbot, window, factbase):
    window.open_target("section:data-market")
    click_text(qtbot, window.page, "70%")  # first: the sub-heading "New Data Products Increase 70% …"
    assert window.current_target.local_key == "fact:new-data-products-growth"


def test_derived_fact_is_marked_with_its_formula(window, factbase):
    fact = factbase.fact("new-data-products-year-earlier")
    window.open_target(f"fact:{fact.id}")
    text = window.page.toPlainText()
    assert "Derived value" in text and fact.formula in text
    assert factbase.fact(fact.derived_from[0]).label in text


def test_fact_page_lists_terms_and_other_facts(window, factbase):
    window.open_target("fact:e-social-security-card-users")
    text = window.page.toPlainText()
    for term in factbase.terms_for_fact("e-social-security-card-users"):
        assert term.term in text
    for other in factbase.facts("digital-services"):
        assert other.label in text


def test_unknown_target_keeps_the_page_and_says_why(window):
    assert not window.open_target("fact:no-such-fact")
    assert window.current_target.local_key == "report"
    assert "unknown fact" in window.statusBar().currentMessage()


def test_rich_text_loads_nothing_remote(window):
    from PySide6.QtCore import QUrl

    for browser in (window.page, window.glossary.definition):
        assert not browser.openLinks() and not browser.openExternalLinks()
        assert browser.loadResource(2, QUrl("https://example.com/pixel.png")) is None
        assert browser.loadResource(2, QUrl("file:///etc/hostname")) is None


def test_about_box_names_the_fact_base_and_its_version(window, factbase, monkeypatch):
    shown: list[str] = []
    monkeypatch.setattr("desktop.ui.main_window.QMessageBox.about", lambda _parent, _title, text: shown.append(text))
    window.window_actions.about.trigger()
    assert factbase.document.title in shown[0]
    assert f"Version {factbase.document.factbase_version}" in shown[0]


def test_a_narrow_tree_still_names_its_rows(qtbot, window):
    """At 1024×680 (or 150% scale) the tree is narrow: the figures give up room so every row keeps a readable name,
    and a wide tree gives the whole figure back."""
    header = window.tree.header()
    window.splitter.setSizes([240, window.width() - 240])
    qtbot.waitUntil(lambda: window.tree.viewport().width() < 260)
    room = window.tree.viewport().width()
    qtbot.waitUntil(lambda: header.sectionSize(1) <= room * 2 // 5)
    assert header.sectionSize(0) >= room * 3 // 5 - 1
    # A fact's name, two levels down, keeps most of its column: the levels are indented less.
    assert header.sectionSize(0) - 2 * window.tree.indentation() >= room // 2

    window.splitter.setSizes([700, max(window.width() - 700, 100)])
    qtbot.waitUntil(lambda: window.tree.viewport().width() > 500)
    widest = window.tree.sizeHintForColumn(1)
    qtbot.waitUntil(lambda: header.sectionSize(1) == widest)


def test_a_narrow_figure_column_writes_figures_shorter_never_cutting_the_number(window, factbase):
    from PySide6.QtCore import QRect
    from PySide6.QtWidgets import QStyleOptionViewItem

    from desktop.domain.formatting import compact_figures
    from desktop.ui.tree_figures import text_room

    delegate = window.tree.itemDelegateForColumn(1)
    for fact in factbase.facts():
        index = window.tree_model.index_of(f"fact:{fact.id}").siblingAtColumn(1)
        for width in (400, 110, 70):
            option = QStyleOptionViewItem()
            option.rect = QRect(0, 0, width, 20)
            option.widget = window.tree
            delegate.initStyleOption(option, index)
            forms = (format_fact(fact), *compact_figures(fact))
            assert option.text in forms, fact.id
            fits = [f for f in forms if option.fontMetrics.horizontalAdvance(f) <= text_room(option)]
            # The longest form that fits, or the shortest when none does (only then does Qt elide it).
            assert option.text == (fits[0] if fits else forms[-1]), (fact.id, width, option.text)
