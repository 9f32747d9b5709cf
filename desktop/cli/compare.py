"""`fact-explorer compare ID ID… -o FILE [--with PATH …]`: facts side by side, as a chart or a printed sheet.

An ID is a fact of the fact base the command opened (--db, or the bundled one), or `REPORT:ID`: a fact of another
report, REPORT being a fact base given with --with (its path as typed, or its file name without `.sqlite`) or a
report id of the user's library (`fact-explorer library`). FILE's extension says what is written: .png, .svg
or .csv (the comparison's charts, one per unit: what the window's comparison exports) or .pdf (the comparison
printed as a sheet). Unknown ids and reports exit 2, naming what is known; a file that cannot be written exits 1.
"""

from __future__ import annotations

import argparse
from contextlib import ExitStack
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.cli import interrupts
from desktop.cli.arguments import add_with_option
from desktop.cli.errors import CommandError
from desktop.store import FactBase, FactBaseError

if TYPE_CHECKING:
    from desktop.domain.comparison import Comparison

FORMATS = ("png", "svg", "csv", "pdf")


class ReportFinder:
    """The fact bases a command's ids may name: the one opened, --with paths, and (asked only when needed) the
    user's library. Every fact base it opens is closed with the stack it is given."""

    def __init__(self, stack: ExitStack, factbase: FactBase, with_paths: list[Path]) -> None:
        from desktop.userdata.report_files import report_facts

        self._stack = stack
        self._report_id = lambda fb: report_facts(fb).id
        self.main = factbase
        self.main_id = self._report_id(factbase)
        self._named: dict[str, tuple[str, FactBase]] = {}
        for path in with_paths:
            try:
                opened = stack.enter_context(FactBase.open(path))
            except FactBaseError as exc:
                raise CommandError(f"--with: fact base {exc}", 1) from None
            found = (self._report_id(opened), opened)
            for name in (str(path), str(path.resolve()), path.stem, found[0]):
                self._named.setdefault(name, found)
        self._library: dict[str, Path] | None = None

    def report(self, name: str) -> tuple[str, FactBase]:
        """(report id, fact base) for a REPORT prefix; CommandError (exit 2) naming the known ones."""
        if name in self._named:
            return self._named[name]
        if name == self.main_id:
            return self.main_id, self.main
        library = self._read_library()
        if name in library:
            try:
                opened = self._stack.enter_context(FactBase.open(library[name]))
            except FactBaseError as exc:
                raise CommandError(f"report {name}: fact base {exc}", 1) from None
            self._named[name] = (name, opened)
            return self._named[name]
        known = sorted({n for n in self._named if "/" not in n} | set(library))
        raise CommandError(f"no report {name!r}; give its fact base with --with, or one of: {', '.join(known)}", 2)

    def _read_library(self) -> dict[str, Path]:
        if self._library is None:
            self._library = {}
            try:
                from desktop.userdata.database import UserDataError
                from desktop.userdata.user_data import UserData

                with UserData.open() as user:
                    self._library = {entry.id: Path(entry.path) for entry in user.library()}
            except (ImportError, UserDataError):
                pass  # no library to read: only --with fact bases can be named
        return self._library


def comparison_from_ids(finder: ReportFinder, ids: list[str]) -> Comparison:
    """The comparison of the ids, in their order; UnknownIdError (exit 2, nearest ids) for a fact not there."""
    from desktop.domain.comparison import Comparison

    comparison = Comparison()
    for wanted in ids:
        report, sep, fact_id = wanted.rpartition(":")
        report_id, factbase = finder.report(report) if sep else (finder.main_id, finder.main)
        comparison.add(factbase, fact_id, report_id)
    return comparison


def run_compare(factbase: FactBase, args: argparse.Namespace) -> int:
    if len(args.ids) < 2:
        raise CommandError("compare needs two or more fact ids", 2)
    fmt = args.output.suffix.lower().lstrip(".")
    if fmt not in FORMATS:
        raise CommandError(f"{args.output}: give a file ending in {', '.join('.' + f for f in FORMATS)}", 1)
    with ExitStack() as stack:
        finder = ReportFinder(stack, factbase, args.with_paths)
        comparison = comparison_from_ids(finder, args.ids)

        from desktop.qt_runtime import start_qt

        start_qt(headless=True)
        from desktop.export.files import ExportError

        try:
            with interrupts.deferred():
                if fmt == "pdf":
                    from desktop.export.brief import write_comparison_pdf

                    written = write_comparison_pdf(comparison, args.output, page_size=args.paper)
                else:
                    from desktop.charts.spec.comparison import comparison_chart
                    from desktop.export.comparison_export import export_comparison_chart

                    written = export_comparison_chart(comparison_chart(comparison), args.output, args.width)
        except ExportError as exc:
            raise CommandError(str(exc), 1) from None
        print(written)
    return 0


def add_parser(sub: argparse._SubParsersAction, parents: list[argparse.ArgumentParser]) -> None:
    from desktop.cli.chart import image_width

    p = sub.add_parser(
        "compare",
        parents=parents,
        help="compare facts of one or several reports: a chart (PNG, SVG, CSV) or a sheet (PDF)",
        description=(
            "Put facts side by side: one chart per unit (bars, or a line over time when their periods are "
            "different dates), every source in the file. IDs may name their report as REPORT:ID."
        ),
    )
    p.add_argument("ids", nargs="+", metavar="ID", help="a fact id, or REPORT:ID for a fact of another report")
    p.add_argument("-o", "--output", type=Path, required=True, metavar="FILE", help=".png, .svg, .csv or .pdf")
    add_with_option(p)
    p.add_argument("--width", type=image_width, default=1600, metavar="PX", help="image width in pixels (default 1600)")
    p.add_argument("--paper", choices=["A4", "Letter"], default="A4", help="paper size of a PDF (default A4)")
    p.set_defaults(run=run_compare)
