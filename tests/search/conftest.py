"""A generated fact base of a few thousand facts (bench/generate_factbase.py), for queries that must not care
about size: the same code writes the million-fact bases the benchmarks use."""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

from desktop.store import FactBase

ROOT = Path(__file__).resolve().parents[2]


def load_generator() -> ModuleType:
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
def generated_path(tmp_path_factory: pytest.TempPathFactory, generator: ModuleType) -> Path:
    path: Path = generator.generate(tmp_path_factory.mktemp("generated") / "gen.sqlite", facts=3000, sections=30)
    return path


@pytest.fixture
def generated(generated_path: Path) -> Iterator[FactBase]:
    with FactBase.open(generated_path) as fb:
        yield fb
