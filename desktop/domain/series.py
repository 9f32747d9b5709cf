"""One metric across reports: the facts of other fact bases that measure what a fact measures, in time order.

The rule (docs/citations.md, "Series"): a candidate is proposed when
1. its kind is the fact's kind (a count with a count, a share with a share; "duration range" counts as duration),
2. its unit is the fact's unit once normalised (plural folded, synonyms joined: people = persons, % = per cent,
   yuan = RMB = CNY), so "5G base stations" counted in base stations never pairs with a share in %,
3. the labels' normalised words (lower case, stop words dropped, plurals folded) overlap by at least THRESHOLD
   (Jaccard: shared words / all words). "5G base stations built" and "5G base stations" share all their words;
   "Ferry crossings cancelled" and "Ferry crossings" share two of three (0.67) and are not proposed.
Candidates come from one FTS query per fact base (desktop.store.candidates), never from reading every fact.
The user's decisions override the rule: a rejected pair is left out, a confirmed one kept whatever its score.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Literal

from desktop.domain.periods import period_end, period_sort_key
from desktop.store import Fact, FactBase, UnknownIdError
from desktop.store.candidates import facts_with_label_words

THRESHOLD = 0.7
_STOP_WORDS_TEXT = """
    a an the of in on at by for to and or with from per its their that which who as into than
    total number built issued listed provided reached recorded registered made counted
"""
STOP_WORDS = frozenset(_STOP_WORDS_TEXT.split())
_IRREGULAR = {"people": "person", "persons": "person", "children": "child", "men": "man", "women": "woman"}
_UNIT_SYNONYMS = {
    "per cent": "%",
    "percent": "%",
    "pct": "%",
    "individual": "person",
    "rmb": "yuan",
    "cny": "yuan",
    "renminbi": "yuan",
    "usd": "us dollar",
    "us$": "us dollar",
    "dollar": "us dollar",
    "eur": "euro",
    "€": "euro",
}
_WORD = re.compile(r"[\w$€%]+", re.UNICODE)

Origin = Literal["self", "proposed", "confirmed"]
Decision = Literal["confirmed", "rejected"]
MemberKey = tuple[Path, str]  # a fact base's resolved path and a fact id: how decisions name a member


@dataclass(frozen=True)
class SeriesMember:
    report_title: str
    report_path: Path
    fact: Fact
    period_end: date | None  # None: the period names no date we read; such members sort last
    score: float  # label overlap with the fact; 1.0 for the fact itself
    origin: Origin

    @property
    def undated(self) -> bool:
        return self.period_end is None


@dataclass(frozen=True)
class Series:
    fact: Fact
    members: list[SeriesMember]  # the fact and its matches, in time order, undated last
    rejected: list[SeriesMember] = field(default_factory=list)  # matches the user undid (to offer them again)

    @property
    def others(self) -> list[SeriesMember]:
        """The members from other reports: what the fact page's "in other reports" lists."""
        return [m for m in self.members if m.origin != "self"]


def singular(word: str) -> str:
    """A plural folded to its singular, enough for report labels: categories -> category, stations -> station."""
    if word in _IRREGULAR:
        return _IRREGULAR[word]
    if len(word) <= 3 or word.endswith(("ss", "us", "is")):
        return word
    if word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith(("sses", "ches", "shes", "xes", "zes")):
        return word[:-2]
    return word[:-1] if word.endswith("s") else word


def label_words(label: str) -> frozenset[str]:
    """A label's words as the rule compares them: lower case, stop words dropped, plurals folded."""
    return frozenset(singular(w) for w in _WORD.findall(label.lower()) if w not in STOP_WORDS)


def _query_words(label: str) -> list[str]:
    """The label's words as written (FTS stems them itself), one for each word the rule compares."""
    chosen: dict[str, str] = {}
    for word in _WORD.findall(label.lower()):
        if word not in STOP_WORDS:
            chosen.setdefault(singular(word), word)
    return list(chosen.values())


def normal_unit(unit: str) -> str:
    text = " ".join(unit.lower().split())
    text = _UNIT_SYNONYMS.get(text, text)
    return " ".join(_UNIT_SYNONYMS.get(w, w) for w in (singular(w) for w in text.split()))


def _kind_family(kind: str) -> str:
    return kind.removesuffix(" range")


def match_score(fact: Fact, other: Fact) -> float:
    """0 when kind or unit differ; else the share of label words the two have in common (Jaccard)."""
    if _kind_family(fact.kind) != _kind_family(other.kind) or normal_unit(fact.unit) != normal_unit(other.unit):
        return 0.0
    a, b = label_words(fact.label), label_words(other.label)
    return len(a & b) / len(a | b) if a | b else 0.0


def find_series(
    fact: Fact,
    source: FactBase,
    library: Sequence[FactBase],
    decisions: Mapping[MemberKey, Decision] | None = None,
) -> Series:
    """The series `fact` (of `source`) belongs to across `library` (other fact bases; `source` itself is skipped).

    `decisions` are the user's, keyed by (fact base path resolved, fact id) of the other fact.
    """
    decisions = decisions or {}
    source_path = source.path.resolve()
    members = [SeriesMember(source.document.title, source.path, fact, period_end(fact.period), 1.0, "self")]
    rejected: list[SeriesMember] = []
    words = _query_words(fact.label)
    # Jaccard >= THRESHOLD needs at least that share of the fact's words in the other label: ask FTS for no fewer.
    at_least = math.ceil(THRESHOLD * len(words) - 1e-9)
    kinds = tuple({fact.kind, _kind_family(fact.kind), _kind_family(fact.kind) + " range"})
    for factbase in library:
        path = factbase.path.resolve()
        if path == source_path:
            continue
        seen: set[str] = set()
        for candidate in facts_with_label_words(factbase, words, kinds, at_least=at_least):
            seen.add(candidate.id)
            score = match_score(fact, candidate)
            decision = decisions.get((path, candidate.id))
            member = _member(factbase, candidate, score, "confirmed" if decision == "confirmed" else "proposed")
            if decision == "rejected":
                rejected.append(member)
            elif decision == "confirmed" or score >= THRESHOLD:
                members.append(member)
        # A confirmed link the rule would not find (the words differ) is still a member.
        for (other_path, fact_id), decision in decisions.items():
            if other_path == path and decision == "confirmed" and fact_id not in seen:
                try:
                    other = factbase.fact(fact_id)
                except UnknownIdError:
                    continue  # the fact base was rebuilt without it
                members.append(_member(factbase, other, match_score(fact, other), "confirmed"))
    members.sort(key=lambda m: (*period_sort_key(m.fact.period), m.origin != "self", m.report_title))
    return Series(fact, members, rejected)


def _member(factbase: FactBase, fact: Fact, score: float, origin: Origin) -> SeriesMember:
    return SeriesMember(factbase.document.title, factbase.path, fact, period_end(fact.period), round(score, 3), origin)
