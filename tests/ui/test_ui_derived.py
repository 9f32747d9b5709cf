"""Derived stays derived: copied, in the tree and in the page's lists a derived value says so, with its formula."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication

DERIVED = "new-data-products-year-earlier"


def test_copying_a_derived_fact_says_it_is_derived_and_how(qtbot, window, factbase) -> None:
    fact = factbase.fact(DERIVED)
    window.open_target(f"fact:{DERIVED}")
    window.page.textCursor().clearSelection()
    window.window_actions.copy.trigger()
    copied = QGuiApplication.clipboard().text()
    assert "about 1,958 data products (H1 2024)" in copied
    assert "not stated in the report" in copied and fact.formula in copied


def test_the_tree_and_the_section_list_mark_a_derived_fact(qtbot, window) -> None:
    row = window.tree_model.index_of(f"fact:{DERIVED}")
    assert row.data().endswith("(derived)") and "derived" in row.data(3)  # the label, and its tooltip
    window.open_target("section:data-market")
    assert "New data products listed a year earlier (derived)" in window.page.toPlainText()
