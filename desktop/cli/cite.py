"""`fact-explorer cite ID [--style S] [--html] [--accessed YYYY-MM-DD]`: cite a fact, a section or the report.

The same `cite` the window's Copy Citation calls. ID is a fact id, a section id or `report`; an unknown id exits 2
naming the nearest ids.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date

from desktop.domain.citation_items import REPORT_ID
from desktop.domain.citations import STYLES, cite_target
from desktop.store import FactBase


def run_cite(factbase: FactBase, args: argparse.Namespace) -> int:
    # UnknownIdError: exit 2 with the nearest ids.
    text = cite_target(factbase, args.target, args.style, html=args.html, accessed=args.accessed)
    sys.stdout.write(text if text.endswith("\n") else text + "\n")
    return 0


def _iso_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date written YYYY-MM-DD") from None


def add_parser(sub: argparse._SubParsersAction, parents: list[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "cite",
        parents=parents,
        help="cite a fact, a section or the report",
        description=(
            "Print the citation of a fact, a section, or the whole report (ID `report`) in a citation style "
            "(APA, MLA, Chicago author-date, Harvard) or as BibTeX, RIS or CSL-JSON."
        ),
    )
    p.add_argument("target", metavar=f"FACT_ID|SECTION_ID|{REPORT_ID}", help="what to cite")
    p.add_argument("--style", choices=STYLES, default="apa", help="the style or format (default apa)")
    p.add_argument("--html", action="store_true", help="an HTML fragment (titles in italics) instead of plain text")
    p.add_argument("--accessed", type=_iso_date, metavar="YYYY-MM-DD", help="the access date to state (default today)")
    p.set_defaults(run=run_cite)
