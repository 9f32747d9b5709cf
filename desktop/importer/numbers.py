"""The number finder: a small grammar that reads the figures of one sentence, and the numbers that are names.

It works on a single sentence, so no figure ever spans two. Each figure keeps its exact text and offsets in
the sentence; its value is in base units (4.55 million -> 4550000, 79.7% -> 79.7 with unit "%"). Numbers that
are not measurements (years, dates, 5G, COVID-19, "14th Five-Year Plan", "First, ...", "Line 3") come back
as NotMetric with the reason. See docs/importer.md for what it reads and what it misses.
"""

from __future__ import annotations

import re
from dataclasses import replace

from desktop.importer import words as w
from desktop.importer.figure import Figure, NotMetric
from desktop.importer.numerals import NUM, read_numeral
from desktop.importer.ordinals import read_cardinal, read_ordinal

__all__ = ["CONTEXT", "Figure", "NotMetric", "find_figures", "read_figure", "window"]

_CARDINAL_WORDS = "|".join(k for k, v in w.CARDINALS.items() if v is not None)
_CANDIDATE = re.compile(
    rf"(?P<num>{NUM})|(?<![\w-])(?P<ord>{'|'.join(w.ORDINALS)})(?![\w])|(?<![\w-])(?P<fold>{'|'.join(w.FOLD_WORDS)})"
    rf"(?![\w-])|(?<![\w-])(?P<card>{_CARDINAL_WORDS})\s+(?P<card_scale>thousand|million|billion|trillion|per\s?cent|percent)"
    r"\b",
    re.IGNORECASE,
)
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


def _qualifier(before: str) -> str:
    for pattern, name in _QUALIFIERS:
        if pattern.search(before):
            return name
    return "exact"


CONTEXT = 160  # characters either side of a number that its reading looks at


def find_figures(sentence: str) -> tuple[list[Figure], list[NotMetric]]:
    """Every figure of one sentence, in order, and every number in it that is not a metric.

    Each number is read in a window of CONTEXT characters either side, so a run-on "sentence" of a million
    characters costs time in proportion to its length, not its square.
    """
    figures: list[Figure] = []
    others: list[NotMetric] = []
    pos = 0
    while True:
        match = _CANDIDATE.search(sentence, pos)
        if match is None:
            break
        offset = max(0, match.start() - CONTEXT)
        local = sentence[offset : match.end() + CONTEXT]
        start, end = match.start() - offset, match.end() - offset
        found: Figure | NotMetric
        if match["num"]:
            found = read_numeral(local, start, end)
        elif match["ord"]:
            found = read_ordinal(local, start, end)
        elif match["card"]:
            found = read_cardinal(_CANDIDATE.match(local, start))  # type: ignore[arg-type]
        else:
            word = match["fold"].lower()
            found = Figure(start, end, match.group(), float(w.FOLD_WORDS[word]), None, None, "times", "exact",
                           "multiple")  # fmt: skip
        if isinstance(found, Figure):
            qualifier = (
                _qualifier(local[max(0, found.start - 24) : found.start])
                if found.qualifier == "exact"
                else found.qualifier
            )
            figures.append(replace(found, qualifier=qualifier, start=found.start + offset, end=found.end + offset))
        else:
            others.append(replace(found, start=found.start + offset, end=found.end + offset))
        pos = max(offset + found.end, match.end())
    return figures, others


def window(sentence: str, figure: Figure) -> tuple[str, int]:
    """The part of sentence a figure is read in, and its offset: what labels look at, too."""
    offset = max(0, figure.start - CONTEXT)
    return sentence[offset : figure.end + CONTEXT], offset


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
