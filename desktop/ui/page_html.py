"""The HTML of the detail pages: the report, a section, a fact. Built from the store; no Qt, no SQL.

Every figure that stands for a fact is a link to it (fact:ID), every glossary term a link to its entry
(term:NAME), every section title a link to the section (section:ID).
"""

from __future__ import annotations

import html
from dataclasses import dataclass

from desktop.domain.formatting import format_fact, format_with_qualifier, unit_label
from desktop.store import Document, Fact, FactBase, Paragraph, Section
from desktop.ui.text_markup import Span, link, link_span, mark_up


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


def _paragraph_spans(fb: FactBase, para: Paragraph, facts: list[Fact], current: Fact | None) -> list[Span]:
    spans: list[Span] = []
    if current is not None and current.paragraph_id == para.id:
        end = current.quote_start + len(current.quote)
        spans.append(Span(current.quote_start, end, '<span class="quote">', "</span>"))
    for fact in facts:
        css = "current" if current is not None and fact.id == current.id else "fig"
        if fact.paragraph_id == para.id and (span := fact.figure_span()) is not None:
            spans.append(link_span(span[0], span[1], "fact", fact.id, css, fact.label))
        for heading in fb.fact_headings(fact.id):
            if heading.location == "subheading" and heading.text == para.text:
                start = heading.figure_start
                spans.append(link_span(start, start + len(heading.figure), "fact", fact.id, css, fact.label))
    for mention in fb.term_mentions(section_id=para.section_id):
        if mention.paragraph_id == para.id:
            spans.append(link_span(mention.start, mention.start + mention.length, "term", mention.term, "term"))
    return spans


def _paragraph_html(fb: FactBase, para: Paragraph, facts: list[Fact], current: Fact | None = None) -> str:
    body = mark_up(para.text, _paragraph_spans(fb, para, facts, current))
    return f"<h2>{body}</h2>" if para.role == "subheading" else f"<p>{body}</p>"


def _section_text(fb: FactBase, section: Section, current: Fact | None = None) -> str:
    facts = fb.facts(section.id)
    return "".join(_paragraph_html(fb, p, facts, current) for p in fb.paragraphs(section.id))


def _fact_list(facts: list[Fact], heading: str) -> str:
    if not facts:
        return ""
    items = "".join(f"<li>{link('fact', f.id, f.label)}: <b>{html.escape(format_fact(f))}</b></li>" for f in facts)
    return f"<h3>{html.escape(heading)}</h3><ul>{items}</ul>"


def _headline(fb: FactBase) -> str:
    title = fb.document.title
    spans = [
        link_span(h.figure_start, h.figure_start + len(h.figure), "fact", h.fact_id, "fig")
        for f in fb.facts()
        for h in fb.fact_headings(f.id)
        if h.location == "headline" and h.text == title
    ]
    return f"<h1>{mark_up(title, spans)}</h1>"


def report_page(fb: FactBase, colours: PageColours) -> str:
    """Headline, lead and the sections with their headline figures."""
    doc = fb.document
    parts = [page_style(colours), _headline(fb)]
    dates = f"Report of {doc.source_date}, figures as of {doc.source_as_of}"
    parts.append(f'<p class="muted">{html.escape(dates)}</p>')
    rows = []
    for section in fb.sections():
        if section.role == "lead":
            parts.append(_section_text(fb, section))
        headline = fb.fact(section.headline_fact_id) if section.headline_fact_id else None
        figure = f" <b>{link('fact', headline.id, format_fact(headline), 'fig')}</b>" if headline else ""
        sub = f'<br><span class="muted">{html.escape(section.subheading)}</span>' if section.subheading else ""
        rows.append(f"<li>{link('section', section.id, section.title)}{figure}{sub}</li>")
    parts.append(f"<h2>Sections</h2><ul>{''.join(rows)}</ul>")
    return "".join(parts)


def section_page(fb: FactBase, section_id: str, colours: PageColours) -> str:
    """The section's text as the report has it, figures and terms linked, then its facts."""
    section = fb.section(section_id)
    parts = [page_style(colours), f"<h1>{html.escape(section.title)}</h1>", _section_text(fb, section)]
    parts.append(_fact_list(fb.facts(section_id), "Facts in this section"))
    return "".join(parts)


def fact_page(fb: FactBase, fact_id: str, colours: PageColours) -> str:
    """The value large; qualifier, unit, period; the quote inside its paragraph; derivation; terms; neighbours."""
    fact = fb.fact(fact_id)
    section = fb.section(fact.section_id)
    parts = [page_style(colours)]
    parts.append(f'<p class="muted">{link("section", section.id, section.title)} › fact</p>')
    parts.append(f"<h1>{html.escape(fact.label)}</h1>")
    # A range reads as nothing without its unit ("3–7"); other units are spelled out just below.
    big = format_fact(fact) if fact.is_range else format_with_qualifier(fact)
    parts.append(f'<p style="font-size: 30pt; font-weight: bold;">{html.escape(big)}</p>')
    details = [
        ("In words", format_fact(fact)),
        ("Qualifier", fact.qualifier),
        ("Unit", unit_label(fact.unit)),
        ("Period", fact.period),
        ("Kind", fact.kind),
    ]
    cells = "".join(
        f'<tr><td class="muted" style="padding-right: 12px;">{k}</td><td>{html.escape(v)}</td></tr>' for k, v in details
    )
    parts.append(f"<table>{cells}</table>")
    if fact.derived:
        sources = ", ".join(link("fact", i, fb.fact(i).label) for i in fact.derived_from)
        parts.append(
            f"<p><b>Derived value</b>, not stated in the report: {html.escape(fact.formula or '')}"
            + (f"<br>From: {sources}" if sources else "")
            + "</p>"
        )
    parts.append("<h3>Source</h3>")
    facts = fb.facts(fact.section_id)
    paragraph = next(p for p in fb.paragraphs(fact.section_id) if p.id == fact.paragraph_id)
    parts.append(_paragraph_html(fb, paragraph, facts, fact))
    terms = fb.terms_for_fact(fact.id)
    if terms:
        links = ", ".join(link("term", t.term, t.term) for t in terms)
        parts.append(f"<h3>Glossary terms used</h3><p>{links}</p>")
    parts.append(_fact_list([f for f in facts if f.id != fact.id], f"Other facts in {section.title}"))
    return "".join(parts)


def about_html(doc: Document, version: str) -> str:
    """The About box: the app's version and which fact base it shows, from which file."""
    return (
        f"<h3>Fact Explorer {html.escape(version)}</h3>"
        f"<p>Fact base: <b>{html.escape(doc.title)}</b><br>"
        f"Version {html.escape(doc.factbase_version)} (schema {doc.schema_version}), "
        f"figures as of {html.escape(doc.source_as_of)}<br>"
        f"File: {html.escape(doc.path)}</p><p>Works offline; nothing is fetched from the network.</p>"
    )
