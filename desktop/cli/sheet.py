"""`fact-explorer sheet FACT_ID|SECTION_ID|--all -o FILE.pdf`: print a fact sheet, a section or the report to PDF.

The same write_sheet_pdf the window's File ▸ Export PDF… calls. Qt is started here, offscreen when there is no
display, so the command works on a headless machine.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from desktop.cli import interrupts
from desktop.cli.batch import ProgressBar, require_id_or_all
from desktop.cli.errors import CommandError
from desktop.store import FactBase


def run_sheet(factbase: FactBase, args: argparse.Namespace) -> int:
    from desktop.export.sheet_content import sheet_target

    require_id_or_all(args)
    target = sheet_target(factbase, None if args.all else args.target)  # unknown id: exit 2 with nearest ids

    from desktop.qt_runtime import start_qt

    start_qt(headless=True)  # the chart pictures are drawn with widgets; offscreen without a display
    from desktop.export.files import ExportError
    from desktop.export.sheet_pdf import check_pdf_path, write_sheet_pdf

    bar = ProgressBar(sys.stderr, f"sheet {args.output.name}")
    try:
        check_pdf_path(args.output)  # before the slow part: a bad path fails at once
        with interrupts.deferred():
            path = write_sheet_pdf(
                factbase, target, args.output, page_size=args.paper, landscape=args.landscape, progress=bar
            )
    except ExportError as exc:
        raise CommandError(str(exc), 1) from None
    finally:
        bar.finish()
    if path is None:  # only a progress callback can cancel, and this one never does
        raise CommandError("cancelled; nothing written", 1)
    print(path)
    return 0


def add_parser(sub: argparse._SubParsersAction, parents: list[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "sheet",
        parents=parents,
        help="print a fact sheet, a section or the whole report to PDF",
        description=(
            "Print a fact's one-page sheet, a section's sheet, or (--all) the whole report with a contents page "
            "and the glossary, to a PDF file."
        ),
    )
    p.add_argument("target", nargs="?", metavar="FACT_ID|SECTION_ID", help="the fact or section to print")
    p.add_argument("--all", action="store_true", help="the whole report: contents, every section and fact, glossary")
    p.add_argument("-o", "--output", type=Path, required=True, metavar="FILE.pdf", help="the PDF file to write")
    p.add_argument("--paper", choices=["A4", "Letter"], default="A4", help="paper size (default A4)")
    p.add_argument("--landscape", action="store_true", help="landscape instead of portrait")
    p.set_defaults(run=run_sheet)
