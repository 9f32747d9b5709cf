"""The composition root: the only place that knows every part. It parses the command line, locates the fact base,
starts Qt once (desktop.qt_runtime) when a job needs it, and hands off to the window or to a command.

With no subcommand it opens the window; each subcommand does a job headless through the same functions the
window calls. Heavy imports (Qt, pyqtgraph) happen inside the job that needs them, so `fact-explorer facts`
never loads Qt and the window appears before pyqtgraph is imported.
"""

from __future__ import annotations

import argparse
import os
import signal
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from desktop import __version__
from desktop.cli import COMMANDS, CommandError, add_parsers, interrupts
from desktop.paths import bundled_factbase
from desktop.store import FactBase, FactBaseError, UnknownIdError

if TYPE_CHECKING:
    from desktop.ui.report_shelf import ReportShelf
    from desktop.userdata import UserData

PROG = "fact-explorer"
# Options that only the window reads: given with a subcommand they would be silently ignored, so they are refused.
WINDOW_OPTIONS = {
    "screenshot": "--screenshot",
    "open_id": "--open",
    "theme": "--theme",
    "language": "--language",
    "files": "FILE",
}


def _global_options(for_subcommand: bool) -> argparse.ArgumentParser:
    """Options every command takes, before or after its name. On a subcommand their default is SUPPRESS, so a
    value given before the subcommand (`fact-explorer --db X facts`) is not overwritten by the subcommand's
    default: argparse's parent parsers otherwise lose it silently."""
    parent = argparse.ArgumentParser(add_help=False)
    parent.add_argument(
        "--db",
        type=Path,
        metavar="PATH",
        default=argparse.SUPPRESS if for_subcommand else None,
        help="read this fact base instead of the bundled one (opened read-only, never changed)",
    )
    return parent


def build_parser(commands: Iterable[str] | None = None) -> argparse.ArgumentParser:
    """The command line's parser, with the named commands (every one by default: --help lists them all)."""
    parser = argparse.ArgumentParser(
        prog=PROG,
        description="Explore the facts of statistical reports offline. With no command, open the window.",
        parents=[_global_options(for_subcommand=False)],
    )
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    parser.add_argument(
        "--screenshot", type=Path, metavar="FILE", help="open the window, save it as PNG once painted, and exit"
    )
    parser.add_argument(
        "--open", dest="open_id", metavar="ID", help="start on this fact or section (or term:NAME for a glossary term)"
    )
    parser.add_argument(
        "--theme", choices=["system", "light", "dark"], help="the window's theme (default: as chosen in View ▸ Theme)"
    )
    parser.add_argument(
        "--language",
        choices=["system", "en", "zh_CN"],
        help="the window's language (default: as chosen, or the system's)",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    add_parsers(sub, [_global_options(for_subcommand=True)], commands)
    return parser


def _split_files(argv: list[str]) -> tuple[list[str], list[Path]]:
    """`fact-explorer PATH…` (a file manager's %F) opens fact bases: positional words before any command name
    that are not command names are files. The rest of argv goes to the parser as it is."""
    commands = set(COMMANDS)
    takes_value = {"--db", "--screenshot", "--open", "--theme", "--language"}
    files: list[Path] = []
    rest: list[str] = []
    i = 0
    while i < len(argv):
        word = argv[i]
        if word in takes_value and i + 1 < len(argv):
            rest += argv[i : i + 2]
            i += 2
            continue
        if word in commands or word == "--":
            return rest + argv[i:], files
        if word.startswith("-"):
            rest.append(word)
        else:
            files.append(Path(word))
        i += 1
    return rest, files


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    rest, files = _split_files(list(argv))
    # Only the command asked for is imported; with none (the window), none is, unless --help lists them all.
    command = next((word for word in rest if word in COMMANDS), None)
    wants_help = command is None and any(word in ("-h", "--help") for word in rest)
    parser = build_parser(None if wants_help else [command] if command else [])
    args = parser.parse_args(rest)
    args.files = files
    if args.command is not None:
        given = [flag for dest, flag in WINDOW_OPTIONS.items() if getattr(args, dest, None)]
        if given:
            parser.error(f"{', '.join(given)} is for the window; `{args.command}` does not use it")
    elif files:
        if args.db is not None:
            parser.error("give the fact base either as FILE or with --db, not both")
        args.db = files[0]
    return args


def _fail(message: str, code: int) -> int:
    print(f"{PROG}: {message}", file=sys.stderr)
    return code


def main(argv: Sequence[str] | None = None) -> int:
    with interrupts.handled():
        try:
            args = parse_args(sys.argv[1:] if argv is None else argv)
            if args.command is None:
                return _run_window(args)
            return _run_command(args)
        except interrupts.Interrupted as exc:
            return _fail("interrupted; nothing half-written was left behind", exc.exit_code)


def _run_command(args: argparse.Namespace) -> int:
    if sys.stdout is None:  # started with standard output closed (`>&-`): there is nowhere to write to
        return _fail("cannot write the output: standard output is closed", 1)
    try:
        if not getattr(args, "needs_factbase", True):
            code = args.run(None, args)
        else:
            with FactBase.open(args.db if args.db is not None else bundled_factbase()) as factbase:
                code = args.run(factbase, args)
        sys.stdout.flush()
        return code
    except FactBaseError as exc:
        return _fail(f"fact base {exc}", 1)
    except UnknownIdError as exc:
        return _fail(str(exc), 2)
    except CommandError as exc:
        return _fail(str(exc), exc.exit_code)
    except BrokenPipeError:
        # `fact-explorer facts | head`: the reader went away; that is not an error worth a traceback.
        _silence_stdout()
        return 0
    except OSError as exc:
        # Anything a command writes to a file it checks and reports itself; what is left is standard output
        # (a full disk, a closed descriptor).
        _silence_stdout()
        return _fail(f"cannot write the output: {exc.strerror or exc}", 1)


def _silence_stdout() -> None:
    """Point standard output at /dev/null, so the interpreter's own flush at exit does not fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, AttributeError, ValueError):
        sys.stdout = None  # type: ignore[assignment]


def _run_window(args: argparse.Namespace) -> int:
    from desktop import qt_runtime

    # The window's event loop is Qt's, in C++: a Python handler for SIGINT or SIGTERM would run only when it
    # returns, so Ctrl-C and a session's logout could not stop the window. They do what they do to any program;
    # user data is written in whole transactions and survives.
    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, signal.SIG_DFL)

    if not qt_runtime.has_display() and not os.environ.get("QT_QPA_PLATFORM") and args.screenshot is None:
        return _fail(
            "no display to open the window on; run it on a desktop, or under xvfb-run, "
            "or use --screenshot FILE or a command such as `facts` (see --help)",
            1,
        )
    if args.screenshot is not None and args.screenshot.suffix.lower() != ".png":
        return _fail(f"{args.screenshot}: a screenshot is saved as PNG; give a file name ending in .png", 2)
    try:
        app = qt_runtime.start_qt(headless=args.screenshot is not None)
    except qt_runtime.PlatformError as exc:
        return _fail(str(exc), 1)

    from desktop.ui.startup import WindowRun, show_error

    db_path = args.db if args.db is not None else bundled_factbase()
    try:
        factbase = FactBase.open(db_path)
    except FactBaseError as exc:
        if args.screenshot is not None:
            return _fail(f"fact base {exc}", 1)
        from PySide6.QtCore import QCoreApplication

        show_error(QCoreApplication.translate("Startup", "Fact Explorer cannot open the fact base.\n\n{0}").format(exc))
        return 1
    # A screenshot shows the window as at first launch: no library, no settings, nothing written.
    user_data = None if args.screenshot is not None else _open_user_data()
    shelf = _shelf(factbase, user_data, args.files[1:])
    try:
        options = {"theme": args.theme, "language": args.language}
        run = WindowRun(app, shelf, user_data, screenshot=args.screenshot, open_id=args.open_id, **options)
        return run.exec()
    finally:
        shelf.close()
        if user_data is not None:
            user_data.close()


def _open_user_data() -> UserData | None:
    """The user's library and notes; a damaged or newer user database is said once, and the window opens
    without them rather than not at all (the file itself is left as it is, for the user to deal with)."""
    from desktop.userdata import UserData, UserDataError

    try:
        return UserData.open(bundled=bundled_factbase())
    except UserDataError as exc:
        print(f"{PROG}: your library and notes are not available: {exc}", file=sys.stderr)
        return None


def _shelf(factbase: FactBase, user_data: UserData | None, more: list[Path]) -> ReportShelf:
    """The reports of the window: the one opened first, the other files given (a file manager's %F), then the
    rest of the library. A further file that cannot be opened is said in one line and left out."""
    from desktop.ui.report_shelf import ReportShelf, ShelfEntry

    shelf = ReportShelf()
    first = shelf.add_open(factbase, bundled=Path(factbase.path) == bundled_factbase())
    opened = [factbase]
    for path in more:
        try:
            extra = FactBase.open(path)
        except FactBaseError as exc:
            print(f"{PROG}: fact base {exc}", file=sys.stderr)
            continue
        shelf.add_open(extra)
        opened.append(extra)
    if user_data is None:
        return shelf
    for base in opened if not first.bundled else opened[1:]:
        user_data.add_opened(base)  # what the user opens joins the library and Open Recent
    for entry in user_data.library():
        shelf.add_entry(ShelfEntry(entry.id, entry.title, entry.path, entry.bundled))
    return shelf
