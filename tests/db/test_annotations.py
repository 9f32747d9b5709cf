"""The annotations against the report: quotes verbatim, values equal to their figures, glossary verbatim."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from db.build import find_mentions
from db.figures import parse_figure
from desktop.store import FactBase

ROOT = Path(__file__).resolve().parents[2]
REPORT = (ROOT / "resources" / "report" / "000_116ccc03037fb487.txt").read_text(encoding="utf-8")
SEED = ROOT.parent / "shared" / "seed" / "000_116ccc03037fb487.txt"


def test_report_is_shipped_byte_for_byte() -> None:
    if not SEED.exists():
        pytest.skip("the seed folder is not beside this checkout")
    assert (ROOT / "resources" / "report" / SEED.name).read_bytes() == SEED.read_bytes()


def test_every_quote_occurs_verbatim_in_the_report(factbase: FactBase) -> None:
    for fact in factbase.facts():
        assert fact.quote in REPORT, fact.id
        paragraph = next(p for p in factbase.paragraphs(fact.section_id) if p.id == fact.paragraph_id)
        assert paragraph.text[fact.quote_start : fact.quote_start + len(fact.quote)] == fact.quote


def test_every_stated_value_matches_the_figure_in_its_quote(factbase: FactBase) -> None:
    stated = [f for f in factbase.facts() if not f.derived]
    assert len(stated) == 19
    for fact in stated:
        assert fact.figure is not None and fact.figure in fact.quote, fact.id
        expected = (fact.value_min, fact.value_max) if fact.is_range else (fact.value,)
        assert parse_figure(fact.figure) == expected, fact.id


def test_highlighted_figure_span_is_the_figure(factbase: FactBase) -> None:
    for fact in factbase.facts():
        span = fact.figure_span()
        if fact.derived:
            assert span is None
            continue
        paragraph = next(p for p in factbase.paragraphs(fact.section_id) if p.id == fact.paragraph_id)
        assert span is not None
        assert paragraph.text[span[0] : span[1]] == fact.figure


def test_headings_that_state_a_figure_point_at_the_same_fact(factbase: FactBase) -> None:
    headings = {f.id: factbase.fact_headings(f.id) for f in factbase.facts()}
    subheaded = {fid for fid, hs in headings.items() if any(h.location == "subheading" for h in hs)}
    assert subheaded == {s.headline_fact_id for s in factbase.sections() if s.role == "section"}
    for fid, hs in headings.items():
        for h in hs:
            assert h.text[h.figure_start :].startswith(h.figure)
            assert parse_figure(h.figure) == parse_figure(factbase.fact(fid).figure or "")
    # The report's headline states the rank of computing power, as the lead paragraph does.
    assert [h.location for h in headings["computing-power-rank"]] == ["headline"]


def test_derived_value_follows_its_formula(factbase: FactBase) -> None:
    derived = [f for f in factbase.facts() if f.derived]
    assert [f.id for f in derived] == ["new-data-products-year-earlier"]
    earlier = derived[0]
    now, growth = (factbase.fact(i) for i in earlier.derived_from)
    assert now.value is not None and growth.value is not None
    assert earlier.value == round(now.value / (1 + growth.value / 100))
    assert earlier.formula and "3,328" in earlier.formula and "70%" in earlier.formula


def test_qualifiers_are_the_reports_words(factbase: FactBase) -> None:
    words = {"over": "over", "more than": "More than", "+": "+"}
    for fact in factbase.facts():
        if fact.qualifier in words:
            assert words[fact.qualifier].lower() in fact.quote.lower(), fact.id
            near = fact.quote.lower()[max(0, (fact.figure_start or 0) - 12) : (fact.figure_start or 0) + 12]
            assert words[fact.qualifier].lower() in near or fact.qualifier == "+", fact.id


def test_glossary_has_eight_verbatim_terms_with_markdown_kept(factbase: FactBase) -> None:
    terms = factbase.terms()
    assert len(terms) == 8
    for term in terms:
        assert f"\n\n{term.term}\n\n{term.definition}" in REPORT
    assert "**National Medical Insurance Code**" in factbase.term("national medical insurance code").definition


def test_every_mention_of_a_glossary_term_in_the_body_is_stored(factbase: FactBase) -> None:
    body_end = REPORT.index("\n\nInfrastructure\n\n")
    stored = {(m.term, m.paragraph_id, m.start) for m in factbase.term_mentions()}
    found = set()
    for term in factbase.terms():
        for line_no, line in enumerate(REPORT[:body_end].split("\n"), start=1):
            for m in re.finditer(re.escape(term.term), line, re.IGNORECASE):
                found.add((term.term, line_no, m.start()))
    assert found, "the body mentions glossary terms"
    assert found == stored
    assert all(find_mentions(t, line) for t, _n, _s in found for line in [REPORT])


def test_term_mentions_link_facts_and_sections(factbase: FactBase) -> None:
    assert [s.id for s in factbase.sections_mentioning("Public Data in Motion")] == ["data-applications"]
    assert [f.id for f in factbase.facts_mentioning("Public Data in Motion")] == ["data-demonstration-cases"]
    cards = [t.term for t in factbase.terms_for_fact("e-social-security-card-users")]
    assert cards == ["electronic social security cards"]
