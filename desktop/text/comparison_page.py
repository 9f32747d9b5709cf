"""The comparison page's HTML: the chosen facts with their values, periods, sentences and reports. No Qt.

Each fact links to its own page in its own report (Target hrefs with the report's id). Every stored string
(labels, quotes, titles, units) goes through desktop.text.markup: a label holding HTML shows as its characters.
"""

from __future__ import annotations

from desktop.domain.comparison import Comparison, Member, unit_groups
from desktop.domain.formatting import format_fact, unit_label
from desktop.domain.target import Target
from desktop.text.markup import Span, escape, link, mark_up
from desktop.text.pages import PageColours, fact_label, page_style

EMPTY_TEXT = "The comparison is empty. Add the fact viewed with Edit ▸ Add to Comparison (Ctrl+K)."


def member_target(member: Member) -> Target:
    target = Target.fact(member.fact.id)
    return target.in_report(member.report_id) if member.report_id else target


def _quote_html(member: Member) -> str:
    fact = member.fact
    spans = []
    if fact.figure and fact.figure_start is not None:
        start = fact.figure_start
        spans.append(Span(start, start + len(fact.figure), "<b>", "</b>"))
    return f'<span class="quote">{mark_up(fact.quote, spans)}</span>'


def _grouping(comparison: Comparison) -> str:
    groups = unit_groups(comparison)
    if len(groups) == 1:
        how = "a line over time" if groups[0].shape == "line" else "bars on one axis"
        return f"One unit ({unit_label(groups[0].unit)}): {how}."
    names = ", ".join(
        unit_label(g.unit)
        + (" growth" if g.axis_key.startswith("growth:") else "")
        + (" over time" if g.shape == "line" else "")
        for g in groups
    )
    return f"{len(groups)} units, one chart each, never one axis: {names}."


def comparison_page(comparison: Comparison, colours: PageColours) -> str:
    parts = [page_style(colours), "<h1>Comparison</h1>"]
    if not len(comparison):
        return "".join([*parts, f'<p class="muted">{escape(EMPTY_TEXT)}</p>'])
    reports = list(dict.fromkeys(m.report_title for m in comparison))
    count = f"{len(comparison)} fact{'s' if len(comparison) > 1 else ''} from {len(reports)} report"
    count += "s" if len(reports) > 1 else ""
    parts.append(f'<p class="muted">{escape(count)}. {escape(_grouping(comparison))}</p>')
    rows = "".join(
        "<tr>"
        f"<td>{link(member_target(m), fact_label(m.fact))}</td>"
        f"<td><b>{escape(format_fact(m.fact))}</b></td>"
        f"<td>{escape(m.fact.period)}</td>"
        f'<td class="muted">{escape(m.report_title)}</td>'
        "</tr>"
        for m in comparison
    )
    header = "<tr>" + "".join(f"<th align=left>{name}</th>" for name in ("Fact", "Value", "Period", "Report")) + "</tr>"
    parts.append(f'<table cellpadding="4">{header}{rows}</table>')
    parts.append("<h2>Sentences</h2>")
    for m in comparison:
        period = f'<span class="muted">({escape(m.fact.period)})</span>'
        parts.append(f"<h3>{link(member_target(m), fact_label(m.fact))} {period}</h3>")
        parts.append(f"<p>{_quote_html(m)}</p>")
        parts.append(f'<p class="muted">{escape(m.factbase.document.citation)}</p>')
    return "".join(parts)
