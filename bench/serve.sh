#!/bin/sh
# bench/serve.sh [BUILD_DIR] [SECONDS]: `precis serve` under load, as
# docs/BENCHMARKS.md reports it.
#
# Starts the server on a free port of 127.0.0.1 (never another address),
# posts the bundled example cluster (examples/daraa, 100 words) with wrk at
# 1, 16 and 64 connections for SECONDS each (default 10), and prints a
# Markdown table: requests/s, p50 and p99 latency, errors (non-2xx and
# socket errors), and the server's resident memory before and after the
# runs; once with the default answer cache (the same request repeated is
# answered from it) and once with --cache 0 (every request summarized).  Then the same summary through the library alone
# (precis_engine_summarize_texts in one thread, bench/serve_library.c),
# for the cost of HTTP + JSON per request.  Debian's wrk (scripts/
# install-deps.sh installs it).
set -eu
B=${1:-build/release}
SECONDS_EACH=${2:-10}
cd "$(dirname "$0")/.."
command -v wrk >/dev/null 2>&1 || { echo "bench/serve.sh: wrk is missing (apt-get install wrk)" >&2; exit 1; }
TMP=$(mktemp -d)
SERVER=
trap '[ -z "$SERVER" ] || kill "$SERVER" 2>/dev/null; rm -rf "$TMP"' EXIT
/usr/bin/python3 - "$TMP/body.json" <<'PY'
import json, os, sys
d = "examples/daraa"
arts = [{"id": n, "text": open(os.path.join(d, n), encoding="utf-8").read()} for n in sorted(os.listdir(d))]
open(sys.argv[1], "w").write(json.dumps({"articles": arts, "words": 100}))
PY
cat > "$TMP/post.lua" <<EOF
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
local f = io.open("$TMP/body.json", "rb")
wrk.body = f:read("*a")
f:close()
EOF
# bench_server LABEL ARGS...: a server started with ARGS, loaded at 1, 16
# and 64 connections: one table.
bench_server() {
    label=$1
    shift
    : > "$TMP/log"
    "$B/precis" serve --port 0 --quiet "$@" 2>"$TMP/log" &
    SERVER=$!
    PORT=
    for _ in $(seq 1 100); do
        PORT=$(sed -n 's|.*listening on http://127.0.0.1:\([0-9]*\)/.*|\1|p' "$TMP/log" 2>/dev/null || true)
        [ -n "$PORT" ] && break
        sleep 0.05
    done
    [ -n "$PORT" ] || { cat "$TMP/log" >&2; exit 1; }
    URL="http://127.0.0.1:$PORT/v1/summarize"
    # warm-up at the heaviest load: every worker's summarizer and every
    # connection's buffers allocated, so that "before" is the steady state
    # and a growth after the runs would be a leak
    wrk -t2 -c64 -d3s -s "$TMP/post.lua" "$URL" >/dev/null
    before=$(rss)
    echo "$label"
    echo
    echo "| connections | requests/s | p50 | p99 | errors |"
    echo "|---|---|---|---|---|"
    for c in 1 16 64; do
        threads=2
        [ "$c" -eq 1 ] && threads=1
        wrk -t$threads -c$c -d"${SECONDS_EACH}s" --latency -s "$TMP/post.lua" "$URL" > "$TMP/wrk.$c"
        /usr/bin/python3 bench/wrk_row.py "$TMP/wrk.$c" "$c"
    done
    after=$(rss)
    echo
    echo "Resident memory of the server: $((before / 1024)) MB after the warm-up, $((after / 1024)) MB after the runs."
    echo
    kill -TERM "$SERVER"
    wait "$SERVER" || true
    SERVER=
}
rss() { awk '/^VmRSS/ { print $2 }' "/proc/$SERVER/status"; }

bench_server "Default server (answers of identical requests kept: --cache 64MB):"
bench_server "Every request summarized (--cache 0):" --cache 0
cc -O2 -Iinclude bench/serve_library.c -o "$TMP/library" "$B/libprecis.a" \
    $(pkg-config --libs libutf8proc jansson liblzma zlib) -lstemmer -lglpk -lm -lpthread
"$TMP/library" examples/daraa/*
