"""Which fact bases `serve` serves: the bundled one, any named on the command line, and the user's library.

The library is desktop.userdata's; serving reads it only when the user's data file already exists (serving
never creates it), and leaves out entries whose file has gone. A file named twice is served once.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from desktop.userdata import UserData, user_database_path


def served_paths(bundled: Path, named: Sequence[Path], *, library: bool = True) -> list[Path]:
    """The files to serve, in order, each once. UserDataError when the library is asked for and unreadable."""
    candidates = [bundled, *named, *(library_paths() if library else [])]
    seen: set[Path] = set()
    paths: list[Path] = []
    for path in candidates:
        key = path.resolve()
        if key not in seen:
            seen.add(key)
            paths.append(path)
    return paths


def library_paths() -> list[Path]:
    """The fact bases the user's library lists whose files are there (a removed USB stick is not served)."""
    if not user_database_path().exists():
        return []
    with UserData.open() as userdata:
        return [entry.path for entry in userdata.library() if Path(entry.path).is_file()]
