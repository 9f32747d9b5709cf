"""`fact-explorer serve`: Datasette over fact bases, through Datasette's own test client (no port, no network)."""

from __future__ import annotations

import asyncio
import hashlib
import json
import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest

from desktop.app import main
from desktop.paths import bundled_factbase
from desktop.serve import build_metadata, make_datasette

pytest.importorskip("datasette", reason="Datasette is the optional serve extra; .ci installs it with the test extra")


# SQL on the event loop's thread: Datasette's worker and write threads never stop, and a test leaves no thread.
NO_THREADS = {"num_sql_threads": 0}


def _datasette(paths: list[Path]) -> Any:
    return make_datasette(paths, settings=NO_THREADS)


def _get_json(ds: Any, *paths: str) -> list[Any]:
    """GET each path from the Datasette app in one event loop; every answer must be 200 JSON."""

    async def fetch() -> list[Any]:
        answers = []
        for path in paths:
            response = await ds.client.get(path)
            assert response.status_code == 200, f"{path}: {response.status_code} {response.text[:300]}"
            answers.append(response.json())
        return answers

    return asyncio.run(fetch())


def _copy(source: Path, target: Path) -> Path:
    target.write_bytes(source.read_bytes())
    return target


def _read_only(path: Path) -> closing[sqlite3.Connection]:
    return closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True))


def test_versions_answer(tiny_factbase_path: Path) -> None:
    (versions,) = _get_json(_datasette([tiny_factbase_path]), "/-/versions.json")
    assert versions["datasette"]["version"]
    assert "ENABLE_FTS5" in versions["sqlite"]["compile_options"]


def test_ranked_search_over_the_bundled_report_returns_snippets() -> None:
    (result,) = _get_json(_datasette([bundled_factbase()]), "/factbase/search.json?q=5G&_shape=objects")
    rows = result["rows"]
    assert len(rows) >= 3
    ranks = [row["rank"] for row in rows]
    assert ranks == sorted(ranks), "best match first"
    assert all("[5G]" in row["snippet"] for row in rows), [row["snippet"] for row in rows]
    assert {"fact", "passage"} <= {row["hit"] for row in rows}
    # The label weighs above the quote: the fact whose label names 5G comes before facts that only quote it.
    assert rows[0]["hit"] == "fact" and "5G" in rows[0]["title"]
    with _read_only(bundled_factbase()) as conn:
        quoting = conn.execute("SELECT COUNT(*) FROM facts WHERE quote LIKE '%5G%' OR label LIKE '%5G%'").fetchone()[0]
    assert sum(row["hit"] == "fact" for row in rows) == quoting


def test_search_finds_glossary_terms_and_takes_any_input(tiny_factbase_path: Path) -> None:
    ds = _datasette([tiny_factbase_path])
    ferry, odd, none = _get_json(
        ds,
        "/tiny/search.json?q=ferry&_shape=objects",
        "/tiny/search.json?q=%22ferry+%20-harbour(&_shape=objects",  # FTS5 syntax in the words is searched as text
        "/tiny/search.json?q=zeppelin&_shape=objects",
    )
    hits = {(row["hit"], row["id"]) for row in ferry["rows"]}
    assert ("term", "Ferry") in hits
    assert ("fact", "ferry-crossings") in hits
    assert isinstance(odd["rows"], list)
    assert none["rows"] == []


def test_facets_on_kind_unit_and_section_count_the_facts(tiny_factbase_path: Path) -> None:
    (result,) = _get_json(_datasette([tiny_factbase_path]), "/tiny/facts.json?_facet=kind")
    facets = result["facet_results"]
    facets = facets.get("results", facets)  # Datasette 1.0 nests them under "results"
    assert {"kind", "unit", "section_id"} <= set(facets)
    with _read_only(tiny_factbase_path) as conn:
        for column in ("kind", "unit", "section_id"):
            expected = dict(conn.execute(f"SELECT {column}, COUNT(*) FROM facts GROUP BY {column}").fetchall())
            served = {item["value"]: item["count"] for item in facets[column]["results"]}
            assert served == expected, column


def test_metadata_describes_each_fact_base(tiny_factbase_path: Path) -> None:
    ds = _datasette([bundled_factbase(), tiny_factbase_path])
    (metadata,) = _get_json(ds, "/-/metadata.json")
    with _read_only(tiny_factbase_path) as conn:
        title = conn.execute("SELECT value FROM meta WHERE key = 'title'").fetchone()[0]
    tiny = metadata["databases"]["tiny"]
    assert tiny["title"] == title
    assert tiny["source"] == "report/tiny.txt"
    assert tiny["license"]
    assert "quote" in tiny["tables"]["facts"]["columns"]
    assert metadata["databases"]["factbase"]["title"].startswith("Computing Power Ranks Second Globally")


def test_every_table_and_column_of_the_schema_is_described(tiny_factbase_path: Path) -> None:
    tables = build_metadata([tiny_factbase_path])["databases"]["tiny"]["tables"]
    with _read_only(tiny_factbase_path) as conn:
        names = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        for table in names:
            if "_fts" in table:
                continue  # Datasette hides the full-text indexes itself
            columns = [r[1] for r in conn.execute(f"PRAGMA table_info({table})")]
            assert table in tables, f"table {table} is not described"
            assert set(columns) == set(tables[table]["columns"]), table
            assert all(tables[table]["columns"].values())


def test_files_are_served_immutable_and_left_unchanged(tmp_path: Path, tiny_factbase_path: Path) -> None:
    files = [
        _copy(bundled_factbase(), tmp_path / "factbase.sqlite"),
        _copy(tiny_factbase_path, tmp_path / "tiny.sqlite"),
    ]
    before = {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in files}
    ds = _datasette(files)
    assert all(not ds.databases[name].is_mutable for name in ("factbase", "tiny"))
    _get_json(
        ds,
        "/factbase/search.json?q=data",
        "/tiny/facts.json?_facet=kind",
        "/tiny.json?sql=select+count(*)+from+facts",
        "/factbase/glossary.json",
    )
    for db in ds.databases.values():
        db.close()
    assert {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in files} == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["factbase.sqlite", "tiny.sqlite"], "a -wal/-shm appeared"


def test_two_files_of_one_name_are_both_served(tmp_path: Path, tiny_factbase_path: Path) -> None:
    (tmp_path / "a").mkdir()
    other = _copy(tiny_factbase_path, tmp_path / "a" / "factbase.sqlite")
    ds = _datasette([bundled_factbase(), other])
    databases, search = _get_json(ds, "/-/databases.json", "/factbase_2/search.json?q=ferry&_shape=objects")
    assert {d["name"] for d in databases} == {"factbase", "factbase_2"}
    assert search["rows"], "the second file's canned query runs against the second file"


def test_written_metadata_works_with_datasettes_own_loading(tmp_path: Path, tiny_factbase_path: Path) -> None:
    # What a team does to publish: the files and the metadata file, handed to Datasette as its CLI would.
    target = tmp_path / "metadata.json"
    assert main(["serve", "--no-library", "--db", str(tiny_factbase_path), "--write-metadata", str(target)]) == 0
    metadata = json.loads(target.read_text(encoding="utf-8"))
    assert set(metadata["databases"]) == {"factbase", "tiny"}
    from datasette.app import Datasette

    ds = Datasette(
        [], immutables=[str(bundled_factbase()), str(tiny_factbase_path)], metadata=metadata, settings=NO_THREADS
    )
    (result,) = _get_json(ds, "/tiny/search.json?q=permits&_shape=objects")
    assert [row["id"] for row in result["rows"] if row["hit"] == "fact"] == ["permits-online"]


def test_serve_listens_on_this_machine_by_default(monkeypatch: pytest.MonkeyPatch, tiny_factbase_path: Path) -> None:
    started: list[tuple[Any, str, int]] = []
    monkeypatch.setattr("desktop.serve.run_server", lambda ds, host, port: started.append((ds, host, port)))
    assert main(["serve", "--no-library", "--db", str(tiny_factbase_path)]) == 0
    ((ds, host, port),) = started
    assert (host, port) == ("127.0.0.1", 8001)
    assert {"factbase", "tiny"} <= set(ds.databases)
    assert main(["serve", "--no-library", "--host", "0.0.0.0", "--port", "9000"]) == 0
    assert started[1][1:] == ("0.0.0.0", 9000)


def test_without_datasette_serve_says_how_to_install_it(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import importlib.util

    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None if name == "datasette" else real(name, *a))
    assert main(["serve", "--no-library"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "pip install 'fact-explorer[serve]'" in err


def test_a_broken_file_is_one_line_and_exit_1(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    broken = tmp_path / "broken.factbase"
    broken.write_bytes(b"\x00" * 4096)
    assert main(["serve", "--no-library", str(broken)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and str(broken) in err


def test_serve_never_imports_qt(tmp_path: Path, tiny_factbase_path: Path) -> None:
    script = f"""
import asyncio, sys
from desktop.app import main
from desktop.serve import make_datasette
assert main(["serve", "--no-library", "--write-metadata", {str(tmp_path / "m.json")!r}]) == 0
ds = make_datasette([{str(tiny_factbase_path)!r}])
assert asyncio.run(ds.client.get("/tiny/search.json?q=ferry")).status_code == 200
qt = sorted(m for m in sys.modules if m.split(".")[0] in ("PySide6", "shiboken6", "pyqtgraph"))
print(qt)
"""
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_the_library_is_served_without_its_missing_files(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, tiny_factbase_path: Path
) -> None:
    from desktop.userdata import UserData

    monkeypatch.setenv("FACT_EXPLORER_DATA_DIR", str(tmp_path / "data"))
    kept = _copy(tiny_factbase_path, tmp_path / "kept.sqlite")
    gone = _copy(tiny_factbase_path, tmp_path / "gone.sqlite")
    with closing(sqlite3.connect(gone)) as conn:  # a scratch copy made another report (its identity is its source)
        conn.execute("UPDATE meta SET value = 'another report' WHERE key = 'title'")
        conn.commit()
    with UserData.open() as userdata:
        userdata.add_report(kept)
        userdata.add_report(gone)
        assert len(userdata.library()) == 3  # the bundled report, kept, gone
    gone.unlink()
    started: list[Any] = []
    monkeypatch.setattr("desktop.serve.run_server", lambda ds, host, port: started.append(ds))
    assert main(["serve"]) == 0
    served = {name for name in started[0].databases if not name.startswith("_")}
    assert served == {"factbase", "kept"}
    assert main(["serve", "--no-library"]) == 0
    assert {name for name in started[1].databases if not name.startswith("_")} == {"factbase"}


def test_a_damaged_library_leaves_the_named_files_served(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path, tiny_factbase_path: Path
) -> None:
    from desktop.userdata import user_database_path

    monkeypatch.setenv("FACT_EXPLORER_DATA_DIR", str(tmp_path / "data"))
    user_database_path().parent.mkdir(parents=True)
    user_database_path().write_bytes(b"this is not a database" * 100)
    started: list[Any] = []
    monkeypatch.setattr("desktop.serve.run_server", lambda ds, host, port: started.append(ds))
    assert main(["serve", "--db", str(tiny_factbase_path)]) == 0
    assert {"factbase", "tiny"} <= set(started[0].databases)
    assert "your library is not served" in capsys.readouterr().err
