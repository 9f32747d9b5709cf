"""`fact-explorer library …` and `fact-explorer notes …` from the command line, as a user types them."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from desktop.app import main
from desktop.store import FactBase
from desktop.userdata import UserData, fact_anchor


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_library_lists_the_bundled_report(
    capsys: pytest.CaptureFixture[str], user_data_dir: Path, factbase: FactBase
) -> None:
    code, out, _ = run(capsys, "library", "--json")
    assert code == 0
    [entry] = json.loads(out)
    assert entry["bundled"] is True and entry["readable"] is True
    assert entry["title"] == factbase.document.title and entry["facts"] == factbase.fact_count()
    code, out, _ = run(capsys, "library")
    assert code == 0 and entry["id"] in out and factbase.document.title in out and "yes" in out


def test_library_add_then_list_then_remove(
    capsys: pytest.CaptureFixture[str], user_data_dir: Path, tiny_factbase_path: Path
) -> None:
    before = hashlib.sha256(tiny_factbase_path.read_bytes()).hexdigest()
    code, out, _ = run(capsys, "library", "add", str(tiny_factbase_path))
    assert code == 0
    report_id = out.split("\t")[0]
    _, listed, _ = run(capsys, "library", "--json")
    assert [e["id"] for e in json.loads(listed) if not e["bundled"]] == [report_id]
    code, out, _ = run(capsys, "library", "remove", report_id)
    assert code == 0 and "left as it is" in out
    _, listed, _ = run(capsys, "library", "--json")
    assert len(json.loads(listed)) == 1
    assert hashlib.sha256(tiny_factbase_path.read_bytes()).hexdigest() == before


def test_library_shows_a_file_that_went_away_as_unreadable(
    capsys: pytest.CaptureFixture[str], user_data_dir: Path, tiny_factbase_path: Path, tmp_path: Path
) -> None:
    copy = tmp_path / "copy.sqlite"
    copy.write_bytes(tiny_factbase_path.read_bytes())
    run(capsys, "library", "add", str(copy))
    copy.unlink()
    code, out, _ = run(capsys, "library", "--json")
    gone = next(e for e in json.loads(out) if not e["bundled"])
    assert code == 0 and gone["readable"] is False and gone["facts"] is None and gone["problem"] == "no such file"


@pytest.mark.parametrize(
    ("argv", "code", "words"),
    [
        (["library", "remove", "no-such-report"], 2, "no report 'no-such-report'"),
        (["library", "add", "missing.sqlite"], 1, "missing.sqlite"),
        (["notes"], 2, "notes export"),
        (["notes", "import", "missing.json"], 1, "cannot read missing.json"),
    ],
)
def test_bad_input_gets_one_line_and_an_exit_code(
    capsys: pytest.CaptureFixture[str], user_data_dir: Path, argv: list[str], code: int, words: str
) -> None:
    got, out, err = run(capsys, *argv)
    assert got == code and out == "" and words in err and err.count("\n") == 1


def test_the_bundled_report_cannot_be_removed(capsys: pytest.CaptureFixture[str], user_data_dir: Path) -> None:
    _, out, _ = run(capsys, "library", "--json")
    bundled = json.loads(out)[0]["id"]
    code, _, err = run(capsys, "library", "remove", bundled)
    assert code == 2 and "cannot be removed" in err
    _, out, _ = run(capsys, "library", "--json")
    assert json.loads(out)[0]["id"] == bundled


def test_notes_export_markdown_and_json_then_import(
    capsys: pytest.CaptureFixture[str], user_data_dir: Path, tiny_factbase: FactBase, tmp_path: Path
) -> None:
    with UserData.open() as data:
        data.annotate(fact_anchor(tiny_factbase, "residents"), starred=True, note="a *note*", tags=["t"])
    code, out, _ = run(capsys, "notes", "export", "-o", str(tmp_path / "notes.md"))
    assert code == 0 and "1 notes" in out
    markdown = (tmp_path / "notes.md").read_text(encoding="utf-8")
    assert "a *note*" in markdown and "Cite: " in markdown
    code, _, _ = run(capsys, "notes", "export", "--output", str(tmp_path / "notes.json"))
    assert code == 0
    assert json.loads((tmp_path / "notes.json").read_text(encoding="utf-8"))["annotations"][0]["note"] == "a *note*"
    code, out, _ = run(capsys, "notes", "import", str(tmp_path / "notes.json"))
    assert code == 0 and "0 added, 0 updated, 1 already here" in out


@pytest.mark.parametrize("name", ["notes.txt", "no-such-dir/notes.md", "."])
def test_notes_export_to_a_bad_place_writes_nothing(
    capsys: pytest.CaptureFixture[str], user_data_dir: Path, tmp_path: Path, name: str
) -> None:
    target = tmp_path / name
    code, _, err = run(capsys, "notes", "export", "-o", str(target))
    assert code == 1 and str(target) in err
    assert list(tmp_path.iterdir()) == []  # checked before anything is opened or written


def test_notes_import_of_a_bad_file_names_it(
    capsys: pytest.CaptureFixture[str], user_data_dir: Path, tmp_path: Path
) -> None:
    bad = tmp_path / "notes.json"
    bad.write_text('{"format": "other"}', encoding="utf-8")
    code, _, err = run(capsys, "notes", "import", str(bad))
    assert code == 1 and str(bad) in err and "not a Fact Explorer notes file" in err


def test_the_commands_need_no_fact_base(
    capsys: pytest.CaptureFixture[str], user_data_dir: Path, tmp_path: Path
) -> None:
    broken = tmp_path / "broken.sqlite"
    broken.write_bytes(b"garbage" * 100)
    code, out, _ = run(capsys, "--db", str(broken), "library", "--json")
    assert code == 0 and json.loads(out)[0]["bundled"] is True
    code, _, _ = run(capsys, "--db", str(broken), "notes", "export", "-o", str(tmp_path / "n.json"))
    assert code == 0 and (tmp_path / "n.json").exists()
