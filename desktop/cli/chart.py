"""`fact-explorer chart ID -o FILE [--width PX]` and `fact-explorer chart --all -o DIR [--format F]`.

The same export_chart the window's File ▸ Export Chart… calls. ID is a fact id or a section id (its overview
chart); the format comes from FILE's extension. Qt starts offscreen when there is no display, so the command
works headless.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from desktop.cli import interrupts
from desktop.cli.batch import ProgressBar, require_id_or_all
from desktop.cli.errors import CommandError
from desktop.store import FactBase

FORMATS = ("png", "svg", "csv")  # the same as desktop.export.chart_export.CHART_FORMATS, without importing Qt


def run_chart(factbase: FactBase, args: argparse.Namespace) -> int:
    require_id_or_all(args)
    if args.format and not args.all:
        raise CommandError("--format goes with --all; for one chart the file's extension names the format", 2)
    # Imported here, not at the top: every start of the window parses the command line through this module.
    from desktop.charts.spec import chart_for_target
    from desktop.domain.target import resolve

    target = None if args.all else resolve(factbase, args.target)  # unknown id: exit 2 with the nearest ids
    spec = None if target is None else chart_for_target(factbase, target)
    if target is not None and spec is None:
        raise CommandError(f"{target.key} has no chart", 2)

    from desktop.qt_runtime import start_qt

    start_qt(headless=True)
    from desktop.export.chart_export import export_all_charts, export_chart
    from desktop.export.files import ExportError

    bar = ProgressBar(sys.stderr, "charts")
    try:
        with interrupts.deferred():
            if spec is not None:
                print(export_chart(spec, args.output, width=args.width))
            else:
                export_all_charts(factbase, args.output, args.format or "png", args.width, bar, written=print)
    except ExportError as exc:
        raise CommandError(str(exc), 1) from None
    finally:
        bar.finish()
    return 0


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
