"""`fact-explorer facts` and `fact-explorer glossary`: list the fact base as text, JSON or CSV."""

from __future__ import annotations

import argparse
import csv
import io
import json
import math
import sys
from collections.abc import Iterable
from typing import Any, TextIO

from desktop.domain.formatting import format_fact
from desktop.store import Fact, FactBase

FACT_FIELDS = ["id", "section_id", "section", "label", "value", "unit", "qualifier", "period", "period_note", "kind"]
FACT_FIELDS += ["quote"]
RANGE_FIELDS = ["value_min", "value_max"]
DERIVED_FIELDS = ["derived", "formula", "derived_from"]
BLOCK = 1000  # rows read and written at a time
_json_string = json.encoder.encode_basestring  # type: ignore[attr-defined]  # the C encoder, as ensure_ascii=False


def fact_record(fact: Fact, section_title: str, period_note: str = "") -> dict[str, Any]:
    """A fact as the CLI exports it; range and derived fields appear only where they apply. period_note: how the
    period is known from the report's text (Document.period_note)."""
    record: dict[str, Any] = {
        "id": fact.id,
        "section_id": fact.section_id,
        "section": section_title,
        "label": fact.label,
        "value": fact.value,
        "unit": fact.unit,
        "qualifier": fact.qualifier,
        "period": fact.period,
        "period_note": period_note,
        "kind": fact.kind,
        "quote": fact.quote,
    }
    if fact.is_range:
        record.update(value_min=fact.value_min, value_max=fact.value_max)
    if fact.derived:
        record.update(derived=True, formula=fact.formula, derived_from=list(fact.derived_from))
    return record


def _numbers_as_ints(record: dict[str, Any]) -> dict[str, Any]:
    # 4550000.0 reads as a float artefact in JSON and CSV; whole numbers are written as integers.
    return {k: int(v) if isinstance(v, float) and v.is_integer() else v for k, v in record.items()}


def run_facts(factbase: FactBase, args: argparse.Namespace) -> int:
    """Every fact, streamed: rows are read a block at a time and written a block at a time (flat memory)."""
    titles = {s.id: s.title for s in factbase.sections()}
    note = factbase.document.period_note
    records = (
        _numbers_as_ints(fact_record(f, titles[f.section_id], note(f.period))) for f in factbase.iter_facts(BLOCK)
    )
    out = sys.stdout
    if args.format == "json":
        write_json_array(records, out)
    elif args.format == "csv":
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=FACT_FIELDS + RANGE_FIELDS + DERIVED_FIELDS, lineterminator="\n")
        writer.writeheader()
        for count, record in enumerate(records, start=1):
            if "derived_from" in record:
                record["derived_from"] = " ".join(record["derived_from"])
            writer.writerow(record)
            if count % BLOCK == 0:
                out.write(buffer.getvalue())
                buffer.seek(0)
                buffer.truncate()
        out.write(buffer.getvalue())
    else:
        width = factbase.longest_fact_id()
        lines: list[str] = []
        for fact in factbase.iter_facts(BLOCK):
            derived = "  (derived)" if fact.derived else ""
            lines.append(f"{fact.id:<{width}}  {format_fact(fact)}, {fact.period}: {fact.label}{derived}\n")
            if len(lines) == BLOCK:
                out.write("".join(lines))
                lines.clear()
        out.write("".join(lines))
    return 0


def write_json_array(records: Iterable[dict[str, Any]], out: TextIO) -> None:
    """What json.dump(list(records), out, ensure_ascii=False, indent=2) writes, without holding the list.

    json.dump(indent=...) uses the pure-Python encoder and, unbuffered, writes once per token (100 s at 1M facts,
    docs/performance.md); here each value goes through the C string encoder and a block of records is one write.
    """
    block: list[str] = []
    first = True
    for record in records:
        block.append(("[\n" if first else ",\n") + _record_json(record))
        first = False
        if len(block) == BLOCK:
            out.write("".join(block))
            block.clear()
    block.append("[]\n" if first else "\n]\n")
    out.write("".join(block))


def _record_json(record: dict[str, Any]) -> str:
    fields = []
    for key, value in record.items():
        if isinstance(value, str):
            text = _json_string(value)
        elif value is None:
            text = "null"
        elif isinstance(value, bool):
            text = "true" if value else "false"
        elif isinstance(value, int) or (isinstance(value, float) and math.isfinite(value)):
            text = repr(value)  # what json writes for these, without a call into the encoder per value
        elif isinstance(value, float):
            text = json.dumps(value)
        else:
            text = json.dumps(value, ensure_ascii=False, indent=2).replace("\n", "\n    ")
        fields.append(f"    {_json_string(key)}: {text}")
    return "  {\n" + ",\n".join(fields) + "\n  }"


def run_glossary(factbase: FactBase, args: argparse.Namespace) -> int:
    terms = factbase.terms()
    if args.format == "json":
        json.dump(
            [{"term": t.term, "definition": t.definition} for t in terms], sys.stdout, ensure_ascii=False, indent=2
        )
        sys.stdout.write("\n")
    else:
        # Plain text reads the Markdown bold as the words it marks; --json keeps the definition verbatim.
        for term in terms:
            sys.stdout.write(f"{term.term}\n    {term.definition.replace('**', '')}\n\n")
    return 0


def add_facts_parser(sub: argparse._SubParsersAction, parents: list[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("facts", parents=parents, help="list every fact", description="List every fact of the report.")
    group = p.add_mutually_exclusive_group()
    group.add_argument("--json", dest="format", action="store_const", const="json", help="as a JSON array")
    group.add_argument("--csv", dest="format", action="store_const", const="csv", help="as CSV with a header row")
    p.set_defaults(run=run_facts, format="text")


def add_glossary_parser(sub: argparse._SubParsersAction, parents: list[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "glossary", parents=parents, help="list the glossary", description="List the glossary's terms and definitions."
    )
    p.add_argument("--json", dest="format", action="store_const", const="json", help="as a JSON array")
    p.set_defaults(run=run_glossary, format="text")
