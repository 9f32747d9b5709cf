"""Times one chart export (PNG, SVG, CSV): in a fresh process, as a user runs it, and in-process, as the window does.

Run by hand: `.venv/bin/python bench/bench_chart_export.py [--runs N] [--chart ID]`; prints a Markdown table for
docs/charts.md. The fresh-process figures include interpreter start, Qt and pyqtgraph imports and opening the
fact base; the in-process figures are one export with everything already loaded (median of N after a warm-up).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def fresh_process(chart_id: str, fmt: str, runs: int, folder: Path) -> list[float]:
    times = []
    for i in range(runs):
        target = folder / f"fresh-{i}.{fmt}"
        start = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "desktop", "chart", chart_id, "-o", str(target)],
            check=True,
            stdout=subprocess.DEVNULL,
        )
        times.append(time.perf_counter() - start)
    return times


def in_process(chart_id: str, fmt: str, runs: int, folder: Path) -> list[float]:
    from desktop.charts.spec import chart_for_id
    from desktop.export.chart_export import export_chart
    from desktop.paths import bundled_factbase
    from desktop.qt_runtime import start_qt
    from desktop.store import FactBase

    start_qt(headless=True)
    with FactBase.open(bundled_factbase()) as factbase:
        spec = chart_for_id(factbase, chart_id)
        export_chart(spec, folder / f"warm.{fmt}")
        times = []
        for i in range(runs):
            start = time.perf_counter()
            export_chart(spec, folder / f"in-{i}.{fmt}")
            times.append(time.perf_counter() - start)
    return times


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--chart", default="internet-users")
    args = parser.parse_args()
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for fmt in ("png", "svg", "csv"):
            fresh = fresh_process(args.chart, fmt, args.runs, folder)
            inside = in_process(args.chart, fmt, args.runs, folder)
            size = (folder / f"in-0.{fmt}").stat().st_size
            rows.append((fmt, statistics.median(fresh), min(fresh), statistics.median(inside), min(inside), size))
    print(f"chart `{args.chart}`, 1600 px wide, median (min) of {args.runs} runs\n")
    print("| format | fresh process | in-process | file size |")
    print("| --- | --- | --- | --- |")
    for fmt, f_med, f_min, i_med, i_min, size in rows:
        fresh = f"{f_med:.2f} s ({f_min:.2f})"
        inside = f"{i_med * 1000:.0f} ms ({i_min * 1000:.0f})"
        print(f"| {fmt.upper()} | {fresh} | {inside} | {size / 1024:.0f} KiB |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
