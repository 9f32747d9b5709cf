"""One metric across reports as a chart: a bar per report's figure, in time order, the fact viewed highlighted.

Built from a desktop.domain.series.Series (the members already sorted by the day their period ends, undated
ones last), so the chart, its table and the fact page's "In other reports" list agree on order and values.
"""

from __future__ import annotations

from desktop.charts.spec.labels import axis_scale
from desktop.charts.spec.model import ChartSpec, fact_bar
from desktop.domain.formatting import format_with_qualifier, unit_label
from desktop.domain.series import Series, SeriesMember


def chart_for_series(series: Series) -> ChartSpec | None:
    """The series' members with a value as bars over time; None when fewer than two have one (nothing to compare)."""
    members = [m for m in series.members if _top(m) is not None]
    if len(members) < 2:
        return None
    fact = series.fact
    divisor, word = axis_scale(max(abs(_top(m) or 0.0) for m in members))
    bars = tuple(
        fact_bar(
            m.fact,
            _period_label(m),
            (_top(m) or 0.0) / divisor,
            format_with_qualifier(m.fact),
            start=(m.fact.value_min or 0.0) / divisor if m.fact.is_range else 0.0,
            highlighted=m.origin == "self",
        )
        for m in members
    )
    axis = unit_label(fact.unit) + (f" ({word})" if word else "")
    if fact.kind == "growth":
        axis = "growth on a year earlier (per cent)"
    # Which report each bar comes from is in the footer and in the list beside the chart; the notes say only
    # how a derived figure was worked out, so the chart keeps its height for the bars.
    notes = tuple(f"{m.fact.label} ({m.report_title}): {m.fact.formula}" for m in members if m.fact.derived)
    return ChartSpec(
        chart_id=f"{fact.id}-series",
        title=f"{fact.label} across reports",
        kind="range" if fact.is_range else "bars",
        bars=bars,
        value_axis=axis,
        category_axis="period",
        provenance="; ".join(f"{m.fact.period}: {m.report_title}" for m in members) + ".",
        notes=notes,
        unit=fact.unit,
        horizontal=False,
        value_range=(0.0, 100.0) if fact.kind == "share" else None,
    )


def _top(member: SeriesMember) -> float | None:
    """Where the member's bar ends: its value, or a range's upper end."""
    fact = member.fact
    return fact.value_max if fact.is_range else fact.value


def _period_label(member: SeriesMember) -> str:
    return f"{member.fact.period} (undated)" if member.undated else member.fact.period
