#!/bin/sh
# CLI tests of what precis reports (issue #11): no silent loss and no false
# success (--skip-bad counts, eval --save names), and messages that say
# what is wrong.  The clusters are written here (made-up text).
. "$(dirname "$0")/lib.sh"
command -v skip >/dev/null 2>&1 || skip() { N=$((N + 1)); echo "ok $N - $1 # SKIP $2"; }

mkdir -p "$TMP/cluster"
cat > "$TMP/cluster/a.txt" <<'EOF'
The city council of Northbridge voted on Monday to close the old harbour bridge for repairs.
Engineers had warned for two years that the steel supports of the bridge were badly corroded.
The repairs are expected to take eight months and to cost about twelve million dollars.
Commuters will have to use the ferry or the ring road while the bridge stays closed.
EOF
cat > "$TMP/cluster/b.txt" <<'EOF'
Northbridge will shut its harbour bridge for eight months, the council decided on Monday.
An inspection last spring found deep corrosion in the steel supports under the main span.
Local shop owners said the closure would keep customers away from the harbour district.
The council promised to run extra ferries during the morning and evening rush hours.
EOF
# cluster_line ID: one JSON line of the cluster, with a reference summary
cluster_line() {
    $PY - "$TMP/cluster" "$1" <<'PY'
import json, os, sys
d = sys.argv[1]
arts = [open(os.path.join(d, f), encoding="utf-8").read() for f in sorted(os.listdir(d))]
print(json.dumps({"id": sys.argv[2], "documents": arts,
                  "summary": "Northbridge will close its corroded harbour bridge for eight months."}))
PY
}

# ---- defect 12: --skip-bad counts what it skipped ---------------------------------
printf '{"id": "a", "document": oops\n{"id": "b"}\n' > "$TMP/allbad.jsonl"
run "$PRECIS" summarize --skip-bad "$TMP/allbad.jsonl"
expect_exit 1 "--skip-bad with every line bad exits 1"
expect_stderr 'allbad\.jsonl: every line was bad \(2 skipped\)$' "--skip-bad with every line bad says so"
[ ! -s "$TMP/out" ] && ok "... and writes nothing" || not_ok "... and writes nothing"
{ cluster_line one; echo '{"id": "broken", "document": oops'; cluster_line two; } > "$TMP/somebad.jsonl"
run "$PRECIS" summarize --skip-bad "$TMP/somebad.jsonl"
expect_exit 0 "--skip-bad with some bad lines exits 0"
expect_stderr 'somebad\.jsonl:2: invalid JSON' "the bad line is reported"
expect_stderr 'somebad\.jsonl: 1 bad line of 3 skipped$' "a closing line counts the skipped lines"
[ "$(wc -l < "$TMP/out")" -eq 2 ] && ok "the good clusters are written" || not_ok "the good clusters are written"
run "$PRECIS" summarize --skip-bad --threads 1 "$TMP/somebad.jsonl"
expect_stderr 'somebad\.jsonl: 1 bad line of 3 skipped$' "the count does not depend on the thread count"
mkdir -p "$TMP/duc/d1" "$TMP/duc/d2"
printf 'binary\000\001\002 data\n' > "$TMP/duc/d1/doc1"
printf 'binary\000\001\002 data\n' > "$TMP/duc/d2/doc1"
run "$PRECIS" summarize --skip-bad --input-format duc "$TMP/duc"
expect_exit 1 "--skip-bad on a DUC root of bad clusters exits 1"
expect_stderr 'every cluster was bad \(2 skipped\)$' "--skip-bad on a DUC root of bad clusters says so"

# ---- defect 11: eval --save writes one file per cluster, whatever the ids ----------
long=$(printf 'x%.0s' $(seq 300))
{ cluster_line "a/b"; cluster_line "a_b"; cluster_line "c"; cluster_line "${long}1"; cluster_line "${long}2"; } > "$TMP/ids.jsonl"
run "$PRECIS" eval --save "$TMP/saved" "$TMP/ids.jsonl"
expect_exit 0 "eval --save with ids that map to one file name exits 0"
expect_stdout '5 clusters' "all 5 clusters are scored"
n=$(ls "$TMP/saved" | wc -l)
[ "$n" -eq 5 ] && ok "--save writes 5 files for 5 clusters (a/b and a_b, two 300-byte ids)" \
    || not_ok "--save writes 5 files for 5 clusters" "got $n: $(ls "$TMP/saved" | cut -c1-20 | tr '\n' ' ')"
[ -s "$TMP/saved/a_b" ] && [ -s "$TMP/saved/a_b~2" ] && ok "the second id taking a name is saved under name~2" \
    || not_ok "the second id taking a name is saved under name~2" "$(ls "$TMP/saved" | cut -c1-20 | tr '\n' ' ')"
expect_stderr "ids\.jsonl:2: cluster 'a_b' is saved as .*/a_b~2: .*/a_b holds cluster 'a/b' \(line 1\)" \
    "the renamed summary is reported with both ids"
run "$PRECIS" eval --save "$TMP/saved" "$TMP/ids.jsonl"
[ "$(ls "$TMP/saved" | wc -l)" -eq 5 ] && ok "saving again into the folder overwrites the same 5 files" \
    || not_ok "saving again into the folder overwrites the same 5 files" "$(ls "$TMP/saved" | wc -l) files"

# ---- defect 17: eval prints the confidence level it computed ----------------------
{ cluster_line one; cluster_line two; } > "$TMP/conf.jsonl"
run "$PRECIS" eval --rouge "-m -c 90" "$TMP/conf.jsonl"
expect_exit 0 "eval --rouge \"-m -c 90\" succeeds"
n=$(grep -Ec '^ROUGE-(1|2|L|SU4) Average_[RPF]: [0-9.]+ \(90%-conf\.int\. [0-9.]+ - [0-9.]+\)$' "$TMP/out")
[ "$n" -eq 12 ] && ok "eval -c 90 prints 90%-conf.int. on its 12 lines" || not_ok "eval -c 90 prints 90%-conf.int." "$(sed -n 3p "$TMP/out")"
expect_stdout_lacks '95%-conf' "eval -c 90 prints no 95% interval"
cp "$TMP/out" "$TMP/conf.txt"
$PY - "$TMP/conf.jsonl" > "$TMP/conf-sys.jsonl" <<'PY'
import json, sys
for l in open(sys.argv[1], encoding="utf-8"):
    d = json.loads(l)
    print(json.dumps({"id": d["id"], "summary": "Northbridge closes the harbour bridge."}))
PY
run "$PRECIS" rouge --flags "-c 90" -m --jsonl "$TMP/conf-sys.jsonl" "$TMP/conf.jsonl"
n=$(grep -c '(90%-conf\.int\.' "$TMP/out")
[ "$n" -eq 12 ] && ok "precis rouge -c 90 prints the same label" || not_ok "precis rouge -c 90 prints the same label" "$(sed -n 2p "$TMP/out")"
