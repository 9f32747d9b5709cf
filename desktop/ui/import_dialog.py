"""File ▸ Import Report…: read a report, review the facts the finder proposes, write them as a new fact base.

The finder and the writer are the importer's own (`read_report_file`, `save_factbase`, as `fact-explorer import`
uses them) and run on the window's worker thread: the dialog shows their progress, and Cancel stops them with
nothing written. The dialog never opens what it wrote: it emits `created(path)` and the window's report actions
open it, as File ▸ Open would. Dialogs are module-level functions (ask_output_path, show_error) that tests replace.
"""

from __future__ import annotations

import html
import os
import threading
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtGui import QCloseEvent, QPalette
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.export.files import Steps
from desktop.importer import ImportCancelled, ImportFailed, ImportOptions, ImportPlan, read_report_file, save_factbase
from desktop.ui.review_model import KEEP, ReviewModel, ReviewTable, figure_span, highlighted_html
from desktop.ui.worker import Job, Worker

FACTBASE_FILTER = "Fact bases (*.sqlite)"


# The dialogs: replaced in tests --------------------------------------------------------------------------------
def ask_output_path(parent: QWidget, suggested: Path) -> str:
    """Where to write the new fact base ("" if the user cancels); the file dialog asks before overwriting."""
    path, _ = QFileDialog.getSaveFileName(
        parent, QCoreApplication.translate("ImportDialog", "Create Fact Base"), str(suggested), FACTBASE_FILTER
    )
    return path


def show_error(parent: QWidget, message: str) -> None:
    QMessageBox.warning(parent, QCoreApplication.translate("ImportDialog", "Import Report"), message)


def default_output(report: Path, data_dir: Path | None) -> Path:
    """Next to the report when its folder can be written, else in the user's data folder."""
    beside = report.with_suffix(".sqlite")
    if os.access(report.parent, os.W_OK) or data_dir is None:
        return beside
    return data_dir / "reports" / beside.name


class ImportDialog(QDialog):
    """Reading starts at once; the fields change what is written (the date also how periods are read)."""

    created = Signal(object)  # the Path of the fact base written
    plan_ready = Signal()  # the finder is done and the table is filled
    job_finished = Signal()  # a read or a write ended (done, failed or cancelled)

    def __init__(self, report: Path, worker: Worker, data_dir: Path | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.report = Path(report)
        self.worker = worker
        self.data_dir = data_dir
        self.plan: ImportPlan | None = None
        self.model: ReviewModel | None = None
        self.job: Job | None = None
        self._stop = threading.Event()  # set by Cancel; the importer's progress callback reads it on the thread
        self._read_with: tuple[str, str] = ("", "")  # the date and as-of the finder last ran with
        self._just_read = False
        self._relay = _ProgressRelay(self)
        self._relay.moved.connect(self._on_progress)
        self.setWindowTitle(QCoreApplication.translate("ImportDialog", "Import Report — {0}").format(self.report.name))
        self.setObjectName("importDialog")
        room = parent.width() - 40 if parent is not None else 1000
        self.resize(max(760, min(1200, room)), 620)

        self.title_edit = QLineEdit(self)
        self.title_edit.setPlaceholderText(QCoreApplication.translate("ImportDialog", "the report's headline"))
        self.publisher_edit = QLineEdit(self)
        self.publisher_edit.setPlaceholderText(
            QCoreApplication.translate("ImportDialog", "who published it (optional)")
        )
        self.date_edit = QLineEdit(self)
        self.date_edit.setPlaceholderText(
            QCoreApplication.translate("ImportDialog", "2025-07-01: completes 'Q2', 'last year'")
        )
        self.as_of_edit = QLineEdit(self)
        self.as_of_edit.setPlaceholderText(
            QCoreApplication.translate("ImportDialog", "the date the figures are as of (default: the date)")
        )
        form = QFormLayout()
        form.addRow(QCoreApplication.translate("ImportDialog", "&Title:"), self.title_edit)
        form.addRow(QCoreApplication.translate("ImportDialog", "&Publisher:"), self.publisher_edit)
        form.addRow(QCoreApplication.translate("ImportDialog", "&Date:"), self.date_edit)
        form.addRow(QCoreApplication.translate("ImportDialog", "&As of:"), self.as_of_edit)
        self.date_edit.textEdited.connect(self._update_buttons)
        self.as_of_edit.textEdited.connect(self._update_buttons)

        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.progress = QProgressBar(self)
        self.progress.setTextVisible(False)
        self.cancel_button = QPushButton(QCoreApplication.translate("ImportDialog", "&Stop"), self)
        self.cancel_button.clicked.connect(self.cancel)
        progress_row = QHBoxLayout()
        progress_row.addWidget(self.progress, 1)
        progress_row.addWidget(self.cancel_button)

        self.table = ReviewTable(ReviewModel([], self), self)
        self.sentence = QLabel(self)  # the current row's whole sentence: the column shows only part of it
        self.sentence.setObjectName("reviewSentence")
        self.sentence.setWordWrap(True)
        self.sentence.setTextFormat(Qt.TextFormat.RichText)
        self.sentence.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.sentence.setMinimumHeight(self.fontMetrics().lineSpacing() * 3)
        self.sentence.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.find_button = QPushButton(QCoreApplication.translate("ImportDialog", "&Find Facts Again"), self)
        self.find_button.setToolTip(
            QCoreApplication.translate(
                "ImportDialog", "Read the report again with this date (your changes to the table are lost)"
            )
        )
        self.find_button.clicked.connect(self.start_reading)
        self.keep_all = QPushButton(QCoreApplication.translate("ImportDialog", "&Keep All"), self)
        self.keep_all.clicked.connect(lambda: self.model and self.model.set_all_kept(True))
        self.reject_all = QPushButton(QCoreApplication.translate("ImportDialog", "&Reject All"), self)
        self.reject_all.clicked.connect(lambda: self.model and self.model.set_all_kept(False))
        self.create_button = QPushButton(QCoreApplication.translate("ImportDialog", "&Create Fact Base…"), self)
        self.create_button.clicked.connect(self.create_factbase)
        self.close_button = QPushButton(QCoreApplication.translate("ImportDialog", "Close"), self)
        self.close_button.clicked.connect(self.reject)
        for button in (self.cancel_button, self.find_button, self.keep_all, self.reject_all, self.close_button):
            button.setAutoDefault(False)  # Enter in a field means Create (or Find Facts Again), never Stop or Close
        self.create_button.setAutoDefault(False)
        buttons = QHBoxLayout()
        for button in (self.find_button, self.keep_all, self.reject_all):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.create_button)
        buttons.addWidget(self.close_button)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.status)
        layout.addLayout(progress_row)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.sentence)
        layout.addLayout(buttons)
        self.start_reading()

    # Reading -----------------------------------------------------------------------------------------------------
    def options(self) -> ImportOptions:
        def text(edit: QLineEdit) -> str | None:
            return edit.text().strip() or None

        return ImportOptions(
            title=text(self.title_edit),
            publisher=text(self.publisher_edit),
            date=text(self.date_edit),
            as_of=text(self.as_of_edit),
        )

    def start_reading(self) -> None:
        options = self.options()
        self._read_with = (self.date_edit.text().strip(), self.as_of_edit.text().strip())
        path = self.report
        self._run(
            QCoreApplication.translate("ImportDialog", "Finding the facts of {0}…").format(path.name),
            lambda report: read_report_file(path, options, report),
            self._on_read,
        )

    def _on_read(self, plan: ImportPlan) -> None:
        self.plan = plan
        if not self.title_edit.text().strip():
            self.title_edit.setText(plan.meta.get("title", ""))
        self.model = ReviewModel(plan.facts, self)
        self.model.dataChanged.connect(self._update_buttons)
        old = self.table.model()
        self.table.setModel(self.model)
        self.table.review = self.model
        self.table.selectionModel().currentRowChanged.connect(self._show_sentence)
        if old is not None and old.parent() is self:
            old.deleteLater()
        if plan.facts:
            self.table.setCurrentIndex(self.model.index(0, KEEP))
        self._just_read = True  # the table takes the focus once it is enabled, when the job has finished
        self.plan_ready.emit()

    def _show_sentence(self) -> None:
        index = self.table.currentIndex()
        if self.model is None or not index.isValid():
            self.sentence.clear()
            return
        fact = self.model.fact(index.row())
        grey = self.palette().color(QPalette.ColorRole.PlaceholderText).name()
        where = f"<span style='color:{grey}'>{html.escape(fact.section)}</span> · "
        self.sentence.setText(where + highlighted_html(fact.quote, figure_span(fact), self.palette()))

    # Writing -----------------------------------------------------------------------------------------------------
    def create_factbase(self) -> None:
        if self.plan is None or self.model is None or self.job is not None:
            return
        chosen = ask_output_path(self, default_output(self.report, self.data_dir))
        if not chosen:
            return
        out = Path(chosen) if Path(chosen).suffix else Path(chosen).with_suffix(".sqlite")
        if out.resolve() == self.report.resolve():
            show_error(
                self,
                QCoreApplication.translate(
                    "ImportDialog", "{0}: is the report itself; choose another name for the fact base"
                ).format(out),
            )
            return
        plan, facts = self.plan, self.model.kept_facts()
        options = self.options()
        # The fields are read when Create is pressed: a title typed after reading still reaches the fact base.
        plan.meta["title"] = options.title or plan.report.headline.text
        if options.publisher:
            plan.meta["publisher"] = options.publisher
        else:
            plan.meta.pop("publisher", None)
        plan.meta["source_date"] = options.date or "undated"
        plan.meta["source_as_of"] = options.as_of or options.date or "undated"
        if self.data_dir is not None and out.parent == self.data_dir / "reports":
            out.parent.mkdir(parents=True, exist_ok=True)  # the folder of the default, made on first use
        self._run(
            QCoreApplication.translate("ImportDialog", "Writing {0}…").format(out.name),
            lambda report: save_factbase(plan, out, facts, report),
            self._on_written,
        )

    def _on_written(self, path: Path) -> None:
        self.created.emit(path)
        self.accept()

    # The worker --------------------------------------------------------------------------------------------------
    def _run(self, label: str, work: Callable[[Callable[[int, int], bool]], object], done: Callable) -> None:
        if self.job is not None:
            return
        stop = self._stop = threading.Event()
        relay = self._relay

        def report(step: int, total: int) -> bool:
            relay.moved.emit(step, total)  # from the worker thread: Qt queues it to the dialog
            return not stop.is_set()

        # A thread job can end before submit() returns: it waits until its `finished` is connected, or the
        # dialog would never hear that it ended (submit() connects success and failure itself, not finished).
        connected = threading.Event()

        def steps() -> Steps[object]:
            connected.wait()
            yield 0, 1
            return work(report)

        self.status.setText(label)
        self.progress.setRange(0, 0)
        self.job = self.worker.submit(steps, on_thread=True, success=done, failure=self._on_failed)
        self.job.finished.connect(self._on_job_finished)
        connected.set()
        self._update_buttons()

    def cancel(self) -> None:
        if self.job is not None and not self.job.done:
            self._stop.set()
            self.job.cancel()

    def _on_progress(self, step: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(step)

    def _on_failed(self, error: BaseException) -> None:
        if isinstance(error, ImportCancelled):
            return
        message = str(error) if isinstance(error, ImportFailed) else f"{type(error).__name__}: {error}"
        show_error(self, message)
        if self.plan is None:
            self.reject()  # nothing to review: the report could not be read

    def _on_job_finished(self) -> None:
        cancelled = self.job is not None and self.job.cancelled
        self.job = None
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        if cancelled and self.plan is None:
            self.reject()
        elif self.plan is not None:
            self._update_buttons()
            if cancelled:
                self.status.setText("Stopped; nothing was written. " + self.status.text())
            elif self._just_read:
                self.table.setFocus(Qt.FocusReason.OtherFocusReason)
        self._just_read = False
        self.job_finished.emit()

    def _update_buttons(self) -> None:
        busy = self.job is not None
        self.cancel_button.setVisible(busy)
        self.progress.setVisible(busy)
        ready = self.plan is not None and not busy
        for button in (self.find_button, self.keep_all, self.reject_all, self.table):
            button.setEnabled(ready)
        self.create_button.setEnabled(ready and self.model is not None and self.model.kept_count() > 0)
        if ready and self.model is not None:
            dated = (self.date_edit.text().strip(), self.as_of_edit.text().strip()) != self._read_with
            changed = QCoreApplication.translate(
                "ImportDialog", " The date changed: Find Facts Again reads the periods again."
            )
            note = changed if dated else ""
            self.status.setText(
                QCoreApplication.translate(
                    "ImportDialog",
                    "{0} of {1} proposed facts kept ({2} numbers left out as not metrics). "
                    "Space keeps or rejects a row; F2 or Enter edits a cell.{3}",
                ).format(
                    self.model.kept_count(), self.model.rowCount(), len(self.plan.not_metrics) if self.plan else 0, note
                )
            )
            self.find_button.setDefault(dated)
            self.create_button.setDefault(not dated)

    # Closing stops the work --------------------------------------------------------------------------------------
    def done(self, result: int) -> None:
        self.cancel()
        super().done(result)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        self.cancel()
        super().closeEvent(event)


class _ProgressRelay(QObject):
    """Carries the importer's progress from the worker thread to the dialog on the GUI thread."""

    moved = Signal(int, int)
