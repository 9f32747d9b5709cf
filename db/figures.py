"""Read a figure as the report writes it: the importer's reading, which the builder checks annotations with."""

from __future__ import annotations

from desktop.importer.figures import ORDINAL_WORDS, SCALE_WORDS, parse_figure

__all__ = ["ORDINAL_WORDS", "SCALE_WORDS", "parse_figure"]
