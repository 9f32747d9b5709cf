"""Shared fixtures. Qt runs offscreen: pytest-qt without a display would abort the run."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import importlib.util  # noqa: E402
import json  # noqa: E402
import socket  # noqa: E402
import sys  # noqa: E402
import threading  # noqa: E402
from collections.abc import Callable, Iterator  # noqa: E402
from pathlib import Path  # noqa: E402
from types import ModuleType  # noqa: E402

import pytest  # noqa: E402

from desktop.paths import bundled_factbase  # noqa: E402
from desktop.store import FactBase  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True)
def no_thread_left_running() -> Iterator[None]:
    """A test that leaves a thread of ours running (a worker, a loader) fails: it would outlive its window."""
    before = set(threading.enumerate())
    yield
    left = [t for t in threading.enumerate() if t not in before and t.is_alive()]
    for thread in left:
        thread.join(5)
    still = [t.name for t in left if t.is_alive()]
    assert not still, f"threads left running: {still}"


@pytest.fixture(autouse=True)
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """Offline means offline: any network connection our code (or a library it calls) attempts fails the test."""

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError(f"a network connection was attempted: {args[1:] or kwargs}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)


@pytest.fixture
def factbase() -> Iterator[FactBase]:
    """The bundled fact base, opened read-only and closed after the test."""
    with FactBase.open(bundled_factbase()) as fb:
        yield fb


TINY_RESOURCES = ROOT / "tests" / "fixtures" / "tiny"


@pytest.fixture(scope="session")
def tiny_factbase_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A tiny fact base built by the builder from tests/fixtures/tiny: two sections and a lead, a fact of every
    kind (count, share, rank, growth, range, derived), a glossary. Tests must not change the file."""
    from db.build import build

    return build(tmp_path_factory.mktemp("tiny") / "tiny.sqlite", TINY_RESOURCES)


@pytest.fixture
def tiny_factbase(tiny_factbase_path: Path) -> Iterator[FactBase]:
    """The tiny fact base, opened read-only and closed after the test."""
    with FactBase.open(tiny_factbase_path) as fb:
        yield fb


@pytest.fixture(scope="session")
def renamed_factbase_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the bundled fact base with every section and fact id renamed ("x-" + id): code that knows the
    bundled report's ids, rather than reading them from the fact base, fails on it."""
    import sqlite3

    path = tmp_path_factory.mktemp("renamed") / "renamed.sqlite"
    path.write_bytes(bundled_factbase().read_bytes())
    conn = sqlite3.connect(path)
    with conn:
        conn.execute("PRAGMA foreign_keys = OFF")
        for table, column in [
            ("sections", "id"),
            ("sections", "headline_fact_id"),
            ("paragraphs", "section_id"),
            ("facts", "id"),
            ("facts", "section_id"),
            ("fact_headings", "fact_id"),
            ("term_mentions", "section_id"),
            ("term_mentions", "fact_id"),
        ]:
            conn.execute(f"UPDATE {table} SET {column} = 'x-' || {column} WHERE {column} IS NOT NULL")
        rows = conn.execute("SELECT id, derived_from FROM facts WHERE derived_from IS NOT NULL").fetchall()
        for fact_id, derived_from in rows:
            renamed = json.dumps(["x-" + i for i in json.loads(derived_from)])
            conn.execute("UPDATE facts SET derived_from = ? WHERE id = ?", (renamed, fact_id))
    conn.close()
    return path


@pytest.fixture
def factbase_copy(tmp_path: Path) -> Path:
    """A private copy of the bundled fact base, for tests that damage or replace it."""
    copy = tmp_path / "copy.sqlite"
    copy.write_bytes(bundled_factbase().read_bytes())
    return copy


def load_generator() -> ModuleType:
    """bench/generate_factbase.py, the same code that writes the million-fact bases the benchmarks use."""
    spec = importlib.util.spec_from_file_location("generate_factbase", ROOT / "bench" / "generate_factbase.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("generate_factbase", module)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def generator() -> ModuleType:
    return load_generator()


@pytest.fixture(scope="session")
def generate_base(tmp_path_factory: pytest.TempPathFactory, generator: ModuleType) -> Callable[..., Path]:
    """generate(facts=N, sections=M) → a generated base of that size, written once per session."""
    made: dict[tuple[int, int], Path] = {}

    def generate(facts: int, sections: int) -> Path:
        if (facts, sections) not in made:
            folder = tmp_path_factory.mktemp(f"generated-{facts}")
            made[facts, sections] = generator.generate(folder / "gen.sqlite", facts=facts, sections=sections)
        return made[facts, sections]

    return generate


@pytest.fixture(scope="session")
def generated_path(generate_base: Callable[..., Path]) -> Path:
    """A generated base of a few thousand facts, for queries that must not care about size."""
    return generate_base(facts=3000, sections=30)


@pytest.fixture
def generated(generated_path: Path) -> Iterator[FactBase]:
    with FactBase.open(generated_path) as fb:
        yield fb


TEST_REPORTS = ("ostmark-2023", "ostmark-2025", "networks-survey")  # tests/domain/reports (its conftest says what)


@pytest.fixture(scope="session")
def test_report_paths(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Our three small test reports, built once by the builder for every package's tests."""
    from db.build import build

    folder = tmp_path_factory.mktemp("reports")
    return {
        name: build(folder / f"{name}.sqlite", ROOT / "tests" / "domain" / "reports" / name) for name in TEST_REPORTS
    }


@pytest.fixture(scope="session")
def ostmark_paths(test_report_paths: dict[str, Path], tiny_factbase_path: Path) -> dict[str, Path]:
    """The two Ostmark reports and the tiny one (the same town), by short name: the reports compared and briefed."""
    return {
        "o2023": test_report_paths["ostmark-2023"],
        "o2025": test_report_paths["ostmark-2025"],
        "tiny": tiny_factbase_path,
    }


@pytest.fixture
def ostmark_reports(ostmark_paths: dict[str, Path]) -> Iterator[dict[str, FactBase]]:
    """The Ostmark reports and the tiny one, opened read-only and closed after the test."""
    opened = {name: FactBase.open(path) for name, path in ostmark_paths.items()}
    try:
        yield opened
    finally:
        for fb in opened.values():
            fb.close()
