"""The full check runs off the GUI thread after a report is shown; a report found damaged leaves the window."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.store import FactBase, FactBaseError
from desktop.ui import report_check
from desktop.ui.main_window import MainWindow
from desktop.ui.report_check import attach_integrity_checks


@pytest.fixture
def told(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    messages: list[str] = []
    monkeypatch.setattr(report_check, "show_damaged", lambda parent, message: messages.append(message))
    return messages


def test_a_sound_report_is_checked_once_and_stays(qtbot, factbase: FactBase, loader, told: list[str]) -> None:
    window = MainWindow(factbase, loader)
    qtbot.addWidget(window)
    checks = attach_integrity_checks(window)
    qtbot.waitUntil(lambda: window.current_report in checks.checked)
    window.worker.shutdown()  # waits for the check to finish
    assert told == [] and checks.failed == {}


def test_a_report_found_damaged_is_closed_and_the_user_told(
    qtbot, factbase: FactBase, tiny_factbase_path: Path, loader, told: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The damage is one the cheap check at open cannot see (a page deep in a large file): stood in for by
    integrity_check's own error, raised for the tiny report only."""
    tiny = FactBase.open(tiny_factbase_path)
    original = FactBase.integrity_check

    def check(self: FactBase) -> None:
        if self is tiny:
            raise FactBaseError(self.path, "is damaged (page 3: btree cell out of range); reinstall or rebuild it")
        original(self)

    monkeypatch.setattr(FactBase, "integrity_check", check)
    window = MainWindow(factbase, loader)
    qtbot.addWidget(window)
    attach_integrity_checks(window)
    tiny_id = window.add_report(tiny)
    window.open_target(f"fact:residents@{tiny_id}")
    assert window.current_report == tiny_id
    qtbot.waitUntil(lambda: bool(told), timeout=10_000)
    assert "damaged" in told[0] and "Harbour Town" in told[0]
    assert tiny_id not in window.shelf and window.current_report != tiny_id
    assert "Ostmark" not in window.page.toPlainText()  # nothing of the damaged report is on screen
    window.worker.shutdown()
