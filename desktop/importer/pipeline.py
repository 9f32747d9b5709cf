"""Import a report: read it, propose its facts (or take curated ones), write a fact base. No Qt.

The window calls `read_report_file` on a worker, shows the plan's facts for review, then `save_factbase` with
the facts the user kept; the command line calls `import_report`, which does both. `progress(done, total)`
returning False cancels: ImportCancelled is raised and nothing is written.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from db.schema import SCHEMA_VERSION
from desktop.importer.annotations import AnnotationError, FactAnnotation, NotMetric, check_facts, load_facts
from desktop.importer.decoding import UndecodableText, declared_charset, decode_text
from desktop.importer.document import Report, ReportShapeError
from desktop.importer.periods import AS_AT_THE_REPORT, report_year
from desktop.importer.proposals import Cancelled, propose_facts
from desktop.importer.read_html import read_html
from desktop.importer.read_markdown import read_markdown
from desktop.importer.read_pdf import UnreadablePdf, read_pdf
from desktop.importer.read_text import read_plain_text
from desktop.importer.rows import factbase_rows
from desktop.importer.writer import WriteCancelled, write_factbase

IMPORTER_VERSION = "import-1.0"
MAX_BYTES = 50 * 1024 * 1024  # 50 MiB: ten times a 100k-word PDF; larger files are refused, not read
FORMATS = {".txt": "text", ".text": "text", ".md": "markdown", ".markdown": "markdown", ".html": "html",
           ".htm": "html", ".xhtml": "html", ".pdf": "pdf"}  # fmt: skip

Progress = Callable[[int, int], bool]


class ImportFailed(Exception):
    """The report cannot be imported; str() is one sentence for a dialog or stderr."""


class ImportCancelled(Exception):
    """The progress callback asked to stop; nothing was written."""


@dataclass
class ImportOptions:
    out: Path | None = None  # where import_report writes the fact base
    title: str | None = None  # defaults to the report's headline
    publisher: str | None = None
    date: str | None = None  # the report's date, "2025-07-01"; its year completes "Q2", "last year"
    as_of: str | None = None  # the date its figures are as of; defaults to date
    annotations: Path | None = None  # a curated annotation file to import with, instead of the proposals
    source_format: str | None = None  # "text", "markdown", "html" or "pdf"; by default from the file


@dataclass
class ImportPlan:
    """A read report and the facts proposed for it: what the review table shows before anything is written."""

    source: Path
    source_format: str
    encoding: str | None
    report: Report
    facts: list[FactAnnotation]  # proposals (or the curated facts, with options.annotations)
    not_metrics: list[NotMetric]
    meta: dict[str, str] = field(default_factory=dict)
    curated: bool = False


@dataclass
class ImportResult:
    path: Path
    plan: ImportPlan


def _format_of(path: Path, data: bytes, forced: str | None) -> str:
    if forced:
        if forced not in set(FORMATS.values()):
            raise ImportFailed(f"unknown format {forced!r}; use one of text, markdown, html, pdf")
        return forced
    if data.startswith(b"%PDF-"):
        return "pdf"
    by_name = FORMATS.get(path.suffix.lower())
    if by_name:
        return by_name
    head = data[:512].lstrip().lower()
    if head.startswith((b"<!doctype html", b"<html")):
        return "html"
    return "text"


def _read_bytes(path: Path) -> bytes:
    if not path.exists():
        raise ImportFailed(f"{path}: no such file")
    if path.is_dir():
        raise ImportFailed(f"{path}: is a directory, not a report file")
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise ImportFailed(f"{path}: {size / 2**20:.0f} MiB is over the import limit of {MAX_BYTES // 2**20} MiB")
        data = path.read_bytes()
    except OSError as exc:
        raise ImportFailed(f"{path}: cannot be read ({exc.strerror or exc})") from None
    if not data.strip():
        raise ImportFailed(f"{path}: is empty")
    return data


def _parse(data: bytes, kind: str) -> tuple[Report, str | None]:
    if kind == "pdf":
        return read_pdf(data), None
    if data.startswith(b"%PDF-"):
        raise UnreadablePdf("is a PDF; import it as one (name it .pdf)")
    text, encoding = decode_text(data, declared_charset(data) if kind == "html" else None)
    if not text.strip():
        raise ReportShapeError("has no text")
    readers = {"text": read_plain_text, "markdown": read_markdown, "html": read_html}
    return readers[kind](text), encoding


def _meta(path: Path, data: bytes, report: Report, options: ImportOptions, kind: str, encoding: str | None) -> dict:
    meta = {
        "schema_version": str(SCHEMA_VERSION),
        "builder_version": IMPORTER_VERSION,
        "factbase_version": "1",
        "title": options.title or report.headline.text,
        "source_file": path.name,
        "source_sha256": hashlib.sha256(data).hexdigest(),
        "source_date": options.date or "undated",
        "source_as_of": options.as_of or options.date or "undated",
        "headline_line": str(report.headline.number),
        "source_format": kind,
    }
    if options.publisher:
        meta["publisher"] = options.publisher
    # How the period a proposal falls back on is known (desktop.importer.proposals): shown with it.
    how = "Its sentence, paragraph and section give no date: the figure is read as at the report's own date."
    meta["period_notes"] = json.dumps({AS_AT_THE_REPORT: how}, ensure_ascii=False)
    if encoding:
        meta["source_encoding"] = encoding
    return meta


def read_report_file(path: Path, options: ImportOptions | None = None, progress: Progress | None = None) -> ImportPlan:
    """Read and propose; writes nothing. Raises ImportFailed (bad input) or ImportCancelled."""
    options = options or ImportOptions()
    path = Path(path)
    data = _read_bytes(path)
    kind = _format_of(path, data, options.source_format)
    try:
        report, encoding = _parse(data, kind)
    except (UndecodableText, UnreadablePdf, ReportShapeError) as exc:
        raise ImportFailed(f"{path}: {exc}") from None
    if progress is not None and progress(0, 1) is False:
        raise ImportCancelled()
    meta = _meta(path, data, report, options, kind, encoding)
    year = report_year(options.as_of, options.date)
    as_of = options.as_of or options.date or "not stated"  # the period of a figure whose text names none
    try:
        proposals = propose_facts(report, year, as_of, progress)
    except Cancelled:
        raise ImportCancelled() from None
    plan = ImportPlan(path, kind, encoding, report, proposals.facts, proposals.not_metrics, meta)
    if options.annotations is not None:
        try:
            plan.facts, curated_not_metrics = load_facts(options.annotations)
        except OSError as exc:
            raise ImportFailed(f"{options.annotations}: cannot be read ({exc.strerror or exc})") from None
        except AnnotationError as exc:
            raise ImportFailed(f"{options.annotations}: {exc}") from None
        plan.not_metrics = curated_not_metrics or plan.not_metrics
        plan.curated = True
    return plan


def save_factbase(
    plan: ImportPlan, out: Path, facts: list[FactAnnotation] | None = None, progress: Progress | None = None
) -> Path:
    """Check the facts against the report and write the fact base atomically (facts default to the plan's)."""
    if Path(out).resolve() == plan.source.resolve():
        raise ImportFailed(f"{out}: is the report being imported; name another file for the fact base")
    chosen = plan.facts if facts is None else facts
    try:
        check_facts(chosen, plan.report)
    except AnnotationError as exc:
        raise ImportFailed(str(exc)) from None
    rows = factbase_rows(plan.report, chosen, plan.meta)

    def keep_going() -> bool:
        return progress is None or progress(1, 1) is not False

    try:
        return write_factbase(rows, Path(out), keep_going)
    except WriteCancelled:
        raise ImportCancelled() from None
    except OSError as exc:
        raise ImportFailed(f"{out}: cannot be written ({exc.strerror or exc})") from None


def import_report(path: Path, options: ImportOptions, progress: Progress | None = None) -> ImportResult:
    """Read, propose (or take options.annotations) and write options.out: the whole import in one call."""
    if options.out is None:
        raise ImportFailed("no output file given")
    plan = read_report_file(path, options, progress)
    return ImportResult(save_factbase(plan, options.out, progress=progress), plan)
