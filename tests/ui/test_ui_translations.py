"""简体中文: every user-visible string of the window is translated, the shipped .qm is built from the .ts, the
Chinese text has glyphs, and the window runs in Chinese with Chinese number words."""

from __future__ import annotations

import shutil
import subprocess
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QFont, QFontDatabase, QFontMetrics

from desktop.domain import i18n
from desktop.ui.language import install_language
from desktop.ui.main_window import MainWindow

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "translations" / "fact_explorer_zh_CN.ts"
BIN = ROOT / ".venv" / "bin"


def _sources() -> list[str]:
    listed = subprocess.run(["git", "ls-files", "desktop/*.py"], cwd=ROOT, capture_output=True, text=True).stdout
    return [str(ROOT / p) for p in listed.split()]


def _messages(ts: Path) -> list[tuple[str, str, str | None]]:
    """(context, source, translation or None when unfinished) of every message."""
    found = []
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            done = translation is not None and translation.get("type") not in ("unfinished", "vanished", "obsolete")
            text = translation.text if done and translation is not None else None
            found.append((name, message.findtext("source") or "", text))
    return found


@pytest.mark.skipif(not (BIN / "pyside6-lupdate").exists(), reason="pyside6-lupdate comes with PySide6-Essentials")
def test_every_string_of_the_code_is_translated(tmp_path: Path) -> None:
    fresh = tmp_path / TS.name
    shutil.copy(TS, fresh)
    subprocess.run(
        [str(BIN / "pyside6-lupdate"), "-no-obsolete", "-locations", "none", *_sources(), "-ts", str(fresh)],
        check=True,
        capture_output=True,
    )
    untranslated = [(c, s) for c, s, t in _messages(fresh) if not t]
    assert not untranslated, f"run .ci/translations.sh and translate: {untranslated[:10]}"
    assert len(_messages(fresh)) == len(_messages(TS))


def test_the_shipped_qm_is_built_from_the_ts(tmp_path: Path) -> None:
    built = tmp_path / "built.qm"
    subprocess.run([str(BIN / "pyside6-lrelease"), "-silent", str(TS), "-qm", str(built)], check=True)
    assert built.read_bytes() == TS.with_suffix(".qm").read_bytes(), "run .ci/translations.sh"


def test_every_chinese_character_has_a_glyph(qapp) -> None:
    text = "".join(t or "" for _c, _s, t in _messages(TS)) + "万亿第"
    wanted = {ch for ch in text if ord(ch) > 0x2E80}
    families = QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese)
    assert families, "no font with Chinese glyphs: install fonts-wqy-microhei (.ci/setup.sh does)"
    metrics = [QFontMetrics(QFont(family)) for family in families]
    missing = sorted(ch for ch in wanted if not any(m.inFontUcs4(ord(ch)) for m in metrics))
    assert not missing, missing


@pytest.fixture
def chinese(qapp) -> Iterator[None]:
    translators = install_language(qapp, "zh_CN")
    yield
    for translator in translators:
        qapp.removeTranslator(translator)
    i18n.reset()


def test_the_window_speaks_chinese_and_writes_numbers_the_chinese_way(qtbot, chinese, factbase, loader) -> None:
    window = MainWindow(factbase, loader)
    qtbot.addWidget(window)
    menus = [a.text() for a in window.menuBar().actions()]
    assert menus[0] == QCoreApplication.translate("Menus", "&File") != "&File"
    assert all(any(ord(ch) > 0x2E80 for ch in text) for text in menus), menus
    five_g = window.tree_model.index_of("fact:5g-base-stations")
    assert five_g.siblingAtColumn(1).data() == "455万 base stations"  # the number the Chinese way, the unit as written
    window.open_target("fact:internet-users")
    page = window.page.toPlainText()
    assert "11.23亿" in page
    assert "The number of internet users in China has reached 1.123 billion" in page  # the report as written
