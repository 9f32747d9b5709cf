"""Fact Explorer: explore the facts of a statistical report offline."""

__version__ = "0.1.0"
