"""Every row of a fact base, table by table, from a report and its facts: the one pipeline builder and importer share.

Work is done in sets: facts are placed through a per-section index of blocks, mentions through a per-paragraph
index of facts, so a report of many thousand paragraphs and facts costs time in proportion to its size.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Iterator
from typing import Any

from db.schema import TABLES
from desktop.importer.annotations import FactAnnotation
from desktop.importer.document import Report


def factbase_rows(report: Report, facts: list[FactAnnotation], meta: dict[str, str]) -> dict[str, list[dict]]:
    """The rows in a fixed order (the bundled build is compared byte for byte with the committed file)."""
    rows: dict[str, list[dict]] = {name: [] for name in TABLES}
    rows["meta"] = [{"key": k, "value": v} for k, v in meta.items()]

    headline_facts: dict[str, str] = {}
    for fact in facts:
        if fact.headings:
            headline_facts.setdefault(fact.section, fact.id)
    blocks: list[dict[str, Any]] = []  # paragraphs and sub-headings, with their ids
    by_section: dict[str, list[dict[str, Any]]] = defaultdict(list)
    subheadings: dict[str, str] = {}
    for position, section in enumerate(report.sections):
        rows["sections"].append(
            {
                "id": section.id,
                "position": position,
                "role": section.role,
                "title": section.heading.text,
                "subheading": section.subheading.text if section.subheading else None,
                "headline_fact_id": headline_facts.get(section.id),
                "source_line": section.heading.number,
            }
        )
        if section.subheading is not None:
            subheadings[section.id] = section.subheading.text
        lines = ([("subheading", section.subheading)] if section.subheading else []) + [
            ("body", p) for p in section.paragraphs
        ]
        for index, (role, line) in enumerate(lines):
            block: dict[str, Any] = {
                "id": line.number,  # the source line number is a stable paragraph id
                "section_id": section.id,
                "position": index,
                "role": role,
                "text": line.text,
                "source_line": line.number,
            }
            blocks.append(block)
            by_section[section.id].append(block)
    rows["paragraphs"] = blocks
    by_id = {b["id"]: b for b in blocks}

    for position, fact in enumerate(facts):
        block = _block_of(fact, by_section[fact.section], by_id)
        quote_start = fact.quote_start if fact.quote_start is not None else block["text"].index(fact.quote)
        figure_start = fact.figure_start
        if figure_start is None and fact.figure:
            figure_start = fact.quote.index(fact.figure)
        rows["facts"].append(
            {
                "id": fact.id,
                "section_id": fact.section,
                "position": position,
                "label": fact.label,
                "value": fact.value,
                "value_min": fact.value_min,
                "value_max": fact.value_max,
                "unit": fact.unit,
                "qualifier": fact.qualifier,
                "period": fact.period,
                "kind": fact.kind,
                "quote": fact.quote,
                "figure": fact.figure,
                "paragraph_id": block["id"],
                "quote_start": quote_start,
                "figure_start": figure_start if fact.figure else None,
                "derived": int(fact.derived),
                "formula": fact.formula,
                "derived_from": json.dumps(fact.derived_from) if fact.derived else None,
            }
        )
        for heading in fact.headings:
            text = report.headline.text if heading["where"] == "headline" else subheadings[fact.section]
            rows["fact_headings"].append(
                {
                    "fact_id": fact.id,
                    "location": heading["where"],
                    "text": text,
                    "figure": heading["figure"],
                    "figure_start": text.index(heading["figure"]),
                }
            )

    for position, (term, definition) in enumerate(report.glossary):
        rows["glossary"].append(
            {"term": term.text, "position": position, "definition": definition.text, "source_line": term.number}
        )
    rows["term_mentions"] = list(_term_mentions(report, rows["facts"], blocks, rows["fact_headings"]))
    return rows


def _block_of(fact: FactAnnotation, section_blocks: list[dict], by_id: dict[int, dict]) -> dict:
    if fact.paragraph is not None:
        return by_id[fact.paragraph]
    return next(b for b in section_blocks if fact.quote in b["text"])


def find_mentions(term: str, text: str) -> list[int]:
    """Start offsets of a term in text: case-insensitive, whole words only."""
    pattern = re.compile(r"(?<!\w)" + re.escape(term) + r"(?!\w)", re.IGNORECASE)
    return [m.start() for m in pattern.finditer(text)]


def _term_mentions(report: Report, facts: list[dict], blocks: list[dict], headings: list[dict]) -> Iterator[dict]:
    facts_in: dict[int, list[dict]] = defaultdict(list)
    for fact in facts:
        facts_in[fact["paragraph_id"]].append(fact)
    heading_facts: dict[str, list[str]] = defaultdict(list)
    for heading in headings:
        heading_facts[heading["text"]].append(heading["fact_id"])
    for term, _definition in report.glossary:
        pattern = re.compile(r"(?<!\w)" + re.escape(term.text) + r"(?!\w)", re.IGNORECASE)
        for block in blocks:
            for match in pattern.finditer(block["text"]):
                start = match.start()
                if block["role"] == "subheading":
                    # A sub-heading restates its section's headline fact: a term there belongs to that fact.
                    inside = heading_facts.get(block["text"], [])
                else:
                    inside = [
                        f["id"]
                        for f in facts_in.get(block["id"], [])
                        if f["quote_start"] <= start < f["quote_start"] + len(f["quote"])
                    ]
                # One row per fact whose quote holds the mention (several facts may share a sentence).
                fact_ids: list[str | None] = list(inside) or [None]
                for fact_id in fact_ids:
                    yield {
                        "term": term.text,
                        "section_id": block["section_id"],
                        "paragraph_id": block["id"],
                        "start": start,
                        "length": len(term.text),
                        "fact_id": fact_id,
                    }
