"""precis.rouge, precis.dedup and precis.cluster against `precis rouge`,
`precis dedup --all` and `precis cluster`.

Design: the inputs are the example cluster and short texts written here;
the command's output is parsed and compared with the typed results exactly
(ROUGE's 5 decimals, JSON doubles printed round-trip, story lines byte for
byte).
"""

import json

import pytest

import precis
from conftest import run_precis

OTHER = [
    "The city council voted on Tuesday to close the old river bridge for repairs. "
    "Engineers found cracks in two of its main supports during an inspection last month. "
    "Traffic will be sent to the ring road for at least six months, the mayor said.",
    "Repairs to the old river bridge will start next week after Tuesday's council vote. "
    "The engineers who inspected it said two main supports were cracked. "
    "Drivers are asked to use the ring road while the bridge is closed.",
    "The home side won the cup final 3-1 on Saturday after extra time. "
    "Their captain scored twice in the last ten minutes of the match. "
    "Fans filled the streets of the old town to celebrate until dawn.",
]


def _rouge_cli(*args):
    out = json.loads(run_precis("rouge", "--json", *args))
    return {m: tuple(out[m][k]["average"] for k in ("r", "p", "f"))
            for m in ("ROUGE-1", "ROUGE-2", "ROUGE-L", "ROUGE-SU4")}


def _figures(scores):
    return {m: (s.recall, s.precision, s.f) for m, s in scores.as_dict().items()}


@pytest.mark.parametrize("flags, kwargs", [
    ([], {}),
    (["-m"], {"stem": True}),
    (["-m", "-s"], {"stem": True, "remove_stopwords": True}),
    (["-l", "40"], {"words": 40}),
    (["-b", "200"], {"bytes": 200}),
    (["--flags", "-f B -m"], {"flags": "-f B -m"}),
])
def test_rouge_equals_the_command(tmp_path, daraa_texts, flags, kwargs):
    system = precis.summarize(daraa_texts, words=60).text
    refs = [daraa_texts[0], OTHER[0] + "\n" + daraa_texts[2]]
    paths = []
    for i, text in enumerate([system] + refs):
        p = tmp_path / f"s{i}.txt"
        p.write_text(text, encoding="utf-8")
        paths.append(str(p))
    expected = _rouge_cli(*flags, *paths)
    assert _figures(precis.rouge(system, refs, **kwargs)) == expected
    # a list of sentences is the same summary
    sentences = system.splitlines()
    assert _figures(precis.rouge(sentences, [refs[0].splitlines(), refs[1]], **kwargs)) == expected


def test_rouge_counts_and_names():
    r = precis.rouge("the cat sat on the mat", ["the cat sat", "a dog sat on a mat"])
    assert r["ROUGE-1"] is r.as_dict()["ROUGE-1"]
    # unigram hits: "the cat sat" with the first reference, "sat on mat" with
    # the second; 3 + 6 reference words; the system's 6 words once per reference
    assert r.rouge_1 == precis.RougeScore(recall=0.66667, precision=0.5, f=0.57143,
                                          hits=6, ref_count=9, sys_count=12)
    assert precis.rouge("", ["a b"]).rouge_2.f == 0.0


def _dedup_lines(result):
    return [{"group": g.number, "members": list(g.members),
             "representative": g.representative, "similarities": list(g.similarities)}
            for g in result.groups]


def test_dedup_of_the_example_folder(daraa_files, daraa_texts, daraa_names):
    cli = [json.loads(line) for line in run_precis("dedup", "--all", str(daraa_files[0].parent))
           .decode("utf-8").splitlines()]
    result = precis.dedup([precis.Article(t, id=n) for t, n in zip(daraa_texts, daraa_names)])
    assert _dedup_lines(result) == cli
    # the wire story and its syndicated rewrite are one group, the rest alone
    assert [g.members for g in result.copies] == [tuple(daraa_names[:2])]
    assert result.group_of[daraa_names[1]] == 1 and result.group_of[daraa_names[3]] == 3


@pytest.mark.parametrize("flags, kwargs", [
    ([], {}),
    (["--exact"], {"exact": True}),
    (["--threshold", "0.8", "--shingle", "3"], {"threshold": 0.8, "shingle": 3}),
])
def test_dedup_with_planted_copies(tmp_path, daraa_texts, flags, kwargs):
    articles = []
    for i, text in enumerate(daraa_texts + OTHER):
        articles.append({"id": f"a{i}", "text": text})
        if i % 2 == 0:  # a trimmed reprint of every other article
            words = text.split()
            articles.append({"id": f"a{i}-copy", "text": " ".join(words[: len(words) * 2 // 3])})
    path = tmp_path / "stream.jsonl"
    path.write_text("".join(json.dumps(a) + "\n" for a in articles), encoding="utf-8")
    cli = [json.loads(line) for line in run_precis("dedup", "--all", *flags, str(path))
           .decode("utf-8").splitlines()]
    result = precis.dedup(articles, **kwargs)
    assert _dedup_lines(result) == cli
    assert sum(len(g.members) for g in result.groups) == len(articles)


def _stream(daraa_texts):
    days = ["2018-06-27T08:00:00Z", "2018-06-27T12:30:00Z", "2018-06-28T09:00:00Z",
            "2018-06-28T10:00:00Z"]
    articles = [{"id": f"daraa/{i}", "text": t, "date": d}
                for i, (t, d) in enumerate(zip(daraa_texts, days))]
    articles.insert(1, {"id": "bridge/1", "title": "Bridge to close", "text": OTHER[0],
                        "date": "2018-06-27T09:00:00Z"})
    articles.append({"id": "bridge/2", "text": OTHER[1], "date": "2018-07-02"})
    articles.append({"id": "cup/1", "title": "Cup final", "text": OTHER[2],
                     "date": "2018-07-05T20:00:00+02:00"})
    return articles


@pytest.mark.parametrize("flags, kwargs", [
    ([], {}),
    (["--window", "1d"], {"window": 86400}),
    (["--threshold", "0.4", "--merge", "1"], {"threshold": 0.4, "merge": 1}),
])
def test_cluster_equals_the_command(tmp_path, daraa_texts, flags, kwargs):
    articles = _stream(daraa_texts)
    path = tmp_path / "stream.jsonl"
    path.write_text("".join(json.dumps(a) + "\n" for a in articles), encoding="utf-8")
    cli = run_precis("cluster", *flags, str(path)).decode("utf-8")
    stories = precis.cluster(articles, **kwargs)
    assert "".join(s.to_json() + "\n" for s in stories) == cli
    for s, line in zip(stories, cli.splitlines()):
        j = json.loads(line)
        assert (s.number, list(s.articles)) == (j["story"], j["articles"])
        assert s.first_seen.strftime("%Y-%m-%dT%H:%M:%SZ") == j["first_seen"]
        assert s.last_seen.strftime("%Y-%m-%dT%H:%M:%SZ") == j["last_seen"]
    assert sorted(a for s in stories for a in s.articles) == sorted(a["id"] for a in articles)


def test_cluster_of_the_example_folder(daraa_files, daraa_texts, daraa_names):
    cli = run_precis("cluster", str(daraa_files[0].parent)).decode("utf-8")
    stories = precis.cluster([precis.Article(t, id=n) for t, n in zip(daraa_texts, daraa_names)])
    assert "".join(s.to_json() + "\n" for s in stories) == cli
    assert len(stories) == 1 and stories[0].first_seen is None
