"""What can be shown, linked, exported or printed: one small type for the whole app.

A Target is a report's front page, a section, a fact or a glossary term (later: a search hit, a comparison, a
note), in one report of the library (`report_id`, the library's report id; "" for the report being viewed). It is
written one way as text (`key`: "fact:5g-base-stations", "section:data-market@043e1f532f92", "term:Data Factor",
"report"), which is what history, settings, --open and the CLI read, and one way as a link (`href`, the key with
the name percent-encoded) inside page HTML. `resolve` is the one place a user's id is looked up in a fact base.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, get_args
from urllib.parse import quote, unquote

from desktop.store import FactBase, UnknownIdError

TargetKind = Literal["report", "section", "fact", "term"]
KINDS: tuple[str, ...] = get_args(TargetKind)


@dataclass(frozen=True)
class Target:
    kind: TargetKind
    id: str = ""
    report_id: str = ""  # the library's id of the report; "" for the one being viewed

    @classmethod
    def report(cls) -> Target:
        return cls("report")

    @classmethod
    def section(cls, section_id: str) -> Target:
        return cls("section", section_id)

    @classmethod
    def fact(cls, fact_id: str) -> Target:
        return cls("fact", fact_id)

    @classmethod
    def term(cls, name: str) -> Target:
        return cls("term", name)

    def in_report(self, report: str) -> Target:
        """The same target in a given report of the library."""
        return Target(self.kind, self.id, report)

    @property
    def key(self) -> str:
        """The target as text: 'report', 'fact:ID', 'section:ID', 'term:NAME', each with '@REPORT' when it names
        its report."""
        return f"{self.local_key}@{self.report_id}" if self.report_id else self.local_key

    @property
    def local_key(self) -> str:
        """The key without its report: what names the target inside one report."""
        return self.kind if self.kind == "report" else f"{self.kind}:{self.id}"

    @property
    def href(self) -> str:
        """The target as a link in page HTML: our own scheme, never a network address; names percent-encoded."""
        base = self.kind if self.kind == "report" else f"{self.kind}:{quote(self.id, safe='-_.')}"
        return f"{base}@{quote(self.report_id, safe='-_.')}" if self.report_id else base

    @classmethod
    def parse(cls, text: str) -> Target:
        """A key or an href back into a Target; ValueError for anything else (a web address, a bare id)."""
        text, _, report = text.partition("@")
        report = unquote(report)
        kind, sep, ident = text.partition(":")
        if kind == "report" and not ident:
            return cls("report", "", report)
        if not sep or kind not in KINDS or not ident:
            raise ValueError(f"not a target: {text!r}")
        return cls(kind, unquote(ident), report)  # type: ignore[arg-type]  # kind was checked against KINDS

    def __str__(self) -> str:
        return self.key


def resolve(factbase: FactBase, wanted: str) -> Target:
    """What a user typed (--open, a CLI id) as a Target that exists in factbase.

    Accepts a key ('fact:ID', 'section:ID', 'term:NAME', 'report') or a bare fact or section id. An unknown one
    raises UnknownIdError naming the nearest ids.
    """
    try:
        target = Target.parse(wanted)
    except ValueError:
        target = None
    if target is not None:
        check(factbase, target)
        return target
    nearest: list[str] = []
    for kind in ("fact", "section"):
        try:
            found = Target(kind, wanted)  # type: ignore[arg-type]
            check(factbase, found)
            return found
        except UnknownIdError as exc:
            nearest += exc.nearest  # found among the ids beside it: never every id (19 s at 1M facts)
    raise UnknownIdError("fact or section", wanted, nearest)


def check(factbase: FactBase, target: Target) -> None:
    """UnknownIdError unless target names something in factbase."""
    if target.kind == "fact":
        factbase.fact(target.id)
    elif target.kind == "section":
        factbase.section(target.id)
    elif target.kind == "term":
        factbase.term(target.id)
