"""series_decisions_map: the user's decisions on a fact, keyed the way find_series reads them."""

from __future__ import annotations

from pathlib import Path

from desktop.userdata import FactRef
from desktop.userdata.series_library import series_decisions_map


def test_decisions_are_keyed_by_the_other_reports_path(user_data, tmp_path: Path):
    mine, other, gone = FactRef("r-mine", "residents"), FactRef("r-other", "residents"), FactRef("r-gone", "x")
    user_data.link_facts(mine, other)
    user_data.unlink_facts(FactRef("r-other", "ferry"), mine)
    user_data.link_facts(mine, gone)
    path = tmp_path / "other.sqlite"
    decisions = series_decisions_map(user_data, "r-mine", "residents", {"r-other": path})
    # A report not among the paths (not in the library any more) is left out.
    assert decisions == {(path.resolve(), "residents"): "confirmed", (path.resolve(), "ferry"): "rejected"}
    user_data.forget_link(other, mine)
    assert series_decisions_map(user_data, "r-mine", "residents", {"r-other": path}) == {
        (path.resolve(), "ferry"): "rejected"
    }
