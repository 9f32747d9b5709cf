"""The glossary dock at its narrow widths (1024×680, 150% and 200% scale): nothing scrolls sideways, nothing is
cut off. Each test makes the panel narrower than its longest text and checks what the user would see."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QImage

from desktop.text.pages import PageColours
from desktop.ui.glossary_panel import GlossaryPanel

NARROW = 170  # px: the dock at 1024×680 under 200% scale is about this wide, in logical pixels


def _narrow_panel(qtbot, factbase) -> GlossaryPanel:
    panel = GlossaryPanel(factbase, PageColours())
    qtbot.addWidget(panel)
    panel.resize(NARROW, 600)
    panel.show()
    qtbot.waitExposed(panel)
    return panel


def test_term_list_fits_its_width_without_a_sideways_scroll(qtbot, factbase):
    panel = _narrow_panel(qtbot, factbase)
    view = panel.term_list
    longest = max((t.term for t in factbase.terms()), key=view.fontMetrics().horizontalAdvance)
    assert view.fontMetrics().horizontalAdvance(longest) > view.viewport().width()  # the case the test is about
    assert not view.horizontalScrollBar().isVisible()
    for row in range(panel.proxy.rowCount()):
        rect = view.visualRect(panel.proxy.index(row, 0))
        assert rect.right() <= view.viewport().rect().right(), panel.proxy.index(row, 0).data()


def test_long_term_shows_every_word_across_lines(qtbot, factbase):
    """A term too long for the line wraps onto the next one instead of being cut at the edge."""
    panel = _narrow_panel(qtbot, factbase)
    view = panel.term_list
    longest = max((t.term for t in factbase.terms()), key=view.fontMetrics().horizontalAdvance)
    row = next(r for r in range(panel.proxy.rowCount()) if panel.proxy.index(r, 0).data() == longest)
    rect = view.visualRect(panel.proxy.index(row, 0))
    needed = view.fontMetrics().boundingRect(QRect(0, 0, rect.width(), 10_000), Qt.TextFlag.TextWordWrap, longest)
    assert rect.height() >= needed.height() > view.fontMetrics().height()


def _ink_lines(image: QImage, background: int) -> int:
    """How many separate bands of rows hold a pixel that is not the background."""
    bands, inked_before = 0, False
    for y in range(image.height()):
        inked = any(image.pixel(x, y) != background for x in range(2, image.width() - 2))
        if inked and not inked_before:
            bands += 1
        inked_before = inked
    return bands


def test_definition_prompt_is_shown_whole_when_narrow(qtbot, factbase):
    panel = _narrow_panel(qtbot, factbase)
    definition = panel.definition
    prompt = "Choose a term to read its definition."
    viewport = definition.viewport()
    margin = int(definition.document().documentMargin())
    room = viewport.rect().adjusted(margin, margin, -margin, -margin)
    fm = definition.fontMetrics()
    assert fm.horizontalAdvance(prompt) > room.width()  # it cannot fit on one line
    lines_needed = fm.boundingRect(room, Qt.TextFlag.TextWordWrap, prompt).height() // fm.lineSpacing()
    image = viewport.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    background = image.pixel(image.width() - 1, image.height() - 1)
    assert _ink_lines(image, background) >= lines_needed >= 2
