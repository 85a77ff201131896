#!/bin/sh
# CLI tests of write errors (issue #11, defect 9): every command checks what
# it writes to stdout (a full device, a closed stdout) and exits 3 with one
# line "precis: write error: ...", and a batch stops at the first failed
# record.  The clusters are written here (made-up text).
. "$(dirname "$0")/lib.sh"

write_bridge_cluster "$TMP/cluster" c
$PY - "$TMP/cluster" "$TMP/batch.jsonl" "$TMP/refs.jsonl" <<'PY'
import json, os, sys
d = sys.argv[1]
arts = [open(os.path.join(d, f), encoding="utf-8").read() for f in sorted(os.listdir(d))]
ref = "Northbridge will close its corroded harbour bridge for eight months of repairs."
with open(sys.argv[2], "w", encoding="utf-8") as out, open(sys.argv[3], "w", encoding="utf-8") as refs:
    for i in range(200):
        out.write(json.dumps({"id": "c%03d" % i, "documents": arts[i % 3:] + arts[:i % 3], "summary": ref}) + "\n")
        refs.write(json.dumps({"id": "c%03d" % i, "summary": ref}) + "\n")
    out.write('{"id": "broken", "documents": oops\n')
PY
head -200 "$TMP/batch.jsonl" > "$TMP/good.jsonl"
printf 'Northbridge closes its harbour bridge for repairs.\n' > "$TMP/sys.txt"
printf 'Northbridge will close its corroded harbour bridge.\n' > "$TMP/ref.txt"

# write_error TITLE TARGET CMD...: runs CMD with stdout on /dev/full
# (TARGET full) or closed (TARGET closed); wants exit 3 and one line on
# stderr, "precis: write error: <why>".
write_error() {
    title=$1 target=$2
    shift 2
    if [ "$target" = full ]; then
        "$@" >/dev/full 2>"$TMP/err" </dev/null
    else
        "$@" >&- 2>"$TMP/err" </dev/null
    fi
    RC=$?
    if [ "$RC" -eq 3 ] && [ "$(wc -l < "$TMP/err")" -eq 1 ] \
        && grep -Eq '^precis: write error: [A-Za-z]' "$TMP/err"; then
        ok "$title"
    else
        not_ok "$title" "exit $RC, wanted 3" "stderr: $(head -c 300 "$TMP/err")"
    fi
}

if [ -w /dev/full ]; then
    write_error "summarize (text) to a full device exits 3" full "$PRECIS" summarize "$TMP/cluster"
    expect_stderr 'No space left on device' "the write error says why"
    write_error "summarize --json to a full device exits 3" full "$PRECIS" summarize --json "$TMP/cluster"
    write_error "a JSONL batch to a full device exits 3" full "$PRECIS" summarize --threads 1 "$TMP/batch.jsonl"
    if grep -q 'invalid JSON' "$TMP/err"; then not_ok "a batch stops at the first failed write (line 201 is never read)"
    else ok "a batch stops at the first failed write (line 201 is never read)"; fi
    write_error "eval to a full device exits 3" full "$PRECIS" eval "$TMP/good.jsonl"
    write_error "eval --json to a full device exits 3" full "$PRECIS" eval --json "$TMP/good.jsonl"
    write_error "rouge to a full device exits 3" full "$PRECIS" rouge "$TMP/sys.txt" "$TMP/ref.txt"
    write_error "rouge --json to a full device exits 3" full "$PRECIS" rouge --json "$TMP/sys.txt" "$TMP/ref.txt"
    write_error "rouge --jsonl to a full device exits 3" full "$PRECIS" rouge --jsonl "$TMP/refs.jsonl" "$TMP/refs.jsonl"
    write_error "train to a full device exits 3" full "$PRECIS" train --limit 20 "$TMP/good.jsonl"
    write_error "--help to a full device exits 3" full "$PRECIS" summarize --help
else
    skip "write errors on /dev/full" "/dev/full is not writable here"
fi

write_error "summarize (text) to a closed stdout exits 3" closed "$PRECIS" summarize "$TMP/cluster"
write_error "summarize --json to a closed stdout exits 3" closed "$PRECIS" summarize --json "$TMP/cluster"
write_error "a JSONL batch to a closed stdout exits 3" closed "$PRECIS" summarize --threads 1 "$TMP/batch.jsonl"
write_error "eval to a closed stdout exits 3" closed "$PRECIS" eval "$TMP/good.jsonl"
write_error "rouge to a closed stdout exits 3" closed "$PRECIS" rouge "$TMP/sys.txt" "$TMP/ref.txt"
write_error "train to a closed stdout exits 3" closed "$PRECIS" train --limit 20 "$TMP/good.jsonl"

# with stdout closed, no file precis opens takes its number: the dataset on
# stdin leaves the saved summaries the first free numbers
mkdir -p "$TMP/saved"
"$PRECIS" eval --save "$TMP/saved" - < "$TMP/good.jsonl" >&- 2>"$TMP/err"
RC=$?
expect_exit 3 "eval --save with a closed stdout exits 3"
[ "$(ls "$TMP/saved" | wc -l)" -eq 200 ] && ! grep -q 'ROUGE-1' "$TMP/saved"/* \
    && ok "the summaries are saved, and the table lands in none of them" \
    || not_ok "the summaries are saved, and the table lands in none of them"

# writing works as before when it can
run "$PRECIS" summarize "$TMP/cluster"
expect_exit 0 "summarize still exits 0 when stdout is writable"
[ -s "$TMP/out" ] && ok "and writes the summary" || not_ok "and writes the summary"
