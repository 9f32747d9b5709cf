"""View ▸ Compare Versions…: the window shows what changed between two versions in the library."""

from __future__ import annotations

from pathlib import Path

from desktop.store import FactBase
from desktop.ui.diff_actions import CompareVersionsDialog, attach_diff_actions
from desktop.ui.main_window import MainWindow
from desktop.ui.plot_loader import PlotLoader


def test_two_versions_in_the_library_are_compared_in_the_window(
    qtbot, tiny_factbase_path: Path, new_tiny_path: Path
) -> None:
    old, new = FactBase.open(tiny_factbase_path), FactBase.open(new_tiny_path)
    window = MainWindow(old, PlotLoader())
    qtbot.addWidget(window)
    window.add_report(new)
    action = attach_diff_actions(window)
    assert action.text().replace("&", "") == "Compare Versions…"
    dialog = CompareVersionsDialog(window)
    qtbot.addWidget(dialog)
    dialog.old.setCurrentIndex(0)
    dialog.new.setCurrentIndex(1)
    dialog.run()
    qtbot.waitUntil(lambda: "What changed" in dialog.changes.toPlainText(), timeout=10_000)
    text = dialog.changes.toPlainText()
    assert "Facts added (1)" in text and "Cranes at the harbour" in text
    assert "Facts removed (1)" in text and "Building permits issued online" in text
    assert "12,400 → 12,500" in text  # the residents' value, old and new
    assert "Sections added (1)" in text and "Harbour Works" in text
    window.worker.shutdown()
