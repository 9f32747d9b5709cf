"""`fact-explorer search QUERY [--json] [--limit N] [--kind fact|passage|term] [--db PATH]`.

The search field's query language (desktop.domain.query): words, "> 1 billion", "over 50%", "1-5 million",
kind:, unit:, section:, type:. Results are grouped by kind, best first; the text form marks matches [like this].
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from desktop.cli.arguments import whole_number
from desktop.cli.errors import CommandError
from desktop.domain.query import RESULT_TYPES, parse_query
from desktop.store import FactBase
from desktop.store.search import HIGHLIGHT_END, HIGHLIGHT_START, SearchResult, search

GROUP_TITLES = {"fact": "Facts", "passage": "Passages", "term": "Glossary terms"}


def result_record(result: SearchResult) -> dict[str, Any]:
    """A result as --json writes it; facts carry value, unit, qualifier and period (and a range's bounds)."""
    record: dict[str, Any] = {
        "type": result.type,
        "report": result.report,
        "id": result.id,
        "section_id": result.section_id,
        "title": result.title,
        "snippet": result.snippet.replace(HIGHLIGHT_START, "").replace(HIGHLIGHT_END, ""),
        "highlights": _highlights(result.snippet),
        "score": round(result.score, 6),
    }
    if result.type == "fact":
        record.update(value=result.value, unit=result.unit, qualifier=result.qualifier, period=result.period)
        if result.value is None and result.value_min is not None:
            record.update(value_min=result.value_min, value_max=result.value_max)
    return record


def _highlights(snippet: str) -> list[list[int]]:
    """[start, end] offsets of the matched words in the plain snippet."""
    spans: list[list[int]] = []
    plain = 0
    start = None
    for char in snippet:
        if char == HIGHLIGHT_START:
            start = plain
        elif char == HIGHLIGHT_END and start is not None:
            spans.append([start, plain])
            start = None
        else:
            plain += 1
    return spans


def run_search(factbase: FactBase, args: argparse.Namespace) -> int:
    query = parse_query(args.query)
    if query.is_empty:
        raise CommandError(f"nothing to search for in {args.query!r}: give words or a filter such as '> 1 million'", 2)
    types = tuple(t for t in query.types if args.kind is None or t == args.kind)
    doc = factbase.document
    results = (
        search(factbase, query.fact_filter(), types, args.limit) if query.wants_report(doc.title, doc.path) else None
    )
    found = results.all() if results is not None else []
    if args.json:
        json.dump([result_record(r) for r in found], sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return 0
    if not found:
        sys.stdout.write(f"no results for {args.query!r}\n")
        return 0
    for kind in RESULT_TYPES:
        group = [r for r in found if r.type == kind]
        if group:
            sys.stdout.write(f"{GROUP_TITLES[kind]} ({len(group)})\n")
            for r in group:
                snippet = r.snippet.replace(HIGHLIGHT_START, "[").replace(HIGHLIGHT_END, "]")
                sys.stdout.write(f"  {r.id}  {r.title}\n      {' '.join(snippet.split())}\n")
    if results is not None and not results.ranked_all:
        sys.stdout.write("(many matches: label matches first, then report order; add words to rank by relevance)\n")
    return 0


def add_parser(sub: argparse._SubParsersAction, parents: list[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "search",
        parents=parents,
        help="search facts, passages and glossary terms",
        description=(
            "Search the fact base: words (the best matches first), numeric filters ('> 1 billion', 'over 50%%', "
            "'1-5 million', 'between 100 and 500', '< 10 days'), and kind:, unit:, section:, type: filters."
        ),
    )
    p.add_argument("query", help="what to look for (quote it in the shell)")
    p.add_argument("--json", action="store_true", help="as a JSON array of results")
    p.add_argument(
        "--limit",
        type=whole_number(1, 1000),
        default=20,
        metavar="N",
        help="at most N results of each kind (default 20)",
    )
    p.add_argument("--kind", choices=RESULT_TYPES, help="only facts, passages or glossary terms")
    p.set_defaults(run=run_search)
