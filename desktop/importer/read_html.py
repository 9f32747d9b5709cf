"""HTML: headings and paragraphs read with the standard library's html.parser; nothing is ever fetched.

Scripts, styles, templates, navigation and page footers are dropped; `<h1>`-`<h6>` are headings, `<p>`, `<li>`,
`<blockquote>`, `<td>` and text loose in a `<div>` are paragraphs; a `<dl>`, or a "Glossary" heading followed by
`<strong>term</strong>: definition` paragraphs, is the glossary. Blocks are numbered in reading order.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

from desktop.importer.document import Line, Report
from desktop.importer.shape import GLOSSARY_HEADINGS, Block, assemble

_DROPPED = {"script", "style", "noscript", "template", "svg", "head", "nav", "footer", "iframe", "object", "form"}
_HEADINGS = {f"h{n}": n for n in range(1, 7)}
_BLOCKS = {"p", "li", "blockquote", "td", "th", "dd", "dt", "div", "section", "article", "main", "body", "figcaption",
           "ul", "ol", "dl", "table", "tr", "header", "aside", "pre", "caption", "address"}  # fmt: skip
_TERM = re.compile(r"^(?P<term>[^:：]{1,80}?)\s*[:：—–]\s+(?P<text>\S.*)$")


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.items: list[tuple[str, int, str]] = []  # (kind, heading level or 0, text)
        self.title = ""
        self._text: list[str] = []
        self._dropped = 0
        self._heading = 0
        self._in_title = False
        self._tag = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _DROPPED:
            self._dropped += 1
            if tag == "head":
                self._dropped -= 1  # the title inside <head> is read; everything else there is not text
            return
        if tag == "title":
            self._in_title = True
        if tag == "br":
            self._text.append(" ")
        elif tag in _HEADINGS or tag in _BLOCKS:
            self._flush()
            self._heading = _HEADINGS.get(tag, 0)
            self._tag = tag

    def handle_endtag(self, tag: str) -> None:
        if tag in _DROPPED and tag != "head":
            self._dropped = max(0, self._dropped - 1)
            return
        if tag == "title":
            self._in_title = False
        elif tag in _HEADINGS or tag in _BLOCKS:
            self._flush()
            self._heading = 0

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title += data
        elif not self._dropped:
            self._text.append(data)

    def _flush(self) -> None:
        text = " ".join("".join(self._text).split())
        if text:
            kind = "heading" if self._heading else ("term" if self._tag == "dt" else "paragraph")
            self.items.append((kind, self._heading, text))
        self._text = []


def read_html(text: str) -> Report:
    collector = _Collector()
    collector.feed(text)
    collector.close()
    collector._flush()
    blocks: list[Block] = []
    glossary: list[tuple[Line, Line]] = []
    in_glossary = False
    term: Line | None = None
    for number, (kind, level, body) in enumerate(collector.items, start=1):
        line = Line(number, body)
        if kind == "heading":
            in_glossary = bool(GLOSSARY_HEADINGS.match(body))
            term = None
            if not in_glossary:
                blocks.append(Block(line, heading=True, level=level))
        elif kind == "term":
            term = line
        elif term is not None:
            glossary.append((term, line))
            term = None
        elif in_glossary:
            entry = _TERM.match(body)
            if entry:
                glossary.append((Line(number, entry["term"].strip()), Line(number, entry["text"].strip())))
        else:
            blocks.append(Block(line, heading=False))
    if not blocks or not blocks[0].heading:
        title = " ".join(collector.title.split())
        if title:
            blocks.insert(0, Block(Line(0, title), heading=True, level=1))
    return assemble(blocks, glossary)
