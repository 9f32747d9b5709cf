"""`fact-explorer series ID [--json] [--with PATH ...] [--no-library]`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop.app import main


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def _with(paths: dict[str, Path], *names: str) -> list[str]:
    return [arg for name in names for arg in ("--with", str(paths[name]))]


def test_series_json_lists_each_member_with_report_value_unit_period_and_quote(
    capsys: pytest.CaptureFixture[str], tiny_factbase_path: Path, test_report_paths: dict[str, Path]
) -> None:
    others = _with(test_report_paths, "ostmark-2023", "ostmark-2025", "networks-survey")
    code, out, err = run(
        capsys, "series", "ferry-crossings", "--json", "--no-library", "--db", str(tiny_factbase_path), *others
    )
    assert (code, err) == (0, "")
    record = json.loads(out)
    assert record["fact"] == "ferry-crossings"
    first, own, later, undated = record["members"]
    assert first["report"] == {
        "title": "Ostmark Grows to 11,900 Residents",
        "path": str(test_report_paths["ostmark-2023"]),
    }
    assert (first["value"], first["unit"], first["period"], first["period_end"]) == (
        7100,
        "crossings",
        "2023",
        "2023-12-31",
    )
    assert first["quote"].startswith("In 2023 the town's ferries made 7,100 crossings")
    assert own["origin"] == "self" and own["report"]["path"] == str(tiny_factbase_path)
    assert (later["value"], later["period"]) == (4300, "H1 2025")
    assert undated["undated"] is True and undated["period_end"] is None and undated["qualifier"] == "approximately"
    assert record["rejected"] == []


def test_series_text_marks_the_fact_and_undated_members(
    capsys: pytest.CaptureFixture[str], tiny_factbase_path: Path, test_report_paths: dict[str, Path]
) -> None:
    others = _with(test_report_paths, "ostmark-2023", "networks-survey")
    code, out, _ = run(capsys, "series", "ferry-crossings", "--no-library", "--db", str(tiny_factbase_path), *others)
    lines = out.splitlines()
    assert code == 0 and lines[0] == "Ferry crossings (ferry-crossings): 3 in the series"
    assert lines[2].startswith("* 2024") and lines[3].endswith("(undated)")


def test_series_of_an_unknown_fact_exits_2(capsys: pytest.CaptureFixture[str], private_user_data: Path) -> None:
    code, out, err = run(capsys, "series", "5g-base-station", "--no-library")
    assert code == 2 and out == "" and "5g-base-stations" in err


def test_a_missing_with_file_exits_1(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = run(capsys, "series", "5g-base-stations", "--no-library", "--with", str(tmp_path / "none.sqlite"))
    assert code == 1 and "no such file" in err


def test_series_searches_the_library_and_applies_the_users_decisions(
    capsys: pytest.CaptureFixture[str],
    tiny_factbase_path: Path,
    test_report_paths: dict[str, Path],
    private_user_data: Path,
) -> None:
    user_data = pytest.importorskip("desktop.userdata.user_data")
    from desktop.store import FactBase
    from desktop.userdata.series_links import FactRef

    with user_data.UserData.open() as user:
        user.add_report(test_report_paths["ostmark-2023"])
        user.add_report(test_report_paths["ostmark-2025"])
        with FactBase.open(tiny_factbase_path) as tiny, FactBase.open(test_report_paths["ostmark-2025"]) as later:
            user.unlink_facts(
                FactRef(user.report_id(tiny), "ferry-crossings"), FactRef(user.report_id(later), "crossings-h1")
            )

    code, out, err = run(capsys, "series", "ferry-crossings", "--json", "--db", str(tiny_factbase_path))
    assert (code, err) == (0, "")
    record = json.loads(out)
    assert [m["id"] for m in record["members"]] == ["crossings", "ferry-crossings"]  # from the library
    assert [m["id"] for m in record["rejected"]] == ["crossings-h1"]  # the user's undo kept
