"""Translation for code below Qt: `translate(context, text)`, the same call Qt's tools extract.

Pages, sheets and chart specs are built without Qt, yet their headings ("Sections", "In words") are part of the
interface. They call translate() here; the window installs Qt's QCoreApplication.translate at start, so they
follow its language, while the command line (no translator installed) keeps the source text. The report's own
text is never passed through here: it stays as written.
"""

from __future__ import annotations

from collections.abc import Callable

Translator = Callable[[str, str], str]


def _identity(_context: str, text: str) -> str:
    return text


_translator: Translator = _identity
_chinese_numbers = False


def translate(context: str, text: str) -> str:
    return _translator(context, text)


def install(translator: Translator, *, chinese_numbers: bool = False) -> None:
    """Use translator for interface text, and write numbers the Chinese way (455万, 11.23亿) if asked."""
    global _translator, _chinese_numbers
    _translator = translator
    _chinese_numbers = chinese_numbers


def reset() -> None:
    install(_identity)


def chinese_numbers() -> bool:
    return _chinese_numbers


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name Qt's tools look for
    """Marks text for translation where it is defined (a table of words); translate() is called where it is shown."""
    return text
