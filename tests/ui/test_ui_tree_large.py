"""The tree of a large report: a fact deep in a long section opens without reading the section, one section
stays open, and scrolling to the end of an open section reads its next facts."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from desktop.domain.target import Target
from desktop.store import FactBase
from desktop.ui.library_tree_model import FACT_PAGE, TARGET_ROLE
from desktop.ui.main_window import MainWindow
from desktop.ui.plot_loader import PlotLoader

PER_SECTION = 350  # facts: more than three pages of the tree's


@pytest.fixture
def long_sections(generate_base: Callable[..., Path]) -> Iterator[FactBase]:
    with FactBase.open(generate_base(facts=PER_SECTION * 4, sections=4)) as fb:
        yield fb


def _shown_window(qtbot, factbase: FactBase, settings: QSettings, loader: PlotLoader) -> MainWindow:
    window = MainWindow(factbase, loader, settings)
    qtbot.addWidget(window)
    window.resize(1024, 680)
    window.open_initial(None)
    window.show()
    qtbot.waitExposed(window)
    return window


@pytest.fixture
def large_window(qtbot, long_sections: FactBase, settings: QSettings, loader: PlotLoader) -> MainWindow:
    return _shown_window(qtbot, long_sections, settings, loader)


def _rows(window: MainWindow, section_id: str) -> int:
    return window.tree_model.rowCount(window.tree_model.index_of(Target.section(section_id)))


def test_a_fact_deep_in_a_section_opens_without_reading_the_rest(qtbot, large_window, long_sections) -> None:
    first, second = long_sections.sections()[:2]
    deep = long_sections.facts_in_section(first.id, 150, 1)[0]
    assert large_window.open_target(Target.fact(deep.id))
    qtbot.waitUntil(lambda: large_window.tree.currentIndex().data() == deep.label)
    # Read to the fact and a page beyond it at most: never the whole section, nor page after page on layout.
    assert 151 <= _rows(large_window, first.id) <= 151 + FACT_PAGE < PER_SECTION
    assert large_window.tree.isExpanded(large_window.tree_model.index_of(Target.section(first.id)))
    other = long_sections.facts_in_section(second.id, 10, 1)[0]
    assert large_window.open_target(Target.fact(other.id))
    qtbot.waitUntil(lambda: large_window.tree.currentIndex().data() == other.label)
    assert not large_window.tree.isExpanded(large_window.tree_model.index_of(Target.section(first.id)))
    assert large_window.tree.isExpanded(large_window.tree_model.index_of(Target.section(second.id)))
    assert _rows(large_window, second.id) <= FACT_PAGE


def test_scrolling_to_the_last_fact_read_reads_the_next_facts(qtbot, large_window, long_sections) -> None:
    section = long_sections.sections()[1]  # one with sections below it: its end is not the tree's end
    index = large_window.tree_model.index_of(Target.section(section.id))
    large_window.tree.expand(index)
    qtbot.waitUntil(lambda: _rows(large_window, section.id) == FACT_PAGE)
    large_window.tree.scrollTo(large_window.tree_model.index(FACT_PAGE - 1, 0, index))
    qtbot.waitUntil(lambda: _rows(large_window, section.id) == 2 * FACT_PAGE)
    facts = long_sections.facts_in_section(section.id, 0, 2 * FACT_PAGE)
    last = large_window.tree_model.index(2 * FACT_PAGE - 1, 0, index)
    assert last.data() == facts[-1].label  # the next page, in the report's order
    tree = large_window.tree
    assert tree.visualRect(last).top() >= tree.viewport().height()  # read until the view was full, no further
    while _rows(large_window, section.id) < PER_SECTION:  # to the end of the section: then no more reading
        rows = _rows(large_window, section.id)
        tree.scrollTo(large_window.tree_model.index(rows - 1, 0, index))
        qtbot.waitUntil(lambda rows=rows: _rows(large_window, section.id) > rows)
    tree.scrollTo(large_window.tree_model.index(PER_SECTION - 1, 0, index))
    assert _rows(large_window, section.id) == PER_SECTION
    assert not large_window.tree_model.canFetchMore(index)


def test_page_down_walks_a_long_section_to_its_end(qtbot, large_window, long_sections) -> None:
    from PySide6.QtCore import Qt

    section = long_sections.sections()[1]  # sections below it: a jump past its rows would land in them
    facts = [f.id for f in long_sections.facts_in_section(section.id)]
    tree = large_window.tree
    index = large_window.tree_model.index_of(Target.section(section.id))
    tree.expand(index)
    qtbot.waitUntil(lambda: _rows(large_window, section.id) == FACT_PAGE)
    tree.setFocus()
    tree.setCurrentIndex(large_window.tree_model.index(0, 0, index))
    rows_seen = [0]
    while tree.currentIndex().parent() == index and rows_seen[-1] < PER_SECTION - 1:
        qtbot.keyClick(tree, Qt.Key.Key_PageDown)
        qtbot.waitUntil(lambda: not large_window.tree_paging._pending)
        if tree.currentIndex().parent() == index:
            rows_seen.append(tree.currentIndex().row())
    # Page by page through the section, every fact read before Page Down leaves it (the last page goes on to the
    # sections below, as Page Down does at the end of any list).
    assert _rows(large_window, section.id) == PER_SECTION
    assert rows_seen[-1] >= PER_SECTION - (rows_seen[1] - rows_seen[0]) - 1, rows_seen
    assert all(b > a for a, b in zip(rows_seen, rows_seen[1:], strict=False))
    last = large_window.tree_model.index(PER_SECTION - 1, 0, index)
    assert Target.parse(last.data(TARGET_ROLE)).id == facts[-1]


def test_section_figures_are_read_for_the_rows_in_view(
    qtbot, generate_base: Callable[..., Path], settings: QSettings, loader: PlotLoader, monkeypatch
) -> None:
    from desktop.domain.formatting import format_fact
    from desktop.ui.library_tree_model import HEADLINE_BATCH

    sections = 3 * HEADLINE_BATCH
    with FactBase.open(generate_base(facts=sections * 2, sections=sections)) as fb:
        asked: list[str] = []
        real = fb.facts_by_id

        def spy(ids):  # type: ignore[no-untyped-def]
            ids = list(ids)
            asked.extend(ids)
            return real(ids)

        monkeypatch.setattr(fb, "facts_by_id", spy)
        window = _shown_window(qtbot, fb, settings, loader)
        every = fb.sections()
        headline_ids = {s.headline_fact_id for s in every}
        window.grab()  # painted: the tree has shown its first rows' figures
        shown = window.tree_model.index_of(Target.section(every[0].id)).siblingAtColumn(1)
        assert shown.data() == format_fact(fb.fact(every[0].headline_fact_id))
        assert len(headline_ids & set(asked)) < len(every) // 2  # not every section's, before or at the paint
        last = window.tree_model.index_of(Target.section(every[-1].id))
        window.tree.scrollTo(last)
        headline = fb.fact(every[-1].headline_fact_id)
        qtbot.waitUntil(lambda: last.siblingAtColumn(1).data() == format_fact(headline))
        window.worker.shutdown()
