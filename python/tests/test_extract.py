"""Extractor: extract, extract_many, options, the GIL."""

from __future__ import annotations

import importlib.util
import threading

import pytest

import quotewise
from conftest import ROOT

JANE = "“We will win,” Jane Smith said."


def test_extract_finds_a_direct_quote_with_its_marks(extractor):
    doc = extractor.extract(JANE)
    assert isinstance(doc, quotewise.Document)
    [quote] = [q for q in doc.quotes if q.kind == "direct"]
    assert quote.text == "“We will win,”"
    assert JANE[quote.char_start : quote.char_end] == quote.text


def test_speaker_and_entity_of_a_speech_tag(extractor):
    """The pipeline's contract, seen through the bindings."""
    doc = extractor.extract(JANE)
    [quote] = doc.quotes
    assert (quote.kind, quote.method, quote.cue.text) == ("direct", "speech_tag", "said")
    assert quote.speaker.mention.text == "Jane Smith"
    assert 0 < quote.confidence <= 1
    entity = doc.speaker_entity(quote)
    assert (entity.name, entity.kind, entity.id) == ("Jane Smith", "person", quote.speaker.entity)
    assert doc.entities[entity.id] == entity


def test_dialogue_turns_and_addressees(extractor):
    text = (
        "Mary and Jane sat by the fire with Tom.\n"
        "“Where is the key?” asked Tom.\n"
        "“Jane, tell him,” said Mary.\n"
        "“It is in the drawer.”"
    )
    doc = extractor.extract(text)
    assert [doc.speaker_entity(q).name for q in doc.quotes] == ["Tom", "Mary", "Jane"]
    assert doc.quotes[2].method == "turn"
    vocative = doc.quotes[1].addressee
    assert isinstance(vocative, quotewise.Addressee)
    assert vocative.mention.text == "Jane"
    assert doc.addressee_entity(doc.quotes[1]).name == "Jane"
    assert doc.quotes[0].addressee.mention is None
    assert doc.addressee_entity(doc.quotes[0]).name == "Mary"
    assert quotewise.Addressee.from_json(vocative.to_json()) == vocative
    assert repr(vocative) == f"Addressee(mention='Jane', entity={vocative.entity})"


def test_sample_article_speakers(extractor, sample):
    doc = extractor.extract(sample)
    direct = [q for q in doc.quotes if q.kind == "direct"]
    assert len(direct) >= 5
    assert all(doc.speaker_entity(q).name == "Vladimir Putin" for q in direct)
    last = doc.quotes[-1]
    assert last.text.startswith("that the footage")
    assert doc.speaker_entity(last).name == "Dmitry Peskov"


def test_char_offsets_slice_the_python_string_and_byte_offsets_the_utf8(extractor):
    text = "Ünïcödé prelude — ça. “Ça va très bien,” Zoë said."
    doc = extractor.extract(text)
    [quote] = [q for q in doc.quotes if q.kind == "direct"]
    [piece] = quote.content
    assert text[piece.char_start : piece.char_end] == piece.text == "“Ça va très bien,”"
    assert text.encode()[piece.start : piece.end].decode() == piece.text
    assert piece.start > piece.char_start  # multi-byte chars before it


def test_every_str_storage_width_reads_the_same_twice(extractor):
    # CPython stores a str in 1, 2 or 4 bytes a char; the text is read as
    # UTF-8 (made on the first call and kept by the str, or its own bytes
    # when ASCII), so a second call and a batch must see the same text.
    for text in [
        "“Fine,” Jane Smith said.",  # ASCII
        "“Très bien,” Zoë said.",  # Latin-1: 1 byte a char, not UTF-8
        "“Всё хорошо,” Jane Smith said.",  # 2 bytes a char
        "“All good 😀,” Jane Smith said. 🎉",  # 4 bytes a char
    ]:
        first = extractor.extract(text)
        [quote] = first.quotes
        [piece] = quote.content
        assert text[piece.char_start : piece.char_end] == piece.text, text
        assert text.encode()[piece.start : piece.end].decode() == piece.text, text
        assert extractor.extract(text) == first, text
        assert extractor.extract_many([text, text], threads=2) == [first, first], text


def test_id_and_text_are_kept(extractor):
    doc = extractor.extract(JANE, id="a-1")
    assert doc.id == "a-1"
    assert doc.text == JANE
    assert extractor.extract(JANE).id is None


def test_empty_and_quoteless_texts_give_empty_documents(extractor):
    assert extractor.extract("").quotes == []
    assert extractor.extract("Nothing was said.").quotes == []


def test_extract_many_equals_extract_in_order(extractor, sample):
    texts = [sample, JANE, "", "No quotes.", sample[:500]] * 3
    expected = [extractor.extract(t) for t in texts]
    assert extractor.extract_many(texts) == expected
    assert extractor.extract_many(texts, threads=1) == expected
    assert extractor.extract_many(texts, threads=2) == expected


def test_extract_many_takes_any_iterable_and_ids(extractor):
    docs = extractor.extract_many((t for t in [JANE, "x"]), ids=iter(["a", "b"]))
    assert [d.id for d in docs] == ["a", "b"]
    assert [d.text for d in docs] == [JANE, "x"]
    assert extractor.extract_many([]) == []


def test_extract_many_takes_a_pandas_series(extractor):
    pd = pytest.importorskip("pandas")
    frame = pd.DataFrame({"id": ["x", "y"], "text": [JANE, "nothing"]})
    docs = extractor.extract_many(frame["text"], ids=frame["id"])
    assert [d.id for d in docs] == ["x", "y"]
    assert docs[0] == extractor.extract(JANE, id="x")


def test_extract_many_releases_the_gil(extractor, sample):
    texts = [sample] * 4000  # long enough that the call takes a while
    state = {"started": threading.Event(), "done": threading.Event()}

    def work() -> None:
        state["started"].set()
        extractor.extract_many(texts)
        state["done"].set()

    worker = threading.Thread(target=work)
    worker.start()
    state["started"].wait()
    ticks = 0
    while not state["done"].is_set():
        ticks += 1
    worker.join()
    # With the GIL held for the whole call this thread could not run at all
    # until it returned; released, it spins many times meanwhile.
    assert ticks > 1000


def test_options_are_kept_and_checked():
    ex = quotewise.Extractor(indirect=False, partial=False, min_confidence=0.5)
    assert (ex.indirect, ex.partial, ex.min_confidence) == (False, False, 0.5)
    default = quotewise.Extractor()
    assert (default.indirect, default.partial, default.min_confidence) == (True, False, 0.0)
    with pytest.raises(quotewise.ConfigError, match="min_confidence must be a number in 0..=1, got 1.5"):
        quotewise.Extractor(min_confidence=1.5)
    with pytest.raises(ValueError):
        quotewise.Extractor(min_confidence=-1)


def test_options_change_results(sample):
    """The options reach the pipeline: indirect=False drops indirect speech,
    and partial quotes (off by default) never appear unless asked for."""
    default = quotewise.Extractor().extract(sample)
    assert not any(q.kind == "partial" for q in default.quotes)
    assert any(q.kind == "indirect" for q in default.quotes)
    without_indirect = quotewise.Extractor(indirect=False).extract(sample)
    assert not any(q.kind == "indirect" for q in without_indirect.quotes)
    assert [q for q in default.quotes if q.kind == "direct"] == [
        q for q in without_indirect.quotes if q.kind == "direct"]


def test_repr_reads_like_a_constructor_call():
    ex = quotewise.Extractor(indirect=False, min_confidence=0.25)
    assert repr(ex) == "Extractor(indirect=False, partial=False, min_confidence=0.25)"
    again = eval(repr(ex), {"Extractor": quotewise.Extractor})
    assert again.to_json() == ex.to_json()


def test_version_matches_the_workspace():
    cargo = (ROOT / "Cargo.toml").read_text()
    assert f'version = "{quotewise.__version__}"' in cargo


def test_rust_timing_hook_for_the_benchmark(extractor):
    assert extractor._rust_seconds(JANE, 3) > 0.0
    assert 0.0 <= extractor._rust_seconds(JANE, 0) < 1e-3
    with pytest.raises(TypeError, match="argument 'text' must be str, not bytes"):
        extractor._rust_seconds(b"x", 1)


def test_a_failing_document_does_not_lose_the_batch(extractor):
    """One text of a batch fails (a panic inside extraction, made by the
    test hook): its document says so, every other comes back, in order."""
    import pickle

    import pandas as pd

    failing = extractor._panicking_on("BOOM")
    texts = [JANE, "“BOOM,” he said.", "No quotes here.", JANE]
    ids = ["a", "b", "c", "d"]
    for threads in (None, 1, 2):
        docs = failing.extract_many(texts, ids=ids, threads=threads)
        assert [d.id for d in docs] == ids
        assert [d.error is None for d in docs] == [True, False, True, True]
        for i in (0, 2, 3):
            assert docs[i] == extractor.extract(texts[i], id=ids[i])
        bad = docs[1]
        assert bad.quotes == [] and bad.entities == []
        assert bad.error.startswith("text 1 of the batch: internal error")
        assert "test panic" in bad.error and "BOOM" in bad.error
    # The error travels with the document: dict, JSON, pickle, repr, pandas.
    assert bad.to_dict()["error"] == bad.error and "error" not in docs[0].to_dict()
    assert pickle.loads(pickle.dumps(bad)) == bad
    assert quotewise.Document.from_json(bad.to_json()).error == bad.error
    assert repr(bad).endswith(f", error={bad.error!r})")
    frame = quotewise.to_pandas(docs)
    assert list(frame.columns)[-1] == "error"
    failed = frame[frame.error.notna()]
    assert (list(failed.doc), list(failed.doc_id), list(failed.error)) == ([1], ["b"], [bad.error])
    assert failed.iloc[0][["quote", "kind", "char_start", "char_end"]].isna().all()
    quotes = frame.dropna(subset=["quote"])
    assert list(quotes.doc) == [0, 3] and list(quotes.doc_id) == ["a", "d"]
    assert pd.isna(frame.error).sum() == 2
    assert "extraction failed: text 1 of the batch" in bad._repr_html_()
    # One text alone still raises: there is no batch to keep.
    with pytest.raises(quotewise.InternalError, match="test panic"):
        failing.extract("BOOM")


GERMAN = "„Wir werden die Reform nicht aufgeben“, sagte der Bundeskanzler am Montag in Berlin."
FRENCH = "« Nous ne reculerons pas », a déclaré le président devant les députés."


def test_each_document_says_its_language():
    ex = quotewise.Extractor()
    assert ex.language == "auto"
    assert ex.extract(GERMAN).language == "de"
    assert ex.extract(FRENCH).language == "fr"
    assert ex.extract("OK.").language is None
    assert [d.language for d in ex.extract_many([GERMAN, FRENCH])] == ["de", "fr"]


MIXED = (
    "“We will not back down,” said Labour Minister Joaquín Pérez on Monday.\n\n"
    "«No vamos a ceder ante nadie», dijo Joaquín Pérez en Madrid.\n\n"
    "„Wir stehen an der Seite der Beschäftigten“, sagte Joaquín Pérez am Dienstag in Berlin."
)


def test_each_quote_of_a_mixed_document_says_its_language():
    doc = quotewise.Extractor().extract(MIXED)
    assert [q.language for q in doc.quotes] == ["en", "es", "de"]
    assert [doc.speaker_entity(q).name for q in doc.quotes] == ["Joaquín Pérez"] * 3
    for q in doc.quotes:
        assert MIXED[q.char_start:q.char_end] == q.text
    pytest.importorskip("pandas")
    frame = doc.to_pandas()
    assert list(frame.language) == ["en", "es", "de"]
    # One language: the quotes carry none, the frame gives the document's.
    one = quotewise.Extractor().extract(GERMAN)
    assert [q.language for q in one.quotes] == [None]
    assert list(one.to_pandas().language) == ["de"]
    # Set by hand, the whole text is read in that language.
    assert {q.language for q in quotewise.Extractor(language="en").extract(MIXED).quotes} == {None}


def test_the_language_can_be_set_and_is_checked():
    ex = quotewise.Extractor(language="nl")
    assert ex.language == "nl"
    assert ex.extract(GERMAN).language == "nl"
    assert quotewise.Extractor(language="auto").language == "auto"
    assert quotewise.Extractor(language=None).language == "auto"
    with pytest.raises(quotewise.ConfigError, match='unknown language "xx": expected auto or one of'):
        quotewise.Extractor(language="xx")
    with pytest.raises(TypeError, match="language"):
        quotewise.Extractor(language=7)


def test_the_language_survives_repr_pickling_and_json():
    import pickle

    ex = quotewise.Extractor(indirect=False, language="de")
    assert repr(ex) == "Extractor(indirect=False, partial=False, min_confidence=0.0, language='de')"
    assert pickle.loads(pickle.dumps(ex)).language == "de"
    again = eval(repr(ex), {"Extractor": quotewise.Extractor})
    assert again.language == "de"
    doc = quotewise.Extractor().extract(GERMAN, id="g")
    assert doc.to_dict()["language"] == "de"
    assert repr(doc).startswith("Document(id='g', language='de', quotes=<")
    back = quotewise.Document.from_json(doc.to_json(), GERMAN)
    assert back.language == "de" and back == doc
    assert pickle.loads(pickle.dumps(doc)).language == "de"


DIALOGUE = ("“Where are you going?” asked Mary.\n\n“Home,” John replied.\n\n"
            "“Stay a little longer.”\n\n“I can’t.”")


def speakers(doc):
    return [doc.speaker_entity(q).name for q in doc.quotes]


def test_the_genre_is_read_from_the_text_or_set():
    auto = quotewise.Extractor()
    assert auto.genre == "auto"
    doc = auto.extract(DIALOGUE)
    assert doc.genre == "fiction"
    assert speakers(doc) == ["Mary", "John", "Mary", "John"]
    assert auto.extract(GERMAN).genre == "news"
    news = quotewise.Extractor(genre="news")
    assert news.genre == "news"
    doc = news.extract(DIALOGUE)
    assert doc.genre == "news"
    assert speakers(doc) == ["Mary", "John", "John", "John"]
    assert quotewise.Extractor(genre="fiction").extract(GERMAN).genre == "fiction"
    assert quotewise.Extractor(genre=None).genre == "auto"
    with pytest.raises(quotewise.ConfigError, match='unknown genre "novel": expected auto, news or fiction'):
        quotewise.Extractor(genre="novel")
    with pytest.raises(TypeError, match="genre"):
        quotewise.Extractor(genre=1)


def test_the_genre_survives_repr_pickling_json_and_pandas():
    import pickle

    ex = quotewise.Extractor(genre="fiction")
    assert repr(ex) == "Extractor(indirect=True, partial=False, min_confidence=0.0, genre='fiction')"
    assert eval(repr(ex), {"Extractor": quotewise.Extractor}).genre == "fiction"
    assert pickle.loads(pickle.dumps(ex)).genre == "fiction"
    doc = quotewise.Extractor().extract(DIALOGUE)
    assert doc.to_dict()["genre"] == "fiction"
    assert quotewise.Document.from_json(doc.to_json(), DIALOGUE).genre == "fiction"
    assert pickle.loads(pickle.dumps(doc)).genre == "fiction"
    if importlib.util.find_spec("pandas") is not None:
        assert set(quotewise.to_pandas([doc]).genre) == {"fiction"}


def test_pandas_has_the_language_of_each_quote():
    pytest.importorskip("pandas")
    docs = quotewise.Extractor().extract_many([GERMAN, FRENCH])
    frame = quotewise.to_pandas(docs)
    assert list(frame.language) == ["de", "fr"]
