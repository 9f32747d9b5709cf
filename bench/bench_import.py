"""How long an import takes and how much memory it needs, for generated reports of 1k, 10k and 100k words.

Run: python bench/bench_import.py [--sizes 1000 10000 100000] [--runs N] [--format text|markdown|html]
Each size runs in a fresh interpreter (so peak RSS is that import's alone): read and propose, then write the
fact base. Prints a Markdown table; figures are recorded in docs/importer.md.
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

SENTENCES = [
    "The network carried {n} million passengers in {year}, up {p}% on the year before.",
    "More than {k} buses ran on {d} routes, and over {p} per cent of trips left on time.",
    "Fare revenue exceeded {n} billion yuan, while operating costs fell {p}%.",
    "The city invested US${n} billion in new lines, about {p}% of its capital budget.",
    "Repairs on Line {d} took {d}-{e} days, and nearly {k} volunteers joined the open day.",
    "Ridership ranks third among the country's metro networks.",
    "The share of contactless fares rose {p} percentage points to {q}%.",
    "Electric ferries grew fivefold, to {d} vessels, by the end of {year}.",
    "In Q{d4} {year}, stations handled between {d} and {e} million riders a week.",
    "Officials said the new timetable would make journeys shorter and more reliable for commuters.",
]


def generate_report(words: int, seed: int = 7) -> str:
    """A plain-text report in the bundled shape: headline, lead, sections with sub-headings, a glossary."""
    rng = random.Random(seed)
    lines = ["Metro City Transport Statistics: Ridership Up 6% in 2024", ""]
    count = 0
    section = 0
    while count < words:
        if section == 0 or rng.random() < 0.15:
            section += 1
            lines += [f"Section {section}: Network Performance", "", f"{rng.randint(2, 99)} Stations Opened", ""]
        sentences = []
        for _ in range(rng.randint(3, 6)):
            template = rng.choice(SENTENCES)
            d = rng.randint(1, 9)
            sentences.append(
                template.format(
                    n=round(rng.uniform(1, 900), 1), year=rng.choice([2023, 2024]), p=round(rng.uniform(1, 99), 1),
                    k=f"{rng.randint(1, 99)},{rng.randint(100, 999)}", d=d, e=d + rng.randint(1, 5),
                    q=rng.randint(10, 99), d4=rng.randint(1, 4),
                )
            )  # fmt: skip
        paragraph = " ".join(sentences)
        count += len(paragraph.split())
        lines += [paragraph, ""]
    lines += ["Glossary", "", "Contactless fare", "", "A contactless fare is paid by holding a card near a reader.", ""]
    return "\n".join(lines)


def _child(path: str, out: str) -> None:
    import resource
    import time

    from desktop.importer.pipeline import ImportOptions, read_report_file, save_factbase

    start = time.perf_counter()
    plan = read_report_file(Path(path), ImportOptions(date="2025"))
    read_s = time.perf_counter() - start
    start = time.perf_counter()
    save_factbase(plan, Path(out))
    write_s = time.perf_counter() - start
    rss_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    words = plan.report.word_count()
    print(json.dumps({"words": words, "facts": len(plan.facts), "read_s": read_s, "write_s": write_s,
                      "rss_mib": rss_kib / 1024, "size_kib": Path(out).stat().st_size / 1024}))  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10_000, 100_000])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        _child(*args.child)
        return 0
    print("| words | proposed facts | read + propose (s) | write (s) | total (s) | peak RSS (MiB) | file (KiB) |")
    print("| ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    with tempfile.TemporaryDirectory() as tmp:
        for size in args.sizes:
            report = Path(tmp) / f"report-{size}.txt"
            report.write_text(generate_report(size), "utf-8")
            results = []
            for run in range(args.runs):
                out = Path(tmp) / f"out-{size}-{run}.sqlite"
                line = subprocess.run(
                    [sys.executable, __file__, "--child", str(report), str(out)],
                    capture_output=True, text=True, check=True, cwd=ROOT,
                ).stdout  # fmt: skip
                results.append(json.loads(line))
            best = min(results, key=lambda r: r["read_s"] + r["write_s"])
            print(
                f"| {best['words']:,} | {best['facts']:,} | {best['read_s']:.2f} | {best['write_s']:.2f} | "
                f"{best['read_s'] + best['write_s']:.2f} | {max(r['rss_mib'] for r in results):.0f} | "
                f"{best['size_kib']:,.0f} |"
            )
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    sys.exit(main())
