"""Search benchmark: top-20 with snippets over a fixed query set, against Datasette's `?_search=` on the same file.

    python bench/generate_factbase.py --facts 1000000 -o /tmp/fb-1m.sqlite
    python bench/bench_search.py /tmp/fb-1m.sqlite [--runs 20] [--no-datasette]

The query set is generate_factbase.query_set(): common, middling, rare and multi-word queries (the bound's set),
and typed-so-far prefixes, reported apart. Ours: desktop.store.search.search(), facts, passages and terms, 20 of
each with snippets, as the search field and `fact-explorer search` ask it. The floor beside it: Datasette 0.65's
table JSON `/<db>/facts.json?_search=Q&_size=20` (facts only, no snippets, sorted by id, every match counted),
served in-process through `Datasette(...).client`: no port is opened, nothing leaves the machine.
Bounds (issue 10): p95 ≤ 30 ms at 1M facts, and ≥ 10× faster than Datasette on the same queries.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

from generate_factbase import query_set  # noqa: E402

from desktop.domain.query import parse_query  # noqa: E402
from desktop.store import FactBase  # noqa: E402
from desktop.store.search import search  # noqa: E402

BOUND_P95_MS = 30.0
BOUND_SPEEDUP = 10.0


def _p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20)[-1] if len(values) > 1 else values[0]


def time_ours(fb: FactBase, text: str, runs: int, typing: bool) -> tuple[list[float], int, bool]:
    query = parse_query(text, typing=typing)
    flt = query.fact_filter()
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        results = search(fb, flt, query.types, 20)
        times.append((time.perf_counter() - start) * 1000)
    return times, len(results.all()), results.ranked_all


def time_datasette(path: Path, queries: list[str], runs: int) -> dict[str, list[float]]:
    from urllib.parse import quote

    from datasette.app import Datasette

    async def measure() -> dict[str, list[float]]:
        ds = Datasette(immutables=[str(path)], settings={"sql_time_limit_ms": 60_000})
        await ds.invoke_startup()
        name = path.stem
        times: dict[str, list[float]] = {}
        for text in queries:
            url = f"/{name}/facts.json?_search={quote(text)}&_size=20"
            times[text] = []
            for _ in range(runs):
                start = time.perf_counter()
                response = await ds.client.get(url)
                times[text].append((time.perf_counter() - start) * 1000)
                if response.status_code != 200:
                    raise SystemExit(f"datasette answered {response.status_code} for {url}")
        return times

    return asyncio.run(measure())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("factbase", type=Path)
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--datasette-runs", type=int, default=3)
    parser.add_argument("--no-datasette", action="store_true")
    args = parser.parse_args(argv)
    groups = query_set()
    fb = FactBase.open(args.factbase)
    print(f"search on {fb.fact_count():,} facts, {args.runs} runs a query; ms")
    print("| class | query | results | bm25-ranked | p50 | p95 | Datasette p50 | speed-up |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- |")
    bound_times: list[float] = []
    ratios: list[float] = []
    sums = [0.0, 0.0]  # p50s of ours and Datasette's over the bound set
    bound_queries = [q for group, qs in groups.items() if group != "prefix" for q in qs]
    floor = {} if args.no_datasette else time_datasette(args.factbase, bound_queries, args.datasette_runs)
    for group, texts in groups.items():
        for text in texts:
            times, count, ranked = time_ours(fb, text, args.runs, typing=group == "prefix")
            if group != "prefix":
                bound_times.extend(times)
            their = f"{statistics.median(floor[text]):.0f}" if text in floor else "—"
            ratio = statistics.median(floor[text]) / statistics.median(times) if text in floor else None
            if ratio is not None:
                ratios.append(ratio)
                sums[0] += statistics.median(times)
                sums[1] += statistics.median(floor[text])
            print(
                f"| {group} | `{text}` | {count} | {'yes' if ranked else 'no'} | {statistics.median(times):.1f} | "
                f"{_p95(times):.1f} | {their} | {f'{ratio:.0f}×' if ratio else '—'} |"
            )
    p95 = _p95(bound_times)
    print(f"\nbound set (common, middling, rare, multi-word): p95 {p95:.1f} ms (bound ≤ {BOUND_P95_MS:g} ms)")
    if ratios:
        print(f"speed-up over Datasette: min {min(ratios):.0f}×, median {statistics.median(ratios):.0f}× "
              f"(bound ≥ {BOUND_SPEEDUP:g}×); over the set {sums[1] / sums[0]:.0f}× ({sums[0]:.0f} ms against "
              f"{sums[1]:,.0f} ms)")  # fmt: skip
    fb.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
