#!/bin/sh
# CLI tests of `precis eval`: JSON-lines and DUC datasets made here from the
# bundled example, the table and its JSON, --save, agreement with
# `precis rouge` on the saved summaries, methods, and every kind of bad
# input.  With the shared data sets (../shared) also the first 200 clusters of
# Multi-News validation and the 30 clusters of DUC 2003.
. "$(dirname "$0")/lib.sh"
EX=examples/daraa

# ---- data: 4 clusters, references in "summary" and "summaries" ----------------
# "junk" is all boilerplate and "empty" has no text: both get an empty summary,
# score 0 and count in the averages.
$PY - "$TMP/data.jsonl" <<'PY'
import json, os, sys
d = "examples/daraa/"
arts = [open(d + f, encoding="utf-8").read() for f in sorted(os.listdir(d))]
with open(sys.argv[1], "w", encoding="utf-8") as out:
    def line(**kw): out.write(json.dumps(kw) + "\n")
    line(id="full", document=" ||||| ".join(arts),
         summary="Syrian government forces advanced in the south of the country.\n"
                 "Tens of thousands of civilians fled toward Jordan, which kept its border closed.")
    line(id="two", documents=arts[2:],
         summaries=["Regime bombardment displaced thousands of civilians in Deraa.",
                    "Jordan said it would keep its border closed to Syrians fleeing the offensive."])
    line(id="junk", document="Photos / AP\npic.twitter.com/abc\nRelated Articles", summary="Nothing.")
    line(id="empty", document="", summary="Nothing at all.")
PY
ids="full two junk empty"

# jsonl_from_saved DIR IDS... > FILE: the saved summaries as `precis rouge --jsonl` input
jsonl_from_saved() {
    $PY - "$@" <<'PY'
import json, sys
for i in sys.argv[2:]:
    print(json.dumps({"id": i, "summary": open(sys.argv[1] + "/" + i, encoding="utf-8").read()}))
PY
}
# same_table EVAL_OUT ROUGE_OUT: eval's table (less its title line) is rouge's
# eval's ROUGE table (after its title line, before its readability counts)
same_table() { tail -n +2 "$1" | awk '/^Readability /{exit} {print}' | sed '$d' | cmp -s - "$2"; }

# ---- the table, --json, --save --------------------------------------------------
run "$PRECIS" eval "$TMP/data.jsonl"
expect_exit 0 "a JSONL dataset with references is evaluated"
expect_stdout '^precis eval: method default, 4 clusters, budget 100 words, ROUGE -m$' \
    "the table's title gives method, cluster count (empty clusters included), budget, flags"
n=$(grep -Ec '^ROUGE-(1|2|L|SU4) Average_[RPF]: [0-9.]+ \(95%-conf\.int\. [0-9.]+ - [0-9.]+\)$' "$TMP/out")
[ "$n" -eq 12 ] && ok "the table has ROUGE-1/2/L/SU4 R, P, F with intervals" || not_ok "the table has 12 ROUGE lines" "got $n"
cp "$TMP/out" "$TMP/eval.txt"

run "$PRECIS" eval --json --save "$TMP/saved" "$TMP/data.jsonl"
expect_exit 0 "--json --save succeeds"
cp "$TMP/out" "$TMP/eval.json"
$PY - "$TMP/eval.json" "$TMP/eval.txt" <<'PY' && ok "--json parses and holds the table's figures" || not_ok "--json parses and holds the table's figures"
import json, re, sys
d = json.load(open(sys.argv[1]))
assert d["method"] == "default" and d["items"] == 4, d
assert d["flags"] == "-n 2 -2 4 -u -c 95 -r 1000 -f A -p 0.5 -t 0 -m" and d["confidence"] == 95, d
text = open(sys.argv[2]).read()
for m in ["ROUGE-1", "ROUGE-2", "ROUGE-L", "ROUGE-SU4"]:
    for k in "rpf":
        v = d[m][k]
        want = "%s Average_%s: %.5f (95%%-conf.int. %.5f - %.5f)" % (m, k.upper(), v["average"], v["low"], v["high"])
        assert want in text, want
        assert 0 <= v["low"] <= v["average"] <= v["high"] <= 1, v
PY
files=$(ls "$TMP/saved" | sort | tr '\n' ' ')
[ "$files" = "empty full junk two " ] && ok "--save writes one file per cluster, named by id" || not_ok "--save writes one file per cluster" "got: $files"
"$PRECIS" summarize --json "$TMP/data.jsonl" > "$TMP/summaries.jsonl" 2>/dev/null
$PY - "$TMP/summaries.jsonl" "$TMP/saved" <<'PY' && ok "saved summaries are summarize's, one sentence per line" || not_ok "saved summaries are summarize's, one sentence per line"
import json, sys
for line in open(sys.argv[1], encoding="utf-8"):
    d = json.loads(line)
    saved = open(sys.argv[2] + "/" + str(d["id"]), encoding="utf-8").read()
    lines = saved.splitlines()
    assert len(lines) == len(d["sentences"]), (d["id"], len(lines), len(d["sentences"]))
    assert saved.rstrip("\n") == d["summary"], d["id"]
PY
[ ! -s "$TMP/saved/junk" ] && [ ! -s "$TMP/saved/empty" ] && [ -s "$TMP/saved/full" ] \
    && ok "clusters without prose get an empty saved summary" || not_ok "clusters without prose get an empty saved summary"

# ---- eval == rouge on the saved summaries ---------------------------------------
# shellcheck disable=SC2086
jsonl_from_saved "$TMP/saved" $ids > "$TMP/sys.jsonl"
run "$PRECIS" rouge -m --jsonl "$TMP/sys.jsonl" "$TMP/data.jsonl"
expect_exit 0 "precis rouge --jsonl scores the saved summaries"
same_table "$TMP/eval.txt" "$TMP/out" && ok "eval's figures are precis rouge's on the saved summaries (R, P, F, intervals)" \
    || not_ok "eval's figures are precis rouge's on the saved summaries" "eval: $(sed -n 3p "$TMP/eval.txt")" "rouge: $(sed -n 2p "$TMP/out")"

# the empty clusters score 0 and count
printf '%s\n' "$(sed -n 3,4p "$TMP/data.jsonl")" > "$TMP/empties.jsonl"
run "$PRECIS" eval --json "$TMP/empties.jsonl"
expect_exit 0 "a dataset of clusters without prose is evaluated"
$PY -c "
import json, sys
d = json.load(open('$TMP/out'))
assert d['items'] == 2, d
assert all(d[m][k]['average'] == 0 for m in ['ROUGE-1', 'ROUGE-2', 'ROUGE-L', 'ROUGE-SU4'] for k in 'rpf'), d
" && ok "empty clusters score 0 and are counted" || not_ok "empty clusters score 0 and are counted" "$(head -c 300 "$TMP/out")"

# ---- methods, budgets, flags, threads ---------------------------------------------
for m in lead oracle lead-first random; do
    run "$PRECIS" eval --method $m --json "$TMP/data.jsonl"
    if [ "$RC" -eq 0 ] && $PY -c "import json; d = json.load(open('$TMP/out')); assert d['method'] == '$m' and d['items'] == 4"; then
        ok "--method $m is evaluated"
    else
        not_ok "--method $m is evaluated" "rc $RC" "$(head -c 300 "$TMP/err")"
    fi
done
run "$PRECIS" eval --words 40 --rouge "-m -l 40" --save "$TMP/w40" "$TMP/data.jsonl"
expect_exit 0 "--words and --rouge \"-m -l N\" are taken"
expect_stdout 'budget 40 words, ROUGE -m -l 40$' "the title gives the budget and the flags"
w=$(wc -w < "$TMP/w40/full")
[ "$w" -le 40 ] && [ "$w" -gt 0 ] && ok "the budget bounds the saved summary ($w words)" || not_ok "the budget bounds the saved summary" "got $w words"
"$PRECIS" eval --json --threads 1 "$TMP/data.jsonl" > "$TMP/t1.json" 2>/dev/null
"$PRECIS" eval --json --threads 3 "$TMP/data.jsonl" > "$TMP/t3.json" 2>/dev/null
cmp -s "$TMP/t1.json" "$TMP/t3.json" && cmp -s "$TMP/t1.json" "$TMP/eval.json" \
    && ok "figures do not depend on the thread count" || not_ok "figures do not depend on the thread count"
run "$PRECIS" eval --json --rouge "$(printf -- '-m\t-l 100')" "$TMP/data.jsonl"
$PY -c "import json; assert json.load(open('$TMP/out'))['flags'] == '-n 2 -2 4 -u -c 95 -r 1000 -f A -p 0.5 -t 0 -m -l 100'" \
    && ok "--json gives the ROUGE-1.5.5 flags in full, whatever the spacing of --rouge" \
    || not_ok "--json gives the ROUGE-1.5.5 flags in full" "$(head -c 160 "$TMP/out")"

# ---- a DUC root ------------------------------------------------------------------
# two clusters of SGML documents; references D001.M.100.T.A.html etc. (any case)
for c in d001t d002t; do
    mkdir -p "$TMP/duc/$c"
    i=0
    for f in $EX/*; do
        i=$((i + 1))
        { printf '<DOC>\n<DOCNO> X%s </DOCNO>\n<TEXT>\n' $i; cat "$f"; printf '\n</TEXT>\n</DOC>\n'; } > "$TMP/duc/$c/X$i"
    done
done
mkdir "$TMP/models"
printf 'Syrian government forces advanced in the south.\nCivilians fled toward Jordan.\n' > "$TMP/models/D001.M.100.T.A.html"
printf 'Thousands fled the offensive in Deraa.\n' > "$TMP/models/D001.M.100.T.B.html"
run "$PRECIS" eval "$TMP/duc" "$TMP/models"
expect_exit 1 "a DUC cluster without reference files exits 1"
expect_stderr "models: no reference summary for 'd002t'\$" "the DUC cluster without references is named"
one_line_error "a DUC cluster without references gives one line"
printf 'Jordan kept its border closed.\n' > "$TMP/models/d002.m.100.t.c.html"
printf 'Unrelated.\n' > "$TMP/models/D0021.M.100.T.A.html"  # cluster d0021t's, not d002t's
run "$PRECIS" eval "$TMP/duc" "$TMP/models"
expect_exit 1 "a model file that matches no cluster folder exits 1 (as in precis rouge)"
expect_stderr "models/D0021\.M\.100\.T\.A\.html: this reference matches none of the 2 items\$" \
    "the model without its cluster is named"
one_line_error "a model without its cluster gives one line"
rm "$TMP/models/D0021.M.100.T.A.html"
run "$PRECIS" eval --save "$TMP/ducsaved" "$TMP/duc" "$TMP/models"
expect_exit 0 "a DUC root with its models is evaluated"
expect_stdout '^precis eval: method default, 2 clusters,' "the DUC root gives 2 clusters"
cp "$TMP/out" "$TMP/duc.txt"
run "$PRECIS" eval --format duc "$TMP/duc" "$TMP/models"
cmp -s "$TMP/out" "$TMP/duc.txt" && ok "--format duc gives what the folder gave" || not_ok "--format duc gives what the folder gave"
# precis rouge matches the saved summaries (d001t, d002t) to the models as eval does
run "$PRECIS" rouge -m "$TMP/ducsaved" "$TMP/models"
same_table "$TMP/duc.txt" "$TMP/out" && ok "precis rouge scores eval --save's DUC folder against the models, with eval's figures" \
    || not_ok "precis rouge scores eval --save's DUC folder against the models" "$(head -c 300 "$TMP/err")" "eval: $(sed -n 3p "$TMP/duc.txt")" "rouge: $(sed -n 2p "$TMP/out")"
# ... and summaries named by the cluster code, D001 and D002, by name prefix
mkdir "$TMP/ducsys" "$TMP/ducref"
cp "$TMP/ducsaved/d001t" "$TMP/ducsys/D001"
cp "$TMP/ducsaved/d002t" "$TMP/ducsys/D002"
cp "$TMP/models/D001.M.100.T.A.html" "$TMP/models/D001.M.100.T.B.html" "$TMP/ducref/"
cp "$TMP/models/d002.m.100.t.c.html" "$TMP/ducref/D002.M.100.T.C.html"
run "$PRECIS" rouge -m "$TMP/ducsys" "$TMP/ducref"
same_table "$TMP/duc.txt" "$TMP/out" && ok "DUC eval figures are precis rouge's on the saved summaries" \
    || not_ok "DUC eval figures are precis rouge's on the saved summaries" "eval: $(sed -n 3p "$TMP/duc.txt")" "rouge: $(sed -n 2p "$TMP/out")"

# ---- bad input -------------------------------------------------------------------
head -1 "$TMP/data.jsonl" > "$TMP/noref.jsonl"
echo '{"id": "noref", "document": "The army said the border stayed closed on Tuesday for everyone."}' >> "$TMP/noref.jsonl"
run "$PRECIS" eval "$TMP/noref.jsonl"
expect_exit 1 "a cluster without a reference exits 1"
expect_stderr 'noref\.jsonl:2: cluster noref: no reference summary' "the cluster without a reference is named with its line"
one_line_error "a cluster without a reference gives one line"

head -1 "$TMP/data.jsonl" > "$TMP/bad.jsonl"
echo '{"id": "broken", "document": "no closing' >> "$TMP/bad.jsonl"
run "$PRECIS" eval "$TMP/bad.jsonl"
expect_exit 1 "a bad JSON line exits 1"
expect_stderr 'bad\.jsonl:2: invalid JSON' "the bad JSON line is named by its line number"
[ ! -s "$TMP/out" ] && ok "no table is printed after a bad line" || not_ok "no table is printed after a bad line"

run "$PRECIS" eval "$TMP/no-such-data.jsonl"
expect_exit 3 "a missing dataset exits 3"
expect_stderr 'no-such-data\.jsonl: cannot open' "the missing dataset is named"
one_line_error "a missing dataset gives one line"

: > "$TMP/nothing.jsonl"
run "$PRECIS" eval "$TMP/nothing.jsonl"
expect_exit 1 "a dataset without clusters exits 1"

run "$PRECIS" eval --method best "$TMP/data.jsonl"
expect_exit 2 "an unknown --method exits 2"
expect_stderr "unknown method 'best'" "the unknown method is named"
run "$PRECIS" eval --rouge "-m -z" "$TMP/data.jsonl"
expect_exit 2 "an unknown ROUGE flag exits 2"
expect_stderr 'unsupported ROUGE flag -z' "the unknown ROUGE flag is named"
run "$PRECIS" eval --rouge "-l abc" "$TMP/data.jsonl"
expect_exit 2 "a bad ROUGE flag value exits 2"
run "$PRECIS" eval "$TMP/duc"
expect_exit 2 "a DUC dataset without MODELS_DIR exits 2"
expect_stderr 'needs MODELS_DIR' "a DUC dataset without MODELS_DIR is explained"
run "$PRECIS" eval "$TMP/data.jsonl" "$TMP/models"
expect_exit 2 "a JSONL dataset with a MODELS_DIR exits 2"
run "$PRECIS" eval --words 0 "$TMP/data.jsonl"
expect_exit 2 "a zero budget exits 2"
run "$PRECIS" eval
expect_exit 2 "no dataset exits 2"

# ---- the shared data sets ----------------------------------------------------------
if S=$(shared_dir) && [ -f "$S/data/multinews/validation.jsonl.xz" ]; then
    xz -dc "$S/data/multinews/validation.jsonl.xz" | head -200 > "$TMP/mn200.jsonl"
    run "$PRECIS" eval --words 230 --rouge "-m -l 230" --json --save "$TMP/mn" "$TMP/mn200.jsonl"
    expect_exit 0 "Multi-News: the first 200 validation clusters are evaluated"
    cp "$TMP/out" "$TMP/mn-default.json"
    run "$PRECIS" eval --words 230 --rouge "-m -l 230" "$TMP/mn200.jsonl"
    cp "$TMP/out" "$TMP/mn-default.txt"
    # shellcheck disable=SC2046
    jsonl_from_saved "$TMP/mn" $($PY -c "
import json, sys
for l in open('$TMP/mn200.jsonl', encoding='utf-8'): print(json.loads(l)['id'])") > "$TMP/mn-sys.jsonl"
    run "$PRECIS" rouge -m -l 230 --jsonl "$TMP/mn-sys.jsonl" "$TMP/mn200.jsonl"
    same_table "$TMP/mn-default.txt" "$TMP/out" && ok "Multi-News: eval's figures are precis rouge's on the saved summaries" \
        || not_ok "Multi-News: eval's figures are precis rouge's on the saved summaries" "eval: $(sed -n 3p "$TMP/mn-default.txt")" "rouge: $(sed -n 2p "$TMP/out")"
    run "$PRECIS" eval --words 230 --rouge "-m -l 230" --json --method oracle "$TMP/mn200.jsonl"
    cp "$TMP/out" "$TMP/mn-oracle.json"
    run "$PRECIS" eval --words 230 --rouge "-m -l 230" --json --method lead "$TMP/mn200.jsonl"
    cp "$TMP/out" "$TMP/mn-lead.json"
    $PY - "$TMP/mn-default.json" "$TMP/mn-oracle.json" "$TMP/mn-lead.json" <<'PY' \
        && ok "Multi-News: the oracle's ROUGE-2 recall is at least default's and lead's" \
        || not_ok "Multi-News: the oracle's ROUGE-2 recall is at least default's and lead's"
import json, sys
d, o, l = (json.load(open(p)) for p in sys.argv[1:4])
r2 = lambda x: x["ROUGE-2"]["r"]["average"]
print("#   ROUGE-2 R: default %.5f, lead %.5f, oracle %.5f" % (r2(d), r2(l), r2(o)))
assert d["items"] == o["items"] == l["items"] == 200
assert r2(o) >= r2(d) and r2(o) >= r2(l)
assert r2(d) > 0.05
PY
else
    skip "Multi-News checks (200 validation clusters: eval, precis rouge, oracle)" "no ../shared/data/multinews"
fi
if S=$(shared_dir) && [ -d "$S/data/duc2003/docs" ]; then
    run "$PRECIS" eval --format duc --words 100 --rouge "-m -l 100" --json "$S/data/duc2003/docs" "$S/data/duc2003/models"
    expect_exit 0 "DUC 2003 is evaluated"
    $PY -c "import json; d = json.load(open('$TMP/out')); assert d['items'] == 30, d['items']; assert d['ROUGE-1']['r']['average'] > 0.2" \
        && ok "DUC 2003 gives 30 clusters" || not_ok "DUC 2003 gives 30 clusters" "$(head -c 200 "$TMP/out")"
else
    skip "DUC 2003 checks (eval of the 30 clusters)" "no ../shared/data/duc2003"
fi

# ---- references as lists of sentences, duplicate ids, folders, odd ids ----
DOC="The army said on Tuesday that forces advanced into the south. Civilians fled the bombing toward the border in their thousands."
printf '{"id":"e","document":"%s","summary":["The army advanced into the south.","Civilians fled."]}\n' "$DOC" > "$TMP/list.jsonl"
run "$PRECIS" eval --json "$TMP/list.jsonl"
expect_exit 0 "a reference given as a list of sentences is read, as precis rouge reads it"
printf '{"id":"e","document":"%s","summary":"x"}\n{"id":"e","document":"%s","summary":"y"}\n' "$DOC" "$DOC" > "$TMP/dupid.jsonl"
run "$PRECIS" eval "$TMP/dupid.jsonl"
expect_exit 1 "a duplicate id exits 1"
expect_stderr "dupid\.jsonl:2: duplicate id 'e' \(first on line 1\)\$" "the duplicate id is named, with both lines"
mkdir -p "$TMP/adir"
run "$PRECIS" eval --format jsonl "$TMP/adir"
expect_stderr "is a folder, not a file of JSON lines" "a folder given as JSON lines is explained"
printf '{"id":"..","document":"%s","summary":"The army advanced."}\n{"id":".hidden","document":"%s","summary":"Civilians fled."}\n' "$DOC" "$DOC" > "$TMP/odd.jsonl"
run "$PRECIS" eval --save "$TMP/oddsave" "$TMP/odd.jsonl"
expect_exit 0 "ids '..' and '.hidden' are saved"
[ -f "$TMP/oddsave/_.." ] && [ -f "$TMP/oddsave/_.hidden" ] && ok "saved names stay inside the folder and are not hidden" \
    || not_ok "saved names stay inside the folder and are not hidden" "$(ls -a "$TMP/oddsave")"

# ---- --truncate is refused where it cannot apply ---------------------------
run "$PRECIS" eval --method oracle --truncate "$TMP/list.jsonl"
expect_exit 2 "eval --method oracle --truncate is a usage error, not silently ignored"
expect_stderr "--truncate does not apply to --method oracle" "the message says why"

# ---- one rule set with precis rouge (issue #12) ---------------------------------
printf '{"id":"e","document":"%s","summary":"The army advanced.","summaries":["Civilians fled."]}\n' "$DOC" > "$TMP/both.jsonl"
run "$PRECIS" eval "$TMP/both.jsonl"
expect_exit 1 "\"summary\" and \"summaries\" together exit 1, as in precis rouge"
expect_stderr "both\\.jsonl:1: give \"summary\" or \"summaries\", not both\$" "... naming the line"
one_line_error "... in one line"
printf '{"id":"e","document":"%s","summary":"The army advanced.","summary":"Civilians fled."}\n' "$DOC" > "$TMP/dupkey.jsonl"
run "$PRECIS" eval "$TMP/dupkey.jsonl"
expect_exit 1 "a key twice in one JSON object exits 1, as in precis rouge"
expect_stderr 'dupkey\.jsonl:1: invalid JSON: duplicate object key' "... naming the line"
printf '{"id":"e","document":"%s","summary":null,"summaries":["The army advanced."]}\n' "$DOC" > "$TMP/nullsum.jsonl"
run "$PRECIS" eval "$TMP/nullsum.jsonl"
expect_exit 0 "a null \"summary\" beside \"summaries\" is absent, as in precis rouge"

# the same keys: eval's JSON is rouge's plus "method" and "budget"
"$PRECIS" eval --json "$TMP/data.jsonl" > "$TMP/keys-eval.json" 2>/dev/null
"$PRECIS" rouge -m --json --jsonl "$TMP/sys.jsonl" "$TMP/data.jsonl" > "$TMP/keys-rouge.json" 2>/dev/null
$PY - "$TMP/keys-eval.json" "$TMP/keys-rouge.json" <<'PY' && ok "eval --json and rouge --json print the same keys and figures" || not_ok "eval --json and rouge --json print the same keys and figures"
import json, sys
e, r = (json.load(open(p)) for p in sys.argv[1:3])
assert list(e)[:2] == ["method", "budget"], list(e)
assert list(e)[-1] == "readability", list(e)
assert list(e)[2:-1] == list(r), (list(e), list(r))
rd = e["readability"]
assert set(rd) == {"briefs", "sentences", "quote_shards", "unintroduced", "chrome", "datelines",
                   "dangling", "opens_badly", "top_article_share"}, rd
assert rd["briefs"] == r["items"] and rd["sentences"] > 0, rd
assert list(r)[:3] == ["items", "flags", "confidence"] and "ROUGE-SU4" in r
for k in r:
    assert e[k] == r[k], k
PY

# ---- DUC 2006 (../shared): cluster folders D0601A, models D0601.M.250.A.A ---------
if S=$(shared_dir) && [ -d "$S/data/duc2006/docs" ]; then
    run "$PRECIS" eval --words 250 --rouge "-m -l 250" --json --save "$TMP/duc06" "$S/data/duc2006/docs" "$S/data/duc2006/models"
    expect_exit 0 "DUC 2006 is evaluated: every model file matches its cluster folder"
    cp "$TMP/out" "$TMP/duc06.json"
    $PY -c "import json; d = json.load(open('$TMP/duc06.json')); assert d['items'] == 50, d['items']; assert d['ROUGE-2']['r']['average'] > 0.05" \
        && ok "DUC 2006 gives 50 clusters" || not_ok "DUC 2006 gives 50 clusters" "$(head -c 200 "$TMP/out")"
    run "$PRECIS" rouge -m -l 250 --json "$TMP/duc06" "$S/data/duc2006/models"
    $PY -c "
import json
e, r = json.load(open('$TMP/duc06.json')), json.load(open('$TMP/out'))
assert all(e[m] == r[m] for m in ['ROUGE-1', 'ROUGE-2', 'ROUGE-L', 'ROUGE-SU4'])" \
        && ok "DUC 2006: precis rouge on the saved summaries gives eval's figures" \
        || not_ok "DUC 2006: precis rouge on the saved summaries gives eval's figures" "$(head -c 300 "$TMP/err")"
else
    skip "DUC 2006 checks (eval of the 50 clusters, rouge on the saved summaries)" "no ../shared/data/duc2006"
fi
