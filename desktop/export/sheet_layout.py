"""Sheet blocks as measured pieces for one paint device: each piece knows its height and how to paint itself.

Everything is in device pixels of the printer (or PDF writer) it is measured for, so what is measured is what is
painted. Text is laid out with QTextLayout: real, selectable text in the PDF, and no rich-text engine that could
fetch a resource.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QPaintDevice,
    QPainter,
    QPen,
    QTextCharFormat,
    QTextLayout,
    QTextOption,
)

from desktop.charts.spec import ChartSpec
from desktop.domain.target import Target
from desktop.export.sheet_content import (
    BigValue,
    Block,
    ChartBox,
    Contents,
    Definition,
    Heading,
    Run,
    Source,
    Table,
    Text,
)

FONT_FAMILY = "DejaVu Sans"
INK = QColor("#1a1a1a")
MUTED = QColor("#5f6368")
ACCENT = QColor("#1f4e79")
RULE = QColor("#c8ccd2")
HIGHLIGHT = QColor("#ffe27a")

MAX_CHART_ASPECT = 3.2  # width / height of a chart picture on paper

Paint = Callable[[QPainter, QPointF], None]
ChartKey = Target  # a fact's chart or a section's overview


@dataclass
class Piece:
    """An unbreakable stretch of a page. space_before is dropped at the top of a page."""

    height: float
    paint: Paint
    space_before: float = 0.0
    keep_with_next: bool = False
    repeat: Piece | None = None  # a table's header, painted again above rows continued on a new page
    anchor: str | None = None


@dataclass
class PaintContext:
    """What pieces look up only at paint time: how to draw a chart, and the page each anchor landed on."""

    specs: dict[ChartKey, ChartSpec | None] = field(default_factory=dict)  # None where a subject has no chart
    chart_sizes: dict[ChartKey, tuple[float, float]] = field(default_factory=dict)
    footers: dict[ChartKey, list[str]] = field(default_factory=dict)  # printed as text under each picture
    # draw_chart(painter, spec, box): the chart drawn as vectors into box, at paint time, kept by nothing after
    draw_chart: Callable[[QPainter, ChartSpec, QRectF], None] | None = None
    anchor_pages: dict[str, int] = field(default_factory=dict)
    # Set while pages are painted: the page being painted, and each contents entry's box on it (device pixels),
    # so the finished PDF can make the entries clickable.
    painting_page: int = 0
    links: list[tuple[int, QRectF, str]] = field(default_factory=list)


def _utf16_len(text: str) -> int:
    # QTextLayout counts UTF-16 code units; Python counts code points.
    return len(text.encode("utf-16-le")) // 2


class SheetStyle:
    """Fonts and distances for one device, given in points and handed out in device pixels."""

    def __init__(self, device: QPaintDevice) -> None:
        self.device = device
        self.dpi = device.logicalDpiY()

    def pt(self, points: float) -> float:
        return points * self.dpi / 72.0

    def font(self, size: float, *, bold: bool = False, italic: bool = False) -> QFont:
        font = QFont(FONT_FAMILY)
        font.setPointSizeF(size)
        font.setBold(bold)
        font.setItalic(italic)
        return font

    def text_layout(
        self, runs: tuple[Run, ...], font: QFont, width: float, *, colour: QColor = INK, align_right: bool = False
    ) -> tuple[QTextLayout, float]:
        """Wrap runs into width; returns the layout and its height."""
        text = "".join(r.text for r in runs)
        layout = QTextLayout(text, font, self.device)
        formats = []
        pos = 0
        for run in runs:
            fmt = QTextCharFormat()
            fmt.setForeground(colour if (run.emphasis or not any(r.emphasis for r in runs)) else MUTED)
            if run.bold or run.highlight:
                fmt.setFontWeight(QFont.Weight.Bold)
            if run.highlight:
                fmt.setBackground(HIGHLIGHT)
            rng = QTextLayout.FormatRange()
            rng.start, rng.length, rng.format = pos, _utf16_len(run.text), fmt
            formats.append(rng)
            pos += rng.length
        layout.setFormats(formats)
        option = QTextOption(Qt.AlignmentFlag.AlignRight if align_right else Qt.AlignmentFlag.AlignLeft)
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        layout.setTextOption(option)
        leading = QFontMetricsF(font, self.device).lineSpacing() * 0.18
        y = 0.0
        layout.beginLayout()
        while True:
            line = layout.createLine()
            if not line.isValid():
                break
            line.setLineWidth(width)
            line.setPosition(QPointF(0, y))
            y += line.height() + leading
        layout.endLayout()
        return layout, max(0.0, y - leading)


class PieceBuilder:
    """Turns blocks into pieces for a text width; source_in_paragraph and chart_height are what a one-page
    fact sheet gives up, in that order, when it does not fit."""

    def __init__(self, style: SheetStyle, width: float, context: PaintContext) -> None:
        self.style = style
        self.width = width
        self.context = context

    def pieces(self, blocks: tuple[Block, ...], *, source_in_paragraph: bool, chart_height: float) -> list[Piece]:
        out: list[Piece] = []
        for block in blocks:
            out += self._block(block, source_in_paragraph, chart_height)
        return out

    def _text(
        self,
        runs: tuple[Run, ...],
        font: QFont,
        *,
        width: float | None = None,
        indent: float = 0.0,
        colour: QColor = INK,
        space: float = 0.0,
        keep: bool = False,
        anchor: str | None = None,
    ) -> Piece:
        layout, height = self.style.text_layout(runs, font, (width or self.width) - indent, colour=colour)

        def paint(painter: QPainter, at: QPointF) -> None:
            painter.setPen(colour)
            layout.draw(painter, at + QPointF(indent, 0))

        return Piece(height, paint, space, keep, anchor=anchor)

    def _block(self, block: Block, source_in_paragraph: bool, chart_height: float) -> list[Piece]:
        s = self.style
        if isinstance(block, Heading):
            size, colour, space = {0: (19, ACCENT, 0), 1: (14, ACCENT, 14), 2: (11, ACCENT, 12), 3: (9, MUTED, 0)}[
                block.level
            ]
            font = s.font(size, bold=block.level < 3)
            return [
                self._text((Run(block.text),), font, colour=colour, space=s.pt(space), keep=True, anchor=block.anchor)
            ]
        if isinstance(block, BigValue):
            value = self._text((Run(block.value),), s.font(26, bold=True), space=s.pt(8), keep=True)
            details = [self._text((Run(d),), s.font(10), colour=MUTED, space=s.pt(2)) for d in block.details]
            return [value, *details]
        if isinstance(block, Text):
            font = {"lead": s.font(12, italic=True), "note": s.font(8.5)}.get(block.style, s.font(10))
            colour = INK if block.style == "body" else MUTED
            return [self._text(block.runs, font, colour=colour, space=s.pt(7))]
        if isinstance(block, Source):
            return [self._source(block.in_paragraph if source_in_paragraph else block.alone)]
        if isinstance(block, Definition):
            term = self._text((Run(block.term, bold=True),), s.font(10, bold=True), space=s.pt(7), keep=True)
            return [term, self._quote(block.runs, s.font(9.5), RULE, space=s.pt(2))]
        if isinstance(block, ChartBox):
            return self._chart(block, chart_height)
        if isinstance(block, Table):
            return self._table(block)
        if isinstance(block, Contents):
            return [self._contents_entry(e.title, e.anchor, e.level) for e in block.entries]
        raise TypeError(f"no layout for {block!r}")

    def _source(self, runs: tuple[Run, ...]) -> Piece:
        return self._quote(runs, self.style.font(10.5), ACCENT, space=self.style.pt(5))

    def _quote(self, runs: tuple[Run, ...], font: QFont, colour: QColor, *, space: float) -> Piece:
        """Text quoted from the report, set off by a bar down its left edge."""
        s = self.style
        bar = s.pt(3)
        inner = self._text(runs, font, indent=bar + s.pt(8))

        def paint(painter: QPainter, at: QPointF) -> None:
            painter.fillRect(QRectF(at.x(), at.y(), bar, inner.height), colour)
            inner.paint(painter, at)

        return Piece(inner.height, paint, space)

    def _chart(self, block: ChartBox, height: float) -> list[Piece]:
        key = block.target
        if self.context.specs.get(key) is None:
            return []  # a subject without a chart (the lead section) leaves no hole
        s = self.style
        # The picture is laid out at its size on paper (sheet_charts), so a wide box no longer squeezes labels
        # together; past MAX_CHART_ASPECT a few bars would only stretch into long thin strips: centre it.
        width = min(self.width, height * MAX_CHART_ASPECT)
        self.context.chart_sizes[key] = (width, height)
        left = (self.width - width) / 2

        def paint(painter: QPainter, at: QPointF) -> None:
            spec = self.context.specs.get(key)
            if spec is not None and self.context.draw_chart is not None:
                self.context.draw_chart(painter, spec, QRectF(at.x() + left, at.y(), width, height))

        picture = Piece(height, paint, s.pt(10), keep_with_next=True)
        # The chart's own footer (footer_text: its provenance) as text under it, aligned with the picture.
        notes = [
            self._text((Run(line),), s.font(7), width=left + width, indent=left, colour=MUTED, space=s.pt(3), keep=True)
            for line in self.context.footers.get(key, [])
        ]
        if notes:
            notes[-1].keep_with_next = False
        else:
            picture.keep_with_next = False
        return [picture, *notes]

    def _table(self, table: Table) -> list[Piece]:
        header = self._row(tuple(table.header), table.widths, bold=True)
        header.keep_with_next = True
        rows = [self._row(row, table.widths, bold=False) for row in table.rows]
        for row in rows:
            row.repeat = header
        if len(rows) >= 3:
            rows[0].keep_with_next = True  # no first row alone under its header at the foot of a page
            rows[-2].keep_with_next = True  # no last row alone under a repeated header on a new page
        return [header, *rows]

    def _row(self, cells: tuple[str, ...], widths: tuple[float, ...], *, bold: bool) -> Piece:
        s = self.style
        pad = s.pt(3)
        font = s.font(9.5, bold=bold)
        columns = [self.width * w for w in widths]
        laid = [s.text_layout((Run(c),), font, col - 2 * pad) for c, col in zip(cells, columns, strict=True)]
        height = max(h for _, h in laid) + 2 * pad
        width = self.width

        def paint(painter: QPainter, at: QPointF) -> None:
            if bold:
                painter.fillRect(QRectF(at.x(), at.y(), width, height), QColor("#eef1f5"))
            x = at.x()
            painter.setPen(INK)
            for (layout, _), col in zip(laid, columns, strict=True):
                layout.draw(painter, QPointF(x + pad, at.y() + pad))
                x += col
            painter.setPen(QPen(ACCENT if bold else RULE, s.pt(0.6 if bold else 0.4)))
            painter.drawLine(QLineF(at.x(), at.y() + height, at.x() + width, at.y() + height))

        return Piece(height, paint, s.pt(4) if bold else 0.0)

    def _contents_entry(self, title: str, anchor: str, level: int) -> Piece:
        s = self.style
        font = s.font(11 if level == 0 else 9.5, bold=level == 0)
        number_width = s.pt(40)
        indent = s.pt(16) * level
        entry = self._text((Run(title),), font, width=self.width - number_width, indent=indent)
        pages = self.context.anchor_pages

        def paint(painter: QPainter, at: QPointF) -> None:
            entry.paint(painter, at)
            box = painter.transform().mapRect(QRectF(at.x(), at.y(), self.width, entry.height))
            self.context.links.append((self.context.painting_page, box, anchor))
            painter.setFont(font)
            painter.setPen(INK)
            box = QRectF(at.x() + self.width - number_width, at.y(), number_width, entry.height)
            painter.drawText(
                box, int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop), str(pages.get(anchor, ""))
            )

        return Piece(entry.height, paint, s.pt(7 if level == 0 else 2))
