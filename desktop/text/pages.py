"""The HTML of the detail pages: the report, a section, a fact, a glossary term. Built from the store; no Qt.

Every figure that stands for a fact is a link to it, every glossary term a link to its entry, every section
title a link to the section: all as Target hrefs, our own scheme. Every stored string is escaped (markup.escape,
mark_up): a label holding HTML is shown as the characters it is.
"""

from __future__ import annotations

from dataclasses import dataclass

from desktop.domain.formatting import derived_note, format_fact, format_with_qualifier, unit_label
from desktop.domain.i18n import translate
from desktop.domain.target import Target
from desktop.store import Document, Fact, FactBase, GlossaryTerm, Paragraph, Section
from desktop.text.markup import Span, escape, link, link_span, mark_up, markdown_html
from desktop.text.spans import PAGE_FACTS, Mark, SectionMarks, headline_marks

PAGE_SECTIONS = 100  # the front page lists at most this many sections
FACT_NEIGHBOURS = 10  # a fact page lists at most this many of its section's facts either side of it


@dataclass(frozen=True)
class PageColours:
    """Colours taken from the window's palette, so pages read well in light and dark themes."""

    text: str = "#1a1a1a"
    muted: str = "#5c5c5c"
    link: str = "#0b57b0"
    figure_bg: str = "#fff1b8"
    current_bg: str = "#ffd24d"
    quote_bg: str = "#e8f0fe"
    dark: bool = False


def page_style(c: PageColours) -> str:
    return (
        "<style>"
        f"body {{ color: {c.text}; }}"
        f"a {{ color: {c.link}; }}"
        f"a.fig {{ background-color: {c.figure_bg}; color: {c.text}; font-weight: bold; }}"
        f"a.current {{ background-color: {c.current_bg}; color: #000000; font-weight: bold; }}"
        f"a.term {{ color: {c.link}; }}"
        f"span.quote {{ background-color: {c.quote_bg}; }}"
        f".muted {{ color: {c.muted}; }}"
        "h1 { font-size: 18pt; } h2 { font-size: 14pt; }"
        "</style>"
    )


def _span(mark: Mark) -> Span:
    if mark.role == "quote" or mark.target is None:
        return Span(mark.start, mark.end, '<span class="quote">', "</span>")
    css = "term" if mark.role == "term" else ("current" if mark.current else "fig")
    return link_span(mark.start, mark.end, mark.target, css, mark.title)


def _paragraph_html(marks: SectionMarks, para: Paragraph, current: Fact | None = None) -> str:
    body = mark_up(para.text, [_span(m) for m in marks.marks(para, current)])
    return f"<h2>{body}</h2>" if para.role == "subheading" else f"<p>{body}</p>"


def _section_text(fb: FactBase, section: Section) -> str:
    marks = SectionMarks.read(fb, section.id)
    return "".join(_paragraph_html(marks, p) for p in fb.paragraphs(section.id))


def fact_label(fact: Fact) -> str:
    """A fact's label as lists show it: a derived value says so wherever it appears."""
    derived = translate("Pages", "derived")
    return f"{fact.label} ({derived})" if fact.derived else fact.label


def _provenance(doc: Document, section: str = "") -> str:
    """Where a page's figures come from, on every page, as charts and sheets say it: the report (and the section),
    its date only as the report gives it, when its figures are as of; and the file, for whoever checks."""
    line = translate("Pages", "Source: {source}. File: {file}").format(source=doc.source(section), file=doc.source_file)
    return f'<p class="muted">{escape(line)}</p>'


def _fact_list(facts: list[Fact], heading: str) -> str:
    if not facts:
        return ""
    items = "".join(
        f"<li>{link(Target.fact(f.id), fact_label(f))}: <b>{escape(format_fact(f))}</b></li>" for f in facts
    )
    return f"<h3>{escape(heading)}</h3><ul>{items}</ul>"


def report_page(fb: FactBase, colours: PageColours) -> str:
    """Headline, lead and the sections with their headline figures."""
    doc = fb.document
    title = mark_up(doc.title, [_span(m) for m in headline_marks(fb)])
    parts = [page_style(colours), f"<h1>{title}</h1>"]
    parts.append(_provenance(doc))
    rows = []
    every = fb.sections()
    # The lead's text, then the first sections listed: a report of a thousand sections lists them in the tree.
    sections = [s for s in every if s.role == "lead"] + [s for s in every if s.role != "lead"][:PAGE_SECTIONS]
    headlines = fb.facts_by_id(s.headline_fact_id for s in sections if s.headline_fact_id)
    for section in sections:
        if section.role == "lead":
            parts.append(_section_text(fb, section))
        headline = headlines.get(section.headline_fact_id or "")
        figure = f" <b>{link(Target.fact(headline.id), format_fact(headline), 'fig')}</b>" if headline else ""
        sub = f'<br><span class="muted">{escape(section.subheading)}</span>' if section.subheading else ""
        rows.append(f"<li>{link(Target.section(section.id), section.title)}{figure}{sub}</li>")
    heading = translate("Pages", "Sections")
    if len(every) > len(sections):
        more = translate("Pages", "…and {count} more sections: the tree lists them all.").format(
            count=f"{len(every) - len(sections):,}"
        )
        rows.append(f'<li class="muted">{escape(more)}</li>')
    parts.append(f"<h2>{escape(heading)}</h2><ul>{''.join(rows)}</ul>")
    return "".join(parts)


def section_page(fb: FactBase, section_id: str, colours: PageColours) -> str:
    """The section's text as the report has it, figures and terms linked, then its facts."""
    section = fb.section(section_id)
    parts = [page_style(colours), f"<h1>{escape(section.title)}</h1>", _section_text(fb, section)]
    shown = fb.facts_in_section(section_id, 0, PAGE_FACTS)
    parts.append(_fact_list(shown, translate("Pages", "Facts in this section")))
    total = fb.fact_count(section_id)
    if total > len(shown):
        more = translate("Pages", "…and {count} more facts: the tree and View ▸ All Facts list them all.").format(
            count=f"{total - len(shown):,}"
        )
        parts.append(f'<p class="muted">{escape(more)}</p>')
    parts.append(_provenance(fb.document, section.title))
    return "".join(parts)


def fact_page(fb: FactBase, fact_id: str, colours: PageColours) -> str:
    """The value large; qualifier, unit, period; the quote inside its paragraph; derivation; terms; neighbours."""
    fact = fb.fact(fact_id)
    section = fb.section(fact.section_id)
    parts = [page_style(colours)]
    kind = translate("Pages", "fact")
    parts.append(f'<p class="muted">{link(Target.section(section.id), section.title)} › {escape(kind)}</p>')
    parts.append(f"<h1>{escape(fact.label)}</h1>")
    # A range reads as nothing without its unit ("3–7"); other units are spelled out just below.
    big = format_fact(fact) if fact.is_range else format_with_qualifier(fact)
    parts.append(f'<p style="font-size: 30pt; font-weight: bold;">{escape(big)}</p>')
    details = [
        (translate("Pages", "In words"), format_fact(fact)),
        (translate("Pages", "Qualifier"), fact.qualifier),
        (translate("Pages", "Unit"), unit_label(fact.unit)),
        (translate("Pages", "Period"), fact.period),
        (translate("Pages", "How the period is known"), fb.document.period_note(fact.period)),
        (translate("Pages", "Kind"), fact.kind),
    ]
    details = [(k, v) for k, v in details if v]  # a fact base that does not say how its periods are known
    cells = "".join(
        f'<tr><td class="muted" style="padding-right: 12px;">{k}</td><td>{escape(v)}</td></tr>' for k, v in details
    )
    parts.append(f"<table>{cells}</table>")
    if fact.derived:
        derived_value, from_ = translate("Pages", "Derived value"), translate("Pages", "From:")
        sources = ", ".join(link(Target.fact(i), fb.fact(i).label) for i in fact.derived_from)
        parts.append(
            f"<p><b>{escape(derived_value)}</b>: {escape(derived_note(fact))}"
            + (f"<br>{escape(from_)} {sources}" if sources else "")
            + "</p>"
        )
    source = translate("Pages", "Source")
    parts.append(f"<h3>{escape(source)}</h3>")
    paragraph = fb.paragraph(fact.paragraph_id)
    parts.append(_paragraph_html(SectionMarks.read_paragraph(fb, paragraph), paragraph, fact))
    terms = fb.terms_for_fact(fact.id)
    if terms:
        links = ", ".join(link(Target.term(t.term), t.term) for t in terms)
        heading = translate("Pages", "Glossary terms used")
        parts.append(f"<h3>{escape(heading)}</h3><p>{links}</p>")
    # Its neighbours in the section, not the section's first hundred: a page of a section of a thousand facts
    # was four times the HTML to lay out, and the fact's own neighbours are the ones a reader looks for.
    others = fb.facts_around(fact, FACT_NEIGHBOURS)
    parts.append(_fact_list(others, translate("Pages", "Other facts in {section}").format(section=section.title)))
    more = fb.fact_count(section.id) - 1 - len(others)
    if more > 0:
        text = translate("Pages", "…and {count} more facts in this section.").format(count=f"{more:,}")
        parts.append(f'<p class="muted">{link(Target.section(section.id), text)}</p>')
    parts.append(_provenance(fb.document, section.title))
    return "".join(parts)


def term_page(fb: FactBase, term: GlossaryTerm, colours: PageColours) -> str:
    """A term's definition (Markdown bold as bold) and links to the sections and facts that mention it."""
    parts = [page_style(colours), f"<h2>{escape(term.term)}</h2>", f"<p>{markdown_html(term.definition)}</p>"]
    sections = fb.sections_mentioning(term.term)
    facts = fb.facts_mentioning(term.term)
    if sections or facts:
        items = [f"<li>{link(Target.section(s.id), s.title)}</li>" for s in sections]
        items += [f"<li>{link(Target.fact(f.id), fact_label(f))}: {escape(format_fact(f))}</li>" for f in facts]
        heading = translate("Pages", "Mentioned in")
        parts.append(f"<h3>{escape(heading)}</h3><ul>{''.join(items)}</ul>")
    return "".join(parts)


def about_html(doc: Document, version: str) -> str:
    """The About box: the app's version and which fact base it shows, from which file."""
    return (
        f"<h3>Fact Explorer {escape(version)}</h3>"
        f"<p>Fact base: <b>{escape(doc.title)}</b><br>"
        f"Version {escape(doc.factbase_version)} (schema {doc.schema_version}), "
        f"figures as of {escape(doc.source_as_of)}<br>"
        f"File: {escape(doc.path)}</p><p>Works offline; nothing is fetched from the network.</p>"
    )
