"""The search field's language: words, numbers with comparisons, scales and units, and field filters."""

from __future__ import annotations

import pytest

from desktop.domain.query import parse_query
from desktop.store.queries import ValueRange


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("> 1 billion", ValueRange(low=1e9, low_inclusive=False)),
        ("over 50%", ValueRange(low=50, low_inclusive=False, unit="%")),
        ("more than 2,600", ValueRange(low=2600, low_inclusive=False)),
        ("at least 4.55 million", ValueRange(low=4_550_000)),
        ("1-5 million", ValueRange(1e6, 5e6)),
        ("3 to 7 days", ValueRange(3, 7, unit="days")),
        ("between 100 and 500", ValueRange(100, 500)),
        ("between 500 and 100", ValueRange(100, 500)),
        ("< 10 days", ValueRange(high=10, high_inclusive=False, unit="days")),
        ("up to 20 percent", ValueRange(high=20, unit="%")),
        ("under 1.5bn", ValueRange(high=1.5e9, high_inclusive=False)),
    ],
)
def test_numeric_filters(text: str, expected: ValueRange) -> None:
    query = parse_query(text)
    assert query.values == (expected,) and query.words == ()


def test_words_and_filters_together() -> None:
    query = parse_query("broadband users > 100 million kind:count unit:people section:infrastructure")
    assert query.words == ("broadband", "users")
    assert query.values == (ValueRange(low=1e8, low_inclusive=False),)
    assert (query.kinds, query.units, query.section_ids) == (("count",), ("people",), ("infrastructure",))


def test_field_values_may_be_quoted_and_units_normalised() -> None:
    query = parse_query('unit:percent report:"Digital China" type:terms in:facts x')
    assert query.units == ("%",) and query.reports == ("Digital China",) and query.types == ("term", "fact")
    assert query.words == ("x",)
    assert query.wants_report("Digital China Development Report") and not query.wants_report("Ostmark")


def test_a_period_or_a_word_is_not_a_number_filter() -> None:
    assert parse_query("2024-2025 growth").values == ()
    assert parse_query("clover 5").values == () and parse_query("clover 5").words == ("clover", "5")
    assert parse_query("covid-19").words == ("covid-19",)


def test_the_last_word_is_a_prefix_only_while_typing() -> None:
    assert parse_query("internet us", typing=True).prefix_last
    assert not parse_query("internet us").prefix_last
    assert not parse_query("internet us ", typing=True).prefix_last
    assert not parse_query("internet > 5", typing=True).prefix_last


def test_empty_and_unknown_fields() -> None:
    assert parse_query("").is_empty and parse_query("   ").is_empty
    assert parse_query("kind:").is_empty
    assert parse_query("type:nonsense data").types == ("fact", "passage", "term")
