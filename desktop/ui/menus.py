"""The window's menus and their actions, with the platform's standard shortcuts where Qt has one."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu

StandardKey = QKeySequence.StandardKey


@dataclass
class WindowActions:
    file_menu: QMenu
    view_menu: QMenu
    go_menu: QMenu
    back: QAction
    forward: QAction
    home: QAction
    find_term: QAction
    focus_tree: QAction
    focus_page: QAction
    copy: QAction
    zoom_in: QAction
    zoom_out: QAction
    toggle_glossary: QAction
    about: QAction
    quit: QAction
    find: QAction  # the search field (desktop.ui.search_panel connects it once attached)
    all_facts: QAction  # View ▸ All Facts… (desktop.ui.all_facts)
    open_link: QAction  # Go ▸ Open Link…: a copied target key such as fact:ID@REPORT
    zoom_reset: QAction | None = None  # View ▸ Reset Zoom (Ctrl+0)


def find_menu(window: QMainWindow, name: str) -> QMenu:
    """The window's menu by its name ("File", "Edit", "View", "Go", "Help"), whatever language its title is in."""
    wanted = f"{name.lower()}Menu"
    for action in window.menuBar().actions():
        menu = action.menu()
        if isinstance(menu, QMenu) and menu.objectName() == wanted:
            return menu
    raise LookupError(f"the window has no {name} menu")


def new_action(
    parent: QObject, text: str, tip: str, handler: Callable[[], object], keys: str = "", *, tooltip: bool = False
) -> QAction:
    """An action with its status-bar tip (and, for toolbar buttons, the same tooltip) connected to handler."""
    action = QAction(text, parent)
    action.setStatusTip(tip)
    if tooltip:
        action.setToolTip(tip)
    if keys:
        action.setShortcut(QKeySequence(keys))
    action.triggered.connect(handler)
    return action


def _action(window: QMainWindow, menu: QMenu, text: str, keys: list[QKeySequence], tip: str) -> QAction:
    action = QAction(text, window)
    action.setShortcuts(keys)
    action.setStatusTip(tip)
    menu.addAction(action)
    return action


def build_menus(window: QMainWindow, toggle_glossary: QAction) -> WindowActions:
    """Creates File, Edit, View, Go and Help; the window connects the actions to its _on_* handlers."""
    bar = window.menuBar()
    file_menu = bar.addMenu(QCoreApplication.translate("Menus", "&File"))
    edit_menu = bar.addMenu(QCoreApplication.translate("Menus", "&Edit"))
    view_menu = bar.addMenu(QCoreApplication.translate("Menus", "&View"))
    go_menu = bar.addMenu(QCoreApplication.translate("Menus", "&Go"))
    help_menu = bar.addMenu(QCoreApplication.translate("Menus", "&Help"))
    # Found by name, not by their text, which is translated.
    for menu, name in (
        (file_menu, "file"),
        (edit_menu, "edit"),
        (view_menu, "view"),
        (go_menu, "go"),
        (help_menu, "help"),
    ):
        menu.setObjectName(f"{name}Menu")
        menu.menuAction().setObjectName(f"{name}Menu")

    # Export and print actions are added to the File menu above this separator once they are loaded.
    file_menu.addSeparator()
    quit_action = _action(
        window,
        file_menu,
        QCoreApplication.translate("Menus", "&Quit"),
        [QKeySequence(StandardKey.Quit)],
        QCoreApplication.translate("Menus", "Close Fact Explorer"),
    )
    copy = _action(
        window,
        edit_menu,
        QCoreApplication.translate("Menus", "&Copy"),
        [QKeySequence(StandardKey.Copy)],
        QCoreApplication.translate("Menus", "Copy the selected text, or the figure viewed"),
    )
    toggle_glossary.setText(QCoreApplication.translate("Menus", "&Glossary"))
    toggle_glossary.setShortcut(QKeySequence("Ctrl+Shift+G"))
    toggle_glossary.setStatusTip(QCoreApplication.translate("Menus", "Show or hide the glossary panel"))
    view_menu.addAction(toggle_glossary)
    # The standard Find key searches every report; the glossary filter keeps a key of its own.
    find = _action(
        window,
        view_menu,
        QCoreApplication.translate("Menus", "&Search…"),
        [QKeySequence(StandardKey.Find)],
        QCoreApplication.translate("Menus", "Search facts, passages and terms"),
    )
    find_term = _action(
        window,
        view_menu,
        QCoreApplication.translate("Menus", "&Find in Glossary…"),
        [QKeySequence("Ctrl+Shift+F")],
        QCoreApplication.translate("Menus", "Filter the glossary's terms"),
    )
    all_facts = _action(
        window,
        view_menu,
        QCoreApplication.translate("Menus", "&All Facts…"),
        [QKeySequence("Ctrl+Shift+A")],
        QCoreApplication.translate("Menus", "A table of every fact, sortable"),
    )
    view_menu.addSeparator()
    focus_tree = _action(
        window,
        view_menu,
        QCoreApplication.translate("Menus", "Section &Tree"),
        [QKeySequence("Ctrl+1")],
        QCoreApplication.translate("Menus", "Move to the section tree"),
    )
    focus_page = _action(
        window,
        view_menu,
        QCoreApplication.translate("Menus", "&Page"),
        [QKeySequence("Ctrl+2")],
        QCoreApplication.translate("Menus", "Move to the page being viewed"),
    )
    view_menu.addSeparator()
    zoom_in = _action(
        window,
        view_menu,
        QCoreApplication.translate("Menus", "Zoom &In"),
        [QKeySequence(StandardKey.ZoomIn)],
        QCoreApplication.translate("Menus", "Larger text"),
    )
    zoom_out = _action(
        window,
        view_menu,
        QCoreApplication.translate("Menus", "Zoom &Out"),
        [QKeySequence(StandardKey.ZoomOut)],
        QCoreApplication.translate("Menus", "Smaller text"),
    )
    zoom_reset = _action(
        window,
        view_menu,
        QCoreApplication.translate("Menus", "Reset &Zoom"),
        [QKeySequence("Ctrl+0")],
        QCoreApplication.translate("Menus", "Text at its normal size"),
    )

    back = _action(
        window,
        go_menu,
        QCoreApplication.translate("Menus", "&Back"),
        [QKeySequence(StandardKey.Back)],
        QCoreApplication.translate("Menus", "Go back to the previous page"),
    )
    forward = _action(
        window,
        go_menu,
        QCoreApplication.translate("Menus", "&Forward"),
        [QKeySequence(StandardKey.Forward)],
        QCoreApplication.translate("Menus", "Go forward again"),
    )
    home = _action(
        window,
        go_menu,
        QCoreApplication.translate("Menus", "&Report"),
        [QKeySequence("Alt+Home")],
        QCoreApplication.translate("Menus", "Go to the report's front page"),
    )
    go_menu.addSeparator()
    open_link = _action(
        window,
        go_menu,
        QCoreApplication.translate("Menus", "Open &Link…"),
        [QKeySequence("Ctrl+L")],
        QCoreApplication.translate("Menus", "Open a copied link such as fact:ID@REPORT"),
    )
    about = _action(
        window,
        help_menu,
        QCoreApplication.translate("Menus", "&About Fact Explorer"),
        [],
        QCoreApplication.translate("Menus", "Which fact base this is, and its version"),
    )
    return WindowActions(
        file_menu,
        view_menu,
        go_menu,
        back,
        forward,
        home,
        find_term,
        focus_tree,
        focus_page,
        copy,
        zoom_in,
        zoom_out,
        toggle_glossary,
        about,
        quit_action,
        find=find,
        all_facts=all_facts,
        open_link=open_link,
        zoom_reset=zoom_reset,
    )
