"""Start Datasette over fact bases: every file immutable (never written, no -wal or -shm beside it), with the
metadata made from each, on 127.0.0.1 unless asked otherwise.

Datasette is an optional extra (`pip install 'fact-explorer[serve]'`); without it `require_datasette` raises
DatasetteMissing with the one line to print. Nothing here imports Qt.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop.serve.metadata import build_metadata, database_names

if TYPE_CHECKING:
    from datasette.app import Datasette

INSTALL_HINT = "serving needs Datasette: pip install 'fact-explorer[serve]'"


class DatasetteMissing(Exception):
    def __init__(self) -> None:
        super().__init__(INSTALL_HINT)


def require_datasette() -> None:
    if importlib.util.find_spec("datasette") is None:
        raise DatasetteMissing()


def make_datasette(
    paths: Sequence[Path], metadata: dict[str, Any] | None = None, settings: dict[str, Any] | None = None
) -> Datasette:
    """A Datasette instance over these fact bases, opened immutable, named as build_metadata names them.

    settings are Datasette's own (`sql_time_limit_ms`, `num_sql_threads`, ...); its defaults suit a server."""
    require_datasette()
    from datasette.app import Datasette
    from datasette.database import Database

    resolved = [Path(p).resolve() for p in paths]
    ds = Datasette([], metadata=metadata if metadata is not None else build_metadata(resolved), settings=settings)
    # Datasette adds an in-memory database when it starts with no files; the files are added by name below.
    if "_memory" in ds.databases:
        ds.remove_database("_memory")
    for name, path in zip(database_names(resolved), resolved, strict=True):
        ds.add_database(Database(ds, str(path), is_mutable=False), name=name)
    return ds


def run_server(ds: Datasette, host: str, port: int) -> None:
    """Serve until interrupted. uvicorn comes with Datasette; Datasette runs its start-up on the first request."""
    import uvicorn

    uvicorn.run(ds.app(), host=host, port=port, log_level="info", lifespan="on", workers=1)
