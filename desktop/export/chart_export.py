"""Chart export as PNG, SVG or CSV, and to the clipboard: the one code path for the window and the CLI.

Every file is written whole to a temporary file beside the target and renamed into place; bad input (an
unknown extension, a directory, a missing or unwritable directory) raises ChartExportError with one line.
"""

from __future__ import annotations

import atexit
import csv
import io
import os
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMimeData
from PySide6.QtGui import QGuiApplication, QImage

from desktop.charts.render import chart_metadata, render_chart_image
from desktop.charts.spec import ChartSpec, chart_table
from desktop.export.atomic import write_atomically
from desktop.export.svg_chart import render_chart_svg

CHART_FORMATS = ("png", "svg", "csv")
MIN_WIDTH, MAX_WIDTH = 200, 8000
# The first eight are the original columns; the range ends and the qualifier came later, so they go last.
CSV_FIELDS = [
    "label",
    "value",
    "unit",
    "derived",
    "fact_id",
    "value_text",
    "chart",
    "source",
    "value_min",
    "value_max",
    "qualifier",
]
CLIPBOARD_WIDTH = 1200

__all__ = [
    "CHART_FORMATS",
    "ChartExportError",
    "chart_csv",
    "chart_png",
    "copy_chart_to_clipboard",
    "export_chart",
    "render_chart_image",
    "render_chart_svg",
]


class ChartExportError(Exception):
    """A chart cannot be exported as asked; str() is one line naming the file and the problem."""


def chart_format(path: Path) -> str:
    """The format a file name asks for, from its extension."""
    ext = path.suffix.lower().lstrip(".")
    if ext not in CHART_FORMATS:
        if not ext:
            raise ChartExportError(f"{path}: no extension; name the file .png, .svg or .csv")
        raise ChartExportError(f"{path}: '.{ext}' is not a chart format; use .png, .svg or .csv")
    return ext


def check_target(path: Path) -> None:
    """Refuse, with one line, a target that cannot become a chart file."""
    if path.is_dir():
        raise ChartExportError(f"{path} is a directory; give a file name such as {path / 'chart.png'}")
    parent = path.parent
    if not parent.is_dir():
        # Name the real obstacle: an existing file where a directory should be is not a missing directory.
        blocking = next((p for p in parent.parents if p.exists()), None) if not parent.exists() else parent
        if blocking is not None and not blocking.is_dir():
            raise ChartExportError(f"{path}: {blocking} is a file, not a directory")
        raise ChartExportError(f"{path}: directory {parent} does not exist")
    if not os.access(parent, os.W_OK | os.X_OK):
        raise ChartExportError(f"{path}: directory {parent} is not writable")


def check_width(width: int) -> None:
    if not MIN_WIDTH <= width <= MAX_WIDTH:
        raise ChartExportError(f"width {width} px is out of range; use {MIN_WIDTH} to {MAX_WIDTH}")


def export_chart(spec: ChartSpec, path: Path, width: int = 1600) -> Path:
    """Write the chart to path in the format its extension names; returns the path written."""
    path = Path(path)
    check_target(path)
    fmt = chart_format(path)
    check_width(width)
    if fmt == "png":
        data = chart_png(spec, width)
    elif fmt == "svg":
        data = render_chart_svg(spec, width)
    else:
        data = chart_csv(spec).encode("utf-8")
    try:
        return write_atomically(path, data)
    except OSError as exc:
        raise ChartExportError(f"cannot write {path}: {exc.strerror or exc}") from None


def chart_png(spec: ChartSpec, width: int = 1600) -> bytes:
    return _png_bytes(render_chart_image(spec, width))


def _png_bytes(image: QImage) -> bytes:
    array = QByteArray()
    buffer = QBuffer(array)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    saved = image.save(buffer, "PNG")  # type: ignore[call-overload]  # the stubs say bytes; only str works
    if not saved:
        raise ChartExportError("Qt could not encode the chart as PNG")
    buffer.close()
    return bytes(array.data())


def chart_csv(spec: ChartSpec) -> str:
    """The plotted data, one row per bar, values in the fact base's units, each row carrying its source."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=CSV_FIELDS, lineterminator="\n")
    writer.writeheader()
    for bar in spec.bars:
        writer.writerow(
            {
                "label": bar.label,
                "value": _number(bar.raw_value),
                "unit": spec.unit,
                "derived": "yes" if bar.derived else "no",
                "fact_id": bar.fact_id or "",
                "value_text": bar.text,
                "chart": spec.title,
                "source": spec.provenance,
                "value_min": _number(bar.raw_min),
                "value_max": _number(bar.raw_max),
                "qualifier": bar.qualifier,
            }
        )
    return out.getvalue()


def _number(value: float | None) -> str:
    if value is None:
        return ""
    return str(int(value)) if float(value).is_integer() else repr(float(value))


def copy_chart_to_clipboard(spec: ChartSpec) -> None:
    """Put the chart on the clipboard as an image, as SVG, and as text (its table and source)."""
    image = render_chart_image(spec, CLIPBOARD_WIDTH)
    mime = QMimeData()
    mime.setImageData(image)
    mime.setData("image/svg+xml", QByteArray(render_chart_svg(spec, CLIPBOARD_WIDTH)))
    mime.setText(chart_text(spec))
    QGuiApplication.clipboard().setMimeData(mime)
    _clear_offscreen_clipboard_at_exit()


_clearing_registered = False


def _clear_offscreen_clipboard_at_exit() -> None:
    # Offscreen Qt (tests, headless runs) segfaults at interpreter exit while its clipboard holds mime data; a
    # real display's clipboard is the system's, and must keep the chart after we quit, so only offscreen clears.
    global _clearing_registered
    if _clearing_registered or QGuiApplication.platformName() != "offscreen":
        return
    _clearing_registered = True
    atexit.register(_clear_clipboard)


def _clear_clipboard() -> None:
    if QGuiApplication.instance() is not None:
        QGuiApplication.clipboard().clear()


def chart_text(spec: ChartSpec) -> str:
    """The chart as plain text: title, one tab-separated row per bar, notes and source."""
    rows = [f"{label}\t{value}" for label, value in chart_table(spec)]
    meta = chart_metadata(spec)
    return "\n".join([meta["Title"], *rows, *spec.notes, meta["Source"]]) + "\n"
