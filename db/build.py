"""Build the bundled fact base from resources/: `python -m db.build [--out PATH]`.

The build is deterministic (no timestamps, fixed insertion order, VACUUMed), so the committed
db/factbase.sqlite can be checked byte for byte against a fresh build. The file is written to a temporary
name beside the target and renamed into place: a failed build never leaves a half-written fact base.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import sqlite3
import sys
import tempfile
from pathlib import Path

import sqlite_utils

from db.annotations import AnnotationError, FactAnnotation, check_facts, load_facts, load_toml
from db.report import Report, ReportShapeError, parse_report
from db.schema import FOREIGN_KEYS, FTS, INDEXES, PRIMARY_KEYS, SCHEMA_VERSION, TABLES

BUILDER_VERSION = "1.0"
ROOT = Path(__file__).resolve().parent.parent
RESOURCES = ROOT / "resources"
DEFAULT_OUT = Path(__file__).resolve().parent / "factbase.sqlite"


def _create_tables(db: sqlite_utils.Database) -> None:
    for name, columns in TABLES.items():
        db.table(name).create(columns, pk=PRIMARY_KEYS.get(name), foreign_keys=FOREIGN_KEYS.get(name, []))
    for table, columns in INDEXES:
        db.table(table).create_index(columns)


def _rows(report: Report, facts: list[FactAnnotation], structure: dict, source: bytes) -> dict[str, list[dict]]:
    """Every row of the fact base, table by table, in a fixed order."""
    meta = {
        "schema_version": str(SCHEMA_VERSION),
        "builder_version": BUILDER_VERSION,
        "factbase_version": str(structure["factbase"]["version"]),
        "title": report.headline.text,
        "source_file": structure["factbase"]["source_file"],
        "source_sha256": hashlib.sha256(source).hexdigest(),
        "source_date": structure["factbase"]["source_date"],
        "source_as_of": structure["factbase"]["source_as_of"],
        "headline_line": str(report.headline.number),
    }
    rows: dict[str, list[dict]] = {name: [] for name in TABLES}
    rows["meta"] = [{"key": k, "value": v} for k, v in meta.items()]

    blocks: list[dict] = []  # paragraphs and sub-headings, with their ids
    for position, section in enumerate(report.sections):
        headline_fact = next((f.id for f in facts if f.section == section.id and f.headings), None)
        rows["sections"].append(
            {
                "id": section.id,
                "position": position,
                "role": section.role,
                "title": section.heading.text,
                "subheading": section.subheading.text if section.subheading else None,
                "headline_fact_id": headline_fact,
                "source_line": section.heading.number,
            }
        )
        lines = ([("subheading", section.subheading)] if section.subheading else []) + [
            ("body", p) for p in section.paragraphs
        ]
        for index, (role, line) in enumerate(lines):
            blocks.append(
                {
                    "id": line.number,  # the source line number is a stable paragraph id
                    "section_id": section.id,
                    "position": index,
                    "role": role,
                    "text": line.text,
                    "source_line": line.number,
                }
            )
    rows["paragraphs"] = blocks

    for position, fact in enumerate(facts):
        block = next(b for b in blocks if b["section_id"] == fact.section and fact.quote in b["text"])
        quote_start = block["text"].index(fact.quote)
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
                "figure_start": fact.quote.index(fact.figure) if fact.figure else None,
                "derived": int(fact.derived),
                "formula": fact.formula,
                "derived_from": json.dumps(fact.derived_from) if fact.derived else None,
            }
        )
        for heading in fact.headings:
            text = report.headline.text if heading["where"] == "headline" else block_subheading(blocks, fact.section)
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


def block_subheading(blocks: list[dict], section_id: str) -> str:
    return next(b["text"] for b in blocks if b["section_id"] == section_id and b["role"] == "subheading")


def find_mentions(term: str, text: str) -> list[int]:
    """Start offsets of a term in text: case-insensitive, whole words only."""
    pattern = re.compile(r"(?<!\w)" + re.escape(term) + r"(?!\w)", re.IGNORECASE)
    return [m.start() for m in pattern.finditer(text)]


def _term_mentions(report: Report, facts: list[dict], blocks: list[dict], headings: list[dict]):
    for term, _definition in report.glossary:
        for block in blocks:
            for start in find_mentions(term.text, block["text"]):
                if block["role"] == "subheading":
                    # A sub-heading restates its section's headline fact: a term there belongs to that fact.
                    inside = [h["fact_id"] for h in headings if h["text"] == block["text"]]
                else:
                    inside = [
                        f["id"]
                        for f in facts
                        if f["paragraph_id"] == block["id"]
                        and f["quote_start"] <= start < f["quote_start"] + len(f["quote"])
                    ]
                # One row per fact whose quote holds the mention (several facts may share a sentence).
                for fact_id in inside or [None]:
                    yield {
                        "term": term.text,
                        "section_id": block["section_id"],
                        "paragraph_id": block["id"],
                        "start": start,
                        "length": len(term.text),
                        "fact_id": fact_id,
                    }


def build(out: Path = DEFAULT_OUT, resources: Path | None = None) -> Path:
    resources = resources or RESOURCES
    structure = load_toml(resources / "structure.toml")
    source = (resources / structure["factbase"]["source_file"]).read_bytes()
    report = parse_report(source.decode("utf-8"), structure)
    facts, _not_metrics = load_facts(resources / "facts.toml")
    check_facts(facts, report)
    rows = _rows(report, facts, structure, source)

    out.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=".factbase-", suffix=".sqlite", dir=out.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        tmp.unlink()
        conn = sqlite3.connect(tmp)
        db = sqlite_utils.Database(conn)
        _create_tables(db)
        for name in TABLES:
            if rows[name]:
                db.table(name).insert_all(rows[name])
        for name, columns in FTS.items():
            db.table(name).enable_fts(columns, tokenize="porter", create_triggers=False)
        db.execute(f"PRAGMA user_version = {SCHEMA_VERSION:d}")
        conn.commit()
        conn.execute("VACUUM")
        conn.close()
        os.replace(tmp, out)
    finally:
        tmp.unlink(missing_ok=True)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m db.build", description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="where to write the fact base")
    args = parser.parse_args(argv)
    try:
        path = build(args.out)
    except (AnnotationError, ReportShapeError, OSError) as exc:
        print(f"db.build: {exc}", file=sys.stderr)
        return 1
    print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
