"""Numerals: "4.55 million", "79.7%", "3-7 days", "between 5 and 8", "US$816.4 billion", "2,600+", "34 times".

The digits and what is written around them decide: letters glued to the digits make a name (5G, COVID-19), a
month a date, a capitalised word such as "Line" a name, four digits a year; else the figure takes its currency,
range, scale, per cent or points, "+", and the counted noun after it.
"""

from __future__ import annotations

import re
from decimal import Decimal

from desktop.importer import words as w
from desktop.importer.figure import Figure, NotMetric, lower_word, token_around
from desktop.importer.ordinals import read_numeric_ordinal
from desktop.importer.units import head_noun, noun_after, noun_before, unit_of
from desktop.importer.vocabulary import TIME_UNITS

NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_LEVEL_BEFORE = re.compile(r"\b(?:from|to)\s+$", re.IGNORECASE)  # "rose from 3% to 5%": levels, not the rise
_DEGREES = re.compile(r"\s?°\s?[CF]?")
_CURRENCY_BEFORE = re.compile(r"(?:US\$|HK\$|A\$|C\$|S\$|\$|€|£|¥|(?:RMB|CNY|USD|EUR|GBP)\s?)$")
_SCALE_AFTER = re.compile(r"(?:\s+(thousand|million|billion|trillion)\b|(bn|mn)\b)", re.IGNORECASE)
_MONEY_SCALE_AFTER = re.compile(r"(?:\s*(thousand|million|billion|trillion|bn|mn|tn|m|k|b)\b)", re.IGNORECASE)
_PERCENT = re.compile(r"\s*%|\s*(?:per\s?cent|percent)\b", re.IGNORECASE)
_POINTS = re.compile(r"\s+percentage\s+points?\b|\s*(?:pp|ppts?)\b", re.IGNORECASE)
_FOLD = re.compile(r"-fold\b|\s+times\b|x\b", re.IGNORECASE)
_CURRENCY_AFTER = re.compile(r"\s+(yuan|renminbi|US dollars|dollars|euros|euro|pounds|yen)\b", re.IGNORECASE)
_DASH_RANGE = re.compile(rf"\s*[-–—]\s*({NUM})(?![\w])")
_AND_RANGE = re.compile(
    rf"(?:\s+(?:thousand|million|billion|trillion))?\s*(%|per\s?cent|percent)?\s+and\s+({NUM})(?![\w])", re.I
)
_TIME_AFTER = re.compile(r"\s+(" + "|".join(sorted(TIME_UNITS, key=len, reverse=True)) + r")\b", re.IGNORECASE)
_MONTH_BEFORE = re.compile(rf"\b(?:{w.MONTHS})\.?\s+$", re.IGNORECASE)
_MONTH_AFTER = re.compile(rf"^(?:st|nd|rd|th)?\s+(?:{w.MONTHS})\b", re.IGNORECASE)
_GROWTH = re.compile(rf"\b(?:{w.GROWTH_BEFORE})\s+(?:by\s+|of\s+|a\s+)?(?:\S+\s+)?$", re.IGNORECASE)
_DECLINE = re.compile(rf"\b(?:{w.DECLINE_BEFORE})\s+(?:by\s+|of\s+|a\s+)?(?:\S+\s+)?$", re.IGNORECASE)
_GROWTH_AFTER = re.compile(r"\s+(?:increase|growth|rise|jump|gain|higher|more|year-on-year|year on year)\b", re.I)
_DECLINE_AFTER = re.compile(r"\s+(?:decrease|decline|drop|fall|lower|less|reduction|cut)\b", re.I)


def _decimal(text: str) -> Decimal:
    return Decimal(text.replace(",", ""))


def _base(number: str, scale: float = 1.0) -> float:
    return float(_decimal(number) * Decimal(repr(scale)))


def read_numeral(sentence: str, start: int, end: int) -> Figure | NotMetric:  # noqa: C901 (one grammar)
    number = sentence[start:end]
    before, after = sentence[:start], sentence[end:]
    left = before[-1:] if before else ""
    # Letters glued before the digits: a period marker (H1, Q2) or a name (COVID-19, A380, G20).
    if left.isalpha() or (left == "-" and before[-2:-1].isalpha()) or left == "#":
        a, b = token_around(sentence, start, end)
        token = sentence[a:b]
        if re.fullmatch(r"[HQ][1-4]", token):
            return NotMetric(a, b, token, "a period marker (half or quarter of a year), read as a period")
        return NotMetric(a, b, token, "part of a name, not a measurement")
    if left and left in ".:/" and before[-2:-1].isdigit():
        a, b = token_around(sentence, start, end)
        return NotMetric(a, b, sentence[a:b], "part of a date, time or version number")
    glued = re.match(r"[A-Za-z]+", after)
    ordinal_suffix = glued is not None and glued.group().lower() in ("st", "nd", "rd", "th")
    money_glued = set(w.MONEY_SCALES) if _CURRENCY_BEFORE.search(before[-6:]) else set()
    if glued and not ordinal_suffix and glued.group().lower() not in w.ATTACHED_UNITS | money_glued:
        a, b = token_around(sentence, start, end)
        return NotMetric(a, b, sentence[a:b], "part of a name (5G, 4K), not a measurement")
    if after[:1] in (":", "/") and after[1:2].isdigit():
        return NotMetric(start, end, number, "part of a time, date or ratio written with digits")
    if _MONTH_BEFORE.search(before[-12:]) or _MONTH_AFTER.match(after):
        return NotMetric(start, end, number, "a day of a date")
    if ordinal_suffix and glued:
        return read_numeric_ordinal(sentence, start, end + len(glued.group()))
    tail = max(0, start - 24)  # the patterns below look at the words just before the number
    previous_word = re.search(r"([A-Za-z][\w.]*)\s+$", sentence[tail:start])
    if previous_word and previous_word.group(1)[0].isupper() and previous_word.group(1).lower() in w.NAME_WORDS:
        word_start = tail + previous_word.start(1)
        return NotMetric(word_start, end, sentence[word_start:end], "a number inside a name")
    currency = _CURRENCY_BEFORE.search(sentence[tail:start])
    is_year = re.fullmatch(r"(1[89]|20)\d\d", number) is not None and currency is None
    if is_year and not re.match(r"\s*(%|per\s?cent|percent|\+|\s(thousand|million|billion))", after, re.I):
        span = re.match(r"\s*[-–]\s*(?:(?:1[89]|20)\d\d|\d\d)(?!\d)", after)
        if span:
            return NotMetric(start, end + span.end(), sentence[start : end + span.end()], "a span of years (a period)")
        if re.match(r"-(?:year|month|day|week)\b", after):
            pass  # "2020-year" is rare; fall through and read it as a count
        else:
            return NotMetric(start, end, number, "a year (read as a period, not a metric)")

    fig_start = tail + currency.start() if currency else start
    sign = 1.0
    if not currency and (before.endswith("−") or (before.endswith("-") and before[-2:-1] in ("", " ", "("))):
        sign, fig_start = -1.0, start - 1  # "−2.1%": a minus sign written before the digits
    if not currency:
        between = re.search(r"\bbetween\s+$", sentence[tail:start], re.IGNORECASE)
        from_ = tail + between.start() if between else None
    else:
        from_ = None
    cursor = end
    second: str | None = None
    range_match = _DASH_RANGE.match(sentence, cursor)
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
        declining = _DECLINE.search(before[-50:]) or _DECLINE_AFTER.match(sentence, cursor)
        kind = "decline" if declining else "growth"
    elif percent:
        unit, cursor = "%", percent.end()
        lead_in = sentence[max(0, fig_start - 50) : fig_start]
        if _LEVEL_BEFORE.search(lead_in[-8:]):
            kind = "share"
        elif _DECLINE.search(lead_in) or _DECLINE_AFTER.match(sentence, cursor):
            kind = "decline"
        elif _GROWTH.search(lead_in) or _GROWTH_AFTER.match(sentence, cursor):
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
            unit = unit or lower_word(head_noun(noun))
        unit = unit or lower_word(unit_of(noun))
    text = sentence[fig_start:cursor]
    low = sign * _base(number, scale)
    if second is None:
        return Figure(fig_start, cursor, text, low, None, None, unit, qualifier, kind, noun)
    return Figure(fig_start, cursor, text, None, low, _base(second, scale), unit, qualifier, kind, noun)
