"""The report's text as HTML: figures and glossary terms turned into links, the quoted sentence marked.

Pure functions over plain strings and offsets (no Qt), so what the panes show is tested without a window. Every
piece of stored text is escaped here before any rich-text widget sees it. Links use our own schemes
(Target.href: fact:ID, section:ID, term:NAME); the browser widget resolves them, never the network.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

from desktop.domain.target import Target
from desktop.text.markdown import bold_pieces


@dataclass(frozen=True)
class Span:
    """A stretch of a text to wrap in a tag: [start, end) with the opening and closing HTML."""

    start: int
    end: int
    open_tag: str
    close_tag: str


def escape(text: str) -> str:
    return html.escape(text, quote=True)


def link(target: Target, text: str, css_class: str = "") -> str:
    cls = f' class="{css_class}"' if css_class else ""
    return f'<a href="{escape(target.href)}"{cls}>{escape(text)}</a>'


def link_span(start: int, end: int, target: Target, css_class: str, title: str = "") -> Span:
    tip = f' title="{escape(title)}"' if title else ""
    return Span(start, end, f'<a href="{escape(target.href)}" class="{css_class}"{tip}>', "</a>")


def mark_up(text: str, spans: list[Span]) -> str:
    """HTML of text with each span wrapped; a span that crosses another's edge is dropped, not mangled."""
    # Outer spans first (earlier start, then longer), so nesting comes out as proper tags.
    ordered = sorted((s for s in spans if 0 <= s.start < s.end <= len(text)), key=lambda s: (s.start, -s.end))
    kept: list[Span] = []
    for span in ordered:
        if all(_nested_or_apart(span, other) for other in kept):
            kept.append(span)
    events: list[tuple[int, int, int, str]] = []
    for i, span in enumerate(kept):
        # At one position: closes before opens; the inner (later) span closes first, the outer opens first.
        events.append((span.start, 1, i, span.open_tag))
        events.append((span.end, 0, -i, span.close_tag))
    events.sort()
    out: list[str] = []
    pos = 0
    for at, _kind, _order, tag in events:
        out.append(html.escape(text[pos:at], quote=False))
        out.append(tag)
        pos = at
    out.append(html.escape(text[pos:], quote=False))
    return "".join(out)


def _nested_or_apart(a: Span, b: Span) -> bool:
    apart = a.end <= b.start or b.end <= a.start
    a_in_b = b.start <= a.start and a.end <= b.end
    b_in_a = a.start <= b.start and b.end <= a.end
    return apart or a_in_b or b_in_a


def markdown_html(text: str) -> str:
    """HTML of a glossary definition: escaped, with Markdown **bold** as <b>."""
    return "".join(f"<b>{escape(piece)}</b>" if bold else escape(piece) for piece, bold in bold_pieces(text))
