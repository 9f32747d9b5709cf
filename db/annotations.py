"""The hand-curated annotations (resources/facts.toml, structure.toml): the importer's annotation format.

The builder and the importer read, check and write annotations with the same functions (desktop.importer.
annotations); this module keeps the names the builder and its tests have always used.
"""

from __future__ import annotations

from desktop.importer.annotations import (
    AnnotationError,
    FactAnnotation,
    NotMetric,
    check_facts,
    heading_line,
    load_facts,
    load_toml,
)
from desktop.importer.vocabulary import KINDS, QUALIFIERS

__all__ = [
    "KINDS",
    "QUALIFIERS",
    "AnnotationError",
    "FactAnnotation",
    "NotMetric",
    "check_facts",
    "heading_line",
    "load_facts",
    "load_toml",
]
