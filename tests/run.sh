#!/bin/sh
# run.sh BUILD_DIR [SCRIPT...]: runs every unit test program of BUILD_DIR,
# then every CLI test script (tests/cli/test_*.sh) with PRECIS=BUILD_DIR/precis,
# or only the given scripts, and ends with one line
# "N passed, N failed, N skipped" (exit 1 when any failed, or when no test
# ran).  A skipped test (cmocka's skip(), a TAP "ok N - title # SKIP reason"
# line of a CLI script) is printed and counted as skipped, never as passed.  Tests that need ../shared skip without it; PRECIS_SHARED names
# another folder (PRECIS_SHARED=/nonexistent: a checkout without it).
set -u
B=${1:?usage: tests/run.sh BUILD_DIR [SCRIPT...]}
shift
units=yes
[ $# -eq 0 ] || units=no
[ $# -gt 0 ] || set -- tests/cli/test_*.sh
passed=0
failed=0
skipped=0
failures=""
echo "== tests of $B"
for t in "$B"/tests/test_*; do
    [ "$units" = yes ] && [ -f "$t" ] && [ -x "$t" ] || continue
    name=$(basename "$t")
    log="$B/tests/$name.log"
    "$t" >"$log" 2>&1
    rc=$?
    # cmocka prints "[       OK ] name" once per passing test, and
    # "[  SKIPPED ] name" / "[  FAILED  ] name" both at the test and again in
    # its closing list: count distinct names.
    n_ok=$(grep -c '^\[       OK \] ' "$log")
    n_skip=$(grep '^\[  SKIPPED \] [A-Za-z_]' "$log" | awk '!seen[$0]++' | wc -l)
    n_bad=$(grep '^\[  FAILED  \] [A-Za-z_]' "$log" | awk '!seen[$0]++' | wc -l)
    passed=$((passed + n_ok))
    skipped=$((skipped + n_skip))
    if [ "$rc" -ne 0 ] || [ "$n_bad" -gt 0 ]; then
        [ "$n_bad" -gt 0 ] || n_bad=1 # a crash, a sanitizer report, a leak
        failed=$((failed + n_bad))
        failures="$failures $name"
        echo "FAIL $name (exit $rc)"
        sed 's/^/    /' "$log" | grep -v '^\s*\[ \(RUN\|      OK\) ' | tail -40
    else
        echo "ok   $name ($n_ok passed, $n_skip skipped)"
        grep '^\[  SKIPPED \] [A-Za-z_]' "$log" | awk '!seen[$0]++' | sed 's/^\[  SKIPPED \] /     skip: /'
    fi
done
for t in "$@"; do
    name=$(basename "$t" .sh)
    if [ ! -f "$t" ]; then
        failed=$((failed + 1))
        failures="$failures $name"
        echo "FAIL $t: no such test script"
        continue
    fi
    out=$(PRECIS="$B/precis" sh "$t" 2>&1)
    rc=$?
    # TAP: "ok N - title # SKIP reason" is a skip (the directive is
    # case-insensitive); "not ok" is a failure whatever follows it.
    skips=$(printf '%s\n' "$out" | grep '^ok ' | grep -Ei '[[:space:]]#[[:space:]]*skip')
    n_skip=$(printf '%s\n' "$out" | grep '^ok ' | grep -Eic '[[:space:]]#[[:space:]]*skip')
    n_ok=$(($(printf '%s\n' "$out" | grep -c '^ok ') - n_skip))
    n_bad=$(printf '%s\n' "$out" | grep -c '^not ok ')
    passed=$((passed + n_ok))
    skipped=$((skipped + n_skip))
    failed=$((failed + n_bad))
    if [ "$rc" -ne 0 ] || [ "$n_bad" -gt 0 ] || [ $((n_ok + n_skip)) -eq 0 ]; then
        [ "$n_bad" -gt 0 ] || failed=$((failed + 1)) # died, or ran no check
        failures="$failures $name"
        echo "FAIL $name (exit $rc)"
        printf '%s\n' "$out" | grep -v '^ok ' | sed 's/^/    /' | tail -40
    else
        echo "ok   $name ($n_ok passed, $n_skip skipped)"
    fi
    [ -z "$skips" ] || printf '%s\n' "$skips" | sed 's/^ok [0-9]* *-* */     skip: /'
done
if [ $((passed + failed + skipped)) -eq 0 ]; then
    failed=1
    failures=" (no test ran)"
fi
[ -z "$failures" ] || echo "failing:$failures"
echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]
