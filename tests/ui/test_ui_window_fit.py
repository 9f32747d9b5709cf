"""The window at the size a 1024×680 screen gives it at 150% and 200% scale (921×612 logical pixels, nine
tenths of the screen): the chart fits the room the window gives the page from the start."""

from __future__ import annotations

from PySide6.QtCore import QPoint

from desktop.ui.window_layout import PAGE_MIN_WIDTH, share_width

SMALL = (921, 612)


def _visible_width(widget) -> int:
    """How much of widget's width lies inside the page and chart pane (the splitter's right side)."""
    pane = widget.window().detail
    left = widget.mapTo(pane, QPoint(0, 0)).x()
    return max(0, min(widget.width(), pane.width() - left))


def test_chart_fits_its_pane_in_a_small_window_when_it_arrives(qtbot, make_window, charted):
    """The plot has a least width; a page given less shows it cut at the right (a screenshot is taken, and a user
    sees the first frame, before the splitter takes the room back from the tree)."""
    window = make_window()
    window.resize(*SMALL)
    qtbot.waitUntil(lambda: window.width() == SMALL[0])
    share_width(window, SMALL[0])
    qtbot.waitUntil(lambda: window.glossary_dock.width() < 300)
    with qtbot.waitSignal(window.chart.chart_shown):
        window.open_target("section:digital-services")
    plot = window.chart.plot_widget
    assert plot is not None and plot.isVisible()
    assert _visible_width(plot) >= plot.minimumWidth()


def test_the_page_room_is_the_charts_least_width():
    from desktop.charts.plot.widget import MIN_WIDTH

    assert PAGE_MIN_WIDTH >= MIN_WIDTH
