"""A fact page in a large section: its neighbours, a count of the rest and a link to them; its source marked."""

from __future__ import annotations

from html import escape

from desktop.domain.target import Target
from desktop.store import FactBase
from desktop.text.pages import FACT_NEIGHBOURS, PageColours, fact_page


def test_a_fact_page_lists_its_neighbours_and_links_to_the_rest(generated: FactBase) -> None:
    section = max(generated.sections(), key=lambda s: generated.fact_count(s.id))
    facts = generated.facts_in_section(section.id)
    assert len(facts) > 2 * FACT_NEIGHBOURS + 1  # the generated sections hold about a hundred facts
    at = len(facts) // 2
    fact = facts[at]
    html = fact_page(generated, fact.id, PageColours())
    near = facts[at - FACT_NEIGHBOURS : at] + facts[at + 1 : at + 1 + FACT_NEIGHBOURS]
    far = facts[: at - FACT_NEIGHBOURS] + facts[at + 1 + FACT_NEIGHBOURS :]
    assert all(escape(Target.fact(f.id).href) in html for f in near)
    # The far facts are not listed; one of them may still be linked from the fact's own paragraph, as a figure.
    stated = {f.id for f in generated.facts_in_paragraph(fact.paragraph_id)}
    assert not any(escape(Target.fact(f.id).href) in html for f in far if f.id not in stated)
    more = len(facts) - 1 - len(near)
    assert f"…and {more:,} more facts in this section." in html
    assert escape(Target.section(section.id).href) in html


def test_every_figure_of_the_source_paragraph_is_linked(generated: FactBase) -> None:
    section = generated.sections()[3]
    fact = generated.facts_in_section(section.id, 40, 1)[0]  # past the first page a section page marks
    html = fact_page(generated, fact.id, PageColours())
    for other in generated.facts_in_paragraph(fact.paragraph_id):
        assert escape(Target.fact(other.id).href) in html, other.id


def test_a_page_names_its_source_as_sheets_and_charts_do(factbase: FactBase) -> None:
    fact = factbase.fact("internet-users")
    section = factbase.section(fact.section_id)
    html = fact_page(factbase, fact.id, PageColours())
    doc = factbase.document
    assert escape(f"Source: {doc.source(section.title)}. File: {doc.source_file}") in html
    assert "fact base v" not in html  # a version number says nothing to a reader
