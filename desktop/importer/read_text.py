"""Plain text in the bundled report's shape: headline, lead, headings, paragraphs, a trailing glossary.

Each non-blank line is a block and keeps its line number as its paragraph id. `read_plain_text` finds the
shape by itself; `read_structured_text` reads the bundled report against the sections its structure.toml
names, and refuses a report whose lines are not where that file says.
"""

from __future__ import annotations

from itertools import pairwise

from desktop.importer.document import Line, Report, ReportSection, ReportShapeError
from desktop.importer.shape import Block, assemble, is_heading_like, pairs, trailing_glossary


def text_lines(text: str) -> list[Line]:
    return [Line(n, t) for n, t in enumerate(text.split("\n"), start=1) if t.strip()]


def read_plain_text(text: str) -> Report:
    lines = [Line(line.number, line.text.rstrip("\r")) for line in text_lines(text)]
    if not lines:
        raise ReportShapeError("the report has no text")
    body_end, glossary_start = trailing_glossary(lines)
    body = lines[:body_end]
    # The first line is the headline even when it ends with a full stop.
    blocks = [Block(body[0], heading=True, level=1)] + [Block(line, is_heading_like(line.text)) for line in body[1:]]
    return assemble(blocks, pairs(lines[glossary_start:]))


def read_structured_text(text: str, structure: dict) -> Report:
    """The bundled report's reading: headline, lead, the sections structure.toml names, a lone heading, glossary."""
    lines = text_lines(text)
    if len(lines) < 2:
        raise ReportShapeError("the report needs a headline and a lead paragraph")
    headline, lead = lines[0], lines[1]
    rest = lines[2:]
    headings = [s["heading"] for s in structure["section"]]
    lone = structure["lead"]["heading"]

    def index_of(wanted: str) -> int:
        for i, line in enumerate(rest):
            if line.text == wanted:
                return i
        raise ReportShapeError(f"heading not found in the report: {wanted!r}")

    starts = [index_of(h) for h in headings]
    lone_at = index_of(lone)
    if starts != sorted(starts) or (starts and lone_at < starts[-1]):
        raise ReportShapeError("the sections are not in the order structure.toml gives")
    if starts and starts[0] != 0:
        raise ReportShapeError(f"unexpected line before the first section: {rest[0].text[:60]!r}")

    sections = [
        ReportSection(
            id=structure["lead"]["id"], role="lead", heading=rest[lone_at], subheading=None, paragraphs=[lead]
        )
    ]
    bounds = starts + [lone_at]
    for spec, (begin, end) in zip(structure["section"], pairwise(bounds), strict=True):
        block = rest[begin:end]
        if len(block) < 3:
            raise ReportShapeError(f"section {spec['heading']!r} needs a sub-heading and a paragraph")
        sections.append(
            ReportSection(id=spec["id"], role="section", heading=block[0], subheading=block[1], paragraphs=block[2:])
        )

    tail = rest[lone_at + 1 :]
    if len(tail) % 2:
        raise ReportShapeError("the glossary has a term without a definition")
    return Report(headline=headline, sections=sections, glossary=pairs(tail))
