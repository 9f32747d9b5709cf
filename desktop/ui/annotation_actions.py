"""Bookmarks and notes in the window: Edit ▸ Bookmark (Ctrl+D), Bookmark Selected Passage, Note…; View ▸
Bookmarks (the panel); File ▸ Export Notes… and Import Notes…. Attached after the first paint with Copy Citation
and the fact page's "In other reports" (attach_annotation_actions).

Everything is kept in the user database (desktop.userdata); each save is one small transaction made directly,
which waits for another writer no longer than the database's busy timeout and then fails with one line, shown
in a dialog. Without a user database the actions stay disabled and say why. The dialogs are module-level
functions (ask_save_path, ask_open_path, show_error, confirm_delete) so tests replace them.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QKeySequence, QTextDocument
from PySide6.QtWidgets import QDockWidget, QFileDialog, QLabel, QMessageBox, QWidget

from desktop.domain.target import Target
from desktop.export.files import ExportError, write_file
from desktop.store import FactBase, FactBaseError, UnknownIdError
from desktop.ui import note_editor
from desktop.ui.bookmarks_panel import BookmarksPanel
from desktop.ui.citation_actions import CitationActions, attach_citation_actions
from desktop.ui.menus import find_menu, new_action
from desktop.userdata import (
    Anchor,
    Annotation,
    NotesFileError,
    UserData,
    UserDataError,
    fact_anchor,
    passage_anchor,
    section_anchor,
)

if TYPE_CHECKING:
    from desktop.ui.main_window import MainWindow
    from desktop.ui.series_panel import SeriesPanel

NO_USER_DATA = "Bookmarks and notes are unavailable: the user database could not be opened (see the start-up message)"
NOTES_FILTERS = {".md": "Markdown with citations (*.md)", ".json": "JSON, to import again (*.json)"}
IMPORT_FILTER = "Fact Explorer notes (*.json)"
MAX_IMPORT_BYTES = 64 * 1024 * 1024  # a notes file is text the user wrote; anything larger is not one


# The dialogs: replaced in tests ------------------------------------------------------------------------------
def ask_save_path(parent: QWidget, caption: str, suggested: str, filters: list[str]) -> tuple[str, str]:
    return QFileDialog.getSaveFileName(parent, caption, suggested, ";;".join(filters))


def ask_open_path(parent: QWidget, caption: str, filters: list[str]) -> str:
    return QFileDialog.getOpenFileName(parent, caption, "", ";;".join(filters))[0]


def show_error(parent: QWidget, title: str, message: str) -> None:
    QMessageBox.warning(parent, title, message)


def confirm_delete(parent: QWidget, what: str) -> bool:
    answer = QMessageBox.question(
        parent,
        QCoreApplication.translate("AnnotationActions", "Delete Bookmark"),
        QCoreApplication.translate("AnnotationActions", "Delete the bookmark, note and tags of {0}?").format(what),
    )
    return answer == QMessageBox.StandardButton.Yes


def attach_annotation_actions(window: MainWindow) -> AnnotationActions:
    """Bookmarks, notes, Copy Citation and "In other reports", wired into the window's menus."""
    from desktop.ui.series_panel import attach_series_panel

    citations = attach_citation_actions(window)
    actions = AnnotationActions(window, citations)
    actions.series = attach_series_panel(window)
    window.page_changed.connect(lambda _target: actions.update_state())
    actions.update_state()
    return actions


class AnnotationActions(QObject):
    def __init__(self, window: MainWindow, citations: CitationActions) -> None:
        super().__init__(window)
        self.window = window
        self.citations = citations
        self.series: SeriesPanel | None = None
        self.user_data: UserData | None = window.user_data
        self.bookmark = new_action(
            self.window,
            QCoreApplication.translate("AnnotationActions", "&Bookmark"),
            QCoreApplication.translate("AnnotationActions", "Star the fact or section viewed"),
            self._on_bookmark,
            "Ctrl+D",
            tooltip=True,
        )
        self.bookmark.setCheckable(True)
        self.bookmark_passage = new_action(
            self.window,
            QCoreApplication.translate("AnnotationActions", "Bookmark Selected &Passage"),
            QCoreApplication.translate("AnnotationActions", "Star the passage selected in the page"),
            self._on_passage,
            "Ctrl+Shift+D",
            tooltip=True,
        )
        self.note = new_action(
            self.window,
            QCoreApplication.translate("AnnotationActions", "&Note…"),
            QCoreApplication.translate("AnnotationActions", "A note and tags on the fact or section viewed"),
            self._on_note,
            "Ctrl+Shift+N",
            tooltip=True,
        )
        self.export_notes = new_action(
            self.window,
            QCoreApplication.translate("AnnotationActions", "Export &Notes…"),
            QCoreApplication.translate("AnnotationActions", "Save every bookmark and note"),
            self._on_export,
            tooltip=True,
        )
        self.import_notes = new_action(
            self.window,
            QCoreApplication.translate("AnnotationActions", "Import N&otes…"),
            QCoreApplication.translate("AnnotationActions", "Read bookmarks and notes from a JSON file"),
            self._on_import,
            tooltip=True,
        )

        self.dock = QDockWidget(QCoreApplication.translate("AnnotationActions", "Bookmarks"), window)
        self.dock.setObjectName("bookmarksDock")
        self.dock.setAccessibleName(QCoreApplication.translate("AnnotationActions", "Bookmarks panel"))
        self.panel: BookmarksPanel | None = None
        if self.user_data is not None:
            self.panel = BookmarksPanel(self.user_data, self.dock)
            self.panel.open_requested.connect(self.open_annotation)
            self.panel.delete_requested.connect(self.delete_annotation)
            self.panel.failed.connect(lambda message: self._error("Bookmarks", message))
            self.dock.setWidget(self.panel)
        else:
            reason = QLabel(NO_USER_DATA, self.dock)
            reason.setWordWrap(True)
            reason.setAlignment(Qt.AlignmentFlag.AlignTop)
            self.dock.setWidget(reason)
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.dock)
        self.dock.hide()
        self.toggle_panel = self.dock.toggleViewAction()
        self.toggle_panel.setText(QCoreApplication.translate("AnnotationActions", "&Bookmarks"))
        self.toggle_panel.setShortcut(QKeySequence("Ctrl+Shift+B"))
        self.toggle_panel.setStatusTip(
            QCoreApplication.translate("AnnotationActions", "Show or hide every bookmark and note")
        )
        self._install()

    def _install(self) -> None:
        edit, view, file_menu = (find_menu(self.window, t) for t in ("Edit", "View", "File"))
        edit.addSeparator()
        edit.addActions([self.bookmark, self.bookmark_passage, self.note])
        view.insertAction(view.actions()[1] if len(view.actions()) > 1 else None, self.toggle_panel)  # type: ignore[arg-type]
        quit_action = self.window.window_actions.quit
        file_menu.insertActions(quit_action, [self.export_notes, self.import_notes])
        file_menu.insertSeparator(quit_action)
        for menu in (edit, file_menu):
            menu.setToolTipsVisible(True)  # a disabled action's tooltip says why
        self.window.addActions([self.bookmark, self.bookmark_passage, self.note, self.toggle_panel])
        if self.user_data is None:
            for action in (self.bookmark, self.bookmark_passage, self.note, self.export_notes, self.import_notes):
                action.setEnabled(False)
                action.setToolTip(NO_USER_DATA)
                action.setStatusTip(NO_USER_DATA)

    # State -------------------------------------------------------------------------------------------------
    def current_anchor(self) -> Anchor | None:
        """The anchor of the fact or section viewed (None on the report's front page or a term)."""
        target = self.window.current_target
        if target is None:
            return None
        factbase = self.window.factbase
        if target.kind == "fact":
            return fact_anchor(factbase, target.id)
        if target.kind == "section":
            return section_anchor(factbase, target.id)
        return None

    def current_annotation(self) -> Annotation | None:
        target = self.window.current_target
        if self.user_data is None or target is None or target.kind not in ("fact", "section"):
            return None
        report_id = target.report_id or self.window.current_report
        return self.user_data.annotation_for(report_id, target.kind, target.id)  # type: ignore[arg-type]

    def update_state(self) -> None:
        """The Bookmark toggle shows whether the page viewed is starred; actions enabled where they apply."""
        if self.user_data is None:
            return
        target = self.window.current_target
        markable = target is not None and target.kind in ("fact", "section")
        try:
            current = self.current_annotation() if markable else None
        except UserDataError as exc:
            current = None
            self.window.statusBar().showMessage(str(exc), 8000)
        self.bookmark.setEnabled(markable)
        self.note.setEnabled(markable)
        self.bookmark_passage.setEnabled(markable)
        self.bookmark.setChecked(bool(current and current.starred))
        why = "" if markable else " (open a fact or a section)"
        self.bookmark.setToolTip(("Remove the star" if current and current.starred else "Star this page") + why)

    def _saved(self, message: str) -> None:
        self.update_state()
        if self.panel is not None:
            self.panel.refresh()
        self.window.statusBar().showMessage(message, 5000)

    def _error(self, title: str, message: str) -> None:
        show_error(self.window, title, message.splitlines()[0] if message else title)

    # Marking -----------------------------------------------------------------------------------------------
    def _on_bookmark(self) -> None:
        anchor = self.current_anchor()
        if self.user_data is None or anchor is None:
            self.update_state()
            return
        try:
            current = self.current_annotation()
            starred = not (current is not None and current.starred)
            kept = self.user_data.annotate(anchor, starred=starred)
        except UserDataError as exc:
            self.update_state()
            self._error("Bookmark", str(exc))
            return
        if starred:
            self._saved(f"Bookmarked: {anchor.label}")
        else:
            self._saved("Bookmark removed; the note and tags stay" if kept else "Bookmark removed")

    def _on_passage(self) -> None:
        target = self.window.current_target
        if self.user_data is None or target is None or target.kind not in ("fact", "section"):
            return
        excerpt = self.window.page.textCursor().selectedText().replace("\u2029", "\n").strip()
        status = self.window.statusBar()
        if not excerpt:
            status.showMessage(
                QCoreApplication.translate("AnnotationActions", "Select the passage in the page first"), 8000
            )
            return
        factbase = self.window.factbase
        section_id = target.id if target.kind == "section" else factbase.fact(target.id).section_id
        holding = [p.id for p in factbase.paragraphs(section_id) if excerpt in p.text]
        if not holding:
            status.showMessage(
                QCoreApplication.translate(
                    "AnnotationActions", "The selection is not a passage of one paragraph of the report"
                ),
                8000,
            )
            return
        try:
            anchor = passage_anchor(factbase, holding[0], excerpt)
            self.user_data.annotate(anchor, starred=True)
        except UserDataError as exc:
            self._error("Bookmark Passage", str(exc))
            return
        self._saved(f"Passage bookmarked: {anchor.label}")

    def _on_note(self) -> None:
        anchor = self.current_anchor()
        if self.user_data is None or anchor is None:
            return
        try:
            current = self.current_annotation()
            before = note_editor.NoteEdit(
                current.starred if current else False, current.note if current else "", current.tags if current else ()
            )
            edit = note_editor.edit_note(self.window, f"{anchor.kind.title()}: {anchor.label}", before)
            if edit is None:
                return
            kept = self.user_data.annotate(anchor, starred=edit.starred, note=edit.note, tags=edit.tags)
        except UserDataError as exc:
            self._error("Note", str(exc))
            return
        self._saved("Note saved" if kept else "Note removed: nothing was left in it")

    # The panel's requests ----------------------------------------------------------------------------------
    def open_annotation(self, annotation: Annotation) -> bool:
        """Show what an annotation is on, found again by its text when its id has moved; False, with why in
        the status bar, when the report is not in the library or the target is not in it any more."""
        anchor = annotation.anchor
        status = self.window.statusBar()
        factbase = self._report_factbase(anchor)
        if factbase is None:
            return False
        resolution = UserData.resolve(factbase, annotation)
        if resolution.status in ("missing", "ambiguous") or resolution.target_id is None:
            status.showMessage(
                QCoreApplication.translate("AnnotationActions", "Cannot open the bookmark: {0}").format(
                    resolution.message
                ),
                12000,
            )
            if resolution.status == "ambiguous" and anchor.section_id:
                self.window.open_target(Target.section(anchor.section_id).in_report(anchor.report_id))
            return False
        opened = self._open_resolved(anchor, resolution.target_id, factbase)
        if opened and resolution.status == "moved" and self.user_data is not None:
            try:
                self.user_data.retarget(annotation.id, resolution.target_id)
            except UserDataError as exc:
                self._error("Bookmark", str(exc))
                return opened
            if self.panel is not None:
                self.panel.refresh()
            status.showMessage(
                QCoreApplication.translate("AnnotationActions", "Moved: {0}; the bookmark now points there").format(
                    resolution.message
                ),
                12000,
            )
        return opened

    def _report_factbase(self, anchor: Anchor) -> FactBase | None:
        """The annotation's report, put on the window's shelf from the library when it is not there yet."""
        window, status = self.window, self.window.statusBar()
        if anchor.report_id in window.shelf:
            try:
                return window.shelf.get(anchor.report_id)
            except FactBaseError as exc:
                status.showMessage(
                    QCoreApplication.translate("AnnotationActions", "Cannot open the report: {0}").format(exc), 12000
                )
                return None
        entry = None
        if self.user_data is not None:
            try:
                entry = next((e for e in self.user_data.library() if e.id == anchor.report_id), None)
            except UserDataError as exc:
                status.showMessage(str(exc), 12000)
                return None
        if entry is None:
            status.showMessage(
                QCoreApplication.translate(
                    "AnnotationActions", "The report “{0}” is not in the library: add it to open this"
                ).format(anchor.report_title),
                12000,
            )
            return None
        try:
            factbase = FactBase.open(entry.path)
        except FactBaseError as exc:
            status.showMessage(
                QCoreApplication.translate("AnnotationActions", "Cannot open the report “{0}”: {1}").format(
                    anchor.report_title, exc
                ),
                12000,
            )
            return None
        window.add_report(factbase)
        return window.shelf.get(anchor.report_id) if anchor.report_id in window.shelf else factbase

    def _open_resolved(self, anchor: Anchor, target_id: str, factbase: FactBase) -> bool:
        if anchor.kind != "passage":
            return self.window.open_target(Target(anchor.kind, target_id, anchor.report_id))
        try:
            section_id = factbase.paragraph(int(target_id)).section_id
        except (UnknownIdError, ValueError):
            return False
        if not self.window.open_target(Target.section(section_id).in_report(anchor.report_id)):
            return False
        self.window.page.find(anchor.quote.split("\n")[0], QTextDocument.FindFlag.FindCaseSensitively)
        return True

    def delete_annotation(self, annotation: Annotation) -> None:
        if self.user_data is None or not confirm_delete(self.window, annotation.anchor.label):
            return
        try:
            self.user_data.delete_annotation(annotation.id)
        except UserDataError as exc:
            self._error("Delete Bookmark", str(exc))
            return
        self._saved(f"Deleted: {annotation.anchor.label}")

    # Files -------------------------------------------------------------------------------------------------
    def _on_export(self) -> None:
        if self.user_data is None:
            return
        path, chosen = ask_save_path(
            self.window,
            QCoreApplication.translate("AnnotationActions", "Export Notes"),
            QCoreApplication.translate("AnnotationActions", "notes.md"),
            list(NOTES_FILTERS.values()),
        )
        if not path:
            return
        target = Path(path)
        if target.suffix.lower() not in NOTES_FILTERS:
            target = target.with_suffix(next((ext for ext, f in NOTES_FILTERS.items() if f == chosen), ".md"))
        try:
            as_json = target.suffix.lower() == ".json"
            text = self.user_data.export_json() if as_json else self.user_data.export_markdown()
            write_file(target, text.encode("utf-8"))
        except (ExportError, UserDataError) as exc:
            self._error("Export Notes", str(exc))
            return
        self.window.statusBar().showMessage(
            QCoreApplication.translate("AnnotationActions", "Saved {0}").format(target), 8000
        )

    def _on_import(self) -> None:
        if self.user_data is None:
            return
        path = ask_open_path(self.window, "Import Notes", [IMPORT_FILTER])
        if not path:
            return
        try:
            with open(path, "rb") as stream:
                data = stream.read(MAX_IMPORT_BYTES + 1)
            if len(data) > MAX_IMPORT_BYTES:
                raise NotesFileError(f"{path}: larger than a notes file can be ({MAX_IMPORT_BYTES // 2**20} MB)")
            counts = self.user_data.import_json(data.decode("utf-8"))
        except UnicodeDecodeError:
            self._error("Import Notes", f"{path}: not a notes file (not UTF-8 text)")
            return
        except OSError as exc:
            self._error("Import Notes", f"{path}: cannot be read ({exc.strerror or exc})")
            return
        except (NotesFileError, UserDataError) as exc:
            self._error("Import Notes", str(exc))
            return
        self._saved(f"Imported: {counts.added} new, {counts.updated} updated, {counts.unchanged} already here")
        if self.series is not None:
            self.series.refresh()  # the file may carry series decisions too
