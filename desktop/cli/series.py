"""`fact-explorer series ID [--json] [--with PATH ...] [--no-library]`: one metric across reports.

The fact's series (desktop.domain.series.find_series, what the fact page's "in other reports" shows) over the
user's library and the fact bases named with --with, each member with its report, value, unit, period and quote;
the user's confirm/undo decisions (kept in the user database) apply.
"""

from __future__ import annotations

import argparse
import json
import sys
from contextlib import ExitStack
from pathlib import Path
from typing import Any

from desktop.cli.arguments import add_with_option
from desktop.cli.errors import CommandError
from desktop.domain.formatting import format_fact
from desktop.domain.series import Decision, MemberKey, Series, SeriesMember, find_series
from desktop.store import FactBase, FactBaseError


def run_series(factbase: FactBase, args: argparse.Namespace) -> int:
    fact = factbase.fact(args.target)  # UnknownIdError: exit 2 with the nearest ids
    with ExitStack() as stack:
        library: list[FactBase] = []
        for path in args.with_paths:
            try:
                library.append(stack.enter_context(FactBase.open(path)))
            except FactBaseError as exc:
                raise CommandError(f"--with: fact base {exc}", 1) from None
        decisions: dict[MemberKey, Decision] = {}
        if not args.no_library:
            _add_library(stack, factbase, fact.id, library, decisions)
        series = find_series(fact, factbase, library, decisions)
        if args.format == "json":
            json.dump(series_record(series), sys.stdout, ensure_ascii=False, indent=2)
            sys.stdout.write("\n")
        else:
            _print_text(series)
    return 0


def _add_library(
    stack: ExitStack, factbase: FactBase, fact_id: str, library: list[FactBase], decisions: dict[MemberKey, Decision]
) -> None:
    """The user's library joins the fact bases searched, and their decisions on this fact apply."""
    try:
        from desktop.userdata.database import UserDataError
        from desktop.userdata.series_library import series_decisions_map
        from desktop.userdata.user_data import UserData
    except ImportError:  # a build without the user database: --with alone names the other reports
        return
    try:
        user = stack.enter_context(UserData.open())
    except UserDataError as exc:
        print(f"fact-explorer: the library is not read ({exc}); only --with fact bases are searched", file=sys.stderr)
        return
    opened = {fb.path.resolve() for fb in (factbase, *library)}
    for entry in user.library():
        if Path(entry.path).resolve() in opened:
            continue
        try:
            library.append(stack.enter_context(FactBase.open(entry.path)))
        except FactBaseError as exc:
            print(f"fact-explorer: skipped {exc}", file=sys.stderr)
        opened.add(Path(entry.path).resolve())
    paths_by_report = {user.report_id(fb): fb.path for fb in library}
    decisions.update(series_decisions_map(user, user.report_id(factbase), fact_id, paths_by_report))


def member_record(member: SeriesMember) -> dict[str, Any]:
    fact = member.fact
    record: dict[str, Any] = {
        "report": {"title": member.report_title, "path": str(member.report_path)},
        "id": fact.id,
        "label": fact.label,
        "value": fact.value,
        "unit": fact.unit,
        "qualifier": fact.qualifier,
        "period": fact.period,
        "period_end": member.period_end.isoformat() if member.period_end else None,
        "undated": member.undated,
        "kind": fact.kind,
        "quote": fact.quote,
        "score": member.score,
        "origin": member.origin,
    }
    if fact.is_range:
        record.update(value_min=fact.value_min, value_max=fact.value_max)
    if fact.derived:
        record.update(derived=True, formula=fact.formula)
    # 4550000.0 reads as a float artefact in JSON; whole numbers are written as integers (as `facts --json` does).
    return {k: int(v) if isinstance(v, float) and v.is_integer() else v for k, v in record.items()}


def series_record(series: Series) -> dict[str, Any]:
    return {
        "fact": series.fact.id,
        "label": series.fact.label,
        "members": [member_record(m) for m in series.members],
        "rejected": [member_record(m) for m in series.rejected],
    }


def _print_text(series: Series) -> None:
    out = sys.stdout
    out.write(f"{series.fact.label} ({series.fact.id}): {len(series.members)} in the series\n")
    for m in series.members:
        mark = "*" if m.origin == "self" else ("=" if m.origin == "confirmed" else " ")
        undated = "  (undated)" if m.undated else ""
        out.write(f"{mark} {m.fact.period:<20} {format_fact(m.fact):<28} {m.report_title} [{m.fact.id}]{undated}\n")
    if len(series.members) == 1:
        out.write("  no fact in the other reports measures the same thing\n")


def add_parser(sub: argparse._SubParsersAction, parents: list[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "series",
        parents=parents,
        help="a fact's metric across reports",
        description=(
            "List the facts in other reports (the library, and --with fact bases) that measure what fact ID "
            "measures, in time order, with each one's report, value, unit, period and quote."
        ),
    )
    p.add_argument("target", metavar="FACT_ID", help="the fact whose series to list")
    p.add_argument("--json", dest="format", action="store_const", const="json", help="as a JSON object")
    add_with_option(p, "another fact base to search (repeatable)")
    p.add_argument("--no-library", action="store_true", help="search only the --with fact bases, not the library")
    p.set_defaults(run=run_series, format="text")
