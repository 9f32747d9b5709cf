"""Crash safety: a writer killed with SIGKILL in the middle of its saves loses nothing it had committed.

The child saves large notes in a loop and prints each one's id once its transaction has committed (flushed).
Two ways of killing it: at full speed, right after a reported commit (as a crash comes); and, made certain,
inside a save whose first pages are already in the write-ahead log: the child's cache is two pages, so the
note's pages spill to the log before COMMIT, and the child stops there (signal.pause) until it is killed.
Afterwards the file opens, passes PRAGMA integrity_check, and holds every reported note byte for byte.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import struct
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.userdata import UserData

ROOT = Path(__file__).resolve().parents[2]

CHILD = """
import signal, sys
from desktop.userdata import Anchor, UserData
from desktop.userdata import annotations as notes

stop_inside = int(sys.argv[1])  # the annotation id whose save never finishes; 0: none
original_set_tags = notes.set_tags

def set_tags_then_stop(conn, annotation_id, tags):
    original_set_tags(conn, annotation_id, tags)
    if annotation_id == stop_inside:
        print("inside", annotation_id, flush=True)
        signal.pause()  # mid-transaction: the row is written, COMMIT has not run

notes.set_tags = set_tags_then_stop

def note(i):
    return (f"Note {i}: **verbatim** text, ünïcode ✓\\n" * 4000)[: 100_000 + i]

with UserData.open() as data:
    if stop_inside:
        with data.database.read() as conn:
            conn.execute("PRAGMA cache_size = 2")  # dirty pages spill into the log before the commit
    i = 0
    while True:
        anchor = Anchor("r-kill", "Kill test", "fact", f"fact-{i}", f"quote {i}", f"label {i}", "s", "S", "cite")
        saved = data.annotate(anchor, starred=True, note=note(i), tags=[f"t{i}", "kill"])
        print(saved.id, i, flush=True)
        i += 1
"""


def _note(i: int) -> str:
    return (f"Note {i}: **verbatim** text, ünïcode ✓\n" * 4000)[: 100_000 + i]


def _run_and_kill(user_data_dir: Path, *, after: int, stop_inside: int = 0) -> dict[int, int]:
    """Start the child, kill it after `after` reported commits (or once it says it is inside its save)."""
    env = {**os.environ, "FACT_EXPLORER_DATA_DIR": str(user_data_dir)}
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(stop_inside)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert child.stdout is not None and child.stderr is not None
    committed: dict[int, int] = {}
    try:
        for line in child.stdout:
            if line.startswith("inside"):
                os.kill(child.pid, signal.SIGKILL)
                break
            annotation_id, i = map(int, line.split())
            committed[annotation_id] = i
            if len(committed) == after:
                os.kill(child.pid, signal.SIGKILL)  # at full speed: the child has moved on to its next save
                break
    finally:
        child.kill()
        child.wait()
        errors = child.stderr.read()
        child.stdout.close()
        child.stderr.close()
    assert child.returncode == -signal.SIGKILL, errors
    return committed


def _uncommitted_frames(wal: Path) -> int:
    """Frames at the end of a write-ahead log after its last commit frame: a transaction cut off midway."""
    data = wal.read_bytes()
    page_size = struct.unpack(">I", data[8:12])[0]
    frame = 24 + page_size
    flags = [
        struct.unpack(">I", data[32 + n * frame + 4 : 32 + n * frame + 8])[0] for n in range((len(data) - 32) // frame)
    ]
    last_commit = max((n for n, size in enumerate(flags) if size), default=-1)
    return len(flags) - 1 - last_commit


def _check_every_committed_note(user_data_dir: Path, committed: dict[int, int]) -> None:
    path = user_data_dir / "userdata.sqlite"
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    finally:
        conn.close()
    with UserData.open() as data:
        saved = {a.id: a for a in data.annotations(report_id="r-kill")}
        for annotation_id, i in committed.items():
            item = saved[annotation_id]
            assert item.anchor.target_id == f"fact-{i}"
            assert item.note == _note(i)
            assert item.tags == ("kill", f"t{i}") and item.starred
        # A note the child had not reported is either wholly there or not there at all.
        for item in saved.values():
            if item.id not in committed:
                assert item.note == _note(int(item.anchor.target_id.removeprefix("fact-")))
        data.annotate(saved[min(committed)].anchor, note="written after the crash")  # and it takes new saves


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")
def test_sigkill_inside_a_half_written_save_keeps_every_committed_note(user_data_dir: Path) -> None:
    committed = _run_and_kill(user_data_dir, after=0, stop_inside=6)
    assert sorted(committed) == [1, 2, 3, 4, 5]
    wal = user_data_dir / "userdata.sqlite-wal"
    assert _uncommitted_frames(wal) > 0  # the cut-off save had already written pages into the log
    _check_every_committed_note(user_data_dir, committed)
    with UserData.open() as data:
        assert 6 not in {a.id for a in data.annotations()}  # the unfinished save left no trace


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")
@pytest.mark.parametrize("reported_before_kill", [1, 7, 25])
def test_sigkill_at_full_speed_keeps_every_committed_note(user_data_dir: Path, reported_before_kill: int) -> None:
    committed = _run_and_kill(user_data_dir, after=reported_before_kill)
    assert len(committed) == reported_before_kill
    # The killed writer left its log behind: what follows reads the notes back through SQLite's recovery.
    assert (user_data_dir / "userdata.sqlite-wal").stat().st_size > 0
    _check_every_committed_note(user_data_dir, committed)
