"""Fixtures for the sheet tests: the fact base and PDFs written once per session."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from desktop.domain.target import Target
from desktop.paths import bundled_factbase
from desktop.store import FactBase


@pytest.fixture(scope="session")
def sheet_factbase() -> Iterator[FactBase]:
    fb = FactBase.open(bundled_factbase())
    yield fb
    fb.close()


@pytest.fixture(scope="session")
def written_sheets(
    tmp_path_factory: pytest.TempPathFactory, sheet_factbase: FactBase, qapp: object
) -> Callable[..., Path]:
    """write(target, paper="A4", landscape=False) → a PDF, written once per session per combination."""
    from desktop.export.sheet_pdf import write_sheet_pdf

    folder = tmp_path_factory.mktemp("sheets")
    cache: dict[tuple[Target, str, bool], Path] = {}

    def write(target: Target, paper: str = "A4", landscape: bool = False) -> Path:
        key = (target, paper, landscape)
        if key not in cache:
            name = f"{target.kind}-{target.id}-{paper}-{landscape}.pdf"
            path = write_sheet_pdf(sheet_factbase, target, folder / name, page_size=paper, landscape=landscape)
            assert path is not None
            cache[key] = path
        return cache[key]

    return write
