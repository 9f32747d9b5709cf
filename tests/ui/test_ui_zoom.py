"""Ctrl++, Ctrl+- and Ctrl+0 size the text of every pane, not just the page, and the size comes back next time."""

from __future__ import annotations

from desktop.ui.main_window import MainWindow


def _sizes(window: MainWindow) -> tuple[float, float, float]:
    return (
        window.page.font().pointSizeF(),
        window.tree.font().pointSizeF(),
        window.glossary.term_list.font().pointSizeF(),
    )


def test_zoom_reaches_every_pane_and_is_remembered(qtbot, factbase, loader, settings) -> None:
    window = MainWindow(factbase, loader, settings)
    qtbot.addWidget(window)
    normal = _sizes(window)
    window.window_actions.zoom_in.trigger()
    window.window_actions.zoom_in.trigger()
    bigger = _sizes(window)
    assert all(b > n for b, n in zip(bigger, normal, strict=True))
    again = MainWindow(factbase, loader, settings)  # the next start, on the same settings
    qtbot.addWidget(again)
    assert _sizes(again) == bigger
    assert again.window_actions.zoom_reset is not None
    again.window_actions.zoom_reset.trigger()
    assert _sizes(again) == normal and again.zoom == 0
    again.window_actions.zoom_out.trigger()
    assert all(s < n for s, n in zip(_sizes(again), normal, strict=True))
