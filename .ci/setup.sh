# Sourced by .ci/launch, .ci/test and .ci/run: makes a fresh Debian machine ready, and does nothing twice.
# System packages (as root, only those missing), then a virtual environment in .venv with the project
# installed editable with its test extra, reinstalled only when pyproject.toml changes.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

SYSTEM_PACKAGES=(
  python3 python3-venv
  # Qt offscreen: tests, PNG and PDF export; fonts, or PDFs carry no text
  libgl1 libegl1 libglib2.0-0 libxkbcommon0 libfontconfig1 libdbus-1-3 fonts-dejavu-core
  # Chinese glyphs for the 简体中文 interface (window, charts, sheets)
  fonts-wqy-microhei
  # a real X server for the window and its screenshots
  xvfb xauth libxcb-cursor0 libxkbcommon-x11-0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 libxcb-xkb1
  # reading back what we print: pdftotext, pdfinfo, pdftoppm
  poppler-utils
  # validating and installing the desktop files: desktop-file-validate, appstreamcli, update-mime-database, xdg-mime
  # (outside a desktop session xdg-mime asks mimetype, from libfile-mimeinfo-perl; without it, file(1), which
  # knows no shared-mime-info type)
  desktop-file-utils appstream shared-mime-info xdg-utils libfile-mimeinfo-perl
)

missing=()
if command -v dpkg-query >/dev/null 2>&1; then
  for pkg in "${SYSTEM_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "ok installed" || missing+=("$pkg")
  done
fi
if ((${#missing[@]})); then
  if [ "$(id -u)" -ne 0 ]; then
    echo "setup: missing system packages (run as root, or install them): ${missing[*]}" >&2
    exit 1
  fi
  echo "setup: installing ${missing[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

PYTHON=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$PYTHON" -m venv .venv
fi
stamp=.venv/.fact-explorer-installed
want=$(sha256sum pyproject.toml | cut -d' ' -f1)
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
  log=$(mktemp)
  # pip and setuptools are chatty about editable installs; show their output only when they fail.
  if ! { .venv/bin/python -m pip install -q --upgrade pip && .venv/bin/python -m pip install -q -e '.[test]'; } >"$log" 2>&1; then
    cat "$log" >&2
    exit 1
  fi
  rm -f "$log"
  echo "$want" > "$stamp"
fi
