"""The fact page's "In other reports" (desktop.ui.series_panel): the same metric in the library's other reports,
found on the worker, shown with a time chart, and the user's confirm / not the same / undo kept across restarts."""

from __future__ import annotations

import tests_ui_annotations_helpers as helpers
from PySide6.QtWidgets import QLabel, QPushButton

from desktop.domain.target import Target

library_paths, data_dir, make_library_window = helpers.library_paths, helpers.data_dir, helpers.make_library_window
close_library_window, report_id_of = helpers.close_library_window, helpers.report_id_of


def _shown(qtbot, actions, key: str, window) -> None:
    with qtbot.waitSignal(actions.series.series_shown, timeout=20_000):
        window.open_target(key)
    qtbot.waitUntil(lambda: actions.series.result is not None or not actions.series.dock.isVisible())


def _rows(panel) -> list[tuple[str, str, str, str]]:
    table = panel.table
    rows = []
    for row in range(table.rowCount()):
        state = table.cellWidget(row, 3).findChild(QLabel, "series-state").text()
        rows.append((table.item(row, 0).text(), table.item(row, 1).text(), table.item(row, 2).text(), state))
    return rows


def _button(panel, row: int, decision: str) -> QPushButton:
    button = panel.table.cellWidget(row, 3).findChild(QPushButton, f"series-{decision}")
    assert button is not None, f"no {decision} button in row {row}"
    return button


def test_a_fact_page_lists_the_metric_in_the_other_reports_in_time_order(qtbot, make_library_window, charted):
    window, actions = make_library_window()
    _shown(qtbot, actions, "fact:residents", window)
    panel = actions.series
    assert panel.dock.isVisible()
    assert _rows(panel) == [
        ("end of 2023", "11,900", "Ostmark Grows to 11,900 Residents", "proposed"),
        ("end of 2024", "12,400", "Harbour Town Counts 12,400 Residents and 3 Ferries", "this page"),
        ("end of June 2025", "12,650", "Ostmark Passes 12,650 Residents", "proposed"),
    ]
    assert panel.heading.text() == "Residents of Ostmark in 2 other reports"
    # The time chart: one bar per report, in the same order, drawn with the app's chart code.
    assert panel.chart_widget is not None and panel.chart_widget.isVisible()
    from desktop.charts.spec.series import chart_for_series

    spec = chart_for_series(panel.result.series)
    assert [b.label for b in spec.bars] == ["2023", "2024", "Jun 2025"]
    # Off a fact page the panel goes away.
    _shown(qtbot, actions, "section:transport", window)
    assert not panel.dock.isVisible()


def test_confirm_and_not_the_same_are_kept_across_a_restart_and_undone(qtbot, make_library_window, charted):
    window, actions = make_library_window()
    _shown(qtbot, actions, "fact:residents", window)
    panel = actions.series
    with qtbot.waitSignal(panel.series_shown, timeout=20_000):
        _button(panel, 0, "confirm").click()  # end of 2023: the same metric
    with qtbot.waitSignal(panel.series_shown, timeout=20_000):
        _button(panel, 2, "reject").click()  # end of June 2025: not the same
    assert [r[3] for r in _rows(panel)] == ["confirmed", "this page", "not the same"]
    assert [m.fact.period for m in panel.result.series.members] == ["end of 2023", "end of 2024"]
    close_library_window(window)

    # The app starts again on the same user database: the decisions hold.
    window, actions = make_library_window()
    _shown(qtbot, actions, "fact:residents", window)
    panel = actions.series
    assert _rows(panel) == [
        ("end of 2023", "11,900", "Ostmark Grows to 11,900 Residents", "confirmed"),
        ("end of 2024", "12,400", "Harbour Town Counts 12,400 Residents and 3 Ferries", "this page"),
        ("end of June 2025", "12,650", "Ostmark Passes 12,650 Residents", "not the same"),
    ]
    # The chart leaves out what the user said is not the same.
    from desktop.charts.spec.series import chart_for_series

    bars = chart_for_series(panel.result.series).bars
    assert [b.label for b in bars] == ["2023", "2024"]
    # Undo both: the rule's proposals stand again, and the user database holds no decision.
    with qtbot.waitSignal(panel.series_shown, timeout=20_000):
        _button(panel, 0, "forget").click()
    with qtbot.waitSignal(panel.series_shown, timeout=20_000):
        _button(panel, 2, "forget").click()
    assert [r[3] for r in _rows(panel)] == ["proposed", "this page", "proposed"]
    tiny = report_id_of(window, "Harbour Town")
    assert window.user_data.series_decisions(tiny, "residents") == []


def test_double_click_on_a_member_opens_it_in_its_report(qtbot, make_library_window, charted):
    window, actions = make_library_window()
    _shown(qtbot, actions, "fact:residents", window)
    with qtbot.waitSignal(actions.series.series_shown, timeout=20_000):
        actions.series.table.cellDoubleClicked.emit(2, 0)
    later = report_id_of(window, "Ostmark Passes")
    assert window.current_target == Target.fact("residents").in_report(later)
    assert window.factbase.document.title == "Ostmark Passes 12,650 Residents"
    # From there the series is the same metric seen from 2025, the tiny report's figure among the others.
    assert [r[3] for r in _rows(actions.series)] == ["proposed", "proposed", "this page"]


def test_one_report_alone_has_no_other_reports_to_show(qtbot, make_library_window):
    window, actions = make_library_window(reports=1)
    with qtbot.waitSignal(actions.series.series_shown, timeout=5_000):
        window.open_target("fact:residents")
    assert actions.series.result is None and not actions.series.dock.isVisible()


def test_without_a_user_database_the_series_shows_but_links_cannot_be_kept(qtbot, make_library_window, charted):
    window, actions = make_library_window(user_data=False)
    _shown(qtbot, actions, "fact:residents", window)
    confirm = _button(actions.series, 0, "confirm")
    assert not confirm.isEnabled() and "user database" in confirm.toolTip()
