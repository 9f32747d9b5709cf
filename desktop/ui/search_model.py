"""Search over the whole library, and the results as a tree model: kind and report groups, ranked results below.

`search_library_steps` is the worker's job (it never touches a widget): it asks each report of the shelf in turn,
yielding between reports so a newer keystroke's cancel stops it there. A report that cannot be opened or read is
left out with a note, never an exception. The model turns the store's snippet markers into highlight HTML, after
escaping the stored text: a result whose text holds HTML shows it literally.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from desktop.domain.formatting import format_amount, format_number
from desktop.domain.query import RESULT_TYPES, Query
from desktop.domain.target import Target
from desktop.export.files import Steps
from desktop.store import FactBase, FactBaseError
from desktop.store.search import SearchResult, search, snippet_runs

GROUP_TITLES = {"fact": "Facts", "passage": "Passages", "term": "Glossary terms"}
RESULT_ROLE = Qt.ItemDataRole.UserRole + 1  # the SearchResult of a result row
HTML_ROLE = Qt.ItemDataRole.UserRole + 2  # the row as escaped rich text with the matches highlighted
KIND_ROLE = Qt.ItemDataRole.UserRole + 3  # "group", "result" or "note"
HIGHLIGHT_STYLE = "background-color:#ffe066;color:#000000;font-weight:600"

Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class ResultGroup:
    kind: str  # "fact", "passage" or "term"
    report_id: str
    report_title: str
    results: tuple[SearchResult, ...]


@dataclass(frozen=True)
class LibraryResults:
    """What one query found in the library: groups in kind order, then report order, each best first."""

    text: str
    groups: tuple[ResultGroup, ...] = ()
    notes: tuple[str, ...] = ()  # reports left out, one line each
    ranked_all: bool = True

    @property
    def count(self) -> int:
        return sum(len(g.results) for g in self.groups)


class WorkerBases:
    """The library's fact bases opened a second time, for the worker thread alone.

    SQLite serialises the calls on one connection: a search or a count of a million rows on the window's own
    connection would hold it for seconds and stall every page the GUI thread reads meanwhile.
    """

    def __init__(self) -> None:
        self._open: dict[Path, FactBase] = {}

    def get(self, path: Path) -> FactBase:
        factbase = self._open.get(path)
        if factbase is None:
            factbase = self._open[path] = FactBase.open(path)
        return factbase

    def interrupt(self) -> None:
        """Stop the query the worker is running on these connections (any thread may call it): a cancelled
        search of a common word then ends at once instead of holding up the next one. The interrupted job
        ends with an error nobody hears, since it was cancelled first."""
        for factbase in list(self._open.values()):
            factbase._conn.interrupt()

    def close(self) -> None:
        for factbase in self._open.values():
            factbase.close()
        self._open.clear()


ReportSource = tuple[str, str, Callable[[], FactBase]]  # (report id, title, opener of its fact base)


def search_library_steps(reports: Sequence[ReportSource], query: Query, limit: int = 20) -> Steps[LibraryResults]:
    """Search each report in turn; yields (reports done, reports) between them."""
    found: dict[str, list[ResultGroup]] = {kind: [] for kind in RESULT_TYPES}
    notes: list[str] = []
    ranked_all = True
    for done, (report_id, title, open_base) in enumerate(reports):
        yield done, len(reports)
        try:
            factbase = open_base()
            if not query.wants_report(factbase.document.title, factbase.document.path):
                continue
            results = search(factbase, query.fact_filter(), query.types, limit)
        except (FactBaseError, OSError) as exc:
            notes.append(f"{title}: not searched ({exc})")
            continue
        ranked_all &= results.ranked_all
        for kind, group in results.groups.items():
            if group:
                found[kind].append(ResultGroup(kind, report_id, title, group))
    groups = tuple(g for kind in RESULT_TYPES for g in found[kind])
    return LibraryResults(query.text, groups, tuple(notes), ranked_all)


def snippet_html(snippet: str) -> str:
    """The snippet escaped, its marked runs highlighted."""
    return "".join(
        f'<span style="{HIGHLIGHT_STYLE}">{html.escape(text)}</span>' if marked else html.escape(text)
        for text, marked in snippet_runs(" ".join(snippet.split()))
    )


def figure_text(result: SearchResult) -> str:
    """A fact result's value, unit and period: '79.7% · 2024', '3–7 days · 2023'."""
    unit = result.unit or ""
    if result.value is not None:
        value = format_amount(result.value, unit)
    elif result.value_min is not None and result.value_max is not None:
        value = f"{format_number(result.value_min)}–{format_number(result.value_max)}"
    else:
        return result.period or ""
    if result.qualifier and result.qualifier not in ("exact", "+"):
        value = f"{result.qualifier} {value}"
    elif result.qualifier == "+":
        value += "+"
    if unit and unit not in ("%", "rank"):
        value += f" {unit}"
    return f"{value} · {result.period}" if result.period else value


def result_html(result: SearchResult) -> str:
    head = f"<b>{html.escape(result.title)}</b>"
    if result.type == "fact":
        head += f' &nbsp;<span class="figure">{html.escape(figure_text(result))}</span>'
    return f"{head}<br>{snippet_html(result.snippet)}"


def result_text(result: SearchResult) -> str:
    """The row as plain text (screen readers, the tooltip)."""
    plain = "".join(text for text, _ in snippet_runs(" ".join(result.snippet.split())))
    figure = f" ({figure_text(result)})" if result.type == "fact" else ""
    return f"{result.title}{figure}: {plain}"


def result_target(report_id: str, result: SearchResult) -> Target:
    """Where a result opens: its fact, the section of its passage, its glossary term."""
    if result.type == "fact":
        return Target.fact(result.id).in_report(report_id)
    if result.type == "passage":
        return Target.section(result.section_id or "").in_report(report_id)
    return Target.term(result.id).in_report(report_id)


_GROUP = 0  # internalId of a top-level row; a result row's is its group's row + 1


class SearchResultsModel(QAbstractItemModel):
    """Top level: one row per (kind, report) group, then one per note; a group's children are its results."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.results = LibraryResults("")

    def set_results(self, results: LibraryResults) -> None:
        self.beginResetModel()
        self.results = results
        self.endResetModel()

    def clear(self) -> None:
        self.set_results(LibraryResults(""))

    def group_at(self, index: Index) -> ResultGroup | None:
        if not index.isValid() or index.internalId() != _GROUP or index.row() >= len(self.results.groups):
            return None
        return self.results.groups[index.row()]

    def result_at(self, index: Index) -> tuple[str, SearchResult] | None:
        """(report id, result) of a result row; None for a group or a note."""
        if not index.isValid() or index.internalId() == _GROUP:
            return None
        group = self.results.groups[index.internalId() - 1]
        return group.report_id, group.results[index.row()]

    def first_result(self) -> QModelIndex:
        return self.index(0, 0, self.index(0, 0)) if self.results.groups else QModelIndex()

    # Qt overrides ---------------------------------------------------------------------------------------------
    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if column != 0 or row < 0 or row >= self.rowCount(parent):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, 0, _GROUP)
        return self.createIndex(row, 0, parent.row() + 1)

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not index.isValid() or index.internalId() == _GROUP:
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, 0, _GROUP)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        if not parent.isValid():
            return len(self.results.groups) + len(self.results.notes)
        group = self.group_at(parent)
        return len(group.results) if group is not None else 0

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 1

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if self.result_at(index) is not None:
            return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        return Qt.ItemFlag.ItemIsEnabled

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        hit = self.result_at(index)
        if hit is not None:
            result = hit[1]
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
                return result_text(result)
            if role == HTML_ROLE:
                return result_html(result)
            if role == RESULT_ROLE:
                return result
            return "result" if role == KIND_ROLE else None
        group = self.group_at(index)
        if group is not None:
            text = f"{GROUP_TITLES[group.kind]} ({len(group.results)}) · {group.report_title}"
        else:
            text = self.results.notes[index.row() - len(self.results.groups)]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return text
        if role == HTML_ROLE:
            return f"<b>{html.escape(text)}</b>" if group is not None else f"<i>{html.escape(text)}</i>"
        if role == KIND_ROLE:
            return "group" if group is not None else "note"
        return None
