"""Print a sheet, to a printer or to a PDF file: the one code path the window and the CLI share.

    print_sheet(factbase, target, printer, progress) -> bool      paper and orientation come from the printer
    write_sheet_pdf(factbase, target, path, page_size=..., landscape=..., progress=...) -> Path | None

progress(done, total) is called before each chart and each page; returning False cancels. Everything slow (chart
pictures, layout) happens before the printer is opened, so a print cancelled then leaves no trace; a PDF is
written to a temporary file beside the target and renamed into place only when complete.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QMarginsF, QPointF
from PySide6.QtGui import QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrinter

from desktop.charts.refcounts import keep_singletons_alive
from desktop.charts.render import footer_text
from desktop.export.sheet_charts import chart_image, chart_spec
from desktop.export.sheet_content import ChartBox, SheetTarget, build_sheet
from desktop.export.sheet_layout import PaintContext, SheetStyle
from desktop.export.sheet_pages import PageFooter, PageFrame, SheetPaginator, paint_page
from desktop.store import FactBase

Progress = Callable[[int, int], bool]
PAPER_SIZES = {"A4": QPageSize.PageSizeId.A4, "Letter": QPageSize.PageSizeId.Letter}
MARGIN_MM = 16.0
MIN_MARGIN_MM = 10.0  # a printer set to no margins still gets a white edge: nothing at the paper's very rim


class SheetError(Exception):
    """A sheet cannot be written: str() is one line for a dialog or stderr."""


def pdf_printer(page_size: str = "A4", *, landscape: bool = False) -> QPrinter:
    """A high-resolution QPrinter that writes PDF on the given paper."""
    if page_size not in PAPER_SIZES:
        raise SheetError(f"unknown paper size {page_size!r}; choose {' or '.join(PAPER_SIZES)}")
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    orientation = QPageLayout.Orientation.Landscape if landscape else QPageLayout.Orientation.Portrait
    margins = QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM)
    printer.setPageLayout(
        QPageLayout(QPageSize(PAPER_SIZES[page_size]), orientation, margins, QPageLayout.Unit.Millimeter)
    )
    return printer


def _insets(printer: QPrinter) -> tuple[float, float, float, float]:
    """Extra room inside the printer's own margins where they are thinner than MIN_MARGIN_MM."""
    layout = printer.pageLayout()
    have = layout.margins(QPageLayout.Unit.Millimeter)
    px_per_mm = printer.resolution() / 25.4
    return tuple(
        max(0.0, MIN_MARGIN_MM - m) * px_per_mm for m in (have.left(), have.top(), have.right(), have.bottom())
    )  # type: ignore[return-value]


def print_sheet(factbase: FactBase, target: SheetTarget, printer: QPrinter, progress: Progress | None = None) -> bool:
    """Lay out and print target on printer's paper. False if cancelled through progress (nothing printed)."""
    keep_singletons_alive()  # PySide6 6.12 on Python 3.11 drops references to None with every void call
    sheet = build_sheet(factbase, target)
    printer.setDocName(sheet.title)
    printer.setCreator("Fact Explorer")
    style = SheetStyle(printer)
    left, top, right, bottom = _insets(printer)
    area = printer.pageLayout().paintRectPixels(printer.resolution())
    width, height = area.width() - left - right, area.height() - top - bottom

    context = PaintContext()
    for part in sheet.parts:
        for block in part.blocks:
            if isinstance(block, ChartBox):
                spec = context.specs[(block.subject, block.id)] = chart_spec(factbase, block)
                if spec is not None:
                    context.footers[(block.subject, block.id)] = footer_text(spec)
    footer = PageFooter(style, width, sheet)
    frame = PageFrame(width, height, footer.height)
    pages = SheetPaginator(style, frame, context).paginate(sheet)

    total = len(context.chart_sizes) + len(pages)
    done = 0
    for key, (box_width, box_height) in context.chart_sizes.items():
        if progress is not None and not progress(done, total):
            return False
        spec = context.specs[key]
        assert spec is not None  # only boxes with a chart were given a size
        context.images[key] = chart_image(spec, box_width / style.pt(1), box_height / style.pt(1))
        done += 1

    output = printer.outputFileName()
    existed = bool(output) and Path(output).exists()
    painter = QPainter()
    if not painter.begin(printer):
        raise SheetError(f"cannot print to {output or printer.printerName() or 'the printer'}")
    try:
        for number, page in enumerate(pages, start=1):
            if progress is not None and not progress(done, total):
                printer.abort()
                painter.end()
                if output and not existed:
                    Path(output).unlink(missing_ok=True)
                return False
            if number > 1:
                printer.newPage()
            painter.save()
            painter.translate(QPointF(left, top))
            paint_page(painter, page)
            footer.paint(painter, frame, number, len(pages))
            painter.restore()
            done += 1
    finally:
        if painter.isActive():
            painter.end()
    if progress is not None:
        progress(total, total)
    return True


def check_pdf_path(path: Path) -> Path:
    """The target of a PDF export, or SheetError saying in one line why it cannot be written there.

    The wording follows the chart export's: "cannot write FILE: reason" for a place that exists but refuses.
    """
    path = Path(path).expanduser()
    if path.is_dir():
        raise SheetError(f"{path} is a directory; give a file name ending in .pdf")
    if path.suffix.lower() != ".pdf":
        raise SheetError(f"{path}: a sheet is written as PDF; give a file name ending in .pdf")
    parent = path.absolute().parent
    if not parent.is_dir():
        # The nearest part of the path that exists says why: a file where a directory should be, or nothing.
        blocker = next((p for p in (parent, *parent.parents) if p.exists()), None)
        if blocker is not None and not blocker.is_dir():
            raise SheetError(f"cannot write {path}: {blocker} is a file, not a directory")
        raise SheetError(f"{path}: directory {parent} does not exist")
    if not os.access(parent, os.W_OK | os.X_OK):
        raise SheetError(f"cannot write {path}: directory {parent} is not writable")
    if path.exists() and not os.access(path, os.W_OK):
        raise SheetError(f"cannot write {path}: the file is read-only")
    return path


def write_sheet_pdf(
    factbase: FactBase,
    target: SheetTarget,
    path: Path | str,
    *,
    page_size: str = "A4",
    landscape: bool = False,
    progress: Progress | None = None,
) -> Path | None:
    """Write target as a PDF at path, atomically. Returns the path, or None if cancelled (nothing written)."""
    path = check_pdf_path(Path(path))
    printer = pdf_printer(page_size, landscape=landscape)
    try:
        fd, temp_name = tempfile.mkstemp(dir=path.absolute().parent, prefix=f".{path.stem}.", suffix=".pdf.part")
    except OSError as exc:
        raise SheetError(f"cannot write {path}: {exc.strerror or exc}") from None
    os.close(fd)
    temp = Path(temp_name)
    try:
        printer.setOutputFileName(str(temp))
        if not print_sheet(factbase, target, printer, progress):
            return None
        if temp.stat().st_size == 0:
            raise SheetError(f"{path}: the PDF came out empty")
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(temp, 0o666 & ~umask)  # mkstemp makes it private; a saved PDF should not be
        os.replace(temp, path)
    except OSError as exc:
        raise SheetError(f"cannot write {path}: {exc.strerror or exc}") from None
    finally:
        with contextlib.suppress(FileNotFoundError):
            temp.unlink()
    return path
