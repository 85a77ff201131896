#!/bin/sh
# update.sh [PRECIS]: rewrites the golden outputs of examples/daraa/ that
# tests/cli/test_golden.sh compares byte for byte: daraa.txt (the text
# summary) and daraa.json (--json), default method, default budget.
# `make golden` runs it with the release build.  Run it only when a change of
# daraa's summary is deliberate, and say why in the commit.
set -eu
cd "$(dirname "$0")/../.."
PRECIS=${1:-build/release/precis}
[ -x "$PRECIS" ] || { echo "update.sh: $PRECIS is not built (run make)" >&2; exit 1; }
G=tests/golden
# (the test also demands an empty stderr: no warning on the example)
"$PRECIS" summarize examples/daraa/ > "$G/daraa.txt.tmp"
"$PRECIS" summarize --json examples/daraa/ > "$G/daraa.json.tmp"
for f in daraa.txt daraa.json; do
    if cmp -s "$G/$f.tmp" "$G/$f"; then
        rm -f "$G/$f.tmp"
        echo "update.sh: $G/$f unchanged"
    else
        mv "$G/$f.tmp" "$G/$f"
        echo "update.sh: $G/$f rewritten"
    fi
done
