"""bench.py: helpers of bench/run.sh (parsing, timing fallback, OTS inputs).

Every subcommand reads or writes small files; run.sh does the orchestration.

  quality-row NAME JSON KEY [SECONDS]  markdown row of `precis eval --json`
  readability-row NAME JSON            markdown row of its readability counts
                                       or `precis rouge --json` output: KEY is
                                       f or r; figures x 100
  same-figures EVAL_JSON ROUGE_JSON    exit 0 when `precis eval --json` and
                                       `precis rouge --json` agree (R, P, F)
  timeit RUNS WARMUP OUT.json CMD...   times a command like hyperfine -N
                                       (used when hyperfine is missing) and
                                       writes hyperfine's JSON shape
  stat JSON FIELD                      mean, stddev, median, min, runs of a
                                       hyperfine JSON export, FIELD one of them
  duc-text CLUSTER_DIR OUT.txt         the <TEXT> parts of a DUC cluster's
                                       SGML documents, one paragraph a line
  words FILE                           number of white-space separated words
  sentences IN OUT WORDS               OTS output -> one sentence per line,
                                       whole sentences up to WORDS words
"""
import html
import json
import os
import re
import statistics
import subprocess
import sys
import time

METRICS = ["ROUGE-1", "ROUGE-2", "ROUGE-L", "ROUGE-SU4"]


def quality_row(method, path, key, seconds=None):
    """One row from `precis eval --json` or `precis rouge --json` output."""
    d = json.load(open(path, encoding="utf-8"))
    cells = [method]
    for m in METRICS:
        v = d[m] if m in d else d[m.lower()]
        v = v[key]
        cells.append("%.2f (%.2f–%.2f)" % (100 * v["average"], 100 * v["low"], 100 * v["high"]))
    cells.append(str(d["clusters"] if "clusters" in d else d["items"]))
    if seconds is not None:
        cells.append(seconds + " s")
    print("| " + " | ".join(cells) + " |")


def readability_row(method, path):
    """The readability counts of `precis eval --json` (issue #13) as a row."""
    r = json.load(open(path, encoding="utf-8")).get("readability")
    if not r:
        return
    n = max(r["sentences"], 1)
    pct = lambda k: "%.1f%%" % (100.0 * r[k] / n)
    cells = [method, str(r["sentences"]), pct("quote_shards"), pct("unintroduced"),
             str(r["chrome"]), pct("datelines"), pct("dangling"),
             "%d of %d" % (r["opens_badly"], r["briefs"]),
             "%.0f%%" % (100.0 * r["top_article_share"])]
    print("| " + " | ".join(cells) + " |")


def same_figures(eval_path, rouge_path):
    e = json.load(open(eval_path, encoding="utf-8"))
    r = json.load(open(rouge_path, encoding="utf-8"))
    bad = 0
    for m in METRICS:
        for k in "rpf":
            a = e[m][k]["average"]
            b = (r[m] if m in r else r[m.lower()])[k]["average"]
            if abs(a - b) > 5e-6:
                print("%s %s: eval %.5f, rouge %.5f" % (m, k, a, b), file=sys.stderr)
                bad = 1
    return bad


def timeit(runs, warmup, out, cmd):
    times = []
    for i in range(warmup + runs):
        t0 = time.perf_counter()
        subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
        t = time.perf_counter() - t0
        if i >= warmup:
            times.append(t)
    result = {
        "command": " ".join(cmd),
        "mean": statistics.mean(times),
        "stddev": statistics.stdev(times) if len(times) > 1 else 0.0,
        "median": statistics.median(times),
        "min": min(times),
        "max": max(times),
        "times": times,
    }
    json.dump({"results": [result]}, open(out, "w"))


def stat(path, field):
    r = json.load(open(path))["results"][0]
    if field == "runs":
        print(len(r["times"]))
    else:
        print("%.6f" % (r[field] or 0.0))


def duc_text(cluster_dir, out):
    paragraphs = []
    for name in sorted(os.listdir(cluster_dir)):
        raw = open(os.path.join(cluster_dir, name), encoding="utf-8", errors="replace").read()
        for text in re.findall(r"<TEXT>(.*?)</TEXT>", raw, re.S | re.I):
            # paragraphs: <P> tags, blank lines, or an indented first line
            text = re.sub(r"</?P>", "\n\n", text, flags=re.I)
            text = re.sub(r"\n[ \t]+", "\n\n", text)
            text = re.sub(r"<[^>]*>", " ", text)
            text = text.replace("&AMP;", "&").replace("&amp;", "&")
            text = re.sub(r"&[A-Za-z]+;", " ", text)
            for p in re.split(r"\n\s*\n", text):
                p = " ".join(p.split())
                if p:
                    paragraphs.append(html.unescape(p))
        paragraphs.append("")  # a blank line between documents
    with open(out, "w", encoding="utf-8") as f:
        f.write("\n".join(paragraphs) + "\n")


def count_words(path):
    print(len(open(path, encoding="utf-8", errors="replace").read().split()))


SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’)]*\s+(?=[\"'“‘(`]*[A-Z0-9])")


def sentences(src, dst, budget):
    text = open(src, encoding="utf-8", errors="replace").read()
    out, words = [], 0
    for para in text.split("\n"):
        for s in SENTENCE_END.split(" ".join(para.split())):
            s = s.strip()
            if not s:
                continue
            n = len(s.split())
            if out and words + n > budget:
                break
            out.append(s)
            words += n
        else:
            continue
        break
    with open(dst, "w", encoding="utf-8") as f:
        f.write("\n".join(out) + ("\n" if out else ""))


def main(argv):
    cmd = argv[1] if len(argv) > 1 else ""
    if cmd == "quality-row":
        quality_row(*argv[2:6])
    elif cmd == "readability-row":
        readability_row(argv[2], argv[3])
    elif cmd == "same-figures":
        return same_figures(argv[2], argv[3])
    elif cmd == "timeit":
        timeit(int(argv[2]), int(argv[3]), argv[4], argv[5:])
    elif cmd == "stat":
        stat(argv[2], argv[3])
    elif cmd == "duc-text":
        duc_text(argv[2], argv[3])
    elif cmd == "words":
        count_words(argv[2])
    elif cmd == "sentences":
        sentences(argv[2], argv[3], int(argv[4]))
    else:
        print(__doc__, file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
