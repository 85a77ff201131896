#!/bin/sh
# test_batch.sh: batch summarize (and eval) with 4 worker threads under
# ThreadSanitizer.  $PRECIS is a -fsanitize=thread build: `make MODE=tsan
# check-tsan` (which `make test` runs) calls tests/run.sh build/tsan
# tests/tsan/test_batch.sh.  Any TSan report fails (halt_on_error, exit code
# 66).  The batch is made here from examples/daraa/ (subsets, orders and
# paragraph shuffles of its four articles: 150 clusters, more than one batch
# window), plus the first 40 Multi-News validation clusters when ../shared is
# there (skipped without it).  The 4-thread output must be byte-identical to
# the 1-thread output.
. "$(dirname "$0")/../cli/lib.sh"
TSAN_OPTIONS="halt_on_error=1 exitcode=66 second_deadlock_stack=1${TSAN_OPTIONS:+ $TSAN_OPTIONS}"
export TSAN_OPTIONS

# tsan CMD...: like run; fails the check (with the report) on a TSan report.
tsan() {
    run $WRAP "$@"
    if [ "$RC" -eq 66 ] || grep -q 'ThreadSanitizer' "$TMP/err"; then
        TSAN_REPORT=1
    else
        TSAN_REPORT=
    fi
}
expect_clean() { # expect_clean TITLE: exit 0 and no TSan report
    if [ -n "$TSAN_REPORT" ]; then
        not_ok "$1" "ThreadSanitizer report (exit $RC):"
        grep -v '^\s*$' "$TMP/err" | head -40 | sed 's/^/#   /'
    elif [ "$RC" -ne 0 ]; then
        not_ok "$1" "exit $RC" "stderr: $(head -c 400 "$TMP/err")"
    else
        ok "$1"
    fi
}

if grep -qa '__tsan_init' "$PRECIS"; then ok "$PRECIS is a ThreadSanitizer build"; else not_ok "$PRECIS is a ThreadSanitizer build" "build it with make MODE=tsan"; fi

# A kernel with more mmap randomness than this TSan supports makes every
# program die at start-up ("FATAL: ThreadSanitizer: unexpected memory
# mapping"): run without ASLR then.
WRAP=
run "$PRECIS" summarize --help
if [ "$RC" -ne 0 ] && grep -q 'ThreadSanitizer' "$TMP/err"; then
    WRAP="setarch $(uname -m) -R"
    run $WRAP "$PRECIS" summarize --help
    if [ "$RC" -ne 0 ]; then
        skip "ThreadSanitizer batch checks" "TSan cannot start here: $(head -1 "$TMP/err")"
        exit 0
    fi
    echo "# TSan needs ASLR off on this kernel: running under $WRAP"
fi

"$PY" - examples/daraa "$TMP/daraa.jsonl" <<'PY'
import json, os, random, sys
folder, out = sys.argv[1], sys.argv[2]
arts = [open(os.path.join(folder, n), encoding="utf-8").read() for n in sorted(os.listdir(folder))]
subsets = [[i for i in range(4) if m >> i & 1] for m in range(1, 16)]
with open(out, "w", encoding="utf-8") as f:
    for k in range(150):
        rng = random.Random(k)
        docs = [arts[i] for i in subsets[k % len(subsets)]]
        rng.shuffle(docs)
        if k % 3 == 2:  # paragraphs shuffled: other sentences lead
            docs = ["\n\n".join(rng.sample(d.split("\n\n"), len(d.split("\n\n")))) for d in docs]
        ref = " ".join(docs[0].split()[:60])
        if k % 2:
            line = {"id": "daraa-%03d" % k, "documents": docs, "summary": ref}
        else:
            line = {"id": "daraa-%03d" % k, "document": " ||||| ".join(docs), "summary": ref}
        f.write(json.dumps(line, ensure_ascii=False) + "\n")
PY
[ -s "$TMP/daraa.jsonl" ] || { not_ok "the batch is made from examples/daraa"; exit 1; }

check_batch() { # check_batch NAME FILE ARGS...: 4 threads, clean, same as 1 thread
    name=$1; file=$2; shift 2
    tsan "$PRECIS" summarize --threads 4 "$@" "$file"
    expect_clean "$name: summarize --threads 4 $* runs with no ThreadSanitizer report"
    cp "$TMP/out" "$TMP/out4"
    n=$(wc -l < "$TMP/out4")
    tsan "$PRECIS" summarize --threads 1 "$@" "$file"
    if [ "$RC" -eq 0 ] && [ -z "$TSAN_REPORT" ] && [ "$n" -gt 0 ] && cmp -s "$TMP/out" "$TMP/out4"; then
        ok "$name: $n summaries, byte-identical with 1 and 4 threads ($*)"
    else
        not_ok "$name: $n summaries, byte-identical with 1 and 4 threads ($*)" "exit $RC" \
            "$(cmp "$TMP/out" "$TMP/out4" 2>&1 | head -1)"
    fi
}

check_batch daraa "$TMP/daraa.jsonl"
check_batch daraa "$TMP/daraa.jsonl" --method ilp --words 60
tsan "$PRECIS" eval --threads 4 --words 60 --rouge "-m -l 60" "$TMP/daraa.jsonl"
expect_clean "daraa: eval --threads 4 runs with no ThreadSanitizer report"

if S=$(shared_dir) && [ -f "$S/data/multinews/validation.jsonl.xz" ]; then
    xz -dc "$S/data/multinews/validation.jsonl.xz" | head -40 > "$TMP/mn40.jsonl"
    check_batch multinews "$TMP/mn40.jsonl" --words 230
    tsan "$PRECIS" eval --threads 4 --words 230 --rouge "-m -l 230" "$TMP/mn40.jsonl"
    expect_clean "multinews: eval --threads 4 runs with no ThreadSanitizer report"
else
    skip "multinews: 40 validation clusters with 4 threads under ThreadSanitizer" "no ../shared/data/multinews"
fi

# ---- the one-call entry: four threads on one engine ---------------------
BRIEF_TEST="$(dirname "$PRECIS")/tests/test_brief"
if [ -x "$BRIEF_TEST" ]; then
    tsan "$BRIEF_TEST"
    expect_clean "precis_engine_summarize_texts from four threads on one engine, under TSan"
else
    not_ok "precis_engine_summarize_texts from four threads on one engine, under TSan" \
        "$BRIEF_TEST was not built"
fi
