"""Facts whose label holds enough of given words: the few candidates a series is matched from.

One FTS5 query on `facts_fts` (label column only; porter stemming, so "station" finds "stations"), best matches
first by bm25, with a LIMIT: never every fact of a base. `at_least` says how many of the words a label must hold;
the query then asks for every combination of that many words (an OR of ANDs), which is what keeps it fast on a
large base: a common word alone matches a fifth of a million facts, all of a label's words together a handful.
The words travel as quoted phrases, so no text is read as FTS syntax. Kept apart from the store's search (every
word, over label and quote) because a series asks about labels only, and for most of the words, not all.
"""

from __future__ import annotations

import re
import sqlite3
from itertools import combinations
from math import comb

from desktop.store.factbase import FactBase
from desktop.store.models import Fact

CANDIDATE_LIMIT = 50
MAX_COMBINATIONS = 128  # beyond this (labels of a dozen words), any one word is enough and bm25 ranks them
_WORD = re.compile(r"\w+", re.UNICODE)


def label_match_expression(words: list[str], at_least: int | None = None) -> str | None:
    """The FTS5 expression for labels holding `at_least` of `words` (all of them when None); None for no words."""
    tokens = list(dict.fromkeys(t for w in words for t in _WORD.findall(w.lower())))
    if not tokens:
        return None
    need = len(tokens) if at_least is None else max(1, min(at_least, len(tokens)))
    if comb(len(tokens), need) > MAX_COMBINATIONS:
        need = 1
    groups = [" AND ".join(f'"{t}"' for t in group) for group in combinations(tokens, need)]
    return "{label} : (" + " OR ".join(f"({g})" for g in groups) + ")"


def facts_with_label_words(
    factbase: FactBase,
    words: list[str],
    kinds: tuple[str, ...] = (),
    limit: int = CANDIDATE_LIMIT,
    at_least: int | None = 1,
) -> list[Fact]:
    """Facts whose label holds `at_least` of `words` (None: all), of `kinds` if given, best first, `limit` at most."""
    match = label_match_expression(words, at_least)
    if match is None:
        return []
    sql = "SELECT f.id FROM facts_fts JOIN facts f ON f.rowid = facts_fts.rowid WHERE facts_fts MATCH ?"
    params: list[object] = [match]
    if kinds:
        sql += f" AND f.kind IN ({', '.join('?' * len(kinds))})"
        params.extend(kinds)
    sql += " ORDER BY bm25(facts_fts) LIMIT ?"
    params.append(limit)
    try:
        ids = [r[0] for r in factbase._conn.execute(sql, params)]
    except sqlite3.OperationalError:
        return []  # a fact base written without the FTS index offers no candidates rather than failing the page
    found = factbase.facts_by_id(ids)
    return [found[i] for i in ids if i in found]
