"""The mend for pyqtgraph's SVG exporter on PySide6 6.11+: closed paths and bar rectangles survive export."""

from __future__ import annotations

from xml.dom import minidom

import pytest

from desktop.charts.plot.svg_mend import _svg_module, close_paths_explicitly, mend_svg_exporter


def test_close_commands_become_lines_back_to_the_subpath_start() -> None:
    assert close_paths_explicitly("M0,0 L10,0 L10,5 Z") == "M0,0 L10,0 L10,5 L0,0"
    assert close_paths_explicitly("M0,0 L1,0Z M5,5 L6,5 Z") == "M0,0 L1,0 L0,0 M5,5 L6,5 L5,5"
    assert close_paths_explicitly("M0,0 L1,1") == "M0,0 L1,1"


def _group(d: str) -> minidom.Element:
    doc = minidom.parseString(
        f'<g><g transform="matrix(2,0,0,3,10,20)"><path d="{d}"/><rect x="1" y="1" width="2" height="2"/></g></g>'
    )
    return doc.documentElement


def test_mended_exporter_moves_closed_paths_and_rects_into_world_coordinates() -> None:
    mend_svg_exporter()
    node = _group("M0,0 L1,0 L1,1 Z")
    _svg_module.correctCoordinates(node, [], None, {})
    paths = [p.getAttribute("d").split() for p in node.getElementsByTagName("path")]
    assert paths[0] == ["M10.0,20.0", "L12.0,20.0", "L12.0,23.0", "L10.0,20.0"]
    assert paths[1][0] == "M12.0,23.0"  # the rect, now a path, scaled and moved like the bars on screen
    assert not node.getElementsByTagName("rect")


def test_mending_twice_wraps_once() -> None:
    mend_svg_exporter()
    first = _svg_module.correctCoordinates
    mend_svg_exporter()
    assert _svg_module.correctCoordinates is first


def test_the_unmended_function_fails_on_closed_paths() -> None:
    mend_svg_exporter()
    original = _svg_module.correctCoordinates.original  # what pyqtgraph ships
    with pytest.raises(ValueError, match="not enough values"):
        original(_group("M0,0 L1,0 L1,1 Z"), [], None, {})
