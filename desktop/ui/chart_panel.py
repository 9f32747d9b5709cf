"""The chart area under a page: 'Loading chart…' until pyqtgraph is in, then the chart and its data table."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QTableView, QVBoxLayout, QWidget

from desktop.charts.spec import ChartSpec, chart_table
from desktop.ui.plot_loader import PlotLoader

_Index = QModelIndex | QPersistentModelIndex


class ChartTableModel(QAbstractTableModel):
    """A chart's data as two columns, for keyboard and screen-reader users."""

    def __init__(self, parent: object = None) -> None:
        super().__init__(parent)  # type: ignore[arg-type]
        self._rows: list[tuple[str, str]] = []
        self._headers = ("Item", "Value")

    def set_spec(self, spec: ChartSpec | None) -> None:
        self.beginResetModel()
        self._rows = chart_table(spec) if spec is not None else []
        if spec is not None:
            self._headers = (spec.category_axis or "Item", spec.value_axis or "Value")
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else 2

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        return self._rows[index.row()][index.column()].replace("\n", " ")

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> object:  # noqa: N802
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self._headers[section] if 0 <= section < 2 else None
        return str(section + 1)


class ChartPanel(QWidget):
    """Shows one ChartSpec at a time. `chart_shown` fires when a plot is on screen (or there is none to show)."""

    chart_shown = Signal()
    plot_created = Signal(object)  # the pyqtgraph PlotWidget, for the export actions' context menu

    def __init__(self, loader: PlotLoader, dark: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._loader = loader
        self._dark = dark
        self.spec: ChartSpec | None = None
        self.plot_widget: QWidget | None = None
        self.status = QLabel("Loading chart…", self)
        self.status.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.status.setMinimumHeight(240)
        self.status.setAccessibleName("Chart status")
        self.table_model = ChartTableModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.table_model)
        self.table.setAccessibleName("Chart data")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.table.verticalHeader().setVisible(False)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.addWidget(self.status, 3)
        self._layout.addWidget(self.table, 1)
        loader.loaded.connect(self._on_plot_module_ready)
        loader.failed.connect(self._on_plot_module_failed)

    @property
    def is_ready(self) -> bool:
        """True once what is to be shown is shown: a chart, 'no chart', or why charts are unavailable."""
        return self.spec is None or self.plot_widget is not None or self._loader.error is not None

    def set_spec(self, spec: ChartSpec | None) -> None:
        self.spec = spec
        self.table_model.set_spec(spec)
        self.table.setVisible(spec is not None)
        self.table.setMaximumHeight(self._table_height())
        self.setAccessibleDescription(spec.title if spec else "")
        self._drop_plot()
        if spec is None:
            self._show_status("No chart for this page.")
        elif self._loader.error is not None:
            self._show_status(f"Charts are unavailable ({self._loader.error}); the data is in the table below.")
        elif self._loader.module is None:
            self._show_status("Loading chart…")
        else:
            self._build_plot()

    def _table_height(self) -> int:
        rows = min(self.table_model.rowCount(), 6)
        header = self.table.horizontalHeader().sizeHint().height()
        return header + rows * self.table.verticalHeader().defaultSectionSize() + 2 * self.table.frameWidth() + 2

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
        widget = self._loader.module.make_plot_widget(self.spec, self, dark=self._dark)
        widget.setAccessibleName(f"Chart: {self.spec.title}")
        widget.setMinimumHeight(240)
        self.plot_widget = widget
        self.status.setVisible(False)
        self._layout.insertWidget(0, widget, 3)
        self.plot_created.emit(widget)
        self.chart_shown.emit()

    def _on_plot_module_ready(self) -> None:
        if self.spec is not None and self.plot_widget is None:
            self._build_plot()

    def _on_plot_module_failed(self, message: str) -> None:
        self.set_spec(self.spec)
