"""A read-only rich-text view whose links are ours to resolve and which never loads anything remote."""

from __future__ import annotations

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QTextBrowser, QWidget

from desktop.domain.target import Target


class LinkBrowser(QTextBrowser):
    """Shows HTML; a click (or Enter on a focused link) on one of our links emits target_activated(Target)."""

    target_activated = Signal(object)

    def __init__(self, accessible_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # Qt must not follow links itself: no navigation inside the widget, no web browser, no network.
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setAccessibleName(accessible_name)
        self.anchorClicked.connect(self._on_anchor_clicked)

    def loadResource(self, kind: int, name: QUrl | str) -> object:  # noqa: N802 - Qt override
        """Rich text may ask for images or style sheets by URL: answer nothing, so nothing is ever fetched."""
        return None

    def _on_anchor_clicked(self, url: QUrl) -> None:
        try:
            target = Target.parse(bytes(url.toEncoded().data()).decode())
        except ValueError:
            return  # not one of ours (a web address in stored text): never followed
        self.target_activated.emit(target)


class PromptedLinkBrowser(LinkBrowser):
    """A LinkBrowser that shows a prompt while empty (the glossary's definition). Apart from LinkBrowser so that
    the window's page, painted on every click, does not go through a paint handler in Python."""

    def __init__(self, accessible_name: str, parent: QWidget | None = None) -> None:
        super().__init__(accessible_name, parent)
        self._prompt = ""

    def set_prompt(self, text: str) -> None:
        """A line shown while the view is empty, wrapped to its width. Qt's own placeholder text is drawn on one
        line and cut off at the edge of a narrow view (Qt 6.12), so the prompt is painted here instead."""
        self._prompt = text
        self.setAccessibleDescription(text)
        self.viewport().update()

    def prompt(self) -> str:
        return self._prompt

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        super().paintEvent(event)
        if not self._prompt or not self.document().isEmpty():
            return
        painter = QPainter(self.viewport())
        painter.setPen(self.palette().color(QPalette.ColorRole.PlaceholderText))
        margin = int(self.document().documentMargin())
        room = self.viewport().rect().adjusted(margin, margin, -margin, -margin)
        painter.drawText(room, Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap, self._prompt)
        painter.end()
