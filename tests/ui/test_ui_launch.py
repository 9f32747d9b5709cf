"""Launching the window: --screenshot saves a painted window; a bad fact base gets one line or a dialog."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from desktop import app
from desktop.ui import startup


def run_app(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HOME=str(tmp_path), XDG_CONFIG_HOME=str(tmp_path / "config"))
    return subprocess.run(
        [sys.executable, "-m", "desktop", *args], env=env, capture_output=True, text=True, timeout=120, cwd=tmp_path
    )


def distinct_colours(image: QImage, step: int = 7) -> int:
    return len({image.pixel(x, y) for x in range(0, image.width(), step) for y in range(0, image.height(), step)})


def test_screenshot_saves_a_painted_window_with_its_chart(tmp_path):
    out = tmp_path / "window.png"
    result = run_app(tmp_path, "--screenshot", str(out))
    assert result.returncode == 0, result.stderr
    image = QImage(str(out))
    assert not image.isNull() and image.width() > 600 and image.height() > 400
    assert distinct_colours(image) > 20  # text, highlights and a chart, not a blank or single-colour frame
    assert not list(tmp_path.glob(".screenshot-*"))  # no temporary file left behind
    assert not (tmp_path / "config").exists()  # --screenshot never writes the user's settings


@pytest.mark.parametrize("open_id", ["fact:apparel-turnaround", "data-market", "term:Yangtze River Delta"])
def test_screenshot_opens_what_is_asked(tmp_path, open_id):
    out = tmp_path / "shot.png"
    result = run_app(tmp_path, "--open", open_id, "--screenshot", str(out))
    assert result.returncode == 0, result.stderr
    assert QImage(str(out)).width() > 0


def test_unknown_open_id_names_the_nearest(tmp_path):
    result = run_app(tmp_path, "--open", "fact:5g-base-station", "--screenshot", str(tmp_path / "x.png"))
    assert result.returncode == 2
    assert "5g-base-stations" in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "x.png").exists()


@pytest.mark.parametrize(
    "content, problem",
    [(None, "no such file"), (b"not a database at all" * 10, "not a SQLite database")],
)
def test_bad_db_with_screenshot_is_one_line_on_stderr(tmp_path, content, problem):
    db = tmp_path / "broken.sqlite"
    if content is not None:
        db.write_bytes(content)
    result = run_app(tmp_path, "--db", str(db), "--screenshot", str(tmp_path / "x.png"))
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and problem in lines[0] and str(db) in lines[0]
    assert not (tmp_path / "x.png").exists()


def test_truncated_db_opens_an_error_dialog(qtbot, factbase_copy, monkeypatch):
    factbase_copy.write_bytes(factbase_copy.read_bytes()[: 4096 * 2])
    shown: list[str] = []
    monkeypatch.setattr(startup, "show_error", shown.append)
    code = app.main(["--db", str(factbase_copy)])
    assert code == 1
    assert len(shown) == 1 and "truncated" in shown[0] and str(factbase_copy) in shown[0]


def test_screenshot_into_a_missing_directory_fails_cleanly(tmp_path):
    result = run_app(tmp_path, "--screenshot", str(tmp_path / "no" / "such" / "dir.png"))
    assert result.returncode == 1
    assert "does not exist" in result.stderr and "Traceback" not in result.stderr


def _without_display(tmp_path: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    return env | {"HOME": str(tmp_path), "XDG_CONFIG_HOME": str(tmp_path / "config")}


def test_no_display_is_one_line_not_a_qt_abort(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "desktop"], env=_without_display(tmp_path), capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 1
    (line,) = result.stderr.strip().splitlines()
    assert line.startswith("fact-explorer: no display to open the window on;") and "--screenshot FILE" in line


def test_screenshot_needs_no_display(tmp_path):
    out = tmp_path / "headless.png"
    result = subprocess.run(
        [sys.executable, "-m", "desktop", "--screenshot", str(out)],
        env=_without_display(tmp_path),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert QImage(str(out)).width() > 600


def test_screenshot_must_be_png(tmp_path):
    result = run_app(tmp_path, "--screenshot", str(tmp_path / "shot.jpg"))
    assert result.returncode == 2 and "ending in .png" in result.stderr
    assert list(tmp_path.glob("shot*")) == []


def test_unknown_plain_id_names_facts_and_sections(tmp_path):
    result = run_app(tmp_path, "--open", "data-markets", "--screenshot", str(tmp_path / "x.png"))
    assert result.returncode == 2
    assert "unknown fact or section 'data-markets'; did you mean data-market?" in result.stderr


def test_a_screenshot_of_a_page_without_a_chart_shows_the_whole_window(qtbot, qapp, factbase, tmp_path):
    # The window as a user sees it a moment after it opens, search bar included; and no chart code loaded for it.
    from PySide6.QtWidgets import QToolBar

    from desktop.ui.report_shelf import ReportShelf

    shelf = ReportShelf()
    shelf.add_open(factbase)
    out = tmp_path / "front.png"
    run = startup.WindowRun(qapp, shelf, None, screenshot=out, open_id=None)
    qtbot.addWidget(run.window)
    assert run.window.open_initial(None)
    run.window.show()
    qtbot.waitExposed(run.window)
    run._on_painted()
    qtbot.waitUntil(out.exists)
    toolbar = run.window.findChild(QToolBar, "searchToolBar")
    assert toolbar is not None and not toolbar.isHidden()
    assert QImage(str(out)).height() == run.window.height()
    assert run.loader._thread is None  # pyqtgraph was never imported for a page with no chart


def test_a_missing_file_with_no_screen_is_one_line_not_a_dialog_nobody_sees(tmp_path):
    result = run_app(tmp_path, str(tmp_path / "nosuch.sqlite"))  # offscreen: no screen for a dialog
    assert result.returncode == 1
    (line,) = [text for text in result.stderr.splitlines() if "propagateSizeHints" not in text]
    assert line.startswith("fact-explorer: ") and "no such file" in line


def test_the_window_stops_on_sigterm(tmp_path):
    # Qt's event loop runs in C++: a Python handler for SIGTERM would wait for it for ever (a logout could not
    # close the window). The window must end as any program does.
    import signal

    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HOME=str(tmp_path), FACT_EXPLORER_TIMING="1")
    env["XDG_CONFIG_HOME"] = env["XDG_DATA_HOME"] = str(tmp_path / "config")
    process = subprocess.Popen(
        [sys.executable, "-m", "desktop"], env=env, stderr=subprocess.PIPE, text=True, cwd=tmp_path
    )
    try:
        assert process.stderr is not None
        for line in process.stderr:  # the window is up once it has painted
            if line.startswith("painted "):
                break
        process.send_signal(signal.SIGTERM)
        assert process.wait(timeout=20) == -signal.SIGTERM
    finally:
        process.kill()
        process.wait()
