"""Wrong types give a TypeError naming the argument; bad values a
QuotewiseError subclass saying what and where."""

from __future__ import annotations

import pickle

import pytest

import quotewise

TEXT_CASES = [b"bytes", None, 42, 4.2, ["a list"]]


@pytest.mark.parametrize("bad", TEXT_CASES)
def test_extract_text_must_be_str(extractor, bad):
    with pytest.raises(TypeError, match=r"^argument 'text' must be str, not \w+$"):
        extractor.extract(bad)


@pytest.mark.parametrize("bad", [b"id", 7, 1.5])
def test_extract_id_must_be_str_or_none(extractor, bad):
    with pytest.raises(TypeError, match="argument 'id' must be str or None, not"):
        extractor.extract("text", id=bad)


def test_extract_many_texts_must_be_an_iterable_of_str(extractor):
    with pytest.raises(TypeError, match="argument 'texts' must be an iterable of str .*, not str"):
        extractor.extract_many("one string")
    with pytest.raises(TypeError, match="argument 'texts' must be an iterable of str, not int"):
        extractor.extract_many(5)
    with pytest.raises(TypeError, match=r"argument 'texts\[2\]' must be str, not bytes"):
        extractor.extract_many(["a", "b", b"c"])
    with pytest.raises(TypeError, match=r"argument 'texts\[1\]' must be str, not NoneType"):
        extractor.extract_many(["a", None])
    with pytest.raises(TypeError, match=r"'texts\[0\]' must be str, not float \(a missing value, NaN"):
        extractor.extract_many([float("nan")])


def test_extract_many_ids_and_threads_are_checked(extractor):
    with pytest.raises(TypeError, match=r"argument 'ids\[1\]' must be str, not int"):
        extractor.extract_many(["a", "b"], ids=["x", 2])
    with pytest.raises(ValueError, match="ids has 1 items but texts has 2"):
        extractor.extract_many(["a", "b"], ids=["x"])
    with pytest.raises(ValueError, match="threads must be at least 1, got 0"):
        extractor.extract_many(["a"], threads=0)
    for bad in ["2", 2.0, True]:
        with pytest.raises(TypeError, match="argument 'threads' must be a positive int or None"):
            extractor.extract_many(["a"], threads=bad)


def test_extractor_options_are_type_checked():
    with pytest.raises(TypeError, match="argument 'indirect' must be bool, not str"):
        quotewise.Extractor(indirect="yes")
    with pytest.raises(TypeError, match="argument 'partial' must be bool, not int"):
        quotewise.Extractor(partial=1)
    with pytest.raises(TypeError, match="argument 'min_confidence' must be a float, not str"):
        quotewise.Extractor(min_confidence="high")
    with pytest.raises(TypeError, match="unexpected keyword argument 'speed'"):
        quotewise.Extractor(speed=3)


def test_other_arguments_are_type_checked(doc):
    with pytest.raises(TypeError, match="argument 'quote' must be Quote, not str"):
        doc.speaker_entity("a quote")
    with pytest.raises(TypeError, match="argument 'data' must be str, not bytes"):
        quotewise.Document.from_json(b"{}")
    with pytest.raises(TypeError, match="argument 'text' must be str or None, not int"):
        quotewise.Document.from_json(doc.to_json(), 3)
    with pytest.raises(TypeError, match=r"argument 'docs\[1\]' must be Document, not str"):
        quotewise.to_pandas([doc, "not a doc"])
    with pytest.raises(TypeError, match="argument 'docs' must be a Document or an iterable"):
        quotewise.to_pandas(5)


def test_bad_json_is_a_parse_error_with_line_and_column():
    with pytest.raises(quotewise.ParseError) as info:
        quotewise.Quote.from_json('{"kind": "direct",\n "content": oops}')
    err = info.value
    assert isinstance(err, ValueError) and isinstance(err, quotewise.QuotewiseError)
    assert err.line == 2 and err.column is not None and err.file is None
    assert str(err).startswith("line 2:column ")
    assert "expected the JSON of a quote" in err.message
    with pytest.raises(quotewise.ParseError, match="unknown variant `shouted`"):
        quotewise.Quote.from_json('{"kind": "shouted", "content": [], "cue": null, "speaker": null}')


def test_lone_surrogates_are_a_unicode_error_not_a_crash(extractor):
    with pytest.raises(UnicodeEncodeError):
        extractor.extract("bad \ud800 text")
    # In a batch too, whichever thread count, and before any extraction.
    for threads in (None, 1, 2):
        with pytest.raises(UnicodeEncodeError):
            extractor.extract_many(["“Yes,” she said.", "bad \ud800 text", "ok"], threads=threads)


def test_exception_hierarchy_mirrors_error_kinds():
    assert issubclass(quotewise.GazetteerError, ValueError)
    assert issubclass(quotewise.ParseError, ValueError)
    assert issubclass(quotewise.ConfigError, ValueError)
    assert issubclass(quotewise.ReadError, OSError)
    assert issubclass(quotewise.InternalError, RuntimeError)
    for cls in (quotewise.GazetteerError, quotewise.ParseError, quotewise.ConfigError,
                quotewise.ReadError, quotewise.InternalError):
        assert issubclass(cls, quotewise.QuotewiseError)


def test_errors_carry_file_and_line_and_pickle():
    err = quotewise.GazetteerError("people.csv:line 3: duplicate id Q1", "duplicate id Q1",
                                   "people.csv", 3)
    assert (err.file, err.line, err.column, err.message) == ("people.csv", 3, None, "duplicate id Q1")
    again = pickle.loads(pickle.dumps(err))
    assert type(again) is quotewise.GazetteerError
    assert (str(again), again.file, again.line) == (str(err), "people.csv", 3)
