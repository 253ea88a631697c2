"""Type stubs of the compiled extension ``quotewise._quotewise``."""

import os
from collections.abc import Iterable, Mapping
from typing import Any, Literal, Optional, TypeVar, Union, final

from typing_extensions import TypedDict, Unpack

import pandas


__all__ = [
    "Addressee",
    "Document",
    "Entity",
    "Extractor",
    "Gazetteer",
    "GazetteerMatch",
    "Quote",
    "Span",
    "Speaker",
    "__version__",
]

__version__: str

_QuoteKind = Literal["direct", "indirect", "mixed", "partial"]
_Method = Literal["speech_tag", "according_to", "adjacent_line", "continuation", "nearby", "turn"]
_Resolution = Literal["name", "pronoun", "description", "unresolved"]
_EntityKind = Literal["person", "organisation", "place", "media", "other"]
_Gender = Literal["male", "female"]
# The languages quotewise detects; an extractor takes one of them, or "auto".
_LanguageCode = Literal["en", "de", "fr", "es", "it", "pt", "nl", "hu"]
_Language = Union[_LanguageCode, Literal["auto"]]
_GenreName = Literal["news", "fiction"]
_Genre = Union[_GenreName, Literal["auto"]]
_LinkMethod = Literal["exact", "variant", "fuzzy", "descriptor"]

_Self = TypeVar("_Self", bound="_Value")

class _Value:
    """What every result value has (not a runtime class: each value class
    defines these itself)."""

    def to_json(self) -> str: ...
    def to_dict(self) -> dict[str, Any]: ...
    @classmethod
    def from_json(cls: type[_Self], data: str) -> _Self: ...
    def __reduce__(self) -> tuple[Any, tuple[str]]: ...
    def __eq__(self, value: object, /) -> bool: ...
    def __ne__(self, value: object, /) -> bool: ...
    __hash__: None  # type: ignore[assignment]

class _GazetteerOptions(TypedDict, total=False):
    variants: bool
    require_capital: bool
    fuzzy: bool
    fuzzy_threshold: float

@final
class Span(_Value):
    """A piece of the text: char offsets, byte offsets and the text."""

    def __new__(cls, start: int, end: int, char_start: int, char_end: int, text: str) -> Span: ...
    @property
    def char_start(self) -> int: ...
    @property
    def char_end(self) -> int: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def text(self) -> str: ...

@final
class Speaker(_Value):
    """Who said a quote."""

    @property
    def mention(self) -> Optional[Span]: ...
    @property
    def entity(self) -> Optional[int]: ...
    @property
    def method(self) -> _Method: ...
    @property
    def resolution(self) -> _Resolution: ...
    @property
    def confidence(self) -> float: ...

@final
class Addressee(_Value):
    """Whom a quote is said to."""

    @property
    def mention(self) -> Optional[Span]:
        """The vocative in the quote, or ``None`` when the addressee is the
        other party of the conversation."""
    @property
    def entity(self) -> Optional[int]: ...

@final
class Quote(_Value):
    """One quotation."""

    @property
    def kind(self) -> _QuoteKind: ...
    @property
    def text(self) -> str:
        """The pieces' text joined by a space, without the speech tag between
        them: ``“A,” “B.”`` for ``“A,” he said, “B.”``. Equal to
        ``doc.text[char_start:char_end]`` only for a quote of one piece."""
    @property
    def pieces(self) -> list[Span]:
        """The pieces in text order (two for ``“A,” he said, “B.”``), each
        with its own offsets and text; the speech tag is in none of them."""
    @property
    def content(self) -> list[Span]:
        """The same list as ``pieces`` (the Rust crate's name)."""
    @property
    def char_start(self) -> int:
        """Where the first piece starts. ``char_start:char_end`` is the whole
        quote's extent, speech tags between its pieces included."""
    @property
    def char_end(self) -> int:
        """Where the last piece ends (see ``char_start``)."""
    @property
    def cue(self) -> Optional[Span]: ...
    @property
    def speaker(self) -> Optional[Speaker]: ...
    @property
    def addressee(self) -> Optional[Addressee]: ...
    @property
    def language(self) -> Optional[str]:
        """The language of the quote's paragraphs where the document mixes
        languages; ``None`` otherwise (then it is ``Document.language``)."""
    @property
    def method(self) -> Optional[_Method]: ...
    @property
    def confidence(self) -> Optional[float]: ...

@final
class Entity(_Value):
    """A person, organisation, place or outlet mentioned in a document."""

    @property
    def id(self) -> int: ...
    @property
    def name(self) -> str: ...
    @property
    def kind(self) -> _EntityKind: ...
    @property
    def gender(self) -> Optional[_Gender]: ...
    @property
    def mentions(self) -> list[Span]: ...
    @property
    def descriptors(self) -> list[str]: ...
    @property
    def gazetteer_id(self) -> Optional[str]: ...
    @property
    def link(self) -> Optional[str]: ...

@final
class Document:
    """The quotes, speakers and entities of one text."""

    @property
    def id(self) -> Optional[str]: ...
    @property
    def language(self) -> Optional[_LanguageCode]:
        """The text's language code: the extractor's ``language``, or the one
        detected from the text's function words; ``None`` when it could not
        be told (a short text, or a language without a word list)."""
    @property
    def genre(self) -> _GenreName:
        """How the text quotes people: the extractor's ``genre``, or the one
        read from the text (``"fiction"`` when its tagged quotes in
        consecutive paragraphs mostly change speaker)."""
    @property
    def text(self) -> Optional[str]: ...
    @property
    def error(self) -> Optional[str]:
        """Why the text could not be extracted, ``None`` when it was. Only
        ``Extractor.extract_many`` sets it: a failed text's document has
        this message (naming its index in the batch), its ``id``, and no
        quotes or entities; the other documents come back as usual."""
    @property
    def quotes(self) -> list[Quote]: ...
    @property
    def entities(self) -> list[Entity]: ...
    def speaker_entity(self, quote: Quote) -> Optional[Entity]: ...
    def addressee_entity(self, quote: Quote) -> Optional[Entity]: ...
    def to_json(self) -> str: ...
    def to_dict(self) -> dict[str, Any]: ...
    @classmethod
    def from_json(cls, data: str, text: Optional[str] = None) -> Document: ...
    def to_pandas(self) -> pandas.DataFrame: ...
    def entities_to_pandas(self) -> pandas.DataFrame: ...
    def _repr_html_(self) -> str: ...
    def __reduce__(self) -> tuple[Any, tuple[str, Optional[str]]]: ...
    def __eq__(self, value: object, /) -> bool: ...
    def __ne__(self, value: object, /) -> bool: ...
    __hash__: None  # type: ignore[assignment]

@final
class Extractor:
    """Finds quotes, speakers and entities in texts."""

    def __new__(
        cls,
        gazetteer: Optional[Gazetteer] = None,
        *,
        indirect: Optional[bool] = None,
        partial: Optional[bool] = None,
        min_confidence: Optional[float] = None,
        language: Optional[_Language] = None,
        genre: Optional[_Genre] = None,
    ) -> Extractor: ...
    @property
    def gazetteer(self) -> Optional[Gazetteer]: ...
    @property
    def indirect(self) -> bool: ...
    @property
    def partial(self) -> bool: ...
    @property
    def min_confidence(self) -> float: ...
    @property
    def language(self) -> _Language: ...
    @property
    def genre(self) -> _Genre: ...
    def extract(self, text: str, id: Optional[str] = None) -> Document: ...
    def extract_many(
        self,
        texts: Iterable[str],
        ids: Optional[Iterable[str]] = None,
        threads: Optional[int] = None,
    ) -> list[Document]:
        """One document per text, in order; a text whose extraction failed
        gives a document with ``error`` set instead of raising."""
    def _panicking_on(self, needle: str) -> Extractor: ...
    def _rust_seconds(self, text: str, repeat: int) -> float: ...
    @classmethod
    def from_json(cls, data: str, gazetteer: Optional[Gazetteer] = None) -> Extractor: ...
    def to_json(self) -> str: ...
    def __reduce__(self) -> tuple[Any, tuple[str, Optional[Gazetteer]]]: ...

@final
class GazetteerMatch(_Value):
    """One mention of a gazetteer entity found by ``Gazetteer.match``."""

    @property
    def span(self) -> Span: ...
    @property
    def id(self) -> Optional[str]: ...
    @property
    def name(self) -> Optional[str]: ...
    @property
    def method(self) -> _LinkMethod: ...
    @property
    def score(self) -> float: ...
    @property
    def candidates(self) -> list[str]: ...
    @property
    def is_ambiguous(self) -> bool: ...

@final
class Gazetteer:
    """Known entities with names, aliases, descriptors and gender."""

    @classmethod
    def from_file(
        cls,
        path: Union[str, os.PathLike[str]],
        **options: Unpack[_GazetteerOptions],
    ) -> Gazetteer: ...
    @classmethod
    def from_records(
        cls,
        records: Iterable[Mapping[str, Any]],
        **options: Unpack[_GazetteerOptions],
    ) -> Gazetteer: ...
    @classmethod
    def from_pandas(
        cls,
        frame: pandas.DataFrame,
        **options: Unpack[_GazetteerOptions],
    ) -> Gazetteer: ...
    def match(self, text: str) -> list[GazetteerMatch]: ...
    def lookup(self, name: str) -> Optional[GazetteerMatch]: ...
    @property
    def entries(self) -> list[dict[str, Any]]: ...
    @property
    def variants(self) -> bool: ...
    @property
    def require_capital(self) -> bool: ...
    @property
    def fuzzy(self) -> bool: ...
    @property
    def fuzzy_threshold(self) -> float: ...
    def __len__(self) -> int: ...
    def to_json(self) -> str: ...
    @classmethod
    def from_json(cls, data: str) -> Gazetteer: ...
    def __reduce__(self) -> tuple[Any, tuple[str]]: ...
