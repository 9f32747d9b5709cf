"""`fact-explorer diff OLD NEW [--json]`: what changed from one version of a fact base to another.

Facts are matched by id: added, removed, and changed (the fields that differ, old and new). Sections and glossary
terms are listed added, removed, or retitled / reworded. Both files are opened read-only and never changed.
The output streams from the comparison's queries, so two large fact bases are compared without holding either;
each list is in the report's order of the file it comes from.
Exit status 0 whether or not they differ (the house keeps 1 for a bad file and 2 for a bad argument);
`counts` in the JSON, or the summary line, says whether anything changed.
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any

from desktop.cli.errors import CommandError
from desktop.domain.diff import FactBaseDiff, FactChange, FactEntry
from desktop.domain.formatting import format_amount, format_number
from desktop.store import Document, FactBase

_BLOCK = 1 << 16  # characters buffered before each write: one write per item is slow on an unbuffered stdout


def run_diff(factbase: FactBase, args: argparse.Namespace) -> int:
    # `factbase` is the --db / bundled one main() opened; diff compares the two files it is given instead.
    with FactBaseDiff(args.old, args.new) as diff:
        out = _BlockWriter(sys.stdout)
        try:
            if args.json:
                _write_json(diff, out)
            else:
                _write_text(diff, out)
        except sqlite3.Error as exc:
            # The store's checks passed, yet a file reads wrong part-way (damaged pages, an odd table shape).
            raise CommandError(f"cannot compare {args.old} with {args.new}: {exc}", 1) from None
        finally:
            out.flush()
    return 0


class _BlockWriter:
    def __init__(self, stream: IO[str]) -> None:
        self._stream = stream
        self._parts: list[str] = []
        self._size = 0

    def write(self, text: str) -> None:
        self._parts.append(text)
        self._size += len(text)
        if self._size >= _BLOCK:
            self.flush()

    def flush(self) -> None:
        self._stream.write("".join(self._parts))
        self._parts.clear()
        self._size = 0


# --- JSON ------------------------------------------------------------------------------------------------------


def _plain(value: Any) -> Any:
    # 12400.0 reads as a float artefact; whole numbers are written as integers, as `facts --json` writes them.
    return int(value) if isinstance(value, float) and value.is_integer() else value


def _fact_record(fact: FactEntry) -> dict[str, Any]:
    return {k: _plain(v) for k, v in vars(fact).items()}


def _change_record(change: FactChange) -> dict[str, Any]:
    return {
        "id": change.id,
        "label": change.label,
        "changes": {c.field: {"old": _plain(c.old), "new": _plain(c.new)} for c in change.changes},
    }


def _side(doc: Document) -> dict[str, Any]:
    return {"path": doc.path, "title": doc.title, "factbase_version": doc.factbase_version}


def _json_array(out: _BlockWriter, records: Iterable[dict[str, Any]]) -> None:
    out.write("[")
    empty = True
    for record in records:
        out.write(("\n" if empty else ",\n") + "      " + json.dumps(record, ensure_ascii=False))
        empty = False
    out.write("]" if empty else "\n    ]")


def _write_json(diff: FactBaseDiff, out: _BlockWriter) -> None:
    # Written piece by piece: json.dump of the whole would need every difference in memory first.
    head = {"old": _side(diff.old), "new": _side(diff.new), "counts": vars(diff.counts())}
    out.write("{\n" + ",\n".join(f"  {json.dumps(k)}: {json.dumps(v, ensure_ascii=False)}" for k, v in head.items()))
    groups: list[tuple[str, list[tuple[str, Iterator[dict[str, Any]]]]]] = [
        (
            "facts",
            [
                ("added", (_fact_record(f) for f in diff.added_facts())),
                ("removed", (_fact_record(f) for f in diff.removed_facts())),
                ("changed", (_change_record(c) for c in diff.changed_facts())),
            ],
        ),
        (
            "sections",
            [
                ("added", (vars(s) for s in diff.added_sections())),
                ("removed", (vars(s) for s in diff.removed_sections())),
                ("changed", (vars(s) for s in diff.changed_sections())),
            ],
        ),
        (
            "glossary",
            [
                ("added", (vars(t) for t in diff.added_terms())),
                ("removed", (vars(t) for t in diff.removed_terms())),
                ("changed", (vars(t) for t in diff.changed_terms())),
            ],
        ),
    ]
    for name, lists in groups:
        out.write(f',\n  "{name}": {{')
        for i, (key, records) in enumerate(lists):
            out.write(("," if i else "") + f'\n    "{key}": ')
            _json_array(out, records)
        out.write("\n  }")
    out.write("\n}\n")


# --- text ------------------------------------------------------------------------------------------------------


def _figure(fact: FactEntry) -> str:
    if fact.value is None:
        text = f"{format_number(fact.value_min or 0)}–{format_number(fact.value_max or 0)}"
    else:
        text = format_amount(fact.value, fact.unit)
    return text if fact.unit in ("%", "rank") else f"{text} {fact.unit}"


def _shown(value: object) -> str:
    if value is None:
        return "(none)"
    if isinstance(value, float):
        return format_number(value)
    return json.dumps(value, ensure_ascii=False) if isinstance(value, str) else str(value)


def _write_text(diff: FactBaseDiff, out: _BlockWriter) -> None:
    c = diff.counts()
    out.write(f"old: {diff.old.path} (fact base v{diff.old.factbase_version})\n")
    out.write(f"new: {diff.new.path} (fact base v{diff.new.factbase_version})\n")
    if not c.any:
        out.write("no differences\n")
        return
    out.write(
        f"facts: {c.facts_added} added, {c.facts_removed} removed, {c.facts_changed} changed; "
        f"sections: {c.sections_added} added, {c.sections_removed} removed, {c.sections_changed} retitled; "
        f"glossary: {c.terms_added} added, {c.terms_removed} removed, {c.terms_changed} reworded\n"
    )
    for fact in diff.added_facts():
        out.write(f"+ fact {fact.id} [{fact.section_id}] {fact.label}: {_figure(fact)}, {fact.period}\n")
    for fact in diff.removed_facts():
        out.write(f"- fact {fact.id} [{fact.section_id}] {fact.label}: {_figure(fact)}, {fact.period}\n")
    for change in diff.changed_facts():
        out.write(f"~ fact {change.id} {change.label}\n")
        for field in change.changes:
            out.write(f"    {field.field}: {_shown(field.old)} -> {_shown(field.new)}\n")
    for section in diff.added_sections():
        out.write(f"+ section {section.id} {section.title}\n")
    for section in diff.removed_sections():
        out.write(f"- section {section.id} {section.title}\n")
    for retitled in diff.changed_sections():
        out.write(f"~ section {retitled.id}\n    title: {_shown(retitled.old_title)} -> {_shown(retitled.new_title)}\n")
    for term in diff.added_terms():
        out.write(f"+ term {term.term}\n")
    for term in diff.removed_terms():
        out.write(f"- term {term.term}\n")
    for reworded in diff.changed_terms():
        out.write(
            f"~ term {reworded.term}\n    definition: {_shown(reworded.old_definition)}"
            f" -> {_shown(reworded.new_definition)}\n"
        )


def add_parser(sub: argparse._SubParsersAction, parents: list[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "diff",
        parents=parents,
        help="what changed between two fact bases",
        description=(
            "List the facts added, removed and changed (matched by id) from OLD to NEW, and the sections and "
            "glossary terms added, removed or reworded. Both files are read-only. Exit status 0 whether or not "
            "they differ."
        ),
    )
    p.add_argument("old", type=Path, metavar="OLD", help="the earlier fact base")
    p.add_argument("new", type=Path, metavar="NEW", help="the later fact base")
    p.add_argument("--json", action="store_true", help="write the differences as JSON")
    p.set_defaults(run=run_diff)
