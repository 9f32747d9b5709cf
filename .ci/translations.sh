#!/usr/bin/env bash
# Refresh the translations: collect every translatable string of desktop/ into the .ts files (keeping what is
# translated already), then build the .qm files the app loads. Run after changing user-visible text; a test
# (tests/ui/test_ui_translations.py) fails while a string is missing, untranslated, or a .qm is out of date.
set -euo pipefail
cd "$(dirname "$0")/.."
mapfile -t sources < <(git ls-files 'desktop/*.py'; git ls-files --others --exclude-standard 'desktop/*.py')
for ts in resources/translations/fact_explorer_*.ts; do
  .venv/bin/pyside6-lupdate -no-obsolete -locations none "${sources[@]}" -ts "$ts"
  .venv/bin/pyside6-lrelease -silent "$ts" -qm "${ts%.ts}.qm"
done
