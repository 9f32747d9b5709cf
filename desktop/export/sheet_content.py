"""What goes on a printed fact sheet: plain blocks of text, tables and chart boxes, built from the store. No Qt.

The painting side (sheet_layout / sheet_pages) decides where each block lands on paper; this module decides only
what is said, so the same words reach a PDF, a printer and the tests.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from desktop.domain.formatting import derived_note, format_fact
from desktop.domain.target import Target, resolve
from desktop.store import Fact, FactBase, UnknownIdError
from desktop.text.markdown import bold_pieces
from desktop.text.spans import PAGE_FACTS, SectionMarks


def sheet_target(factbase: FactBase, wanted: str | None) -> Target:
    """What to print, from a fact id or a section id as typed by a user; None means the whole report.

    Unknown ids raise UnknownIdError naming the nearest; a glossary term has no sheet of its own.
    """
    if wanted is None:
        return Target.report()
    target = resolve(factbase, wanted)
    if target.kind == "term":
        raise UnknownIdError("fact or section", wanted, [])
    return target


# Blocks ------------------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Run:
    """A stretch of text with one look. emphasis: the quoted sentence; highlight: the figure inside it."""

    text: str
    bold: bool = False
    emphasis: bool = False
    highlight: bool = False


@dataclass(frozen=True)
class Heading:
    text: str
    level: int  # 0 sheet title, 1 part heading, 2 sub-heading, 3 small kicker above a title
    anchor: str | None = None  # the contents page points here


@dataclass(frozen=True)
class BigValue:
    value: str  # "over 100 million consultations"
    details: tuple[str, ...]  # "Period: annually", a derived marker


@dataclass(frozen=True)
class Text:
    runs: tuple[Run, ...]
    style: str = "body"  # "body", "lead" (a section's sub-heading), "note" (small, grey)


@dataclass(frozen=True)
class Source:
    """The source sentence, shown inside its paragraph when the page has room, else alone."""

    in_paragraph: tuple[Run, ...]
    alone: tuple[Run, ...]


@dataclass(frozen=True)
class ChartBox:
    """Where a fact's chart, or a section's overview chart, goes."""

    target: Target


@dataclass(frozen=True)
class Table:
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    widths: tuple[float, ...]  # fractions of the text width


@dataclass(frozen=True)
class Definition:
    term: str
    runs: tuple[Run, ...]


@dataclass(frozen=True)
class ContentsEntry:
    title: str
    anchor: str
    level: int  # 0 a section or the glossary, 1 a fact under its section


@dataclass(frozen=True)
class Contents:
    entries: tuple[ContentsEntry, ...]


Block = Heading | BigValue | Text | Source | ChartBox | Table | Definition | Contents


@dataclass(frozen=True)
class SheetPart:
    """A run of blocks that starts on a new page. one_page: squeeze it onto a single page (a fact's sheet).
    shares_page: it may go on the page of the part before it, when both are such parts and fit there whole (the
    fact sheets of a whole report, each alone on a page half empty)."""

    blocks: tuple[Block, ...]
    one_page: bool = False
    shares_page: bool = False


@dataclass(frozen=True)
class Sheet:
    title: str  # the PDF's document name
    parts: tuple[SheetPart, ...]
    citation: str
    printed_on: str = field(default_factory=lambda: date.today().isoformat())


# Text helpers ------------------------------------------------------------------------------------------------
def markdown_runs(text: str) -> tuple[Run, ...]:
    """Glossary definitions keep Markdown **bold**: 'The **Code** is' → runs with 'Code' bold, markers dropped."""
    return tuple(Run(piece, bold=bold) for piece, bold in bold_pieces(text))


def marked_runs(text: str, emphasis: tuple[int, int] | None, *highlights: tuple[int, int] | None) -> tuple[Run, ...]:
    """Cut text into runs at the edges of the emphasised span and of each highlighted span (offsets into text)."""
    cuts = {0, len(text)}
    for span in (emphasis, *highlights):
        if span is not None:
            cuts.update(max(0, min(len(text), edge)) for edge in span)
    edges = sorted(cuts)

    def inside(span: tuple[int, int] | None, start: int) -> bool:
        return span is not None and span[0] <= start < span[1]

    return tuple(
        Run(text[a:b], emphasis=inside(emphasis, a), highlight=any(inside(h, a) for h in highlights))
        for a, b in zip(edges, edges[1:], strict=False)
        if b > a
    )


def _source(factbase: FactBase, fact: Fact) -> Source:
    paragraph = next(p for p in factbase.paragraphs(fact.section_id) if p.id == fact.paragraph_id)
    quote_span = (fact.quote_start, fact.quote_start + len(fact.quote))
    figure = fact.figure_span()
    alone_figure = (figure[0] - fact.quote_start, figure[1] - fact.quote_start) if figure else None
    return Source(
        in_paragraph=marked_runs(paragraph.text, quote_span, figure),
        alone=marked_runs(fact.quote, (0, len(fact.quote)), alone_figure),
    )


GLOSSARY_NOTE = "The report's own glossary: its terms and definitions quoted as given, not checked or edited."


# Sheets ------------------------------------------------------------------------------------------------------
def fact_blocks(factbase: FactBase, fact: Fact, *, in_report: bool = False) -> tuple[Block, ...]:
    """A fact's one-page sheet. In the whole report its sentence stands alone: its paragraph was printed on its
    section's pages just before."""
    section = factbase.section(fact.section_id)
    details = [f"Period: {fact.period}"]
    how = factbase.document.period_note(fact.period)
    if fact.derived:  # the formula itself is printed once, under "How it is derived"
        details.append("Derived: not stated in the report; worked out below" if fact.formula else derived_note(fact))
    source = _source(factbase, fact)
    if in_report:
        source = Source(in_paragraph=source.alone, alone=source.alone)
    blocks: list[Block] = [
        Heading(section.title, 3),
        Heading(fact.label, 0, anchor=f"fact:{fact.id}"),
        BigValue(format_fact(fact), tuple(details)),
        *([Text((Run("How the period is known: ", bold=True), Run(how)), "note")] if how else []),
        ChartBox(Target.fact(fact.id)),
        Heading("Source", 2),
        source,
    ]
    if fact.derived and fact.formula:
        sources = ", ".join(factbase.fact(i).label for i in fact.derived_from)
        blocks += [Heading("How it is derived", 2), Text((Run(fact.formula), Run(f"  (from: {sources})")))]
    terms = factbase.terms_for_fact(fact.id)
    if terms:
        blocks.append(Heading("Glossary: the report's own, its definitions quoted as given", 2))
        blocks += [_definition(t.term, t.definition) for t in terms]
    return tuple(blocks)


def _definition(term: str, definition: str) -> Definition:
    """A glossary definition as the report gives it, set as a block quotation (the rule beside it): no marks
    added, as a block quotation takes none, and some definitions open with a quoted name of their own (marks
    around them printed ““5A-level scenic spots” …)."""
    return Definition(term, tuple(markdown_runs(definition)))


def facts_table(facts: list[Fact]) -> Table:
    rows = tuple((f.label + (" (derived)" if f.derived else ""), format_fact(f), f.period) for f in facts)
    return Table(("Fact", "Value", "Period"), rows, (0.5, 0.26, 0.24))


def _section_text(factbase: FactBase, section_id: str) -> list[Block]:
    """The section's sub-heading and body paragraphs as the report has them, every fact's figure highlighted."""
    marks = SectionMarks.read(factbase, section_id)
    blocks: list[Block] = []
    for paragraph in factbase.paragraphs(section_id):
        figures = [(m.start, m.end) for m in marks.marks(paragraph, terms=False) if m.role == "figure"]
        style = "lead" if paragraph.role == "subheading" else "body"
        blocks.append(Text(marked_runs(paragraph.text, None, *figures), style))
    return blocks


def section_blocks(factbase: FactBase, section_id: str) -> tuple[Block, ...]:
    """A section as printed, alone or inside the whole report: title, its text, overview chart, facts table."""
    section = factbase.section(section_id)
    blocks: list[Block] = [Heading(section.title, 0, anchor=f"section:{section.id}")]
    blocks += _section_text(factbase, section_id)
    blocks.append(ChartBox(Target.section(section.id)))
    facts = factbase.facts_in_section(section_id, 0, PAGE_FACTS)
    if facts:
        blocks += [Heading("Facts", 2), facts_table(facts), *_period_notes(factbase, facts)]
    total = factbase.fact_count(section_id)
    if total > len(facts):  # a section of 100,000 facts prints its first ones, and says how many it left out
        note = f"…and {total - len(facts):,} more facts, in the fact base (fact-explorer facts lists them all)."
        blocks.append(Text((Run(note),), "note"))
    return tuple(blocks)


def _period_notes(factbase: FactBase, facts: list[Fact]) -> list[Block]:
    """Under a facts table: how each of its periods is known from the report's text."""
    doc = factbase.document
    periods = [p for p in dict.fromkeys(f.period for f in facts) if doc.period_note(p)]
    return [Text((Run(f"{p}: ", bold=True), Run(doc.period_note(p))), "note") for p in periods]


def glossary_blocks(factbase: FactBase) -> tuple[Block, ...]:
    definitions = (_definition(t.term, t.definition) for t in factbase.terms())
    return (Heading("Glossary", 0, anchor="glossary"), Text((Run(GLOSSARY_NOTE),), "note"), *definitions)


def _contents(factbase: FactBase) -> Contents:
    entries: list[ContentsEntry] = []
    for section, facts in factbase.section_tree():
        entries.append(ContentsEntry(section.title, f"section:{section.id}", 0))
        entries += [ContentsEntry(f.label, f"fact:{f.id}", 1) for f in facts]
    entries.append(ContentsEntry("Glossary", "glossary", 0))
    return Contents(tuple(entries))


def build_sheet(factbase: FactBase, target: Target) -> Sheet:
    """Everything a sheet says, in reading order. Unknown ids raise UnknownIdError from the store."""
    doc = factbase.document
    if target.kind == "fact":
        assert target.id is not None
        fact = factbase.fact(target.id)
        parts: tuple[SheetPart, ...] = (SheetPart(fact_blocks(factbase, fact), one_page=True),)
        title, source = fact.label, doc.source(factbase.section(fact.section_id).title)
    elif target.kind == "section":
        assert target.id is not None
        parts = (SheetPart(section_blocks(factbase, target.id)),)
        title = factbase.section(target.id).title
        source = doc.source(title)
    else:
        body: list[SheetPart] = [SheetPart(_cover(factbase))]
        for section, facts in factbase.section_tree():
            body.append(SheetPart(section_blocks(factbase, section.id)))
            body += [
                SheetPart(fact_blocks(factbase, f, in_report=True), one_page=True, shares_page=True) for f in facts
            ]
        body.append(SheetPart(glossary_blocks(factbase)))
        parts, title, source = tuple(body), doc.title, doc.citation
    return Sheet(title=title, parts=parts, citation=f"Source: {source}")


def _cover(factbase: FactBase) -> tuple[Block, ...]:
    """The title, who published it (where the report says), its date only as the report gives it, contents."""
    doc = factbase.document
    blocks: list[Block] = [Heading(doc.title, 0)]
    if doc.publisher:
        blocks.append(Text((Run(doc.publisher),), "lead"))
    blocks.append(Text((Run(f"{doc.dated}; figures as of {doc.source_as_of}."),), "lead"))
    if doc.date_note:
        blocks.append(Text((Run(doc.date_note),), "note"))
    return (*blocks, Heading("Contents", 1), _contents(factbase))
