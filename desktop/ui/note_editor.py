"""The note editor: a star, Markdown text (stored verbatim), tags, and the note rendered as it will read.

The rendering is desktop.text.notes_markdown: every stored character escaped, links shown as text. The preview
is a text browser that loads no resource of any kind (loadResource answers nothing) and opens no link, so a note
can never make the window fetch or open anything. `edit_note` is the module-level entry the window calls; tests
replace it instead of driving the dialog.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desktop.text.notes_markdown import note_html


@dataclass(frozen=True)
class NoteEdit:
    starred: bool
    note: str  # Markdown, as typed
    tags: tuple[str, ...]


def split_tags(text: str) -> tuple[str, ...]:
    """'energy, 2025 ,, todo' -> ('energy', '2025', 'todo'): commas separate tags; the user database cleans them."""
    return tuple(t.strip() for t in text.split(",") if t.strip())


class NotePreview(QTextBrowser):
    """Rich text that never loads anything: no images, no style sheets, no links followed."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.requested: list[str] = []  # what the document asked for (nothing, by design); tests read it

    def loadResource(self, type: int, name: QUrl | str) -> object:  # noqa: A002, N802 - Qt override
        self.requested.append(name.toString() if isinstance(name, QUrl) else name)
        return None

    def show_note(self, note: str) -> None:
        self.setHtml(note_html(note) or "<p><i>No note.</i></p>")


class NoteDialog(QDialog):
    def __init__(self, parent: QWidget | None, what: str, current: NoteEdit) -> None:
        super().__init__(parent)
        self.setWindowTitle(QCoreApplication.translate("NoteEditor", "Note"))
        self.setMinimumSize(520, 420)
        heading = QLabel(what, self)
        heading.setWordWrap(True)
        self.starred = QCheckBox(QCoreApplication.translate("NoteEditor", "&Starred (bookmarked)"), self)
        self.starred.setChecked(current.starred)
        self.editor = QPlainTextEdit(self)
        self.editor.setPlainText(current.note)
        self.editor.setPlaceholderText(
            QCoreApplication.translate("NoteEditor", "Markdown: **bold**, *italic*, `code`, - lists")
        )
        self.editor.setAccessibleName(QCoreApplication.translate("NoteEditor", "Note, in Markdown"))
        self.preview = NotePreview(self)
        self.preview.setAccessibleName(QCoreApplication.translate("NoteEditor", "Note as it reads"))
        self.tags = QLineEdit(", ".join(current.tags), self)
        self.tags.setPlaceholderText(QCoreApplication.translate("NoteEditor", "tags, separated by commas"))
        self.tags.setAccessibleName(QCoreApplication.translate("NoteEditor", "Tags"))
        split = QSplitter(self)
        split.addWidget(self.editor)
        split.addWidget(self.preview)
        form = QFormLayout()
        form.addRow(QCoreApplication.translate("NoteEditor", "&Tags:"), self.tags)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.starred)
        layout.addWidget(split, 1)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.editor.textChanged.connect(self._on_text_changed)
        self._on_text_changed()

    def _on_text_changed(self) -> None:
        self.preview.show_note(self.editor.toPlainText())

    def result_edit(self) -> NoteEdit:
        return NoteEdit(self.starred.isChecked(), self.editor.toPlainText(), split_tags(self.tags.text()))


def edit_note(parent: QWidget, what: str, current: NoteEdit) -> NoteEdit | None:
    """The dialog, modal; the edit when saved, None when cancelled (tests replace this function)."""
    dialog = NoteDialog(parent, what, current)
    try:
        return dialog.result_edit() if dialog.exec() == QDialog.DialogCode.Accepted else None
    finally:
        dialog.deleteLater()
