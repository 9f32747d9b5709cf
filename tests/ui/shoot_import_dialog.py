"""Look at the import dialog: the window, the dialog on a test report, grabbed to PNG files (not a test).

    QT_QPA_PLATFORM=offscreen .venv/bin/python tests/ui/shoot_import_dialog.py OUT_DIR [REPORT]

Writes OUT_DIR/import-dialog.png (the dialog at its default size), import-dialog-1024x680.png (the window at
1024×680 with the dialog fitted inside it), import-editing.png (a qualifier being chosen) and file-menu.png.
User data goes to a temporary folder, never the user's own.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ["FACT_EXPLORER_DATA_DIR"] = tempfile.mkdtemp(prefix="fact-explorer-shot-")


def main(out_dir: Path, report: Path) -> int:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from desktop.paths import bundled_factbase
    from desktop.qt_runtime import keep_singletons_alive
    from desktop.store import FactBase
    from desktop.ui.main_window import MainWindow
    from desktop.ui.plot_loader import PlotLoader
    from desktop.ui.report_actions import attach_report_actions
    from desktop.ui.review_model import QUALIFIER
    from desktop.userdata import UserData

    keep_singletons_alive()
    app = QApplication.instance() or QApplication([])
    settings = QSettings(str(Path(os.environ["FACT_EXPLORER_DATA_DIR"]) / "s.ini"), QSettings.Format.IniFormat)
    user_data = UserData.open()
    factbase = FactBase.open(bundled_factbase())
    window = MainWindow(factbase, PlotLoader(), settings, user_data)
    window.open_initial(None)
    window.show()
    actions = attach_report_actions(window)
    dialog = actions.start_import(report)
    while dialog.plan is None:
        app.processEvents()
    app.processEvents()
    out_dir.mkdir(parents=True, exist_ok=True)
    dialog.grab().save(str(out_dir / "import-dialog.png"))
    window.resize(1024, 680)
    dialog.resize(min(dialog.width(), 1024 - 40), min(dialog.height(), 680 - 60))
    app.processEvents()
    dialog.grab().save(str(out_dir / "import-dialog-1024x680.png"))
    dialog.table.setCurrentIndex(dialog.model.index(1, QUALIFIER))  # type: ignore[union-attr]
    dialog.table.edit(dialog.table.currentIndex())
    app.processEvents()
    dialog.grab().save(str(out_dir / "import-editing.png"))
    dialog.reject()
    app.processEvents()
    menu = window.window_actions.file_menu
    menu.aboutToShow.emit()  # as when it opens: Open Recent and Remove from Library are brought up to date
    menu.popup(window.mapToGlobal(window.rect().topLeft()))
    app.processEvents()
    menu.grab().save(str(out_dir / "file-menu.png"))
    menu.close()
    window.close()
    user_data.close()
    return 0


if __name__ == "__main__":
    default = ROOT / "tests" / "importer" / "reports" / "riverside_transport_2024.txt"
    sys.exit(main(Path(sys.argv[1]), Path(sys.argv[2]) if len(sys.argv) > 2 else default))
