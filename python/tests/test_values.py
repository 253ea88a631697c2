"""Documents, quotes, speakers, entities, spans: attributes, JSON, pickle,
repr."""

from __future__ import annotations

import json
import multiprocessing
import pickle
from concurrent.futures import ProcessPoolExecutor

import pytest

import quotewise
from conftest import TWO_SPEAKERS


def test_quote_speaker_and_entity_attributes(doc):
    first, cont, bob, partial = doc.quotes
    assert (first.kind, first.text, first.method, first.confidence) == (
        "direct", "“Prices will fall,”", "speech_tag", pytest.approx(0.95))
    assert first.cue.text == "said"
    assert TWO_SPEAKERS[first.char_start:first.char_end] == first.text
    speaker = first.speaker
    assert (speaker.mention.text, speaker.entity, speaker.method, speaker.resolution) == (
        "Ana Díaz", 0, "speech_tag", "name")
    assert cont.speaker.mention is None and cont.method == "continuation"
    assert doc.speaker_entity(cont).name == "Ana Díaz"
    assert doc.speaker_entity(bob).name == "Bob Lee"
    assert doc.speaker_entity(partial) is None
    assert partial.speaker.resolution == "unresolved"

    ana, lee = doc.entities
    assert (ana.id, ana.name, ana.kind, ana.gender, ana.gazetteer_id, ana.link) == (
        0, "Ana Díaz", "person", "female", "Q1", "exact")
    assert ana.descriptors == ["economist"]
    assert [m.text for m in ana.mentions] == ["Ana Díaz"]
    assert (lee.gender, lee.gazetteer_id, lee.link) == (None, None, None)


def test_quote_without_speaker_has_no_method_or_confidence():
    quote = quotewise.Quote.from_json(json.dumps(
        {"kind": "partial", "content": [], "cue": None, "speaker": None}))
    assert (quote.speaker, quote.method, quote.confidence, quote.text) == (None, None, None, "")


def test_split_quote_text_joins_its_pieces():
    text = "“A,” he said, “B.”"
    pieces = [{"start": 0, "end": 8, "char_start": 0, "char_end": 4, "text": "“A,”"},
              {"start": 16, "end": 24, "char_start": 14, "char_end": 18, "text": "“B.”"}]
    quote = quotewise.Quote.from_json(json.dumps(
        {"kind": "direct", "content": pieces, "cue": None, "speaker": None}))
    assert quote.text == "“A,” “B.”"
    assert (quote.char_start, quote.char_end) == (0, 18)
    assert [text[p.char_start:p.char_end] for p in quote.content] == ["“A,”", "“B.”"]


def test_to_dict_and_to_json_agree_and_round_trip(doc):
    assert doc.to_dict() == json.loads(doc.to_json())
    assert doc.to_dict()["quotes"][0]["speaker"]["method"] == "speech_tag"
    assert quotewise.Document.from_json(doc.to_json(), doc.text) == doc
    without_text = quotewise.Document.from_json(doc.to_json())
    assert without_text.text is None and without_text != doc
    for value, cls in [(doc.quotes[0], quotewise.Quote), (doc.entities[0], quotewise.Entity),
                       (doc.quotes[0].speaker, quotewise.Speaker),
                       (doc.quotes[0].content[0], quotewise.Span)]:
        assert value.to_dict() == json.loads(value.to_json())
        assert cls.from_json(value.to_json()) == value


@pytest.mark.parametrize("protocol", [2, pickle.HIGHEST_PROTOCOL])
def test_everything_pickles(doc, protocol):
    ex = quotewise.Extractor(indirect=False, min_confidence=0.3)
    ex2 = pickle.loads(pickle.dumps(ex, protocol))
    assert type(ex2) is quotewise.Extractor and ex2.to_json() == ex.to_json()
    assert (ex2.indirect, ex2.min_confidence) == (False, pytest.approx(0.3))
    for value in [doc, doc.quotes[0], doc.quotes[1], doc.entities[0],
                  doc.quotes[0].speaker, doc.quotes[0].content[0]]:
        again = pickle.loads(pickle.dumps(value, protocol))
        assert type(again) is type(value)
        assert again == value
    assert pickle.loads(pickle.dumps(doc, protocol)).text == doc.text


def _count_quotes(job):
    extractor, text = job
    return len(extractor.extract(text).quotes), extractor.extract(text)


def test_extractor_and_documents_cross_process_boundaries(sample):
    extractor = quotewise.Extractor(partial=False)
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=1, mp_context=context) as pool:
        count, doc = pool.submit(_count_quotes, (extractor, sample)).result(timeout=120)
    assert doc == extractor.extract(sample)
    assert count == len(doc.quotes)


def _batch_in_child(extractor, texts, threads, results):
    results.put([len(d.quotes) for d in extractor.extract_many(texts, threads=threads)])


@pytest.mark.parametrize("threads", [None, 2])
def test_a_forked_child_gets_its_own_batch_threads(sample, threads):
    # The parent's batch threads do not exist in a forked child; the child
    # must start its own rather than wait for them forever.
    extractor = quotewise.Extractor()
    texts = [sample, sample[:500], sample]
    expected = [len(d.quotes) for d in extractor.extract_many(texts, threads=threads)]
    context = multiprocessing.get_context("fork")
    results = context.Queue()
    child = context.Process(target=_batch_in_child, args=(extractor, texts, threads, results))
    child.start()
    child.join(timeout=60)
    if child.is_alive():
        child.kill()
        child.join()
        pytest.fail("extract_many hung in a forked child")
    assert child.exitcode == 0
    assert results.get(timeout=10) == expected


def test_reprs_read_like_constructor_calls(doc):
    span = doc.quotes[0].content[0]
    assert repr(span) == (f"Span(start={span.start}, end={span.end}, char_start={span.char_start}, "
                          f"char_end={span.char_end}, text='“Prices will fall,”')")
    assert eval(repr(span), {"Span": quotewise.Span}) == span
    assert repr(doc.quotes[0]) == (
        "Quote(kind='direct', text='“Prices will fall,”', speaker='Ana Díaz', "
        f"char_start=0, char_end={len('“Prices will fall,”')})")
    assert repr(doc.quotes[0].speaker) == (
        "Speaker(mention='Ana Díaz', entity=0, method='speech_tag', resolution='name', "
        "confidence=0.95)")
    assert repr(doc.entities[0]) == "Entity(id=0, name='Ana Díaz', kind='person', gazetteer_id='Q1')"
    assert repr(doc) == "Document(id='d1', quotes=<4 quotes>, entities=<2 entities>)"
    assert repr(quotewise.Span(0, 3, 0, 2, "a'\n")) == (
        "Span(start=0, end=3, char_start=0, char_end=2, text=\"a'\\n\")")


def test_values_are_immutable_and_unhashable(doc):
    with pytest.raises(AttributeError):
        doc.quotes[0].kind = "indirect"  # type: ignore[misc]
    with pytest.raises(TypeError, match="unhashable"):
        hash(doc)
    assert doc.quotes[0] != doc.quotes[1]
    assert doc != "a string"


def test_confidence_is_the_same_number_everywhere(extractor, sample):
    """Three decimals made in the core: the attribute, repr, to_dict and
    to_json agree (no f32 noise such as 0.949999988079071)."""
    [quote] = extractor.extract("“We will win,” Jane Smith said.").quotes
    c = quote.confidence
    assert c is not None and c == quote.speaker.confidence and c >= 0.8
    assert round(c, 3) == c and len(repr(c)) <= 5
    assert f"confidence={c!r})" in repr(quote.speaker)
    assert quote.to_dict()["speaker"]["confidence"] == c
    assert f'"confidence":{c!r}' in quote.to_json()
    speakers = [q.speaker for q in extractor.extract(sample).quotes if q.speaker is not None]
    assert len(speakers) > 10
    for s in speakers:
        assert round(s.confidence, 3) == s.confidence and len(repr(s.confidence)) <= 5, s
        assert f"confidence={s.confidence!r})" in repr(s)
        assert json.loads(s.to_json())["confidence"] == s.confidence


def test_min_confidence_is_exact_at_three_decimals(extractor):
    text = "“We will win,” Jane Smith said."
    c = extractor.extract(text).quotes[0].confidence
    assert c is not None and c < 1.0
    # The threshold is exact: at the speaker's confidence it stays, a
    # thousandth above it goes.
    assert quotewise.Extractor(min_confidence=c).extract(text).quotes[0].speaker is not None
    above = round(c + 0.001, 3)
    assert quotewise.Extractor(min_confidence=above).extract(text).quotes[0].speaker is None
    assert quotewise.Extractor(min_confidence=0.855).min_confidence == 0.855


def test_a_quote_in_two_pieces(extractor):
    text = "“We will win,” Jane Smith said, “and soon.”"
    [quote] = extractor.extract(text).quotes
    first, second = quote.pieces
    assert (first.text, second.text) == ("“We will win,”", "“and soon.”")
    for piece in quote.pieces:
        assert text[piece.char_start:piece.char_end] == piece.text
    assert quote.content == quote.pieces
    # text joins the pieces; char_start:char_end is the whole extent, tag included.
    assert quote.text == "“We will win,” “and soon.”"
    assert (quote.char_start, quote.char_end) == (first.char_start, second.char_end)
    assert text[quote.char_start:quote.char_end] == text
    assert "Jane Smith said" not in quote.text


def test_document_lists_hand_out_the_same_objects(extractor, sample):
    doc = extractor.extract(sample)
    quotes, again = doc.quotes, doc.quotes
    assert quotes is not again and quotes == again
    assert all(a is b for a, b in zip(quotes, again))
    assert doc.entities[0] is doc.entities[0]
    quotes.clear()  # the caller's list; the document keeps its quotes
    assert len(doc.quotes) == len(again) > 0
