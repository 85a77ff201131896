"""Library errors surface as precis.Error subclasses with status and message.

Design: each case provokes one status code through the public API and checks
the class, the status, and the library's exact message; the Python-side
checks use the same classes.
"""

import pickle

import pytest

import precis

TEXT = ("The council voted on Tuesday to close the old bridge for repairs. "
        "Engineers said the bridge had cracks in two of its main supports.")


def test_bad_budget_is_an_argument_error():
    with pytest.raises(precis.ArgumentError) as info:
        precis.summarize([TEXT], words=0)
    e = info.value
    assert e.status == precis.Status.ARGUMENT == 6
    assert e.message == "words needs a whole number from 1 to 9223372036854775807, not '0'"
    assert isinstance(e, precis.Error) and isinstance(e, ValueError)


def test_unknown_method_names_it():
    with pytest.raises(precis.ArgumentError, match="'sparkle'") as info:
        precis.summarize([TEXT], method="sparkle")
    assert "lexrank" in info.value.message  # the message lists the methods


def test_unknown_setting_and_value_out_of_range():
    with pytest.raises(precis.ArgumentError, match="^unknown setting 'colour'"):
        precis.summarize([TEXT], settings={"colour": "blue"})
    with pytest.raises(precis.ArgumentError) as info:
        precis.summarize([TEXT], settings={"redundancy": 2})
    assert info.value.message == "redundancy needs a number from 0 to 1, not '2'"


def test_two_budgets_are_refused():
    with pytest.raises(precis.ArgumentError, match="only one of words, bytes, sentences"):
        precis.summarize([TEXT], words=10, sentences=2)


def test_names_must_match_texts():
    with pytest.raises(precis.ArgumentError, match="1 names for 2 articles"):
        precis.summarize([TEXT, TEXT], names=["a"])


def test_empty_input_is_an_empty_error():
    with pytest.raises(precis.EmptyError) as info:
        precis.summarize(["", "   \n  "])
    assert info.value.status == precis.Status.EMPTY
    assert info.value.message == "no article text to summarize"
    with pytest.raises(precis.EmptyError):
        precis.summarize([])


def test_binary_input_is_a_binary_error():
    with pytest.raises(precis.BinaryError) as info:
        precis.summarize([bytes(range(256)) * 8])
    assert info.value.status == precis.Status.BINARY


def test_bad_json_line_is_a_format_error_naming_source_and_line():
    with pytest.raises(precis.FormatError) as info:
        precis.parse_cluster('{"id": 1, "document": 5}', source="in.jsonl", line_number=3)
    e = info.value
    assert (e.source, e.line) == ("in.jsonl", 3)
    assert str(e) == 'in.jsonl:3: no "document" string or "documents" array'


def test_wrong_types_are_type_errors():
    with pytest.raises(TypeError):
        precis.summarize("one string, not a list")
    with pytest.raises(TypeError):
        precis.summarize([TEXT], words=[100])


def test_rouge_errors():
    with pytest.raises(precis.ArgumentError, match="at least one reference"):
        precis.rouge("a b c", [])
    with pytest.raises(precis.ArgumentError):
        precis.rouge("a b c", ["a b"], flags="-z 3")
    with pytest.raises(precis.ArgumentError, match="words or bytes, not both"):
        precis.rouge("a b c", ["a b"], words=3, bytes=10)


def test_story_errors():
    with pytest.raises(precis.FormatError, match="article x"):
        precis.cluster([{"id": "x", "text": TEXT, "date": "yesterday"}])
    with pytest.raises(precis.FormatError, match="duplicate id 'a'"):
        precis.cluster([{"id": "a", "text": TEXT}, {"id": "a", "text": TEXT}])
    with pytest.raises(precis.ArgumentError, match="threshold"):
        precis.cluster([TEXT], threshold=1.5)
    with pytest.raises(precis.ArgumentError):
        precis.dedup([TEXT], bands=0)


def test_errors_pickle_with_their_fields():
    try:
        precis.parse_cluster("{", source="s.jsonl", line_number=9)
    except precis.FormatError as e:
        back = pickle.loads(pickle.dumps(e))
        assert type(back) is precis.FormatError
        assert (back.status, back.message, back.source, back.line) == (
            e.status, e.message, e.source, e.line)
        assert str(back) == str(e)
    else:
        pytest.fail("no FormatError")
