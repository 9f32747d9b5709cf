"""The user's query language: what the search field and the all-facts table's filter box accept. Pure parsing.

    digital services            words, every one must occur (the last one a prefix while typing)
    > 1 billion, over 50%       a number with a comparison, scale ("thousand", "million", "bn", ...) and unit
    1-5 million, between 100 and 500, < 10 days
    kind:share  unit:%  section:ID  report:NAME  type:fact|passage|term   (values may be "quoted")

Nothing the user types is a syntax error: text that is not a filter is words, and words reach the store as
quoted phrases (desktop.store.queries.fts_match), so FTS operators in the text are only characters.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from desktop.store.queries import FactFilter, ValueRange

RESULT_TYPES = ("fact", "passage", "term")
_TYPE_NAMES = {"fact": "fact", "facts": "fact", "passage": "passage", "passages": "passage", "text": "passage"}
_TYPE_NAMES |= {"term": "term", "terms": "term", "glossary": "term"}

_SCALES = {
    "thousand": 1e3,
    "k": 1e3,
    "million": 1e6,
    "mn": 1e6,
    "m": 1e6,
    "billion": 1e9,
    "bn": 1e9,
    "b": 1e9,
    "trillion": 1e12,
    "tn": 1e12,
}
_UNITS = {
    "%": "%",
    "percent": "%",
    "per cent": "%",
    "pct": "%",
    "day": "days",
    "days": "days",
    "week": "weeks",
    "weeks": "weeks",
    "month": "months",
    "months": "months",
    "year": "years",
    "years": "years",
    "hour": "hours",
    "hours": "hours",
}
_LOWER = {">": False, "over": False, "above": False, "more than": False, "greater than": False, "exceeding": False}
_LOWER |= {">=": True, "≥": True, "at least": True}
_UPPER = {"<": False, "under": False, "below": False, "less than": False, "fewer than": False}
_UPPER |= {"<=": True, "≤": True, "at most": True, "up to": True}


def _alternatives(names: object) -> str:
    # Longest first, so "more than" wins over a shorter word it starts with.
    return "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))  # type: ignore[call-overload]


_NUM = r"\d[\d,]*(?:\.\d+)?|\.\d+"
_SCALE = rf"(?:\s*(?P<{{0}}>{_alternatives(_SCALES)})\b)?"
_UNIT = rf"(?:\s*(?P<unit>{_alternatives([u for u in _UNITS if u != '%'])})\b|\s*(?P<pct>%))?"
_BOUNDARY = r"(?<![\w.])"
_BETWEEN = re.compile(
    rf"{_BOUNDARY}between\s+(?P<a>{_NUM}){_SCALE.format('sa')}\s+and\s+(?P<b>{_NUM}){_SCALE.format('sb')}{_UNIT}",
    re.IGNORECASE,
)
_RANGE = re.compile(
    rf"{_BOUNDARY}(?P<a>{_NUM}){_SCALE.format('sa')}\s*(?:-|–|—|to)\s*(?P<b>{_NUM}){_SCALE.format('sb')}{_UNIT}",
    re.IGNORECASE,
)
_COMPARE = re.compile(
    rf"(?<!\w)(?P<op>{_alternatives([*_LOWER, *_UPPER])})\s*(?P<a>{_NUM}){_SCALE.format('sa')}{_UNIT}",
    re.IGNORECASE,
)
_FIELD = re.compile(r'(?<!\S)(?P<key>kind|unit|section|report|type|in):(?:"(?P<quoted>[^"]*)"?|(?P<bare>\S*))', re.I)


@dataclass(frozen=True)
class Query:
    """What a user's search text asks for."""

    text: str
    words: tuple[str, ...] = ()
    prefix_last: bool = False
    values: tuple[ValueRange, ...] = ()
    kinds: tuple[str, ...] = ()
    units: tuple[str, ...] = ()
    section_ids: tuple[str, ...] = ()
    reports: tuple[str, ...] = ()  # matched by the caller, who loops over the library's fact bases
    types: tuple[str, ...] = RESULT_TYPES

    @property
    def is_empty(self) -> bool:
        return not (self.words or self.values or self.kinds or self.units or self.section_ids)

    def fact_filter(self) -> FactFilter:
        return FactFilter(self.words, self.prefix_last, self.kinds, self.units, self.section_ids, self.values)

    def wants_report(self, title: str, path: str = "") -> bool:
        """True when no report: filter is given, or one names part of this report's title or file path."""
        return not self.reports or any(r.casefold() in f"{title}\n{path}".casefold() for r in self.reports)


def parse_query(text: str, typing: bool = False) -> Query:
    """Read the search text; `typing` marks the last word as a prefix (search as you type) unless a space ends it."""
    rest = text
    fields: dict[str, list[str]] = {}

    def take_field(m: re.Match[str]) -> str:
        value = m.group("quoted") if m.group("quoted") is not None else m.group("bare")
        if value:
            key = "type" if m.group("key").lower() == "in" else m.group("key").lower()
            fields.setdefault(key, []).append(value)
        return " "

    rest = _FIELD.sub(take_field, rest)
    values: list[ValueRange] = []

    def take_range(m: re.Match[str]) -> str:
        if m.group("sa") is None and m.group("sb") is None and _unit(m) is None and m.re is _RANGE:
            return m.group(0)  # "2024-2025" is a period, not a range of values: it stays words
        low, high = _number(m, "a", "sa"), _number(m, "b", "sb")
        if m.group("sa") is None and m.group("sb") is not None:  # "1-5 million": the scale applies to both
            low = _number(m, "a", "sb")
        values.append(ValueRange(min(low, high), max(low, high), unit=_unit(m)))
        return " "

    def take_comparison(m: re.Match[str]) -> str:
        op = m.group("op").lower()
        number = _number(m, "a", "sa")
        if op in _LOWER:
            values.append(ValueRange(low=number, low_inclusive=_LOWER[op], unit=_unit(m)))
        else:
            values.append(ValueRange(high=number, high_inclusive=_UPPER[op], unit=_unit(m)))
        return " "

    rest = _BETWEEN.sub(take_range, rest)
    rest = _COMPARE.sub(take_comparison, rest)
    rest = _RANGE.sub(take_range, rest)
    words = tuple(rest.split())
    # The last word is a prefix only while it is being typed, and only if it is the end of the text.
    prefix = typing and bool(words) and not text[-1:].isspace() and rest.rstrip() == rest and text.endswith(words[-1])
    types = tuple(dict.fromkeys(_TYPE_NAMES[t.lower()] for t in fields.get("type", []) if t.lower() in _TYPE_NAMES))
    return Query(
        text=text,
        words=words,
        prefix_last=prefix,
        values=tuple(values),
        kinds=tuple(fields.get("kind", [])),
        units=tuple(_UNITS.get(u.lower(), u) for u in fields.get("unit", [])),
        section_ids=tuple(fields.get("section", [])),
        reports=tuple(fields.get("report", [])),
        types=types or RESULT_TYPES,
    )


def _number(m: re.Match[str], group: str, scale_group: str) -> float:
    scale = m.group(scale_group)
    return float(m.group(group).replace(",", "")) * (_SCALES[scale.lower()] if scale else 1.0)


def _unit(m: re.Match[str]) -> str | None:
    if m.group("pct"):
        return "%"
    unit = m.group("unit")
    return _UNITS[unit.lower()] if unit else None
