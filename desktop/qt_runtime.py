"""Starting Qt, once, for the window and for headless jobs alike.

Three things every entry point needs before its first widget, kept here so there is one way to do each:
- the PySide6 6.12 reference-count fix (`keep_singletons_alive`), before any Qt call;
- a platform Qt can really start on: with no display a headless job runs offscreen, while the window says what
  to do; an unknown QT_QPA_PLATFORM or a display that is not there would make Qt abort the process (exit 134,
  several lines of its own), so both are found out first and reported in one line;
- the QApplication itself, named so that QSettings and QStandardPaths find the user's files.
"""

from __future__ import annotations

import atexit
import ctypes
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtCore import QMimeData
    from PySide6.QtWidgets import QApplication

APP_NAME = "Fact Explorer"
ORGANISATION = "FactExplorer"
DESKTOP_ID = "io.github.factexplorer.FactExplorer"

_RAISE_BY = 1 << 40
_singletons_kept = False


class PlatformError(RuntimeError):
    """Qt cannot start here; str() is one line saying why and what to do."""


def keep_singletons_alive() -> None:
    """Keep None, True and False alive under PySide6 6.12 on Python 3.11.

    PySide6 6.12's bindings drop one reference to None on every call of a C++ method that returns void, and Python
    overrides of some virtuals do the same to True/False. From Python 3.12 on these objects are immortal; on 3.11
    their count reaches zero after a few thousand calls and the interpreter aborts ("none_dealloc",
    "bool_dealloc"). We raise their counts by 2**40 once, which is what 3.12 does in effect. CPython only.
    """
    global _singletons_kept
    if _singletons_kept or sys.implementation.name != "cpython" or sys.version_info >= (3, 12):
        return
    for obj in (None, True, False):
        # ob_refcnt is the first field of every object in a release build of CPython.
        ctypes.c_ssize_t.from_address(id(obj)).value += _RAISE_BY
    _singletons_kept = True


def has_display() -> bool:
    """True where a window could be shown: Windows, macOS, or an X11/Wayland display named in the environment."""
    if sys.platform in ("win32", "darwin"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def _platform_plugins() -> set[str]:
    import PySide6

    folder = Path(PySide6.__file__).parent / "Qt" / "plugins" / "platforms"
    names = set()
    for plugin in folder.glob("*q*"):
        stem = plugin.name.split(".")[0]
        names.add(stem[len("libq") :] if stem.startswith("libq") else stem.removeprefix("q"))
    return names


def _x_display_missing(display: str) -> bool:
    """A local X display (":1", "unix:1") whose socket is not there. Remote displays are not checked."""
    host, _, rest = display.rpartition(":")
    if host not in ("", "unix") or not rest:
        return False
    number = rest.split(".")[0]
    return number.isdigit() and not Path(f"/tmp/.X11-unix/X{number}").exists()


def check_platform(platform: str | None = None) -> None:
    """Raise PlatformError where Qt would abort: an unknown platform plugin, or an X display that is not there."""
    chosen = platform if platform is not None else os.environ.get("QT_QPA_PLATFORM", "")
    first = chosen.split(";")[0].split(":")[0].strip()
    if first:
        known = _platform_plugins()
        if known and first not in known:
            raise PlatformError(
                f"QT_QPA_PLATFORM={chosen!r} is not a Qt platform here; use one of {', '.join(sorted(known))}"
            )
    if sys.platform.startswith("linux") and first in ("", "xcb"):
        display = os.environ.get("DISPLAY", "")
        if display and not os.environ.get("WAYLAND_DISPLAY") and _x_display_missing(display):
            raise PlatformError(f"cannot connect to the X display {display!r}; is an X server running there?")


def start_qt(*, headless: bool) -> QApplication:
    """The running QApplication, or a new one. headless: a job with no window, offscreen when there is no display.

    Raises PlatformError (one line) instead of letting Qt abort the process.
    """
    keep_singletons_alive()
    from PySide6.QtWidgets import QApplication

    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    if headless and not has_display():
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    check_platform()
    app = QApplication([sys.argv[0] if sys.argv and sys.argv[0] else "fact-explorer"])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(ORGANISATION)
    # The desktop entry's name (resources/desktop/): Wayland shows the window with that entry's icon and name.
    app.setDesktopFileName(DESKTOP_ID)
    return app


_clipboard_clearing = False


def set_clipboard(mime: QMimeData) -> None:
    """Put mime data on the clipboard. Offscreen Qt (tests, headless runs) segfaults at interpreter exit while
    its clipboard holds Python-made mime data, so there it is cleared at exit; a real display's clipboard is the
    system's and keeps what was copied after the app quits."""
    global _clipboard_clearing
    from PySide6.QtGui import QGuiApplication

    QGuiApplication.clipboard().setMimeData(mime)
    if not _clipboard_clearing and QGuiApplication.platformName() == "offscreen":
        _clipboard_clearing = True
        atexit.register(_clear_clipboard)


def _clear_clipboard() -> None:
    from PySide6.QtGui import QGuiApplication

    if QGuiApplication.instance() is not None:
        QGuiApplication.clipboard().clear()
