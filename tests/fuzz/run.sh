#!/bin/sh
# run.sh BUILD_DIR SECONDS TARGET...: fuzzes each target for SECONDS seconds,
# one after the other.  New inputs go to a scratch corpus,
# BUILD_DIR/corpus/TARGET/ (the committed seeds in tests/fuzz/corpus/TARGET/
# are read, never written; copy an interesting input there by hand), and a
# crash, leak, timeout (-timeout=10) or out-of-memory (-rss_limit_mb=2048) is
# saved in BUILD_DIR/artifacts/TARGET/.  Ends with one line per target
# (executions, result); exit 1 when any target found something.
# FUZZ_FLAGS adds libFuzzer flags (e.g. FUZZ_FLAGS=-max_len=20000).
set -u
B=${1:?usage: tests/fuzz/run.sh BUILD_DIR SECONDS TARGET...}
S=${2:?usage: tests/fuzz/run.sh BUILD_DIR SECONDS TARGET...}
shift 2
D=tests/fuzz
export UBSAN_OPTIONS="print_stacktrace=1${UBSAN_OPTIONS:+:$UBSAN_OPTIONS}"
found=0
report=""
for t in "$@"; do
    mkdir -p "$B/corpus/$t" "$B/artifacts/$t" "$B/logs"
    dict=""
    [ -f "$D/dict/$t.dict" ] && dict="-dict=$D/dict/$t.dict"
    log="$B/logs/$t.log"
    echo "fuzz: $t for $S s (log: $log)"
    # shellcheck disable=SC2086
    "$B/$t" -max_total_time="$S" -rss_limit_mb=2048 -timeout=10 -print_final_stats=1 \
        -artifact_prefix="$B/artifacts/$t/" $dict ${FUZZ_FLAGS:-} \
        "$B/corpus/$t" "$D/corpus/$t" >"$log" 2>&1
    rc=$?
    execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
    cov=$(grep -E '^#[0-9]+' "$log" | tail -1 | sed -n 's/.*\(cov: [0-9]*\).*\(corp: [^ ]*\).*/\1 \2/p')
    if [ "$rc" -eq 0 ]; then
        line="$t: ${execs:-?} executions, $cov, no finding"
    else
        found=$((found + 1))
        art=$(sed -n 's/.*Test unit written to \(.*\)/\1/p' "$log" | tail -1)
        what=$(grep -E '^SUMMARY|FUZZ_CHECK failed|ERROR: libFuzzer' "$log" | head -1)
        line="$t: ${execs:-?} executions, FOUND: ${what:-exit $rc} -> ${art:-see $log}"
        awk -f "$D/report.awk" "$log"
    fi
    printf '%s\n' "$line"
    report="$report$line
"
done
printf '\nfuzz summary (%s s per target):\n%s' "$S" "$report"
[ "$found" -eq 0 ]
