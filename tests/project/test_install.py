"""A non-editable install carries resources/ and the bundled fact base, and works from any directory."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    # No build isolation: the build needs nothing beyond setuptools, which the test extra installs; the run
    # stays offline.
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(out), str(ROOT)],
        check=True,
        capture_output=True,
    )
    return next(out.glob("fact_explorer-*.whl"))


@pytest.fixture(scope="module")
def installed(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The wheel installed (without dependencies) into a directory of its own, and an unrelated working directory."""
    root = tmp_path_factory.mktemp("installed")
    target, elsewhere = root / "site", root / "elsewhere"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--target", str(target), str(wheel)],
        check=True,
        capture_output=True,
    )
    elsewhere.mkdir()
    return target, elsewhere


def test_wheel_carries_resources_and_the_fact_base(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "db/factbase.sqlite" in names
    assert "resources/report/000_116ccc03037fb487.txt" in names
    assert "resources/facts.toml" in names
    assert "desktop/py.typed" in names
    entry_points = next(n for n in names if n.endswith("entry_points.txt"))
    assert "fact-explorer = desktop.app:main" in zipfile.ZipFile(wheel).read(entry_points).decode()


def test_installed_copy_lists_facts_from_another_directory(installed: tuple[Path, Path]) -> None:
    target, elsewhere = installed
    env = {**os.environ, "PYTHONPATH": str(target)}
    probe = "import desktop, desktop.paths as p; print(desktop.__file__); print(p.bundled_factbase())"
    where = subprocess.run([sys.executable, "-c", probe], cwd=elsewhere, env=env, capture_output=True, text=True)
    module_file, factbase_file = where.stdout.split()
    assert module_file.startswith(str(target)) and factbase_file.startswith(str(target))

    listing = subprocess.run(
        [str(target / "bin" / "fact-explorer"), "facts", "--json"],
        cwd=elsewhere,
        env=env,
        capture_output=True,
        text=True,
    )
    assert listing.returncode == 0, listing.stderr
    facts = json.loads(listing.stdout)
    assert len(facts) == 20 and {f["id"] for f in facts} >= {"5g-base-stations", "new-market-entities"}


def test_installed_copy_exports_a_chart_and_prints_a_sheet_headless(installed: tuple[Path, Path]) -> None:
    target, elsewhere = installed
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env["PYTHONPATH"] = str(target)
    app = str(target / "bin" / "fact-explorer")
    for args in (
        ["chart", "internet-penetration-rate", "-o", "rate.png"],
        ["chart", "internet-penetration-rate", "-o", "rate.svg"],
        ["sheet", "internet-penetration-rate", "-o", "rate.pdf"],
    ):
        result = subprocess.run([app, *args], cwd=elsewhere, env=env, capture_output=True, text=True, timeout=120)
        assert result.returncode == 0, result.stderr
    png = (elsewhere / "rate.png").read_bytes()
    assert png.startswith(b"\x89PNG") and int.from_bytes(png[16:20], "big") == 1600
    assert b"tEXtSource" in png or b"iTXtSource" in png or b"zTXtSource" in png
    assert b"<metadata" in (elsewhere / "rate.svg").read_bytes()
    assert (elsewhere / "rate.pdf").read_bytes().startswith(b"%PDF")
