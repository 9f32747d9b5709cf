"""What Qt's PDF writer leaves out of a sheet, added after it: an outline, a clickable contents page, metadata.

QPdfWriter writes pages, text and vectors, but no bookmarks (outline), no internal links and only a title. pypdf
(pure Python, maintained, already what the importer reads PDFs with) adds them to the finished file before it is
renamed into place. No Qt here: the painting side hands over plain numbers, in PDF points from the page's top.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

from pypdf import PdfReader, PdfWriter
from pypdf.annotations import Link


@dataclass(frozen=True)
class OutlineEntry:
    title: str
    page: int  # 0-based
    level: int  # 0 a top entry; 1 under the last top entry


@dataclass(frozen=True)
class PageLink:
    page: int  # 0-based page the link is on
    box: tuple[float, float, float, float]  # left, top, right, bottom in points from the page's top-left corner
    target_page: int  # 0-based page it opens


def finish_pdf(path: Path, outline: list[OutlineEntry], links: list[PageLink], metadata: dict[str, str]) -> None:
    """Rewrite the PDF at path with an outline, internal links and document metadata (in place: path is the
    temporary file of an atomic write, so a failure here leaves the target untouched)."""
    reader = PdfReader(path)
    writer = PdfWriter(clone_from=reader)
    pages = len(writer.pages)
    parents: list[object] = []
    for entry in outline:
        if not 0 <= entry.page < pages:
            continue
        parent = parents[-1] if entry.level > 0 and parents else None
        item = writer.add_outline_item(title=entry.title, page_number=entry.page, parent=parent)  # type: ignore[arg-type]
        if entry.level == 0:
            parents.append(item)
    for link in links:
        if not (0 <= link.page < pages and 0 <= link.target_page < pages):
            continue
        height = float(writer.pages[link.page].mediabox.height)
        left, top, right, bottom = link.box
        annotation = Link(rect=(left, height - bottom, right, height - top), target_page_index=link.target_page)
        writer.add_annotation(page_number=link.page, annotation=annotation)
    writer.add_metadata({f"/{key}": value for key, value in metadata.items() if value})
    if outline:
        writer.page_mode = "/UseOutlines"  # a reader opens with the bookmarks shown
    out = io.BytesIO()
    writer.write(out)
    path.write_bytes(out.getvalue())
