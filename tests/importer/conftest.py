"""Fixtures of the importer's tests: the test reports of each format, and PDFs made on the spot."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from pdf_report import write_pdf_report


@pytest.fixture(scope="session")
def pdf_report(qapp: object, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The water board's report as a two-page PDF with a running header and page numbers (see pdf_report.py)."""
    return write_pdf_report(tmp_path_factory.mktemp("pdf") / "lakeside_water_2024.pdf")


@pytest.fixture
def encrypted_pdf(pdf_report: Path, tmp_path: Path) -> Path:
    import pypdf

    writer = pypdf.PdfWriter(clone_from=pypdf.PdfReader(pdf_report))
    writer.encrypt(user_password="secret", owner_password="owner")
    path = tmp_path / "locked.pdf"
    with path.open("wb") as fh:
        writer.write(fh)
    return path


@pytest.fixture
def scanned_pdf(tmp_path: Path) -> Path:
    """A PDF of pages with no text layer, as a scanner makes (here: blank pages)."""
    import pypdf

    writer = pypdf.PdfWriter()
    writer.add_blank_page(595, 842)
    writer.add_blank_page(595, 842)
    buffer = io.BytesIO()
    writer.write(buffer)
    path = tmp_path / "scan.pdf"
    path.write_bytes(buffer.getvalue())
    return path
