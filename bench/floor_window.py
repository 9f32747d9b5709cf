"""The start-up floor: the window's widget set with none of the app's code, shown, painted and saved like the app.

A tree of 30 rows, a text page, the glossary dock, five menus and a status bar at the app's first-launch size,
grabbed and saved through the same function as the app and the bare window. What the app takes beyond this is
its own code: imports, the store, building the pages.

Run: python bench/floor_window.py OUT.png  (with FACT_EXPLORER_TIMING=1 it prints "painted <epoch>" on stderr).
"""

from __future__ import annotations

import sys
from pathlib import Path

from bare_window import show_paint_save  # bench/ is this script's own directory, first on sys.path
from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QApplication, QDockWidget, QListView, QMainWindow, QSplitter, QTextBrowser, QTreeView

REPORT = Path(__file__).resolve().parent.parent / "resources" / "report" / "000_116ccc03037fb487.txt"


def build_window() -> QMainWindow:
    window = QMainWindow()
    window.resize(1440, 900)  # the app's first-launch size
    model = QStandardItemModel(window)
    for i in range(5):
        section = QStandardItem(f"Section {i}")
        model.appendRow([section, QStandardItem("1.07 billion")])
        for j in range(5):
            section.appendRow([QStandardItem(f"Fact {i}.{j} with a long label"), QStandardItem("4.55 million")])
    tree = QTreeView()
    tree.setModel(model)
    tree.expandAll()
    page = QTextBrowser()
    page.setHtml(REPORT.read_text(encoding="utf-8")[:1500])
    splitter = QSplitter()
    splitter.addWidget(tree)
    splitter.addWidget(page)
    window.setCentralWidget(splitter)
    dock = QDockWidget("Glossary", window)
    dock.setWidget(QListView())
    window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
    for name in ("File", "Edit", "View", "Go", "Help"):
        window.menuBar().addMenu(name).addAction("Item")
    window.statusBar().showMessage("20 facts")
    return window


def main(out: str) -> int:
    app = QApplication(sys.argv[:1])
    return show_paint_save(app, build_window(), Path(out))


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "floor.png"))
