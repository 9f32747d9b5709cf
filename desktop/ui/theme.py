"""Colours for rich text that follow the window's palette, light or dark."""

from __future__ import annotations

from PySide6.QtGui import QPalette

from desktop.ui.page_html import PageColours

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
