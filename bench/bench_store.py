"""Store benchmark: every query the window, table and CLI ask, on the bundled base and a large one, side by side.

    python bench/generate_factbase.py --facts 1000000 -o /tmp/fb-1m.sqlite
    python bench/bench_store.py --large /tmp/fb-1m.sqlite [--runs 200] [--listing]

Each query runs `--runs` times with ids drawn at random (fixed seed) from the base; p50 and p95 in ms for the
bundled base (20 facts) and the large one, and their ratio: a query that answers from an index has a ratio near
1 whatever the size. `--listing` also runs `fact-explorer facts --json` and `--csv` on the large base in a child
process and reports wall time and peak RSS (bound: under 200 MB).
"""

from __future__ import annotations

import argparse
import os
import random
import sqlite3
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from desktop.paths import bundled_factbase  # noqa: E402
from desktop.store import FactBase, UnknownIdError  # noqa: E402
from desktop.store.queries import FactFilter, ValueRange  # noqa: E402

BOUND_MS = 5.0  # p95 of a per-page query at 1M; and "independent of size": the ratio stays near 1
LISTING_BOUND_MB = 200


class Sample:
    """Ids of one base to ask about, drawn by rowid without reading every id."""

    def __init__(self, path: Path, rng: random.Random) -> None:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        top = conn.execute("SELECT max(rowid) FROM facts").fetchone()[0]
        rowids = [rng.randint(1, top) for _ in range(300)]
        marks = ",".join("?" * len(rowids))
        self.facts = [r[0] for r in conn.execute(f"SELECT id FROM facts WHERE rowid IN ({marks})", rowids)]
        self.sections = [r[0] for r in conn.execute("SELECT id FROM sections ORDER BY position")]
        self.terms = [r[0] for r in conn.execute("SELECT term FROM glossary ORDER BY position")]
        self.count = conn.execute("SELECT count(*) FROM facts").fetchone()[0]
        conn.close()
        self.rng = rng

    def fact(self) -> str:
        return self.rng.choice(self.facts)

    def section(self) -> str:
        return self.rng.choice(self.sections)

    def term(self) -> str:
        return self.rng.choice(self.terms)


def _unknown(fb: FactBase, s: Sample) -> object:
    try:
        fb.fact(s.fact()[:-1] + "#")
    except UnknownIdError as exc:
        return exc.nearest
    return None


QUERIES: dict[str, Callable[[FactBase, Sample], object]] = {
    "sections()": lambda fb, s: fb.sections(),
    "fact_counts()": lambda fb, s: fb.fact_counts(),
    "facts_in_section(id, 0, 100)": lambda fb, s: fb.facts_in_section(s.section(), 0, 100),
    "fact_count(section)": lambda fb, s: fb.fact_count(s.section()),
    "fact(id)": lambda fb, s: fb.fact(s.fact()),
    "fact(unknown id) + nearest": _unknown,
    "facts_by_id(100 ids)": lambda fb, s: fb.facts_by_id(s.rng.sample(s.facts, min(100, len(s.facts)))),
    "fact_headings_for(100 ids)": lambda fb, s: fb.fact_headings_for(s.rng.sample(s.facts, min(100, len(s.facts)))),
    "section_headings(id)": lambda fb, s: fb.section_headings(s.section()),
    "paragraphs(section)": lambda fb, s: fb.paragraphs(s.section()),
    "term_mentions(section)": lambda fb, s: fb.term_mentions(section_id=s.section()),
    "terms_in_section(id)": lambda fb, s: fb.terms_in_section(s.section()),
    "terms_for_fact(id)": lambda fb, s: fb.terms_for_fact(s.fact()),
    "facts_mentioning(term, 50)": lambda fb, s: fb.facts_mentioning(s.term(), limit=50),
    "sections_mentioning(term)": lambda fb, s: fb.sections_mentioning(s.term()),
    "headings_at(headline)": lambda fb, s: fb.headings_at("headline"),
    "facts_page(0, 100)": lambda fb, s: fb.facts_page(0, 100),
    "facts_page(1000, 100, -value)": lambda fb, s: fb.facts_page(min(1000, s.count // 2), 100, "-value"),
    "facts_page(0, 100, share > 50%)": lambda fb, s: fb.facts_page(
        0, 100, "position", FactFilter(kinds=("share",), values=(ValueRange(low=50, unit="%"),))
    ),
    "facts_page(middle, 100)": lambda fb, s: fb.facts_page(s.count // 2, 100),
    "facts_page(100k, 100, -value)": lambda fb, s: fb.facts_page(min(100_000, s.count // 2), 100, "-value"),
    "fact_count()": lambda fb, s: fb.fact_count(),
    "fact_facets(kind)": lambda fb, s: fb.fact_facets("kind"),
}
# Whole-base answers: they grow with the base by nature (a count, facets, a deep OFFSET) and are not per-page.
GROWS = {"fact_facets(kind)"}


# Counted once per open base (the file never changes): their first call, on a freshly opened base.
CACHED: dict[str, Callable[[FactBase], object]] = {
    "fact_count()": lambda fb: fb.fact_count(),
    "fact_counts()": lambda fb: fb.fact_counts(),
}


def _first_call(path: Path, call: Callable[[FactBase], object], runs: int = 5) -> list[float]:
    times = []
    for _ in range(runs):
        with FactBase.open(path) as fb:
            start = time.perf_counter()
            call(fb)
            times.append((time.perf_counter() - start) * 1000)
    return times


def _time(fb: FactBase, sample: Sample, query: Callable[[FactBase, Sample], object], runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        query(fb, sample)
        times.append((time.perf_counter() - start) * 1000)
    return times


def _p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20)[-1] if len(values) > 1 else values[0]


def _open_ms(path: Path, runs: int = 10) -> list[float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        FactBase.open(path).close()
        times.append((time.perf_counter() - start) * 1000)
    return times


def _listing(path: Path, fmt: str) -> tuple[float, float]:
    """Wall seconds and peak RSS (MB) of `fact-explorer facts --FMT` in a fresh process, output discarded."""
    start = time.perf_counter()
    child = subprocess.Popen(
        [sys.executable, "-m", "desktop", "--db", str(path), "facts", f"--{fmt}"], stdout=subprocess.DEVNULL, cwd=ROOT
    )
    _pid, status, usage = os.wait4(child.pid, 0)  # this child's own peak, not the largest child's so far
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode != 0:
        sys.exit(f"facts --{fmt} exited {child.returncode}")
    return time.perf_counter() - start, usage.ru_maxrss / 1024


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--large", type=Path, required=True, help="a generated fact base (bench/generate_factbase.py)")
    parser.add_argument("--runs", type=int, default=200)
    parser.add_argument("--listing", action="store_true", help="also time facts --json/--csv on the large base")
    args = parser.parse_args(argv)
    bases = {"bundled": bundled_factbase(), "large": args.large}
    opened = {name: FactBase.open(path) for name, path in bases.items()}
    samples = {name: Sample(path, random.Random(7)) for name, path in bases.items()}
    sizes = {name: samples[name].count for name in bases}
    print(f"store queries, p50 / p95 ms over {args.runs} runs; bundled {sizes['bundled']:,} facts, large "
          f"{sizes['large']:,} facts")  # fmt: skip
    print(f"| query | {sizes['bundled']:,} facts p50 / p95 | {sizes['large']:,} facts p50 / p95 | ratio p95 | bound |")
    print("| --- | --- | --- | --- | --- |")
    rows = {"FactBase.open": {n: _open_ms(p) for n, p in bases.items()}}
    rows |= {
        f"{name}, first call": {n: _first_call(p, call) for n, p in bases.items()} for name, call in CACHED.items()
    }
    for name, query in QUERIES.items():
        rows[name] = {n: _time(opened[n], samples[n], query, args.runs) for n in bases}
    for name, times in rows.items():
        small, large = times["bundled"], times["large"]
        ratio = _p95(large) / max(_p95(small), 1e-3)
        grows = name in GROWS or name.endswith("first call")
        bound = "grows with size" if grows else f"≤ {BOUND_MS:g} ms"
        bound = "grows with sections" if name == "sections()" else bound
        unbounded = grows or name in ("FactBase.open", "sections()")
        met = "" if unbounded else (" ✓" if _p95(large) <= BOUND_MS else " ✗")
        print(
            f"| `{name}` | {statistics.median(small):.2f} / {_p95(small):.2f} | "
            f"{statistics.median(large):.2f} / {_p95(large):.2f} | {ratio:.1f}× | {bound}{met} |"
        )
    if args.listing:
        print("\n| listing at large | wall | peak RSS | bound |\n| --- | --- | --- | --- |")
        for fmt in ("json", "csv"):
            elapsed, peak = _listing(args.large, fmt)
            print(f"| `facts --{fmt}` | {elapsed:.1f} s | {peak:.0f} MB | < {LISTING_BOUND_MB} MB |")
    for fb in opened.values():
        fb.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
