"""Keep None, True and False alive under PySide6 6.12 on Python 3.11.

PySide6/shiboken6 6.12.0 hands back None from void methods without taking a reference: each call such as
`painter.drawLine(...)` or `font.setBold(True)` lowers None's reference count by one; True loses references
the same way on some paths (a failed import through shiboken's import hook, pyqtgraph drawing). On Python 3.12+
these objects are immortal and nothing happens; on 3.11 they start with a few thousand references, and a
whole-report PDF makes tens of thousands of such calls, so the process aborts with "Fatal Python error:
none_dealloc" or "bool_dealloc", often at exit, after the file was written: a success turned into exit code 134.

Holding extra references in a list is harmless (these objects are never freed anyway) and costs 8 bytes each.
The lists are leaked on purpose: freed at interpreter exit, they would hand the deficit back and abort there.
"""

from __future__ import annotations

import ctypes
import sys

RESERVE_STEP = 1_000_000
_reserves: list[list[object]] = []


def keep_none_alive() -> None:
    """Top up the reference counts of None, True and False before a burst of Qt calls. No-op on 3.12+."""
    if sys.version_info >= (3, 12):
        return
    for singleton in (None, True, False):
        if sys.getrefcount(singleton) < RESERVE_STEP // 2:
            reserve = [singleton] * RESERVE_STEP
            ctypes.pythonapi.Py_IncRef(ctypes.py_object(reserve))  # never released, not even at exit
            _reserves.append(reserve)
