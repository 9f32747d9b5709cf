"""The library: the bundled report always in it, fact bases added by path (validated, never changed), one entry
per report identity, removal that keeps the file, and recent files."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from pathlib import Path

import pytest

from desktop.paths import bundled_factbase
from desktop.store import FactBase, FactBaseError
from desktop.userdata import BundledReportError, UnknownReportError, UserData
from desktop.userdata.report_files import file_sha256


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_the_bundled_report_is_always_there_and_cannot_be_removed(user_data: UserData, factbase: FactBase) -> None:
    [entry] = user_data.library()
    assert entry.bundled and entry.path == bundled_factbase().resolve()
    assert entry.title == factbase.document.title and entry.identity_from == "source"
    with pytest.raises(BundledReportError, match="bundled"):
        user_data.remove_report(entry.id)
    assert user_data.library() == [entry]


def test_adding_a_fact_base_reads_its_meta_and_leaves_the_file_unchanged(
    user_data: UserData, tiny_factbase_path: Path, tiny_factbase: FactBase
) -> None:
    before, mtime = _sha(tiny_factbase_path), tiny_factbase_path.stat().st_mtime_ns
    entry = user_data.add_report(tiny_factbase_path)
    assert (entry.title, entry.date, entry.bundled) == (tiny_factbase.document.title, "2025", False)
    assert entry.path == tiny_factbase_path.resolve() and entry.added and entry.last_opened is None
    assert entry.id == user_data.report_id(tiny_factbase)
    assert [e.id for e in user_data.library()][1:] == [entry.id]
    status = user_data.file_status(entry)
    assert status.readable and status.facts == tiny_factbase.fact_count()
    assert (_sha(tiny_factbase_path), tiny_factbase_path.stat().st_mtime_ns) == (before, mtime)


def test_a_bad_file_is_refused_in_one_line_and_nothing_is_added(user_data: UserData, tmp_path: Path) -> None:
    bad = tmp_path / "report.sqlite"
    bad.write_bytes(b"not a fact base at all" * 50)
    with pytest.raises(FactBaseError) as caught:
        user_data.add_report(bad)
    assert "\n" not in str(caught.value) and str(bad) in str(caught.value)
    assert len(user_data.library()) == 1


def test_a_rebuilt_copy_keeps_the_identity_and_moves_the_entry(
    user_data: UserData, tiny_factbase_path: Path, rebuilt_tiny_path: Path
) -> None:
    first = user_data.add_report(tiny_factbase_path)
    second = user_data.add_report(rebuilt_tiny_path)
    assert second.id == first.id and second.path == rebuilt_tiny_path.resolve()
    assert [e.path for e in user_data.library() if not e.bundled] == [rebuilt_tiny_path.resolve()]


def test_without_a_source_hash_the_file_itself_is_the_identity(user_data: UserData, tiny_factbase_path: Path) -> None:
    copy = tiny_factbase_path.parent.parent / "no-source-hash.sqlite"
    shutil.copy(tiny_factbase_path, copy)
    conn = sqlite3.connect(copy)
    conn.execute("DELETE FROM meta WHERE key = 'source_sha256'")
    conn.commit()
    conn.close()
    entry = user_data.add_report(copy)
    assert entry.identity_from == "file" and entry.id == file_sha256(copy)[: len(entry.id)]
    # The file's identity reads its size and both ends, not every byte, and tells two versions apart.
    conn = sqlite3.connect(copy)
    conn.execute("UPDATE facts SET label = label || ' (revised)'")
    conn.commit()
    conn.close()
    assert file_sha256(copy)[: len(entry.id)] != entry.id


def test_removing_keeps_the_file_and_the_notes(user_data: UserData, tiny_factbase_path: Path) -> None:
    from desktop.userdata import fact_anchor

    entry = user_data.add_report(tiny_factbase_path)
    with FactBase.open(tiny_factbase_path) as fb:
        user_data.annotate(fact_anchor(fb, "residents"), starred=True)
    removed = user_data.remove_report(entry.id)
    assert removed == entry and tiny_factbase_path.exists()
    assert entry.id not in [e.id for e in user_data.library()]
    assert [a.anchor.target_id for a in user_data.annotations(report_id=entry.id)] == ["residents"]
    with pytest.raises(UnknownReportError, match=entry.id):
        user_data.remove_report(entry.id)


def test_the_library_is_kept_between_runs(user_data_dir: Path, tiny_factbase_path: Path) -> None:
    with UserData.open() as data:
        added = data.add_report(tiny_factbase_path)
    with UserData.open() as data:
        assert added in data.library()


def test_recent_files_newest_first_at_most_ten_unreadable_ones_dropped(
    user_data: UserData, tiny_factbase_path: Path, tmp_path: Path
) -> None:
    copies = []
    for n in range(12):
        copy = tmp_path / f"copy-{n}.sqlite"
        shutil.copy(tiny_factbase_path, copy)
        copies.append(copy)
        user_data.touch(copy)
    user_data.touch(copies[3])  # opened again: back to the top
    expected = [copies[3], *reversed(copies[4:]), copies[2]]  # ten of the twelve
    assert user_data.recent() == expected
    copies[11].unlink()
    (tmp_path / "copy-10.sqlite").write_bytes(b"overwritten by something else")
    assert user_data.recent() == [copies[3], *reversed(copies[4:10]), copies[2], copies[1], copies[0]]


def test_opening_a_fact_base_adds_it_and_makes_it_recent(user_data: UserData, tiny_factbase: FactBase) -> None:
    entry = user_data.add_opened(tiny_factbase)
    assert entry.last_opened is not None
    assert user_data.recent() == [tiny_factbase.path.resolve()]
