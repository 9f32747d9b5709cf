"""What the number finder returns: a figure of a sentence, or a number that is not a metric, with its offsets."""

from __future__ import annotations

from dataclasses import dataclass


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


def token_around(sentence: str, start: int, end: int) -> tuple[int, int]:
    """The whole word-like token a number sits in ("COVID-19", "5A-level", "H1")."""
    while start > 0 and (sentence[start - 1].isalnum() or sentence[start - 1] == "-"):
        start -= 1
    while end < len(sentence) and (sentence[end].isalnum() or sentence[end] == "-"):
        end += 1
    return start, end


def lower_word(text: str) -> str:
    """'Trips' -> 'trips', but 'EFLOPS' and 'TWh' stay as written."""
    return " ".join(word.lower() if word[:1].isupper() and word[1:].islower() else word for word in text.split())
