"""Nothing missed, nothing invented: every number in the report's body is a fact or a named non-metric.

The finder here is written independently of the builder, so a figure the annotations forgot fails the test.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest

from db.report import parse_report

ROOT = Path(__file__).resolve().parents[2]
RESOURCES = ROOT / "resources"

NUMBER_WORDS = (
    "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|hundred|thousand|dozen|"
    "first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|half|double|triple|twice"
)
# A numeral with what makes it a figure (decimals, thousands, ranges, %, +, million/billion, ordinals),
# or a number word standing as a word of its own (so "someone" and "tone" do not count).
FINDER = re.compile(
    r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?:\s*[-–]\s*\d+(?:\.\d+)?)?(?:st|nd|rd|th)?"
    r"(?:\s*(?:million|billion|thousand))?\s*%?\+?"
    rf"|(?<!\w)(?:{NUMBER_WORDS})(?!\w)",
    re.IGNORECASE,
)


def _load() -> tuple[dict, list[tuple[int, str]]]:
    structure = tomllib.loads((RESOURCES / "structure.toml").read_text(encoding="utf-8"))
    facts = tomllib.loads((RESOURCES / "facts.toml").read_text(encoding="utf-8"))
    text = (RESOURCES / structure["factbase"]["source_file"]).read_text(encoding="utf-8")
    report = parse_report(text, structure)
    return facts, [(line.number, line.text) for line in report.body_lines()]


def _covered_spans(facts: dict, line_text: str) -> list[tuple[int, int, str]]:
    """Spans of this line that a fact's figure, a heading's figure or a non-metric accounts for."""
    spans = []
    for fact in facts["fact"]:
        if fact.get("figure") and fact["quote"] in line_text:
            start = line_text.index(fact["quote"]) + fact["quote"].index(fact["figure"])
            spans.append((start, start + len(fact["figure"]), f"fact {fact['id']}"))
        for heading in fact.get("headings", []):
            at = line_text.find(heading["figure"])
            # A heading figure counts only on a heading line: short, and not a sentence of the body.
            if at >= 0 and len(line_text) < 120:
                spans.append((at, at + len(heading["figure"]), f"fact {fact['id']} ({heading['where']})"))
    for entry in facts["not_metric"]:
        for m in re.finditer(re.escape(entry["text"]), line_text):
            spans.append((m.start(), m.end(), f"not a metric: {entry['reason']}"))
    return spans


def _numbers(line_text: str) -> list[re.Match[str]]:
    return [m for m in FINDER.finditer(line_text) if m.group().strip()]


def test_finder_sees_the_kinds_of_number_the_report_uses() -> None:
    sample = "built 4.55 million, 79.7%, 3-7 days, 2,600+ new, ranking second, the 20th, Over 35,000, one-card"
    found = [m.group().strip() for m in _numbers(sample)]
    assert found == ["4.55 million", "79.7%", "3-7", "2,600+", "second", "20th", "35,000", "one"]
    assert _numbers("someone tone phone") == []


def test_every_number_in_the_body_is_a_fact_or_a_listed_non_metric() -> None:
    facts, lines = _load()
    unaccounted = []
    for number, text in lines:
        spans = _covered_spans(facts, text)
        for match in _numbers(text):
            start, end = match.start(), match.start() + len(match.group().rstrip())
            if not any(s <= start and end <= e for s, e, _why in spans):
                unaccounted.append(f"line {number}: {match.group()!r} in …{text[max(0, start - 30) : end + 30]}…")
    assert not unaccounted, "numbers that are neither a fact nor listed as not a metric:\n" + "\n".join(unaccounted)


@pytest.mark.parametrize("entry", tomllib.loads((RESOURCES / "facts.toml").read_text("utf-8"))["not_metric"])
def test_each_non_metric_occurs_in_the_body_and_says_why(entry: dict) -> None:
    _facts, lines = _load()
    assert any(entry["text"] in text for _n, text in lines), f"{entry['text']!r} is not in the report's body"
    assert len(entry["reason"]) > 10
