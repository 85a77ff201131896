# lib.sh: helpers for the CLI test scripts (sourced).  Each check prints a
# TAP line, "ok N - title", "not ok N - title" or, for a check that cannot
# run here, "ok N - title # SKIP reason" (tests/run.sh counts the three
# kinds: a skip is never counted as passed).
# $PRECIS is the binary under test; $TMP a scratch folder removed at exit.
: "${PRECIS:?set PRECIS to the precis binary}"
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
N=0
PY=/usr/bin/python3
[ -x "$PY" ] || PY=python3

ok() { N=$((N + 1)); echo "ok $N - $1"; }
not_ok() { N=$((N + 1)); echo "not ok $N - $1"; shift; for l in "$@"; do echo "#   $l"; done; }
# skip TITLE REASON: a check (or a block of checks) that cannot run here.
skip() { N=$((N + 1)); echo "ok $N - $1 # SKIP $2"; }

# run CMD...: runs a command, keeping stdout, stderr and exit code.
run() {
    "$@" >"$TMP/out" 2>"$TMP/err" </dev/null
    RC=$?
}

# expect_exit CODE TITLE
expect_exit() {
    if [ "$RC" -eq "$1" ]; then ok "$2"; else not_ok "$2" "exit $RC, wanted $1" "stderr: $(head -c 300 "$TMP/err")"; fi
}

# expect_stderr PATTERN TITLE (grep -E on stderr)
expect_stderr() {
    if grep -Eq -- "$1" "$TMP/err"; then ok "$2"; else not_ok "$2" "stderr lacks /$1/" "stderr: $(head -c 300 "$TMP/err")"; fi
}

# expect_stdout PATTERN TITLE
expect_stdout() {
    if grep -Eq -- "$1" "$TMP/out"; then ok "$2"; else not_ok "$2" "stdout lacks /$1/" "stdout: $(head -c 300 "$TMP/out")"; fi
}

# expect_stdout_lacks PATTERN TITLE
expect_stdout_lacks() {
    if grep -Eq -- "$1" "$TMP/out"; then not_ok "$2" "stdout has /$1/: $(grep -E -- "$1" "$TMP/out" | head -2)"; else ok "$2"; fi
}

# one_line_error TITLE: stderr is exactly one line starting "precis: "
one_line_error() {
    if [ "$(wc -l < "$TMP/err")" -eq 1 ] && grep -q '^precis: ' "$TMP/err"; then ok "$1"; else not_ok "$1" "stderr: $(head -c 400 "$TMP/err")"; fi
}

# shared_dir: prints the shared data folder (../shared beside the project,
# holding data/), or fails when there is none: the checks that need it then
# call skip.  When PRECIS_SHARED is set it is the only place looked at (a
# missing folder or an empty value means none), so PRECIS_SHARED=/nonexistent
# simulates a checkout without ../shared.
shared_dir() {
    if [ -n "${PRECIS_SHARED+set}" ]; then
        [ -n "$PRECIS_SHARED" ] && [ -d "$PRECIS_SHARED/data" ] && { echo "$PRECIS_SHARED"; return 0; }
        return 1
    fi
    for d in ../shared ../../shared; do
        [ -d "$d/data" ] && { echo "$d"; return 0; }
    done
    return 1
}

# write_bridge_cluster DIR [c]: a made-up cluster of two short reports of one
# event (a.txt, b.txt; with "c" a third, c.txt), for tests that need real
# sentences and no data set.
write_bridge_cluster() {
    mkdir -p "$1"
    cat > "$1/a.txt" <<'EOF'
The city council of Northbridge voted on Monday to close the old harbour bridge for repairs.
Engineers had warned for two years that the steel supports of the bridge were badly corroded.
The repairs are expected to take eight months and to cost about twelve million dollars.
Commuters will have to use the ferry or the ring road while the bridge stays closed.
EOF
    cat > "$1/b.txt" <<'EOF'
Northbridge will shut its harbour bridge for eight months, the council decided on Monday.
An inspection last spring found deep corrosion in the steel supports under the main span.
Local shop owners said the closure would keep customers away from the harbour district.
The council promised to run extra ferries during the morning and evening rush hours.
EOF
    [ "${2:-}" = c ] || return 0
    cat > "$1/c.txt" <<'EOF'
The harbour bridge in Northbridge is to close for repairs after a vote by the city council.
The work will cost roughly twelve million dollars and should be finished by next spring.
Residents of the harbour district have complained about the state of the bridge for years.
EOF
}
