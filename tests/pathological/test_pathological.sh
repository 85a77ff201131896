#!/bin/sh
# test_pathological.sh: inputs built to exhaust time or memory, each run by
# the release binary under a limit of wall-clock time and of peak resident
# memory (issue #11).  Each check prints its figures, so that a run of
# `tests/run.sh build/release tests/pathological/test_pathological.sh`
# is also the table of docs/BENCHMARKS.md ("Pathological inputs").
#
# Limits are generous multiples of what a 2-core machine needs: they catch a
# bound that is lost (a search that runs for minutes, memory that grows with
# the input), not a few percent of speed.
. "$(dirname "$0")/../cli/lib.sh"

# measure SECONDS MEGABYTES TITLE CMD...: runs CMD (stdout to $TMP/out,
# stderr to $TMP/err), killing it past SECONDS; sets RC, WALL and RSS_MB.
measure() {
    limit_s=$1 limit_mb=$2 title=$3
    shift 3
    set -- "$PY" -c '
import resource, subprocess, sys, time
limit = float(sys.argv[1])
t0 = time.monotonic()
with open(sys.argv[2], "wb") as out, open(sys.argv[3], "wb") as err:
    try:
        rc = subprocess.run(sys.argv[4:], stdin=subprocess.DEVNULL, stdout=out, stderr=err,
                            timeout=limit).returncode
    except subprocess.TimeoutExpired:
        rc = 124
wall = time.monotonic() - t0
rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024.0
print("%d %.2f %.1f" % (rc, wall, rss))
' "$limit_s" "$TMP/out" "$TMP/err" "$@"
    set -- $("$@")
    RC=$1 WALL=$2 RSS_MB=$3
    FIGURES="$WALL s, $RSS_MB MB peak RSS (limits $limit_s s, $limit_mb MB)"
    if [ "$RC" -eq 124 ]; then
        not_ok "$title" "killed after $limit_s s"
        return 1
    fi
    if awk -v a="$RSS_MB" -v b="$limit_mb" 'BEGIN { exit !(a > b) }'; then
        not_ok "$title" "$FIGURES" "stderr: $(head -c 300 "$TMP/err")"
        return 1
    fi
    return 0
}

# check WANT_RC STDERR_PATTERN TITLE: after measure, the exit code and a
# warning or error that says which cap was hit.
check() {
    if [ "$RC" -ne "$1" ]; then
        not_ok "$3: $FIGURES" "exit $RC, wanted $1" "stderr: $(head -c 300 "$TMP/err")"
    elif [ -n "$2" ] && ! grep -Eq -- "$2" "$TMP/err"; then
        not_ok "$3: $FIGURES" "stderr lacks /$2/" "stderr: $(head -c 300 "$TMP/err")"
    else
        ok "$3: $FIGURES"
    fi
}

D=$TMP/data
mkdir -p "$D"
WIRE=examples/daraa/000_424f73fbbff911b5.txt

# --- the exact ILP on three copies of one wire story -------------------
"$PY" -c '
import json, sys
t = open(sys.argv[1], encoding="utf-8").read()
print(json.dumps({"id": "three-copies", "documents": [t, t, t]}))
' "$WIRE" > "$D/three.jsonl"
for words in 600 700; do
    measure 30 200 "ilp $words words" "$PRECIS" summarize --method ilp --words "$words" "$D/three.jsonl" &&
        check 0 'ILP search stopped after' "ilp, three copies of a wire story, --words $words"
done

# --- one huge article: memory flat in its size ---------------------------
# 10 MB and 100 MB of ". " (a sentence candidate every two bytes), and
# 114 MB of short paragraphs.
yes '. ' | tr -d '\n' | head -c 10000000 > "$D/dots10.txt"
yes '. ' | tr -d '\n' | head -c 100000000 > "$D/dots100.txt"
yes 'Rebels fled the town on Tuesday as the army shelled it.' | head -c 114000000 > "$D/paras114.txt"
measure 30 400 "10 MB of dots" "$PRECIS" summarize "$D/dots10.txt" && rss10=$RSS_MB &&
    check 0 '' "a 10 MB article of '. '"
measure 30 400 "100 MB of dots" "$PRECIS" summarize "$D/dots100.txt" && rss100=$RSS_MB &&
    check 0 'dots100.txt: only the first 32 MB were read' "a 100 MB article of '. '"
if [ -n "${rss10:-}" ] && [ -n "${rss100:-}" ]; then
    if awk -v a="$rss100" -v b="$rss10" 'BEGIN { exit !(a - b < 64) }'; then
        ok "memory is flat in the article's size: 10 MB -> $rss10 MB, 100 MB -> $rss100 MB"
    else
        not_ok "memory is flat in the article's size" "10 MB -> $rss10 MB, 100 MB -> $rss100 MB"
    fi
fi
measure 30 400 "114 MB of paragraphs" "$PRECIS" summarize "$D/paras114.txt" &&
    check 0 'only the first 2000 sentences were read' "a 114 MB article of short paragraphs"
rm -f "$D"/dots*.txt "$D/paras114.txt"

# --- clusters of many articles -------------------------------------------
"$PY" -c '
import json
docs = ["Officials in district %d said on Tuesday that the bridge over the river %d "
        "would reopen next spring after repairs." % (i, i % 97) for i in range(20000)]
print(json.dumps({"id": "twenty-thousand", "documents": docs}))
' > "$D/k20.jsonl"
measure 60 300 "20,000 articles" "$PRECIS" summarize "$D/k20.jsonl" &&
    check 0 'LexRank used the 800 most salient' "a cluster of 20,000 articles"
"$PY" -c '
import json
print(json.dumps({"id": "million", "documents": ["word"] * 1000000}))
' > "$D/million.jsonl"
measure 60 500 "a million articles" "$PRECIS" summarize "$D/million.jsonl" &&
    check 0 'only the first 100000 of 1000000 articles were read' \
        "a cluster of a million one-word articles"
rm -f "$D/k20.jsonl" "$D/million.jsonl"

# --- batches ----------------------------------------------------------------
"$PY" -c '
import json
for i in range(100000):
    print(json.dumps({"id": str(i), "document": "The council met on day %d and approved the new budget for schools." % i}))
' > "$D/many.jsonl"
measure 120 300 "100,000 clusters" "$PRECIS" summarize --quiet "$D/many.jsonl" &&
    check 0 '' "a batch of 100,000 one-line clusters"
lines=$(wc -l < "$TMP/out")
if [ "$lines" -eq 100000 ]; then ok "every one of the 100,000 clusters is summarized"; else
    not_ok "every one of the 100,000 clusters is summarized" "$lines lines"; fi
rm -f "$D/many.jsonl"

{
    printf '{"id": "big", "document": "'
    yes 'The army said the rebels fled. ' | tr -d '\n' | head -c 300000000
    printf '"}\n'
    printf '{"id": "small", "document": "The army said the rebels fled the town on Tuesday night."}\n'
} > "$D/line300.jsonl"
measure 60 700 "a 300 MB line" "$PRECIS" summarize "$D/line300.jsonl" &&
    check 1 'line300.jsonl:1: .*(longer|limit|exceeds|too long)' "a 300 MB JSON line is refused"
measure 60 700 "a 300 MB line, skipped" "$PRECIS" summarize --skip-bad "$D/line300.jsonl" &&
    check 0 'line300.jsonl:1' "a 300 MB JSON line is skipped with --skip-bad, the next one summarized"
rm -f "$D/line300.jsonl"
