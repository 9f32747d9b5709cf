"""The period a figure is for, read from its sentence, else its paragraph, else its section.

"By the end of June" reads as "end of June 2025" against a report dated 2025; "last year" as "2024"; "Q2" as
"Q2 2025". With no date for the report, a period without a year is kept as written.
"""

from __future__ import annotations

import re

from desktop.importer.words import MONTHS

_MONTH = rf"(?:{MONTHS})"
_HALF = {"first": "H1", "second": "H2"}
_QUARTER = {"first": "Q1", "second": "Q2", "third": "Q3", "fourth": "Q4"}
_YEAR = r"(?:19|20)\d\d"

_PATTERNS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(rf"\b(?:by|at|as of|until|till|to)\s+(?:the\s+)?end\s+of\s+((?:{_MONTH})(?:\s+{_YEAR})?|{_YEAR}"
                r"|the year|last year|this year)", re.I), "end"),
    (re.compile(rf"\bas\s+of\s+((?:\d{{1,2}}\s+)?{_MONTH}(?:\s+\d{{1,2}}(?!\d),?)?(?:\s+{_YEAR})?|{_YEAR})", re.I),
     "as of"),
    (re.compile(rf"\b([HQ][1-4])(?:\s+(?:of\s+)?({_YEAR}))?\b"), "marker"),
    (re.compile(rf"\b(first|second)\s+half\s+of\s+(?:the\s+year\s+)?({_YEAR})?", re.I), "half"),
    (re.compile(rf"\b(first|second|third|fourth)\s+quarter(?:\s+of\s+({_YEAR}))?", re.I), "quarter"),
    (re.compile(r"\b(?:during|in|over)\s+the\s+((?:\d+(?:st|nd|rd|th)\s+)?[\w -]{0,40}?\bperiod)\b", re.I), "named"),
    (re.compile(rf"\b((?:{_MONTH})[-–](?:{_MONTH})\s+{_YEAR})\b", re.I), "as written"),
    (re.compile(rf"\b({_YEAR}[-–](?:{_YEAR}|\d\d))\b"), "as written"),
    # "than in 2023", "since 2019", "on 2023" name the base of a comparison, not the figure's period.
    (re.compile(rf"(?<!than )\b(?:in|during|for|by|of)\s+((?:{_MONTH})\s+{_YEAR})\b", re.I), "as written"),
    (re.compile(rf"(?<!than )\b(?:in|during|for|by|of)\s+({_YEAR})\b(?![-–]\d)", re.I), "as written"),
    (re.compile(r"\b(last year|this year|the previous year)\b", re.I), "relative"),
    (re.compile(r"\b(annually|per year|a year|each year|every year)\b", re.I), "annually"),
]  # fmt: skip


def report_year(*dates: str | None) -> int | None:
    """The year a report is dated, from the first date that names one ("2025-07-01", "end of June 2025")."""
    for date in dates:
        if date:
            match = re.search(_YEAR, date)
            if match:
                return int(match.group())
    return None


AS_AT_THE_REPORT = "as at the report"  # a level whose sentence, paragraph and section give no date


def period_in(text: str, year: int | None, frequency: bool = True, spans: bool = True) -> str | None:
    """The first period the text names, completed with the report's year where it has none.

    frequency=False leaves out "annually": a rate of one sentence is not the period of its paragraph.
    spans=False leaves out a named span ("During the 14th Five-Year Plan period"): the years over which a
    paragraph's levels were reached are not the date of a level its sentence states without one.
    """
    best: tuple[int, str] | None = None
    for pattern, how in _PATTERNS:
        if (how == "annually" and not frequency) or (how == "named" and not spans):
            continue
        match = pattern.search(text)
        if match is None or (best is not None and match.start() >= best[0]):
            continue
        period = _read(match, how, year)
        if period:
            best = (match.start(), period)
    return best[1] if best else None


def _read(match: re.Match[str], how: str, year: int | None) -> str | None:
    first = match.group(1)
    suffix = f" {year}" if year else ""
    if how == "end":
        lower = first.lower()
        if lower == "last year":
            return f"end of {year - 1}" if year else "end of last year"
        if lower in ("the year", "this year"):
            return f"end of {year}" if year else "end of the year"
        return f"end of {first}" if re.search(_YEAR, first) else f"end of {first}{suffix}"
    if how == "as of":
        return first if re.search(_YEAR, first) else f"{first}{suffix}"
    if how == "marker":
        return f"{first} {match.group(2) or year or ''}".strip()
    if how in ("half", "quarter"):
        marker = (_HALF if how == "half" else _QUARTER)[first.lower()]
        return f"{marker} {match.group(2) or year or ''}".strip()
    if how == "named":
        return first if re.search(r"\d|[A-Z]", first) else None  # "the 14th Five-Year Plan period", not "the period"
    if how == "relative":
        lower = first.lower()
        if year is None:
            return lower
        return str(year) if lower == "this year" else str(year - 1)
    if how == "annually":
        return "annually"
    return first
