"""What a bookmark or note is attached to, read from a fact base: enough to cite it and to find it again.

An anchor is keyed by the report identity, the kind (fact, section, passage) and the id in that report, and
carries the text to re-find it when an id changes: a fact's quote, a section's title, a passage's excerpt.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, get_args

from desktop.store import FactBase
from desktop.userdata.report_files import report_facts

AnchorKind = Literal["fact", "section", "passage"]
ANCHOR_KINDS: tuple[str, ...] = get_args(AnchorKind)
LABEL_LENGTH = 80


@dataclass(frozen=True)
class Anchor:
    report_id: str
    report_title: str
    kind: AnchorKind
    target_id: str  # a fact id, a section id, or a paragraph id (as text)
    quote: str  # a fact's sentence, a section's title, a passage's excerpt: verbatim
    label: str  # what the bookmarks panel calls it
    section_id: str | None
    section_title: str
    citation: str  # the report's citation when the anchor was made


CITATION_STYLE = "apa"


def _citation(factbase: FactBase, kind: AnchorKind, target_id: str, section_title: str, quote: str) -> str:
    """The whole citation line: report, date, section and quote (and the access date: when it was marked)."""
    try:
        # Imported late: citeproc is loaded only when the user marks something, not at the window's start.
        from desktop.domain.citation_items import fact_item, section_item
        from desktop.domain.citations import cite
    except ImportError:  # the citations module is newer than this code's first version
        return f'{factbase.document.citation}. Section "{section_title}". “{quote}”'
    if kind == "fact":
        return cite(fact_item(factbase, target_id), CITATION_STYLE)
    reference = cite(section_item(factbase, target_id), CITATION_STYLE)
    return reference if kind == "section" else f"{reference} “{quote}”"


def fact_anchor(factbase: FactBase, fact_id: str) -> Anchor:
    fact = factbase.fact(fact_id)
    report = report_facts(factbase)
    section = factbase.section(fact.section_id)
    citation = _citation(factbase, "fact", fact.id, section.title, fact.quote)
    return Anchor(report.id, report.title, "fact", fact.id, fact.quote, fact.label, section.id, section.title, citation)


def section_anchor(factbase: FactBase, section_id: str) -> Anchor:
    section = factbase.section(section_id)
    report = report_facts(factbase)
    return Anchor(
        report.id,
        report.title,
        "section",
        section.id,
        section.title,
        section.title,
        section.id,
        section.title,
        _citation(factbase, "section", section.id, section.title, section.title),
    )


def passage_anchor(factbase: FactBase, paragraph_id: int, excerpt: str | None = None) -> Anchor:
    """A paragraph, or a verbatim excerpt of it (a selection in the page); an excerpt not in it is refused."""
    found = factbase.paragraph(paragraph_id)  # UnknownIdError when there is none
    quote = found.text if excerpt is None else excerpt
    if not quote or quote not in found.text:
        raise ValueError(f"the excerpt is not in paragraph {paragraph_id}: {excerpt!r}")
    section = factbase.section(found.section_id)
    report = report_facts(factbase)
    label = quote if len(quote) <= LABEL_LENGTH else quote[: LABEL_LENGTH - 1].rstrip() + "…"
    return Anchor(
        report.id,
        report.title,
        "passage",
        str(paragraph_id),
        quote,
        label,
        section.id,
        section.title,
        _citation(factbase, "passage", section.id, section.title, quote),
    )
