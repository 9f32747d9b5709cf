"""The user data folder: the one Qt's AppDataLocation names for the app, found without Qt; overridable."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.userdata import user_data_dir, user_database_path

QT_APP_DATA = """
from PySide6.QtCore import QCoreApplication, QStandardPaths
app = QCoreApplication([])
app.setApplicationName("Fact Explorer")  # as desktop/ui/launch.py names the app
app.setOrganizationName("FactExplorer")
print(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation))
"""


def _env(home: Path, xdg: str | None) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("XDG_DATA_HOME", "FACT_EXPLORER_DATA_DIR")}
    env["HOME"] = str(home)
    if xdg is not None:
        env["XDG_DATA_HOME"] = xdg
    return env


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the XDG rule is checked where Qt follows it")
@pytest.mark.parametrize("xdg", [None, "data-home", "relative"])
def test_folder_is_the_one_qt_gives_the_window(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, xdg: str | None
) -> None:
    home = tmp_path / "home"
    home.mkdir()
    xdg_value = None if xdg is None else ("relative/dir" if xdg == "relative" else str(tmp_path / xdg))
    qt = subprocess.run(
        [sys.executable, "-c", QT_APP_DATA], env=_env(home, xdg_value), capture_output=True, text=True, check=True
    ).stdout.strip()
    monkeypatch.delenv("FACT_EXPLORER_DATA_DIR", raising=False)
    monkeypatch.setenv("HOME", str(home))
    if xdg_value is None:
        monkeypatch.delenv("XDG_DATA_HOME", raising=False)
    else:
        monkeypatch.setenv("XDG_DATA_HOME", xdg_value)
    assert user_data_dir() == Path(qt)
    assert str(user_data_dir()).startswith(str(tmp_path))  # never the real home


def test_environment_variable_names_the_folder(user_data_dir: Path) -> None:
    assert user_database_path() == user_data_dir / "userdata.sqlite"
