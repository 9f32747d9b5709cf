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

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QMarginsF, QPointF
from PySide6.QtGui import QPagedPaintDevice, QPageLayout, QPageSize, QPainter, QPdfWriter

from desktop.charts.plot.render import footer_text
from desktop.domain.target import Target
from desktop.export.files import ExportError, Progress, Steps, atomic_output, check_output_file, run_steps
from desktop.export.sheet_charts import chart_image, chart_spec
from desktop.export.sheet_content import ChartBox, build_sheet
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


def print_sheet_steps(factbase: FactBase, target: Target, device: QPagedPaintDevice | QPrinter) -> Steps[bool]:
    """print_sheet as steps: one before each chart picture and each page. Closing it stops the printing."""
    keep_singletons_alive()  # PySide6 6.12 on Python 3.11 drops references to None with every void call
    sheet = build_sheet(factbase, target)
    if isinstance(device, QPdfWriter):
        device.setTitle(sheet.title)
    elif hasattr(device, "setDocName"):  # a QPrinter
        device.setDocName(sheet.title)  # type: ignore[attr-defined]
        device.setCreator("Fact Explorer")  # type: ignore[attr-defined]
    style = SheetStyle(device)
    left, top, right, bottom = _insets(device)
    area = device.pageLayout().paintRectPixels(_resolution(device))
    width, height = area.width() - left - right, area.height() - top - bottom

    context = PaintContext()
    for part in sheet.parts:
        for block in part.blocks:
            if isinstance(block, ChartBox):
                spec = context.specs[block.target] = chart_spec(factbase, block)
                if spec is not None:
                    context.footers[block.target] = footer_text(spec)
    footer = PageFooter(style, width, sheet)
    frame = PageFrame(width, height, footer.height)
    pages = SheetPaginator(style, frame, context).paginate(sheet)

    total = len(context.chart_sizes) + len(pages)
    done = 0
    for key, (box_width, box_height) in context.chart_sizes.items():
        yield done, total
        spec = context.specs[key]
        assert spec is not None  # only boxes with a chart were given a size
        context.images[key] = chart_image(spec, box_width / style.pt(1), box_height / style.pt(1))
        done += 1

    painter = QPainter()
    if not painter.begin(device):
        raise ExportError("cannot start printing: the printer or the PDF file refused")
    aborted = False
    try:
        for number, page in enumerate(pages, start=1):
            yield done, total
            if number > 1 and not device.newPage():
                raise ExportError("cannot start a new page: the printer or the PDF file refused")
            painter.save()
            painter.translate(QPointF(left, top))
            paint_page(painter, page)
            footer.paint(painter, frame, number, len(pages))
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
        yield from print_sheet_steps(factbase, target, writer)
        del writer  # the writer closes its file when it goes; the file is checked after
        _check_pdf(temp, path)
    return path


def _check_pdf(temp: Path, path: Path) -> None:
    """A PDF is whole when it ends with its end-of-file marker: a full disk leaves one without a trailer."""
    size = temp.stat().st_size
    if size == 0:
        raise ExportError(f"cannot write {path}: the PDF came out empty")
    with temp.open("rb") as fh:
        fh.seek(max(0, size - 64))
        if b"%%EOF" not in fh.read():
            raise ExportError(f"cannot write {path}: the PDF came out incomplete (is the disk full?)")
