#!/bin/sh
# CLI tests: `precis cluster` and `precis dedup` (issue #14) on the raw test
# clusters of tests/raw/ (written for the project): each event one story,
# the off-topic page alone; near-copies made here found by MinHash/LSH and by
# --exact alike; files, folders and standard input; bad lines named.
. "$(dirname "$0")/lib.sh"
R=tests/raw

# the raw clusters as one stream of JSON lines, ids "cluster/file"
$PY - "$TMP/raw.jsonl" <<'PY'
import json, os, sys
with open(sys.argv[1], "w", encoding="utf-8") as out:
    for c in ("quotes", "people", "chrome", "junk"):
        for f in sorted(os.listdir("tests/raw/" + c)):
            text = open("tests/raw/%s/%s" % (c, f), encoding="utf-8").read()
            out.write(json.dumps({"id": c + "/" + f, "text": text}) + "\n")
PY

run "$PRECIS" cluster "$TMP/raw.jsonl"
expect_exit 0 "cluster: the raw clusters are clustered"
$PY - "$TMP/out" <<'PY' && ok "cluster: each event is one story, the mattress guide a story of its own, every article once" || not_ok "cluster: each event is one story" "$(head -c 400 "$TMP/out")"
import json, sys
stories = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
seen = [a for s in stories for a in s["articles"]]
assert len(seen) == len(set(seen)) == 18, seen
groups = sorted(sorted(s["articles"]) for s in stories)
events = {}
for a in seen:
    key = "junk/sleep" if a.startswith("junk/sleep") else a.split("/")[0]
    events.setdefault(key, []).append(a)
assert groups == sorted(sorted(v) for v in events.values()), groups
assert all(s["size"] == len(s["articles"]) for s in stories)
assert [s["story"] for s in stories] == list(range(1, len(stories) + 1))
PY

run sh -c "\"$PRECIS\" cluster < \"$TMP/raw.jsonl\""
cp "$TMP/out" "$TMP/stdin.out"
run "$PRECIS" cluster "$TMP/raw.jsonl"
cmp -s "$TMP/out" "$TMP/stdin.out" && ok "cluster: standard input gives the same stories as the file" \
    || not_ok "cluster: standard input gives the same stories as the file"
gzip -c "$TMP/raw.jsonl" > "$TMP/raw.jsonl.gz"
run "$PRECIS" cluster "$TMP/raw.jsonl.gz"
cmp -s "$TMP/out" "$TMP/stdin.out" && ok "cluster: a .gz file gives the same stories" || not_ok "cluster: a .gz file gives the same stories"
run "$PRECIS" cluster $R/junk
expect_exit 0 "cluster: a folder, one article per file"
expect_stdout '"articles":\["sleep_guide.txt"\]' "cluster: the folder's off-topic page is a story of its own"

# dates and a window: the first story is written when a later date makes it quiet
$PY - "$TMP/dated.jsonl" <<'PY'
import json, os, sys
rows = []
for i, f in enumerate(sorted(os.listdir("tests/raw/quotes"))):
    rows.append({"id": "q%d" % i, "date": "2025-03-0%dT09:00:00Z" % (1 + i % 2),
                 "text": open("tests/raw/quotes/" + f, encoding="utf-8").read()})
for i, f in enumerate(sorted(os.listdir("tests/raw/chrome"))):
    rows.append({"id": "c%d" % i, "date": "2025-03-10T%02d:00:00+01:00" % (8 + i),
                 "text": open("tests/raw/chrome/" + f, encoding="utf-8").read()})
with open(sys.argv[1], "w", encoding="utf-8") as out:
    for r in rows:
        out.write(json.dumps(r) + "\n")
PY
run "$PRECIS" cluster --window 2d "$TMP/dated.jsonl"
expect_exit 0 "cluster --window: dated articles"
$PY - "$TMP/out" <<'PY' && ok "cluster --window: stories with their first and last dates, in the order they go quiet" || not_ok "cluster --window" "$(head -c 400 "$TMP/out")"
import json, sys
s = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
assert len(s) == 2, s
assert s[0]["articles"] == ["q0", "q1", "q2", "q3"] and s[0]["first_seen"] == "2025-03-01T09:00:00Z" \
    and s[0]["last_seen"] == "2025-03-02T09:00:00Z", s[0]
assert s[1]["first_seen"] == "2025-03-10T07:00:00Z" and s[1]["last_seen"] == "2025-03-10T10:00:00Z", s[1]
PY
# the quiet story is written before the input ends: a stream gives output as it goes
run sh -c "(head -4 \"$TMP/dated.jsonl\"; head -5 \"$TMP/dated.jsonl\" | tail -1; sleep 2; tail -3 \"$TMP/dated.jsonl\") | \"$PRECIS\" cluster --window 2d > \"$TMP/live.out\" & sleep 1; cat \"$TMP/live.out\"; wait"
expect_stdout '"articles":\["q0","q1","q2","q3"\]' "cluster --window: a quiet story is written while the input is still open"

# bad input
printf '{"text": "no id here"}\n' > "$TMP/noid.jsonl"
run "$PRECIS" cluster "$TMP/noid.jsonl"
expect_exit 1 "cluster: a line without an id is bad input"
expect_stderr 'noid\.jsonl:1: "id" is missing' "... named with its file and line"
head -2 "$TMP/raw.jsonl" > "$TMP/dup.jsonl"; head -1 "$TMP/raw.jsonl" >> "$TMP/dup.jsonl"
run "$PRECIS" cluster "$TMP/dup.jsonl"
expect_exit 1 "cluster: a duplicate id is an error"
expect_stderr "dup\.jsonl:3: duplicate id 'quotes/business_journal.txt' \(first on line 1\)" "... naming both lines"
run "$PRECIS" cluster --allow-duplicate-ids "$TMP/dup.jsonl"
expect_exit 0 "cluster --allow-duplicate-ids accepts it"
printf '{"id": "x", "text": "The council voted.", "date": "last Tuesday"}\n' > "$TMP/date.jsonl"
run "$PRECIS" cluster "$TMP/date.jsonl"
expect_exit 1 "cluster: an unparseable date is bad input"
expect_stderr "date\.jsonl:1: \"date\": 'last Tuesday' is not an ISO 8601 date" "... named"
{ head -1 "$TMP/raw.jsonl"; echo 'not json'; sed -n 2p "$TMP/raw.jsonl"; } > "$TMP/mixed.jsonl"
run "$PRECIS" cluster --skip-bad "$TMP/mixed.jsonl"
expect_exit 0 "cluster --skip-bad goes on after a bad line"
expect_stderr 'mixed\.jsonl:2: invalid JSON' "... and names it"
expect_stderr '1 line skipped' "... and counts it"
printf '{"id": "e", "text": ""}\n' > "$TMP/empty.jsonl"
run "$PRECIS" cluster "$TMP/empty.jsonl"
expect_exit 0 "cluster: an empty text is kept"
expect_stdout '"articles":\["e"\]' "... as a story of its own"
expect_stderr "empty text" "... with a warning"
run "$PRECIS" cluster --threshold 0 "$TMP/raw.jsonl"
expect_exit 2 "cluster: --threshold 0 is a usage error"
for bad in 0 1.5 -0.2 often; do
    run "$PRECIS" cluster --copies "$bad" "$TMP/raw.jsonl"
    expect_exit 2 "cluster: --copies $bad is a usage error"
done
expect_stderr "\-\-copies needs a number above 0 and at most 1 \(--no-copies turns the check off\), not 'often'" "... saying what it takes"

# near-duplicates first: the example's wire story (000) and its lightly
# edited reprint (001) are one story by the copy check alone, with the
# vector search (--threshold 1: identical vectors only) and merges (--merge 1)
# out of the way
run "$PRECIS" cluster --threshold 1 --merge 1 examples/daraa
expect_exit 0 "cluster: the copy check on the example"
expect_stdout '^\{"story":1,"size":2,"articles":\["000_424f73fbbff911b5.txt","001_119253a322498d90.txt"\]\}$' \
    "cluster: the wire story and its reprint are one story"
[ "$(wc -l < "$TMP/out")" -eq 3 ] && ok "cluster: the example's two other outlets are stories of their own" || not_ok "cluster: the example's two other outlets are stories of their own" "$(cat "$TMP/out")"
run "$PRECIS" cluster --threshold 1 --merge 1 --copies 0.9 examples/daraa
[ "$(wc -l < "$TMP/out")" -eq 4 ] && ok "cluster --copies 0.9: the reprint is not that close, a story of its own" || not_ok "cluster --copies 0.9" "$(cat "$TMP/out")"
run "$PRECIS" cluster --threshold 1 --merge 1 --no-copies examples/daraa
expect_exit 0 "cluster --no-copies"
[ "$(wc -l < "$TMP/out")" -eq 4 ] && ok "cluster --no-copies: without the check the reprint opens a story of its own" || not_ok "cluster --no-copies" "$(cat "$TMP/out")"
run "$PRECIS" cluster examples/daraa
expect_stdout '"size":4' "cluster: with the defaults the example is one story"
run "$PRECIS" cluster --window soon "$TMP/raw.jsonl"
expect_exit 2 "cluster: --window soon is a usage error"

# ---- dedup -----------------------------------------------------------------
# planted near-copies: a reprint cut to its first two thirds, one with words
# changed, one with a new first line
$PY - "$TMP/raw.jsonl" "$TMP/copies.jsonl" <<'PY'
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
by_id = {r["id"]: r for r in rows}
def words(t): return t.split()
a = by_id["people/ledger.txt"]["text"].split()
rows.append({"id": "copy/trimmed", "text": " ".join(a[: len(a) * 2 // 3])})
b = by_id["quotes/wire.txt"]["text"].split()
for i in range(7, len(b), 37):
    b[i] = "changed"
rows.append({"id": "copy/edited", "text": " ".join(b)})
rows.append({"id": "copy/updated", "text": "UPDATED 5:40 PM: adds the sheriff's count.\n" + by_id["chrome/kqrv.txt"]["text"]})
with open(sys.argv[2], "w", encoding="utf-8") as out:
    for r in rows:
        out.write(json.dumps(r) + "\n")
PY
run "$PRECIS" dedup "$TMP/copies.jsonl"
expect_exit 0 "dedup: the stream with planted copies"
cp "$TMP/out" "$TMP/lsh.out"
$PY - "$TMP/lsh.out" <<'PY' && ok "dedup: each planted copy is grouped with its original, nothing else is" || not_ok "dedup: planted copies" "$(head -c 400 "$TMP/lsh.out")"
import json, sys
g = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
got = sorted(sorted(x["members"]) for x in g)
assert got == [["chrome/kqrv.txt", "copy/updated"], ["copy/edited", "quotes/wire.txt"],
               ["copy/trimmed", "people/ledger.txt"]], got
for x in g:
    assert x["representative"] in x["members"] and len(x["similarities"]) == len(x["members"])
    assert all(0.7 <= s <= 1 for s in x["similarities"]), x
PY
run "$PRECIS" dedup --exact "$TMP/copies.jsonl"
expect_exit 0 "dedup --exact: all pairs"
$PY - "$TMP/lsh.out" "$TMP/out" <<'PY' && ok "dedup: LSH and --exact find the same groups" || not_ok "dedup: LSH and --exact find the same groups"
import json, sys
a, b = ([sorted(json.loads(l)["members"]) for l in open(p, encoding="utf-8")] for p in sys.argv[1:3])
assert sorted(a) == sorted(b), (a, b)
PY
run "$PRECIS" dedup --annotate "$TMP/copies.jsonl"
expect_exit 0 "dedup --annotate"
[ "$(wc -l < "$TMP/out")" -eq 21 ] && ok "dedup --annotate: one line per input article" || not_ok "dedup --annotate: one line per input article" "$(wc -l < "$TMP/out") lines"
expect_stdout '"id":"copy/trimmed","group":[0-9]+,"representative":"people/ledger.txt"' "... naming the copy's representative (the longer original)"
run "$PRECIS" dedup --all $R/junk
expect_exit 0 "dedup: a folder"
[ "$(wc -l < "$TMP/out")" -eq 5 ] && ok "dedup --all: every article in a group, the singletons too" || not_ok "dedup --all" "$(wc -l < "$TMP/out") lines"
run "$PRECIS" dedup examples/daraa
expect_stdout '"members":\["000_424f73fbbff911b5.txt","001_119253a322498d90.txt"\],"representative":"001_119253a322498d90.txt"' \
    "dedup: the example's wire story and its edited, longer reprint are one group"
[ "$(wc -l < "$TMP/out")" -eq 1 ] && ok "dedup: the example's two other outlets are no copies" || not_ok "dedup: the example's two other outlets are no copies"
# briefs: each story summarized as `precis summarize` would, its copies collapsed first
run "$PRECIS" cluster --summarize --words 60 "$TMP/copies.jsonl"
expect_exit 0 "cluster --summarize: a brief per story"
$PY - "$TMP/out" <<'PY' && ok "cluster --summarize: the planted copies collapsed, every brief attributed to the story's articles" || not_ok "cluster --summarize" "$(head -c 400 "$TMP/out")"
import json, sys
stories = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
collapsed = {s["articles"][0].split("/")[0]: s["copies_collapsed"] for s in stories}
assert sum(s["copies_collapsed"] for s in stories) == 3, collapsed
pairs = [("people/ledger.txt", "copy/trimmed"), ("quotes/wire.txt", "copy/edited"),
         ("chrome/kqrv.txt", "copy/updated")]
for s in stories:
    b = s["brief"]
    assert 0 < b["words"] <= 60, b
    names = {sent["name"] for sent in b["sentences"]}
    assert names <= set(s["articles"]), (names, s["articles"])
    for a, c in pairs:
        assert not (a in names and c in names), (a, c, names)
PY
run "$PRECIS" cluster --words 60 "$TMP/copies.jsonl"
expect_exit 2 "cluster: --words without --summarize is a usage error"
run "$PRECIS" dedup --bands 3 "$TMP/copies.jsonl"
expect_exit 2 "dedup: bands that do not divide the hashes are a usage error"
expect_stderr 'must divide' "... saying why"
run "$PRECIS" dedup "$TMP/noid.jsonl"
expect_exit 1 "dedup: a line without an id is bad input"

echo "1..$N"
