"""Sentences, periods and encodings: the rules the finder's input is read with."""

from __future__ import annotations

import codecs

import pytest

from desktop.importer.decoding import UndecodableText, declared_charset, decode_text
from desktop.importer.periods import period_in, report_year
from desktop.importer.sentences import sentence_spans, sentences


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("It carried 4.55 million riders. Then it stopped.", ["It carried 4.55 million riders.", "Then it stopped."]),
        ("The U.S. economy grew 2.5%. It slowed.", ["The U.S. economy grew 2.5%.", "It slowed."]),
        ("No. 3 Line opened. It is new.", ["No. 3 Line opened.", "It is new."]),
        ("He said no. Then it rained.", ["He said no.", "Then it rained."]),
        ("Dr. Li spoke. “Data helps.” Officials agreed!", ["Dr. Li spoke.", "“Data helps.”", "Officials agreed!"]),
        ("Prices rose e.g. in Jan. 2024 and fell. Why?", ["Prices rose e.g. in Jan. 2024 and fell.", "Why?"]),
        ("J. Smith counted 12 trains. 4 were late.", ["J. Smith counted 12 trains.", "4 were late."]),
        ("Q2 saw 2,600+ new entities participating. Data annotation firms grew.",
         ["Q2 saw 2,600+ new entities participating.", "Data annotation firms grew."]),
    ],
)  # fmt: skip
def test_sentences_split_where_a_reader_would(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected
    for start, end in sentence_spans(text):
        assert text[start:end] in expected


@pytest.mark.parametrize(
    ("text", "year", "period"),
    [
        ("By the end of June, the country had built stations.", 2025, "end of June 2025"),
        ("By the end of June, the country had built stations.", None, "end of June"),
        ("In H1 2025, platforms listed 3,328 products.", 2025, "H1 2025"),
        ("Q2 saw 2,600+ new entities.", 2025, "Q2 2025"),
        ("During the 14th Five-Year Plan period, services grew.", 2025, "14th Five-Year Plan period"),
        ("Hospitals give 100 million consultations annually.", 2025, "annually"),
        ("Ridership rose 5% last year.", 2025, "2024"),
        ("Output in the second quarter of 2024 rose.", 2025, "Q2 2024"),
        ("The plan for 2021-2025 is done.", 2025, "2021-2025"),
        ("As of 30 June 2025 the board had 9 works.", None, "30 June 2025"),
        ("Prices were 9% lower than in 2023.", 2025, None),
        ("Buses grew fivefold since 2019.", 2025, None),
    ],
)
def test_periods_read_against_the_reports_date(text: str, year: int | None, period: str | None) -> None:
    assert period_in(text, year) == period


def test_the_report_year_comes_from_the_first_date_that_names_one() -> None:
    assert report_year(None, "2025-03-03") == 2025
    assert report_year("end of June 2024", "2025") == 2024
    assert report_year(None, "undated") is None


TEXT = "Riverside’s metro carried 268 million passengers — about 65% of trips.\n"


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (TEXT.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8-sig"),
        (TEXT.encode("utf-16"), "utf-16"),  # with its byte-order mark
        (TEXT.encode("cp1252"), "cp1252"),
        ("Café prices rose 5% in Zürich.\n".encode("latin-1"), "cp1252"),
    ],
)
def test_text_in_common_encodings_is_read_as_written(data: bytes, encoding: str) -> None:
    text, used = decode_text(data)
    assert used == encoding
    assert "5%" in text and "\ufeff" not in text


def test_an_html_page_is_read_in_the_encoding_it_declares() -> None:
    page = '<html><head><meta charset="shift_jis"></head><body><h1>東京</h1><p>乗客は5%増えた。</p></body></html>'
    data = page.encode("shift_jis")
    assert declared_charset(data) == "shift_jis"
    assert decode_text(data, declared_charset(data)) == (page, "shift_jis")
    # Undeclared, the same bytes are not guessed at.
    with pytest.raises(UndecodableText):
        decode_text(data)


def test_windows_newlines_become_plain_newlines() -> None:
    assert decode_text(b"Headline\r\nLead 5%.\r\n")[0] == "Headline\nLead 5%.\n"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (bytes(range(256)) * 4, "binary"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        ("Полная статистика за 2024 год выросла на 5%".encode("koi8-r"), "not UTF-8"),
        (b"\x81\x8d\x8f\x90\x9d" * 20, "not UTF-8"),
    ],
)
def test_binary_and_undecodable_bytes_are_refused_in_one_sentence(data: bytes, message: str) -> None:
    with pytest.raises(UndecodableText, match=message) as info:
        decode_text(data)
    assert "\n" not in str(info.value)
