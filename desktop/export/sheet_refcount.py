"""Keep None alive under PySide6 6.12 on Python 3.11.

PySide6/shiboken6 6.12.0 returns None from every void method without taking a reference: each call such as
`painter.drawLine(...)` or `font.setBold(True)` lowers None's reference count by one. On Python 3.12+ None is
immortal and nothing happens; on 3.11 None starts with a few thousand references, and a whole-report PDF makes
tens of thousands of void calls, so the process aborts with "Fatal Python error: none_dealloc" (often at exit,
after the file was written, turning a success into exit code 134).

Holding extra references in a list is harmless (None is never freed anyway) and costs 8 bytes each. The list
itself is leaked on purpose: freed at interpreter exit, it would hand the deficit back and abort there.
"""

from __future__ import annotations

import ctypes
import sys

RESERVE_STEP = 1_000_000
_reserves: list[list[None]] = []


def keep_none_alive() -> None:
    """Top up None's reference count before a burst of Qt calls. A no-op where None is immortal."""
    if sys.version_info >= (3, 12):
        return
    if sys.getrefcount(None) < RESERVE_STEP // 2:
        reserve = [None] * RESERVE_STEP
        ctypes.pythonapi.Py_IncRef(ctypes.py_object(reserve))  # never released, not even at exit
        _reserves.append(reserve)
