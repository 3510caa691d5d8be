"""Statement tables on disk: :func:`write_statements` writes Parquet, JSONL or CSV and
:func:`read_statements` reads each of them back."""

from __future__ import annotations

import datetime as _dt
import json
import math
import numbers
import os
import re
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from stancekit._atomic import atomic_path, atomic_write_text
from stancekit._input import (
    _csv_body,
    _csv_header,
    _csv_rows,
    _is_missing,
    _jsonl_objects,
    _plain,
    _Where,
    parse_date,
)
from stancekit.errors import InputError
from stancekit.table import COLUMNS, DEFAULTS, REQUIRED, SPANS, StatementTable

__all__ = ["read_statements", "write_statements"]

_KINDS = ("direct", "indirect", "mixed")
_INT_TEXT = re.compile(r"[+-]?\d+")
Locate = Callable[[int], _Where]


def read_statements(path: str | os.PathLike[str]) -> StatementTable:
    """Read a statement table written by :func:`write_statements`.

    Parameters
    ----------
    path
        A ``.parquet`` (or ``.pq``) file: the table with its embeddings and their provenance,
        exactly. A ``.csv`` file: the statement columns, exactly, except that an empty
        ``role`` or ``country`` comes back missing; other columns come back as booleans,
        integers, floats or text (an empty cell is missing). A ``.jsonl`` file (one record
        per article, ``{"id", "statements": [...]}``): the statements in file order; fields
        that are absent get the table's defaults (no ``date``: unknown).

    Returns
    -------
    StatementTable
        Without embeddings, except from Parquet.

    Raises
    ------
    FileNotFoundError
        When ``path`` does not exist.
    InputError
        Naming the file and line (CSV, JSONL: ``file:line``, and ``, statement k`` within a
        JSONL record) or row (Parquet: ``file, row N``, the first data row being row 1) of
        the first bad value: a missing column or field, a non-integer offset, an unknown
        ``kind``, ``end`` before ``start``, a bad date.

    Examples
    --------
    >>> write_statements(table, "statements.csv")  # doctest: +SKIP
    >>> read_statements("statements.csv").equals(table)  # doctest: +SKIP
    True
    """
    if not isinstance(path, (str, os.PathLike)):
        raise TypeError(f"path must be a str or os.PathLike, got {type(path).__name__}")
    p = Path(path)
    if not p.exists():
        raise FileNotFoundError(f"no such file: {str(p)!r}")
    if p.is_dir():
        raise InputError("is a folder; read_statements reads one file", source=str(p))
    suffix = p.suffix.lower()
    if suffix in (".parquet", ".pq"):
        try:
            return StatementTable.read_parquet(p)
        except InputError:
            _explain_parquet(p)  # raises the first bad row's error when it finds one
            raise
    if suffix == ".csv":
        data, n, locate = _statement_csv(p)
    elif suffix == ".jsonl":
        data, n, locate = _statement_jsonl(p)
    else:
        raise InputError(
            f"unsupported file type {suffix or '(none)'!r}; read_statements reads .parquet, "
            ".csv or .jsonl (what write_statements writes)",
            source=str(p),
        )
    frame = _statement_frame(data, n, locate, csv_text=suffix == ".csv")
    try:
        return StatementTable(frame)
    except (ValueError, TypeError) as exc:  # pragma: no cover - _statement_frame checks first
        raise InputError(str(exc), source=str(p)) from exc


def _not_statements(missing: Sequence[str], names: Sequence[str]) -> str:
    return (
        f"not a statement table: missing column(s) {list(missing)}; the columns are "
        f"{list(names)} (read_statements reads what write_statements writes; articles are "
        "read with read_articles)"
    )


def _statement_csv(path: Path) -> tuple[dict[str, list[Any]], int, Locate]:
    rows = _csv_rows(path)
    header_line, names = _csv_header(path, rows)
    missing = [c for c in REQUIRED if c not in names]
    if missing:
        raise InputError(_not_statements(missing, names), source=str(path), line=header_line)
    data: dict[str, list[Any]] = {n: [] for n in names}
    columns = list(data.values())
    lines: list[int] = []
    for lineno, fields in _csv_body(path, rows, len(names)):
        lines.append(lineno)
        for col, v in zip(columns, fields, strict=True):
            col.append(v)
    return data, len(lines), lambda i: _Where(str(path), lines[i])


def _statement_jsonl(path: Path) -> tuple[dict[str, list[Any]], int, Locate]:
    data: dict[str, list[Any]] = {c: [] for c in COLUMNS}
    extra: dict[str, list[Any]] = {}
    places: list[tuple[int, int]] = []
    for lineno, record in _jsonl_objects(path):
        where = _Where(str(path), lineno)
        art_id, sts = record.get("id"), record.get("statements")
        if not (isinstance(art_id, (str, int)) and not isinstance(art_id, bool) and art_id != ""):
            raise where.error(f"expected a non-empty 'id' (the article's), got {art_id!r}")
        if not isinstance(sts, list):
            raise where.error(f"'statements' must be a list, got {type(sts).__name__}")
        for k, st in enumerate(sts, start=1):
            here = _Where(str(path), lineno, detail=f", statement {k}")
            if not isinstance(st, dict):
                raise here.error(f"expected a JSON object, got {type(st).__name__}")
            missing = [c for c in REQUIRED[1:] if c not in st]
            if missing:
                raise here.error(f"missing field(s) {missing}")
            n = len(places)
            places.append((lineno, k))
            data["article_id"].append(str(art_id))
            for c in REQUIRED[1:]:
                data[c].append(st[c])
            for c, default in DEFAULTS.items():
                v = st.get(c)
                data[c].append(default if v is None else v)
            for key, v in st.items():
                if key not in COLUMNS:
                    extra.setdefault(key, [None] * n).append(v)
            for col in extra.values():
                if len(col) == n:
                    col.append(None)
    if SPANS in extra:  # where the table keeps it: after the statement columns
        data[SPANS] = extra.pop(SPANS)
    data.update(extra)
    return (
        data,
        len(places),
        lambda i: _Where(str(path), places[i][0], detail=f", statement {places[i][1]}"),
    )


def _explain_parquet(path: Path) -> None:
    """Raise an InputError naming the first bad row of a Parquet statement table, if found."""
    try:
        frame = pd.read_parquet(path)
    except Exception:  # unreadable: the caller's error says so
        return
    names = [str(c) for c in frame.columns]
    missing = [c for c in REQUIRED if c not in names]
    if missing:
        raise InputError(_not_statements(missing, names), source=str(path))
    data = {
        c: [None if _is_missing(v) else v for v in frame[c].tolist()]
        for c in (*COLUMNS, SPANS)
        if c in frame
    }

    def locate(i: int) -> _Where:
        return _Where(str(path), i + 1, "row")

    _statement_frame(data, len(frame), locate, csv_text=False, lenient=True)
    if "embedding" in frame:
        for i, v in enumerate(frame["embedding"]):
            norm = float(np.linalg.norm(np.asarray(v, dtype=np.float64)))
            if not abs(norm - 1.0) <= 1e-3:
                raise locate(i).error(f"embedding has norm {norm:.6f}; embeddings are unit-norm")


def _statement_frame(
    data: Mapping[str, Sequence[Any]],
    n: int,
    locate: Locate,
    *,
    csv_text: bool,
    lenient: bool = False,
) -> pd.DataFrame:
    """Typed, checked statement columns from raw values (CSV text, JSON values or a Parquet
    frame's values); the first bad value raises an InputError naming its place."""
    what = "column" if csv_text or lenient else "field"
    out: dict[str, list[Any]] = {}
    for name, values in data.items():
        if COLUMNS.get(name) == "int64":
            out[name] = _int_cells(values, name, locate, what, csv_text, lenient)
        elif name == "date":
            out[name] = _date_cells(values, locate)
        elif name in COLUMNS:
            out[name] = _str_cells(values, name, locate, what, csv_text, lenient)
        elif name == SPANS:
            out[name] = _spans_cells(values, locate, csv_text)
        else:
            out[name] = _infer(values) if csv_text else list(values)
    bad_kind = next((i for i, k in enumerate(out.get("kind", ())) if k not in _KINDS), None)
    if bad_kind is not None:
        got = out["kind"][bad_kind]
        raise locate(bad_kind).error(f"kind must be one of {list(_KINDS)}, got {got!r}")
    starts, ends = np.asarray(out["start"], dtype=np.int64), np.asarray(out["end"], dtype=np.int64)
    bad = np.flatnonzero(ends < starts)
    if bad.size:
        i = int(bad[0])
        raise locate(i).error(f"end ({ends[i]}) is before start ({starts[i]})")
    return pd.DataFrame(out, index=pd.RangeIndex(n))


def _int_cells(
    values: Sequence[Any], name: str, locate: Locate, what: str, csv_text: bool, lenient: bool
) -> list[int]:
    if csv_text:
        try:
            return [int(v) for v in values]
        except ValueError:
            pass  # find the bad one below
    out = []
    for i, v in enumerate(values):
        whole = (
            (isinstance(v, numbers.Integral) and not isinstance(v, bool))
            or (csv_text and isinstance(v, str) and _INT_TEXT.fullmatch(v.strip()) is not None)
            or (lenient and isinstance(v, float) and v.is_integer())
        )
        if not whole:
            raise locate(i).error(f"{what} {name!r} must be an integer, got {v!r}")
        out.append(int(v))
    return out


def _str_cells(
    values: Sequence[Any], name: str, locate: Locate, what: str, csv_text: bool, lenient: bool
) -> list[str | None]:
    optional = name in ("role", "country")
    if csv_text:  # every CSV cell is text; only role and country can be missing
        return [v or None for v in values] if optional else list(values)
    out: list[str | None] = []
    for i, v in enumerate(values):
        if v is None and optional:
            out.append(None)
        elif isinstance(v, str) or (lenient and v is not None):
            out.append(str(v))
        elif v is None:
            raise locate(i).error(f"{what} {name!r} is missing")
        else:
            raise locate(i).error(f"{what} {name!r} must be a string, got {v!r}")
    return out


def _date_cells(values: Sequence[Any], locate: Locate) -> list[_dt.date | None]:
    seen: dict[Any, _dt.date | None] = {}
    out = []
    for i, v in enumerate(values):
        try:
            d = seen[v] if isinstance(v, str) and v in seen else parse_date(v)
        except ValueError as exc:
            raise locate(i).error(str(exc)) from None
        if isinstance(v, str):
            seen[v] = d
        out.append(d)
    return out


def _spans_cells(values: Sequence[Any], locate: Locate, csv_text: bool) -> list[str]:
    out = []
    for i, v in enumerate(values):
        if v is None or v == "":
            out.append("")
            continue
        try:
            pairs = json.loads(v) if isinstance(v, str) else v
        except ValueError:
            pairs = None
        if not (
            isinstance(pairs, list)
            and all(
                isinstance(p, list)
                and len(p) == 2
                and all(isinstance(x, int) and not isinstance(x, bool) for x in p)
                for p in pairs
            )
        ):
            raise locate(i).error(f"spans must be a list of [start, end] pairs, got {v!r}")
        out.append(v if isinstance(v, str) else json.dumps(pairs) if pairs else "")
    return out


def _infer(values: Sequence[str]) -> list[Any]:
    """A CSV column that is not a statement column: booleans, integers, floats or text."""
    present = [v for v in values if v != ""]
    if not present:
        return [None] * len(values)
    if len(present) == len(values) and all(v in ("True", "False") for v in values):
        return [v == "True" for v in values]
    if len(present) == len(values) and all(_INT_TEXT.fullmatch(v) for v in values):
        return [int(v) for v in values]
    try:
        return [float(v) if v != "" else math.nan for v in values]
    except ValueError:
        return [v if v != "" else None for v in values]


# -- writers -------------------------------------------------------------------------------------

_JSONL_FIELDS = (
    "speaker",
    "start",
    "end",
    "mention_start",
    "mention_end",
    "mention",
    "kind",
    "cue",
    "text",
    "sentence",
    "role",
    "country",
)


def write_statements(
    table: StatementTable,
    path: str | os.PathLike[str],
    *,
    article_ids: Sequence[str] | None = None,
) -> None:
    """Write statements to ``.jsonl``, ``.csv`` or ``.parquet``, atomically.

    ``.jsonl`` holds one record per article, ``{"id", "statements": [...]}``, with offsets into
    that article's text, the article's ``date`` (``YYYY-MM-DD`` or ``null``) and the table's
    further columns in each statement; ``article_ids`` lists every article (those without
    statements get an empty list) in the order to write. ``.csv`` and ``.parquet`` hold the
    flat statement table (Parquet keeps embeddings and provenance). :func:`read_statements`
    reads each back (see there for what CSV and JSONL keep).
    """
    p = Path(path)
    suffix = p.suffix.lower()
    if suffix == ".parquet":
        table.to_parquet(p)
    elif suffix == ".csv":
        with atomic_path(p) as tmp:
            table.to_pandas(embeddings=False).to_csv(tmp, index=False, date_format="%Y-%m-%d")
    elif suffix == ".jsonl":
        atomic_write_text(p, _jsonl_text(table, article_ids))
    else:
        raise ValueError(f"output must end in .jsonl, .csv or .parquet, got {p.name!r}")


def _jsonl_text(table: StatementTable, article_ids: Sequence[str] | None) -> str:
    frame = table.to_pandas(embeddings=False)
    extras = [c for c in frame.columns if c not in COLUMNS and c != SPANS]
    groups: dict[str, list[dict[str, Any]]] = {}
    for rec in frame.to_dict(orient="records"):
        st = {k: _plain(rec[k]) for k in _JSONL_FIELDS}
        st["date"] = None if _is_missing(rec["date"]) else rec["date"].strftime("%Y-%m-%d")
        pieces = rec.get(SPANS)
        if isinstance(pieces, str) and pieces:
            st["spans"] = json.loads(pieces)  # the pieces of a joined statement
        st.update((k, _plain(rec[k])) for k in extras)
        groups.setdefault(str(rec["article_id"]), []).append(st)
    ids = list(article_ids) if article_ids is not None else list(groups)
    known = set(ids)
    ids.extend(a for a in groups if a not in known)
    lines = [
        json.dumps({"id": a, "statements": groups.get(a, [])}, ensure_ascii=False, default=str)
        for a in ids
    ]
    return "".join(line + "\n" for line in lines)
