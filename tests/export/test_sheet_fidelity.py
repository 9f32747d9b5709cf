"""What a printed sheet says, read back from the PDF: nothing said twice, no half-empty page before a chart,
sources labelled as sources, the glossary marked as the report's own, dates as the report gives them (#12)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from sheet_pdf_reading import pdf_info, pdf_text

from desktop.domain.target import Target
from desktop.export.sheet_content import build_sheet
from desktop.export.sheet_pdf import lay_out_sheet, pdf_writer
from desktop.store import FactBase

Writer = Callable[..., Path]
FULL = 2 / 3  # a page a part goes on from is at least this full


def _squeezed(text: str) -> str:
    """Text without white space: a line broken after "Cross-" reads back as "Cross- department"."""
    return "".join(text.split())


def _pages(path: Path) -> list[str]:
    return [pdf_text(path, page=n) for n in range(1, pdf_info(path).pages + 1)]


@pytest.mark.parametrize("paper", ["A4", "Letter"])
def test_the_whole_report_prints_each_paragraph_once(
    written_sheets: Writer, sheet_factbase: FactBase, paper: str
) -> None:
    """Its section's page prints a paragraph; the facts' sheets after it quote their sentence, not the paragraph."""
    text = _squeezed(pdf_text(written_sheets(Target.report(), paper)))
    for section in sheet_factbase.sections():
        for paragraph in sheet_factbase.paragraphs(section.id):
            if paragraph.role == "body":
                count = text.count(_squeezed(paragraph.text))
                assert count == 1, f"paragraph {paragraph.id} printed {count} times"


@pytest.mark.parametrize("fact_id", ["internet-users", "computing-power-rank", "new-data-products-year-earlier"])
def test_a_fact_sheet_says_its_sentence_and_value_once(
    written_sheets: Writer, sheet_factbase: FactBase, fact_id: str
) -> None:
    """A value card drawn under the value would print the value, period and sentence a second time."""
    fact = sheet_factbase.fact(fact_id)
    text = _squeezed(pdf_text(written_sheets(Target.fact(fact.id))))
    assert text.count(_squeezed(fact.quote)) == 1
    if fact.formula:
        # under "How it is derived", and in the chart's own legend (a chart exported alone must say it too)
        assert text.count(_squeezed(fact.formula)) <= 2


@pytest.mark.parametrize("paper", ["A4", "Letter"])
def test_a_section_sheet_fills_a_page_before_it_goes_on(qapp: object, sheet_factbase: FactBase, paper: str) -> None:
    """No section page is left half empty while its chart waits on the next page."""
    for section in sheet_factbase.sections():
        layout = lay_out_sheet(sheet_factbase, build_sheet(sheet_factbase, Target.section(section.id)), _writer(paper))
        fills = [
            max(top + piece.height for piece, top in page.placed) / layout.frame.body_height for page in layout.pages
        ]
        assert all(fill >= FULL for fill in fills[:-1]), (section.id, [round(f, 2) for f in fills])


def _writer(paper: str) -> object:
    import tempfile

    return pdf_writer(Path(tempfile.gettempdir()) / "fact-explorer-probe.pdf", paper)


def test_every_page_names_its_source_as_a_source(written_sheets: Writer, sheet_factbase: FactBase) -> None:
    doc = sheet_factbase.document
    for n, text in enumerate(_pages(written_sheets(Target.report())), start=1):
        assert "Source: " + " ".join(doc.title.split()) in text, f"page {n}"
        assert "Fact base v" not in text, f"page {n}"


def test_a_fact_sheet_source_line_names_the_section(written_sheets: Writer, sheet_factbase: FactBase) -> None:
    fact = sheet_factbase.fact("internet-users")
    section = sheet_factbase.section(fact.section_id)
    text = pdf_text(written_sheets(Target.fact(fact.id)))
    footer = text[text.rindex("Source: ") :]
    assert section.title in footer


def test_the_glossary_is_the_reports_own_and_quoted(written_sheets: Writer, sheet_factbase: FactBase) -> None:
    path = written_sheets(Target.report())
    pages = _pages(path)
    start = next(n for n, text in enumerate(pages) if text.startswith("Glossary"))
    glossary = " ".join(pages[start:])
    assert "the report's own glossary" in glossary.lower()
    assert "quoted as given" in glossary.lower()
    for term in sheet_factbase.terms():
        first_words = " ".join(term.definition.replace("**", "").split()[:3])
        assert first_words in glossary, term.term  # as the report gives it, its own quotation marks included
    assert "““" not in glossary and "””" not in glossary  # no marks of ours around the report's own


def test_a_fact_sheet_says_how_its_period_is_known(written_sheets: Writer, sheet_factbase: FactBase) -> None:
    doc = sheet_factbase.document
    for fact_id in ("internet-users", "5g-base-stations"):
        fact = sheet_factbase.fact(fact_id)
        text = _squeezed(pdf_text(written_sheets(Target.fact(fact.id))))
        assert _squeezed(f"Period: {fact.period}") in text
        assert _squeezed(doc.period_note(fact.period)) in text


def test_the_front_page_dates_the_report_only_as_its_text_does(
    written_sheets: Writer, sheet_factbase: FactBase
) -> None:
    doc = sheet_factbase.document
    cover = pdf_text(written_sheets(Target.report()), page=1)
    assert f"Report of {doc.source_date}" not in cover
    assert _squeezed(doc.date_note) in _squeezed(cover)
