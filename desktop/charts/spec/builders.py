"""What a chart shows, decided without Qt: which bars, their labels, units and provenance.

A ChartSpec is plain data. The window draws it with pyqtgraph (desktop.charts.plot), the exporters turn it into
PNG/SVG/CSV, and the window's table under each chart reads chart_table(); all of them agree because they read
the same spec. An import-linter contract keeps Qt out of this package.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

from desktop.charts.spec.growth import growth_chart, year_earlier_chart
from desktop.charts.spec.labels import axis_scale
from desktop.charts.spec.model import Bar, ChartSpec, derived_notes, fact_bar, provenance
from desktop.domain.formatting import format_fact, format_number, format_with_qualifier, unit_label
from desktop.domain.i18n import translate
from desktop.domain.target import Target
from desktop.store import Fact, FactBase

# A chart beside its section's comparable facts reads among the first NEIGHBOURS of them and draws at most MAX_BARS:
# more bars are no longer readable, and a section of 100,000 facts must chart as fast as one of five.
NEIGHBOURS = 200
MAX_BARS = 12
# Category labels longer than this turn a chart horizontal, so they read left to right and can wrap.
_LONG_LABEL = 16
# The rest of a hedged share keeps the hedge, turned round: "over 75%" leaves "under 25%".
_OPPOSITE_HEDGE = {"over": "under", "more than": "less than", "at least": "at most"}


# Public API ------------------------------------------------------------------------------------------------
def chart_for_fact(factbase: FactBase, fact_id: str) -> ChartSpec:
    """The chart that fits a fact's kind, with the section's related facts beside it; a value card when nothing
    comparable stands beside it (a chart of one bar says less than the figure's own text)."""
    fact = factbase.fact(fact_id)
    if fact.kind in ("rank", "range", "duration range"):
        # A rank drawn among positions the report does not state, or a range as a lone floating bar, says less
        # than the figure's own words: the card says what the report says, and nothing invented.
        return value_card(factbase, fact)
    builder = {"share": _share_chart, "growth": growth_chart}.get(fact.kind, _count_chart)
    spec = builder(factbase, fact)
    return spec if spec is not None and not says_less_than_its_text(spec) else value_card(factbase, fact)


def says_less_than_its_text(spec: ChartSpec | None) -> bool:
    """No chart, or one with nothing but its own fact in it: one bar (a share of 100% with no rest, a lone count)."""
    return spec is None or len(spec.bars) < 2


def value_card(factbase: FactBase, fact: Fact, chart_id: str | None = None, title: str | None = None) -> ChartSpec:
    """The figure large with its qualifier and unit, its period, and the sentence it comes from: all the report
    says of it, and nothing drawn that it does not say."""
    bar = fact_bar(fact, fact.label, 1.0, format_fact(fact), highlighted=True)
    return ChartSpec(
        chart_id=chart_id or fact.id,
        title=title or fact.label,
        kind="card",
        bars=(bar,),
        value_axis="",
        category_axis="",
        provenance=provenance(factbase, [fact]),
        notes=(f"“{fact.quote}”", *derived_notes([fact])),
        unit=fact.unit,
        subtitle=fact.period,
    )


def chart_for_section(factbase: FactBase, section_id: str) -> ChartSpec | None:
    """An overview of the section's largest group of comparable facts (same kind and unit).

    A section whose facts are all unlike one another gets its headline fact's chart; None if it has no facts.
    """
    section = factbase.section(section_id)
    facts = [f for f in neighbours(factbase, section_id) if not f.derived]
    if not facts:
        return None
    groups = Counter((f.kind, f.unit) for f in facts)
    largest = max(groups.values())
    if largest < 2:
        spec = chart_for_fact(factbase, section.headline_fact_id or facts[0].id)
        return replace(spec, chart_id=section.id, title=f"{section.title}: {spec.title}")
    keys = [k for k, n in groups.items() if n == largest]
    headline = next((f for f in facts if f.id == section.headline_fact_id), None)
    key = (headline.kind, headline.unit) if headline and (headline.kind, headline.unit) in keys else keys[0]
    group = [f for f in facts if (f.kind, f.unit) == key][:MAX_BARS]
    return _bars_chart(factbase, group, viewed=None, chart_id=section.id, title=section.title)


def neighbours(factbase: FactBase, section_id: str) -> list[Fact]:
    """The first facts of a section, in order: what its charts choose their bars from."""
    return factbase.facts_in_section(section_id, 0, NEIGHBOURS)


def chart_table(spec: ChartSpec) -> list[tuple[str, str]]:
    """The chart's data as rows of (label, value text), for the table under a chart and for screen readers."""
    rows = []
    derived = translate("Pages", "derived")  # as the pages and the tree say it
    for bar in spec.bars:
        text = bar.text + (f" ({derived})" if bar.derived else "")
        rows.append((bar.label, text))
    return rows


def chart_targets(factbase: FactBase) -> list[Target]:
    """Every fact, then every section that has an overview chart: what 'export every chart' exports."""
    targets = [Target.fact(f.id) for f in factbase.facts()]
    targets += [Target.section(s.id) for s in factbase.sections() if chart_for_section(factbase, s.id) is not None]
    return targets


def chart_for_target(factbase: FactBase, target: Target) -> ChartSpec | None:
    """A fact's chart, or a section's overview (None for a section with no facts, the report, a term)."""
    if target.kind == "fact":
        return chart_for_fact(factbase, target.id)
    if target.kind == "section":
        return chart_for_section(factbase, target.id)
    return None


# Builders --------------------------------------------------------------------------------------------------
def _count_chart(factbase: FactBase, fact: Fact) -> ChartSpec:
    # A derived earlier count is half of a before-and-after: drawn as its growth chart is, periods on the bars.
    earlier = year_earlier_chart(factbase, fact) if fact.derived else None
    if earlier is not None:
        return earlier
    same = [
        f
        for f in neighbours(factbase, fact.section_id)
        if f.kind == fact.kind and f.unit == fact.unit and (not f.derived or f.id == fact.id)
    ]
    if fact not in same:  # a fact past the first facts of a long section is still drawn, among the first
        same.insert(0, fact)
    at = same.index(fact)
    start = max(0, min(at - MAX_BARS // 2, len(same) - MAX_BARS))
    return _bars_chart(factbase, same[start : start + MAX_BARS], viewed=fact, chart_id=fact.id, title=fact.label)


def _bars_chart(factbase: FactBase, facts: list[Fact], *, viewed: Fact | None, chart_id: str, title: str) -> ChartSpec:
    """Comparable facts (same kind and unit) as one bar each, scaled so the axis reads '(billion)'."""
    unit = facts[0].unit
    kind = facts[0].kind
    divisor, word = axis_scale(max(abs(f.value or 0.0) for f in facts))
    bars = tuple(
        fact_bar(
            f,
            f.label,
            (f.value or 0.0) / divisor,
            format_with_qualifier(f),
            highlighted=viewed is not None and f.id == viewed.id,
        )
        for f in facts
    )
    axis = unit_label(unit) + (f" ({word})" if word else "")
    if kind == "growth":
        axis = translate("Charts", "growth on a year earlier (per cent)")
    value_range = (0.0, 100.0) if kind == "share" else None
    return ChartSpec(
        chart_id=chart_id,
        title=title,
        kind="bars",
        bars=bars,
        value_axis=axis,
        category_axis="",
        provenance=provenance(factbase, facts),
        notes=derived_notes(facts),
        unit=unit,
        horizontal=len(bars) > 4 or any(len(b.label) > _LONG_LABEL for b in bars),
        value_range=value_range,
    )


def _rest_note(fact: Fact) -> str:
    return translate("Charts", "Rest: 100% − {0}, implied").format(format_with_qualifier(fact))


def _share_chart(factbase: FactBase, fact: Fact) -> ChartSpec:
    """A share as part of 100%: the share and the rest, stacked on one horizontal bar."""
    value = fact.value or 0.0
    bars = [fact_bar(fact, fact.label, value, format_with_qualifier(fact), highlighted=True)]
    rest = 100.0 - value
    if rest > 0:
        # "over 75%" leaves "under 25%" for the rest; keep the report's hedge rather than invent precision.
        hedge = _OPPOSITE_HEDGE.get(fact.qualifier)
        text = f"{hedge} {format_number(rest)}%" if hedge else f"{format_number(rest)}%"
        rest_bar = Bar(translate("Charts", "Rest"), 100.0, text, start=value, derived=True, raw_value=round(rest, 6))
        bars.append(replace(rest_bar, qualifier=hedge or fact.qualifier))
    return ChartSpec(
        chart_id=fact.id,
        title=fact.label,
        kind="share",
        bars=tuple(bars),
        value_axis=unit_label("%"),
        category_axis="",
        provenance=provenance(factbase, [fact]),
        # The report states the share only; the rest is our subtraction.
        notes=(_rest_note(fact),) if rest > 0 else (),
        unit="%",
        horizontal=True,
        value_range=(0.0, 100.0),
    )
