"""A label for a proposed fact, from the words its number measures: "5G base stations", "Internet penetration
rate", "Share of population", "Growth in AI datasets", "Rank of total computing power".

The label is a first draft for the review table and the annotation file: short, from the sentence's own words.
"""

from __future__ import annotations

import re

from desktop.importer.numbers import Figure
from desktop.importer.units import noun_after, noun_before

_QUALIFIER_WORDS = re.compile(
    r"\b(?:more than|over|above|about|around|approximately|roughly|nearly|almost|up to|at least|less than|"
    r"fewer than|under|some|exceeded|exceeding|surpassed|topped)\s+$",
    re.IGNORECASE,
)


def _subject(sentence: str, figure: Figure) -> str:
    before = _QUALIFIER_WORDS.sub("", sentence[: figure.start])
    return noun_before(sentence, len(before))


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:] if text else text


def label_for(sentence: str, figure: Figure, earlier: list[Figure]) -> str:
    """The label of figure, given the figures before it in the same sentence."""
    after = sentence[figure.end :]
    kind = figure.kind
    if kind in ("growth", "decline"):
        subject = _subject(sentence, figure)
        if not subject:
            counted = next((f.noun for f in reversed(earlier) if f.kind == "count" and f.noun), "")
            subject = counted
        word = "Growth" if kind == "growth" else "Fall"
        return f"{word} in {subject}" if subject else word
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
        subject = _subject(sentence, figure)
        if subject:
            return f"Rank of {subject}"
        if largest:
            return _capital(f"{figure.text}-{largest.group(1)} {noun_after(sentence, figure.end + largest.end())}")
        return "Rank"
    if kind == "multiple":
        subject = _subject(sentence, figure)
        return f"Multiple: {subject}" if subject else "Multiple"
    counted = figure.noun or _subject(sentence, figure)
    if kind == "money" and not counted:
        counted = "amount"
    if counted and len(counted.split()) == 1:
        context = _subject(sentence, figure)
        if context and context.lower() != counted.lower():
            return _capital(f"{counted} ({context})")
        # "1.2 billion people use the national medical insurance code": what the people do says what is counted.
        then = re.match(r"\s*[\w’'-]+((?:\s+[\w’'-]+){1,6})", sentence[figure.end :])
        if then and figure.noun:
            return _capital(f"{counted}{then.group(1)}")
    return _capital(counted) if counted else _capital(sentence[max(0, figure.start - 40) : figure.start].strip())
