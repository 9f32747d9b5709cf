"""`fact-explorer import` as a user runs it: a subprocess of the installed command, then facts, chart and sheet
read what it wrote (with `--db` after the subcommand)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from report_paths import REPORTS

COMMAND = Path(sys.executable).parent / "fact-explorer"


def _run(*args: str | Path, data_dir: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "FACT_EXPLORER_DATA_DIR": str(data_dir)}
    return subprocess.run(
        [str(COMMAND), *map(str, args)], capture_output=True, text=True, env=env, timeout=120, cwd=data_dir
    )


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "user"
    folder.mkdir()
    return folder


def test_import_then_facts_chart_and_sheet_read_the_new_fact_base(tmp_path: Path, data_dir: Path) -> None:
    out = tmp_path / "riverside.sqlite"
    result = _run("import", REPORTS / "riverside_transport_2024.txt", "-o", out, "--date", "2025-03-03",
                  "--publisher", "Riverside Transit Authority", data_dir=data_dir)  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == str(out)
    facts = _run("facts", "--json", "--db", out, data_dir=data_dir)
    assert facts.returncode == 0, facts.stderr
    records = json.loads(facts.stdout)
    passengers = {r["value"]: r for r in records if r["unit"] == "passengers"}
    assert passengers[412_000_000]["quote"].startswith("Riverside's public transport network carried 412 million")
    money = next(r for r in records if r["kind"] == "money" and r["unit"] == "yuan")
    chart = _run("chart", money["id"], "-o", tmp_path / "money.png", "--db", out, data_dir=data_dir)
    assert chart.returncode == 0, chart.stderr
    assert (tmp_path / "money.png").read_bytes().startswith(b"\x89PNG")
    sheet = _run("sheet", money["section_id"], "-o", tmp_path / "section.pdf", "--db", out, data_dir=data_dir)
    assert sheet.returncode == 0, sheet.stderr
    assert (tmp_path / "section.pdf").read_bytes().startswith(b"%PDF")


@pytest.mark.parametrize("name", ["riverside_transport_2024.txt", "northwind_energy_2025.md",
                                  "harbour_press_release.html", "pdf"])  # fmt: skip
def test_each_format_imports_from_the_command_line(name: str, pdf_report: Path, tmp_path: Path, data_dir: Path) -> None:
    source = pdf_report if name == "pdf" else REPORTS / name
    out = tmp_path / "new.sqlite"
    result = _run("import", source, "-o", out, "--title", f"Test {name}", data_dir=data_dir)
    assert result.returncode == 0, result.stderr
    facts = json.loads(_run("facts", "--json", "--db", out, data_dir=data_dir).stdout)
    assert len(facts) >= 10 and all(f["quote"] for f in facts)
    glossary = json.loads(_run("glossary", "--json", "--db", out, data_dir=data_dir).stdout)
    assert len(glossary) == 2


def test_every_kind_of_proposed_fact_has_a_chart(tmp_path: Path, data_dir: Path) -> None:
    out = tmp_path / "energy.sqlite"
    assert _run("import", REPORTS / "northwind_energy_2025.md", "-o", out, data_dir=data_dir).returncode == 0
    charts = _run("chart", "--all", "-o", tmp_path / "charts", "--format", "csv", "--db", out, data_dir=data_dir)
    assert charts.returncode == 0, charts.stderr
    assert len(list((tmp_path / "charts").glob("*.csv"))) >= 10


def test_write_annotations_then_import_again_with_them(tmp_path: Path, data_dir: Path) -> None:
    source = REPORTS / "harbour_press_release.html"
    first, toml = tmp_path / "first.sqlite", tmp_path / "proposals.toml"
    assert _run("import", source, "-o", first, "--write-annotations", toml, data_dir=data_dir).returncode == 0
    text = toml.read_text("utf-8")
    assert text.count("[[fact]]") >= 10 and 'quote = "' in text
    toml.write_text(text.replace('kind = "growth"', 'kind = "share"', 1), "utf-8")
    again = tmp_path / "again.sqlite"
    result = _run("import", source, "-o", again, "--annotations", toml, data_dir=data_dir)
    assert result.returncode == 0, result.stderr
    before = json.loads(_run("facts", "--json", "--db", first, data_dir=data_dir).stdout)
    after = json.loads(_run("facts", "--json", "--db", again, data_dir=data_dir).stdout)
    assert [f["id"] for f in before] == [f["id"] for f in after]
    changed = [(b["kind"], a["kind"]) for b, a in zip(before, after, strict=True) if b != a]
    assert changed == [("growth", "share")]


def test_add_puts_the_new_fact_base_in_the_library(tmp_path: Path, data_dir: Path) -> None:
    out = tmp_path / "water.sqlite"
    result = _run("import", REPORTS / "riverside_transport_2024.txt", "-o", out, "--add", "--publisher", "RTA",
                  data_dir=data_dir)  # fmt: skip
    assert result.returncode == 0, result.stderr
    listing = _run("library", "--json", data_dir=data_dir)
    assert listing.returncode == 0, listing.stderr
    entries = json.loads(listing.stdout)
    mine = [e for e in entries if Path(e["path"]) == out]
    assert mine and mine[0]["publisher"] == "RTA"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "no such file"),
        (b"", "is empty"),
        (b"\x00\x01\x02binary\x00" * 50, "binary"),
    ],
)
def test_bad_input_is_one_line_on_stderr_exit_1_and_nothing_written(
    content: bytes | None, message: str, tmp_path: Path, data_dir: Path
) -> None:
    source = tmp_path / "report.txt"
    if content is not None:
        source.write_bytes(content)
    out = tmp_path / "out" / "new.sqlite"
    result = _run("import", source, "-o", out, data_dir=data_dir)
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1 and message in result.stderr and "Traceback" not in result.stderr
    assert not out.parent.exists() or list(out.parent.iterdir()) == []
