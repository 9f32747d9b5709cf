"""`fact-explorer brief -o FILE.pdf [--bookmarks | ID …] [--with PATH …] [--title TEXT]`: chosen facts as one PDF.

A contents page, then each fact on a page of its own with its value, sentence, chart and citation (the same
brief the window's File ▸ Print Brief… writes). The facts are the ids given (REPORT:ID as for `compare`), or with
--bookmarks every starred fact of the user's data, in the order they were starred. A bookmark whose fact is no
longer in its report is left out with one line on stderr; one found again under another id is printed.
"""

from __future__ import annotations

import argparse
import sys
from contextlib import ExitStack
from pathlib import Path

from desktop.cli import interrupts
from desktop.cli.arguments import add_with_option
from desktop.cli.compare import ReportFinder, comparison_from_ids
from desktop.cli.errors import CommandError
from desktop.domain.comparison import Comparison
from desktop.store import FactBase, FactBaseError


def bookmarked(stack: ExitStack, finder: ReportFinder) -> Comparison:
    """Every starred fact of the user's data, as found in its report now."""
    from desktop.userdata.database import UserDataError
    from desktop.userdata.user_data import UserData

    try:
        user = stack.enter_context(UserData.open())
    except UserDataError as exc:
        raise CommandError(f"the bookmarks cannot be read: {exc}", 1) from None
    comparison = Comparison()
    for annotation in sorted(user.annotations(starred=True, kind="fact"), key=lambda a: a.created):
        anchor = annotation.anchor
        try:
            report_id, factbase = _report_of(stack, finder, user, anchor.report_id)
        except (KeyError, FactBaseError) as exc:
            print(f"fact-explorer: left out {anchor.label!r}: its report cannot be opened ({exc})", file=sys.stderr)
            continue
        found = user.resolve(factbase, annotation)
        if found.target_id is None:
            print(f"fact-explorer: left out {anchor.label!r}: {found.message}", file=sys.stderr)
            continue
        comparison.add(factbase, found.target_id, report_id)
    return comparison


def _report_of(stack: ExitStack, finder: ReportFinder, user: object, report_id: str) -> tuple[str, FactBase]:
    if report_id == finder.main_id:
        return report_id, finder.main
    try:
        return finder.report(report_id)
    except CommandError:
        entry = user.entry(report_id)  # type: ignore[attr-defined]  # UserData; KeyError for an unknown id
        return report_id, stack.enter_context(FactBase.open(entry.path))


def run_brief(factbase: FactBase, args: argparse.Namespace) -> int:
    if args.bookmarks == bool(args.ids):
        raise CommandError("give fact ids or --bookmarks (one of them)", 2)
    if args.output.suffix.lower() != ".pdf":
        raise CommandError(f"{args.output}: a brief is written as PDF; give a file name ending in .pdf", 1)
    with ExitStack() as stack:
        finder = ReportFinder(stack, factbase, args.with_paths)
        comparison = bookmarked(stack, finder) if args.bookmarks else comparison_from_ids(finder, args.ids)
        if not len(comparison):
            raise CommandError("there are no bookmarked facts to print", 1)

        from desktop.qt_runtime import start_qt

        start_qt(headless=True)
        from desktop.export.brief import write_brief_pdf
        from desktop.export.files import ExportError

        try:
            with interrupts.deferred():
                written = write_brief_pdf(list(comparison), args.output, title=args.title, page_size=args.paper)
        except ExportError as exc:
            raise CommandError(str(exc), 1) from None
        print(written)
    return 0


def add_parser(sub: argparse._SubParsersAction, parents: list[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "brief",
        parents=parents,
        help="print chosen facts (ids, or the bookmarks) as one PDF brief",
        description=(
            "Print a brief: a contents page, then each fact with its value, sentence, chart and citation. The "
            "facts are the ids given (REPORT:ID for another report) or, with --bookmarks, every starred fact."
        ),
    )
    p.add_argument("ids", nargs="*", metavar="ID", help="a fact id, or REPORT:ID for a fact of another report")
    p.add_argument("--bookmarks", action="store_true", help="every starred fact of the user's bookmarks")
    p.add_argument("-o", "--output", type=Path, required=True, metavar="FILE.pdf", help="the PDF file to write")
    p.add_argument("--title", default="Brief", help="the brief's title (default 'Brief')")
    add_with_option(p)
    p.add_argument("--paper", choices=["A4", "Letter"], default="A4", help="paper size (default A4)")
    p.set_defaults(run=run_brief)
