"""Save a window as PNG, whole or not at all: what --screenshot does, and what the start-up bench's bare window does.

The bare window of bench/ saves through this very function, so the two are "grabbed the same way".
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice
from PySide6.QtWidgets import QWidget

from desktop.export.atomic import write_atomically

# Qt's PNG "quality" sets zlib's effort: at 80 a 1440×900 window encodes in ~25 ms and comes out smaller than
# at the default (~37 ms); screenshots are flat colours and text, which fast compression handles well.
PNG_QUALITY = 80


def save_screenshot(widget: QWidget, path: Path) -> None:
    """Grab widget as it is shown and write it to path as PNG; OSError with one readable line on failure."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    # PySide6 wants the format as str at run time, while its stubs say bytes.
    if not widget.grab().toImage().save(buffer, "PNG", PNG_QUALITY):  # type: ignore[call-overload]
        raise OSError(f"{path}: cannot encode the window as PNG")
    buffer.close()
    if path.is_dir():
        raise OSError(f"{path}: is a directory")
    if not path.parent.is_dir():
        raise OSError(f"{path}: no such directory {path.parent}")
    try:
        write_atomically(path, bytes(data.data()))
    except OSError as exc:
        raise OSError(f"cannot write {path}: {exc.strerror or exc}") from None
