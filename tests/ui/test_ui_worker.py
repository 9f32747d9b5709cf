"""The worker: jobs written as steps run off the click handler, report progress, can be cancelled, and bring
their result or their error back on the GUI thread."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from desktop.export.files import Steps, atomic_output
from desktop.ui.worker import Worker


def counting(n: int, seen_threads: list[str]) -> Steps[int]:
    total = 0
    for i in range(n):
        seen_threads.append(threading.current_thread().name)
        yield i, n
        total += i
    return total


@pytest.fixture
def worker(qtbot):  # type: ignore[no-untyped-def]
    w = Worker()
    yield w
    w.shutdown()


@pytest.mark.parametrize("on_thread", [True, False])
def test_a_job_returns_its_result_on_the_gui_thread(qtbot, worker: Worker, on_thread: bool) -> None:
    ran_on: list[str] = []
    results: list[tuple[int, str]] = []
    progress: list[tuple[int, int]] = []
    worker.submit(
        lambda: counting(5, ran_on),
        on_thread=on_thread,
        success=lambda value: results.append((value, threading.current_thread().name)),
        progress=lambda done, total: progress.append((done, total)),
    )
    # The callbacks were connected before the job started: waiting on what they record cannot miss them.
    qtbot.waitUntil(lambda: bool(results), timeout=10_000)
    assert results == [(10, threading.main_thread().name)]
    assert progress == [(i, 5) for i in range(5)]
    expected = "fact-explorer-worker" if on_thread else threading.main_thread().name
    assert set(ran_on) == {expected}


@pytest.mark.parametrize("on_thread", [True, False])
def test_an_error_comes_back_as_the_exception(qtbot, worker: Worker, on_thread: bool) -> None:
    def failing() -> Steps[None]:
        yield 0, 1
        raise ValueError("the file is damaged")

    errors: list[BaseException] = []
    worker.submit(failing, on_thread=on_thread, failure=errors.append)
    qtbot.waitUntil(lambda: bool(errors), timeout=10_000)
    assert [str(e) for e in errors] == ["the file is damaged"]


def test_cancel_stops_the_job_and_runs_its_cleanup(qtbot, worker: Worker, tmp_path: Path) -> None:
    target = tmp_path / "out.txt"

    def writing() -> Steps[Path]:
        with atomic_output(target) as temp:
            for i in range(1000):
                temp.write_text(str(i))
                yield i, 1000
        return target

    results: list[object] = []
    job = worker.submit(writing, on_thread=False, success=results.append)
    job.progressed.connect(lambda done, _total: job.cancel() if done == 3 else None)
    with qtbot.waitSignal(job.finished, timeout=10_000):
        pass
    assert results == [] and job.cancelled
    assert list(tmp_path.iterdir()) == []  # neither the file nor its temporary
