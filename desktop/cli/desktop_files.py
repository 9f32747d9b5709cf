"""`fact-explorer install-desktop-files [--prefix DIR] [--no-caches]`: make fact bases open in the app.

Installs the .desktop file, AppStream metainfo, icons and the fact base MIME type (desktop.desktop_files) into
$XDG_DATA_HOME, or PREFIX/share, and refreshes the MIME and desktop caches when their tools are installed.
A subcommand rather than an option of the window, so that it shares the command table and its --help.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from desktop.cli.errors import CommandError
from desktop.desktop_files import MIME_TYPE, DesktopFilesError, install_desktop_files
from desktop.store import FactBase


def run_install(factbase: FactBase, args: argparse.Namespace) -> int:
    data_dir = args.prefix / "share" if args.prefix is not None else None
    try:
        report = install_desktop_files(data_dir, update_caches=not args.no_caches)
    except DesktopFilesError as exc:
        raise CommandError(str(exc), 1) from None
    for path in report.installed:
        print(path)
    print(f"fact base files (*.factbase) are {MIME_TYPE}, opened by: {report.exec_line}", file=sys.stderr)
    if report.caches_updated:
        print(f"caches refreshed: {', '.join(report.caches_updated)}", file=sys.stderr)
    if report.tools_missing:
        print(
            f"not installed, so caches not refreshed: {', '.join(report.tools_missing)} "
            "(the desktop picks the files up at its next start)",
            file=sys.stderr,
        )
    return 0


def add_parser(sub: argparse._SubParsersAction, parents: list[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "install-desktop-files",
        parents=parents,
        help="install the desktop entry, icons and fact base file type for this user",
        description=(
            "Install the .desktop file, AppStream metainfo, icons and the fact base MIME type into $XDG_DATA_HOME "
            "(~/.local/share), so that the app appears in the menu and a double-clicked .factbase file opens in it; "
            "then refresh the MIME and desktop caches if update-mime-database and update-desktop-database exist."
        ),
    )
    p.add_argument(
        "--prefix",
        type=Path,
        metavar="DIR",
        help="install under DIR/share instead (DIR=/usr/local for every user, or a packager's staging directory)",
    )
    p.add_argument("--no-caches", action="store_true", help="copy the files only; do not run the cache tools")
    p.set_defaults(run=run_install)
