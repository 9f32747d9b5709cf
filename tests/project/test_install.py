"""A non-editable install carries resources/ and the bundled fact base, and works from any directory."""

from __future__ import annotations

import html
import json
import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    # No build isolation: the build needs nothing beyond setuptools, which the test extra installs; the run
    # stays offline.
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(out), str(ROOT)],
        check=True,
        capture_output=True,
    )
    return next(out.glob("fact_explorer-*.whl"))


@pytest.fixture(scope="module")
def installed(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The wheel installed (without dependencies) into a directory of its own, and an unrelated working directory."""
    root = tmp_path_factory.mktemp("installed")
    target, elsewhere = root / "site", root / "elsewhere"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--target", str(target), str(wheel)],
        check=True,
        capture_output=True,
    )
    elsewhere.mkdir()
    return target, elsewhere


def test_wheel_carries_resources_and_the_fact_base(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "db/factbase.sqlite" in names
    assert "resources/report/000_116ccc03037fb487.txt" in names
    assert "resources/facts.toml" in names
    assert "desktop/py.typed" in names
    entry_points = next(n for n in names if n.endswith("entry_points.txt"))
    assert "fact-explorer = desktop.app:main" in zipfile.ZipFile(wheel).read(entry_points).decode()


def test_installed_copy_lists_facts_from_another_directory(installed: tuple[Path, Path]) -> None:
    target, elsewhere = installed
    env = {**os.environ, "PYTHONPATH": str(target)}
    probe = "import desktop, desktop.paths as p; print(desktop.__file__); print(p.bundled_factbase())"
    where = subprocess.run([sys.executable, "-c", probe], cwd=elsewhere, env=env, capture_output=True, text=True)
    module_file, factbase_file = where.stdout.split()
    assert module_file.startswith(str(target)) and factbase_file.startswith(str(target))

    listing = subprocess.run(
        [str(target / "bin" / "fact-explorer"), "facts", "--json"],
        cwd=elsewhere,
        env=env,
        capture_output=True,
        text=True,
    )
    assert listing.returncode == 0, listing.stderr
    facts = json.loads(listing.stdout)
    assert len(facts) == 20 and {f["id"] for f in facts} >= {"5g-base-stations", "new-market-entities"}


def test_installed_copy_exports_a_chart_and_prints_a_sheet_headless(installed: tuple[Path, Path]) -> None:
    target, elsewhere = installed
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env["PYTHONPATH"] = str(target)
    app = str(target / "bin" / "fact-explorer")
    for args in (
        ["chart", "internet-penetration-rate", "-o", "rate.png"],
        ["chart", "internet-penetration-rate", "-o", "rate.svg"],
        ["sheet", "internet-penetration-rate", "-o", "rate.pdf"],
    ):
        result = subprocess.run([app, *args], cwd=elsewhere, env=env, capture_output=True, text=True, timeout=120)
        assert result.returncode == 0, result.stderr
    png = (elsewhere / "rate.png").read_bytes()
    assert png.startswith(b"\x89PNG") and int.from_bytes(png[16:20], "big") == 1600
    assert b"tEXtSource" in png or b"iTXtSource" in png or b"zTXtSource" in png
    assert b"<metadata" in (elsewhere / "rate.svg").read_bytes()
    assert (elsewhere / "rate.pdf").read_bytes().startswith(b"%PDF")


REPORTS = ROOT / "tests" / "importer" / "reports"


def _app(installed: tuple[Path, Path], tmp: Path) -> tuple[list[str], Path, dict[str, str]]:
    target, elsewhere = installed
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env |= {"PYTHONPATH": str(target), "QT_QPA_PLATFORM": "offscreen", "FACT_EXPLORER_DATA_DIR": str(tmp / "data")}
    env |= {"HOME": str(tmp), "XDG_CONFIG_HOME": str(tmp / "config")}
    return [str(target / "bin" / "fact-explorer")], elsewhere, env


def _run(app: list[str], cwd: Path, env: dict[str, str], *args: str) -> str:
    result = subprocess.run([*app, *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=180)
    assert result.returncode == 0, f"{args}: {result.stderr}"
    return result.stdout


@pytest.mark.parametrize(
    "report", ["riverside_transport_2024.txt", "northwind_energy_2025.md", "harbour_press_release.html", "pdf"]
)
def test_an_installed_copy_imports_a_report_that_every_job_then_uses(
    qapp: object, installed: tuple[Path, Path], tmp_path: Path, report: str
) -> None:
    """A report that is not in the checkout (copied out, or a PDF made here) imported by the installed copy:
    facts, chart, sheet, search, the library and the window all read the new fact base."""
    app, elsewhere, env = _app(installed, tmp_path)
    work = tmp_path / "work"
    work.mkdir()
    if report == "pdf":
        sys.path.insert(0, str(ROOT / "tests" / "importer"))
        from pdf_report import write_pdf_report

        source = write_pdf_report(work / "water.pdf")
    else:
        source = work / report
        source.write_bytes((REPORTS / report).read_bytes())
    base = work / "imported.sqlite"
    _run(app, elsewhere, env, "import", str(source), "-o", str(base), "--add")
    facts = json.loads(_run(app, elsewhere, env, "facts", "--db", str(base), "--json"))
    assert facts and all(f["quote"] and f["id"] for f in facts)
    first = facts[0]
    if report != "pdf":  # the sentence as the reader shows it: Markdown's ** and HTML's tags taken off
        plain = html.unescape(re.sub(r"<[^>]+>|\*\*?", "", source.read_text(encoding="utf-8")))
        plain = " ".join(plain.split())
        assert " ".join(first["quote"].split()) in plain
    _run(app, elsewhere, env, "chart", first["id"], "--db", str(base), "-o", str(work / "chart.png"))
    _run(app, elsewhere, env, "sheet", first["id"], "--db", str(base), "-o", str(work / "sheet.pdf"))
    word = next(w for w in first["label"].split() if len(w) > 4)
    found = json.loads(_run(app, elsewhere, env, "search", word, "--db", str(base), "--json"))
    assert any(r["type"] == "fact" and word.lower() in (r["title"] or "").lower() for r in found), found[:3]
    library = json.loads(_run(app, elsewhere, env, "library", "--json"))
    assert any(Path(e["path"]) == base for e in library)
    _run(app, elsewhere, env, str(base), "--open", first["id"], "--screenshot", str(work / "window.png"))
    assert (work / "chart.png").stat().st_size and (work / "sheet.pdf").stat().st_size
    assert (work / "window.png").read_bytes().startswith(b"\x89PNG")


def test_two_imported_reports_compare_follow_cite_note_and_brief(installed: tuple[Path, Path], tmp_path: Path) -> None:
    """Two editions of one report, imported by the installed copy: the shared metric is a series, the two facts
    compare, every citation style renders, notes go out and back in, a brief prints, and neither file changes."""
    app, elsewhere, env = _app(installed, tmp_path)
    bases = []
    for name, folder in (
        ("riverside_transport_2024.txt", REPORTS),
        ("riverside_transport_2023.txt", ROOT / "tests" / "project" / "reports"),
    ):
        source = tmp_path / name
        source.write_bytes((folder / name).read_bytes())
        base = tmp_path / f"{source.stem}.sqlite"
        _run(app, elsewhere, env, "import", str(source), "-o", str(base), "--add")
        bases.append(base)
    new, old = bases
    before = [b.read_bytes() for b in bases]
    facts = json.loads(_run(app, elsewhere, env, "facts", "--db", str(new), "--json"))
    passengers = next(f for f in facts if "passengers" in f["unit"] and f["value"] == 412_000_000)
    series = json.loads(
        _run(app, elsewhere, env, "series", passengers["id"], "--db", str(new), "--with", str(old), "--json")
    )
    values = [m["value"] for m in series["members"]]
    assert 412_000_000 in values and 389_000_000 in values
    other = next(m for m in series["members"] if m["value"] == 389_000_000)
    _run(
        app,
        elsewhere,
        env,
        "compare",
        passengers["id"],
        f"{old.stem}:{other['id']}",
        "--db",
        str(new),
        "--with",
        str(old),
        "-o",
        str(tmp_path / "compare.csv"),
    )
    assert (
        "389000000" in (tmp_path / "compare.csv").read_text() and "412000000" in (tmp_path / "compare.csv").read_text()
    )
    for style in ("apa", "mla", "chicago", "harvard", "bibtex", "ris", "csl-json"):
        assert "412" in _run(app, elsewhere, env, "cite", passengers["id"], "--db", str(new), "--style", style)
    _run(app, elsewhere, env, "notes", "export", "-o", str(tmp_path / "notes.json"))
    _run(app, elsewhere, env, "notes", "import", str(tmp_path / "notes.json"))
    _run(app, elsewhere, env, "brief", passengers["id"], "--db", str(new), "-o", str(tmp_path / "brief.pdf"))
    assert (tmp_path / "brief.pdf").read_bytes().startswith(b"%PDF")
    assert [b.read_bytes() for b in bases] == before
