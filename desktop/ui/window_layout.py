"""How the window sizes itself: its first size and the share of its width each pane gets, the tree's columns,
and the text zoom (every pane, remembered). Split from main_window so that module keeps to the window's job."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QDockWidget, QHeaderView, QTreeView

if TYPE_CHECKING:
    from desktop.ui.main_window import MainWindow

DEFAULT_SIZE = (1440, 900)
TREE_WIDTH = 400  # wide enough for most fact labels with their values
GLOSSARY_WIDTH = 330
# The chart's least width (desktop.charts.plot.widget.MIN_WIDTH; not imported here, it brings pyqtgraph): a page
# given less shows its chart cut at the right until the splitter takes the room back from the tree.
PAGE_MIN_WIDTH = 480
PANE_GAPS = 16  # px: the splitter's handle, the dock's separator and the frames between the three panes
ZOOM_SETTING = "view/zoom"
ZOOM_LIMIT = 8  # steps of 10% each way
NARROW_TREE = 360  # pixels: a tree narrower than this indents its levels by NARROW_INDENT
NARROW_INDENT = 12
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
    half of it, and never less than the chart's least width while the window has it to give (a 1024×680 screen
    at 150% or 200% scale gives a window of 921 logical pixels)."""
    scale = min(1.0, width / DEFAULT_SIZE[0])
    tree, glossary = int(TREE_WIDTH * scale), int(GLOSSARY_WIDTH * scale)
    spare = width - PAGE_MIN_WIDTH - PANE_GAPS
    if tree + glossary > spare > 0:
        tree, glossary = tree * spare // (tree + glossary), glossary * spare // (tree + glossary)
    window.splitter.setSizes([tree, max(width - tree - glossary - PANE_GAPS, 0)])
    window.resizeDocks([window.glossary_dock], [glossary], Qt.Orientation.Horizontal)


class TreeColumns(QObject):
    """The name column takes the room left and elides; the figure column fits the widest figure in view, but
    never more than two fifths of the tree, so a narrow tree (a small screen, 150% scale) still says what each
    row is.

    The widest figure is measured again only when rows or the font change, not on every resize: the first
    launch resized the tree 52 times before its paint.
    """

    def __init__(self, tree: QTreeView) -> None:
        super().__init__(tree)
        self.tree = tree
        self.small = True
        self._wanted: int | None = None  # the figure column's width for what is shown; None: measure again
        self._indentation = tree.indentation()
        header = tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        tree.installEventFilter(self)  # font changes: the zoom
        tree.viewport().installEventFilter(self)  # resizes: the splitter, the window
        tree.expanded.connect(self.remeasure)
        tree.collapsed.connect(self.remeasure)
        model = tree.model()
        model.modelReset.connect(self.remeasure)
        model.rowsInserted.connect(self.remeasure)

    def set_report_size(self, facts: int) -> None:
        """A small report's figure column fits its widest figure shown; a large one's is given a width: fitting
        it to every open row measured them all on each move (350,000 model reads for 14 clicks at 1M facts)."""
        self.small = facts <= SMALL_REPORT
        self.remeasure()

    def remeasure(self) -> None:
        self._wanted = None
        self.refit()

    def refit(self) -> None:
        if self._wanted is None:
            if self.small:
                self._wanted = self.tree.sizeHintForColumn(1)
            else:
                self._wanted = self.tree.fontMetrics().horizontalAdvance("more than 1.2 billion people") + 12
        width = self.tree.viewport().width()
        # A narrow tree (1024×680, 150% scale) keeps three fifths for the names, and indents its levels less:
        # with half for the figures and Qt's 20 px a level, a fact's name was cut to nine characters.
        indentation = NARROW_INDENT if width < NARROW_TREE else self._indentation
        if self.tree.indentation() != indentation:
            self.tree.setIndentation(indentation)
        self.tree.header().resizeSection(1, max(min(self._wanted, width * 2 // 5), 0))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.FontChange:
            self.remeasure()
        elif event.type() == QEvent.Type.Resize:
            self.refit()
        return False


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
