"""Where the importer's test reports are (a module of its own: `conftest` names clash across test folders)."""

from __future__ import annotations

from pathlib import Path

REPORTS = Path(__file__).resolve().parent / "reports"
ROOT = Path(__file__).resolve().parents[2]
BUNDLED_REPORT = ROOT / "resources" / "report" / "000_116ccc03037fb487.txt"
FACTS_TOML = ROOT / "resources" / "facts.toml"
