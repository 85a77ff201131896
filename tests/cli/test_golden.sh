#!/bin/sh
# CLI tests: the exact output on examples/daraa/ (default method, default
# budget), text and --json, byte for byte against tests/golden/.  A change of
# daraa's summary must be deliberate: regenerate with `make golden`
# (tests/golden/update.sh) and commit the new files with the reason.
. "$(dirname "$0")/lib.sh"
G=tests/golden

golden() { # golden FILE TITLE ARGS...: precis summarize ARGS gives exactly FILE
    want=$1; title=$2; shift 2
    run "$PRECIS" summarize "$@"
    if [ "$RC" -ne 0 ]; then
        not_ok "$title" "exit $RC" "stderr: $(head -c 300 "$TMP/err")"
    elif [ -s "$TMP/err" ]; then
        not_ok "$title" "stderr is not empty: $(head -c 300 "$TMP/err")"
    elif cmp -s "$TMP/out" "$want"; then
        ok "$title"
    else
        not_ok "$title" "output differs from $want (make golden rewrites it when the change is deliberate):"
        diff "$want" "$TMP/out" | head -12 | cut -c1-200 | sed 's/^/#   /'
    fi
}

golden $G/daraa.txt "examples/daraa/ gives exactly tests/golden/daraa.txt" examples/daraa/
golden $G/daraa.json "examples/daraa/ --json gives exactly tests/golden/daraa.json" --json examples/daraa/
