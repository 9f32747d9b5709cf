"""Window benchmark: a tree click to a painted page, on the bundled fact base and on a large generated one.

Run (offscreen, or under xvfb-run for a real X server):

    python bench/generate_factbase.py --facts 1000000 -o /tmp/fb-1m.sqlite
    QT_QPA_PLATFORM=offscreen python bench/bench_window.py --db /tmp/fb-1m.sqlite --pages 60

Each page is opened the way a click in the tree opens it (MainWindow.open_target), then the event loop runs as
after a click, until the page and the chart have each been painted (a paint forced for one the loop left): the
time from the click to the end of that paint is one sample. Fact pages, section pages and glossary terms are
sampled apart; the bundled base is measured in the same run as the floor to compare against.
Figures go to docs/performance.md.
"""

from __future__ import annotations

import argparse
import random
import statistics
import time
from pathlib import Path

from PySide6.QtCore import QEvent, QObject

from desktop.qt_runtime import start_qt


class _Paints(QObject):
    """Counts paint events of the widgets it watches."""

    def __init__(self) -> None:
        super().__init__()
        self.painted: set[int] = set()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.painted.add(id(watched))
        return False


def _viewports(window: object) -> list[QObject]:
    views = [window.page.viewport()]  # type: ignore[attr-defined]
    if window.chart.plot_widget is not None:  # type: ignore[attr-defined]
        views.append(window.chart.plot_widget.viewport())  # type: ignore[attr-defined]
    return views


def _paint(app: object, window: object, paints: _Paints) -> None:
    """Run the event loop as the app does after a click (layouts, scene updates, one paint of each dirty widget),
    then paint whatever it left unpainted. Repainting first and then running the loop, as this bench did before,
    painted the chart three times a click: once by hand, then again for each scene update still queued."""
    paints.painted.clear()
    app.processEvents()  # type: ignore[attr-defined]
    for view in _viewports(window):
        view.installEventFilter(paints)  # a no-op when already installed
        if id(view) not in paints.painted:
            view.repaint()  # type: ignore[attr-defined]


def _sample(app: object, window: object, targets: list[str]) -> list[float]:
    paints = _Paints()
    for view in _viewports(window):
        view.installEventFilter(paints)
    times = []
    for target in targets:
        start = time.perf_counter()
        window.open_target(target)  # type: ignore[attr-defined]
        _paint(app, window, paints)
        times.append((time.perf_counter() - start) * 1000)
    return times


def _report(name: str, times: list[float]) -> str:
    ordered = sorted(times)
    p95 = ordered[max(0, round(0.95 * len(ordered)) - 1)]
    return f"{name:<28} n={len(times):<4} p50 {statistics.median(times):7.1f} ms   p95 {p95:7.1f} ms"


def run(db: Path, pages: int, seed: int = 1) -> list[str]:
    app = start_qt(headless=True)
    from desktop.store import FactBase
    from desktop.ui.main_window import MainWindow
    from desktop.ui.plot_loader import PlotLoader

    factbase = FactBase.open(db)
    loader = PlotLoader()
    loader.start()
    loader.wait(60)
    app.processEvents()
    window = MainWindow(factbase, loader)
    window.resize(1440, 900)
    window.show()
    app.processEvents()
    rng = random.Random(seed)
    sections = factbase.sections()
    fact_targets = []
    for _ in range(pages):
        section = rng.choice(sections)
        facts = factbase.facts_in_section(section.id, 0, 200)
        if facts:
            fact_targets.append(f"fact:{rng.choice(facts).id}")
    section_targets = [f"section:{rng.choice(sections).id}" for _ in range(pages)]
    terms = factbase.terms()
    term_targets = [f"term:{rng.choice(terms).term}" for _ in range(pages)] if terms else []
    _sample(app, window, fact_targets[:3])  # warm-up: first chart widgets, fonts, caches
    lines = [f"{db.name}: {factbase.fact_count():,} facts, {len(sections):,} sections"]
    lines.append(_report("tree click → fact page", _sample(app, window, fact_targets)))
    lines.append(_report("tree click → section page", _sample(app, window, section_targets)))
    if term_targets:
        lines.append(_report("glossary term", _sample(app, window, term_targets)))
    window.worker.shutdown()
    window.close()
    factbase.close()
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, required=True, help="the large fact base to measure")
    parser.add_argument("--pages", type=int, default=60, help="pages sampled of each kind")
    args = parser.parse_args()
    from desktop.paths import bundled_factbase

    for line in run(bundled_factbase(), args.pages) + run(args.db, args.pages):
        print(line)


if __name__ == "__main__":
    main()
