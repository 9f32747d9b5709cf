"""Shorter figures for narrow columns keep the number whole and the qualifier as a sign."""

from __future__ import annotations

from desktop.domain.formatting import compact_figures, format_fact, format_value
from desktop.store import FactBase


def test_every_shorter_form_keeps_the_number_and_gets_shorter(factbase: FactBase, generated: FactBase) -> None:
    for fact in [*factbase.facts(), *generated.facts_page(0, 300)]:
        forms = (format_fact(fact), *compact_figures(fact))
        digits = "".join(c for c in format_value(fact) if c.isdigit())
        for form in forms:
            assert "".join(c for c in form if c.isdigit()) == digits, (fact.id, form)  # every digit, in order
        assert all(len(b) <= len(a) for a, b in zip(forms, forms[1:], strict=False)), forms


def test_qualifiers_become_signs(factbase: FactBase) -> None:
    fact = factbase.fact("medical-insurance-code-users")  # "more than 1.2 billion people"
    assert compact_figures(fact) == ("> 1.2 billion people", "> 1.2 billion", "> 1.2 bn")
    assert compact_figures(factbase.fact("new-market-entities"))[0].startswith("2,600+")
