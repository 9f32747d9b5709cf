"""The glossary dock's contents: every term, a filter box, the chosen term's definition and where it is used."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QModelIndex, QObject, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QLabel, QLineEdit, QListView, QSplitter, QVBoxLayout, QWidget

from desktop.store import FactBase, GlossaryTerm
from desktop.text.pages import PageColours, term_page
from desktop.ui.link_browser import PromptedLinkBrowser


def term_list_model(terms: list[GlossaryTerm], parent: QObject) -> QStandardItemModel:
    """The glossary's terms in the report's order, one row each, definition as tooltip."""
    model = QStandardItemModel(parent)
    fill_term_list(model, terms)
    return model


def fill_term_list(model: QStandardItemModel, terms: list[GlossaryTerm]) -> None:
    model.clear()
    for term in terms:
        item = QStandardItem(term.term)
        item.setEditable(False)
        item.setData(term.definition[:200], 3)  # Qt.ItemDataRole.ToolTipRole
        model.appendRow(item)


def term_filter_model(source: QStandardItemModel, parent: QObject) -> QSortFilterProxyModel:
    """The terms whose name holds the filter text, any case."""
    proxy = QSortFilterProxyModel(parent)
    proxy.setSourceModel(source)
    proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    return proxy


class GlossaryPanel(QWidget):
    """Filter box above the term list above the definition. Links in the definition emit target_activated."""

    target_activated = Signal(object)  # a Target

    def __init__(self, factbase: FactBase, colours: PageColours, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._factbase = factbase
        self._colours = colours
        self.filter_edit = QLineEdit(self)
        self.filter_edit.setPlaceholderText(self.tr("Filter terms (Ctrl+Shift+F)"))
        self.filter_edit.setAccessibleName(QCoreApplication.translate("GlossaryPanel", "Glossary filter"))
        self._terms = factbase.terms()
        self.model = term_list_model(self._terms, self)
        self.proxy = term_filter_model(self.model, self)
        self.term_list = QListView(self)
        self.term_list.setModel(self.proxy)
        self.term_list.setAccessibleName(QCoreApplication.translate("GlossaryPanel", "Glossary terms"))
        # A narrow dock (1024×680, 150% or 200% scale) wraps a long term onto a second line rather than
        # scrolling the list sideways; Adjust lays the rows out again when the dock is resized.
        self.term_list.setWordWrap(True)
        self.term_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.term_list.setResizeMode(QListView.ResizeMode.Adjust)
        self.definition = PromptedLinkBrowser("Glossary definition", self)
        self.definition.set_prompt(QCoreApplication.translate("GlossaryPanel", "Choose a term to read its definition."))
        self._empty = QLabel(QCoreApplication.translate("GlossaryPanel", "No term matches the filter."), self)
        self._empty.setVisible(False)

        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(self.term_list)
        split.addWidget(self.definition)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 2)
        split.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.filter_edit)
        layout.addWidget(self._empty)
        layout.addWidget(split, 1)
        self.setTabOrder(self.filter_edit, self.term_list)
        self.setTabOrder(self.term_list, self.definition)

        self.filter_edit.textChanged.connect(self._on_filter_changed)
        self.filter_edit.returnPressed.connect(self._on_filter_return)
        self.term_list.selectionModel().currentChanged.connect(self._on_current_changed)
        self.definition.target_activated.connect(self.target_activated)

    def set_factbase(self, factbase: FactBase) -> None:
        """Show another report's glossary (the window moved to another report)."""
        if factbase is self._factbase:
            return
        self._factbase = factbase
        self._terms = factbase.terms()
        fill_term_list(self.model, self._terms)
        self.definition.clear()
        self._empty.setVisible(False)

    def set_colours(self, colours: PageColours) -> None:
        self._colours = colours
        index = self.term_list.currentIndex()
        if index.isValid():
            self._on_current_changed(index, index)

    @property
    def current_term(self) -> str | None:
        index = self.term_list.currentIndex()
        return self.proxy.data(index) if index.isValid() else None

    def show_term(self, name: str) -> bool:
        """Select a term by name (case-insensitive), clearing a filter that hides it. False if there is none."""
        for row in range(self.model.rowCount()):
            if self._terms[row].term.casefold() == name.casefold():
                if not self.proxy.mapFromSource(self.model.index(row, 0)).isValid():
                    self.filter_edit.clear()
                self.term_list.setCurrentIndex(self.proxy.mapFromSource(self.model.index(row, 0)))
                return True
        return False

    def finish_startup(self) -> None:
        """Touches left until after the first paint: the clear button loads an icon from the style."""
        self.filter_edit.setClearButtonEnabled(True)

    def focus_filter(self) -> None:
        self.filter_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.filter_edit.selectAll()

    def _on_filter_changed(self, text: str) -> None:
        self.proxy.setFilterFixedString(text)
        self._empty.setVisible(self.proxy.rowCount() == 0)
        if self.proxy.rowCount() and not self.term_list.currentIndex().isValid():
            self.term_list.setCurrentIndex(self.proxy.index(0, 0))

    def _on_filter_return(self) -> None:
        """Enter in the filter goes to the list, on the first match, so arrows and reading follow."""
        if self.proxy.rowCount():
            if not self.term_list.currentIndex().isValid():
                self.term_list.setCurrentIndex(self.proxy.index(0, 0))
            self.term_list.setFocus(Qt.FocusReason.OtherFocusReason)

    def _on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid():
            self.definition.clear()
            return
        term = self._terms[self.proxy.mapToSource(current).row()]
        self.definition.setHtml(term_page(self._factbase, term, self._colours))
