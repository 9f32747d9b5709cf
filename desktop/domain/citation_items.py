"""The CSL-JSON item that cites a report, a section or a fact: the one record every citation format is written from.

A report states no author, so none is given: the styles move the title to the author's place, as their rules say.
A publisher appears only when the fact base's metadata names one; a date only as far as `source_date` states it
(the bundled report gives a year, so citations show the year and no month). What a style has no place for (the
quote, a derived value's formula, the "figures as of" date, the fact base's version) goes into `note`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date
from typing import Any

from desktop.domain.formatting import format_fact
from desktop.store import Document, Fact, FactBase, Section, UnknownIdError

REPORT_ID = "report"  # the id that names the whole report where a fact or section id is expected

CslItem = dict[str, Any]


def item_for_id(factbase: FactBase, target_id: str, accessed: date | None = None) -> CslItem:
    """The item citing `report`, a section id or a fact id; an unknown id raises UnknownIdError naming the nearest."""
    if target_id == REPORT_ID:
        return report_item(factbase, accessed)
    sections = {s.id: s for s in factbase.sections()}
    if target_id in sections:
        return section_item(factbase, target_id, accessed)
    try:
        return fact_item(factbase, target_id, accessed)
    except UnknownIdError as exc:
        # The fact ids beside the wanted one (exc.nearest), never every id: 19 s at a million facts.
        raise UnknownIdError("fact or section", target_id, [REPORT_ID, *sections, *exc.nearest]) from None


def report_item(factbase: FactBase, accessed: date | None = None) -> CslItem:
    doc = factbase.document
    item = _base(doc, _item_id(doc, REPORT_ID), accessed)
    item.update(type="report", title=doc.title)
    item["note"] = _join(_as_of(doc), _version(doc))
    return _without_empty(item)


def section_item(factbase: FactBase, section_id: str, accessed: date | None = None) -> CslItem:
    doc = factbase.document
    section = factbase.section(section_id)
    item = _in_report(doc, section, _item_id(doc, section.id), accessed)
    item["note"] = _join(_as_of(doc), _version(doc))
    return _without_empty(item)


def fact_item(factbase: FactBase, fact_id: str, accessed: date | None = None) -> CslItem:
    doc = factbase.document
    fact = factbase.fact(fact_id)
    item = _in_report(doc, factbase.section(fact.section_id), _item_id(doc, fact.id), accessed)
    item["note"] = _join(_fact_note(fact), _as_of(doc), _version(doc))
    return _without_empty(item)


def comparison_items(members: Iterable[tuple[FactBase, str]], accessed: date | None = None) -> list[CslItem]:
    """A comparison cites each of its facts, in its order, once each (the same fact twice is one reference)."""
    items: dict[str, CslItem] = {}
    for factbase, fact_id in members:
        item = fact_item(factbase, fact_id, accessed)
        items.setdefault(item["id"], item)
    return list(items.values())


def _base(doc: Document, item_id: str, accessed: date | None) -> CslItem:
    day = accessed or date.today()
    item: CslItem = {"id": item_id}
    # The store's Document has no publisher yet; when it gains one (meta key `publisher`), citations show it.
    item["publisher"] = getattr(doc, "publisher", None)
    issued = issued_date_parts(doc.source_date)
    if issued:
        item["issued"] = {"date-parts": [issued]}
    item["accessed"] = {"date-parts": [[day.year, day.month, day.day]]}
    item["source"] = f"Fact Explorer fact base, version {doc.factbase_version}"
    return item


def _in_report(doc: Document, section: Section, item_id: str, accessed: date | None) -> CslItem:
    # A section is a part of its report: CSL's "chapter" is the type the styles render as "Section. In Report."
    item = _base(doc, item_id, accessed)
    item.update({"type": "chapter", "title": section.title, "container-title": doc.title})
    return item


def _fact_note(fact: Fact) -> str:
    if fact.derived:
        return (
            f"Derived value, not stated in the report: {fact.label}, {format_fact(fact)} ({fact.period}), "
            f"worked out as {fact.formula}; from “{fact.quote}”"
        )
    return f"{fact.label}, {format_fact(fact)} ({fact.period}): “{fact.quote}”"


def _as_of(doc: Document) -> str:
    return f"Figures as of {doc.source_as_of}" if doc.source_as_of else ""


def _version(doc: Document) -> str:
    return f"Fact Explorer fact base, version {doc.factbase_version}"


def _join(*parts: str) -> str:
    """Sentences joined: each ends with its own stop, unless it ends with a quote that closes on one."""
    return " ".join(p if re.search(r"[.!?][”’\"]?$", p) else p + "." for p in parts if p)


def issued_date_parts(source_date: str) -> list[int]:
    """'2025' -> [2025], '2025-06' -> [2025, 6], '2025-06-30' -> [2025, 6, 30]; no year stated -> [] (n.d.)."""
    match = re.fullmatch(r"\s*(\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?\s*", source_date or "")
    if not match:
        year = re.search(r"\b(\d{4})\b", source_date or "")
        return [int(year.group(1))] if year else []
    return [int(g) for g in match.groups() if g]


def _item_id(doc: Document, target: str) -> str:
    """A key a .bib file can hold: title's first word, year, target ('computing2025-5g-base-stations')."""
    word = re.sub(r"[^a-z0-9]", "", (doc.title.split() or ["report"])[0].lower()) or "report"
    year = issued_date_parts(doc.source_date)
    return f"{word}{year[0] if year else ''}-{re.sub(r'[^A-Za-z0-9_-]', '-', target)}"


_FIELD_ORDER = ("id", "type", "title", "container-title", "publisher", "issued", "accessed", "source", "note")


def _without_empty(item: CslItem) -> CslItem:
    """The item's fields in a fixed order (the CSL-JSON file reads as the reference does), empty ones dropped."""
    return {k: item[k] for k in _FIELD_ORDER if item.get(k) not in (None, "", [])}
