"""`facts --json` and `--csv` stream block by block yet write exactly what the whole-list encoders wrote."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from desktop.app import main
from desktop.cli.listing import DERIVED_FIELDS, FACT_FIELDS, RANGE_FIELDS, _numbers_as_ints, fact_record
from desktop.store import FactBase


def _expected_records(fb: FactBase) -> list[dict]:
    titles = {s.id: s.title for s in fb.sections()}
    return [
        _numbers_as_ints(fact_record(f, titles[f.section_id], fb.document.period_note(f.period))) for f in fb.facts()
    ]


@pytest.mark.parametrize("base", ["tiny", "generated"])
def test_json_is_byte_for_byte_what_json_dump_wrote(
    base: str, capsys: pytest.CaptureFixture[str], tiny_factbase_path: Path, generated_path: Path
) -> None:
    path = tiny_factbase_path if base == "tiny" else generated_path
    assert main(["facts", "--json", "--db", str(path)]) == 0
    out = capsys.readouterr().out
    with FactBase.open(path) as fb:
        assert out == json.dumps(_expected_records(fb), ensure_ascii=False, indent=2) + "\n"


@pytest.mark.parametrize("base", ["tiny", "generated"])
def test_csv_is_what_one_dict_writer_wrote(
    base: str, capsys: pytest.CaptureFixture[str], tiny_factbase_path: Path, generated_path: Path
) -> None:
    path = tiny_factbase_path if base == "tiny" else generated_path
    assert main(["facts", "--csv", "--db", str(path)]) == 0
    out = capsys.readouterr().out
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=FACT_FIELDS + RANGE_FIELDS + DERIVED_FIELDS, lineterminator="\n")
    writer.writeheader()
    with FactBase.open(path) as fb:
        for record in _expected_records(fb):
            if "derived_from" in record:
                record["derived_from"] = " ".join(record["derived_from"])
            writer.writerow(record)
    assert out == buffer.getvalue() and out.count("\n") > 1
