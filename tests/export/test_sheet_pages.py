"""Where a part's last page breaks, when it would hold only one block or the tail of one (no Qt needed)."""

from __future__ import annotations

from desktop.export.sheet_pages import _lone_leftover


def test_a_lone_last_block_takes_the_block_before_it_along() -> None:
    # glossary: blocks start at 0, 2, 4, 6; the last page starts at block 6 and holds nothing else
    assert _lone_leftover([0, 2, 4, 6], before=0, last=6) == 4


def test_a_table_tail_takes_its_whole_table_along() -> None:
    # a section: heading 0, paragraph 2, chart 5, facts table 7..13; the last page starts inside the table
    assert _lone_leftover([0, 2, 5, 7], before=0, last=12) == 7


def test_a_last_page_with_two_blocks_stays() -> None:
    assert _lone_leftover([0, 2, 4, 6], before=0, last=4) is None


def test_the_page_before_keeps_at_least_its_first_block() -> None:
    assert _lone_leftover([0, 3], before=0, last=3) is None  # nothing between the two page starts to move
    assert _lone_leftover([0, 3], before=3, last=5) is None  # the tail of a block longer than a page


def test_a_table_tail_goes_over_whole_even_with_blocks_after_it() -> None:
    """Notes under a section's facts table do not keep the table split across two pages."""
    assert _lone_leftover([0, 2, 5, 9], before=0, last=7) == 5
