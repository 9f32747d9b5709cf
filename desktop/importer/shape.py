"""From a flat list of blocks (headings and paragraphs, in reading order) to the document model.

Every reader ends here, so a heading with nothing under it, a sub-heading, the lead and section ids are
treated the same whatever the input format.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from desktop.importer.document import Line, Report, ReportSection, ReportShapeError

_SENTENCE_END = tuple('.!?:;,"”’)…')
GLOSSARY_HEADINGS = re.compile(r"^(?:glossary|glossary of terms|definitions|key terms|terms|terminology)$", re.I)


@dataclass(frozen=True)
class Block:
    line: Line
    heading: bool  # a heading (level 1 is the report's headline in formats that mark it)
    level: int = 2


def is_heading_like(text: str) -> bool:
    """A line that reads as a heading: short and not ending as a sentence does."""
    stripped = text.strip()
    return 0 < len(stripped) <= 120 and len(stripped.split()) <= 14 and not stripped.endswith(_SENTENCE_END)


def slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    words = re.findall(r"[a-z0-9]+", ascii_text.lower())
    return "-".join(words[:6]) or "section"


def bare_term(text: str) -> str:
    """A term as it is compared: no Markdown bold, no quotes, case-folded, spaces collapsed."""
    return " ".join(re.sub(r"[*_“”\"‘’]", "", text).split()).casefold()


def assemble(blocks: list[Block], glossary: list[tuple[Line, Line]]) -> Report:
    """The report: the first block is the headline; paragraphs before the first heading are the lead.

    A heading followed straight away by another heading takes it as its sub-heading; a heading with no
    paragraph under it carries nothing to show and is left out.
    """
    if not blocks:
        raise ReportShapeError("the report has no text")
    headline, rest = blocks[0].line, blocks[1:]
    sections: list[ReportSection] = []
    lead = ReportSection(id="lead", role="lead", heading=headline, subheading=None)
    current = lead
    used_ids = {"lead": 1}
    for block in rest:
        if not block.heading:
            current.paragraphs.append(block.line)
        elif current is not lead and current.subheading is None and not current.paragraphs:
            current.subheading = block.line
        else:
            current = ReportSection(
                id=_unique(slug(block.line.text), used_ids), role="section", heading=block.line, subheading=None
            )
            sections.append(current)
    found = ([lead] if lead.paragraphs else []) + [s for s in sections if s.paragraphs]
    if not any(s.paragraphs for s in found):
        raise ReportShapeError("the report has a title but no paragraphs")
    return Report(headline=headline, sections=found, glossary=glossary)


def _unique(base: str, used: dict[str, int]) -> str:
    """base, or base-2, base-3 ...: used counts each base's ids, so many equal headings cost no search."""
    n = used.get(base, 0)
    while True:
        n += 1
        candidate = base if n == 1 else f"{base}-{n}"
        if candidate not in used:
            used[base] = n
            used.setdefault(candidate, 1)
            return candidate


def trailing_glossary(lines: list[Line]) -> tuple[int, int]:
    """Where the body ends and a trailing glossary's term/definition pairs start in lines.

    A glossary is a heading such as "Glossary" followed by term/definition pairs, or, without one, the longest
    run of pairs at the end whose term is a heading-like line named again at the start of its definition.
    With no glossary both are len(lines).
    """
    for i, line in enumerate(lines):
        if GLOSSARY_HEADINGS.match(line.text.strip()) and i + 1 < len(lines):
            rest = lines[i + 1 :]
            if len(rest) % 2 == 0 or all(_TERM_COLON.match(r.text) for r in rest):
                return i, i + 1
    start = len(lines)
    while start >= 2:
        term, definition = lines[start - 2], lines[start - 1]
        if not is_heading_like(term.text) or is_heading_like(definition.text):
            break
        if bare_term(term.text) not in bare_term(definition.text)[:200]:
            break
        start -= 2
    return start, start


_TERM_COLON = re.compile(r"^(?:\*\*)?(?P<term>[^:：*]{1,80}?)(?:\*\*)?\s*[:：]\s+(?P<text>\S.*)$")


def pairs(lines: list[Line]) -> list[tuple[Line, Line]]:
    """A glossary's entries: "Term: definition" lines, or a term line followed by its definition line."""
    if lines and all(_TERM_COLON.match(line.text) for line in lines):
        entries = [(line.number, _TERM_COLON.match(line.text)) for line in lines]
        return [(Line(n, m["term"].strip()), Line(n, m["text"].strip())) for n, m in entries if m]
    return [(lines[i], lines[i + 1]) for i in range(0, len(lines) - 1, 2)]
