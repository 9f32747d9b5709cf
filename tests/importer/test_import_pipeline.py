"""import_report end to end: each format to a fact base the store opens; bad input and cancel write nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from report_paths import BUNDLED_REPORT, REPORTS

from desktop.importer import pipeline
from desktop.importer.annotation_file import annotations_toml, write_annotations
from desktop.importer.figures import parse_figure
from desktop.importer.pipeline import ImportCancelled, ImportFailed, ImportOptions, import_report, read_report_file
from desktop.store import FactBase

TEXT_REPORTS = ["riverside_transport_2024.txt", "northwind_energy_2025.md", "harbour_press_release.html"]


def _report(name: str, pdf_report: Path) -> Path:
    return pdf_report if name == "pdf" else REPORTS / name


def _nothing_written(folder: Path) -> None:
    assert sorted(p.name for p in folder.iterdir() if p.suffix in (".sqlite", ".part") or p.name.startswith(".")) == []


@pytest.mark.parametrize("name", [*TEXT_REPORTS, "pdf"])
def test_each_format_imports_into_a_fact_base_the_store_reads(name: str, pdf_report: Path, tmp_path: Path) -> None:
    out = tmp_path / "new.sqlite"
    options = ImportOptions(out=out, publisher="City Statistics Office", date="2025-03-03", as_of="end of 2024")
    result = import_report(_report(name, pdf_report), options)
    assert result.path == out
    with FactBase.open(out) as fb:
        facts = fb.facts()
        assert len(facts) == len(result.plan.facts) >= 10
        assert fb.document.title == result.plan.report.headline.text
        assert (fb.document.source_date, fb.document.source_as_of) == ("2025-03-03", "end of 2024")
        assert [t.term for t in fb.terms()] == [t.text for t, _ in result.plan.report.glossary]
        assert len(fb.terms()) == 2
        for fact in facts:
            paragraph = fb.paragraph(fact.paragraph_id)
            assert paragraph.text[fact.quote_start : fact.quote_start + len(fact.quote)] == fact.quote
            span = fact.figure_span()
            assert span is not None and fact.figure is not None
            assert paragraph.text[span[0] : span[1]] == fact.figure
            expected = (fact.value_min, fact.value_max) if fact.is_range else (fact.value,)
            assert parse_figure(fact.figure) == expected, fact.id
    meta = _meta(out)
    assert meta["publisher"] == "City Statistics Office"
    assert meta["source_format"] == ("pdf" if name == "pdf" else result.plan.source_format)


def _meta(path: Path) -> dict[str, str]:
    import sqlite3

    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return dict(conn.execute("SELECT key, value FROM meta").fetchall())
    finally:
        conn.close()


def test_glossary_terms_in_the_body_are_linked_to_their_mentions(tmp_path: Path) -> None:
    out = import_report(REPORTS / "harbour_press_release.html", ImportOptions(out=tmp_path / "h.sqlite")).path
    with FactBase.open(out) as fb:
        mentions = [m for m in fb.term_mentions() if m.term == "TEU"]
        assert mentions, "TEU is written in the body"
        for mention in mentions:
            text = fb.paragraph(mention.paragraph_id).text
            assert text[mention.start : mention.start + mention.length].lower() == "teu"
        assert any(f.figure == "400,000" for f in fb.facts_mentioning("TEU"))


def test_a_figure_restated_in_a_sub_heading_is_linked_to_its_fact(tmp_path: Path) -> None:
    out = import_report(REPORTS / "riverside_transport_2024.txt", ImportOptions(out=tmp_path / "r.sqlite")).path
    with FactBase.open(out) as fb:
        section = next(s for s in fb.sections() if s.subheading == "Metro Ridership Reaches 268 Million")
        assert section.headline_fact_id is not None
        assert fb.fact(section.headline_fact_id).figure == "268 million"


def test_the_review_round_trip_edits_a_label_and_drops_a_fact(tmp_path: Path) -> None:
    source = REPORTS / "northwind_energy_2025.md"
    plan = read_report_file(source, ImportOptions(date="2025"))
    edited = tmp_path / "edited.toml"
    text = annotations_toml(plan.facts, plan.not_metrics, plan.report, source.name)
    first = plan.facts[0]
    text = text.replace(f'label = "{first.label}"', 'label = "Wind generation"', 1)
    write_annotations(edited, text)
    import tomllib

    data = tomllib.loads(edited.read_text("utf-8"))
    data["fact"] = data["fact"][:-1]  # the user deletes the last proposal
    import tomli_w

    edited.write_text(tomli_w.dumps(data), "utf-8")
    out = import_report(source, ImportOptions(out=tmp_path / "n.sqlite", annotations=edited, date="2025")).path
    with FactBase.open(out) as fb:
        facts = fb.facts()
        assert len(facts) == len(plan.facts) - 1
        assert fb.fact(first.id).label == "Wind generation"
        assert plan.facts[-1].id not in {f.id for f in facts}


def test_an_annotation_that_disagrees_with_its_figure_is_refused(tmp_path: Path) -> None:
    source = REPORTS / "riverside_transport_2024.txt"
    plan = read_report_file(source)
    text = annotations_toml(plan.facts, plan.not_metrics, plan.report, source.name).replace(
        "value = 412000000", "value = 41200000", 1
    )
    edited = write_annotations(tmp_path / "bad.toml", text)
    with pytest.raises(ImportFailed, match="does not match the figure '412 million'"):
        import_report(source, ImportOptions(out=tmp_path / "x.sqlite", annotations=edited))
    _nothing_written(tmp_path)


def test_the_bundled_report_imports_with_its_curated_annotations(tmp_path: Path) -> None:
    """The same facts.toml that builds the bundled fact base, against the importer's own reading of sections."""
    plan = read_report_file(BUNDLED_REPORT)
    section_ids = [s.id for s in plan.report.sections]
    assert section_ids[0] == "lead" and len(section_ids) == 4


def test_cancel_from_progress_writes_nothing(tmp_path: Path) -> None:
    calls: list[tuple[int, int]] = []

    def cancel_at_write(done: int, total: int) -> bool:
        calls.append((done, total))
        return len(calls) < 3

    with pytest.raises(ImportCancelled):
        import_report(REPORTS / "riverside_transport_2024.txt", ImportOptions(out=tmp_path / "c.sqlite"),
                      cancel_at_write)  # fmt: skip
    assert calls and all(total >= done for done, total in calls)
    _nothing_written(tmp_path)


def test_progress_reaches_its_total(tmp_path: Path) -> None:
    seen: list[tuple[int, int]] = []
    import_report(
        REPORTS / "riverside_transport_2024.txt",
        ImportOptions(out=tmp_path / "p.sqlite"),
        lambda d, t: seen.append((d, t)) is None,
    )
    paragraphs = [(d, t) for d, t in seen if t > 1]
    assert paragraphs[-1][0] == paragraphs[-1][1]


def test_an_existing_fact_base_is_replaced_whole(tmp_path: Path) -> None:
    out = tmp_path / "same.sqlite"
    import_report(REPORTS / "riverside_transport_2024.txt", ImportOptions(out=out))
    import_report(REPORTS / "harbour_press_release.html", ImportOptions(out=out))
    with FactBase.open(out) as fb:
        assert fb.document.title.startswith("Port of Kestrel Bay")


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda d: d / "missing.txt", "no such file"),
        (lambda d: d, "is a directory"),
        (lambda d: _write(d / "empty.txt", b""), "is empty"),
        (lambda d: _write(d / "blank.md", b"  \n\n \t\n"), "is empty"),
        (lambda d: _write(d / "image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 30), "binary"),
        (lambda d: _write(d / "old.txt", "Отчёт 2024: рост на 5%. Итог.".encode("koi8-r")), "not UTF-8"),
        (lambda d: _write(d / "title.txt", b"Only a headline\n"), "no paragraphs"),
        (lambda d: _write(d / "fake.pdf", b"%PDF-1.4\nnot really"), "not a readable PDF"),
    ],
)
def test_bad_input_is_one_sentence_and_nothing_is_written(make, message: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    source = make(tmp_path)
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    with pytest.raises(ImportFailed, match=message) as info:
        import_report(source, ImportOptions(out=out_dir / "x.sqlite"))
    assert "\n" not in str(info.value)
    assert list(out_dir.iterdir()) == []


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def test_the_report_itself_is_never_overwritten(tmp_path: Path) -> None:
    source = tmp_path / "report.txt"
    source.write_bytes((REPORTS / "riverside_transport_2024.txt").read_bytes())
    with pytest.raises(ImportFailed, match="is the report being imported"):
        import_report(source, ImportOptions(out=source))
    assert source.read_bytes() == (REPORTS / "riverside_transport_2024.txt").read_bytes()


def test_scanned_and_encrypted_pdfs_are_refused(scanned_pdf: Path, encrypted_pdf: Path, tmp_path: Path) -> None:
    for source, message in ((scanned_pdf, "no text layer"), (encrypted_pdf, "encrypted")):
        with pytest.raises(ImportFailed, match=message):
            import_report(source, ImportOptions(out=tmp_path / "x.sqlite"))
    assert not (tmp_path / "x.sqlite").exists()


def test_a_file_over_the_size_limit_is_not_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pipeline, "MAX_BYTES", 1000)
    big = _write(tmp_path / "big.txt", b"Headline\n\n" + b"Growth was 5% in 2024. " * 100)
    with pytest.raises(ImportFailed, match="over the import limit"):
        import_report(big, ImportOptions(out=tmp_path / "x.sqlite"))
