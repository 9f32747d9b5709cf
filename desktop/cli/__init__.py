"""The subcommands of fact-explorer: each add_parser(sub, parents) adds one and sets args.run.

A command's run(factbase, args) returns the exit code; it raises CommandError for bad input it detects
(one line on stderr, non-zero exit) and never prints a traceback.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable

from desktop.cli import (
    brief,
    chart,
    cite,
    compare,
    desktop_files,
    diff,
    import_report,
    library,
    listing,
    notes,
    series,
    serve,
    sheet,
)
from desktop.cli import search as search_command
from desktop.cli.errors import CommandError

COMMANDS: list[Callable[[argparse._SubParsersAction, list[argparse.ArgumentParser]], None]] = [
    listing.add_facts_parser,
    listing.add_glossary_parser,
    chart.add_parser,
    sheet.add_parser,
    cite.add_parser,
    series.add_parser,
    diff.add_parser,
    serve.add_parser,
    desktop_files.add_parser,
    library.add_parser,
    notes.add_parser,
    import_report.add_parser,
    search_command.add_parser,
    compare.add_parser,
    brief.add_parser,
]

__all__ = ["COMMANDS", "CommandError"]
