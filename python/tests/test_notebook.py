"""The notebook view (_repr_html_) and the pandas helpers."""

from __future__ import annotations

import html
import re
import sys

import pytest

import quotewise
from conftest import TWO_SPEAKERS, two_speaker_doc

pd = pytest.importorskip("pandas")


def visible_text(markup: str) -> str:
    """What a browser shows of the text div: tags dropped, entities decoded."""
    body = markup.split('<div style="white-space:pre-wrap;line-height:1.6">', 1)[1]
    body = body.rsplit("</div></div>", 1)[0]
    return html.unescape(re.sub(r"<[^>]*>", "", body))


def test_html_shows_the_whole_text_once(doc, sample, extractor):
    assert visible_text(doc._repr_html_()) == TWO_SPEAKERS
    assert visible_text(extractor.extract(sample)._repr_html_()) == sample


def test_html_colours_each_speaker_and_has_a_legend(doc):
    markup = doc._repr_html_()
    marks = re.findall(r'<mark style="background:(#[0-9a-f]{6});color:inherit" title="([^"]*)">(.*?)</mark>',
                       markup)
    colour = {html.unescape(text): c for c, _, text in marks}
    assert colour["“Prices will fall,”"] == colour["“Wages too.”"]  # Ana Díaz, twice
    assert colour["“Not this year.”"] != colour["“Prices will fall,”"]
    assert len({colour["“bold”"], colour["“Not this year.”"], colour["“Wages too.”"]}) == 3
    assert "Ana Díaz (2)" in markup and "Bob Lee (1)" in markup
    assert "officials (unresolved) (1)" in markup
    assert "direct quote · Ana Díaz · speech_tag · confidence 0.95" in html.unescape(markup)
    # speaker mentions are in bold
    assert re.search(r"<b [^>]*>Ana Díaz</b>", markup)
    assert markup.startswith('<div class="quotewise-document"><div style="margin-bottom:0.6em">'
                             "<strong>d1</strong>")


def test_html_escapes_markup_in_the_text_ids_and_names():
    text = ("<script>alert('x')</script> & “Prices will fall,” Ana Díaz said. “Wages too.” "
            "Bob Lee <b>disagreed</b>: “Not this year.” The plan is “bold”, officials said.")
    doc = two_speaker_doc(text, doc_id="<img src=x onerror=alert(1)>")
    markup = doc._repr_html_()
    assert "<script>" not in markup and "<b>bold</b>" not in markup and "<img" not in markup
    assert "&lt;script&gt;" in markup and "&amp;" in markup
    assert visible_text(markup) == doc.text


def test_html_without_quotes_or_text():
    empty = quotewise.Extractor().extract("Nothing <here>.")
    markup = empty._repr_html_()
    assert "no quotes found" in markup and "Nothing &lt;here&gt;." in markup
    no_text = quotewise.Document.from_json(two_speaker_doc().to_json())
    table = no_text._repr_html_()
    assert "<table>" in table and "<td>“Prices will fall,”</td><td>Ana Díaz</td>" in table


def test_html_nested_quotes_take_the_innermost_colour():
    text = "“He called it “bold” today,” Ana Díaz said."
    doc = two_speaker_doc()  # reuse the shape, replace the quotes
    import json
    data = json.loads(doc.to_json())
    outer = {"kind": "direct", "content": [{"start": 0, "end": len("“He called it “bold” today,”".encode()),
             "char_start": 0, "char_end": 28, "text": text[:28]}], "cue": None,
             "speaker": data["quotes"][0]["speaker"] | {"mention": None}}
    inner = {"kind": "partial", "content": [{"start": len("“He called it ".encode()),
             "end": len("“He called it “bold”".encode()), "char_start": 14, "char_end": 20,
             "text": "“bold”"}], "cue": None, "speaker": None}
    data["quotes"] = [outer, inner]
    nested = quotewise.Document.from_json(json.dumps(data), text)
    markup = nested._repr_html_()
    assert visible_text(markup) == text
    assert re.search(r'background:#dee2e6;color:inherit" title="partial quote · no speaker found">“bold”',
                     markup)


def test_to_pandas_has_one_row_per_quote(doc):
    other = quotewise.Extractor().extract("“Hi,” she said.", id="d2")
    frame = quotewise.to_pandas([doc, other])
    assert list(frame.columns) == ["doc", "doc_id", "language", "genre", "quote", "kind",
                                   "speaker",
                                   "entity_id",
                                   "gazetteer_id", "method", "resolution", "confidence",
                                   "addressee", "addressee_id",
                                   "char_start", "char_end", "cue", "error"]
    assert len(frame) == len(doc.quotes) + len(other.quotes)
    first = frame.iloc[0]
    assert (first.doc, first.doc_id, first.quote, first.kind, first.speaker, first.entity_id,
            first.gazetteer_id, first.method, first.resolution, first.cue) == (
        0, "d1", "“Prices will fall,”", "direct", "Ana Díaz", 0, "Q1", "speech_tag", "name", "said")
    assert first.confidence == pytest.approx(0.95)
    assert frame.iloc[1].speaker == "Ana Díaz"  # continuation: name from the entity
    assert frame.iloc[3].speaker == "officials" and pd.isna(frame.iloc[3].entity_id)
    assert set(frame[frame.doc == 1].doc_id) <= {"d2"}
    for row in frame[frame.doc == 0].itertuples():
        assert doc.text[row.char_start:row.char_end] == row.quote
    assert str(frame.entity_id.dtype) == "Int64"
    assert str(frame.addressee_id.dtype) == "Int64"
    assert frame.error.isna().all()
    assert frame[frame.doc == 0].groupby("speaker").size().to_dict() == {"Ana Díaz": 2, "Bob Lee": 1, "officials": 1}


def test_document_to_pandas_equals_module_function(doc):
    pd.testing.assert_frame_equal(doc.to_pandas(), quotewise.to_pandas([doc]))
    pd.testing.assert_frame_equal(doc.entities_to_pandas(), quotewise.entities_to_pandas(doc))


def test_to_pandas_of_nothing_has_the_columns():
    frame = quotewise.to_pandas([])
    assert frame.empty and "speaker" in frame.columns
    assert quotewise.entities_to_pandas([]).empty


def test_entities_to_pandas(doc):
    frame = quotewise.entities_to_pandas([doc])
    assert list(frame.columns) == ["doc", "doc_id", "entity_id", "name", "kind", "gender",
                                   "gazetteer_id", "link", "mentions", "quotes", "descriptors"]
    ana = frame.iloc[0]
    assert (ana.entity_id, ana["name"], ana.kind, ana.gender, ana.gazetteer_id, ana.link,
            ana.mentions, ana.quotes, ana.descriptors) == (
        0, "Ana Díaz", "person", "female", "Q1", "exact", 1, 2, ["economist"])
    assert frame.iloc[1].quotes == 1


def test_missing_pandas_is_a_clear_import_error(doc, monkeypatch):
    monkeypatch.setitem(sys.modules, "pandas", None)  # import pandas now fails
    with pytest.raises(ImportError, match=r"quotewise.to_pandas needs pandas, which is not installed: "
                                          r"pip install pandas"):
        quotewise.to_pandas([doc])
    with pytest.raises(ImportError, match="entities_to_pandas needs pandas"):
        doc.entities_to_pandas()


def test_to_pandas_has_the_addressees():
    text = ("“Where are you going, Jane?” asked Mary.\n\n"
            "“Home,” Jane replied.")
    frame = quotewise.Extractor().extract(text).to_pandas()
    assert list(frame.speaker) == ["Mary", "Jane"]
    assert list(frame.addressee) == ["Jane", "Mary"]
    assert frame.addressee_id.iloc[0] == frame.entity_id.iloc[1]
