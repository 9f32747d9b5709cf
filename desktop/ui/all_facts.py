"""View ▸ All Facts…: every fact of a report (or of all reports) in a table that sorts, filters and exports.

The filter box reads the search field's language (words, "> 1 billion", "over 50%", kind:, unit:, section:,
report:); the facets beside the table count kind, unit, section and report among the rows the filter keeps, and a
click on one adds (or removes) its filter. Export writes the shown rows, in their order, as CSV or JSON with the
report, a link and the source of each, on the worker and whole or not at all. A row's link (Ctrl+C, Copy Link) is
its Target key, which the search field and Go ▸ Open Link… open again. Dialogs are module functions tests replace.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.query import parse_query
from desktop.export.files import ExportError, Steps, check_output_file, output_format
from desktop.store import FactBaseError
from desktop.store.queries import FactFilter
from desktop.ui.fact_export import export_rows_steps
from desktop.ui.fact_table_model import COLUMNS, LINK_ROLE, FactTableModel, ReportPart, report_part
from desktop.ui.search_model import WorkerBases
from desktop.ui.worker import Job

if TYPE_CHECKING:
    from desktop.ui.main_window import MainWindow

EXPORT_FILTERS = {".csv": "CSV table (*.csv)", ".json": "JSON (*.json)"}
FACETS = (("kind", "Kind", "kind"), ("unit", "Unit", "unit"), ("section_id", "Section", "section"))
ALL_REPORTS = ""
COLUMN_WIDTHS = {"report": 150, "label": 260, "value": 110, "unit": 90, "period": 110, "kind": 80, "section": 170}


def ask_save_path(parent: QWidget, caption: str, suggested: str, filters: list[str]) -> tuple[str, str]:
    return QFileDialog.getSaveFileName(parent, caption, suggested, ";;".join(filters))


def show_error(parent: QWidget, title: str, message: str) -> None:
    QMessageBox.warning(parent, title, message)


Counted = tuple[int, dict[str, list[tuple[str, int]]]]  # a report's count for a filter, and its facets


def count_steps(paths: list[Path], bases: WorkerBases, flt: FactFilter) -> Steps[list[Counted]]:
    """Each report's count and facets for a filter (the worker's job; a step between queries, so it cancels)."""
    found: list[Counted] = []
    for i, path in enumerate(paths):
        yield i, len(paths)
        factbase = bases.get(path)
        count = factbase.fact_count_matching(flt)
        facets: dict[str, list[tuple[str, int]]] = {}
        for column, _title, _key in FACETS:
            yield i, len(paths)
            facets[column] = factbase.fact_facets(column, flt)
        found.append((count, facets))
    return found


class AllFactsDialog(QDialog):
    shown = Signal()  # the rows and facets of a filter are shown

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window_ = window
        self._job: Job | None = None
        self._generation = 0
        self._bases = WorkerBases()  # counts and facets run on the worker, on connections of their own
        self.destroyed.connect(self._bases.close)
        self.setWindowTitle(QCoreApplication.translate("AllFacts", "All Facts"))
        self.setObjectName("allFactsDialog")
        self.model = FactTableModel(parent=self)
        self.report_choice = QComboBox()
        self.report_choice.setAccessibleName(QCoreApplication.translate("AllFacts", "Report shown"))
        # Report titles are headlines: the chooser elides them rather than squeeze the filter box.
        self.report_choice.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.report_choice.setMinimumContentsLength(24)
        self.filter_edit = QLineEdit()
        self.filter_edit.setPlaceholderText(
            QCoreApplication.translate("AllFacts", "Filter: words, > 1 million, over 50%, kind:share, unit:%")
        )
        self.filter_edit.setAccessibleName(QCoreApplication.translate("AllFacts", "Filter facts"))
        self.filter_edit.setClearButtonEnabled(True)
        self.count_label = QLabel()
        self.count_label.setAccessibleName(QCoreApplication.translate("AllFacts", "Facts shown"))
        self.facets = QTreeWidget()
        self.facets.setHeaderHidden(True)
        # A long section title is cut in its middle, not at its end: the count after it is what a facet says.
        self.facets.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.facets.setAccessibleName(QCoreApplication.translate("AllFacts", "Facets: click one to filter by it"))
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(QCoreApplication.translate("AllFacts", "All facts"))
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.setWordWrap(False)  # one line a row, elided: rows keep one height
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)  # measuring contents would read every row
        header.setStretchLastSection(True)
        for column, width in COLUMN_WIDTHS.items():
            header.resizeSection(COLUMNS.index(column), width)
        header.setSortIndicator(self.model.sort_column, self.model.sort_order)
        self.table.setSortingEnabled(True)
        header.sortIndicatorChanged.connect(self._on_sort_indicator)
        self.open_button = QPushButton(QCoreApplication.translate("AllFacts", "&Open"))
        self.copy_button = QPushButton(QCoreApplication.translate("AllFacts", "Copy &Link"))
        self.export_button = QPushButton(QCoreApplication.translate("AllFacts", "&Export…"))
        close = QPushButton(QCoreApplication.translate("AllFacts", "Close"))
        copy_link = QAction(QCoreApplication.translate("AllFacts", "Copy Link"), self.table)
        copy_link.setShortcut(QKeySequence(QKeySequence.StandardKey.Copy))
        copy_link.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.table.addAction(copy_link)

        top = QHBoxLayout()
        top.addWidget(self.report_choice)
        top.addWidget(self.filter_edit, 1)
        top.addWidget(self.count_label)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.facets)
        split.addWidget(self.table)
        split.setStretchFactor(1, 1)
        split.setSizes([220, 760])
        buttons = QHBoxLayout()
        for button in (self.open_button, self.copy_button, self.export_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(split, 1)
        layout.addLayout(buttons)

        self._filter_timer = QTimer(self)
        self._filter_timer.setSingleShot(True)
        self._filter_timer.setInterval(150)  # a filter per pause in typing, not per keystroke
        self._filter_timer.timeout.connect(self.apply_filter)
        self.filter_edit.textEdited.connect(lambda _text: self._filter_timer.start())
        self.filter_edit.returnPressed.connect(self.apply_filter)
        self.report_choice.activated.connect(lambda _row: self.apply_filter())
        self.facets.itemActivated.connect(self._on_facet)
        self.facets.itemClicked.connect(self._on_facet)
        self.table.activated.connect(self._on_open)
        self.open_button.clicked.connect(lambda: self._on_open(self.table.currentIndex()))
        self.copy_button.clicked.connect(self.copy_link)
        copy_link.triggered.connect(self.copy_link)
        self.export_button.clicked.connect(self._on_export)
        close.clicked.connect(self.close)
        self.resize(1000, 620)

    # What is shown ---------------------------------------------------------------------------------------------
    def refresh_reports(self) -> None:
        """The chooser lists the library's reports; the report viewed is chosen when the dialog opens."""
        self.report_choice.clear()
        self.report_choice.addItem(QCoreApplication.translate("AllFacts", "All reports"), ALL_REPORTS)
        for entry in self.window_.shelf.entries():
            self.report_choice.addItem(entry.title, entry.id)
        self.report_choice.setCurrentIndex(max(self.report_choice.findData(self.window_.current_report), 0))
        self.apply_filter()

    def choose_report(self, report_id: str) -> None:
        self.report_choice.setCurrentIndex(max(self.report_choice.findData(report_id), 0))
        self.apply_filter()

    @property
    def busy(self) -> bool:
        """True while the rows and facets of the latest filter are being counted."""
        return self._job is not None

    def apply_filter(self) -> None:
        """Count the rows and facets the filter keeps on the worker; the table and facets follow when they arrive.
        A newer filter cancels the count before it, and a late count of an older one is dropped."""
        self._filter_timer.stop()
        query = parse_query(self.filter_edit.text(), typing=True)
        chosen = self.report_choice.currentData()
        parts: list[ReportPart] = []
        skipped: list[str] = []
        for entry in self.window_.shelf.entries():
            if chosen not in (ALL_REPORTS, entry.id):
                continue
            try:
                factbase = self.window_.shelf.get(entry.id)
            except FactBaseError as exc:
                skipped.append(f"{entry.title}: {exc}")
                continue
            if query.wants_report(factbase.document.title, factbase.document.path):
                parts.append(report_part(entry.id, entry.title, factbase))
        flt = query.fact_filter()
        if self._job is not None:
            self._job.cancel()
            self._bases.interrupt()
        self._generation += 1
        generation = self._generation
        self.count_label.setText(QCoreApplication.translate("AllFacts", "Counting…"))
        paths, bases = [part.factbase.path for part in parts], self._bases
        self._job = self.window_.worker.submit(
            lambda: count_steps(paths, bases, flt),
            on_thread=True,
            success=lambda counted: self._on_counted(generation, parts, flt, counted, skipped),
            failure=lambda error: self._on_count_failed(generation, error),
        )

    def _on_counted(
        self, generation: int, parts: list[ReportPart], flt: FactFilter, counted: list[Counted], skipped: list[str]
    ) -> None:
        if generation != self._generation:
            return
        self._job = None
        self.model.show_facts(parts, flt, [count for count, _facets in counted])
        header = self.table.horizontalHeader()
        header.blockSignals(True)  # the model may have gone back to report order: the indicator follows
        header.setSortIndicator(self.model.sort_column, self.model.sort_order)
        header.blockSignals(False)
        self.table.setColumnHidden(COLUMNS.index("report"), self.report_choice.currentData() != ALL_REPORTS)
        total = self.model.rowCount()
        self.count_label.setText(
            QCoreApplication.translate("AllFacts", "{0:,} fact{1}").format(total, "s" if total != 1 else "")
        )
        self.count_label.setToolTip("\n".join(skipped))
        self._fill_facets(parts, [facets for _count, facets in counted])
        self.shown.emit()

    def _on_count_failed(self, generation: int, error: BaseException) -> None:
        if generation == self._generation:
            self._job = None
            self.count_label.setText(QCoreApplication.translate("AllFacts", "Could not count"))
            self.count_label.setToolTip(str(error))

    def _fill_facets(self, parts: list[ReportPart], facets: list[dict[str, list[tuple[str, int]]]]) -> None:
        self.facets.clear()
        for column, title, key in FACETS:
            counts: Counter[str] = Counter()
            names: dict[str, str] = {}
            for part, found in zip(parts, facets, strict=True):
                for value, count in found[column]:
                    counts[value] += count
                    if column == "section_id":
                        names[value] = part.section_titles.get(value, value)
            self._facet_group(title, [(key, v, names.get(v, v), n) for v, n in counts.most_common()])
        if self.report_choice.currentData() == ALL_REPORTS:
            self._facet_group("Report", [("report", p.report_id, p.title, p.count) for p in parts])

    def _facet_group(self, title: str, values: list[tuple[str, str, str, int]]) -> None:
        group = QTreeWidgetItem(self.facets, [title])
        group.setFlags(Qt.ItemFlag.ItemIsEnabled)
        for key, value, name, count in values:
            item = QTreeWidgetItem(group, [f"{name} ({count:,})"])
            item.setToolTip(
                0, QCoreApplication.translate("AllFacts", "{0}: {1:,} facts; click to filter by it").format(name, count)
            )
            item.setData(0, Qt.ItemDataRole.UserRole, (key, value))
        group.setExpanded(True)

    def _on_facet(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        data = item.data(0, Qt.ItemDataRole.UserRole)
        if not data:
            return
        key, value = data
        if key == "report":
            self.choose_report(value)
            return
        token = f'{key}:"{value}"' if any(c.isspace() or c == '"' for c in value) else f"{key}:{value}"
        text = self.filter_edit.text()
        text = " ".join(text.replace(token, " ").split()) if token in text else f"{text} {token}".strip()
        self.filter_edit.setText(text)
        self.apply_filter()

    def _on_sort_indicator(self, section: int, order: Qt.SortOrder) -> None:
        if not self.model.can_sort(section, order):  # label, period, report; or too many to read from the end
            header = self.table.horizontalHeader()
            header.blockSignals(True)
            header.setSortIndicator(self.model.sort_column, self.model.sort_order)
            header.blockSignals(False)

    # Rows ------------------------------------------------------------------------------------------------------
    def current_link(self) -> str | None:
        index = self.table.currentIndex()
        return self.model.link_at(index.row()) if index.isValid() else None

    def copy_link(self) -> None:
        link = self.current_link()
        if link:
            QGuiApplication.clipboard().setText(link)
            self.window_.statusBar().showMessage(
                QCoreApplication.translate("AllFacts", "Copied link {0}").format(link), 5000
            )

    def _on_open(self, index: QModelIndex) -> None:
        link = index.data(LINK_ROLE) if index.isValid() else None
        if link:
            self.window_.open_target(link)

    def _on_export(self) -> None:
        path, chosen = ask_save_path(
            self,
            QCoreApplication.translate("AllFacts", "Export Facts"),
            QCoreApplication.translate("AllFacts", "facts.csv"),
            list(EXPORT_FILTERS.values()),
        )
        if not path:
            return
        target = Path(path)
        if not target.suffix:
            target = target.with_suffix(next((e for e, f in EXPORT_FILTERS.items() if f == chosen), ".csv"))
        try:
            fmt = output_format(target, ("csv", "json"), "a format facts export to")
            check_output_file(target)
        except ExportError as exc:
            show_error(self, QCoreApplication.translate("AllFacts", "Export Facts"), str(exc))
            return
        rows, total = self.model.iter_rows(), self.model.rowCount()
        self.export_button.setEnabled(False)

        def done(count: int) -> None:
            self.window_.statusBar().showMessage(
                QCoreApplication.translate("AllFacts", "Saved {0:,} facts to {1}").format(count, target), 8000
            )

        def failed(error: BaseException) -> None:
            show_error(self, QCoreApplication.translate("AllFacts", "Export Facts"), str(error))

        job = self.window_.worker.submit(
            lambda: export_rows_steps(rows, target, fmt, total), on_thread=True, success=done, failure=failed
        )
        job.finished.connect(lambda: self.export_button.setEnabled(True))
        self.export_job = job


def show_all_facts(window: MainWindow) -> AllFactsDialog:
    dialog: AllFactsDialog | None = getattr(window, "all_facts_dialog", None)
    if dialog is None:
        dialog = AllFactsDialog(window)
        window.all_facts_dialog = dialog  # type: ignore[attr-defined]  # attached from outside the window
    dialog.refresh_reports()
    dialog.show()
    if QGuiApplication.platformName() != "offscreen":  # offscreen Qt warns that it cannot raise a window
        dialog.raise_()
    dialog.activateWindow()
    return dialog


def attach_all_facts(window: MainWindow) -> None:
    window.window_actions.all_facts.triggered.connect(lambda: show_all_facts(window))
