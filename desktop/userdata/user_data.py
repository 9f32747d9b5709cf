"""UserData: the one object the window and the commands hold for the user's own data.

A thin front over the modules that do the work (library, annotations, resolve, series_links, exchange), so
callers import one name and the modules stay one job each. Every method that changes something is one
transaction; every method is safe to call from the window's worker thread.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from desktop.paths import bundled_factbase
from desktop.store import FactBase
from desktop.userdata import annotations as notes
from desktop.userdata import exchange, library, series_links
from desktop.userdata.anchors import Anchor, AnchorKind
from desktop.userdata.annotations import Annotation
from desktop.userdata.database import UserDatabase
from desktop.userdata.exchange import ImportCounts
from desktop.userdata.library import FileStatus, LibraryEntry
from desktop.userdata.location import user_database_path
from desktop.userdata.report_files import report_facts
from desktop.userdata.resolve import Resolution, resolve
from desktop.userdata.series_links import FactRef, SeriesDecision


class UserData:
    def __init__(self, database: UserDatabase) -> None:
        self.database = database

    @classmethod
    def open(cls, path: Path | str | None = None, *, bundled: Path | None = None) -> UserData:
        """The user database at path (default: the user's data folder), created on first use; UserDataError
        when it is damaged, from a newer version or busy. The bundled report is put in the library."""
        database = UserDatabase.open(Path(path) if path is not None else user_database_path())
        try:
            library.ensure_bundled(database, bundled if bundled is not None else bundled_factbase())
        except BaseException:
            database.close()
            raise
        return cls(database)

    @property
    def path(self) -> Path:
        return self.database.path

    def close(self) -> None:
        self.database.close()

    def __enter__(self) -> UserData:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # The library ---------------------------------------------------------------------------------
    def library(self) -> list[LibraryEntry]:
        return library.library(self.database)

    def entry(self, report_id: str) -> LibraryEntry:
        return library.entry(self.database, report_id)

    def add_report(self, path: Path | str) -> LibraryEntry:
        return library.add_report(self.database, path)

    def add_opened(self, factbase: FactBase) -> LibraryEntry:
        return library.add_opened(self.database, factbase)

    def remove_report(self, report_id: str) -> LibraryEntry:
        return library.remove_report(self.database, report_id)

    def recent(self) -> list[Path]:
        return library.recent(self.database)

    def touch(self, path: Path | str) -> None:
        library.touch(self.database, path)

    @staticmethod
    def file_status(entry: LibraryEntry) -> FileStatus:
        return library.file_status(entry.path)

    @staticmethod
    def report_id(factbase: FactBase) -> str:
        return report_facts(factbase).id

    # Bookmarks and notes -------------------------------------------------------------------------
    def annotate(
        self, anchor: Anchor, *, starred: bool | None = None, note: str | None = None, tags: Iterable[str] | None = None
    ) -> Annotation | None:
        return notes.annotate(self.database, anchor, starred=starred, note=note, tags=tags)

    def annotation_for(self, report_id: str, kind: AnchorKind, target_id: str) -> Annotation | None:
        return notes.annotation_for(self.database, report_id, kind, target_id)

    def annotations(
        self,
        *,
        text: str | None = None,
        tag: str | None = None,
        report_id: str | None = None,
        kind: AnchorKind | None = None,
        starred: bool | None = None,
    ) -> list[Annotation]:
        return notes.find_annotations(
            self.database, text=text, tag=tag, report_id=report_id, kind=kind, starred=starred
        )

    def tags(self) -> list[tuple[str, int]]:
        return notes.tag_counts(self.database)

    def delete_annotation(self, annotation_id: int) -> None:
        notes.delete_annotation(self.database, annotation_id)

    def retarget(self, annotation_id: int, target_id: str) -> Annotation:
        return notes.retarget(self.database, annotation_id, target_id)

    @staticmethod
    def resolve(factbase: FactBase, annotation: Annotation) -> Resolution:
        return resolve(factbase, annotation.anchor)

    def export_markdown(self) -> str:
        return exchange.to_markdown(self.database)

    def export_json(self) -> str:
        return exchange.to_json(self.database)

    def import_json(self, text: str) -> ImportCounts:
        return exchange.import_json(self.database, text)

    # Series links --------------------------------------------------------------------------------
    def link_facts(self, a: FactRef, b: FactRef) -> None:
        """The user says a and b measure the same metric."""
        series_links.decide(self.database, a, b, "confirmed")

    def unlink_facts(self, a: FactRef, b: FactRef) -> None:
        """The user says a and b are not the same metric: kept, so the pair is not proposed again."""
        series_links.decide(self.database, a, b, "rejected")

    def forget_link(self, a: FactRef, b: FactRef) -> None:
        """Undo either decision: the matching rule's proposal stands again."""
        series_links.forget(self.database, a, b)

    def series_decisions(self, report_id: str, fact_id: str) -> list[SeriesDecision]:
        return series_links.decisions(self.database, FactRef(report_id, fact_id))
