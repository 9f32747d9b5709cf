"""The explorer window: section tree on the left, the page in the middle, the glossary in a dock."""

from __future__ import annotations

from types import ModuleType
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QModelIndex, QSettings, Qt, QUrl, Signal
from PySide6.QtGui import QCloseEvent, QGuiApplication, QResizeEvent
from PySide6.QtWidgets import QApplication, QDockWidget, QMainWindow, QMessageBox, QSplitter, QTreeView

from desktop import __version__
from desktop.domain.formatting import fact_sentence
from desktop.domain.target import Target, resolve
from desktop.store import FactBase, FactBaseError, UnknownIdError
from desktop.text.pages import PageColours, about_html, fact_page, report_page, section_page
from desktop.ui.chart_panel import ChartPanel, ChartRequest
from desktop.ui.glossary_panel import GlossaryPanel
from desktop.ui.history import History
from desktop.ui.library_tree_model import TARGET_ROLE, LibraryTreeModel
from desktop.ui.link_browser import LinkBrowser
from desktop.ui.menus import WindowActions, build_menus
from desktop.ui.plot_loader import PlotLoader
from desktop.ui.report_shelf import ReportShelf
from desktop.ui.theme import Theme, add_theme_menu, page_colours
from desktop.ui.tree_figures import FigureDelegate
from desktop.ui.tree_paging import TreePaging
from desktop.ui.window_layout import (
    SMALL_REPORT,
    ZOOM_SETTING,
    TreeColumns,
    apply_zoom,
    fit_to_screen,
    share_width,
    zoom_steps,
)
from desktop.ui.window_state import last_target, restore_window_state, save_window_state
from desktop.ui.worker import Worker

if TYPE_CHECKING:
    from desktop.ui.export_actions import ExportActions
    from desktop.ui.report_actions import ReportActions
    from desktop.userdata import UserData


def _charts() -> ModuleType:
    """desktop.charts.spec, imported when the first chart is drawn rather than before the first paint."""
    from desktop.charts import spec

    return spec


class MainWindow(QMainWindow):
    """Shows one page at a time (report, section or fact); `page_changed` carries its Target."""

    page_changed = Signal(object)
    report_shown = Signal(str)  # the report id, when the window moves to a report

    def __init__(
        self,
        reports: ReportShelf | FactBase,
        loader: PlotLoader,
        settings: QSettings | None = None,
        user_data: UserData | None = None,
        theme: Theme | None = None,
    ) -> None:
        super().__init__()
        if isinstance(reports, FactBase):
            shelf = ReportShelf()
            shelf.add_open(reports)
            reports = shelf
        self.shelf = reports
        self.current_report = reports.entries()[0].id
        factbase = self.factbase
        self.settings = settings
        self.user_data = user_data
        self.history = History()
        self.worker = Worker(self)  # the one worker for this window's slow jobs
        self.export_actions: ExportActions | None = None  # attached after the first paint
        self.report_actions: ReportActions | None = None
        self.setObjectName("mainWindow")
        self._colours: PageColours = page_colours(self.palette())

        self.tree_model = LibraryTreeModel(self.shelf, self)
        self.tree = QTreeView(self)
        self.tree.setModel(self.tree_model)
        self.tree.setHeaderHidden(True)
        self.tree.setUniformRowHeights(True)  # lets the view lay out a long section without measuring every row
        self._open_section = ""  # in a large report, the key of the one section left open
        self.tree_columns = TreeColumns(self.tree)
        self.tree.setItemDelegateForColumn(1, FigureDelegate(self.tree))
        self.tree_paging = TreePaging(self.tree, self.tree_model)
        self.tree.setAccessibleName(QCoreApplication.translate("MainWindow", "Reports, sections and facts"))
        self.page = LinkBrowser("Page", self)
        self.chart = ChartPanel(loader, dark=self._colours.dark, parent=self)
        self.detail = QSplitter(Qt.Orientation.Vertical, self)
        self.detail.addWidget(self.page)
        self.detail.addWidget(self.chart)
        self.detail.setStretchFactor(0, 3)
        self.detail.setStretchFactor(1, 2)
        self.detail.setChildrenCollapsible(False)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(self.tree)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(1, 1)
        self.setCentralWidget(self.splitter)

        self.glossary = GlossaryPanel(factbase, self._colours, self)
        self.glossary_dock = QDockWidget(QCoreApplication.translate("MainWindow", "Glossary"), self)
        self.glossary_dock.setObjectName("glossaryDock")
        self.glossary_dock.setWidget(self.glossary)
        self.glossary_dock.setAccessibleName(QCoreApplication.translate("MainWindow", "Glossary panel"))
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.glossary_dock)

        self.window_actions = build_menus(self, self.glossary_dock.toggleViewAction())
        self._connect(self.window_actions)
        self.setTabOrder(self.tree, self.page)
        self.setTabOrder(self.page, self.chart.table)
        self.setTabOrder(self.chart.table, self.glossary.filter_edit)
        self._summary = ""
        self._show_report(self.current_report)
        fit_to_screen(self)
        self._zoom = 0
        if self.zoom:
            self.apply_zoom()
        self.theme = theme
        if theme is not None:
            add_theme_menu(self, theme)
            theme.changed.connect(self._on_theme_changed)

    def _on_theme_changed(self) -> None:
        """New colours for pages, the glossary and the chart; the page viewed is drawn again in them."""
        # The application's palette, not the window's: widgets take the new one only on their next event.
        self._colours = page_colours(QApplication.palette())
        self.glossary.set_colours(self._colours)
        self.chart.set_dark(self._colours.dark)
        if self.current_target is not None:
            self.open_target(self.current_target, record=False)

    # Reports ---------------------------------------------------------------------------------------------------
    @property
    def factbase(self) -> FactBase:
        """The fact base of the report being viewed."""
        return self.shelf.get(self.current_report)

    def add_report(self, factbase: FactBase) -> str:
        """Put an opened fact base on the shelf and in the tree; returns its report id."""
        entry = self.shelf.add_open(factbase)
        self.tree_model.add_report(entry.id, entry.title)
        return entry.id

    def remove_report(self, report_id: str) -> None:
        """Take a report out of this window (never the one being viewed: the window moves to another first)."""
        others = [e.id for e in self.shelf.entries() if e.id != report_id]
        if not others:
            return
        if report_id == self.current_report:
            self.open_target(Target.report().in_report(others[0]))
        self.tree_model.remove_report(report_id)
        self.shelf.remove(report_id)
        self.history.forget_report(report_id)
        self._update_navigation()

    def close_damaged_report(self, report_id: str) -> None:
        """A report found damaged leaves the window; if it was the only one, its pages give way to a notice."""
        if len(self.shelf.entries()) > 1:
            self.remove_report(report_id)
            return
        self.page.setPlainText(
            QCoreApplication.translate(
                "MainWindow", "This fact base was found damaged and is not shown. Open another one (File ▸ Open…)."
            )
        )
        self.chart.set_request(None)
        self.tree.setEnabled(False)

    def _show_report(self, report_id: str) -> None:
        """Make report_id the report being viewed: title, glossary, status line and its tree rows."""
        self.current_report = report_id
        factbase = self.factbase
        doc = factbase.document
        self.setWindowTitle(QCoreApplication.translate("MainWindow", "Fact Explorer — {0}").format(doc.title))
        self.glossary.set_factbase(factbase)
        # The fact base is read-only: its summary is worked out once, not on every hover that leaves a link.
        count = factbase.fact_count()
        summary = QCoreApplication.translate("MainWindow", "{0:,} facts · fact base v{1} · figures as of {2}")
        self._summary = summary.format(count, doc.factbase_version, doc.source_as_of)
        self.statusBar().showMessage(self._summary)
        self.report_shown.emit(report_id)
        report_row = self.tree_model.index_of(Target.report().in_report(report_id))
        # Before the rows arrive: a large report's figure column is not measured against its thousand sections.
        self.tree_columns.set_report_size(count)
        if self.tree_model.canFetchMore(report_row):
            self.tree_model.fetchMore(report_row)
        self.tree.expand(report_row)
        if count <= SMALL_REPORT:  # a small report shows all its facts; a large one opens section by section
            for row in range(self.tree_model.rowCount(report_row)):
                self.tree.expand(self.tree_model.index(row, 0, report_row))

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        # Made narrower than the page can bear (a small screen, a window dragged narrow): share the width again.
        if self.isVisible() and self.detail.width() < event.size().width() * 0.45:
            share_width(self, event.size().width())

    def _connect(self, actions: WindowActions) -> None:
        self.tree.selectionModel().currentChanged.connect(self._on_tree_current_changed)
        self.tree.activated.connect(self._on_tree_activated)  # Enter (or double-click) on a row
        self.page.target_activated.connect(self.open_target)
        self.glossary.target_activated.connect(self.open_target)
        self.page.highlighted.connect(self._on_link_hovered)
        actions.back.triggered.connect(self.go_back)
        actions.forward.triggered.connect(self.go_forward)
        actions.home.triggered.connect(lambda: self.open_target(Target.report()))
        actions.find_term.triggered.connect(self._on_find_term)
        actions.focus_tree.triggered.connect(lambda: self.tree.setFocus(Qt.FocusReason.ShortcutFocusReason))
        actions.focus_page.triggered.connect(lambda: self.page.setFocus(Qt.FocusReason.ShortcutFocusReason))
        actions.copy.triggered.connect(self._on_copy)
        actions.zoom_in.triggered.connect(lambda: self._on_zoom(1))
        actions.zoom_out.triggered.connect(lambda: self._on_zoom(-1))
        if actions.zoom_reset is not None:
            actions.zoom_reset.triggered.connect(lambda: self._on_zoom(-self.zoom))
        actions.about.triggered.connect(self._on_about)
        actions.quit.triggered.connect(self.close)

    # Navigation --------------------------------------------------------------------------------------------
    @property
    def current_target(self) -> Target | None:
        return self.history.current

    def open_target(self, target: Target | str, record: bool = True) -> bool:
        """Show a page (report, section, fact) or a glossary term; a key such as 'fact:ID' is read as its Target.

        False, with the reason in the status bar, if the fact base has no such thing.
        """
        if isinstance(target, str):
            try:
                target = Target.parse(target)
            except ValueError as exc:
                self.statusBar().showMessage(str(exc), 8000)
                return False
        report = target.report_id or self.current_report
        if report not in self.shelf:
            self.statusBar().showMessage(
                QCoreApplication.translate("MainWindow", "No report {0!r} in the library").format(report), 8000
            )
            return False
        if report != self.current_report:
            try:
                self.shelf.get(report)
            except FactBaseError as exc:
                self.statusBar().showMessage(
                    QCoreApplication.translate("MainWindow", "Cannot open the report: {0}").format(exc), 8000
                )
                return False
            self._show_report(report)
        target = target.in_report(report)
        if target.kind == "term":
            return self._open_term(target.id)
        try:
            html_text, spec = self._page_for(target)
        except UnknownIdError as exc:
            self.statusBar().showMessage(str(exc), 8000)
            return False
        if record:
            self.history.visit(target)
        self.page.setHtml(html_text)
        self.chart.set_request(spec)
        self._select_in_tree(target)
        self._update_navigation()
        self.page_changed.emit(target)
        return True

    def _page_for(self, target: Target) -> tuple[str, ChartRequest | None]:
        fb, ident = self.factbase, target.id
        if target.kind == "fact":
            return fact_page(fb, ident, self._colours), lambda: _charts().chart_for_fact(fb, ident)
        if target.kind == "section":
            return section_page(fb, ident, self._colours), lambda: _charts().chart_for_section(fb, ident)
        # The front page is the report's contents: headline, lead and sections with their headline figures.
        # Its charts are one click away, on the section pages; so the first launch needs no pyqtgraph at all.
        return report_page(fb, self._colours), None

    def _open_term(self, name: str) -> bool:
        if not self.glossary.show_term(name):
            self.statusBar().showMessage(
                QCoreApplication.translate("MainWindow", "No glossary term {0!r}").format(name), 8000
            )
            return False
        self.glossary_dock.show()
        self.glossary_dock.raise_()
        return True

    def go_back(self) -> None:
        target = self.history.back()
        if target is not None:
            self.open_target(target, record=False)

    def go_forward(self) -> None:
        target = self.history.forward()
        if target is not None:
            self.open_target(target, record=False)

    def open_initial(self, open_id: str | None) -> bool:
        """--open ID first, else the page viewed last time, else the report. False if open_id is unknown."""
        saved = last_target(self.settings) if self.settings is not None else None
        unknown: UnknownIdError | None = None
        target: Target | None = None
        if open_id:
            try:
                target = resolve(self.factbase, open_id).in_report(self.current_report)
            except UnknownIdError as exc:
                unknown = exc
        wants_term = target is not None and target.kind == "term"
        opened = target is not None and not wants_term and self.open_target(target)
        if not opened and not (saved and self.open_target(saved)):
            self.open_target(Target.report())
        if wants_term:
            assert target is not None
            opened = self.open_target(target)
        if unknown is not None:
            self.statusBar().showMessage(str(unknown), 8000)
        return opened or open_id is None

    def _select_in_tree(self, target: Target) -> None:
        index = self.tree_model.index_of(target, self.current_report)
        if self.factbase.fact_count() > SMALL_REPORT and target.kind == "fact" and index.isValid():
            # In a large report only the section in view stays open: every section left open adds its rows
            # to what the view lays out on each move (a thousand sections of 500 facts made a click cost 100 ms).
            # The section open before is closed alone: collapsing everything laid out the report's thousand
            # section rows again on every click.
            section = index.parent()
            if self._open_section and self._open_section != section.data(TARGET_ROLE):
                self.tree.collapse(self.tree_model.index_of(self._open_section))
            self._open_section = section.data(TARGET_ROLE)
        if index.isValid() and index != self.tree.currentIndex():
            self.tree.setCurrentIndex(index)
            self.tree.scrollTo(index)

    def _update_navigation(self) -> None:
        self.window_actions.back.setEnabled(self.history.can_go_back())
        self.window_actions.forward.setEnabled(self.history.can_go_forward())

    # Handlers ----------------------------------------------------------------------------------------------
    def _on_tree_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        key = current.data(TARGET_ROLE) if current.isValid() else None
        if key and (self.history.current is None or key != self.history.current.key):
            self.open_target(key)

    def _on_tree_activated(self, index: QModelIndex) -> None:
        """Enter on a row opens it and moves on to its page, where Tab walks the links."""
        if index.isValid():
            self.open_target(index.data(TARGET_ROLE))
            self.page.setFocus(Qt.FocusReason.OtherFocusReason)

    def _on_link_hovered(self, url: QUrl) -> None:
        if url.isEmpty():
            self.statusBar().showMessage(self._summary)
            return
        try:
            target = Target.parse(bytes(url.toEncoded().data()).decode())
        except ValueError:
            return
        if target.kind == "fact":
            try:
                fact = self.factbase.fact(target.id)
            except UnknownIdError:
                return
            self.statusBar().showMessage(
                QCoreApplication.translate("MainWindow", "{0} — click to open").format(fact_sentence(fact))
            )
        elif target.kind in ("term", "section"):
            self.statusBar().showMessage(f"Open {target.id}" if target.kind == "section" else f"Glossary: {target.id}")

    def _on_find_term(self) -> None:
        self.glossary_dock.show()
        self.glossary_dock.raise_()
        self.glossary.focus_filter()

    def _on_copy(self) -> None:
        """Copy the text selected in the page; with no selection, the figure viewed with its source."""
        selected = self.page.textCursor().selectedText()
        if selected:
            text = selected.replace("\u2029", "\n")
        else:
            target = self.current_target or Target.report()
            if target.kind == "fact":
                fact = self.factbase.fact(target.id)
                text = f"{fact_sentence(fact)}. {self.factbase.document.citation}"
            else:
                text = self.factbase.document.citation
        QGuiApplication.clipboard().setText(text)
        self.statusBar().showMessage(QCoreApplication.translate("MainWindow", "Copied"), 3000)

    @property
    def zoom(self) -> int:
        """Zoom steps from the normal text size (each 10%), kept in the settings."""
        return zoom_steps(self.settings.value(ZOOM_SETTING, 0) if self.settings is not None else self._zoom)

    def _on_zoom(self, step: int) -> None:
        """Ctrl++ / Ctrl+- / Ctrl+0: every pane's text, the tree and tables as well as the page, and remembered."""
        self._zoom = zoom_steps(self.zoom + step)
        if self.settings is not None:
            self.settings.setValue(ZOOM_SETTING, self._zoom)
        self.apply_zoom()

    def apply_zoom(self) -> None:
        apply_zoom(self, self.zoom)

    def _on_about(self) -> None:
        QMessageBox.about(
            self,
            QCoreApplication.translate("MainWindow", "About Fact Explorer"),
            about_html(self.factbase.document, __version__),
        )

    def finish_startup(self) -> None:
        """What can wait until the window is on screen (launch calls it after the first paint)."""
        self.glossary.finish_startup()

    # Persistence -------------------------------------------------------------------------------------------
    def restore_state(self) -> bool:
        return self.settings is not None and restore_window_state(self.settings, self, self.splitter)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        if self.settings is not None:
            current = self.current_target.key if self.current_target else None
            save_window_state(self.settings, self, self.splitter, current)
        self.worker.shutdown()
        super().closeEvent(event)
