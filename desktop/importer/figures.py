"""Read a figure as the report writes it ("4.55 million", "79.7%", "3-7 days", "second") as numbers.

Annotations are checked with this: a value that disagrees with its figure stops the build. The short forms
of the bundled report are read by a fixed pattern; anything else by the number finder's own grammar, so a
proposal written out and read back is checked by the rules that found it.
"""

from __future__ import annotations

import re
from decimal import Decimal

ORDINAL_WORDS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5,
    "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10,
}  # fmt: skip
SCALE_WORDS = {"thousand": Decimal(10) ** 3, "million": Decimal(10) ** 6, "billion": Decimal(10) ** 9}

_NUMBER = r"\d[\d,]*(?:\.\d+)?"
_FIGURE = re.compile(
    rf"^(?P<a>{_NUMBER})(?:\s*[-–]\s*(?P<b>{_NUMBER}))?\s*(?P<scale>thousand|million|billion)?"
    r"\s*(?P<suffix>%|\+)?(?:\s+\w+)?$",
    re.IGNORECASE,
)


def _decimal(text: str) -> Decimal:
    return Decimal(text.replace(",", ""))


def parse_figure(figure: str) -> tuple[float, ...]:
    """The number(s) a figure states in base units: one for a value, two for a range.

    >>> parse_figure("4.55 million")
    (4550000.0,)
    >>> parse_figure("3-7 days")
    (3.0, 7.0)
    """
    text = figure.strip()
    if text.lower() in ORDINAL_WORDS:
        return (float(ORDINAL_WORDS[text.lower()]),)
    match = _FIGURE.match(text)
    if not match:
        from desktop.importer.numbers import read_figure

        return read_figure(text)
    scale = SCALE_WORDS.get((match["scale"] or "").lower(), Decimal(1))
    numbers = [match["a"]] + ([match["b"]] if match["b"] else [])
    return tuple(float(_decimal(n) * scale) for n in numbers)
