"""Fixtures for citations and series: three small test reports of our own, built by the builder.

tests/domain/reports/ holds them (each a resources folder: structure.toml, the report text, facts.toml):
- ostmark-2023: the tiny report's town a year earlier: residents, ferry crossings, their growth, online permits;
  near-misses: Westmark's residents (another noun's owner), ferry passengers (another noun).
- ostmark-2025: the half year after: residents, ferry crossings (H1), sailings on time (Q2); near-misses: crossings
  cancelled (same noun, another metric), ferry crossings as a share of traffic (same words, another unit).
- networks-survey: 5G base stations at the end of 2023 (the bundled report's metric), ferry crossings "annually"
  (a period with no date), and an `&` in its title.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from desktop.store import FactBase

REPORTS = Path(__file__).resolve().parent / "reports"
EXPECTED = Path(__file__).resolve().parent / "expected"
ACCESSED = date(2026, 12, 1)  # the access date every reference rendering was checked with


@pytest.fixture
def test_reports(test_report_paths: dict[str, Path]) -> Iterator[dict[str, FactBase]]:
    """The three test reports, opened read-only and closed after the test."""
    opened = {name: FactBase.open(path) for name, path in test_report_paths.items()}
    try:
        yield opened
    finally:
        for fb in opened.values():
            fb.close()


@pytest.fixture
def private_user_data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A user data folder of the test's own, so the series command's library is not the user's real one."""
    folder = tmp_path / "user-data"
    monkeypatch.setenv("FACT_EXPLORER_DATA_DIR", str(folder))
    return folder
