"""View ▸ Theme: System, Light, Dark; the window and its chart recolour, and the choice comes back next time."""

from __future__ import annotations

from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication

from desktop.ui.main_window import MainWindow
from desktop.ui.theme import Theme, is_dark


def theme_actions(window: MainWindow) -> dict[str, object]:
    view = next(a.menu() for a in window.menuBar().actions() if a.objectName() == "viewMenu")
    theme = next(a.menu() for a in view.actions() if a.text() == "&Theme")
    return {a.data(): a for a in theme.actions()}


def test_switching_to_dark_recolours_page_and_chart_and_is_remembered(qtbot, qapp, factbase, settings, loader, charted):
    theme = Theme(qapp, settings)
    window = MainWindow(factbase, loader, settings, None, theme)
    qtbot.addWidget(window)
    window.show()
    window.open_target("fact:internet-penetration-rate")
    qtbot.waitUntil(lambda: window.chart.plot_widget is not None)
    light_background = QColor(window.chart.plot_widget.backgroundBrush().color())
    actions = theme_actions(window)
    assert set(actions) == {"system", "light", "dark"}
    try:
        actions["dark"].trigger()
        assert is_dark(QApplication.palette()) and window._colours.dark
        qtbot.waitUntil(lambda: window.chart.plot_widget is not None)
        dark_background = QColor(window.chart.plot_widget.backgroundBrush().color())
        assert dark_background.lightness() < 100 < light_background.lightness()
        assert "#e6e6e6" in window.page.toHtml().lower()  # the page drawn again in the dark page colours
        assert Theme(qapp, settings).choice == "dark"  # remembered: the next window starts dark
    finally:
        theme.set_choice("light")
    assert not is_dark(QApplication.palette())


def test_system_follows_the_desktop_when_its_scheme_changes(qtbot, qapp, factbase, settings, loader, monkeypatch):
    """Offscreen Qt has no colour scheme of its own to change: the desktop's answer is stood in for, and the
    signal Qt sends when it changes is sent as the platform would."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication

    from desktop.ui import theme as theme_module

    theme = Theme(qapp, settings, "system")
    window = MainWindow(factbase, loader, settings, None, theme)
    qtbot.addWidget(window)
    assert not window._colours.dark
    monkeypatch.setattr(theme_module, "system_is_dark", lambda: True)
    try:
        QGuiApplication.styleHints().colorSchemeChanged.emit(Qt.ColorScheme.Dark)
        assert window._colours.dark and is_dark(QApplication.palette())
    finally:
        monkeypatch.setattr(theme_module, "system_is_dark", lambda: False)
        QGuiApplication.styleHints().colorSchemeChanged.emit(Qt.ColorScheme.Light)
    assert not window._colours.dark
