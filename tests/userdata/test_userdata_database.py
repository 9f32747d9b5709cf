"""The user database file: created on first use, WAL, versioned; damaged, foreign or newer files refused and
left byte for byte as they were; one writer at a time; each save whole or not at all."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from desktop.userdata import UserData, UserDataError
from desktop.userdata import database as database_module
from desktop.userdata.schema import APPLICATION_ID, SCHEMA_VERSION
from desktop.userdata.series_links import FactRef


def test_first_open_creates_the_database_in_the_data_folder(user_data_dir: Path) -> None:
    assert not user_data_dir.exists()
    with UserData.open() as data:
        assert data.path == user_data_dir / "userdata.sqlite"
    conn = sqlite3.connect(user_data_dir / "userdata.sqlite")
    try:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    finally:
        conn.close()


def test_foreign_keys_are_enforced(user_data: UserData) -> None:
    with user_data.database.read() as conn:
        assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1


def _refused(path: Path, *words: str) -> None:
    before = path.read_bytes()
    with pytest.raises(UserDataError) as caught:
        UserData.open(path)
    message = str(caught.value)
    assert "\n" not in message and str(path) in message
    for word in words:
        assert word in message
    assert path.read_bytes() == before  # never overwritten, never deleted


def _with_a_note(path: Path) -> None:
    with UserData.open(path) as data:
        data.link_facts(FactRef("r1", "a"), FactRef("r2", "b"))


def test_newer_version_is_refused_and_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "userdata.sqlite"
    _with_a_note(path)
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    _refused(path, "newer Fact Explorer", f"version {SCHEMA_VERSION + 1}")


def test_a_file_that_is_not_sqlite_is_refused_and_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "userdata.sqlite"
    path.write_bytes(b"my notes, typed by hand\n" * 100)
    _refused(path, "not a SQLite database", "left as it is")


def test_a_damaged_database_is_refused_and_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "userdata.sqlite"
    _with_a_note(path)
    data = bytearray(path.read_bytes())
    page = 4096
    assert len(data) >= 3 * page
    data[page : 3 * page] = b"\xde\xad" * page  # the schema's pages after the header: garbage
    path.write_bytes(bytes(data))
    _refused(path, "damaged")


def test_another_programs_sqlite_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "userdata.sqlite"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE photos (id INTEGER PRIMARY KEY)")
    conn.commit()
    conn.close()
    _refused(path, "another program")


def test_a_failed_save_leaves_nothing_half_done(user_data: UserData) -> None:
    with pytest.raises(RuntimeError), user_data.database.write() as conn:
        conn.execute("INSERT INTO series_links VALUES ('r1', 'a', 'r2', 'b', 'confirmed', '2026-01-01T00:00:00Z')")
        raise RuntimeError("the disk went away")
    assert user_data.series_decisions("r1", "a") == []


def test_a_second_writer_waits_and_then_says_busy(user_data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(database_module, "BUSY_TIMEOUT_S", 0.05)
    with UserData.open() as first, UserData.open() as second:
        with first.database.write(), pytest.raises(UserDataError, match="busy"):
            second.link_facts(FactRef("r1", "a"), FactRef("r2", "b"))
        second.link_facts(FactRef("r1", "a"), FactRef("r2", "b"))  # once the first is done, it goes through
        assert [d.decision for d in first.series_decisions("r1", "a")] == ["confirmed"]


def test_an_older_database_is_migrated_and_keeps_its_notes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "userdata.sqlite"
    _with_a_note(path)
    later = "ALTER TABLE series_links ADD COLUMN comment TEXT NOT NULL DEFAULT ''"
    monkeypatch.setattr(database_module, "MIGRATIONS", (*database_module.MIGRATIONS, (later,)))
    monkeypatch.setattr(database_module, "SCHEMA_VERSION", SCHEMA_VERSION + 1)
    with UserData.open(path) as data:
        assert [d.other for d in data.series_decisions("r1", "a")] == [FactRef("r2", "b")]
        with data.database.read() as conn:
            assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION + 1
            assert "comment" in {r[1] for r in conn.execute("PRAGMA table_info(series_links)")}


def test_threads_sharing_one_user_database_lose_no_save(user_data: UserData) -> None:
    from concurrent.futures import ThreadPoolExecutor

    def save(n: int) -> None:
        for i in range(20):
            user_data.link_facts(FactRef("r0", "hub"), FactRef(f"r{n}", f"f{i}"))

    with ThreadPoolExecutor(max_workers=4) as pool:
        list(pool.map(save, range(1, 5)))
    assert len(user_data.series_decisions("r0", "hub")) == 80
