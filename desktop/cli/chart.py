"""`fact-explorer chart ID -o FILE [--width PX]` and `fact-explorer chart --all -o DIR [--format F]`.

The same export_chart the window's File ▸ Export Chart… calls. ID is a fact id or a section id (its overview
chart); the format comes from FILE's extension. Qt starts offscreen when there is no display, so the command
works headless.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from desktop.cli.batch import ProgressBar, require_id_or_all
from desktop.cli.errors import CommandError
from desktop.store import FactBase

FORMATS = ("png", "svg", "csv")  # the same as desktop.export.chart_export.CHART_FORMATS, without importing Qt


def run_chart(factbase: FactBase, args: argparse.Namespace) -> int:
    # Imported here, not at the top: every start of the window parses the command line through this module.
    from desktop.charts.spec import all_chart_ids, chart_for_id

    require_id_or_all(args)
    if args.format and not args.all:
        raise CommandError("--format goes with --all; for one chart the file's extension names the format", 2)
    specs = (
        [chart_for_id(factbase, cid) for cid in all_chart_ids(factbase)]
        if args.all
        else [chart_for_id(factbase, args.target)]  # unknown id: UnknownIdError, exit 2 with the nearest ids
    )
    if args.all:
        targets = [_output_dir(args.output) / f"{spec.chart_id}.{args.format or 'png'}" for spec in specs]
    else:
        targets = [args.output]

    from desktop.export.qt_app import ensure_qapplication

    ensure_qapplication()
    from desktop.export.chart_export import ChartExportError, export_chart

    bar = ProgressBar(sys.stderr, "charts")
    try:
        for done, (spec, target) in enumerate(zip(specs, targets, strict=True), start=1):
            print(export_chart(spec, target, width=args.width))
            bar(done, len(specs))
    except ChartExportError as exc:
        raise CommandError(str(exc), 1) from None
    finally:
        bar.finish()
    return 0


def _output_dir(path: Path) -> Path:
    if path.exists() and not path.is_dir():
        raise CommandError(f"{path} is a file; --all writes one file per chart into a directory", 1)
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise CommandError(f"cannot create directory {path}: {exc.strerror or exc}", 1) from None
    return path


def _width(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number of pixels") from None
    if not 200 <= value <= 8000:
        raise argparse.ArgumentTypeError(f"{value} px is out of range; use 200 to 8000")
    return value


def add_parser(sub: argparse._SubParsersAction, parents: list[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "chart",
        parents=parents,
        help="export a chart as PNG, SVG or CSV",
        description=(
            "Export the chart of a fact, or the overview chart of a section, as PNG, SVG or CSV (from the file's "
            "extension); or, with --all, every chart into a directory."
        ),
    )
    p.add_argument("target", nargs="?", metavar="FACT_ID|SECTION_ID", help="the fact or section whose chart to export")
    p.add_argument("--all", action="store_true", help="every chart: each fact's, then each section's overview")
    p.add_argument(
        "-o",
        "--output",
        type=Path,
        required=True,
        metavar="FILE|DIR",
        help="the file to write (a directory with --all)",
    )
    p.add_argument("--width", type=_width, default=1600, metavar="PX", help="image width in pixels (default 1600)")
    p.add_argument("--format", choices=FORMATS, help="with --all: the format of every file (default png)")
    p.set_defaults(run=run_chart)
