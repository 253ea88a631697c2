"""The exceptions of quotewise, one per kind of error of the Rust crate.

Every exception is a :class:`QuotewiseError` and also a standard Python
exception (``ValueError`` for bad input, ``OSError`` for files that cannot be
read), so ``except ValueError`` keeps working. Each carries where the problem
is: ``file``, ``line`` and ``column`` (``None`` when not known), and the bare
``message``; ``str(error)`` gives all of it.
"""

from __future__ import annotations

from typing import Optional


class QuotewiseError(Exception):
    """Base class of every error raised by quotewise."""

    message: str
    file: Optional[str]
    line: Optional[int]
    column: Optional[int]

    def __init__(
        self,
        text: str,
        message: Optional[str] = None,
        file: Optional[str] = None,
        line: Optional[int] = None,
        column: Optional[int] = None,
    ) -> None:
        # `text` is the whole description (the Rust error's Display: where,
        # what, what was expected); the other fields are its parts.
        super().__init__(text)
        self.message = text if message is None else message
        self.file = file
        self.line = line
        self.column = column

    def __reduce__(self) -> tuple[type[QuotewiseError], tuple[object, ...]]:
        return (type(self), (self.args[0], self.message, self.file, self.line, self.column))


class ReadError(QuotewiseError, OSError):
    """A file could not be read (missing, unreadable)."""


class ParseError(QuotewiseError, ValueError):
    """A record of an input file is malformed (bad JSON or CSV, a missing
    field, invalid UTF-8)."""


class GazetteerError(QuotewiseError, ValueError):
    """A gazetteer is invalid: duplicate id, empty name, unknown kind.
    ``file`` and ``line`` say which record."""


class ConfigError(QuotewiseError, ValueError):
    """A setting is out of range (for example ``min_confidence=2``)."""


class InternalError(QuotewiseError, RuntimeError):
    """A bug in quotewise (the Rust code panicked). Please report it with
    the text that caused it."""
