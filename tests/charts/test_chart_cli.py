"""`fact-explorer chart`: one chart or all of them, in process and headless in a subprocess; bad input."""

from __future__ import annotations

import csv
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from desktop.app import main
from desktop.charts.spec import chart_targets
from desktop.store import FactBase


def test_one_chart_png_at_the_asked_width(qapp, tmp_path: Path, capsys) -> None:
    target = tmp_path / "users.png"
    assert main(["chart", "internet-users", "-o", str(target), "--width", "1000"]) == 0
    image = QImage(str(target))
    assert image.width() == 1000 and "Undated report; figures as of" in image.text("Source")
    assert capsys.readouterr().out.strip() == str(target)


def test_a_section_id_exports_its_overview(qapp, tmp_path: Path, factbase: FactBase) -> None:
    target = tmp_path / "services.csv"
    assert main(["chart", "digital-services", "-o", str(target)]) == 0
    rows = list(csv.DictReader(target.open(encoding="utf-8")))
    assert {r["fact_id"] for r in rows} == {
        "internet-users",
        "medical-insurance-code-users",
        "cross-province-settlement-beneficiaries",
        "e-social-security-card-users",
    }
    assert all(float(r["value"]) == factbase.fact(r["fact_id"]).value for r in rows)


def test_all_writes_every_chart_in_the_asked_format(qapp, tmp_path: Path, factbase: FactBase, capsys) -> None:
    out = tmp_path / "charts"
    assert main(["chart", "--all", "-o", str(out), "--format", "csv"]) == 0
    assert sorted(p.name for p in out.iterdir()) == sorted(
        f"{cid}.csv" for cid in [t.id for t in chart_targets(factbase)]
    )
    assert capsys.readouterr().err == ""  # no progress bar when stderr is not a terminal


def test_unknown_id_exits_2_naming_the_nearest(tmp_path: Path, capsys) -> None:
    assert main(["chart", "internet-user", "-o", str(tmp_path / "x.png")]) == 2
    err = capsys.readouterr().err
    assert "internet-users" in err and err.count("\n") == 1
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["internet-users", "-o", "{tmp}/x.txt"], 1, "not a chart format"),
        (["internet-users", "-o", "{tmp}"], 1, "is a directory"),
        (["internet-users", "-o", "{tmp}/nowhere/x.png"], 1, "does not exist"),
        (["internet-users", "-o", "{tmp}/file.png/x.png"], 1, "file.png is a file, not a directory"),
        (["internet-users", "-o", "{tmp}/file.png/deeper/x.png"], 1, "file.png is a file, not a directory"),
        (["--all", "-o", "{tmp}/file.png"], 1, "is a file"),
        (["internet-users", "--all", "-o", "{tmp}/d"], 2, "either an id or --all"),
        (["-o", "{tmp}/x.png"], 2, "give a fact id"),
        (["internet-users", "--format", "svg", "-o", "{tmp}/x.png"], 2, "--format goes with --all"),
    ],
)
def test_bad_input_gets_one_line_and_no_file(qapp, tmp_path: Path, capsys, args, code, message) -> None:
    (tmp_path / "file.png").write_bytes(b"not mine")
    before = sorted(tmp_path.iterdir())
    assert main(["chart", *[a.format(tmp=tmp_path) for a in args]]) == code
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1 and "Traceback" not in err
    assert sorted(tmp_path.iterdir()) == before


def test_bad_width_is_a_usage_error(tmp_path: Path, capsys) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["chart", "internet-users", "-o", str(tmp_path / "x.png"), "--width", "wide"])
    assert caught.value.code == 2 and "whole number" in capsys.readouterr().err


def test_headless_process_without_display_writes_png_and_svg(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    for name in ("growth.png", "growth.svg"):
        done = subprocess.run(
            [sys.executable, "-m", "desktop", "chart", "new-data-products-growth", "-o", str(tmp_path / name)],
            capture_output=True,
            text=True,
            env=env,
            timeout=120,
        )
        assert done.returncode == 0, done.stderr
        assert "Traceback" not in done.stderr and "Fatal" not in done.stderr
    assert QImage(str(tmp_path / "growth.png")).width() == 1600
    assert b"<metadata>" in (tmp_path / "growth.svg").read_bytes()


def test_all_charts_in_one_process_exit_cleanly(tmp_path: Path) -> None:
    # Dozens of charts once crashed the interpreter at exit (PySide6 6.12 on Python 3.11 drops references to None).
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    done = subprocess.run(
        [sys.executable, "-m", "desktop", "chart", "--all", "-o", str(tmp_path), "--width", "400"],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert len(list(tmp_path.glob("*.png"))) == len(done.stdout.splitlines())
