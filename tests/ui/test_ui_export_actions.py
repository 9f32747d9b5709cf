"""The window's export and print actions, on a plain QMainWindow; the file dialogs are replaced by stand-ins."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QGuiApplication, QImage, QKeySequence
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMainWindow, QMenu, QProgressDialog, QWidget
from sheet_pdf_reading import pdf_info, pdf_text

from desktop.charts.spec import ChartSpec, chart_for_fact, chart_targets
from desktop.domain.target import Target
from desktop.export.chart_options import ChartOptions
from desktop.store import FactBase
from desktop.ui import export_actions
from desktop.ui.export_actions import PDF_FILTER, ExportActions


class Harness:
    """A window with a File menu, and the target and chart the actions ask for."""

    def __init__(self, qtbot, factbase: FactBase) -> None:  # type: ignore[no-untyped-def]
        self.window = QMainWindow()
        qtbot.addWidget(self.window)
        self.file_menu = self.window.menuBar().addMenu("&File")
        self.file_menu.addSeparator()
        self.file_menu.addAction("&Quit")
        self.target: Target | None = Target.fact("internet-users")
        self.chart: ChartSpec | None = chart_for_fact(factbase, "internet-users")
        self.actions = ExportActions(self.window, factbase, lambda: self.target, lambda: self.chart)
        self.actions.install(self.file_menu)
        self.errors: list[str] = []

    def status(self) -> str:
        return self.window.statusBar().currentMessage()


@pytest.fixture
def harness(qtbot, factbase: FactBase, monkeypatch: pytest.MonkeyPatch) -> Harness:  # type: ignore[no-untyped-def]
    h = Harness(qtbot, factbase)
    monkeypatch.setattr(export_actions, "show_error", lambda parent, title, message: h.errors.append(message))
    # The options dialog answers with what it was opened on (its defaults the first time), as Save… would.
    h.options_asked: list[ChartOptions | None] = []  # type: ignore[misc]

    def ask_options(parent: QWidget, spec: ChartSpec, previous: ChartOptions | None) -> ChartOptions | None:
        h.options_asked.append(previous)
        return previous if previous is not None else ChartOptions()

    monkeypatch.setattr(export_actions, "ask_chart_options", ask_options)
    return h


def _save_as(monkeypatch: pytest.MonkeyPatch, path: Path, chosen_filter: str = "") -> list[str]:
    asked: list[str] = []

    def ask(parent: QWidget, caption: str, suggested: str, filters: list[str]) -> tuple[str, str]:
        asked.append(suggested)
        return str(path), chosen_filter or filters[0]

    monkeypatch.setattr(export_actions, "ask_save_path", ask)
    return asked


def _cancelling_dialog(after: int) -> Callable[[QWidget, str], QProgressDialog]:
    class Cancelling(QProgressDialog):
        steps = 0

        def wasCanceled(self) -> bool:  # noqa: N802 (Qt override)
            self.steps += 1
            return self.steps > after

    def make(parent: QWidget, label: str) -> QProgressDialog:
        return Cancelling(label, "Cancel", 0, 0, parent)

    return make


def test_the_file_menu_offers_export_and_print_with_standard_shortcuts(harness: Harness) -> None:
    texts = [a.text() for a in harness.file_menu.actions()]
    assert texts == ["&Export Chart…", "Copy C&hart", "Export &All Charts…", "", "&Print…", "Export P&DF…", "", "&Quit"]
    assert harness.actions.export_chart.shortcut() == QKeySequence("Ctrl+E")
    assert harness.actions.print_sheet.shortcut() == QKeySequence(QKeySequence.StandardKey.Print)


def test_chart_actions_are_disabled_without_a_chart(harness: Harness) -> None:
    harness.chart = None
    harness.actions.update_enabled()
    assert not harness.actions.export_chart.isEnabled() and not harness.actions.copy_chart.isEnabled()
    assert harness.actions.print_sheet.isEnabled() and harness.actions.export_pdf.isEnabled()
    harness.target = None
    harness.chart = chart_for_fact(harness.actions.factbase, "internet-users")
    harness.actions.update_enabled()
    assert harness.actions.export_chart.isEnabled() and not harness.actions.export_pdf.isEnabled()


def test_export_pdf_writes_the_sheet_of_what_is_viewed(
    harness: Harness, qtbot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    asked = _save_as(monkeypatch, tmp_path / "users")  # typed without an extension
    with qtbot.waitSignal(harness.actions.job_finished, timeout=60_000):
        harness.actions.export_pdf.trigger()
    out = tmp_path / "users.pdf"
    assert asked == ["internet-users.pdf"]
    assert pdf_info(out).pages == 1 and "1.123 billion people" in pdf_text(out)
    assert harness.status() == f"Saved {out}" and harness.errors == []


def test_cancelling_the_pdf_progress_writes_nothing(
    harness: Harness, qtbot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    harness.target = Target.report()
    _save_as(monkeypatch, tmp_path / "report.pdf", PDF_FILTER)
    monkeypatch.setattr(export_actions, "progress_dialog", _cancelling_dialog(after=3))
    with qtbot.waitSignal(harness.actions.job_finished, timeout=60_000):
        harness.actions.export_pdf.trigger()
    assert list(tmp_path.iterdir()) == []
    assert "cancelled" in harness.status()


def test_a_pdf_that_cannot_be_written_is_one_line_in_a_message(
    harness: Harness, qtbot, monkeypatch: pytest.MonkeyPatch
) -> None:
    _save_as(monkeypatch, Path("/proc/sheet.pdf"))
    with qtbot.waitSignal(harness.actions.job_finished, timeout=60_000):
        harness.actions.export_pdf.trigger()
    assert len(harness.errors) == 1 and "cannot write" in harness.errors[0] and "\n" not in harness.errors[0]


def test_print_paints_the_sheet_on_the_printer_the_preview_hands_over(
    harness: Harness, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    out = tmp_path / "printed.pdf"

    def preview(parent: QWidget, printer: QPrinter, paint: Callable[[QPrinter], None]) -> bool:
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(out))
        paint(printer)  # what the preview does when the user presses Print
        return True

    monkeypatch.setattr(export_actions, "open_print_preview", preview)
    harness.target = Target.section("data-applications")
    harness.actions.print_sheet.trigger()
    assert "Expanding Data Application Scenarios" in pdf_text(out)


def test_the_real_print_preview_paints_a_preview(harness: Harness, qtbot) -> None:  # type: ignore[no-untyped-def]
    painted: list[int] = []
    original = harness.actions._paint_sheet

    def paint(target: Target, printer: QPrinter) -> None:
        original(target, printer)
        painted.append(printer.pageLayout().pageSize().id().value)

    harness.actions._paint_sheet = paint  # type: ignore[method-assign]

    def close_preview() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None or not painted:
            QTimer.singleShot(50, close_preview)
            return
        dialog.reject()

    QTimer.singleShot(0, close_preview)
    harness.actions.print_sheet.trigger()  # returns once the preview was painted and closed
    assert painted and harness.errors == []


@pytest.mark.parametrize("name, chosen, magic", [("chart", "SVG image (*.svg)", b"<?xml"), ("c.png", "", b"\x89PNG")])
def test_export_chart_writes_the_format_asked_for(
    harness: Harness, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, name: str, chosen: str, magic: bytes
) -> None:
    _save_as(monkeypatch, tmp_path / name, chosen)
    harness.actions.export_chart.trigger()
    (written,) = tmp_path.iterdir()
    assert written.read_bytes().startswith(magic) and harness.errors == []


def test_export_chart_to_an_unknown_format_is_one_line(
    harness: Harness, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    _save_as(monkeypatch, tmp_path / "chart.txt")
    harness.actions.export_chart.trigger()
    assert len(harness.errors) == 1 and ".txt" in harness.errors[0]
    assert list(tmp_path.iterdir()) == []


def test_copy_chart_puts_a_picture_on_the_clipboard(harness: Harness) -> None:
    QGuiApplication.clipboard().clear()
    harness.actions.copy_chart.trigger()
    assert not QGuiApplication.clipboard().image().isNull()


def test_export_all_charts_writes_one_png_per_chart_and_can_be_cancelled(
    harness: Harness, qtbot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(export_actions, "ask_directory", lambda parent, caption: str(tmp_path))
    monkeypatch.setattr(export_actions, "progress_dialog", _cancelling_dialog(after=2))
    with qtbot.waitSignal(harness.actions.job_finished, timeout=60_000):
        harness.actions.export_all.trigger()
    assert len(list(tmp_path.glob("*.png"))) == 2
    assert "stopped" in harness.status()
    monkeypatch.setattr(export_actions, "progress_dialog", _cancelling_dialog(after=10_000))
    with qtbot.waitSignal(harness.actions.job_finished, timeout=120_000):
        harness.actions.export_all.trigger()
    ids = [t.id for t in chart_targets(harness.actions.factbase)]
    assert sorted(p.stem for p in tmp_path.iterdir()) == sorted(ids)


# A popup menu under the offscreen platform: the plugin cannot raise it or grab the keyboard, and says so.
@pytest.mark.qt_log_ignore("This plugin does not support raise", "This plugin does not support grabbing")
def test_right_click_on_the_chart_offers_export_and_copy(harness: Harness, qtbot) -> None:  # type: ignore[no-untyped-def]
    from desktop.charts.plot.widget import make_plot_widget

    assert harness.chart is not None
    plot = make_plot_widget(harness.chart)
    qtbot.addWidget(plot)
    harness.actions.chart_context_menu(plot)
    menu = harness.actions.chart_menu
    plot.resize(600, 400)
    plot.show()
    qtbot.waitExposed(plot)
    # A right-click through the window system, as a mouse makes it: Qt turns it into a context-menu event.
    centre = plot.viewport().mapTo(plot, plot.viewport().rect().center())
    QTest.mouseClick(plot.windowHandle(), Qt.MouseButton.RightButton, Qt.KeyboardModifier.NoModifier, centre)
    qtbot.waitUntil(menu.isVisible)
    assert menu.actions() == [harness.actions.export_chart, harness.actions.copy_chart]
    shown = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMenu) and w.isVisible()]
    assert shown == [menu]  # and not pyqtgraph's own menu, whose SVG export breaks on this PySide6
    menu.hide()


def test_ctrl_e_opens_the_chart_export(
    harness: Harness, qtbot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    asked = _save_as(monkeypatch, tmp_path / "chart.csv")
    harness.window.show()
    qtbot.waitExposed(harness.window)
    harness.window.windowHandle().requestActivate()  # a shortcut fires only in the active window
    qtbot.waitUntil(lambda: QApplication.activeWindow() is harness.window)
    qtbot.keyClick(harness.window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert asked == ["internet-users.png"]
    assert "1123000000" in (tmp_path / "chart.csv").read_text()


def test_export_chart_saves_with_the_options_asked_and_remembers_them(
    harness: Harness, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    asked = ChartOptions(title="Online", size="square", background="dark")
    monkeypatch.setattr(export_actions, "ask_chart_options", lambda parent, spec, previous: asked)
    _save_as(monkeypatch, tmp_path / "chart.png")
    harness.actions.export_chart.trigger()
    image = QImage(str(tmp_path / "chart.png"))
    assert (image.width(), image.height()) == (1200, 1200) and image.text("Title") == "Online"
    assert harness.actions.chart_options == ("internet-users", asked)


def test_the_options_are_remembered_in_the_session_but_a_title_only_for_its_chart(
    harness: Harness, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, factbase: FactBase
) -> None:
    harness.actions.chart_options = ("internet-users", ChartOptions(title="Online", size="slide"))
    _save_as(monkeypatch, tmp_path / "again.png")
    harness.actions.export_chart.trigger()
    assert harness.options_asked[-1] == ChartOptions(title="Online", size="slide")
    harness.chart = chart_for_fact(factbase, "new-data-products-growth")
    _save_as(monkeypatch, tmp_path / "other.png")
    harness.actions.export_chart.trigger()
    assert harness.options_asked[-1] == ChartOptions(size="slide")
    assert QImage(str(tmp_path / "other.png")).height() == 1080


def test_cancelling_the_options_asks_for_no_file(
    harness: Harness, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(export_actions, "ask_chart_options", lambda parent, spec, previous: None)
    asked = _save_as(monkeypatch, tmp_path / "chart.png")
    harness.actions.export_chart.trigger()
    assert asked == [] and list(tmp_path.iterdir()) == []
