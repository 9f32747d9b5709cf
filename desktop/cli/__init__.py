"""The subcommands of fact-explorer: each module's add_parser(sub, parents) adds one and sets args.run.

A command's run(factbase, args) returns the exit code; it raises CommandError for bad input it detects
(one line on stderr, non-zero exit) and never prints a traceback. The modules are named here, not imported:
a command's module is imported only when that command (or the full --help) is asked for, so opening the window
imports none of them (importing them all cost ~95 ms of start-up).
"""

from __future__ import annotations

import argparse
import importlib
from collections.abc import Iterable

from desktop.cli.errors import CommandError

# command name -> (module, the function that adds its parser), in the order --help lists them
COMMANDS: dict[str, tuple[str, str]] = {
    "facts": ("desktop.cli.listing", "add_facts_parser"),
    "glossary": ("desktop.cli.listing", "add_glossary_parser"),
    "chart": ("desktop.cli.chart", "add_parser"),
    "sheet": ("desktop.cli.sheet", "add_parser"),
    "cite": ("desktop.cli.cite", "add_parser"),
    "series": ("desktop.cli.series", "add_parser"),
    "diff": ("desktop.cli.diff", "add_parser"),
    "serve": ("desktop.cli.serve", "add_parser"),
    "install-desktop-files": ("desktop.cli.desktop_files", "add_parser"),
    "library": ("desktop.cli.library", "add_parser"),
    "notes": ("desktop.cli.notes", "add_parser"),
    "import": ("desktop.cli.import_report", "add_parser"),
    "search": ("desktop.cli.search", "add_parser"),
    "compare": ("desktop.cli.compare", "add_parser"),
    "brief": ("desktop.cli.brief", "add_parser"),
}


def add_parsers(
    sub: argparse._SubParsersAction, parents: list[argparse.ArgumentParser], names: Iterable[str] | None = None
) -> None:
    """Add the named commands' parsers (all of them by default) to sub."""
    for name in COMMANDS if names is None else names:
        module, function = COMMANDS[name]
        getattr(importlib.import_module(module), function)(sub, parents)


__all__ = ["COMMANDS", "CommandError", "add_parsers"]
