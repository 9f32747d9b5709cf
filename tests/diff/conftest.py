"""Two versions of the tiny fact base: the fixture as it is (OLD), and a copy edited the way a new edition of a
report changes (NEW). Each test asserts the exact differences these edits make."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

TINY_RESOURCES = Path(__file__).resolve().parents[1] / "fixtures" / "tiny"

# (file, text in the old fixture, text in the new one): each edit is applied exactly once.
EDITS: list[tuple[str, str, str]] = [
    # a value restated: residents 12,400 -> 12,500, in the body, the headline and the annotation
    ("report/tiny.txt", "Counts 12,400 Residents", "Counts 12,500 Residents"),
    ("report/tiny.txt", "counted 12,400 residents", "counted 12,500 residents"),
    ("facts.toml", 'figure = "12,400"', 'figure = "12,500"'),
    ("facts.toml", "value = 12400", "value = 12500"),
    (
        "facts.toml",
        'headings = [{ where = "headline", figure = "12,400" }]',
        'headings = [{ where = "headline", figure = "12,500" }]',
    ),
    ("facts.toml", "counted 12,400 residents", "counted 12,500 residents"),
    ("facts.toml", "counted 12,400 residents", "counted 12,500 residents"),  # the port's rank shares the sentence
    # a label reworded, a qualifier changed
    ("facts.toml", 'label = "Ferry crossings"\n', 'label = "Ferry crossings made"\n'),
    ("facts.toml", 'qualifier = "more than"\nperiod = "2024"', 'qualifier = "over"\nperiod = "2024"'),
    # a section retitled
    ("structure.toml", 'heading = "Services Online"', 'heading = "Services Go Online"'),
    ("report/tiny.txt", "\nServices Online\n", "\nServices Go Online\n"),
    # a section added, with one fact
    (
        "structure.toml",
        '[[section]]\nid = "services"',
        '[[section]]\nid = "harbour"\nheading = "Harbour Works"\n\n[[section]]\nid = "services"',
    ),
    (
        "report/tiny.txt",
        "\nServices Go Online\n",
        "\nHarbour Works\nFourteen Cranes Now\nThe harbour now runs 14 cranes.\nServices Go Online\n",
    ),
    # the glossary: a term reworded, one removed, one added
    ("report/tiny.txt", "carries **passengers** across", "carries **passengers** and cars across"),
    (
        "report/tiny.txt",
        "Permit\nWritten permission from the town, needed before building.\n",
        "Pier\nA platform built out into the harbour.\n",
    ),
]
NEW_FACT = """
[[fact]]
id = "harbour-cranes"
section = "harbour"
label = "Cranes at the harbour"
figure = "14"
value = 14
unit = "cranes"
qualifier = "exact"
period = "2025"
kind = "count"
quote = "The harbour now runs 14 cranes."
"""
REMOVED_FACT = "permits-online"


def _new_resources(root: Path) -> Path:
    shutil.copytree(TINY_RESOURCES, root)
    text: dict[str, str] = {}
    for name, old, new in EDITS:
        body = text.get(name) or (root / name).read_text(encoding="utf-8")
        assert old in body, f"the tiny fixture changed: {old!r} is not in {name}"
        text[name] = body.replace(old, new, 1)
    facts = text["facts.toml"]
    start = facts.index(f'[[fact]]\nid = "{REMOVED_FACT}"')
    end = facts.find("[[fact]]", start + 1)
    text["facts.toml"] = facts[:start] + (facts[end:] if end != -1 else "") + NEW_FACT
    for name, body in text.items():
        (root / name).write_text(body, encoding="utf-8")
    return root


@pytest.fixture(scope="session")
def new_tiny_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """NEW: the tiny fact base after the edits above, built by the builder."""
    from db.build import build

    base = tmp_path_factory.mktemp("tiny-new")
    return build(base / "tiny-new.sqlite", _new_resources(base / "resources"))
