"""The export and print actions (desktop.ui.export_actions) are wired into the File menu and the chart."""

from __future__ import annotations

from desktop.ui.export_actions import attach_export_actions


def test_file_menu_offers_export_and_print_for_the_page_viewed(qtbot, window, charted):
    actions = attach_export_actions(window)
    assert window.export_actions is actions
    texts = [a.text().replace("&", "") for a in window.window_actions.file_menu.actions()]
    for wanted in ("Export Chart…", "Copy Chart", "Print…", "Export PDF…", "Export All Charts…", "Quit"):
        assert wanted in texts
    assert actions.export_chart.shortcut().toString() == "Ctrl+E"
    window.open_target("fact:internet-users")
    assert actions.export_chart.isEnabled()
    assert actions.current_target().kind == "fact" and actions.current_target().id == "internet-users"
    assert actions.current_chart().chart_id == "internet-users"
    window.open_target("section:data-market")
    assert actions.current_target().kind == "section"
    window.open_target("report")
    assert actions.current_target().kind == "report"
