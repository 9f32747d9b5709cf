"""What comes back on the next launch: geometry, dock layout, splitter sizes and the last page viewed."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import QMainWindow, QSplitter

STATE_VERSION = 1  # bump when docks or splitters change, so an old layout is ignored rather than misapplied
_GEOMETRY = "window/geometry"
_STATE = "window/state"
_SPLITTER = "window/splitter"
_LAST = "view/last"


def user_settings() -> QSettings:
    return QSettings("FactExplorer", "Fact Explorer")


def save_window_state(settings: QSettings, window: QMainWindow, splitter: QSplitter, last_target: str | None) -> None:
    settings.setValue(_GEOMETRY, window.saveGeometry())
    settings.setValue(_STATE, window.saveState(STATE_VERSION))
    settings.setValue(_SPLITTER, splitter.saveState())
    if last_target:
        settings.setValue(_LAST, last_target)
    settings.sync()


def restore_window_state(settings: QSettings, window: QMainWindow, splitter: QSplitter) -> bool:
    """Apply what was saved; False when there was nothing (first launch), so defaults stay."""
    geometry = settings.value(_GEOMETRY)
    if not isinstance(geometry, QByteArray):
        return False
    window.restoreGeometry(geometry)
    state = settings.value(_STATE)
    if isinstance(state, QByteArray):
        window.restoreState(state, STATE_VERSION)
    sizes = settings.value(_SPLITTER)
    if isinstance(sizes, QByteArray):
        splitter.restoreState(sizes)
    return True


def restore_dock_state(settings: QSettings, window: QMainWindow) -> None:
    """Docks added after the first paint (bookmarks, search, other reports) take their saved places too."""
    state = settings.value(_STATE)
    if isinstance(state, QByteArray):
        window.restoreState(state, STATE_VERSION)


def last_target(settings: QSettings) -> str | None:
    value = settings.value(_LAST)
    return value if isinstance(value, str) and value else None
