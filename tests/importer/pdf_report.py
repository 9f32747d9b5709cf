"""Write the test PDF report: a water board's statistics, two pages, with a running header and page numbers.

Made with Qt's QPdfWriter (no print service) from the HTML below, so the PDF has a real text layer with
wrapped lines, as a report printed from a word processor has.
"""

from __future__ import annotations

from pathlib import Path

REPORT_HTML = """
<h1>Lakeside Water: Leaks Cut by 14%</h1>
<p>The Lakeside Water Board supplied 86.4 million cubic metres of drinking water in 2024, while leakage fell 14%
on the year before and its treatment works ranked first in the national quality survey.</p>
<h2>Supply and Network</h2>
<h3>Households Use 128 Litres a Day</h3>
<p>Each resident used about 128 litres of water a day, nearly 6% less than in 2023. The board replaced more than
42 kilometres of mains and repaired 3,150 leaks, so that less than 11% of the water put into the network was lost.
Repairs took 2-4 days on average.</p>
<p>The board serves 1.35 million residents through 9 treatment works. Customer complaints fell 22%, and over 97
percent of calls were answered within 60 seconds.</p>
<h2>Money</h2>
<p>Capital spending came to €312 million, of which €85 million went to new reservoirs. Bills rose 3.5% in April
2024, the first increase since 2021.</p>
<h2>Glossary</h2>
<p><b>Mains</b>: The large pipes that carry water under streets to the smaller pipes of each building.</p>
<p><b>Leakage</b>: Water lost from the network between the treatment works and customers' taps.</p>
"""
HEADER = "Lakeside Water Board | Annual Statistics 2024"


def write_pdf_report(path: Path, pages_of_text: int = 2) -> Path:
    """Write the report to path as a PDF of at least pages_of_text pages (the text is laid out to fill them)."""
    from PySide6.QtCore import QMarginsF, QRectF, QSizeF
    from PySide6.QtGui import QFont, QPageLayout, QPageSize, QPainter, QPdfWriter, QTextDocument

    writer = QPdfWriter(str(path))
    writer.setResolution(96)
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A5), QPageLayout.Orientation.Portrait,
                                     QMarginsF(15, 15, 15, 15), QPageLayout.Unit.Millimeter))  # fmt: skip
    page = writer.pageLayout().paintRectPixels(writer.resolution())
    header_height = 40
    body = QRectF(0, 0, page.width(), page.height() - 2 * header_height)
    document = QTextDocument()
    document.documentLayout().setPaintDevice(writer)
    document.setDefaultFont(QFont("DejaVu Sans", 11 if pages_of_text <= 2 else 9))
    document.setHtml(REPORT_HTML)
    document.setPageSize(QSizeF(body.width(), body.height()))
    painter = QPainter(writer)
    try:
        count = document.pageCount()
        for index in range(count):
            if index:
                writer.newPage()
            painter.setFont(QFont("DejaVu Sans", 8))
            painter.drawText(QRectF(0, 0, page.width(), header_height - 10), HEADER)
            footer = QRectF(0, page.height() - header_height + 10, page.width(), 30)
            painter.drawText(footer, f"Page {index + 1} of {count}")
            painter.save()
            painter.translate(0, header_height - index * body.height())
            document.drawContents(painter, QRectF(0, index * body.height(), body.width(), body.height()))
            painter.restore()
    finally:
        painter.end()
    return path
