"""Errors the store raises: each carries one line a user can act on."""

from __future__ import annotations

from pathlib import Path


class FactBaseError(Exception):
    """A fact base cannot be opened or read. str() is one line naming the file and what is wrong."""

    def __init__(self, path: Path | str, problem: str) -> None:
        self.path = Path(path)
        self.problem = problem
        super().__init__(f"{self.path}: {problem}")


class UnknownIdError(KeyError):
    """No fact, section or term has this id; carries the nearest known ids."""

    def __init__(self, what: str, wanted: str, known: list[str]) -> None:
        self.what = what
        self.wanted = wanted
        import difflib  # only when an id is wrong: not on the window's start-up path

        self.nearest = difflib.get_close_matches(wanted, known, n=3, cutoff=0.6)
        super().__init__(wanted)

    def __str__(self) -> str:
        hint = f"; did you mean {', '.join(self.nearest)}?" if self.nearest else ""
        return f"unknown {self.what} {self.wanted!r}{hint}"
