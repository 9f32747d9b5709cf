"""`fact-explorer chart` with export options: each flag reaches the file; a bad value is one line and exit 2."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from desktop.app import main
from desktop.charts.spec.palette import DARK


def test_size_scale_background_title_reach_the_png(qapp, tmp_path: Path, capsys) -> None:
    target = tmp_path / "slide.png"
    args = ["--size", "slide", "--scale", "2", "--background", "dark", "--title", "Users", "--notes", "Rounded."]
    assert main(["chart", "internet-users", "-o", str(target), *args]) == 0
    image = QImage(str(target))
    assert (image.width(), image.height()) == (3840, 2160)
    assert image.pixelColor(2, 2).name() == DARK.background
    assert image.text("Title") == "Users" and "Rounded." in image.text("Description")
    assert capsys.readouterr().out.strip() == str(target)


def test_custom_size_and_subtitle_in_svg(qapp, tmp_path: Path) -> None:
    target = tmp_path / "wide.svg"
    assert main(["chart", "internet-users", "-o", str(target), "--size", "1000x500", "--subtitle", "As of June"]) == 0
    text = target.read_text(encoding="utf-8")
    assert 'width="1000"' in text and 'height="500"' in text and "As of June" in text


def test_title_goes_into_the_csv_and_options_apply_with_all(qapp, tmp_path: Path) -> None:
    target = tmp_path / "users.csv"
    assert main(["chart", "internet-users", "-o", str(target), "--title", "Online", "--background", "dark"]) == 0
    assert {row["chart"] for row in csv.DictReader(target.open(encoding="utf-8"))} == {"Online"}
    out = tmp_path / "all"
    assert main(["chart", "--all", "-o", str(out), "--size", "column", "--background", "transparent"]) == 0
    pictures = [QImage(str(p)) for p in sorted(out.glob("*.png"))]
    assert pictures and all(p.width() == 600 and p.pixelColor(1, 1).alpha() == 0 for p in pictures)


@pytest.mark.parametrize(
    ("flags", "message"),
    [
        (["--size", "poster"], "size 'poster' is not known"),
        (["--size", "10x10"], "width 10 px is out of range"),
        (["--scale", "4"], "scale 4 is not offered"),
        (["--scale", "two"], "--scale 'two' is not a whole number"),
        (["--scale", "2", "--dpi", "300"], "a scale or a dpi, not both"),
        (["--background", "blue"], "background 'blue' is not known"),
    ],
)
def test_bad_option_is_one_line_and_exit_2(tmp_path: Path, capsys, flags: list[str], message: str) -> None:
    target = tmp_path / "x.png"
    assert main(["chart", "internet-users", "-o", str(target), *flags]) == 2
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1
    assert not target.exists()
