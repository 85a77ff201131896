#!/bin/sh
# test_brief.sh: examples/brief.c, the one-call entry from a program that
# holds its articles in memory, prints what `precis summarize --json` prints
# for the same articles given as one JSON line.
. "$(dirname "$0")/lib.sh"
BRIEF="$(dirname "$PRECIS")/examples/brief"
if [ ! -x "$BRIEF" ]; then
    not_ok "examples/brief is built with the suite" "$BRIEF is missing"
    exit 0
fi
"$PY" -c '
import json, sys
docs = [open(p, encoding="utf-8").read() for p in sys.argv[1:]]
print(json.dumps({"id": "brief", "documents": docs}))
' examples/daraa/*.txt > "$TMP/daraa.jsonl"
for args in "" "--words 230" "--method lead --words 60" "--bytes 400 --truncate true"; do
    # shellcheck disable=SC2086
    run "$BRIEF" $args examples/daraa/*.txt
    cp "$TMP/out" "$TMP/brief.json"
    cli_args=$(printf '%s' "$args" | sed 's/--truncate true/--truncate/')
    # shellcheck disable=SC2086
    run "$PRECIS" summarize --quiet $cli_args "$TMP/daraa.jsonl"
    if cmp -s "$TMP/out" "$TMP/brief.json"; then
        ok "one call${args:+ with $args} gives the CLI's JSON byte for byte"
    else
        not_ok "one call${args:+ with $args} gives the CLI's JSON byte for byte" \
            "brief: $(head -c 200 "$TMP/brief.json")" "cli:   $(head -c 200 "$TMP/out")"
    fi
done
run "$BRIEF" --words zero examples/daraa/*.txt
expect_exit 2 "a bad setting is refused"
expect_stderr "words needs a whole number from 1" "and named"
