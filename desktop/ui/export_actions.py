"""The window's export and print actions: File ▸ Export Chart…, Copy Chart, Print…, Export PDF…, Export All Charts…,
and the chart's right-click menu.

They call the same functions as the command line (desktop.export); this module only asks where to write and
shows progress and errors. The dialogs are module-level functions (ask_chart_options, ask_save_path, ask_directory,
show_error, progress_dialog, open_print_preview) so tests replace them instead of driving a native dialog.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QEvent, QLocale, QObject, Signal
from PySide6.QtGui import QContextMenuEvent, QKeySequence
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QDialog, QFileDialog, QMainWindow, QMenu, QMessageBox, QProgressDialog, QWidget

from desktop.domain.target import Target
from desktop.export.files import ExportError, Steps
from desktop.store import FactBase
from desktop.ui.menus import new_action
from desktop.ui.worker import Job, Worker

if TYPE_CHECKING:
    from desktop.charts.spec import ChartSpec
    from desktop.export.chart_options import ChartOptions
    from desktop.ui.main_window import MainWindow
CHART_FILTERS = {".png": "PNG image (*.png)", ".svg": "SVG image (*.svg)", ".csv": "CSV data (*.csv)"}
PDF_FILTER = "PDF document (*.pdf)"
CHART_WIDTH = 1600


# The dialogs: replaced in tests ------------------------------------------------------------------------------
def ask_chart_options(parent: QWidget, spec: ChartSpec, previous: ChartOptions | None) -> ChartOptions | None:
    """The export options dialog (desktop.ui.chart_export_dialog), opened on previous; None if cancelled."""
    from desktop.ui.chart_export_dialog import ChartExportDialog

    dialog = ChartExportDialog(spec, previous, parent)
    try:
        return dialog.options() if dialog.exec() == QDialog.DialogCode.Accepted else None
    finally:
        dialog.deleteLater()


def ask_save_path(parent: QWidget, caption: str, suggested: str, filters: list[str]) -> tuple[str, str]:
    """(chosen path or "", chosen filter)."""
    return QFileDialog.getSaveFileName(parent, caption, suggested, ";;".join(filters))


def ask_directory(parent: QWidget, caption: str) -> str:
    return QFileDialog.getExistingDirectory(parent, caption)


def show_error(parent: QWidget, title: str, message: str) -> None:
    QMessageBox.warning(parent, title, message)


def progress_dialog(parent: QWidget, label: str) -> QProgressDialog:
    dialog = QProgressDialog(label, QCoreApplication.translate("ExportActions", "Cancel"), 0, 0, parent)
    dialog.setWindowTitle(QCoreApplication.translate("ExportActions", "Fact Explorer"))
    dialog.setMinimumDuration(300)  # quick jobs finish before a dialog would flash up
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    return dialog


def open_print_preview(parent: QWidget, printer: QPrinter, paint: Callable[[QPrinter], None]) -> bool:
    """The print preview; it calls paint for the preview and again for the printer when the user prints."""
    preview = QPrintPreviewDialog(printer, parent)
    preview.setWindowTitle(QCoreApplication.translate("ExportActions", "Print Preview"))
    preview.paintRequested.connect(paint)
    return bool(preview.exec())


def default_paper() -> str:
    """Letter where the locale measures in inches (US), A4 elsewhere."""
    return "Letter" if QLocale.system().measurementSystem() == QLocale.MeasurementSystem.ImperialUSSystem else "A4"


def attach_export_actions(window: MainWindow) -> ExportActions:
    """Add Export Chart…, Copy Chart, Print…, Export PDF…, Export All Charts… to the window's File menu, and the
    chart's right-click menu. Called after the first paint: printing and export pull in modules it does not need."""
    actions = ExportActions(
        window, lambda: window.factbase, lambda: window.current_target, lambda: window.chart.spec, window.worker
    )
    actions.install(window.window_actions.file_menu)
    window.page_changed.connect(lambda _target: actions.update_enabled())
    window.chart.chart_shown.connect(actions.update_enabled)  # Export Chart… waits for the chart to arrive
    window.chart.plot_created.connect(actions.chart_context_menu)
    if window.chart.plot_widget is not None:
        actions.chart_context_menu(window.chart.plot_widget)
    actions.update_enabled()
    window.export_actions = actions
    return actions


class ExportActions(QObject):
    """The actions; long exports run on the worker, with a progress dialog whose Cancel stops them."""

    job_finished = Signal()  # a background export ended (written, failed or cancelled)

    def __init__(
        self,
        window: QWidget,
        factbase: FactBase | Callable[[], FactBase],
        current_target: Callable[[], Target | None],
        current_chart: Callable[[], ChartSpec | None],
        worker: Worker | None = None,
    ) -> None:
        super().__init__(window)
        self.window = window
        # The window's report changes as the user moves through the library: it hands over a function.
        self._factbase = factbase
        self.current_target = current_target
        self.current_chart = current_chart
        self.worker = worker if worker is not None else Worker(self)
        # The last export options of this session, and the chart they were asked for (its title is only its own).
        self.chart_options: tuple[str, ChartOptions] | None = None
        self.export_chart = new_action(
            self.window,
            QCoreApplication.translate("ExportActions", "&Export Chart…"),
            QCoreApplication.translate("ExportActions", "Save the chart as PNG, SVG or CSV"),
            self._on_export_chart,
        )
        self.export_chart.setShortcut(QKeySequence("Ctrl+E"))
        self.copy_chart = new_action(
            self.window,
            QCoreApplication.translate("ExportActions", "Copy C&hart"),
            QCoreApplication.translate("ExportActions", "Copy the chart to the clipboard as a picture"),
            self._on_copy,
        )
        self.print_sheet = new_action(
            self.window,
            QCoreApplication.translate("ExportActions", "&Print…"),
            QCoreApplication.translate("ExportActions", "Print the fact sheet of what is viewed"),
            self._on_print,
        )
        self.print_sheet.setShortcut(QKeySequence(QKeySequence.StandardKey.Print))
        self.export_pdf = new_action(
            self.window,
            QCoreApplication.translate("ExportActions", "Export P&DF…"),
            QCoreApplication.translate("ExportActions", "Save the fact sheet of what is viewed as PDF"),
            self._on_pdf,
        )
        self.export_all = new_action(
            self.window,
            QCoreApplication.translate("ExportActions", "Export &All Charts…"),
            QCoreApplication.translate("ExportActions", "Save every chart as PNG into a folder"),
            self._on_export_all,
        )
        self.chart_menu = QMenu(window)
        self.chart_menu.addAction(self.export_chart)
        self.chart_menu.addAction(self.copy_chart)
        self.update_enabled()

    @property
    def factbase(self) -> FactBase:
        return self._factbase if isinstance(self._factbase, FactBase) else self._factbase()

    # Wiring ------------------------------------------------------------------------------------------------------
    def install(self, menu: QMenu) -> None:
        """Put the actions at the top of menu (the File menu), above whatever it already holds."""
        before = menu.actions()[0] if menu.actions() else None
        menu.insertActions(before, [self.export_chart, self.copy_chart, self.export_all])  # type: ignore[arg-type]
        menu.insertSeparator(before)  # type: ignore[arg-type]
        menu.insertActions(before, [self.print_sheet, self.export_pdf])  # type: ignore[arg-type]
        self.window.addActions([self.export_chart, self.print_sheet])  # shortcuts work wherever focus is

    def chart_context_menu(self, plot_widget: QWidget) -> None:
        """Right-click on the chart offers Export… and Copy instead of pyqtgraph's own menu."""
        plot_item = getattr(plot_widget, "getPlotItem", lambda: None)()
        if plot_item is not None:
            plot_item.setMenuEnabled(False)  # pyqtgraph's menu has an SVG export that breaks on this PySide6
        plot_widget.installEventFilter(self)
        viewport = getattr(plot_widget, "viewport", lambda: None)()
        if viewport is not None:
            viewport.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.ContextMenu and isinstance(event, QContextMenuEvent):
            self.update_enabled()
            self.chart_menu.popup(event.globalPos())
            return True
        return super().eventFilter(watched, event)

    def update_enabled(self) -> None:
        has_chart = self.current_chart() is not None
        self.export_chart.setEnabled(has_chart)
        self.copy_chart.setEnabled(has_chart)
        has_target = self.current_target() is not None
        self.print_sheet.setEnabled(has_target)
        self.export_pdf.setEnabled(has_target)

    def _status(self, message: str) -> None:
        if isinstance(self.window, QMainWindow):
            self.window.statusBar().showMessage(message, 8000)

    # Charts ------------------------------------------------------------------------------------------------------
    def _on_export_chart(self) -> None:
        spec = self.current_chart()
        if spec is None:
            return
        from desktop.export import chart_export

        options = ask_chart_options(self.window, spec, self._remembered_options(spec))
        if options is None:
            return
        self.chart_options = (spec.chart_id, options)
        path, chosen = ask_save_path(
            self.window,
            QCoreApplication.translate("ExportActions", "Export Chart"),
            QCoreApplication.translate("ExportActions", "{0}.png").format(spec.chart_id),
            list(CHART_FILTERS.values()),
        )
        if not path:
            return
        target = Path(path)
        if not target.suffix:  # typed a bare name: take the extension of the chosen filter
            target = target.with_suffix(next((ext for ext, f in CHART_FILTERS.items() if f == chosen), ".png"))
        try:
            chart_export.export_chart(spec, target, options=options)
        except ExportError as exc:
            show_error(self.window, QCoreApplication.translate("ExportActions", "Export Chart"), str(exc))
            return
        self._status(QCoreApplication.translate("ExportActions", "Saved {0}").format(target))

    def _remembered_options(self, spec: ChartSpec) -> ChartOptions | None:
        if self.chart_options is None:
            return None
        chart_id, options = self.chart_options
        return options if chart_id == spec.chart_id else replace(options, title=None)

    def _on_copy(self) -> None:
        spec = self.current_chart()
        if spec is None:
            return
        from desktop.export.chart_export import copy_chart_to_clipboard

        copy_chart_to_clipboard(spec)
        self._status(QCoreApplication.translate("ExportActions", "Chart copied"))

    def _on_export_all(self) -> None:
        directory = ask_directory(self.window, QCoreApplication.translate("ExportActions", "Export All Charts"))
        if not directory:
            return
        from desktop.export.chart_export import export_all_charts_steps

        def done(paths: list[Path]) -> None:
            self._status(
                QCoreApplication.translate("ExportActions", "Saved {0} charts in {1}").format(len(paths), directory)
            )

        self._run(
            QCoreApplication.translate("ExportActions", "Export All Charts"),
            QCoreApplication.translate("ExportActions", "Exporting charts…"),
            lambda: export_all_charts_steps(self.factbase, Path(directory), "png", CHART_WIDTH),
            done,
            cancelled=f"Export stopped; the charts saved so far are in {directory}",
        )

    # Sheets ------------------------------------------------------------------------------------------------------
    def _on_pdf(self) -> None:
        target = self.current_target()
        if target is None:
            return
        from desktop.export.sheet_pdf import sheet_pdf_steps

        name = target.id if target.kind != "report" else "report"
        path, _ = ask_save_path(
            self.window,
            QCoreApplication.translate("ExportActions", "Export PDF"),
            QCoreApplication.translate("ExportActions", "{0}.pdf").format(name),
            [PDF_FILTER],
        )
        if not path:
            return
        chosen = Path(path) if Path(path).suffix else Path(path).with_suffix(".pdf")
        self._run(
            QCoreApplication.translate("ExportActions", "Export PDF"),
            QCoreApplication.translate("ExportActions", "Writing PDF…"),
            lambda: sheet_pdf_steps(self.factbase, target, chosen, page_size=default_paper()),
            lambda written: self._status(QCoreApplication.translate("ExportActions", "Saved {0}").format(written)),
            cancelled="Export cancelled; nothing written",
        )

    def _run(
        self,
        title: str,
        label: str,
        make_steps: Callable[[], Steps[Any]],
        done: Callable[[Any], None],
        cancelled: str,
    ) -> Job:
        """Run a long export on the worker behind a progress dialog; errors come back as one-line messages."""
        dialog = progress_dialog(self.window, label)

        def on_progress(step: int, total: int) -> None:
            dialog.setMaximum(total)
            dialog.setValue(step)
            if dialog.wasCanceled():
                job.cancel()

        def on_failure(error: BaseException) -> None:
            message = str(error) if isinstance(error, ExportError) else f"{type(error).__name__}: {error}"
            show_error(self.window, title, message)

        def on_finished() -> None:
            was_cancelled = job.cancelled
            dialog.canceled.disconnect(job.cancel)  # closing a progress dialog says "canceled" too
            dialog.close()
            dialog.deleteLater()
            if was_cancelled:
                self._status(cancelled)
            self.job_finished.emit()

        job = self.worker.submit(
            make_steps, on_thread=False, success=done, failure=on_failure, progress=on_progress, finished=on_finished
        )
        dialog.canceled.connect(job.cancel)
        return job

    def _on_print(self) -> None:
        target = self.current_target()
        if target is None:
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        open_print_preview(self.window, printer, lambda p: self._paint_sheet(target, p))

    def _paint_sheet(self, target: Target, printer: Any) -> None:
        # Called by the preview from C++: an exception here would vanish, so it becomes a message.
        from desktop.export.sheet_pdf import print_sheet

        try:
            print_sheet(self.factbase, target, printer)
        except ExportError as exc:
            show_error(self.window, QCoreApplication.translate("ExportActions", "Print"), str(exc))
