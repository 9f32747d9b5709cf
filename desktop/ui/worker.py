"""The one worker for slow jobs, in the shape of Anki's QueryOp: the job never touches a widget, and its result or
its error comes back on the GUI thread.

A job is written as steps (desktop.export.files.Steps: a generator that yields (done, total) between two units of
work and returns its result), so one piece of code serves the CLI, which drains it, and the window, which runs it
here with progress and cancel:
- `on_thread=True`: pure work (reading, searching, importing, checking a file) runs on one background thread,
  jobs one after another;
- `on_thread=False`: work that paints with Qt widgets (chart pictures, PDF pages: widgets live on the GUI thread
  only) is stepped on the GUI thread from a zero-delay timer, one step per turn of the event loop, so the window
  keeps repainting and Cancel can be clicked.
Cancelling closes the generator at its next step: its `finally` blocks run (a half-written file is removed) and
neither callback fires.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from desktop.export.files import Steps

StepsFactory = Callable[[], Steps[Any]]


class Job(QObject):
    """One submitted job. Signals arrive on the GUI thread; `cancel()` may be called at any time."""

    progressed = Signal(int, int)
    succeeded = Signal(object)
    failed = Signal(object)  # the exception
    finished = Signal()  # after succeeded, failed or a cancel

    def __init__(self, make_steps: StepsFactory, on_thread: bool, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._make_steps = make_steps
        self.on_thread = on_thread
        self.cancelled = False
        self.done = False
        self._steps: Steps[Any] | None = None

    def cancel(self) -> None:
        self.cancelled = True

    # Run by the Worker ------------------------------------------------------------------------------------------
    def _step(self) -> bool:
        """Advance one step; True while there is more to do."""
        try:
            if self._steps is None:
                self._steps = self._make_steps()
            if self.cancelled:
                self._steps.close()
                self._end()
                return False
            done, total = next(self._steps)
            self.progressed.emit(done, total)
            return True
        except StopIteration as stop:
            self._end(result=stop.value, ok=True)
        except Exception as exc:  # noqa: BLE001 - any error of the job is reported to its caller, not raised here
            self._end(error=exc)
        return False

    def _end(self, result: Any = None, ok: bool = False, error: BaseException | None = None) -> None:
        self.done = True
        if not self.cancelled:
            if ok:
                self.succeeded.emit(result)
            elif error is not None:
                self.failed.emit(error)
        self.finished.emit()


class Worker(QObject):
    """Runs Jobs: thread jobs one at a time on one background thread, GUI-thread jobs from a timer."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._queue: queue.Queue[Job | None] = queue.Queue()
        self._thread: threading.Thread | None = None
        self._gui_jobs: list[Job] = []
        self._stepping = False  # a step that shows a modal progress dialog processes events: no step inside a step
        self._timer = QTimer(self)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._on_tick)

    def submit(
        self,
        make_steps: StepsFactory,
        *,
        on_thread: bool,
        success: Callable[[Any], None] | None = None,
        failure: Callable[[BaseException], None] | None = None,
        progress: Callable[[int, int], None] | None = None,
        finished: Callable[[], None] | None = None,
    ) -> Job:
        """Start a job. Pass every callback here, not by connecting to the Job afterwards: a thread job may end
        before submit() returns, and a signal connected late is missed."""
        job = Job(make_steps, on_thread, self)
        if finished is not None:
            job.finished.connect(finished)
        if success is not None:
            job.succeeded.connect(success)
        if failure is not None:
            job.failed.connect(failure)
        if progress is not None:
            job.progressed.connect(progress)
        job.finished.connect(job.deleteLater)
        if on_thread:
            self._ensure_thread()
            self._queue.put(job)
        else:
            self._gui_jobs.append(job)
            self._timer.start()
        return job

    def _ensure_thread(self) -> None:
        if self._thread is None or not self._thread.is_alive():
            self._thread = threading.Thread(target=self._run_thread, name="fact-explorer-worker", daemon=True)
            self._thread.start()

    def _run_thread(self) -> None:
        while (job := self._queue.get()) is not None:
            while job._step():
                pass

    def _on_tick(self) -> None:
        if self._stepping:
            return
        if not self._gui_jobs:
            self._timer.stop()
            return
        self._stepping = True
        try:
            job = self._gui_jobs[0]
            if not job._step():
                self._gui_jobs.pop(0)
        finally:
            self._stepping = False

    def shutdown(self, timeout: float = 10.0) -> None:
        """Cancel what is queued or running and wait for the thread to end (the window calls this on close)."""
        for job in self._gui_jobs:
            job.cancel()
        while self._gui_jobs:
            self._on_tick()
        if self._thread is not None:
            self._queue.put(None)
            self._thread.join(timeout)
            self._thread = None
