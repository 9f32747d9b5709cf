"""`fact-explorer library [--json]`, `library add PATH`, `library remove ID`: the user's library of reports.

No fact base is opened for it (needs_factbase=False): the library lives in the user database (desktop.userdata);
files are only read (opened read-only), never changed, and removing an entry keeps the file.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from desktop.cli.errors import CommandError
from desktop.store import FactBase, FactBaseError
from desktop.userdata import BundledReportError, LibraryEntry, UnknownReportError, UserData, UserDataError


def open_user_data() -> UserData:
    try:
        return UserData.open()
    except UserDataError as exc:
        raise CommandError(str(exc), 1) from None


def _record(entry: LibraryEntry) -> dict[str, Any]:
    status = UserData.file_status(entry)
    return {
        "id": entry.id,
        "title": entry.title,
        "path": str(entry.path),
        "publisher": entry.publisher,
        "date": entry.date,
        "bundled": entry.bundled,
        "facts": status.facts,
        "added": entry.added,
        "last_opened": entry.last_opened,
        "readable": status.readable,
        "problem": status.problem,
    }


def run_library(factbase: FactBase | None, args: argparse.Namespace) -> int:
    del factbase  # None: the library is the user's, not a fact base's (needs_factbase=False)
    with open_user_data() as user_data:
        if args.action == "add":
            try:
                entry = user_data.add_report(args.path)
            except FactBaseError as exc:
                raise CommandError(f"fact base {exc}", 1) from None
            print(f"{entry.id}\t{entry.title}\t{entry.path}")
        elif args.action == "remove":
            try:
                entry = user_data.remove_report(args.report_id)
            except (UnknownReportError, BundledReportError) as exc:
                raise CommandError(str(exc), 2) from None
            print(f"removed {entry.id} ({entry.title}) from the library; {entry.path} is left as it is")
        else:
            _print_library([_record(e) for e in user_data.library()], as_json=args.json)
    return 0


def _print_library(records: list[dict[str, Any]], as_json: bool) -> None:
    if as_json:
        json.dump(records, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return
    print("\t".join(["id", "title", "facts", "added", "readable", "path"]))
    for r in records:
        facts = "" if r["facts"] is None else str(r["facts"])
        readable = "yes" if r["readable"] else f"no: {r['problem']}"
        title = r["title"] + (" (bundled)" if r["bundled"] else "")
        print("\t".join([r["id"], title, facts, r["added"], readable, r["path"]]))


def add_parser(sub: argparse._SubParsersAction, parents: list[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "library",
        parents=parents,
        help="list, add or remove the reports in your library",
        description=(
            "The reports in your library: the bundled one and every fact base you added or opened. With no action, "
            "list them (id, title, facts, added, whether the file is readable, path)."
        ),
    )
    p.add_argument("--json", action="store_true", help="list the library as JSON")
    actions = p.add_subparsers(dest="action", metavar="ACTION")
    add = actions.add_parser("add", help="add a fact base file (checked, opened read-only, never changed)")
    add.add_argument("path", type=Path, metavar="PATH")
    remove = actions.add_parser("remove", help="take a report out of the library (the file and your notes stay)")
    remove.add_argument("report_id", metavar="ID", help="the id `fact-explorer library` lists")
    p.set_defaults(run=run_library, action=None, needs_factbase=False)
