"""Which fact bases `serve` serves: the bundled one, any named on the command line, and the user's library.

The library belongs to desktop.userdata (another part of the app); until it exists, or when it lists nothing,
serve shows the bundled fact base and the named files. A file named twice is served once.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path


def served_paths(bundled: Path, named: Sequence[Path], *, library: bool = True) -> list[Path]:
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
    """The fact bases the user's library lists, if the library exists and lists any. Serving never creates it."""
    try:
        from desktop.userdata import UserData  # type: ignore[attr-defined]
        from desktop.userdata.location import user_database_path
    except ImportError:
        return []
    if not user_database_path().exists():
        return []
    userdata = UserData.open()
    try:
        return _entry_paths(userdata.library())
    finally:
        getattr(userdata, "close", lambda: None)()


def _entry_paths(entries: Iterable[object]) -> list[Path]:
    paths = []
    for entry in entries:
        path = getattr(entry, "path", None)
        # An entry whose file has gone (a removed USB stick) is not served; the window shows it as missing.
        if path is not None and Path(path).is_file():
            paths.append(Path(path))
    return paths
