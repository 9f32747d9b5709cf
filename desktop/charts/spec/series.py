"""One metric across reports as a chart: a bar per report's figure, in time order, the fact viewed highlighted.

Built from a desktop.domain.series.Series (the members already sorted by the day their period ends, undated
ones last), so the chart, its table and the fact page's "In other reports" list agree on order and values.
"""

from __future__ import annotations

from desktop.charts.spec.labels import axis_scale, wrap_label
from desktop.charts.spec.model import ChartSpec, fact_bar
from desktop.domain.formatting import format_with_qualifier, unit_label
from desktop.domain.series import Series, SeriesMember

SHORT_PERIOD = 9  # characters: a period this short labels its bar as the report wrote it
PERIOD_WRAP = 12  # characters a line of an undated period's label
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


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
        title=fact.label,  # what the chart is of; "across reports" is said by where it is shown and its footer
        kind="range" if fact.is_range else "bars",
        bars=bars,
        value_axis=axis,
        category_axis="",  # the periods under the bars say it
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
    """A bar's period in few characters, so several fit side by side in a small chart: the report's words when
    short ("2024", "H1 2025"), else the year when it ends with the year ("end of 2023" -> "2023"), else the month
    it ends ("end of June 2025" -> "Jun 2025"); the list beside the chart and the footer give them in full."""
    period = member.fact.period
    if member.period_end is None:
        return wrap_label(f"{period} (undated)", PERIOD_WRAP)
    if len(period) <= SHORT_PERIOD:
        return period
    end = member.period_end
    return str(end.year) if (end.month, end.day) == (12, 31) else f"{_MONTHS[end.month - 1]} {end.year}"
