"""Data below, Qt above: the contracts in pyproject.toml hold, and the data layer loads no Qt at run time."""

from __future__ import annotations

import socket
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def test_import_contracts_hold() -> None:
    lint_imports = Path(sys.executable).with_name("lint-imports")
    result = subprocess.run([str(lint_imports), "--no-cache"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]
    assert "BROKEN" not in result.stdout


def test_data_layer_and_listing_commands_load_no_qt() -> None:
    probe = (
        "import sys, io, contextlib\n"
        "import db.build, desktop.store, desktop.domain.formatting\n"
        "from desktop.app import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    assert main(['facts', '--json']) == 0\n"
        "loaded = sorted(m for m in sys.modules if m.split('.')[0] in {'PySide6', 'pyqtgraph', 'shiboken6'})\n"
        "print(loaded)\n"
    )
    result = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_the_offline_guard_refuses_connections() -> None:
    # The autouse no_network fixture (tests/conftest.py) is what keeps every other test offline; prove it bites.
    with pytest.raises(AssertionError, match="network connection was attempted"):
        socket.create_connection(("127.0.0.1", 9))
