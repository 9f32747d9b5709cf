"""Facts whose label shares a word with given words: the few candidates a series is matched from.

One FTS5 query on `facts_fts` (label column only, porter stemming, so "station" finds "stations"), best matches
first by bm25, with a LIMIT: never every fact of a base. The words are quoted phrases, so no user text is read as
FTS syntax. Kept apart from the store's search (AND over label and quote) because a series wants any label word.
"""

from __future__ import annotations

import re
import sqlite3

from desktop.store.factbase import FactBase
from desktop.store.models import Fact

CANDIDATE_LIMIT = 50
_WORD = re.compile(r"\w+", re.UNICODE)


def facts_with_label_words(
    factbase: FactBase, words: list[str], kinds: tuple[str, ...] = (), limit: int = CANDIDATE_LIMIT
) -> list[Fact]:
    """Facts whose label holds any of `words` (optionally of these kinds), best match first, at most `limit`."""
    tokens = list(dict.fromkeys(t for w in words for t in _WORD.findall(w.lower())))
    if not tokens:
        return []
    match = "{label} : (" + " OR ".join(f'"{t}"' for t in tokens) + ")"
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
