"""A fact's period as the date it ends on, so that the members of a series sort in time.

A report's figures are stocks or flows "as of" a moment: "end of 2023", "end of June 2025", "H1 2025",
"Q2 2025", "2024", "June 2025", "mid-2025", "2021-2025". Each reads as the last day it covers. Anything else
("annually", "14th Five-Year Plan period") is not guessed: period_end returns None and the member sorts last,
flagged as undated.
"""

from __future__ import annotations

import calendar
import re
from datetime import date

_MONTHS = (
    {name.lower(): n for n, name in enumerate(calendar.month_name) if name}
    | {name.lower(): n for n, name in enumerate(calendar.month_abbr) if name}
    | {"sept": 9}
)
_YEAR = r"((?:19|20)\d{2})"
_MONTH = r"(" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_PREFIX = r"(?:(?:by |at )?(?:the )?(?:end|close) of |as of |in |during |by )?"

_PATTERNS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(rf"{_PREFIX}{_MONTH} {_YEAR}"), "month"),  # end of June 2025, June 2025
    (re.compile(rf"{_PREFIX}h([12]),? {_YEAR}"), "half"),  # H1 2025
    (re.compile(rf"{_PREFIX}{_YEAR},? h([12])"), "half-year-first"),  # 2025 H1
    (re.compile(rf"{_PREFIX}q([1-4]),? {_YEAR}"), "quarter"),  # Q2 2025
    (re.compile(rf"{_PREFIX}{_YEAR},? q([1-4])"), "quarter-year-first"),  # 2025 Q2
    (re.compile(rf"{_PREFIX}(?:first|1st) half (?:of )?{_YEAR}"), "first-half"),
    (re.compile(rf"{_PREFIX}{_YEAR} ?[-–/] ?{_YEAR}"), "span"),  # 2021-2025
    (re.compile(rf"mid-? ?{_YEAR}"), "mid"),  # mid-2025
    (re.compile(rf"{_PREFIX}{_YEAR}"), "year"),  # end of 2023, 2024
]


def period_end(period: str) -> date | None:
    """The last day a period covers, or None when it names no date we can read."""
    text = " ".join(period.lower().replace("\u00a0", " ").split())
    for pattern, shape in _PATTERNS:
        match = pattern.fullmatch(text)
        if match:
            return _end(shape, match.groups())
    return None


def _end(shape: str, groups: tuple[str, ...]) -> date:
    if shape == "month":
        return _month_end(int(groups[1]), _MONTHS[groups[0]])
    if shape in ("half", "half-year-first"):
        half, year = (groups[0], groups[1]) if shape == "half" else (groups[1], groups[0])
        return _month_end(int(year), 6 if half == "1" else 12)
    if shape in ("quarter", "quarter-year-first"):
        quarter, year = (groups[0], groups[1]) if shape == "quarter" else (groups[1], groups[0])
        return _month_end(int(year), 3 * int(quarter))
    if shape in ("first-half", "mid"):
        return date(int(groups[0]), 6, 30)
    if shape == "span":
        return date(int(groups[1]), 12, 31)
    return date(int(groups[0]), 12, 31)


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def period_sort_key(period: str) -> tuple[int, date]:
    """Dated periods in time order, then the undated ones."""
    end = period_end(period)
    return (0, end) if end is not None else (1, date.max)
