"""Fixtures of the hostile-input suite: each case built in a folder of its own, and a record of that folder."""

from __future__ import annotations

import contextlib
import hashlib
import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
from hostile_cases import Case


def snapshot(folder: Path) -> dict[str, str]:
    """What a folder holds: each entry's name with its bytes' hash, its link target or its kind."""
    found = {}
    for entry in sorted(folder.iterdir()):
        info = entry.lstat()
        if stat.S_ISLNK(info.st_mode):
            found[entry.name] = f"link to {os.readlink(entry)}"
        elif stat.S_ISREG(info.st_mode):
            found[entry.name] = hashlib.sha256(entry.read_bytes()).hexdigest()
        else:
            found[entry.name] = stat.filemode(info.st_mode)
    return found


@pytest.fixture
def built(tmp_path: Path, tiny_factbase_path: Path) -> Iterator[object]:
    """A function that builds a case in a fresh folder and returns (path, folder, holding context)."""

    def build(case: Case) -> tuple[Path, Path, contextlib.AbstractContextManager[None]]:
        folder = tmp_path / "case"
        folder.mkdir()
        path = case.make(tiny_factbase_path, folder)
        holding = case.hold(path) if case.hold is not None else contextlib.nullcontext()
        return path, folder, holding

    yield build
    folder = tmp_path / "case"
    if folder.exists():
        folder.chmod(0o755)  # the read-only-directory case: let pytest clean up
