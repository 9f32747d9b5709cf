"""The search field and its results: typed queries show ranked, highlighted results grouped by kind and report,
open where they are, and never show an older query's answer or an error."""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QKeySequence, QTextDocument

from desktop.domain.query import parse_query
from desktop.store import FactBase
from desktop.store.search import search
from desktop.ui import search_panel
from desktop.ui.main_window import MainWindow
from desktop.ui.report_shelf import ShelfEntry
from desktop.ui.search_model import HIGHLIGHT_STYLE, HTML_ROLE, LibraryResults, SearchResultsModel
from desktop.ui.search_panel import LibrarySearch, attach_search

HIGHLIGHT = re.compile(rf'<span style="{re.escape(HIGHLIGHT_STYLE)}">(.*?)</span>')


@pytest.fixture
def searching(make_window) -> Iterator[tuple[MainWindow, LibrarySearch]]:
    window = make_window()
    search = attach_search(window)
    yield window, search
    window.worker.shutdown()


def type_query(qtbot, search: LibrarySearch, text: str) -> LibraryResults:
    """Type text into the field, key by key, and wait for its results to be shown."""
    search.field.setFocus()
    search.field.clear()
    qtbot.keyClicks(search.field, text)
    qtbot.waitUntil(lambda: search.model.results.text == text and search.job is None, timeout=10_000)
    return search.model.results


def rows(search: LibrarySearch) -> list[tuple[str, list[str]]]:
    """(group title, [row html]) for every top-level row."""
    model = search.model
    found = []
    for g in range(model.rowCount()):
        group = model.index(g, 0)
        found.append((group.data(), [model.index(r, 0, group).data(HTML_ROLE) for r in range(model.rowCount(group))]))
    return found


def test_typing_shows_ranked_results_grouped_by_kind_with_highlighted_snippets(qtbot, searching, factbase) -> None:
    window, search = searching
    results = type_query(qtbot, search, "digital")
    expected = search_store(factbase, "digital")
    kinds = [g.kind for g in results.groups]
    assert kinds == [k for k in ("fact", "passage", "term") if expected.groups[k]]
    for group in results.groups:
        assert [r.id for r in group.results] == [r.id for r in expected.groups[group.kind]]
        scores = [r.score for r in group.results]
        assert scores == sorted(scores, reverse=True)
    shown = rows(search)
    assert shown[0][0] == f"Facts ({len(results.groups[0].results)}) · {factbase.document.title}"
    for _title, htmls in shown:
        for row_html in htmls:
            marked = HIGHLIGHT.findall(row_html)
            assert marked and all(m.lower().startswith("digital") for m in marked), row_html
    # Facts show their figure: value with unit, and period.
    first_fact = results.groups[0].results[0]
    assert first_fact.period in shown[0][1][0]
    assert search.status.text().startswith(f"{results.count} results in 1 report")


def search_store(factbase: FactBase, text: str):  # type: ignore[no-untyped-def]
    return search(factbase, parse_query(text, typing=True).fact_filter(), limit=search_panel.RESULT_LIMIT)


def test_a_numeric_filter_typed_in_the_box_keeps_matching_facts_only(qtbot, searching, factbase) -> None:
    _window, search = searching
    results = type_query(qtbot, search, "over 50%")
    facts = [r for g in results.groups for r in g.results]
    assert facts and all(r.type == "fact" for r in facts)
    assert all(r.unit == "%" and r.value is not None and r.value > 50 for r in facts)
    wanted = parse_query("over 50%").fact_filter()
    assert len(facts) == min(factbase.fact_count_matching(wanted), search_panel.RESULT_LIMIT)
    assert "internet-penetration-rate" in [r.id for r in facts]  # 79.7%


@pytest.mark.parametrize("text", ['"*^:()-+{}[]', "NEAR( AND OR NOT", 'digital" OR "*', "kind: unit:% :"])
def test_fts_operator_characters_give_results_or_none_never_an_error(qtbot, searching, text) -> None:
    _window, search = searching
    results = type_query(qtbot, search, text)
    assert not search.status.text().startswith("Search failed")
    assert isinstance(results, LibraryResults)


def test_a_result_text_holding_html_shows_literally(qtbot) -> None:
    from desktop.store.search import HIGHLIGHT_END, HIGHLIGHT_START, SearchResult
    from desktop.ui.search_model import ResultGroup

    hostile = SearchResult(
        "fact", "R", "r.sqlite", "x", "s", "<b>Label</b> & co", f"a <i>{HIGHLIGHT_START}x</i>{HIGHLIGHT_END} b", 1.0,
        value=5.0, unit="<u>", period="2024",
    )  # fmt: skip
    model = SearchResultsModel()
    model.set_results(LibraryResults("x", (ResultGroup("fact", "r1", "<script>R</script>", (hostile,)),)))
    doc = QTextDocument()
    doc.setHtml(model.index(0, 0, model.index(0, 0)).data(HTML_ROLE))
    assert "<b>Label</b> & co" in doc.toPlainText()
    assert "a <i>x</i> b" in doc.toPlainText()
    assert HIGHLIGHT.findall(model.index(0, 0, model.index(0, 0)).data(HTML_ROLE)) == ["x&lt;/i&gt;"]
    group_doc = QTextDocument()
    group_doc.setHtml(model.index(0, 0).data(HTML_ROLE))
    assert "<script>R</script>" in group_doc.toPlainText()


def test_results_model_passes_the_model_tester(qtbot, qtmodeltester, searching) -> None:
    _window, search = searching
    type_query(qtbot, search, "data")
    assert search.model.rowCount() > 1
    qtmodeltester.check(search.model, force_py=True)


def test_a_late_answer_for_an_older_query_never_replaces_a_newer_one(qtbot, searching, monkeypatch) -> None:
    _window, search = searching
    release = threading.Event()
    real = search_panel.search_library_steps

    def slow_for_old(reports, query, limit):  # type: ignore[no-untyped-def]
        if query.text == "ferr":
            release.wait(10)  # the old query is still being answered when the new one is typed
            yield 0, 1
            return LibraryResults("ferr")
        return (yield from real(reports, query, limit))

    monkeypatch.setattr(search_panel, "search_library_steps", slow_for_old)
    shown: list[str] = []
    search.results_shown.connect(lambda results: shown.append(results.text))
    search.field.setFocus()
    qtbot.keyClicks(search.field, "ferr")
    old_job = search.job
    qtbot.keyClicks(search.field, "y")  # "ferry": the field takes the key at once, though the old job runs
    assert search.field.text() == "ferry"
    release.set()
    qtbot.waitUntil(lambda: shown == ["ferry"], timeout=10_000)
    assert old_job is not None and old_job.cancelled
    assert search.model.results.text == "ferry"


def test_an_answer_already_on_its_way_is_dropped_when_a_newer_query_was_typed(qtbot, searching, monkeypatch) -> None:
    _window, search = searching
    answered = threading.Event()
    real = search_panel.search_library_steps

    def quick(reports, query, limit):  # type: ignore[no-untyped-def]
        result = yield from real(reports, query, limit)
        answered.set()
        return result

    monkeypatch.setattr(search_panel, "search_library_steps", quick)
    shown: list[str] = []
    search.results_shown.connect(lambda results: shown.append(results.text))
    search.field.setFocus()
    search.field.setText("digit")
    search.field.textEdited.emit("digit")
    assert answered.wait(10)  # the old answer is computed; its signal waits for the event loop
    search.field.setText("digital")
    search.field.textEdited.emit("digital")
    qtbot.waitUntil(lambda: "digital" in shown, timeout=10_000)
    assert "digit" not in shown
    assert search.model.results.text == "digital"


def test_keyboard_down_enter_up_and_escape(qtbot, searching) -> None:
    window, search = searching
    results = type_query(qtbot, search, "internet users")
    first = results.groups[0].results[0]
    qtbot.keyClick(search.field, Qt.Key.Key_Down)
    assert search.view.hasFocus()
    assert search.model.result_at(search.view.currentIndex())[1] == first
    qtbot.keyClick(search.view, Qt.Key.Key_Return)
    assert window.current_target.local_key == f"fact:{first.id}"
    qtbot.keyClick(search.view, Qt.Key.Key_Up)
    assert search.field.hasFocus()
    qtbot.keyClick(search.field, Qt.Key.Key_Escape)
    assert search.field.text() == "" and search.model.rowCount() == 0


def test_enter_in_the_field_opens_the_best_result(qtbot, searching) -> None:
    window, search = searching
    results = type_query(qtbot, search, "penetration")
    qtbot.keyClick(search.field, Qt.Key.Key_Return)
    assert window.current_target.local_key == f"fact:{results.groups[0].results[0].id}"


def test_a_passage_opens_in_its_section_scrolled_to_and_selected(qtbot, searching, factbase) -> None:
    window, search = searching
    results = type_query(qtbot, search, "twins")
    group = next(g for g in results.groups if g.kind == "passage")
    passage = group.results[0]
    row = [g.kind for g in results.groups].index("passage")
    index = search.model.index(0, 0, search.model.index(row, 0))
    search.view.scrollTo(index)
    qtbot.mouseClick(search.view.viewport(), Qt.MouseButton.LeftButton, pos=search.view.visualRect(index).center())
    assert window.current_target.local_key == f"section:{passage.section_id}"
    paragraph = factbase.paragraph(int(passage.id)).text
    assert window.page.textCursor().selectedText().startswith(paragraph[:40])


def test_a_term_result_opens_the_glossary_term(qtbot, searching) -> None:
    window, search = searching
    results = type_query(qtbot, search, "type:term scenic")
    term = results.groups[0]
    assert term.kind == "term"
    search.open_result(term.report_id, term.results[0])
    assert window.glossary.current_term == term.results[0].id


def test_the_find_key_goes_to_the_search_field_and_the_glossary_keeps_its_own(qtbot, searching) -> None:
    window, search = searching
    window.tree.setFocus()
    qtbot.keySequence(window.tree, QKeySequence(QKeySequence.StandardKey.Find))
    assert search.field.hasFocus()
    assert search.field.placeholderText() == "Search all reports (Ctrl+F)"
    assert search.field.accessibleName()
    qtbot.keySequence(search.field, QKeySequence("Ctrl+Shift+F"))
    assert window.glossary.filter_edit.hasFocus()


def test_a_pasted_link_opens_what_it_names(qtbot, searching) -> None:
    window, search = searching
    link = f"fact:internet-users@{window.current_report}"
    QGuiApplication.clipboard().setText(link)
    search.field.setFocus()
    qtbot.keySequence(search.field, QKeySequence(QKeySequence.StandardKey.Paste))
    assert window.current_target.key == link
    QGuiApplication.clipboard().clear()


def test_go_open_link_opens_a_copied_link(qtbot, searching, monkeypatch) -> None:
    window, _search = searching
    monkeypatch.setattr(search_panel, "ask_link", lambda _parent: "term:Yangtze River Delta")
    window.window_actions.open_link.trigger()
    assert window.glossary.current_term == "Yangtze River Delta"


def test_every_report_is_searched_and_one_that_cannot_be_opened_is_a_note(
    qtbot, searching, tiny_factbase_path: Path, tmp_path: Path
) -> None:
    window, search = searching
    tiny = FactBase.open(tiny_factbase_path)
    window.add_report(tiny)
    broken = tmp_path / "broken.sqlite"
    broken.write_bytes(b"not a fact base at all" * 10)
    window.shelf.add_entry(ShelfEntry("broken-report", "Broken report", broken))
    results = type_query(qtbot, search, "online")
    reports = {g.report_title for g in results.groups}
    assert reports == {window.factbase.document.title, tiny.document.title}
    assert len(results.notes) == 1 and results.notes[0].startswith("Broken report: not searched")
    assert "Broken report: not searched" in search.status.text()
    note_row = search.model.index(len(results.groups), 0)
    assert note_row.data().startswith("Broken report")
    # The tiny report's facts open in the tiny report.
    tiny_group = next(g for g in results.groups if g.report_title == tiny.document.title and g.kind == "fact")
    search.open_result(tiny_group.report_id, tiny_group.results[0])
    assert window.current_report == tiny_group.report_id
    assert window.current_target.local_key == f"fact:{tiny_group.results[0].id}"


def test_whole_words_are_answered_first_then_the_prefix_of_the_word_being_typed(qtbot, searching, monkeypatch) -> None:
    _window, search = searching
    asked: list[tuple[str, bool]] = []
    real = search_panel.search_library_steps

    def recording(reports, query, limit):  # type: ignore[no-untyped-def]
        asked.append((query.text, query.prefix_last))
        return (yield from real(reports, query, limit))

    monkeypatch.setattr(search_panel, "search_library_steps", recording)
    search.field.setFocus()
    search.field.setText("internet use")
    search.field.textEdited.emit("internet use")
    qtbot.waitUntil(lambda: search.job is None, timeout=10_000)
    assert asked == [("internet use", False), ("internet use", True)]
    prefixed = [r.id for g in search.model.results.groups for r in g.results]
    assert "internet-users" in prefixed
    # A query ending in a space has no word being typed: one search.
    asked.clear()
    search.field.setText("internet ")
    search.field.textEdited.emit("internet ")
    qtbot.waitUntil(lambda: search.job is None, timeout=10_000)
    assert asked == [("internet ", False)]
