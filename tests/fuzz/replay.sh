#!/bin/sh
# replay.sh BUILD_DIR TARGET...: runs each fuzz target once over every file of
# tests/fuzz/corpus/TARGET/ and tests/fuzz/reproducers/TARGET/ (no fuzzing),
# prints the sanitizer report of each failing input and ends with one line
# "fuzz-replay: N passed, N failed", one per input (exit 1 when any failed).  Each target
# first runs all its files in one process; only when that fails is each file
# run alone, to name every failing input.
set -u
B=${1:?usage: tests/fuzz/replay.sh BUILD_DIR TARGET...}
shift
D=tests/fuzz
export UBSAN_OPTIONS="print_stacktrace=1${UBSAN_OPTIONS:+:$UBSAN_OPTIONS}"
OPTS="-timeout=30 -rss_limit_mb=2048"
total=0
failed=0
for t in "$@"; do
    files=$(find "$D/corpus/$t" "$D/reproducers/$t" -type f 2>/dev/null | sort)
    [ -n "$files" ] || { echo "FAIL $t: no input files"; failed=$((failed + 1)); continue; }
    n=$(printf '%s\n' "$files" | wc -l)
    total=$((total + n))
    log="$B/replay-$t.log"
    # shellcheck disable=SC2086
    if printf '%s\n' "$files" | xargs -d '\n' "$B/$t" $OPTS >"$log" 2>&1; then
        echo "ok   $t ($n inputs)"
        continue
    fi
    bad=0
    while IFS= read -r f; do
        # shellcheck disable=SC2086
        if ! "$B/$t" $OPTS "$f" >"$log.one" 2>&1 </dev/null; then
            bad=$((bad + 1))
            echo "FAIL $t $f"
            awk -f "$D/report.awk" "$log.one"
        fi
    done <<EOT
$files
EOT
    if [ "$bad" -eq 0 ]; then
        # every input passes alone: the failure depends on the order (state
        # kept across inputs)
        bad=1
        echo "FAIL $t: the run over all inputs failed, each input alone passes ($log)"
        grep '^Running' "$log" | tail -1 | sed 's/^/    last input: /'
        awk -f "$D/report.awk" "$log"
    fi
    failed=$((failed + bad))
    echo "FAIL $t ($bad of $n inputs failed)"
done
echo "fuzz-replay: $((total - failed)) passed, $failed failed"
[ "$failed" -eq 0 ]
