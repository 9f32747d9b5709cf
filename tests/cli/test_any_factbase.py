"""Every job works on a fact base that is not the bundled one: the tiny fixture, and the bundled report with
every id renamed. Nothing may know the bundled report's ids; everything reads them from the fact base."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from desktop.app import main
from desktop.store import FactBase

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(params=["tiny", "renamed"])
def other_factbase(request: pytest.FixtureRequest) -> Path:
    return request.getfixturevalue(f"{request.param}_factbase_path")


def _fact_ids(path: Path) -> list[str]:
    with FactBase.open(path) as fb:
        return fb.fact_ids()


def test_facts_lists_the_other_fact_base(other_factbase: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db", str(other_factbase), "facts", "--json"]) == 0
    listed = [r["id"] for r in json.loads(capsys.readouterr().out)]
    assert sorted(listed) == sorted(_fact_ids(other_factbase)) and listed


def test_chart_all_writes_every_chart_of_it(qapp, other_factbase: Path, tmp_path: Path) -> None:
    out = tmp_path / "charts"
    assert main(["chart", "--all", "--db", str(other_factbase), "-o", str(out), "--format", "csv"]) == 0
    written = {p.stem for p in out.iterdir()}
    assert set(_fact_ids(other_factbase)) <= written


def test_sheet_all_prints_the_whole_report(qapp, other_factbase: Path, tmp_path: Path) -> None:
    out = tmp_path / "report.pdf"
    assert main(["sheet", "--all", "--db", str(other_factbase), "-o", str(out)]) == 0
    text = subprocess.run(["pdftotext", "-raw", str(out), "-"], capture_output=True, text=True, check=True).stdout
    with FactBase.open(other_factbase) as fb:
        labels = [f.label for f in fb.facts()]
    assert all(label.split()[0] in text for label in labels)


def test_the_window_opens_on_one_of_its_facts(other_factbase: Path, tmp_path: Path) -> None:
    fact_id = _fact_ids(other_factbase)[-1]
    out = tmp_path / "window.png"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HOME=str(tmp_path), XDG_CONFIG_HOME=str(tmp_path / "cfg"))
    result = subprocess.run(
        [sys.executable, "-m", "desktop", str(other_factbase), "--open", fact_id, "--screenshot", str(out)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
    )
    assert result.returncode == 0, result.stderr
    assert QImage(str(out)).width() > 600
