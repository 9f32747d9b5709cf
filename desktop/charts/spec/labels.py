"""Pure helpers for chart text: wrapping category labels, and the scale a value axis reads in."""

from __future__ import annotations

import textwrap

from desktop.domain import i18n
from desktop.domain.i18n import QT_TRANSLATE_NOOP, translate

_SCALES = ((1e9, QT_TRANSLATE_NOOP("Charts", "billion")), (1e6, QT_TRANSLATE_NOOP("Charts", "million")))
_CHINESE_SCALES = ((1e8, "亿"), (1e4, "万"))  # the Chinese interface's numbers are in 亿 and 万, its axes too


def wrap_label(text: str, width: int = 28) -> str:
    """A long category label broken onto lines of at most `width` characters (the renderer draws them)."""
    return "\n".join(textwrap.wrap(text, width)) or text


def axis_scale(largest: float) -> tuple[float, str]:
    """The divisor and word an axis reads in: 1.123e9 -> (1e9, 'billion'), so its label says '(billion)'."""
    chinese = i18n.chinese_numbers()
    for divisor, word in _CHINESE_SCALES if chinese else _SCALES:
        if largest >= divisor:
            return divisor, word if chinese else translate("Charts", word)
    return 1.0, ""
