"""Sheets printed to PDF and read back with pdfinfo, pdftotext and pdffonts; cancelling; bad paths."""

from __future__ import annotations

import re
import subprocess
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtGui import QImage, QPageLayout, QPageSize
from PySide6.QtPrintSupport import QPrinter
from sheet_pdf_reading import pdf_fonts, pdf_images, pdf_info, pdf_text, pdf_word_heights

from desktop.charts.spec import chart_for_fact
from desktop.domain.formatting import format_fact
from desktop.domain.target import Target
from desktop.export.files import ExportError
from desktop.export.sheet_charts import label_print_size
from desktop.export.sheet_content import build_sheet
from desktop.export.sheet_pdf import lay_out_sheet, pdf_writer, print_sheet, write_sheet_pdf
from desktop.store import FactBase

A4 = (595, 842)
LETTER = (612, 792)
Writer = Callable[..., Path]


def _size(path: Path) -> tuple[int, int]:
    info = pdf_info(path)
    return round(info.width_pt), round(info.height_pt)


def test_a_fact_sheet_is_one_page_with_everything_a_reader_needs(
    written_sheets: Writer, sheet_factbase: FactBase
) -> None:
    fact = sheet_factbase.fact("medical-insurance-code-users")
    path = written_sheets(Target.fact(fact.id))
    info = pdf_info(path)
    assert info.pages == 1
    assert _size(path) == A4
    assert info.title == fact.label
    text = pdf_text(path)
    doc = sheet_factbase.document
    for expected in (
        fact.label,
        format_fact(fact),  # "more than 1.2 billion people"
        f"Period: {fact.period}",
        "More than 1.2 billion people use the national medical insurance code",  # the source sentence
        "national medical insurance code",
        "Current Procedural Terminology (CPT)",  # the glossary definition, its bold as text
        doc.title,  # the report's headline, in the citation
        "Source: " + doc.title,  # the footer names its source as one
        f"Printed {date.today().isoformat()}",
        "Page 1 of 1",
    ):
        assert expected in text, expected
    assert "**" not in text


@pytest.mark.parametrize("paper, size", [("A4", A4), ("Letter", LETTER)])
def test_every_fact_sheet_fits_one_page_on_a4_and_letter(
    written_sheets: Writer, sheet_factbase: FactBase, paper: str, size: tuple[int, int]
) -> None:
    for fact in sheet_factbase.facts():
        path = written_sheets(Target.fact(fact.id), paper)
        assert (pdf_info(path).pages, _size(path)) == (1, size), fact.id
        text = pdf_text(path)
        assert fact.label in text and format_fact(fact) in text and fact.period in text, fact.id


def test_landscape_turns_the_page(written_sheets: Writer) -> None:
    path = written_sheets(Target.fact("internet-users"), "Letter", True)
    assert _size(path) == (LETTER[1], LETTER[0])
    assert pdf_info(path).pages == 1


def _chart_count(factbase: FactBase) -> int:
    return len(factbase.facts()) + sum(1 for s in factbase.sections() if factbase.facts(s.id))


@pytest.mark.parametrize("paper, landscape", [("A4", False), ("A4", True), ("Letter", False)])
def test_charts_are_vectors_whose_labels_print_at_a_readable_size(
    written_sheets: Writer, sheet_factbase: FactBase, paper: str, landscape: bool
) -> None:
    """Charts are drawn as vectors: no picture in the PDF, and every chart's value labels are real text, printed
    near 8.7 pt because each chart is laid out at its size on paper rather than shrunk with a picture."""
    path = written_sheets(Target.report(), paper, landscape)
    assert pdf_images(path) == []
    heights = pdf_word_heights(path)
    sizes = []
    cards = []
    for fact in sheet_factbase.facts():
        spec = chart_for_fact(sheet_factbase, fact.id)
        if spec.kind == "card":  # a value card's figure prints large: far above any minimum
            cards += heights.get(spec.bars[0].text.split()[0], [])
            continue
        for bar in spec.bars:
            word = bar.text.split()[0]
            assert word in heights, (fact.id, word)
            sizes += heights[word]
    # A word's box is about 1.2 times its font size; most labels print at the full size, none tiny.
    assert min(sizes) / 1.2 >= 6.5, sorted(sizes)[:5]
    assert sorted(sizes)[len(sizes) // 4] / 1.2 >= 7.5, sorted(sizes)[:10]
    assert cards and max(cards) / 1.2 >= 14


def test_a_narrow_chart_box_keeps_its_labels_as_large_as_a_wide_one() -> None:
    assert label_print_size(360, 200) == label_print_size(750, 250) == pytest.approx(8.67, abs=0.01)
    assert label_print_size(250, 125) < label_print_size(360, 200)  # below the plot's minimum size, it gives way


def test_landscape_charts_use_the_width_of_the_page(qapp: object, sheet_factbase: FactBase, tmp_path: Path) -> None:
    """On landscape paper a chart spreads across the page instead of sitting small above a blank area."""
    writer = pdf_writer(tmp_path / "layout.pdf", "A4", landscape=True)
    layout = lay_out_sheet(sheet_factbase, build_sheet(sheet_factbase, Target.report()), writer)
    text_width = layout.frame.width
    widths = sorted(width / text_width for width, _height in layout.context.chart_sizes.values())
    # Median 0.85 before fact sheets said how their period is known: that line costs a chart about 17 pt of
    # height on a landscape page, and value cards (always full width) are no longer drawn on sheets.
    assert widths[0] >= 0.6 and widths[len(widths) // 2] >= 0.75, widths


def test_a_derived_fact_sheet_shows_its_formula(written_sheets: Writer, sheet_factbase: FactBase) -> None:
    fact = sheet_factbase.fact("new-data-products-year-earlier")
    text = pdf_text(written_sheets(Target.fact(fact.id)))
    assert "How it is derived" in text
    assert fact.formula and fact.formula in text


def test_a_section_sheet_tables_its_facts(written_sheets: Writer, sheet_factbase: FactBase) -> None:
    section = sheet_factbase.section("digital-services")
    path = written_sheets(Target.section(section.id))
    pages = pdf_info(path).pages
    text = pdf_text(path)
    assert section.title in text and (section.subheading or "") in text
    for paragraph in sheet_factbase.paragraphs(section.id):
        first_words = " ".join(paragraph.text.split()[:8])  # ahead of any line break inside a hyphenated word
        assert first_words in text, first_words
    for fact in sheet_factbase.facts(section.id):
        assert fact.label in text and format_fact(fact) in text
    assert f"Page {pages} of {pages}" in text


def test_the_whole_report_has_contents_that_point_at_the_right_pages(
    written_sheets: Writer, sheet_factbase: FactBase
) -> None:
    path = written_sheets(Target.report())
    pages = pdf_info(path).pages
    contents = pdf_text(path, page=1)
    assert sheet_factbase.document.title in contents
    for section in sheet_factbase.sections():
        found = re.search(re.escape(section.title) + r" (\d+)", contents)
        assert found, section.title
        assert pdf_text(path, page=int(found.group(1))).startswith(section.title)
    glossary_page = int(re.search(r"Glossary (\d+)", contents).group(1))  # type: ignore[union-attr]
    glossary = pdf_text(path, page=glossary_page) + pdf_text(path, page=pages)
    for term in sheet_factbase.terms():
        assert term.term in glossary
    text = pdf_text(path)
    for fact in sheet_factbase.facts():
        assert fact.label in text
    for n in range(1, pages + 1):
        assert f"Page {n} of {pages}" in pdf_text(path, page=n)


@pytest.mark.parametrize("paper", ["A4", "Letter"])
def test_short_fact_sheets_of_the_report_share_a_page_whole(
    written_sheets: Writer, sheet_factbase: FactBase, paper: str
) -> None:
    # Each fact alone on its page left pages half empty: two that fit whole now go on one page.
    path = written_sheets(Target.report(), paper)

    def plain(text: str) -> str:
        return " ".join(text.replace("\ufb01", "fi").replace("\ufb02", "fl").split())

    contents = plain(pdf_text(path, page=1))
    on_page: dict[str, int] = {}
    for fact in sheet_factbase.facts():
        found = re.search(re.escape(fact.label) + r" (\d+)", contents)
        assert found, fact.label
        on_page[fact.id] = int(found.group(1))
        page = plain(pdf_text(path, page=on_page[fact.id]))
        assert fact.label in page and format_fact(fact) in page, fact.id  # the whole sheet is on its page
    pages = list(on_page.values())
    assert any(pages.count(n) >= 2 for n in pages)  # at least one page holds two facts
    assert pdf_info(path).pages < 1 + len(sheet_factbase.sections()) + len(pages) + 1  # fewer than one each


@pytest.mark.parametrize("paper, landscape", [("A4", False), ("A4", True), ("Letter", False)])
def test_no_page_of_the_report_holds_a_lone_leftover(
    written_sheets: Writer, sheet_factbase: FactBase, paper: str, landscape: bool
) -> None:
    """A section's facts table goes over whole, never as a continuation; the glossary does not end on a page
    with a single term. (A facts table may start a page of its own where taking its chart along would leave the
    page before half empty: test_sheet_fidelity.py checks that page is full.)"""
    path = written_sheets(Target.report(), paper, landscape)
    pages = [pdf_text(path, page=n) for n in range(1, pdf_info(path).pages + 1)]
    for n, text in enumerate(pages, start=1):
        assert not text.startswith("Fact Value Period"), f"page {n} holds only a table's continuation"
    last_terms = [t.term for t in sheet_factbase.terms() if t.term in pages[-1]]
    assert len(last_terms) >= 2, last_terms


def test_fonts_are_embedded(written_sheets: Writer) -> None:
    for target in (Target.fact("internet-users"), Target.report()):
        fonts = pdf_fonts(written_sheets(target))
        assert fonts and all(embedded for _, embedded in fonts), fonts


def test_nothing_is_painted_in_the_margins(written_sheets: Writer, tmp_path: Path) -> None:
    path = written_sheets(Target.report(), "Letter")
    subprocess.run(["pdftoppm", "-png", "-r", "30", str(path), str(tmp_path / "p")], check=True)
    edge = round(12 / 25.4 * 30)  # 12 mm of the 16 mm margin must stay white
    for png in sorted(tmp_path.glob("p-*.png")):
        image = QImage(str(png))
        w, h = image.width(), image.height()
        border = [(x, y) for x in range(w) for y in [*range(edge), *range(h - edge, h)]]
        border += [(x, y) for y in range(h) for x in [*range(edge), *range(w - edge, w)]]
        assert all(image.pixelColor(x, y).lightness() > 250 for x, y in border), png.name


def test_a_table_too_long_for_the_page_continues_with_its_header_and_no_split_row(
    qapp: object, sheet_factbase: FactBase, tmp_path: Path
) -> None:
    out = tmp_path / "small.pdf"
    printer = pdf_writer(out, "A4")
    printer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A6),
            QPageLayout.Orientation.Landscape,
            printer.pageLayout().margins(),
            QPageLayout.Unit.Millimeter,
        )
    )
    assert print_sheet(sheet_factbase, Target.section("digital-services"), printer)
    del printer  # the writer closes its file
    pages = [pdf_text(out, page=n) for n in range(1, pdf_info(out).pages + 1)]
    header = "Fact Value Period"
    pages = [text[text.index(header) :] if header in text else "" for text in pages]  # the table, not the prose
    facts = sheet_factbase.facts("digital-services")
    # Narrow cells wrap, and -raw reads a wrapped row cell by cell, line by line: so a row is checked as its
    # value (on exactly one page) with every word of its label on that same page.
    row_pages = []
    for fact in facts:
        holding = [n for n, text in enumerate(pages) if format_fact(fact) in text]
        assert len(holding) == 1, fact.id
        words = set(pages[holding[0]].replace("-", " ").split())  # "cross-" may end a line, "province" start one
        assert set(fact.label.replace("-", " ").split()) <= words, fact.label
        row_pages.append(holding[0])
    assert len(set(row_pages)) >= 2  # the table did continue onto another page
    assert row_pages[-1] == row_pages[-2]  # and its last row did not go over alone
    assert row_pages[0] == row_pages[1]  # nor its first row stay behind alone
    assert all(pages[n].count(header) == 1 for n in set(row_pages))  # with its header


@pytest.mark.parametrize("cancel_at", [0, 1, -1])
def test_cancelling_writes_nothing(qapp: object, sheet_factbase: FactBase, tmp_path: Path, cancel_at: int) -> None:
    """Cancel at the first step, during the charts, and at the last page."""
    calls: list[tuple[int, int]] = []

    def progress(done: int, total: int) -> bool:
        calls.append((done, total))
        return done != (total - 1 if cancel_at < 0 else cancel_at)

    target = tmp_path / "report.pdf"
    assert write_sheet_pdf(sheet_factbase, Target.report(), target, progress=progress) is None
    assert list(tmp_path.iterdir()) == []
    assert calls[-1][0] < calls[-1][1]


def test_a_print_cancelled_while_printing_leaves_no_file(
    qapp: object, sheet_factbase: FactBase, tmp_path: Path
) -> None:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    assert not print_sheet(sheet_factbase, Target.section("data-market"), printer, lambda d, t: d < t - 1)
    assert list(tmp_path.iterdir()) == []


def test_progress_counts_up_to_its_total(qapp: object, sheet_factbase: FactBase, tmp_path: Path) -> None:
    calls: list[tuple[int, int]] = []
    write_sheet_pdf(
        sheet_factbase,
        Target.fact("internet-users"),
        tmp_path / "f.pdf",
        progress=lambda d, t: calls.append((d, t)) is None,
    )
    dones = [d for d, _ in calls]
    assert dones == sorted(dones) and calls[-1][0] == calls[-1][1] == 1  # a fact's sheet is one page


@pytest.mark.parametrize(
    "name, message",
    [
        ("sheet.png", "give a file name ending in .pdf"),
        ("folder.pdf", "is a directory"),
        ("missing/sheet.pdf", "does not exist"),
        ("notes.txt/sheet.pdf", "notes.txt is a file, not a directory"),
        ("notes.txt/deeper/sheet.pdf", "notes.txt is a file, not a directory"),
    ],
)
def test_bad_paths_are_refused_in_one_line(
    qapp: object, sheet_factbase: FactBase, tmp_path: Path, name: str, message: str
) -> None:
    (tmp_path / "folder.pdf").mkdir()
    (tmp_path / "notes.txt").write_text("a file, not a folder")
    with pytest.raises(ExportError) as caught:
        write_sheet_pdf(sheet_factbase, Target.fact("internet-users"), tmp_path / name)
    assert message in str(caught.value) and "\n" not in str(caught.value)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["folder.pdf", "notes.txt"]


def test_an_unwritable_place_is_refused_as_the_chart_export_words_it(qapp: object, sheet_factbase: FactBase) -> None:
    target = Path("/proc/sheet.pdf")
    with pytest.raises(ExportError) as caught:
        write_sheet_pdf(sheet_factbase, Target.fact("internet-users"), target)
    message = str(caught.value)
    assert message.startswith(f"cannot write {target}: ") and "(" not in message, message  # as `chart` says it


def test_an_existing_file_is_replaced_whole(qapp: object, sheet_factbase: FactBase, tmp_path: Path) -> None:
    target = tmp_path / "sheet.pdf"
    target.write_bytes(b"old")
    write_sheet_pdf(sheet_factbase, Target.fact("internet-users"), target)
    assert target.read_bytes().startswith(b"%PDF") and pdf_info(target).pages == 1
    assert [p.name for p in tmp_path.iterdir()] == ["sheet.pdf"]


def test_the_printer_decides_the_paper(qapp: object, sheet_factbase: FactBase, tmp_path: Path) -> None:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.Letter))
    printer.setPageOrientation(QPageLayout.Orientation.Landscape)
    printer.setOutputFileName(str(tmp_path / "p.pdf"))
    assert print_sheet(sheet_factbase, Target.fact("computing-power-rank"), printer)
    assert _size(tmp_path / "p.pdf") == (LETTER[1], LETTER[0])


def test_the_whole_report_has_an_outline_clickable_contents_and_metadata(
    written_sheets: Writer, sheet_factbase: FactBase
) -> None:
    from pypdf import PdfReader

    path = written_sheets(Target.report())
    reader = PdfReader(path)
    top = [entry for entry in reader.outline if not isinstance(entry, list)]
    titles = [entry.title for entry in top]
    assert titles == [s.title for s in sheet_factbase.sections()] + ["Glossary"]
    for entry in top:  # each bookmark opens the page that carries its title
        page = reader.get_destination_page_number(entry)
        assert entry.title in pdf_text(path, page=page + 1)
    links = [a.get_object() for a in reader.pages[0]["/Annots"]]
    fact_count = len(sheet_factbase.facts())
    assert len(links) == len(titles) + fact_count  # every contents entry is a link
    assert all(link["/Subtype"] == "/Link" for link in links)
    meta = reader.metadata
    assert meta is not None and meta.title == sheet_factbase.document.title
    assert sheet_factbase.document.source_as_of in (meta.subject or "")
    assert meta.author and meta.creator == "Fact Explorer" and meta.creation_date is not None


def test_printing_the_whole_report_lets_every_chart_go(qapp: object, sheet_factbase: FactBase, tmp_path: Path) -> None:
    # A whole-report sheet draws one off-screen plot per chart; each must be freed once on its page, or a large
    # report's print grows without bound (10,000 facts ran out of memory). Live view boxes count live plots.
    import gc

    import pyqtgraph as pg

    gc.collect()
    before = len(pg.ViewBox.AllViews)
    assert write_sheet_pdf(sheet_factbase, Target.report(), tmp_path / "report.pdf") is not None
    gc.collect()
    assert len(pg.ViewBox.AllViews) == before
