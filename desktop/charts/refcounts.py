"""Keeps None, True and False alive under PySide6 6.12 on Python 3.11.

PySide6 6.12's bindings drop one reference to None on every call of a C++ method that returns void
(`QFont().setBold(True)` lowers sys.getrefcount(None) by one), and Python overrides of some virtuals do the
same to True/False. From Python 3.12 on these objects are immortal and nothing happens; on 3.11 their count
reaches zero after a few thousand calls and the interpreter aborts ("Fatal Python error: none_dealloc" or
"bool_dealloc"), usually at exit, after a few dozen charts have been drawn. We raise their reference counts
by 2**40 once, which is what 3.12 does in effect. CPython only; a no-op elsewhere and on 3.12+.
"""

from __future__ import annotations

import ctypes
import sys

_RAISE_BY = 1 << 40
_done = False


def keep_singletons_alive() -> None:
    global _done
    if _done or sys.implementation.name != "cpython" or sys.version_info >= (3, 12):
        return
    for obj in (None, True, False):
        # ob_refcnt is the first field of every object in a release build of CPython.
        ctypes.c_ssize_t.from_address(id(obj)).value += _RAISE_BY
    _done = True
