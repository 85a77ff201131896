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
assert d["ROUGE-1"]["f"]["average"] == 0.83333
assert d["ROUGE-2"]["r"]["low"] == 0.6 and d["ROUGE-2"]["r"]["high"] == 0.6
assert d["ROUGE-SU4"]["p"]["mean"] == 0.7
item = d["per_item"][0]
assert item["id"] == "d1"
assert item["ROUGE-SU4"]["hits"] == 14 and item["ROUGE-SU4"]["ref_count"] == 20
assert item["ROUGE-L"]["hits"] == 5
' "$T/out.json"
else
    check "--json output holds the hand-computed numbers" grep -q '"average":0.83333' "$T/out.json"
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
r1 = a["ROUGE-1"]
assert (r1["hits"], r1["ref_count"], r1["sys_count"]) == (8, 9, 12), r1
assert r1["r"] == 0.88889 and r1["p"] == 0.66667
assert b["ROUGE-1"]["f"] == 0 and b["ROUGE-1"]["ref_count"] == 5
assert d["ROUGE-1"]["r"]["mean"] == 0.44444 or d["ROUGE-1"]["r"]["mean"] == 0.44445
' "$T/out.json"
fi

"$PRECIS" rouge --json --per-item -l 3 "$T/sys/d1.txt" "$T/ref/d1.A.txt" >"$T/out.json" 2>&1
check "-l 3 keeps three words a side" grep -q '"flags":"-n 2 -2 4 -u -c 95 -r 1000 -f A -p 0.5 -t 0 -l 3"' "$T/out.json"
if command -v python3 >/dev/null 2>&1; then
    check "-l 3 scores 'the cat sat' against 'the cat lay'" python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))["per_item"][0]
assert (d["ROUGE-1"]["hits"], d["ROUGE-1"]["ref_count"]) == (2, 3), d
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

# --- one vocabulary: ROUGE-1.5.5's labels, the keys `precis eval` prints too ---
"$PRECIS" rouge --json "$T/sys" "$T/ref" >"$T/out.json" 2>&1
if command -v python3 >/dev/null 2>&1; then
    check "--json keys are ROUGE's labels (ROUGE-1 ... ROUGE-SU4), \"items\", \"flags\", \"confidence\"" python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
assert sorted(d) == sorted(["items", "flags", "confidence", "ROUGE-1", "ROUGE-2", "ROUGE-L", "ROUGE-SU4"]), sorted(d)
assert sorted(d["ROUGE-L"]) == ["f", "p", "r"] and sorted(d["ROUGE-L"]["r"]) == ["average", "high", "low", "mean"]
' "$T/out.json"
fi
"$PRECIS" rouge --per-item "$T/sys" "$T/ref" >"$T/out.txt" 2>&1
check "--per-item prints ROUGE-1.5.5's per-item lines (ROUGE-1 Eval ID R: P: F:)" \
    grep -q '^ROUGE-SU4 Eval d1.txt R:0.70000 P:0.70000 F:0.70000$' "$T/out.txt"

# --- the rules, the same in precis eval ----------------------------------------
printf '{"id": "d1", "summary": "the cat lay on the mat", "summaries": ["a dog"]}\n' >"$T/both.jsonl"
"$PRECIS" rouge --jsonl "$T/sys.jsonl" "$T/both.jsonl" >"$T/out.txt" 2>"$T/err.txt"
rc=$?
check "\"summary\" and \"summaries\" on one reference line exit 1, naming the line" \
    test "$rc" -eq 1 -a "$(cat "$T/err.txt")" = "precis: $T/both.jsonl:1: give \"summary\" or \"summaries\", not both"
printf '{"id": "d1", "summary": "the cat sat on the mat", "summary": "x"}\n' >"$T/dupkey.jsonl"
"$PRECIS" rouge --jsonl "$T/dupkey.jsonl" "$T/ref.jsonl" >/dev/null 2>"$T/err.txt"
rc=$?
check "a key twice in one JSON object exits 1 (invalid JSON: duplicate key)" \
    test "$rc" -eq 1 -a -n "$(grep "^precis: $T/dupkey.jsonl:1: invalid JSON: duplicate object key" "$T/err.txt")"
printf '{"id": "d1", "summary": null, "summaries": ["the cat lay on the mat"]}\n' >"$T/nullsum.jsonl"
"$PRECIS" rouge --jsonl "$T/sys.jsonl" "$T/nullsum.jsonl" >"$T/out.txt" 2>&1
check "a null \"summary\" beside \"summaries\" is absent, as in precis eval's datasets" cmp -s "$T/out.txt" "$T/expected.txt"

mkdir -p "$T/case_sys" "$T/case_ref"
printf 'the cat sat on the mat\n' >"$T/case_sys/d1.txt"
printf 'the cat lay on the mat\n' >"$T/case_ref/D1.A.txt"
"$PRECIS" rouge "$T/case_sys" "$T/case_ref" >/dev/null 2>"$T/err.txt"
rc=$?
check "names are compared byte for byte: D1.A.txt is not d1.txt's (exit 1)" \
    test "$rc" -eq 1 -a -n "$(grep "D1.A.txt: no system summary in $T/case_sys matches this reference" "$T/err.txt")"

# --- DUC and TAC names ------------------------------------------------------------
# DUC 2003/2004: summaries saved under the cluster folder's name (d30003t, as
# precis eval --save names them) against the models D30003.M.100.T.<author>.html
mkdir -p "$T/duc03sys" "$T/duc03ref"
printf 'the cat sat on the mat\n' >"$T/duc03sys/d30003t"
printf 'a dog barked\n' >"$T/duc03sys/d30005t"
printf 'the cat lay on the mat\n' >"$T/duc03ref/D30003.M.100.T.A.html"
printf 'a dog\n' >"$T/duc03ref/D30005.M.100.T.B.html"
printf 'a dog barked loudly\n' >"$T/duc03ref/D30005.M.100.T.C.html"
"$PRECIS" rouge --json --per-item "$T/duc03sys" "$T/duc03ref" >"$T/out.json" 2>"$T/err.txt"
rc=$?
check "DUC 2003: d30003t matches D30003.M.100.T.A.html (cluster code in any case)" test "$rc" -eq 0
if command -v python3 >/dev/null 2>&1; then
    check "... each summary gets its own cluster's models" python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
a, b = d["per_item"]
assert a["id"] == "d30003t" and a["ROUGE-1"]["ref_count"] == 6, a
assert b["id"] == "d30005t" and b["ROUGE-1"]["ref_count"] == 2 + 4, b
' "$T/out.json"
fi
# DUC 2006/2007: D0601A against D0601.M.250.A.<author>; a peer file
# D0601.M.250.A.24 (NIST's name) matches by its base
mkdir -p "$T/duc06sys" "$T/duc06peer" "$T/duc06ref"
printf 'the cat sat on the mat\n' >"$T/duc06sys/D0601A"
printf 'the cat sat on the mat\n' >"$T/duc06peer/D0601.M.250.A.24"
printf 'the cat lay on the mat\n' >"$T/duc06ref/D0601.M.250.A.A"
"$PRECIS" rouge "$T/duc06sys" "$T/duc06ref" >"$T/out.txt" 2>&1
check "DUC 2006: a cluster folder's name D0601A matches D0601.M.250.A.A" cmp -s "$T/out.txt" "$T/expected.txt"
"$PRECIS" rouge "$T/duc06peer" "$T/duc06ref" >"$T/out.txt" 2>&1
check "DUC 2006: the peer D0601.M.250.A.24 matches D0601.M.250.A.A" cmp -s "$T/out.txt" "$T/expected.txt"
"$PRECIS" rouge "$T/duc06sys/D0601A" "$T/duc06ref" "$T/duc03ref" >/dev/null 2>"$T/err.txt"
rc=$?
check "a single system file needs a match in every reference folder (exit 1)" \
    test "$rc" -eq 1 -a -n "$(grep "duc03ref: no reference for system file 'D0601A'" "$T/err.txt")"

# --- NIST's DUC 2006 peers (../shared): system 24 scores R-2 9.51 with -m -l 250
S=""
for d in ../shared ../../shared; do [ -d "$d/data/duc2006/peers" ] && S=$d && break; done
[ -n "${PRECIS_SHARED+set}" ] && S=$PRECIS_SHARED
if [ -n "$S" ] && [ -d "$S/data/duc2006/peers" ]; then
    mkdir -p "$T/peers24"
    cp "$S"/data/duc2006/peers/*.24 "$T/peers24/"
    "$PRECIS" rouge -m -l 250 "$T/peers24" "$S/data/duc2006/models" >"$T/out.txt" 2>&1
    check "DUC 2006: the 50 summaries of system 24 get R-2 0.09508, SU4 0.15475 (NIST's 9.51 recall)" \
        test -n "$(grep '^ROUGE-2 Average_R: 0.09508 ' "$T/out.txt")" -a -n "$(grep '^ROUGE-SU4 Average_R: 0.15475 ' "$T/out.txt")"
else
    n=$((n + 1)); echo "ok $n - DUC 2006 system 24 # SKIP no ../shared/data/duc2006"
fi
