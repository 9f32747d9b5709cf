"""Charts: pure specs of what to draw (spec) and their pyqtgraph rendering (plot, imported lazily: it is slow)."""

from desktop.charts.spec import (
    Bar,
    ChartSpec,
    all_chart_ids,
    chart_for_fact,
    chart_for_id,
    chart_for_section,
    chart_table,
)

__all__ = ["Bar", "ChartSpec", "all_chart_ids", "chart_for_fact", "chart_for_id", "chart_for_section", "chart_table"]
