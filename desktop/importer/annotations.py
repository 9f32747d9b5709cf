"""Fact annotations: the curated file format of resources/facts.toml, read, checked and written.

The importer writes its proposals in this format (--write-annotations) and reads a curated file back
(--annotations); the bundled build reads resources/facts.toml through the same functions. Every check that can
be made without a database is made here, so a wrong quote or value stops the build with a message that names
the fact, rather than shipping a wrong number.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from desktop.importer.document import Report
from desktop.importer.figures import parse_figure
from desktop.importer.vocabulary import KINDS, QUALIFIERS


class AnnotationError(ValueError):
    """An annotation disagrees with the report or with itself."""


@dataclass
class FactAnnotation:
    """One fact: curated by hand, or proposed by the number finder (the rows of the import's review table)."""

    id: str
    section: str
    label: str
    unit: str
    qualifier: str
    period: str
    kind: str
    quote: str
    figure: str | None = None
    value: float | None = None
    value_min: float | None = None
    value_max: float | None = None
    headings: list[dict] = field(default_factory=list)
    derived: bool = False
    formula: str | None = None
    derived_from: list[str] = field(default_factory=list)
    # Where the quote and figure are, when the text alone cannot say (a sentence written twice in a section);
    # left out of hand-written files, where the quote is found by searching its section.
    paragraph: int | None = None
    quote_start: int | None = None
    figure_start: int | None = None


@dataclass
class NotMetric:
    text: str
    reason: str


def load_toml(path: Path) -> dict:
    with path.open("rb") as fh:
        return tomllib.load(fh)


def load_facts(path: Path) -> tuple[list[FactAnnotation], list[NotMetric]]:
    try:
        data = load_toml(path)
    except tomllib.TOMLDecodeError as exc:
        raise AnnotationError(f"{path.name}: not a valid TOML file ({exc})") from None
    known = set(FactAnnotation.__dataclass_fields__)
    facts = []
    for n, entry in enumerate(data.get("fact", []), start=1):
        unknown = set(entry) - known
        if unknown:
            raise AnnotationError(f"fact {entry.get('id', n)!r}: unknown field(s) {', '.join(sorted(unknown))}")
        try:
            facts.append(FactAnnotation(**entry))
        except TypeError as exc:
            raise AnnotationError(f"fact {entry.get('id', n)!r}: {exc}") from None
    not_metrics = [NotMetric(**entry) for entry in data.get("not_metric", [])]
    return facts, not_metrics


def check_facts(facts: list[FactAnnotation], report: Report) -> None:
    """Raise AnnotationError at the first annotation that does not hold against the report."""
    seen: set[str] = set()
    sections = {s.id: s for s in report.sections}
    numbered = {(s.id, p.number): p for s in report.sections for p in s.paragraphs}
    for fact in facts:
        where = f"fact {fact.id!r}"
        if fact.id in seen:
            raise AnnotationError(f"{where}: duplicate id")
        seen.add(fact.id)
        if fact.section not in sections:
            raise AnnotationError(f"{where}: unknown section {fact.section!r}")
        if fact.kind not in KINDS:
            raise AnnotationError(f"{where}: unknown kind {fact.kind!r}")
        if fact.qualifier not in QUALIFIERS:
            raise AnnotationError(f"{where}: unknown qualifier {fact.qualifier!r}")
        if fact.paragraph is not None:
            paragraph = numbered.get((fact.section, fact.paragraph))
            if paragraph is None or fact.quote not in paragraph.text:
                raise AnnotationError(f"{where}: quote not found in paragraph {fact.paragraph} of its section")
            at = fact.quote_start
            if at is not None and paragraph.text[at : at + len(fact.quote)] != fact.quote:
                raise AnnotationError(f"{where}: quote is not at {at} in paragraph {fact.paragraph}")
        else:
            paragraphs = [p for p in sections[fact.section].paragraphs if fact.quote in p.text]
            if len(paragraphs) != 1:
                raise AnnotationError(f"{where}: quote found in {len(paragraphs)} paragraphs of its section, not 1")
        if fact.derived:
            _check_derived(fact, seen)
            continue
        _check_figure(fact, where)
        stated = parse_figure(fact.figure or "")
        for heading in fact.headings:
            line = heading_line(report, fact.section, heading["where"])
            if line.count(heading["figure"]) != 1 or parse_figure(heading["figure"]) != stated:
                raise AnnotationError(f"{where}: {heading['where']} does not state {fact.figure!r}")


def _check_figure(fact: FactAnnotation, where: str) -> None:
    if fact.figure is None:
        raise AnnotationError(f"{where}: a stated fact needs its figure")
    if fact.figure_start is not None:
        if fact.quote[fact.figure_start : fact.figure_start + len(fact.figure)] != fact.figure:
            raise AnnotationError(f"{where}: figure {fact.figure!r} is not at {fact.figure_start} in its quote")
    elif fact.quote.count(fact.figure) != 1:
        raise AnnotationError(f"{where}: figure {fact.figure!r} must occur exactly once in its quote")
    try:
        stated = parse_figure(fact.figure)
    except ValueError:
        raise AnnotationError(f"{where}: {fact.figure!r} is not a figure the importer can read") from None
    expected = (fact.value_min, fact.value_max) if fact.value is None else (fact.value,)
    if tuple(float(v) for v in expected if v is not None) != stated:
        raise AnnotationError(f"{where}: value {expected} does not match the figure {fact.figure!r}")


def _check_derived(fact: FactAnnotation, known: set[str]) -> None:
    if not fact.formula or not fact.derived_from:
        raise AnnotationError(f"fact {fact.id!r}: a derived value needs its formula and derived_from")
    missing = [f for f in fact.derived_from if f not in known]
    if missing:
        raise AnnotationError(f"fact {fact.id!r}: derived from unknown or later facts {missing}")


def heading_line(report: Report, section_id: str, where: str) -> str:
    if where == "headline":
        return report.headline.text
    if where == "subheading":
        section = next(s for s in report.sections if s.id == section_id)
        if section.subheading is not None:
            return section.subheading.text
    raise AnnotationError(f"section {section_id!r} has no {where}")
