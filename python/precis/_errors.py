"""The exceptions of the package: one class per library status code.

Design: every failing library call returns a ``precis_status`` and fills a
``precis_error``; :func:`check` turns that record into the matching
:class:`Error` subclass, carrying the status, the message and where the input
was (``source``, ``line``).  The classes also derive from the built-in
exception a Python caller would expect (an out-of-range option is a
``ValueError``, exhausted memory a ``MemoryError``), so ordinary ``except``
clauses keep working.  Checks made in Python before calling the library raise
the same classes with the same wording style.
"""

from __future__ import annotations

import enum
from typing import Dict, Optional, Type

from ._lib import PrecisError, lib


class Status(enum.IntEnum):
    """``precis_status``: the library's stable status codes."""

    OK = 0
    NOMEM = 1
    IO = 2
    FORMAT = 3
    EMPTY = 4
    BINARY = 5
    ARGUMENT = 6
    MISMATCH = 7
    INTERNAL = 8


class Error(Exception):
    """A failure reported by libprecis.

    Attributes:
        status: the library's status code (:class:`Status`).
        message: the library's message, e.g. ``"words needs a whole number
            from 1 to ..., not '0'"``.
        source: the input the failure concerns (a cluster id, a file), or "".
        line: the 1-based line of that input, or 0 when it does not apply.
    """

    status: Status = Status.INTERNAL

    def __init__(self, message: str, *, status: Optional[int] = None,
                 source: str = "", line: int = 0) -> None:
        if status is not None:
            self.status = Status(status)
        self.message = message
        self.source = source
        self.line = line
        super().__init__(self.__str__())

    def __str__(self) -> str:
        if self.source and self.line > 0:
            return f"{self.source}:{self.line}: {self.message}"
        if self.source:
            return f"{self.source}: {self.message}"
        return self.message

    def __reduce__(self):
        # Picklable with its attributes, so that an error raised on a Dask
        # worker reaches the client intact.
        return (_rebuild, (type(self), self.message, int(self.status), self.source,
                           self.line))


def _rebuild(cls: Type[Error], message: str, status: int, source: str, line: int) -> Error:
    return cls(message, status=status, source=source, line=line)


class NoMemoryError(Error, MemoryError):
    """An allocation failed in the library (PRECIS_E_NOMEM)."""

    status = Status.NOMEM


class InputOutputError(Error):
    """A file could not be opened, read or written (PRECIS_E_IO)."""

    status = Status.IO


class FormatError(Error, ValueError):
    """Malformed input: a bad JSON line, a bad date (PRECIS_E_FORMAT)."""

    status = Status.FORMAT


class EmptyError(Error, ValueError):
    """No article has any text (PRECIS_E_EMPTY)."""

    status = Status.EMPTY


class BinaryError(Error, ValueError):
    """An article looks like a binary file (PRECIS_E_BINARY)."""

    status = Status.BINARY


class ArgumentError(Error, ValueError):
    """An option or argument is unknown or out of range (PRECIS_E_ARGUMENT)."""

    status = Status.ARGUMENT


class MismatchError(Error, ValueError):
    """Evaluation: system and reference items do not pair (PRECIS_E_MISMATCH)."""

    status = Status.MISMATCH


class InternalError(Error):
    """A bug in the library (PRECIS_E_INTERNAL): please report it."""

    status = Status.INTERNAL


_BY_STATUS: Dict[int, Type[Error]] = {
    cls.status: cls
    for cls in (NoMemoryError, InputOutputError, FormatError, EmptyError, BinaryError,
                ArgumentError, MismatchError, InternalError)
}


def from_record(status: int, err: PrecisError) -> Error:
    """The exception for a failed call's status and its filled error record."""
    cls = _BY_STATUS.get(status, InternalError)
    message = err.message.decode("utf-8", "replace")
    if not message:
        name = lib.precis_status_name(status)
        message = name.decode("utf-8", "replace") if name else f"status {status}"
    return cls(message, status=status if status in _BY_STATUS else Status.INTERNAL,
               source=err.source.decode("utf-8", "replace"), line=int(err.line))


def check(status: int, err: PrecisError) -> None:
    """Raises the matching :class:`Error` unless ``status`` is PRECIS_OK."""
    if status != 0:
        raise from_record(status, err)
