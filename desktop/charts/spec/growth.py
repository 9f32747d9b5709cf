"""Growth charts, without Qt: before and after, with nothing drawn as stated that the report does not state.

Where the report states the later count and the growth ("3,328 … up 70%"), the fact base holds the derived
earlier count, and the chart is the two counts, before then after, the earlier one dashed. The derived count's
own chart is the same picture, with itself highlighted. Where the report states only the growth ("AI datasets
surging 280%"), there is no chart of counts: the fact is a value card (builders.value_card), since any base drawn
under the growth would be a level the report does not state.
"""

from __future__ import annotations

import re

from desktop.charts.spec.labels import axis_scale
from desktop.charts.spec.model import ChartSpec, derived_notes, fact_bar, provenance
from desktop.domain.formatting import format_number, format_with_qualifier, unit_label
from desktop.domain.i18n import translate
from desktop.store import Fact, FactBase

_YEAR = re.compile(r"\b(1[89]|20)\d\d\b")


def growth_chart(factbase: FactBase, fact: Fact) -> ChartSpec | None:
    """The chart of a growth fact: its two counts if the fact base has them; None otherwise (a value card then:
    drawing the growth against an index base would show a level the report does not state)."""
    pair = _counts_of(factbase, fact)
    if pair is None:
        return None
    before, after = pair
    return _before_after(factbase, fact, before, after, viewed=after, chart_of=fact)


def year_earlier_chart(factbase: FactBase, fact: Fact) -> ChartSpec | None:
    """A derived earlier count drawn like its growth chart, itself highlighted; None if it is no such count."""
    growth = next((g for g in map(factbase.fact, fact.derived_from) if g.kind == "growth"), None)
    pair = _counts_of(factbase, growth) if growth is not None else None
    if growth is None or pair is None or pair[0].id != fact.id:
        return None
    return _before_after(factbase, growth, *pair, viewed=fact, chart_of=fact)


def earlier_period(period: str) -> str:
    """The same period a year before: 'H1 2025' -> 'H1 2024'; 'Year earlier' when the period names no year."""
    match = _YEAR.search(period)
    if match is None:
        return translate("Charts", "Year earlier")
    return f"{period[: match.start()]}{int(match.group()) - 1}{period[match.end() :]}"


def _counts_of(factbase: FactBase, growth: Fact) -> tuple[Fact, Fact] | None:
    """(derived earlier count, stated later count) behind a growth fact, when the fact base has both."""
    nearby = factbase.facts_in_section(growth.section_id, 0, 200)  # a derived count stands beside its growth
    before = next((f for f in nearby if f.derived and growth.id in f.derived_from), None)
    if before is None:
        return None
    after_id = next((i for i in before.derived_from if i != growth.id), None)
    return (before, factbase.fact(after_id)) if after_id else None


def _before_after(
    factbase: FactBase, growth: Fact, before: Fact, after: Fact, *, viewed: Fact, chart_of: Fact
) -> ChartSpec:
    """The two counts, before then after, `viewed` highlighted; titled and named for the fact `chart_of`."""
    divisor, word = axis_scale(max(before.value or 0.0, after.value or 0.0))
    change = f" (+{format_number(growth.value or 0.0)}%)"
    bars = tuple(
        fact_bar(
            f,
            f.period,
            (f.value or 0.0) / divisor,
            format_with_qualifier(f) + (change if f is after else ""),
            highlighted=f.id == viewed.id,
        )
        for f in (before, after)
    )
    return ChartSpec(
        chart_id=chart_of.id,
        title=chart_of.label,
        kind="growth",
        bars=bars,
        value_axis=unit_label(after.unit) + (f" ({word})" if word else ""),
        category_axis=translate("Charts", "period"),
        provenance=provenance(factbase, [before, after]),
        notes=derived_notes([before]),
        unit=after.unit,
    )
