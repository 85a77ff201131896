"""stories.py: data and scoring for `precis cluster` and `precis dedup` (issue #14).

Standard library only (Debian's /usr/bin/python3).  bench/stories.sh does the
orchestration.  Article texts are internal data: the files this writes (pools,
gold) must live outside the project tree (default: a folder under /tmp); the
subcommands that write refuse a path inside it.

  pool SRC.jsonl[.xz|.gz] OUT.jsonl GOLD.tsv [--seed 7] [--limit N] [--min-chars 20]
       [--drop-shared]
      Multi-News lines {"id", "document", "summary"} -> one article a line
      {"id": "<cluster id>#<k>", "text": ...}, shuffled with random.Random(seed);
      GOLD.tsv: "article_id<TAB>story_id" (story = the Multi-News cluster).  k is
      the article's position in `document` split on "|||||" (from 0, the index
      `precis summarize` gives it, skipped articles included).  NEWLINE_CHAR
      becomes a line break.  Skipped (and counted): empty articles, and articles
      shorter than --min-chars characters after stripping, and with
      --drop-shared the articles whose exact text is in more than one cluster
      (boilerplate such as the Wayback Machine's crawl notes: their gold story
      is arbitrary).  --limit N keeps the first N clusters of SRC (whole
      stories).  Counts go to stderr.
  plant POOL.jsonl OUT.jsonl PLANTED.tsv [--seed 7] [--count 500] [--min-words 50]
      POOL plus `count` planted near-copies of random pool articles (chosen
      among those of at least --min-words words), one per original, the kind
      rotating: trim (the first two thirds of the words), words (~3% of the
      words replaced by other words of the same text), header ("UPDATED: ...\\n"
      prepended).  Copy ids "<original>~planted"; all shuffled again.
      PLANTED.tsv: "copy_id<TAB>original_id<TAB>kind".
  score-stories STORIES.jsonl GOLD.tsv
      B-cubed precision/recall/F1 (averaged over articles), adjusted Rand index,
      stories found vs gold, and the integrity of the output (every gold article
      exactly once: missing, duplicated and unknown ids are errors; a missing
      article is scored as a singleton, a duplicate by its first story).  JSON.
  score-dedup GROUPS.jsonl EXACT.jsonl [PLANTED.tsv]
      pair precision/recall/F1 of GROUPS against EXACT (pairs: the unordered
      pairs inside each group; EXACT "none": no reference, null figures), and
      with PLANTED.tsv the share of planted copies found (copy and original in
      one group), in all and by kind.  Groups may list singletons or not.  JSON.
  errors STORIES.jsonl GOLD.tsv POOL.jsonl [--n 10] [--parts 6]
      the largest merge errors (a found story mixing gold stories) and split
      errors (a gold story spread over found stories), with the first 100
      characters of each article, for a developer's eyes (stdout; article text:
      do not save it inside the project).
  selftest
      asserts on tiny hand-made examples.

Helpers of stories.sh (not for people):
  timeit TIME_FILE OUT_FILE CMD...    runs CMD (stdout to OUT_FILE), writes
                                      "<seconds> <peak KB>" like
                                      /usr/bin/time -f '%e %M' (its fallback)
  row-stories NAME SCORE.json TIME_FILE COMMAND     a markdown row
  row-dedup NAME SCORE.json TIME_FILE COMMAND       a markdown row
"""
import argparse
import gzip
import json
import lzma
import math
import os
import random
import re
import resource
import subprocess
import sys
import time
from collections import Counter, defaultdict
from fractions import Fraction

ARTICLE_SEPARATOR = "|||||"
NEWLINE_MARKER = re.compile(r"[ \t]*NEWLINE_CHAR[ \t]*")
PLANT_KINDS = ("trim", "words", "header")
PROJECT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def die(msg):
    print("stories.py: " + msg, file=sys.stderr)
    sys.exit(1)


def log(msg):
    print("stories.py: " + msg, file=sys.stderr)


# ---- files -----------------------------------------------------------------

def open_text(path):
    if path.endswith(".xz"):
        return lzma.open(path, "rt", encoding="utf-8")
    if path.endswith(".gz"):
        return gzip.open(path, "rt", encoding="utf-8")
    return open(path, encoding="utf-8")


def inside_project(path):
    real = os.path.realpath(os.path.abspath(path))
    root = os.path.realpath(PROJECT)
    return real == root or real.startswith(root + os.sep)


def open_output(path):
    """A file for article data: refused inside the project tree."""
    if inside_project(path):
        die("%s is inside the project (%s): article data goes to a folder outside it, "
            "e.g. under /tmp" % (path, PROJECT))
    return open(path, "w", encoding="utf-8")


def json_line(obj):
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":")) + "\n"


def read_jsonl(path):
    """(line number, object) of each non-blank line."""
    with open_text(path) as f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                yield n, json.loads(line)
            except json.JSONDecodeError as e:
                die("%s:%d: not JSON (%s)" % (path, n, e))


def read_pool(path):
    """[(id, text)] of a pool file, in order."""
    out = []
    for n, d in read_jsonl(path):
        if not isinstance(d, dict) or "id" not in d or "text" not in d:
            die('%s:%d: expected {"id", "text"}' % (path, n))
        out.append((d["id"], d["text"]))
    return out


def read_tsv(path, columns):
    rows = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            cells = line.split("\t")
            if len(cells) != columns:
                die("%s:%d: expected %d tab-separated columns" % (path, n, columns))
            rows.append(cells)
    return rows


def read_gold(path):
    """{article id: story id}; an article listed twice is an error."""
    gold = {}
    for a, s in read_tsv(path, 2):
        if a in gold:
            die("%s: article %s listed twice" % (path, a))
        gold[a] = s
    return gold


def member_id(m, path, n):
    if isinstance(m, str):
        return m
    if isinstance(m, dict) and isinstance(m.get("id"), str):
        return m["id"]
    die('%s:%d: a member is neither an article id (string) nor {"id": ...}: %s'
        % (path, n, json.dumps(m)[:80]))


def read_groups(path, keys):
    """[(group name, [ids])] of a JSON-lines file whose lines hold a list of
    members under one of `keys` (ids, or objects with an "id")."""
    groups = []
    for n, d in read_jsonl(path):
        if isinstance(d, list):
            members, name = d, str(n)
        elif isinstance(d, dict):
            key = next((k for k in keys if k in d), None)
            if key is None or not isinstance(d[key], list):
                die("%s:%d: no %s list" % (path, n, " or ".join('"%s"' % k for k in keys)))
            members = d[key]
            name = next((str(d[k]) for k in ("story", "group", "id") if k in d), str(n))
        else:
            die("%s:%d: expected an object" % (path, n))
        groups.append((name, [member_id(m, path, n) for m in members]))
    return groups


# ---- pool ------------------------------------------------------------------

def clean_article(raw):
    return NEWLINE_MARKER.sub("\n", raw).strip()


def has_surrogates(s):
    return any("\ud800" <= c <= "\udfff" for c in s)


def refuse_inside(*paths):
    for path in paths:
        if inside_project(path):
            open_output(path)  # dies with the reason


def cmd_pool(a):
    refuse_inside(a.out, a.gold)
    rng = random.Random(a.seed)
    articles, gold = [], []
    clusters = empty = short = surrogate = 0
    short_examples = []
    for n, d in read_jsonl(a.src):
        if a.limit is not None and clusters >= a.limit:
            break
        if not isinstance(d, dict) or "id" not in d or "document" not in d:
            die('%s:%d: expected {"id", "document", ...}' % (a.src, n))
        clusters += 1
        sid = str(d["id"])
        for k, raw in enumerate(d["document"].split(ARTICLE_SEPARATOR)):
            text = clean_article(raw)
            if not text:
                empty += 1
                continue
            if len(text) < a.min_chars:
                short += 1
                if len(short_examples) < 5:
                    short_examples.append("%s#%d %r" % (sid, k, text))
                continue
            if has_surrogates(text):  # not encodable as UTF-8: replaced
                text = "".join("\ufffd" if "\ud800" <= c <= "\udfff" else c for c in text)
                surrogate += 1
            aid = "%s#%d" % (sid, k)
            articles.append((aid, text))
            gold.append((aid, sid))
    # texts found in more than one cluster: boilerplate (archive notes, widgets)
    stories_of_text = defaultdict(set)
    for (_, t), (_, sid) in zip(articles, gold):
        stories_of_text[t].add(sid)
    shared = {t for t, v in stories_of_text.items() if len(v) > 1}
    nshared = sum(1 for _, t in articles if t in shared)
    if shared:
        # the best a clustering keeping identical texts together can do here
        gold_of = dict(gold)
        found_of = dict(gold_of)
        key = {t: k for k, t in enumerate(shared)}
        for aid, t in articles:
            if t in shared:
                found_of[aid] = ("shared", key[t])
        ceiling = partition_scores(found_of, gold_of)
    dropped = 0
    if a.drop_shared and shared:
        keep = [i for i, (_, t) in enumerate(articles) if t not in shared]
        dropped = len(articles) - len(keep)
        articles = [articles[i] for i in keep]
        gold = [gold[i] for i in keep]
    stories = len({sid for _, sid in gold})
    ids = [x[0] for x in articles]
    if len(set(ids)) != len(ids):
        die("%s: two clusters share an id: article ids are not unique" % a.src)
    order = list(range(len(articles)))
    rng.shuffle(order)
    with open_output(a.out) as f:
        for i in order:
            f.write(json_line({"id": articles[i][0], "text": articles[i][1]}))
    with open_output(a.gold) as f:
        for i in order:
            f.write("%s\t%s\n" % gold[i])

    sizes = Counter(Counter(s for _, s in gold).values())
    texts = Counter(t for _, t in articles)
    dup_texts = sum(c - 1 for c in texts.values() if c > 1)
    log("%s: %d clusters read" % (a.src, clusters))
    log("articles %d, stories %d, skipped %d (%d empty, %d shorter than %d characters%s)"
        % (len(articles), stories, empty + short + dropped, empty, short, a.min_chars,
           ", %d with a text shared by several stories" % dropped if a.drop_shared else ""))
    for e in short_examples:
        log("  skipped as short: " + e)
    if surrogate:
        log("%d articles had lone surrogates (replaced by U+FFFD)" % surrogate)
    log("stories by size: " + ", ".join("%d: %d" % (k, sizes[k]) for k in sorted(sizes)))
    log("identical texts: %d articles repeat an earlier text of the pool" % dup_texts)
    if shared:
        log("%d articles (%d distinct texts) share their exact text with another gold story "
            "(boilerplate); %s" % (nshared, len(shared), "dropped (--drop-shared)" if a.drop_shared else
            "kept: a clustering keeping identical texts together scores at most B3 F1 %.4f, "
            "ARI %.4f against this gold (--drop-shared drops them)"
            % (ceiling["bcubed_f1"], ceiling["ari"])))
    log("wrote %s and %s (seed %d)" % (a.out, a.gold, a.seed))


# ---- plant -----------------------------------------------------------------

WORD = re.compile(r"\S+")
HEADER_WORDS = ["with new details", "adds comment", "corrects spelling", "adds byline",
                "updates throughout", "adds background", "new headline", "adds photos",
                "recasts lead", "adds quotes", "writethru", "adds video"]


def plant_trim(text, rng):
    spans = [m.span() for m in WORD.finditer(text)]
    keep = len(spans) - len(spans) // 3  # the first two thirds (rounded up)
    return text[:spans[keep - 1][1]] if keep else text


def plant_words(text, rng):
    spans = [m.span() for m in WORD.finditer(text)]
    words = [text[s:e] for s, e in spans]
    vocab = sorted(set(words))
    k = max(1, round(0.03 * len(words)))
    out = list(words)
    for i in rng.sample(range(len(words)), min(k, len(words))):
        choices = [w for w in (rng.choice(vocab) for _ in range(8)) if w != words[i]]
        if choices:
            out[i] = choices[0]
    pieces, last = [], 0
    for (s, e), w in zip(spans, out):
        pieces.append(text[last:s])
        pieces.append(w)
        last = e
    pieces.append(text[last:])
    return "".join(pieces)


def plant_header(text, rng):
    hour, minute = rng.randint(1, 12), rng.randint(0, 59)
    line = "UPDATED: %d:%02d %s ET, %s" % (hour, minute, rng.choice(["a.m.", "p.m."]),
                                          rng.choice(HEADER_WORDS))
    return line + "\n" + text


PLANTERS = {"trim": plant_trim, "words": plant_words, "header": plant_header}


def cmd_plant(a):
    refuse_inside(a.out, a.planted)
    rng = random.Random(a.seed)
    pool = read_pool(a.pool)
    eligible = [i for i, (_, t) in enumerate(pool) if len(t.split()) >= a.min_words]
    if a.count > len(eligible):
        die("%d articles to plant, only %d of at least %d words" % (a.count, len(eligible), a.min_words))
    chosen = rng.sample(eligible, a.count)
    copies, planted = [], []
    for j, i in enumerate(chosen):
        aid, text = pool[i]
        kind = PLANT_KINDS[j % len(PLANT_KINDS)]
        cid = aid + "~planted"
        copies.append((cid, PLANTERS[kind](text, rng)))
        planted.append((cid, aid, kind))
    everything = pool + copies
    if len({x[0] for x in everything}) != len(everything):
        die("a planted id clashes with a pool id")
    rng.shuffle(everything)
    with open_output(a.out) as f:
        for aid, text in everything:
            f.write(json_line({"id": aid, "text": text}))
    with open_output(a.planted) as f:
        for row in planted:
            f.write("%s\t%s\t%s\n" % row)
    log("pool %d articles (%d of at least %d words), planted %d copies (%s), wrote %d articles "
        "to %s and %s (seed %d)" % (len(pool), len(eligible), a.min_words, len(copies),
                                    ", ".join("%s %d" % (k, sum(1 for p in planted if p[2] == k))
                                              for k in PLANT_KINDS),
                                    len(everything), a.out, a.planted, a.seed))


# ---- scoring: stories ------------------------------------------------------

def pairs(n):
    return math.comb(n, 2)


def partition_scores(found_of, gold_of):
    """B-cubed and ARI of two labelings of the same articles (dicts article ->
    label).  Exact arithmetic on contingency counts."""
    n = len(gold_of)
    assert set(found_of) == set(gold_of)
    cells = Counter((found_of[x], gold_of[x]) for x in gold_of)
    fsize = Counter(found_of.values())
    gsize = Counter(gold_of.values())
    if n == 0:
        return {"bcubed_precision": 0.0, "bcubed_recall": 0.0, "bcubed_f1": 0.0, "ari": 0.0}
    p = sum(Fraction(c * c, fsize[f]) for (f, g), c in cells.items()) / n
    r = sum(Fraction(c * c, gsize[g]) for (f, g), c in cells.items()) / n
    f1 = 2 * p * r / (p + r) if p + r else Fraction(0)
    index = sum(pairs(c) for c in cells.values())
    sa = sum(pairs(c) for c in fsize.values())
    sb = sum(pairs(c) for c in gsize.values())
    total = pairs(n)
    # ARI = (index - sa*sb/total) / ((sa+sb)/2 - sa*sb/total), times 2*total
    num = 2 * total * index - 2 * sa * sb
    den = total * (sa + sb) - 2 * sa * sb
    ari = Fraction(num, den) if den else Fraction(1)  # both trivial and equal
    return {"bcubed_precision": float(p), "bcubed_recall": float(r), "bcubed_f1": float(f1),
            "ari": float(ari)}


def found_labels(stories, gold):
    """found_of over the gold articles and the integrity errors."""
    found_of, seen_twice, unknown = {}, [], []
    nonempty = 0
    for k, (name, members) in enumerate(stories):
        if members:
            nonempty += 1
        for m in members:
            if m not in gold:
                unknown.append(m)
            elif m in found_of:
                seen_twice.append(m)
            else:
                found_of[m] = k
    missing = [x for x in gold if x not in found_of]
    for i, x in enumerate(missing):  # scored as singletons
        found_of[x] = ("missing", i)
    return found_of, nonempty, missing, seen_twice, unknown


def score_stories(stories, gold):
    found_of, nonempty, missing, twice, unknown = found_labels(stories, gold)
    s = partition_scores(found_of, gold)
    fsize = Counter(found_of.values())
    out = {"articles": len(gold), "gold_stories": len(set(gold.values())),
           "found_stories": nonempty}
    out.update(s)
    out.update({
        "found_singletons": sum(1 for c in fsize.values() if c == 1),
        "gold_singletons": sum(1 for c in Counter(gold.values()).values() if c == 1),
        "largest_found": max(fsize.values()) if fsize else 0,
        "largest_gold": max(Counter(gold.values()).values()) if gold else 0,
        "missing": len(missing), "duplicated": len(twice), "unknown": len(unknown),
        "ok": not (missing or twice or unknown),
    })
    errs = {}
    if missing:
        errs["missing"] = missing[:10]
    if twice:
        errs["duplicated"] = twice[:10]
    if unknown:
        errs["unknown"] = unknown[:10]
    if errs:
        out["error_examples"] = errs
    return out


def cmd_score_stories(a):
    gold = read_gold(a.gold)
    stories = read_groups(a.stories, ("articles", "members"))
    out = score_stories(stories, gold)
    if not out["ok"]:
        log("%s: %d gold articles missing, %d listed more than once, %d not in the gold"
            % (a.stories, out["missing"], out["duplicated"], out["unknown"]))
    print(json.dumps(out, indent=1))


# ---- scoring: dedup --------------------------------------------------------

def group_index(groups):
    """{id: group number} and the ids in more than one group."""
    of, twice = {}, []
    for k, (_, members) in enumerate(groups):
        for m in dict.fromkeys(members):
            if m in of:
                twice.append(m)
            else:
                of[m] = k
    return of, twice


def pair_set(groups):
    out = set()
    for _, members in groups:
        ms = sorted(set(members))
        for i in range(len(ms)):
            for j in range(i + 1, len(ms)):
                out.add((ms[i], ms[j]))
    return out


def pair_counts(groups, exact):
    """(pairs in groups, pairs in exact, pairs in both)."""
    ga, twice_a = group_index(groups)
    ge, twice_e = group_index(exact)
    if twice_a or twice_e:  # overlapping groups: count actual pairs
        pa, pe = pair_set(groups), pair_set(exact)
        return len(pa), len(pe), len(pa & pe)
    # partitions: pairs from sizes and contingency counts, no pair lists
    na = sum(pairs(len(set(m))) for _, m in groups)
    ne = sum(pairs(len(set(m))) for _, m in exact)
    cells = Counter((ga[x], ge[x]) for x in ga if x in ge)
    return na, ne, sum(pairs(c) for c in cells.values())


def score_dedup(groups, exact, planted=None):
    if exact is None:  # no reference: no precision or recall
        exact = []
    na, ne, common = pair_counts(groups, exact)
    p = common / na if na else 1.0
    r = common / ne if ne else 1.0
    out = {"groups": sum(1 for _, m in groups if len(set(m)) > 1),
           "exact_groups": sum(1 for _, m in exact if len(set(m)) > 1),
           "articles_in_groups": sum(len(set(m)) for _, m in groups if len(set(m)) > 1),
           "pairs": na, "exact_pairs": ne, "common_pairs": common,
           "pair_precision": p, "pair_recall": r,
           "pair_f1": 2 * p * r / (p + r) if p + r else 0.0}
    if not exact:
        out["pair_precision"] = out["pair_recall"] = out["pair_f1"] = None
        out["exact_groups"] = out["exact_pairs"] = out["common_pairs"] = None
    ga, twice = group_index(groups)
    _, twice_e = group_index(exact or [])
    out["in_two_groups"] = len(twice)
    out["exact_in_two_groups"] = len(twice_e)
    if planted is not None:
        by = {}
        for kind in ["all"] + sorted({k for _, _, k in planted}):
            rows = [x for x in planted if kind == "all" or x[2] == kind]
            found = sum(1 for c, o, _ in rows if c in ga and o in ga and ga[c] == ga[o])
            by[kind] = {"found": found, "planted": len(rows),
                        "share": found / len(rows) if rows else 0.0}
        out["planted"] = by
    return out


def cmd_score_dedup(a):
    groups = read_groups(a.groups, ("members", "articles"))
    exact = None if a.exact == "none" else read_groups(a.exact, ("members", "articles"))
    planted = read_tsv(a.planted, 3) if a.planted else None
    out = score_dedup(groups, exact, planted)
    if out["in_two_groups"] or out["exact_in_two_groups"]:
        log("some ids are in more than one group (%d in %s, %d in %s): pairs counted one by one"
            % (out["in_two_groups"], a.groups, out["exact_in_two_groups"], a.exact))
    print(json.dumps(out, indent=1))


# ---- errors ----------------------------------------------------------------

def snippet(text, n=100):
    t = " ".join(text.split())
    return t[:n] + ("…" if len(t) > n else "")


def cmd_errors(a):
    gold = read_gold(a.gold)
    stories = read_groups(a.stories, ("articles", "members"))
    found_of, _, missing, twice, unknown = found_labels(stories, gold)
    if missing or twice or unknown:
        print("integrity: %d gold articles missing (scored as singletons), %d listed twice, "
              "%d unknown" % (len(missing), len(twice), len(unknown)))
    text = dict(read_pool(a.pool))
    names = {k: name for k, (name, _) in enumerate(stories)}
    by_found, by_gold = defaultdict(list), defaultdict(list)
    for x in gold:
        by_found[found_of[x]].append(x)
        by_gold[gold[x]].append(x)

    def cross_pairs(members, label):
        sizes = Counter(label[x] for x in members)
        return pairs(len(members)) - sum(pairs(c) for c in sizes.values()), sizes

    def show(members, label, what, per_part=3):
        parts = defaultdict(list)
        for x in members:
            parts[label[x]].append(x)
        openings = Counter(snippet(text.get(x, ""), 60) for x in members)
        top, count = openings.most_common(1)[0]
        if count > 2 and count * 4 >= len(members):
            print("  %d of the %d articles open alike: %s" % (count, len(members), top))
        ordered = sorted(parts.items(), key=lambda kv: (-len(kv[1]), str(kv[0])))
        for i, (lab, xs) in enumerate(ordered):
            if i == a.parts:
                print("  … and %d more %s (%d articles)"
                      % (len(ordered) - i, what.replace("story", "stories"),
                         sum(len(v) for _, v in ordered[i:])))
                break
            lab = names.get(lab, lab) if what == "found story" else lab
            print("  %s %s (%d here):" % (what, lab, len(xs)))
            for x in xs[:per_part]:
                print("    %-14s %s" % (x, snippet(text.get(x, "(not in the pool)"))))
            if len(xs) > per_part:
                print("    … %d more" % (len(xs) - per_part))

    merges = []
    for f, xs in by_found.items():
        c, sizes = cross_pairs(xs, gold)
        if len(sizes) > 1:
            merges.append((c, len(xs), f, sizes))
    splits = []
    for g, xs in by_gold.items():
        c, sizes = cross_pairs(xs, found_of)
        if len(sizes) > 1:
            splits.append((c, len(xs), g, sizes))
    merges.sort(key=lambda m: (-m[0], -m[1], str(m[2])))
    splits.sort(key=lambda m: (-m[0], -m[1], str(m[2])))
    print("merge errors: %d of %d found stories mix gold stories (%d wrong pairs in all)"
          % (len(merges), len(by_found), sum(m[0] for m in merges)))
    print("split errors: %d of %d gold stories are spread over found stories (%d missed pairs in all)"
          % (len(splits), len(by_gold), sum(s[0] for s in splits)))
    print()
    print("== the %d largest merge errors (found story: the gold stories it mixes)" % min(a.n, len(merges)))
    for c, size, f, sizes in merges[:a.n]:
        print("found story %s: %d articles from %d gold stories, %d wrong pairs"
              % (names.get(f, f), size, len(sizes), c))
        show(by_found[f], gold, "gold story")
        print()
    print("== the %d largest split errors (gold story: the found stories it is spread over)" % min(a.n, len(splits)))
    for c, size, g, sizes in splits[:a.n]:
        print("gold story %s: %d articles in %d found stories, %d missed pairs" % (g, size, len(sizes), c))
        show(by_gold[g], found_of, "found story")
        print()


# ---- helpers of stories.sh -------------------------------------------------

def cmd_timeit(a):
    with open(a.out, "w") as out:
        t0 = time.perf_counter()
        rc = subprocess.call(a.cmd, stdout=out)
        t = time.perf_counter() - t0
    kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    with open(a.time_file, "w") as f:
        if rc:
            f.write("Command exited with non-zero status %d\n" % rc)
        f.write("%.2f %d\n" % (t, kb))
    sys.exit(rc)


def read_time(path):
    """(seconds, peak KB) of a '%e %M' file (its last line)."""
    try:
        last = [l for l in open(path).read().splitlines() if l.strip()][-1].split()
        return float(last[0]), int(last[1])
    except (OSError, IndexError, ValueError):
        return None, None


def time_cells(path):
    s, kb = read_time(path)
    return ("%.2f s" % s if s is not None else "?", "%.0f MB" % (kb / 1024) if kb is not None else "?")


def cmd_row_stories(a):
    d = json.load(open(a.score))
    wall, mem = time_cells(a.time_file)
    errs = "none" if d["ok"] else "%d missing, %d twice, %d unknown" % (d["missing"], d["duplicated"], d["unknown"])
    cells = [a.name, "`%s`" % a.command, wall, mem, "%d / %d" % (d["found_stories"], d["gold_stories"]),
             "%.4f" % d["bcubed_precision"], "%.4f" % d["bcubed_recall"], "%.4f" % d["bcubed_f1"],
             "%.4f" % d["ari"], errs]
    print("| " + " | ".join(cells) + " |")


def cmd_row_dedup(a):
    d = json.load(open(a.score))
    wall, mem = time_cells(a.time_file)
    pl = d.get("planted", {})
    share = lambda k: "%.1f%%" % (100 * pl[k]["share"]) if k in pl else "–"
    cells = [a.name, "`%s`" % a.command, wall, mem, str(d["groups"]), str(d["pairs"]),
             "–" if d["pair_precision"] is None else "%.4f" % d["pair_precision"],
             "–" if d["pair_recall"] is None else "%.4f" % d["pair_recall"],
             "%s (%d/%d)" % (share("all"), pl["all"]["found"], pl["all"]["planted"]) if "all" in pl else "–",
             share("trim"), share("words"), share("header")]
    print("| " + " | ".join(cells) + " |")


# ---- selftest --------------------------------------------------------------

def cmd_selftest(a):
    close = lambda x, y: abs(x - y) < 1e-12
    # gold: {a,b,c} {d,e} {f}
    gold = {"a": "G1", "b": "G1", "c": "G1", "d": "G2", "e": "G2", "f": "G3"}
    n = len(gold)

    def stories(*groups):
        return [(str(k), list(g)) for k, g in enumerate(groups)]

    s = score_stories(stories("abc", "de", "f"), gold)
    assert s["ok"] and close(s["bcubed_f1"], 1) and close(s["ari"], 1), s
    assert close(s["bcubed_precision"], 1) and close(s["bcubed_recall"], 1)
    assert s["found_stories"] == s["gold_stories"] == 3
    # the same partition, other names and order
    s = score_stories([("x", ["f"]), ("y", ["e", "d"]), ("z", ["c", "a", "b"])], gold)
    assert close(s["bcubed_f1"], 1) and close(s["ari"], 1)
    # all in one: precision = sum |g|^2 / n^2, recall 1, ARI 0
    s = score_stories(stories("abcdef"), gold)
    assert close(s["bcubed_precision"], (9 + 4 + 1) / 36) and close(s["bcubed_recall"], 1), s
    assert close(s["ari"], 0), s
    # all singletons: precision 1, recall = gold stories / n, ARI 0
    s = score_stories(stories(*"abcdef"), gold)
    assert close(s["bcubed_precision"], 1) and close(s["bcubed_recall"], 3 / n), s
    assert close(s["ari"], 0), s
    # hand-computed: gold {a,b,c} {d,e}, found {a,b} {c,d,e}: P = R = 11/15,
    # ARI = 1/6 (sklearn's adjusted_rand_score([0,0,0,1,1], [0,0,1,1,1]))
    g5 = {k: v for k, v in gold.items() if k != "f"}
    s = score_stories(stories("ab", "cde"), g5)
    assert close(s["bcubed_precision"], 11 / 15) and close(s["bcubed_recall"], 11 / 15), s
    assert close(s["bcubed_f1"], 11 / 15) and close(s["ari"], 1 / 6), s
    # ARI of both all-singletons and of both all-in-one: 1
    assert close(partition_scores({"a": 1, "b": 2}, {"a": 3, "b": 4})["ari"], 1)
    assert close(partition_scores({"a": 1, "b": 1}, {"a": 3, "b": 3})["ari"], 1)
    # integrity: f missing (scored as a singleton: perfect here), a twice, z unknown
    s = score_stories(stories("abc", "ade", "z"), gold)
    assert not s["ok"] and (s["missing"], s["duplicated"], s["unknown"]) == (1, 1, 1), s
    assert close(s["bcubed_f1"], 1)
    # {a,b,c} {d,e,f}: recall 1, precision (3*1 + 2*(2/3) + 1*(1/3)) / 6
    s = score_stories([("0", ["a", "b", "c"]), ("1", ["d", "e", "f"])], gold)
    assert close(s["bcubed_recall"], 1), s
    assert close(s["bcubed_precision"], (3 * 1 + 2 * (2 / 3) + 1 * (1 / 3)) / 6), s

    # dedup: groups {a,b,c} vs exact {a,b} {c,d}: pairs ab ac bc / ab cd: P 1/3, R 1/2
    groups = [("1", ["a", "b", "c"]), ("2", ["e"])]
    exact = [("1", ["a", "b"]), ("2", ["c", "d"])]
    planted = [("a", "b", "trim"), ("c", "d", "words"), ("e", "f", "words")]
    d = score_dedup(groups, exact, planted)
    assert (d["pairs"], d["exact_pairs"], d["common_pairs"]) == (3, 2, 1), d
    assert close(d["pair_precision"], 1 / 3) and close(d["pair_recall"], 1 / 2), d
    assert d["planted"]["all"]["found"] == 1 and d["planted"]["trim"]["share"] == 1.0, d
    assert d["planted"]["words"]["found"] == 0, d
    d = score_dedup(exact, exact, planted)
    assert d["pair_precision"] == d["pair_recall"] == 1.0 and d["planted"]["words"]["found"] == 1
    # overlapping groups take the pair-by-pair path, with the same answer here
    d2 = score_dedup(groups + [("3", ["a", "b"])], exact)
    assert (d2["pairs"], d2["common_pairs"]) == (3, 1) and d2["in_two_groups"] == 2, d2
    # no pairs anywhere: precision and recall 1
    d = score_dedup([("1", ["a"])], [("1", ["a"])])
    assert d["pair_precision"] == d["pair_recall"] == 1.0

    # the file formats: ids or {"id": ...}, "articles" or "members", blank lines
    import tempfile
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "s.jsonl")
        with open(path, "w") as f:
            f.write('{"story": 1, "size": 3, "articles": [{"id": "a"}, "b", {"id": "c", "x": 1}]}\n\n')
            f.write('{"group": 2, "members": [{"id": "d", "similarity": 0.9}, "e", "f"]}\n')
        got = read_groups(path, ("articles", "members"))
        assert got == [("1", ["a", "b", "c"]), ("2", ["d", "e", "f"])], got
        tsv = os.path.join(tmp, "g.tsv")
        with open(tsv, "w") as f:
            f.write("".join("%s\t%s\n" % kv for kv in gold.items()))
        assert read_gold(tsv) == gold

    # planting
    rng = random.Random(1)
    text = " ".join("w%d" % i for i in range(100))
    t = plant_trim(text, rng)
    assert t.split() == text.split()[:67], t
    assert plant_trim("one two three", rng) == "one two"
    w = plant_words(text, rng).split()
    changed = sum(1 for x, y in zip(w, text.split()) if x != y)
    assert len(w) == 100 and changed == 3, changed
    h = plant_header(text, rng)
    assert h.startswith("UPDATED: ") and h.split("\n", 1)[1] == text
    assert clean_article(" a NEWLINE_CHAR  NEWLINE_CHAR b ") == "a\n\nb"
    print("selftest: ok")


# ---- main ------------------------------------------------------------------

def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = p.add_subparsers(dest="command", required=True)
    s = sub.add_parser("pool")
    s.add_argument("src"), s.add_argument("out"), s.add_argument("gold")
    s.add_argument("--seed", type=int, default=7)
    s.add_argument("--limit", type=int, default=None, help="first N clusters only")
    s.add_argument("--min-chars", type=int, default=20)
    s.add_argument("--drop-shared", action="store_true",
                   help="skip articles whose exact text is in more than one cluster")
    s.set_defaults(fn=cmd_pool)
    s = sub.add_parser("plant")
    s.add_argument("pool"), s.add_argument("out"), s.add_argument("planted")
    s.add_argument("--seed", type=int, default=7)
    s.add_argument("--count", type=int, default=500)
    s.add_argument("--min-words", type=int, default=50)
    s.set_defaults(fn=cmd_plant)
    s = sub.add_parser("score-stories")
    s.add_argument("stories"), s.add_argument("gold")
    s.set_defaults(fn=cmd_score_stories)
    s = sub.add_parser("score-dedup")
    s.add_argument("groups"), s.add_argument("exact"), s.add_argument("planted", nargs="?")
    s.set_defaults(fn=cmd_score_dedup)
    s = sub.add_parser("errors")
    s.add_argument("stories"), s.add_argument("gold"), s.add_argument("pool")
    s.add_argument("--n", type=int, default=10, help="errors of each kind")
    s.add_argument("--parts", type=int, default=6, help="gold (found) stories shown per error")
    s.set_defaults(fn=cmd_errors)
    s = sub.add_parser("selftest")
    s.set_defaults(fn=cmd_selftest)
    s = sub.add_parser("timeit")
    s.add_argument("time_file"), s.add_argument("out"), s.add_argument("cmd", nargs=argparse.REMAINDER)
    s.set_defaults(fn=cmd_timeit)
    for name, fn in (("row-stories", cmd_row_stories), ("row-dedup", cmd_row_dedup)):
        s = sub.add_parser(name)
        s.add_argument("name"), s.add_argument("score"), s.add_argument("time_file"), s.add_argument("command")
        s.set_defaults(fn=fn)
    a = p.parse_args()
    a.fn(a)


if __name__ == "__main__":
    main()
