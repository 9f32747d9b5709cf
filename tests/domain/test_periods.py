"""Periods read as the day they end, so a series sorts in time; what names no date is not guessed."""

from __future__ import annotations

from datetime import date

import pytest

from desktop.domain.periods import period_end, period_sort_key


@pytest.mark.parametrize(
    ("period", "end"),
    [
        ("end of 2023", date(2023, 12, 31)),
        ("end of June 2025", date(2025, 6, 30)),
        ("By the end of June 2025", date(2025, 6, 30)),
        ("H1 2025", date(2025, 6, 30)),
        ("H2 2024", date(2024, 12, 31)),
        ("2025 H1", date(2025, 6, 30)),
        ("first half of 2025", date(2025, 6, 30)),
        ("Q2 2025", date(2025, 6, 30)),
        ("Q1 2024", date(2024, 3, 31)),
        ("2024", date(2024, 12, 31)),
        ("June 2025", date(2025, 6, 30)),
        ("end of Feb 2024", date(2024, 2, 29)),  # a leap year's February
        ("end of Sept. 2024", date(2024, 9, 30)),
        ("mid-2025", date(2025, 6, 30)),
        ("2021-2025", date(2025, 12, 31)),
        ("2021–2025", date(2025, 12, 31)),
    ],
)
def test_a_period_reads_as_the_day_it_ends(period: str, end: date) -> None:
    assert period_end(period) == end


@pytest.mark.parametrize("period", ["annually", "14th Five-Year Plan period", "FY2024", "", "Q5 2024", "recently"])
def test_a_period_naming_no_date_is_not_guessed(period: str) -> None:
    assert period_end(period) is None


def test_undated_periods_sort_after_every_date() -> None:
    periods = ["annually", "H1 2025", "end of 2023", "14th Five-Year Plan period", "2024", "Q1 2025"]
    assert sorted(periods, key=period_sort_key)[:4] == ["end of 2023", "2024", "Q1 2025", "H1 2025"]
    assert set(sorted(periods, key=period_sort_key)[4:]) == {"annually", "14th Five-Year Plan period"}
