"""The number finder: a small grammar that reads the figures of one sentence, and the numbers that are names.

It works on a single sentence, so no figure ever spans two. Each figure keeps its exact text and offsets in
the sentence; its value is in base units (4.55 million -> 4550000, 79.7% -> 79.7 with unit "%"). Numbers that
are not measurements (years, dates, 5G, COVID-19, "14th Five-Year Plan", "First, ...", "Line 3") come back
as NotMetric with the reason. See docs/importer.md for what it reads and what it misses.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from decimal import Decimal

from desktop.importer import words as w
from desktop.importer.units import head_noun, noun_after, noun_before, unit_of
from desktop.importer.vocabulary import TIME_UNITS


@dataclass(frozen=True)
class Figure:
    start: int  # offsets of the figure's text in its sentence
    end: int
    text: str
    value: float | None  # None for a range
    value_min: float | None
    value_max: float | None
    unit: str
    qualifier: str
    kind: str
    noun: str = ""  # the counted words after the figure, as written ("5G base stations")

    @property
    def values(self) -> tuple[float, ...]:
        if self.value is not None:
            return (self.value,)
        return (self.value_min or 0.0, self.value_max or 0.0)


@dataclass(frozen=True)
class NotMetric:
    start: int
    end: int
    text: str
    reason: str


NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_CARDINAL_WORDS = "|".join(k for k, v in w.CARDINALS.items() if v is not None)
_CANDIDATE = re.compile(
    rf"(?P<num>{NUM})|(?<![\w-])(?P<ord>{'|'.join(w.ORDINALS)})(?![\w])|(?<![\w-])(?P<fold>{'|'.join(w.FOLD_WORDS)})"
    rf"(?![\w-])|(?<![\w-])(?P<card>{_CARDINAL_WORDS})\s+(?P<card_scale>thousand|million|billion|trillion|per\s?cent|percent)"
    r"\b",
    re.IGNORECASE,
)
_LEVEL_BEFORE = re.compile(r"\b(?:from|to)\s+$", re.IGNORECASE)  # "rose from 3% to 5%": levels, not the rise
_DEGREES = re.compile(r"\s?°\s?[CF]?")
_CURRENCY_BEFORE = re.compile(r"(?:US\$|HK\$|A\$|C\$|S\$|\$|€|£|¥|(?:RMB|CNY|USD|EUR|GBP)\s?)$")
_SCALE_AFTER = re.compile(r"(?:\s+(thousand|million|billion|trillion)\b|(bn|mn)\b)", re.IGNORECASE)
_MONEY_SCALE_AFTER = re.compile(r"(?:\s*(thousand|million|billion|trillion|bn|mn|tn|m|k|b)\b)", re.IGNORECASE)
_PERCENT = re.compile(r"\s*%|\s*(?:per\s?cent|percent)\b", re.IGNORECASE)
_POINTS = re.compile(r"\s+percentage\s+points?\b|\s*(?:pp|ppts?)\b", re.IGNORECASE)
_FOLD = re.compile(r"-fold\b|\s+times\b", re.IGNORECASE)
_CURRENCY_AFTER = re.compile(r"\s+(yuan|renminbi|US dollars|dollars|euros|euro|pounds|yen)\b", re.IGNORECASE)
_DASH_RANGE = re.compile(rf"\s*[-–—]\s*({NUM})(?![\w])")
_AND_RANGE = re.compile(
    rf"(?:\s+(?:thousand|million|billion|trillion))?\s*(%|per\s?cent|percent)?\s+and\s+({NUM})(?![\w])", re.I
)
_TIME_AFTER = re.compile(r"\s+(" + "|".join(sorted(TIME_UNITS, key=len, reverse=True)) + r")\b", re.IGNORECASE)
_MONTH_BEFORE = re.compile(rf"\b(?:{w.MONTHS})\.?\s+$", re.IGNORECASE)
_MONTH_AFTER = re.compile(rf"^(?:st|nd|rd|th)?\s+(?:{w.MONTHS})\b", re.IGNORECASE)
_QUALIFIERS = [
    (re.compile(r"\b(?:more than|in excess of|greater than)\s+$", re.I), "more than"),
    (re.compile(r"\b(?:over|above)\s+$", re.I), "over"),
    (re.compile(r"\b(?:at least|no less than|no fewer than|a minimum of)\s+$", re.I), "at least"),
    (re.compile(r"\b(?:about|around|approximately|roughly|an estimated|some|circa)\s+$", re.I), "approximately"),
    (re.compile(r"\b(?:nearly|almost|close to|just under)\s+$", re.I), "nearly"),
    (re.compile(r"\b(?:up to|as many as|as much as|a maximum of)\s+$", re.I), "up to"),
    (re.compile(r"\b(?:less than|fewer than|under|below)\s+$", re.I), "less than"),
    (re.compile(r"\b(?:exceeded|exceeding|exceeds|exceed|surpassed|surpassing|topped|topping)\s+$", re.I), "exceeded"),
]  # fmt: skip
_GROWTH = re.compile(rf"\b(?:{w.GROWTH_BEFORE})\s+(?:by\s+|of\s+|a\s+)?(?:\S+\s+)?$", re.IGNORECASE)
_DECLINE = re.compile(rf"\b(?:{w.DECLINE_BEFORE})\s+(?:by\s+|of\s+|a\s+)?(?:\S+\s+)?$", re.IGNORECASE)
_GROWTH_AFTER = re.compile(r"^\s+(?:increase|growth|rise|jump|gain|higher|more|year-on-year|year on year)\b", re.I)
_DECLINE_AFTER = re.compile(r"^\s+(?:decrease|decline|drop|fall|lower|less|reduction|cut)\b", re.I)
_RANK_BEFORE = re.compile(
    r"\b(?:ranks?|ranked|ranking|placed|places|came|comes|coming|finished|finishes|stood|stands|standing)\s+"
    r"(?:at\s+|as\s+|in\s+)?(?:the\s+)?$",
    re.IGNORECASE,
)
_RANK_AFTER = re.compile(
    r"^(?:-|\s+)(?:largest|biggest|highest|lowest|busiest|most|best|fastest|greatest|strongest|place)\b"
    r"|^\s+(?:globally|worldwide|in the world|nationwide|nationally|in the country|in the region|in europe"
    r"|in asia|in africa|among)\b",
    re.IGNORECASE,
)


def _decimal(text: str) -> Decimal:
    return Decimal(text.replace(",", ""))


def _base(number: str, scale: float = 1.0) -> float:
    return float(_decimal(number) * Decimal(repr(scale)))


def _qualifier(before: str) -> str:
    for pattern, name in _QUALIFIERS:
        if pattern.search(before):
            return name
    return "exact"


def _token_around(sentence: str, start: int, end: int) -> tuple[int, int]:
    """The whole word-like token a number sits in ("COVID-19", "5A-level", "H1")."""
    while start > 0 and (sentence[start - 1].isalnum() or sentence[start - 1] == "-"):
        start -= 1
    while end < len(sentence) and (sentence[end].isalnum() or sentence[end] == "-"):
        end += 1
    return start, end


def find_figures(sentence: str) -> tuple[list[Figure], list[NotMetric]]:
    """Every figure of one sentence, in order, and every number in it that is not a metric."""
    figures: list[Figure] = []
    others: list[NotMetric] = []
    pos = 0
    while True:
        match = _CANDIDATE.search(sentence, pos)
        if match is None:
            break
        if match["num"]:
            found = _read_numeral(sentence, match.start(), match.end())
        elif match["ord"]:
            found = _read_ordinal(sentence, match.start(), match.end())
        elif match["card"]:
            found = _read_cardinal(match)
        else:
            word = match["fold"].lower()
            found = Figure(match.start(), match.end(), match.group(), float(w.FOLD_WORDS[word]), None, None,
                           "times", "exact", "multiple")  # fmt: skip
        if isinstance(found, Figure):
            qualifier = _qualifier(sentence[: found.start]) if found.qualifier == "exact" else found.qualifier
            figures.append(_with(found, qualifier=qualifier))
            pos = max(found.end, match.end())
        else:
            others.append(found)
            pos = max(found.end, match.end())
    return figures, others


def _with(figure: Figure, qualifier: str) -> Figure:
    return replace(figure, qualifier=qualifier)


def _read_cardinal(match: re.Match[str]) -> Figure:
    """'two million people', 'ten per cent': a number written as a word, with a scale or per cent after it."""
    sentence = match.string
    value = float(w.CARDINALS[match["card"].lower()] or 0)
    scale_word = match["card_scale"].lower()
    if scale_word in w.SCALES:
        value *= w.SCALES[scale_word]
        noun = noun_after(sentence, match.end())
        unit, kind = _lower_word(unit_of(noun)), "count"
    else:
        noun, unit, kind = "", "%", "share"
    return Figure(match.start(), match.end(), match.group(), value, None, None, unit, "exact", kind, noun)


def _read_ordinal(sentence: str, start: int, end: int) -> Figure | NotMetric:
    text = sentence[start:end]
    before, after = sentence[:start], sentence[end:]
    if _RANK_BEFORE.search(before) or _RANK_AFTER.search(after):
        return Figure(start, end, text, float(w.ORDINALS[text.lower()]), None, None, "rank", "exact", "rank")
    if not before.strip(" “\"‘'(") and after.startswith(","):
        return NotMetric(start, end, text, "a list ordinal ('First, ...'), not a measurement")
    if re.match(r"^\s+(?:half|quarter)\b", after, re.IGNORECASE):
        return NotMetric(start, end, text, "part of a period (first half, second quarter)")
    if after.startswith("-"):
        token_end = _token_around(sentence, start, end)[1]
        return NotMetric(start, token_end, sentence[start:token_end], "part of a compound word, not a measurement")
    if re.match(r"^\s+[A-Z]", after):
        return NotMetric(start, end, text, "part of a name (an ordinal before a capitalised word)")
    return NotMetric(start, end, text, "an ordinal that is not a rank or a measurement")


def _read_numeral(sentence: str, start: int, end: int) -> Figure | NotMetric:  # noqa: C901 (one grammar)
    number = sentence[start:end]
    before, after = sentence[:start], sentence[end:]
    left = before[-1:] if before else ""
    # Letters glued before the digits: a period marker (H1, Q2) or a name (COVID-19, A380, G20).
    if left.isalpha() or (left == "-" and before[-2:-1].isalpha()) or left == "#":
        a, b = _token_around(sentence, start, end)
        token = sentence[a:b]
        if re.fullmatch(r"[HQ][1-4]", token):
            return NotMetric(a, b, token, "a period marker (half or quarter of a year), read as a period")
        return NotMetric(a, b, token, "part of a name, not a measurement")
    if left and left in ".:/" and before[-2:-1].isdigit():
        a, b = _token_around(sentence, start, end)
        return NotMetric(a, b, sentence[a:b], "part of a date, time or version number")
    glued = re.match(r"[A-Za-z]+", after)
    ordinal_suffix = glued is not None and glued.group().lower() in ("st", "nd", "rd", "th")
    money_glued = set(w.MONEY_SCALES) if _CURRENCY_BEFORE.search(before) else set()
    if glued and not ordinal_suffix and glued.group().lower() not in w.ATTACHED_UNITS | money_glued:
        a, b = _token_around(sentence, start, end)
        return NotMetric(a, b, sentence[a:b], "part of a name (5G, 4K), not a measurement")
    if after[:1] in (":", "/") and after[1:2].isdigit():
        return NotMetric(start, end, number, "part of a time, date or ratio written with digits")
    if _MONTH_BEFORE.search(before) or _MONTH_AFTER.match(after):
        return NotMetric(start, end, number, "a day of a date")
    if ordinal_suffix and glued:
        return _read_numeric_ordinal(sentence, start, end + len(glued.group()))
    previous_word = re.search(r"([A-Za-z][\w.]*)\s+$", before)
    if previous_word and previous_word.group(1)[0].isupper() and previous_word.group(1).lower() in w.NAME_WORDS:
        return NotMetric(previous_word.start(1), end, sentence[previous_word.start(1) : end], "a number inside a name")
    currency = _CURRENCY_BEFORE.search(before)
    is_year = re.fullmatch(r"(1[89]|20)\d\d", number) is not None and currency is None
    if is_year and not re.match(r"\s*(%|per\s?cent|percent|\+|\s(thousand|million|billion))", after, re.I):
        span = re.match(r"\s*[-–]\s*(?:(?:1[89]|20)\d\d|\d\d)(?!\d)", after)
        if span:
            return NotMetric(start, end + span.end(), sentence[start : end + span.end()], "a span of years (a period)")
        if re.match(r"-(?:year|month|day|week)\b", after):
            pass  # "2020-year" is rare; fall through and read it as a count
        else:
            return NotMetric(start, end, number, "a year (read as a period, not a metric)")

    fig_start = currency.start() if currency else start
    sign = 1.0
    if not currency and (before.endswith("−") or (before.endswith("-") and before[-2:-1] in ("", " ", "("))):
        sign, fig_start = -1.0, start - 1  # "−2.1%": a minus sign written before the digits
    if not currency:
        between = re.search(r"\bbetween\s+$", before, re.IGNORECASE)
        from_ = between.start() if between else None
    else:
        from_ = None
    cursor = end
    second: str | None = None
    range_match = _DASH_RANGE.match(sentence, cursor) if not currency else None
    if range_match:
        second, cursor = range_match.group(1), range_match.end()
    elif from_ is not None:
        and_match = _AND_RANGE.match(sentence, cursor)
        if and_match:
            second, cursor, fig_start = and_match.group(2), and_match.end(), from_
        else:
            from_ = None
    scale_re = _MONEY_SCALE_AFTER if currency else _SCALE_AFTER
    scale_match = scale_re.match(sentence, cursor)
    scale = 1.0
    if scale_match:
        word = (scale_match.group(1) or scale_match.group(2) or "").lower()
        scale = (w.MONEY_SCALES if currency else w.SCALES)[word]
        cursor = scale_match.end()

    unit, kind, qualifier = "", "count", "exact"
    percent = _PERCENT.match(sentence, cursor)
    points = _POINTS.match(sentence, cursor)
    fold = _FOLD.match(sentence, cursor)
    money_word = _CURRENCY_AFTER.match(sentence, cursor)
    if points:
        unit, cursor = "percentage points", points.end()
        kind = "decline" if _DECLINE.search(before) or _DECLINE_AFTER.match(sentence[cursor:]) else "growth"
    elif percent:
        unit, cursor = "%", percent.end()
        rest = sentence[cursor:]
        if _LEVEL_BEFORE.search(sentence[:fig_start]):
            kind = "share"
        elif _DECLINE.search(sentence[:fig_start]) or _DECLINE_AFTER.match(rest):
            kind = "decline"
        elif _GROWTH.search(sentence[:fig_start]) or _GROWTH_AFTER.match(rest):
            kind = "growth"
        else:
            kind = "share"
    elif fold:
        unit, kind, cursor = "times", "multiple", fold.end()
    elif degrees := _DEGREES.match(sentence, cursor):
        unit, cursor = "°" + degrees.group().strip(" °"), degrees.end()
    elif currency:
        unit, kind = w.CURRENCY_PREFIXES[currency.group().strip()], "money"
    elif money_word:
        unit, kind, cursor = w.CURRENCY_WORDS[money_word.group(1).lower()], "money", money_word.end()
    if sentence.startswith("+", cursor):
        qualifier, cursor = "+", cursor + 1
    noun = ""
    if second is not None:
        time = _TIME_AFTER.match(sentence, cursor)
        if time and not unit:
            unit, cursor, kind = time.group(1).lower(), time.end(), "duration range"
        else:
            kind = "range"
    if not unit or kind == "money":
        noun = noun_after(sentence, cursor)
        if not noun:
            before_qualifier = re.sub(r"\b(?:more than|over|about|around|nearly|almost|up to|at least)\s+$", "",
                                      sentence[:fig_start], flags=re.I)  # fmt: skip
            noun = noun_before(sentence, len(before_qualifier))
            unit = unit or _lower_word(head_noun(noun))
        unit = unit or _lower_word(unit_of(noun))
    text = sentence[fig_start:cursor]
    low = sign * _base(number, scale)
    if second is None:
        return Figure(fig_start, cursor, text, low, None, None, unit, qualifier, kind, noun)
    return Figure(fig_start, cursor, text, None, low, _base(second, scale), unit, qualifier, kind, noun)


def _lower_word(text: str) -> str:
    """'Trips' -> 'trips', but 'EFLOPS' and 'TWh' stay as written."""
    return " ".join(word.lower() if word[:1].isupper() and word[1:].islower() else word for word in text.split())


def _read_numeric_ordinal(sentence: str, start: int, end: int) -> Figure | NotMetric:
    """1st, 2nd, 14th: a rank in a rank's words, else part of a name ("14th Five-Year Plan")."""
    text = sentence[start:end]
    before, after = sentence[:start], sentence[end:]
    value = float(re.match(r"\d+", text).group())  # type: ignore[union-attr]
    if _RANK_BEFORE.search(before) or _RANK_AFTER.search(after):
        return Figure(start, end, text, value, None, None, "rank", "exact", "rank")
    if re.match(r"^\s+[A-Z]", after):
        name_end = re.match(r"^(?:\s+[A-Z][\w-]*)+", after)
        stop = end + (name_end.end() if name_end else 0)
        return NotMetric(start, stop, sentence[start:stop], "part of a name (an ordinal in a title)")
    return NotMetric(start, end, text, "an ordinal that is not a rank (a century, an anniversary, a position)")


def read_figure(text: str) -> tuple[float, ...]:
    """The values a figure states when read on its own: the one grammar annotations are checked with."""
    figures, _ = find_figures(text)
    if len(figures) == 1 and (figures[0].start, figures[0].end) == (0, len(text)):
        return figures[0].values
    # An ordinal is a rank only in a rank's words ("ranks 3rd"); on its own it is read as its number.
    ordinal = re.fullmatch(r"(\d+)(?:st|nd|rd|th)", text.strip(), re.IGNORECASE)
    if ordinal:
        return (float(ordinal.group(1)),)
    if text.strip().lower() in w.ORDINALS:
        return (float(w.ORDINALS[text.strip().lower()]),)
    raise ValueError(f"not a figure: {text!r}")
