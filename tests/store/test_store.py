"""The read-only store: what the window asks, and one clear line for every kind of bad fact base."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest

from desktop.store import FactBase, FactBaseError, UnknownIdError


def test_section_tree_is_the_reports_order(factbase: FactBase) -> None:
    tree = factbase.section_tree()
    assert [s.id for s, _ in tree] == ["infrastructure", "digital-services", "data-applications", "data-market"]
    assert tree[0][0].role == "lead" and tree[0][0].title == "Infrastructure"
    assert sum(len(facts) for _, facts in tree) == 20
    heads = {s.id: s.headline_fact_id for s, _ in tree}
    assert heads["digital-services"] == "e-social-security-card-users"
    assert heads["data-market"] == "new-data-products-growth"


def test_section_paragraphs_are_the_reports_text(factbase: FactBase) -> None:
    paragraphs = factbase.paragraphs("data-applications")
    assert paragraphs[0].role == "subheading"
    assert paragraphs[0].text == "70 Demonstration Cases Cover Agriculture, Healthcare, and More"
    assert paragraphs[-1].text.startswith("Over 35,000 high-quality datasets have been built.")
    assert [p.role for p in factbase.paragraphs("infrastructure")] == ["body"]


def test_a_fact_by_id_has_value_unit_qualifier_period_and_quote(factbase: FactBase) -> None:
    fact = factbase.fact("online-hospital-consultations")
    assert (fact.value, fact.unit, fact.qualifier, fact.period) == (100_000_000, "consultations", "over", "annually")
    assert "over 100 million consultations annually" in fact.quote
    turnaround = factbase.fact("apparel-turnaround")
    assert turnaround.is_range and (turnaround.value_min, turnaround.value_max) == (3, 7)


def test_unknown_ids_name_the_nearest(factbase: FactBase) -> None:
    with pytest.raises(UnknownIdError) as info:
        factbase.fact("internet-user")
    assert "internet-users" in info.value.nearest
    assert "did you mean internet-users" in str(info.value)
    with pytest.raises(UnknownIdError):
        factbase.section("nowhere")
    assert factbase.term("NATIONAL DATA BUREAU").term == "National Data Bureau"


def test_terms_of_a_section(factbase: FactBase) -> None:
    names = [t.term for t in factbase.terms_in_section("digital-services")]
    assert "Yangtze River Delta" in names and "Public Data in Motion" not in names


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_fact_base_is_opened_read_only_and_never_changes(factbase_copy: Path) -> None:
    before = _sha(factbase_copy)
    with FactBase.open(factbase_copy) as fb:
        with pytest.raises(sqlite3.OperationalError, match="readonly"):
            fb._conn.execute("DELETE FROM facts")
        fb.facts()
    assert _sha(factbase_copy) == before
    assert sorted(p.name for p in factbase_copy.parent.iterdir()) == ["copy.sqlite"], "no journal or WAL left"


def _error(path: Path) -> str:
    with pytest.raises(FactBaseError) as info:
        FactBase.open(path)
    message = str(info.value)
    assert "\n" not in message and str(path) in message
    return message


def test_missing_file_is_named_and_not_created(tmp_path: Path) -> None:
    missing = tmp_path / "nope.sqlite"
    assert "no such file" in _error(missing)
    assert not missing.exists()


def test_random_bytes(tmp_path: Path) -> None:
    junk = tmp_path / "junk.sqlite"
    junk.write_bytes(bytes(range(256)) * 40)
    assert "not a SQLite database" in _error(junk)


def test_truncated_file(factbase_copy: Path) -> None:
    data = factbase_copy.read_bytes()
    factbase_copy.write_bytes(data[: len(data) // 3])
    assert "truncated" in _error(factbase_copy)


def test_sqlite_file_of_another_schema(tmp_path: Path) -> None:
    other = tmp_path / "other.sqlite"
    with sqlite3.connect(other) as conn:
        conn.execute("CREATE TABLE photos (id INTEGER PRIMARY KEY, path TEXT)")
    conn.close()
    assert "not a fact base" in _error(other)


def test_fact_base_of_a_newer_schema(factbase_copy: Path) -> None:
    conn = sqlite3.connect(factbase_copy)
    conn.execute("UPDATE meta SET value = '99' WHERE key = 'schema_version'")
    conn.commit()
    conn.close()
    assert "needs a newer Fact Explorer (schema version 99" in _error(factbase_copy)


def test_directory_given_as_fact_base(tmp_path: Path) -> None:
    assert "is a directory" in _error(tmp_path)
