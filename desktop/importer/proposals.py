"""Every number of the body as a proposed fact, and every number that is not a metric with its reason.

Sentence by sentence: the figure, its sentence (the quote) and their offsets come straight from the paragraph,
so a proposal is verbatim by construction. Headings are not proposed from; a figure the headline or a
section's sub-heading states again is linked to the fact as the bundled report's annotations do.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from desktop.importer.annotations import FactAnnotation, NotMetric
from desktop.importer.document import Report, ReportSection
from desktop.importer.figures import parse_figure
from desktop.importer.labels import label_for
from desktop.importer.numbers import find_figures
from desktop.importer.periods import AS_AT_THE_REPORT, period_in
from desktop.importer.sentences import sentence_spans
from desktop.importer.shape import slug

Progress = Callable[[int, int], bool]


class Cancelled(Exception):
    """The progress callback returned False."""


@dataclass
class Proposals:
    facts: list[FactAnnotation] = field(default_factory=list)
    not_metrics: list[NotMetric] = field(default_factory=list)  # one per distinct text, the first reason given


def propose_facts(report: Report, year: int | None, as_of: str = "", progress: Progress | None = None) -> Proposals:
    out = Proposals()
    used_ids: dict[str, int] = {}
    seen_not_metrics: set[str] = set()
    total = sum(len(s.paragraphs) for s in report.sections)
    done = 0
    for section in report.sections:
        section_period = ""
        for paragraph in section.paragraphs:
            stated = period_in(paragraph.text, year, frequency=False, spans=False)
            paragraph_period = stated or section_period or as_of or AS_AT_THE_REPORT
            section_period = stated or section_period
            for start, end in sentence_spans(paragraph.text):
                sentence = paragraph.text[start:end]
                figures, others = find_figures(sentence)
                period = period_in(sentence, year) or paragraph_period
                for index, figure in enumerate(figures):
                    label = label_for(sentence, figure, figures[max(0, index - 3) : index])
                    fact = FactAnnotation(
                        id=_unique(f"{section.id[:24]}-{slug(label)}", used_ids),
                        section=section.id,
                        label=label,
                        unit=figure.unit,
                        qualifier=figure.qualifier,
                        period=period,
                        kind=figure.kind,
                        quote=sentence,
                        figure=figure.text,
                        value=figure.value,
                        value_min=figure.value_min,
                        value_max=figure.value_max,
                        paragraph=paragraph.number,
                        quote_start=start,
                        figure_start=figure.start,
                    )
                    out.facts.append(fact)
                for other in others:
                    if other.text not in seen_not_metrics:
                        seen_not_metrics.add(other.text)
                        out.not_metrics.append(NotMetric(other.text, other.reason))
            done += 1
            if progress is not None and (done % 50 == 0 or done == total) and progress(done, total) is False:
                raise Cancelled()
    _link_headings(report, out.facts)
    return out


def _unique(base: str, used: dict[str, int]) -> str:
    """base, or base-2, base-3 ...: used counts each base's ids, so a thousand equal labels cost no search."""
    base = base[:60].rstrip("-")
    n = used.get(base, 0)
    while True:
        n += 1
        candidate = base if n == 1 else f"{base}-{n}"
        if candidate not in used:
            used[base] = n
            used.setdefault(candidate, 1)  # "x-2" as a base of its own starts after itself
            return candidate


def _link_headings(report: Report, facts: list[FactAnnotation]) -> None:
    """A figure the headline or a sub-heading states again belongs to the first fact stating the same value."""
    by_section: dict[str, list[FactAnnotation]] = {}
    for fact in facts:
        by_section.setdefault(fact.section, []).append(fact)
    for section in report.sections:
        if section.subheading is not None:
            _link(section.subheading.text, "subheading", by_section.get(section.id, []))
    lead = next((s for s in report.sections if s.role == "lead"), None)
    if lead is not None:
        _link(report.headline.text, "headline", by_section.get(lead.id, []))


def _link(line: str, where: str, candidates: list[FactAnnotation]) -> None:
    figures, _ = find_figures(line)
    for figure in figures:
        if line.count(figure.text) != 1:
            continue
        for fact in candidates:
            # A heading's words differ from the sentence's ("Ridership Reaches 268 Million"): the value and
            # whether it is a percentage decide.
            same_kind = (fact.unit == "%") == (figure.unit == "%")
            if fact.figure and same_kind and not any(h["where"] == where for h in fact.headings):
                try:
                    same = parse_figure(fact.figure) == parse_figure(figure.text)
                except ValueError:
                    same = False
                if same:
                    fact.headings.append({"where": where, "figure": figure.text})
                    break


def section_of(report: Report, section_id: str) -> ReportSection:
    return next(s for s in report.sections if s.id == section_id)
