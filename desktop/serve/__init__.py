"""`fact-explorer serve`: Datasette over fact bases, read-only, with metadata made from each. No Qt here."""

from desktop.serve.app import INSTALL_HINT, DatasetteMissing, make_datasette, require_datasette, run_server
from desktop.serve.metadata import build_metadata, database_names
from desktop.serve.sources import served_paths

__all__ = [
    "INSTALL_HINT",
    "DatasetteMissing",
    "build_metadata",
    "database_names",
    "make_datasette",
    "require_datasette",
    "run_server",
    "served_paths",
]
