#!/usr/bin/env bash
# Screenshots of `tierwise report --format html` in Debian's headless Chromium: desktop light
# and dark, a phone's width, and the first printed page (pdftoppm from poppler-utils).
# Needs: apt-get install chromium poppler-utils. Run from the repository root.
set -euo pipefail
out=screenshots
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# A clean home: the built-in default scenario, no saved state or user data.
TIERWISE_HOME="$work/home" cargo run --quiet -- report --format html --output "$work/plan.html"
shot() { # shot NAME WIDTH HEIGHT [extra flags...]
  local name=$1 w=$2 h=$3
  shift 3
  /usr/bin/chromium --headless --no-sandbox --disable-gpu --disable-background-networking \
    --disable-component-update --no-first-run --disable-sync --hide-scrollbars \
    --user-data-dir="$work/profile-$name" --window-size="$w,$h" "$@" \
    --screenshot="$out/$name.png" "file://$work/plan.html" 2>/dev/null
}
shot html-report 1000 1900
shot html-report-dark 1000 1900 --force-dark-mode --blink-settings=preferredColorScheme=0
shot html-report-phone 390 1100
/usr/bin/chromium --headless --no-sandbox --disable-gpu --disable-background-networking \
  --disable-component-update --no-first-run --disable-sync --no-pdf-header-footer \
  --user-data-dir="$work/profile-pdf" --print-to-pdf="$work/plan.pdf" \
  "file://$work/plan.html" 2>/dev/null
pdftoppm -r 60 -png -f 1 -l 2 "$work/plan.pdf" "$work/page"
cp "$work/page-1.png" "$out/html-report-print-1.png"
cp "$work/page-2.png" "$out/html-report-print-2.png"
