#!/bin/sh
# CLI tests of what precis reports (issue #11): no silent loss and no false
# success (--skip-bad counts, eval --save names), and messages that say
# what is wrong.  The clusters are written here (made-up text).
. "$(dirname "$0")/lib.sh"

write_bridge_cluster "$TMP/cluster"
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

# ---- defect 16: messages that say what is wrong -----------------------------------
# a budget smaller than every sentence is not called boilerplate
run "$PRECIS" summarize --words 3 "$TMP/cluster"
expect_exit 0 "a budget smaller than every sentence exits 0 (an empty summary)"
expect_stderr 'warning: no sentence fits the budget of 3 words \(the shortest of the [0-9]+ candidate sentences has [0-9]+\)' \
    "a budget smaller than every sentence is named as the cause"
if grep -q 'boilerplate' "$TMP/err"; then not_ok "... and not called boilerplate" "$(cat "$TMP/err")"; else ok "... and not called boilerplate"; fi
run "$PRECIS" summarize --bytes 20 "$TMP/cluster"
expect_stderr 'no sentence fits the budget of 20 bytes' "the same for a budget in bytes"
printf 'Photos / AP\npic.twitter.com/abc\nRelated Articles\n' > "$TMP/junk.txt"
run "$PRECIS" summarize --words 3 "$TMP/junk.txt"
expect_stderr 'every line is boilerplate' "a cluster of boilerplate is still called boilerplate"

# a compressed article is called compressed, not binary
gzip -c "$TMP/cluster/a.txt" > "$TMP/a.txt.gz"
run "$PRECIS" summarize "$TMP/a.txt.gz"
expect_exit 1 "a gzip article exits 1"
expect_stderr 'a\.txt\.gz: compressed file \(gzip\); decompress it or pass a \.jsonl\.gz batch$' "a gzip article is called compressed"
one_line_error "a gzip article gives one line"
xz -c "$TMP/cluster/a.txt" > "$TMP/a.txt.xz"
run "$PRECIS" summarize "$TMP/a.txt.xz"
expect_stderr 'a\.txt\.xz: compressed file \(xz\); decompress it or pass a \.jsonl\.xz batch$' "an xz article is called compressed"
$PY - "$TMP/cluster/a.txt" "$TMP/a.txt.bz2" "$TMP/a.zip" <<'PY'
import bz2, sys, zipfile
data = open(sys.argv[1], "rb").read()
open(sys.argv[2], "wb").write(bz2.compress(data))
with zipfile.ZipFile(sys.argv[3], "w") as z:
    z.writestr("a.txt", data)
PY
run "$PRECIS" summarize "$TMP/a.txt.bz2"
expect_stderr 'a\.txt\.bz2: compressed file \(bzip2\); decompress it$' "a bzip2 article is called compressed"
run "$PRECIS" summarize "$TMP/a.zip"
expect_stderr 'a\.zip: compressed file \(zip\); decompress it$' "a zip article is called compressed"
mkdir -p "$TMP/gzdir"
cp "$TMP/cluster/b.txt" "$TMP/a.txt.gz" "$TMP/gzdir/"
run "$PRECIS" summarize "$TMP/gzdir"
expect_stderr 'a\.txt\.gz: compressed file \(gzip\)' "a gzip file in a folder of articles is called compressed"
mkdir -p "$TMP/gzduc/d1"
cp "$TMP/a.txt.gz" "$TMP/gzduc/d1/doc1"
run "$PRECIS" summarize --input-format duc "$TMP/gzduc"
expect_exit 1 "a gzip document in a DUC cluster exits 1"
expect_stderr 'compressed file \(gzip\)' "a gzip document in a DUC cluster is called compressed"
printf 'BZh9 is the name of a band, and this article is plain text about it for sure.\n' > "$TMP/bzh.txt"
run "$PRECIS" summarize "$TMP/bzh.txt"
if grep -q 'compressed' "$TMP/err"; then not_ok "text that starts with BZh is not called compressed"; else ok "text that starts with BZh is not called compressed"; fi

# control characters in names never break the one-line rule
NL='
'
mkdir -p "$TMP/odd${NL}dir"
printf 'bin\000ary\n' > "$TMP/odd${NL}dir/bad${NL}name.txt"
run "$PRECIS" summarize "$TMP/odd${NL}dir/bad${NL}name.txt"
expect_exit 1 "a binary file with a line break in its name exits 1"
one_line_error "... and its error is one line"
expect_stderr 'bad\\nname\.txt: looks like a binary file' "... with the line break written as backslash-n"
run "$PRECIS" summarize "$TMP/odd${NL}dir/missing$(printf '\033')[31m.txt"
expect_exit 3 "a missing file with a line break and an escape in its name exits 3"
one_line_error "... and its error is one line"
expect_stderr 'missing\\x1b\[31m\.txt: cannot open' "... with the escape written as backslash-x1b"
{ cat "$TMP/cluster/a.txt"; printf 'The council said \377 the bridge stays closed on Tuesday for everyone.\n'; } > "$TMP/odd${NL}dir/latin${NL}.txt"
run "$PRECIS" summarize --json "$TMP/odd${NL}dir/latin${NL}.txt"
[ "$(wc -l < "$TMP/err")" -eq 1 ] && grep -q 'latin\\n\.txt: 1 invalid UTF-8 sequence replaced' "$TMP/err" \
    && ok "a library warning naming a file with a line break is one line" \
    || not_ok "a library warning naming a file with a line break is one line" "$(cat "$TMP/err")"
$PY -c "import json,sys; d=json.load(open('$TMP/out')); sys.exit(0 if len(d['warnings']) == 1 else 1)" \
    && ok "... and one JSON warning" || not_ok "... and one JSON warning" "$(head -c 300 "$TMP/out")"
printf '{"id": "a\\nb", "document": oops\n' > "$TMP/odd${NL}dir/b${NL}atch.jsonl"
run "$PRECIS" summarize --skip-bad "$TMP/odd${NL}dir/b${NL}atch.jsonl"
[ "$(wc -l < "$TMP/err")" -eq 2 ] && ok "a batch with a line break in its name reports one line per problem" \
    || not_ok "a batch with a line break in its name reports one line per problem" "$(cat "$TMP/err")"
printf '{"id": "x\\ny", "document": "The council said on Tuesday that the bridge stays closed.", "summary": "s"}\n{"id": "x\\ny", "document": "The council said on Tuesday that the bridge stays closed.", "summary": "s"}\n' > "$TMP/dupnl.jsonl"
run "$PRECIS" eval "$TMP/dupnl.jsonl"
expect_exit 1 "eval: an id with a line break, twice, exits 1"
one_line_error "... and its error is one line"

# train without reference summaries names the file, exit 1
printf '{"id": "x", "document": "The council said on Tuesday that the bridge stays closed for months."}\n' > "$TMP/norefs.jsonl"
run "$PRECIS" train "$TMP/norefs.jsonl"
expect_exit 1 "train on clusters without references exits 1"
expect_stderr 'norefs\.jsonl: no cluster has reference summaries' "train names the file and says it has no references"
one_line_error "... in one line"
{ cluster_line one; cat "$TMP/norefs.jsonl"; cluster_line two; } > "$TMP/somerefs.jsonl"
run "$PRECIS" train "$TMP/somerefs.jsonl"
expect_exit 0 "train with some clusters without references exits 0"
expect_stderr 'warning: .*somerefs\.jsonl: 1 cluster without reference summaries skipped' "... and counts the skipped clusters"
