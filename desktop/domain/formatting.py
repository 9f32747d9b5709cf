"""Numbers as people read them: 4.55 million, 79.7%, 3–7 days, 2nd, over 100 million, 2,600+.

Pure functions over store.Fact, shared by the window, the charts, the sheets and the CLI so that a figure
reads the same everywhere. In the Chinese interface (desktop.domain.i18n) numbers are written the Chinese way,
in 万 and 亿 (4.55 million as 455万, 1.123 billion as 11.23亿), ranks as 第2; the report's text stays as written.
"""

from __future__ import annotations

from desktop.domain import i18n
from desktop.domain.i18n import QT_TRANSLATE_NOOP, translate
from desktop.store.models import Fact

_CHINESE_SCALES = ((1e8, "亿"), (1e4, "万"))

_SCALES = ((1e9, "billion"), (1e6, "million"))
_QUALIFIER_PREFIX = {
    "over": QT_TRANSLATE_NOOP("Formatting", "over"),
    "more than": QT_TRANSLATE_NOOP("Formatting", "more than"),
    "at least": QT_TRANSLATE_NOOP("Formatting", "at least"),
    "approximately": QT_TRANSLATE_NOOP("Formatting", "about"),
    "up to": QT_TRANSLATE_NOOP("Formatting", "up to"),
    "nearly": QT_TRANSLATE_NOOP("Formatting", "nearly"),
    "less than": QT_TRANSLATE_NOOP("Formatting", "less than"),
    "exceeded": QT_TRANSLATE_NOOP("Formatting", "over"),  # "exceeded 5 million": more than 5 million
}


def format_number(value: float) -> str:
    """1123000000 -> '1.123 billion', 35000 -> '35,000', 79.7 -> '79.7'; in Chinese 11.23亿, 3.5万."""
    if i18n.chinese_numbers():
        return _chinese_number(value)
    for scale, word in _SCALES:
        if abs(value) >= scale:
            return f"{value / scale:,.3f}".rstrip("0").rstrip(".") + f" {word}"
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def _chinese_number(value: float) -> str:
    for scale, word in _CHINESE_SCALES:
        if abs(value) >= scale:
            return f"{value / scale:,.4f}".rstrip("0").rstrip(".") + word
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def ordinal(n: int) -> str:
    if i18n.chinese_numbers():
        return f"第{n}"
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def format_amount(value: float, unit: str) -> str:
    """A number as its unit reads: '79.7%', '2nd', '4.55 million' (other units' words are left to the caller)."""
    if unit == "%":
        return f"{format_number(value)}%"
    if unit == "rank":
        return ordinal(int(value))
    return format_number(value)


def format_value(fact: Fact) -> str:
    """The value alone, without qualifier or unit words: '4.55 million', '79.7%', '+70%', '3–7', '2nd'."""
    if fact.is_range:
        return f"{format_number(fact.value_min or 0)}–{format_number(fact.value_max or 0)}"
    assert fact.value is not None
    sign = "+" if fact.kind == "growth" else ""
    return sign + format_amount(fact.value, fact.unit)


def format_with_qualifier(fact: Fact) -> str:
    """The value as the report qualifies it: 'over 100 million', '2,600+', 'more than 1.2 billion'."""
    value = format_value(fact)
    if fact.qualifier == "+":
        return f"{value}+"
    prefix = _QUALIFIER_PREFIX.get(fact.qualifier)
    if prefix and i18n.chinese_numbers():
        return f"{translate('Formatting', prefix)}{value}"
    return f"{prefix} {value}" if prefix else value


def format_fact(fact: Fact) -> str:
    """The whole figure in words: 'over 100 million consultations', '3–7 days', '79.7%', '2nd'."""
    text = format_with_qualifier(fact)
    if fact.unit in ("%", "rank"):
        return text
    return f"{text} {fact.unit}"


_QUALIFIER_SIGN = {
    "over": ">",
    "more than": ">",
    "exceeded": ">",
    "at least": "≥",
    "approximately": "~",
    "nearly": "≈",
    "up to": "≤",
    "less than": "<",
}


def compact_figures(fact: Fact) -> tuple[str, ...]:
    """Shorter ways to write the figure, longest first, for a column too narrow for format_fact: the qualifier as
    a sign, then without the unit's words, then its magnitude abbreviated. Never the number cut: '> 1.2 billion
    people', '> 1.2 billion', '> 1.2 bn'."""
    sign = _QUALIFIER_SIGN.get(fact.qualifier)
    value = format_value(fact)
    number = f"{sign} {value}" if sign else f"{value}+" if fact.qualifier == "+" else value
    short = number
    for word, abbreviation in _SHORT_MAGNITUDES:
        short = short.replace(word, abbreviation)
    forms = (number,) if fact.unit in ("%", "rank") else (f"{number} {fact.unit}", number)
    return (*forms, short) if short != number else forms


_SHORT_MAGNITUDES = ((" trillion", " tn"), (" billion", " bn"), (" million", " m"), (" thousand", "k"))


def unit_label(unit: str) -> str:
    """An axis label for a unit: 'people', 'per cent', 'days'."""
    return {"%": translate("Formatting", "per cent"), "rank": translate("Formatting", "rank")}.get(unit, unit)


def derived_note(fact: Fact) -> str:
    """How a derived value is marked wherever it appears: 'not stated in the report; derived: 3,328 ÷ …'."""
    if not fact.derived:
        return ""
    return "not stated in the report; derived" + (f": {fact.formula}" if fact.formula else "")


def fact_sentence(fact: Fact) -> str:
    """A fact in one line, as copied: label, figure, period, and a derived value's mark and formula."""
    text = f"{fact.label}: {format_fact(fact)} ({fact.period})"
    return f"{text} [{derived_note(fact)}]" if fact.derived else text


def number_text(value: float | None) -> str:
    """A value as a data file writes it: '4550000' for a whole number, '79.7' otherwise, '' for none."""
    if value is None:
        return ""
    return str(int(value)) if float(value).is_integer() else repr(float(value))


def plain_number(value: float | None) -> float | int | None:
    """A value as JSON or TOML writes it: 4550000.0 reads as a float artefact, so whole numbers become integers."""
    return int(value) if value is not None and float(value).is_integer() else value
