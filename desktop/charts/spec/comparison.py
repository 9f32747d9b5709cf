"""The charts of a comparison, decided without Qt: one ChartSpec per unit group, held by a MultiChartSpec.

A ChartSpec has one value axis, and facts of different units must never share one, so a comparison of several
units is small multiples: a MultiChartSpec with one chart per group (desktop.domain.comparison.unit_groups),
drawn one under another by desktop.charts.plot.multiples. Each chart's provenance names the reports of its own
bars; the MultiChartSpec carries every member's source, for the picture's metadata and the CSV's rows.

A group over time is kind "line": the categories are the periods in time order, each point a fact.
"""

from __future__ import annotations

from dataclasses import dataclass

from desktop.charts.spec.labels import axis_scale
from desktop.charts.spec.model import ChartSpec, derived_notes, fact_bar
from desktop.domain.comparison import Comparison, UnitGroup, unit_groups
from desktop.domain.formatting import format_with_qualifier, unit_label

COMPARISON_ID = "comparison"
_LONG_LABEL = 16  # as the builders: longer category labels turn a bar chart horizontal


@dataclass(frozen=True)
class MultiChartSpec:
    """Several charts shown as one picture: a title over them, every member's source in the footer."""

    chart_id: str
    title: str
    charts: tuple[ChartSpec, ...]
    sources: tuple[str, ...]  # each member's source (report citation and period), once each
    # For each chart, each bar's member: (report id, source), so that every exported row names its own source.
    bar_members: tuple[tuple[tuple[str, str], ...], ...] = ()

    @property
    def provenance(self) -> str:
        return " ".join(self.sources)


def comparison_title(comparison: Comparison) -> str:
    labels = list(dict.fromkeys(m.fact.label for m in comparison))
    if len(labels) == 1:
        return f"Comparison: {labels[0]}"
    reports = len({m.report_title for m in comparison})
    where = f" from {reports} reports" if reports > 1 else ""
    return f"Comparison of {len(comparison)} facts{where}"


def comparison_chart(comparison: Comparison) -> MultiChartSpec:
    """The comparison's charts, one per unit group, in the order the groups' first facts were added.

    ValueError for an empty comparison: there is nothing to draw.
    """
    if not len(comparison):
        raise ValueError("the comparison is empty")
    groups = unit_groups(comparison)
    charts = tuple(group_chart(group, index, single=len(groups) == 1) for index, group in enumerate(groups))
    bar_members = tuple(tuple((m.report_id, m.source) for m in group.members) for group in groups)
    return MultiChartSpec(COMPARISON_ID, comparison_title(comparison), charts, tuple(comparison.sources), bar_members)


def group_chart(group: UnitGroup, index: int = 0, *, single: bool = True) -> ChartSpec:
    """One unit group's chart: bars in the order added, or a line over the periods in time order."""
    facts = group.facts
    scaled = [f.value if f.value is not None else (f.value_max or 0.0) for f in facts]
    divisor, word = axis_scale(max(abs(v) for v in scaled))
    bars = []
    for member, value in zip(group.members, scaled, strict=True):
        fact = member.fact
        label = fact.period if group.shape == "line" else _bar_label(fact.label, fact.period)
        start = (fact.value_min or 0.0) / divisor if fact.value is None else 0.0
        bars.append(fact_bar(fact, label, value / divisor, format_with_qualifier(fact), start=start))
    kind = "growth" if group.axis_key.startswith("growth:") else ""
    axis = "growth on a year earlier (per cent)" if kind else unit_label(group.unit) + (f" ({word})" if word else "")
    labels = list(dict.fromkeys(f.label for f in facts))
    title = labels[0] if len(labels) == 1 else axis[:1].upper() + axis[1:]
    if group.shape == "line":
        title += " over time"
    sources = " ".join(dict.fromkeys(m.source for m in group.members))
    return ChartSpec(
        chart_id=f"{COMPARISON_ID}-{index + 1}" if not single else COMPARISON_ID,
        title=title,
        kind="line" if group.shape == "line" else "bars",
        bars=tuple(bars),
        value_axis=axis,
        category_axis="period" if group.shape == "line" else "",
        provenance=sources,
        notes=derived_notes(facts),
        unit=group.unit,
        horizontal=group.shape == "bars" and (len(bars) > 4 or any(len(b.label) > _LONG_LABEL for b in bars)),
        value_range=(0.0, 100.0) if group.unit == "%" and not kind and max(scaled) <= 100 else None,
    )


def _bar_label(label: str, period: str) -> str:
    # Compared facts are often the same metric at other dates, or from other reports: the period tells them apart.
    return f"{label} ({period})" if period else label
