"""Save a window as PNG, whole or not at all: what --screenshot does, and what the start-up bench's bare window does.

The bare window of bench/ saves through this very function, so the two are "grabbed the same way".
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QWidget

from desktop.export.files import check_output_file, write_file
from desktop.export.png import png_bytes

# Qt's PNG "quality" sets zlib's effort: at 80 a 1440×900 window encodes in ~25 ms and comes out smaller than
# at the default (~37 ms); screenshots are flat colours and text, which fast compression handles well.
PNG_QUALITY = 80


def save_screenshot(widget: QWidget, path: Path) -> None:
    """Grab widget as it is shown and write it to path as PNG; ExportError with one readable line on failure."""
    check_output_file(path)
    write_file(path, png_bytes(widget.grab().toImage(), PNG_QUALITY))
