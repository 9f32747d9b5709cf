"""Where the user's own data lives: the folder Qt's QStandardPaths.AppDataLocation names, found without Qt.

The window sets organisation "FactExplorer" and application "Fact Explorer" (desktop/ui/launch.py), so Qt puts
app data in `<data home>/FactExplorer/Fact Explorer`. The command line must find the very same folder without
importing Qt, so the rule Qt follows is written out here (tests/userdata/test_location.py compares it with Qt).
FACT_EXPLORER_DATA_DIR overrides it: tests always set it, so no test touches the real home folder.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ORGANISATION = "FactExplorer"
APPLICATION = "Fact Explorer"
DATA_DIR_VARIABLE = "FACT_EXPLORER_DATA_DIR"
DATABASE_NAME = "userdata.sqlite"


def user_data_dir() -> Path:
    """The folder for the user database: $FACT_EXPLORER_DATA_DIR, else the platform's app-data location."""
    override = os.environ.get(DATA_DIR_VARIABLE)
    if override:
        return Path(override).expanduser()
    return _platform_data_home() / ORGANISATION / APPLICATION


def user_database_path() -> Path:
    return user_data_dir() / DATABASE_NAME


def _platform_data_home() -> Path:
    if sys.platform == "win32":
        # Qt's AppDataLocation on Windows is the roaming profile (CSIDL_APPDATA).
        appdata = os.environ.get("APPDATA")
        return Path(appdata) if appdata else Path.home() / "AppData" / "Roaming"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Application Support"
    # XDG: Qt ignores a relative XDG_DATA_HOME, as the XDG base directory specification asks.
    xdg = os.environ.get("XDG_DATA_HOME", "")
    if xdg and Path(xdg).is_absolute():
        return Path(xdg)
    return Path.home() / ".local" / "share"
