"""How long printing a sheet takes: one fact's sheet and the whole report, in process and as the CLI.

Run: python bench/bench_sheets.py [--runs N]   (offscreen Qt when there is no display; prints a Markdown table)
Figures are recorded in docs/sheets.md.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

FACT = "medical-insurance-code-users"


def _timed(job: Callable[[], object], runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        job()
        times.append(time.perf_counter() - start)
    return times


def _pages(path: Path) -> str:
    out = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True).stdout
    return next((line.split()[-1] for line in out.splitlines() if line.startswith("Pages:")), "?")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    runs = parser.parse_args().runs

    started = time.perf_counter()
    from desktop.qt_runtime import start_qt

    start_qt(headless=True)
    from desktop.domain.target import Target
    from desktop.export.sheet_pdf import write_sheet_pdf
    from desktop.paths import bundled_factbase
    from desktop.store import FactBase

    imports = time.perf_counter() - started
    rows = [("imports (Qt, pyqtgraph, export modules) + QApplication", f"{imports:.2f} s", "", "")]
    with FactBase.open(bundled_factbase()) as factbase, tempfile.TemporaryDirectory() as tmp:
        for name, target in (
            ("one fact sheet (A4)", Target.fact(FACT)),
            ("whole report (A4)", Target.report()),
        ):
            out = Path(tmp) / "sheet.pdf"
            first = _timed(lambda t=target, o=out: write_sheet_pdf(factbase, t, o), 1)[0]
            later = _timed(lambda t=target, o=out: write_sheet_pdf(factbase, t, o), runs)
            size = f"{out.stat().st_size / 1024:.0f} KiB, {_pages(out)} p."
            rows.append((name, f"{first:.2f} s first", f"{statistics.median(later):.2f} s median of {runs}", size))

        for name, args in (("CLI `sheet FACT` (process)", [FACT]), ("CLI `sheet --all` (process)", ["--all"])):
            out = Path(tmp) / "cli.pdf"
            cmd = [sys.executable, "-m", "desktop", "sheet", *args, "-o", str(out)]
            times = _timed(lambda c=cmd: subprocess.run(c, check=True, capture_output=True), max(1, runs // 2))
            rows.append((name, f"{min(times):.2f} s best", f"{statistics.median(times):.2f} s median", ""))

    print("| what | time | steady | output |")
    print("| --- | --- | --- | --- |")
    for row in rows:
        print("| " + " | ".join(row) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
