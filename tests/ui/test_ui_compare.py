"""The window's comparison and brief: add facts of several reports with Ctrl+K, see them side by side (the page and
its charts), take one out, export, and print a brief of the comparison or of the bookmarks on the worker."""

from __future__ import annotations

import csv
import io
import re
import subprocess
import unicodedata
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from desktop.domain.target import Target
from desktop.store import FactBase
from desktop.ui import compare_actions, export_actions
from desktop.ui.compare_actions import CompareActions, attach_compare_actions
from desktop.ui.main_window import MainWindow
from desktop.ui.menus import find_menu
from desktop.ui.report_shelf import ReportShelf


@pytest.fixture(scope="module")
def paths(ostmark_paths: dict[str, Path]) -> dict[str, Path]:
    """The tiny report first (the one shown), then the two Ostmark reports."""
    return {"tiny": ostmark_paths["tiny"], "o2023": ostmark_paths["o2023"], "o2025": ostmark_paths["o2025"]}


class Harness:
    def __init__(self, window: MainWindow, actions: CompareActions, ids: dict[str, str]) -> None:
        self.window = window
        self.actions = actions
        self.ids = ids  # short name -> the shelf's report id
        self.errors: list[str] = []

    def open_fact(self, report: str, fact_id: str) -> None:
        assert self.window.open_target(Target.fact(fact_id).in_report(self.ids[report]))


@pytest.fixture
def harness(qtbot, paths, loader, charted, settings, tmp_path, monkeypatch) -> Iterator[Harness]:
    from desktop.userdata import UserData
    from desktop.userdata.anchors import fact_anchor

    monkeypatch.setenv("FACT_EXPLORER_DATA_DIR", str(tmp_path / "user-data"))
    user = UserData.open()
    shelf = ReportShelf()
    ids = {name: shelf.add_open(FactBase.open(path)).id for name, path in paths.items()}
    user.annotate(fact_anchor(shelf.get(ids["o2023"]), "crossings"), starred=True)
    window = MainWindow(shelf, loader, settings, user)
    qtbot.addWidget(window)
    window.open_initial(None)
    window.show()
    qtbot.waitExposed(window)
    h = Harness(window, attach_compare_actions(window), ids)
    monkeypatch.setattr(export_actions, "show_error", lambda parent, title, message: h.errors.append(message))
    yield h
    window.close()
    shelf.close()
    user.close()


def page_text(window: MainWindow) -> str:
    return " ".join(window.page.toPlainText().split())


def pdf_text(path: Path) -> str:
    out = subprocess.run(["pdftotext", "-raw", str(path), "-"], capture_output=True, text=True, check=True).stdout
    return " ".join(unicodedata.normalize("NFKC", out).split())


def pdf_pages(path: Path) -> int:
    out = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    found = re.search(r"Pages:\s+(\d+)", out)
    assert found
    return int(found.group(1))


def add_three(qtbot, h: Harness) -> None:
    for report in ("o2025", "tiny", "o2023"):
        h.open_fact(report, "residents")
        qtbot.keyClick(h.window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)  # Edit ▸ Add to Comparison


def test_ctrl_k_adds_the_fact_viewed_from_each_report(qtbot, harness: Harness) -> None:
    add_three(qtbot, harness)
    assert [m.key for m in harness.actions.comparison] == [
        (harness.ids["o2025"], "residents"),
        (harness.ids["tiny"], "residents"),
        (harness.ids["o2023"], "residents"),
    ]
    assert not harness.actions.add.isEnabled()  # the fact viewed is in already
    assert harness.actions.remove.isEnabled()
    assert "3 facts" in harness.window.statusBar().currentMessage()


def test_the_menus_offer_the_actions(harness: Harness) -> None:
    def texts(title: str) -> list[str]:
        return [a.text().replace("&", "") for a in find_menu(harness.window, title).actions()]

    assert {"Add to Comparison", "Remove from Comparison"} <= set(texts("Edit"))
    assert "Comparison" in texts("View")
    assert {"Export Comparison…", "Print Brief…"} <= set(texts("File"))
    assert harness.actions.add.shortcut().toString() == "Ctrl+K"


def test_view_comparison_shows_the_page_and_a_line_over_time(qtbot, harness: Harness) -> None:
    import pyqtgraph as pg

    add_three(qtbot, harness)
    harness.actions.view_comparison.trigger()
    text = page_text(harness.window)
    assert "Comparison" in text and "3 facts from 3 reports" in text
    for member in harness.actions.comparison:
        assert member.report_title in text
        assert " ".join(member.fact.quote.split()) in text
    view = harness.actions.charts_view
    assert view is not None and view.isVisible()
    assert not harness.window.chart.isVisible()  # the single-chart panel steps aside
    (plot,) = view.widget().plots
    items = plot.getPlotItem().items
    (line,) = [i for i in items if isinstance(i, pg.PlotDataItem)]
    assert list(line.yData) == [11900, 12400, 12650]  # in time order, not the order added


def test_different_units_are_small_multiples_and_leaving_the_page_drops_them(qtbot, harness: Harness) -> None:
    harness.open_fact("tiny", "residents")
    harness.actions.add.trigger()
    harness.open_fact("o2023", "crossings")
    harness.actions.add.trigger()
    harness.actions.view_comparison.trigger()
    view = harness.actions.charts_view
    assert view is not None and len(view.widget().plots) == 2
    harness.open_fact("tiny", "port-rank")
    assert harness.actions.charts_view is None and harness.window.chart.isVisible()
    assert harness.actions.add.isEnabled()


def test_remove_takes_the_fact_viewed_out(qtbot, harness: Harness) -> None:
    add_three(qtbot, harness)
    harness.open_fact("tiny", "residents")
    harness.actions.remove.trigger()
    assert (harness.ids["tiny"], "residents") not in harness.actions.comparison
    assert len(harness.actions.comparison) == 2
    assert harness.actions.add.isEnabled() and not harness.actions.remove.isEnabled()


def test_export_comparison_writes_csv_with_every_source(qtbot, harness: Harness, tmp_path, monkeypatch) -> None:
    add_three(qtbot, harness)
    out = tmp_path / "comparison.csv"
    monkeypatch.setattr(export_actions, "ask_save_path", lambda *a: (str(out), ""))
    harness.actions.export.trigger()
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert {r["source"] for r in rows} == {m.source for m in harness.actions.comparison}
    assert harness.errors == []


def test_export_comparison_pdf_runs_on_the_worker(qtbot, harness: Harness, tmp_path, monkeypatch) -> None:
    add_three(qtbot, harness)
    out = tmp_path / "comparison.pdf"
    monkeypatch.setattr(export_actions, "ask_save_path", lambda *a: (str(out), ""))
    with qtbot.waitSignal(harness.actions.job_finished, timeout=60_000):
        harness.actions.export.trigger()
    assert harness.errors == []
    text = pdf_text(out)
    assert "Residents of Ostmark over time" in text and "References" in text


def test_print_brief_of_the_comparison_or_the_bookmarks(qtbot, harness: Harness, tmp_path, monkeypatch) -> None:
    add_three(qtbot, harness)
    out = tmp_path / "brief.pdf"
    monkeypatch.setattr(export_actions, "ask_save_path", lambda *a: (str(out), ""))
    offered: list[list[str]] = []

    def choose(parent, choices: list[str]) -> str:
        offered.append(choices)
        return "The bookmarks"

    monkeypatch.setattr(compare_actions, "choose_brief_source", choose)
    with qtbot.waitSignal(harness.actions.job_finished, timeout=60_000):
        harness.actions.brief.trigger()
    assert offered == [["The comparison", "The bookmarks"]]
    assert harness.errors == []
    assert pdf_pages(out) == 2  # contents, and the one starred fact
    assert "In 2023 the town's ferries made 7,100 crossings" in pdf_text(out)

    monkeypatch.setattr(compare_actions, "choose_brief_source", lambda parent, choices: "The comparison")
    with qtbot.waitSignal(harness.actions.job_finished, timeout=60_000):
        harness.actions.brief.trigger()
    assert pdf_pages(out) == 4
    assert "12,650 people" in pdf_text(out)


def test_a_cancelled_brief_writes_nothing(qtbot, harness: Harness, tmp_path, monkeypatch) -> None:
    from PySide6.QtWidgets import QProgressDialog

    add_three(qtbot, harness)
    out = tmp_path / "brief.pdf"
    monkeypatch.setattr(export_actions, "ask_save_path", lambda *a: (str(out), ""))
    monkeypatch.setattr(compare_actions, "choose_brief_source", lambda parent, choices: "The comparison")

    class Cancelling(QProgressDialog):
        steps = 0

        def wasCanceled(self) -> bool:  # noqa: N802 (Qt override): the user clicks Cancel after two steps
            self.steps += 1
            return self.steps > 2

    def cancelling(parent, label: str) -> QProgressDialog:
        return Cancelling(label, "Cancel", 0, 0, parent)

    monkeypatch.setattr(export_actions, "progress_dialog", cancelling)
    with qtbot.waitSignal(harness.actions.job_finished, timeout=60_000):
        harness.actions.brief.trigger()
    assert not out.exists() and list(tmp_path.glob("*.pdf")) == []
    assert "nothing written" in harness.window.statusBar().currentMessage()


def test_add_fact_takes_a_fact_of_any_report_and_refuses_the_rest(harness: Harness) -> None:
    assert harness.actions.add_fact(Target.fact("crossings").in_report(harness.ids["o2023"]))
    assert not harness.actions.add_fact(Target.section("ferries").in_report(harness.ids["o2023"]))
    assert not harness.actions.add_fact(Target.fact("nope").in_report(harness.ids["o2023"]))
    assert "nope" in harness.window.statusBar().currentMessage()
    assert [m.key for m in harness.actions.comparison] == [(harness.ids["o2023"], "crossings")]


def test_copy_comparison_chart_puts_picture_svg_and_every_source_on_the_clipboard(qtbot, harness: Harness) -> None:
    from PySide6.QtGui import QGuiApplication

    add_three(qtbot, harness)
    harness.actions.copy.trigger()
    mime = QGuiApplication.clipboard().mimeData()
    assert mime.hasImage() and b"<dc:source>" in bytes(mime.data("image/svg+xml").data())
    for member in harness.actions.comparison:
        assert member.source in mime.text()
