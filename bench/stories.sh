#!/bin/sh
# stories.sh: benchmarks of story clustering (`precis cluster`) and
# near-duplicate detection (`precis dedup`) on the Multi-News validation set.
#
#   bench/stories.sh [DIR]
#
# Builds, in DIR (default: a new folder under /tmp, removed at the end; a DIR
# given is kept, for `bench/stories.py errors ...`), from
# $SHARED/data/multinews/validation.jsonl.xz:
#   pool.jsonl, gold.tsv            every article, its story = its Multi-News cluster
#   clean.jsonl, clean-gold.tsv     the same without the articles whose exact text
#                                   is in several clusters (archive boilerplate)
#   planted.jsonl, planted.tsv      pool.jsonl + PLANT planted near-copies
#   small.jsonl, small-planted.tsv  the first EXACT_STORIES clusters + SMALL_PLANT
#                                   copies, for `precis dedup --exact` (all pairs)
# then runs, when the commands exist (`precis cluster --help`, `precis dedup
# --help`; otherwise it says what is missing and exits 0):
#   precis cluster pool.jsonl, precis cluster clean.jsonl  -> B-cubed, ARI
#   precis dedup planted.jsonl                             -> planted copies found
#   precis dedup small.jsonl, precis dedup --exact small.jsonl
#                                                          -> pair P/R vs exact
# timed with /usr/bin/time -f '%e %M' (else a python fallback), and prints a
# markdown report on stdout (progress on stderr).
#
# Environment: PRECIS (build/release/precis), SHARED (../shared; PRECIS_SHARED
# too), SEED (7), PLANT (500), EXACT_STORIES (1000; "all": --exact on
# planted.jsonl itself), SMALL_PLANT (100), CLUSTER_OPTS and DEDUP_OPTS (extra
# options, split on blanks).  Articles are internal data: DIR may not be inside
# the project.
set -eu
CALLER=$(pwd -P)
cd "$(dirname "$0")/.."
ROOT=$(pwd -P)

PRECIS=${PRECIS:-build/release/precis}
SHARED=${SHARED:-${PRECIS_SHARED:-../shared}}
SEED=${SEED:-7}
PLANT=${PLANT:-500}
EXACT_STORIES=${EXACT_STORIES:-1000}
SMALL_PLANT=${SMALL_PLANT:-100}
CLUSTER_OPTS=${CLUSTER_OPTS:-}
DEDUP_OPTS=${DEDUP_OPTS:-}
MN=$SHARED/data/multinews/validation.jsonl.xz
PY=/usr/bin/python3
[ -x "$PY" ] || PY=python3
HELPER=bench/stories.py

die() { echo "bench/stories.sh: $*" >&2; exit 1; }
log() { echo "stories: $*" >&2; }

[ -e "$MN" ] || die "$MN is missing: the benchmark needs the shared data sets (SHARED=DIR)"
[ -x "$PRECIS" ] || die "$PRECIS is missing: build it first (make)"

# ---- which commands exist ----------------------------------------------------
has_cluster=0 has_dedup=0 has_exact=0
"$PRECIS" cluster --help >/dev/null 2>&1 && has_cluster=1
if "$PRECIS" dedup --help >/dev/null 2>&1; then
    has_dedup=1
    "$PRECIS" dedup --help 2>&1 | grep -q -e '--exact' && has_exact=1
fi
missing=''
[ $has_cluster = 1 ] || missing="$missing \`precis cluster\`"
[ $has_dedup = 1 ] || missing="$missing \`precis dedup\`"
[ $has_dedup = 0 ] || [ $has_exact = 1 ] || missing="$missing \`precis dedup --exact\`"
if [ $has_cluster = 0 ] && [ $has_dedup = 0 ]; then
    echo "bench/stories.sh: $PRECIS has neither \`cluster\` nor \`dedup\` (\`$PRECIS cluster --help\` and \`$PRECIS dedup --help\` fail): nothing to benchmark yet"
    exit 0
fi
[ -z "$missing" ] || log "missing:$missing (skipped)"

# ---- work folder ---------------------------------------------------------------
inside() { case "$1/" in "$ROOT"/*) return 0 ;; esac; return 1; }
refuse() { die "$1 is inside the project: the articles are internal data, give a folder outside it (e.g. under /tmp)"; }
if [ $# -ge 1 ]; then
    case $1 in
        /*) W=$1 ;;
        *) W=$CALLER/$1 ;;
    esac
    if [ ! -d "$W" ]; then # checked before it is made: its parent must exist
        parent=$(dirname "$W")
        [ -d "$parent" ] || die "$parent is missing"
        W=$(cd "$parent" && pwd -P)/$(basename "$W")
        ! inside "$W" || refuse "$W"
        mkdir "$W"
    fi
else
    W=$(mktemp -d /tmp/precis-stories.XXXXXX)
    trap 'rm -rf "$W"' EXIT
    trap 'exit 130' INT TERM
fi
W=$(cd "$W" && pwd -P)
! inside "$W" || refuse "$W"
# one copy of the binary for every run: a rebuild meanwhile cannot mix builds
BIN=$W/precis
cp "$PRECIS" "$BIN"

# ---- pools ----------------------------------------------------------------------
log "building the pools in $W"
"$PY" $HELPER pool "$MN" "$W/pool.jsonl" "$W/gold.tsv" --seed "$SEED" 2>"$W/pool.log"
"$PY" $HELPER pool "$MN" "$W/clean.jsonl" "$W/clean-gold.tsv" --seed "$SEED" --drop-shared 2>"$W/clean.log"
"$PY" $HELPER plant "$W/pool.jsonl" "$W/planted.jsonl" "$W/planted.tsv" --seed "$SEED" --count "$PLANT" 2>"$W/planted.log"
if [ "$EXACT_STORIES" = all ]; then
    SMALL=planted SMALL_TSV=planted.tsv
else
    SMALL=small SMALL_TSV=small-planted.tsv
    "$PY" $HELPER pool "$MN" "$W/small-pool.jsonl" "$W/small-gold.tsv" --seed "$SEED" --limit "$EXACT_STORIES" 2>"$W/small-pool.log"
    "$PY" $HELPER plant "$W/small-pool.jsonl" "$W/small.jsonl" "$W/small-planted.tsv" --seed "$SEED" --count "$SMALL_PLANT" 2>"$W/small.log"
fi
counts() { # counts LOG: "15316 articles, 5622 stories, 51 skipped"
    sed -n 's/^stories.py: articles \([0-9]*\), stories \([0-9]*\), skipped \([0-9]*\).*/\1 articles, \2 stories, \3 skipped/p' "$1"
}
lines() { wc -l <"$1" | tr -d ' '; }

# ---- runs ---------------------------------------------------------------------------
# timed NAME OUT ARGS...: "$BIN" ARGS > OUT; "<seconds> <peak KB>" in NAME.time,
# stderr in NAME.err; 1 when the command fails
timed() {
    name=$1 out=$2
    shift 2
    log "$name: precis $*"
    if [ -x /usr/bin/time ]; then
        /usr/bin/time -f '%e %M' -o "$W/$name.time" "$BIN" "$@" >"$out" 2>"$W/$name.err" && return 0
    else
        "$PY" $HELPER timeit "$W/$name.time" "$out" "$BIN" "$@" 2>"$W/$name.err" && return 0
    fi
    log "$name failed; the end of its stderr:"
    tail -n 5 "$W/$name.err" >&2
    return 1
}

CLUSTER_ROWS='' DEDUP_ROWS='' FAILED=''
# shellcheck disable=SC2086 # *_OPTS are lists of options
if [ $has_cluster = 1 ]; then
    for set in pool clean; do
        gold=$W/gold.tsv
        [ $set = pool ] || gold=$W/clean-gold.tsv
        cmd="precis cluster${CLUSTER_OPTS:+ $CLUSTER_OPTS} $set.jsonl"
        if timed "cluster-$set" "$W/stories-$set.jsonl" cluster $CLUSTER_OPTS "$W/$set.jsonl"; then
            "$PY" $HELPER score-stories "$W/stories-$set.jsonl" "$gold" >"$W/cluster-$set.json"
            CLUSTER_ROWS="$CLUSTER_ROWS$("$PY" $HELPER row-stories "$set" "$W/cluster-$set.json" "$W/cluster-$set.time" "$cmd")
"
        else
            FAILED="$FAILED $cmd;"
        fi
    done
fi

# dedup_run NAME INPUT PLANTED_TSV EXACT_JSONL|none [--exact]: a run and its row
dedup_run() {
    d_name=$1 d_input=$2 d_tsv=$3 d_ref=$4
    shift 4
    d_cmd="precis dedup${DEDUP_OPTS:+ $DEDUP_OPTS}${1:+ $1} $d_input.jsonl"
    # shellcheck disable=SC2086
    if timed "$d_name" "$W/$d_name.jsonl" dedup $DEDUP_OPTS "$@" "$W/$d_input.jsonl"; then
        [ "$d_ref" = none ] || d_ref=$W/$d_ref
        "$PY" $HELPER score-dedup "$W/$d_name.jsonl" "$d_ref" "$W/$d_tsv" >"$W/$d_name.json"
        DEDUP_ROWS="$DEDUP_ROWS$("$PY" $HELPER row-dedup "$d_input" "$W/$d_name.json" "$W/$d_name.time" "$d_cmd")
"
    else
        FAILED="$FAILED $d_cmd;"
    fi
}
if [ $has_dedup = 1 ]; then
    exact_ok=0
    if [ $has_exact = 1 ]; then
        # shellcheck disable=SC2086
        if timed dedup-exact "$W/dedup-exact.jsonl" dedup $DEDUP_OPTS --exact "$W/$SMALL.jsonl"; then
            exact_ok=1
        else
            FAILED="$FAILED precis dedup --exact $SMALL.jsonl;"
        fi
    fi
    exact_ref=none
    [ $exact_ok = 0 ] || exact_ref=dedup-exact.jsonl
    [ $SMALL = planted ] || dedup_run dedup-planted planted planted.tsv none
    dedup_run dedup-small "$SMALL" "$SMALL_TSV" "$exact_ref"
    if [ $exact_ok = 1 ]; then
        "$PY" $HELPER score-dedup "$W/dedup-exact.jsonl" "$W/dedup-exact.jsonl" "$W/$SMALL_TSV" >"$W/dedup-exact.json"
        DEDUP_ROWS="$DEDUP_ROWS$("$PY" $HELPER row-dedup "$SMALL" "$W/dedup-exact.json" "$W/dedup-exact.time" "precis dedup${DEDUP_OPTS:+ $DEDUP_OPTS} --exact $SMALL.jsonl")
"
    fi
fi

# ---- report ---------------------------------------------------------------------------
echo "## Stories and near-duplicates (bench/stories.sh)"
echo
echo "precis: \`$PRECIS\` ($("$BIN" --version 2>/dev/null | head -n 1)); files in the work folder; seed $SEED;"
echo "$(nproc 2>/dev/null || echo '?') cores, load $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?'). Wall clock and peak memory of one run."
echo
echo "- \`pool.jsonl\`: Multi-News validation, $(counts "$W/pool.log") (empty or under 20 characters)"
echo "- \`clean.jsonl\`: the same without the articles whose exact text is in several stories, $(counts "$W/clean.log")"
echo "- \`planted.jsonl\`: \`pool.jsonl\` + $PLANT planted near-copies (trimmed by a third, ~3% of words changed, a new first line), $(lines "$W/planted.jsonl") articles"
[ $SMALL = planted ] || echo "- \`small.jsonl\`: the first $EXACT_STORIES clusters ($(counts "$W/small-pool.log")) + $SMALL_PLANT planted copies, $(lines "$W/small.jsonl") articles: \`--exact\` compares every pair"
# shellcheck disable=SC2016 # backquotes of markdown
sed -n 's/^stories.py: \([0-9]* articles (.*boilerplate); kept: \)/- in `pool.jsonl`, \1/p' "$W/pool.log"
echo
if [ -n "$CLUSTER_ROWS" ]; then
    echo "### Story clustering (gold: the Multi-News clusters)"
    echo
    echo "| pool | command | wall | peak memory | stories found / gold | B³ precision | B³ recall | B³ F1 | ARI | output errors |"
    echo "|---|---|---|---|---|---|---|---|---|---|"
    printf '%s' "$CLUSTER_ROWS"
    echo
fi
if [ -n "$DEDUP_ROWS" ]; then
    echo "### Near-duplicates (pairs: every pair inside a group; reference: \`--exact\` on the same input)"
    echo
    echo "| pool | command | wall | peak memory | groups of 2+ | pairs | pair precision | pair recall | planted copies found | trimmed | words changed | new first line |"
    echo "|---|---|---|---|---|---|---|---|---|---|---|---|"
    printf '%s' "$DEDUP_ROWS"
    echo
fi
[ -z "$missing" ] || echo "Not benchmarked (missing from \`$PRECIS\`):$missing."
[ -z "$FAILED" ] || echo "Failed (the end of their stderr is in the progress output):$FAILED"
if [ $# -ge 1 ] && [ $has_cluster = 1 ]; then
    log "errors of the clustering: $PY $HELPER errors $W/stories-pool.jsonl $W/gold.tsv $W/pool.jsonl --n 10"
fi
[ -z "$FAILED" ]
