"""What the chart and sheet commands share: one id or --all, and a progress bar that is also the safe point
where Ctrl-C and SIGTERM stop a long job."""

from __future__ import annotations

import argparse
from typing import TextIO

from desktop.cli import interrupts
from desktop.cli.errors import CommandError


def require_id_or_all(args: argparse.Namespace) -> None:
    """Exactly one of a positional id and --all; otherwise exit 2 with the reason."""
    if args.all and args.target:
        raise CommandError("give either an id or --all, not both", 2)
    if not args.all and not args.target:
        raise CommandError("give a fact id, a section id, or --all", 2)


class ProgressBar:
    """A desktop.export.files.Progress: a one-line bar on stderr, drawn only when stderr is a terminal (never in
    a log or a pipe); each step first checks for a pending Ctrl-C or SIGTERM."""

    def __init__(self, stream: TextIO, label: str, width: int = 30) -> None:
        self.stream = stream
        self.label = label
        self.width = width
        self.active = stream.isatty()

    def __call__(self, done: int, total: int) -> bool:
        interrupts.check()
        if self.active and total:
            filled = self.width * done // total
            bar = "#" * filled + "-" * (self.width - filled)
            self.stream.write(f"\r{self.label} [{bar}] {done}/{total}")
            self.stream.flush()
        return True

    def finish(self) -> None:
        if self.active:
            self.stream.write("\n")
            self.stream.flush()
