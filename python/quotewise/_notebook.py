"""Notebook helpers in pure Python: the HTML view of a document and pandas
DataFrames of quotes and entities. pandas is imported only when asked for."""

from __future__ import annotations

import html
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, Optional, Union

if TYPE_CHECKING:  # pragma: no cover - typing only
    import pandas

    from quotewise._quotewise import Addressee, Document, Entity, Quote, Speaker

# Light backgrounds that keep black text readable, one per speaker (cycled).
PALETTE = (
    "#ffd8a8",
    "#a5d8ff",
    "#b2f2bb",
    "#fcc2d7",
    "#d0bfff",
    "#ffec99",
    "#99e9f2",
    "#e9ecef",
    "#ffc9c9",
    "#c3fae8",
)
# Quotes without a speaker.
NO_SPEAKER = "#dee2e6"

QUOTE_COLUMNS = (
    "doc",
    "doc_id",
    "language",
    "genre",
    "quote",
    "kind",
    "speaker",
    "entity_id",
    "gazetteer_id",
    "method",
    "resolution",
    "confidence",
    "addressee",
    "addressee_id",
    "char_start",
    "char_end",
    "cue",
    "error",
)

ENTITY_COLUMNS = (
    "doc",
    "doc_id",
    "entity_id",
    "name",
    "kind",
    "gender",
    "gazetteer_id",
    "link",
    "mentions",
    "quotes",
    "descriptors",
)


def _name(entity: Optional[Entity], party: Optional[Union[Speaker, Addressee]]) -> Optional[str]:
    """The entity's name when resolved, else the mention's words, else ``None``."""
    if entity is not None:
        return entity.name
    if party is not None and party.mention is not None:
        return party.mention.text
    return None


def speaker_name(doc: Document, quote: Quote) -> Optional[str]:
    """The speaker's entity name when resolved, else the mention's words,
    else ``None``."""
    return _name(doc.speaker_entity(quote), quote.speaker)


def addressee_name(doc: Document, quote: Quote) -> Optional[str]:
    """The addressee's entity name when resolved, else the vocative's words,
    else ``None``."""
    return _name(doc.addressee_entity(quote), quote.addressee)


def _speaker_key(doc: Document, quote: Quote) -> tuple[str, str]:
    """A key grouping a quote with the other quotes of the same speaker, and
    the label shown in the legend."""
    entity = doc.speaker_entity(quote)
    if entity is not None:
        return f"entity:{entity.id}", entity.name
    name = speaker_name(doc, quote)
    if name is not None:
        return f"mention:{name}", f"{name} (unresolved)"
    return "none", "no speaker found"


def document_html(doc: Document) -> str:
    """The text of ``doc`` with each speaker's quotes highlighted in the
    speaker's colour (speaker mentions in bold), and a legend. Everything
    from the text is HTML-escaped."""
    quotes = doc.quotes
    colours: dict[str, str] = {}
    labels: dict[str, str] = {}
    counts: dict[str, int] = {}
    # (char_start, char_end, key, title) of quote pieces and of mentions
    pieces: list[tuple[int, int, str, str]] = []
    mentions: list[tuple[int, int, str]] = []
    for quote in quotes:
        key, label = _speaker_key(doc, quote)
        if key not in colours:
            colours[key] = NO_SPEAKER if key == "none" else PALETTE[
                sum(k != "none" for k in colours) % len(PALETTE)
            ]
            labels[key] = label
        counts[key] = counts.get(key, 0) + 1
        title = f"{quote.kind} quote · {label}"
        if quote.method is not None:
            title += f" · {quote.method} · confidence {quote.confidence:.2f}"
        for span in quote.content:
            pieces.append((span.char_start, span.char_end, key, title))
        speaker = quote.speaker
        if speaker is not None and speaker.mention is not None:
            m = speaker.mention
            mentions.append((m.char_start, m.char_end, key))

    legend = "".join(
        f'<span style="background:{colours[k]};padding:0 0.4em;margin-right:0.5em;'
        f'border-radius:3px">{html.escape(labels[k])} ({counts[k]})</span>'
        for k in colours
    )
    if not quotes:
        legend = "<em>no quotes found</em>"
    if doc.error is not None:
        legend = f"<em>extraction failed: {html.escape(doc.error)}</em>"
    head = f"<strong>{html.escape(doc.id)}</strong> " if doc.id is not None else ""
    header = f'<div style="margin-bottom:0.6em">{head}{legend}</div>'

    text = doc.text
    if text is None:
        body = _quote_table(doc)
    else:
        body = (
            '<div style="white-space:pre-wrap;line-height:1.6">'
            + _highlight(text, pieces, mentions, colours)
            + "</div>"
        )
    return f'<div class="quotewise-document">{header}{body}</div>'


def _highlight(
    text: str,
    pieces: list[tuple[int, int, str, str]],
    mentions: list[tuple[int, int, str]],
    colours: dict[str, str],
) -> str:
    """Escaped `text`, cut at every piece and mention boundary; each cut is
    coloured by the innermost quote piece covering it."""
    cuts = {0, len(text)}
    for start, end, *_ in pieces:
        cuts.update((start, end))
    for start, end, _ in mentions:
        cuts.update((start, end))
    bounds = sorted(c for c in cuts if 0 <= c <= len(text))
    out = []
    for a, b in zip(bounds, bounds[1:]):
        chunk = html.escape(text[a:b])
        covering = [p for p in pieces if p[0] <= a and b <= p[1]]
        mention = next((m for m in mentions if m[0] <= a and b <= m[1]), None)
        if mention is not None:
            chunk = (
                f'<b style="text-decoration:underline;text-decoration-color:'
                f'{colours[mention[2]]};text-decoration-thickness:3px">{chunk}</b>'
            )
        if covering:
            _, _, key, title = min(covering, key=lambda p: p[1] - p[0])
            chunk = (
                f'<mark style="background:{colours[key]};color:inherit" '
                f'title="{html.escape(title)}">{chunk}</mark>'
            )
        out.append(chunk)
    return "".join(out)


def _quote_table(doc: Document) -> str:
    """The quotes as an HTML table, for a document without its text."""
    rows = "".join(
        "<tr>"
        + "".join(
            f"<td>{html.escape(str(v))}</td>"
            for v in (q.kind, q.text, speaker_name(doc, q) or "")
        )
        + "</tr>"
        for q in doc.quotes
    )
    return f"<table><tr><th>kind</th><th>quote</th><th>speaker</th></tr>{rows}</table>"


def _pandas(function: str) -> Any:
    try:
        import pandas
    except ImportError as exc:
        raise ImportError(
            f"quotewise.{function} needs pandas, which is not installed: "
            "pip install pandas (or pip install 'quotewise[pandas]')"
        ) from exc
    return pandas


def _documents(docs: Union[Document, Iterable[Document]]) -> list[Document]:
    from quotewise._quotewise import Document

    if isinstance(docs, Document):
        return [docs]
    if isinstance(docs, (str, bytes)) or not isinstance(docs, Iterable):
        raise TypeError(
            "argument 'docs' must be a Document or an iterable of Documents, "
            f"not {type(docs).__name__}"
        )
    out = list(docs)
    for i, doc in enumerate(out):
        if not isinstance(doc, Document):
            raise TypeError(f"argument 'docs[{i}]' must be Document, not {type(doc).__name__}")
    return out


def to_pandas(docs: Union[Document, Iterable[Document]]) -> pandas.DataFrame:
    """One row per quote of ``docs`` (a Document or an iterable of them), and
    one row for each document that failed (``Document.error`` set).

    Columns: ``doc`` (position in ``docs``), ``doc_id``, ``language`` (the
    quote's language code: the document's, or in a document that mixes
    languages that of the quote's paragraphs; ``None`` when unknown), ``genre`` (the
    document's genre, ``"news"`` or ``"fiction"``), ``quote`` (the
    quote's ``text``: its pieces joined by a space), ``kind``, ``speaker``
    (entity name, or the mention's words when unresolved), ``entity_id``,
    ``gazetteer_id``, ``method``, ``resolution``, ``confidence``,
    ``addressee`` (whom the quote is said to: entity name, or the vocative's
    words when unresolved), ``addressee_id`` (its entity id), ``char_start``, ``char_end`` (char offsets of the whole quote in the
    text, from its first piece's start to its last piece's end, so a quote
    in two pieces covers the speech tag between them), ``cue``, ``error``.

    ``error`` is ``None`` on quote rows. A failed document has one row with
    its ``doc``, ``doc_id``, ``language``, ``genre`` and ``error`` and every other column
    missing, so
    ``frame[frame.error.notna()]`` lists the failures and
    ``frame.dropna(subset=["quote"])`` only the quotes; a document that
    merely has no quotes has no row. Needs pandas.
    """
    pd = _pandas("to_pandas")
    rows: list[tuple[Any, ...]] = []
    for n, doc in enumerate(_documents(docs)):
        if doc.error is not None:
            rows.append(
                (n, doc.id, doc.language, doc.genre)
                + (None,) * (len(QUOTE_COLUMNS) - 5)
                + (doc.error,)
            )
            continue
        for quote in doc.quotes:
            speaker = quote.speaker
            entity = doc.speaker_entity(quote)
            addressee = doc.addressee_entity(quote)
            cue = quote.cue
            rows.append(
                (
                    n,
                    doc.id,
                    quote.language or doc.language,
                    doc.genre,
                    quote.text,
                    quote.kind,
                    speaker_name(doc, quote),
                    None if entity is None else entity.id,
                    None if entity is None else entity.gazetteer_id,
                    None if speaker is None else speaker.method,
                    None if speaker is None else speaker.resolution,
                    None if speaker is None else speaker.confidence,
                    addressee_name(doc, quote),
                    None if addressee is None else addressee.id,
                    quote.char_start,
                    quote.char_end,
                    None if cue is None else cue.text,
                    None,
                )
            )
    frame: pandas.DataFrame = pd.DataFrame.from_records(rows, columns=list(QUOTE_COLUMNS))
    # Nullable ints: a failed document's row has no offsets, and the dtypes
    # do not depend on whether a batch had a failure.
    return frame.astype({"doc": "int64", "entity_id": "Int64", "confidence": "float64",
                         "addressee_id": "Int64",
                         "char_start": "Int64", "char_end": "Int64", "error": "object"})


def entities_to_pandas(docs: Union[Document, Iterable[Document]]) -> pandas.DataFrame:
    """One row per entity of ``docs`` (a Document or an iterable of them). A
    failed document (``Document.error`` set) has no entities, so no row: its
    error is in ``to_pandas``.

    Columns: ``doc``, ``doc_id``, ``entity_id``, ``name``, ``kind``,
    ``gender``, ``gazetteer_id``, ``link``, ``mentions`` (how many times
    named), ``quotes`` (how many quotes it said), ``descriptors`` (list of
    str). Needs pandas.
    """
    pd = _pandas("entities_to_pandas")
    rows = []
    for n, doc in enumerate(_documents(docs)):
        said: dict[int, int] = {}
        for quote in doc.quotes:
            speaker = quote.speaker
            if speaker is not None and speaker.entity is not None:
                said[speaker.entity] = said.get(speaker.entity, 0) + 1
        for entity in doc.entities:
            rows.append(
                (
                    n,
                    doc.id,
                    entity.id,
                    entity.name,
                    entity.kind,
                    entity.gender,
                    entity.gazetteer_id,
                    entity.link,
                    len(entity.mentions),
                    said.get(entity.id, 0),
                    entity.descriptors,
                )
            )
    frame: pandas.DataFrame = pd.DataFrame.from_records(rows, columns=list(ENTITY_COLUMNS))
    return frame.astype({"doc": "int64", "entity_id": "int64", "mentions": "int64",
                         "quotes": "int64"})


def frame_to_csv(frame: Any) -> str:
    """A gazetteer DataFrame as the CSV the Rust loader reads
    (``Gazetteer.from_pandas``): list cells of ``aliases`` and
    ``descriptors`` joined with ``|``, missing values empty."""
    pd = _pandas("Gazetteer.from_pandas")
    if not isinstance(frame, pd.DataFrame):
        raise TypeError(
            f"argument 'frame' must be a pandas DataFrame, not {type(frame).__name__}"
        )
    out = frame.copy()
    for column in ("aliases", "descriptors"):
        if column in out.columns:
            out[column] = out[column].map(
                lambda v: "|".join(v) if isinstance(v, (list, tuple)) else v
            )
    csv: str = out.to_csv(index=False)
    return csv
