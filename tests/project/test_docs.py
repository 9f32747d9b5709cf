"""The README documents every command line subcommand, and the quick start stays two commands."""

from __future__ import annotations

import re
from pathlib import Path

from desktop.app import build_parser

ROOT = Path(__file__).resolve().parents[2]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _subcommands() -> list[str]:
    parser = build_parser()
    actions = [a for a in parser._actions if a.__class__.__name__ == "_SubParsersAction"]
    return sorted(actions[0].choices)


def test_every_subcommand_is_documented() -> None:
    commands = _subcommands()
    assert {"facts", "glossary"} <= set(commands)
    for command in commands:
        assert f"`fact-explorer {command}" in README, f"README does not document `fact-explorer {command}`"


def test_every_option_of_every_subcommand_is_documented() -> None:
    parser = build_parser()
    sub = next(a for a in parser._actions if a.__class__.__name__ == "_SubParsersAction")
    for name, subparser in sub.choices.items():
        for action in subparser._actions:
            for option in action.option_strings:
                if option.startswith("--") and option != "--help":
                    assert option in README, f"README does not mention {option} of `fact-explorer {name}`"


def test_quick_start_is_two_commands_that_exist() -> None:
    block = README.split("## Quick start", 1)[1].split("```sh", 1)[1].split("```", 1)[0]
    commands = [line.split("#")[0].strip() for line in block.strip().splitlines()]
    assert commands == ["bash .ci/launch", "bash .ci/test"]
    for command in commands:
        assert (ROOT / command.split()[1]).exists()
    assert re.search(r"bash \.ci/test", (ROOT / ".ci" / "run").read_text())
