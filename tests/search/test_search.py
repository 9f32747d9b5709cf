"""Search of one fact base: content, order and highlighting of results, filters, and text that is never an error."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path
from types import ModuleType

import pytest

from desktop.domain.query import parse_query
from desktop.store import FactBase
from desktop.store import search as search_module
from desktop.store.search import HIGHLIGHT_END, HIGHLIGHT_START, SearchResults, search, snippet_runs


def find(fb: FactBase, text: str, typing: bool = False, limit: int = 20) -> SearchResults:
    query = parse_query(text, typing=typing)
    return search(fb, query.fact_filter(), query.types, limit)


def marked(snippet: str) -> list[str]:
    return [text for text, highlighted in snippet_runs(snippet) if highlighted]


def test_a_fact_is_found_by_its_words_with_its_figures_and_a_highlighted_snippet(factbase: FactBase) -> None:
    results = find(factbase, "5G base stations")
    best = results.facts[0]
    assert best.id == "5g-base-stations" and best.type == "fact" and best.section_id == "infrastructure"
    assert (best.value, best.unit, best.period) == (4_550_000, "base stations", "end of June 2025")
    assert best.report == factbase.document.title and best.report_path == str(factbase.path)
    assert [w.lower() for w in marked(best.snippet)] == ["5g", "base", "stations"]
    assert "".join(text for text, _ in snippet_runs(best.snippet)) in best.snippet.replace(HIGHLIGHT_START, "").replace(
        HIGHLIGHT_END, ""
    )
    assert results.passages and results.passages[0].section_id == "infrastructure"
    assert results.passages[0].title == "Infrastructure"


def test_the_label_weighs_more_than_the_quote(factbase: FactBase) -> None:
    # Several facts share the sentence that mentions gigabit broadband; only one is labelled with it.
    facts = find(factbase, "gigabit").facts
    assert facts[0].id == "gigabit-broadband-users"
    assert len(facts) > 1 and all("Gigabit" not in f.title for f in facts[1:])
    assert [f.score for f in facts] == sorted((f.score for f in facts), reverse=True)


def test_glossary_terms_and_passages_are_grouped_apart(factbase: FactBase) -> None:
    results = find(factbase, "Yangtze River Delta")
    assert [t.id for t in results.terms][:1] == ["Yangtze River Delta"] or results.terms[0].id.lower() == (
        "yangtze river delta"
    )
    assert results.terms[0].section_id is None and HIGHLIGHT_START in results.terms[0].snippet
    assert all(p.type == "passage" and p.section_id for p in results.passages)
    kinds = [r.type for r in results.all()]
    assert kinds == sorted(kinds, key=["fact", "passage", "term"].index)


def test_the_last_word_is_a_prefix_while_typing(tiny_factbase: FactBase) -> None:
    assert not find(tiny_factbase, "ferry cro").facts
    assert not find(tiny_factbase, "ferry crossin").facts
    for typed in ("ferry cro", "ferry crossi", "ferry crossin", "ferry crossings"):
        # every step of typing "crossings" finds it, though the index holds the stem "cross"
        assert {r.id for r in find(tiny_factbase, typed, typing=True).facts} >= {"ferry-crossings"}, typed


def test_a_word_under_three_letters_is_whole_without_a_prefix_index(tiny_factbase: FactBase) -> None:
    # Without FTS5's prefix index a one- or two-letter prefix reads the match list of every term it covers.
    assert not find(tiny_factbase, "fe", typing=True).facts
    assert find(tiny_factbase, "fer", typing=True).facts


OPERATOR_TEXT = ['"', '""', "*", "^", ":", "(", ")", "-", "+", "NEAR", "AND", "OR", "NOT", "{", "}", "[", "]"]
OPERATOR_TEXT += ['ferry"', "ferry*", "^ferry", "label:ferry", "(ferry", "ferry)", "-ferry", "+ferry", "NEAR(ferry)"]
OPERATOR_TEXT += ["ferry AND", "OR ferry", "ferry NOT crossings", "{label}: ferry", "ferry \\", "'", "ferry'", "%", "_"]
OPERATOR_TEXT += ["kind:", 'unit:"', "> ", "between and", "1-", '"ferry', "ferry NEAR/2 crossings"]
OPERATOR_TEXT += ["\x00", "\x02ferry", "ferry OR", "ferry (", "ferry *", "ferry AND (x OR y)"]


WORDS_LEFT_THAT_ARE_NOT_IN_THE_BASE = {"label:ferry", "{label}: ferry", "ferry NEAR/2 crossings", "ferry AND (x OR y)"}


@pytest.mark.parametrize("text", OPERATOR_TEXT)
@pytest.mark.parametrize("typing", [False, True])
def test_operator_characters_give_results_or_none_never_an_error(
    tiny_factbase: FactBase, text: str, typing: bool
) -> None:
    results = find(tiny_factbase, text, typing=typing)
    if "ferry" in text.lower() and text not in WORDS_LEFT_THAT_ARE_NOT_IN_THE_BASE:
        # operators are characters: what is left is the word, and it finds its facts
        assert any(r.id.startswith("ferry-crossings") for r in results.facts), text
    query = parse_query(text, typing=typing)
    tiny_factbase.fact_ids_page(0, 10, "position", query.fact_filter())


def test_numeric_filters_keep_exactly_the_facts_they_name(factbase: FactBase) -> None:
    every = factbase.facts()
    over = {r.id for r in find(factbase, "> 1 billion", limit=100).facts}
    assert over == {f.id for f in every if f.value is not None and f.value > 1e9} and over
    shares = {r.id for r in find(factbase, "over 50%", limit=100).facts}
    assert shares == {f.id for f in every if f.unit == "%" and f.value is not None and f.value > 50} and shares
    short = {r.id for r in find(factbase, "< 10 days", limit=100).facts}
    assert short == {"apparel-turnaround"}  # a range of 3-7 days overlaps "under 10 days"
    middle = {r.id for r in find(factbase, "between 100 and 500 million", limit=100).facts}
    assert middle == {f.id for f in every if f.value is not None and 1e8 <= f.value <= 5e8} and middle
    hit = find(factbase, "> 1 billion").facts[0]
    assert marked(hit.snippet) and marked(hit.snippet)[0] in factbase.fact(hit.id).quote
    assert not find(factbase, "> 1 billion").passages, "numbers filter facts; passages have no value"


def test_words_with_a_numeric_filter(factbase: FactBase) -> None:
    every = factbase.facts()
    found = {r.id for r in find(factbase, "users > 1 billion").facts}
    words = {f.id for f in every if "users" in f"{f.label} {f.quote}".lower()}
    assert found == {f.id for f in every if f.id in words and f.value is not None and f.value > 1e9} and found


def test_words_with_filters(factbase: FactBase) -> None:
    results = find(factbase, "internet kind:share")
    assert [r.id for r in results.facts] == ["internet-penetration-rate"]
    assert find(factbase, "type:term data").facts == () and find(factbase, "type:term data").terms
    scoped = find(factbase, "data section:data-market")
    assert scoped.facts and all(r.section_id == "data-market" for r in scoped.facts + scoped.passages)


def test_stored_marker_characters_never_pose_as_highlights(tiny_factbase_path: Path, tmp_path: Path) -> None:
    copy = tmp_path / "marked.sqlite"
    shutil.copy(tiny_factbase_path, copy)
    conn = sqlite3.connect(copy)
    conn.execute("UPDATE facts SET label = 'Ferry \x02crossings\x03 forged' WHERE id = 'ferry-crossings'")
    conn.execute("INSERT INTO facts_fts(facts_fts) VALUES ('rebuild')")
    conn.commit()
    conn.close()
    with FactBase.open(copy) as fb:
        hit = next(r for r in find(fb, "forged").facts if r.id == "ferry-crossings")
    assert HIGHLIGHT_START not in hit.snippet and HIGHLIGHT_END not in hit.snippet


def test_common_words_come_back_fast_in_label_order_rare_ones_ranked(
    generated: FactBase, generator: ModuleType, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(search_module, "RANK_WINDOW", 100)  # a small base: "data" is in more than 100 facts
    common = find(generated, "data")
    assert len(common.facts) == 20 and not common.ranked_all
    assert all("data" in (r.title + r.snippet).lower() for r in common.facts)
    assert "data" in common.facts[0].title.lower(), "label matches come first"
    rare = find(generated, generator.RARE_WORDS[0], limit=50)
    assert rare.ranked_all and len(rare.facts) == generator.RARE_COUNT
    assert all(generator.RARE_WORDS[0] in marked(r.snippet) for r in rare.facts)
