"""Plain records and labelled results: :class:`Article`, :class:`Statement`, :class:`LabeledMatrix`.

The statement table that moves through the pipeline lives in :mod:`stancekit.table`.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

import numpy as np
import numpy.typing as npt
import pandas as pd

__all__ = ["Article", "LabeledMatrix", "Statement"]


def _clip(text: str, width: int) -> str:
    """``text`` on one line, cut to ``width`` characters with an ellipsis."""
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1].rstrip() + "…"


@dataclass(frozen=True)
class Article:
    """One news article (or speech, or transcript).

    Parameters
    ----------
    id
        Identifier, unique within a corpus.
    text
        The body. Statement offsets index into this string.
    date
        Publication date, if known.
    title
        Headline, if known. Never part of ``text``.
    source
        Publisher or origin, if known.
    meta
        Any other fields of the input record (for example ``speaker`` for a speech whose speaker
        is known, or ``url``).
    """

    id: str
    text: str
    date: _dt.date | None = None
    title: str | None = None
    source: str | None = None
    meta: Mapping[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if not isinstance(self.id, str) or not self.id:
            raise TypeError(f"Article.id must be a non-empty str, got {self.id!r}")
        if not isinstance(self.text, str):
            raise TypeError(f"Article.text must be str, got {type(self.text).__name__}")
        if self.date is not None and (
            not isinstance(self.date, _dt.date) or isinstance(self.date, _dt.datetime)
        ):
            raise TypeError(f"Article.date must be a datetime.date or None, got {self.date!r}")
        object.__setattr__(self, "meta", MappingProxyType(dict(self.meta)))

    def __hash__(self) -> int:
        return hash((self.id, self.text, self.date, self.title, self.source))

    def __repr__(self) -> str:
        parts = [f"id={self.id!r}"]
        if self.date is not None:
            parts.append(f"date={self.date.isoformat()}")
        if self.title is not None:
            parts.append(f"title={_clip(self.title, 60)!r}")
        parts.append(f"text={_clip(self.text, 60)!r}")
        parts.append(f"len={len(self.text)}")
        return f"Article({', '.join(parts)})"

    def __reduce__(self) -> tuple[Any, ...]:
        return (Article, (self.id, self.text, self.date, self.title, self.source, dict(self.meta)))


@dataclass(frozen=True)
class Statement:
    """What one speaker said, located in an article.

    ``article.text[start:end] == text`` and ``article.text[mention_start:mention_end] == mention``
    (the mention offsets are ``-1`` when the speaker comes from outside the text, for example
    a speech whose speaker is given). ``spans`` lists the content pieces, ``(start, end)`` each,
    when the statement joins several (``"Q1," he said. "Q2."`` in the attribution unit: the
    attribution between the pieces is not content); it is empty when the statement is one
    piece.
    """

    article_id: str
    speaker: str
    text: str
    start: int
    end: int
    kind: str = "indirect"
    cue: str = ""
    mention: str = ""
    mention_start: int = -1
    mention_end: int = -1
    sentence: int = 0
    date: _dt.date | None = None
    role: str | None = None
    country: str | None = None
    spans: tuple[tuple[int, int], ...] = ()


@dataclass(frozen=True, eq=False)
class LabeledMatrix:
    """A 2-D array with row and column labels.

    Parameters
    ----------
    values
        ``(n_rows, n_cols)`` array.
    rows
        ``n_rows`` labels.
    columns
        ``n_cols`` labels.
    name
        What the values are (for titles and exports), e.g. ``"centroid cosine"``.
    n_formulaic
        Formulaic statements left out before the values were computed (see
        :mod:`stancekit.formulaic`); 0 when none were or nothing was left out.
    """

    values: npt.NDArray[Any]
    rows: tuple[str, ...]
    columns: tuple[str, ...]
    name: str = ""
    n_formulaic: int = 0

    def __post_init__(self) -> None:
        values = np.asarray(self.values)
        if values.ndim != 2:
            raise ValueError(f"LabeledMatrix values must be 2-D, got shape {values.shape}")
        rows = tuple(str(r) for r in self.rows)
        cols = tuple(str(c) for c in self.columns)
        if values.shape != (len(rows), len(cols)):
            raise ValueError(
                f"LabeledMatrix values have shape {values.shape} but there are "
                f"{len(rows)} row labels and {len(cols)} column labels"
            )
        values = values.copy()
        values.flags.writeable = False
        object.__setattr__(self, "values", values)
        object.__setattr__(self, "rows", rows)
        object.__setattr__(self, "columns", cols)

    @property
    def shape(self) -> tuple[int, int]:
        """``(n_rows, n_cols)``."""
        return (len(self.rows), len(self.columns))

    def __getitem__(self, key: tuple[str, str]) -> Any:
        """The value at ``(row label, column label)``."""
        row, col = key
        try:
            i = self.rows.index(row)
        except ValueError:
            raise KeyError(f"no row labelled {row!r}") from None
        try:
            j = self.columns.index(col)
        except ValueError:
            raise KeyError(f"no column labelled {col!r}") from None
        return self.values[i, j].item()

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, LabeledMatrix):
            return NotImplemented
        return (
            self.rows == other.rows
            and self.columns == other.columns
            and self.name == other.name
            and self.values.shape == other.values.shape
            and bool(np.array_equal(self.values, other.values, equal_nan=True))
        )

    __hash__ = None  # type: ignore[assignment]

    def select(
        self, rows: Sequence[str] | None = None, columns: Sequence[str] | None = None
    ) -> LabeledMatrix:
        """A sub-matrix with the given row and column labels, in the order given."""
        r = list(self.rows) if rows is None else list(rows)
        c = list(self.columns) if columns is None else list(columns)
        for label in r:
            if label not in self.rows:
                raise KeyError(f"no row labelled {label!r}")
        for label in c:
            if label not in self.columns:
                raise KeyError(f"no column labelled {label!r}")
        ri = [self.rows.index(x) for x in r]
        ci = [self.columns.index(x) for x in c]
        return LabeledMatrix(
            self.values[np.ix_(ri, ci)], tuple(r), tuple(c), self.name, self.n_formulaic
        )

    def to_pandas(self) -> pd.DataFrame:
        """A DataFrame indexed by the row labels, one column per column label
        (``attrs["n_formulaic"]``: statements left out)."""
        frame = pd.DataFrame(
            np.array(self.values), index=pd.Index(self.rows), columns=pd.Index(self.columns)
        )
        frame.attrs["n_formulaic"] = self.n_formulaic
        return frame
