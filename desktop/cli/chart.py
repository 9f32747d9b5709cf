"""`fact-explorer chart ID -o FILE [--width PX] [options]` and `fact-explorer chart --all -o DIR [--format F]`.

The same export_chart the window's File ▸ Export Chart… calls, with the same ChartOptions as its dialog (title,
subtitle, notes, size, scale or dpi, background). ID is a fact id or a section id (its overview chart); the format
comes from FILE's extension. Qt starts offscreen when there is no display, so the command works headless.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from desktop.cli import interrupts
from desktop.cli.arguments import whole_number
from desktop.cli.batch import ProgressBar, require_id_or_all
from desktop.cli.errors import CommandError
from desktop.export.chart_options import BACKGROUNDS, MAX_WIDTH, MIN_WIDTH, SIZE_PRESETS, ChartOptions, parse_size
from desktop.export.files import ExportError
from desktop.store import FactBase

FORMATS = ("png", "svg", "csv")  # the same as desktop.export.chart_export.CHART_FORMATS, without importing Qt

# --width of chart and compare: an image width within what the exporters draw legibly.
image_width = whole_number(MIN_WIDTH, MAX_WIDTH, noun="a whole number of pixels", unit="px")


def chart_options(args: argparse.Namespace) -> ChartOptions:
    """The options the flags ask for; a bad value is a one-line usage error (exit 2)."""
    try:
        scale = _whole(args.scale, "--scale") if args.scale is not None else 1
        dpi = _whole(args.dpi, "--dpi") if args.dpi is not None else None
        return ChartOptions(
            title=args.title,
            subtitle=args.subtitle or "",
            notes=args.notes or "",
            size=parse_size(args.size) if args.size else "default",
            width=args.width,
            scale=scale,
            dpi=dpi,
            background=args.background or "light",
        )
    except ExportError as exc:
        raise CommandError(str(exc), 2) from None


def _whole(text: str, flag: str) -> int:
    if not text.strip().isdigit():
        raise ExportError(f"{flag} {text!r} is not a whole number")
    return int(text)


def run_chart(factbase: FactBase, args: argparse.Namespace) -> int:
    require_id_or_all(args)
    if args.format and not args.all:
        raise CommandError("--format goes with --all; for one chart the file's extension names the format", 2)
    options = chart_options(args)
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

    bar = ProgressBar(sys.stderr, "charts")
    try:
        with interrupts.deferred():
            if spec is not None:
                print(export_chart(spec, args.output, options=options))
            else:
                fmt = args.format or "png"
                export_all_charts(factbase, args.output, fmt, None, bar, written=print, options=options)
    except ExportError as exc:
        raise CommandError(str(exc), 1) from None
    finally:
        bar.finish()
    return 0


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
    p.add_argument(
        "--width",
        type=image_width,
        metavar="PX",
        help="image width in pixels (default 1600; with --size, keeps its ratio)",
    )
    p.add_argument("--format", choices=FORMATS, help="with --all: the format of every file (default png)")
    p.add_argument("--title", metavar="T", help="a title in place of the chart's own")
    p.add_argument("--subtitle", metavar="S", help="a line under the title")
    p.add_argument("--notes", metavar="N", help="notes under the plot, after the chart's own")
    p.add_argument(
        "--size",
        metavar="|".join(name for name in SIZE_PRESETS if name != "default") + "|WxH",
        help="slide 1920x1080 (16:9), 4:3 1600x1200, square 1200x1200, column 600 wide, or WIDTHxHEIGHT pixels",
    )
    p.add_argument("--scale", metavar="1|2|3", help="PNG pixels per picture pixel (default 1)")
    p.add_argument("--dpi", metavar="N", help="instead of --scale: PNG resolution, 96 to 600 (scale dpi / 96)")
    p.add_argument("--background", metavar="|".join(BACKGROUNDS), help="light (default), dark or transparent")
    p.set_defaults(run=run_chart)
