#!/bin/sh
# CLI tests of the progress line (issue #12, item 4): batch summarize (JSON
# lines, DUC roots), eval and train draw it on stderr when stderr is a
# terminal, never otherwise nor with --quiet, and never change stdout.  A
# terminal is a pseudo-terminal from util-linux `script`; what a terminal
# would show is worked out by playing the bytes ('\r' back to column 0,
# '\n' a new row), so a message mixed into a half-drawn progress line, or a
# line left on screen at the end, is seen.
. "$(dirname "$0")/lib.sh"

# 300 clusters of made-up local news (with references, for eval and train),
# and a DUC root of 40 cluster folders of SGML documents.
$PY - "$TMP" <<'PY'
import json, os, random, sys
tmp = sys.argv[1]
random.seed(12)
who = ["The city council", "A ferry captain", "The water board", "Two nurses", "The mayor",
       "A bakery owner", "Rescue crews", "The school board", "Bus drivers", "A retired judge"]
did = ["announced", "questioned", "delayed", "welcomed", "reported", "rejected", "approved"]
what = ["a new bridge over the canal", "the winter timetable", "plans for a market hall",
        "a flood warning for the valley", "the cost of the repairs", "a fund for the harbour",
        "the opening of a small library", "complaints about late trains"]
when = ["on Tuesday", "after a long meeting", "despite the rain", "in a short statement",
        "before the holiday", "late at night"]
def sentence():
    return "%s %s %s %s." % tuple(random.choice(x) for x in (who, did, what, when))
def article():
    return " ".join(sentence() for _ in range(random.randint(4, 8)))
with open(os.path.join(tmp, "news.jsonl"), "w") as out:
    for i in range(300):
        docs = [article() for _ in range(random.randint(2, 4))]
        out.write(json.dumps({"id": "n%03d" % i, "documents": docs,
                              "summary": sentence() + " " + sentence()}) + "\n")
for i in range(40):
    d = os.path.join(tmp, "duc", "d%03dt" % i)
    os.makedirs(d)
    for k in range(3):
        with open(os.path.join(d, "doc%d" % k), "w") as f:
            f.write("<DOC>\n<DOCNO> D%03d.%d </DOCNO>\n<TEXT>\n%s\n</TEXT>\n</DOC>\n"
                    % (i, k, article()))
PY
{ head -n 100 "$TMP/news.jsonl"; echo '{"id": "broken", '; tail -n 200 "$TMP/news.jsonl"; } \
    > "$TMP/bad.jsonl"

# Without a terminal: not a byte of progress on stderr.
no_progress() { # TITLE
    if grep -q "$(printf '\r')" "$TMP/err" || grep -q 'clusters/s' "$TMP/err"; then
        not_ok "$1" "stderr: $(head -c 300 "$TMP/err" | od -c | head -5)"
    else
        ok "$1"
    fi
}
run "$PRECIS" summarize "$TMP/news.jsonl"
cp "$TMP/out" "$TMP/summaries"
expect_exit 0 "a batch without a terminal succeeds"
no_progress "a batch writes no progress when stderr is not a terminal"
[ -s "$TMP/err" ] && not_ok "... and nothing else on stderr" "$(head -c 300 "$TMP/err")" \
    || ok "... and nothing else on stderr"
run "$PRECIS" summarize "$TMP/duc"
cp "$TMP/out" "$TMP/duc_summaries"
no_progress "a DUC batch writes no progress when stderr is not a terminal"
run "$PRECIS" eval "$TMP/news.jsonl"
cp "$TMP/out" "$TMP/table"
no_progress "eval writes no progress when stderr is not a terminal"
run "$PRECIS" train "$TMP/news.jsonl"
cp "$TMP/out" "$TMP/weights"
no_progress "train writes no progress when stderr is not a terminal"
if grep -q fitting "$TMP/err"; then not_ok "... nor its fitting note"; else ok "... nor its fitting note"; fi
run "$PRECIS" summarize --skip-bad "$TMP/bad.jsonl"
cp "$TMP/err" "$TMP/bad_err"
cp "$TMP/out" "$TMP/bad_out"

if ! command -v script >/dev/null 2>&1; then
    skip "progress on a terminal" "util-linux script is not installed"
    exit 0
fi

# on_tty CMD: runs the shell command CMD on a pseudo-terminal (stdout and
# stderr both on it unless CMD redirects them); the terminal's bytes go to
# $TMP/tty and the exit code to RC.
on_tty() {
    script -qec "$1" /dev/null </dev/null >"$TMP/tty" 2>&1
    RC=$?
}
# screen FILE: the rows a terminal shows after the bytes of FILE, without
# trailing blanks; a final row that is blank (the progress line cleared) is
# left out, one that is not is kept.
screen() {
    $PY - "$1" <<'PY'
import sys
data = open(sys.argv[1], "rb").read().decode("utf-8", "replace")
for row in data.split("\n"):
    cells, col = [], 0
    for ch in row:
        if ch == "\r":
            col = 0
            continue
        if col < len(cells):
            cells[col] = ch
        else:
            cells.append(ch)
        col += 1
    shown = "".join(cells).rstrip()
    if shown:
        print(shown)
PY
}
tty_has() { # PATTERN TITLE
    if grep -Eq -- "$1" "$TMP/tty"; then ok "$2"; else not_ok "$2" "terminal: $(head -c 300 "$TMP/tty" | od -c | head -5)"; fi
}
tty_lacks() { # PATTERN TITLE
    if grep -Eq -- "$1" "$TMP/tty"; then not_ok "$2" "terminal: $(head -c 300 "$TMP/tty" | od -c | head -5)"; else ok "$2"; fi
}
same_file() { # A B TITLE
    if cmp -s "$1" "$2"; then ok "$3"; else not_ok "$3" "$(diff "$1" "$2" | head -4 | cut -c1-160)"; fi
}
cr=$(printf '\r')

on_tty "$PRECIS summarize $TMP/news.jsonl > $TMP/tty_out"
expect_exit 0 "a batch on a terminal succeeds"
tty_has "${cr}precis: [0-9]+ clusters?, [0-9]+%, [0-9.]+ clusters/s" \
    "a JSONL batch draws its progress (clusters, share read, clusters/s) on a terminal"
same_file "$TMP/summaries" "$TMP/tty_out" "stdout is byte-identical with and without the progress line"
if [ -z "$(screen "$TMP/tty")" ]; then ok "the progress line is cleared at the end"; else
    not_ok "the progress line is cleared at the end" "$(screen "$TMP/tty" | head -3)"; fi

on_tty "$PRECIS summarize --quiet $TMP/news.jsonl > $TMP/tty_out"
tty_lacks "clusters|$cr" "--quiet draws no progress on a terminal"
same_file "$TMP/summaries" "$TMP/tty_out" "... and stdout is the same"

on_tty "$PRECIS summarize $TMP/news.jsonl 2>/dev/null > $TMP/tty_out"
if [ -s "$TMP/tty" ]; then not_ok "stderr off the terminal: no progress" "$(head -c 200 "$TMP/tty")"; else
    ok "stderr off the terminal: no progress"; fi

on_tty "$PRECIS summarize $TMP/duc > $TMP/tty_out"
tty_has "precis: [0-9]+/40 clusters, [0-9]+%" "a DUC batch counts against its 40 cluster folders"
same_file "$TMP/duc_summaries" "$TMP/tty_out" "... and its stdout is the same"

on_tty "$PRECIS eval $TMP/news.jsonl > $TMP/tty_out"
tty_has "clusters/s" "eval draws its progress on a terminal"
same_file "$TMP/table" "$TMP/tty_out" "... and prints the same table"
on_tty "$PRECIS eval $TMP/news.jsonl"
screen "$TMP/tty" > "$TMP/shown"
same_file "$TMP/table" "$TMP/shown" "... and with stdout on the terminal, the terminal shows the table alone"
on_tty "$PRECIS eval --quiet $TMP/news.jsonl > $TMP/tty_out"
tty_lacks "clusters|$cr" "eval --quiet draws nothing"

on_tty "$PRECIS train $TMP/news.jsonl > $TMP/tty_out"
tty_has "clusters/s" "train draws its progress on a terminal"
tty_has "fitting the weights on [0-9]+ rows" "... and says when it fits the weights"
same_file "$TMP/weights" "$TMP/tty_out" "... and writes the same weights"
on_tty "$PRECIS train --quiet $TMP/news.jsonl > $TMP/tty_out"
tty_lacks "clusters|fitting|$cr" "train --quiet draws nothing"

# Messages are never mixed into a half-drawn line: the terminal shows
# exactly the lines stderr holds without one.
on_tty "$PRECIS summarize --skip-bad $TMP/bad.jsonl > $TMP/tty_out"
expect_exit 0 "--skip-bad on a terminal succeeds"
tty_has "clusters/s" "... with its progress drawn"
screen "$TMP/tty" > "$TMP/shown"
same_file "$TMP/bad_err" "$TMP/shown" "errors and warnings show on lines of their own, the progress cleared"
same_file "$TMP/bad_out" "$TMP/tty_out" "... and stdout is the same"

# stdout on the terminal too: the results are not mixed with the line.
on_tty "$PRECIS summarize $TMP/news.jsonl"
screen "$TMP/tty" > "$TMP/shown"
same_file "$TMP/summaries" "$TMP/shown" "results written to the terminal do not share a line with the progress"
