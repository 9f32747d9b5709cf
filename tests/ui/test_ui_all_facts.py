"""View ▸ All Facts: every fact in a table that sorts by the store's orders, filters with the search language,
counts facets, exports the shown rows and copies links that open again."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QGuiApplication, QKeySequence
from PySide6.QtWidgets import QTreeWidgetItem

from desktop.domain.query import parse_query
from desktop.store import FactBase
from desktop.ui import all_facts
from desktop.ui.all_facts import AllFactsDialog, attach_all_facts
from desktop.ui.fact_table_model import COLUMNS, LINK_ROLE
from desktop.ui.main_window import MainWindow
from desktop.ui.search_panel import attach_search


@pytest.fixture
def dialog_in(qtbot, make_window) -> Iterator[tuple[MainWindow, AllFactsDialog]]:
    window = make_window()
    attach_all_facts(window)
    window.window_actions.all_facts.trigger()
    dialog: AllFactsDialog = window.all_facts_dialog  # type: ignore[attr-defined]
    settle(qtbot, dialog)
    yield window, dialog
    window.worker.shutdown()


def settle(qtbot, dialog: AllFactsDialog) -> None:
    """Wait for the rows and facets of the latest filter (counted on the worker)."""
    qtbot.waitUntil(lambda: not dialog.busy, timeout=10_000)


def links(dialog: AllFactsDialog, count: int | None = None) -> list[str]:
    model = dialog.model
    n = model.rowCount() if count is None else min(count, model.rowCount())
    return [model.index(r, 0).data(LINK_ROLE) for r in range(n)]


def ids(found: list) -> list[str]:  # type: ignore[type-arg]
    return [f.id for f in found]


def click_header(qtbot, dialog: AllFactsDialog, column: str) -> None:
    header = dialog.table.horizontalHeader()
    section = COLUMNS.index(column)
    x = header.sectionViewportPosition(section) + header.sectionSize(section) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() // 2))


def facet_item(dialog: AllFactsDialog, group: str, key_value: tuple[str, str]) -> QTreeWidgetItem:
    for g in range(dialog.facets.topLevelItemCount()):
        top = dialog.facets.topLevelItem(g)
        if top.text(0) == group:
            for c in range(top.childCount()):
                if top.child(c).data(0, Qt.ItemDataRole.UserRole) == key_value:
                    return top.child(c)
    raise AssertionError(f"no facet {key_value} under {group}")


def test_view_all_facts_lists_every_fact_of_the_report_in_report_order(qtbot, dialog_in, factbase) -> None:
    window, dialog = dialog_in
    assert dialog.isVisible()
    assert dialog.model.rowCount() == factbase.fact_count()
    rid = window.current_report
    assert links(dialog) == [f"fact:{i}@{rid}" for i in ids(factbase.facts_page(0, 1000, "position"))]
    assert dialog.count_label.text() == f"{factbase.fact_count()} facts"
    assert dialog.table.isColumnHidden(COLUMNS.index("report"))  # one report: no report column
    first = factbase.facts_page(0, 1)[0]
    assert dialog.model.index(0, COLUMNS.index("label")).data() == first.label


def test_the_models_pass_the_model_tester(qtbot, qtmodeltester, dialog_in, tiny_factbase_path) -> None:
    window, dialog = dialog_in
    qtmodeltester.check(dialog.model, force_py=True)
    window.add_report(FactBase.open(tiny_factbase_path))
    dialog.refresh_reports()
    dialog.choose_report("")
    settle(qtbot, dialog)
    qtmodeltester.check(dialog.model, force_py=True)


def test_clicking_headers_sorts_by_the_stores_orders(qtbot, dialog_in, factbase) -> None:
    window, dialog = dialog_in
    rid = window.current_report
    click_header(qtbot, dialog, "value")
    assert links(dialog) == [f"fact:{i}@{rid}" for i in ids(factbase.facts_page(0, 1000, "value"))]
    click_header(qtbot, dialog, "value")
    assert links(dialog) == [f"fact:{i}@{rid}" for i in ids(factbase.facts_page(0, 1000, "-value"))]
    click_header(qtbot, dialog, "id")
    click_header(qtbot, dialog, "id")  # descending: the ascending order read from its end
    assert links(dialog) == [f"fact:{i}@{rid}" for i in reversed(ids(factbase.facts_page(0, 1000, "id")))]
    before = links(dialog)
    click_header(qtbot, dialog, "label")  # no store order: nothing moves, the indicator stays
    assert links(dialog) == before
    assert dialog.table.horizontalHeader().sortIndicatorSection() == COLUMNS.index("id")


def test_the_filter_box_reads_the_query_language(qtbot, dialog_in, factbase) -> None:
    _window, dialog = dialog_in
    qtbot.keyClicks(dialog.filter_edit, "over 50%")
    wanted = factbase.fact_count_matching(parse_query("over 50%").fact_filter())
    qtbot.waitUntil(lambda: dialog.model.rowCount() == wanted and not dialog.busy)
    values = [dialog.model.fact_at(r)[1] for r in range(dialog.model.rowCount())]
    assert values and all(f.unit == "%" and f.value is not None and f.value > 50 for f in values)
    dialog.filter_edit.clear()
    qtbot.keyClicks(dialog.filter_edit, "internet users")
    qtbot.keyClick(dialog.filter_edit, Qt.Key.Key_Return)
    settle(qtbot, dialog)
    words = parse_query("internet users", typing=True).fact_filter()
    expected = ids(factbase.facts_page(0, 1000, "position", words))
    assert expected and [dialog.model.fact_at(r)[1].id for r in range(dialog.model.rowCount())] == expected


def test_facets_count_kind_unit_and_section_and_a_click_filters_by_one(qtbot, dialog_in, factbase) -> None:
    _window, dialog = dialog_in
    kinds = factbase.fact_facets("kind")
    kind, count = kinds[0]
    item = facet_item(dialog, "Kind", ("kind", kind))
    assert item.text(0) == f"{kind} ({count})"
    for unit, n in factbase.fact_facets("unit"):
        assert facet_item(dialog, "Unit", ("unit", unit)).text(0).endswith(f"({n})")
    section_id, n = factbase.fact_facets("section_id")[0]
    section_title = factbase.section(section_id).title
    assert facet_item(dialog, "Section", ("section", section_id)).text(0) == f"{section_title} ({n})"
    dialog.facets.itemClicked.emit(item, 0)
    settle(qtbot, dialog)
    assert f"kind:{kind}" in dialog.filter_edit.text()
    assert dialog.model.rowCount() == count
    assert {dialog.model.fact_at(r)[1].kind for r in range(count)} == {kind}
    dialog.facets.itemClicked.emit(facet_item(dialog, "Kind", ("kind", kind)), 0)  # again: the filter goes
    settle(qtbot, dialog)
    assert dialog.filter_edit.text() == "" and dialog.model.rowCount() == factbase.fact_count()


def test_all_reports_shows_a_report_column_and_a_report_facet(qtbot, dialog_in, factbase, tiny_factbase_path) -> None:
    window, dialog = dialog_in
    tiny = FactBase.open(tiny_factbase_path)
    tiny_id = window.add_report(tiny)
    dialog.refresh_reports()
    dialog.choose_report("")
    settle(qtbot, dialog)
    assert dialog.model.rowCount() == factbase.fact_count() + tiny.fact_count()
    assert not dialog.table.isColumnHidden(COLUMNS.index("report"))
    last = dialog.model.rowCount() - 1
    assert dialog.model.index(last, COLUMNS.index("report")).data() == tiny.document.title
    report_facet = facet_item(dialog, "Report", ("report", tiny_id))
    assert report_facet.text(0) == f"{tiny.document.title} ({tiny.fact_count()})"
    dialog.facets.itemClicked.emit(report_facet, 0)
    settle(qtbot, dialog)
    assert dialog.report_choice.currentData() == tiny_id
    assert dialog.model.rowCount() == tiny.fact_count()


@pytest.mark.parametrize("suffix", [".csv", ".json"])
def test_export_writes_the_shown_rows_in_order_with_their_sources(
    qtbot, dialog_in, factbase, tmp_path, monkeypatch, suffix
) -> None:
    window, dialog = dialog_in
    out = tmp_path / f"facts{suffix}"
    monkeypatch.setattr(all_facts, "ask_save_path", lambda *_args: (str(out), ""))
    dialog.filter_edit.setText("kind:share")
    dialog.apply_filter()
    settle(qtbot, dialog)
    click_header(qtbot, dialog, "value")
    click_header(qtbot, dialog, "value")
    shown = links(dialog)
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: out.exists() and dialog.export_button.isEnabled(), timeout=10_000)
    text = out.read_text(encoding="utf-8")
    records = list(csv.DictReader(text.splitlines())) if suffix == ".csv" else json.loads(text)
    assert [r["link"] for r in records] == shown
    assert all(r["kind"] == "share" for r in records)
    assert all(r["source"] == factbase.document.source(r["section"]) for r in records)  # the section named
    first = factbase.fact(records[0]["id"])
    assert records[0]["quote"] == first.quote and records[0]["label"] == first.label
    whole = first.value is not None and first.value.is_integer()
    assert str(records[0]["value"]) == (str(int(first.value)) if whole else str(first.value))  # 100, not 100.0
    assert window.statusBar().currentMessage() == f"Saved {len(shown)} facts to {out}"
    assert [p.name for p in tmp_path.iterdir()] == [out.name]  # no temporary left beside it


def test_export_to_a_bad_name_says_so_and_writes_nothing(qtbot, dialog_in, tmp_path, monkeypatch) -> None:
    _window, dialog = dialog_in
    errors: list[str] = []
    monkeypatch.setattr(all_facts, "ask_save_path", lambda *_args: (str(tmp_path / "facts.txt"), ""))
    monkeypatch.setattr(all_facts, "show_error", lambda _parent, _title, message: errors.append(message))
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert errors and "'.txt'" in errors[0]
    assert list(tmp_path.iterdir()) == []


def test_a_copied_link_pasted_into_the_search_field_opens_the_fact(qtbot, dialog_in, factbase) -> None:
    window, dialog = dialog_in
    search = attach_search(window)
    row = 3
    dialog.table.setFocus()
    dialog.table.setCurrentIndex(dialog.model.index(row, 1))
    qtbot.keySequence(dialog.table, QKeySequence(QKeySequence.StandardKey.Copy))
    fact = dialog.model.fact_at(row)[1]
    link = f"fact:{fact.id}@{window.current_report}"
    assert QGuiApplication.clipboard().text() == link
    window.open_target("report")
    window.activateWindow()
    search.field.setFocus()
    qtbot.keySequence(search.field, QKeySequence(QKeySequence.StandardKey.Paste))
    assert window.current_target.key == link
    QGuiApplication.clipboard().clear()


def test_enter_on_a_row_opens_its_fact(qtbot, dialog_in) -> None:
    window, dialog = dialog_in
    dialog.table.setFocus()
    dialog.table.setCurrentIndex(dialog.model.index(5, 1))
    qtbot.keyClick(dialog.table, Qt.Key.Key_Return)
    assert window.current_target.key == dialog.model.index(5, 1).data(LINK_ROLE)


def test_a_newer_filter_replaces_a_count_still_on_its_way(qtbot, dialog_in, factbase) -> None:
    _window, dialog = dialog_in
    shown: list[int] = []
    dialog.shown.connect(lambda: shown.append(dialog.model.rowCount()))
    dialog.filter_edit.setText("kind:share")
    dialog.apply_filter()
    dialog.filter_edit.setText("kind:rank")
    dialog.apply_filter()  # before the first count came back
    settle(qtbot, dialog)
    ranks = factbase.fact_count_matching(parse_query("kind:rank").fact_filter())
    assert shown == [ranks]
    assert {dialog.model.fact_at(r)[1].kind for r in range(dialog.model.rowCount())} == {"rank"}


def test_a_narrow_facet_list_keeps_each_count_in_view(qtbot, dialog_in) -> None:
    """At 1024×680 under 200% scale a section's facet is wider than the list: it is cut in its middle, so the count
    (what the facet is for) stays readable at its end, and the tooltip has the whole name."""
    _window, dialog = dialog_in
    facets = dialog.facets
    facets.setFixedWidth(200)
    qtbot.waitUntil(lambda: facets.viewport().width() < 200)
    metrics = facets.fontMetrics()
    cut = 0
    for g in range(facets.topLevelItemCount()):
        group = facets.topLevelItem(g)
        for i in range(group.childCount()):
            item = group.child(i)
            room = facets.visualItemRect(item).width() - 2 * facets.style().pixelMetric(
                facets.style().PixelMetric.PM_FocusFrameHMargin
            )
            shown = metrics.elidedText(item.text(0), facets.textElideMode(), room)
            cut += shown != item.text(0)
            count = item.text(0).rsplit(" ", 1)[-1]
            assert shown.endswith(count), (item.text(0), shown)
    assert cut  # the case the test is about: some facet is too long for the list
