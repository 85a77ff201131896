"""precis.summarize against `precis summarize`: the same JSON, byte for byte.

Design: each test runs the command of the same build on the same articles and
compares its output with the package's, exactly; the typed results are
checked against the command's JSON field by field.
"""

import json
from concurrent.futures import ThreadPoolExecutor

import pytest

import precis
from conftest import make_batch, run_precis


def test_daraa_json_is_the_commands(daraa_files, daraa_texts, daraa_names):
    cli = run_precis("summarize", "--json", *map(str, daraa_files))
    s = precis.summarize(daraa_texts, names=daraa_names)
    assert s.to_json() + "\n" == cli.decode("utf-8")


def test_daraa_text_is_the_commands(daraa_files, daraa_texts, daraa_names):
    cli = run_precis("summarize", *map(str, daraa_files))
    assert precis.summarize(daraa_texts, names=daraa_names).text == cli.decode("utf-8")


def test_typed_sentences_match_the_json(daraa_texts, daraa_names):
    s = precis.summarize(daraa_texts, names=daraa_names, words=100)
    expected = json.loads(s.to_json())
    assert len(s.sentences) == len(expected["sentences"]) > 0
    assert s.words == expected["words"]
    for sent, exp in zip(s.sentences, expected["sentences"]):
        assert (sent.article, sent.name, sent.sentence, sent.start, sent.end) == (
            exp["article"], exp["name"], exp["sentence"], exp["start"], exp["end"])
        assert float(f"{sent.score:.6g}") == exp["score"]  # the JSON's 6 digits
        # the offsets index the article's UTF-8 bytes
        source = daraa_texts[sent.article].encode("utf-8")[sent.start:sent.end]
        assert source.decode("utf-8") == exp["text"]
        assert " ".join(exp["text"].split()) == sent.text
    assert s.text == expected["summary"] + "\n"


@pytest.mark.parametrize("options, flags", [
    ({"words": 50, "method": "lexrank"}, ["--words", "50", "--method", "lexrank"]),
    ({"sentences": 3}, ["--sentences", "3"]),
    ({"bytes": 400, "truncate": True}, ["--bytes", "400", "--truncate"]),
    ({"settings": {"redundancy": 0.5, "learned_weight": 2}},
     ["--set", "redundancy=0.5", "--set", "learned_weight=2"]),
    ({"method": "random", "seed": 7}, ["--method", "random", "--seed", "7"]),
    ({"diagnostics": True}, ["--diagnostics"]),
])
def test_options_pass_through(daraa_files, daraa_texts, daraa_names, options, flags):
    cli = run_precis("summarize", "--json", *flags, *map(str, daraa_files))
    s = precis.summarize(daraa_texts, names=daraa_names, **options)
    assert s.to_json() + "\n" == cli.decode("utf-8")
    if options.get("diagnostics"):
        r = json.loads(s.to_json())["readability"]
        assert s.readability is not None
        assert s.readability.sentences == r["sentences"] == len(s.sentences)
        assert s.readability.articles_used == r["articles_used"]


def test_without_names_articles_are_numbered(daraa_texts):
    s = precis.summarize(daraa_texts, id="c1")
    j = json.loads(s.to_json())
    assert j["id"] == "c1" and s.id == "c1"
    assert [x["name"] for x in j["sentences"]] == [str(x.article) for x in s.sentences]
    assert [x.name for x in s.sentences] == [str(x.article) for x in s.sentences]


def test_titles_are_attribution(daraa_texts):
    titles = [f"Title {i}" for i in range(len(daraa_texts))]
    plain = precis.summarize(daraa_texts)
    titled = precis.summarize(daraa_texts, titles=titles)
    assert [s.text for s in titled.sentences] == [s.text for s in plain.sentences]
    sentences = json.loads(titled.to_json())["sentences"]
    assert [x["title"] for x in sentences] == [f"Title {x['article']}" for x in sentences]


def test_bytes_input_is_taken_as_is(daraa_texts):
    as_str = precis.summarize(daraa_texts)
    as_bytes = precis.summarize([t.encode("utf-8") for t in daraa_texts])
    assert as_bytes.to_json() == as_str.to_json()


def test_invalid_utf8_is_replaced_with_a_warning():
    text = b"The council voted on Tuesday to close the old bridge \xff for repairs. " \
           b"Engineers said the bridge had cracks in two of its main supports. " \
           b"Traffic will be diverted to the ring road for at least six months."
    s = precis.summarize([text])
    assert any("UTF-8" in w for w in s.warnings), s.warnings
    assert json.loads(s.to_json())["warnings"] == list(s.warnings)


def _validation_lines(path):
    return [line for line in path.read_bytes().split(b"\n") if line]


def test_validation_400_parse_cluster_and_summarize(validation_400, validation_400_cli):
    lines = _validation_lines(validation_400)
    assert len(lines) == len(validation_400_cli) == 400
    for line, expected in zip(lines, validation_400_cli):
        c = precis.parse_cluster(line)
        s = precis.summarize(c.texts, names=c.names, id=c.id if c.id is not None else "")
        assert s.to_json().encode("utf-8") == expected


def test_validation_400_four_threads_equal_sequential(validation_400, validation_400_cli):
    clusters = [precis.parse_cluster(line) for line in _validation_lines(validation_400)]

    def one(c):
        return precis.summarize(c.texts, names=c.names, id=c.id).to_json().encode("utf-8")

    sequential = [one(c) for c in clusters]
    with ThreadPoolExecutor(max_workers=4) as pool:
        threaded = list(pool.map(one, clusters))
    assert threaded == sequential == list(validation_400_cli)


def test_four_threads_equal_sequential_on_the_example(daraa_texts):
    jobs = [(daraa_texts[i:] + daraa_texts[:i], words)
            for i in range(len(daraa_texts)) for words in (30, 60, 100, 200)] * 3

    def one(job):
        texts, words = job
        return precis.summarize(texts, words=words).to_json()

    sequential = [one(j) for j in jobs]
    with ThreadPoolExecutor(max_workers=4) as pool:
        assert list(pool.map(one, jobs)) == sequential
    assert len(set(sequential)) == 16


def test_batch_shapes_equal_the_command(tmp_path, daraa_texts):
    path = tmp_path / "batch.jsonl"
    path.write_bytes(make_batch(daraa_texts))
    cli = run_precis("summarize", "--quiet", "--input-format", "jsonl", str(path))
    ours = []
    for line in path.read_bytes().split(b"\n"):
        line = line.rstrip(b"\r")
        if line.strip(b" \t"):
            c = precis.parse_cluster(line)
            ours.append(precis.summarize(c.texts, names=c.names, id=c.id or "").to_json())
    assert "\n".join(ours) + "\n" == cli.decode("utf-8")
    assert len(ours) == 5


def test_parse_cluster_reads_ids_texts_and_references():
    c = precis.parse_cluster('{"id": 7, "document": "One. NEWLINE_CHAR Two. ||||| Three.", '
                             '"summaries": ["R1.", ["R2a.", "R2b."]]}')
    assert c.id == "7"
    assert c.names == ("0", "1")
    assert c.texts == ("One. \n            Two. ", " Three.")
    assert c.references == ("R1.", "R2a.\nR2b.\n")  # a list: one sentence a line
    assert precis.parse_cluster('{"documents": ["x"]}').id is None


def test_collapse_copies_and_article_notes(daraa_files, daraa_texts, daraa_names):
    """daraa 000 is the wire story that 001 reprints: with collapse_copies it
    gives no sentence and its note says whose copy it is; the JSON is the
    CLI's for the same options."""
    s = precis.summarize(daraa_texts, names=daraa_names, collapse_copies=True, diagnostics=True)
    notes = s.articles
    assert [n.status for n in notes] == ["copy", "used", "used", "used"]
    assert notes[0].copy_of == 1 and abs(notes[0].similarity - 0.657658) < 1e-6
    assert notes[1].copy_of is None and notes[1].similarity is None
    assert all(sent.article != 0 for sent in s.sentences)
    assert any("collapsed: a near copy of" in w for w in s.warnings)
    cli = run_precis("summarize", "--json", "--diagnostics", "--collapse-copies",
                     *map(str, daraa_files))
    assert s.to_json() + "\n" == cli.decode("utf-8")
    assert precis.summarize(daraa_texts, names=daraa_names).articles == ()
