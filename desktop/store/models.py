"""Plain, immutable records of a fact base. Everything above the store speaks in these."""

from __future__ import annotations

from dataclasses import dataclass

UNDATED = ("", "undated")  # what a fact base's source_date holds when the report states no date


@dataclass(frozen=True)
class Document:
    title: str  # the report's headline
    source_file: str
    source_date: str  # the report's own date as its text gives it, or "undated"
    source_as_of: str
    factbase_version: str
    schema_version: int
    builder_version: str
    path: str  # the fact base file it was read from
    publisher: str = ""  # only where the report names one
    date_note: str = ""  # how the report's date (or the lack of one) is known
    period_notes: tuple[tuple[str, str], ...] = ()  # (period, how a fact's period is known from the text)

    @property
    def is_dated(self) -> bool:
        return self.source_date.strip().lower() not in UNDATED

    @property
    def dated(self) -> str:
        """The report's date as a reader is told it: "Report dated 2025-03", or "Undated report"."""
        return f"Report dated {self.source_date}" if self.is_dated else "Undated report"

    def period_note(self, period: str) -> str:
        """How a period is known from the report's text ("" where the fact base does not say)."""
        return next((note for name, note in self.period_notes if name == period), "")

    @property
    def citation(self) -> str:
        """How exported charts and printed sheets cite the report: its title, its publisher where it names one,
        its date only as the report gives it, and when its figures are as of (source() naming no section)."""
        return self.source()

    def source(self, *sections: str) -> str:
        """The citation naming the sections a figure comes from, where there are any; a reader sees it after
        "Source: " (a chart's footer, a sheet's page foot)."""
        where = "; ".join(dict.fromkeys(s for s in sections if s))
        named = ", ".join(part for part in (self.title, self.publisher, where and f"section {where}") if part)
        return f"{named}. {self.dated}; figures as of {self.source_as_of}"


@dataclass(frozen=True)
class Section:
    id: str
    position: int
    role: str  # "lead" (the report's opening paragraph) or "section"
    title: str
    subheading: str | None
    headline_fact_id: str | None
    source_line: int


@dataclass(frozen=True)
class Paragraph:
    id: int  # the line number in the source report
    section_id: str
    position: int
    role: str  # "subheading" or "body"
    text: str


@dataclass(frozen=True)
class Fact:
    id: str
    section_id: str
    position: int
    label: str
    value: float | None  # None for a range: see value_min / value_max
    value_min: float | None
    value_max: float | None
    unit: str
    qualifier: str  # "exact", "over", "more than", "+", "approximately", ...
    period: str
    kind: str  # "count", "share", "rank", "growth", "duration range"
    quote: str  # the sentence it comes from, verbatim
    figure: str | None  # the figure as written in the quote; None when derived
    paragraph_id: int
    quote_start: int  # offset of the quote in its paragraph
    figure_start: int | None  # offset of the figure in the quote
    derived: bool
    formula: str | None
    derived_from: tuple[str, ...]

    @property
    def is_range(self) -> bool:
        return self.value is None and self.value_min is not None

    def figure_span(self) -> tuple[int, int] | None:
        """Where the figure stands in its paragraph, as (start, end) offsets."""
        if self.figure is None or self.figure_start is None:
            return None
        start = self.quote_start + self.figure_start
        return start, start + len(self.figure)


@dataclass(frozen=True)
class FactHeading:
    """The headline or a sub-heading that states a fact's figure again."""

    fact_id: str
    location: str  # "headline" or "subheading"
    text: str
    figure: str
    figure_start: int


@dataclass(frozen=True)
class GlossaryTerm:
    term: str
    position: int
    definition: str  # verbatim, Markdown **bold** kept as markup


@dataclass(frozen=True)
class TermMention:
    term: str
    section_id: str
    paragraph_id: int
    start: int  # offset in the paragraph
    length: int
    fact_id: str | None  # the fact whose quote holds the mention, if any
