"""Charts: pure specs of what to draw (desktop.charts.spec) and their pyqtgraph rendering (desktop.charts.plot).

Nothing is imported here: the window imports desktop.charts.refcounts before its first paint, and neither the
specs nor pyqtgraph are needed until a chart is drawn.
"""
