"""Chart export read back: PNG size, pixels and text chunks; SVG parsed and rendered like the PNG; CSV values."""

from __future__ import annotations

import csv
import io
import os
from pathlib import Path
from xml.dom import minidom

import pytest
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

from desktop.charts.spec import ChartSpec, chart_for_target
from desktop.charts.spec.palette import LIGHT
from desktop.domain.target import resolve
from desktop.export.chart_export import copy_chart_to_clipboard, export_chart
from desktop.export.files import ExportError
from desktop.store import FactBase


@pytest.fixture
def spec(factbase: FactBase) -> ChartSpec:
    return chart_for_target(factbase, resolve(factbase, "new-data-products-growth"))


def _colour_share(image: QImage, colour: str, step: int = 4) -> float:
    target = QColor(colour)
    samples = [image.pixelColor(x, y) for x in range(0, image.width(), step) for y in range(0, image.height(), step)]
    return sum(1 for c in samples if c == target) / len(samples)


def _small_grey(image: QImage, width: int = 200) -> list[int]:
    small = image.convertToFormat(QImage.Format.Format_RGB32).scaledToWidth(
        width, Qt.TransformationMode.SmoothTransformation
    )
    return [QColor(small.pixel(x, y)).lightness() for y in range(small.height()) for x in range(small.width())]


def _difference(a: QImage, b: QImage) -> float:
    """Mean absolute lightness difference (0–255) of the two pictures shrunk to 200 px wide."""
    pa, pb = _small_grey(a), _small_grey(b)
    assert len(pa) == len(pb), "the two pictures have different shapes"
    return sum(abs(x - y) for x, y in zip(pa, pb, strict=True)) / len(pa)


def _render_svg(path: Path, size: tuple[int, int]) -> QImage:
    renderer = QSvgRenderer(str(path))
    assert renderer.isValid()
    image = QImage(size[0], size[1], QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    renderer.render(painter, QRectF(0, 0, size[0], size[1]))
    painter.end()
    return image


def test_png_is_1600_wide_not_blank_with_provenance_chunks(qapp, tmp_path: Path, spec: ChartSpec) -> None:
    path = export_chart(spec, tmp_path / "growth.png")
    image = QImage(str(path))
    assert image.width() == 1600 and 700 < image.height() < 1400
    assert _colour_share(image, LIGHT.highlight) > 0.03, "the highlighted bar is missing"
    assert 0.4 < _colour_share(image, LIGHT.background) < 0.97, "the picture is blank or has no white background"
    assert image.text("Title") == spec.title
    assert "Undated report; figures as of" in image.text("Source") and "H1 2025" in image.text("Source")
    assert "1,958" in image.text("Description") and "derived" in image.text("Description")


def test_png_takes_the_asked_width_and_keeps_the_look(qapp, tmp_path: Path, spec: ChartSpec) -> None:
    big = QImage(str(export_chart(spec, tmp_path / "big.png")))
    small = QImage(str(export_chart(spec, tmp_path / "small.png", width=800)))
    assert small.width() == 800 and abs(small.height() * 2 - big.height()) <= 2
    assert _difference(big, small) < 6  # the same chart at half the resolution, not a re-laid-out one


def test_svg_has_metadata_and_renders_like_the_png(qapp, tmp_path: Path, factbase: FactBase) -> None:
    spec = chart_for_target(factbase, resolve(factbase, "internet-users"))
    png = QImage(str(export_chart(spec, tmp_path / "users.png")))
    svg_path = export_chart(spec, tmp_path / "users.svg")
    doc = minidom.parse(str(svg_path))
    root = doc.documentElement
    assert root.tagName == "svg" and root.getAttribute("width") == "1600"
    assert doc.getElementsByTagName("title")[0].firstChild.data == spec.title
    assert "Undated report; figures as of" in doc.getElementsByTagName("desc")[0].firstChild.data
    assert doc.getElementsByTagName("metadata")[0].getElementsByTagName("dc:source")
    texts = " ".join(t.firstChild.data for t in doc.getElementsByTagName("text") if t.firstChild)
    assert "1.123 billion" in texts and "Undated report; figures as of" in texts
    rendered = _render_svg(svg_path, (png.width(), png.height()))
    other = QImage(
        str(
            export_chart(
                chart_for_target(factbase, resolve(factbase, "new-data-products-growth")), tmp_path / "other.png"
            )
        )
    )
    other = other.scaled(png.width(), png.height())
    same, different = _difference(png, rendered), _difference(png, other)
    assert same < 1.5, f"the SVG does not look like the PNG (difference {same:.2f})"
    assert different > 4 * same, "the comparison cannot tell charts apart"


@pytest.mark.parametrize("chart_id", ["computing-power-rank", "internet-penetration-rate", "apparel-turnaround"])
def test_svg_of_every_kind_renders_like_its_png(qapp, tmp_path: Path, factbase: FactBase, chart_id: str) -> None:
    spec = chart_for_target(factbase, resolve(factbase, chart_id))
    png = QImage(str(export_chart(spec, tmp_path / "c.png")))
    rendered = _render_svg(export_chart(spec, tmp_path / "c.svg"), (png.width(), png.height()))
    assert _difference(png, rendered) < 1.5


def test_csv_values_are_the_facts_values(qapp, tmp_path: Path, factbase: FactBase) -> None:
    spec = chart_for_target(factbase, resolve(factbase, "internet-users"))
    rows = list(csv.DictReader(io.StringIO(export_chart(spec, tmp_path / "u.csv").read_text(encoding="utf-8"))))
    expected = {b.fact_id: factbase.fact(b.fact_id).value for b in spec.bars if b.fact_id}
    assert {r["fact_id"]: float(r["value"]) for r in rows} == expected
    assert {r["unit"] for r in rows} == {"people"}
    assert all("Undated report; figures as of" in r["source"] for r in rows)


def test_csv_flags_the_derived_before(qapp, tmp_path: Path, spec: ChartSpec) -> None:
    rows = list(csv.DictReader((export_chart(spec, tmp_path / "g.csv")).open(encoding="utf-8")))
    assert [(r["value"], r["derived"], r["fact_id"]) for r in rows] == [
        ("1958", "yes", "new-data-products-year-earlier"),
        ("3328", "no", "new-data-products"),
    ]


def _csv_rows(factbase: FactBase, tmp_path: Path, chart_id: str) -> list[dict[str, str]]:
    path = export_chart(chart_for_target(factbase, resolve(factbase, chart_id)), tmp_path / f"{chart_id}.csv")
    return list(csv.DictReader(path.open(encoding="utf-8")))


def test_csv_says_the_rest_of_a_share_is_derived(qapp, tmp_path: Path, factbase: FactBase) -> None:
    rows = _csv_rows(factbase, tmp_path, "internet-penetration-rate")
    assert [(r["label"], r["value"], r["derived"]) for r in rows] == [
        ("Internet penetration rate", "79.7", "no"),
        ("Rest", "20.3", "yes"),
    ]


def test_csv_keeps_both_ends_of_a_range(qapp, tmp_path: Path, factbase: FactBase) -> None:
    (row,) = _csv_rows(factbase, tmp_path, "apparel-turnaround")
    fact = factbase.fact("apparel-turnaround")
    assert (float(row["value_min"]), float(row["value_max"])) == (fact.value_min, fact.value_max)
    assert row["value"] == ""  # a range has no single value; 7 alone would read as "7 days"
    assert row["value_text"] == "3–7 days"


def test_csv_rows_carry_the_facts_qualifier(qapp, tmp_path: Path, factbase: FactBase) -> None:
    rows = _csv_rows(factbase, tmp_path, "internet-users")
    assert list(rows[0])[:8] == ["label", "value", "unit", "derived", "fact_id", "value_text", "chart", "source"]
    by_fact = {r["fact_id"]: r for r in rows}
    assert {i: r["qualifier"] for i, r in by_fact.items()} == {i: factbase.fact(i).qualifier for i in by_fact}
    insurance = by_fact["medical-insurance-code-users"]
    assert (insurance["value"], insurance["qualifier"]) == ("1200000000", "more than")
    assert all(r["value_min"] == r["value_max"] == "" for r in rows)
    (entities,) = _csv_rows(factbase, tmp_path, "new-market-entities")
    assert (entities["value"], entities["qualifier"]) == ("2600", "+")


@pytest.mark.parametrize(
    ("name", "message"),
    [("chart.txt", "'.txt' is not a chart format"), ("chart", "no extension"), ("missing/c.png", "does not exist")],
)
def test_bad_targets_get_one_line_and_leave_nothing(qapp, tmp_path: Path, spec: ChartSpec, name: str, message: str):
    with pytest.raises(ExportError) as caught:
        export_chart(spec, tmp_path / name)
    assert message in str(caught.value) and "\n" not in str(caught.value)
    assert list(tmp_path.iterdir()) == []


def test_a_directory_is_not_a_chart_file(qapp, tmp_path: Path, spec: ChartSpec) -> None:
    (tmp_path / "d.png").mkdir()
    with pytest.raises(ExportError, match="is a directory"):
        export_chart(spec, tmp_path / "d.png")


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes anywhere: see the /proc test below")
def test_unwritable_directory_is_refused(qapp, tmp_path: Path, spec: ChartSpec) -> None:
    locked = tmp_path / "locked"
    locked.mkdir(mode=0o500)
    with pytest.raises(ExportError, match="not writable"):
        export_chart(spec, locked / "c.png")
    assert list(locked.iterdir()) == []


@pytest.mark.skipif(not Path("/proc/self").is_dir(), reason="needs Linux's /proc, where not even root may create files")
def test_a_directory_no_one_may_write_is_refused_in_one_line(qapp, spec: ChartSpec) -> None:
    target = Path("/proc/fact-explorer-chart.png")
    with pytest.raises(ExportError) as caught:
        export_chart(spec, target)
    assert str(target) in str(caught.value) and "\n" not in str(caught.value)
    assert not target.exists()


def test_failed_write_keeps_the_old_file_and_leaves_no_temp(qapp, tmp_path: Path, spec: ChartSpec, monkeypatch):
    target = tmp_path / "c.csv"
    target.write_text("old", encoding="utf-8")

    def full_disk(*args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full_disk)
    with pytest.raises(ExportError, match="No space left on device"):
        export_chart(spec, target)
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["c.csv"]


def test_width_out_of_range_is_refused(qapp, tmp_path: Path, spec: ChartSpec) -> None:
    with pytest.raises(ExportError, match="out of range"):
        export_chart(spec, tmp_path / "c.png", width=50)


def test_copy_puts_image_svg_and_text_on_the_clipboard(qapp, spec: ChartSpec) -> None:
    copy_chart_to_clipboard(spec)
    mime = QGuiApplication.clipboard().mimeData()
    image = QImage(mime.imageData())
    assert image.width() == 1200 and _colour_share(image, LIGHT.highlight) > 0.03
    assert b"<metadata>" in bytes(mime.data("image/svg+xml").data())
    assert "H1 2024\tabout 1,958 (derived)" in mime.text() and "Undated report; figures as of" in mime.text()
