"""The queries the window, table and search ask answer from indexes: no statement scans the facts table.

Every statement a store call runs is captured (with its values) and put to EXPLAIN QUERY PLAN. Checked on the
bundled base (no ANALYZE statistics, like every built or imported base) and on a generated one.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest

from desktop.store import FactBase
from desktop.store.queries import FactFilter
from desktop.store.search import search

BIG = r"(facts|f|term_mentions|fact_headings|paragraphs|p)"
TABLE_SCAN = re.compile(rf"\bSCAN {BIG}\b(?! USING)")
INDEX_WALK = re.compile(rf"\bSCAN {BIG} USING")


def reads_everything(plan: list[str]) -> bool:
    """A table scan, or a walk along a whole index that is then sorted. An ordered index walk with a LIMIT (a
    table page) stops early; a sort after an index SEARCH sorts only the rows the search found."""
    text = "\n".join(plan)
    return bool(TABLE_SCAN.search(text) or (INDEX_WALK.search(text) and "TEMP B-TREE FOR ORDER BY" in text))


def _plans(fb: FactBase, call: Callable[[FactBase], object]) -> list[tuple[str, list[str]]]:
    statements: list[str] = []
    fb._conn.set_trace_callback(statements.append)
    try:
        call(fb)
    finally:
        fb._conn.set_trace_callback(None)
    # Our own statements only: FTS5's inner reads arrive as "-- ..." and its config reads name 'main'.
    ours = [sql for sql in statements if sql.startswith("SELECT") and "'main'." not in sql]
    return [(sql, [r[3] for r in fb._conn.execute(f"EXPLAIN QUERY PLAN {sql}")]) for sql in ours]


def _first(fb: FactBase) -> tuple[str, str, str]:
    section = fb.sections()[1]
    fact = fb.facts_in_section(section.id, 0, 1)[0]
    return section.id, fact.id, fb.terms()[0].term


HOT: dict[str, Callable[[FactBase, str, str, str], object]] = {
    "section": lambda fb, s, f, t: fb.section(s),
    "paragraphs": lambda fb, s, f, t: fb.paragraphs(s),
    "facts_in_section": lambda fb, s, f, t: fb.facts_in_section(s, 0, 50),
    "fact_count of a section": lambda fb, s, f, t: fb.fact_count(s),
    "facts_around": lambda fb, s, f, t: fb.facts_around(fb.fact(f), 10),
    "facts_in_paragraph": lambda fb, s, f, t: fb.facts_in_paragraph(fb.fact(f).paragraph_id),
    "fact": lambda fb, s, f, t: fb.fact(f),
    "unknown fact": lambda fb, s, f, t: pytest.raises(KeyError, fb.fact, f + "x"),
    "fact_headings_for": lambda fb, s, f, t: fb.fact_headings_for([f, f + "x"]),
    "section_headings": lambda fb, s, f, t: fb.section_headings(s),
    "headings_at": lambda fb, s, f, t: fb.headings_at("headline"),
    "terms_for_fact": lambda fb, s, f, t: fb.terms_for_fact(f),
    "terms_in_section": lambda fb, s, f, t: fb.terms_in_section(s),
    "term_mentions of a section": lambda fb, s, f, t: fb.term_mentions(section_id=s),
    "term_mentions of a term": lambda fb, s, f, t: fb.term_mentions(term=t),
    "facts_mentioning": lambda fb, s, f, t: fb.facts_mentioning(t, limit=20),
    "sections_mentioning": lambda fb, s, f, t: fb.sections_mentioning(t),
    "facts_page": lambda fb, s, f, t: fb.facts_page(200, 50),
    "facts_page by value": lambda fb, s, f, t: fb.facts_page(0, 50, "-value"),
    "search": lambda fb, s, f, t: search(fb, FactFilter(words=("data", "market"))),
    "search with a filter": lambda fb, s, f, t: search(fb, FactFilter(words=("data",), kinds=("share",))),
}


@pytest.mark.parametrize("name", HOT)
@pytest.mark.parametrize("base", ["factbase", "generated"])
def test_hot_queries_use_indexes(name: str, base: str, request: pytest.FixtureRequest) -> None:
    fb: FactBase = request.getfixturevalue(base)
    section_id, fact_id, term = _first(fb)
    plans = _plans(fb, lambda fb: HOT[name](fb, section_id, fact_id, term))
    assert plans, "the call ran no query"
    scans = [(sql, plan) for sql, plan in plans if reads_everything(plan)]
    assert not scans, scans
