"""Offline means offline: a whole session (every listing, every chart, every sheet, the window) opens no
network connection, proven by the kernel's own account of each process (strace), not by patching Python:
a connection made from C, as Qt's print support makes to the print service, would not pass through Python."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.skipif(shutil.which("strace") is None, reason="strace is installed by .ci/setup.sh")


def _connections(args: list[str], tmp_path: Path) -> list[str]:
    log = tmp_path / "strace.log"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HOME=str(tmp_path), XDG_CONFIG_HOME=str(tmp_path / "cfg"))
    env["FACT_EXPLORER_DATA_DIR"] = str(tmp_path / "data")
    result = subprocess.run(
        ["strace", "-f", "-qq", "-e", "trace=connect", "-o", str(log), sys.executable, "-m", "desktop", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        cwd=ROOT,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    return [line for line in log.read_text().splitlines() if re.search(r"AF_INET6?\b", line)]


@pytest.mark.parametrize(
    "args",
    [
        ["facts", "--json"],
        ["search", "5G", "--json"],
        ["cite", "5g-base-stations", "--style", "apa"],
        ["chart", "--all", "-o", "{tmp}/charts"],
        ["chart", "--all", "-o", "{tmp}/svg", "--format", "svg"],
        ["sheet", "--all", "-o", "{tmp}/report.pdf"],
        ["sheet", "new-data-products-year-earlier", "-o", "{tmp}/fact.pdf"],
        ["--open", "internet-penetration-rate", "--screenshot", "{tmp}/window.png"],
    ],
    ids=lambda a: a[0],
)
def test_no_job_opens_a_network_connection(tmp_path: Path, args: list[str]) -> None:
    args = [a.replace("{tmp}", str(tmp_path)) for a in args]
    assert _connections(args, tmp_path) == []
