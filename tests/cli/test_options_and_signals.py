"""Options mean what they say wherever they are given; output errors, signals and platform failures end in one
line and a clean exit code, never a traceback, a segfault or a leftover temporary file."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.app import main
from desktop.store import FactBase

ROOT = Path(__file__).resolve().parents[2]


def run(
    *args: str, env: dict[str, str] | None = None, stdout: object = subprocess.PIPE
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "desktop", *args],
        env=env or dict(os.environ, QT_QPA_PLATFORM="offscreen"),
        stdout=stdout,  # type: ignore[arg-type]
        stderr=subprocess.PIPE,
        text=True,
        timeout=120,
        cwd=ROOT,
    )


@pytest.mark.parametrize("where", ["before", "after"])
def test_db_is_honoured_before_or_after_the_command(
    tiny_factbase_path: Path, capsys: pytest.CaptureFixture[str], where: str
) -> None:
    db = ["--db", str(tiny_factbase_path)]
    args = [*db, "facts", "--json"] if where == "before" else ["facts", "--json", *db]
    assert main(args) == 0
    with FactBase.open(tiny_factbase_path) as fb:
        assert sorted(r["id"] for r in json.loads(capsys.readouterr().out)) == sorted(fb.fact_ids())


@pytest.mark.parametrize("option", [["--open", "residents"], ["--screenshot", "x.png"]])
def test_a_window_option_with_a_command_is_an_error(option: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main([*option, "facts"])
    assert exit_info.value.code == 2
    assert "is for the window" in capsys.readouterr().err


def test_a_full_disk_on_standard_output_is_one_line() -> None:
    with open("/dev/full", "w") as full:
        result = run("facts", "--json", stdout=full)  # type: ignore[arg-type]
    assert result.returncode == 1
    assert result.stderr.strip().count("\n") == 0 and "No space left" in result.stderr
    assert "Traceback" not in result.stderr


def test_closed_standard_output_is_one_line() -> None:
    result = subprocess.run(
        f"{sys.executable} -m desktop glossary >&-", shell=True, capture_output=True, text=True, timeout=60, cwd=ROOT
    )
    assert result.returncode == 1 and "standard output is closed" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(
    ("env_change", "message"),
    [({"QT_QPA_PLATFORM": "nosuch"}, "not a Qt platform"), ({"DISPLAY": ":987", "QT_QPA_PLATFORM": ""}, ":987")],
)
def test_a_platform_qt_cannot_start_on_is_one_line(tmp_path: Path, env_change: dict[str, str], message: str) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("WAYLAND_DISPLAY",)} | env_change
    env = {k: v for k, v in env.items() if v != ""}
    result = run("--screenshot", str(tmp_path / "x.png"), env=env)
    assert result.returncode == 1, result.stderr
    (line,) = result.stderr.strip().splitlines()
    assert message in line
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(("signum", "code"), [(signal.SIGTERM, 143), (signal.SIGINT, 130)])
def test_a_signal_during_a_long_export_exits_cleanly_and_leaves_no_temporary(
    tmp_path: Path, signum: int, code: int
) -> None:
    out = tmp_path / "charts"
    process = subprocess.Popen(
        [sys.executable, "-m", "desktop", "chart", "--all", "-o", str(out)],
        env=dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONUNBUFFERED="1"),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=ROOT,
    )
    assert process.stdout is not None
    assert process.stdout.readline()  # the first chart is written: the job is under way
    process.send_signal(signum)
    _out, err = process.communicate(timeout=120)
    assert process.returncode == code, err
    assert "Traceback" not in err and "interrupted" in err
    assert not [p for p in out.iterdir() if p.name.startswith(".")]  # no temporary file left
    assert all(p.stat().st_size > 0 for p in out.iterdir())


def test_a_long_file_name_is_written_and_a_too_long_one_is_one_line(tmp_path: Path) -> None:
    """A legal 245-character name must work (the temporary name beside it fits the limit too); a name over the
    file system's limit is refused in one line, with nothing left behind."""
    legal = tmp_path / ("c" * 241 + ".csv")
    result = run("chart", "internet-users", "-o", str(legal))
    assert result.returncode == 0, result.stderr
    assert legal.read_text(encoding="utf-8").startswith("label,")
    too_long = tmp_path / ("d" * 300 + ".csv")
    result = run("chart", "internet-users", "-o", str(too_long))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stderr.strip().count("\n") == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == [legal.name]


def test_a_read_only_file_is_not_replaced(tmp_path: Path) -> None:
    kept = tmp_path / "kept.csv"
    kept.write_text("mine\n")
    kept.chmod(0o444)
    result = run("chart", "internet-users", "-o", str(kept))
    assert result.returncode == 1 and "read-only" in result.stderr
    assert kept.read_text() == "mine\n"
