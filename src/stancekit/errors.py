"""Errors raised by stancekit.

The tree::

    StancekitError                 base class of everything stancekit raises on purpose
    ├── InputError (ValueError)    bad input data: names the file, line/row and the problem
    ├── ModelUnavailableError      an embedding model cannot be found or loaded offline
    └── CacheError                 the embedding cache cannot be used (not for corrupt entries:
                                   those are detected and recomputed, never raised)

Warnings:

    SkippedRecordsWarning (UserWarning)   records were left out; the message counts them and
                                          names where each one was
"""

from __future__ import annotations

__all__ = [
    "CacheError",
    "InputError",
    "ModelUnavailableError",
    "SkippedRecordsWarning",
    "StancekitError",
]


class StancekitError(Exception):
    """Base class of the errors stancekit raises on purpose."""


class InputError(StancekitError, ValueError):
    """Bad input data.

    Parameters
    ----------
    message
        What is wrong.
    source
        The file (or other source) the bad record came from, if known.
    line
        1-based line (text files, JSONL, CSV) or row (Parquet, DataFrame) of the bad record.
    """

    def __init__(self, message: str, *, source: str | None = None, line: int | None = None):
        self.source = source
        self.line = line
        self.reason = message
        where = ""
        if source is not None:
            where = source
            if line is not None:
                where += f":{line}"
            where += ": "
        elif line is not None:
            where = f"line {line}: "
        super().__init__(where + message)


class ModelUnavailableError(StancekitError):
    """An embedding model could not be found or loaded (offline, missing weights, bad digest)."""


class CacheError(StancekitError):
    """The embedding cache directory cannot be used (permissions, not a directory)."""


class SkippedRecordsWarning(UserWarning):
    """Some input records were skipped; the message counts them and names where they were."""
