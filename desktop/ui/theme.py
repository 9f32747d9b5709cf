"""Colours for rich text that follow the window's palette, light or dark."""

from __future__ import annotations

from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication

from desktop.text.pages import PageColours

_DARK = PageColours(
    text="#e6e6e6",
    muted="#a8a8a8",
    link="#8ab4f8",
    figure_bg="#5a4700",
    current_bg="#ffd24d",
    quote_bg="#1e3452",
    dark=True,
)


def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def page_colours(palette: QPalette) -> PageColours:
    if not is_dark(palette):
        return PageColours(text=palette.color(QPalette.ColorRole.Text).name())
    return _DARK


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


def dark_palette() -> QPalette:
    """A dark palette for the Fusion style, for when the platform does not supply one (Xvfb, some desktops)."""
    palette = QPalette()
    for role, colour in _DARK_ROLES.items():
        palette.setColor(getattr(QPalette.ColorRole, role), colour)
    for role in ("WindowText", "Text", "ButtonText"):
        palette.setColor(QPalette.ColorGroup.Disabled, getattr(QPalette.ColorRole, role), "#7f8286")
    return palette


def apply_colour_scheme(app: QApplication, scheme: str) -> None:
    """'dark' or 'light' forces that palette (Fusion style); anything else leaves the platform's choice."""
    if scheme not in ("dark", "light"):
        return
    app.setStyle("Fusion")
    app.setPalette(dark_palette() if scheme == "dark" else app.style().standardPalette())
