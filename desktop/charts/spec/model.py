"""The plain data of a chart, without Qt: its bars, its labels and units, and where its figures come from.

desktop.charts.spec decides which bars a fact or section gets; this module holds what every builder, the plot,
the exporters and the window's table share.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from desktop.domain.i18n import QT_TRANSLATE_NOOP, translate
from desktop.store import Fact, FactBase

KINDS = ("bars", "share", "growth", "range", "rank", "card")
DERIVED_KEY = QT_TRANSLATE_NOOP(
    "Charts", "Dashed outline: derived from the report's figures, not stated in the report."
)


@dataclass(frozen=True)
class Bar:
    label: str  # category label, e.g. "Internet users" or "H1 2024"
    value: float  # bar end, in the value axis's (scaled) units
    text: str  # value label drawn on the bar: "1.123 billion", "79.7%", "3–7 days"
    start: float = 0.0  # bar start (a range bar starts at value_min)
    highlighted: bool = False  # the fact being viewed
    derived: bool = False  # implied, not stated by the report: dashed outline, pale fill, explained in notes
    fact_id: str | None = None
    stated: bool = True  # False for a rank position the report does not state: drawn as an empty outline
    raw_value: float | None = None  # the value in base units, as the fact base has it (CSV export)
    raw_min: float | None = None  # a range's ends in base units (CSV export); None for a single value
    raw_max: float | None = None
    qualifier: str = ""  # the report's hedge on this value: "over", "more than", "+", "exact"; "" if not a fact's


def fact_bar(fact: Fact, label: str, value: float, text: str, **drawing: Any) -> Bar:
    """A bar showing a fact: its id, base-unit value (or range), qualifier and derived flag come from the fact."""
    fields: dict[str, Any] = {
        "fact_id": fact.id,
        "derived": fact.derived,
        "raw_value": fact.value,
        "raw_min": fact.value_min,
        "raw_max": fact.value_max,
        "qualifier": fact.qualifier,
    }
    return Bar(label, value, text, **{**fields, **drawing})


@dataclass(frozen=True)
class ChartSpec:
    chart_id: str  # fact id or section id; used for file names
    title: str
    kind: str  # one of KINDS
    bars: tuple[Bar, ...]
    value_axis: str  # axis label with unit, e.g. "people (billion)", "per cent", "days"
    category_axis: str
    provenance: str  # where its figures come from: report, section, date, period (a reader sees "Source: " first)
    notes: tuple[str, ...] = ()  # e.g. "Rest: 100% − 79.7%, implied"; drawn under the plot (legend_text)
    unit: str = ""  # the unit of raw_value, for CSV
    horizontal: bool = False  # bars run left to right (long category labels, shares, ranges, ranks)
    value_range: tuple[float, float] | None = None  # fixed value axis extent (per cent: 0–100), else from data
    subtitle: str = ""  # a value card's line under its figure: the period

    @property
    def has_derived(self) -> bool:
        return any(b.derived for b in self.bars)


def provenance(factbase: FactBase, facts: list[Fact]) -> str:
    """Where a chart's figures come from: the report, its sections they stand in, its date only as the report
    gives it, and the facts' periods. The footer prints it after "Source: "."""
    periods = list(dict.fromkeys(f.period for f in facts))
    sections = [factbase.section(s).title for s in dict.fromkeys(f.section_id for f in facts)]
    return f"{factbase.document.source(*sections)}. Period: {', '.join(periods)}."


def derived_notes(facts: list[Fact]) -> tuple[str, ...]:
    """How each derived fact was worked out; the legend's key has already said what the dashed outline means."""
    return tuple(f"{f.label}: {f.formula}" for f in facts if f.derived)


def legend_text(spec: ChartSpec) -> str:
    """The text under the plot: the derived look's key (once), then each note on a line of its own.

    The notes are drawn with the chart, on screen and in every export, and not repeated in the footer.
    """
    return "\n".join(([translate("Charts", DERIVED_KEY)] if spec.has_derived else []) + list(spec.notes))
