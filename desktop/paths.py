"""The one place that locates resources and the bundled fact base, in a checkout and in an installed wheel."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent
# resources/ and db/ are installed as top-level packages beside desktop/ (see pyproject.toml).
_TOP = _PACKAGE.parent


def bundled_factbase() -> Path:
    """The fact base that ships with the app."""
    return _TOP / "db" / "factbase.sqlite"


def resources_dir() -> Path:
    return _TOP / "resources"


def resource(name: str) -> Path:
    """A file under resources/ by name; a wrong name lists the known ones."""
    path = resources_dir() / name
    if not path.exists():
        known = sorted(str(p.relative_to(resources_dir())) for p in resources_dir().rglob("*") if p.is_file())
        raise FileNotFoundError(f"no resource {name!r}; known: {', '.join(known)}")
    return path
