"""`fact-explorer import REPORT -o NEW.sqlite [--title T] [--publisher P] [--date D] [--as-of D]
[--write-annotations FILE.toml] [--annotations FILE.toml] [--add]`.

Reads a report (plain text, Markdown, HTML, or a PDF with a text layer), proposes a fact for every number of its
body, and writes a fact base of the bundled schema. --write-annotations also writes the proposals as an
annotation file a user can edit and import again with --annotations. Bad input is one line on stderr, exit 1,
and nothing is written.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from desktop.cli.errors import CommandError
from desktop.store import FactBase


def run_import(factbase: FactBase | None, args: argparse.Namespace) -> int:
    del factbase  # None: an import reads a report, not a fact base (needs_factbase=False)
    from desktop.importer.annotation_file import annotations_toml, write_annotations
    from desktop.importer.pipeline import ImportCancelled, ImportFailed, ImportOptions, import_report

    out: Path = args.output
    if out.exists() and out.is_dir():
        raise CommandError(f"{out} is a directory; -o names the fact base file to write", 2)
    written, read = args.write_annotations, args.annotations
    if written is not None and read is not None and written.resolve() == read.resolve():
        raise CommandError("--write-annotations would overwrite the --annotations file it reads", 2)
    options = ImportOptions(
        out=out,
        title=args.title,
        publisher=args.publisher,
        date=args.date,
        as_of=args.as_of,
        annotations=args.annotations,
        source_format=args.format,
    )
    try:
        result = import_report(args.report, options)
        if args.write_annotations is not None:
            text = annotations_toml(result.plan.facts, result.plan.not_metrics, result.plan.report, args.report.name)
            write_annotations(args.write_annotations, text)
    except ImportFailed as exc:
        raise CommandError(str(exc), 1) from None
    except ImportCancelled:
        raise CommandError("import cancelled; nothing was written", 1) from None
    except OSError as exc:
        raise CommandError(f"{args.write_annotations}: cannot be written ({exc.strerror or exc})", 1) from None
    plan = result.plan
    print(result.path)
    what = "curated" if plan.curated else "proposed"
    print(
        f"{len(plan.facts)} facts {what}, {len(plan.not_metrics)} numbers kept out as not metrics, "
        f"{len(plan.report.sections)} sections, {len(plan.report.glossary)} glossary terms ({plan.source_format})",
        file=sys.stderr,
    )
    if args.add:
        _add_to_library(result.path)
    return 0


def _add_to_library(path: Path) -> None:
    from desktop.store import FactBaseError
    from desktop.userdata import UserData, UserDataError

    try:
        with UserData.open() as user_data:
            entry = user_data.add_report(path)
    except (UserDataError, FactBaseError) as exc:
        raise CommandError(f"written, but not added to the library: {exc}", 1) from None
    print(f"added to the library as {entry.id}", file=sys.stderr)


def add_parser(sub: argparse._SubParsersAction, parents: list[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "import",
        parents=parents,
        help="import a report (text, Markdown, HTML, PDF) into a new fact base",
        description=(
            "Read a report, propose a fact for every number of its body, and write a new fact base. "
            "Edit the proposals with --write-annotations and import again with --annotations."
        ),
    )
    p.add_argument("report", type=Path, metavar="REPORT", help="the report file: .txt, .md, .html or .pdf")
    p.add_argument("-o", "--output", type=Path, required=True, metavar="NEW.sqlite", help="the fact base to write")
    p.add_argument("--title", help="the report's title (default: its headline)")
    p.add_argument("--publisher", help="who published the report")
    p.add_argument("--date", help="the report's date (its year completes periods such as 'Q2' and 'last year')")
    p.add_argument("--as-of", dest="as_of", metavar="DATE", help="the date its figures are as of (default: --date)")
    p.add_argument("--format", choices=("text", "markdown", "html", "pdf"), help="read as this format")
    p.add_argument(
        "--write-annotations", type=Path, metavar="FILE.toml", help="also write the facts as an annotation file"
    )
    p.add_argument(
        "--annotations", type=Path, metavar="FILE.toml", help="import with these curated facts instead of proposals"
    )
    p.add_argument("--add", action="store_true", help="add the new fact base to your library")
    p.set_defaults(run=run_import, needs_factbase=False)
