"""What the user asks of an exported chart: its title, subtitle and notes, its size, its pixel ratio, its background.

Pure (no Qt): the command line parses into it, the window's export dialog edits it, and chart_export turns it into
the chart's layout. Bad values raise ExportError with one line, the same for both.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import TYPE_CHECKING

from desktop.export.files import ExportError

if TYPE_CHECKING:  # the command line parses into these options at every start: no chart code imported for it
    from desktop.charts.spec import ChartSpec

DEFAULT_WIDTH = 1600
# 400 px is the plot's minimum width (desktop.charts.plot.widget.MIN_WIDTH, 480) at the smallest legible scale: any
# narrower and its labels collide.
MIN_WIDTH, MAX_WIDTH = 400, 8000
MIN_HEIGHT, MAX_HEIGHT = 200, 8000
# (width, height) in pixels at scale 1; a height of None is the chart's own (its design height plus its footer).
SIZE_PRESETS: dict[str, tuple[int, int | None]] = {
    "default": (DEFAULT_WIDTH, None),
    "slide": (1920, 1080),  # 16:9
    "4:3": (1600, 1200),
    "square": (1200, 1200),
    "column": (600, None),  # a newspaper column
}
SCALES = (1, 2, 3)
MIN_DPI, MAX_DPI = 96, 600  # below 96 the text would shrink under its legible minimum
BACKGROUNDS = ("light", "dark", "transparent")
MAX_TEXT = 500  # characters of a title, subtitle or notes: a chart's words, not an essay

Size = str | tuple[int, int]


@dataclass(frozen=True)
class ChartOptions:
    """title None keeps the chart's own; size is a preset's name or a custom (width, height) in pixels; width, if
    given, overrides the size's width and keeps its aspect ratio; scale multiplies the pixels of a PNG (or dpi sets
    it as dpi / 96 and records the resolution in the file); both leave the layout as it is."""

    title: str | None = None
    subtitle: str = ""
    notes: str = ""
    size: Size = "default"
    width: int | None = None
    scale: int = 1
    dpi: int | None = None
    background: str = "light"

    def __post_init__(self) -> None:
        for name in ("title", "subtitle", "notes"):
            text = getattr(self, name)
            if text is not None and len(text) > MAX_TEXT:
                raise ExportError(f"the {name} is {len(text)} characters long; keep it under {MAX_TEXT}")
        if isinstance(self.size, str):
            if self.size not in SIZE_PRESETS:
                raise ExportError(f"size '{self.size}' is not known; use {', '.join(SIZE_PRESETS)} or WIDTHxHEIGHT")
        else:
            width, height = self.size
            _check_width(width)
            if not MIN_HEIGHT <= height <= MAX_HEIGHT:
                raise ExportError(f"height {height} px is out of range; use {MIN_HEIGHT} to {MAX_HEIGHT}")
        if self.width is not None:
            _check_width(self.width)
        if self.scale not in SCALES:
            raise ExportError(f"scale {self.scale} is not offered; use {', '.join(map(str, SCALES))}")
        if self.dpi is not None:
            if self.scale != 1:
                raise ExportError("give a scale or a dpi, not both")
            if not MIN_DPI <= self.dpi <= MAX_DPI:
                raise ExportError(f"{self.dpi} dpi is out of range; use {MIN_DPI} to {MAX_DPI}")
        if self.background not in BACKGROUNDS:
            raise ExportError(f"background '{self.background}' is not known; use {', '.join(BACKGROUNDS)}")

    @property
    def pixel_size(self) -> tuple[int, int | None]:
        """(width, height or None for the chart's own) of the picture at scale 1."""
        width, height = SIZE_PRESETS[self.size] if isinstance(self.size, str) else self.size
        if self.width is None or self.width == width:
            return width, height
        if height is None:
            return self.width, None
        new_height = round(height * self.width / width)
        if not MIN_HEIGHT <= new_height <= MAX_HEIGHT:
            raise ExportError(f"width {self.width} px makes the {self.size} picture {new_height} px high; too far")
        return self.width, new_height

    @property
    def pixel_ratio(self) -> float:
        """Output pixels per picture pixel: the scale, or dpi / 96."""
        return self.dpi / 96 if self.dpi is not None else float(self.scale)

    def applied_to(self, spec: ChartSpec) -> ChartSpec:
        """The chart with the asked title, and the notes under the plot after its own notes."""
        changes: dict[str, object] = {}
        if self.title is not None and self.title.strip():
            changes["title"] = self.title.strip()
        if self.notes.strip():
            changes["notes"] = (*spec.notes, *(line.strip() for line in self.notes.splitlines() if line.strip()))
        return dataclasses.replace(spec, **changes) if changes else spec  # type: ignore[arg-type]


def parse_size(text: str) -> Size:
    """A preset's name, or 'WIDTHxHEIGHT' in pixels (1280x720)."""
    text = text.strip().lower()
    if text in SIZE_PRESETS:
        return text
    width, sep, height = text.partition("x")
    if not sep or not width.isdigit() or not height.isdigit():
        raise ExportError(f"size '{text}' is not known; use {', '.join(SIZE_PRESETS)} or WIDTHxHEIGHT")
    return int(width), int(height)


def size_text(size: Size) -> str:
    return size if isinstance(size, str) else f"{size[0]}x{size[1]}"


def _check_width(width: int) -> None:
    if not MIN_WIDTH <= width <= MAX_WIDTH:
        raise ExportError(f"width {width} px is out of range; use {MIN_WIDTH} to {MAX_WIDTH}")
