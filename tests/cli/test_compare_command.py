"""`fact-explorer compare` and `fact-explorer brief` on reports that share metrics: files read back, and bad input
as one line with the documented exit code and no file."""

from __future__ import annotations

import csv
import io
import re
import subprocess
import unicodedata
from pathlib import Path

import pytest

from desktop.app import main
from desktop.store import FactBase

REPORTS = Path(__file__).resolve().parents[1] / "domain" / "reports"


@pytest.fixture(scope="module")
def paths(tmp_path_factory: pytest.TempPathFactory, tiny_factbase_path: Path) -> dict[str, Path]:
    from db.build import build

    folder = tmp_path_factory.mktemp("cli-compare")
    built = {name: build(folder / f"{name}.sqlite", REPORTS / name) for name in ("ostmark-2023", "ostmark-2025")}
    return {**built, "tiny": tiny_factbase_path}


@pytest.fixture(autouse=True)
def private_user_data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The library and bookmarks of the test's own, never the user's."""
    folder = tmp_path / "user-data"
    monkeypatch.setenv("FACT_EXPLORER_DATA_DIR", str(folder))
    return folder


def with_args(paths: dict[str, Path]) -> list[str]:
    return ["--db", str(paths["tiny"]), "--with", str(paths["ostmark-2023"]), "--with", str(paths["ostmark-2025"])]


def pdf_text(path: Path) -> str:
    out = subprocess.run(["pdftotext", "-raw", str(path), "-"], capture_output=True, text=True, check=True).stdout
    return " ".join(unicodedata.normalize("NFKC", out).split())


def pdf_pages(path: Path) -> int:
    out = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    found = re.search(r"Pages:\s+(\d+)", out)
    assert found
    return int(found.group(1))


def test_compare_csv_names_each_rows_report_by_file_name(qapp, paths, tmp_path, capsys) -> None:
    out = tmp_path / "c.csv"
    ids = ["residents", "ostmark-2023:residents", "ostmark-2025:residents", "ostmark-2025:crossings-h1"]
    assert main(["compare", *ids, "-o", str(out), *with_args(paths)]) == 0
    assert capsys.readouterr().out.strip() == str(out)
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert [(r["fact_id"], r["value"]) for r in rows] == [
        ("residents", "11900"),  # the line over time: in time order, whatever order they were named
        ("residents", "12400"),
        ("residents", "12650"),
        ("crossings-h1", "4300"),
    ]
    with FactBase.open(paths["ostmark-2023"]) as o23:
        assert rows[0]["source"].startswith(o23.document.citation)


def test_compare_reads_a_report_of_the_library_by_its_id(qapp, paths, tmp_path, capsys) -> None:
    from desktop.userdata import UserData

    with UserData.open() as user:
        entry = user.add_report(paths["ostmark-2025"])
    out = tmp_path / "c.csv"
    assert main(["--db", str(paths["tiny"]), "compare", "residents", f"{entry.id}:residents", "-o", str(out)]) == 0
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert [r["value"] for r in rows] == ["12400", "12650"]
    assert rows[1]["report"] == entry.id


def test_compare_png_and_svg_carry_every_source(qapp, paths, tmp_path) -> None:
    from PySide6.QtGui import QImage

    ids = ["residents", "ostmark-2023:crossings", "ostmark-2025:sailings-on-time"]
    assert main(["compare", *ids, "-o", str(tmp_path / "c.png"), "--width", "800", *with_args(paths)]) == 0
    assert main(["compare", *ids, "-o", str(tmp_path / "c.svg"), *with_args(paths)]) == 0
    source = QImage(str(tmp_path / "c.png")).text("Source")
    svg = (tmp_path / "c.svg").read_text(encoding="utf-8")
    for name in ("tiny", "ostmark-2023", "ostmark-2025"):
        with FactBase.open(paths[name]) as fb:
            assert fb.document.title in source
            assert f"<dc:source>{fb.document.citation}" in svg


def test_compare_pdf_prints_the_comparison_as_a_sheet(qapp, paths, tmp_path) -> None:
    out = tmp_path / "c.pdf"
    assert main(["compare", "residents", "ostmark-2023:residents", "-o", str(out), *with_args(paths)]) == 0
    text = pdf_text(out)
    assert "Residents of Ostmark over time" in text
    assert "The harbour town of Ostmark counted 11,900 residents at the end of 2023" in text
    assert "References" in text and pdf_pages(out) >= 1


@pytest.mark.parametrize(
    ("ids", "output", "code", "message"),
    [
        (["residents"], "c.png", 2, "two or more"),
        (["residents", "nowhere:residents"], "c.png", 2, "no report 'nowhere'"),
        (["residents", "residentz"], "c.png", 2, "did you mean residents"),
        (["residents", "ostmark-2023:residentz"], "c.png", 2, "did you mean residents"),
        (["residents", "port-rank"], "c.gif", 1, ".png, .svg, .csv, .pdf"),
    ],
)
def test_bad_input_is_one_line_and_no_file(qapp, paths, tmp_path, capsys, ids, output, code, message) -> None:
    assert main(["compare", *ids, "-o", str(tmp_path / output), *with_args(paths)]) == code
    err = capsys.readouterr().err
    assert message in err and len(err.strip().splitlines()) == 1
    assert not (tmp_path / output).exists()


def test_a_missing_directory_is_exit_1(qapp, paths, tmp_path, capsys) -> None:
    out = tmp_path / "missing" / "c.pdf"
    assert main(["compare", "residents", "port-rank", "-o", str(out), *with_args(paths)]) == 1
    assert "does not exist" in capsys.readouterr().err


# brief -------------------------------------------------------------------------------------------------------
def test_brief_of_ids_is_a_contents_page_and_a_page_a_fact(qapp, paths, tmp_path) -> None:
    out = tmp_path / "b.pdf"
    ids = ["residents", "ostmark-2025:residents", "port-rank"]
    assert main(["brief", *ids, "-o", str(out), "--title", "Ferries and people", *with_args(paths)]) == 0
    assert pdf_pages(out) == 4
    text = pdf_text(out)
    assert "Ferries and people" in text and "Contents" in text
    assert "By the end of June 2025 the harbour town of Ostmark had 12,650 residents." in text


def test_brief_of_the_bookmarks_prints_every_starred_fact(qapp, paths, tmp_path) -> None:
    from desktop.userdata import UserData
    from desktop.userdata.anchors import fact_anchor

    with UserData.open() as user:
        user.add_report(paths["ostmark-2023"])
        with FactBase.open(paths["ostmark-2023"]) as o23:
            user.annotate(fact_anchor(o23, "crossings"), starred=True)
            user.annotate(fact_anchor(o23, "westmark-residents"), note="a note, not a star")
        with FactBase.open(paths["tiny"]) as tiny:
            user.annotate(fact_anchor(tiny, "residents"), starred=True)
    out = tmp_path / "b.pdf"
    assert main(["--db", str(paths["tiny"]), "brief", "--bookmarks", "-o", str(out)]) == 0
    assert pdf_pages(out) == 3  # contents, then the two starred facts; the unstarred note is not printed
    text = pdf_text(out)
    assert "In 2023 the town's ferries made 7,100 crossings" in text
    assert "12,400 residents" in text
    assert "Residents of Westmark" not in text


def test_brief_needs_ids_or_bookmarks_not_both(qapp, paths, tmp_path, capsys) -> None:
    out = tmp_path / "b.pdf"
    assert main(["--db", str(paths["tiny"]), "brief", "-o", str(out)]) == 2
    assert main(["--db", str(paths["tiny"]), "brief", "residents", "--bookmarks", "-o", str(out)]) == 2
    assert main(["--db", str(paths["tiny"]), "brief", "--bookmarks", "-o", str(out)]) == 1  # none starred yet
    assert "no bookmarked facts" in capsys.readouterr().err
    assert not out.exists()
