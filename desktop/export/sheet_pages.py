"""Pieces onto pages: each part starts a page, a fact's sheet is squeezed onto one, rows never split, and every
page gets the citation, the printing date and "Page n of N" at its foot."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QPainter, QPen

from desktop.export.sheet_content import ChartBox, Run, Sheet, SheetPart
from desktop.export.sheet_layout import MUTED, RULE, PaintContext, Piece, PieceBuilder, SheetStyle

MIN_CHART_ASPECT = 1.5  # a chart no taller than two thirds of its width
# A page a part goes on from is left at least this full: a lone leftover is better than a page half empty before
# it (a section's text alone on its first page, its chart and table pushed to the next).
MIN_FILL = 2 / 3
SHARED_GAP = 24  # points between two parts on one page


@dataclass
class Page:
    placed: list[tuple[Piece, float]] = field(default_factory=list)  # a piece and its top, from the text area's top
    first: int = 0  # the index of the page's first piece in its part (a repeated table header not counted)


@dataclass
class PageFrame:
    """The page's text area in device pixels, and the footer below it."""

    width: float
    height: float  # of the whole printable area
    footer_height: float

    @property
    def body_height(self) -> float:
        return self.height - self.footer_height


class SheetPaginator:
    def __init__(self, style: SheetStyle, frame: PageFrame, context: PaintContext) -> None:
        self.style = style
        self.frame = frame
        self.builder = PieceBuilder(style, frame.width, context)
        self.context = context

    def paginate(self, sheet: Sheet) -> list[Page]:
        return [page for pages in self.paginate_parts(sheet) for page in pages]

    def paginate_parts(self, sheet: Sheet) -> Iterator[list[Page]]:
        """The pages of one part at a time (every part starts on a new page, but for parts that share one), each
        anchor's page number noted: a whole report is paginated, or printed, holding one part's pages (or one
        shared page's parts) rather than every page at once."""
        number = 0
        for pages in self._part_pages(sheet.parts):
            for page in pages:
                number += 1
                for piece, _ in page.placed:
                    if piece.anchor:
                        self.context.anchor_pages.setdefault(piece.anchor, number)
            yield pages

    def _part_pages(self, parts: tuple[SheetPart, ...]) -> Iterator[list[Page]]:
        """Each part's pages; a run of parts that share pages is put as many to a page as fit whole, their
        charts at the least height (alone on its page, a part keeps the page's spare height for its chart)."""
        group: list[tuple[SheetPart, list[Piece]]] = []  # the parts on the page being filled, charts at the least
        used = 0.0  # the height the group takes
        gap = self.style.pt(SHARED_GAP)
        for part in parts:
            if part.shares_page:
                pieces = self._least(part)
                height = _total_height(pieces)
                if group and used + gap + height <= self.frame.body_height:
                    group.append((part, pieces))
                    used += gap + height
                    continue
                if group:
                    yield self._group_pages(group)
                group, used = [(part, pieces)], height
                continue
            if group:
                yield self._group_pages(group)
                group = []
            yield self._balanced(self._fitted(part))
        if group:
            yield self._group_pages(group)

    def _least(self, part: SheetPart) -> list[Piece]:
        return self.builder.pieces(part.blocks, source_in_paragraph=False, chart_height=self._chart_heights()[0])

    def _group_pages(self, group: list[tuple[SheetPart, list[Piece]]]) -> list[Page]:
        """One page of the group's parts as built at the least chart height (each part's latest build, which
        sets its chart's size: nothing is built twice); a part alone is fitted to its page instead."""
        if len(group) == 1:
            return self._balanced(self._fitted(group[0][0]))
        page, y = Page(), 0.0
        for _, pieces in group:
            if y > 0:
                y += self.style.pt(SHARED_GAP)
            for i, piece in enumerate(pieces):
                space = piece.space_before if i else 0.0
                page.placed.append((piece, y + space))
                y += space + piece.height
        return [page]

    def _chart_heights(self) -> tuple[float, float]:
        """The least and the most height a chart is given: at least the plot's minimum at readable text, at
        most what keeps one chart from taking over a page (or turning a few bars into fat blocks)."""
        pt, limit = self.style.pt, self.frame.body_height
        most = min(pt(300), self.frame.width / MIN_CHART_ASPECT, limit * 0.55)
        return min(pt(180), most), most

    def _fitted(self, part: SheetPart) -> list[Piece]:
        """A part's pieces, its chart as tall as serves it best.

        A one-page part (a fact's sheet) gives its chart the page's spare height; when it does not fit even with
        the least, it gives up its paragraph context, then chart height. Other parts keep their chart at most
        two thirds of its most, and make it smaller when that saves a page.
        """
        least, most = self._chart_heights()
        if not part.one_page:
            return self._fewest_pages(part, least, min(most, max(least, most * 2 / 3)))
        limit = self.frame.body_height
        spare = 0.0
        for in_paragraph in (True, False):
            probe = self.builder.pieces(part.blocks, source_in_paragraph=in_paragraph, chart_height=least)
            spare = limit - _total_height(probe)
            if spare >= 0:
                return self._filled(part, in_paragraph, min(most, least + spare), least)
        floor = min(least, self.style.pt(110))
        return self._filled(part, False, max(floor, least + spare), floor)

    def _filled(self, part: SheetPart, in_paragraph: bool, height: float, floor: float) -> list[Piece]:
        # The chart's footer lines wrap to its width, which follows its height: settle on a height that fits.
        while True:
            pieces = self.builder.pieces(part.blocks, source_in_paragraph=in_paragraph, chart_height=height)
            over = _total_height(pieces) - self.frame.body_height
            if over <= 0 or height <= floor:
                return pieces
            height = max(floor, height - max(over, self.style.pt(2)))

    def _fewest_pages(self, part: SheetPart, least: float, preferred: float) -> list[Piece]:
        """The tallest chart, from preferred down to least, that puts the part on as few pages as any."""
        heights = [preferred - (preferred - least) * step / 4 for step in range(5)]
        if not any(isinstance(b, ChartBox) for b in part.blocks):
            heights = heights[:1]
        tries = [self.builder.pieces(part.blocks, source_in_paragraph=True, chart_height=h) for h in heights]
        counts = [len(self._balanced(pieces)) for pieces in tries]
        chosen = heights[counts.index(min(counts))]
        # Build the chosen one last: the chart's size on paper is the one recorded by the latest build.
        return self.builder.pieces(part.blocks, source_in_paragraph=True, chart_height=chosen)

    def _flow(self, pieces: list[Piece], break_before: int | None = None) -> list[Page]:
        limit = self.frame.body_height
        pages = [Page()]
        y = 0.0
        for i, piece in enumerate(pieces):
            space = piece.space_before if y > 0 else 0.0
            need = space + piece.height
            # A heading stays with what follows it, through a chain (heading, table header, first row).
            j = i
            while pieces[j].keep_with_next and j + 1 < len(pieces):
                j += 1
                need += pieces[j].space_before + pieces[j].height
            if y > 0 and (i == break_before or y + need > limit + 0.5):  # 0.5 px: sums of floats, not overflow
                pages.append(Page(first=i))
                y, space = 0.0, 0.0
                if piece.repeat is not None:  # a table continues: its header comes first
                    pages[-1].placed.append((piece.repeat, 0.0))
                    y = piece.repeat.height
            pages[-1].placed.append((piece, y + space))
            y += space + piece.height
        return pages

    def _balanced(self, pieces: list[Piece]) -> list[Page]:
        """Flow pieces onto pages, then spare the part's last page from holding a lone leftover.

        A last page that holds a single block (one glossary term, a heading with its table) takes the block
        before it along; one that holds only the tail of a table takes the whole table, heading and all. Only
        when that costs no extra page, and never leaving the page before it empty or less than MIN_FILL full.
        """
        pages = self._flow(pieces)
        starts = _block_starts(pieces)
        while len(pages) >= 2:  # each round breaks earlier (a table's tail, then the table, then the block before)
            begins = _lone_leftover(starts, pages[-2].first, pages[-1].first)
            if begins is None:
                break
            moved = self._flow(pieces, break_before=begins)
            if len(moved) != len(pages) or _filled_height(moved[-2]) < MIN_FILL * self.frame.body_height:
                break
            pages = moved
        return pages


def _lone_leftover(starts: list[int], before: int, last: int) -> int | None:
    """Where to break instead, when the last page (first piece `last`) starts with a block's tail (a table goes
    over whole, whatever follows it) or holds only one block."""
    begins = max(s for s in starts if s <= last)  # the block the last page starts in
    if begins < last:  # a tail: the whole block, unless it is longer than a page
        return begins if begins > before else None
    if any(s > last for s in starts):
        return None  # the last page starts more than one block: nothing lone there
    earlier = [s for s in starts if before < s < last]  # a whole block alone: bring the one before it along
    return earlier[-1] if earlier else None


def _block_starts(pieces: list[Piece]) -> list[int]:
    """Where each block that moves as one begins: a keep-with-next chain, and a table's header with all its rows."""
    starts = []
    for i, piece in enumerate(pieces):
        previous = pieces[i - 1] if i else None
        same_table = piece.repeat is not None and previous is not None and piece.repeat in (previous, previous.repeat)
        if previous is None or not (previous.keep_with_next or same_table):
            starts.append(i)
    return starts


def _filled_height(page: Page) -> float:
    return max((top + piece.height for piece, top in page.placed), default=0.0)


def _total_height(pieces: list[Piece]) -> float:
    return sum(p.height + (p.space_before if i else 0.0) for i, p in enumerate(pieces))


class PageFooter:
    """The citation, wrapped, over a line with the printing date and the page number."""

    def __init__(self, style: SheetStyle, width: float, sheet: Sheet) -> None:
        self.style = style
        self.width = width
        self.font = style.font(8)
        self.citation, self.citation_height = style.text_layout((Run(sheet.citation),), self.font, width, colour=MUTED)
        self.printed = f"Printed {sheet.printed_on}"
        self.line_height = style.text_layout((Run(self.printed),), self.font, width)[1]
        self.gap = style.pt(10)
        self.height = self.gap + style.pt(4) + self.citation_height + style.pt(3) + self.line_height

    def paint(self, painter: QPainter, frame: PageFrame, number: int, total: int) -> None:
        s = self.style
        top = frame.height - self.height + self.gap
        painter.setPen(QPen(RULE, s.pt(0.5)))
        painter.drawLine(QLineF(0, top, self.width, top))
        painter.setPen(MUTED)
        self.citation.draw(painter, QPointF(0, top + s.pt(4)))
        line_top = top + s.pt(4) + self.citation_height + s.pt(3)
        painter.setFont(self.font)
        box = QRectF(0, line_top, self.width, self.line_height * 1.5)
        painter.drawText(box, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop), self.printed)
        painter.drawText(box, int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop), f"Page {number} of {total}")


def paint_page(painter: QPainter, page: Page) -> None:
    for piece, top in page.placed:
        piece.paint(painter, QPointF(0, top))
