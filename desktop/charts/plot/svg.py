"""A chart as SVG: pyqtgraph's SVG exporter (mended for PySide6 6.11+), the footer, and provenance metadata.

pyqtgraph writes each item through Qt's SVG generator and stitches the pieces with clipping, which keeps the
bars where they are on screen (Qt's generator alone on a whole plot misplaces them). We export the plot at
its logical layout size, then grow the viewBox by the footer, add the footer lines as real <text>, replace
pyqtgraph's generic <title>/<desc>, and add <metadata> carrying the source and a Dublin Core record. A transparent
background is the same picture without its background rect.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any
from xml.dom import minidom

import pyqtgraph.exporters
from PySide6.QtGui import QColor, QFont, QFontMetricsF

from desktop.charts.plot.render import (
    FOOTER_MARGIN,
    ChartLayout,
    chart_layout,
    chart_metadata,
    footer_font,
    laid_out_plot,
)
from desktop.charts.plot.svg_mend import mend_svg_exporter
from desktop.charts.spec import ChartSpec

Node = Any  # minidom's stubs make every child Optional and a union: not worth the casts

_DC = "http://purl.org/dc/elements/1.1/"
_RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"


def render_chart_svg(
    spec: ChartSpec,
    width: int = 1600,
    height: int | None = None,
    *,
    subtitle: str = "",
    background: str = "light",
) -> bytes:
    """The chart as an SVG document `width` × `height` pixels (height None: its own; vector, the viewBox is the
    logical layout), with the subtitle under its title, on a light, dark or no (transparent) background."""
    mend_svg_exporter()
    layout = chart_layout(spec, width, height, subtitle=subtitle, background=background)
    with laid_out_plot(spec, layout) as widget:
        # Width and height stay the exporter's defaults, the item's own size: any other value makes pyqtgraph
        # rescale paths but not text, and the bars drift from their labels.
        exporter = pyqtgraph.exporters.SVGExporter(widget.getPlotItem())
        exporter.params["background"] = QColor(layout.palette.background)
        raw = exporter.export(toBytes=True)
    doc = minidom.parseString(raw)
    _finish(doc, spec, layout, width)
    return doc.toxml(encoding="UTF-8")


def _finish(doc: Node, spec: ChartSpec, layout: ChartLayout, width: int) -> None:
    svg = doc.documentElement
    total = layout.height
    svg.setAttribute("viewBox", f"0 0 {layout.width:g} {total:g}")
    svg.setAttribute("width", str(width))
    svg.setAttribute("height", str(int(round(total * layout.scale))))
    svg.setAttribute("xmlns:dc", _DC)
    svg.setAttribute("xmlns:rdf", _RDF)
    if svg.hasAttribute("viewBox "):  # pyqtgraph writes 'viewBox =' with a stray space
        svg.removeAttribute("viewBox ")
    meta = chart_metadata(spec)
    _replace_text_child(doc, svg, "title", meta["Title"])
    _replace_text_child(doc, svg, "desc", f"{meta['Description']} Source: {meta['Source']}")
    svg.insertBefore(_metadata(doc, spec, meta), _first_element(svg, "desc").nextSibling)
    for clip in doc.getElementsByTagName("clipPath"):
        # Renderers without clipping (QSvgRenderer: SVG Tiny) draw a clip path's shape with the inherited black
        # stroke, framing the view; an unpainted shape clips the same where clipping is supported.
        for shape in clip.getElementsByTagName("path"):
            shape.setAttribute("fill", "none")
            shape.setAttribute("stroke", "none")
    background = next(e for e in svg.childNodes if getattr(e, "tagName", None) == "rect")
    if layout.background == "transparent":
        svg.removeChild(background)
    else:
        background.setAttribute("height", "100%")
    svg.appendChild(_footer(doc, layout))


def _first_element(parent: Node, tag: str) -> Node:
    return next(e for e in parent.childNodes if getattr(e, "tagName", None) == tag)


def _replace_text_child(doc: Node, svg: Node, tag: str, text: str) -> None:
    node = _first_element(svg, tag)
    for child in list(node.childNodes):
        node.removeChild(child)
    node.appendChild(doc.createTextNode(text))


def _metadata(doc: Node, spec: ChartSpec, meta: dict[str, str]) -> Node:
    fields = [("dc:title", meta["Title"]), ("dc:source", meta["Source"]), ("dc:description", meta["Description"])]
    return metadata_element(doc, [*fields, ("dc:identifier", spec.chart_id)])


def _footer(doc: Node, layout: ChartLayout) -> Node:
    font = footer_font()
    lines = layout.baselines(QFontMetricsF(font).ascent())
    return text_group(doc, "provenance", layout.palette.muted, font.pixelSize(), FOOTER_MARGIN, lines)


def metadata_element(doc: Node, fields: list[tuple[str, str]]) -> Node:
    """An SVG <metadata> holding one Dublin Core record: (tag, text) for each of its elements, in order."""
    metadata = doc.createElement("metadata")
    rdf = doc.createElement("rdf:RDF")
    record = doc.createElement("rdf:Description")
    record.setAttribute("rdf:about", "")
    for tag, value in fields:
        text_element(doc, record, tag, value)
    rdf.appendChild(record)
    metadata.appendChild(rdf)
    return metadata


def text_element(doc: Node, parent: Node, tag: str, text: str) -> None:
    """<tag>text</tag> appended to parent; the text is a text node, never parsed as markup."""
    element = doc.createElement(tag)
    element.appendChild(doc.createTextNode(text))
    parent.appendChild(element)


def text_group(
    doc: Node, ident: str, colour: str, size: int, x: float, lines: Iterable[tuple[float, str]], weight: str = ""
) -> Node:
    """Lines of real SVG text (searchable, selectable) at their baselines, in the app's font."""
    group = doc.createElement("g")
    group.setAttribute("id", ident)
    group.setAttribute("fill", colour)
    group.setAttribute("font-family", f"{QFont().family()}, sans-serif")
    group.setAttribute("font-size", f"{size}px")
    if weight:
        group.setAttribute("font-weight", weight)
    for y, line in lines:
        text = doc.createElement("text")
        text.setAttribute("x", f"{x:g}")
        text.setAttribute("y", f"{y:.2f}")
        text.setAttribute("xml:space", "preserve")
        text.appendChild(doc.createTextNode(line))
        group.appendChild(text)
    return group
