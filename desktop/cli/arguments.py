"""Argument types the subcommands share: argparse calls them on the text typed and prints their message."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path


def whole_number(low: int, high: int, *, noun: str = "a whole number", unit: str = "") -> Callable[[str], int]:
    """A whole number from low to high; the message names what was typed and the range allowed."""
    suffix = f" {unit}" if unit else ""

    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{text!r} is not {noun}") from None
        if not low <= value <= high:
            raise argparse.ArgumentTypeError(f"{value}{suffix} is out of range; use {low} to {high}")
        return value

    return parse


NAMED_WITH = "another fact base whose facts are named REPORT:ID (REPORT: the path or its file name) (repeatable)"


def add_with_option(p: argparse.ArgumentParser, help_text: str = NAMED_WITH) -> None:
    """--with PATH, repeatable: more fact bases beside the --db one (compare, brief, series)."""
    p.add_argument("--with", dest="with_paths", type=Path, action="append", default=[], metavar="PATH", help=help_text)
