#!/bin/sh
# CLI tests of `precis summarize`: the bundled example, attribution offsets,
# budgets, batches, determinism, and every kind of bad input.
. "$(dirname "$0")/lib.sh"
EX=examples/daraa

# ---- the bundled example ------------------------------------------------
run "$PRECIS" summarize $EX/
expect_exit 0 "the example cluster is summarized"
words=$(wc -w < "$TMP/out")
if [ "$words" -le 100 ] && [ "$words" -ge 60 ]; then ok "the example summary has 60..100 words ($words)"; else not_ok "the example summary has 60..100 words" "got $words"; fi
expect_stdout_lacks 'Photos / AP|pic\.twitter|#Daraa|No deterrent|\(Nabaa\)|\[Anadolu\]|See Syria Daily|Related Articles|Hajj virtues|contributed to this report' \
    "the example summary has no caption, tweet or link line"
$PY - "$TMP/out" <<'PY' && ok "no two summary sentences are copies of one sentence" || not_ok "no two summary sentences are copies of one sentence"
import re, sys
lines = [l for l in open(sys.argv[1], encoding="utf-8").read().splitlines() if l.strip()]
def words(s): return set(re.findall(r"\w+", s.lower()))
for i in range(len(lines)):
    for j in range(i + 1, len(lines)):
        a, b = words(lines[i]), words(lines[j])
        if len(a & b) / max(1, min(len(a), len(b))) > 0.6:
            print("#   near copies:", lines[i][:60], "|", lines[j][:60]); sys.exit(1)
PY

# ---- attribution: offsets slice the exact text ----------------------------
check_offsets() { # check_offsets JSON_FILE TITLE FILES...
    json=$1; title=$2; shift 2
    if $PY - "$json" "$@" <<'PY'
import json, sys
data = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8") if l.strip()]
files = sys.argv[2:]
bad = 0
for d in data:
    for s in d["sentences"]:
        raw = open(files[s["article"]], "rb").read()
        piece = raw[s["start"]:s["end"]].decode("utf-8")
        if piece != s["text"]:
            print("#   mismatch in", files[s["article"]], s["start"], s["end"]); bad = 1
    if not d["sentences"]: bad = 1
sys.exit(bad)
PY
    then ok "$title"; else not_ok "$title"; fi
}
run "$PRECIS" summarize --json $EX/
expect_exit 0 "--json on the example succeeds"
check_offsets "$TMP/out" "every JSON offset pair of the example slices the sentence's text" $EX/*
$PY -c "import json,sys; d=json.load(open('$TMP/out')); sys.exit(0 if d['summary'].count(chr(10))+1==len(d['sentences']) and d['words']<=100 else 1)" \
    && ok "--json summary holds one sentence per line" || not_ok "--json summary holds one sentence per line"

# ---- budgets ------------------------------------------------------------
run "$PRECIS" summarize --words 50 $EX/
w=$(wc -w < "$TMP/out"); [ "$w" -le 50 ] && [ "$w" -gt 20 ] && ok "--words 50 keeps at most 50 words ($w)" || not_ok "--words 50" "got $w words"
run "$PRECIS" summarize --words 50 --truncate $EX/
w=$(wc -w < "$TMP/out"); [ "$w" -eq 50 ] && ok "--truncate fills the budget exactly" || not_ok "--truncate fills the budget exactly" "got $w words"
run "$PRECIS" summarize --sentences 2 $EX/
[ "$(wc -l < "$TMP/out")" -eq 2 ] && ok "--sentences 2 gives two sentences" || not_ok "--sentences 2" "$(cat "$TMP/out")"
run "$PRECIS" summarize --bytes 400 $EX/
b=$(tr -d '\n' < "$TMP/out" | wc -c); [ "$b" -le 400 ] && [ "$b" -gt 100 ] && ok "--bytes 400 keeps at most 400 bytes ($b)" || not_ok "--bytes 400" "got $b"
for m in centroid lexrank learned concepts ilp lead lead-first random; do
    run "$PRECIS" summarize --method $m $EX/
    w=$(wc -w < "$TMP/out")
    [ "$RC" -eq 0 ] && [ "$w" -gt 0 ] && [ "$w" -le 100 ] && ok "--method $m gives a summary within budget" || not_ok "--method $m" "rc $RC, $w words"
done

# ---- the library example ------------------------------------------------
EXAMPLE="$(dirname "$PRECIS")/examples/summarize_files"
if [ -x "$EXAMPLE" ]; then
    run "$EXAMPLE" $EX/*
    expect_exit 0 "examples/summarize_files.c runs on the public API"
    expect_stdout '^\[00[0-3]_[0-9a-f]+\.txt [0-9]+-[0-9]+\] ' "it prints each sentence with its article and byte range"
else
    skip "examples/summarize_files.c runs on the public API" "$EXAMPLE not built"
fi

# ---- stdin and files ----------------------------------------------------
cat $EX/000_424f73fbbff911b5.txt > "$TMP/one.txt"
"$PRECIS" summarize < "$TMP/one.txt" > "$TMP/stdin.out" 2>"$TMP/err"; RC=$?
expect_exit 0 "an article on stdin is summarized"
run "$PRECIS" summarize "$TMP/one.txt"
cmp -s "$TMP/out" "$TMP/stdin.out" && ok "stdin and file give the same summary" || not_ok "stdin and file give the same summary"

# ---- batches: JSON lines ------------------------------------------------
$PY - "$TMP/batch.jsonl" <<'PY'
import json, sys
arts = [open("examples/daraa/" + f, encoding="utf-8").read() for f in sorted(__import__("os").listdir("examples/daraa"))]
with open(sys.argv[1], "w", encoding="utf-8") as out:
    out.write(json.dumps({"id": "full", "document": " ||||| ".join(arts), "summary": "x"}) + "\n")
    out.write(json.dumps({"id": "docs", "documents": arts[2:]}) + "\n")
    out.write(json.dumps({"id": "nl", "document": arts[0].replace("\n", " NEWLINE_CHAR ")}) + "\n")
    out.write(json.dumps({"id": 7, "document": arts[3]}) + "\n")
PY
run "$PRECIS" summarize --input-format jsonl "$TMP/batch.jsonl"
expect_exit 0 "a JSONL batch is summarized"
ids=$($PY -c "import json,sys; print(' '.join(str(json.loads(l)['id']) for l in open('$TMP/out')))")
[ "$ids" = "full docs nl 7" ] && ok "batch output keeps input order and ids" || not_ok "batch output keeps input order and ids" "got: $ids"
expect_stdout_lacks 'NEWLINE_CHAR' "NEWLINE_CHAR is read as a line break"
run "$PRECIS" summarize "$TMP/batch.jsonl"
expect_exit 0 "a .jsonl file is detected as a batch"
"$PRECIS" summarize < "$TMP/batch.jsonl" > "$TMP/stdin.jsonl" 2>/dev/null
cmp -s "$TMP/out" "$TMP/stdin.jsonl" && ok "JSON lines on stdin are detected as a batch" || not_ok "JSON lines on stdin are detected as a batch"
xz -c "$TMP/batch.jsonl" > "$TMP/batch.jsonl.xz"; gzip -c "$TMP/batch.jsonl" > "$TMP/batch.jsonl.gz"
run "$PRECIS" summarize "$TMP/batch.jsonl.xz"; cmp -s "$TMP/out" "$TMP/stdin.jsonl" && ok ".xz batches are read directly" || not_ok ".xz batches are read directly"
run "$PRECIS" summarize "$TMP/batch.jsonl.gz"; cmp -s "$TMP/out" "$TMP/stdin.jsonl" && ok ".gz batches are read directly" || not_ok ".gz batches are read directly"

# a truncated archive: the clusters before the damage are written, then the error
for i in $(seq 40); do cat "$TMP/batch.jsonl"; done | gzip -c > "$TMP/long.jsonl.gz"
head -c $(( $(wc -c < "$TMP/long.jsonl.gz") / 2 )) "$TMP/long.jsonl.gz" > "$TMP/cut.jsonl.gz"
run "$PRECIS" summarize "$TMP/cut.jsonl.gz"
expect_exit 1 "a truncated .gz batch exits 1"
expect_stderr 'cut.jsonl.gz:[0-9]+: truncated gzip data' "the truncated archive is named with its line"
[ "$(wc -l < "$TMP/out")" -gt 10 ] && ok "clusters before the damage are still written" \
    || not_ok "clusters before the damage are still written" "$(wc -l < "$TMP/out") lines"

# ---- determinism over threads ---------------------------------------------
for i in 1 2 3 4 5 6 7 8; do cat "$TMP/batch.jsonl"; done > "$TMP/many.jsonl"
"$PRECIS" summarize --threads 1 "$TMP/many.jsonl" > "$TMP/t1" 2>/dev/null
"$PRECIS" summarize --threads 4 "$TMP/many.jsonl" > "$TMP/t4" 2>/dev/null
"$PRECIS" summarize --threads 4 "$TMP/many.jsonl" > "$TMP/t4b" 2>/dev/null
cmp -s "$TMP/t1" "$TMP/t4" && cmp -s "$TMP/t4" "$TMP/t4b" && [ -s "$TMP/t1" ] \
    && ok "output is byte-identical across runs and thread counts" || not_ok "output is byte-identical across runs and thread counts"

# ---- bad input ------------------------------------------------------------
run "$PRECIS" summarize "$TMP/no-such-file.txt"
expect_exit 3 "a missing file exits 3"
one_line_error "a missing file gives one line naming it"
expect_stderr 'no-such-file.txt: cannot open' "the missing file's name and problem are given"

if [ -r /proc/self/mem ]; then # reading it fails with EIO: an unreadable file
    run "$PRECIS" summarize /proc/self/mem
    expect_exit 3 "an unreadable file exits 3"
    expect_stderr '/proc/self/mem: read error' "an unreadable file is named with the read error"
    run "$PRECIS" summarize --input-format jsonl /proc/self/mem
    expect_exit 3 "an unreadable batch file exits 3"
else
    skip "an unreadable file exits 3 (/proc/self/mem)" "/proc/self/mem is not readable here"
fi

: > "$TMP/empty.txt"
run "$PRECIS" summarize "$TMP/empty.txt"
expect_exit 1 "an empty file exits 1"
expect_stderr 'no article text' "an empty file is reported as empty"
run "$PRECIS" summarize -
expect_exit 1 "empty standard input exits 1"

mkdir "$TMP/emptydir"
run "$PRECIS" summarize "$TMP/emptydir"
expect_exit 1 "a folder without files exits 1"
one_line_error "a folder without files gives one line"

printf 'Photos / AP\npic.twitter.com/abc\nRelated Articles\n\nSome headline\n' > "$TMP/junk.txt"
run "$PRECIS" summarize "$TMP/junk.txt"
expect_exit 0 "a cluster of boilerplate exits 0"
[ ! -s "$TMP/out" ] && ok "a cluster of boilerplate gives an empty summary" || not_ok "a cluster of boilerplate gives an empty summary" "$(cat "$TMP/out")"
expect_stderr 'warning: no sentence of article prose' "a cluster of boilerplate is warned about"

head -2 "$TMP/batch.jsonl" > "$TMP/bad.jsonl"
echo '{"id": "broken", "document": "no closing' >> "$TMP/bad.jsonl"
sed -n 4p "$TMP/batch.jsonl" >> "$TMP/bad.jsonl"
run "$PRECIS" summarize "$TMP/bad.jsonl"
expect_exit 1 "a bad JSON line stops the batch with exit 1"
expect_stderr 'bad.jsonl:3: invalid JSON' "the bad JSON line is named by its line number"
[ "$(wc -l < "$TMP/out")" -eq 2 ] && ok "clusters before the bad line are written" || not_ok "clusters before the bad line are written" "$(wc -l < "$TMP/out") lines"
run "$PRECIS" summarize --skip-bad "$TMP/bad.jsonl"
expect_exit 0 "--skip-bad goes on after a bad line"
[ "$(wc -l < "$TMP/out")" -eq 3 ] && ok "--skip-bad writes every good cluster" || not_ok "--skip-bad writes every good cluster"
expect_stderr 'bad.jsonl:3:' "--skip-bad still reports the bad line"
echo '{"id": "x", "text": "no document"}' > "$TMP/nodoc.jsonl"
run "$PRECIS" summarize "$TMP/nodoc.jsonl"
expect_exit 1 "a JSON line without a document exits 1"
expect_stderr 'nodoc.jsonl:1: no "document"' "a JSON line without a document is explained"

head -c 3000 /dev/urandom > "$TMP/binary.bin"; printf '\000\001\002' >> "$TMP/binary.bin"
run "$PRECIS" summarize "$TMP/binary.bin"
expect_exit 1 "a binary file exits 1"
expect_stderr 'binary.bin: looks like a binary file' "a binary file is named and explained"

{ cat $EX/000_424f73fbbff911b5.txt; printf 'The army \377\376said the border stayed closed on Tuesday for everyone.\n'; } > "$TMP/latin.txt"
run "$PRECIS" summarize --words 400 --json "$TMP/latin.txt"
expect_exit 0 "invalid UTF-8 is summarized"
expect_stderr 'latin.txt: 2 invalid UTF-8 sequences replaced' "invalid UTF-8 is reported once per file"
$PY -c "import json; json.load(open('$TMP/out', encoding='utf-8'))" && ok "output stays valid UTF-8 JSON" || not_ok "output stays valid UTF-8 JSON"

yes "The army said on Tuesday that government forces advanced into the southern province overnight." | head -c 104857600 > "$TMP/huge.txt"
start=$(date +%s)
run "$PRECIS" summarize "$TMP/huge.txt"
took=$(( $(date +%s) - start ))
expect_exit 0 "a 100 MB article is summarized"
[ "$took" -le 60 ] && ok "a 100 MB article takes bounded time (${took}s)" || not_ok "a 100 MB article takes bounded time" "${took}s"
expect_stderr 'only the first 2000 sentences were read' "the unread part of a huge article is reported"
rm -f "$TMP/huge.txt"

$PY - "$TMP/wide.jsonl" <<'PY'
import json, random, sys
random.seed(3)
w = "army forces civilians border fled said the of and in to rebels jordan syria officials".split()
docs = [" ".join((" ".join(random.choice(w) for _ in range(random.randint(8, 25)))).capitalize() + "."
                 for _ in range(10)) for a in range(3000)]
open(sys.argv[1], "w").write(json.dumps({"id": "wide", "documents": docs}) + "\n")
PY
start=$(date +%s)
for m in default concepts learned; do
    run "$PRECIS" summarize --method $m "$TMP/wide.jsonl"
    [ "$RC" -eq 0 ] && [ -s "$TMP/out" ] || not_ok "a cluster of 3,000 articles is summarized ($m)" "rc $RC"
done
took=$(( $(date +%s) - start ))
[ "$took" -le 60 ] && ok "a cluster of 3,000 articles (30,000 sentences) takes bounded time (${took}s)" \
    || not_ok "a cluster of 3,000 articles takes bounded time" "${took}s"

run "$PRECIS" summarize --frobnicate $EX/
expect_exit 2 "an unknown option exits 2"
expect_stderr "unknown option '--frobnicate'" "the unknown option is named"
run "$PRECIS" summarize --words -5 $EX/
expect_exit 2 "a negative budget exits 2"
run "$PRECIS" summarize --words $EX/
expect_exit 2 "a missing option value exits 2"
run "$PRECIS" summarize --method best $EX/
expect_exit 2 "an unknown method exits 2"
run "$PRECIS" frobnicate
expect_exit 2 "an unknown command exits 2"
run "$PRECIS" summarize --help
expect_exit 0 "--help exits 0"
expect_stdout 'usage: precis summarize' "--help prints the usage on stdout"

# ---- real data (skipped without ../shared) -----------------------------------
if SH=$(shared_dir); then
    run "$PRECIS" summarize --input-format duc --words 100 "$SH/data/duc2003/docs"
    expect_exit 0 "the DUC 2003 root is summarized as a batch"
    [ "$(wc -l < "$TMP/out")" -eq 30 ] && ok "one JSON line per DUC cluster" || not_ok "one JSON line per DUC cluster"
    first=$($PY -c "import json; print(json.loads(open('$TMP/out').readline())['id'])")
    [ "$first" = "d30003t" ] && ok "DUC ids are the cluster folder names" || not_ok "DUC ids are the cluster folder names" "$first"
    expect_stdout_lacks '<TEXT>|<DOCNO>|&Cx1f' "DUC summaries hold no SGML markup"
    run "$PRECIS" summarize --json "$SH/data/duc2003/docs/d30003t"
    check_offsets "$TMP/out" "offsets slice exactly the text of SGML documents" "$SH"/data/duc2003/docs/d30003t/*

    run "$PRECIS" summarize --words 230 "$SH/data/multinews/validation.jsonl.xz"
    expect_exit 0 "the whole Multi-News validation file runs to completion"
    $PY - "$TMP/out" "$SH/data/multinews/validation.jsonl.xz" <<'PY' && ok "5,622 summaries come out in input order" || not_ok "5,622 summaries come out in input order"
import json, lzma, sys
got = [json.loads(l)["id"] for l in open(sys.argv[1], encoding="utf-8")]
want = [json.loads(l)["id"] for l in lzma.open(sys.argv[2], "rt", encoding="utf-8")]
sys.exit(0 if got == want and len(got) == 5622 else 1)
PY
else
    skip "real-data checks (the DUC 2003 root, the whole Multi-News validation file)" "no ../shared"
fi

# --collapse-copies: examples/daraa/000 is the wire story that 001 reprints
# with a new first line (exact shingle containment 0.658): 000 gives no
# sentence, and the JSON's article notes and a warning say so.
run "$PRECIS" summarize --json --diagnostics --collapse-copies examples/daraa
expect_exit 0 "--collapse-copies runs on the example"
$PY - "$TMP/out" <<'PY' && ok "--collapse-copies: the copy is noted, named in a warning, and gives no sentence" || not_ok "--collapse-copies: the copy is noted, named in a warning, and gives no sentence" "$(head -c 600 "$TMP/out")"
import json, sys
j = json.load(open(sys.argv[1], encoding="utf-8"))
notes = j["articles"]
assert [n["status"] for n in notes] == ["copy", "used", "used", "used"], notes
assert notes[0]["copy_of"] == 1 and abs(notes[0]["similarity"] - 0.657658) < 1e-6, notes[0]
assert all(s["article"] != 0 for s in j["sentences"])
assert any("000_424f73fbbff911b5.txt: collapsed: a near copy of 001_119253a322498d90.txt" in w
           for w in j["warnings"]), j["warnings"]
PY
run "$PRECIS" summarize --json --diagnostics examples/daraa
$PY - "$TMP/out" <<'PY' && ok "--diagnostics alone: every article noted as used or unused" || not_ok "--diagnostics alone: every article noted as used or unused" "$(head -c 600 "$TMP/out")"
import json, sys
j = json.load(open(sys.argv[1], encoding="utf-8"))
used = {s["article"] for s in j["sentences"]}
assert [n["status"] for n in j["articles"]] == ["used" if i in used else "unused" for i in range(4)]
PY
run "$PRECIS" summarize --json examples/daraa
expect_stdout_lacks '"articles"' "without --diagnostics the JSON has no article notes (as before 0.4.0)"
