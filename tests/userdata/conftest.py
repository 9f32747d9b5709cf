"""Fixtures for the user database. None is autouse: a test that wants user data asks for `user_data` (or
`user_data_dir`), which points FACT_EXPLORER_DATA_DIR at a temporary folder, so no test reads or writes the real
home folder's user data."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.userdata import UserData
from desktop.userdata.location import DATA_DIR_VARIABLE

TINY_RESOURCES = Path(__file__).resolve().parents[1] / "fixtures" / "tiny"


@pytest.fixture
def user_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A private, not yet created, user data folder, named by FACT_EXPLORER_DATA_DIR for this test."""
    folder = tmp_path / "user-data"
    monkeypatch.setenv(DATA_DIR_VARIABLE, str(folder))
    return folder


@pytest.fixture
def user_data(user_data_dir: Path) -> Iterator[UserData]:
    """The user database in the test's own folder, opened and closed after the test."""
    with UserData.open() as data:
        yield data


@pytest.fixture(scope="session")
def rebuilt_tiny_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The tiny report rebuilt with a fact renamed (residents -> town-residents) and a new fact base version:
    the same source, so the same report identity, but an old id gone."""
    from db.build import build

    resources = tmp_path_factory.mktemp("tiny-rebuilt-src") / "tiny"
    shutil.copytree(TINY_RESOURCES, resources)
    facts = resources / "facts.toml"
    facts.write_text(facts.read_text().replace('id = "residents"', 'id = "town-residents"'))
    structure = resources / "structure.toml"
    structure.write_text(structure.read_text().replace('version = "t1"', 'version = "t2"'))
    return build(tmp_path_factory.mktemp("tiny-rebuilt") / "rebuilt.sqlite", resources)
