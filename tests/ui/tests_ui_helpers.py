"""Mouse helpers for the window's tests: click where a user would."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QTextBrowser

from desktop.ui.main_window import MainWindow


def click_tree(qtbot, window: MainWindow, target: str) -> None:
    index = window.tree_model.index_of(target)
    assert index.isValid(), target
    window.tree.scrollTo(index)
    rect = window.tree.visualRect(index)
    qtbot.mouseClick(window.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def click_text(qtbot, window_page: QTextBrowser, text: str, occurrence: int = 1) -> None:
    """Click in the middle of the n-th occurrence of text in a rich-text view, as a user would."""
    position = 0
    for _ in range(occurrence):
        cursor = window_page.document().find(text, position, QTextDocument.FindFlag.FindCaseSensitively)
        assert not cursor.isNull(), f"{text!r} not on the page"
        position = cursor.selectionEnd()
    middle = cursor.selectionStart() + len(text) // 2
    cursor.setPosition(middle)
    point = window_page.cursorRect(cursor).center()
    qtbot.mouseClick(window_page.viewport(), Qt.MouseButton.LeftButton, pos=point)
