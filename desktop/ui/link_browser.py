"""A read-only rich-text view whose links are ours to resolve and which never loads anything remote."""

from __future__ import annotations

from PySide6.QtCore import QUrl, Signal
from PySide6.QtWidgets import QTextBrowser, QWidget

SCHEMES = ("fact", "section", "term", "report")


class LinkBrowser(QTextBrowser):
    """Shows HTML; a click (or Enter on a focused link) emits target_activated('fact:ID' / 'term:NAME' / …)."""

    target_activated = Signal(str)

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
        if url.scheme() in SCHEMES:
            self.target_activated.emit(f"{url.scheme()}:{url.path()}")
