"""The one document model every reader produces: a headline, sections of paragraphs, a glossary.

A Line is a block of text with a stable number: the source line for plain text and Markdown (the bundled
fact base uses these as paragraph ids), the block's reading order for HTML and PDF.
"""

from __future__ import annotations

from dataclasses import dataclass, field


class ReportShapeError(ValueError):
    """The report's lines do not have the shape expected of them."""


@dataclass(frozen=True)
class Line:
    number: int  # the paragraph id: a 1-based source line, or the block's place in reading order
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

    def word_count(self) -> int:
        return sum(len(p.text.split()) for s in self.sections for p in s.paragraphs)
