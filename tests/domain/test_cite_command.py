"""`fact-explorer cite ID [--style S] [--html] [--accessed DATE]`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop.app import main
from tests.domain.conftest import EXPECTED


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_cite_prints_the_apa_reference_by_default(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "cite", "5g-base-stations", "--accessed", "2026-12-01")
    assert (code, err) == (0, "")
    assert out == (EXPECTED / "5g-base-stations.apa.txt").read_text(encoding="utf-8")


def test_cite_writes_each_data_format(capsys: pytest.CaptureFixture[str], tiny_factbase_path: Path) -> None:
    db = ["--db", str(tiny_factbase_path)]
    code, out, _ = run(capsys, "cite", "report", "--style", "csl-json", *db)
    assert code == 0 and json.loads(out)[0]["type"] == "report"
    code, out, _ = run(capsys, "cite", "transport", "--style", "bibtex", *db)
    assert code == 0 and out.startswith("@techreport{harbour2025-transport,") and "chapter = {Transport" in out
    code, out, _ = run(capsys, "cite", "ferry-crossings", "--style", "ris", *db)
    assert code == 0 and out.splitlines()[0] == "TY  - RPRT" and out.splitlines()[-1] == "ER  - "


def test_cite_html_is_a_fragment(capsys: pytest.CaptureFixture[str], tiny_factbase_path: Path) -> None:
    code, out, _ = run(capsys, "cite", "report", "--style", "mla", "--html", "--db", str(tiny_factbase_path))
    assert code == 0 and out.startswith("<i>Harbour Town Counts 12,400 Residents and 3 Ferries</i>")


def test_an_unknown_id_exits_2_naming_the_nearest(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "cite", "5g-base-station")
    assert code == 2 and out == ""
    assert "5g-base-stations" in err and len(err.strip().splitlines()) == 1


def test_a_bad_access_date_or_style_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["cite", "report", "--accessed", "1 December"])
    assert caught.value.code == 2 and "YYYY-MM-DD" in capsys.readouterr().err
    with pytest.raises(SystemExit) as caught:
        main(["cite", "report", "--style", "vancouver"])
    assert caught.value.code == 2
