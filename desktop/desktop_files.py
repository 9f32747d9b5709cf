"""Desktop integration: put the .desktop file, AppStream metainfo, icons and fact base MIME type where the
user's desktop looks for them (XDG base directories), then refresh the desktop's caches.

The files live in resources/desktop/; this module copies them whole (temporary file, fsync, rename) into
$XDG_DATA_HOME (~/.local/share), or into PREFIX/share for a packager, and runs update-mime-database and
update-desktop-database when they are installed. When `fact-explorer` is not on PATH (a virtual environment that
is not activated), the installed .desktop file starts the app by its full path instead, so a double-clicked fact
base still opens. No Qt here.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from desktop.paths import resources_dir

APP_ID = "io.github.factexplorer.FactExplorer"
MIME_TYPE = "application/vnd.factexplorer.factbase"
EXTENSION = ".factbase"
COMMAND = "fact-explorer"

# A file in resources/desktop/ -> where it goes under the data directory.
_FILES = {
    f"{APP_ID}.desktop": f"applications/{APP_ID}.desktop",
    f"{APP_ID}.metainfo.xml": f"metainfo/{APP_ID}.metainfo.xml",
    f"{APP_ID}.mime.xml": f"mime/packages/{APP_ID}.xml",
}


class DesktopFilesError(Exception):
    """The files cannot be installed; str() is one line naming the file and the problem."""


@dataclass
class InstallReport:
    data_dir: Path
    installed: list[Path] = field(default_factory=list)
    caches_updated: list[str] = field(default_factory=list)  # the tools that ran
    tools_missing: list[str] = field(default_factory=list)  # the tools not installed (caches not refreshed)
    exec_line: str = ""


def source_dir() -> Path:
    return resources_dir() / "desktop"


def source_files() -> dict[Path, str]:
    """Every file to install (its path in resources/desktop) and where it goes under the data directory."""
    src = source_dir()
    files = {src / name: target for name, target in _FILES.items()}
    for icon in sorted((src / "icons").rglob(f"{APP_ID}.*")):
        files[icon] = f"icons/{icon.relative_to(src / 'icons').as_posix()}"
    return files


def default_data_dir() -> Path:
    """$XDG_DATA_HOME, or ~/.local/share when it is unset or not absolute (as the XDG spec says)."""
    value = os.environ.get("XDG_DATA_HOME", "")
    return Path(value) if value and Path(value).is_absolute() else Path.home() / ".local" / "share"


def launch_command() -> list[str]:
    """How the desktop starts the app: `fact-explorer` if it is on PATH, else the script beside this Python, else
    this Python running the package."""
    if shutil.which(COMMAND):
        return [COMMAND]
    beside = Path(sys.executable).parent / COMMAND
    if beside.is_file() and os.access(beside, os.X_OK):
        return [str(beside.absolute())]
    return [str(Path(sys.executable).absolute()), "-m", "desktop"]


def desktop_entry(command: list[str]) -> str:
    """The .desktop file's text, with Exec and TryExec naming this command."""
    text = (source_dir() / f"{APP_ID}.desktop").read_text(encoding="utf-8")
    if command == [COMMAND]:
        return text
    exec_value = " ".join(_exec_argument(arg) for arg in command) + " %F"
    lines = []
    for line in text.splitlines():
        if line.startswith("Exec="):
            line = "Exec=" + _escape_value(exec_value)
        elif line.startswith("TryExec="):
            line = "TryExec=" + _escape_value(command[0])
        lines.append(line)
    return "\n".join(lines) + "\n"


def install_desktop_files(data_dir: Path | None = None, *, update_caches: bool = True) -> InstallReport:
    """Copy every file into data_dir (default: $XDG_DATA_HOME) and refresh the caches of the tools installed."""
    data_dir = data_dir if data_dir is not None else default_data_dir()
    missing = [name for name in _FILES if not (source_dir() / name).is_file()]
    if missing:
        # A wheel built without them (package data is listed by extension in pyproject.toml).
        raise DesktopFilesError(f"this installation lacks {', '.join(missing)} in {source_dir()}; reinstall it")
    command = launch_command()
    report = InstallReport(data_dir=data_dir, exec_line=" ".join(command) + " %F")
    for source, relative in source_files().items():
        target = data_dir / relative
        data = desktop_entry(command).encode() if source.suffix == ".desktop" else source.read_bytes()
        _write_whole(target, data)
        report.installed.append(target)
    if update_caches:
        _update_caches(data_dir, report)
    return report


def _update_caches(data_dir: Path, report: InstallReport) -> None:
    for tool, directory in (("update-mime-database", "mime"), ("update-desktop-database", "applications")):
        path = shutil.which(tool)
        if path is None:
            report.tools_missing.append(tool)
            continue
        result = subprocess.run([path, str(data_dir / directory)], capture_output=True, text=True, check=False)
        if result.returncode != 0:
            reason = (result.stderr or result.stdout).strip().splitlines()
            raise DesktopFilesError(
                f"{tool} {data_dir / directory} failed: {reason[-1] if reason else result.returncode}"
            )
        report.caches_updated.append(tool)


def _write_whole(target: Path, data: bytes) -> None:
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, temp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
    except OSError as exc:
        raise DesktopFilesError(f"cannot write {target}: {exc.strerror or exc}") from None
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(temp, 0o666 & ~umask)  # mkstemp makes 0600; these files are read by the whole desktop
        os.replace(temp, target)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise DesktopFilesError(f"cannot write {target}: {exc.strerror or exc}") from None
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise


def _exec_argument(arg: str) -> str:
    # The Desktop Entry spec: a literal % is written %%; an argument with a reserved character is double-quoted,
    # and inside the quotes `"`, backquote, `$` and backslash are escaped with a backslash.
    arg = arg.replace("%", "%%")
    if not any(c in arg for c in " \t\n\"'\\><~|&;$*?#()`"):
        return arg
    escaped = "".join("\\" + c if c in '"`$\\' else c for c in arg)
    return f'"{escaped}"'


def _escape_value(value: str) -> str:
    # A string value's own escapes come first when the file is read: each backslash is written twice.
    return value.replace("\\", "\\\\")
