"""Mends pyqtgraph 0.14.0's SVGExporter for PySide6 6.11 and newer (pyqtgraph issue #3495).

Qt's SVG generator now closes paths with a bare "Z" (`M0,0 L10,0 L10,5 Z`). pyqtgraph's correctCoordinates
splits path data on spaces and expects every token to be "x,y", so the export dies with "not enough values to
unpack". We rewrite each close command as a line back to its subpath's start point, which draws the same
outline and fill, and then let pyqtgraph's own code apply its transforms.

Qt also writes the rectangles of a BarGraphItem as <rect> in data coordinates under a huge, anisotropic
matrix with a non-scaling stroke; pyqtgraph only moves <path> and <polyline> into world coordinates, and
renderers that ignore `vector-effect` (librsvg, QSvgRenderer) then smear the 1-px stroke hundreds of pixels
wide. We turn each <rect> into the equivalent <path> first, so pyqtgraph transforms it like any other path.

Applied once, idempotent, and a no-op on a pyqtgraph that no longer carries the function.
"""

from __future__ import annotations

import importlib
import re
from typing import Any

import pyqtgraph.exporters  # noqa: F401  # `import pyqtgraph` does not load the exporters

Node = Any  # minidom's stubs make every child Optional and a union: not worth the casts

# The package re-exports the class under the module's name; the function to mend lives in the module.
_svg_module = importlib.import_module("pyqtgraph.exporters.SVGExporter")

_CLOSE = re.compile(r"[Zz]")
_MOVE = re.compile(r"M\s*(-?[\d.eE+-]+)\s*,\s*(-?[\d.eE+-]+)")


def close_paths_explicitly(d: str) -> str:
    """'M0,0 L10,0 L10,5 Z M1,1 L2,2 Z' -> 'M0,0 L10,0 L10,5 L0,0 M1,1 L2,2 L1,1'."""
    if not _CLOSE.search(d):
        return d
    tokens: list[str] = []
    start = None
    for raw in _CLOSE.sub(" Z ", d).split():
        if raw == "Z":
            if start is not None:
                tokens.append(f"L{start[0]},{start[1]}")
            continue
        move = _MOVE.match(raw)
        if move:
            start = (move.group(1), move.group(2))
        tokens.append(raw)
    return " ".join(tokens)


def _rects_as_paths(node: Node) -> None:
    for rect in list(node.getElementsByTagName("rect")):
        x, y = (float(rect.getAttribute(a) or 0) for a in ("x", "y"))
        w, h = (float(rect.getAttribute(a) or 0) for a in ("width", "height"))
        path = rect.ownerDocument.createElement("path")
        for name, value in rect.attributes.items():
            if name not in ("x", "y", "width", "height", "rx", "ry"):
                path.setAttribute(name, value)
        path.setAttribute("d", f"M{x:g},{y:g} L{x + w:g},{y:g} L{x + w:g},{y + h:g} L{x:g},{y + h:g} L{x:g},{y:g}")
        rect.parentNode.replaceChild(path, rect)


def _close_paths(node: Node) -> None:
    for path in node.getElementsByTagName("path"):
        d = path.getAttribute("d")
        if d:
            path.setAttribute("d", close_paths_explicitly(d))


def mend_svg_exporter() -> None:
    original: Any = getattr(_svg_module, "correctCoordinates", None)
    if original is None or getattr(original, "_fact_explorer_mended", False):
        return

    def correct_coordinates(node: Node, defs: Any, item: Any, options: Any) -> Any:
        _rects_as_paths(node)
        _close_paths(node)
        return original(node, defs, item, options)

    correct_coordinates._fact_explorer_mended = True  # type: ignore[attr-defined]
    correct_coordinates.original = original  # type: ignore[attr-defined]  # what pyqtgraph ships, for tests
    _svg_module.correctCoordinates = correct_coordinates  # type: ignore[attr-defined]
