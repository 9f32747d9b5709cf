"""A QImage as the bytes of a PNG file: charts, sheets' pictures and window screenshots encode through here."""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice
from PySide6.QtGui import QImage

from desktop.export.files import ExportError


def png_bytes(image: QImage, quality: int = -1) -> bytes:
    """PNG bytes of image; quality sets zlib's effort (-1 Qt's default). ExportError if Qt cannot encode it."""
    array = QByteArray()
    buffer = QBuffer(array)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    # PySide6 wants the format as str at run time, while its stubs say bytes.
    if not image.save(buffer, "PNG", quality):  # type: ignore[call-overload]
        raise ExportError("Qt could not encode the picture as PNG")
    buffer.close()
    return bytes(array.data())
