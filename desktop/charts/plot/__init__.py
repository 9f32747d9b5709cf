"""How to draw a chart spec with pyqtgraph: the window's plot widget, and the PNG and SVG renderings of it.

Importing this package imports pyqtgraph (about a second): the window does it on a worker thread after its first
paint (desktop.ui.plot_loader), headless jobs when they first draw.
"""

from desktop.charts.plot.widget import draw_chart, make_plot_widget

__all__ = ["draw_chart", "make_plot_widget"]
