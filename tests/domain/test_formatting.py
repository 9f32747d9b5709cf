"""Figures read the way people write them, everywhere the app shows one."""

from __future__ import annotations

import pytest

from desktop.domain.formatting import format_fact, format_number, format_value, format_with_qualifier, ordinal
from desktop.store import FactBase


@pytest.mark.parametrize(
    ("value", "text"),
    [(4550000, "4.55 million"), (1123000000, "1.123 billion"), (35000, "35,000"), (79.7, "79.7"), (1e9, "1 billion")],
)
def test_numbers(value: float, text: str) -> None:
    assert format_number(value) == text


def test_ordinals() -> None:
    assert [ordinal(n) for n in (1, 2, 3, 4, 11, 12, 13, 21, 22, 101)] == [
        "1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "22nd", "101st",
    ]  # fmt: skip


def test_each_kind_of_fact_reads_naturally(factbase: FactBase) -> None:
    expected = {
        "5g-base-stations": ("4.55 million", "4.55 million base stations"),
        "internet-penetration-rate": ("79.7%", "79.7%"),
        "apparel-turnaround": ("3–7", "3–7 days"),
        "computing-power-rank": ("2nd", "2nd"),
        "online-hospital-consultations": ("100 million", "over 100 million consultations"),
        "medical-insurance-code-users": ("1.2 billion", "more than 1.2 billion people"),
        "new-market-entities": ("2,600", "2,600+ entities"),
        "new-data-products-growth": ("+70%", "+70%"),
        "new-data-products-year-earlier": ("1,958", "about 1,958 data products"),
    }
    for fact_id, (value, whole) in expected.items():
        fact = factbase.fact(fact_id)
        assert (format_value(fact), format_fact(fact)) == (value, whole), fact_id
    assert format_with_qualifier(factbase.fact("e-social-security-card-coverage")) == "over 75%"


def test_the_importers_qualifiers_keep_their_hedge(tiny_factbase) -> None:
    from dataclasses import replace

    share = tiny_factbase.fact("sailings-on-time")
    assert format_with_qualifier(replace(share, qualifier="less than")) == "less than 90%"
    assert format_with_qualifier(replace(share, qualifier="nearly")) == "nearly 90%"
    assert format_with_qualifier(replace(share, qualifier="exceeded")) == "over 90%"
