"""Chart export as PNG, SVG or CSV, and to the clipboard: the one code path for the window and the CLI.

Every file is written whole to a temporary file beside the target and renamed into place; bad input (an
unknown extension, a directory, a missing or unwritable directory) raises ExportError with one line
(desktop.export.files).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QByteArray, QMimeData
from PySide6.QtGui import QImage

from desktop.charts.plot.render import ChartLayout, chart_layout, chart_metadata, paint_chart, render_chart_image
from desktop.charts.plot.svg import render_chart_svg
from desktop.charts.spec import Bar, ChartSpec, chart_table
from desktop.domain.formatting import number_text
from desktop.export.chart_options import MAX_WIDTH, MIN_WIDTH, ChartOptions
from desktop.export.files import (
    ExportError,
    Progress,
    Steps,
    check_output_dir,
    check_output_file,
    output_format,
    run_steps,
    write_file,
)
from desktop.export.png import png_bytes
from desktop.qt_runtime import set_clipboard
from desktop.store import FactBase

CHART_FORMATS = ("png", "svg", "csv")
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
    "ChartOptions",
    "ExportError",
    "chart_csv",
    "chart_png",
    "copy_chart_to_clipboard",
    "export_all_charts",
    "export_chart",
    "render_chart_image",
    "render_chart_svg",
]


def check_width(width: int) -> None:
    if not MIN_WIDTH <= width <= MAX_WIDTH:
        raise ExportError(f"width {width} px is out of range; use {MIN_WIDTH} to {MAX_WIDTH}")


def with_width(options: ChartOptions | None, width: int | None) -> ChartOptions:
    """The options, the width given beside them (the callers' old `width=`) overriding theirs."""
    options = options if options is not None else ChartOptions()
    if width is None:
        return options
    check_width(width)
    return replace(options, width=width)


def chart_bytes(spec: ChartSpec, fmt: str, width: int | None = None, options: ChartOptions | None = None) -> bytes:
    """The chart as the bytes of a PNG, SVG or CSV file, as the options ask (the CSV takes only the title)."""
    options = with_width(options, width)
    spec = options.applied_to(spec)
    if fmt == "csv":
        return chart_csv(spec).encode("utf-8")
    pixel_width, pixel_height = options.pixel_size
    look = {"subtitle": options.subtitle.strip(), "background": options.background}
    if fmt == "svg":
        return render_chart_svg(spec, pixel_width, pixel_height, **look)
    image = render_chart_image(spec, pixel_width, pixel_height, pixel_ratio=options.pixel_ratio, **look)
    if options.dpi is not None:
        dots_per_metre = round(options.dpi / 0.0254)
        image.setDotsPerMeterX(dots_per_metre)
        image.setDotsPerMeterY(dots_per_metre)
    return png_bytes(image)


def _picture_layout(spec: ChartSpec, options: ChartOptions) -> ChartLayout:
    width, height = options.pixel_size
    return chart_layout(
        spec,
        width,
        height,
        pixel_ratio=options.pixel_ratio,
        subtitle=options.subtitle.strip(),
        background=options.background,
    )


def chart_picture_size(spec: ChartSpec, options: ChartOptions) -> tuple[int, int]:
    """The PNG's size in pixels, as the options make it."""
    return _picture_layout(options.applied_to(spec), options).pixel_size


def chart_preview(spec: ChartSpec, options: ChartOptions, width: int) -> QImage:
    """The picture the options make, drawn `width` pixels wide: the same layout, at a smaller scale."""
    spec = options.applied_to(spec)
    layout = _picture_layout(spec, options)
    small = replace(layout, scale=width / layout.width)
    return paint_chart(spec, small, small.pixel_size)


def export_chart(spec: ChartSpec, path: Path, width: int | None = None, options: ChartOptions | None = None) -> Path:
    """Write the chart to path in the format its extension names; returns the path written."""
    path = check_output_file(Path(path))
    fmt = output_format(path, CHART_FORMATS, "a chart format")
    return write_file(path, chart_bytes(spec, fmt, width, options))


def export_all_charts_steps(
    factbase: FactBase,
    directory: Path,
    fmt: str = "png",
    width: int | None = None,
    written: Callable[[Path], None] | None = None,
    options: ChartOptions | None = None,
) -> Steps[list[Path]]:
    """Every chart of the fact base into directory, one file each named by its id, as steps (one file a step).

    The window's worker and the CLI (export_all_charts) both run this. Stopping between two steps leaves every
    file written so far whole, and no partial one.
    """
    from desktop.charts.spec import chart_for_target, chart_targets

    if fmt not in CHART_FORMATS:
        raise ExportError(f"'{fmt}' is not a chart format; use {', '.join(CHART_FORMATS)}")
    options = with_width(options, width)
    directory = check_output_dir(directory)
    targets = chart_targets(factbase)
    paths: list[Path] = []
    for done, target in enumerate(targets):
        yield done, len(targets)
        spec = chart_for_target(factbase, target)
        if spec is not None:
            paths.append(export_chart(spec, directory / f"{target.id}.{fmt}", options=options))
            if written is not None:
                written(paths[-1])
    yield len(targets), len(targets)
    return paths


def export_all_charts(
    factbase: FactBase,
    directory: Path,
    fmt: str = "png",
    width: int | None = None,
    progress: Progress | None = None,
    written: Callable[[Path], None] | None = None,
    options: ChartOptions | None = None,
) -> list[Path] | None:
    """export_all_charts_steps run to the end; None if progress stopped it."""
    return run_steps(export_all_charts_steps(factbase, directory, fmt, width, written, options), progress)


def chart_png(spec: ChartSpec, width: int = 1600) -> bytes:
    return chart_bytes(spec, "png", width)


def chart_csv(spec: ChartSpec) -> str:
    """The plotted data, one row per bar, values in the fact base's units, each row carrying its source."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=CSV_FIELDS, lineterminator="\n")
    writer.writeheader()
    for bar in spec.bars:
        writer.writerow(csv_row(spec, bar, spec.provenance))
    return out.getvalue()


def csv_row(spec: ChartSpec, bar: Bar, source: str) -> dict[str, str]:
    """One bar as a CSV_FIELDS row; source is the chart's provenance, or the bar's own report in a comparison."""
    return {
        "label": bar.label,
        "value": number_text(bar.raw_value),
        "unit": spec.unit,
        "derived": "yes" if bar.derived else "no",
        "fact_id": bar.fact_id or "",
        "value_text": bar.text,
        "chart": spec.title,
        "source": source,
        "value_min": number_text(bar.raw_min),
        "value_max": number_text(bar.raw_max),
        "qualifier": bar.qualifier,
    }


def copy_chart_to_clipboard(spec: ChartSpec) -> None:
    """Put the chart on the clipboard as an image, as SVG, and as text (its table and source)."""
    image = render_chart_image(spec, CLIPBOARD_WIDTH)
    mime = QMimeData()
    mime.setImageData(image)
    mime.setData("image/svg+xml", QByteArray(render_chart_svg(spec, CLIPBOARD_WIDTH)))
    mime.setText(chart_text(spec))
    set_clipboard(mime)


def chart_text(spec: ChartSpec) -> str:
    """The chart as plain text: title, one tab-separated row per bar, notes and source."""
    rows = [f"{label}\t{value}" for label, value in chart_table(spec)]
    meta = chart_metadata(spec)
    return "\n".join([meta["Title"], *rows, *spec.notes, meta["Source"]]) + "\n"
