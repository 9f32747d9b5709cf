"""Citations: every style against a reference rendering checked by hand, what each must name, and escaping."""

from __future__ import annotations

import json
import re
from datetime import date

import pytest

from desktop.domain.citation_formats import escape_bibtex
from desktop.domain.citation_items import (
    comparison_items,
    fact_item,
    issued_date_parts,
    item_for_id,
    report_item,
    section_item,
)
from desktop.domain.citations import (
    CSL_STYLES,
    DATA_FORMATS,
    STYLES,
    UnknownStyleError,
    cite,
    cite_all,
    cite_html,
    cite_target,
)
from desktop.store import FactBase, UnknownIdError
from tests.domain.conftest import ACCESSED, EXPECTED

EXTENSIONS = {"bibtex": "bib", "ris": "ris", "csl-json": "json"}
TINY_TITLE = "Harbour Town Counts 12,400 Residents and 3 Ferries"


@pytest.mark.parametrize("style", STYLES)
def test_bundled_5g_fact_renders_as_its_checked_reference(factbase: FactBase, style: str) -> None:
    # The expected files were read line by line against each style's rules once, then committed.
    expected = (EXPECTED / f"5g-base-stations.{style}.{EXTENSIONS.get(style, 'txt')}").read_text(encoding="utf-8")
    assert cite(fact_item(factbase, "5g-base-stations", ACCESSED), style).rstrip("\n") == expected.rstrip("\n")


@pytest.mark.parametrize("style", list(CSL_STYLES))
def test_a_fact_citation_names_report_section_quote_dates_and_version(tiny_factbase: FactBase, style: str) -> None:
    text = cite(fact_item(tiny_factbase, "permits-online", ACCESSED), style)
    for part in (
        TINY_TITLE,
        "Services Online",  # the section
        "“By the end of 2024, 56% of building permits were issued online.”",
        "2025",  # the report's year (source_date)
        "Figures as of end of 2024",
        "Fact Explorer fact base, version t1",
    ):
        assert part in text, f"{style} lacks {part!r}: {text}"
    assert "2026" in text and ("December" in text or "Dec." in text), text  # the access date


@pytest.mark.parametrize("style", list(CSL_STYLES))
def test_an_authorless_report_states_its_title_once(tiny_factbase: FactBase, style: str) -> None:
    # citeproc-py alone printed "Title. (2025). Title." (desktop/domain/citeproc_fixes.py).
    report = cite(report_item(tiny_factbase, ACCESSED), style)
    section = cite(section_item(tiny_factbase, "transport", ACCESSED), style)
    assert report.count(TINY_TITLE) == 1, report
    assert section.count("Transport Keeps Moving") == 1 and section.count(TINY_TITLE) == 1, section


def test_data_formats_carry_the_same_fields(tiny_factbase: FactBase) -> None:
    item = fact_item(tiny_factbase, "permits-online", ACCESSED)
    bibtex = cite(item, "bibtex")
    assert bibtex.startswith("@techreport{harbour2025-permits-online,")
    assert f"title = {{{{{TINY_TITLE}}}}}" in bibtex and "chapter = {Services Online}" in bibtex
    assert "year = {2025}" in bibtex and "urldate = {2026-12-01}" in bibtex and "56\\%" in bibtex
    ris = cite(item, "ris").splitlines()
    assert ris[0] == "TY  - RPRT" and ris[-1] == "ER  - "
    assert f"TI  - {TINY_TITLE}" in ris and "SE  - Services Online" in ris
    assert "PY  - 2025" in ris and "Y2  - 2026/12/01" in ris
    assert any(line.startswith("N1  - ") and "56% of building permits" in line for line in ris)
    (csl,) = json.loads(cite(item, "csl-json"))
    assert csl == item
    assert (
        csl["type"] == "chapter" and csl["container-title"] == TINY_TITLE and csl["issued"] == {"date-parts": [[2025]]}
    )


@pytest.mark.parametrize("style", STYLES)
def test_a_derived_value_is_cited_as_derived_with_its_formula(tiny_factbase: FactBase, style: str) -> None:
    text = cite(fact_item(tiny_factbase, "ferry-crossings-year-earlier", ACCESSED), style)
    formula = "8,200 ÷ (1 + 15%) = 7,130.4, rounded to 7,130"
    assert "Derived value, not stated in the report" in text
    assert (escape_bibtex(formula) if style == "bibtex" else formula) in text


def test_a_stated_fact_is_not_called_derived(tiny_factbase: FactBase) -> None:
    assert "Derived" not in cite(fact_item(tiny_factbase, "ferry-crossings", ACCESSED), "apa")


def test_no_publisher_is_left_out_and_a_stated_one_is_shown(tiny_factbase: FactBase) -> None:
    item = fact_item(tiny_factbase, "residents", ACCESSED)
    assert "publisher" not in item  # the tiny report, like the bundled one, names none: nothing is invented
    assert "institution" not in cite(item, "bibtex") and "PB  - " not in cite(item, "ris")
    named = dict(item, publisher="Ostmark Harbour Office")
    for style in CSL_STYLES:
        assert "Ostmark Harbour Office" in cite(named, style), style
    assert "institution = {Ostmark Harbour Office}" in cite(named, "bibtex")
    assert "PB  - Ostmark Harbour Office" in cite(named, "ris").splitlines()


def test_an_undated_report_reads_no_date_in_each_style(tiny_factbase: FactBase) -> None:
    item = {k: v for k, v in report_item(tiny_factbase, ACCESSED).items() if k != "issued"}
    assert "(n.d.)" in cite(item, "apa")
    assert " n.d. " in cite(item, "chicago")
    assert "(no date)" in cite(item, "harvard")
    assert "year = " not in cite(item, "bibtex") and "PY  - " not in cite(item, "ris")


@pytest.mark.parametrize(
    ("source_date", "parts"),
    [("2025", [2025]), ("2025-07", [2025, 7]), ("2025-07-15", [2025, 7, 15]), ("mid-2025", [2025]), ("", [])],
)
def test_the_issued_date_is_what_source_date_states(source_date: str, parts: list[int]) -> None:
    assert issued_date_parts(source_date) == parts


def test_a_full_source_date_reaches_ris_and_the_styles(test_reports: dict[str, FactBase]) -> None:
    item = report_item(test_reports["ostmark-2025"], ACCESSED)  # source_date = "2025-07-15"
    assert "DA  - 2025/07/15/" in cite(item, "ris").splitlines()
    assert "15 July 2025" in cite(item, "mla")  # MLA dates a report to the day; APA and Chicago give the year
    assert "(2025)." in cite(item, "apa") and ". 2025. " in cite(item, "chicago")


def test_access_dates_follow_each_style(tiny_factbase: FactBase) -> None:
    item = report_item(tiny_factbase, date(2026, 9, 5))
    assert cite(item, "apa").endswith("Retrieved September 5, 2026.")
    assert cite(item, "mla").endswith("Accessed 5 Sept. 2026.")  # MLA's own abbreviation
    assert cite(item, "chicago").endswith("Accessed September 5, 2026.")
    assert cite(item, "harvard").endswith("(Accessed: 5 September 2026).")


def test_the_access_date_is_today_unless_given(tiny_factbase: FactBase) -> None:
    today = date.today()
    assert report_item(tiny_factbase)["accessed"] == {"date-parts": [[today.year, today.month, today.day]]}


HOSTILE_TITLE = 'Ports & {Harbours} "Quoted" 100% <b>_#$~^\\'


def _hostile_item(tiny_factbase: FactBase) -> dict:
    item = fact_item(tiny_factbase, "permits-online", ACCESSED)
    return dict(item, **{"container-title": HOSTILE_TITLE, "note": "first line\nsecond line & {more}"})


def test_bibtex_escapes_specials_and_keeps_braces_balanced(tiny_factbase: FactBase) -> None:
    bibtex = cite(_hostile_item(tiny_factbase), "bibtex")
    assert r"Ports \& \{Harbours\} " in bibtex and r"100\% " in bibtex
    assert r"\_\#\$\textasciitilde{}\textasciicircum{}\textbackslash{}" in bibtex
    depth = 0
    for char in re.sub(r"\\[{}]|\\[a-z]+\{\}", "", bibtex):  # escaped braces do not count
        depth += {"{": 1, "}": -1}.get(char, 0)
        assert depth >= 0
    assert depth == 0


def test_ris_keeps_one_field_a_line(tiny_factbase: FactBase) -> None:
    lines = cite(_hostile_item(tiny_factbase), "ris").splitlines()
    assert all(re.match(r"^[A-Z][A-Z0-9]  - ", line) for line in lines), lines
    assert "N1  - first line second line & {more}" in lines
    assert f"TI  - {HOSTILE_TITLE}" in lines


def test_csl_json_keeps_the_text_exactly(tiny_factbase: FactBase) -> None:
    item = _hostile_item(tiny_factbase)
    assert json.loads(cite(item, "csl-json"))[0]["container-title"] == HOSTILE_TITLE


def test_html_escapes_every_text_from_the_item(tiny_factbase: FactBase) -> None:
    html = cite_html(_hostile_item(tiny_factbase), "apa")
    assert "<b>" not in html and "&lt;b&gt;" in html and "Ports &amp; {Harbours}" in html
    assert "<i>" in html  # the report's title, italic as APA sets it
    assert "&amp;amp;" not in html  # escaped once, not twice
    assert cite_html(_hostile_item(tiny_factbase), "bibtex").startswith("<pre>@techreport")


def test_a_real_title_with_an_ampersand_is_escaped_in_bibtex(test_reports: dict[str, FactBase]) -> None:
    assert r"Networks \& Ferries in Numbers" in cite(report_item(test_reports["networks-survey"], ACCESSED), "bibtex")


def test_ids_name_the_report_a_section_or_a_fact(tiny_factbase: FactBase) -> None:
    assert item_for_id(tiny_factbase, "report", ACCESSED)["type"] == "report"
    assert item_for_id(tiny_factbase, "transport", ACCESSED)["title"] == "Transport Keeps Moving"
    assert "8,200 crossings" in item_for_id(tiny_factbase, "ferry-crossings", ACCESSED)["note"]
    with pytest.raises(UnknownIdError) as caught:
        item_for_id(tiny_factbase, "ferry-crosings")
    assert "ferry-crossings" in caught.value.nearest


def test_a_comparison_cites_each_fact_once_in_its_order(
    tiny_factbase: FactBase, test_reports: dict[str, FactBase]
) -> None:
    earlier = test_reports["ostmark-2023"]
    members = [(tiny_factbase, "ferry-crossings"), (earlier, "crossings"), (tiny_factbase, "ferry-crossings")]
    items = comparison_items(members, ACCESSED)
    assert [i["id"] for i in items] == ["harbour2025-ferry-crossings", "ostmark2024-crossings"]
    assert cite_all(items, "ris").count("TY  - RPRT") == 2
    assert [i["id"] for i in json.loads(cite_all(items, "csl-json"))] == [i["id"] for i in items]
    lines = cite_all(items, "apa").splitlines()
    assert len(lines) == 2 and "8,200 crossings" in lines[0] and "7,100 crossings" in lines[1]


def test_every_style_is_offered_and_an_unknown_one_refused(tiny_factbase: FactBase) -> None:
    assert set(STYLES) == {"apa", "mla", "chicago", "harvard", "bibtex", "ris", "csl-json"}
    assert set(STYLES) == set(CSL_STYLES) | set(DATA_FORMATS)
    with pytest.raises(UnknownStyleError, match="use one of apa"):
        cite(report_item(tiny_factbase, ACCESSED), "vancouver")


def test_copy_citation_cites_what_an_id_names_in_one_call(tiny_factbase: FactBase) -> None:
    item = item_for_id(tiny_factbase, "sailings-on-time", ACCESSED)
    assert cite_target(tiny_factbase, "sailings-on-time", "mla", accessed=ACCESSED) == cite(item, "mla")
    assert cite_target(tiny_factbase, "report", "apa", html=True, accessed=ACCESSED).startswith("<i>Harbour Town")
