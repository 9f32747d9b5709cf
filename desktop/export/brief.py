"""A brief and a comparison sheet: chosen facts, from one report or several, printed as one PDF.

- A **brief** (the bookmarks, or a comparison's facts): a contents page, then each fact on a page of its own, as
  its fact sheet has it (value, period, chart, source sentence, glossary), followed by its citation; the footer of
  every page names each report.
- A **comparison sheet**: the comparison's charts (one per unit, a line where a metric moves over time), a table
  of its facts with their periods and reports, each fact's sentence, and the references.

The blocks are sheet_content's, built for members of several fact bases: a chart box's key is the member's
Target with its report, so two reports' facts of the same id keep their own charts. Pagination and painting are
sheet_pages' and sheet_layout's; only the steps that run them differ from sheet_pdf's, because the charts here
come from several fact bases, not from the one print_sheet_steps is given.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from pathlib import Path

from PySide6.QtCore import QRectF
from PySide6.QtGui import QPagedPaintDevice, QPainter

from desktop.charts.plot.multiples import paint_chart_into
from desktop.charts.spec import ChartSpec, chart_for_fact
from desktop.charts.spec.comparison import comparison_chart
from desktop.domain.citation_items import comparison_items, fact_item
from desktop.domain.citations import cite, cite_all
from desktop.domain.comparison import Comparison, Member
from desktop.domain.formatting import format_fact
from desktop.domain.target import Target
from desktop.export import sheet_pdf
from desktop.export.files import ExportError, Progress, Steps, atomic_output, run_steps
from desktop.export.sheet_charts import points_per_chart_pixel
from desktop.export.sheet_content import (
    Block,
    ChartBox,
    Contents,
    ContentsEntry,
    Heading,
    Run,
    Sheet,
    SheetPart,
    Table,
    Text,
    fact_blocks,
    marked_runs,
)
from desktop.export.sheet_pdf import check_pdf_path, page_layout, pdf_writer

CITATION_STYLE = "apa"
Charts = dict[Target, ChartSpec | None]


def member_target(member: Member, index: int) -> Target:
    """A member as a Target naming its report; members of no named report are told apart by their place."""
    return Target.fact(member.fact.id).in_report(member.report_id or f"member-{index + 1}")


def _footer_citation(members: Sequence[Member]) -> str:
    citations = list(dict.fromkeys(m.factbase.document.citation for m in members))
    return f"Source: {citations[0]}" if len(citations) == 1 else "Sources: " + "; ".join(citations)


# The brief ---------------------------------------------------------------------------------------------------
def brief_sheet(members: Sequence[Member], title: str = "Brief", accessed: date | None = None) -> tuple[Sheet, Charts]:
    """A contents page, then one page a fact (its fact sheet, then its citation). ValueError when empty."""
    if not members:
        raise ValueError("the brief has no facts")
    charts: Charts = {}
    reports = list(dict.fromkeys(m.report_title for m in members))
    entries = []
    parts: list[SheetPart] = []
    for index, member in enumerate(members):
        target = member_target(member, index)
        entries.append(ContentsEntry(f"{member.fact.label} — {format_fact(member.fact)}", target.key, 0))
        charts[target] = chart_for_fact(member.factbase, member.fact.id)
        citation = cite(fact_item(member.factbase, member.fact.id, accessed), CITATION_STYLE)
        blocks = [_retarget(block, target) for block in fact_blocks(member.factbase, member.fact)]
        blocks.insert(1, Text((Run(f"From: {member.report_title}"),), "note"))
        blocks += [Heading("Citation", 2), Text((Run(citation),))]
        parts.append(SheetPart(tuple(blocks), one_page=True))
    lead = f"{len(members)} facts from {len(reports)} report{'s' if len(reports) > 1 else ''}: {'; '.join(reports)}."
    cover = SheetPart((Heading(title, 0), Text((Run(lead),), "lead"), Heading("Contents", 1), Contents(tuple(entries))))
    return Sheet(title=title, parts=(cover, *parts), citation=_footer_citation(members)), charts


def _retarget(block: Block, target: Target) -> Block:
    """fact_blocks names its fact within one report: anchor and chart key here name the member's report too."""
    if isinstance(block, ChartBox):
        return ChartBox(target)
    if isinstance(block, Heading) and block.anchor is not None and block.anchor.startswith("fact:"):
        return replace(block, anchor=target.key)
    return block


# The comparison sheet ----------------------------------------------------------------------------------------
def comparison_sheet(comparison: Comparison, accessed: date | None = None) -> tuple[Sheet, Charts]:
    """The comparison's charts, its facts' table, each fact's sentence, and the references. ValueError if empty."""
    multi = comparison_chart(comparison)
    charts: Charts = {}
    blocks: list[Block] = [Heading(multi.title, 0)]
    reports = list(dict.fromkeys(m.report_title for m in comparison))
    blocks.append(
        Text((Run(f"From {len(reports)} report{'s' if len(reports) > 1 else ''}: {'; '.join(reports)}."),), "lead")
    )
    for index, spec in enumerate(multi.charts):
        key = Target.section(spec.chart_id).in_report(f"comparison-chart-{index + 1}")  # a key only, never opened
        charts[key] = spec
        blocks.append(ChartBox(key))
    rows = tuple(
        (m.fact.label + (" (derived)" if m.fact.derived else ""), format_fact(m.fact), m.fact.period, m.report_title)
        for m in comparison
    )
    blocks += [Heading("Facts", 2), Table(("Fact", "Value", "Period", "Report"), rows, (0.32, 0.22, 0.18, 0.28))]
    blocks.append(Heading("Sources", 1))
    for member in comparison:
        fact = member.fact
        figure = fact.figure_start
        span = (figure, figure + len(fact.figure)) if fact.figure and figure is not None else None
        blocks.append(Heading(f"{fact.label} ({fact.period})", 2))
        blocks.append(Text(marked_runs(fact.quote, (0, len(fact.quote)), span)))
        blocks.append(Text((Run(member.report_title),), "note"))
    references = cite_all(comparison_items(comparison.citation_members(), accessed), CITATION_STYLE)
    blocks.append(Heading("References", 1))
    blocks += [Text((Run(line),)) for line in references.splitlines() if line.strip()]
    sheet = Sheet(title=multi.title, parts=(SheetPart(tuple(blocks)),), citation=_footer_citation(list(comparison)))
    return sheet, charts


# Printing ----------------------------------------------------------------------------------------------------
def print_built_sheet_steps(sheet: Sheet, charts: Charts, device: QPagedPaintDevice) -> Steps[bool]:
    """Lay sheet out on the device's paper and paint it, a step a page: the sheets' own printing, with this
    module's charts (the members' own, from several fact bases, a line chart too)."""
    return sheet_pdf.print_built_sheet_steps(
        sheet, device, chart_of=lambda box: charts.get(box.target), draw_chart=_draw_chart
    )


def _draw_chart(painter: QPainter, spec: ChartSpec, box: QRectF, points: float) -> None:
    """The chart's plot laid out at the size its box has on paper (sheet_charts' scale), drawn as vectors."""
    scale = points_per_chart_pixel(box.width() / points, box.height() / points) * points
    paint_chart_into(painter, spec, box, scale)


def built_sheet_pdf_steps(
    sheet: Sheet, charts: Charts, path: Path, *, page_size: str = "A4", landscape: bool = False
) -> Steps[Path]:
    """The sheet as a PDF at path, whole or not at all; closing the steps early removes the half-written file."""
    path = check_pdf_path(path)
    page_layout(page_size, landscape=landscape)  # an unknown paper size fails before any file is made
    with atomic_output(path) as temp:
        writer = pdf_writer(temp, page_size, landscape=landscape)
        yield from print_built_sheet_steps(sheet, charts, writer)
        del writer  # the writer closes its file when it goes
        if b"%%EOF" not in temp.read_bytes()[-64:]:
            raise ExportError(f"cannot write {path}: the PDF came out incomplete (is the disk full?)")
    return path


def brief_pdf_steps(
    members: Sequence[Member], path: Path, *, title: str = "Brief", page_size: str = "A4", landscape: bool = False
) -> Steps[Path]:
    sheet, charts = brief_sheet(members, title)
    return built_sheet_pdf_steps(sheet, charts, path, page_size=page_size, landscape=landscape)


def comparison_pdf_steps(
    comparison: Comparison, path: Path, *, page_size: str = "A4", landscape: bool = False
) -> Steps[Path]:
    sheet, charts = comparison_sheet(comparison)
    return built_sheet_pdf_steps(sheet, charts, path, page_size=page_size, landscape=landscape)


def write_brief_pdf(
    members: Sequence[Member],
    path: Path,
    *,
    title: str = "Brief",
    page_size: str = "A4",
    progress: Progress | None = None,
) -> Path | None:
    return run_steps(brief_pdf_steps(members, Path(path), title=title, page_size=page_size), progress)


def write_comparison_pdf(
    comparison: Comparison, path: Path, *, page_size: str = "A4", progress: Progress | None = None
) -> Path | None:
    return run_steps(comparison_pdf_steps(comparison, Path(path), page_size=page_size), progress)
