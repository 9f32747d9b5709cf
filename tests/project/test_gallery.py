"""docs/gallery.md shows every picture in docs/gallery/ (made by its make_gallery.sh), and they stay small."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
GALLERY = ROOT / "docs" / "gallery"
PAGE = (ROOT / "docs" / "gallery.md").read_text(encoding="utf-8")
LIMIT = 2_000_000  # bytes, all pictures together


def test_the_page_shows_each_picture_once_and_names_none_missing() -> None:
    shown = re.findall(r"!\[[^\]]*\]\(gallery/([^)]+)\)", PAGE)
    made = sorted(p.name for p in GALLERY.glob("*.png"))
    assert sorted(shown) == made


def test_the_pictures_are_small_pngs() -> None:
    pictures = list(GALLERY.glob("*.png"))
    assert pictures and all(p.read_bytes().startswith(b"\x89PNG") for p in pictures)
    assert sum(p.stat().st_size for p in pictures) < LIMIT
