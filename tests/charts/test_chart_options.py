"""Export options read back from the files: size and aspect, pixel ratio, background (colours, alpha, no SVG rect),
title, subtitle and notes (PNG text chunks, SVG title/desc/text, CSV), the legible minimum of text at any width."""

from __future__ import annotations

import csv
import io
from xml.dom import minidom

import pytest
from PySide6.QtGui import QColor, QImage

from desktop.charts.plot.render import FOOTER_PIXEL_SIZE, MIN_TEXT_PIXELS, chart_layout
from desktop.charts.spec import ChartSpec, chart_for_target
from desktop.charts.spec.palette import DARK, LIGHT
from desktop.domain.target import resolve
from desktop.export.chart_export import chart_bytes
from desktop.export.chart_options import SIZE_PRESETS, ChartOptions, parse_size
from desktop.export.files import ExportError
from desktop.store import FactBase


@pytest.fixture
def spec(factbase: FactBase) -> ChartSpec:
    return chart_for_target(factbase, resolve(factbase, "new-data-products-growth"))


def _png(spec: ChartSpec, **options: object) -> QImage:
    image = QImage.fromData(chart_bytes(spec, "png", options=ChartOptions(**options)))  # type: ignore[arg-type]
    assert not image.isNull()
    return image


def _svg(spec: ChartSpec, **options: object) -> minidom.Document:
    return minidom.parseString(chart_bytes(spec, "svg", options=ChartOptions(**options)))  # type: ignore[arg-type]


def _svg_text(doc: minidom.Document) -> str:
    return " ".join(t.firstChild.data for t in doc.getElementsByTagName("text") if t.firstChild is not None)


@pytest.mark.parametrize("preset", ["slide", "4:3", "square"])
def test_a_preset_gives_its_pixel_size_in_png_and_its_aspect_in_svg(qapp, spec: ChartSpec, preset: str) -> None:
    width, height = SIZE_PRESETS[preset]
    assert height is not None
    image = _png(spec, size=preset)
    assert (image.width(), image.height()) == (width, height)
    svg = _svg(spec, size=preset).documentElement
    _, _, view_w, view_h = (float(v) for v in svg.getAttribute("viewBox").split())
    assert view_w / view_h == pytest.approx(width / height, rel=0.005)
    assert (svg.getAttribute("width"), svg.getAttribute("height")) == (str(width), str(height))


def test_column_is_600_wide_with_the_charts_own_height_and_a_custom_size_is_exact(qapp, spec: ChartSpec) -> None:
    column = _png(spec, size="column")
    assert column.width() == 600 and 300 < column.height() < 600
    custom = _png(spec, size=(1000, 700))
    assert (custom.width(), custom.height()) == (1000, 700)
    wider_slide = _png(spec, size="slide", width=1280)  # a width beside a preset keeps its ratio
    assert (wider_slide.width(), wider_slide.height()) == (1280, 720)


def test_scale_multiplies_pixels_and_dpi_is_recorded(qapp, spec: ChartSpec) -> None:
    once, twice = _png(spec, size="column"), _png(spec, size="column", scale=2)
    assert (twice.width(), twice.height()) == (2 * once.width(), 2 * once.height())
    print_dpi = _png(spec, size="column", dpi=192)
    assert print_dpi.width() == 1200
    assert round(print_dpi.dotsPerMeterX() * 0.0254) == 192


def test_dark_background_and_light_ink(qapp, spec: ChartSpec) -> None:
    image = _png(spec, background="dark")
    assert image.pixelColor(3, 3) == QColor(DARK.background)
    # the highlighted bar is drawn in the dark palette's highlight colour
    samples = {image.pixelColor(x, y).name() for x in range(0, image.width(), 8) for y in range(0, image.height(), 8)}
    assert DARK.highlight in samples and LIGHT.highlight not in samples
    svg = _svg(spec, background="dark").documentElement
    rect = next(e for e in svg.childNodes if getattr(e, "tagName", None) == "rect")
    assert DARK.background in rect.getAttribute("style") + rect.getAttribute("fill")


def test_transparent_png_has_alpha_and_svg_no_background_rect(qapp, spec: ChartSpec) -> None:
    image = _png(spec, background="transparent")
    assert image.hasAlphaChannel() and image.pixelColor(3, 3).alpha() == 0
    inked = [image.pixelColor(x, y).alpha() for x in range(0, image.width(), 8) for y in range(0, image.height(), 8)]
    assert any(a == 255 for a in inked)  # the bars and the text are opaque
    svg = _svg(spec, background="transparent").documentElement
    assert not any(getattr(e, "tagName", None) == "rect" for e in svg.childNodes)
    light = _svg(spec).documentElement
    assert any(getattr(e, "tagName", None) == "rect" for e in light.childNodes)


def test_title_subtitle_and_notes_in_png_svg_and_csv(qapp, spec: ChartSpec) -> None:
    asked = {"title": "New data products, H1", "subtitle": "Half-year counts", "notes": "Rounded by the editor."}
    image = _png(spec, **asked)
    assert image.text("Title") == "New data products, H1"
    assert "Rounded by the editor." in image.text("Description")
    doc = _svg(spec, **asked)
    assert doc.getElementsByTagName("title")[0].firstChild.data == "New data products, H1"
    desc = doc.getElementsByTagName("desc")[0].firstChild.data
    assert "Rounded by the editor." in desc and spec.notes[0] in desc  # beside the chart's own notes
    words = _svg_text(doc)
    assert "Half-year counts" in words and "Rounded by the editor." in words and spec.title not in words
    rows = list(csv.DictReader(io.StringIO(chart_bytes(spec, "csv", options=ChartOptions(**asked)).decode())))
    assert {r["chart"] for r in rows} == {"New data products, H1"}
    assert len(rows) == len(spec.bars)


def test_a_subtitle_adds_a_line_without_changing_the_picture_size(qapp, spec: ChartSpec) -> None:
    plain, with_subtitle = _png(spec, size="slide"), _png(spec, size="slide", subtitle="Half-year counts")
    assert (plain.width(), plain.height()) == (with_subtitle.width(), with_subtitle.height())
    assert plain != with_subtitle


def _bottom_line_ink_height(image: QImage) -> int:
    """Height in output pixels of the ink of the footer's last line: the lowest run of rows with dark pixels."""
    background = image.pixelColor(0, image.height() - 1).lightness()

    def inked(y: int) -> bool:
        return any(background - image.pixelColor(x, y).lightness() > 60 for x in range(image.width() // 2))

    y = image.height() - 1
    while y > 0 and not inked(y):
        y -= 1
    bottom = y
    while y > 0 and inked(y):
        y -= 1
    return bottom - y


@pytest.mark.parametrize("width", [400, 800, 1600])
def test_footer_text_is_never_under_the_legible_minimum(qapp, spec: ChartSpec, width: int) -> None:
    layout = chart_layout(spec, width)
    assert layout.scale * FOOTER_PIXEL_SIZE >= MIN_TEXT_PIXELS
    assert layout.width * layout.scale == pytest.approx(width)
    image = _png(spec, width=width)
    # a line with parentheses inks about 0.9 of its font's pixel size; 6 px text (the old 400-px footer) inks 5
    assert _bottom_line_ink_height(image) >= 0.75 * MIN_TEXT_PIXELS


def test_narrow_pictures_lay_out_narrower_instead_of_shrinking(qapp, spec: ChartSpec) -> None:
    assert chart_layout(spec, 1600).width == 800
    narrow = chart_layout(spec, 400)
    assert 480 <= narrow.width < 800  # never below the plot's own minimum width


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"size": "poster"}, "size 'poster' is not known"),
        ({"size": (100, 700)}, "width 100 px is out of range"),
        ({"scale": 4}, "scale 4 is not offered"),
        ({"scale": 2, "dpi": 300}, "a scale or a dpi, not both"),
        ({"dpi": 20}, "20 dpi is out of range"),
        ({"background": "blue"}, "background 'blue' is not known"),
        ({"title": "x" * 600}, "the title is 600 characters long"),
    ],
)
def test_bad_options_are_one_line_errors(options: dict[str, object], message: str) -> None:
    with pytest.raises(ExportError, match=message) as caught:
        ChartOptions(**options)  # type: ignore[arg-type]
    assert "\n" not in str(caught.value)


def test_parse_size_reads_presets_and_width_by_height() -> None:
    assert parse_size("Slide") == "slide" and parse_size("1280x720") == (1280, 720)
    with pytest.raises(ExportError, match="WIDTHxHEIGHT"):
        parse_size("wide")


def test_options_on_the_tiny_factbase(qapp, tiny_factbase: FactBase) -> None:
    from desktop.charts.spec import chart_targets

    target = chart_targets(tiny_factbase)[0]
    spec = chart_for_target(tiny_factbase, target)
    assert spec is not None
    image = _png(spec, size="square", background="dark", title="Tiny")
    assert (image.width(), image.height()) == (1200, 1200) and image.text("Title") == "Tiny"
