"""Ranks and words: "second", "ranks third", "second-largest", "4th", and "two million", "ten per cent".

An ordinal is a rank only in a rank's words; otherwise it is a list ordinal ("First, ..."), part of a name
("Third Plenum", "14th Five-Year Plan"), of a period ("first half") or of a compound ("third-party").
"""

from __future__ import annotations

import re

from desktop.importer import words as w
from desktop.importer.figure import Figure, NotMetric, lower_word, token_around
from desktop.importer.units import noun_after, unit_of

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


def read_cardinal(match: re.Match[str]) -> Figure:
    """'two million people', 'ten per cent': a number written as a word, with a scale or per cent after it."""
    sentence = match.string
    value = float(w.CARDINALS[match["card"].lower()] or 0)
    scale_word = match["card_scale"].lower()
    if scale_word in w.SCALES:
        value *= w.SCALES[scale_word]
        noun = noun_after(sentence, match.end())
        unit, kind = lower_word(unit_of(noun)), "count"
    else:
        noun, unit, kind = "", "%", "share"
    return Figure(match.start(), match.end(), match.group(), value, None, None, unit, "exact", kind, noun)


def read_ordinal(sentence: str, start: int, end: int) -> Figure | NotMetric:
    text = sentence[start:end]
    before, after = sentence[:start], sentence[end:]
    if _RANK_BEFORE.search(before[-40:]) or _RANK_AFTER.search(after[:40]):
        return Figure(start, end, text, float(w.ORDINALS[text.lower()]), None, None, "rank", "exact", "rank")
    if not before.strip(" “\"‘'(") and after.startswith(","):
        return NotMetric(start, end, text, "a list ordinal ('First, ...'), not a measurement")
    if re.match(r"^\s+(?:half|quarter)\b", after, re.IGNORECASE):
        return NotMetric(start, end, text, "part of a period (first half, second quarter)")
    if after.startswith("-"):
        token_end = token_around(sentence, start, end)[1]
        return NotMetric(start, token_end, sentence[start:token_end], "part of a compound word, not a measurement")
    if re.match(r"^\s+[A-Z]", after):
        return NotMetric(start, end, text, "part of a name (an ordinal before a capitalised word)")
    return NotMetric(start, end, text, "an ordinal that is not a rank or a measurement")


def read_numeric_ordinal(sentence: str, start: int, end: int) -> Figure | NotMetric:
    """1st, 2nd, 14th: a rank in a rank's words, else part of a name ("14th Five-Year Plan")."""
    text = sentence[start:end]
    before, after = sentence[:start], sentence[end:]
    value = float(re.match(r"\d+", text).group())  # type: ignore[union-attr]
    if _RANK_BEFORE.search(before[-40:]) or _RANK_AFTER.search(after[:40]):
        return Figure(start, end, text, value, None, None, "rank", "exact", "rank")
    if re.match(r"^\s+[A-Z]", after):
        name_end = re.match(r"^(?:\s+[A-Z][\w-]*)+", after)
        stop = end + (name_end.end() if name_end else 0)
        return NotMetric(start, stop, sentence[start:stop], "part of a name (an ordinal in a title)")
    return NotMetric(start, end, text, "an ordinal that is not a rank (a century, an anniversary, a position)")
