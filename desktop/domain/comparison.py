"""A comparison: facts the user put side by side, from one report or several, and how they group onto axes.

Pure (no Qt). A Comparison is an ordered list of members, each a fact with the fact base it came from and that
report's library id; the same fact twice is one member. `unit_groups` decides what may share an axis:

- facts of one unit share an axis; a growth rate is its own unit ("% on a year earlier" is not a share's "%");
- a group whose members' periods all read as dates (desktop.domain.periods) and all differ, and that holds no
  range, is drawn as a line over time, in time order; any other group is bars, in the order the user added them;
- groups of different units are separate charts (small multiples), never one axis.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import Literal

from desktop.domain.periods import period_end
from desktop.store import Fact, FactBase

GroupShape = Literal["bars", "line"]


@dataclass(frozen=True)
class Member:
    report_id: str  # the library's id of the report ("" when the report is the only one known)
    fact: Fact
    factbase: FactBase

    @property
    def key(self) -> tuple[str, str]:
        return (self.report_id, self.fact.id)

    @property
    def report_title(self) -> str:
        return self.factbase.document.title

    @property
    def source(self) -> str:
        """Where the figure comes from, as every exported file says it: the report's citation and the period."""
        return f"{self.factbase.document.citation}. Period: {self.fact.period}."


@dataclass(frozen=True)
class UnitGroup:
    """Members that share one value axis."""

    unit: str
    axis_key: str  # the unit, or "growth:UNIT" for growth rates
    shape: GroupShape
    members: tuple[Member, ...]

    @property
    def facts(self) -> list[Fact]:
        return [m.fact for m in self.members]


@dataclass
class Comparison:
    members: list[Member] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.members)

    def __iter__(self) -> Iterator[Member]:
        return iter(self.members)

    def __contains__(self, key: object) -> bool:
        return any(m.key == key for m in self.members)

    def add(self, factbase: FactBase, fact_id: str, report_id: str = "") -> Member:
        """Add a fact (UnknownIdError from the store for an id it does not have); a member already there stays
        where it is and is returned."""
        for member in self.members:
            if member.key == (report_id, fact_id):
                return member
        member = Member(report_id, factbase.fact(fact_id), factbase)
        self.members.append(member)
        return member

    def remove(self, fact_id: str, report_id: str = "") -> bool:
        """Take a member out; False if it was not in the comparison."""
        before = len(self.members)
        self.members = [m for m in self.members if m.key != (report_id, fact_id)]
        return len(self.members) != before

    def clear(self) -> None:
        self.members.clear()

    @property
    def sources(self) -> list[str]:
        """Each member's source, once each, in the comparison's order."""
        return list(dict.fromkeys(m.source for m in self.members))

    @property
    def citations(self) -> list[str]:
        """Each report's citation line, once each: what a page footer names."""
        return list(dict.fromkeys(m.factbase.document.citation for m in self.members))

    def citation_members(self) -> list[tuple[FactBase, str]]:
        """(fact base, fact id) for desktop.domain.citation_items.comparison_items."""
        return [(m.factbase, m.fact.id) for m in self.members]


def axis_key(fact: Fact) -> str:
    """What decides whether two facts may share an axis: their unit; a growth rate's per cent is not a share's."""
    return f"growth:{fact.unit}" if fact.kind == "growth" else fact.unit


def unit_groups(members: Iterable[Member]) -> list[UnitGroup]:
    """The members grouped by axis, groups in the order their first member was added."""
    grouped: dict[str, list[Member]] = {}
    for member in members:
        grouped.setdefault(axis_key(member.fact), []).append(member)
    groups = []
    for key, group in grouped.items():
        ends = [period_end(m.fact.period) for m in group]
        # A range (3–7 weeks) is a floating bar: a line through one of its ends would misstate it.
        if over_time(ends) and not any(m.fact.is_range for m in group):
            ordered = sorted(zip(ends, group, strict=True), key=lambda pair: pair[0])  # type: ignore[arg-type, return-value]
            groups.append(UnitGroup(group[0].fact.unit, key, "line", tuple(m for _, m in ordered)))
        else:
            groups.append(UnitGroup(group[0].fact.unit, key, "bars", tuple(group)))
    return groups


def over_time(ends: list[date | None]) -> bool:
    """A line over time needs two or more members whose periods all read as dates, and no two the same date."""
    dated = [e for e in ends if e is not None]
    return len(ends) >= 2 and len(dated) == len(ends) and len(set(dated)) == len(dated)
