"""Notes and bookmarks out and back in: Markdown to read and paste (each with its citation line), JSON to keep
and to import again. Importing is idempotent: an anchor already present is replaced only by a newer version of
it, so importing the same file twice changes nothing the second time.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from itertools import groupby
from typing import Any

from desktop.userdata.anchors import ANCHOR_KINDS, Anchor
from desktop.userdata.annotations import Annotation, find_annotations, insert_whole
from desktop.userdata.database import UserDatabase, now
from desktop.userdata.series_links import FactRef, all_decisions

FORMAT = "fact-explorer-notes"
FORMAT_VERSION = 1
_ANCHOR_FIELDS = ("report_id", "report_title", "kind", "target_id", "quote", "label", "section_id", "section_title")


class NotesFileError(ValueError):
    """A notes file that cannot be imported; str() is one line."""


@dataclass(frozen=True)
class ImportCounts:
    added: int
    updated: int
    unchanged: int  # already here, or here in a newer version


def _ordered(db: UserDatabase) -> list[Annotation]:
    return sorted(find_annotations(db), key=lambda a: (a.anchor.report_title, a.anchor.report_id, a.created, a.id))


def to_markdown(db: UserDatabase) -> str:
    items = _ordered(db)
    reports = len({a.anchor.report_id for a in items})
    out = ["# Fact Explorer notes and bookmarks", "", f"Exported {now()}: {len(items)} items from {reports} reports."]
    for (title, _), group in groupby(items, key=lambda a: (a.anchor.report_title, a.anchor.report_id)):
        out += ["", f"## {title}"]
        for item in group:
            anchor = item.anchor
            star = "★ " if item.starred else ""
            details = [f"{anchor.kind} `{anchor.target_id}`"]
            if anchor.kind != "section":
                details.append(f"section {anchor.section_title}")
            if item.tags:
                details.append("tags: " + ", ".join(item.tags))
            out += ["", f"### {star}{anchor.label}", "", "*" + " · ".join(details) + "*", ""]
            out += ["> " + line if line else ">" for line in anchor.quote.splitlines() or [""]]
            if item.note:
                out += ["", item.note]  # verbatim: the note is the user's own Markdown
            out += ["", "Cite: " + anchor.citation]
    return "\n".join(out) + "\n"


def _record(item: Annotation) -> dict[str, Any]:
    record: dict[str, Any] = {name: getattr(item.anchor, name) for name in _ANCHOR_FIELDS}
    record.update(
        citation=item.anchor.citation,
        starred=item.starred,
        note=item.note,
        tags=list(item.tags),
        created=item.created,
        updated=item.updated,
    )
    return record


def to_json(db: UserDatabase) -> str:
    links = [
        {"report_a": a.report_id, "fact_a": a.fact_id, "report_b": b.report_id, "fact_b": b.fact_id}
        | {"decision": decision, "decided": decided}
        for a, b, decision, decided in all_decisions(db)
    ]
    document = {
        "format": FORMAT,
        "version": FORMAT_VERSION,
        "exported": now(),
        "annotations": [_record(a) for a in _ordered(db)],
        "series_links": links,
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def _text(record: dict[str, Any], name: str, where: str, optional: bool = False) -> Any:
    value = record.get(name)
    if value is None and optional:
        return None
    if not isinstance(value, str):
        raise NotesFileError(f"{where}: {name!r} should be text")
    return value


def _annotation(record: Any, n: int) -> Annotation:
    where = f"annotation {n}"
    if not isinstance(record, dict):
        raise NotesFileError(f"{where} is not an object")
    fields = {name: _text(record, name, where, optional=name == "section_id") for name in _ANCHOR_FIELDS}
    if fields["kind"] not in ANCHOR_KINDS:
        raise NotesFileError(f"{where}: kind {fields['kind']!r} is not one of {', '.join(ANCHOR_KINDS)}")
    tags = record.get("tags", [])
    if not isinstance(tags, list) or not all(isinstance(t, str) for t in tags):
        raise NotesFileError(f"{where}: 'tags' should be a list of text")
    if not isinstance(record.get("starred"), bool):
        raise NotesFileError(f"{where}: 'starred' should be true or false")
    anchor = Anchor(citation=_text(record, "citation", where), **fields)
    return Annotation(
        0,
        anchor,
        record["starred"],
        _text(record, "note", where),
        tuple(tags),
        _text(record, "created", where),
        _text(record, "updated", where),
    )


def parse(text: str) -> tuple[list[Annotation], list[tuple[FactRef, FactRef, str, str]]]:
    try:
        document = json.loads(text)
    except json.JSONDecodeError as exc:
        raise NotesFileError(f"is not JSON ({exc.msg} at line {exc.lineno})") from None
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise NotesFileError(f'is not a Fact Explorer notes file (no "format": "{FORMAT}")')
    if not isinstance(document.get("version"), int) or document["version"] > FORMAT_VERSION:
        raise NotesFileError(f"is notes format version {document.get('version')!r}; this one reads {FORMAT_VERSION}")
    items = [_annotation(r, n) for n, r in enumerate(document.get("annotations", []), start=1)]
    links = []
    for n, r in enumerate(document.get("series_links", []), start=1):
        try:
            a, b = FactRef(r["report_a"], r["fact_a"]), FactRef(r["report_b"], r["fact_b"])
            decision, decided = r["decision"], r["decided"]
        except (KeyError, TypeError):
            raise NotesFileError(f"series link {n} lacks report_a, fact_a, report_b, fact_b or decision") from None
        if decision not in ("confirmed", "rejected") or a == b:
            raise NotesFileError(f"series link {n}: {decision!r} between {a} and {b} is not a decision")
        links.append((min(a, b), max(a, b), decision, str(decided)))
    return items, links


def import_json(db: UserDatabase, text: str) -> ImportCounts:
    """Import a notes file written by to_json, whole or not at all (one transaction)."""
    items, links = parse(text)
    added = updated = unchanged = 0
    with db.write() as conn:
        for item in items:
            a = item.anchor
            row = conn.execute(
                "SELECT updated FROM annotations WHERE report_id = ? AND kind = ? AND target_id = ?",
                (a.report_id, a.kind, a.target_id),
            ).fetchone()
            if row is not None and row["updated"] >= item.updated:
                unchanged += 1
                continue
            insert_whole(conn, item)
            added, updated = (added + 1, updated) if row is None else (added, updated + 1)
        for first, second, decision, decided in links:
            conn.execute(
                "INSERT INTO series_links (report_a, fact_a, report_b, fact_b, decision, decided) "
                "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (report_a, fact_a, report_b, fact_b) DO UPDATE SET "
                "decision = excluded.decision, decided = excluded.decided WHERE excluded.decided > decided",
                (first.report_id, first.fact_id, second.report_id, second.fact_id, decision, decided),
            )
    return ImportCounts(added, updated, unchanged)
