"""How the window sizes itself: its first size and the share of its width each pane gets, the tree's columns,
and the text zoom (every pane, remembered). Split from main_window so that module keeps to the window's job."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QDockWidget, QHeaderView, QTreeView

if TYPE_CHECKING:
    from desktop.ui.main_window import MainWindow

DEFAULT_SIZE = (1440, 900)
TREE_WIDTH = 400  # wide enough for most fact labels with their values
GLOSSARY_WIDTH = 330
ZOOM_SETTING = "view/zoom"
ZOOM_LIMIT = 8  # steps of 10% each way
SMALL_REPORT = 300  # facts: up to this many, a report's tree opens fully expanded and fits its figure column


def fit_to_screen(window: MainWindow) -> None:
    """The default size, or less on a small screen: a window larger than its screen hides its own edges."""
    width, height = DEFAULT_SIZE
    screen = window.screen()
    # Offscreen Qt (headless screenshots, tests) pretends an 800×600 screen: nothing there to fit.
    if screen is not None and QGuiApplication.platformName() != "offscreen":
        room = screen.availableGeometry()
        width, height = min(width, room.width() * 9 // 10), min(height, room.height() * 9 // 10)
    window.resize(width, height)
    share_width(window, width)


def share_width(window: MainWindow, width: int) -> None:
    """Tree and glossary give up room in proportion to a narrow window, so the page and its chart keep at least
    half of it."""
    scale = min(1.0, width / DEFAULT_SIZE[0])
    tree, glossary = int(TREE_WIDTH * scale), int(GLOSSARY_WIDTH * scale)
    window.splitter.setSizes([tree, max(width - tree - glossary, 0)])
    window.resizeDocks([window.glossary_dock], [glossary], Qt.Orientation.Horizontal)


def fit_tree_columns(tree: QTreeView) -> None:
    """The name column takes the room left and elides; the figure column always shows the whole figure."""
    header = tree.header()
    header.setStretchLastSection(False)
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)


def fit_figure_column(tree: QTreeView, facts: int) -> None:
    """A small report's figure column fits its widest figure; a large one's is given a width once: fitting it
    to every open row measured them all on each move (350,000 model reads for 14 clicks at 1M facts)."""
    header = tree.header()
    if facts <= SMALL_REPORT:
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        return
    header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
    header.resizeSection(1, tree.fontMetrics().horizontalAdvance("more than 1.2 billion people") + 12)


def zoom_steps(value: object) -> int:
    """A stored zoom as steps from the normal size, within the limits; anything unreadable is 0."""
    try:
        return max(-ZOOM_LIMIT, min(ZOOM_LIMIT, int(value)))  # type: ignore[call-overload]
    except (TypeError, ValueError):
        return 0


def apply_zoom(window: MainWindow, steps: int) -> None:
    """Every pane's text at the zoom (10% a step): the tree and docks as well as the page."""
    font = QApplication.font()
    font.setPointSizeF(font.pointSizeF() * (1 + 0.1 * steps))
    for pane in (window.centralWidget(), *(d.widget() for d in window.findChildren(QDockWidget))):
        if pane is not None:
            pane.setFont(font)
