"""The little Markdown that stored text carries: **bold** in glossary definitions (and, later, notes).

One reader, used by pages (HTML), sheets (runs of text) and the CLI (plain words), so that the three agree on
what is bold. The text itself is never interpreted as markup: only the ** markers are read.
"""

from __future__ import annotations

import re

_BOLD = re.compile(r"\*\*(.+?)\*\*", re.S)


def bold_pieces(text: str) -> list[tuple[str, bool]]:
    """'The **Code** is' -> [('The ', False), ('Code', True), (' is', False)]; markers dropped, nothing else."""
    pieces: list[tuple[str, bool]] = []
    pos = 0
    for match in _BOLD.finditer(text):
        if match.start() > pos:
            pieces.append((text[pos : match.start()], False))
        pieces.append((match.group(1), True))
        pos = match.end()
    if pos < len(text):
        pieces.append((text[pos:], False))
    return pieces


def plain_text(text: str) -> str:
    """The words as a reader sees them, bold markers dropped."""
    return "".join(piece for piece, _bold in bold_pieces(text))
