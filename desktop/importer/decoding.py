"""Bytes of a text report to str: UTF-8 (with or without BOM), UTF-16 with a BOM, else Windows-1252 / Latin-1.

The rule for the 8-bit fallback: the bytes must decode as Windows-1252 (which Latin-1 text also does, but
for its rarely used C1 controls), and the result must look like text (few control characters, mostly ASCII
letters). Anything else is refused with one sentence rather than imported as mojibake.
"""

from __future__ import annotations

import codecs
import re


class UndecodableText(ValueError):
    """The bytes are not text in an encoding the importer reads."""


_BOMS = [
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
]


def looks_binary(data: bytes) -> bool:
    """NUL bytes or many control characters in the first 8 KiB: an image, an archive, an executable."""
    head = data[:8192]
    if b"\x00" in head:
        return True
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13))
    return controls > len(head) * 0.02


def declared_charset(data: bytes) -> str | None:
    """The encoding an HTML page declares in its first 2 KiB (`<meta charset="...">`), if Python knows it."""
    match = re.search(rb"""charset\s*=\s*["']?([A-Za-z0-9_.:-]{2,40})""", data[:2048])
    if match is None:
        return None
    try:
        return codecs.lookup(match.group(1).decode("ascii")).name
    except LookupError:
        return None


def decode_text(data: bytes, declared: str | None = None) -> tuple[str, str]:
    """(text, encoding name). Newlines are normalised to \\n; nothing else changes, so quotes stay verbatim.

    A byte-order mark wins; then the encoding the file declares (HTML), if the bytes are valid in it.
    """
    for bom, name in _BOMS:
        if data.startswith(bom):
            try:
                return _clean(data.decode(name)), name
            except UnicodeDecodeError:
                raise UndecodableText(f"starts with a {name} byte-order mark but is not valid {name}") from None
    if looks_binary(data):
        raise UndecodableText("looks like a binary file, not text")
    if declared and declared not in ("utf-8", "ascii"):
        try:
            return _clean(data.decode(declared)), declared
        except UnicodeDecodeError:
            pass  # a wrong declaration is common: read it by the rules below
    try:
        return _clean(data.decode("utf-8")), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        raise UndecodableText("is not UTF-8, UTF-16 or Windows-1252/Latin-1 text; save it as UTF-8") from None
    letters = sum(1 for c in text if c.isalpha())
    ascii_letters = sum(1 for c in text if c.isascii() and c.isalpha())
    if letters == 0 or ascii_letters < letters * 0.7:
        raise UndecodableText("is not UTF-8, and read as Windows-1252 it is not readable text; save it as UTF-8")
    return _clean(text), "cp1252"


def _clean(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")
