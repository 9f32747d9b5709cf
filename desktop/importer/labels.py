"""A label for a proposed fact, from the words its number measures: "5G base stations", "Internet penetration
rate", "Share of population", "Growth in AI datasets", "Rank of total computing power".

The label is a first draft for the review table and the annotation file: short, from the sentence's own words.
"""

from __future__ import annotations

import re
from dataclasses import replace

from desktop.importer.numbers import Figure, window
from desktop.importer.units import noun_after, noun_before

_QUALIFIER_WORDS = re.compile(
    r"\b(?:more than|over|above|about|around|approximately|roughly|nearly|almost|up to|at least|less than|"
    r"fewer than|under|some|exceeded|exceeding|surpassed|topped)\s+$",
    re.IGNORECASE,
)


def _subject(sentence: str, figure: Figure) -> str:
    before = _QUALIFIER_WORDS.sub("", sentence[: figure.start])
    return noun_before(sentence, len(before))


def _lower_first(text: str) -> str:
    """'Bills' -> 'bills' (a sentence's capital), 'TWh' and 'AI datasets' stay."""
    first, _, rest = text.partition(" ")
    if first[:1].isupper() and first[1:].islower():
        first = first.lower()
    return f"{first} {rest}" if rest else first


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:] if text else text


def label_for(sentence: str, figure: Figure, earlier: list[Figure]) -> str:
    """The label of figure, given the figures before it in the same sentence (the last few are enough)."""
    local, offset = window(sentence, figure)
    if offset or len(local) < len(sentence):
        shifted = [replace(f, start=f.start - offset, end=f.end - offset) for f in earlier[-3:] if f.start >= offset]
        return _label(local, replace(figure, start=figure.start - offset, end=figure.end - offset), shifted)
    return _label(sentence, figure, earlier[-3:])


def _label(sentence: str, figure: Figure, earlier: list[Figure]) -> str:
    after = sentence[figure.end :]
    kind = figure.kind
    if kind in ("growth", "decline"):
        subject = _subject(sentence, figure) or _earlier_label(sentence, earlier)
        word = "Growth" if kind == "growth" else "Fall"
        return f"{word} in {_lower_first(subject)}" if subject else word
    if kind == "share":
        of = re.match(r"\s+of\s+(?:the\s+|all\s+|its\s+|their\s+)?", after)
        if of:
            counted = noun_after(sentence, figure.end + of.end() - 1)
            if counted:
                return f"Share of {counted}"
        subject = _subject(sentence, figure)
        return _capital(subject) if subject else "Share"
    if kind == "rank":
        largest = re.match(r"-?\s*(largest|biggest|highest|lowest|busiest|most|best|fastest|greatest)\b", after, re.I)
        if largest:
            return _capital(f"{figure.text}-{largest.group(1)} {noun_after(sentence, figure.end + largest.end())}")
        subject = _subject(sentence, figure)
        return f"Rank of {subject}" if subject else "Rank"
    if kind == "multiple":
        subject = _subject(sentence, figure) or _earlier_label(sentence, earlier)
        return f"Multiple: {subject}" if subject else "Multiple"
    counted = figure.noun or _subject(sentence, figure)
    if kind == "money" and not counted:
        # "3.6 billion yuan (US$497 million)": a sum restated in another currency has the first one's label.
        money = [f for f in earlier if f.kind == "money"]
        if money:
            first = _label(sentence, money[-1], [])
            return f"{first} ({figure.unit})"
    if counted and len(counted.split()) == 1:
        context = _subject(sentence, figure)
        if context and context.lower() != counted.lower():
            return _capital(f"{counted} ({context})")
        # "1.2 billion people use the national medical insurance code": what the people do says what is counted.
        then = re.match(r"\s*[\w’'-]+((?:\s+[\w’'-]+){1,6})", sentence[figure.end :])
        if then and figure.noun:
            return _capital(f"{counted}{then.group(1)}")
    if counted:
        return _capital(counted)
    words = sentence[: figure.start].split()[-7:]  # the words leading up to the figure, whole
    return _capital(" ".join(words)) or "Figure"


def _earlier_label(sentence: str, earlier: list[Figure]) -> str:
    """The label of the figure before, for one that restates it ("1,240 buses, a fivefold increase")."""
    if not earlier:
        return ""
    return _lower_first(_label(sentence, earlier[-1], []))
