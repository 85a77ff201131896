#!/bin/sh
# test_rouge.sh: `precis rouge` from the outside: inputs (files, folders,
# JSON lines), outputs (ROUGE's table, --json), and the one-line errors with
# their exit codes.  Prints "ok N - ..." / "not ok N - ..." per case.
#
# The reference numbers are computed by hand for one pair:
#   system    "the cat sat on the mat"     reference "the cat lay on the mat"
#   ROUGE-1   5 of 6 unigrams               R = P = F = 0.83333
#   ROUGE-2   3 of 5 bigrams                R = P = F = 0.60000
#   ROUGE-L   LCS "the cat on the mat" = 5  R = P = F = 0.83333
#   ROUGE-SU4 5 unigrams (not the last) + 15 pairs = 20 grams a side;
#             14 shared (the x2, cat, on; 10 pairs)   R = P = F = 0.70000
# With one item every bootstrap resample is that item, so the interval
# collapses onto the value.
set -u
PRECIS=${PRECIS:-build/release/precis}
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
n=0
ok() { n=$((n + 1)); echo "ok $n - $1"; }
not_ok() { n=$((n + 1)); echo "not ok $n - $1"; }
check() { # check DESCRIPTION COMMAND...: passes when the command succeeds
    d=$1
    shift
    if "$@"; then ok "$d"; else not_ok "$d"; fi
}

mkdir -p "$T/sys" "$T/ref"
printf 'the cat sat on the mat\n' >"$T/sys/d1.txt"
printf 'the cat lay on the mat\n' >"$T/ref/d1.A.txt"

cat >"$T/expected.txt" <<'EOF'
---------------------------------------------
ROUGE-1 Average_R: 0.83333 (95%-conf.int. 0.83333 - 0.83333)
ROUGE-1 Average_P: 0.83333 (95%-conf.int. 0.83333 - 0.83333)
ROUGE-1 Average_F: 0.83333 (95%-conf.int. 0.83333 - 0.83333)
---------------------------------------------
ROUGE-2 Average_R: 0.60000 (95%-conf.int. 0.60000 - 0.60000)
ROUGE-2 Average_P: 0.60000 (95%-conf.int. 0.60000 - 0.60000)
ROUGE-2 Average_F: 0.60000 (95%-conf.int. 0.60000 - 0.60000)
---------------------------------------------
ROUGE-L Average_R: 0.83333 (95%-conf.int. 0.83333 - 0.83333)
ROUGE-L Average_P: 0.83333 (95%-conf.int. 0.83333 - 0.83333)
ROUGE-L Average_F: 0.83333 (95%-conf.int. 0.83333 - 0.83333)
---------------------------------------------
ROUGE-SU4 Average_R: 0.70000 (95%-conf.int. 0.70000 - 0.70000)
ROUGE-SU4 Average_P: 0.70000 (95%-conf.int. 0.70000 - 0.70000)
ROUGE-SU4 Average_F: 0.70000 (95%-conf.int. 0.70000 - 0.70000)
EOF

# --- folders, files, JSON lines give the hand-computed table -------------
"$PRECIS" rouge "$T/sys" "$T/ref" >"$T/out.txt" 2>"$T/err.txt"
rc=$?
check "folder against folder exits 0" test "$rc" -eq 0
check "folder against folder prints the hand-computed table" cmp -s "$T/out.txt" "$T/expected.txt"

"$PRECIS" rouge "$T/sys/d1.txt" "$T/ref/d1.A.txt" >"$T/out.txt" 2>&1
check "file against file prints the same table" cmp -s "$T/out.txt" "$T/expected.txt"

"$PRECIS" rouge "$T/sys/d1.txt" "$T/ref" >"$T/out.txt" 2>&1
check "file against a folder picks the reference by name" cmp -s "$T/out.txt" "$T/expected.txt"

printf '{"id": "d1", "summary": "the cat sat on the mat"}\n' >"$T/sys.jsonl"
printf '{"id": "d1", "summaries": ["the cat lay on the mat"]}\n' >"$T/ref.jsonl"
"$PRECIS" rouge --jsonl "$T/sys.jsonl" "$T/ref.jsonl" >"$T/out.txt" 2>&1
check "--jsonl prints the same table" cmp -s "$T/out.txt" "$T/expected.txt"

# --- --json --------------------------------------------------------------
"$PRECIS" rouge --json --per-item --jsonl "$T/sys.jsonl" "$T/ref.jsonl" >"$T/out.json" 2>&1
rc=$?
check "--json exits 0" test "$rc" -eq 0
if command -v python3 >/dev/null 2>&1; then
    check "--json output parses and holds the hand-computed numbers" python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
assert d["items"] == 1, d
assert d["rouge-1"]["f"]["average"] == 0.83333
assert d["rouge-2"]["r"]["low"] == 0.6 and d["rouge-2"]["r"]["high"] == 0.6
assert d["rouge-su4"]["p"]["mean"] == 0.7
item = d["per_item"][0]
assert item["id"] == "d1"
assert item["rouge-su4"]["hits"] == 14 and item["rouge-su4"]["ref_count"] == 20
assert item["rouge-l"]["hits"] == 5
' "$T/out.json"
else
    check "--json output holds the hand-computed numbers" grep -q '"average": 0.83333' "$T/out.json"
fi

# --- several items, several references, flags -----------------------------
mkdir -p "$T/sys2" "$T/refA" "$T/refB"
printf 'the cat sat on the mat\n' >"$T/sys2/d1.txt"
: >"$T/sys2/d2.txt" # empty: scores 0 and counts
printf 'the cat lay on the mat\n' >"$T/refA/d1.txt"
printf 'a dog barked\n' >"$T/refA/d2.txt"
printf 'the cat sat\n' >"$T/refB/d1.B.txt"
printf 'a dog\n' >"$T/refB/d2.B.txt"
"$PRECIS" rouge --json --per-item "$T/sys2" "$T/refA" "$T/refB" >"$T/out.json" 2>&1
rc=$?
check "two items, two reference folders exit 0" test "$rc" -eq 0
if command -v python3 >/dev/null 2>&1; then
    # d1 against both references: ROUGE-1 hits 5 + 3 of 6 + 3, system counted twice.
    check "an empty system summary is counted as 0 and references add up (-f A)" python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
assert d["items"] == 2
a, b = d["per_item"]
assert a["id"] == "d1.txt" and b["id"] == "d2.txt"
r1 = a["rouge-1"]
assert (r1["hits"], r1["ref_count"], r1["sys_count"]) == (8, 9, 12), r1
assert r1["r"] == 0.88889 and r1["p"] == 0.66667
assert b["rouge-1"]["f"] == 0 and b["rouge-1"]["ref_count"] == 5
assert d["rouge-1"]["r"]["mean"] == 0.44444 or d["rouge-1"]["r"]["mean"] == 0.44445
' "$T/out.json"
fi

"$PRECIS" rouge --json --per-item -l 3 "$T/sys/d1.txt" "$T/ref/d1.A.txt" >"$T/out.json" 2>&1
check "-l 3 keeps three words a side" grep -q '"flags": "-n 2 -2 4 -u -c 95 -r 1000 -f A -p 0.5 -t 0 -l 3"' "$T/out.json"
if command -v python3 >/dev/null 2>&1; then
    check "-l 3 scores 'the cat sat' against 'the cat lay'" python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))["per_item"][0]
assert (d["rouge-1"]["hits"], d["rouge-1"]["ref_count"]) == (2, 3), d
' "$T/out.json"
fi

printf 'The children were running\n' >"$T/s.txt"
printf 'A child runs\n' >"$T/r.txt"
"$PRECIS" rouge -m -s "$T/s.txt" "$T/r.txt" >"$T/out.txt" 2>&1
check "-m -s: children/child and running/runs match once the/were/a are dropped" \
    grep -q '^ROUGE-1 Average_F: 1.00000' "$T/out.txt"
"$PRECIS" rouge -m "$T/s.txt" "$T/r.txt" >"$T/out.txt" 2>&1
check "-m alone keeps the stop words (R = 2/3)" grep -q '^ROUGE-1 Average_R: 0.66667' "$T/out.txt"

# --- errors ----------------------------------------------------------------
printf '{"id": "d1", "summary": "x"}\n{"id": "d9", "summary": "y"}\n' >"$T/sys_bad.jsonl"
"$PRECIS" rouge --jsonl "$T/sys_bad.jsonl" "$T/ref.jsonl" >"$T/out.txt" 2>"$T/err.txt"
rc=$?
check "a system id without reference exits 1" test "$rc" -eq 1
check "... and names file, line and id" \
    grep -q "^precis: $T/sys_bad.jsonl:2: id 'd9' has no reference in $T/ref.jsonl\$" "$T/err.txt"
check "... and prints nothing on stdout" test ! -s "$T/out.txt"

printf '{"id": "d1", "summary": "x"}\n{"id": "d2", "summary": "y"}\n' >"$T/ref2.jsonl"
"$PRECIS" rouge --jsonl "$T/sys.jsonl" "$T/ref2.jsonl" >/dev/null 2>"$T/err.txt"
rc=$?
check "a reference id without system summary exits 1 with its line" \
    test "$rc" -eq 1 -a "$(cat "$T/err.txt")" = "precis: $T/ref2.jsonl:2: id 'd2' has no system summary in $T/sys.jsonl"

printf '{"id": "d1", "summary": "x"}\n\n{"id": "d2", "summary": \n' >"$T/broken.jsonl"
"$PRECIS" rouge --jsonl "$T/broken.jsonl" "$T/ref.jsonl" >/dev/null 2>"$T/err.txt"
rc=$?
check "a bad JSON line exits 1" test "$rc" -eq 1
check "... and reports its line number" grep -q "^precis: $T/broken.jsonl:3: invalid JSON" "$T/err.txt"

printf '{"id": "d1", "summary": "x"}\n{"id": "d1", "summary": "y"}\n' >"$T/dup.jsonl"
"$PRECIS" rouge --jsonl "$T/dup.jsonl" "$T/ref.jsonl" >/dev/null 2>"$T/err.txt"
check "a duplicate id is an error on its second line" \
    grep -q "^precis: $T/dup.jsonl:2: duplicate id 'd1' (first on line 1)\$" "$T/err.txt"

"$PRECIS" rouge "$T/sys/d1.txt" "$T/missing.txt" >/dev/null 2>"$T/err.txt"
rc=$?
check "a missing reference file exits 3" test "$rc" -eq 3
check "... and names the file" grep -q "^precis: $T/missing.txt: cannot open: " "$T/err.txt"

mkdir -p "$T/ref_short"
printf 'the cat lay on the mat\n' >"$T/ref_short/d1.txt"
"$PRECIS" rouge "$T/sys2" "$T/ref_short" >/dev/null 2>"$T/err.txt"
rc=$?
check "a system file without reference in a folder exits 1" test "$rc" -eq 1
check "... and names the system file" \
    grep -q "^precis: $T/ref_short: no reference for system file 'd2.txt'\$" "$T/err.txt"

printf 'stray\n' >"$T/ref/zz.txt"
"$PRECIS" rouge "$T/sys" "$T/ref" >/dev/null 2>"$T/err.txt"
rc=$?
check "a reference file matching no system file exits 1" \
    test "$rc" -eq 1 -a -n "$(grep "zz.txt: no system summary" "$T/err.txt")"
rm -f "$T/ref/zz.txt"

"$PRECIS" rouge --bogus "$T/sys" "$T/ref" >/dev/null 2>&1
check "an unknown option exits 2" test $? -eq 2
"$PRECIS" rouge -l 10 -b 20 "$T/sys" "$T/ref" >/dev/null 2>&1
check "-l with -b exits 2" test $? -eq 2
"$PRECIS" rouge "$T/sys" >/dev/null 2>&1
check "a missing REFERENCE exits 2" test $? -eq 2
"$PRECIS" rouge --flags "-x" "$T/sys" "$T/ref" >/dev/null 2>&1
check "an unsupported ROUGE flag exits 2" test $? -eq 2
"$PRECIS" rouge --help >"$T/out.txt" 2>&1
rc=$?
check "--help exits 0 and explains the matching rule" \
    test "$rc" -eq 0 -a -n "$(grep 'Matching: reference file R matches' "$T/out.txt")"
