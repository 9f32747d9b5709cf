"""The All Facts table on a generated 100k-fact base: it reads only the pages around what is shown, sorts and
filters through the store, and reaches the last row without reading the rows before it."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableView

from desktop.domain.query import parse_query
from desktop.store import FactBase
from desktop.ui.fact_table_model import CACHE_PAGES, COLUMNS, PAGE, FactTableModel, report_part

FACTS = 100_000


@pytest.fixture
def large(generate_base: Callable[..., Path]) -> Iterator[FactBase]:
    with FactBase.open(generate_base(facts=FACTS, sections=200)) as fb:
        yield fb


@pytest.fixture
def pages_read(large: FactBase, monkeypatch: pytest.MonkeyPatch) -> list[tuple[int, int]]:
    """Every (offset, limit) the table asks the store for."""
    asked: list[tuple[int, int]] = []
    real = large.facts_page

    def spy(offset: int = 0, limit: int = 100, *args, **kwargs):  # type: ignore[no-untyped-def]
        asked.append((offset, limit))
        return real(offset, limit, *args, **kwargs)

    monkeypatch.setattr(large, "facts_page", spy)
    return asked


def test_a_shown_table_reads_only_the_pages_in_view(qtbot, large: FactBase, pages_read) -> None:
    model = FactTableModel([report_part("big", "Big", large)])
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.resize(900, 500)
    view.show()
    qtbot.waitExposed(view)
    assert model.rowCount() == FACTS
    qtbot.waitUntil(lambda: bool(pages_read))  # the first paint asks for the rows in view
    assert len(pages_read) <= 2 and all(limit == PAGE for _, limit in pages_read)
    view.scrollToBottom()
    qtbot.waitUntil(lambda: any(offset >= FACTS - PAGE for offset, _ in pages_read))
    assert model.link_at(FACTS - 1) == f"fact:{large.facts_page(FACTS - 1, 1)[0].id}@big"
    assert sum(limit for _, limit in pages_read) < 10 * PAGE  # never the 100k rows in between
    assert len(model._pages) <= CACHE_PAGES


def test_sorting_and_filtering_a_large_table_go_through_the_store(qtbot, large: FactBase) -> None:
    model = FactTableModel([report_part("big", "Big", large)])
    model.sort(COLUMNS.index("value"), Qt.SortOrder.DescendingOrder)
    assert [model.fact_at(r)[1].id for r in range(50)] == [f.id for f in large.facts_page(0, 50, "-value")]
    before = [model.fact_at(r)[1].id for r in range(50)]
    # The store orders units both ways, through its index: descending is one more page read, not a sort.
    assert model.can_sort(COLUMNS.index("unit"), Qt.SortOrder.DescendingOrder)
    # A column the store has no order for at all (the label) does not sort: the rows stay as they were.
    assert not model.can_sort(COLUMNS.index("label"), Qt.SortOrder.DescendingOrder)
    model.sort(COLUMNS.index("label"), Qt.SortOrder.DescendingOrder)
    assert [model.fact_at(r)[1].id for r in range(50)] == before
    section = parse_query(f"section:{large.sections()[1].id}").fact_filter()
    model.show_facts(model.parts, section)
    model.sort(COLUMNS.index("unit"), Qt.SortOrder.DescendingOrder)  # a few hundred rows: read from the end
    count = model.rowCount()
    tail = large.facts_page(0, count, "unit", section)[::-1]
    assert [model.fact_at(r)[1].id for r in range(count)] == [f.id for f in tail]
    flt = parse_query("over 50%").fact_filter()
    model.show_facts(model.parts, flt)
    assert model.rowCount() == large.fact_count_matching(flt) > 0
    assert all(f.unit == "%" and (f.value or 0) > 50 for f in (model.fact_at(r)[1] for r in range(100)))


def test_a_filtered_large_table_passes_the_model_tester(qtbot, qtmodeltester, large: FactBase) -> None:
    model = FactTableModel([report_part("big", "Big", large)])
    section = large.sections()[0].id
    model.show_facts(model.parts, parse_query(f"section:{section}").fact_filter())
    assert 0 < model.rowCount() < FACTS
    qtmodeltester.check(model, force_py=True)
