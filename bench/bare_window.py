"""The yardstick for start-up: a bare PySide6 window, shown, painted and grabbed exactly as the app's is.

Run: python bench/bare_window.py OUT.png  (with FACT_EXPLORER_TIMING=1 it prints "painted <epoch>" on stderr).
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication, QWidget

from desktop.export.screenshot import save_screenshot
from desktop.ui.painted import report_painted, when_painted


def main(out: str) -> int:
    app = QApplication(sys.argv[:1])
    window = QWidget()
    window.setWindowTitle("bare")
    window.resize(1440, 900)  # the app's first-launch size (desktop/ui/main_window.py DEFAULT_SIZE)
    return show_paint_save(app, window, Path(out))


def show_paint_save(app: QApplication, window: QWidget, out: Path) -> int:
    """Show window, mark its first paint, save it as PNG the way the app does, and quit: one rule for every bench."""

    def _on_painted() -> None:
        report_painted("painted")
        save_screenshot(window, out)
        app.quit()

    when_painted(window, _on_painted)
    window.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "bare.png"))
