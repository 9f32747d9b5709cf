"""Read the source report's lines into its structure, checked against resources/structure.toml.

The report is plain text: the headline, the lead paragraph, three sections (heading, sub-heading,
paragraphs), a lone line, then the glossary as term/definition pairs. Anything else is a build error, so
a changed report cannot silently produce a fact base with a section missing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import pairwise


class ReportShapeError(ValueError):
    """The report's lines do not have the shape structure.toml describes."""


@dataclass(frozen=True)
class Line:
    number: int  # 1-based line number in the source file
    text: str


@dataclass
class ReportSection:
    id: str
    role: str  # "lead" or "section"
    heading: Line
    subheading: Line | None
    paragraphs: list[Line] = field(default_factory=list)


@dataclass
class Report:
    headline: Line
    sections: list[ReportSection]
    glossary: list[tuple[Line, Line]]  # (term, definition)

    def body_lines(self) -> list[Line]:
        """Every line of the report's body: headline, headings, sub-headings and paragraphs."""
        lines = [self.headline]
        for section in self.sections:
            if section.role == "section":
                lines.append(section.heading)
            if section.subheading is not None:
                lines.append(section.subheading)
            lines.extend(section.paragraphs)
        return sorted(lines, key=lambda line: line.number)


def parse_report(text: str, structure: dict) -> Report:
    lines = [Line(n, t) for n, t in enumerate(text.split("\n"), start=1) if t.strip()]
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
    glossary = [(tail[i], tail[i + 1]) for i in range(0, len(tail), 2)]
    return Report(headline=headline, sections=sections, glossary=glossary)
