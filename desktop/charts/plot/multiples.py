"""Several charts as one: the window's small-multiples widget, and one PNG or SVG of a MultiChartSpec.

A comparison of facts in different units is one chart per unit (desktop.charts.spec.comparison), stacked under
one title. Each chart is drawn by the ordinary plot code and keeps its own footer, which names the reports of its
own bars, so the picture carries every member's source; the PNG text chunks and the SVG's metadata carry them all
again. A chart of kind "line" (a metric over time) is drawn as the bars would be, then its bars are replaced by a
line through their ends: labels, axes and the label fitting stay the plot code's own.
"""

from __future__ import annotations

from contextlib import AbstractContextManager
from typing import Any
from xml.dom import minidom

import pyqtgraph as pg
import pyqtgraph.exporters
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QImage, QPainter
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from desktop.charts.plot.render import (
    FOOTER_MARGIN,
    ChartLayout,
    chart_layout,
    chart_metadata,
    footer_font,
    laid_out_plot,
)
from desktop.charts.plot.svg import metadata_element, text_element, text_group
from desktop.charts.plot.svg_mend import mend_svg_exporter
from desktop.charts.plot.widget import MIN_HEIGHT, MIN_WIDTH, make_plot_widget
from desktop.charts.plot.wrapping_label import wrap_to_width
from desktop.charts.spec import ChartSpec
from desktop.charts.spec.comparison import MultiChartSpec
from desktop.charts.spec.palette import LIGHT, chart_palette

Node = Any  # minidom's stubs make every child Optional: not worth the casts (as desktop.charts.plot.svg)
TITLE_PIXEL_SIZE = 16  # logical pixels: the comparison's title over its charts
TITLE_MARGIN = 10


def make_chart_widget(
    spec: ChartSpec, parent: QWidget | None = None, *, dark: bool = False, ink: float = 1.0
) -> pg.PlotWidget:
    """make_plot_widget, with a line chart's bars turned into its line (ink: see draw_line)."""
    widget = make_plot_widget(spec, parent, dark=dark)
    if spec.kind == "line":
        draw_line(widget.getPlotItem(), spec, dark=dark, ink=ink)
    return widget


def draw_line(plot_item: pg.PlotItem, spec: ChartSpec, *, dark: bool = False, ink: float = 1.0) -> None:
    """Replace the bars drawn for spec by a line through their ends, a point on each (pale when derived).

    The line's width and the points' size are in device pixels (pyqtgraph's pens are cosmetic): ink is how many
    device pixels a logical pixel is where the chart is painted, so that a printed line is not a hairline.
    """
    colours = chart_palette(dark)
    for item in list(plot_item.items):
        if isinstance(item, pg.BarGraphItem):
            plot_item.removeItem(item)
    xs = list(range(len(spec.bars)))
    ys = [bar.value for bar in spec.bars]
    brushes = [pg.mkBrush(colours.derived_fill if bar.derived else colours.highlight) for bar in spec.bars]
    line = pg.PlotDataItem(
        xs, ys, pen=pg.mkPen(colours.highlight, width=2.5 * ink), symbol="o", symbolSize=10 * ink,
        symbolBrush=brushes, symbolPen=pg.mkPen(colours.foreground, width=ink),
    )  # fmt: skip
    line.setToolTip("; ".join(f"{bar.label}: {bar.text}" for bar in spec.bars))
    plot_item.addItem(line)


def make_multiples_widget(multi: MultiChartSpec, parent: QWidget | None = None, *, dark: bool = False) -> QWidget:
    """The charts one under another under the comparison's title, each with its own sources beneath it."""
    widget = QWidget(parent)
    widget.setAccessibleName(f"Chart: {multi.title}")
    layout = QVBoxLayout(widget)
    title = QLabel(multi.title, widget)
    title.setTextFormat(Qt.TextFormat.PlainText)
    font = title.font()
    font.setBold(True)
    font.setPointSize(font.pointSize() + 2)
    title.setFont(font)
    layout.addWidget(title)
    widget.plots = []  # type: ignore[attr-defined]  # the plot widgets, for tests and the export's context menu
    for spec in multi.charts:
        plot = make_chart_widget(spec, widget, dark=dark)
        plot.setMinimumSize(MIN_WIDTH, MIN_HEIGHT)
        layout.addWidget(plot, 1)
        source = QLabel(spec.provenance, widget)
        source.setTextFormat(Qt.TextFormat.PlainText)
        source.setWordWrap(True)
        layout.addWidget(source)
        widget.plots.append(plot)  # type: ignore[attr-defined]
    return widget


# Pictures ----------------------------------------------------------------------------------------------------
def _laid_out(spec: ChartSpec, layout: ChartLayout, ink: float = 1.0) -> AbstractContextManager[pg.PlotWidget]:
    """render.laid_out_plot, with the line and point widths of this module's charts scaled by ink."""
    return laid_out_plot(spec, layout, make=lambda s: make_chart_widget(s, dark=False, ink=ink))


def paint_chart_into(painter: QPainter, spec: ChartSpec, box: QRectF, scale: float) -> None:
    """Draw the plot (no footer) of a chart of any kind, a line too, into box as vectors: what a printed sheet
    does for its charts (desktop.export.sheet_charts.paint_chart_vector), `scale` device pixels a logical pixel."""
    layout = ChartLayout(round(box.width() / scale), round(box.height() / scale), (), 0.0, 1.0)
    with _laid_out(spec, layout, ink=scale) as widget:
        painter.save()
        painter.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        widget.scene().render(painter, box, QRectF(0, 0, layout.width, layout.plot_height))
        painter.restore()


def _title_font() -> QFont:
    font = QFont()
    font.setPixelSize(TITLE_PIXEL_SIZE)
    font.setBold(True)
    return font


def _title_lines(multi: MultiChartSpec, width: float) -> list[str]:
    return wrap_to_width(multi.title, width - 2 * TITLE_MARGIN, QFontMetricsF(_title_font()))


def _title_height(lines: list[str]) -> float:
    return len(lines) * QFontMetricsF(_title_font()).height() + 2 * TITLE_MARGIN


def multiples_metadata(multi: MultiChartSpec) -> dict[str, str]:
    """Title, Source (every member's) and Description (every chart's bars): PNG text chunks, SVG metadata."""
    description = " ".join(chart_metadata(spec)["Description"] for spec in multi.charts)
    return {"Title": multi.title, "Source": multi.provenance, "Description": description}


def render_multiples_image(multi: MultiChartSpec, width: int = 1600) -> QImage:
    """Every chart, each with its footer, one under another under the title, on white, `width` pixels wide."""
    layouts = [chart_layout(spec, width) for spec in multi.charts]
    scale = layouts[0].scale
    lines = _title_lines(multi, layouts[0].width)
    top = _title_height(lines)
    height = top + sum(layout.height for layout in layouts)
    image = QImage(width, int(round(height * scale)), QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(QColor(LIGHT.background))
    painter = QPainter(image)
    painter.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
    painter.scale(scale, scale)
    painter.setPen(QColor(LIGHT.foreground))
    painter.setFont(_title_font())
    ascent = QFontMetricsF(_title_font()).ascent()
    for n, line in enumerate(lines):
        painter.drawText(QPointF(TITLE_MARGIN, TITLE_MARGIN + ascent + n * QFontMetricsF(_title_font()).height()), line)
    y = top
    for spec, layout in zip(multi.charts, layouts, strict=True):
        with _laid_out(spec, layout, ink=layout.scale) as widget:
            source = QRectF(0, 0, layout.width, layout.plot_height)
            widget.scene().render(painter, QRectF(0, y, layout.width, layout.plot_height), source)
        font = footer_font()
        painter.setFont(font)
        painter.setPen(QColor(LIGHT.muted))
        for baseline, line in layout.baselines(QFontMetricsF(font).ascent()):
            painter.drawText(QPointF(FOOTER_MARGIN, y + baseline), line)
        y += layout.height
    painter.end()
    for key, value in multiples_metadata(multi).items():
        image.setText(key, value)
    return image


def render_multiples_svg(multi: MultiChartSpec, width: int = 1600) -> bytes:
    """The same picture as SVG: each chart's pyqtgraph SVG (mended) placed under the last, with real text for
    the title and the footers, and <title>, <desc> and a Dublin Core <metadata> record carrying every source."""
    mend_svg_exporter()
    layouts = [chart_layout(spec, width) for spec in multi.charts]
    logical_width = layouts[0].width
    lines = _title_lines(multi, logical_width)
    top = _title_height(lines)
    total = top + sum(layout.height for layout in layouts)
    doc = minidom.getDOMImplementation().createDocument("http://www.w3.org/2000/svg", "svg", None)
    svg: Node = doc.documentElement
    for name, value in (
        ("xmlns", "http://www.w3.org/2000/svg"),
        ("xmlns:dc", "http://purl.org/dc/elements/1.1/"),
        ("xmlns:rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#"),
        ("version", "1.2"),
        ("baseProfile", "tiny"),
        ("viewBox", f"0 0 {logical_width:g} {total:g}"),
        ("width", str(width)),
        ("height", str(int(round(total * layouts[0].scale)))),
    ):
        svg.setAttribute(name, value)
    meta = multiples_metadata(multi)
    text_element(doc, svg, "title", meta["Title"])
    text_element(doc, svg, "desc", f"{meta['Description']} Source: {meta['Source']}")
    svg.appendChild(_metadata(doc, multi, meta))
    background = doc.createElement("rect")
    for name, value in (("width", "100%"), ("height", "100%"), ("fill", LIGHT.background)):
        background.setAttribute(name, value)
    svg.appendChild(background)
    title_metrics = QFontMetricsF(_title_font())
    svg.appendChild(
        text_group(doc, "title", LIGHT.foreground, TITLE_PIXEL_SIZE, TITLE_MARGIN,
                   [(TITLE_MARGIN + title_metrics.ascent() + n * title_metrics.height(), line)
                    for n, line in enumerate(lines)], weight="bold")
    )  # fmt: skip
    y = top
    for index, (spec, layout) in enumerate(zip(multi.charts, layouts, strict=True)):
        with _laid_out(spec, layout) as widget:
            exporter = pyqtgraph.exporters.SVGExporter(widget.getPlotItem())
            exporter.params["background"] = QColor(LIGHT.background)
            raw = exporter.export(toBytes=True)
        group = doc.createElement("g")
        group.setAttribute("id", f"chart-{index + 1}")
        group.setAttribute("transform", f"translate(0,{y:g})")
        _adopt_chart(doc, group, minidom.parseString(raw), prefix=f"c{index + 1}-")
        ascent = QFontMetricsF(footer_font()).ascent()
        footer = [(baseline, line) for baseline, line in layout.baselines(ascent)]
        group.appendChild(text_group(doc, f"provenance-{index + 1}", LIGHT.muted, footer_font().pixelSize(),
                                     FOOTER_MARGIN, footer, weight="normal"))  # fmt: skip
        svg.appendChild(group)
        y += layout.height
    return doc.toxml(encoding="UTF-8")


def _adopt_chart(doc: Node, group: Node, chart: Node, prefix: str) -> None:
    """Move one chart's drawing into group: its ids prefixed (every chart has a 'clip1'), its clip shapes unpainted
    (renderers without clipping draw them with an inherited black stroke), its own title and background left out."""
    root: Node = chart.documentElement
    for element in root.getElementsByTagName("*"):
        if element.hasAttribute("id"):
            element.setAttribute("id", prefix + element.getAttribute("id"))
        for name in ("clip-path", "mask", "fill", "stroke", "style"):
            if element.hasAttribute(name):
                element.setAttribute(name, element.getAttribute(name).replace("url(#", f"url(#{prefix}"))
        for name in ("href", "xlink:href"):
            if element.getAttribute(name).startswith("#"):
                element.setAttribute(name, f"#{prefix}{element.getAttribute(name)[1:]}")
    for clip in root.getElementsByTagName("clipPath"):
        for shape in clip.getElementsByTagName("path"):
            shape.setAttribute("fill", "none")
            shape.setAttribute("stroke", "none")
    for child in list(root.childNodes):
        if getattr(child, "tagName", None) in ("title", "desc", "rect", None):
            continue
        group.appendChild(doc.importNode(child, True))


def _metadata(doc: Node, multi: MultiChartSpec, meta: dict[str, str]) -> Node:
    fields = [("dc:title", meta["Title"]), ("dc:description", meta["Description"]), ("dc:identifier", multi.chart_id)]
    fields += [("dc:source", source) for source in multi.sources]  # one element a source: each member's report
    return metadata_element(doc, fields)
