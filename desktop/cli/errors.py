"""The one error a subcommand raises for bad input it detects."""

from __future__ import annotations


class CommandError(Exception):
    """Bad input: str() is the one line printed on stderr; exit_code the process's exit status."""

    def __init__(self, message: str, exit_code: int = 1) -> None:
        super().__init__(message)
        self.exit_code = exit_code
