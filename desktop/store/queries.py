"""What a query of facts asks for, and the SQL it becomes: filters, orders, FTS5 match expressions.

The user's query language is parsed above the store (desktop.domain.query) into these plain records, so the store
never sees user text as SQL or FTS syntax: every value travels as a bound parameter, every word as a quoted phrase.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass

ORDERS = {
    # name: ORDER BY over facts f (and sections s). Each is an index's own order to the last column, with the
    # rowid (in every index) breaking ties: a page then walks the index to its offset without sorting anything,
    # and skipped rows are never read (100 rows at offset 100,000 sorted by value: 6 ms at 1M, 0.9 s with a
    # tie-break on id).
    "position": "s.position, f.position",
    "-position": "s.position DESC, f.position DESC",
    "id": "f.id",
    "-id": "f.id DESC",
    "value": "f.value, f.value_min, f.value_max, f.rowid",
    "-value": "f.value DESC, f.value_min DESC, f.value_max DESC, f.rowid DESC",
    "kind": "f.kind, f.unit, f.section_id, f.rowid",
    "-kind": "f.kind DESC, f.unit DESC, f.section_id DESC, f.rowid DESC",
    "unit": "f.unit, f.kind, f.section_id, f.rowid",
    "-unit": "f.unit DESC, f.kind DESC, f.section_id DESC, f.rowid DESC",
}


@dataclass(frozen=True)
class ValueRange:
    """A numeric filter: a fact matches when its value (or any part of its range) lies within the bounds."""

    low: float | None = None
    high: float | None = None
    low_inclusive: bool = True
    high_inclusive: bool = True
    unit: str | None = None  # "%", "days", ...; None matches any unit


@dataclass(frozen=True)
class FactFilter:
    """Which facts a table page or a search wants; empty fields filter nothing."""

    words: tuple[str, ...] = ()  # full-text words, each matched as a phrase
    prefix_last: bool = False  # the last word is still being typed: match it as a prefix
    kinds: tuple[str, ...] = ()
    units: tuple[str, ...] = ()
    section_ids: tuple[str, ...] = ()
    values: tuple[ValueRange, ...] = ()

    @property
    def restricts_facts(self) -> bool:
        """True when the filter names something only facts have (kind, unit, section, value)."""
        return bool(self.kinds or self.units or self.section_ids or self.values)


def is_no_filter(filters: FactFilter | None) -> bool:
    return filters is None or filters == FactFilter()


_WORD = re.compile(r"\w+", re.UNICODE)
# Characters that join the parts of one word ("e-commerce", "79.7", "China's"): its parts stay one phrase.
# Every other non-word character (quotes, * ^ : ( ) { } + and the rest) separates words.
_SEPARATOR = re.compile(r"[^\w\-'’./]+", re.UNICODE)
_OPERATORS = {"AND", "OR", "NOT", "NEAR"}  # typed as FTS5 would read them, they are dropped, not required


def fts_match(words: tuple[str, ...], prefix_last: bool = False, min_prefix: int = 1) -> str | None:
    """An FTS5 expression that finds every word (see fts_phrases); None when nothing searchable is left."""
    phrases = fts_phrases(words, prefix_last, min_prefix)
    return " AND ".join(phrases) if phrases else None  # explicit AND: FTS5 takes none implied before a bracket


def fts_phrases(words: tuple[str, ...], prefix_last: bool = False, min_prefix: int = 1) -> list[str]:
    """One FTS5 expression per word: each word a quoted phrase, so no character is an operator.

    Only word characters reach FTS5 (its tokenizer drops the rest anyway), which disposes of quotes, stars,
    carets, colons and brackets; AND/OR/NOT/NEAR in capitals are dropped. Empty when nothing searchable is
    left: the caller then matches nothing, never raising a syntax error. A last word shorter than min_prefix is
    matched whole (see min_prefix_length).
    """
    pieces = [p for w in words for p in _SEPARATOR.split(w) if p]
    kept = [p for p in pieces if p not in _OPERATORS] or pieces
    tokens = [" ".join(_WORD.findall(p)) for p in kept]
    phrases = [f'"{t}"' for t in tokens if t]
    if not phrases:
        return []
    last = tokens[-1].rpartition(" ")[2]
    if prefix_last and len(last) >= min_prefix:
        phrases[-1] = _prefix(tokens[-1])
    return phrases


def min_prefix_length(conn: sqlite3.Connection) -> int:
    """The shortest typed word worth matching as a prefix in this base's facts_fts.

    Without an FTS5 prefix index, a prefix query reads and merges the match list of every term it covers, at
    every statement: "da" took 580 ms at 100k facts. A base whose facts_fts declares prefix='2 3 ...' answers
    short prefixes from that index; elsewhere words under 3 characters are matched whole.
    """
    row = conn.execute("SELECT sql FROM sqlite_master WHERE name = 'facts_fts'").fetchone()
    declared = re.search(r"prefix\s*=\s*['\"]?([\d\s,]+)", row[0] if row and row[0] else "", re.IGNORECASE)
    lengths = [int(n) for n in re.findall(r"\d+", declared.group(1))] if declared else []
    return min(lengths) if lengths else 3


def _prefix(token: str) -> str:
    """A word being typed: its prefix, or a stem it has already passed. The index holds porter stems, so
    "crossin" (on its way to "crossings", stored as "cross") matches no prefix; "cross" and "crossi" catch it."""
    head, _, last = token.rpartition(" ")
    lead = f"{head} " if head else ""
    shorter = [last[:n] for n in range(len(last) - 1, max(4, len(last) - 3) - 1, -1)] if len(last) > 4 else []
    alternatives = [f'"{lead}{last}" *', *(f'"{lead}{s}"' for s in shorter)]
    return alternatives[0] if len(alternatives) == 1 else f"({' OR '.join(alternatives)})"


def fact_where(
    flt: FactFilter | None, alias: str = "f", values: bool = True, unindexed: bool = False
) -> tuple[str, list[object]]:
    """The WHERE conditions (joined by AND, or "1") and parameters for a filter's non-text parts; `values` False
    leaves the numeric ranges out, `unindexed` keeps SQLite from choosing the kind, unit or section index."""
    if flt is None:
        return "1", []
    clauses: list[str] = []
    params: list[object] = []
    plus = "+" if unindexed else ""
    for column, wanted in (("kind", flt.kinds), ("unit", flt.units), ("section_id", flt.section_ids)):
        if wanted:
            clauses.append(f"{plus}{alias}.{column} IN ({', '.join('?' * len(wanted))})")
            params.extend(wanted)
    for rng in flt.values if values else ():
        clause, more = _value_clause(rng, alias)
        clauses.append(clause)
        params.extend(more)
    return (" AND ".join(clauses) or "1"), params


def value_driven_rowids(flt: FactFilter) -> tuple[str, list[object]] | None:
    """The rowids of the facts a one-range numeric filter keeps, found through the (value, value_min) index:
    point values by a range on value, ranges among the rows whose value is NULL. None for other filters.

    Written as two index-friendly parts, not one OR (which SQLite answers by reading every fact): "over 99%"
    counted 0.8 s at 1M as one OR through the unit index. The other conditions are kept off their indexes.
    """
    if len(flt.values) != 1 or flt.words:
        return None
    rng = flt.values[0]
    if rng.low is None and rng.high is None:
        return None
    others, others_params = fact_where(flt, values=False, unindexed=True)
    low_op = ">=" if rng.low_inclusive else ">"
    high_op = "<=" if rng.high_inclusive else "<"
    point = [f"f.value {op} ?" for op, bound in ((low_op, rng.low), (high_op, rng.high)) if bound is not None]
    spread = ["f.value IS NULL", "f.value_min IS NOT NULL"]
    spread += [f"f.value_max {low_op} ?"] if rng.low is not None else []
    spread += [f"f.value_min {high_op} ?"] if rng.high is not None else []
    bounds = [b for b in (rng.low, rng.high) if b is not None]
    unit = " AND f.unit = ?" if rng.unit is not None else ""
    unit_params: list[object] = [rng.unit] if rng.unit is not None else []
    sql = (
        f"SELECT f.rowid FROM facts f WHERE {' AND '.join(point)} AND {others}{unit}"
        f" UNION ALL SELECT f.rowid FROM facts f WHERE {' AND '.join(spread)} AND {others}{unit}"
    )
    return sql, [*bounds, *others_params, *unit_params, *bounds, *others_params, *unit_params]


FEW_BY_VALUE = 1000  # a numeric filter keeping no more facts than this is answered through the value index


def few_by_value(
    conn: sqlite3.Connection, flt: FactFilter | None, at_most: int | None = None
) -> tuple[str, list[object]] | None:
    """value_driven_rowids when the filter keeps at most `at_most` (FEW_BY_VALUE) facts, counted no further."""
    driven = value_driven_rowids(flt) if flt is not None else None
    if driven is None:
        return None
    few = FEW_BY_VALUE if at_most is None else at_most
    probe = f"SELECT count(*) FROM (SELECT 1 FROM ({driven[0]}) LIMIT {few + 1})"
    return driven if conn.execute(probe, driven[1]).fetchone()[0] <= few else None


def _value_clause(rng: ValueRange, a: str) -> tuple[str, list[object]]:
    # A point value must lie in the bounds; a range fact matches when its range overlaps them.
    low_op = ">=" if rng.low_inclusive else ">"
    high_op = "<=" if rng.high_inclusive else "<"
    point: list[str] = []
    spread: list[str] = []
    params_point: list[object] = []
    params_spread: list[object] = []
    if rng.low is not None:
        point.append(f"{a}.value {low_op} ?")
        spread.append(f"{a}.value_max {low_op} ?")
        params_point.append(rng.low)
        params_spread.append(rng.low)
    if rng.high is not None:
        point.append(f"{a}.value {high_op} ?")
        spread.append(f"{a}.value_min {high_op} ?")
        params_point.append(rng.high)
        params_spread.append(rng.high)
    point_sql = " AND ".join(point) or f"{a}.value IS NOT NULL"
    spread_sql = " AND ".join([f"{a}.value IS NULL", f"{a}.value_min IS NOT NULL", *spread])
    clause = f"(({point_sql}) OR ({spread_sql}))"
    params = params_point + params_spread
    if rng.unit is not None:
        clause = f"({clause} AND {a}.unit = ?)"
        params.append(rng.unit)
    return clause, params
