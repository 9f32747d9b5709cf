"""The All Facts table: a model over the facts a filter keeps, in one report or all of them, read a page at a time.

Nothing here holds every fact. The row count is the store's count(*); a row is read with the page of PAGE rows
around it (`facts_page`: one indexed query), and at most CACHE_PAGES pages are kept. Sorting is the store's
ORDERS; a column sorted the other way reads the same order from the end (a page reversed, never a Python sort of
the rows), except value, whose descending order the store has itself. With all reports shown, rows come report by
report, each sorted within.
"""

from __future__ import annotations

import bisect
from collections import OrderedDict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QObject, QPersistentModelIndex, Qt

from desktop.domain.formatting import format_with_qualifier
from desktop.domain.i18n import QT_TRANSLATE_NOOP
from desktop.domain.target import Target
from desktop.store import Fact, FactBase, FactBaseError
from desktop.store.queries import ORDERS, FactFilter

PAGE = 200
CACHE_PAGES = 32
# Read from the end, a page deep in a large table costs an OFFSET of that many rows (seconds at a million): a
# column the store cannot order descending sorts that way only up to this many rows a report.
REVERSE_LIMIT = 50_000
COLUMNS = ("report", "label", "value", "unit", "period", "kind", "section", "id")
HEADERS = {
    "report": QT_TRANSLATE_NOOP("FactTableModel", "Report"),
    "label": QT_TRANSLATE_NOOP("FactTableModel", "Label"),
    "value": QT_TRANSLATE_NOOP("FactTableModel", "Value"),
    "unit": QT_TRANSLATE_NOOP("FactTableModel", "Unit"),
    "period": QT_TRANSLATE_NOOP("FactTableModel", "Period"),
    "kind": QT_TRANSLATE_NOOP("FactTableModel", "Kind"),
    "section": QT_TRANSLATE_NOOP("FactTableModel", "Section"),
    "id": QT_TRANSLATE_NOOP("FactTableModel", "Id"),
}
# The store order each column sorts by; a column without one (report, label, period) does not sort: rows come
# report by report in the library's order.
SORT_ORDERS: dict[str, str | None] = {"report": None, "label": None, "value": "value", "unit": "unit"}
SORT_ORDERS |= {"period": None, "kind": "kind", "section": "position", "id": "id"}
LINK_ROLE = Qt.ItemDataRole.UserRole + 1  # the row's Target key, e.g. fact:ID@REPORT

Index = QModelIndex | QPersistentModelIndex


@dataclass
class ReportPart:
    """One report's share of the table."""

    report_id: str
    title: str
    factbase: FactBase
    section_titles: dict[str, str]
    count: int = 0


def report_part(report_id: str, title: str, factbase: FactBase) -> ReportPart:
    # Sections number hundreds to a few thousand: their titles are read once per report, not per row.
    return ReportPart(report_id, title, factbase, {s.id: s.title for s in factbase.sections()})


class FactTableModel(QAbstractTableModel):
    def __init__(self, parts: Sequence[ReportPart] = (), parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._parts: list[ReportPart] = list(parts)
        self._starts: list[int] = []
        self._filter = FactFilter()
        self._column = COLUMNS.index("section")
        self._order = Qt.SortOrder.AscendingOrder
        self._pages: OrderedDict[tuple[int, int], list[Fact]] = OrderedDict()
        self.problem = ""  # the store's one line when a page could not be read (the rows show empty)
        self._recount()

    # What is shown ---------------------------------------------------------------------------------------------
    @property
    def parts(self) -> list[ReportPart]:
        return list(self._parts)

    @property
    def fact_filter(self) -> FactFilter:
        return self._filter

    @property
    def sort_column(self) -> int:
        return self._column

    @property
    def sort_order(self) -> Qt.SortOrder:
        return self._order

    def show_facts(
        self, parts: Sequence[ReportPart], flt: FactFilter | None = None, counts: Sequence[int] | None = None
    ) -> None:
        """Show the facts of these reports that flt keeps (all of them for None), in the current sort; `counts`
        are the reports' counts for flt when counted already (on the worker), else they are counted here."""
        self.beginResetModel()
        self._parts = list(parts)
        self._filter = flt if flt is not None else FactFilter()
        self.problem = ""
        self._recount(counts)
        if not self.can_sort(self._column, self._order):  # grown too large to read from its end
            self._column, self._order = COLUMNS.index("section"), Qt.SortOrder.AscendingOrder
        self.endResetModel()

    def is_sortable(self, column: int) -> bool:
        return 0 <= column < len(COLUMNS) and SORT_ORDERS[COLUMNS[column]] is not None

    def can_sort(self, column: int, order: Qt.SortOrder) -> bool:
        """Whether the store can give this order: a column with no descending order of its own sorts descending
        only while every report's share is small enough to read from its end."""
        if not self.is_sortable(column):
            return False
        if order == Qt.SortOrder.AscendingOrder or f"-{SORT_ORDERS[COLUMNS[column]]}" in ORDERS:
            return True
        return all(part.count <= REVERSE_LIMIT for part in self._parts)

    def _recount(self, counts: Sequence[int] | None = None) -> None:
        self._pages.clear()
        self._starts = []
        total = 0
        for i, part in enumerate(self._parts):
            part.count = counts[i] if counts is not None else part.factbase.fact_count_matching(self._filter)
            self._starts.append(total)
            total += part.count
        self._total = total

    # Rows ------------------------------------------------------------------------------------------------------
    def _store_order(self) -> tuple[str, bool]:
        """(ORDERS key, read from the end)."""
        order = SORT_ORDERS[COLUMNS[self._column]] or "position"
        if self._order == Qt.SortOrder.DescendingOrder:
            return (f"-{order}", False) if f"-{order}" in ORDERS else (order, True)
        return order, False

    def _locate(self, row: int) -> tuple[int, int]:
        part = bisect.bisect_right(self._starts, row) - 1
        return part, row - self._starts[part]

    def read_page(self, part_index: int, page: int) -> list[Fact]:
        """Rows page*PAGE .. of one report's share, in the shown order (a query; no cache)."""
        return _read_page(self._parts[part_index], page, *self._store_order(), self._filter)

    def fact_at(self, row: int) -> tuple[ReportPart, Fact] | None:
        if not 0 <= row < self._total:
            return None
        part_index, local = self._locate(row)
        key = (part_index, local // PAGE)
        page = self._pages.get(key)
        if page is None:
            try:
                page = self.read_page(*key)
            except FactBaseError as exc:  # too slow or damaged: empty cells and a note, never a crash in paint
                self.problem = str(exc)
                page = []
            self._pages[key] = page
            while len(self._pages) > CACHE_PAGES:
                self._pages.popitem(last=False)
        else:
            self._pages.move_to_end(key)
        offset = local % PAGE
        return (self._parts[part_index], page[offset]) if offset < len(page) else None

    def iter_rows(self) -> Iterator[tuple[ReportPart, Fact]]:
        """Every shown row in order, a page at a time, as the table stands now: for export on the worker, which
        reads on while the table changes (no cache; the parts' counts are taken now)."""
        shares = [(part, part.count) for part in self._parts]
        order, reverse = self._store_order()
        flt = self._filter

        def rows() -> Iterator[tuple[ReportPart, Fact]]:
            for part, count in shares:
                for page in range((count + PAGE - 1) // PAGE):
                    yield from ((part, fact) for fact in _read_page(part, page, order, reverse, flt, count))

        return rows()

    def link_at(self, row: int) -> str | None:
        found = self.fact_at(row)
        return Target.fact(found[1].id).in_report(found[0].report_id).key if found else None

    # Qt overrides ----------------------------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else self._total

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(COLUMNS):
            if role == Qt.ItemDataRole.DisplayRole:
                return QCoreApplication.translate("FactTableModel", HEADERS[COLUMNS[section]])
            if role == Qt.ItemDataRole.ToolTipRole:
                return "Click to sort" if self.is_sortable(section) else "This column does not sort"
        if orientation == Qt.Orientation.Vertical and role == Qt.ItemDataRole.DisplayRole and section >= 0:
            return str(section + 1)
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.column() >= len(COLUMNS):
            return None
        found = self.fact_at(index.row())
        if found is None:
            return None
        part, fact = found
        column = COLUMNS[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return _cell(part, fact, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return fact.quote
        if role == Qt.ItemDataRole.TextAlignmentRole and column == "value":
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == LINK_ROLE:
            return Target.fact(fact.id).in_report(part.report_id).key
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not self.can_sort(column, order) or (column, order) == (self._column, self._order):
            return
        self.beginResetModel()
        self._column, self._order = column, order
        self._pages.clear()
        self.endResetModel()


def _read_page(
    part: ReportPart, page: int, order: str, reverse: bool, flt: FactFilter, count: int | None = None
) -> list[Fact]:
    start = page * PAGE
    if not reverse:
        return part.factbase.facts_page(start, PAGE, order, flt)
    # The shown row r is row count-1-r of the ascending order: read that stretch and turn it round.
    count = part.count if count is None else count
    end = min(count, start + PAGE)
    low = max(count - end, 0)
    return part.factbase.facts_page(low, count - start - low, order, flt)[::-1]


def _cell(part: ReportPart, fact: Fact, column: str) -> str:
    if column == "report":
        return part.title
    if column == "value":
        return format_with_qualifier(fact)
    if column == "section":
        return part.section_titles.get(fact.section_id, fact.section_id)
    return str(getattr(fact, column))
