"""Desktop integration: the files validate with the desktop's own tools, install into the user's XDG folders,
and make a fact base file typed as ours by xdg-mime. Tools missing here are skipped by name; .ci installs them."""

from __future__ import annotations

import configparser
import os
import shutil
import sqlite3
import struct
import subprocess
import sys
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from desktop import __version__
from desktop.app import main
from desktop.desktop_files import APP_ID, EXTENSION, MIME_TYPE, desktop_entry, source_dir, source_files
from desktop.paths import bundled_factbase

ROOT = Path(__file__).resolve().parents[2]
SRC = source_dir()
DESKTOP = SRC / f"{APP_ID}.desktop"
METAINFO = SRC / f"{APP_ID}.metainfo.xml"
MIME_XML = SRC / f"{APP_ID}.mime.xml"
MIME_NS = {"m": "http://www.freedesktop.org/standards/shared-mime-info"}


def _tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        pytest.skip(f"{name} is not installed (Debian: see SYSTEM_PACKAGES in .ci/setup.sh)")
    return path


def _entry(text: str) -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    parser.read_string(text)
    return parser["Desktop Entry"]


def _validate_desktop_file(path: Path) -> None:
    result = subprocess.run([_tool("desktop-file-validate"), str(path)], capture_output=True, text=True)
    problems = [line for line in result.stdout.splitlines() if ": hint:" not in line]
    assert result.returncode == 0 and not problems, result.stdout + result.stderr


@pytest.fixture
def data_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A private $XDG_DATA_HOME (and HOME), so no test touches the real user's folders."""
    home = tmp_path / "home"
    data = home / ".local" / "share"
    data.mkdir(parents=True)
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(data))
    return data


def test_desktop_file_validates() -> None:
    _validate_desktop_file(DESKTOP)


def test_desktop_file_opens_fact_bases_with_the_app() -> None:
    entry = _entry(DESKTOP.read_text(encoding="utf-8"))
    scripts = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["scripts"]
    assert entry["Exec"] == "fact-explorer %F" and "fact-explorer" in scripts
    assert entry["MimeType"].split(";")[0] == MIME_TYPE
    assert entry["Icon"] == APP_ID
    assert entry["Terminal"] == "false"
    assert entry["Keywords"] and entry["Categories"]


def test_metainfo_validates() -> None:
    result = subprocess.run(
        [_tool("appstreamcli"), "validate", "--no-net", str(METAINFO)], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_metainfo_names_this_app_its_type_and_its_version() -> None:
    root = ET.parse(METAINFO).getroot()
    assert root.findtext("id") == APP_ID
    assert root.findtext("launchable") == DESKTOP.name
    assert root.findtext("provides/binary") == "fact-explorer"
    assert root.findtext("provides/mediatype") == MIME_TYPE
    assert root.findtext("metadata_license") == "CC0-1.0"
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert root.findtext("project_license") == project["license"]["text"]
    assert root.find("content_rating").get("type", "").startswith("oars")  # type: ignore[union-attr]
    newest = root.find("releases/release")
    assert newest is not None and newest.get("version") == __version__, "add a <release> for the new version"
    images = [img.text or "" for img in root.iterfind("screenshots/screenshot/image")]
    assert images
    for url in images:
        assert (ROOT / "docs" / "screenshots" / url.rsplit("/", 1)[1]).is_file(), url


def test_mime_type_is_our_extension_and_a_kind_of_sqlite() -> None:
    (mime,) = ET.parse(MIME_XML).getroot().findall("m:mime-type", MIME_NS)
    assert mime.get("type") == MIME_TYPE
    assert [g.get("pattern") for g in mime.findall("m:glob", MIME_NS)] == [f"*{EXTENSION}"]
    assert mime.find("m:sub-class-of", MIME_NS).get("type") == "application/vnd.sqlite3"  # type: ignore[union-attr]
    match = mime.find("m:magic/m:match", MIME_NS)
    assert match is not None and match.get("value") == "SQLite format 3\\0" and match.get("offset") == "0"


def test_every_png_icon_is_the_size_its_folder_says() -> None:
    icons = [p for p in source_files() if p.suffix == ".png"]
    assert {p.parent.parent.name for p in icons} >= {"16x16", "32x32", "48x48", "64x64", "128x128", "256x256"}
    for icon in icons:
        header = icon.read_bytes()[:24]
        assert header[:8] == b"\x89PNG\r\n\x1a\n", icon
        width, height = struct.unpack(">II", header[16:24])
        assert f"{width}x{height}" == icon.parent.parent.name, icon
    (svg,) = [p for p in source_files() if p.suffix == ".svg"]
    view_box = ET.parse(svg).getroot().get("viewBox", "").split()
    assert len(view_box) == 4 and view_box[2] == view_box[3], "the scalable icon is square"


def test_install_puts_every_file_into_the_users_data_folders(data_home: Path) -> None:
    assert main(["install-desktop-files"]) == 0
    for source, relative in source_files().items():
        target = data_home / relative
        assert target.is_file(), relative
        if source.suffix != ".desktop":
            assert target.read_bytes() == source.read_bytes()
    assert (data_home / "applications" / DESKTOP.name).is_file()
    assert (data_home / "metainfo" / METAINFO.name).is_file()
    assert (data_home / "mime" / "packages" / f"{APP_ID}.xml").is_file()
    assert (data_home / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg").is_file()
    _validate_desktop_file(data_home / "applications" / DESKTOP.name)


def test_prefix_installs_under_its_share_folder(tmp_path: Path, data_home: Path) -> None:
    assert main(["install-desktop-files", "--prefix", str(tmp_path / "usr"), "--no-caches"]) == 0
    share = tmp_path / "usr" / "share"
    assert (share / "applications" / DESKTOP.name).is_file()
    assert not (share / "mime" / "mime.cache").exists(), "--no-caches ran update-mime-database"
    assert not any(data_home.iterdir()), "--prefix also wrote into $XDG_DATA_HOME"


def test_an_unwritable_place_is_one_line_and_exit_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory")
    assert main(["install-desktop-files", "--prefix", str(blocker), "--no-caches"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and str(blocker) in err


def test_without_the_command_on_path_the_entry_starts_the_app_by_full_path(
    data_home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    assert main(["install-desktop-files", "--no-caches"]) == 0
    entry = _entry((data_home / "applications" / DESKTOP.name).read_text(encoding="utf-8"))
    program = entry["Exec"].split()[0].strip('"')
    assert Path(program).is_absolute() and os.access(program, os.X_OK), entry["Exec"]
    assert entry["Exec"].endswith(" %F")
    monkeypatch.undo()
    _validate_desktop_file(data_home / "applications" / DESKTOP.name)


def test_a_program_path_with_spaces_is_quoted_as_the_spec_says(tmp_path: Path) -> None:
    text = desktop_entry(["/opt/my apps/fact-explorer", "--flag=100%"])
    entry = _entry(text)
    assert entry["Exec"] == '"/opt/my apps/fact-explorer" --flag=100%% %F'
    assert entry["TryExec"] == "/opt/my apps/fact-explorer"
    path = tmp_path / DESKTOP.name
    path.write_text(text, encoding="utf-8")
    _validate_desktop_file(path)


def _sqlite_copy(path: Path, application_id: int | None = None) -> Path:
    shutil.copyfile(bundled_factbase(), path)
    if application_id is not None:
        conn = sqlite3.connect(path)  # our own scratch copy, not a user's file
        conn.execute(f"PRAGMA application_id = {application_id:d}")
        conn.commit()
        conn.close()
    return path


@pytest.mark.parametrize("session", ["no desktop (mimetype)", "GNOME (gio)"])
def test_xdg_mime_types_a_fact_base_file_as_ours(data_home: Path, tmp_path: Path, session: str) -> None:
    xdg_mime = _tool("xdg-mime")
    _tool("update-mime-database")
    env = {
        "PATH": os.environ["PATH"],
        "HOME": os.environ["HOME"],
        "XDG_DATA_HOME": str(data_home),
        "XDG_DATA_DIRS": f"{data_home}:/usr/local/share:/usr/share",
    }
    if session.startswith("GNOME"):
        _tool("gio")
        env["XDG_CURRENT_DESKTOP"] = "GNOME"
    else:
        # Outside a session xdg-mime asks `mimetype`; without it, file(1), which reads no shared-mime-info.
        _tool("mimetype")
    assert main(["install-desktop-files"]) == 0

    def filetype(path: Path) -> str:
        result = subprocess.run([xdg_mime, "query", "filetype", str(path)], env=env, capture_output=True, text=True)
        assert result.returncode == 0, result.stderr
        return result.stdout.strip()

    assert filetype(_sqlite_copy(tmp_path / f"report{EXTENSION}")) == MIME_TYPE
    # Other SQLite files stay SQLite; a fact base carrying our application id is ours whatever its name.
    assert filetype(_sqlite_copy(tmp_path / "other.sqlite")) == "application/vnd.sqlite3"
    assert filetype(_sqlite_copy(tmp_path / "renamed.sqlite", application_id=0x46414354)) == MIME_TYPE


def test_installing_never_imports_qt(tmp_path: Path) -> None:
    script = f"""
import sys
from desktop.app import main
assert main(["install-desktop-files", "--prefix", {str(tmp_path)!r}, "--no-caches"]) == 0
print(sorted(m for m in sys.modules if m.split(".")[0] in ("PySide6", "shiboken6", "pyqtgraph")))
"""
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True).stdout
    assert out.strip().splitlines()[-1] == "[]"


def test_an_installation_without_the_files_says_so(
    data_home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # A wheel whose package data left out .desktop and .xml files: one line, exit 1, nothing half-installed.
    monkeypatch.setattr("desktop.desktop_files.source_dir", lambda: tmp_path / "no-such-resources")
    assert main(["install-desktop-files"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and f"{APP_ID}.desktop" in err
    assert not any(data_home.iterdir())
