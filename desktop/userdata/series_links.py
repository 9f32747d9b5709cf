"""The user's decisions on series: fact A in report X and fact B in report Y are the same metric (confirmed) or
not (rejected). The matching rule that proposes pairs lives in desktop/domain/series.py; this only remembers
what the user said, so a rejected pair is not proposed again and a confirmed one stays linked.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from desktop.userdata.database import UserDatabase, now

Decision = Literal["confirmed", "rejected"]


@dataclass(frozen=True, order=True)
class FactRef:
    report_id: str
    fact_id: str

    def __str__(self) -> str:
        return f"{self.report_id}:{self.fact_id}"


@dataclass(frozen=True)
class SeriesDecision:
    fact: FactRef  # the fact asked about
    other: FactRef
    decision: Decision
    decided: str


def _ordered(a: FactRef, b: FactRef) -> tuple[FactRef, FactRef]:
    if a == b:
        raise ValueError(f"a fact is not linked to itself: {a}")
    return (a, b) if a < b else (b, a)


def decide(db: UserDatabase, a: FactRef, b: FactRef, decision: Decision) -> None:
    first, second = _ordered(a, b)
    with db.write() as conn:
        conn.execute(
            "INSERT INTO series_links (report_a, fact_a, report_b, fact_b, decision, decided) "
            "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (report_a, fact_a, report_b, fact_b) "
            "DO UPDATE SET decision = excluded.decision, decided = excluded.decided",
            (first.report_id, first.fact_id, second.report_id, second.fact_id, decision, now()),
        )


def forget(db: UserDatabase, a: FactRef, b: FactRef) -> None:
    """No decision on the pair any more: the matching rule's proposal stands again."""
    first, second = _ordered(a, b)
    with db.write() as conn:
        conn.execute(
            "DELETE FROM series_links WHERE report_a = ? AND fact_a = ? AND report_b = ? AND fact_b = ?",
            (first.report_id, first.fact_id, second.report_id, second.fact_id),
        )


def decisions(db: UserDatabase, fact: FactRef) -> list[SeriesDecision]:
    """Every decision involving fact, through both indexes, oldest first."""
    with db.read() as conn:
        rows = conn.execute(
            "SELECT report_b AS r, fact_b AS f, decision, decided FROM series_links WHERE report_a = ? AND fact_a = ? "
            "UNION ALL "
            "SELECT report_a, fact_a, decision, decided FROM series_links WHERE report_b = ? AND fact_b = ? "
            "ORDER BY decided, r, f",
            (fact.report_id, fact.fact_id, fact.report_id, fact.fact_id),
        ).fetchall()
    return [SeriesDecision(fact, FactRef(r["r"], r["f"]), r["decision"], r["decided"]) for r in rows]


def all_decisions(db: UserDatabase) -> list[tuple[FactRef, FactRef, Decision, str]]:
    with db.read() as conn:
        rows = conn.execute("SELECT * FROM series_links ORDER BY report_a, fact_a, report_b, fact_b").fetchall()
    return [
        (FactRef(r["report_a"], r["fact_a"]), FactRef(r["report_b"], r["fact_b"]), r["decision"], r["decided"])
        for r in rows
    ]
