"""Reading a PDF back with poppler's tools: page count and size, text in reading order, fonts."""

from __future__ import annotations

import re
import subprocess
import unicodedata
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class PdfInfo:
    pages: int
    width_pt: float
    height_pt: float
    title: str


def pdf_info(path: Path) -> PdfInfo:
    out = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    size = re.search(r"Page size:\s+([\d.]+) x ([\d.]+) pts", out)
    pages = re.search(r"Pages:\s+(\d+)", out)
    title = re.search(r"Title:\s+(.*)", out)
    assert size and pages, out
    return PdfInfo(int(pages.group(1)), float(size.group(1)), float(size.group(2)), title.group(1) if title else "")


def pdf_text(path: Path, page: int | None = None) -> str:
    """The PDF's text in reading order, ligatures undone, runs of white space made single spaces."""
    args = ["pdftotext", "-raw", "-enc", "UTF-8"]
    if page is not None:
        args += ["-f", str(page), "-l", str(page)]
    out = subprocess.run([*args, str(path), "-"], capture_output=True, text=True, check=True).stdout
    return " ".join(unicodedata.normalize("NFKC", out).split())


def pdf_fonts(path: Path) -> list[tuple[str, bool]]:
    """(font name, embedded?) for every font the PDF uses."""
    lines = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout.splitlines()
    fonts = []
    for line in lines[2:]:
        cols = line.split()
        # name type [type...] encoding emb sub uni object ID: emb is the 5th field from the end
        fonts.append((cols[0], cols[-5] == "yes"))
    return fonts


def pdf_images(path: Path) -> list[tuple[int, int, int, int]]:
    """(width px, height px, x-ppi, y-ppi as placed on the page) of every picture in the PDF."""
    lines = subprocess.run(["pdfimages", "-list", str(path)], capture_output=True, text=True, check=True).stdout
    rows = [line.split() for line in lines.splitlines()[2:]]
    return [(int(cols[3]), int(cols[4]), int(cols[12]), int(cols[13])) for cols in rows]


def pdf_image_pages(path: Path) -> list[tuple[int, float]]:
    """(page, printed width in points) of every picture in the PDF."""
    lines = subprocess.run(["pdfimages", "-list", str(path)], capture_output=True, text=True, check=True).stdout
    rows = [line.split() for line in lines.splitlines()[2:]]
    return [(int(cols[0]), int(cols[3]) / int(cols[12]) * 72) for cols in rows]


def pdf_word_heights(path: Path) -> dict[str, list[float]]:
    """Every word of the PDF's text with the heights (points) of its boxes: real text, where pictures have none."""
    import html
    import re

    out = subprocess.run(["pdftotext", "-bbox", str(path), "-"], capture_output=True, text=True, check=True).stdout
    words: dict[str, list[float]] = {}
    pattern = r'<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)</word>'
    for y_min, y_max, text in re.findall(pattern, out):
        words.setdefault(html.unescape(text), []).append(float(y_max) - float(y_min))
    return words
