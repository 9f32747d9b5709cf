"""The words around a figure: the counted noun after it ("4.55 million 5G base stations"), the subject before it
("gigabit broadband users reaching 226 million"), and the unit a count is in (the head of that noun phrase).
"""

from __future__ import annotations

import re

from desktop.importer import words as w

_NUMBER_OF = re.compile(
    r"\b(?:(?:number|total|count)\s+of\s+|(?P<share>(?:share|proportion|percentage)\s+of\s+))"
    r"(?P<what>(?:[\w’'-]+\s+){0,5}?[\w’'-]+?)"
    r"(?=\s+(?:in|on|at|has|have|had|was|were|is|are|rose|grew|fell|reached|totalled|stood)\b|\s*$)",
    re.IGNORECASE,
)
_WORD = re.compile(r"\s+([A-Za-z0-9][\w’'&/-]*)")
_ADJECTIVE_ENDINGS = ("ic", "al", "ous", "ive", "ful", "able", "ible", "ary")
_LEADING_MODIFIERS = {"new", "more", "additional", "other", "total", "extra", "further", "existing", "old", "young",
                      "major", "key", "main", "large", "small", "big", "local", "foreign", "domestic", "annual",
                      "daily", "monthly", "active", "registered"}  # fmt: skip


def is_plural(word: str) -> bool:
    lower = word.lower()
    if lower in w.IRREGULAR_PLURALS or lower in w.MEASURE_UNITS:
        return True
    return len(lower) > 2 and lower.endswith("s") and not lower.endswith(("ss", "us", "is", "'s", "’s"))


def noun_after(sentence: str, cursor: int, limit: int = 5) -> str:
    """The counted words right after a figure, up to and including the first plural noun ("new data products")."""
    words: list[str] = []
    pos = cursor
    while len(words) < limit:
        match = _WORD.match(sentence, pos)
        if match is None:
            break
        word = match.group(1)
        if word.lower() in w.STOP_WORDS:
            break
        words.append(word)
        pos = match.end()
        if is_plural(word):
            return " ".join(words)
        if sentence[pos : pos + 1] not in (" ", ""):  # a comma or full stop ends the phrase
            break
    # No plural: keep the words up to the last one that is not a verb form or an adverb.
    while words and (words[-1].lower().endswith(("ing", "ed", "ly")) or words[-1].lower() in w.LINK_WORDS):
        words.pop()
    return " ".join(words)


def unit_of(noun: str) -> str:
    """The unit of a count: the noun phrase without its leading modifiers and names ("5G base stations" ->
    "base stations", "high-quality datasets" -> "datasets")."""
    words = noun.split()
    while len(words) > 1 and _is_modifier(words[0]):
        words.pop(0)
    return " ".join(words)


def _is_modifier(word: str) -> bool:
    lower = word.lower()
    if lower in ("cubic", "square"):  # "cubic metres" is the unit, not a kind of metres
        return False
    return (
        lower in _LEADING_MODIFIERS
        or any(c.isdigit() for c in lower)
        or "-" in lower
        or lower.endswith(_ADJECTIVE_ENDINGS)
    )


def noun_before(sentence: str, start: int, limit: int = 5) -> str:
    """The subject a figure measures when no noun follows it: "gigabit broadband users reaching 226 million",
    "the number of internet users in China has reached 1.123 billion", "AI datasets surging 280%"."""
    clause = re.split(r"[,;:()“”\"]|\s[-–—]\s", sentence[:start])[-1]
    number_of = _NUMBER_OF.search(clause)
    if number_of:
        return (number_of["share"] or "") + number_of["what"]
    tokens = clause.split()
    while tokens and (tokens[-1].lower() in w.LINK_WORDS or tokens[-1].lower().endswith(("ing", "ed"))):
        tokens.pop()
    phrase: list[str] = []
    for i in range(len(tokens) - 1, -1, -1):
        token = tokens[i]
        if token.lower() in w.STOP_WORDS or len(phrase) >= limit or any(c.isdigit() for c in token):
            break
        opens_clause = i == 0 or tokens[i - 1].lower() in w.STOP_WORDS
        if phrase and token.lower().endswith(("ing", "ed")) and opens_clause:
            break  # "reducing turnaround": a verb opening the clause is not part of what is counted
        phrase.insert(0, token)
    return " ".join(phrase)


def head_noun(noun: str) -> str:
    return noun.split()[-1] if noun.split() else ""
