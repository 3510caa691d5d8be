"""The :class:`StatementTable`: statement columns plus aligned, unit-norm embeddings.

Schema (one row per statement; further columns are kept as they are):

============== ================ ==============================================================
column         dtype            meaning
============== ================ ==============================================================
article_id     str              id of the article the statement comes from
speaker        str              canonical speaker name
mention        str              surface form the attribution rests on ("he" in "he said")
mention_start  int64            offset of the mention in the article text (-1: none in text)
mention_end    int64            end offset of the mention (-1: none in text)
text           str              the statement's content, ``article.text[start:end]``
start, end     int64            character offsets of the content in the article text
kind           str              ``direct`` | ``indirect`` | ``mixed``
cue            str              the reporting verb or phrase (``turn`` for transcript turns)
sentence       int64            index of the sentence in the article
date           datetime64[ns]   the article's date (NaT when unknown)
role           str or missing   speaker's role when the text gives it ("President")
country        str or missing   speaker's country when the text gives it ("Kyrgyzstan")
============== ================ ==============================================================

Optional: ``spans`` (str), the content pieces of a statement that joins several (the
attribution unit), as JSON text ``"[[start, end], ...]"``; empty for a statement of one piece.
"""

from __future__ import annotations

import json
import operator
import os
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any, overload

import numpy as np
import numpy.typing as npt
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from stancekit._atomic import atomic_path
from stancekit._suggest import unknown_name
from stancekit.data import Statement
from stancekit.errors import InputError

__all__ = ["COLUMNS", "DEFAULTS", "REQUIRED", "SPANS", "StatementTable"]

#: Required columns and their dtypes, in order.
COLUMNS: dict[str, str] = {
    "article_id": "str",
    "speaker": "str",
    "mention": "str",
    "mention_start": "int64",
    "mention_end": "int64",
    "text": "str",
    "start": "int64",
    "end": "int64",
    "kind": "str",
    "cue": "str",
    "sentence": "int64",
    "date": "datetime64[ns]",
    "role": "str",
    "country": "str",
}
#: Optional column: the content pieces of a statement that joins several, as JSON text
#: (``"[[12, 40], [61, 90]]"``; ``""`` for one piece), so that CSV and Parquet keep it as is.
SPANS = "spans"
#: Columns a statement table cannot do without.
REQUIRED = ("article_id", "speaker", "text", "start", "end")
#: The value of every other column of :data:`COLUMNS` when the input lacks it (no date:
#: unknown).
DEFAULTS: dict[str, Any] = {
    "mention": "",
    "mention_start": -1,
    "mention_end": -1,
    "kind": "indirect",
    "cue": "",
    "sentence": 0,
    "date": None,
    "role": None,
    "country": None,
}
_KINDS = frozenset({"direct", "indirect", "mixed"})
_META_KEY = b"stancekit"
_EMBEDDING_COLUMN = "embedding"
_NORM_TOL = 1e-3


def _spans_text(spans: Sequence[tuple[int, int]]) -> str:
    return json.dumps([[int(a), int(b)] for a, b in spans]) if spans else ""


def _spans_of(value: Any) -> tuple[tuple[int, int], ...]:
    """The pieces of a ``spans`` cell (JSON text, empty or missing for one piece)."""
    if not isinstance(value, str) or not value.strip():
        return ()
    try:
        pairs = json.loads(value)
        return tuple((int(a), int(b)) for a, b in pairs)
    except (ValueError, TypeError) as exc:
        raise ValueError(f"spans must be JSON pairs like [[0, 5], [9, 20]], got {value!r}") from exc


def _normalise_frame(frame: pd.DataFrame) -> pd.DataFrame:
    missing = [c for c in REQUIRED if c not in frame]
    if missing:
        raise ValueError(f"statement table is missing required column(s) {missing}")
    defaults = {**DEFAULTS, "date": pd.NaT}
    columns: dict[str, Any] = {}
    for col, dtype in COLUMNS.items():
        values = frame[col].to_numpy() if col in frame else [defaults[col]] * len(frame)
        if dtype == "int64":
            columns[col] = pd.array(values, dtype="int64")
        elif dtype.startswith("datetime"):
            columns[col] = pd.to_datetime(pd.Series(values, dtype=object)).astype("datetime64[ns]")
        else:
            series = pd.Series(values, dtype=object)
            present = series.notna()
            if not present.all():
                if col not in ("role", "country"):
                    i = int(np.flatnonzero(~present.to_numpy())[0])
                    raise ValueError(f"row {i}: column {col!r} is missing")
                series = series.where(present, None)
            columns[col] = series.astype("str")
    # one frame made at once: inserting the columns one by one is slow
    out = pd.DataFrame(columns, index=pd.RangeIndex(len(frame)))
    for col in frame.columns:
        if col not in COLUMNS and col != _EMBEDDING_COLUMN:
            out[col] = frame[col].to_numpy()
    bad = ~out["kind"].isin(list(_KINDS))
    if bad.any():
        i = int(np.flatnonzero(bad.to_numpy())[0])
        raise ValueError(f"row {i}: kind must be one of {sorted(_KINDS)}, got {out['kind'][i]!r}")
    if (out["end"] < out["start"]).any():
        i = int(np.flatnonzero((out["end"] < out["start"]).to_numpy())[0])
        raise ValueError(f"row {i}: end < start")
    return out


def _check_embeddings(embeddings: npt.ArrayLike, n: int) -> npt.NDArray[np.float32]:
    emb = np.asarray(embeddings)
    if emb.ndim != 2 or emb.shape[0] != n:
        raise ValueError(f"embeddings must have shape ({n}, d), got {emb.shape}")
    if emb.dtype != np.float32:
        raise TypeError(f"embeddings must be float32, got {emb.dtype}")
    if not np.isfinite(emb).all():
        raise ValueError("embeddings contain NaN or infinite values")
    if n:
        norms = np.linalg.norm(emb, axis=1)
        bad = np.abs(norms - 1.0) > _NORM_TOL
        if bad.any():
            i = int(np.flatnonzero(bad)[0])
            raise ValueError(f"embeddings must be unit-norm; row {i} has norm {norms[i]:.6f}")
    emb = np.ascontiguousarray(emb)
    if emb.flags.writeable:
        emb = emb.copy()
        emb.flags.writeable = False
    return emb


class StatementTable:
    """Statements (one row each) plus an optional aligned embedding matrix.

    Parameters
    ----------
    frame
        Statement columns; see the module docstring for the schema. Missing optional columns
        get defaults; extra columns are kept.
    embeddings
        ``(n, d)`` float32, unit-norm rows aligned with ``frame``, or ``None``.
    provenance
        Where the embeddings came from (model name, weights digest, dimension, versions).

    Examples
    --------
    >>> from stancekit import Statement, StatementTable
    >>> t = StatementTable.from_statements(
    ...     [Statement("a1", "Xi Jinping", "cooperation holds great potential", 10, 43)])
    >>> len(t), t[0].speaker
    (1, 'Xi Jinping')
    """

    __slots__ = ("__weakref__", "_embeddings", "_frame", "_provenance")

    def __init__(
        self,
        frame: pd.DataFrame,
        embeddings: npt.ArrayLike | None = None,
        provenance: Mapping[str, Any] | None = None,
    ) -> None:
        if not isinstance(frame, pd.DataFrame):
            raise TypeError(f"frame must be a pandas DataFrame, got {type(frame).__name__}")
        self._frame = _normalise_frame(frame)
        self._embeddings = (
            None if embeddings is None else _check_embeddings(embeddings, len(self._frame))
        )
        if embeddings is None and provenance:
            raise ValueError("provenance given without embeddings")
        self._provenance: dict[str, Any] = dict(provenance or {})

    # -- construction -------------------------------------------------------------------
    @classmethod
    def from_statements(cls, statements: Iterable[Statement]) -> StatementTable:
        """Build a table from :class:`Statement` records, in the order given."""
        statements = list(statements)
        rows = list(map(operator.attrgetter(*COLUMNS), statements))
        columns = zip(*rows, strict=True) if rows else ([] for _ in COLUMNS)
        # object columns: the values go to their dtypes once, in _normalise_frame (a frame of
        # rows would infer str columns first and be converted back)
        data = dict(zip(COLUMNS, columns, strict=True))
        frame = pd.DataFrame(data, columns=list(COLUMNS), dtype=object)
        if any(st.spans for st in statements):
            frame[SPANS] = [_spans_text(st.spans) for st in statements]
        return cls(frame)

    @classmethod
    def empty(cls) -> StatementTable:
        """A table with no statements."""
        return cls(pd.DataFrame({c: [] for c in COLUMNS}))

    @classmethod
    def concat(cls, tables: Sequence[StatementTable]) -> StatementTable:
        """Rows of several tables, in order. Embeddings are kept only if all have the same
        provenance."""
        if not tables:
            return cls.empty()
        frame = pd.concat([t._frame for t in tables], ignore_index=True)
        embs = [t._embeddings for t in tables]
        if all(e is not None for e in embs) and all(
            t._provenance == tables[0]._provenance for t in tables
        ):
            return cls(frame, np.concatenate(embs), tables[0]._provenance)  # type: ignore[arg-type]
        return cls(frame)

    # -- access ---------------------------------------------------------------------------
    def __len__(self) -> int:
        return len(self._frame)

    def __repr__(self) -> str:
        emb = (
            "no embeddings" if self._embeddings is None else f"embeddings {self._embeddings.shape}"
        )
        return (
            f"StatementTable({len(self)} statements, {self._frame['speaker'].nunique()} speakers, "
            f"{self._frame['article_id'].nunique()} articles, {emb})"
        )

    @overload
    def __getitem__(self, key: int) -> Statement: ...

    @overload
    def __getitem__(self, key: slice | npt.ArrayLike | pd.Series) -> StatementTable: ...

    def __getitem__(self, key: Any) -> Statement | StatementTable:
        """``table[i]`` is a :class:`Statement`; a slice, boolean mask or index array gives a
        smaller table (embeddings follow)."""
        if isinstance(key, (int, np.integer)) and not isinstance(key, bool):
            i = int(key)
            n = len(self)
            if not -n <= i < n:
                raise IndexError(f"statement index {i} out of range for {n} statements")
            return self._row(i % n)
        if isinstance(key, slice):
            idx = np.arange(len(self))[key]
        else:
            arr = np.asarray(key.to_numpy() if isinstance(key, pd.Series) else key)
            if arr.dtype == bool:
                if arr.shape != (len(self),):
                    raise IndexError(
                        f"boolean mask has shape {arr.shape}, table has {len(self)} rows"
                    )
                idx = np.flatnonzero(arr)
            elif arr.size == 0 or np.issubdtype(arr.dtype, np.integer):
                idx = arr.astype(np.int64).ravel()
            else:
                raise TypeError(f"cannot index a StatementTable with {arr.dtype} values")
        return self.take(idx)

    def take(self, indices: npt.ArrayLike) -> StatementTable:
        """The rows at ``indices`` (int array), embeddings following."""
        idx = np.asarray(indices, dtype=np.int64)
        frame = self._frame.iloc[idx].reset_index(drop=True)
        emb = None if self._embeddings is None else self._embeddings[idx]
        return StatementTable(frame, emb, self._provenance if emb is not None else None)

    def _row(self, i: int) -> Statement:
        r = self._frame.iloc[i]
        date = r["date"]

        def opt(v: Any) -> str | None:
            return None if v is None or (isinstance(v, float) and np.isnan(v)) else str(v)

        return Statement(
            article_id=str(r["article_id"]),
            speaker=str(r["speaker"]),
            text=str(r["text"]),
            start=int(r["start"]),
            end=int(r["end"]),
            kind=str(r["kind"]),
            cue=str(r["cue"]),
            mention=str(r["mention"]),
            mention_start=int(r["mention_start"]),
            mention_end=int(r["mention_end"]),
            sentence=int(r["sentence"]),
            date=None if pd.isna(date) else date.date(),
            role=opt(r["role"]),
            country=opt(r["country"]),
            spans=_spans_of(r[SPANS]) if SPANS in r.index else (),
        )

    def __iter__(self) -> Iterator[Statement]:
        for i in range(len(self)):
            yield self._row(i)

    def column(self, name: str) -> npt.NDArray[Any]:
        """A copy of one column as a numpy array."""
        if name not in self._frame:
            raise KeyError(f"no column {name!r}; columns are {list(self._frame.columns)}")
        return self._frame[name].to_numpy(copy=True)

    @property
    def columns(self) -> list[str]:
        """The column names."""
        return list(self._frame.columns)

    @property
    def speakers(self) -> list[str]:
        """Distinct speakers, sorted."""
        return sorted(self._frame["speaker"].unique().tolist())

    @property
    def embeddings(self) -> npt.NDArray[np.float32] | None:
        """``(n, d)`` float32 unit-norm embeddings (read-only), or ``None``."""
        return self._embeddings

    @property
    def provenance(self) -> dict[str, Any]:
        """A copy of the embeddings' provenance (empty when there are none)."""
        return dict(self._provenance)

    def by_speaker(self, *speakers: str) -> StatementTable:
        """The statements of the given speakers, in table order."""
        if not speakers:
            raise ValueError("by_speaker needs at least one speaker name")
        counts = self._frame["speaker"].value_counts()
        unknown = [s for s in speakers if s not in counts.index]
        if unknown:
            names = [str(k) for k in counts.index]
            raise KeyError(unknown_name("speaker", unknown[0], names, counts.tolist()))
        return self[self._frame["speaker"].isin(list(speakers)).to_numpy()]

    def with_embeddings(
        self, embeddings: npt.ArrayLike, provenance: Mapping[str, Any]
    ) -> StatementTable:
        """The same statements with ``(n, d)`` float32 unit-norm ``embeddings``."""
        out = StatementTable.__new__(StatementTable)
        out._frame = self._frame  # already normalised, and never mutated in place
        out._embeddings = _check_embeddings(embeddings, len(self._frame))
        out._provenance = dict(provenance)
        return out

    def with_column(self, name: str, values: Sequence[Any] | npt.NDArray[Any]) -> StatementTable:
        """A copy with one column added or replaced (embeddings kept)."""
        frame = self._frame.copy()
        vals = values if isinstance(values, np.ndarray) else list(values)
        if len(vals) != len(frame):
            raise ValueError(f"column {name!r} has {len(vals)} values for {len(frame)} rows")
        frame[name] = vals
        return StatementTable(frame, self._embeddings, self._provenance or None)

    # -- conversion -------------------------------------------------------------------------
    def to_pandas(self, *, embeddings: bool = True) -> pd.DataFrame:
        """A copy of the statement columns; with ``embeddings`` an ``embedding`` column of
        float32 arrays is added and the provenance is put in ``df.attrs["provenance"]``."""
        df = self._frame.copy()
        if embeddings and self._embeddings is not None:
            df[_EMBEDDING_COLUMN] = list(np.array(self._embeddings))
            df.attrs["provenance"] = dict(self._provenance)
        return df

    @classmethod
    def from_pandas(cls, df: pd.DataFrame) -> StatementTable:
        """Inverse of :meth:`to_pandas` (an ``embedding`` column becomes the embedding matrix)."""
        if _EMBEDDING_COLUMN in df:
            emb = np.stack([np.asarray(v, dtype=np.float32) for v in df[_EMBEDDING_COLUMN]])
            if len(df) == 0:
                emb = np.zeros((0, 0), dtype=np.float32)
            return cls(df, emb, df.attrs.get("provenance", {}))
        return cls(df)

    def to_parquet(self, path: str | os.PathLike[str]) -> None:
        """Write the table (statements, embeddings, provenance) to a Parquet file, atomically."""
        table = pa.Table.from_pandas(self._frame, preserve_index=False)
        meta: dict[str, Any] = {"format": 1, "provenance": self._provenance}
        if self._embeddings is not None:
            d = self._embeddings.shape[1]
            flat = pa.array(np.ascontiguousarray(self._embeddings).reshape(-1), type=pa.float32())
            table = table.append_column(
                _EMBEDDING_COLUMN, pa.FixedSizeListArray.from_arrays(flat, d)
            )
            meta["dim"] = d
        schema_meta = dict(table.schema.metadata or {})
        schema_meta[_META_KEY] = json.dumps(meta, sort_keys=True, default=str).encode()
        table = table.replace_schema_metadata(schema_meta)
        with atomic_path(path) as tmp:
            pq.write_table(table, tmp)

    @classmethod
    def read_parquet(cls, path: str | os.PathLike[str]) -> StatementTable:
        """Read a table written by :meth:`to_parquet` (or any Parquet with the required
        columns)."""
        try:
            table = pq.read_table(path)
        except (OSError, pa.ArrowInvalid) as exc:
            raise InputError(f"cannot read Parquet: {exc}", source=str(path)) from exc
        raw = (table.schema.metadata or {}).get(_META_KEY)
        meta = json.loads(raw) if raw else {}
        emb = None
        if _EMBEDDING_COLUMN in table.column_names:
            col = table.column(_EMBEDDING_COLUMN).combine_chunks()
            d = int(meta.get("dim", col.type.list_size))
            emb = col.flatten().to_numpy().astype(np.float32, copy=False).reshape(-1, d)
            table = table.drop_columns([_EMBEDDING_COLUMN])
        frame = table.to_pandas()
        try:
            return cls(frame, emb, meta.get("provenance") if emb is not None else None)
        except (ValueError, TypeError) as exc:
            raise InputError(str(exc), source=str(path)) from exc

    def equals(self, other: StatementTable) -> bool:
        """Same statements, same embeddings (bit for bit) and same provenance."""
        if self._provenance != other._provenance:
            return False
        if (self._embeddings is None) != (other._embeddings is None):
            return False
        if self._embeddings is not None and not np.array_equal(
            self._embeddings,
            other._embeddings,  # type: ignore[arg-type]
        ):
            return False
        return bool(self._frame.equals(other._frame))
