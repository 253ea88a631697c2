"""Gazetteer: loading from files, records and DataFrames, matching, linking
through the Extractor, pickling and errors with file and line."""

from __future__ import annotations

import json
import pickle

import pytest

import quotewise

PEOPLE = [
    {"id": "Q7747", "name": "Vladimir Putin", "kind": "person", "gender": "male",
     "descriptors": ["Russian president", "Russian leader"]},
    {"id": "Q4063", "name": "Dmitry Peskov", "kind": "person", "gender": "male",
     "descriptors": ["Kremlin spokesman"]},
    {"id": "Q6279", "name": "Joe Biden", "kind": "person", "aliases": ["President Biden"]},
    {"id": "Q1", "name": "Rossiya 24", "kind": "media"},
]

CSV = """id,name,aliases,kind,descriptors,gender
Q7747,Vladimir Putin,,person,Russian president|Russian leader,male
Q4063,Dmitry Peskov,,person,Kremlin spokesman,male
Q6279,Joe Biden,President Biden,person,,
Q1,Rossiya 24,,media,,
"""


@pytest.fixture
def gazetteer() -> quotewise.Gazetteer:
    return quotewise.Gazetteer.from_records(PEOPLE)


def test_from_file_csv_jsonl_and_records_agree(tmp_path, gazetteer):
    csv = tmp_path / "people.csv"
    csv.write_text(CSV, encoding="utf-8")
    jsonl = tmp_path / "people.jsonl"
    jsonl.write_text("".join(json.dumps(r) + "\n" for r in PEOPLE), encoding="utf-8")
    from_csv = quotewise.Gazetteer.from_file(csv)
    from_jsonl = quotewise.Gazetteer.from_file(str(jsonl))
    assert len(from_csv) == len(from_jsonl) == len(gazetteer) == 4
    assert from_csv.entries == from_jsonl.entries == gazetteer.entries
    assert gazetteer.entries[0]["descriptors"] == ["Russian president", "Russian leader"]


def test_from_pandas_takes_lists_pipes_and_missing_values(gazetteer):
    pd = pytest.importorskip("pandas")
    frame = pd.DataFrame({
        "id": ["Q7747", "Q4063", "Q6279", "Q1"],
        "name": ["Vladimir Putin", "Dmitry Peskov", "Joe Biden", "Rossiya 24"],
        "aliases": [None, None, ["President Biden"], float("nan")],
        "kind": ["person", "person", "person", "media"],
        "descriptors": ["Russian president|Russian leader", ["Kremlin spokesman"], None, None],
        "gender": ["male", "male", None, None],
    })
    assert quotewise.Gazetteer.from_pandas(frame).entries == gazetteer.entries


def test_match_finds_names_variants_and_misspellings(gazetteer):
    text = "Putin told Rosiah 24 that Vladimir Putin would call President Biden."
    found = gazetteer.match(text)
    got = [(m.span.text, m.id, m.method) for m in found]
    assert ("Putin", "Q7747", "variant") in got
    assert ("Vladimir Putin", "Q7747", "exact") in got
    assert ("Rosiah 24", "Q1", "fuzzy") in got
    for m in found:
        assert text[m.span.char_start:m.span.char_end] == m.span.text
        assert 0 < m.score <= 1 and not m.is_ambiguous and m.candidates == []
    fuzzy = next(m for m in found if m.method == "fuzzy")
    assert fuzzy.score < 1 and fuzzy.name == "Rossiya 24"
    assert gazetteer.match("Nobody here.") == []


def test_lookup(gazetteer):
    assert gazetteer.lookup("Dmitri Peskow").id == "Q4063"
    assert gazetteer.lookup("Moscow") is None


def test_extractor_links_entities_and_speakers(gazetteer, sample):
    extractor = quotewise.Extractor(gazetteer=gazetteer)
    assert extractor.gazetteer is gazetteer
    assert quotewise.Extractor().gazetteer is None
    doc = extractor.extract(sample)
    linked = {e.gazetteer_id: e for e in doc.entities if e.gazetteer_id}
    assert linked["Q7747"].name == "Vladimir Putin" and linked["Q7747"].link is not None
    assert linked["Q4063"].name == "Dmitry Peskov"
    frame = quotewise.to_pandas(doc)
    assert "Q7747" in set(frame.gazetteer_id)
    assert doc.speaker_entity(doc.quotes[-1]).gazetteer_id == "Q4063"


def test_gazetteer_and_extractor_with_it_pickle(gazetteer, sample):
    again = pickle.loads(pickle.dumps(gazetteer))
    assert again.entries == gazetteer.entries and again.to_json() == gazetteer.to_json()
    extractor = quotewise.Extractor(gazetteer=gazetteer, indirect=False)
    copy = pickle.loads(pickle.dumps(extractor))
    assert copy.gazetteer.entries == gazetteer.entries and copy.indirect is False
    assert copy.extract(sample) == extractor.extract(sample)
    m = gazetteer.match("Putin said")[0]
    assert pickle.loads(pickle.dumps(m)) == m


def test_options_and_repr():
    g = quotewise.Gazetteer.from_records(PEOPLE, fuzzy=False, fuzzy_threshold=0.9)
    assert (g.variants, g.require_capital, g.fuzzy, g.fuzzy_threshold) == (True, True, False,
                                                                           pytest.approx(0.9))
    assert repr(g) == ("Gazetteer(<4 entries>, variants=True, require_capital=True, fuzzy=False, "
                       "fuzzy_threshold=0.9)")
    assert not any(m.method == "fuzzy" for m in g.match("Rosiah 24 said"))
    with pytest.raises(quotewise.ConfigError, match="fuzzy_threshold must be a number in 0..=1"):
        quotewise.Gazetteer.from_records(PEOPLE, fuzzy_threshold=2)
    with pytest.raises(TypeError, match="unexpected keyword argument 'fuzz'; the options are"):
        quotewise.Gazetteer.from_records(PEOPLE, fuzz=True)
    with pytest.raises(TypeError, match="argument 'fuzzy' must be bool, not str"):
        quotewise.Gazetteer.from_records(PEOPLE, fuzzy="no")


def test_file_errors_name_file_and_line(tmp_path):
    bad = tmp_path / "dup.csv"
    bad.write_text(CSV + "Q1,Someone Else,,person,,\n", encoding="utf-8")
    with pytest.raises(quotewise.GazetteerError) as info:
        quotewise.Gazetteer.from_file(bad)
    err = info.value
    assert isinstance(err, ValueError)
    assert err.file == str(bad) and err.line == 6
    assert "duplicate id 'Q1'" in str(err) and str(err).startswith(f"{bad}:line 6:")
    with pytest.raises(quotewise.ReadError) as missing:
        quotewise.Gazetteer.from_file(tmp_path / "missing.csv")
    assert isinstance(missing.value, OSError) and missing.value.file.endswith("missing.csv")
    kind = tmp_path / "kind.jsonl"
    kind.write_text(json.dumps(PEOPLE[0]) + "\n" + json.dumps({**PEOPLE[1], "kind": "persn"}) + "\n")
    with pytest.raises(quotewise.GazetteerError) as info:
        quotewise.Gazetteer.from_file(kind)
    assert info.value.line == 2 and "persn" in str(info.value)


def test_record_errors_say_which_record():
    with pytest.raises(quotewise.GazetteerError) as info:
        quotewise.Gazetteer.from_records([PEOPLE[0], {**PEOPLE[1], "name": "  "}])
    err = info.value
    assert (err.file, err.line, err.column) == ("<records>", 2, None)
    assert err.message.startswith("record 2 (records[1]): ") and "name" in err.message
    assert str(err) == f"<records>:line 2: {err.message}"
    with pytest.raises(quotewise.ParseError) as info:
        quotewise.Gazetteer.from_records([PEOPLE[0], PEOPLE[1], {"id": "x", "name": "X"}])
    err = info.value
    assert (err.file, err.line) == ("<records>", 3)
    assert err.message.startswith("record 3 (records[2]): missing field `kind`")
    assert "expected a JSON object with id, name, kind" in err.message
    with pytest.raises(quotewise.GazetteerError) as info:
        quotewise.Gazetteer.from_records([PEOPLE[0], {**PEOPLE[1], "kind": "persn"}])
    assert (info.value.file, info.value.line) == ("<records>", 2)
    assert "record 2 (records[1])" in info.value.message and "persn" in info.value.message


def test_wrong_types_name_the_argument(gazetteer):
    with pytest.raises(TypeError, match="argument 'path' must be str or os.PathLike, not int"):
        quotewise.Gazetteer.from_file(5)
    with pytest.raises(TypeError, match="argument 'records' must be an iterable of dicts, not str"):
        quotewise.Gazetteer.from_records("people.csv")
    with pytest.raises(TypeError, match="argument 'records' must be an iterable of dicts, not dict"):
        quotewise.Gazetteer.from_records(PEOPLE[0])
    with pytest.raises(TypeError, match=r"argument 'records\[1\]' must be a dict, not int"):
        quotewise.Gazetteer.from_records([PEOPLE[0], 5])
    with pytest.raises(TypeError, match=r"argument 'records\[0\]' cannot be written as JSON"):
        quotewise.Gazetteer.from_records([{**PEOPLE[0], "id": object()}])
    with pytest.raises(TypeError, match="argument 'frame' must be a pandas DataFrame, not list"):
        quotewise.Gazetteer.from_pandas(PEOPLE)
    with pytest.raises(TypeError, match="argument 'text' must be str, not bytes"):
        gazetteer.match(b"Putin")
    with pytest.raises(TypeError, match="argument 'gazetteer' must be Gazetteer or None, not str"):
        quotewise.Extractor(gazetteer="people.csv")


def test_extractor_repr_shows_its_gazetteer(gazetteer):
    assert repr(quotewise.Extractor(gazetteer)) == (
        "Extractor(gazetteer=Gazetteer(<4 entries>, variants=True, require_capital=True, "
        "fuzzy=True, fuzzy_threshold=0.8), indirect=True, partial=False, min_confidence=0.0)")
    assert repr(gazetteer.match("Putin said")[0]) == (
        "GazetteerMatch(text='Putin', id='Q7747', method='variant', score=1.00)")


def test_from_pandas_without_the_needed_columns_says_which():
    pd = pytest.importorskip("pandas")
    frame = pd.DataFrame({"id": ["a"], "kind": ["person"]})
    with pytest.raises(quotewise.ParseError, match="missing column 'name'") as err:
        quotewise.Gazetteer.from_pandas(frame)
    assert isinstance(err.value, ValueError)
