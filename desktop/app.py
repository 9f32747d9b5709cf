"""Composition root: parses the command line, opens the fact base, and hands it to the job asked for.

With no subcommand it opens the window; each subcommand does a job headless through the same functions the
window calls. Heavy imports (Qt, pyqtgraph) happen inside the job that needs them, so `fact-explorer facts`
never loads Qt and the window appears before pyqtgraph is imported.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from desktop import __version__
from desktop.cli import COMMANDS, CommandError
from desktop.paths import bundled_factbase
from desktop.store import FactBase, FactBaseError, UnknownIdError

PROG = "fact-explorer"


def _db_option() -> argparse.ArgumentParser:
    parent = argparse.ArgumentParser(add_help=False)
    parent.add_argument(
        "--db", type=Path, metavar="PATH", help="read this fact base instead of the bundled one (opened read-only)"
    )
    return parent


def build_parser() -> argparse.ArgumentParser:
    db = _db_option()
    parser = argparse.ArgumentParser(
        prog=PROG,
        description="Explore the facts of a statistical report offline. With no command, open the window.",
        parents=[db],
    )
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    parser.add_argument(
        "--screenshot", type=Path, metavar="FILE", help="open the window, save it as PNG once painted, and exit"
    )
    parser.add_argument(
        "--open", dest="open_id", metavar="ID", help="start on this fact or section (or term:NAME for a glossary term)"
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for add_parser in COMMANDS:
        add_parser(sub, [db])
    return parser


def open_factbase(path: Path | None) -> FactBase:
    return FactBase.open(path if path is not None else bundled_factbase())


def _fail(message: str, code: int) -> int:
    print(f"{PROG}: {message}", file=sys.stderr)
    return code


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command is None:
        return _run_gui(args)
    try:
        with open_factbase(args.db) as factbase:
            return args.run(factbase, args)
    except FactBaseError as exc:
        return _fail(f"fact base {exc}", 1)
    except UnknownIdError as exc:
        return _fail(str(exc), 2)
    except CommandError as exc:
        return _fail(str(exc), exc.exit_code)
    except BrokenPipeError:
        # `fact-explorer facts | head`: the reader went away; that is not an error worth a traceback.
        sys.stderr.close()
        return 0
    except KeyboardInterrupt:
        return _fail("interrupted", 130)


def _needs_a_display() -> bool:
    """On X11/Wayland systems, True when there is no display and no Qt platform chosen: Qt would abort."""
    if sys.platform in ("win32", "darwin") or os.environ.get("QT_QPA_PLATFORM"):
        return False
    return not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def _run_gui(args: argparse.Namespace) -> int:
    if _needs_a_display():
        if args.screenshot is None:
            return _fail("no display to open the window on; use --screenshot FILE, or a command such as `facts`", 1)
        os.environ["QT_QPA_PLATFORM"] = "offscreen"  # a screenshot needs no screen
    if args.screenshot is not None and args.screenshot.suffix.lower() != ".png":
        return _fail(f"{args.screenshot}: a screenshot is saved as PNG; give a file name ending in .png", 2)
    from desktop.ui.launch import run_window  # Qt is imported only when the window is wanted

    return run_window(db_path=args.db, screenshot=args.screenshot, default_db=bundled_factbase(), open_id=args.open_id)
