"""Validation shared by the public comparison functions: done once, then kernels trust it."""

from __future__ import annotations

import warnings
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt
import pandas as pd

from stancekit._suggest import unknown_name
from stancekit.errors import SkippedRecordsWarning
from stancekit.formulaic import formulaic_mask
from stancekit.table import StatementTable

__all__ = [
    "Groups",
    "center_rows",
    "embeddings_of",
    "groups_of",
    "labels_of",
    "require_label",
    "substantive_groups",
    "topics_of",
]

_BLOCK_BYTES = 64 * 2**20


@dataclass(frozen=True)
class Groups:
    """Statements grouped by a column: sorted labels and each row's code (-1: no label)."""

    column: str
    labels: tuple[str, ...]
    codes: npt.NDArray[np.int64]
    n_formulaic: int = 0

    def rows(self, label: str) -> npt.NDArray[np.int64]:
        """Row indices (table order) of the statements with ``label``."""
        return np.flatnonzero(self.codes == self.labels.index(label)).astype(np.int64)


def embeddings_of(
    table: StatementTable,
    *,
    center: bool = False,
    groups: Groups | None = None,
) -> npt.NDArray[np.float32]:
    """The table's ``(n, d)`` embeddings; with ``center`` the mean of the statements that take
    part (``groups.codes >= 0``, or all) is removed and the rows renormalised."""
    if not isinstance(table, StatementTable):
        raise TypeError(f"expected a StatementTable, got {type(table).__name__}")
    X = table.embeddings
    if X is None:
        raise ValueError(
            "the table has no embeddings; call stancekit.embed(table) first "
            "(or table.with_embeddings(...) with your own vectors)"
        )
    if len(table) == 0:
        raise ValueError("the table has no statements")
    if not isinstance(center, (bool, np.bool_)):
        raise TypeError(f"center must be True or False, got {center!r}")
    if not center:
        return np.asarray(X, dtype=np.float32)
    return center_rows(X, None if groups is None else groups.codes >= 0)


def center_rows(
    X: npt.NDArray[np.float32], rows: npt.NDArray[np.bool_] | None = None
) -> npt.NDArray[np.float32]:
    """``X`` minus the mean of its ``rows`` (all rows when ``None`` or none is selected), rows
    renormalised (a zero row stays zero)."""
    use = X if rows is None or not rows.any() else X[rows]
    Xc = X - use.mean(axis=0, dtype=np.float64).astype(np.float32)
    norms = np.linalg.norm(Xc, axis=1, keepdims=True)
    Xc /= np.where(norms > 0, norms, 1.0)
    return np.asarray(Xc, dtype=np.float32)


def labels_of(values: npt.ArrayLike, what: str) -> tuple[tuple[str, ...], npt.NDArray[np.int64]]:
    """Sorted distinct labels (as str) and each value's code; missing values get code -1."""
    arr = pd.Series(np.asarray(values, dtype=object))
    present = arr.notna().to_numpy() & (arr.astype(str) != "").to_numpy()
    codes = np.full(len(arr), -1, dtype=np.int64)
    if not present.any():
        return (), codes
    kept = arr[present]
    try:
        uniq, inv = np.unique(kept.to_numpy(), return_inverse=True)
    except TypeError:
        raise TypeError(f"{what} values must be comparable (all str or all numbers)") from None
    codes[present] = inv
    return tuple(str(u) for u in uniq), codes


def groups_of(table: StatementTable, by: str, *, warn: bool = True) -> Groups:
    """Group statements by a column (``"speaker"``, ``"country"`` or any other)."""
    if not isinstance(by, str):
        raise TypeError(f"by must be a column name, got {type(by).__name__}")
    if by not in table.columns:
        raise KeyError(f"cannot group by {by!r}: no such column; columns are {table.columns}")
    labels, codes = labels_of(table.column(by), f"column {by!r}")
    if not labels:
        raise ValueError(f"column {by!r} has no values to group by")
    missing = int(np.count_nonzero(codes < 0))
    if missing and warn:
        warnings.warn(
            f"{missing} of {codes.size} statements have no {by!r} value and are left out",
            SkippedRecordsWarning,
            stacklevel=3,
        )
    return Groups(by, labels, codes)


def substantive_groups(
    table: StatementTable, by: str, *, keep_formulaic: bool, warn: bool = True
) -> Groups:
    """:func:`groups_of`, with formulaic statements (:func:`stancekit.formulaic.substance`, or
    the table's own ``formulaic`` column) given code -1 unless ``keep_formulaic``.

    Labels stay those of the whole table, so a speaker who said nothing but formulae keeps
    a row (of NaN); ``n_formulaic`` counts the statements left out.
    """
    if not isinstance(table, StatementTable):
        raise TypeError(f"expected a StatementTable, got {type(table).__name__}")
    if not isinstance(keep_formulaic, (bool, np.bool_)):
        raise TypeError(f"keep_formulaic must be True or False, got {keep_formulaic!r}")
    groups = groups_of(table, by, warn=warn)
    if keep_formulaic:
        return groups
    drop = formulaic_mask(table) & (groups.codes >= 0)
    n_drop = int(np.count_nonzero(drop))
    if not n_drop:
        return groups
    codes = groups.codes.copy()
    codes[drop] = -1
    return Groups(groups.column, groups.labels, codes, n_drop)


def require_label(groups: Groups, label: Any, role: str) -> str:
    """``label`` as a known group label, or a KeyError naming it and the closest known ones
    (else the most frequent)."""
    if not isinstance(label, str):
        raise TypeError(f"{role} must be a {groups.column} name (str), got {label!r}")
    if label not in groups.labels:
        valid = groups.codes[groups.codes >= 0]
        counts = np.bincount(valid, minlength=len(groups.labels)).tolist()
        raise KeyError(unknown_name(groups.column, label, groups.labels, counts))
    return label


def topics_of(
    table: StatementTable, topics: str | npt.ArrayLike | Sequence[Any]
) -> tuple[tuple[str, ...], npt.NDArray[np.int64]]:
    """Topic labels and per-statement codes (-1: no topic) from a column name or an array."""
    if isinstance(topics, str):
        if topics not in table.columns:
            raise KeyError(f"no topic column {topics!r}; columns are {table.columns}")
        values: npt.ArrayLike = table.column(topics)
    else:
        values = np.asarray(topics, dtype=object)
        if values.ndim != 1 or values.shape[0] != len(table):
            raise ValueError(
                f"topics must be a column name or one label per statement "
                f"({len(table)}), got shape {values.shape}"
            )
    labels, codes = labels_of(values, "topic")
    if not labels:
        raise ValueError("no statement has a topic")
    return labels, codes


def batch_size(per_draw_bytes: int) -> int:
    """Draws that fit in the scoring budget together (at least 1)."""
    return int(max(1, min(256, _BLOCK_BYTES // max(per_draw_bytes, 1))))
