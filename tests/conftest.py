"""Shared fixtures. Qt runs offscreen: pytest-qt without a display would abort the run."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import socket  # noqa: E402
from collections.abc import Iterator  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

from desktop.paths import bundled_factbase  # noqa: E402
from desktop.store import FactBase  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent


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


@pytest.fixture
def factbase_copy(tmp_path: Path) -> Path:
    """A private copy of the bundled fact base, for tests that damage or replace it."""
    copy = tmp_path / "copy.sqlite"
    copy.write_bytes(bundled_factbase().read_bytes())
    return copy
