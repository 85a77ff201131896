#!/usr/bin/env bash
# bench/python.sh [BUILD_DIR]: the Python package's figures as a markdown
# table (bench/python_bench.py says what each one is): the binding against the
# library alone, single thread and with a thread pool, and python3 -m
# precis.dask on LocalClusters of 1 and 2 workers, on the Multi-News
# validation split (../shared).  Run it on a quiet machine, after make.
set -eu
cd "$(dirname "$0")/.."
BUILD=$(cd "${1:-build/release}" && pwd)
SHARED=${PRECIS_SHARED:-../shared}
DATA="$SHARED/data/multinews/validation.jsonl.xz"
[ -f "$DATA" ] || { echo "bench/python.sh: $DATA is missing" >&2; exit 1; }
[ -f "$BUILD/libprecis.so.0" ] || { echo "bench/python.sh: run make first" >&2; exit 1; }
mkdir -p "$BUILD/bench"
cc -std=c11 -D_GNU_SOURCE -O2 -Wall -Wextra -Werror -Iinclude bench/python_baseline.c \
    -o "$BUILD/bench/python_baseline" -L"$BUILD" -lprecis -lpthread -Wl,-rpath,"$BUILD"
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
xz -dc "$DATA" > "$TMP/validation.jsonl"
# the package from the source tree, with this build's library
PRECIS_LIBRARY="$BUILD/libprecis.so.0" PYTHONPATH="$PWD/python" \
    /usr/bin/python3 bench/python_bench.py "$BUILD" "$TMP/validation.jsonl"
