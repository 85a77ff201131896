# CLI tests: `precis serve` (issue #15).  Starts servers on free ports
# (--port 0; the port is read from the "listening on" line), checks them
# from outside with tests/serve/check_server.py (routes, byte identity with
# the CLI, every bad request followed by /healthz) and check_limits.py
# (504, 503), then the page in headless Chromium (tests/browser/run.sh)
# when Chromium and the test's npm packages are installed (.ci/run
# installs them; elsewhere the page test is reported as skipped), and the
# drain on SIGTERM.
. tests/cli/lib.sh

# start_server LOG ARGS...: starts `precis serve --port 0 ARGS` in the
# background; sets SERVER (its pid) and PORT, or PORT= when it did not start.
start_server() {
    log=$1
    shift
    "$PRECIS" serve --port 0 "$@" 2>"$log" &
    SERVER=$!
    PORT=
    for _ in $(seq 1 200); do
        [ -f "$log" ] && PORT=$(sed -n 's|.*listening on http://127.0.0.1:\([0-9]*\)/.*|\1|p' "$log")
        [ -n "$PORT" ] && return 0
        kill -0 "$SERVER" 2>/dev/null || return 1
        sleep 0.05
    done
    return 1
}

# stop_server TITLE: SIGTERM, then the exit status must be 0
stop_server() {
    kill -TERM "$SERVER"
    wait "$SERVER"
    rc=$?
    if [ "$rc" -eq 0 ] && grep -q 'stopped' "$1"; then ok "$2"; else not_ok "$2" "exit $rc" "$(tail -3 "$1")"; fi
}

run "$PRECIS" serve --port 70000
expect_exit 2 "serve: a port over 65535 is a usage error"
expect_stderr "^precis: --port needs a number from 0 to 65535, not '70000'" "serve: the error names the option and the value"
run "$PRECIS" serve --host not-an-address --port 0
expect_exit 3 "serve: a host that is not an address fails to start"
expect_stderr "needs an IPv4 or IPv6 address" "serve: the reason is named"
run "$PRECIS" serve --max-body 10XB
expect_exit 2 "serve: a bad --max-body is a usage error"
run "$PRECIS" serve --cache lots
expect_exit 2 "serve: a bad --cache is a usage error"

if start_server "$TMP/main.log" --timeout 2s --max-body 10MB --threads 2; then
    ok "serve: listening on a free port of 127.0.0.1"
    $PY tests/serve/check_server.py "$PRECIS" "$PORT"
    if grep -Eq '^127\.0\.0\.1 "POST /v1/summarize" 200 [0-9]+ [0-9.]+ ms$' "$TMP/main.log"; then
        ok "serve: access log lines on stderr"
    else
        not_ok "serve: access log lines on stderr" "$(head -3 "$TMP/main.log")"
    fi
    if [ -x "${CHROMIUM:-/usr/bin/chromium}" ] && [ -d tests/browser/node_modules/puppeteer-core ]; then
        out=$(sh tests/browser/run.sh "http://127.0.0.1:$PORT" 2>&1)
        printf '%s\n' "$out" | sed -n 's/^ok   \(.*\)/ok 0 - page: \1/p; s/^FAIL \(.*\)/not ok 0 - page: \1/p; s/^skip \([^:]*\): \(.*\)/ok 0 - page: \1 # SKIP \2/p'
        printf '%s\n' "$out" | grep -Eq '^[0-9]+ passed, 0 failed' || not_ok "page: the browser test ran to its end" "$(printf '%s\n' "$out" | tail -5)"
    else
        skip "page: the web page in headless Chromium" "chromium or tests/browser/node_modules missing (.ci/run installs them)"
    fi
    stop_server "$TMP/main.log" "serve: SIGTERM stops it with exit 0"
else
    not_ok "serve: listening on a free port of 127.0.0.1" "$(cat "$TMP/main.log")"
fi

if start_server "$TMP/limits.log" --timeout 30ms --threads 1 --queue 2 --cache 0 --quiet; then
    $PY tests/serve/check_limits.py "$PORT"
    # a request in flight when SIGTERM comes is still answered
    $PY tests/serve/check_limits.py "$PORT" --in-flight "$TMP/sent" >"$TMP/inflight" 2>&1 &
    client=$!
    for _ in $(seq 1 200); do [ -e "$TMP/sent" ] && break; sleep 0.05; done
    stop_server "$TMP/limits.log" "serve: SIGTERM with a request in flight: exit 0"
    wait "$client"
    if grep -Eqx '200|504' "$TMP/inflight"; then ok "serve: the request in flight was answered before the exit"
    else not_ok "serve: the request in flight was answered before the exit" "$(cat "$TMP/inflight")"; fi
else
    not_ok "serve: the limits server starts" "$(cat "$TMP/limits.log")"
fi
