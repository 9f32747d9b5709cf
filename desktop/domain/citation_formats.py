"""BibTeX, RIS and CSL-JSON written from the CSL-JSON item: data formats, so no style engine is involved.

BibTeX and RIS have no "section of a report" type that reference managers read alike, so a section or a fact is
cited as the report (`@techreport`, `TY  - RPRT`) with the section in `chapter` / `SE`.
"""

from __future__ import annotations

import json
import re

from desktop.domain.citation_items import CslItem

# BibTeX's special characters, each as LaTeX writes it literally.
_BIBTEX_SPECIALS = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "&": r"\&",
    "%": r"\%",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
}
_BIBTEX_SPECIAL_RE = re.compile("|".join(re.escape(c) for c in _BIBTEX_SPECIALS))


def escape_bibtex(text: str) -> str:
    """Text safe inside a braced BibTeX value: specials escaped, so braces always balance."""
    return _BIBTEX_SPECIAL_RE.sub(lambda m: _BIBTEX_SPECIALS[m.group(0)], text)


def _report_and_section(item: CslItem) -> tuple[str, str | None]:
    if item.get("container-title"):
        return item["container-title"], item.get("title")
    return item.get("title", ""), None


def _date_text(item: CslItem, key: str) -> str:
    """A CSL date as ISO text: [[2026, 12, 1]] -> '2026-12-01', [[2025]] -> '2025'."""
    parts = item.get(key, {}).get("date-parts", [[]])[0]
    return "-".join(f"{p:02d}" if i else str(p) for i, p in enumerate(parts))


def to_bibtex(item: CslItem) -> str:
    report, section = _report_and_section(item)
    year = _date_text(item, "issued")[:4]
    accessed = _date_text(item, "accessed")
    note = item.get("note", "")
    if accessed:
        note = f"{note} Accessed {accessed}.".strip()
    fields: list[tuple[str, str]] = [("title", "{" + escape_bibtex(report) + "}")]  # inner braces keep its case
    if section:
        fields.append(("chapter", escape_bibtex(section)))
    if item.get("publisher"):
        fields.append(("institution", escape_bibtex(item["publisher"])))
    if year:
        fields.append(("year", year))
    if accessed:
        fields.append(("urldate", accessed))
    if note:
        fields.append(("note", escape_bibtex(note)))
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields)
    key = re.sub(r"[^A-Za-z0-9_:-]", "-", item["id"])
    return f"@techreport{{{key},\n{body}\n}}\n"


def _ris_line(tag: str, value: str) -> str:
    # One field a line: a newline inside a value would start a bogus field.
    return f"{tag}  - {' '.join(value.split())}"


def to_ris(item: CslItem) -> str:
    report, section = _report_and_section(item)
    lines = [_ris_line("TY", "RPRT"), _ris_line("TI", report)]
    if section:
        lines.append(_ris_line("SE", section))
    if item.get("publisher"):
        lines.append(_ris_line("PB", item["publisher"]))
    issued = item.get("issued", {}).get("date-parts", [[]])[0]
    if issued:
        lines.append(_ris_line("PY", str(issued[0])))
        if len(issued) == 3:  # DA is YYYY/MM/DD/; a year alone is PY's
            lines.append(_ris_line("DA", "/".join([f"{issued[0]:04d}", *(f"{p:02d}" for p in issued[1:])]) + "/"))
    accessed = item.get("accessed", {}).get("date-parts", [[]])[0]
    if accessed:
        lines.append(_ris_line("Y2", "/".join(f"{p:02d}" for p in accessed)))
    if item.get("note"):
        lines.append(_ris_line("N1", item["note"]))
    if item.get("source"):
        lines.append(_ris_line("DB", item["source"]))
    lines.append(_ris_line("ID", item["id"]))
    lines.append("ER  - ")
    return "\n".join(lines) + "\n"


def to_csl_json(items: list[CslItem]) -> str:
    """A CSL-JSON array, as Zotero, Pandoc and citeproc read it."""
    return json.dumps(items, ensure_ascii=False, indent=2) + "\n"
