#!/bin/sh
# quickstart.sh: on a fresh Debian machine, installs what precis needs,
# builds it and summarizes the bundled example cluster (examples/daraa/).
set -eu
cd "$(dirname "$0")/.."
scripts/check-deps.sh && command -v make >/dev/null 2>&1 && command -v cc >/dev/null 2>&1 \
    || sh scripts/install-deps.sh
make --no-print-directory -j"$(nproc 2>/dev/null || echo 2)" >/dev/null
echo "== precis summarize examples/daraa/" >&2
build/release/precis summarize examples/daraa/
