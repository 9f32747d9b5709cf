"""The window's report actions: File ▸ Open…, Open Recent, Import Report…, Remove from Library, and drops.

Every fact base the user opens (by menu, recent file, drop, or an import just written) goes through `open_path`:
opened read-only by the store, put in the window and in the user's library (UserData), and shown at its front
page. A file that is not a readable fact base gets a dialog with the store's one line, and nothing changes.
Removing a report takes it out of the window and the library; its file is never touched, and the bundled report
cannot be removed. The dialogs are module-level functions that tests replace.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QPoint, Qt
from PySide6.QtGui import QDropEvent, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox, QWidget

from desktop.domain.target import Target
from desktop.store import FactBase, FactBaseError
from desktop.ui.library_tree_model import TARGET_ROLE
from desktop.ui.menus import new_action
from desktop.ui.report_shelf import report_id as report_id_of

if TYPE_CHECKING:
    from desktop.ui.import_dialog import ImportDialog
    from desktop.ui.main_window import MainWindow

FACTBASE_FILTERS = ["Fact bases (*.sqlite *.factbase *.db)", "All files (*)"]
REPORT_FILTERS = ["Reports (*.txt *.md *.markdown *.html *.htm *.pdf)", "All files (*)"]
REPORT_SUFFIXES = {".txt", ".text", ".md", ".markdown", ".html", ".htm", ".xhtml", ".pdf"}  # the importer's
RECENT_SHOWN = 10


# The dialogs: replaced in tests --------------------------------------------------------------------------------
def ask_open_path(parent: QWidget, caption: str, filters: list[str]) -> str:
    path, _ = QFileDialog.getOpenFileName(parent, caption, "", ";;".join(filters))
    return path


def show_error(parent: QWidget, title: str, message: str) -> None:
    QMessageBox.warning(parent, title, message)


def attach_report_actions(window: MainWindow) -> ReportActions:
    """Add Open…, Open Recent, Import Report… and Remove from Library to the File menu, the tree's context menu
    and drag and drop onto the window. Called after the first paint, like the export actions."""
    actions = ReportActions(window)
    actions.install()
    window.report_actions = actions
    return actions


class ReportActions(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.import_dialog: ImportDialog | None = None
        self.open = new_action(
            self.window,
            QCoreApplication.translate("ReportActions", "&Open…"),
            QCoreApplication.translate("ReportActions", "Open a fact base file"),
            self._on_open,
        )
        self.open.setShortcut(QKeySequence(QKeySequence.StandardKey.Open))
        self.recent_menu = QMenu("Open &Recent", window)
        self.recent_menu.aboutToShow.connect(self.rebuild_recent)
        self.import_report = new_action(
            self.window,
            QCoreApplication.translate("ReportActions", "&Import Report…"),
            QCoreApplication.translate(
                "ReportActions", "Read a report (text, Markdown, HTML, PDF) and make a fact base of it"
            ),
            self._on_import,
        )
        self.import_report.setShortcut(QKeySequence("Ctrl+Shift+I"))
        self.remove = new_action(
            self.window,
            QCoreApplication.translate("ReportActions", "Re&move from Library"),
            QCoreApplication.translate("ReportActions", "Take the report viewed out of the library (its file stays)"),
            self._on_remove,
        )
        self.rebuild_recent()

    # Wiring ------------------------------------------------------------------------------------------------------
    def install(self) -> None:
        """Open…, Open Recent, Import Report… at the top of the File menu; Remove from Library after them."""
        menu = self.window.window_actions.file_menu
        before = menu.actions()[0] if menu.actions() else None
        menu.insertActions(before, [self.open])  # type: ignore[arg-type]
        menu.insertMenu(before, self.recent_menu)  # type: ignore[arg-type]
        menu.insertActions(before, [self.import_report, self.remove])  # type: ignore[arg-type]
        menu.insertSeparator(before)  # type: ignore[arg-type]
        menu.aboutToShow.connect(self.update_enabled)
        self.window.addActions([self.open, self.import_report])  # shortcuts work wherever focus is
        self.window.page_changed.connect(lambda _target: self.update_enabled())
        tree = self.window.tree
        tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        tree.customContextMenuRequested.connect(self._on_tree_menu)
        self.window.setAcceptDrops(True)
        self.window.installEventFilter(self)
        self.update_enabled()

    def removable(self, report_id: str) -> bool:
        shelf = self.window.shelf
        return report_id in shelf and not shelf.entry(report_id).bundled and len(shelf.entries()) > 1

    def update_enabled(self) -> None:
        self.remove.setEnabled(self.removable(self.window.current_report))

    # Opening -----------------------------------------------------------------------------------------------------
    def open_path(self, path: Path | str, *, replace: bool = False) -> bool:
        """Open a fact base into the window and the library and show its front page; False (after a dialog) if
        it cannot be read. A report already in the window is shown, not opened twice; with replace (a fact base
        the import just wrote, perhaps over the old file) the new file takes the old one's place."""
        path = Path(path)
        try:
            factbase = FactBase.open(path)
        except FactBaseError as exc:
            show_error(self.window, QCoreApplication.translate("ReportActions", "Open"), str(exc))
            return False
        window = self.window
        known = report_id_of(factbase)
        if replace and known in window.shelf and self.removable(known):
            window.remove_report(known)  # a new import of the same report: the new file, not the old one, is shown
        report_id = window.add_report(factbase)  # the same report twice: the shelf keeps the one it had
        user_data = window.user_data
        if user_data is not None:
            from desktop.userdata import UserDataError

            try:
                if window.shelf.entry(report_id).path.resolve() == path.resolve():
                    user_data.add_opened(window.shelf.get(report_id))
                else:
                    user_data.touch(path)
            except (UserDataError, FactBaseError) as exc:
                window.statusBar().showMessage(
                    QCoreApplication.translate(
                        "ReportActions", "Opened, but not remembered in the library: {0}"
                    ).format(exc),
                    8000,
                )
        window.open_target(Target.report().in_report(report_id))
        self.update_enabled()
        return True

    def rebuild_recent(self) -> None:
        self.recent_menu.clear()
        user_data = self.window.user_data
        paths = user_data.recent()[:RECENT_SHOWN] if user_data is not None else []
        for number, path in enumerate(paths, start=1):
            action = self.recent_menu.addAction(f"&{number % 10} {path.name}")
            action.setStatusTip(str(path))
            action.setData(str(path))
            action.triggered.connect(lambda _checked=False, p=path: self.open_path(p))
        if not paths:
            self.recent_menu.addAction("No Recent Fact Bases").setEnabled(False)
        self.recent_menu.setEnabled(user_data is not None)

    def _on_open(self) -> None:
        path = ask_open_path(self.window, "Open Fact Base", FACTBASE_FILTERS)
        if path:
            self.open_path(path)

    # Importing ---------------------------------------------------------------------------------------------------
    def _on_import(self) -> None:
        path = ask_open_path(self.window, "Import Report", REPORT_FILTERS)
        if path:
            self.start_import(Path(path))

    def start_import(self, report: Path) -> ImportDialog:
        """The import dialog on a report file: it reads at once, shows the review table, and writes on Create."""
        from desktop.ui.import_dialog import ImportDialog
        from desktop.userdata import user_data_dir

        if self.import_dialog is not None:
            self.import_dialog.reject()
        data_dir = user_data_dir() if self.window.user_data is not None else None
        dialog = ImportDialog(report, self.window.worker, data_dir, self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.created.connect(lambda path: self.open_path(path, replace=True))
        dialog.destroyed.connect(lambda: setattr(self, "import_dialog", None))
        self.import_dialog = dialog
        dialog.open()
        return dialog

    # Removing ----------------------------------------------------------------------------------------------------
    def remove_report(self, report_id: str) -> bool:
        """Take a report out of the window and the library (never the bundled one); the file stays."""
        if not self.removable(report_id):
            return False
        window = self.window
        user_data = window.user_data
        if user_data is not None:
            from desktop.userdata import BundledReportError, UnknownReportError, UserDataError

            try:
                user_data.remove_report(report_id)
            except UnknownReportError:
                pass  # opened this session without a library entry: only the window forgets it
            except (BundledReportError, UserDataError) as exc:
                show_error(window, QCoreApplication.translate("ReportActions", "Remove from Library"), str(exc))
                return False
        window.remove_report(report_id)
        self.update_enabled()
        return True

    def _on_remove(self) -> None:
        self.remove_report(self.window.current_report)

    def _on_tree_menu(self, point: QPoint) -> None:
        menu = self.tree_menu_at(point)
        if menu is not None:
            menu.popup(self.window.tree.viewport().mapToGlobal(point))

    def tree_menu_at(self, point: QPoint) -> QMenu | None:
        """The context menu for the tree row at point (viewport coordinates): report rows only."""
        index = self.window.tree.indexAt(point)
        key = index.data(TARGET_ROLE) if index.isValid() else None
        target = Target.parse(key) if key else None
        if target is None or target.kind != "report" or target.report_id is None:
            return None
        report_id = target.report_id
        menu = QMenu(self.window.tree)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        remove = menu.addAction("Remove from Library")
        remove.setStatusTip(
            QCoreApplication.translate("ReportActions", "Take this report out of the library (its file stays)")
        )
        remove.setEnabled(self.removable(report_id))
        remove.triggered.connect(lambda: self.remove_report(report_id))
        return menu

    # Drag and drop -----------------------------------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if watched is self.window and isinstance(event, QDropEvent):  # drag enter and move are drop events too
            files = dropped_files(event)
            if files and event.type() in (QEvent.Type.DragEnter, QEvent.Type.DragMove):
                event.acceptProposedAction()
                return True
            if files and event.type() == QEvent.Type.Drop:
                event.acceptProposedAction()
                self.open_dropped(files)
                return True
        return super().eventFilter(watched, event)

    def open_dropped(self, files: list[Path]) -> None:
        """Fact bases open; the first report file (text, Markdown, HTML, PDF) goes to the import dialog."""
        reports = [f for f in files if f.suffix.lower() in REPORT_SUFFIXES]
        for path in files:
            if path not in reports:
                self.open_path(path)
        if reports:
            self.start_import(reports[0])


def dropped_files(event: QDropEvent) -> list[Path]:
    mime = event.mimeData()
    if mime is None or not mime.hasUrls():
        return []
    return [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]
