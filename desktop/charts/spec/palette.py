"""Chart colours for the light and dark palettes, as plain hex strings (no Qt: specs and tests can read them)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ChartPalette:
    background: str
    foreground: str  # axes, tick labels, value labels outside bars
    muted: str  # "not stated" outlines and text
    bar: str  # the other facts of the group
    highlight: str  # the fact being viewed
    on_highlight: str  # text drawn inside a highlighted bar
    derived_fill: str  # pale fill of a derived (implied) bar, drawn with a dashed outline
    rest: str  # the remainder of a share


LIGHT = ChartPalette(
    background="#ffffff",
    foreground="#202124",
    muted="#6b6f76",
    bar="#a9bfd6",
    highlight="#1f5fa8",
    on_highlight="#ffffff",
    derived_fill="#e3ecf6",
    rest="#e4e6ea",
)
DARK = ChartPalette(
    background="#1e1f22",
    foreground="#e8eaed",
    muted="#9aa0a6",
    bar="#4d6580",
    highlight="#7fb2ff",
    on_highlight="#10151c",
    derived_fill="#26323f",
    rest="#3a3d42",
)


def chart_palette(dark: bool = False) -> ChartPalette:
    return DARK if dark else LIGHT
