"""Full-text search of one fact base: facts, passages (paragraphs) and glossary terms, ranked, with snippets.

The caller loops over the library's fact bases and parses the user's text (desktop.domain.query) into a
FactFilter; this module only asks SQLite. Ranking is FTS5's bm25 with a fact's label weighted above its quote and
a term's name above its definition. Two steps keep a common word as fast as a rare one:

1. rank: `ORDER BY bm25 LIMIT n` on the FTS table alone. bm25 reads every match of every word (its IDF counts
   them), which costs 20-40 ms per table for a word in most of a million facts. So when a query has more than
   RANK_WINDOW matches (found by walking them in rowid order and stopping there) it is not bm25-ranked: label
   matches come first, then the rest in report order, and the results say so (`ranked_all` False).
2. snippets: FTS5 snippet() only for the n winners (rowid IN (...)), never for every match.

Snippets mark the matched words with HIGHLIGHT_START / HIGHLIGHT_END, control characters the builder never
stores; a row whose stored text holds one anyway gets its snippet from the plain text, unmarked.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field, replace

from desktop.store.factbase import FactBase
from desktop.store.queries import FactFilter, fact_where, few_by_value, fts_phrases, min_prefix_length

HIGHLIGHT_START = "\x02"
HIGHLIGHT_END = "\x03"
ELLIPSIS = "…"
RESULT_TYPES = ("fact", "passage", "term")
RANK_WINDOW = 2000  # more matches than this are not bm25-ranked; see the module's docstring
SNIPPET_TOKENS = 24
FEW_TO_SEEK = 200  # a numeric filter keeping at most this many facts is searched fact by fact
LABEL_WEIGHT, QUOTE_WEIGHT = 10.0, 1.0  # bm25 column weights of facts_fts (label, quote)
TERM_WEIGHT, DEFINITION_WEIGHT = 10.0, 1.0


@dataclass(frozen=True)
class SearchResult:
    type: str  # "fact", "passage" or "term"
    report: str  # the fact base's title
    report_path: str
    id: str  # fact id, paragraph id (as text) or the term itself
    section_id: str | None  # None for a glossary term
    title: str  # a fact's label, a passage's section title, the term
    snippet: str  # the matching text with HIGHLIGHT_START/END around each match
    score: float  # higher is better (bm25 negated); 0 when only filters matched
    value: float | None = None
    value_min: float | None = None
    value_max: float | None = None
    unit: str | None = None
    qualifier: str | None = None
    period: str | None = None


@dataclass(frozen=True)
class SearchResults:
    """Results grouped by kind, each group best first."""

    facts: tuple[SearchResult, ...] = ()
    passages: tuple[SearchResult, ...] = ()
    terms: tuple[SearchResult, ...] = ()
    ranked_all: bool = True  # False when a common word's matches were ranked within RANK_WINDOW only
    groups: dict[str, tuple[SearchResult, ...]] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "groups", {"fact": self.facts, "passage": self.passages, "term": self.terms})

    def all(self) -> list[SearchResult]:
        return [*self.facts, *self.passages, *self.terms]


def snippet_runs(snippet: str) -> list[tuple[str, bool]]:
    """A snippet as (text, highlighted) runs, for a view that escapes text and draws highlights its own way."""
    runs: list[tuple[str, bool]] = []
    for i, part in enumerate(snippet.split(HIGHLIGHT_START)):
        marked, _, plain = part.partition(HIGHLIGHT_END) if i else ("", "", part)
        runs.extend(r for r in ((marked, True), (plain, False)) if r[0])
    return runs


def search(fb: FactBase, flt: FactFilter, types: tuple[str, ...] = RESULT_TYPES, limit: int = 20) -> SearchResults:
    """The best `limit` facts, passages and terms for a filter; passages and terms only when it has words and
    names nothing only facts have (a section filter also applies to passages)."""
    phrases = fts_phrases(flt.words, flt.prefix_last, min_prefix_length(fb._conn) if flt.prefix_last else 1)
    match = " AND ".join(phrases) if phrases else None
    if flt.words and match is None:
        return SearchResults()  # only operator characters: nothing to look for, and no error
    conn = fb._conn
    report = (fb.document.title, fb.document.path)
    ranked_all = True
    facts: list[SearchResult] = []
    passages: list[SearchResult] = []
    terms: list[SearchResult] = []
    if "fact" in types:
        if match is None:
            facts = _filtered_facts(fb, flt, limit, report)
        else:
            facts, complete = _ranked_facts(conn, phrases, flt, limit, report)
            ranked_all &= complete
    text_only = match is not None and not (flt.kinds or flt.units or flt.values)
    if "passage" in types and text_only:
        passages, complete = _ranked_passages(conn, phrases, flt.section_ids, limit, report)
        ranked_all &= complete
    if "term" in types and text_only and not flt.section_ids:
        terms = _ranked_terms(conn, match or "", limit, report)
    return SearchResults(tuple(facts), tuple(passages), tuple(terms), ranked_all)


def _window_end(
    conn: sqlite3.Connection, fts: str, match: str, join: str = "", where: str = "1", params: list[object] | None = None
) -> int | None:
    """The rowid of the match just past the first RANK_WINDOW, or None when there are no more than that: found
    by walking the matches in rowid order (no ranking, no count of every match) and stopping there."""
    row = conn.execute(
        f"SELECT {fts}.rowid FROM {fts}{join} WHERE {fts} MATCH ? AND {where} ORDER BY {fts}.rowid LIMIT 1 OFFSET ?",
        (match, *(params or []), RANK_WINDOW),
    ).fetchone()
    return None if row is None else int(row[0])


def _label_first(
    conn: sqlite3.Connection, match: str, where: str, params: list[object], limit: int, end: int
) -> list[tuple[int, float]]:
    """Too many matches to rank (bm25 would count every one): facts whose label matches come first, shortest
    label first among the first few in report order, then quote matches in report order, all within the first
    RANK_WINDOW matches (rowid < end). Scores are estimates: (label match + 1) / (1 + label length / 100)."""
    sql = (
        "SELECT facts_fts.rowid, length(f.label) FROM facts_fts JOIN facts f ON f.rowid = facts_fts.rowid"
        f" WHERE facts_fts MATCH ? AND facts_fts.rowid < {end:d} AND {where} ORDER BY facts_fts.rowid LIMIT ?"
    )
    labelled = conn.execute(sql, (f"{{label}} : ({match})", *params, limit * 5)).fetchall()
    ranked = sorted(((r[0], -2.0 / (1 + r[1] / 100)) for r in labelled), key=lambda r: r[1])[:limit]
    if len(ranked) < limit:
        seen = {r[0] for r in ranked}
        more = conn.execute(sql, (match, *params, limit * 2)).fetchall()
        ranked += [(r[0], -1.0 / (1 + r[1] / 100)) for r in more if r[0] not in seen][: limit - len(ranked)]
    return ranked


def _bm25_match(conn: sqlite3.Connection, fts: str, phrases: list[str]) -> tuple[str, str, list[object]]:
    """What bm25 ranks by: (its MATCH, a condition keeping the whole query's matches, that condition's params).

    bm25's IDF reads every match of every word: "network" (a tenth of a million facts) costs 2-3 ms a table
    even when "network sharenelo" matches forty. A word with more than RANK_WINDOW matches of its own adds
    little to the ranking (its IDF is low, and every result has it), so it is left out of the ranked MATCH and
    kept as a filter; a query of common words only is ranked whole.
    """
    match = " AND ".join(phrases)
    common = [p for p in phrases if len(phrases) > 1 and _window_end(conn, fts, p) is not None]
    if not common or len(common) == len(phrases):
        return match, "", []
    rare = " AND ".join(p for p in phrases if p not in common)
    return rare, f" AND {fts}.rowid IN (SELECT rowid FROM {fts} WHERE {fts} MATCH ?)", [match]


def _ranked_facts(
    conn: sqlite3.Connection, phrases: list[str], flt: FactFilter, limit: int, report: tuple[str, str]
) -> tuple[list[SearchResult], bool]:
    match = " AND ".join(phrases)
    where, params = fact_where(flt)
    # Without fact filters, rank on the FTS table alone; with them, join facts to filter before ranking.
    join = "" if where == "1" else " JOIN facts f ON f.rowid = facts_fts.rowid"
    few = few_by_value(conn, replace(flt, words=(), prefix_last=False), FEW_TO_SEEK) if flt.values else None
    if few is not None:
        # A numeric filter that keeps few facts drives the query: each asks FTS5 about itself (a seek, up to
        # 0.3 ms for a common word), where walking a common word's matches to test each against the filter
        # took 200 ms at 1M ("> 998 billion data": 208 ms to 30).
        rows = conn.execute(
            f"SELECT facts_fts.rowid, bm25(facts_fts, {LABEL_WEIGHT}, {QUOTE_WEIGHT}) AS score"
            f" FROM ({few[0]}) d CROSS JOIN facts_fts ON facts_fts.rowid = d.rowid"
            " WHERE facts_fts MATCH ? ORDER BY score LIMIT ?",
            (*few[1], match, limit),
        ).fetchall()
        return _with_snippets(conn, match, [(r[0], r[1]) for r in rows], report), True
    end = _window_end(conn, "facts_fts", match, join, where, params)
    complete = end is None
    if end is None:
        ranked_by, keep, keep_params = _bm25_match(conn, "facts_fts", phrases)
        ranked = conn.execute(
            f"SELECT facts_fts.rowid, bm25(facts_fts, {LABEL_WEIGHT}, {QUOTE_WEIGHT}) AS score FROM facts_fts{join}"
            f" WHERE facts_fts MATCH ?{keep} AND {where} ORDER BY score LIMIT ?",
            (ranked_by, *keep_params, *params, limit),
        ).fetchall()
    else:
        ranked = _label_first(conn, match, where, params, limit, end)
    return _with_snippets(conn, match, ranked, report), complete


def _with_snippets(
    conn: sqlite3.Connection, match: str, ranked: list[tuple[int, float]], report: tuple[str, str]
) -> list[SearchResult]:
    """The ranked facts as results, best first, each with its snippet: one statement for all of them."""
    if not ranked:
        return []
    scores = {r[0]: r[1] for r in ranked}
    rows = conn.execute(
        "SELECT facts_fts.rowid AS rid, f.*, snippet(facts_fts, -1, ?, ?, ?, ?) AS snip FROM facts_fts"
        " JOIN facts f ON f.rowid = facts_fts.rowid"
        f" WHERE facts_fts MATCH ? AND facts_fts.rowid IN ({', '.join('?' * len(scores))})",
        (HIGHLIGHT_START, HIGHLIGHT_END, ELLIPSIS, SNIPPET_TOKENS, match, *scores),
    ).fetchall()
    results = [
        _fact_result(r, _safe_snippet(r["snip"], r["label"], r["quote"]), -scores[r["rid"]], report) for r in rows
    ]
    return sorted(results, key=lambda r: -r.score)


def _filtered_facts(fb: FactBase, flt: FactFilter, limit: int, report: tuple[str, str]) -> list[SearchResult]:
    """Facts that only filters select (no words): in report order, the figure marked in the quote."""
    results = []
    for fact in fb.facts_page(0, limit, "position", flt):
        quote = _plain(fact.quote)
        start = fact.figure_start
        if fact.figure and start is not None and quote[start : start + len(fact.figure)] == fact.figure:
            end = start + len(fact.figure)
            quote = f"{quote[:start]}{HIGHLIGHT_START}{quote[start:end]}{HIGHLIGHT_END}{quote[end:]}"
        results.append(
            SearchResult(
                "fact",
                *report,
                fact.id,
                fact.section_id,
                fact.label,
                quote,
                0.0,
                fact.value,
                fact.value_min,
                fact.value_max,
                fact.unit,
                fact.qualifier,
                fact.period,
            )  # fmt: skip
        )
    return results


def _ranked_passages(
    conn: sqlite3.Connection, phrases: list[str], section_ids: tuple[str, ...], limit: int, report: tuple[str, str]
) -> tuple[list[SearchResult], bool]:
    match = " AND ".join(phrases)
    where: str = "1"
    params: list[object] = []
    if section_ids:
        where = f"p.section_id IN ({', '.join('?' * len(section_ids))})"
        params = list(section_ids)
    join = "" if not section_ids else " JOIN paragraphs p ON p.id = paragraphs_fts.rowid"
    complete = _window_end(conn, "paragraphs_fts", match, join, where, params) is None
    # Too many to rank: the first matches in report order (paragraph ids follow the report), scored as estimates.
    order = "score" if complete else "paragraphs_fts.rowid"
    score = "bm25(paragraphs_fts)" if complete else "-0.5"
    ranked_by, keep, keep_params = _bm25_match(conn, "paragraphs_fts", phrases) if complete else (match, "", [])
    ranked = conn.execute(
        f"SELECT paragraphs_fts.rowid, {score} AS score FROM paragraphs_fts{join}"
        f" WHERE paragraphs_fts MATCH ?{keep} AND {where} ORDER BY {order} LIMIT ?",
        (ranked_by, *keep_params, *params, limit),
    ).fetchall()
    if not ranked:
        return [], complete
    scores = {r[0]: r[1] for r in ranked}
    rows = conn.execute(
        "SELECT p.id, p.section_id, p.text, s.title, snippet(paragraphs_fts, 0, ?, ?, ?, ?) AS snip"
        " FROM paragraphs_fts JOIN paragraphs p ON p.id = paragraphs_fts.rowid JOIN sections s ON s.id = p.section_id"
        f" WHERE paragraphs_fts MATCH ? AND paragraphs_fts.rowid IN ({', '.join('?' * len(scores))})",
        (HIGHLIGHT_START, HIGHLIGHT_END, ELLIPSIS, SNIPPET_TOKENS, match, *scores),
    ).fetchall()
    results = [
        SearchResult(
            "passage",
            *report,
            str(r["id"]),
            r["section_id"],
            r["title"],
            _safe_snippet(r["snip"], r["text"]),
            -scores[r["id"]],
        )  # fmt: skip
        for r in rows
    ]
    return sorted(results, key=lambda r: -r.score), complete


def _ranked_terms(conn: sqlite3.Connection, match: str, limit: int, report: tuple[str, str]) -> list[SearchResult]:
    rows = conn.execute(
        f"SELECT g.term, g.definition, bm25(glossary_fts, {TERM_WEIGHT}, {DEFINITION_WEIGHT}) AS score,"
        " snippet(glossary_fts, 1, ?, ?, ?, ?) AS snip"
        " FROM glossary_fts JOIN glossary g ON g.rowid = glossary_fts.rowid"
        " WHERE glossary_fts MATCH ? ORDER BY score LIMIT ?",
        (HIGHLIGHT_START, HIGHLIGHT_END, ELLIPSIS, SNIPPET_TOKENS, match, limit),
    ).fetchall()
    # The glossary is small (hundreds of terms): snippets for all matches cost nothing worth a second query.
    return [
        SearchResult(
            "term",
            *report,
            r["term"],
            None,
            r["term"],
            _safe_snippet(r["snip"], r["term"], r["definition"]),
            -r["score"],
        )  # fmt: skip
        for r in rows
    ]


def _fact_result(r: sqlite3.Row, snippet: str, score: float, report: tuple[str, str]) -> SearchResult:
    return SearchResult(
        "fact", *report, r["id"], r["section_id"], r["label"], snippet, score,
        r["value"], r["value_min"], r["value_max"], r["unit"], r["qualifier"], r["period"],
    )  # fmt: skip


def _plain(text: str) -> str:
    return text.replace(HIGHLIGHT_START, "").replace(HIGHLIGHT_END, "")


def _safe_snippet(snippet: str, *stored: str) -> str:
    """The snippet, unless stored text carries a marker character itself: then plain text, never false marks."""
    if any(HIGHLIGHT_START in t or HIGHLIGHT_END in t for t in stored if t):
        text = _plain(stored[-1] or "")
        return text if len(text) <= 200 else text[:200] + ELLIPSIS
    return snippet
