"""The bundled report's reading, checked against resources/structure.toml: the importer's plain-text reader.

The report is plain text: the headline, the lead paragraph, three sections (heading, sub-heading,
paragraphs), a lone line, then the glossary as term/definition pairs. Anything else is a build error, so
a changed report cannot silently produce a fact base with a section missing.
"""

from __future__ import annotations

from desktop.importer.document import Line, Report, ReportSection, ReportShapeError
from desktop.importer.read_text import read_structured_text


def parse_report(text: str, structure: dict) -> Report:
    return read_structured_text(text, structure)


__all__ = ["Line", "Report", "ReportSection", "ReportShapeError", "parse_report"]
