"""PDF with a text layer, read with pypdf: lines joined into paragraphs; running headers, footers and page
numbers dropped. A scanned PDF (no text on any page) and an encrypted one are refused.

A line is a heading when it is short and does not end as a sentence does; a paragraph ends at a blank line,
at a heading, or at a line that ends a sentence well short of the page's usual line length.
"""

from __future__ import annotations

import io
import logging
import re
import unicodedata
from collections import Counter

from desktop.importer.document import Line, Report
from desktop.importer.shape import Block, assemble, is_heading_like, pairs, trailing_glossary


class UnreadablePdf(ValueError):
    """The PDF cannot be read as text: damaged, encrypted, or scanned without a text layer."""


_PAGE_NUMBER = re.compile(r"^\s*(?:[-–—]\s*)?(?:page\s+)?\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?(?:\s*[-–—])?\s*$", re.I)
_SENTENCE_END = (".", "!", "?", "”", '"', ")", ":")


def pdf_pages(data: bytes) -> list[list[str]]:
    """The text lines of each page (NFKC-normalised: "ﬁ" ligatures read "fi")."""
    import pypdf  # only when a PDF is read
    from pypdf.errors import PdfReadError

    logging.getLogger("pypdf").setLevel(logging.ERROR)  # pypdf warns on every odd object of a damaged file
    try:
        reader = pypdf.PdfReader(io.BytesIO(data))
        if reader.is_encrypted and reader.decrypt("") == pypdf.PasswordType.NOT_DECRYPTED:
            raise UnreadablePdf("is an encrypted PDF; save a copy without a password and import that")
        pages = [unicodedata.normalize("NFKC", page.extract_text() or "") for page in reader.pages]
    except UnreadablePdf:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, AttributeError) as exc:
        raise UnreadablePdf(f"is not a readable PDF ({exc})") from None
    except Exception as exc:  # pypdf raises its own and others on damaged files; none is a report to import
        if "crypt" in str(exc).lower() or "password" in str(exc).lower():
            raise UnreadablePdf("is an encrypted PDF; save a copy without a password and import that") from None
        raise UnreadablePdf(f"is not a readable PDF ({type(exc).__name__})") from None
    if not any(text.strip() for text in pages):
        raise UnreadablePdf("has no text layer (a scanned PDF?); run it through OCR first")
    # pypdf separates the words of some PDFs (Qt's among them) with tabs: one space is what was written.
    return [[" ".join(line.split()) for line in text.split("\n")] for text in pages]


def _running_lines(pages: list[list[str]]) -> set[str]:
    """Lines that repeat at the top or bottom of most pages (digits ignored): running headers and footers."""
    if len(pages) < 2:
        return set()
    counts: Counter[str] = Counter()
    for lines in pages:
        content = [line for line in lines if line.strip()]
        for line in set(content[:2] + content[-2:]):
            counts[_shape(line)] += 1
    return {shape for shape, n in counts.items() if n >= max(2, len(pages) // 2)}


def _shape(line: str) -> str:
    return re.sub(r"\d+", "#", " ".join(line.split()).lower())


def read_pdf(data: bytes) -> Report:
    pages = pdf_pages(data)
    running = _running_lines(pages)
    kept: list[str | None] = []  # None marks a break between paragraphs
    for page in pages:
        content = [line for line in page if line.strip()]
        edge = set(content[:2] + content[-2:])
        for line in page:
            if not line.strip():
                kept.append(None)
            elif not (_PAGE_NUMBER.match(line) or (line in edge and _shape(line) in running)):
                kept.append(line.strip())
    widths = sorted(len(line) for line in kept if line)
    usual = widths[int(len(widths) * 0.9)] if widths else 0
    blocks = _paragraphs(kept, usual)
    numbered = [Line(n, text) for n, text in enumerate(blocks, start=1)]
    body_end, glossary_start = trailing_glossary(numbered)
    body = numbered[:body_end]
    shaped = [Block(body[0], heading=True, level=1)] + [Block(li, is_heading_like(li.text)) for li in body[1:]]
    return assemble(shaped, pairs(numbered[glossary_start:]))


def _paragraphs(lines: list[str | None], usual: int) -> list[str]:
    """Lines joined into blocks: headings on their own, paragraphs of wrapped lines joined with spaces."""
    blocks: list[str] = []
    current: list[str] = []
    last_heading = False

    def flush() -> None:
        if current:
            text = current[0]
            for part in current[1:]:
                text = text + part if text.endswith("-") else f"{text} {part}"
            blocks.append(text)
            current.clear()

    for line in lines:
        if line is None:
            flush()
            last_heading = False
            continue
        if line[:1] in ":;,.)" and (current or blocks):
            # A line that starts with punctuation continues the line before ("Mains" / ": The large pipes").
            if current:
                current[-1] += line
            else:
                current.append(blocks.pop() + line)
            last_heading = False
            continue
        if last_heading and not current and line[:1].islower() and is_heading_like(line):
            blocks[-1] = f"{blocks[-1]} {line}"  # a heading wrapped onto a second line ("... Cut" / "by 14%")
            continue
        if is_heading_like(line) and len(line) < usual * 0.75 and (not current or current[-1].endswith(_SENTENCE_END)):
            flush()
            blocks.append(line)
            last_heading = True
            continue
        last_heading = False
        current.append(line)
        if line.endswith(_SENTENCE_END) and len(line) < usual * 0.8:
            flush()
    flush()
    return blocks
