"""Split a paragraph into sentences, as (start, end) offsets into the paragraph's own text.

A full stop ends a sentence when whitespace and a capital, digit or opening quote follow, unless it closes an
abbreviation ("No. 3", "U.S.", "Dr."), an initial, or a decimal ("4.55" has no space after its point).
Everything the number finder proposes lies inside one of these spans: nothing spans a sentence.
"""

from __future__ import annotations

import re

ABBREVIATIONS = {
    "no", "nos", "vs", "etc", "e.g", "i.e", "mr", "mrs", "ms", "dr", "prof", "st", "mt", "co", "corp", "inc",
    "ltd", "jr", "sr", "approx", "est", "fig", "figs", "vol", "p", "pp", "art", "sec", "ch", "cf", "al",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "u.s", "u.k", "u.n",
    "e.u", "a.m", "p.m", "dept", "govt",
}  # fmt: skip
_END = re.compile(r"[.!?…]+[\"”’)\]]*(?=\s+[\"“‘(\[]?[A-Z0-9])")


def _ends_abbreviation(text: str, dot: int) -> bool:
    """Whether the full stop at dot closes an abbreviation or an initial rather than a sentence."""
    start = dot
    while start > 0 and not text[start - 1].isspace() and text[start - 1] not in '(“"‘':
        start -= 1
    word = text[start:dot].lower()
    if not word:
        return False
    if word in ("no", "nos"):  # "No. 3" is a number's name; "said no. Then" ends a sentence
        return text[dot + 1 :].lstrip()[:1].isdigit()
    if word in ABBREVIATIONS:
        return True
    # A single capital letter ("J. Smith") or dotted letters ("U.S", "e.g") is an initial.
    return bool(re.fullmatch(r"(?:[a-z]\.)*[a-z]", word)) and (len(word) == 1 or "." in word)


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Offsets of each sentence, with surrounding whitespace left out."""
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _END.finditer(text):
        first = match.group()[0]
        if first == "." and len(match.group().rstrip('"”’)]')) == 1 and _ends_abbreviation(text, match.start()):
            continue
        spans.append((start, match.end()))
        start = match.end()
    spans.append((start, len(text)))
    result = []
    for begin, end in spans:
        while begin < end and text[begin].isspace():
            begin += 1
        while end > begin and text[end - 1].isspace():
            end -= 1
        if begin < end:
            result.append((begin, end))
    return result


def sentences(text: str) -> list[str]:
    return [text[a:b] for a, b in sentence_spans(text)]
