"""quotewise finds who said what in news text.

>>> import quotewise
>>> doc = quotewise.Extractor().extract("“We will win,” Jane Smith said.")
>>> doc.quotes[0].kind
'direct'

Main types: :class:`Extractor` (configure once, call ``extract`` or
``extract_many``), :class:`Gazetteer` (known entities to link to, from a
file, records or a DataFrame), :class:`Document` (``quotes``, ``entities``, shows itself
in Jupyter), :class:`Quote`, :class:`Speaker`, :class:`Addressee`, :class:`Entity`, :class:`Span`.
``to_pandas(docs)`` and ``entities_to_pandas(docs)`` make DataFrames.
"""

from quotewise._errors import (
    ConfigError,
    GazetteerError,
    InternalError,
    ParseError,
    QuotewiseError,
    ReadError,
)
from quotewise._notebook import entities_to_pandas, to_pandas
from quotewise._quotewise import (
    Addressee,
    Document,
    Entity,
    Extractor,
    Gazetteer,
    GazetteerMatch,
    Quote,
    Span,
    Speaker,
    __version__,
)

__all__ = [
    "Addressee",
    "ConfigError",
    "Document",
    "Entity",
    "Extractor",
    "Gazetteer",
    "GazetteerError",
    "GazetteerMatch",
    "InternalError",
    "ParseError",
    "Quote",
    "QuotewiseError",
    "ReadError",
    "Span",
    "Speaker",
    "__version__",
    "entities_to_pandas",
    "to_pandas",
]
