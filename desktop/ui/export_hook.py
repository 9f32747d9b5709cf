"""Where the window meets the export and print actions (desktop.ui.export_actions, written separately).

Loaded after the window is painted: printing and export pull in modules the first paint does not need.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from desktop.charts.spec import ChartSpec
from desktop.ui.navigation import split_target

if TYPE_CHECKING:
    from desktop.ui.main_window import MainWindow


def install_export_actions(window: MainWindow) -> Any | None:
    """Add Export Chart…, Copy Chart, Print…, Export PDF…, Export All Charts… to the File menu.

    Returns the ExportActions, or None while that module does not exist yet (the menus then lack them).
    """
    try:
        from desktop.export.sheet_content import SheetTarget
        from desktop.ui.export_actions import ExportActions
    except ImportError:
        return None

    def current_target() -> SheetTarget | None:
        kind, ident = split_target(window.current_target or "report")
        if kind == "fact":
            return SheetTarget.fact(ident)
        if kind == "section":
            return SheetTarget.section(ident)
        return SheetTarget.report()

    def current_chart() -> ChartSpec | None:
        return window.chart.spec

    actions = ExportActions(window, window.factbase, current_target, current_chart)
    actions.install(window.window_actions.file_menu)
    window.page_changed.connect(lambda _target: actions.update_enabled())
    window.chart.chart_shown.connect(actions.update_enabled)  # Export Chart… waits for the chart to arrive
    window.chart.plot_created.connect(actions.chart_context_menu)
    if window.chart.plot_widget is not None:
        actions.chart_context_menu(window.chart.plot_widget)
    actions.update_enabled()
    return actions
