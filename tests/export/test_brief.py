"""The brief and the comparison sheet, read back with poppler (pdftotext, pdfinfo): contents, values, sentences,
charts, citations, and every report named."""

from __future__ import annotations

import re
import subprocess
import unicodedata
from pathlib import Path

import pytest

from desktop.domain.comparison import Comparison
from desktop.domain.formatting import format_fact
from desktop.store import FactBase


def pdf_pages(path: Path) -> int:
    out = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    found = re.search(r"Pages:\s+(\d+)", out)
    assert found, out
    return int(found.group(1))


def pdf_text(path: Path, page: int | None = None) -> str:
    """Text in reading order, ligatures undone (Qt writes "fi" as one glyph), white space made single."""
    args = ["pdftotext", "-raw", "-enc", "UTF-8"] + (["-f", str(page), "-l", str(page)] if page else [])
    out = subprocess.run([*args, str(path), "-"], capture_output=True, text=True, check=True).stdout
    return " ".join(unicodedata.normalize("NFKC", out).split())


def words(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).split())


@pytest.fixture
def chosen(ostmark_reports: dict[str, FactBase]) -> Comparison:
    c = Comparison()
    for key in ("o2023/residents", "tiny/residents", "o2025/residents", "o2025/crossings-h1", "tiny/port-rank"):
        report, fact = key.split("/")
        c.add(ostmark_reports[report], fact, report)
    return c


def test_brief_has_a_contents_page_then_a_page_a_fact(qapp, chosen: Comparison, tmp_path: Path) -> None:
    from desktop.export.brief import write_brief_pdf

    path = write_brief_pdf(list(chosen), tmp_path / "brief.pdf", title="Ostmark brief")
    assert path is not None
    assert pdf_pages(path) == 1 + len(chosen)
    contents = pdf_text(path, 1)
    assert "Ostmark brief" in contents and "Contents" in contents
    for number, member in enumerate(chosen, start=2):
        # Each entry names the fact and its value, and the page its sheet is on.
        assert f"{member.fact.label} — {format_fact(member.fact)} {number}" in contents


def test_each_brief_page_has_value_sentence_chart_and_citation(qapp, chosen: Comparison, tmp_path: Path) -> None:
    from desktop.export.brief import write_brief_pdf

    path = write_brief_pdf(list(chosen), tmp_path / "brief.pdf")
    assert path is not None
    for number, member in enumerate(chosen, start=2):
        page = pdf_text(path, number)
        fact = member.fact
        assert fact.label in page
        assert format_fact(fact) in page  # the value in words, large
        assert f"Period: {fact.period}" in page
        assert words(fact.quote) in page  # the source sentence
        assert f"From: {member.report_title}" in page
        citation = page[page.index("Citation") :]
        assert member.report_title in citation and "Retrieved" in citation  # APA, with the access date
        # Every page's footer names each report of the brief.
        for other in chosen:
            assert other.factbase.document.title in page[page.rindex("Sources:") :]


def test_brief_charts_are_the_facts_own_charts_drawn_as_text(qapp, chosen: Comparison, tmp_path: Path) -> None:
    from desktop.export.brief import write_brief_pdf

    path = write_brief_pdf(list(chosen), tmp_path / "brief.pdf")
    assert path is not None
    rank_page = pdf_text(path, 6)
    # A rank is a value card: its figure and period as text, and no positions the report does not state.
    assert "3rd" in rank_page and "end of 2024" in rank_page and "not stated" not in rank_page


def test_comparison_sheet_reads_back_charts_table_sentences_and_references(qapp, chosen, tmp_path: Path) -> None:
    from desktop.export.brief import write_comparison_pdf

    path = write_comparison_pdf(chosen, tmp_path / "comparison.pdf")
    assert path is not None
    text = pdf_text(path)
    assert "Residents of Ostmark over time" in text  # the line chart's title, printed as vector text
    for label in ("end of 2023", "end of 2024", "end of June 2025"):
        assert label in text
    for member in chosen:
        assert format_fact(member.fact) in text
        assert words(member.fact.quote) in text
    references = text[text.index("References") :]
    titles = {m.report_title for m in chosen}
    for title in titles:
        assert title in references
    assert references.count("Retrieved") == len(chosen)  # one reference a fact
    assert 1 <= pdf_pages(path) <= 4


def test_a_cancelled_brief_leaves_no_file(qapp, chosen: Comparison, tmp_path: Path) -> None:
    from desktop.export.brief import write_brief_pdf

    assert write_brief_pdf(list(chosen), tmp_path / "brief.pdf", progress=lambda done, total: done < 2) is None
    assert list(tmp_path.iterdir()) == []


def test_nothing_to_print_is_refused(qapp, tmp_path: Path) -> None:
    from desktop.export.brief import brief_sheet, comparison_sheet

    with pytest.raises(ValueError):
        brief_sheet([])
    with pytest.raises(ValueError):
        comparison_sheet(Comparison())
