"""The words a chart carries (its description, its source line) and the numbers it draws (#12 b, c, d)."""

from __future__ import annotations

import re

import pytest

from desktop.charts.spec import chart_for_target, chart_targets
from desktop.domain.formatting import format_number
from desktop.store import FactBase


def _specs(factbase: FactBase) -> list:
    return [chart_for_target(factbase, t) for t in chart_targets(factbase)]


@pytest.fixture
def chart_metadata(qapp: object):  # render.py imports pyqtgraph, which wants a QApplication
    from desktop.charts.plot.render import chart_metadata

    return chart_metadata


def test_a_description_never_says_a_thing_twice(factbase: FactBase, chart_metadata) -> None:
    for spec in _specs(factbase):
        description = chart_metadata(spec)["Description"]
        pieces = [p.strip() for p in re.split(r"(?<=[.;:])\s+", description) if p.strip()]
        assert len(pieces) == len(set(pieces)), (spec.chart_id, description)
        assert description.count(spec.title) == 1, (spec.chart_id, description)
        assert not re.search(r"(\b[^:;.]+): \1:", description), (spec.chart_id, description)


def test_every_note_of_a_description_is_said_and_ends_its_sentence(factbase: FactBase, chart_metadata) -> None:
    """A note is a sentence of its own, or said with the bar it explains ("Rest: 20.3% (derived: 100% − …)")."""
    for spec in _specs(factbase):
        description = chart_metadata(spec)["Description"]
        for note in spec.notes:
            said = note if note in description else note.split(": ", 1)[-1]
            at = description.index(said) + len(said)
            ends = description[at - 1] in ".”" or description[at : at + 1] in (".", ")")
            assert ends, (spec.chart_id, description)


def test_a_chart_draws_only_what_the_report_states_or_a_shown_formula_derives(factbase: FactBase) -> None:
    """A growth the report gives alone (+280%) is not drawn against an index base of our choosing."""
    for spec in _specs(factbase):
        for bar in spec.bars:
            if bar.derived:
                shown = bar.fact_id is not None and factbase.fact(bar.fact_id).formula
                rest = bar.start > 0 and any("100%" in n for n in spec.notes)  # a share's rest, its note says how
                assert shown or rest, (spec.chart_id, bar)
            else:
                assert bar.fact_id is not None, (spec.chart_id, bar.label, "a bar of no fact")
                fact = factbase.fact(bar.fact_id)
                assert (bar.raw_value, bar.raw_min, bar.raw_max) == (fact.value, fact.value_min, fact.value_max)
                stated = fact.figure or format_number(fact.value or 0.0)
                assert any(ch.isdigit() for ch in bar.text) or fact.kind == "rank", (spec.chart_id, bar.text, stated)


def test_a_source_line_says_it_is_one_and_names_the_section(factbase: FactBase, qapp: object) -> None:
    from desktop.charts.plot.render import footer_text

    doc = factbase.document
    for spec in _specs(factbase):
        footer = " ".join(footer_text(spec))
        assert footer.startswith(f"Source: {doc.title}"), spec.chart_id
        assert "Fact base v" not in footer, spec.chart_id
        sections = {factbase.fact(b.fact_id).section_id for b in spec.bars if b.fact_id}
        for section_id in sections:
            assert factbase.section(section_id).title in spec.provenance, spec.chart_id
