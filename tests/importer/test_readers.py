"""Each reader turns its format into the same document: headline, sections of paragraphs, glossary."""

from __future__ import annotations

from pathlib import Path

import pytest
from report_paths import BUNDLED_REPORT, REPORTS

from desktop.importer.document import Report, ReportShapeError
from desktop.importer.read_html import read_html
from desktop.importer.read_markdown import read_markdown
from desktop.importer.read_pdf import UnreadablePdf, read_pdf
from desktop.importer.read_text import read_plain_text


def _shape(report: Report) -> list[tuple[str, str | None, int]]:
    return [(s.heading.text, s.subheading.text if s.subheading else None, len(s.paragraphs)) for s in report.sections]


def test_plain_text_in_the_bundled_reports_shape() -> None:
    report = read_plain_text(BUNDLED_REPORT.read_text("utf-8"))
    assert report.headline.text.startswith("Computing Power Ranks Second Globally")
    assert _shape(report)[1:] == [
        ("Digital Services Benefit More Citizens", "1.07 Billion People Use Electronic Social Security Cards", 5),
        ("Expanding Data Application Scenarios", "70 Demonstration Cases Cover Agriculture, Healthcare, and More", 4),
        ("Growing Data Market Participation", "New Data Products Increase 70% Year-on-Year in H1", 3),
    ]
    assert report.sections[0].role == "lead" and len(report.sections[0].paragraphs) == 1
    terms = [t.text for t, _ in report.glossary]
    assert terms[0] == "5A-level scenic spots" and terms[-1] == "Public Data in Motion" and len(terms) == 8
    # The lone "Infrastructure" line holds nothing, so it is not a section of its own.
    assert "Infrastructure" not in [s.heading.text for s in report.sections]


def test_plain_text_with_a_glossary_heading() -> None:
    report = read_plain_text((REPORTS / "riverside_transport_2024.txt").read_text("utf-8"))
    headings = [h for h, _, _ in _shape(report)]
    assert headings == [report.headline.text, "Metro and Buses", "Money and Maintenance", "Outlook"]
    assert _shape(report)[1] == ("Metro and Buses", "Metro Ridership Reaches 268 Million", 2)
    assert [(t.text, d.text.split(",")[0]) for t, d in report.glossary] == [
        ("Contactless card", "A contactless card is a bank or transit card paid by holding it near a reader"),
        ("Rolling stock", "Rolling stock is the trains and carriages that run on a railway"),
    ]


def test_paragraph_ids_are_source_lines_for_text() -> None:
    text = (REPORTS / "riverside_transport_2024.txt").read_text("utf-8")
    lines = text.split("\n")
    report = read_plain_text(text)
    for section in report.sections:
        for paragraph in section.paragraphs:
            assert lines[paragraph.number - 1] == paragraph.text


def test_markdown_headings_lists_and_a_bold_term_glossary() -> None:
    text = (REPORTS / "northwind_energy_2025.md").read_text("utf-8")
    report = read_markdown(text)
    assert report.headline.text == "Northwind Energy Statistics: Wind Output Up 18% in 2024"
    assert _shape(report)[1:] == [
        ("Generation", "Renewables Reach a Record Share", 2),
        ("Prices and Investment", None, 3),  # three list items
        ("Outlook", None, 1),
    ]
    lead = report.sections[0].paragraphs
    assert lead[1].text.startswith("Wind farms generated 46.2 TWh of electricity")  # bold taken off
    # Two source lines of one paragraph are joined into one.
    assert report.sections[1].paragraphs[0].text.endswith("offshore capacity rose threefold since 2019.")
    assert [(t.text, d.text) for t, d in report.glossary] == [
        ("TWh", "A terawatt-hour, one billion kilowatt-hours of electricity."),
        ("Offshore capacity", "The generating capacity of wind turbines built at sea."),
    ]


def test_markdown_code_blocks_and_tables_are_not_text() -> None:
    report = read_markdown("# Title\n\nLead of 5 words here.\n\n```\nx = 99\n```\n\n| a | 77 |\n|---|---|\n\nEnd 3.\n")
    texts = [p.text for s in report.sections for p in s.paragraphs]
    assert texts == ["Lead of 5 words here.", "End 3."]


def test_html_drops_scripts_styles_navigation_and_footer() -> None:
    text = (REPORTS / "harbour_press_release.html").read_text("utf-8")
    report = read_html(text)
    assert report.headline.text == "Port of Kestrel Bay Handles 4.8 Million Containers in 2024"
    body = " ".join(p.text for s in report.sections for p in s.paragraphs)
    for dropped in ("visitors", "fetch", "font-family", "Home", "Press office"):
        assert dropped not in body
    assert "4.8 million containers (TEU)" in body  # &nbsp; and entities read as the characters they are
    assert _shape(report)[1:] == [("Throughput", None, 2), ("Investment", "$1.2 Billion for Berth Expansion", 2)]
    assert [t.text for t, _ in report.glossary] == ["TEU", "Berth"]


def test_pdf_lines_become_paragraphs_without_running_header_or_page_numbers(pdf_report: Path) -> None:
    report = read_pdf(pdf_report.read_bytes())
    assert report.headline.text == "Lakeside Water: Leaks Cut by 14%"
    texts = [p.text for s in report.sections for p in s.paragraphs]
    assert not any("Annual Statistics" in t or "Page 1" in t for t in texts)
    assert _shape(report)[1:] == [("Supply and Network", "Households Use 128 Litres a Day", 2), ("Money", None, 1)]
    # Wrapped lines are joined with single spaces into the sentences as written.
    assert "The board replaced more than 42 kilometres of mains and repaired 3,150 leaks," in texts[1]
    assert [t.text for t, _ in report.glossary] == ["Mains", "Leakage"]


def test_a_pdf_without_text_and_an_encrypted_pdf_are_refused(scanned_pdf: Path, encrypted_pdf: Path) -> None:
    with pytest.raises(UnreadablePdf, match="no text layer"):
        read_pdf(scanned_pdf.read_bytes())
    with pytest.raises(UnreadablePdf, match="encrypted"):
        read_pdf(encrypted_pdf.read_bytes())
    with pytest.raises(UnreadablePdf, match="not a readable PDF"):
        read_pdf(b"%PDF-1.7\n" + b"garbage " * 200)


def test_a_title_without_paragraphs_is_refused() -> None:
    with pytest.raises(ReportShapeError):
        read_plain_text("Just a headline\n")
