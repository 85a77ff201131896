#!/bin/sh
# run.sh BUILD_DIR: runs every unit test program, then every CLI test script,
# and ends with one line "N passed, N failed" (exit 1 when any failed).
set -u
B=${1:?usage: tests/run.sh BUILD_DIR}
passed=0
failed=0
failures=""
for t in "$B"/tests/test_*; do
    [ -x "$t" ] || continue
    name=$(basename "$t")
    if "$t" >"$B/tests/$name.log" 2>&1; then
        n=$(grep -c '^\[       OK \]' "$B/tests/$name.log")
        passed=$((passed + n))
        echo "ok   $name ($n tests)"
    else
        n_ok=$(grep -c '^\[       OK \]' "$B/tests/$name.log")
        n_bad=$(grep -c '^\[  FAILED  \] [a-z_]' "$B/tests/$name.log")
        [ "$n_bad" -gt 0 ] || n_bad=1
        passed=$((passed + n_ok))
        failed=$((failed + n_bad))
        failures="$failures $name"
        echo "FAIL $name"
        sed 's/^/    /' "$B/tests/$name.log" | grep -v '^\s*\[ \(RUN\|      OK\) ' | tail -40
    fi
done
for t in tests/cli/test_*.sh; do
    [ -f "$t" ] || continue
    name=$(basename "$t" .sh)
    out=$(PRECIS="$B/precis" sh "$t" 2>&1)
    rc=$?
    n_ok=$(printf '%s\n' "$out" | grep -c '^ok ')
    n_bad=$(printf '%s\n' "$out" | grep -c '^not ok ')
    passed=$((passed + n_ok))
    failed=$((failed + n_bad))
    if [ "$rc" -ne 0 ] || [ "$n_bad" -gt 0 ]; then
        [ "$n_bad" -gt 0 ] || failed=$((failed + 1))
        failures="$failures $name"
        echo "FAIL $name"
        printf '%s\n' "$out" | grep -v '^ok ' | sed 's/^/    /' | tail -40
    else
        echo "ok   $name ($n_ok tests)"
    fi
done
[ -z "$failures" ] || echo "failing:$failures"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
