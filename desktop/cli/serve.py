"""`fact-explorer serve [PATH...] [--host H] [--port N] [--write-metadata FILE]`: Datasette over fact bases.

Serves the bundled fact base, the --db file and any PATH given, and the fact bases of the user's library, each
immutable, with metadata made from it (desktop.serve). --write-metadata writes that metadata as JSON and exits,
for `datasette publish` / `datasette package`. Datasette is an optional extra: without it, one line and exit 1.
Never starts Qt.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from desktop.cli.arguments import whole_number
from desktop.cli.errors import CommandError
from desktop.paths import bundled_factbase
from desktop.store import FactBase


def run_serve(factbase: FactBase, args: argparse.Namespace) -> int:
    from desktop.serve import DatasetteMissing, build_metadata, make_datasette, require_datasette, served_paths
    from desktop.userdata import UserDataError

    named = ([args.db] if args.db is not None else []) + list(args.paths)
    try:
        paths = served_paths(bundled_factbase(), named, library=not args.no_library)
    except UserDataError as exc:
        # The library is a convenience here: a damaged one must not stop the named files being served.
        print(f"fact-explorer: your library is not served: {exc}", file=sys.stderr)
        paths = served_paths(bundled_factbase(), named, library=False)
    metadata = build_metadata(paths)  # a missing or broken file: FactBaseError, one line and exit 1
    if args.write_metadata is not None:
        _write_metadata(args.write_metadata, metadata)
        return 0
    try:
        require_datasette()
    except DatasetteMissing as exc:
        raise CommandError(str(exc), 1) from None
    ds = make_datasette(paths, metadata)
    from desktop.serve import run_server

    names = ", ".join(str(p) for p in paths)
    print(f"serving {names} read-only at http://{args.host}:{args.port}/ (Ctrl+C stops)", file=sys.stderr)
    run_server(ds, args.host, args.port)
    return 0


def _write_metadata(target: Path, metadata: dict[str, object]) -> None:
    from desktop.export.files import ExportError, write_file  # the house's whole-or-nothing file writer

    try:
        write_file(target, (json.dumps(metadata, ensure_ascii=False, indent=2) + "\n").encode())
    except ExportError as exc:
        raise CommandError(str(exc), 1) from None


def add_parser(sub: argparse._SubParsersAction, parents: list[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "serve",
        parents=parents,
        help="serve the fact bases with Datasette, read-only",
        description=(
            "Run Datasette over the bundled fact base, the --db file and any PATH, and the fact bases of your "
            "library: read-only and immutable, with each fact base's title, source and licence, its tables and "
            "columns described, facets on kind, unit and section, and a ranked search query. Needs the serve "
            "extra: pip install 'fact-explorer[serve]'."
        ),
    )
    p.add_argument("paths", nargs="*", type=Path, metavar="PATH", help="more fact bases to serve")
    p.add_argument("--host", default="127.0.0.1", help="the address to listen on (default 127.0.0.1: this machine)")
    p.add_argument(
        "--port",
        type=whole_number(1, 65535, noun="a port number"),
        default=8001,
        metavar="N",
        help="the port to listen on (default 8001)",
    )
    p.add_argument("--no-library", action="store_true", help="serve only the bundled fact base and those named")
    p.add_argument(
        "--write-metadata",
        type=Path,
        metavar="FILE",
        help="write the Datasette metadata (JSON) for these fact bases to FILE and exit, for datasette publish",
    )
    p.set_defaults(run=run_serve)
