"""The number finder, case by case: what a reader of the sentence takes each figure to say."""

# ruff: noqa: E501 (the case tables read best one case a line)

from __future__ import annotations

import pytest

from desktop.importer.numbers import find_figures, read_figure

# sentence, figure text, values, unit, qualifier, kind
FIGURES = [
    ("The country had built 4.55 million 5G base stations.", "4.55 million", (4_550_000,), "base stations", "exact", "count"),
    ("Over 35,000 high-quality datasets have been built.", "35,000", (35_000,), "datasets", "over", "count"),
    ("More than 1.2 billion people use the code.", "1.2 billion", (1.2e9,), "people", "more than", "count"),
    ("Q2 saw 2,600+ new entities participating.", "2,600+", (2600,), "entities", "+", "count"),
    ("Reducing turnaround to 3-7 days.", "3-7 days", (3, 7), "days", "exact", "duration range"),
    ("An internet penetration rate of 79.7%, bringing services.", "79.7%", (79.7,), "%", "exact", "share"),
    ("Listed 3,328 new data products, up 70%, with more.", "70%", (70,), "%", "exact", "growth"),
    ("Operating costs fell 2.3% last year.", "2.3%", (2.3,), "%", "exact", "decline"),
    ("Over 92 per cent of buses left on time.", "92 per cent", (92,), "%", "over", "share"),
    ("Renewables supplied 61 percent of power.", "61 percent", (61,), "%", "exact", "share"),
    ("The share rose 4.2 percentage points to 71%.", "4.2 percentage points", (4.2,), "percentage points", "exact", "growth"),
    ("The commute fell by between 5 and 8 minutes.", "between 5 and 8 minutes", (5, 8), "minutes", "exact", "duration range"),
    ("Fares rose by between 5 and 8 per cent.", "between 5 and 8 per cent", (5, 8), "%", "exact", "range"),
    ("Between 2,000 and 2,500 jobs were created.", "Between 2,000 and 2,500", (2000, 2500), "jobs", "exact", "range"),
    ("Electric buses grew fivefold.", "fivefold", (5,), "times", "exact", "multiple"),
    ("Solar output grew 34 times over the decade.", "34 times", (34,), "times", "exact", "multiple"),
    ("Sales saw a 300-fold rise.", "300-fold", (300,), "times", "exact", "multiple"),
    ("Its computing power ranking second globally.", "second", (2,), "rank", "exact", "rank"),
    ("It is the world's second-largest port.", "second", (2,), "rank", "exact", "rank"),
    ("The region ranks third in Europe.", "third", (3,), "rank", "exact", "rank"),
    ("The region ranks 4th in Europe.", "4th", (4,), "rank", "exact", "rank"),
    ("The city invested 3.6 billion yuan in lines.", "3.6 billion yuan", (3.6e9,), "yuan", "exact", "money"),
    ("Exports (US$816.4 billion) rose.", "US$816.4 billion", (816.4e9,), "US$", "exact", "money"),
    ("The grant was $5m in all.", "$5m", (5e6,), "$", "exact", "money"),
    ("Investment came to €2.4 billion.", "€2.4 billion", (2.4e9,), "€", "exact", "money"),
    ("The fund holds RMB 5.2 trillion.", "RMB 5.2 trillion", (5.2e12,), "yuan", "exact", "money"),
    ("About 120,000 riders travel daily.", "120,000", (120_000,), "riders", "approximately", "count"),
    ("Nearly 40,000 volunteers joined.", "40,000", (40_000,), "volunteers", "nearly", "count"),
    ("The authority plans up to 25 new stations.", "25", (25,), "stations", "up to", "count"),
    ("It expects at least 110 million passengers.", "110 million", (110e6,), "passengers", "at least", "count"),
    ("Fare revenue exceeded 1.1 billion yuan.", "1.1 billion yuan", (1.1e9,), "yuan", "exceeded", "money"),
    ("Less than 11% of the water was lost.", "11%", (11,), "%", "less than", "share"),
    ("Gigabit broadband users reaching 226 million, and more.", "226 million", (226e6,), "users", "exact", "count"),
    ("Wind farms generated 46.2 TWh of electricity.", "46.2", (46.2,), "TWh", "exact", "count"),
    ("1.07 Billion People Use Electronic Cards", "1.07 Billion", (1.07e9,), "people", "exact", "count"),
    ("The board supplied 86.4 million cubic metres.", "86.4 million", (86.4e6,), "cubic metres", "exact", "count"),
    ("Two million people voted.", "Two million", (2e6,), "people", "exact", "count"),
    ("Ten per cent of trips were late.", "Ten per cent", (10,), "%", "exact", "share"),
    ("Prices rose from 3% to 5%.", "3%", (3,), "%", "exact", "share"),
    ("Prices rose from 3% to 5%.", "5%", (5,), "%", "exact", "share"),
    ("Unemployment was 4.1%, down from 4.5% a year earlier.", "4.5%", (4.5,), "%", "exact", "share"),
    ("The balance showed a −2.1% change.", "−2.1%", (-2.1,), "%", "exact", "share"),
    ("Temperatures reached 40°C in July.", "40°C", (40,), "°C", "exact", "count"),
    ("The bridge is 1,200 m long.", "1,200", (1200,), "m", "exact", "count"),
    ("Revenue reached HK$12bn in FY2024.", "HK$12bn", (12e9,), "HK$", "exact", "money"),
    ("Output rose 5–8% in 2024.", "5–8%", (5, 8), "%", "exact", "range"),
]  # fmt: skip


@pytest.mark.parametrize(("sentence", "text", "values", "unit", "qualifier", "kind"), FIGURES)
def test_a_figure_reads_as_written(
    sentence: str, text: str, values: tuple[float, ...], unit: str, qualifier: str, kind: str
) -> None:
    figures, _ = find_figures(sentence)
    found = next((f for f in figures if f.text == text), None)
    assert found is not None, f"{text!r} not found in {[f.text for f in figures]}"
    assert sentence[found.start : found.end] == text
    assert found.values == tuple(float(v) for v in values)
    assert (found.unit, found.qualifier, found.kind) == (unit, qualifier, kind)


# sentence, the text kept out, a word of its reason
NOT_METRICS = [
    ("During the 14th Five-Year Plan period, China grew.", "14th Five-Year Plan", "name"),
    ("It built 4.55 million 5G base stations.", "5G", "name"),
    ("Screens in 4K are common.", "4K", "name"),
    ("COVID-19 changed demand.", "COVID-19", "name"),
    ("100% of 5A-level scenic spots upgraded.", "5A-level", "name"),
    ("In H1 2025, platforms listed products.", "H1", "period"),
    ("In H1 2025, platforms listed products.", "2025", "year"),
    ("Q2 saw new entities.", "Q2", "period"),
    ("The plan covers 2021-2025.", "2021-2025", "years"),
    ("Line 3 opened on 14 September 2024.", "Line 3", "name"),
    ("Line 3 opened on 14 September 2024.", "14", "date"),
    ("It opened on June 30, 2024.", "30", "date"),
    ("No. 7 depot opened.", "No. 7", "name"),
    ("First, the line cut the commute.", "First", "list"),
    ("The Third Plenum proposed it.", "Third", "name"),
    ("The 20th CPC Central Committee met.", "20th CPC Central Committee", "name"),
    ("Third-party services improved.", "Third-party", "compound"),
    ("It was the first increase since 2021.", "first", "ordinal"),
    ("Trains leave at 10:30 daily.", "10", "time"),
    ("Revenue reached HK$12bn in FY2024.", "FY2024", "name"),
    ("The ratio was 1:4.", "1", "ratio"),
]


@pytest.mark.parametrize(("sentence", "text", "reason"), NOT_METRICS)
def test_names_dates_and_list_ordinals_are_not_metrics(sentence: str, text: str, reason: str) -> None:
    figures, others = find_figures(sentence)
    kept_out = {o.text: o.reason for o in others}
    assert text in kept_out, f"{text!r} not kept out; figures {[f.text for f in figures]}, others {kept_out}"
    assert reason in kept_out[text]
    assert not any(f.start <= sentence.index(text) < f.end for f in figures)


def test_a_sentence_with_names_and_figures_keeps_each_apart() -> None:
    sentence = (
        "By the end of June, the country had built 4.55 million 5G base stations, with users reaching 226 million."
    )
    figures, others = find_figures(sentence)
    assert [f.text for f in figures] == ["4.55 million", "226 million"]
    assert [o.text for o in others] == ["5G"]


def test_read_figure_reads_a_figure_alone_and_refuses_what_is_not_one() -> None:
    assert read_figure("US$816.4 billion") == (816.4e9,)
    assert read_figure("between 5 and 8") == (5.0, 8.0)
    assert read_figure("3rd") == (3.0,)
    with pytest.raises(ValueError):
        read_figure("5G")
    with pytest.raises(ValueError):
        read_figure("4.55 million and 226 million")
