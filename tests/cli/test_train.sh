#!/bin/sh
# CLI tests of `precis train`: weights files in the format data/ expects.
. "$(dirname "$0")/lib.sh"

$PY - "$TMP/train.jsonl" <<'PY'
import json, os, sys
d = "examples/daraa"
arts = [open(os.path.join(d, f), encoding="utf-8").read() for f in sorted(os.listdir(d))]
ref = ("Syrian government forces advanced in southwestern Syria as tens of thousands of civilians fled "
       "airstrikes. Jordan said it would keep its border closed to refugees.")
with open(sys.argv[1], "w", encoding="utf-8") as out:
    for i in range(6):
        out.write(json.dumps({"id": str(i), "documents": arts[i % 2:], "summary": ref}) + "\n")
PY

for target in density oracle words; do
    run "$PRECIS" train --target $target "$TMP/train.jsonl"
    expect_exit 0 "train --target $target succeeds"
    if $PY - "$TMP/out" "$target" <<'PY'
import sys
lines = [l for l in open(sys.argv[1]) if not l.startswith("#")]
keys = [l.split("\t")[0] for l in lines]
assert keys == sorted(keys), "keys are sorted for gen_table"
assert "bias" in keys
vals = [float(l.split("\t")[1]) for l in lines]
assert any(v != 0 for v in vals)
if sys.argv[2] == "words":
    assert "prior_logit" in keys and "tf" in keys
else:
    assert "lead_inverse" in keys and "word_prob" in keys
PY
    then ok "train --target $target writes sorted, named, non-zero weights"; else not_ok "train --target $target writes sorted, named, non-zero weights" "$(head -c 300 "$TMP/out")"; fi
done
"$PRECIS" train "$TMP/train.jsonl" > "$TMP/a" 2>/dev/null
"$PRECIS" train --threads 1 "$TMP/train.jsonl" > "$TMP/b" 2>/dev/null
cmp -s "$TMP/a" "$TMP/b" && ok "training is deterministic across thread counts" || not_ok "training is deterministic across thread counts"

run "$PRECIS" train --target nonsense "$TMP/train.jsonl"
expect_exit 2 "an unknown training target exits 2"
run "$PRECIS" train "$TMP/missing.jsonl"
expect_exit 3 "a missing training file exits 3"
echo '{"id": "x", "document": oops' > "$TMP/badtrain.jsonl"
run "$PRECIS" train "$TMP/badtrain.jsonl"
expect_exit 1 "a bad training line exits 1"
expect_stderr 'badtrain.jsonl:1: invalid JSON' "the bad training line is named"
