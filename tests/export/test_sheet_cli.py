"""`fact-explorer sheet`: through desktop.app.main, and once as a real process without a display."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
from sheet_pdf_reading import pdf_info, pdf_text

from desktop.app import main
from desktop.cli.batch import ProgressBar


def test_a_fact_sheet_from_the_command_line(qapp: object, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "users.pdf"
    assert main(["sheet", "internet-users", "-o", str(out), "--paper", "Letter"]) == 0
    assert capsys.readouterr().out.strip() == str(out)
    info = pdf_info(out)
    assert info.pages == 1 and (round(info.width_pt), round(info.height_pt)) == (612, 792)
    assert "1.123 billion people" in pdf_text(out)


def test_a_section_sheet_in_landscape(qapp: object, tmp_path: Path) -> None:
    out = tmp_path / "market.pdf"
    assert main(["sheet", "data-market", "-o", str(out), "--landscape"]) == 0
    info = pdf_info(out)
    assert info.width_pt > info.height_pt
    assert "Growing Data Market Participation" in pdf_text(out)


@pytest.mark.parametrize(
    "args, code, message",
    [
        (["internet-user"], 2, "did you mean internet-users"),
        ([], 2, "give a fact id, a section id, or --all"),
        (["internet-users", "--all"], 2, "either an id or --all"),
    ],
)
def test_bad_targets_get_one_line_and_exit_2(
    qapp: object, tmp_path: Path, capsys: pytest.CaptureFixture[str], args: list[str], code: int, message: str
) -> None:
    assert main(["sheet", *args, "-o", str(tmp_path / "x.pdf")]) == code
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    "name, message", [("x.png", "ending in .pdf"), ("dir", "is a directory"), ("no/x.pdf", "does not exist")]
)
def test_bad_outputs_get_one_line_and_a_non_zero_exit(
    qapp: object, tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, message: str
) -> None:
    (tmp_path / "dir").mkdir()
    assert main(["sheet", "internet-users", "-o", str(tmp_path / name)]) == 1
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1 and "Traceback" not in err
    assert [p.name for p in tmp_path.iterdir()] == ["dir"]


def test_an_unknown_paper_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["sheet", "internet-users", "-o", "x.pdf", "--paper", "A3"])
    assert caught.value.code == 2
    assert "invalid choice" in capsys.readouterr().err


def test_the_progress_bar_draws_only_on_a_terminal() -> None:
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    terminal, log = Terminal(), io.StringIO()
    for stream in (terminal, log):
        bar = ProgressBar(stream, "sheet")
        assert bar(1, 4) and bar(4, 4)
        bar.finish()
    assert "[" + "#" * 30 + "] 4/4" in terminal.getvalue()
    assert log.getvalue() == ""


def test_the_whole_report_from_a_process_with_no_display(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    out = tmp_path / "report.pdf"
    done = subprocess.run(
        [sys.executable, "-m", "desktop", "sheet", "--all", "-o", str(out)],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == str(out)
    assert "Traceback" not in done.stderr and "[" not in done.stderr  # no progress bar into a pipe
    assert pdf_info(out).pages > 20
    assert [p.name for p in tmp_path.iterdir()] == ["report.pdf"]
