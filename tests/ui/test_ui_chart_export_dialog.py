"""The chart export options dialog: its fields make the options, its preview is the picture, Save… accepts."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from desktop.charts.spec import ChartSpec, chart_for_fact
from desktop.charts.spec.palette import DARK
from desktop.export.chart_options import ChartOptions
from desktop.store import FactBase
from desktop.ui import export_actions
from desktop.ui.chart_export_dialog import PREVIEW_WIDTH, ChartExportDialog


@pytest.fixture
def spec(factbase: FactBase) -> ChartSpec:
    return chart_for_fact(factbase, "internet-users")


def _choose(combo, key: object) -> None:  # type: ignore[no-untyped-def]
    combo.setCurrentIndex(combo.findData(key))


def test_the_fields_make_the_options(qtbot, spec: ChartSpec) -> None:  # type: ignore[no-untyped-def]
    dialog = ChartExportDialog(spec)
    qtbot.addWidget(dialog)
    assert dialog.options() == ChartOptions()
    assert dialog.title.placeholderText() == spec.title  # an empty title keeps the chart's own
    qtbot.keyClicks(dialog.title, "Online")
    qtbot.keyClicks(dialog.subtitle, "June 2025")
    dialog.notes.setPlainText("Rounded.")
    _choose(dialog.size_choice, "custom")
    assert dialog.custom_width.isEnabled()
    dialog.custom_width.setValue(1000)
    dialog.custom_height.setValue(500)
    _choose(dialog.scale, 2)
    _choose(dialog.background, "transparent")
    assert dialog.options() == ChartOptions(
        title="Online", subtitle="June 2025", notes="Rounded.", size=(1000, 500), scale=2, background="transparent"
    )
    assert dialog.picture_size() == (2000, 1000)


def test_it_opens_on_the_options_it_is_given(qtbot, spec: ChartSpec) -> None:  # type: ignore[no-untyped-def]
    given = ChartOptions(title="Online", size="column", scale=3, background="dark")
    dialog = ChartExportDialog(spec, given)
    qtbot.addWidget(dialog)
    assert dialog.options() == given
    assert not dialog.custom_width.isEnabled()


def test_the_preview_follows_the_options(qtbot, spec: ChartSpec) -> None:  # type: ignore[no-untyped-def]
    dialog = ChartExportDialog(spec)
    qtbot.addWidget(dialog)
    _choose(dialog.size_choice, "square")
    _choose(dialog.background, "dark")
    qtbot.waitUntil(lambda: dialog.preview.pixmap() is not None and not dialog.preview.pixmap().isNull())
    image = dialog.preview.pixmap().toImage()
    assert (image.width(), image.height()) == (PREVIEW_WIDTH, PREVIEW_WIDTH)  # square
    assert image.pixelColor(2, 2).name() == DARK.background
    assert "1200 × 1200" in dialog.preview.toolTip()
    _choose(dialog.size_choice, "slide")
    dialog.update_preview()
    image = dialog.preview.pixmap().toImage()
    assert image.width() == PREVIEW_WIDTH and abs(image.height() - PREVIEW_WIDTH * 9 / 16) <= 1


def test_save_accepts_and_ask_chart_options_returns_the_choice(qtbot, spec: ChartSpec) -> None:  # type: ignore[no-untyped-def]
    def press_save() -> None:
        dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, ChartExportDialog) and w.isVisible())
        _choose(dialog.size_choice, "slide")
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, press_save)
    assert export_actions.ask_chart_options(None, spec, ChartOptions(subtitle="H1")) == ChartOptions(  # type: ignore[arg-type]
        subtitle="H1", size="slide"
    )


def test_cancel_gives_none(qtbot, spec: ChartSpec) -> None:  # type: ignore[no-untyped-def]
    def press_cancel() -> None:
        dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, ChartExportDialog) and w.isVisible())
        dialog.reject()

    QTimer.singleShot(0, press_cancel)
    assert export_actions.ask_chart_options(None, spec, None) is None  # type: ignore[arg-type]
