"""Chart images (PNG/SVG/CSV) and fact sheets (PDF/printer), used by the window and the CLI alike.

Nothing heavy is imported here: `desktop.export.chart_export` pulls in pyqtgraph, so import it where needed.
"""
