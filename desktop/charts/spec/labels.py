"""Pure helpers for chart text: wrapping category labels, and the scale a value axis reads in."""

from __future__ import annotations

import textwrap

_SCALES = ((1e9, "billion"), (1e6, "million"))


def wrap_label(text: str, width: int = 28) -> str:
    """A long category label broken onto lines of at most `width` characters (the renderer draws them)."""
    return "\n".join(textwrap.wrap(text, width)) or text


def axis_scale(largest: float) -> tuple[float, str]:
    """The divisor and word an axis reads in: 1.123e9 -> (1e9, 'billion'), so its label says '(billion)'."""
    for divisor, word in _SCALES:
        if largest >= divisor:
            return divisor, word
    return 1.0, ""
