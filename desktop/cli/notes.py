"""`fact-explorer notes export -o FILE.md|FILE.json` and `fact-explorer notes import FILE.json`.

Bookmarks and notes live in the user database (desktop.userdata), not in a fact base, so no fact base is opened
for these commands (needs_factbase=False). Export is written whole or not at all; import is one transaction and
idempotent.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from desktop.cli.errors import CommandError
from desktop.cli.library import open_user_data
from desktop.store import FactBase
from desktop.userdata import NotesFileError

EXPORT_FORMATS = ("md", "json")


def run_notes(factbase: FactBase | None, args: argparse.Namespace) -> int:
    del factbase  # None: notes are the user's, not a fact base's (needs_factbase=False)
    if args.action == "export":
        return _export(args.output)
    if args.action == "import":
        return _import(args.file)
    raise CommandError("say what to do: `notes export -o FILE.md|FILE.json` or `notes import FILE.json`", 2)


def _export(output: Path) -> int:
    # The one file writer every export uses: checks the target, then writes it whole or not at all.
    from desktop.export.files import ExportError, check_output_file, output_format, write_file

    try:
        kind = output_format(output, EXPORT_FORMATS, "a notes format")
        check_output_file(output)
    except ExportError as exc:
        raise CommandError(str(exc), 1) from None
    with open_user_data() as user_data:
        text = user_data.export_markdown() if kind == "md" else user_data.export_json()
        count = len(user_data.annotations())
    try:
        write_file(output, text.encode("utf-8"))
    except ExportError as exc:
        raise CommandError(str(exc), 1) from None
    print(f"{output}: {count} notes and bookmarks")
    return 0


def _import(path: Path) -> int:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else exc
        raise CommandError(f"cannot read {path}: {reason}", 1) from None
    with open_user_data() as user_data:
        try:
            counts = user_data.import_json(text)
        except NotesFileError as exc:
            raise CommandError(f"{path} {exc}", 1) from None
    print(f"{path}: {counts.added} added, {counts.updated} updated, {counts.unchanged} already here")
    return 0


def add_parser(sub: argparse._SubParsersAction, parents: list[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "notes",
        parents=parents,
        help="export your bookmarks and notes, or import them back",
        description="Your bookmarks and notes: export them as Markdown (with citations) or JSON; import the JSON.",
    )
    actions = p.add_subparsers(dest="action", metavar="ACTION")
    export = actions.add_parser("export", help="write every bookmark and note to FILE.md or FILE.json")
    export.add_argument("-o", "--output", type=Path, required=True, metavar="FILE.md|FILE.json")
    imported = actions.add_parser("import", help="import a JSON file written by `notes export` (twice is harmless)")
    imported.add_argument("file", type=Path, metavar="FILE.json")
    p.set_defaults(run=run_notes, action=None, needs_factbase=False)
