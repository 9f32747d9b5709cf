"""Build the bundled fact base from resources/: `python -m db.build [--out PATH]`.

The bundled fact base is the importer's output with the curated annotations: the report is read by the
importer's plain-text reader (checked against structure.toml), its facts are resources/facts.toml, and rows
and file are made by the same functions `fact-explorer import` uses.

The build is deterministic (no timestamps, fixed insertion order, VACUUMed), so the committed
db/factbase.sqlite can be checked byte for byte against a fresh build. The file is written to a temporary
name beside the target and renamed into place: a failed build never leaves a half-written fact base.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

from db.annotations import AnnotationError, check_facts, load_facts, load_toml
from db.report import Report, ReportShapeError, parse_report
from db.schema import SCHEMA_VERSION
from desktop.importer.rows import factbase_rows, find_mentions
from desktop.importer.writer import write_factbase

BUILDER_VERSION = "1.0"
ROOT = Path(__file__).resolve().parent.parent
RESOURCES = ROOT / "resources"
DEFAULT_OUT = Path(__file__).resolve().parent / "factbase.sqlite"

__all__ = ["BUILDER_VERSION", "build", "find_mentions", "main"]


def _meta(report: Report, structure: dict, source: bytes) -> dict[str, str]:
    factbase = structure["factbase"]
    return {
        "schema_version": str(SCHEMA_VERSION),
        "builder_version": BUILDER_VERSION,
        "factbase_version": str(structure["factbase"]["version"]),
        "title": report.headline.text,
        "source_file": structure["factbase"]["source_file"],
        "source_sha256": hashlib.sha256(source).hexdigest(),
        "source_date": structure["factbase"]["source_date"],
        "source_as_of": structure["factbase"]["source_as_of"],
        "headline_line": str(report.headline.number),
        # How the report's date and each fact's period are known from its text (structure.toml, where it says).
        "date_note": " ".join(factbase.get("date_note", "").split()),
        "period_notes": json.dumps(
            {period: " ".join(note.split()) for period, note in factbase.get("periods", {}).items()},
            ensure_ascii=False,
        ),
    }


def build(out: Path = DEFAULT_OUT, resources: Path | None = None) -> Path:
    resources = resources or RESOURCES
    structure = load_toml(resources / "structure.toml")
    source = (resources / structure["factbase"]["source_file"]).read_bytes()
    report = parse_report(source.decode("utf-8"), structure)
    facts, _not_metrics = load_facts(resources / "facts.toml")
    check_facts(facts, report)
    return write_factbase(factbase_rows(report, facts, _meta(report, structure, source)), out)


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
