"""Dates only as far as the report's text supports them (issue #12 a).

A level the report says "has reached" with no date in its sentence is read as at the report's date, and says how
that date is known; the report itself states no date, so none is shown as its date.
"""

from __future__ import annotations

import re

from desktop.store import FactBase

PLAN_PERIOD = "14th Five-Year Plan"


def test_no_fact_is_dated_to_a_span_its_sentence_does_not_name(factbase: FactBase) -> None:
    """ "During the 14th Five-Year Plan period" opens the paragraph; "has reached 1.123 billion" is a level as at
    the report, not a 2021-25 figure."""
    for fact in factbase.facts():
        if PLAN_PERIOD in fact.period:
            assert PLAN_PERIOD in fact.quote, f"{fact.id}: dated {fact.period!r}, a span its sentence does not name"


def test_every_period_says_how_it_is_known(factbase: FactBase) -> None:
    doc = factbase.document
    for fact in factbase.facts():
        note = doc.period_note(fact.period)
        assert note, f"{fact.id}: nothing says how {fact.period!r} is known"
        assert note != fact.period


def test_a_year_in_a_period_is_one_the_report_writes(factbase: FactBase) -> None:
    text = "\n".join(p.text for s in factbase.sections() for p in factbase.paragraphs(s.id))
    for fact in factbase.facts():
        for year in re.findall(r"\b(?:19|20)\d\d\b", fact.period):
            stated = year in text
            earlier = fact.derived and str(int(year) + 1) in text  # a derived year-earlier count
            assert stated or earlier, f"{fact.id}: {year} is in no sentence of the report"


def test_the_report_is_undated_because_its_text_gives_no_date(factbase: FactBase) -> None:
    doc = factbase.document
    assert not doc.is_dated
    assert "undated" in doc.citation.lower()
    assert "June" in doc.date_note and "no date" in doc.date_note  # how its time is known, from the text
