"""The fact page's "In other reports": the facts of the library's other reports that measure the same thing,
with their values, periods and reports, a time chart, and per member Confirm / Not the same / Undo.

desktop.domain.series.find_series does the matching (one FTS query per report) on the window's worker thread,
on fact bases of its own opened there (never the window's connections), kept open for the next fact page. The
user's decisions are kept in the user database (desktop.userdata), so they hold across restarts. The panel is a
dock under the page; it shows itself when a fact has members in other reports, unless the user closed it.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtGui import QFont, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDockWidget,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.formatting import format_with_qualifier
from desktop.domain.series import Series, SeriesMember, find_series
from desktop.domain.target import Target
from desktop.export.files import Steps
from desktop.store import FactBase, FactBaseError
from desktop.ui.theme import page_colours
from desktop.userdata import FactRef, UserData, UserDataError
from desktop.userdata.series_library import series_decisions_map

if TYPE_CHECKING:
    from desktop.ui.main_window import MainWindow
    from desktop.ui.worker import Job

COLUMNS = ("Period", "Value", "Report", "Link")
ORIGIN_TEXT = {"self": "this page", "proposed": "proposed", "confirmed": "confirmed", "rejected": "not the same"}
CHART_MIN = (280, 210)  # below pyqtgraph plot's own minimum: the dock shares the height with the page
NO_USER_DATA = "Links cannot be kept: the user database could not be opened"


@dataclass(frozen=True)
class SeriesQuery:
    """What the job needs, read on the GUI thread: plain values only."""

    report_id: str
    fact_id: str
    source: Path
    others: dict[str, Path]  # report id -> fact base path, the other reports of the shelf


@dataclass(frozen=True)
class SeriesResult:
    query: SeriesQuery
    series: Series
    report_ids: dict[Path, str]  # resolved path -> report id, to name a member's report
    skipped: tuple[str, ...]  # reports that could not be read, one line each


class SeriesSources:
    """Fact bases the series job reads, opened on the worker thread on first use, kept open until closed."""

    def __init__(self) -> None:
        self._open: dict[Path, FactBase] = {}
        self._lock = threading.Lock()

    def get(self, path: Path) -> FactBase:
        key = Path(path).resolve()
        with self._lock:
            if key not in self._open:
                self._open[key] = FactBase.open(key)
            return self._open[key]

    def close(self) -> None:
        with self._lock:
            for factbase in self._open.values():
                factbase.close()
            self._open.clear()


def series_steps(query: SeriesQuery, sources: SeriesSources, user_data: UserData | None) -> Steps[SeriesResult]:
    """The worker's job: the fact's series over the other reports, the user's decisions applied."""
    yield 0, 1
    source = sources.get(query.source)
    library: list[FactBase] = []
    skipped: list[str] = []
    for path in query.others.values():
        try:
            library.append(sources.get(path))
        except FactBaseError as exc:
            skipped.append(str(exc))
    decisions = series_decisions_map(user_data, query.report_id, query.fact_id, query.others) if user_data else {}
    series = find_series(source.fact(query.fact_id), source, library, decisions)
    report_ids = {Path(p).resolve(): rid for rid, p in query.others.items()}
    report_ids[Path(query.source).resolve()] = query.report_id
    return SeriesResult(query, series, report_ids, tuple(skipped))


def attach_series_panel(window: MainWindow) -> SeriesPanel:
    panel = SeriesPanel(window)
    window.page_changed.connect(panel.show_for)
    if window.current_target is not None:
        panel.show_for(window.current_target)
    return panel


class SeriesPanel(QObject):
    """The dock and its job. `series_shown` fires when a fact page's members are on screen (or there are none)."""

    series_shown = Signal()

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.user_data = window.user_data
        self.sources = SeriesSources()
        self.result: SeriesResult | None = None
        self._job: Job | None = None
        self._wanted: SeriesQuery | None = None
        self._user_closed = False
        self._showing = False
        self.chart_widget: QWidget | None = None

        self.widget = QWidget()
        self.heading = QLabel(QCoreApplication.translate("SeriesPanel", "In other reports"), self.widget)
        bold = QFont(self.heading.font())
        bold.setBold(True)
        self.heading.setFont(bold)
        self.heading.setWordWrap(True)
        self.table = QTableWidget(0, len(COLUMNS), self.widget)
        self.table.setHorizontalHeaderLabels(list(COLUMNS))
        self.table.setAccessibleName(QCoreApplication.translate("SeriesPanel", "The same metric in other reports"))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(False)  # one line a member (titles elide; the tooltip has the quote)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.ResizeToContents)
        self.table.cellDoubleClicked.connect(self._on_double_clicked)
        self.chart_area = QVBoxLayout()
        self.chart_status = QLabel("", self.widget)
        self.chart_status.setWordWrap(True)
        self.chart_area.addWidget(self.chart_status)
        left = QVBoxLayout()
        left.addWidget(self.heading)
        left.addWidget(self.table, 1)
        layout = QHBoxLayout(self.widget)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(left, 3)
        layout.addLayout(self.chart_area, 2)

        self.dock = QDockWidget(QCoreApplication.translate("SeriesPanel", "In Other Reports"), window)
        self.dock.setObjectName("seriesDock")
        self.dock.setAccessibleName(QCoreApplication.translate("SeriesPanel", "In other reports"))
        self.dock.setWidget(self.widget)
        # Under the tree and the page, not under the right-hand panels: they keep their full height.
        window.setCorner(Qt.Corner.BottomRightCorner, Qt.DockWidgetArea.RightDockWidgetArea)
        window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.dock)
        self.dock.hide()
        self.toggle = self.dock.toggleViewAction()
        self.toggle.setText(QCoreApplication.translate("SeriesPanel", "In &Other Reports"))
        self.toggle.setShortcut(QKeySequence("Ctrl+Shift+O"))
        self.toggle.setStatusTip(
            QCoreApplication.translate("SeriesPanel", "The fact viewed in the library's other reports")
        )
        self.toggle.triggered.connect(self._on_toggled)
        window.window_actions.view_menu.addAction(self.toggle)
        window.addAction(self.toggle)
        self._loader = window.chart.loader  # the window's pyqtgraph loader
        self._loader.loaded.connect(self._draw_chart)
        window.destroyed.connect(self.sources.close)

    # Asking ------------------------------------------------------------------------------------------------
    def show_for(self, target: Target) -> None:
        """A page was shown: a fact's series is asked for on the worker; any other page hides the panel."""
        if self._job is not None:
            self._job.cancel()
            self._job = None
        query = self._query(target)
        self._wanted = query
        if query is None:
            self.result = None
            self._set_visible(False)
            self.series_shown.emit()
            return
        self.heading.setText(QCoreApplication.translate("SeriesPanel", "Looking in the other reports…"))
        self._job = self.window.worker.submit(
            lambda: series_steps(query, self.sources, self.user_data),
            on_thread=True,
            success=self._on_result,
            failure=self._on_failure,
        )

    def refresh(self) -> None:
        target = self.window.current_target
        if target is not None:
            self.show_for(target)

    def _query(self, target: Target) -> SeriesQuery | None:
        if target.kind != "fact":
            return None
        window = self.window
        report_id = target.report_id or window.current_report
        others = {e.id: Path(e.path) for e in window.shelf.entries() if e.id != report_id}
        if not others:
            return None  # one report in the library: nothing to compare with
        return SeriesQuery(report_id, target.id, Path(window.factbase.path), others)

    def _on_result(self, result: Any) -> None:
        assert isinstance(result, SeriesResult)
        if result.query != self._wanted:
            return  # an older page's answer
        self._job = None
        self.result = result
        self._fill(result)
        self._set_visible(bool(result.series.others or result.series.rejected))
        self.series_shown.emit()

    def _on_failure(self, error: BaseException) -> None:
        self._job = None
        self.result = None
        self.heading.setText(QCoreApplication.translate("SeriesPanel", "Not available: {0}").format(error))
        self.table.setRowCount(0)
        self.series_shown.emit()

    # Showing -----------------------------------------------------------------------------------------------
    def _fill(self, result: SeriesResult) -> None:
        series = result.series
        others = len(series.others)
        reports = len({m.report_path for m in series.others})
        where = f"in {reports} other report{'s' if reports != 1 else ''}"
        count = f": {others} facts" if others != reports else ""
        heading = f"{series.fact.label} {where}{count}" if others else f"{series.fact.label}: in no other report"
        if result.skipped:
            heading += f" ({len(result.skipped)} report(s) could not be read)"
        self.heading.setText(heading)
        rows: list[tuple[SeriesMember, str]] = [(m, m.origin) for m in series.members]
        rows += [(m, "rejected") for m in series.rejected]
        self.table.setRowCount(len(rows))
        for row, (member, state) in enumerate(rows):
            period = member.fact.period + (" (undated)" if member.undated else "")
            cells = [period, format_with_qualifier(member.fact), member.report_title]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(f"{member.report_title}\n{member.fact.quote}")
                if state == "self":
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                if state == "rejected":
                    item.setForeground(self.table.palette().placeholderText())
                self.table.setItem(row, column, item)
            self.table.setCellWidget(row, 3, self._link_cell(member, state))
        self._draw_chart()

    def _link_cell(self, member: SeriesMember, state: str) -> QWidget:
        cell = QWidget()
        box = QHBoxLayout(cell)
        box.setContentsMargins(2, 0, 2, 0)
        label = QLabel(ORIGIN_TEXT[state], cell)
        label.setObjectName("series-state")
        label.setVisible(state != "proposed")  # its buttons say it is a proposal, in less room
        box.addWidget(label)
        if state == "proposed":
            box.addWidget(
                self._button(
                    cell,
                    QCoreApplication.translate("SeriesPanel", "Confirm"),
                    member,
                    "confirm",
                    QCoreApplication.translate("SeriesPanel", "Yes, the same metric: keep the link"),
                )
            )
            box.addWidget(
                self._button(
                    cell,
                    QCoreApplication.translate("SeriesPanel", "Not the same"),
                    member,
                    "reject",
                    QCoreApplication.translate("SeriesPanel", "Not the same metric: drop it"),
                )
            )
        elif state in ("confirmed", "rejected"):
            box.addWidget(
                self._button(
                    cell,
                    QCoreApplication.translate("SeriesPanel", "Undo"),
                    member,
                    "forget",
                    QCoreApplication.translate("SeriesPanel", "Forget your decision: the rule decides"),
                )
            )
        return cell

    def _button(self, parent: QWidget, text: str, member: SeriesMember, decision: str, tip: str) -> QPushButton:
        button = QPushButton(text, parent)
        button.setObjectName(f"series-{decision}")
        button.setAccessibleName(f"{text}: {member.report_title}, {member.fact.period}")
        button.setEnabled(self.user_data is not None)
        button.setToolTip(tip if self.user_data is not None else NO_USER_DATA)
        button.clicked.connect(lambda: self.decide(member, decision))
        return button

    def _draw_chart(self) -> None:
        if self.chart_widget is not None:
            self.chart_area.removeWidget(self.chart_widget)
            self.chart_widget.hide()
            self.chart_widget.deleteLater()
            self.chart_widget = None
        from desktop.charts.spec.series import chart_for_series

        spec = chart_for_series(self.result.series) if self.result is not None else None
        if spec is None:
            self.chart_status.setText(
                QCoreApplication.translate(
                    "SeriesPanel", "No time chart: the other reports give no figure to set beside this one."
                )
            )
            self.chart_status.setVisible(self.result is not None)
            return
        if self._loader.module is None:
            self.chart_status.setText(self._loader.error or "Loading chart…")
            self.chart_status.setVisible(True)
            return
        self.chart_status.setVisible(False)
        widget = self._loader.module.make_plot_widget(spec, self.widget, dark=page_colours(self.window.palette()).dark)
        widget.setMinimumSize(*CHART_MIN)
        self.chart_widget = widget
        self.chart_area.addWidget(widget, 1)
        widget.show()

    def _set_visible(self, visible: bool) -> None:
        showing_now = visible and not self._user_closed and not self.dock.isVisible()
        self._showing = True
        try:
            self.dock.setVisible(visible and not self._user_closed)
        finally:
            self._showing = False
        if showing_now:  # as low as it can be: the page above keeps the height
            self.window.resizeDocks([self.dock], [self.dock.minimumSizeHint().height()], Qt.Orientation.Vertical)

    def _on_toggled(self, checked: bool) -> None:
        if not self._showing:
            self._user_closed = not checked

    # Deciding ----------------------------------------------------------------------------------------------
    def member_report(self, member: SeriesMember) -> str | None:
        return self.result.report_ids.get(Path(member.report_path).resolve()) if self.result else None

    def decide(self, member: SeriesMember, decision: str) -> bool:
        """Confirm, reject or forget the link between the fact viewed and member; the series is asked again."""
        if self.user_data is None or self.result is None:
            return False
        other_report = self.member_report(member)
        if other_report is None:
            return False
        mine = FactRef(self.result.query.report_id, self.result.query.fact_id)
        other = FactRef(other_report, member.fact.id)
        try:
            {"confirm": self.user_data.link_facts, "reject": self.user_data.unlink_facts}.get(
                decision, self.user_data.forget_link
            )(mine, other)
        except UserDataError as exc:
            from desktop.ui.annotation_actions import show_error

            show_error(
                self.window, QCoreApplication.translate("SeriesPanel", "In Other Reports"), str(exc).splitlines()[0]
            )
            return False
        words = {"confirm": "Linked", "reject": "Marked as not the same", "forget": "Decision undone"}[decision]
        self.window.statusBar().showMessage(
            QCoreApplication.translate("SeriesPanel", "{0}: {1} in {2}").format(
                words, member.fact.label, member.report_title
            ),
            5000,
        )
        self.refresh()
        return True

    def _on_double_clicked(self, row: int, _column: int) -> None:
        if self.result is None:
            return
        members = self.result.series.members + self.result.series.rejected
        if 0 <= row < len(members) and members[row].origin != "self":
            report = self.member_report(members[row])
            if report is not None:
                self.window.open_target(Target.fact(members[row].fact.id).in_report(report))
