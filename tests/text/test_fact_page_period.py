"""A fact's page says how its period is known from the report's text (#12 a)."""

from __future__ import annotations

from html import escape

from desktop.store import FactBase
from desktop.text.pages import PageColours, fact_page


def test_a_fact_page_says_how_its_period_is_known(factbase: FactBase) -> None:
    doc = factbase.document
    for fact in factbase.facts():
        html = fact_page(factbase, fact.id, PageColours())
        assert escape(doc.period_note(fact.period)) in html, fact.id


def test_a_fact_base_that_does_not_say_leaves_the_row_out(tiny_factbase: FactBase) -> None:
    fact = tiny_factbase.facts()[0]
    assert tiny_factbase.document.period_note(fact.period) == ""
    assert "How the period is known" not in fact_page(tiny_factbase, fact.id, PageColours())
