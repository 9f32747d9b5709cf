"""Writing export files: one place that checks where a file may go and writes it whole or not at all.

Every file the app writes (charts, sheets, screenshots, CSV and JSON listings) goes through here:
- `check_output_file` refuses, in one line, a target that cannot become the file asked for (a directory, a missing
  or unwritable directory, a file in the way of a directory, a read-only file, an unknown extension);
- `write_file` and `atomic_output` write to a temporary file beside the target, whose name fits the file system's
  limit, flush and fsync it, check every error (a writer's own "end" result included), then rename it into place.
  A failure, or Ctrl-C / SIGTERM (raised as an exception by desktop.cli.interrupts), leaves the old file untouched
  and no temporary file behind.
No Qt here: Qt writers (PDF, PNG encoders) hand their bytes or their temporary path to these functions.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import stat
from collections.abc import Callable, Generator, Iterator
from pathlib import Path
from typing import TypeVar

# progress(done, total) -> keep going? Every long export reports through one of these; False cancels.
Progress = Callable[[int, int], bool]
# A long job written as steps: it yields (done, total) between two units of work and returns its result. The CLI
# drains it (run_steps); the window's worker steps it on the GUI thread between events, or on a thread.
T = TypeVar("T")
Steps = Generator[tuple[int, int], None, T]
_SUFFIX = ".part"


def run_steps(steps: Steps[T], progress: Progress | None = None) -> T | None:
    """Run a job to its end; progress returning False stops it (closing the generator runs its cleanups, so a
    half-written file is removed) and gives None."""
    try:
        while True:
            done, total = next(steps)
            if progress is not None and not progress(done, total):
                steps.close()
                return None
    except StopIteration as stop:
        return stop.value
    except BaseException:
        steps.close()
        raise


class ExportError(Exception):
    """A file cannot be written as asked; str() is one line naming the file and the problem."""


def output_format(path: Path, formats: tuple[str, ...], what: str = "a format this writes") -> str:
    """The format a file name asks for, from its extension, among formats ('png', 'svg', 'csv', ...)."""
    ext = path.suffix.lower().lstrip(".")
    names = " or ".join(f".{f}" for f in formats)
    if not ext:
        raise ExportError(f"{path}: no extension; name the file {names}")
    if ext not in formats:
        raise ExportError(f"{path}: '.{ext}' is not {what}; use {names}")
    return ext


def check_output_file(path: Path) -> Path:
    """The path, or ExportError saying in one line why a file cannot be written there."""
    path = Path(path).expanduser()
    if path.is_dir():
        raise ExportError(f"{path} is a directory; give a file name")
    parent = path.absolute().parent
    if not parent.is_dir():
        # Name the real obstacle: an existing file where a directory should be is not a missing directory.
        blocker = next((p for p in (parent, *parent.parents) if p.exists()), None)
        if blocker is not None and not blocker.is_dir():
            raise ExportError(f"cannot write {path}: {blocker} is a file, not a directory")
        raise ExportError(f"{path}: directory {parent} does not exist")
    if not os.access(parent, os.W_OK | os.X_OK):
        raise ExportError(f"cannot write {path}: directory {parent} is not writable")
    if path.exists() or path.is_symlink():
        mode = path.lstat().st_mode
        if not stat.S_ISREG(mode):
            raise ExportError(f"cannot write {path}: it exists and is not a regular file")
        # Checked on the mode bits, not with os.access: root may write anything, but a file its owner made
        # read-only is one the user meant to keep.
        if not mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH):
            raise ExportError(f"cannot write {path}: the file is read-only")
    return path


def check_output_dir(path: Path) -> Path:
    """A directory to write many files into, created if missing; ExportError in one line if it cannot be."""
    path = Path(path).expanduser()
    if path.exists() and not path.is_dir():
        raise ExportError(f"{path} is a file; give a directory to write the files into")
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ExportError(f"cannot create directory {path}: {exc.strerror or exc}") from None
    if not os.access(path, os.W_OK | os.X_OK):
        raise ExportError(f"cannot write into {path}: the directory is not writable")
    return path


def _temporary_name(path: Path) -> Path:
    """A fresh name beside path that fits the file system's name limit however long path's own name is."""
    try:
        limit = os.pathconf(path.absolute().parent, "PC_NAME_MAX")
    except (OSError, ValueError):
        limit = 255
    token = secrets.token_hex(4)
    room = limit - len(f"..{token}{_SUFFIX}".encode())
    stem = path.name.encode()[: max(room, 1)].decode(errors="ignore")
    return path.absolute().parent / f".{stem}.{token}{_SUFFIX}"


@contextlib.contextmanager
def atomic_output(path: Path) -> Iterator[Path]:
    """A temporary path for a writer that opens the file itself (a PDF writer); renamed onto path on success.

    The writer must have closed the file, and checked its own result, before the block ends. On any exception
    (KeyboardInterrupt and SystemExit included) the temporary file is removed and path is left as it was.
    """
    path = check_output_file(path)
    temp = _temporary_name(path)
    try:
        temp.touch(mode=0o600, exist_ok=False)
    except OSError as exc:
        raise ExportError(f"cannot write {path}: {exc.strerror or exc}") from None
    try:
        yield temp
        _commit(temp, path)
    except OSError as exc:
        raise ExportError(f"cannot write {path}: {exc.strerror or exc}") from None
    finally:
        with contextlib.suppress(OSError):
            temp.unlink()


def write_file(path: Path, data: bytes) -> Path:
    """Write data to path whole, or raise ExportError (one line) and leave path as it was."""
    with atomic_output(path) as temp, temp.open("wb") as out:
        out.write(data)
    return Path(path)


def _commit(temp: Path, path: Path) -> None:
    # fsync before rename: after a crash the name points at the whole new file or at the old one, never at
    # an empty one. Permissions follow the umask, as for any file the user saves.
    fd = os.open(temp, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
    umask = os.umask(0)
    os.umask(umask)
    os.chmod(temp, 0o666 & ~umask)
    os.replace(temp, path)
