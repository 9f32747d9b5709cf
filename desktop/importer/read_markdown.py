"""Markdown: `#` headings (ATX or underlined), paragraphs of one or more lines, list items, and a glossary as
`**term**: definition` lines or a "Glossary" section. Code blocks, tables, rules and HTML comments are left out.

Inline markup is taken off body text (`**4.2 TWh**` reads "4.2 TWh"); glossary definitions keep it, as the
bundled report's do. A block's number is its first source line.
"""

from __future__ import annotations

import re

from desktop.importer.document import Line, Report
from desktop.importer.shape import GLOSSARY_HEADINGS, Block, assemble, bare_term

_ATX = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$")
_SETEXT = re.compile(r"^\s{0,3}(=+|-+)\s*$")
_LIST = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")
_RULE = re.compile(r"^\s{0,3}(?:(?:-\s*){3,}|(?:\*\s*){3,}|(?:_\s*){3,})$")
_TERM = re.compile(r"^\s*(?:\*\*|__)(?P<term>[^*_]+?)(?:\*\*|__)\s*(?:[:：—–-]\s*|\s*\*\*:\*\*\s*)(?P<text>\S.*)$")
_TERM_COLON_INSIDE = re.compile(r"^\s*\*\*(?P<term>[^*]+?):\*\*\s*(?P<text>\S.*)$")


def strip_inline(text: str) -> str:
    """Markdown's inline markup off a line: emphasis, code, links and images kept as their words."""
    text = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"(\*\*|__)(.+?)\1", r"\2", text)
    text = re.sub(r"(?<![\w*])([*_])(?!\s)(.+?)(?<!\s)\1(?![\w*])", r"\2", text)
    return re.sub(r"`([^`]*)`", r"\1", text)


def _glossary_entry(text: str) -> tuple[str, str] | None:
    match = _TERM_COLON_INSIDE.match(text) or _TERM.match(text)
    return (match["term"].strip(), match["text"].strip()) if match else None


def read_markdown(text: str) -> Report:
    items = _items(text.split("\n"))
    blocks: list[Block] = []
    glossary: list[tuple[Line, Line]] = []
    in_glossary = False
    pending_term: Line | None = None
    for kind, level, line in items:
        if kind == "heading":
            in_glossary = bool(GLOSSARY_HEADINGS.match(line.text))
            pending_term = None
            if not in_glossary:
                blocks.append(Block(Line(line.number, strip_inline(line.text)), heading=True, level=level))
            continue
        entry = _glossary_entry(line.text)
        if in_glossary:
            if entry:
                glossary.append((Line(line.number, entry[0]), Line(line.number, entry[1])))
            elif pending_term is None and len(line.text.split()) <= 8:
                pending_term = Line(line.number, strip_inline(line.text))
            elif pending_term is not None:
                glossary.append((pending_term, line))
                pending_term = None
            continue
        blocks.append(Block(Line(line.number, strip_inline(line.text)), heading=False))
    # Without a Glossary heading, a trailing run of "**term**: definition" paragraphs is the glossary.
    if not glossary:
        tail: list[tuple[Line, Line]] = []
        while blocks and not blocks[-1].heading:
            raw = next(it for it in items if it[2].number == blocks[-1].line.number)[2].text
            entry = _glossary_entry(raw)
            if not entry or bare_term(entry[0]) == "":
                break
            number = blocks.pop().line.number
            tail.insert(0, (Line(number, entry[0]), Line(number, entry[1])))
        glossary = tail
    if blocks and not blocks[0].heading:
        blocks[0] = Block(blocks[0].line, heading=True, level=1)
    return assemble(blocks, glossary)


def _items(lines: list[str]) -> list[tuple[str, int, Line]]:
    """Headings and paragraphs with their first line numbers."""
    items: list[tuple[str, int, Line]] = []
    paragraph: list[str] = []
    start = 0
    fenced = False
    comment = False

    def flush() -> None:
        if paragraph:
            items.append(("paragraph", 0, Line(start, " ".join(p.strip() for p in paragraph))))
            paragraph.clear()

    for number, raw in enumerate(lines, start=1):
        stripped = raw.strip()
        if stripped.startswith(("```", "~~~")):
            flush()
            fenced = not fenced
            continue
        if fenced:
            continue
        if comment or stripped.startswith("<!--"):
            comment = "-->" not in stripped
            continue
        heading = _ATX.match(raw)
        if heading:
            flush()
            items.append(("heading", len(heading.group(1)), Line(number, heading.group(2))))
            continue
        if paragraph and len(paragraph) == 1 and _SETEXT.match(raw) and not _LIST.match(paragraph[0]):
            level = 1 if raw.strip().startswith("=") else 2
            items.append(("heading", level, Line(start, paragraph[0].strip())))
            paragraph.clear()
            continue
        if not stripped or _RULE.match(raw) or stripped.startswith("|"):
            flush()
            continue
        if _LIST.match(raw) or stripped.startswith(">"):
            flush()
            start = number
            paragraph.append(_LIST.sub("", stripped.lstrip("> ")))
            continue
        if not paragraph:
            start = number
        paragraph.append(stripped)
    flush()
    return items
