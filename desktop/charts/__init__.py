"""Charts in two halves: what to draw (desktop.charts.spec: pure specs, no Qt) and how to draw it
(desktop.charts.plot: pyqtgraph, PNG and SVG through one renderer).

Nothing is imported here: neither the specs nor pyqtgraph are needed until a chart is drawn.
"""
