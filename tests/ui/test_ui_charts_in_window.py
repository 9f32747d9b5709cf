"""Charts arrive after the window is up: a placeholder first, then the plot and its data table."""

from __future__ import annotations

import sys

from PySide6.QtGui import QStandardItemModel

from desktop.charts.spec import chart_for_fact, chart_table
from desktop.ui.chart_panel import fill_chart_table


def test_placeholder_until_pyqtgraph_is_in_then_chart_and_table(qtbot, window, loader, factbase):
    window.open_target("fact:internet-penetration-rate")
    assert window.chart.status.isVisible() and window.chart.status.text() == "Loading chart…"
    assert window.chart.plot_widget is None
    with qtbot.waitSignal(window.chart.chart_shown, timeout=60_000):
        loader.start()
    spec = chart_for_fact(factbase, "internet-penetration-rate")
    assert window.chart.plot_widget is not None and window.chart.plot_widget.isVisible()
    assert not window.chart.status.isVisible()
    rows = [
        (window.chart.table_model.index(r, 0).data(), window.chart.table_model.index(r, 1).data())
        for r in range(window.chart.table_model.rowCount())
    ]
    assert rows == [(label.replace("\n", " "), value) for label, value in chart_table(spec)]
    assert window.chart.table.isVisible()


def test_next_page_draws_its_chart_at_once(qtbot, window, charted, factbase):
    window.open_target("section:data-market")
    window.open_target("fact:apparel-turnaround")
    assert window.chart.is_ready and window.chart.plot_widget is not None
    assert window.chart.spec == chart_for_fact(factbase, "apparel-turnaround")
    window.go_back()
    assert window.chart.spec is not None and window.chart.spec.chart_id == "data-market"


def test_front_page_gives_the_text_the_whole_height(qtbot, window, charted):
    window.open_target("fact:apparel-turnaround")
    assert not window.chart.isHidden()
    window.open_target("report")
    assert window.chart.isHidden() and window.chart.is_ready and window.chart.spec is None
    window.open_target("section:infrastructure")
    assert not window.chart.isHidden() and window.chart.plot_widget is not None


def test_chart_table_model_passes_the_model_tester(factbase, qtmodeltester):
    model = QStandardItemModel()
    fill_chart_table(model, chart_for_fact(factbase, "5g-base-stations"))
    qtmodeltester.check(model, force_py=True)
    assert model.rowCount() == len(chart_table(chart_for_fact(factbase, "5g-base-stations")))


def test_pyqtgraph_is_not_imported_by_building_the_window(window):
    # Other tests may have imported it already; what matters is that the window's modules never do at import.
    import desktop.ui.main_window as main_window

    assert "pyqtgraph" not in main_window.__dict__
    assert all("pyqtgraph" not in name for name in vars(sys.modules["desktop.ui.chart_panel"]))
