"""The window's theme: System (follows the desktop's colour scheme, live), Light or Dark.

Qt 6.5+ tells the desktop's scheme through QStyleHints.colorScheme() and its colorSchemeChanged signal; where the
platform has no dark palette of its own (Xvfb, some desktops) a dark scheme gets ours, on the Fusion style. The
choice is kept in the settings; pages, the glossary and charts recolour when it changes.
"""

from __future__ import annotations

from typing import Literal

from PySide6.QtCore import QCoreApplication, QObject, QSettings, Signal
from PySide6.QtGui import QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QMainWindow

from desktop.domain.i18n import QT_TRANSLATE_NOOP
from desktop.text.pages import PageColours

ThemeChoice = Literal["system", "light", "dark"]
THEMES: dict[str, str] = {
    "system": QT_TRANSLATE_NOOP("Theme", "&System"),
    "light": QT_TRANSLATE_NOOP("Theme", "&Light"),
    "dark": QT_TRANSLATE_NOOP("Theme", "&Dark"),
}
_SETTING = "view/theme"

_DARK = PageColours(
    text="#e6e6e6",
    muted="#a8a8a8",
    link="#8ab4f8",
    figure_bg="#5a4700",
    current_bg="#ffd24d",
    quote_bg="#1e3452",
    dark=True,
)

_DARK_ROLES = {
    "Window": "#202124",
    "WindowText": "#e8eaed",
    "Base": "#17181a",
    "AlternateBase": "#26272a",
    "ToolTipBase": "#2b2c2f",
    "ToolTipText": "#e8eaed",
    "PlaceholderText": "#9aa0a6",
    "Text": "#e8eaed",
    "Button": "#2b2c2f",
    "ButtonText": "#e8eaed",
    "BrightText": "#ffffff",
    "Highlight": "#3d6fb6",
    "HighlightedText": "#ffffff",
    "Link": "#8ab4f8",
    "Mid": "#3c4043",
    "Dark": "#111214",
    "Light": "#3c4043",
}


def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def page_colours(palette: QPalette) -> PageColours:
    if not is_dark(palette):
        return PageColours(text=palette.color(QPalette.ColorRole.Text).name())
    return _DARK


def dark_palette() -> QPalette:
    """A dark palette for the Fusion style, for when the platform does not supply one (Xvfb, some desktops)."""
    palette = QPalette()
    for role, colour in _DARK_ROLES.items():
        palette.setColor(getattr(QPalette.ColorRole, role), colour)
    for role in ("WindowText", "Text", "ButtonText"):
        palette.setColor(QPalette.ColorGroup.Disabled, getattr(QPalette.ColorRole, role), "#7f8286")
    return palette


def system_is_dark() -> bool:
    from PySide6.QtCore import Qt

    return QGuiApplication.styleHints().colorScheme() == Qt.ColorScheme.Dark


class Theme(QObject):
    """Applies a theme choice to the application and says when the colours changed (`changed`)."""

    changed = Signal()

    def __init__(self, app: QApplication, settings: QSettings | None = None, choice: str | None = None) -> None:
        super().__init__(app)
        self._app = app
        self._settings = settings
        self._platform_style = app.style().name()
        self.choice: ThemeChoice = _valid(choice or (settings.value(_SETTING) if settings is not None else None))
        QGuiApplication.styleHints().colorSchemeChanged.connect(self._on_system_scheme_changed)
        self._apply()

    @property
    def dark(self) -> bool:
        return self.choice == "dark" or (self.choice == "system" and system_is_dark())

    def set_choice(self, choice: str) -> None:
        self.choice = _valid(choice)
        if self._settings is not None:
            self._settings.setValue(_SETTING, self.choice)
        self._apply()
        self.changed.emit()

    def _apply(self) -> None:
        if self.dark:
            self._app.setStyle("Fusion")
            self._app.setPalette(dark_palette())
        elif self.choice == "light":
            self._app.setStyle("Fusion")
            self._app.setPalette(self._app.style().standardPalette())
        else:  # the platform's own look, light
            self._app.setStyle(self._platform_style)
            self._app.setPalette(self._app.style().standardPalette())

    def _on_system_scheme_changed(self, _scheme: object) -> None:
        if self.choice == "system":
            self._apply()
            self.changed.emit()


def _valid(choice: object) -> ThemeChoice:
    return choice if choice in THEMES else "system"  # type: ignore[return-value]


def add_theme_menu(window: QMainWindow, theme: Theme) -> None:
    """View ▸ Theme: System, Light, Dark, one of them checked."""
    from PySide6.QtGui import QAction, QActionGroup

    from desktop.ui.menus import find_menu

    view = find_menu(window, "View")
    view.addSeparator()
    submenu = view.addMenu(QCoreApplication.translate("Theme", "&Theme"))
    group = QActionGroup(submenu)
    for choice, text in THEMES.items():
        action = QAction(QCoreApplication.translate("Theme", text), submenu)
        action.setCheckable(True)
        action.setChecked(choice == theme.choice)
        action.setData(choice)
        action.triggered.connect(lambda _checked=False, c=choice: theme.set_choice(c))
        group.addAction(action)
        submenu.addAction(action)
