"""`fact-explorer sheet`: placeholder until the export issue lands."""

from __future__ import annotations

import argparse


def add_parser(sub: argparse._SubParsersAction, parents: list[argparse.ArgumentParser]) -> None:
    pass
