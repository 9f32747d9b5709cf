"""The store's set queries give what the old per-fact Python filters gave, on the tiny, bundled and a generated base."""

from __future__ import annotations

import re
import sqlite3
from collections import Counter
from pathlib import Path
from types import ModuleType

import pytest

from desktop.store import FactBase, UnknownIdError
from desktop.store import queries as queries_module
from desktop.store.queries import FactFilter, ValueRange


@pytest.fixture(params=["tiny", "bundled", "generated"])
def any_base(request: pytest.FixtureRequest) -> FactBase:
    name = {"tiny": "tiny_factbase", "bundled": "factbase", "generated": "generated"}[request.param]
    fb: FactBase = request.getfixturevalue(name)
    return fb


def test_sections_pages_and_counts_agree_with_every_fact(any_base: FactBase) -> None:
    every = list(any_base.iter_facts())
    assert any_base.fact_count() == len(every) and [f.id for f in every] == [f.id for f in any_base.facts()]
    counts = Counter(f.section_id for f in every)
    assert any_base.fact_counts() == dict(counts)
    for section in any_base.sections()[:5]:
        in_section = [f.id for f in every if f.section_id == section.id]
        assert any_base.fact_count(section.id) == len(in_section)
        pages = [any_base.facts_in_section(section.id, offset, 3) for offset in range(0, len(in_section) + 3, 3)]
        assert [f.id for page in pages for f in page] == in_section
    tree = any_base.section_tree()
    assert [s.id for s, _ in tree] == [s.id for s in any_base.sections()]
    assert [f.id for _, facts in tree for f in facts] == [f.id for f in every]


def test_neighbours_and_paragraph_facts_agree_with_the_section(any_base: FactBase) -> None:
    for section in any_base.sections()[:5]:
        facts = any_base.facts_in_section(section.id)
        for i, fact in enumerate(facts[:3] + facts[-2:]):
            at = facts.index(fact)
            around = [f.id for f in any_base.facts_around(fact, 4)]
            assert around == [f.id for f in facts[max(0, at - 4) : at] + facts[at + 1 : at + 5]], (section.id, i)
            stated = [f.id for f in facts if f.paragraph_id == fact.paragraph_id]
            assert [f.id for f in any_base.facts_in_paragraph(fact.paragraph_id)] == stated


def test_headings_of_many_facts_in_one_call(any_base: FactBase) -> None:
    ids = [f.id for f in any_base.iter_facts()][:400]
    many = any_base.fact_headings_for(ids)
    assert many == {i: any_base.fact_headings(i) for i in ids if any_base.fact_headings(i)}
    section = any_base.sections()[0]
    expected = [h for f in any_base.facts(section.id) for h in any_base.fact_headings(f.id)]
    assert any_base.section_headings(section.id) == expected


def test_the_headline_states_the_rank_of_computing_power(factbase: FactBase) -> None:
    assert [h.fact_id for h in factbase.headings_at("headline")] == ["computing-power-rank"]


def test_mentions_as_joins_equal_the_python_filters(any_base: FactBase) -> None:
    mentions = any_base.term_mentions()
    every = list(any_base.iter_facts())
    for term in any_base.terms()[:10]:
        fact_ids = {m.fact_id for m in mentions if m.term == term.term and m.fact_id}
        assert [f.id for f in any_base.facts_mentioning(term.term)] == [f.id for f in every if f.id in fact_ids]
        assert [f.id for f in any_base.facts_mentioning(term.term.upper(), limit=2)] == [
            f.id for f in every if f.id in fact_ids
        ][:2]
        section_ids = {m.section_id for m in mentions if m.term == term.term}
        assert [s.id for s in any_base.sections_mentioning(term.term)] == [
            s.id for s in any_base.sections() if s.id in section_ids
        ]
    for fact in every[:50]:
        names = {m.term for m in mentions if m.fact_id == fact.id}
        assert [t.term for t in any_base.terms_for_fact(fact.id)] == [
            t.term for t in any_base.terms() if t.term in names
        ]
    for section in any_base.sections()[:5]:
        names = {m.term for m in mentions if m.section_id == section.id}
        assert [t.term for t in any_base.terms_in_section(section.id)] == [
            t.term for t in any_base.terms() if t.term in names
        ]


def test_mentions_of_an_unknown_term_are_none(factbase: FactBase) -> None:
    assert factbase.term_mentions(term="no such term") == []
    assert (
        factbase.term_mentions(term="yangtze river delta") == factbase.term_mentions(term="Yangtze River Delta") != []
    )


def test_unknown_ids_name_the_nearest_in_a_generated_base(generated: FactBase) -> None:
    real = generated.facts_in_section(generated.sections()[7].id, 0, 1)[0].id
    with pytest.raises(UnknownIdError) as info:
        generated.fact(real[:-1] + "z")
    assert real in info.value.nearest
    with pytest.raises(UnknownIdError) as info:
        generated.section(generated.sections()[3].id + "x")
    assert generated.sections()[3].id in info.value.nearest
    assert generated.has_fact(real) and not generated.has_fact(real + "x")
    assert set(generated.facts_by_id([real, "nope"])) == {real}


def test_table_pages_join_up_in_every_order(generated: FactBase) -> None:
    every = list(generated.iter_facts())
    pages = [generated.fact_ids_page(offset, 700) for offset in range(0, len(every), 700)]
    assert [i for page in pages for i in page] == [f.id for f in every]
    for offset in (0, 99, 1234, len(every) - 7):
        assert [f.id for f in generated.facts_page(offset, 50)] == [f.id for f in every[offset : offset + 50]]
    assert generated.facts_page(len(every), 50) == [] and generated.fact_count_matching() == len(every)
    by_value = generated.facts_page(0, 50, "value")
    points = [f.value for f in by_value if f.value is not None]
    assert points == sorted(points)
    top = generated.facts_page(0, 5, "-value")
    assert top[0].value == max(f.value for f in every if f.value is not None)
    for order in ("position", "id", "value", "kind", "unit"):
        forward = [i for offset in range(0, len(every), 1000) for i in generated.fact_ids_page(offset, 1000, order)]
        backward = [i for off in range(0, len(every), 700) for i in generated.fact_ids_page(off, 700, f"-{order}")]
        assert backward == forward[::-1], order
    with pytest.raises(ValueError, match="unknown order"):
        generated.facts_page(0, 5, "label; DROP TABLE facts")


def test_filters_keep_what_they_name(generated: FactBase) -> None:
    every = list(generated.iter_facts())
    shares = FactFilter(kinds=("share",))
    assert generated.fact_count_matching(shares) == sum(f.kind == "share" for f in every)
    assert all(f.kind == "share" for f in generated.facts_page(0, 100, "position", shares))
    over = FactFilter(values=(ValueRange(low=1e9, low_inclusive=False),))
    expected = [f.id for f in every if f.value is not None and f.value > 1e9]
    assert generated.fact_ids_page(0, 10_000, "position", over) == expected
    short = FactFilter(values=(ValueRange(high=10, high_inclusive=False, unit="days"),))
    expected = [f.id for f in every if f.unit == "days" and f.value_min is not None and f.value_min < 10]
    assert generated.fact_ids_page(0, 10_000, "position", short) == expected and expected
    facets = dict(generated.fact_facets("kind"))
    assert facets == dict(Counter(f.kind for f in every))
    assert dict(generated.fact_facets("unit", shares)) == dict(Counter(f.unit for f in every if f.kind == "share"))


@pytest.mark.parametrize("few", [5000, 10])  # through the value index, or walking in report order
def test_numeric_filters_count_and_page_alike_either_way(
    generated: FactBase, few: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(queries_module, "FEW_BY_VALUE", few)
    every = list(generated.iter_facts())
    cases = {
        ValueRange(low=5e11, low_inclusive=False): lambda f: f.value is not None and f.value > 5e11,
        ValueRange(low=99, unit="%"): lambda f: f.unit == "%" and f.value is not None and f.value >= 99,
        ValueRange(12, 14, unit="days"): lambda f: f.unit == "days" and f.value_min <= 14 and f.value_max >= 12,
        ValueRange(low=1e15): lambda f: False,
    }
    for rng, keeps in cases.items():
        flt = FactFilter(values=(rng,), kinds=("count", "share", "duration range"))
        expected = [f.id for f in every if keeps(f) and f.kind in flt.kinds]
        assert generated.fact_count_matching(flt) == len(expected), rng
        assert generated.fact_ids_page(0, 10_000, "position", flt) == expected, rng
        assert [f.id for f in generated.facts_page(3, 4, "position", flt)] == expected[3:7], rng


def test_words_filter_the_table_like_search(factbase: FactBase) -> None:
    words = FactFilter(words=("gigabit",))
    assert "gigabit-broadband-users" in factbase.fact_ids_page(0, 100, "position", words)
    assert factbase.fact_ids_page(0, 100, "position", FactFilter(words=('"*:(',))) == []


def test_facts_were_written_in_report_order(any_base: FactBase) -> None:
    # Word-filtered table pages in report order come from the full-text index in rowid order, unsorted.
    rows = any_base._conn.execute("SELECT id FROM facts ORDER BY rowid").fetchall()
    assert [r[0] for r in rows] == [f.id for f in any_base.iter_facts()]


def test_word_filtered_pages_in_every_order(generated: FactBase, generator: ModuleType) -> None:
    every = list(generated.iter_facts())
    for word in (generator.RARE_WORDS[0], "data"):
        flt = FactFilter(words=(word,))
        expected = [f.id for f in every if word in re.findall(r"\w+", f"{f.label} {f.quote}".lower())]
        pages = [generated.fact_ids_page(offset, 40, "position", flt) for offset in range(0, len(expected) + 40, 40)]
        assert [i for page in pages for i in page] == expected and expected
        assert generated.fact_count_matching(flt) == len(expected)
        by_value = [f.value for f in generated.facts_page(0, 30, "-value", flt) if f.value is not None]
        assert by_value == sorted(by_value, reverse=True)
        narrowed = FactFilter(words=(word,), kinds=("share",))
        assert generated.fact_count_matching(narrowed) == sum(f.kind == "share" for f in every if f.id in expected)


def test_a_version_1_fact_base_still_opens_and_answers(factbase_copy: Path) -> None:
    conn = sqlite3.connect(factbase_copy)
    for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'index' AND name LIKE 'idx_%'").fetchall():
        conn.execute(f'DROP INDEX "{name}"')
    conn.execute("UPDATE meta SET value = '1' WHERE key = 'schema_version'")
    conn.commit()
    conn.close()
    with FactBase.open(factbase_copy) as fb:
        assert fb.document.schema_version == 1
        assert fb.fact_count() == 20 and fb.facts_in_section("digital-services", 0, 2)
        assert [t.term for t in fb.terms_for_fact("e-social-security-card-users")]


def test_an_unknown_id_is_answered_without_reading_every_id(generated: FactBase, monkeypatch) -> None:
    # resolve() and the citations built "did you mean" from every fact id: 19 s at a million facts.
    from desktop.domain.citation_items import item_for_id
    from desktop.domain.target import resolve

    def every_id() -> list[str]:
        raise AssertionError("read every fact id")

    monkeypatch.setattr(generated, "fact_ids", every_id)
    wanted = generated.facts_page(0, 1)[0].id
    for lookup in (resolve, item_for_id):
        with pytest.raises(UnknownIdError) as caught:
            lookup(generated, wanted + "x")
        assert wanted in caught.value.nearest
