"""Print a sheet, to a printer or to a PDF file: the one code path the window and the CLI share.

    print_sheet(factbase, target, device, progress) -> bool      paper and orientation come from the device
    write_sheet_pdf(factbase, target, path, page_size=..., landscape=..., progress=...) -> Path | None

The device is a QPrinter for real printing, and a QPdfWriter for a PDF file: a QPrinter talks to the print
service (it connects to 127.0.0.1:631) even when it only writes a file, and the app never opens a connection.
progress(done, total) is called before each chart and each page; returning False cancels. Everything slow (chart
pictures, layout) happens before the device is opened, so a print cancelled then leaves no trace; a PDF is
written through desktop.export.files.atomic_output, renamed into place only when complete and checked.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QMarginsF, QPointF, QRectF
from PySide6.QtGui import QPagedPaintDevice, QPageLayout, QPageSize, QPainter, QPdfWriter

from desktop.charts.plot.render import footer_text
from desktop.charts.spec import ChartSpec
from desktop.domain.target import Target
from desktop.export.files import ExportError, Progress, Steps, atomic_output, check_output_file, run_steps
from desktop.export.pdf_finish import OutlineEntry, PageLink, finish_pdf
from desktop.export.sheet_charts import chart_spec, paint_chart_vector
from desktop.export.sheet_content import ChartBox, Contents, Heading, Sheet, build_sheet
from desktop.export.sheet_layout import PaintContext, SheetStyle
from desktop.export.sheet_pages import PageFooter, PageFrame, SheetPaginator, paint_page
from desktop.qt_runtime import keep_singletons_alive
from desktop.store import FactBase

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrinter

PAPER_SIZES = {"A4": QPageSize.PageSizeId.A4, "Letter": QPageSize.PageSizeId.Letter}
MARGIN_MM = 16.0
MIN_MARGIN_MM = 10.0  # a printer set to no margins still gets a white edge: nothing at the paper's very rim
PDF_DPI = 1200  # QPrinter's HighResolution on PDF: text and lines are placed as finely as before


def page_layout(page_size: str = "A4", *, landscape: bool = False) -> QPageLayout:
    if page_size not in PAPER_SIZES:
        raise ExportError(f"unknown paper size {page_size!r}; choose {' or '.join(PAPER_SIZES)}")
    orientation = QPageLayout.Orientation.Landscape if landscape else QPageLayout.Orientation.Portrait
    margins = QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM)
    return QPageLayout(QPageSize(PAPER_SIZES[page_size]), orientation, margins, QPageLayout.Unit.Millimeter)


def pdf_writer(path: Path, page_size: str = "A4", *, landscape: bool = False) -> QPdfWriter:
    """A PDF writer on the given paper: no printer object, so no print service is ever asked."""
    writer = QPdfWriter(str(path))
    writer.setResolution(PDF_DPI)
    writer.setPageLayout(page_layout(page_size, landscape=landscape))
    writer.setCreator("Fact Explorer")
    return writer


def _resolution(device: QPagedPaintDevice) -> int:
    return device.resolution() if hasattr(device, "resolution") else device.logicalDpiY()


def _insets(device: QPagedPaintDevice) -> tuple[float, float, float, float]:
    """Extra room inside the device's own margins where they are thinner than MIN_MARGIN_MM."""
    layout = device.pageLayout()
    have = layout.margins(QPageLayout.Unit.Millimeter)
    px_per_mm = _resolution(device) / 25.4
    return tuple(
        max(0.0, MIN_MARGIN_MM - m) * px_per_mm for m in (have.left(), have.top(), have.right(), have.bottom())
    )  # type: ignore[return-value]


def print_sheet(
    factbase: FactBase, target: Target, device: QPagedPaintDevice | QPrinter, progress: Progress | None = None
) -> bool:
    """Lay out and print target on the device's paper. False if cancelled through progress."""
    return bool(run_steps(print_sheet_steps(factbase, target, device), progress))


@dataclass
class SheetLayout:
    """A sheet laid out on one device: its pages, and what they look up when painted."""

    sheet: Sheet
    resolution: int
    origin: tuple[float, float]  # where painting starts on the paper, in points (the device's margins)
    style: SheetStyle
    pages: list[Any]
    context: PaintContext
    footer: PageFooter
    frame: PageFrame
    left: float
    top: float


ChartOf = Callable[[ChartBox], "ChartSpec | None"]  # the chart a box shows, or None
DrawChart = Callable[[QPainter, "ChartSpec", QRectF, float], None]  # (painter, spec, box, device px per point)


def lay_out_sheet(
    factbase: FactBase | None,
    sheet: Sheet,
    device: QPagedPaintDevice | QPrinter,
    chart_of: ChartOf | None = None,
    *,
    paginate: bool = True,
) -> SheetLayout:
    """Where everything of a sheet goes on the device's pages, before anything is painted. The charts come from
    chart_of, or else from the fact base (a fact's chart, a section's overview)."""
    if chart_of is None:
        assert factbase is not None
        base = factbase

        def chart_of(box: ChartBox) -> ChartSpec | None:
            # A value card draws the figure, its period and its sentence: the sheet prints all three itself (a
            # fact's value and source, a section's text and facts table), so a card would only say them twice.
            spec = chart_spec(base, box)
            return None if spec is not None and spec.kind == "card" else spec

    style = SheetStyle(device)
    left, top, right, bottom = _insets(device)
    area = device.pageLayout().paintRectPixels(_resolution(device))
    width, height = area.width() - left - right, area.height() - top - bottom
    context = PaintContext()
    for part in sheet.parts:
        for block in part.blocks:
            if isinstance(block, ChartBox):
                spec = context.specs[block.target] = chart_of(block)
                if spec is not None:
                    context.footers[block.target] = footer_text(spec)
    footer = PageFooter(style, width, sheet)
    frame = PageFrame(width, height, footer.height)
    pages = SheetPaginator(style, frame, context).paginate(sheet) if paginate else []
    corner = device.pageLayout().paintRectPoints().topLeft()
    origin = (float(corner.x()), float(corner.y()))
    return SheetLayout(sheet, _resolution(device), origin, style, pages, context, footer, frame, left, top)


def print_sheet_steps(
    factbase: FactBase,
    target: Target,
    device: QPagedPaintDevice | QPrinter,
    laid_out: list[SheetLayout] | None = None,
) -> Steps[bool]:
    """print_sheet as steps: one before each page. Closing it stops the printing. laid_out, if given, receives
    the layout (where each anchor landed, the contents' boxes) for what is added to the PDF afterwards."""
    sheet = build_sheet(factbase, target)
    yield from print_built_sheet_steps(sheet, device, factbase=factbase, laid_out=laid_out)
    return True


def print_built_sheet_steps(
    sheet: Sheet,
    device: QPagedPaintDevice | QPrinter,
    *,
    factbase: FactBase | None = None,
    chart_of: ChartOf | None = None,
    draw_chart: DrawChart = paint_chart_vector,
    laid_out: list[SheetLayout] | None = None,
) -> Steps[bool]:
    """Any sheet (a fact base's, a brief, a comparison) laid out on the device and painted, a step a page; its
    charts from chart_of (or the fact base), each drawn by draw_chart as vectors onto its page."""
    keep_singletons_alive()  # PySide6 6.12 on Python 3.11 drops references to None with every void call
    if isinstance(device, QPdfWriter):
        device.setTitle(sheet.title)
    elif hasattr(device, "setDocName"):  # a QPrinter
        device.setDocName(sheet.title)  # type: ignore[attr-defined]
        device.setCreator("Fact Explorer")  # type: ignore[attr-defined]
    layout = lay_out_sheet(factbase, sheet, device, chart_of, paginate=False)
    if laid_out is not None:
        laid_out.append(layout)
    style, context, footer, frame = layout.style, layout.context, layout.footer, layout.frame
    left, top = layout.left, layout.top
    paginator = SheetPaginator(style, frame, context)
    # Two passes, part by part: the first counts the pages and notes where each anchor lands (the contents page
    # and the "Page n of N" footer need both), the second lays each part out again and paints it, so no more than
    # one part's pages are ever held: a report of thousands of facts prints in the memory of one of its parts.
    total = sum(len(pages) for pages in paginator.paginate_parts(sheet))
    # Charts are drawn as vectors straight onto their page as it is painted: sharp, searchable text, and no
    # picture held for the whole document.
    context.draw_chart = lambda painter, spec, box: draw_chart(painter, spec, box, style.pt(1))
    done = 0

    painter = QPainter()
    if not painter.begin(device):
        raise ExportError("cannot start printing: the printer or the PDF file refused")
    aborted = False
    try:
        for pages in paginator.paginate_parts(sheet):
            for page in pages:
                yield done, total
                number = done + 1
                if number > 1 and not device.newPage():
                    raise ExportError("cannot start a new page: the printer or the PDF file refused")
                painter.save()
                painter.translate(QPointF(left, top))
                context.painting_page = number
                paint_page(painter, page)
                footer.paint(painter, frame, number, total)
                painter.restore()
                done += 1
    except GeneratorExit:
        aborted = _abort(device)
        raise
    finally:
        if painter.isActive() and not painter.end() and not aborted:
            raise ExportError("the printer or the PDF file could not be finished")
    yield total, total
    return True


def _abort(device: QPagedPaintDevice | QPrinter) -> bool:
    """A print stopped half-way: a printer drops the job (and the file it was printing to, if it made it)."""
    if not hasattr(device, "abort"):
        return False  # a PDF writer: its file is a temporary one, removed by atomic_output
    name = device.outputFileName()  # type: ignore[attr-defined]  # a QPrinter, as hasattr said
    output = Path(name) if name else None
    device.abort()
    if output is not None:
        output.unlink(missing_ok=True)
    return True


def check_pdf_path(path: Path) -> Path:
    """The target of a PDF export, or ExportError saying in one line why it cannot be written there."""
    path = check_output_file(Path(path))
    if path.suffix.lower() != ".pdf":
        raise ExportError(f"{path}: a sheet is written as PDF; give a file name ending in .pdf")
    return path


def write_sheet_pdf(
    factbase: FactBase,
    target: Target,
    path: Path | str,
    *,
    page_size: str = "A4",
    landscape: bool = False,
    progress: Progress | None = None,
) -> Path | None:
    """Write target as a PDF at path, whole or not at all. Returns the path, or None if cancelled (nothing written)."""
    return run_steps(sheet_pdf_steps(factbase, target, Path(path), page_size=page_size, landscape=landscape), progress)


def sheet_pdf_steps(
    factbase: FactBase, target: Target, path: Path, *, page_size: str = "A4", landscape: bool = False
) -> Steps[Path]:
    """write_sheet_pdf as steps. Closing it before the end (a cancel) removes the half-written file."""
    path = check_pdf_path(path)
    page_layout(page_size, landscape=landscape)  # an unknown paper size fails before any file is made
    with atomic_output(path) as temp:
        writer = pdf_writer(temp, page_size, landscape=landscape)
        laid_out: list[SheetLayout] = []
        yield from print_sheet_steps(factbase, target, writer, laid_out)
        del writer  # the writer closes its file when it goes; the file is checked after
        _check_pdf(temp, path)
        finish_pdf(temp, *_navigation(laid_out[0]), _metadata(factbase, laid_out[0].sheet))
        _check_pdf(temp, path)
    return path


def _navigation(layout: SheetLayout) -> tuple[list[OutlineEntry], list[PageLink]]:
    """The PDF's outline (the contents, or the sheet's titled parts) and its clickable contents entries."""
    pages = layout.context.anchor_pages
    contents = next((b for p in layout.sheet.parts for b in p.blocks if isinstance(b, Contents)), None)
    if contents is not None:
        entries = [(e.title, e.anchor, e.level) for e in contents.entries]
    else:
        entries = [
            (b.text, b.anchor, 0) for p in layout.sheet.parts for b in p.blocks if isinstance(b, Heading) and b.anchor
        ]
    outline = [OutlineEntry(title, pages[anchor] - 1, level) for title, anchor, level in entries if anchor in pages]
    to_points = 72.0 / layout.resolution
    x0, y0 = layout.origin
    links = [
        PageLink(
            page - 1,
            (
                x0 + box.left() * to_points,
                y0 + box.top() * to_points,
                x0 + box.right() * to_points,
                y0 + box.bottom() * to_points,
            ),
            pages[anchor] - 1,
        )
        for page, box, anchor in layout.context.links
        if anchor in pages
    ]
    return outline, links


def _metadata(factbase: FactBase, sheet: Sheet) -> dict[str, str]:
    doc = factbase.document
    publisher = getattr(doc, "publisher", None) or ""
    return {
        "Title": sheet.title,
        "Subject": f"{doc.title}; figures as of {doc.source_as_of}",
        "Author": publisher or doc.title,
        "Keywords": "; ".join(k for k in ("Fact Explorer", "fact sheet", publisher, doc.source_date) if k),
        "Creator": "Fact Explorer",
        "CreationDate": "D:" + sheet.printed_on.replace("-", ""),
    }


def _check_pdf(temp: Path, path: Path) -> None:
    """A PDF is whole when it ends with its end-of-file marker: a full disk leaves one without a trailer."""
    size = temp.stat().st_size
    if size == 0:
        raise ExportError(f"cannot write {path}: the PDF came out empty")
    with temp.open("rb") as fh:
        fh.seek(max(0, size - 64))
        if b"%%EOF" not in fh.read():
            raise ExportError(f"cannot write {path}: the PDF came out incomplete (is the disk full?)")
