"""The interface's language: the system's, or one chosen in View ▸ Language (English, 简体中文).

Our own strings come from resources/translations/fact_explorer_LANG.qm (built from the .ts files beside it by
.ci/translations.sh), Qt's own dialogs from Qt's qtbase/qt translations; code below Qt translates through
desktop.domain.i18n, installed here. The report's text is never translated: it is quoted as written.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator

from desktop.domain import i18n
from desktop.domain.i18n import QT_TRANSLATE_NOOP
from desktop.paths import resources_dir

LANGUAGES = {
    "system": QT_TRANSLATE_NOOP("Language", "&System Language"),
    "en": "&English",
    "zh_CN": "简体中文 (&Chinese)",
}
TRANSLATED = ("zh_CN",)
_SETTING = "view/language"


def chosen_language(settings: QSettings | None, forced: str | None = None) -> str:
    """The language to run in: forced (a command-line choice), else the setting, else the system's."""
    choice = forced or (settings.value(_SETTING) if settings is not None else None) or "system"
    if choice not in LANGUAGES:
        choice = "system"
    if choice != "system":
        return str(choice)
    system = QLocale.system().name()  # "zh_CN", "en_GB", …
    return next((lang for lang in TRANSLATED if system.startswith(lang.split("_")[0])), "en")


def install_language(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Load the translations for language into app; English needs none. Returns the translators (kept alive)."""
    if language not in TRANSLATED:
        i18n.reset()
        return []
    translators = []
    ours = QTranslator(app)
    if ours.load(str(resources_dir() / "translations" / f"fact_explorer_{language}.qm")):
        translators.append(ours)
    qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for name in ("qtbase", "qt"):
        qt = QTranslator(app)
        if qt.load(f"{name}_{language}", qt_folder):
            translators.append(qt)
            break
    for translator in translators:
        app.installTranslator(translator)
    QLocale.setDefault(QLocale(language))
    i18n.install(QCoreApplication.translate, chinese_numbers=language.startswith("zh"))
    return translators


def save_language(settings: QSettings, choice: str) -> None:
    settings.setValue(_SETTING, choice if choice in LANGUAGES else "system")


def current_setting(settings: QSettings | None) -> str:
    value = settings.value(_SETTING) if settings is not None else None
    return str(value) if value in LANGUAGES else "system"


def add_language_menu(window: object, settings: QSettings | None) -> None:
    """View ▸ Language: the system's, English, 简体中文; the choice is kept and takes effect at the next start."""
    from PySide6.QtGui import QAction, QActionGroup
    from PySide6.QtWidgets import QMainWindow

    from desktop.ui.menus import find_menu

    assert isinstance(window, QMainWindow)
    if settings is None:
        return
    view = find_menu(window, "View")
    submenu = view.addMenu(QCoreApplication.translate("Language", "&Language"))
    group = QActionGroup(submenu)
    for choice, text in LANGUAGES.items():
        action = QAction(QCoreApplication.translate("Language", text) if choice == "system" else text, submenu)
        action.setCheckable(True)
        action.setChecked(choice == current_setting(settings))
        group.addAction(action)
        submenu.addAction(action)

        def chosen(_checked: bool = False, c: str = choice) -> None:
            save_language(settings, c)
            message = QCoreApplication.translate("Language", "The language changes when Fact Explorer starts again.")
            window.statusBar().showMessage(message, 8000)

        action.triggered.connect(chosen)
