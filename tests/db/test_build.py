"""The builder: deterministic, atomic, and it refuses annotations that disagree with the report."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from db.annotations import AnnotationError
from db.build import build, main
from desktop.paths import bundled_factbase
from desktop.store import FactBase

ROOT = Path(__file__).resolve().parents[2]


def test_committed_fact_base_equals_a_fresh_build(tmp_path: Path) -> None:
    fresh = build(tmp_path / "fresh.sqlite")
    assert fresh.read_bytes() == bundled_factbase().read_bytes(), "run `python -m db.build` and commit the result"


def test_meta_names_schema_source_and_builder(factbase: FactBase) -> None:
    doc = factbase.document
    assert doc.schema_version == 2
    assert doc.title.startswith("Computing Power Ranks Second Globally")
    assert doc.factbase_version and doc.builder_version
    assert "Undated report" in doc.citation


@pytest.fixture
def resources_copy(tmp_path: Path) -> Path:
    copy = tmp_path / "resources"
    shutil.copytree(ROOT / "resources", copy)
    return copy


def test_a_value_that_disagrees_with_its_figure_stops_the_build(resources_copy: Path, tmp_path: Path) -> None:
    facts = resources_copy / "facts.toml"
    facts.write_text(facts.read_text("utf-8").replace("value = 4550000", "value = 4500000"), "utf-8")
    out = tmp_path / "out.sqlite"
    with pytest.raises(AnnotationError, match="5g-base-stations"):
        build(out, resources_copy)
    assert not out.exists()
    assert not list(tmp_path.glob(".factbase-*")), "no temporary file is left behind"


def test_a_quote_not_in_the_report_stops_the_build(resources_copy: Path, tmp_path: Path) -> None:
    facts = resources_copy / "facts.toml"
    facts.write_text(facts.read_text("utf-8").replace("Over 35,000 high-quality", "Over 35,000 high quality"), "utf-8")
    with pytest.raises(AnnotationError, match="high-quality-datasets"):
        build(tmp_path / "out.sqlite", resources_copy)


def test_build_command_reports_a_bad_annotation_in_one_line(
    resources_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    facts = resources_copy / "facts.toml"
    facts.write_text(facts.read_text("utf-8").replace('kind = "share"', 'kind = "pie"', 1), "utf-8")
    monkeypatch.setattr("db.build.RESOURCES", resources_copy)
    assert main(["--out", str(tmp_path / "x.sqlite")]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "unknown kind 'pie'" in err
