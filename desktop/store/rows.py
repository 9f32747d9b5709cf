"""Rows of a fact base's tables as the store's records: the one place that knows both shapes."""

from __future__ import annotations

import dataclasses
import json
import sqlite3
from collections.abc import Iterator
from typing import Any

from desktop.store.models import Fact, FactHeading, GlossaryTerm, Paragraph, Section


def section_row(r: sqlite3.Row) -> Section:
    return Section(
        r["id"], r["position"], r["role"], r["title"], r["subheading"], r["headline_fact_id"], r["source_line"]
    )


def fact_row(r: sqlite3.Row) -> Fact:
    return Fact(
        id=r["id"],
        section_id=r["section_id"],
        position=r["position"],
        label=r["label"],
        value=r["value"],
        value_min=r["value_min"],
        value_max=r["value_max"],
        unit=r["unit"],
        qualifier=r["qualifier"],
        period=r["period"],
        kind=r["kind"],
        quote=r["quote"],
        figure=r["figure"],
        paragraph_id=r["paragraph_id"],
        quote_start=r["quote_start"],
        figure_start=r["figure_start"],
        derived=bool(r["derived"]),
        formula=r["formula"],
        derived_from=tuple(json.loads(r["derived_from"])) if r["derived_from"] else (),
    )


def term_row(r: sqlite3.Row) -> GlossaryTerm:
    return GlossaryTerm(r["term"], r["position"], r["definition"])


FACT_FIELDS = [f.name for f in dataclasses.fields(Fact)]
FACT_COLUMNS = ", ".join(f"f.{name}" for name in FACT_FIELDS)  # the facts table's columns carry Fact's names


def fact_tuple(r: tuple[Any, ...]) -> Fact:
    derived_from = tuple(json.loads(r[18])) if r[18] else ()
    return Fact(
        r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], r[8], r[9], r[10], r[11], r[12], r[13], r[14], r[15],
        bool(r[16]), r[17], derived_from,
    )  # fmt: skip


def paragraph_row(r: sqlite3.Row) -> Paragraph:
    return Paragraph(r["id"], r["section_id"], r["position"], r["role"], r["text"])


def heading_row(r: sqlite3.Row) -> FactHeading:
    return FactHeading(r["fact_id"], r["location"], r["text"], r["figure"], r["figure_start"])


def chunks(items: list[str], size: int = 500) -> Iterator[list[str]]:
    # SQLite caps bound parameters per statement (32766 here, 999 on old builds): ask in blocks.
    for start in range(0, len(items), size):
        yield items[start : start + size]
