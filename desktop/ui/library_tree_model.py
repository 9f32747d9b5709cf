"""The left pane: every report of the library, its sections (each with its headline figure), their facts.

A lazy QAbstractItemModel, a thin adapter over the store: a report's sections are read when the report is first
expanded, and a section's facts a page at a time as the view scrolls (canFetchMore / fetchMore), so a library of
a million facts opens as fast as one of twenty. Each row carries its Target's key (with its report) under
TARGET_ROLE. Two columns: the name, and the figure, so that a long label is elided, never the number.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QAbstractItemModel, QCoreApplication, QModelIndex, QObject, QPersistentModelIndex

from desktop.domain.formatting import compact_figures, fact_sentence, format_fact
from desktop.domain.target import Target
from desktop.store import Fact, FactBase, FactBaseError
from desktop.text.pages import fact_label
from desktop.ui.report_shelf import ReportShelf

TARGET_ROLE = 0x0101  # Qt.ItemDataRole.UserRole + 1, spelled as a number so no Qt enum is touched before paint
COMPACT_ROLE = 0x0102  # the figure written shorter, longest first, for a narrow column (tree_figures)
_DISPLAY, _TOOLTIP = 0, 3  # Qt.ItemDataRole.DisplayRole, ToolTipRole
HEADLINE_BATCH = 120  # section rows whose headline figures are read at once, around the one shown
FACT_PAGE = 100  # facts read per fetchMore: enough to fill a tall view twice; scrolling reads the next
AnyIndex = QModelIndex | QPersistentModelIndex


@dataclass(eq=False)
class _Node:
    target: Target
    name: str
    figure: str
    tooltip: str
    parent: _Node | None
    row: int
    children: list[_Node] = field(default_factory=list)
    expected: int = -1  # how many children there are in all; -1 until a short page says where they end
    fetched: bool = False  # for a report: its sections have been read
    fact: Fact | None = None  # a fact row's fact, until the view first asks for its text
    headline_id: str = ""  # a section row's headline fact, until the view first asks for its figure
    compact: tuple[str, ...] = ()  # the figure written shorter (compact_figures)

    @property
    def missing(self) -> bool:
        return self.expected < 0 or len(self.children) < self.expected

    def shown(self) -> _Node:
        """The node with its texts. A fact row is worded when the view first asks for it (the rows in sight), not
        when it is read: reading a section's first hundreds of facts to reach the one clicked spent more time
        wording rows never seen than the rest of the click."""
        fact = self.fact
        if fact is not None:
            self.name, self.figure, self.tooltip = fact_label(fact), format_fact(fact), fact_sentence(fact)
            self.compact = compact_figures(fact)
            self.fact = None
        return self


class LibraryTreeModel(QAbstractItemModel):
    def __init__(self, shelf: ReportShelf, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._shelf = shelf
        self._root = _Node(Target.report(), "", "", "", None, 0)
        self._by_key: dict[str, _Node] = {}
        for entry in shelf.entries():
            self._add_report_node(entry.id, entry.title)

    # The library changes --------------------------------------------------------------------------------------
    def add_report(self, report_id: str, title: str) -> None:
        if Target.report().in_report(report_id).key in self._by_key:
            return
        row = len(self._root.children)
        self.beginInsertRows(QModelIndex(), row, row)
        self._add_report_node(report_id, title)
        self.endInsertRows()

    def remove_report(self, report_id: str) -> None:
        node = self._by_key.get(Target.report().in_report(report_id).key)
        if node is None:
            return
        self.beginRemoveRows(QModelIndex(), node.row, node.row)
        self._root.children.pop(node.row)
        for row, child in enumerate(self._root.children):
            child.row = row
        self._by_key = {k: n for k, n in self._by_key.items() if n.target.report_id != report_id}
        self.endRemoveRows()

    def _add_report_node(self, report_id: str, title: str) -> None:
        target = Target.report().in_report(report_id)
        node = _Node(target, title, "", title, self._root, len(self._root.children), expected=1)
        self._root.children.append(node)
        self._by_key[target.key] = node

    # Reading from the store, in sets --------------------------------------------------------------------------
    def _read_sections(self, node: _Node) -> list[_Node]:
        """A report's sections as nodes, not yet attached (the view must be told before they are)."""
        node.fetched = True
        report = node.target.report_id
        try:
            factbase = self._shelf.get(report)
        except FactBaseError as exc:
            node.expected, node.tooltip = 0, str(exc)
            return []
        sections = factbase.sections()
        # How many facts each section holds is found out as its facts are read (a count of every section's facts
        # at once is a pass over a million rows): until then a section shows it may have children. Its headline
        # figure is read when the view first shows the row (_read_headlines), for the rows around it at once.
        node.figure = QCoreApplication.translate("LibraryTreeModel", "{0:,} facts").format(factbase.fact_count())
        children = []
        for row, section in enumerate(sections):
            child = _Node(
                Target.section(section.id).in_report(report),
                section.title,
                "",
                section.subheading or section.title,
                node,
                row,
                headline_id=section.headline_fact_id or "",
            )
            children.append(child)
        node.expected = len(children)
        return children

    def _read_facts(self, node: _Node, factbase: FactBase, upto: int | None = None) -> list[_Node]:
        """The next page of a section's facts (or up to row upto), as nodes not yet shown."""
        start = len(node.children)
        limit = max(FACT_PAGE, (upto or 0) + 1 - start)
        report = node.target.report_id
        nodes = []
        for row, fact in enumerate(factbase.facts_in_section(node.target.id, start, limit), start=start):
            nodes.append(_Node(Target.fact(fact.id).in_report(report), "", "", "", node, row, fact=fact))
        return nodes

    # Qt overrides ---------------------------------------------------------------------------------------------
    def _node(self, index: AnyIndex) -> _Node:
        return index.internalPointer() if index.isValid() else self._root  # type: ignore[return-value]

    def index(self, row: int, column: int, parent: AnyIndex = QModelIndex()) -> QModelIndex:  # noqa: B008
        node = self._node(parent)
        if not (0 <= row < len(node.children) and 0 <= column < 2):
            return QModelIndex()
        return self.createIndex(row, column, node.children[row])

    def parent(self, index: AnyIndex = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not index.isValid():
            return QModelIndex()
        node = self._node(index).parent
        if node is None or node is self._root:
            return QModelIndex()
        return self.createIndex(node.row, 0, node)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: N802, B008
        if parent.isValid() and parent.column() != 0:
            return 0
        return len(self._node(parent).children)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 2

    def hasChildren(self, parent: AnyIndex = QModelIndex()) -> bool:  # noqa: N802, B008
        node = self._node(parent)
        if parent.isValid() and parent.column() != 0:
            return False
        if node.target.kind == "fact":
            return False
        return bool(node.children) or node.expected != 0

    def canFetchMore(self, parent: AnyIndex) -> bool:  # noqa: N802
        """A report's sections, or a section's first page. Later pages come from read_next_page only: Qt asks
        for more on every whole-tree layout, and rows added to an open section cause one (desktop.ui.tree_paging)."""
        node = self._node(parent)
        if node.target.kind == "report" and node is not self._root:
            return not node.fetched
        return node.target.kind == "section" and node.missing and not node.children

    def read_next_page(self, parent: AnyIndex) -> bool:
        """Read a section's next page of facts, if it has more; True if rows were added."""
        node = self._node(parent)
        if node.target.kind != "section" or not node.missing:
            return False
        before = len(node.children)
        self._append_facts(node, parent)
        return len(node.children) > before

    def fetchMore(self, parent: AnyIndex) -> None:  # noqa: N802
        node = self._node(parent)
        if node is self._root:
            return
        if node.target.kind == "report" and not node.fetched:
            children = self._read_sections(node)
            figure = self.createIndex(node.row, 1, node)
            self.dataChanged.emit(figure, figure)
            if children:
                self.beginInsertRows(parent, 0, len(children) - 1)
                node.children.extend(children)
                self._by_key.update((child.target.key, child) for child in children)
                self.endInsertRows()
        elif node.target.kind == "section" and node.missing:
            self._append_facts(node, parent)

    def _append_facts(self, node: _Node, parent: AnyIndex, upto: int | None = None) -> None:
        try:
            factbase = self._shelf.get(node.target.report_id)
        except FactBaseError:
            node.expected = len(node.children)
            return
        nodes = self._read_facts(node, factbase, upto)
        if len(nodes) < max(FACT_PAGE, (upto or 0) + 1 - len(node.children)):
            node.expected = len(node.children) + len(nodes)  # a short page: the section ends here
        if not nodes:
            if node.expected == 0:
                # No facts after all: the view drew an expand arrow; it must redraw the row without one.
                row = self.createIndex(node.row, 0, node)
                self.dataChanged.emit(row, row)
            return
        first = len(node.children)
        self.beginInsertRows(parent, first, first + len(nodes) - 1)
        node.children.extend(nodes)
        for child in nodes:
            self._by_key[child.target.key] = child
        self.endInsertRows()

    def data(self, index: AnyIndex, role: int = _DISPLAY) -> object:
        if not index.isValid():
            return None
        node = self._node(index)
        if role == TARGET_ROLE:
            return node.target.key
        if role == _TOOLTIP:
            return node.shown().tooltip
        if role not in (_DISPLAY, COMPACT_ROLE):
            return None
        node = node.shown()
        if index.column() == 0:
            return node.name if role == _DISPLAY else None
        if node.headline_id:
            self._read_headlines(node)
        return node.figure if role == _DISPLAY else node.compact

    def _read_headlines(self, node: _Node) -> None:
        """The headline figures of the section rows around node, in one query: a report's thousand sections read
        and worded theirs before the first paint (27 ms at 1M facts), where the view shows about forty."""
        siblings = node.parent.children if node.parent is not None else [node]
        window = siblings[max(0, node.row - HEADLINE_BATCH // 2) : node.row + HEADLINE_BATCH]
        near = [n for n in window if n.headline_id]
        try:
            facts = self._shelf.get(node.target.report_id).facts_by_id(n.headline_id for n in near)
        except FactBaseError:
            facts = {}
        for section in near:
            fact = facts.get(section.headline_id)
            section.figure, section.headline_id = (format_fact(fact) if fact else ""), ""
            section.compact = compact_figures(fact) if fact else ()

    # Finding a row --------------------------------------------------------------------------------------------
    def index_of(self, target: Target | str, report: str = "") -> QModelIndex:
        """The row showing a target (or a target's key; report fills in a target without one), reading the rows
        on the way to it if they were not read yet; an invalid index if the library has no such row."""
        if isinstance(target, str):
            target = Target.parse(target)
        if not target.report_id:
            fallback = self._root.children[0].target.report_id if self._root.children else ""
            target = target.in_report(report or fallback)
        node = self._by_key.get(target.key)
        if node is None:
            node = self._read_towards(target)
        if node is None:
            return QModelIndex()
        return self.createIndex(node.row, 0, node)

    def _read_towards(self, target: Target) -> _Node | None:
        report_node = self._by_key.get(Target.report().in_report(target.report_id).key)
        if report_node is None or target.kind not in ("section", "fact"):
            return None
        if not report_node.fetched:
            self.fetchMore(self.createIndex(report_node.row, 0, report_node))
        if target.kind == "section":
            return self._by_key.get(target.key)
        try:
            fact = self._shelf.get(target.report_id).fact(target.id)
        except (FactBaseError, KeyError):
            return None
        section = self._by_key.get(Target.section(fact.section_id).in_report(target.report_id).key)
        if section is None:
            return None
        rank = self._shelf.get(target.report_id).fact_rank(fact)
        if rank >= len(section.children):
            self._append_facts(section, self.createIndex(section.row, 0, section), upto=rank)
        return self._by_key.get(target.key)
