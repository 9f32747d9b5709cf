"""No Qt: the user's own data in one writable SQLite file: the library, bookmarks, notes, series links.

See docs/userdata.md for where the file lives, its schema, the report identity rule and the crash-safety design.
"""

from desktop.userdata.anchors import ANCHOR_KINDS, Anchor, AnchorKind, fact_anchor, passage_anchor, section_anchor
from desktop.userdata.annotations import Annotation
from desktop.userdata.database import UserDataError
from desktop.userdata.exchange import ImportCounts, NotesFileError
from desktop.userdata.library import BundledReportError, FileStatus, LibraryEntry, UnknownReportError
from desktop.userdata.location import user_data_dir, user_database_path
from desktop.userdata.resolve import Resolution
from desktop.userdata.series_links import FactRef, SeriesDecision
from desktop.userdata.user_data import UserData

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
