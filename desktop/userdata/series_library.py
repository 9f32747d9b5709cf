"""The user's series decisions on one fact, in the shape desktop.domain.series.find_series reads them.

The decisions are kept by report identity (desktop.userdata.series_links); find_series names a member by its fact
base's path. The command line and the window's "In other reports" both turn one into the other here.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from desktop.domain.series import Decision, MemberKey
from desktop.userdata.user_data import UserData


def series_decisions_map(
    user_data: UserData, report_id: str, fact_id: str, paths_by_report: Mapping[str, Path]
) -> dict[MemberKey, Decision]:
    """(resolved fact base path, other fact id) -> "confirmed" / "rejected", for every decision the user made on
    report_id's fact_id whose other report is one of paths_by_report (report id -> fact base path)."""
    decisions: dict[MemberKey, Decision] = {}
    for decision in user_data.series_decisions(report_id, fact_id):
        path = paths_by_report.get(decision.other.report_id)
        if path is not None:
            decisions[(Path(path).resolve(), decision.other.fact_id)] = decision.decision
    return decisions
