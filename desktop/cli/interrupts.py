"""Ctrl-C and SIGTERM on the command line: a clean exit (130, 143), never a traceback or a segfault.

Python raises KeyboardInterrupt for SIGINT wherever the interpreter happens to be, which may be inside a call
back from Qt's C++ (a paint, a layout): unwinding through C++ there crashed `chart --all` two times in five. So
the handlers only note the signal while a job runs; the job's progress callback (between two files, between
two pages) raises Interrupted from plain Python, where every `finally` and every temporary-file cleanup runs.
Outside a job (plain listings) the exception is raised at once, which is safe there: no Qt is running.
"""

from __future__ import annotations

import contextlib
import signal
from collections.abc import Iterator
from types import FrameType

EXIT_CODES = {signal.SIGINT: 130, signal.SIGTERM: 143}


class Interrupted(BaseException):
    """A signal asked the command to stop; exit_code is 128 + the signal's number.

    A BaseException, like KeyboardInterrupt, so that `except Exception` in a job does not swallow it.
    """

    def __init__(self, signum: int) -> None:
        self.signum = signum
        self.exit_code = EXIT_CODES.get(signal.Signals(signum), 128 + signum)
        super().__init__(signal.Signals(signum).name)


_pending: int | None = None
_deferring = False


def _on_signal(signum: int, _frame: FrameType | None) -> None:
    global _pending
    if _deferring:
        _pending = signum
        return
    raise Interrupted(signum)


@contextlib.contextmanager
def handled() -> Iterator[None]:
    """Install the handlers for the duration of a command; the previous ones come back after."""
    previous = {sig: signal.getsignal(sig) for sig in EXIT_CODES}
    for sig in EXIT_CODES:
        signal.signal(sig, _on_signal)
    try:
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


@contextlib.contextmanager
def deferred() -> Iterator[None]:
    """Within this block a signal is only noted; `check()` raises it at a safe point."""
    global _deferring, _pending
    _deferring, _pending = True, None
    try:
        yield
        check()
    finally:
        _deferring = False


def check() -> None:
    """Raise Interrupted if a signal arrived since the last check (call it between two steps of a job)."""
    global _pending
    if _pending is not None:
        signum, _pending = _pending, None
        raise Interrupted(signum)
