"""The chart area under a page: 'Loading chart…' until pyqtgraph is in, then the chart and its data table."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QAbstractItemView, QLabel, QTableView, QVBoxLayout, QWidget

from desktop.ui.plot_loader import PlotLoader

if TYPE_CHECKING:
    from desktop.charts.spec import ChartSpec

# A page asks for its chart with a function: the spec is worked out when it can be drawn, after the first paint.
ChartRequest = Callable[[], "ChartSpec | None"]
_VISIBLE_ROWS = 6


def fill_chart_table(model: QStandardItemModel, spec: ChartSpec | None) -> None:
    """The chart's data as two columns (label, value), for keyboard and screen-reader users."""
    model.clear()
    if spec is None:
        return
    from desktop.charts.spec import chart_table  # not before: a page without a chart needs none of the chart code

    category = spec.category_axis or QCoreApplication.translate("ChartPanel", "Item")
    model.setHorizontalHeaderLabels([category, spec.value_axis or QCoreApplication.translate("ChartPanel", "Value")])
    for label, value in chart_table(spec):
        row = [QStandardItem(label.replace("\n", " ")), QStandardItem(value)]
        for item in row:
            item.setEditable(False)
        model.appendRow(row)


class ChartPanel(QWidget):
    """Shows one chart at a time. `chart_shown` fires when a plot is on screen (or there is none to show)."""

    chart_shown = Signal()
    plot_created = Signal(object)  # the pyqtgraph PlotWidget, for the export actions' context menu

    def __init__(self, loader: PlotLoader, dark: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._loader = loader
        self._dark = dark
        self.spec: ChartSpec | None = None
        self._request: ChartRequest | None = None
        self.plot_widget: QWidget | None = None
        self.status = QLabel(QCoreApplication.translate("ChartPanel", "Loading chart…"), self)
        self.status.setStyleSheet("qproperty-alignment: AlignCenter;")
        self.status.setMinimumHeight(240)
        self.status.setAccessibleName(QCoreApplication.translate("ChartPanel", "Chart status"))
        self.table_model = QStandardItemModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.table_model)
        self.table.setAccessibleName(QCoreApplication.translate("ChartPanel", "Chart data"))
        self.table.setVisible(False)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.addWidget(self.status, 3)
        self._layout.addWidget(self.table, 1)
        loader.loaded.connect(self._on_plot_module_ready)
        loader.failed.connect(self._on_plot_module_failed)

    @property
    def loader(self) -> PlotLoader:
        """The plot loader: other panels draw with the same pyqtgraph, once it is in."""
        return self._loader

    def set_dark(self, dark: bool) -> None:
        """Draw charts in the dark palette or the light one; the chart shown is drawn again."""
        if dark == self._dark:
            return
        self._dark = dark
        if self.plot_widget is not None:
            self._drop_plot()  # the widget's own background follows the palette it was made in
            self._set_spec(self.spec)

    @property
    def is_ready(self) -> bool:
        """True once what is to be shown is shown: a chart, 'no chart', or why charts are unavailable."""
        if self._request is not None:
            return False
        return self.spec is None or self.plot_widget is not None or self._loader.error is not None

    def set_request(self, request: ChartRequest | None) -> None:
        """The chart for the page now shown; drawn at once if pyqtgraph is in, else when it arrives."""
        self._request = request
        if request is None or self._loader.done:
            self._resolve()
            return
        self.spec = None
        self.setVisible(True)
        self.table.setVisible(False)
        self._drop_plot()
        self._show_status(QCoreApplication.translate("ChartPanel", "Loading chart…"))

    def _resolve(self) -> None:
        request, self._request = self._request, None
        self._set_spec(request() if request is not None else None)

    def _set_spec(self, spec: ChartSpec | None) -> None:
        self.spec = spec
        fill_chart_table(self.table_model, spec)
        self._style_table()
        self.table.setVisible(spec is not None)
        self.setAccessibleDescription(spec.title if spec else "")
        if spec is None or self._loader.error is not None:
            self._drop_plot()
        # A page without a chart (the report's front page) gives the page the whole height.
        self.setVisible(spec is not None)
        if spec is None:
            self._show_status(QCoreApplication.translate("ChartPanel", "No chart for this page."))
        elif self._loader.error is not None:
            text = QCoreApplication.translate(
                "ChartPanel", "Charts are unavailable ({0}); the data is in the table below."
            )
            self._show_status(text.format(self._loader.error))
        else:
            self._build_plot()

    def _style_table(self) -> None:
        """Done when the first table is filled, not at start-up: these touch Qt enums that cost time to load."""
        from PySide6.QtWidgets import QHeaderView

        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.table.verticalHeader().setVisible(False)
        rows = min(self.table_model.rowCount(), _VISIBLE_ROWS)
        height = header.sizeHint().height() + rows * self.table.verticalHeader().defaultSectionSize()
        self.table.setMaximumHeight(height + 2 * self.table.frameWidth() + 2)

    def _show_status(self, text: str) -> None:
        self.status.setText(text)
        self.status.setVisible(True)
        if self.is_ready:
            self.chart_shown.emit()

    def _drop_plot(self) -> None:
        if self.plot_widget is not None:
            self._layout.removeWidget(self.plot_widget)
            self.plot_widget.hide()
            self.plot_widget.deleteLater()
            self.plot_widget = None

    def _build_plot(self) -> None:
        assert self._loader.module is not None and self.spec is not None
        name = QCoreApplication.translate("ChartPanel", "Chart: {0}").format(self.spec.title)
        if self.plot_widget is not None:
            # One plot widget, drawn again for each page: making a new one cost about 17 ms a click.
            plot_item = self.plot_widget.getPlotItem()  # type: ignore[attr-defined]  # a pyqtgraph PlotWidget
            self._loader.module.draw_chart(plot_item, self.spec, dark=self._dark)
            self.plot_widget.setAccessibleName(name)
            self.status.setVisible(False)
            self.plot_widget.show()
            self.chart_shown.emit()
            return
        widget = self._loader.module.make_plot_widget(self.spec, self, dark=self._dark)
        widget.setAccessibleName(name)
        widget.setMinimumHeight(240)
        self.plot_widget = widget
        self.status.setVisible(False)
        self._layout.insertWidget(0, widget, 3)
        widget.show()  # now, not on the layout's queued call: the screenshot is taken right after chart_shown
        self.plot_created.emit(widget)
        self.chart_shown.emit()

    def _on_plot_module_ready(self) -> None:
        if self._request is not None:
            self._resolve()

    def _on_plot_module_failed(self, _message: str) -> None:
        if self._request is not None:
            self._resolve()
        else:
            self._set_spec(self.spec)
