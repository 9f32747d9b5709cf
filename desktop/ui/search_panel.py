"""The search field (a toolbar, the standard Find key) and its results (a dock beside the glossary).

Search runs as you type on the window's worker: each keystroke cancels the job before it and bumps a generation
number; an answer carrying an older generation is dropped, so a slow old query never replaces a newer one, and
the field never waits. A link pasted into the field (a copied Target key such as fact:ID@REPORT) opens instead.
Attached from outside the window after the first paint, as export actions are: `attach_search(window)`.
"""

from __future__ import annotations

from dataclasses import replace
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QResizeEvent, QTextCursor, QTextDocument
from PySide6.QtWidgets import (
    QDockWidget,
    QInputDialog,
    QLabel,
    QLineEdit,
    QTextBrowser,
    QToolBar,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.i18n import QT_TRANSLATE_NOOP
from desktop.domain.query import Query, parse_query
from desktop.domain.target import Target
from desktop.store import FactBaseError, UnknownIdError
from desktop.store.search import SearchResult
from desktop.ui.search_delegate import SearchResultDelegate
from desktop.ui.search_model import (
    LibraryResults,
    ReportSource,
    SearchResultsModel,
    WorkerBases,
    result_target,
    search_library_steps,
)
from desktop.ui.worker import Job

if TYPE_CHECKING:
    from desktop.ui.main_window import MainWindow

PLACEHOLDER = QT_TRANSLATE_NOOP("SearchPanel", "Search all reports (Ctrl+F)")
RESULT_LIMIT = 20  # of each kind, per report


def ask_link(parent: QWidget) -> str:
    """Go ▸ Open Link…'s question (tests replace it)."""
    text, ok = QInputDialog.getText(parent, "Open Link", "Link (for example fact:ID@REPORT):")
    return text.strip() if ok else ""


def as_link(text: str) -> Target | None:
    """The Target a pasted text names, or None when it is a query: fact: and term: keys, and any key naming its
    report; a bare 'section:ID' stays the query language's section filter."""
    text = text.strip()
    if not text or any(c.isspace() for c in text):
        return None
    try:
        target = Target.parse(text)
    except ValueError:
        return None
    return target if target.kind in ("fact", "term") or target.report_id else None


def highlight_paragraph(page: QTextBrowser, text: str) -> bool:
    """Select the paragraph of a section page that starts with text and scroll to it (the passage opened)."""
    words = " ".join(text.split())
    for probe in (words[:80], words[:30]):
        if not probe:
            break
        cursor = page.document().find(probe, 0, QTextDocument.FindFlag.FindCaseSensitively)
        if not cursor.isNull():
            cursor.movePosition(QTextCursor.MoveOperation.StartOfBlock)
            cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor)
            page.setTextCursor(cursor)
            page.ensureCursorVisible()
            return True
    return False


class SearchField(QLineEdit):
    """Down moves into the results; Escape clears."""

    down_pressed = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        if event.key() == Qt.Key.Key_Down:
            self.down_pressed.emit()
        elif event.key() == Qt.Key.Key_Escape and self.text():
            self.clear()
            self.textEdited.emit("")
        else:
            super().keyPressEvent(event)


class ResultsView(QTreeView):
    """Rows of rich text whose height follows the width; Up from the first row goes back to the field."""

    up_from_top = Signal()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self.scheduleDelayedItemsLayout()  # wrapped snippets change height with the width

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        model = self.model()
        first = model.first_result() if isinstance(model, SearchResultsModel) else QModelIndex()
        if event.key() == Qt.Key.Key_Up and self.currentIndex() == first:
            self.up_from_top.emit()
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.activated.emit(self.currentIndex())
            return
        super().keyPressEvent(event)


class LibrarySearch(QObject):
    """The field, the results and the jobs between them."""

    results_shown = Signal(object)  # LibraryResults: the final answer to the text in the field, once shown

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.model = SearchResultsModel(self)
        self._bases = WorkerBases()  # read on the worker thread only
        self.destroyed.connect(self._bases.close)
        self._generation = 0
        self._job: Job | None = None
        self._last_text = ""

        self.field = SearchField(window)
        self.field.setPlaceholderText(QCoreApplication.translate("SearchPanel", PLACEHOLDER))
        self.field.setAccessibleName(QCoreApplication.translate("SearchPanel", "Search all reports"))
        self.field.setClearButtonEnabled(True)
        self.field.setMinimumWidth(220)
        self.field.setMaximumWidth(560)
        self.toolbar = QToolBar("Search", window)
        self.toolbar.setObjectName("searchToolBar")
        self.toolbar.setMovable(False)
        self.toolbar.addWidget(self.field)

        self.view = ResultsView()
        self.view.setModel(self.model)
        self.view.setHeaderHidden(True)
        self.view.setItemDelegate(SearchResultDelegate(self.view))
        self.view.setAccessibleName(QCoreApplication.translate("SearchPanel", "Search results"))
        self.view.setWordWrap(True)
        self.view.setExpandsOnDoubleClick(False)
        self.view.setIndentation(12)  # a narrow dock: the snippets need the room more than the tree lines
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setAccessibleName(QCoreApplication.translate("SearchPanel", "Search status"))
        panel = QWidget()
        layout = QVBoxLayout(panel)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.status)
        layout.addWidget(self.view, 1)
        self.dock = QDockWidget(QCoreApplication.translate("SearchPanel", "Search Results"), window)
        self.dock.setObjectName("searchDock")
        self.dock.setWidget(panel)
        self.dock.setAccessibleName(QCoreApplication.translate("SearchPanel", "Search results panel"))

        self.field.textEdited.connect(self._on_text_edited)
        self.field.returnPressed.connect(self._on_return)
        self.field.down_pressed.connect(self.focus_results)
        self.view.up_from_top.connect(lambda: self.field.setFocus(Qt.FocusReason.OtherFocusReason))
        self.view.activated.connect(self._on_activated)
        self.view.clicked.connect(self._on_activated)

    def install(self) -> None:
        window = self.window
        window.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.toolbar)
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.dock)
        window.tabifyDockWidget(window.glossary_dock, self.dock)
        self.dock.hide()
        actions = window.window_actions
        actions.find.triggered.connect(self.focus_field)
        actions.open_link.triggered.connect(self._on_open_link)

    @property
    def job(self) -> Job | None:
        """The search running or queued, if any."""
        return self._job

    # Typing ---------------------------------------------------------------------------------------------------
    def focus_field(self) -> None:
        self.field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.field.selectAll()

    def focus_results(self) -> None:
        first = self.model.first_result()
        if first.isValid():
            self.view.setFocus(Qt.FocusReason.OtherFocusReason)
            self.view.setCurrentIndex(first)

    def _on_text_edited(self, text: str) -> None:
        pasted = len(text) - len(self._last_text) > 1  # many characters at once: a paste, not typing
        self._last_text = text
        link = as_link(text) if pasted else None
        if link is not None and self.open_link(link):
            return
        self.search(text)

    def _on_return(self) -> None:
        link = as_link(self.field.text())
        if link is not None and self.open_link(link):
            return
        first = self.model.first_result()
        if first.isValid():
            self._on_activated(first)

    def search(self, text: str) -> None:
        """Start searching for text (cancelling the search before); an empty query clears the results."""
        if self._job is not None:
            self._job.cancel()
            self._bases.interrupt()
            self._job = None
        self._generation += 1
        generation = self._generation
        query = parse_query(text, typing=True)
        if query.is_empty:
            self.model.clear()
            self.status.setText("")
            if not text:
                self.dock.hide()
            return
        shelf = self.window.shelf
        reports: list[ReportSource] = [(e.id, e.title, partial(self._bases.get, e.path)) for e in shelf.entries()]
        self.status.setText(QCoreApplication.translate("SearchPanel", "Searching…"))
        self._show_dock()
        # A word still being typed is also a prefix, and a common prefix costs the store far more than the whole
        # word (about 750 ms against 11 ms for "data" in a million facts): the whole words are answered first,
        # then the prefix answer replaces them.
        whole_words = replace(query, prefix_last=False) if query.prefix_last else None
        self._submit(generation, reports, whole_words or query, then=query if whole_words else None)

    def _submit(self, generation: int, reports: list[ReportSource], query: Query, then: Query | None) -> None:
        self._job = self.window.worker.submit(
            lambda: search_library_steps(reports, query, RESULT_LIMIT),
            on_thread=True,
            success=lambda results: self._on_results(generation, results, reports, then),
            failure=lambda error: self._on_failure(generation, error),
        )

    def _on_results(
        self, generation: int, results: LibraryResults, reports: list[ReportSource], then: Query | None
    ) -> None:
        if generation != self._generation:
            return  # an older query's answer arrived late: the newer one stands
        self._job = None
        if then is not None:
            self._submit(generation, reports, then, None)
            if not results.groups:
                return  # the word is not whole yet: wait for the prefix rather than show "no results"
        self.model.set_results(results)
        self.view.expandAll()
        self.status.setText(_summary(results) if then is None else f"{_summary(results)} · and longer words…")
        if then is None:
            self.results_shown.emit(results)

    def _on_failure(self, generation: int, error: BaseException) -> None:
        if generation == self._generation:
            self._job = None
            self.status.setText(QCoreApplication.translate("SearchPanel", "Search failed: {0}").format(error))

    def _show_dock(self) -> None:
        if not self.dock.isVisible():
            self.dock.show()
        self.dock.raise_()

    # Opening --------------------------------------------------------------------------------------------------
    def _on_activated(self, index: QModelIndex) -> None:
        hit = self.model.result_at(index)
        if hit is not None:
            self.open_result(*hit)

    def open_result(self, report_id: str, result: SearchResult) -> bool:
        """Open a result where it is: the fact page, the passage's section scrolled to it, the term."""
        window = self.window
        if not window.open_target(result_target(report_id, result)):
            return False
        if result.type == "passage":
            try:
                text = window.shelf.get(report_id).paragraph(int(result.id)).text
            except (FactBaseError, UnknownIdError, ValueError):
                return True
            highlight_paragraph(window.page, text)
        return True

    def open_link(self, target: Target) -> bool:
        opened = self.window.open_target(target)
        if opened:
            self.window.statusBar().showMessage(
                QCoreApplication.translate("SearchPanel", "Opened {0}").format(target.key), 5000
            )
        return opened

    def _on_open_link(self) -> None:
        text = ask_link(self.window)
        if text:
            self.window.open_target(text)


def _summary(results: LibraryResults) -> str:
    if not results.groups:
        text = f"No results for “{results.text.strip()}”"
    else:
        reports = len({g.report_id for g in results.groups})
        text = f"{results.count} results in {reports} report{'s' if reports != 1 else ''}"
    if not results.ranked_all:
        text += " · many matches: label matches first; add words to rank"
    return "\n".join([text, *results.notes])


def attach_search(window: MainWindow) -> LibrarySearch:
    """Add the search field, its results dock, Go ▸ Open Link… and View ▸ All Facts… to the window."""
    search = LibrarySearch(window)
    search.install()
    from desktop.ui.all_facts import attach_all_facts

    attach_all_facts(window)
    window.search = search  # type: ignore[attr-defined]  # the window has no slot for it: attached from outside
    return search
