"""A user's note (Markdown, stored verbatim) as HTML for the window: the little Markdown notes need, nothing more.

Read: paragraphs (a blank line between), line breaks, **bold**, *italic* (or _italic_), `code`, lists ("- ",
"* ", "1. "), headings ("# " to "### ", drawn as bold paragraphs). Every character of the note is escaped
before any marker is read, so HTML in a note shows as text. A link `[text](address)` or a bare address is shown
as text, never as a link and never as an image: nothing a note names is fetched or opened.
"""

from __future__ import annotations

import html
import re

_CODE = re.compile(r"`([^`\n]+)`")
_BOLD = re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*")
_ITALIC = re.compile(r"(?<![\w*])\*(?=\S)(.+?)(?<=\S)\*(?![\w*])|(?<!\w)_(?=\S)(.+?)(?<=\S)_(?!\w)")
_LINK = re.compile(r"!?\[([^\]\n]*)\]\(([^)\n]*)\)")
_BULLET = re.compile(r"^\s*[-*+]\s+(.*)$")
_NUMBERED = re.compile(r"^\s*\d{1,9}[.)]\s+(.*)$")
_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$")
_CODE_MARK = "\x00"  # stands for a code span while the other markers are read, so `**x**` stays literal


def note_html(note: str) -> str:
    """The note as an HTML fragment: <p>, <ul>/<ol>, <b>, <i>, <code>; every stored character escaped."""
    blocks: list[str] = []
    lines: list[str] = []
    list_tag = ""
    items: list[str] = []

    def end_paragraph() -> None:
        if lines:
            blocks.append("<p>" + "<br>".join(inline_html(line) for line in lines) + "</p>")
            lines.clear()

    def end_list() -> None:
        nonlocal list_tag
        if items:
            blocks.append(f"<{list_tag}>" + "".join(f"<li>{item}</li>" for item in items) + f"</{list_tag}>")
            items.clear()
        list_tag = ""

    for raw in note.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        bullet, numbered, heading = _BULLET.match(raw), _NUMBERED.match(raw), _HEADING.match(raw)
        if not raw.strip():
            end_paragraph()
            end_list()
        elif bullet or numbered:
            end_paragraph()
            tag = "ul" if bullet else "ol"
            if tag != list_tag:
                end_list()
                list_tag = tag
            items.append(inline_html((bullet or numbered).group(1)))  # type: ignore[union-attr]
        elif heading:
            end_paragraph()
            end_list()
            blocks.append(f"<p><b>{inline_html(heading.group(1))}</b></p>")
        elif items:  # a line under a list item continues it
            items[-1] += "<br>" + inline_html(raw.strip())
        else:
            lines.append(raw.strip())
    end_paragraph()
    end_list()
    return "".join(blocks)


def inline_html(text: str) -> str:
    """One line of a note: escaped, then code, links as text, bold and italic."""
    codes: list[str] = []

    def keep_code(match: re.Match[str]) -> str:
        codes.append(match.group(1))
        return f"{_CODE_MARK}{len(codes) - 1}{_CODE_MARK}"

    text = _CODE.sub(keep_code, text.replace(_CODE_MARK, ""))
    text = _LINK.sub(_link_as_text, text)
    text = html.escape(text, quote=True)
    text = _BOLD.sub(r"<b>\1</b>", text)
    text = _ITALIC.sub(lambda m: f"<i>{m.group(1) or m.group(2)}</i>", text)
    return re.sub(
        f"{_CODE_MARK}(\\d+){_CODE_MARK}",
        lambda m: f"<code>{html.escape(codes[int(m.group(1))], quote=True)}</code>",
        text,
    )


def _link_as_text(match: re.Match[str]) -> str:
    label, address = match.group(1).strip(), match.group(2).strip()
    if not address or address == label:
        return label or address
    return f"{label} ({address})" if label else address
