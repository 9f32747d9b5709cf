"""Where a paragraph's figures, its quoted sentence and its glossary terms stand: the marks pages and sheets share.

A page turns each mark into a link or a highlight (desktop.text.pages); a printed sheet into a run of emphasised
or highlighted text (desktop.export.sheet_content). Both read the same marks, so a figure highlighted on screen
is the figure highlighted on paper. A section's facts, headings and term mentions are read once per section
(SectionMarks), never once per paragraph.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cached_property
from typing import Literal, TypeVar

from desktop.domain.target import Target
from desktop.store import Fact, FactBase, FactHeading, Paragraph, TermMention

MarkRole = Literal["quote", "figure", "term"]
T = TypeVar("T")
K = TypeVar("K")
PAGE_FACTS = 100  # a page lists and marks at most this many of a section's facts; the tree and All Facts hold all


@dataclass(frozen=True)
class Mark:
    start: int
    end: int
    role: MarkRole
    target: Target | None = None  # what a click on it opens (a fact, a term); None for the quote
    current: bool = False  # the figure of the fact being viewed
    title: str = ""  # a tooltip: the fact's label


@dataclass(frozen=True)
class SectionMarks:
    """Everything needed to mark up one section's paragraphs, read in a handful of queries."""

    facts: tuple[Fact, ...]
    headings: tuple[tuple[Fact, FactHeading], ...]
    mentions: tuple[TermMention, ...]

    @classmethod
    def read(cls, fb: FactBase, section_id: str, limit: int = PAGE_FACTS) -> SectionMarks:
        """The section's first `limit` facts (a page shows no more), their headings and the term mentions."""
        facts = tuple(fb.facts_in_section(section_id, 0, limit))
        by_fact = fb.fact_headings_for(f.id for f in facts)
        headings = tuple((f, h) for f in facts for h in by_fact.get(f.id, []))
        return cls(facts, headings, tuple(fb.term_mentions(section_id=section_id)))

    @classmethod
    def read_paragraph(cls, fb: FactBase, paragraph: Paragraph) -> SectionMarks:
        """The marks of one paragraph alone (a fact page's source): its facts, their headings, its mentions."""
        facts = tuple(fb.facts_in_paragraph(paragraph.id))
        by_fact = fb.fact_headings_for(f.id for f in facts)
        headings = tuple((f, h) for f in facts for h in by_fact.get(f.id, []))
        mentions = fb.term_mentions(section_id=paragraph.section_id, paragraph_id=paragraph.id)
        return cls(facts, headings, tuple(mentions))

    def marks(self, para: Paragraph, current: Fact | None = None, *, terms: bool = True) -> list[Mark]:
        """The marks of one paragraph (or sub-heading): the current fact's quote, every figure, every term."""
        marks: list[Mark] = []
        if current is not None and current.paragraph_id == para.id:
            marks.append(Mark(current.quote_start, current.quote_start + len(current.quote), "quote"))
        for fact in self._facts_by_paragraph.get(para.id, ()):
            span = fact.figure_span()
            if span is not None:
                marks.append(_figure(span[0], span[1], fact, current))
        for fact, heading in self._subheadings_by_text.get(para.text, ()):
            marks.append(_figure(heading.figure_start, heading.figure_start + len(heading.figure), fact, current))
        if terms:
            marks += [
                Mark(m.start, m.start + m.length, "term", Target.term(m.term))
                for m in self._mentions_by_paragraph.get(para.id, ())
            ]
        return marks

    # Grouped once, so that marking a section's paragraphs is one pass over its facts, not one per paragraph
    # (251 paragraphs × 100 facts: 25,000 figure spans for one page of a large report).
    @cached_property
    def _facts_by_paragraph(self) -> dict[int, list[Fact]]:
        return _grouped(self.facts, lambda f: f.paragraph_id)

    @cached_property
    def _subheadings_by_text(self) -> dict[str, list[tuple[Fact, FactHeading]]]:
        return _grouped((p for p in self.headings if p[1].location == "subheading"), lambda p: p[1].text)

    @cached_property
    def _mentions_by_paragraph(self) -> dict[int, list[TermMention]]:
        return _grouped(self.mentions, lambda m: m.paragraph_id)


def _grouped(items: Iterable[T], key: Callable[[T], K]) -> dict[K, list[T]]:
    """Items by key, each group in the items' order."""
    groups: dict[K, list[T]] = {}
    for item in items:
        groups.setdefault(key(item), []).append(item)
    return groups


def _figure(start: int, end: int, fact: Fact, current: Fact | None) -> Mark:
    is_current = current is not None and fact.id == current.id
    return Mark(start, end, "figure", Target.fact(fact.id), is_current, fact.label)


def headline_marks(fb: FactBase) -> list[Mark]:
    """The figures the report's headline states, each pointing at its fact."""
    title = fb.document.title
    return [
        Mark(h.figure_start, h.figure_start + len(h.figure), "figure", Target.fact(h.fact_id))
        for h in fb.headings_at("headline")
        if h.text == title
    ]
