#!/bin/sh
# Tests the page of a running `precis serve` in headless Chromium.
#   tests/browser/run.sh URL        e.g. http://127.0.0.1:8080
# Installs puppeteer-core from package-lock.json on first use (no browser
# download: Debian's /usr/bin/chromium is driven, or $CHROMIUM).  Ends with
# "N passed, N failed, N skipped"; exits non-zero when a check failed.
set -eu
[ $# -eq 1 ] || { echo "usage: $0 URL" >&2; exit 2; }
cd "$(dirname "$0")"
if [ ! -d node_modules/puppeteer-core ]; then
    PUPPETEER_SKIP_DOWNLOAD=1 npm ci --no-audit --no-fund >&2
fi
exec node test_page.js "$1"
