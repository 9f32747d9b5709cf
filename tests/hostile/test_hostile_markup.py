"""Stored text is text everywhere: markup planted in every text column shows as the characters it is, in the
window's pages, the glossary, the tree, chart exports (PNG, SVG, CSV) and printed sheets, and loads nothing."""

from __future__ import annotations

import csv
import subprocess
import unicodedata
from pathlib import Path
from xml.dom import minidom

import pytest
from hostile_builders import MARKUP, markup_everywhere
from PySide6.QtGui import QImage

from desktop.charts.spec import chart_for_fact, chart_for_section
from desktop.domain.target import Target
from desktop.export.chart_export import export_chart
from desktop.export.sheet_pdf import write_sheet_pdf
from desktop.store import FactBase
from desktop.ui.main_window import MainWindow

FACT = "ferry-crossings"


@pytest.fixture
def marked(tmp_path: Path, tiny_factbase_path: Path) -> FactBase:
    path = markup_everywhere(tiny_factbase_path, tmp_path)
    with FactBase.open(path) as fb:
        yield fb


def test_pages_glossary_and_tree_show_markup_literally(qtbot, marked: FactBase) -> None:
    from desktop.ui.plot_loader import PlotLoader

    window = MainWindow(marked, PlotLoader())
    qtbot.addWidget(window)
    for target in ("report", f"section:{marked.fact(FACT).section_id}", f"fact:{FACT}"):
        assert window.open_target(target)
        text = window.page.toPlainText()
        assert MARKUP in text, target  # tags as characters, &amp; not turned into &
        assert "alert(1)" in text and "<img" in text
    term = marked.terms()[0]
    assert window.open_target(f"term:{term.term}")
    assert MARKUP in window.glossary.definition.toPlainText()
    label = window.tree_model.index_of(f"fact:{FACT}").data()
    assert label.endswith(MARKUP)


def test_chart_exports_carry_markup_as_text(qapp, marked: FactBase, tmp_path: Path) -> None:
    spec = chart_for_fact(marked, FACT)
    png = QImage(str(export_chart(spec, tmp_path / "c.png")))
    assert MARKUP in png.text("Title")  # a PNG text chunk holds the characters
    svg = minidom.parse(str(export_chart(spec, tmp_path / "c.svg")))
    title = svg.getElementsByTagName("title")[0].firstChild.data
    assert MARKUP in title  # parsed back: it was escaped in the file, and is the characters once read
    assert not svg.getElementsByTagName("img") and not svg.getElementsByTagName("script")
    with export_chart(spec, tmp_path / "c.csv").open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert all(MARKUP in row["label"] for row in rows if row["fact_id"] == FACT)
    section = chart_for_section(marked, marked.fact(FACT).section_id)
    assert section is not None and MARKUP in section.title


def test_a_sheet_prints_markup_as_text(qapp, marked: FactBase, tmp_path: Path) -> None:
    path = write_sheet_pdf(marked, Target.fact(FACT), tmp_path / "s.pdf")
    assert path is not None
    text = subprocess.run(["pdftotext", "-raw", str(path), "-"], capture_output=True, text=True, check=True).stdout
    text = unicodedata.normalize("NFKC", text)
    assert "<b>bold</b>" in text and "<script>" in text
