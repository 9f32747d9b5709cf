"""The comparison: members from several reports, what shares an axis, when a line over time is drawn, and the page.

Reports: the tiny one (Ostmark at the end of 2024) and the test reports of a year before and the half year after
(tests/domain/reports/ostmark-2023, ostmark-2025), which restate its metrics at other dates.
"""

from __future__ import annotations

from datetime import date
from html import escape

import pytest

from desktop.domain.comparison import Comparison, axis_key, over_time, unit_groups
from desktop.store import FactBase, UnknownIdError
from desktop.text.comparison_page import EMPTY_TEXT, comparison_page
from desktop.text.pages import PageColours


@pytest.fixture
def three(test_reports: dict[str, FactBase], tiny_factbase: FactBase) -> dict[str, FactBase]:
    return {"o23": test_reports["ostmark-2023"], "tiny": tiny_factbase, "o25": test_reports["ostmark-2025"]}


def test_members_keep_the_order_added_and_a_fact_added_twice_is_one_member(three: dict[str, FactBase]) -> None:
    c = Comparison()
    c.add(three["o25"], "residents", "o25")
    c.add(three["o23"], "residents", "o23")
    c.add(three["o25"], "residents", "o25")
    assert [m.key for m in c] == [("o25", "residents"), ("o23", "residents")]
    assert ("o23", "residents") in c


def test_the_same_id_in_two_reports_is_two_members_with_their_own_values(three: dict[str, FactBase]) -> None:
    c = Comparison()
    c.add(three["o23"], "residents", "o23")
    c.add(three["tiny"], "residents", "tiny")
    assert [m.fact.value for m in c] == [11900, 12400]
    assert [m.report_title for m in c] == [three["o23"].document.title, three["tiny"].document.title]


def test_remove_takes_one_member_out_and_says_whether_it_was_there(three: dict[str, FactBase]) -> None:
    c = Comparison()
    c.add(three["o23"], "residents", "o23")
    c.add(three["tiny"], "residents", "tiny")
    assert c.remove("residents", "o23")
    assert not c.remove("residents", "o23")
    assert [m.key for m in c] == [("tiny", "residents")]


def test_an_unknown_fact_is_refused_naming_the_nearest(three: dict[str, FactBase]) -> None:
    with pytest.raises(UnknownIdError, match="residents"):
        Comparison().add(three["o23"], "residentz", "o23")


def test_facts_of_one_unit_at_one_date_share_one_axis_as_bars(three: dict[str, FactBase]) -> None:
    c = Comparison()
    c.add(three["o23"], "residents", "o23")
    c.add(three["o23"], "westmark-residents", "o23")
    c.add(three["o23"], "ferry-passengers", "o23")  # people too, in 2023: a third bar on the same axis
    groups = unit_groups(c)
    assert [(g.unit, g.shape, len(g.members)) for g in groups] == [("people", "bars", 3)]


def test_facts_of_different_units_never_share_an_axis(three: dict[str, FactBase]) -> None:
    c = Comparison()
    c.add(three["o23"], "residents", "o23")
    c.add(three["o23"], "crossings", "o23")
    c.add(three["o23"], "permits-online", "o23")
    c.add(three["o23"], "crossings-growth", "o23")  # "%" as a growth rate: not the share's per cent
    groups = unit_groups(c)
    assert [g.axis_key for g in groups] == ["people", "crossings", "%", "growth:%"]
    assert all(len({m.fact.unit for m in g.members}) == 1 for g in groups)


def test_one_metric_at_ordered_dates_is_a_line_in_time_order(three: dict[str, FactBase]) -> None:
    c = Comparison()
    c.add(three["o25"], "residents", "o25")  # added out of order: end of June 2025, 2023, 2024
    c.add(three["o23"], "residents", "o23")
    c.add(three["tiny"], "residents", "tiny")
    (group,) = unit_groups(c)
    assert group.shape == "line"
    assert [m.fact.period for m in group.members] == ["end of 2023", "end of 2024", "end of June 2025"]


def test_two_facts_of_one_date_among_others_make_bars_not_a_line(three: dict[str, FactBase]) -> None:
    c = Comparison()
    c.add(three["o23"], "residents", "o23")
    c.add(three["o23"], "westmark-residents", "o23")  # the same end of 2023: a line would join two towns
    c.add(three["o25"], "residents", "o25")
    (group,) = unit_groups(c)
    assert group.shape == "bars"
    assert [m.key for m in group.members] == [("o23", "residents"), ("o23", "westmark-residents"), ("o25", "residents")]


def test_over_time_needs_every_period_dated_and_distinct() -> None:
    assert over_time([date(2023, 12, 31), date(2024, 12, 31)])
    assert not over_time([date(2023, 12, 31)])
    assert not over_time([date(2023, 12, 31), None])
    assert not over_time([date(2023, 12, 31), date(2023, 12, 31)])


def test_axis_key_separates_growth_from_other_per_cents(three: dict[str, FactBase]) -> None:
    assert axis_key(three["o23"].fact("crossings-growth")) == "growth:%"
    assert axis_key(three["o23"].fact("permits-online")) == "%"


def test_sources_name_each_members_report_and_period_once(three: dict[str, FactBase]) -> None:
    c = Comparison()
    c.add(three["o23"], "residents", "o23")
    c.add(three["o23"], "westmark-residents", "o23")
    c.add(three["o25"], "residents", "o25")
    sources = c.sources
    assert len(sources) == 2  # the two 2023 facts share a report and a period
    assert sources[0].startswith(three["o23"].document.citation) and "end of 2023" in sources[0]
    assert sources[1].startswith(three["o25"].document.citation) and "end of June 2025" in sources[1]


# The comparison page -------------------------------------------------------------------------------------------
def test_the_page_lists_each_fact_with_value_period_sentence_and_report(three: dict[str, FactBase]) -> None:
    c = Comparison()
    c.add(three["o23"], "residents", "o23")
    c.add(three["o25"], "crossings-h1", "o25")
    html = comparison_page(c, PageColours())
    for member in c:
        assert member.fact.label in html
        assert member.fact.period in html
        assert member.report_title in html
        fact = member.fact
        assert fact.figure is not None and fact.figure_start is not None
        before, after = fact.quote[: fact.figure_start], fact.quote[fact.figure_start + len(fact.figure) :]
        quoted = f"{escape(before, quote=False)}<b>{escape(fact.figure, quote=False)}</b>{escape(after, quote=False)}"
        assert quoted in html  # the sentence, its figure bold
    assert 'href="fact:residents@o23"' in html and 'href="fact:crossings-h1@o25"' in html
    assert "2 units, one chart each" in html


def test_the_empty_page_says_how_to_add(three: dict[str, FactBase]) -> None:
    html = comparison_page(Comparison(), PageColours())
    assert "Ctrl+K" in html and EMPTY_TEXT.split(".")[0] in html


def test_stored_text_is_escaped_on_the_page(three: dict[str, FactBase]) -> None:
    from dataclasses import replace

    c = Comparison()
    member = c.add(three["o23"], "residents", "o23")
    hostile = replace(member.fact, label="<b>Residents</b> & <script>x</script>", period="<i>2023</i>")
    c.members[0] = replace(member, fact=hostile)
    html = comparison_page(c, PageColours())
    assert "<script>" not in html and "<i>2023</i>" not in html
    assert "&lt;script&gt;" in html and "&lt;i&gt;2023&lt;/i&gt;" in html


def test_ranges_at_ordered_dates_stay_floating_bars(three: dict[str, FactBase]) -> None:
    from dataclasses import replace

    c = Comparison()
    earlier = c.add(three["tiny"], "pier-repair-weeks", "tiny")
    assert earlier.fact.is_range
    c.members.append(replace(earlier, report_id="later", fact=replace(earlier.fact, period="2025")))
    (group,) = unit_groups(c)
    assert group.shape == "bars"  # a line through one end of each range would misstate both
