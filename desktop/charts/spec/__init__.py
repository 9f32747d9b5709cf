"""What to draw, decided without Qt: chart specs (plain data) and the builders that make them from a fact base.

The window, the exports and the sheets all draw from the same ChartSpec; desktop.charts.plot draws it.
"""

from desktop.charts.spec.builders import (
    chart_for_fact,
    chart_for_section,
    chart_for_target,
    chart_table,
    chart_targets,
)
from desktop.charts.spec.model import KINDS, Bar, ChartSpec

__all__ = [
    "KINDS",
    "Bar",
    "ChartSpec",
    "chart_for_fact",
    "chart_for_section",
    "chart_for_target",
    "chart_table",
    "chart_targets",
]
