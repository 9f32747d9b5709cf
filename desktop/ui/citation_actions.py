"""Edit ▸ Copy Citation: the page viewed (a fact, a section, the report) cited in a style, onto the clipboard.

The citation itself is desktop.domain.citations.cite_target, the same call as `fact-explorer cite`, so a derived
value is cited as derived here exactly as there. The clipboard gets plain text, and for the CSL styles (APA, MLA,
Chicago, Harvard) their HTML as well, so a word processor pastes the italics. The style last chosen is the one
Ctrl+Shift+C copies, remembered in the window's settings when it has them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QMimeData, QObject
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMenu

from desktop.domain.target import Target
from desktop.qt_runtime import set_clipboard
from desktop.ui.menus import find_menu

if TYPE_CHECKING:
    from desktop.ui.main_window import MainWindow

STYLE_KEY = "citations/style"
DEFAULT_STYLE = "apa"
SHORTCUT = "Ctrl+Shift+C"
_CITABLE = ("fact", "section", "report")


def citation_id(target: Target | None) -> str | None:
    """The id cite_target takes for what is viewed: a fact or section id, 'report'; None for anything else."""
    if target is None or target.kind not in _CITABLE:
        return None
    return "report" if target.kind == "report" else target.id


def attach_citation_actions(window: MainWindow) -> CitationActions:
    actions = CitationActions(window)
    actions.install(find_menu(window, "Edit"))
    window.page_changed.connect(lambda _target: actions.update_enabled())
    actions.update_enabled()
    return actions


class CitationActions(QObject):
    """Copy Citation (the remembered style) and a submenu with every style."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        from desktop.domain.citations import STYLE_NAMES, STYLES  # citeproc itself loads on the first citation

        self.window = window
        self.style = self._saved_style(STYLES)
        self.copy_default = QAction(
            QCoreApplication.translate("CitationActions", "Copy &Citation ({0})").format(STYLE_NAMES[self.style]),
            window,
        )
        self.copy_default.setShortcut(QKeySequence(SHORTCUT))
        self.copy_default.setStatusTip(
            QCoreApplication.translate("CitationActions", "Copy a citation of the fact, section or report viewed")
        )
        self.copy_default.triggered.connect(lambda: self.copy_citation(self.style))
        self.menu = QMenu("Copy Citation &As", window)
        self.menu.setToolTipsVisible(True)
        self._group = QActionGroup(self)
        self.style_actions: dict[str, QAction] = {}
        for style in STYLES:
            action = QAction(STYLE_NAMES[style], self.menu)
            action.setCheckable(True)
            action.setChecked(style == self.style)
            action.setStatusTip(
                QCoreApplication.translate(
                    "CitationActions", "Copy a citation in {0}; Copy Citation then uses it"
                ).format(STYLE_NAMES[style])
            )
            action.triggered.connect(self._copier(style))
            self._group.addAction(action)
            self.menu.addAction(action)
            self.style_actions[style] = action

    def _copier(self, style: str) -> Callable[[], None]:
        return lambda: self.choose_and_copy(style)

    def _saved_style(self, styles: tuple[str, ...]) -> str:
        settings = getattr(self.window, "settings", None)
        saved = settings.value(STYLE_KEY, DEFAULT_STYLE) if settings is not None else DEFAULT_STYLE
        return saved if isinstance(saved, str) and saved in styles else DEFAULT_STYLE

    def install(self, menu: QMenu) -> None:
        menu.addSeparator()
        menu.addAction(self.copy_default)
        menu.addMenu(self.menu)
        self.window.addAction(self.copy_default)  # the shortcut works wherever focus is

    def update_enabled(self) -> None:
        citable = citation_id(self.window.current_target) is not None
        self.copy_default.setEnabled(citable)
        self.menu.setEnabled(citable)

    def choose_and_copy(self, style: str) -> None:
        """A style picked from the submenu: copied now, and the one Copy Citation uses from now on."""
        from desktop.domain.citations import STYLE_NAMES

        self.style = style
        self.style_actions[style].setChecked(True)
        self.copy_default.setText(
            QCoreApplication.translate("CitationActions", "Copy &Citation ({0})").format(STYLE_NAMES[style])
        )
        settings = getattr(self.window, "settings", None)
        if settings is not None:
            settings.setValue(STYLE_KEY, style)
        self.copy_citation(style)

    def copy_citation(self, style: str) -> bool:
        """The viewed page's citation onto the clipboard; False (and why, in the status bar) when there is none."""
        from desktop.domain.citations import CSL_STYLES, STYLE_NAMES, cite_target

        target_id = citation_id(self.window.current_target)
        status = self.window.statusBar()
        if target_id is None:
            status.showMessage(
                QCoreApplication.translate(
                    "CitationActions", "Nothing to cite here: open a fact, a section or the report"
                ),
                8000,
            )
            return False
        factbase = self.window.factbase
        try:
            text = cite_target(factbase, target_id, style)
            rich = cite_target(factbase, target_id, style, html=True) if style in CSL_STYLES else None
        except Exception as exc:  # noqa: BLE001 - a citation that cannot be made is one line, never a crash
            status.showMessage(
                QCoreApplication.translate("CitationActions", "The citation could not be made: {0}").format(exc), 8000
            )
            return False
        mime = QMimeData()
        mime.setText(text)
        if rich is not None:
            mime.setHtml(rich)
        set_clipboard(mime)
        status.showMessage(
            QCoreApplication.translate("CitationActions", "Citation copied ({0})").format(STYLE_NAMES[style]), 4000
        )
        return True
