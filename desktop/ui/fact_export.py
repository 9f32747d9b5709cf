"""The All Facts table's rows as a CSV or JSON file: each fact with its report, its link and the report's source.

Rows stream a block at a time into a temporary file beside the target (desktop.export.files.atomic_output), so
a million rows take flat memory and a failure or a cancel leaves no file, and the old one as it was.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from desktop.domain.formatting import plain_number
from desktop.domain.target import Target
from desktop.export.files import Steps, atomic_output
from desktop.store import Fact
from desktop.ui.fact_table_model import ReportPart

EXPORT_FIELDS = ["report", "link", "id", "section_id", "section", "label", "value", "value_min", "value_max"]
EXPORT_FIELDS += ["unit", "qualifier", "period", "period_note", "kind", "quote", "derived", "formula", "source"]
BLOCK = 1000


def export_record(part: ReportPart, fact: Fact) -> dict[str, Any]:
    """A row as exported: the fact, its report, its link and the report's citation."""
    return {
        "report": part.title,
        "link": Target.fact(fact.id).in_report(part.report_id).key,
        "id": fact.id,
        "section_id": fact.section_id,
        "section": part.section_titles.get(fact.section_id, ""),
        "label": fact.label,
        "value": plain_number(fact.value),
        "value_min": plain_number(fact.value_min),
        "value_max": plain_number(fact.value_max),
        "unit": fact.unit,
        "qualifier": fact.qualifier,
        "period": fact.period,
        "period_note": part.factbase.document.period_note(fact.period),
        "kind": fact.kind,
        "quote": fact.quote,
        "derived": fact.derived,
        "formula": fact.formula,
        "source": part.factbase.document.source(part.section_titles.get(fact.section_id, "")),
    }


def export_rows_steps(rows: Iterator[tuple[ReportPart, Fact]], path: Path, fmt: str, total: int) -> Steps[int]:
    """Write rows to path as csv or json, a block at a time; yields (rows written, total); returns the count."""
    count = 0
    with atomic_output(path) as temp, temp.open("w", encoding="utf-8", newline="") as out:
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=EXPORT_FIELDS, lineterminator="\n")
        if fmt == "csv":
            writer.writeheader()
        else:
            buffer.write("[")
        for part, fact in rows:
            record = export_record(part, fact)
            if fmt == "csv":
                writer.writerow(record)
            else:
                buffer.write(("," if count else "") + "\n  " + json.dumps(record, ensure_ascii=False))
            count += 1
            if count % BLOCK == 0:
                out.write(buffer.getvalue())
                buffer.seek(0)
                buffer.truncate()
                yield count, total
        if fmt == "json":
            buffer.write("\n]\n" if count else "]\n")
        out.write(buffer.getvalue())
    return count
