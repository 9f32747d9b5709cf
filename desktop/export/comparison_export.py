"""A comparison's chart as PNG, SVG or CSV, or on the clipboard: the window and `fact-explorer compare` share it.

The files go through desktop.export.files like every chart (checked path, temporary file, rename). A comparison
is a MultiChartSpec (one chart per unit); each picture's footers, its metadata and each CSV row name the sources.
The CSV has the chart export's columns, then `report` (the library's id of the member's report); its `source` is
the row's own member's report and period, so a row copied out of the file still says where it came from.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from PySide6.QtCore import QByteArray, QMimeData

from desktop.charts.plot.multiples import multiples_metadata, render_multiples_image, render_multiples_svg
from desktop.charts.spec import chart_table
from desktop.charts.spec.comparison import MultiChartSpec
from desktop.export.chart_export import CLIPBOARD_WIDTH, CSV_FIELDS, check_width, csv_row
from desktop.export.files import check_output_file, output_format, write_file
from desktop.export.png import png_bytes
from desktop.qt_runtime import set_clipboard

COMPARISON_CHART_FORMATS = ("png", "svg", "csv")
COMPARISON_CSV_FIELDS = [*CSV_FIELDS, "report"]


def comparison_bytes(multi: MultiChartSpec, fmt: str, width: int = 1600) -> bytes:
    check_width(width)
    if fmt == "png":
        return png_bytes(render_multiples_image(multi, width))
    if fmt == "svg":
        return render_multiples_svg(multi, width)
    return comparison_csv(multi).encode("utf-8")


def export_comparison_chart(multi: MultiChartSpec, path: Path, width: int = 1600) -> Path:
    """Write the comparison's charts to path as the extension says (.png, .svg, .csv); the path written."""
    path = check_output_file(Path(path))
    fmt = output_format(path, COMPARISON_CHART_FORMATS, "a chart format")
    return write_file(path, comparison_bytes(multi, fmt, width))


def comparison_csv(multi: MultiChartSpec) -> str:
    """One row per fact, chart by chart, values in the fact base's units, each row with its own source."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COMPARISON_CSV_FIELDS, lineterminator="\n")
    writer.writeheader()
    for index, spec in enumerate(multi.charts):
        members = multi.bar_members[index] if index < len(multi.bar_members) else ()
        for row, bar in enumerate(spec.bars):
            report, source = members[row] if row < len(members) else ("", spec.provenance)
            writer.writerow({**csv_row(spec, bar, source), "report": report})
    return out.getvalue()


def comparison_text(multi: MultiChartSpec) -> str:
    """The comparison as plain text: title, then each chart's title and tab-separated rows, then every source."""
    lines = [multi.title]
    for spec in multi.charts:
        lines += ["", spec.title, *(f"{label}\t{value}" for label, value in chart_table(spec)), *spec.notes]
    return "\n".join([*lines, "", *multi.sources]) + "\n"


def copy_comparison_to_clipboard(multi: MultiChartSpec) -> None:
    """The comparison on the clipboard as an image, as SVG and as text, like Copy Chart."""

    mime = QMimeData()
    image = render_multiples_image(multi, CLIPBOARD_WIDTH)
    mime.setImageData(image)
    mime.setData("image/svg+xml", QByteArray(render_multiples_svg(multi, CLIPBOARD_WIDTH)))
    mime.setText(comparison_text(multi))
    set_clipboard(mime)


__all__ = [
    "COMPARISON_CHART_FORMATS",
    "comparison_bytes",
    "comparison_csv",
    "comparison_text",
    "copy_comparison_to_clipboard",
    "export_comparison_chart",
    "multiples_metadata",
]
