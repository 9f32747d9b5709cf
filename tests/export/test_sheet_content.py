"""What a sheet says, before any painting: targets, highlighted figures, glossary bold, the report's contents."""

from __future__ import annotations

import pytest

from desktop.domain.target import Target
from desktop.export.sheet_content import (
    Contents,
    Definition,
    Heading,
    Run,
    Source,
    Text,
    build_sheet,
    markdown_runs,
    sheet_target,
)
from desktop.store import FactBase, UnknownIdError


def test_markdown_bold_becomes_bold_runs_without_markers() -> None:
    runs = markdown_runs("The **National Medical Insurance Code** is a **system**.")
    assert "".join(r.text for r in runs) == "The National Medical Insurance Code is a system."
    assert [r.text for r in runs if r.bold] == ["National Medical Insurance Code", "system"]


def test_every_glossary_definition_reads_the_same_without_its_markup(factbase: FactBase) -> None:
    for term in factbase.terms():
        runs = markdown_runs(term.definition)
        assert "".join(r.text for r in runs) == term.definition.replace("**", "")
        assert not any("**" in r.text for r in runs)


def test_sheet_target_knows_facts_sections_and_the_whole_report(factbase: FactBase) -> None:
    assert sheet_target(factbase, "internet-users") == Target.fact("internet-users")
    assert sheet_target(factbase, "data-market") == Target.section("data-market")
    assert sheet_target(factbase, None) == Target.report()


def test_an_unknown_id_names_the_nearest(factbase: FactBase) -> None:
    with pytest.raises(UnknownIdError) as caught:
        sheet_target(factbase, "internet-user")
    assert "internet-users" in caught.value.nearest
    assert "internet-users" in str(caught.value)


@pytest.mark.parametrize("in_paragraph", [True, False])
def test_the_source_shows_the_quote_with_its_figure_highlighted(factbase: FactBase, in_paragraph: bool) -> None:
    for fact in factbase.facts():
        source = next(b for b in build_sheet(factbase, Target.fact(fact.id)).parts[0].blocks if isinstance(b, Source))
        runs = source.in_paragraph if in_paragraph else source.alone
        assert "".join(r.text for r in runs if r.emphasis) == fact.quote
        highlighted = "".join(r.text for r in runs if r.highlight)
        assert highlighted == (fact.figure or ""), fact.id
        if in_paragraph:
            paragraph = next(p for p in factbase.paragraphs(fact.section_id) if p.id == fact.paragraph_id)
            assert "".join(r.text for r in runs) == paragraph.text


def test_a_derived_fact_explains_its_formula(factbase: FactBase) -> None:
    derived = next(f for f in factbase.facts() if f.derived)
    blocks = build_sheet(factbase, Target.fact(derived.id)).parts[0].blocks
    texts = ["".join(r.text for r in b.runs) for b in blocks if isinstance(b, Text)]
    assert derived.formula and any(derived.formula in t for t in texts)
    assert Heading("How it is derived", 2) in blocks


def test_a_fact_sheet_defines_the_terms_its_quote_uses(factbase: FactBase) -> None:
    blocks = build_sheet(factbase, Target.fact("medical-insurance-code-users")).parts[0].blocks
    assert [b.term for b in blocks if isinstance(b, Definition)] == ["national medical insurance code"]


def test_the_report_has_contents_every_section_fact_and_the_glossary(factbase: FactBase) -> None:
    sheet = build_sheet(factbase, Target.report())
    contents = next(b for b in sheet.parts[0].blocks if isinstance(b, Contents))
    anchors = [e.anchor for e in contents.entries]
    assert anchors == (
        [a for s, facts in factbase.section_tree() for a in [f"section:{s.id}", *(f"fact:{f.id}" for f in facts)]]
        + ["glossary"]
    )
    headed = {b.anchor for part in sheet.parts for b in part.blocks if isinstance(b, Heading) and b.anchor}
    assert set(anchors) <= headed  # every entry points at a heading that exists
    assert sum(part.one_page for part in sheet.parts) == len(factbase.facts())
    assert sheet.citation == f"Source: {factbase.document.citation}"


def _text_of(runs: tuple[Run, ...]) -> str:
    return "".join(r.text for r in runs)


def test_a_section_sheet_prints_the_same_blocks_as_the_section_inside_the_report(factbase: FactBase) -> None:
    report = build_sheet(factbase, Target.report())
    for section in factbase.sections():
        alone = build_sheet(factbase, Target.section(section.id)).parts[0].blocks
        assert alone[0] == Heading(section.title, 0, anchor=f"section:{section.id}")
        assert any(part.blocks == alone for part in report.parts), section.id


def test_a_section_sheet_carries_its_text_with_every_figure_highlighted(factbase: FactBase) -> None:
    for section in factbase.sections():
        blocks = build_sheet(factbase, Target.section(section.id)).parts[0].blocks
        texts = [b for b in blocks if isinstance(b, Text)]
        body = [p.text for p in factbase.paragraphs(section.id) if p.role == "body"]
        leads = [_text_of(t.runs) for t in texts if t.style == "lead"]
        assert leads == ([section.subheading] if section.subheading else [])
        assert [_text_of(t.runs) for t in texts if t.style == "body"] == body
        highlighted = sorted(r.text for t in texts if t.style == "body" for r in t.runs if r.highlight)
        assert highlighted == sorted(f.figure for f in factbase.facts(section.id) if f.figure), section.id
    lead = next(
        b
        for b in build_sheet(factbase, Target.section("digital-services")).parts[0].blocks
        if isinstance(b, Text) and b.style == "lead"
    )
    assert [r.text for r in lead.runs if r.highlight] == ["1.07 Billion"]  # the headline figure, in the sub-heading
