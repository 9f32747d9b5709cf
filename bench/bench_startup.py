"""Start-up benchmark: time to a painted window, the app against a bare PySide6 window, alternating runs.

Run under a real X server (the figures in docs/window.md were taken this way):

    xvfb-run -a -s "-screen 0 1600x1000x24" .venv/bin/python bench/bench_startup.py --runs 15

Each run is a fresh process, the app's `fact-explorer --screenshot FILE` (the front page, as at first launch)
against bench/bare_window.py, which shows a bare QWidget of the same size and saves it through the same function.
A third command, bench/floor_window.py, shows the window's widget set (tree, page, dock, menus, status bar)
with none of the app's code: how much of the bound Qt itself takes. Two figures each: spawn to the "painted"
line the process prints (FACT_EXPLORER_TIMING=1) at its first full paint, and spawn to exit (PNG written,
process gone): the whole-process time the issue's bound is about. Then one `python -X importtime` run of the
app lists what the start-up path imports before the paint.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
BARE = HERE / "bare_window.py"
FLOOR = HERE / "floor_window.py"  # the window's widget set without the app's code
FLOOR_LIMIT = 1.2
LIMIT = 1.3  # the bound: app / bare


def _marks(cmd: list[str], env: dict[str, str]) -> tuple[float, dict[str, float], str]:
    start = time.time()
    proc = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=120)
    ended = time.time() - start
    if proc.returncode != 0:
        sys.exit(f"{' '.join(cmd)} exited {proc.returncode}: {proc.stderr.strip()[-500:]}")
    marks = {}
    for line in proc.stderr.splitlines():
        label, _, value = line.partition(" ")
        if label in ("painted", "saved"):
            marks[label] = float(value) - start
    marks["exited"] = ended
    return start, marks, proc.stderr


def app_command(out: Path) -> list[str]:
    script = shutil.which("fact-explorer", path=str(Path(sys.executable).parent)) or shutil.which("fact-explorer")
    if script is None:
        return [sys.executable, "-m", "desktop", "--screenshot", str(out)]
    return [script, "--screenshot", str(out)]


def import_profile(out: Path, env: dict[str, str], top: int) -> list[str]:
    """What the app imports before its first paint: the total, the slowest top-level imports, our own modules."""
    cmd = [sys.executable, "-X", "importtime", "-m", "desktop", "--screenshot", str(out)]
    _start, _marks_, stderr = _marks(cmd, env)
    before_paint = stderr.split("\npainted ")[0].splitlines()
    top_level: dict[str, int] = {}
    ours: dict[str, int] = {}
    for line in before_paint:
        if not line.startswith("import time:") or "cumulative" in line:
            continue
        _self, cumulative, raw = line[len("import time:") :].split("|")
        name = raw.strip()
        if len(raw) - len(raw.lstrip()) == 1:
            top_level[name] = int(cumulative)
        if name.startswith("desktop"):
            ours[name] = int(cumulative)
    lines = [f"imports before the first paint: {sum(top_level.values()) / 1000:.0f} ms in all; slowest top-level:"]
    lines += [f"  {us / 1000:7.1f} ms  {name}" for name, us in sorted(top_level.items(), key=lambda kv: -kv[1])[:top]]
    lines.append("our modules (cumulative):")
    lines += [f"  {us / 1000:7.1f} ms  {name}" for name, us in sorted(ours.items(), key=lambda kv: -kv[1])[:top]]
    for heavy in ("pyqtgraph", "numpy", "desktop.charts.plot"):
        loaded = any(line.rstrip().endswith(f" {heavy}") for line in before_paint)
        lines.append(f"{heavy} imported before the paint: {'YES' if loaded else 'no'}")
    return lines


def _summary(name: str, seconds: list[float]) -> str:
    ms = sorted(s * 1000 for s in seconds)
    return f"{name:<38} median {statistics.median(ms):5.0f} ms  (min {ms[0]:.0f}, max {ms[-1]:.0f})"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15, help="runs of each, alternating (default 15)")
    parser.add_argument("--top", type=int, default=12, help="slowest imports to list")
    args = parser.parse_args()
    if not os.environ.get("DISPLAY") and os.environ.get("QT_QPA_PLATFORM") != "offscreen":
        sys.exit("needs an X server: run under xvfb-run (see the docstring)")
    env = dict(os.environ, FACT_EXPLORER_TIMING="1")
    # An installed copy has its bytecode compiled at install time; let the warm-up runs write it here too, or
    # every run would compile our modules from source (PYTHONDONTWRITEBYTECODE is set on some machines).
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    app_painted: list[float] = []
    app_exited: list[float] = []
    bare_painted: list[float] = []
    bare_exited: list[float] = []
    floor_painted: list[float] = []
    floor_exited: list[float] = []
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "shot.png"
        # One warm-up of each, unrecorded: the first run pays for a cold disk cache.
        _marks(app_command(out), env)
        _marks([sys.executable, str(BARE), str(out)], env)
        for _ in range(args.runs):
            _s, marks, _e = _marks(app_command(out), env)
            app_painted.append(marks["painted"])
            app_exited.append(marks["exited"])
            _s, marks, _e = _marks([sys.executable, str(BARE), str(out)], env)
            bare_painted.append(marks["painted"])
            bare_exited.append(marks["exited"])
            _s, marks, _e = _marks([sys.executable, str(FLOOR), str(out)], env)
            floor_painted.append(marks["painted"])
            floor_exited.append(marks["exited"])
        profile = import_profile(out, env, args.top)
    painted = statistics.median(app_painted) / statistics.median(bare_painted)
    whole = statistics.median(app_exited) / statistics.median(bare_exited)
    print(f"{args.runs} runs of each, alternating; from process spawn")
    print(_summary("bare PySide6 window painted", bare_painted))
    print(_summary("fact-explorer window painted", app_painted))
    print(_summary("bare PySide6 window saved, exited", bare_exited))
    print(_summary("fact-explorer window saved, exited", app_exited))
    print(_summary("widget set alone painted", floor_painted))
    print(_summary("widget set alone saved, exited", floor_exited))
    print(f"ratio app / bare, to the paint:   {painted:.2f} (limit {LIMIT})")
    print(f"ratio app / bare, whole process:  {whole:.2f} (limit {LIMIT})  {'OK' if whole <= LIMIT else 'TOO SLOW'}")
    floor = statistics.median(floor_exited) / statistics.median(bare_exited)
    print(f"ratio widget set alone / bare:    {floor:.2f} (Qt's own share of the bound)")
    # Issue 10's bound: the bundled base's window painted within FLOOR_LIMIT of the widget set's.
    on_floor = statistics.median(app_painted) / statistics.median(floor_painted)
    print(f"ratio app / widget set, to the paint: {on_floor:.2f} (limit {FLOOR_LIMIT})")
    print("\n".join(profile))
    return 0 if whole <= LIMIT else 1


if __name__ == "__main__":
    sys.exit(main())
