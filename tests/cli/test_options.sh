#!/bin/sh
# CLI tests of option values (issue #11): numbers are finite and in range,
# integers do not overflow, every bad value is a usage error (exit 2) that
# names the option and never an input file, whatever the command.  The
# cluster is written here (made-up text).
. "$(dirname "$0")/lib.sh"

write_bridge_cluster "$TMP/cluster"
A="$TMP/cluster/a.txt"
$PY - "$TMP/cluster" "$TMP/data.jsonl" <<'PY'
import json, os, sys
d = sys.argv[1]
arts = [open(os.path.join(d, f), encoding="utf-8").read() for f in sorted(os.listdir(d))]
ref = "Northbridge will close its corroded harbour bridge for eight months of repairs."
with open(sys.argv[2], "w", encoding="utf-8") as out:
    for i in range(3):
        out.write(json.dumps({"id": "c%d" % i, "documents": arts, "summary": ref}) + "\n")
PY
BIG=99999999999999999999

# usage_error TITLE PATTERN CMD...: exit 2, stderr matches PATTERN and does
# not name an input file
usage_error() {
    title=$1 pattern=$2
    shift 2
    run "$@"
    if [ "$RC" -eq 2 ] && grep -Eq -- "$pattern" "$TMP/err" && ! grep -q "$TMP" "$TMP/err"; then
        ok "$title"
    else
        not_ok "$title" "exit $RC, wanted 2, stderr /$pattern/ naming no input" "stderr: $(head -c 300 "$TMP/err")"
    fi
}

# ---- defect 14: weights, redundancy and ROUGE limits --------------------------------
for k in lexrank_weight centroid_weight position_weight summary_word_weight learned_weight \
         importance_weight dangling_penalty ilp_salience quote_penalty; do
    usage_error "--set $k=inf is a usage error naming the option" "--set $k needs a finite number" \
        "$PRECIS" summarize --set "$k=inf" "$A"
done
usage_error "--set article_share=0 is a usage error" "--set article_share needs a number above 0 and at most 1" \
    "$PRECIS" summarize --set article_share=0 "$A"
usage_error "--set lexrank_weight=nan is not called negative" "--set lexrank_weight needs a finite number" \
    "$PRECIS" summarize --set lexrank_weight=nan "$A"
usage_error "--set lexrank_weight=1e999 (overflow) is a usage error" "--set lexrank_weight" \
    "$PRECIS" summarize --set lexrank_weight=1e999 "$A"
usage_error "--redundancy nan is a usage error, not blamed on the input" "--redundancy needs a number from 0 to 1" \
    "$PRECIS" summarize --redundancy nan "$A"
usage_error "--set redundancy=2 is a usage error, not blamed on the input" "--set redundancy needs a number from 0 to 1" \
    "$PRECIS" summarize --set redundancy=2 "$A"
usage_error "--set duplicate_similarity=0 is a usage error, not blamed on the input" \
    "--set duplicate_similarity needs a number above 0" "$PRECIS" summarize --set duplicate_similarity=0 "$A"
usage_error "options are checked before the input is read" "--redundancy" \
    "$PRECIS" summarize --redundancy nan "$TMP/no-such-file.txt"
usage_error "eval: --set lexrank_weight=inf is a usage error" "--set lexrank_weight" \
    "$PRECIS" eval --set lexrank_weight=inf "$TMP/data.jsonl"
usage_error "eval: --redundancy nan is a usage error" "--redundancy" \
    "$PRECIS" eval --redundancy nan "$TMP/data.jsonl"
usage_error "eval --rouge \"-l $BIG\" is rejected, not clamped" "--rouge: -l is too large" \
    "$PRECIS" eval --rouge "-m -l $BIG" "$TMP/data.jsonl"
usage_error "eval --rouge \"-b $BIG\" is rejected, not clamped" "--rouge: -b is too large" \
    "$PRECIS" eval --rouge "-b$BIG" "$TMP/data.jsonl"
usage_error "eval --rouge errors name --rouge" "--rouge: unsupported ROUGE flag -z" \
    "$PRECIS" eval --rouge "-z" "$TMP/data.jsonl"
printf 'the bridge is closed\n' > "$TMP/sys.txt"
printf 'the bridge will close\n' > "$TMP/ref.txt"
usage_error "rouge --flags \"-l $BIG\" is rejected, as rouge -l $BIG is" "--flags: -l is too large" \
    "$PRECIS" rouge --flags "-l $BIG" "$TMP/sys.txt" "$TMP/ref.txt"
usage_error "rouge -l $BIG is rejected" "-l needs a whole number" \
    "$PRECIS" rouge -l $BIG "$TMP/sys.txt" "$TMP/ref.txt"
usage_error "train --l2 nan is a usage error" "--l2 needs a finite number" "$PRECIS" train --l2 nan "$TMP/data.jsonl"
usage_error "train --l2 inf is a usage error" "--l2 needs a finite number" "$PRECIS" train --l2 inf "$TMP/data.jsonl"
usage_error "train --l2 '' is a usage error" "--l2 needs a finite number" "$PRECIS" train --l2 "" "$TMP/data.jsonl"

# every integer option of every command: overflow and signs are usage errors
for opt in --words --bytes --sentences --seed --threads; do
    usage_error "summarize $opt $BIG is a usage error" "$opt needs a whole number" "$PRECIS" summarize $opt $BIG "$A"
    usage_error "summarize $opt +5 is a usage error" "$opt needs a whole number" "$PRECIS" summarize $opt +5 "$A"
done
for opt in --words --bytes --sentences --seed --threads; do
    usage_error "eval $opt $BIG is a usage error" "$opt needs a whole number" "$PRECIS" eval $opt $BIG "$TMP/data.jsonl"
done
for opt in --words --iterations --limit --threads; do
    usage_error "train $opt $BIG is a usage error" "$opt needs a whole number" "$PRECIS" train $opt $BIG "$TMP/data.jsonl"
done
usage_error "train --iterations 99999999999 (over an int) is a usage error" "--iterations needs a whole number" \
    "$PRECIS" train --iterations 99999999999 "$TMP/data.jsonl"
usage_error "rouge -b $BIG is a usage error" "-b needs a whole number" "$PRECIS" rouge -b $BIG "$TMP/sys.txt" "$TMP/ref.txt"

# good values still work
run "$PRECIS" summarize --set lexrank_weight=2 --redundancy 0.5 --seed 7 "$TMP/cluster"
expect_exit 0 "finite values in range are taken"

# ---- defect 13: --truncate with --bytes cuts, with --sentences is refused --------------
# bytes as the budget counts them: the summary's text without its line breaks
printed_bytes() { tr -d '\n' < "$TMP/out" | wc -c; }
for m in default centroid lexrank learned concepts ilp lead lead-first random; do
    run "$PRECIS" summarize --method $m --bytes 50 --truncate "$TMP/cluster"
    b=$(printed_bytes)
    [ "$RC" -eq 0 ] && [ "$b" -eq 50 ] && ok "--method $m --bytes 50 --truncate fills the 50 bytes" \
        || not_ok "--method $m --bytes 50 --truncate fills the 50 bytes" "rc $RC, $b bytes: $(cat "$TMP/out")"
done
run "$PRECIS" summarize --bytes 300 --truncate "$TMP/cluster"
b=$(printed_bytes)
[ "$b" -eq 300 ] && ok "--bytes 300 --truncate fills the budget exactly ($b bytes)" || not_ok "--bytes 300 --truncate fills the budget exactly" "$b bytes"
run "$PRECIS" summarize --bytes 300 "$TMP/cluster"
b=$(printed_bytes)
[ "$b" -le 300 ] && [ "$b" -gt 100 ] && ok "--bytes 300 without --truncate keeps whole sentences ($b bytes)" \
    || not_ok "--bytes 300 without --truncate keeps whole sentences" "$b bytes"
run "$PRECIS" summarize --bytes 300 --truncate --json "$TMP/cluster"
$PY - "$TMP/out" "$TMP/cluster" <<'PY' && ok "--bytes --truncate --json: the cut sentence's offsets, text and word count agree" \
    || not_ok "--bytes --truncate --json: the cut sentence's offsets, text and word count agree" "$(head -c 300 "$TMP/out")"
import json, os, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
names = sorted(os.listdir(sys.argv[2]))
for s in d["sentences"]:
    raw = open(os.path.join(sys.argv[2], names[s["article"]]), "rb").read()
    assert raw[s["start"]:s["end"]].decode("utf-8") == s["text"], s
assert d["words"] == len(d["summary"].split()), (d["words"], d["summary"])
assert len(d["summary"].replace("\n", "").encode("utf-8")) == 300
PY
# a cut never splits a character: budgets that end inside "é" (2 bytes)
printf 'Le conseil municipal a d\303\251cid\303\251 lundi de fermer le vieux pont du port pour des r\303\251parations.\n' > "$TMP/fr.txt"
bad=""
for n in 24 25 26 27 28 29 30 31; do
    "$PRECIS" summarize --bytes $n --truncate "$TMP/fr.txt" > "$TMP/out" 2>/dev/null
    b=$(printed_bytes)
    $PY -c "open('$TMP/out', encoding='utf-8').read()" 2>/dev/null && [ "$b" -le "$n" ] && [ "$b" -ge $((n - 1)) ] || bad="$bad $n:$b"
done
[ -z "$bad" ] && ok "a byte cut never splits a UTF-8 character and fills the budget" || not_ok "a byte cut never splits a UTF-8 character" "$bad"
usage_error "--sentences 2 --truncate is a usage error" "--truncate .* does not apply to --sentences" \
    "$PRECIS" summarize --sentences 2 --truncate "$TMP/cluster"
usage_error "eval --sentences 2 --truncate is a usage error" "--truncate .* does not apply to --sentences" \
    "$PRECIS" eval --truncate --sentences 2 "$TMP/data.jsonl"
run "$PRECIS" summarize --words 20 --truncate "$TMP/cluster"
[ "$(wc -w < "$TMP/out")" -eq 20 ] && ok "--words 20 --truncate still cuts at 20 words" || not_ok "--words 20 --truncate still cuts at 20 words"
run "$PRECIS" summarize --method ilp --words 20 --truncate "$TMP/cluster"
[ "$(wc -w < "$TMP/out")" -eq 20 ] && ok "--method ilp --words 20 --truncate fills the 20 words (the exact ILP took no cut)" \
    || not_ok "--method ilp --words 20 --truncate fills the 20 words" "$(wc -w < "$TMP/out") words"
