"""No Qt: the user's own data in one writable SQLite file: the library, bookmarks, notes, series links.

See docs/userdata.md for where the file lives, its schema, the report identity rule and the crash-safety design.

The names below are imported when first used (PEP 562): the window's start needs only report_files, and
importing every module of the package cost ~20 ms before its first paint.
"""

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from desktop.userdata.anchors import ANCHOR_KINDS, Anchor, AnchorKind, fact_anchor, passage_anchor, section_anchor
    from desktop.userdata.annotations import Annotation
    from desktop.userdata.database import UserDataError
    from desktop.userdata.exchange import ImportCounts, NotesFileError
    from desktop.userdata.library import BundledReportError, FileStatus, LibraryEntry, UnknownReportError
    from desktop.userdata.location import user_data_dir, user_database_path
    from desktop.userdata.resolve import Resolution
    from desktop.userdata.series_links import FactRef, SeriesDecision
    from desktop.userdata.user_data import UserData

_LAZY: dict[str, str] = {
    "ANCHOR_KINDS": "desktop.userdata.anchors",
    "Anchor": "desktop.userdata.anchors",
    "AnchorKind": "desktop.userdata.anchors",
    "fact_anchor": "desktop.userdata.anchors",
    "passage_anchor": "desktop.userdata.anchors",
    "section_anchor": "desktop.userdata.anchors",
    "Annotation": "desktop.userdata.annotations",
    "UserDataError": "desktop.userdata.database",
    "ImportCounts": "desktop.userdata.exchange",
    "NotesFileError": "desktop.userdata.exchange",
    "BundledReportError": "desktop.userdata.library",
    "FileStatus": "desktop.userdata.library",
    "LibraryEntry": "desktop.userdata.library",
    "UnknownReportError": "desktop.userdata.library",
    "user_data_dir": "desktop.userdata.location",
    "user_database_path": "desktop.userdata.location",
    "Resolution": "desktop.userdata.resolve",
    "FactRef": "desktop.userdata.series_links",
    "SeriesDecision": "desktop.userdata.series_links",
    "UserData": "desktop.userdata.user_data",
}

__all__ = [
    "ANCHOR_KINDS",
    "Anchor",
    "AnchorKind",
    "Annotation",
    "BundledReportError",
    "FactRef",
    "FileStatus",
    "ImportCounts",
    "LibraryEntry",
    "NotesFileError",
    "Resolution",
    "SeriesDecision",
    "UnknownReportError",
    "UserData",
    "UserDataError",
    "fact_anchor",
    "passage_anchor",
    "section_anchor",
    "user_data_dir",
    "user_database_path",
]


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
