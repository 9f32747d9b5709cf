"""The subcommands of fact-explorer. Each module offers add_parser(sub, parents) and sets args.run.

A command's run(factbase, args) returns the exit code; it raises CommandError for bad input it detects
(one line on stderr, non-zero exit) and never prints a traceback.
"""

from __future__ import annotations

from desktop.cli import chart, listing, sheet
from desktop.cli.errors import CommandError

COMMANDS = [listing.facts_command, listing.glossary_command, chart, sheet]

__all__ = ["COMMANDS", "CommandError"]
