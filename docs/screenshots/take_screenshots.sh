#!/bin/sh
# The README's screenshots, taken by the app itself (fact-explorer --open ID --screenshot FILE) under Xvfb,
# in the light palette and again in the dark one. Run from the checkout: sh docs/screenshots/take_screenshots.sh
set -eu
cd "$(dirname "$0")/../.."
APP=${APP:-.venv/bin/fact-explorer}
OUT=docs/screenshots
shoot() {  # name open-id scheme
    xvfb-run -a -s "-screen 0 1600x1000x24" "$APP" --theme "$3" --open "$2" --screenshot "$OUT/$1.png"
}
for scheme in light dark; do
    suffix=$([ "$scheme" = dark ] && echo "-dark" || echo "")
    shoot "report$suffix" report "$scheme"
    shoot "section$suffix" data-market "$scheme"
    shoot "fact$suffix" internet-penetration-rate "$scheme"
    shoot "glossary$suffix" "term:national medical insurance code" "$scheme"
done
xvfb-run -a -s "-screen 0 1600x1000x24" "$APP" --language zh_CN --open internet-users --screenshot "$OUT/fact-zh.png"
ls -l "$OUT"/*.png
