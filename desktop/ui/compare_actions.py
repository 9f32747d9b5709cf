"""The window's comparison and brief: Edit ▸ Add to Comparison (Ctrl+K), Remove from Comparison, Clear Comparison;
View ▸ Comparison (Ctrl+Shift+K); File ▸ Export Comparison…, Copy Comparison Chart, Print Brief….

Attached from outside the window (as export_actions is), after the first paint. The comparison lives as long as
the window, its facts from any report of the shelf. View ▸ Comparison puts the comparison page (its facts, their
sentences and reports) in the page pane and its charts (one per unit: desktop.charts.plot.multiples) in place of
the chart panel, until another page is opened. The files are written by the same functions as `fact-explorer
compare` and `fact-explorer brief`; a PDF is written on the window's worker behind a progress dialog that can be
cancelled. The dialogs are module-level functions in desktop.ui.export_actions (tests replace them) and here.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtWidgets import QInputDialog, QScrollArea, QWidget

from desktop.domain.comparison import Comparison, Member
from desktop.domain.target import Target
from desktop.export.files import ExportError, Steps
from desktop.store import FactBaseError, UnknownIdError
from desktop.ui import export_actions as dialogs
from desktop.ui.menus import find_menu, new_action
from desktop.ui.worker import Job

if TYPE_CHECKING:
    from desktop.ui.main_window import MainWindow

COMPARISON_FILTERS = {
    ".png": "PNG image (*.png)",
    ".svg": "SVG image (*.svg)",
    ".csv": "CSV data (*.csv)",
    ".pdf": "PDF sheet (*.pdf)",
}
BRIEF_SOURCES = ("The comparison", "The bookmarks")


def choose_brief_source(parent: QWidget, choices: list[str]) -> str | None:
    """Which facts to print as a brief, when there is more than one choice (tests replace it)."""
    choice, ok = QInputDialog.getItem(parent, "Print Brief", "Print as a brief:", choices, 0, False)
    return choice if ok else None


def attach_compare_actions(window: MainWindow) -> CompareActions:
    actions = CompareActions(window)
    actions.install()
    window.page_changed.connect(actions._on_page_changed)
    actions.update_enabled()
    window.compare_actions = actions  # type: ignore[attr-defined]  # tests and the lead's wiring reach it here
    return actions


class CompareActions(QObject):
    changed = Signal()  # the comparison's members changed
    job_finished = Signal()  # a PDF written on the worker ended (written, failed or cancelled)

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.comparison = Comparison()
        self.showing = False  # the comparison page is what the page pane shows
        self.charts_view: QScrollArea | None = None
        self.add = new_action(
            self.window,
            QCoreApplication.translate("CompareActions", "Add to Co&mparison"),
            QCoreApplication.translate("CompareActions", "Put the fact viewed beside others"),
            self._on_add,
            "Ctrl+K",
        )
        self.remove = new_action(
            self.window,
            QCoreApplication.translate("CompareActions", "&Remove from Comparison"),
            QCoreApplication.translate("CompareActions", "Take the fact viewed out"),
            self._on_remove,
        )
        self.clear = new_action(
            self.window,
            QCoreApplication.translate("CompareActions", "C&lear Comparison"),
            QCoreApplication.translate("CompareActions", "Take every fact out of the comparison"),
            self._on_clear,
        )
        self.view_comparison = new_action(
            self.window,
            QCoreApplication.translate("CompareActions", "Co&mparison"),
            QCoreApplication.translate("CompareActions", "The facts put side by side"),
            self.show_comparison,
            "Ctrl+Shift+K",
        )
        self.export = new_action(
            self.window,
            QCoreApplication.translate("CompareActions", "Export Co&mparison…"),
            QCoreApplication.translate("CompareActions", "Save the comparison as PNG, SVG, CSV or PDF"),
            self._on_export,
        )
        self.copy = new_action(
            self.window,
            QCoreApplication.translate("CompareActions", "Copy Comparison Chart"),
            QCoreApplication.translate("CompareActions", "Copy the comparison's charts"),
            self._on_copy,
        )
        self.brief = new_action(
            self.window,
            QCoreApplication.translate("CompareActions", "Print &Brief…"),
            QCoreApplication.translate("CompareActions", "The comparison or the bookmarks as one PDF"),
            self._on_brief,
        )

    def install(self) -> None:
        edit = find_menu(self.window, "Edit")
        edit.addSeparator()
        edit.addActions([self.add, self.remove, self.clear])
        view = find_menu(self.window, "View")
        first = view.actions()[0] if view.actions() else None
        view.insertAction(first, self.view_comparison)  # type: ignore[arg-type]
        file_menu = find_menu(self.window, "File")
        quit_at = next((a for a in file_menu.actions() if a.text().replace("&", "") == "Quit"), None)
        separator = file_menu.insertSeparator(quit_at)  # type: ignore[arg-type]
        file_menu.insertActions(separator, [self.export, self.copy, self.brief])
        self.window.addActions([self.add, self.view_comparison])  # shortcuts work wherever focus is

    # State -------------------------------------------------------------------------------------------------------
    def viewed_fact(self) -> tuple[str, str] | None:
        """(report id, fact id) of the fact page viewed, or None."""
        target = self.window.current_target
        if self.showing or target is None or target.kind != "fact":
            return None
        return (target.report_id or self.window.current_report, target.id)

    def update_enabled(self) -> None:
        viewed = self.viewed_fact()
        self.add.setEnabled(viewed is not None and viewed not in self.comparison)
        self.remove.setEnabled(viewed is not None and viewed in self.comparison)
        has = bool(len(self.comparison))
        for action in (self.clear, self.export, self.copy):
            action.setEnabled(has)

    def _status(self, message: str) -> None:
        self.window.statusBar().showMessage(message, 8000)

    def _changed(self) -> None:
        self.update_enabled()
        self.changed.emit()
        if self.showing:
            self.show_comparison()

    # Handlers ----------------------------------------------------------------------------------------------------
    def _on_add(self) -> None:
        viewed = self.viewed_fact()
        if viewed is not None:
            self.add_fact(Target.fact(viewed[1]).in_report(viewed[0]))

    def add_fact(self, target: Target) -> bool:
        """Add a fact of any report on the shelf: what a context menu on the tree, a search result or the
        all-facts table calls. False, with the reason in the status bar, for anything else."""
        report_id = target.report_id or self.window.current_report
        if target.kind != "fact" or report_id not in self.window.shelf:
            return False
        try:
            member = self.comparison.add(self.window.shelf.get(report_id), target.id, report_id)
        except (UnknownIdError, FactBaseError) as exc:
            self._status(str(exc))
            return False
        self._status(
            QCoreApplication.translate("CompareActions", "Added {0} to the comparison ({1} facts)").format(
                member.fact.label, len(self.comparison)
            )
        )
        self._changed()
        return True

    def _on_remove(self) -> None:
        viewed = self.viewed_fact()
        if viewed is not None and self.comparison.remove(viewed[1], viewed[0]):
            self._status(
                QCoreApplication.translate("CompareActions", "Removed from the comparison ({0} facts left)").format(
                    len(self.comparison)
                )
            )
            self._changed()

    def _on_clear(self) -> None:
        self.comparison.clear()
        self._status(QCoreApplication.translate("CompareActions", "The comparison is empty"))
        self._changed()

    def _on_page_changed(self, _target: Target) -> None:
        self.showing = False
        self._drop_charts()
        self.update_enabled()

    # The comparison page -----------------------------------------------------------------------------------------
    def show_comparison(self) -> None:
        """The comparison page in the page pane, and its charts in place of the chart panel."""
        from desktop.text.comparison_page import comparison_page
        from desktop.ui.theme import page_colours

        window = self.window
        colours = page_colours(window.palette())
        self.showing = True
        window.page.setHtml(comparison_page(self.comparison, colours))
        window.chart.set_request(None)  # the chart panel steps aside: a comparison may need several charts
        self._drop_charts()
        if len(self.comparison):
            from desktop.charts.plot.multiples import make_multiples_widget
            from desktop.charts.spec.comparison import comparison_chart

            view = QScrollArea(window.detail)
            view.setWidgetResizable(True)
            view.setAccessibleName(QCoreApplication.translate("CompareActions", "Comparison charts"))
            charts = make_multiples_widget(comparison_chart(self.comparison), dark=colours.dark)
            view.setWidget(charts)
            # Scroll down through the charts, never sideways: the pane is made wide enough for a plot's minimum.
            view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            scrollbar = view.verticalScrollBar().sizeHint().width()
            view.setMinimumWidth(charts.minimumSizeHint().width() + scrollbar + 2 * view.frameWidth())
            window.detail.addWidget(view)
            self.charts_view = view
        self.update_enabled()

    def _drop_charts(self) -> None:
        if self.charts_view is not None:
            self.charts_view.hide()
            self.charts_view.setParent(None)  # type: ignore[call-overload]
            self.charts_view.deleteLater()
            self.charts_view = None

    # Export ------------------------------------------------------------------------------------------------------
    def _on_export(self) -> None:
        if not len(self.comparison):
            return
        path, chosen = dialogs.ask_save_path(
            self.window,
            QCoreApplication.translate("CompareActions", "Export Comparison"),
            QCoreApplication.translate("CompareActions", "comparison.png"),
            list(COMPARISON_FILTERS.values()),
        )
        if not path:
            return
        target = Path(path)
        if not target.suffix:
            target = target.with_suffix(next((e for e, f in COMPARISON_FILTERS.items() if f == chosen), ".png"))
        comparison = Comparison(list(self.comparison))  # a snapshot: the user may go on adding while it writes
        if target.suffix.lower() == ".pdf":
            from desktop.export.brief import comparison_pdf_steps

            self.run_pdf("Export Comparison", lambda: comparison_pdf_steps(comparison, target, page_size=_paper()))
            return
        from desktop.charts.spec.comparison import comparison_chart
        from desktop.export.comparison_export import export_comparison_chart

        try:
            export_comparison_chart(comparison_chart(comparison), target, dialogs.CHART_WIDTH)
        except ExportError as exc:
            dialogs.show_error(self.window, QCoreApplication.translate("CompareActions", "Export Comparison"), str(exc))
            return
        self._status(QCoreApplication.translate("CompareActions", "Saved {0}").format(target))

    def _on_copy(self) -> None:
        if not len(self.comparison):
            return
        from desktop.charts.spec.comparison import comparison_chart
        from desktop.export.comparison_export import copy_comparison_to_clipboard

        copy_comparison_to_clipboard(comparison_chart(self.comparison))
        self._status(QCoreApplication.translate("CompareActions", "Comparison chart copied"))

    def _on_brief(self) -> None:
        sources = {BRIEF_SOURCES[0]: list(self.comparison)} if len(self.comparison) else {}
        bookmarks = self.bookmarked_members()
        if bookmarks:
            sources[BRIEF_SOURCES[1]] = bookmarks
        if not sources:
            message = "Nothing to print: add facts to the comparison, or star some."
            dialogs.show_error(self.window, QCoreApplication.translate("CompareActions", "Print Brief"), message)
            return
        choice = next(iter(sources)) if len(sources) == 1 else choose_brief_source(self.window, list(sources))
        if choice is None:
            return
        path, _ = dialogs.ask_save_path(
            self.window,
            QCoreApplication.translate("CompareActions", "Print Brief"),
            QCoreApplication.translate("CompareActions", "brief.pdf"),
            [dialogs.PDF_FILTER],
        )
        if not path:
            return
        target = Path(path) if Path(path).suffix else Path(path).with_suffix(".pdf")
        members = sources[choice]
        title = "Brief: comparison" if choice == BRIEF_SOURCES[0] else "Brief: bookmarks"
        from desktop.export.brief import brief_pdf_steps

        self.run_pdf("Print Brief", lambda: brief_pdf_steps(members, target, title=title, page_size=_paper()))

    def bookmarked_members(self) -> list[Member]:
        """The starred facts of the user's data whose reports are on the shelf, found in them now."""
        user = self.window.user_data
        if user is None:
            return []
        found = Comparison()
        for annotation in sorted(user.annotations(starred=True, kind="fact"), key=lambda a: a.created):
            report_id = annotation.anchor.report_id
            if report_id not in self.window.shelf:
                continue
            try:
                factbase = self.window.shelf.get(report_id)
            except Exception:  # noqa: BLE001 - an unreadable report leaves its bookmarks out, not the brief
                continue
            resolution = user.resolve(factbase, annotation)
            if resolution.target_id is not None:
                found.add(factbase, resolution.target_id, report_id)
        return list(found)

    def run_pdf(self, title: str, make_steps: Callable[[], Steps[Any]]) -> Job:
        """A PDF written on the window's worker behind a progress dialog; errors come back as one line."""
        dialog = dialogs.progress_dialog(self.window, QCoreApplication.translate("CompareActions", "Writing PDF…"))

        def on_progress(step: int, total: int) -> None:
            dialog.setMaximum(total)
            dialog.setValue(step)
            if dialog.wasCanceled():
                job.cancel()

        def on_failure(error: BaseException) -> None:
            message = str(error) if isinstance(error, ExportError) else f"{type(error).__name__}: {error}"
            dialogs.show_error(self.window, title, message)

        def on_finished() -> None:
            dialog.canceled.disconnect(job.cancel)
            dialog.close()
            dialog.deleteLater()
            if job.cancelled:
                self._status(QCoreApplication.translate("CompareActions", "Cancelled; nothing written"))
            self.job_finished.emit()

        job = self.window.worker.submit(
            make_steps,
            on_thread=False,  # charts are painted with widgets: GUI thread, a step a turn of the event loop
            success=lambda written: self._status(
                QCoreApplication.translate("CompareActions", "Saved {0}").format(written)
            ),
            failure=on_failure,
            progress=on_progress,
        )
        job.finished.connect(on_finished)
        dialog.canceled.connect(job.cancel)
        return job


def _paper() -> str:
    return dialogs.default_paper()
