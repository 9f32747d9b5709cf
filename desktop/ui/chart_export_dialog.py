"""The options of File ▸ Export Chart…: title, subtitle, notes, size, scale and background, with a small preview.

It edits a desktop.export.chart_options.ChartOptions, the same the command line builds from its flags, and
previews the picture through the export's own code (chart_export.chart_preview), so what it shows is what is saved.
The preview is redrawn a moment after the last change, not on every key press.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.charts.spec import ChartSpec
from desktop.export.chart_options import (
    MAX_HEIGHT,
    MAX_TEXT,
    MAX_WIDTH,
    MIN_HEIGHT,
    MIN_WIDTH,
    SCALES,
    ChartOptions,
)

PREVIEW_WIDTH = 320
_PREVIEW_DELAY_MS = 250
_CUSTOM = "custom"


def _size_names() -> list[tuple[str, str]]:
    return [
        ("default", QCoreApplication.translate("ChartExportDialog", "Default (1600 px wide)")),
        ("slide", QCoreApplication.translate("ChartExportDialog", "Slide, 16:9 (1920 × 1080)")),
        ("4:3", QCoreApplication.translate("ChartExportDialog", "4:3 (1600 × 1200)")),
        ("square", QCoreApplication.translate("ChartExportDialog", "Square (1200 × 1200)")),
        ("column", QCoreApplication.translate("ChartExportDialog", "Newspaper column (600 px wide)")),
        (_CUSTOM, QCoreApplication.translate("ChartExportDialog", "Custom size")),
    ]


def _background_names() -> list[tuple[str, str]]:
    return [
        ("light", QCoreApplication.translate("ChartExportDialog", "Light")),
        ("dark", QCoreApplication.translate("ChartExportDialog", "Dark")),
        ("transparent", QCoreApplication.translate("ChartExportDialog", "Transparent")),
    ]


class ChartExportDialog(QDialog):
    """Asks how the chart should look; options() is the answer once the user pressed Save…."""

    def __init__(self, spec: ChartSpec, options: ChartOptions | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.spec = spec
        options = options if options is not None else ChartOptions()
        self.setWindowTitle(QCoreApplication.translate("ChartExportDialog", "Export Chart"))
        self.title = QLineEdit(options.title or "")
        self.title.setPlaceholderText(spec.title)
        self.title.setMaxLength(MAX_TEXT)
        self.subtitle = QLineEdit(options.subtitle)
        self.subtitle.setPlaceholderText(QCoreApplication.translate("ChartExportDialog", "A line under the title"))
        self.subtitle.setMaxLength(MAX_TEXT)
        self.notes = QPlainTextEdit(options.notes)
        self.notes.setPlaceholderText(
            QCoreApplication.translate("ChartExportDialog", "Notes under the plot, after the chart's own")
        )
        self.notes.setFixedHeight(self.notes.fontMetrics().lineSpacing() * 3 + 12)
        self.size_choice = QComboBox()
        for key, name in _size_names():
            self.size_choice.addItem(name, key)
        self.custom_width, self.custom_height = QSpinBox(), QSpinBox()
        self.custom_width.setRange(MIN_WIDTH, MAX_WIDTH)
        self.custom_height.setRange(MIN_HEIGHT, MAX_HEIGHT)
        custom = options.size if isinstance(options.size, tuple) else (1600, 900)
        self.custom_width.setValue(custom[0])
        self.custom_height.setValue(custom[1])
        self.size_choice.setCurrentIndex(
            self.size_choice.findData(_CUSTOM if isinstance(options.size, tuple) else options.size)
        )
        for box in (self.custom_width, self.custom_height):
            box.setSuffix(QCoreApplication.translate("ChartExportDialog", " px"))
        self.scale = QComboBox()
        for factor in SCALES:
            self.scale.addItem(QCoreApplication.translate("ChartExportDialog", "{0}× (PNG)").format(factor), factor)
        self.scale.setCurrentIndex(self.scale.findData(options.scale))
        self.background = QComboBox()
        for key, name in _background_names():
            self.background.addItem(name, key)
        self.background.setCurrentIndex(self.background.findData(options.background))
        self.preview = QLabel()
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setMinimumSize(PREVIEW_WIDTH, PREVIEW_WIDTH * 9 // 16)
        self.preview.setAccessibleName(QCoreApplication.translate("ChartExportDialog", "Preview of the picture"))
        self._layout()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(_PREVIEW_DELAY_MS)
        self._timer.timeout.connect(self.update_preview)
        for line in (self.title, self.subtitle):
            line.textChanged.connect(self._on_changed)
        self.notes.textChanged.connect(self._on_changed)
        for combo in (self.size_choice, self.scale, self.background):
            combo.currentIndexChanged.connect(self._on_changed)
        for box in (self.custom_width, self.custom_height):
            box.valueChanged.connect(self._on_changed)
        self._on_changed()

    def _layout(self) -> None:
        form = QFormLayout()
        form.addRow(QCoreApplication.translate("ChartExportDialog", "&Title:"), self.title)
        form.addRow(QCoreApplication.translate("ChartExportDialog", "&Subtitle:"), self.subtitle)
        form.addRow(QCoreApplication.translate("ChartExportDialog", "&Notes:"), self.notes)
        form.addRow(QCoreApplication.translate("ChartExportDialog", "Si&ze:"), self.size_choice)
        custom = QHBoxLayout()
        custom.addWidget(self.custom_width)
        custom.addWidget(QLabel(QCoreApplication.translate("ChartExportDialog", "×")))
        custom.addWidget(self.custom_height)
        form.addRow(QCoreApplication.translate("ChartExportDialog", "Custom size:"), custom)
        form.addRow(QCoreApplication.translate("ChartExportDialog", "Sc&ale:"), self.scale)
        form.addRow(QCoreApplication.translate("ChartExportDialog", "&Background:"), self.background)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.save_button = buttons.addButton(
            QCoreApplication.translate("ChartExportDialog", "Save…"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.save_button.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        column = QVBoxLayout(self)
        column.addLayout(form)
        column.addWidget(self.preview, 1)
        column.addWidget(buttons)

    def options(self) -> ChartOptions:
        """What the dialog shows, as options (its fields cannot hold a value the options refuse)."""
        key = self.size_choice.currentData()
        size = (self.custom_width.value(), self.custom_height.value()) if key == _CUSTOM else key
        return ChartOptions(
            title=self.title.text().strip() or None,
            subtitle=self.subtitle.text().strip(),
            notes=self.notes.toPlainText().strip()[:MAX_TEXT],
            size=size,
            scale=int(self.scale.currentData()),
            background=str(self.background.currentData()),
        )

    def _on_changed(self) -> None:
        custom = self.size_choice.currentData() == _CUSTOM
        self.custom_width.setEnabled(custom)
        self.custom_height.setEnabled(custom)
        self._timer.start()

    def update_preview(self) -> None:
        """Draw the picture the options make, PREVIEW_WIDTH pixels wide."""
        from desktop.export.chart_export import chart_preview

        self._timer.stop()
        image = chart_preview(self.spec, self.options(), PREVIEW_WIDTH)
        self.preview.setPixmap(QPixmap.fromImage(image))
        self.preview.setToolTip(
            QCoreApplication.translate("ChartExportDialog", "The picture will be {0} × {1} pixels").format(
                *self.picture_size()
            )
        )

    def picture_size(self) -> tuple[int, int]:
        """The saved PNG's size in pixels."""
        from desktop.export.chart_export import chart_picture_size

        return chart_picture_size(self.spec, self.options())
