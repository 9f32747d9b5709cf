#!/bin/sh
# docs/gallery.md's pictures, made by the app itself: window screenshots (fact-explorer --open ID --screenshot)
# under Xvfb at 1024x680 and at 150% and 200% scale, charts (fact-explorer chart / compare), and one page of each
# kind of sheet (fact-explorer sheet) at A4 and Letter, turned into PNG by pdftoppm.
# Run from anywhere: sh docs/gallery/make_gallery.sh  (needs xvfb-run and poppler-utils, as the README says)
set -eu
cd "$(dirname "$0")/../.."
APP=${APP:-.venv/bin/fact-explorer}
OUT=docs/gallery
export PYTHONPATH="$PWD${PYTHONPATH:+:$PYTHONPATH}"  # this checkout's code, whatever the venv was installed from
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

# The window takes nine tenths of its screen: a 1138x756 screen gives the 1024x680 window; a 1024x680 screen
# scaled by 1.5 or 2 gives the 921x612 (logical pixels) window a small laptop at 150% or 200% shows.
window() {  # name open-id screen scale
    env -u QT_QPA_PLATFORM QT_SCALE_FACTOR="$4" \
        xvfb-run -a -s "-screen 0 $3x24" "$APP" --theme light --open "$2" --screenshot "$OUT/$1.png"
}
window window-1024-report report 1138x756 1
window window-1024-section digital-services 1138x756 1
window window-1024-fact internet-penetration-rate 1138x756 1
window window-1024-term "term:national smart education platform" 1138x756 1
window window-150-fact new-data-products-growth 1536x1020 1.5
window window-200-section data-market 2048x1360 2

chart() {  # name id
    "$APP" chart "$2" -o "$OUT/chart-$1.png" --width 640
}
chart card 5g-base-stations
chart share internet-penetration-rate
chart rank computing-power-rank
chart growth new-data-products-growth
chart derived new-data-products-year-earlier
chart overview digital-services
"$APP" compare internet-users medical-insurance-code-users e-social-security-card-users \
    -o "$OUT/chart-comparison.png" --width 640

page() {  # name pdf page
    pdftoppm -r 50 -png -f "$3" -l "$3" -singlefile "$2" "$OUT/$1"
}
for paper in A4 Letter; do
    lower=$(echo "$paper" | tr 'A-Z' 'a-z')
    "$APP" sheet internet-penetration-rate --paper "$paper" -o "$WORK/fact.pdf"
    "$APP" sheet data-market --paper "$paper" -o "$WORK/section.pdf"
    "$APP" sheet --all --paper "$paper" -o "$WORK/report.pdf"
    page "sheet-fact-$lower" "$WORK/fact.pdf" 1
    page "sheet-section-$lower" "$WORK/section.pdf" 1
    page "sheet-report-contents-$lower" "$WORK/report.pdf" 1
    page "sheet-report-section-$lower" "$WORK/report.pdf" 7
done
ls -l "$OUT"/*.png
du -ch "$OUT"/*.png | tail -1
