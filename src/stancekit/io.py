"""Reading articles and writing statement tables. Nothing else in stancekit reads input files.

Readers return an :class:`ArticleList`: a list of :class:`~stancekit.data.Article` that also
records the records it skipped (empty texts) and where they were.
"""

from __future__ import annotations

import datetime as _dt
import json
import math
import os
import re
import warnings
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import pandas as pd

from stancekit._atomic import atomic_path, atomic_write_text
from stancekit.data import Article
from stancekit.errors import InputError, SkippedRecordsWarning
from stancekit.table import SPANS, StatementTable

__all__ = [
    "ArticleList",
    "Columns",
    "SkippedRecord",
    "parse_date",
    "read_articles",
    "write_statements",
]

_HEADER = re.compile(r"\Adate[ \t]+(\d\S*)(?:[ \t]+(.*?))?[ \t]*\Z")
_ISO_DATE = re.compile(r"\A(\d{4})-(\d{2})-(\d{2})(?:[T ][0-9:.+\-Z]*)?\Z")
OnEmpty = Literal["warn", "error", "keep"]


@dataclass(frozen=True)
class SkippedRecord:
    """A record left out by a reader: where it was and why."""

    location: str
    reason: str


class ArticleList(list[Article]):
    """A list of articles that also remembers which input records were skipped and why."""

    skipped: tuple[SkippedRecord, ...] = ()


@dataclass(frozen=True)
class Columns:
    """Which input column holds which article field (JSONL keys, CSV/Parquet/DataFrame columns)."""

    id: str = "id"
    text: str = "text"
    date: str = "date"
    title: str = "title"
    source: str = "source"


def parse_date(value: Any) -> _dt.date | None:
    """Parse ``YYYY-MM-DD`` (optionally followed by an ISO time), a date or a Timestamp.

    Returns ``None`` for missing values; raises ``ValueError`` naming the value otherwise.
    """
    if value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NaT:
        return None
    if isinstance(value, _dt.datetime):
        return value.date()
    if isinstance(value, _dt.date):
        return value
    if isinstance(value, str):
        v = value.strip()
        if not v:
            return None
        m = _ISO_DATE.match(v)
        if m:
            try:
                return _dt.date(int(m[1]), int(m[2]), int(m[3]))
            except ValueError:
                pass
    raise ValueError(f"bad date {value!r} (expected YYYY-MM-DD)")


def read_articles(
    source: str | os.PathLike[str] | pd.DataFrame,
    *,
    columns: Columns | None = None,
    on_empty: OnEmpty = "warn",
) -> ArticleList:
    """Read articles from a file, a folder of ``.txt`` files or a DataFrame.

    Parameters
    ----------
    source
        A ``.txt`` file; a folder of ``.txt`` files (sorted by name, id = file name without
        ``.txt``); a ``.jsonl``, ``.csv`` or ``.parquet`` file; or a pandas DataFrame. A ``.txt``
        file is the body, optionally preceded by a header line ``date YYYY-MM-DD <headline>``.
        Records carry ``id`` and ``text``, optionally ``date``, ``title``, ``source``; any other
        field goes into ``Article.meta``.
    columns
        Names of the id/text/date/title/source fields when they differ from the defaults.
    on_empty
        What to do with articles whose text is empty or blank: ``"warn"`` (default) leaves them
        out and emits a :class:`~stancekit.errors.SkippedRecordsWarning` naming each one;
        ``"error"`` raises :class:`~stancekit.errors.InputError`; ``"keep"`` keeps them.

    Returns
    -------
    ArticleList
        The articles in input order; ``.skipped`` lists what was left out.

    Raises
    ------
    InputError
        Naming the file and line (or row) of a bad record: invalid UTF-8 or JSON, missing text,
        bad date, duplicate id.

    Examples
    --------
    >>> arts = read_articles("examples/data/xi-japarov-2025-06-17.txt")  # doctest: +SKIP
    >>> arts[0].date
    datetime.date(2025, 6, 17)
    """
    if on_empty not in ("warn", "error", "keep"):
        raise ValueError(f"on_empty must be 'warn', 'error' or 'keep', got {on_empty!r}")
    cols = columns or Columns()
    if isinstance(source, pd.DataFrame):
        records: Iterable[tuple[str, int, Mapping[str, Any]]] = _frame_records(
            source, "DataFrame", header_rows=0
        )
        return _build(records, cols, on_empty)
    if not isinstance(source, (str, os.PathLike)):
        raise TypeError(f"source must be a path or a pandas DataFrame, got {type(source).__name__}")
    path = Path(source)
    if not path.exists():
        raise FileNotFoundError(f"no such file or folder: {path}")
    if path.is_dir():
        files = sorted(p for p in path.iterdir() if p.suffix == ".txt" and p.is_file())
        if not files:
            raise InputError("folder holds no .txt files", source=str(path))
        return _build((_txt_record(p) for p in files), cols, on_empty)
    suffix = path.suffix.lower()
    if suffix == ".txt":
        return _build([_txt_record(path)], cols, on_empty)
    if suffix == ".jsonl":
        return _build(_jsonl_records(path), cols, on_empty)
    if suffix == ".csv":
        return _build(_csv_records(path), cols, on_empty)
    if suffix in (".parquet", ".pq"):
        try:
            frame = pd.read_parquet(path)
        except Exception as exc:
            raise InputError(f"cannot read Parquet: {exc}", source=str(path)) from exc
        return _build(_frame_records(frame, str(path), header_rows=0), cols, on_empty)
    raise InputError(
        f"unsupported file type {suffix or '(none)'!r}; expected .txt, a folder of .txt, "
        ".jsonl, .csv or .parquet",
        source=str(path),
    )


# -- record sources: each yields (source name, line/row number, record mapping) ------------------


def _decode(data: bytes, path: Path) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise InputError(
            f"invalid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start})",
            source=str(path),
            line=line,
        ) from None


def _txt_record(path: Path) -> tuple[str, int, Mapping[str, Any]]:
    text = _decode(path.read_bytes(), path).replace("\r\n", "\n")
    first, _, rest = text.partition("\n")
    record: dict[str, Any] = {"id": path.stem}
    m = _HEADER.match(first.rstrip("\r"))
    if m:
        try:
            record["date"] = parse_date(m[1])
        except ValueError as exc:
            raise InputError(f"header line: {exc}", source=str(path), line=1) from None
        if m[2]:
            record["title"] = m[2]
        text = rest
    record["text"] = text.strip()
    return str(path), 1, record


def _jsonl_records(path: Path) -> Iterator[tuple[str, int, Mapping[str, Any]]]:
    text = _decode(path.read_bytes(), path)
    for lineno, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(f"invalid JSON: {exc.msg}", source=str(path), line=lineno) from None
        if not isinstance(record, dict):
            raise InputError(
                f"expected a JSON object, got {type(record).__name__}",
                source=str(path),
                line=lineno,
            )
        yield str(path), lineno, record


def _csv_records(path: Path) -> Iterator[tuple[str, int, Mapping[str, Any]]]:
    import csv
    import io

    text = _decode(path.read_bytes(), path)
    reader = csv.DictReader(io.StringIO(text, newline=""))
    if not reader.fieldnames:
        raise InputError("CSV file has no header row", source=str(path), line=1)
    while True:
        lineno = reader.line_num + 1
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            raise InputError(f"malformed CSV: {exc}", source=str(path), line=lineno) from None
        if None in row:
            raise InputError("row has more fields than the header", source=str(path), line=lineno)
        yield str(path), lineno, {k: (v if v != "" else None) for k, v in row.items()}


def _frame_records(
    frame: pd.DataFrame, name: str, *, header_rows: int
) -> Iterator[tuple[str, int, Mapping[str, Any]]]:
    names = [str(c) for c in frame.columns]
    for i, row in enumerate(frame.itertuples(index=False, name=None)):
        record = {}
        for k, v in zip(names, row, strict=True):
            record[k] = None if _is_missing(v) else v
        yield name, i + header_rows, record


def _is_missing(v: Any) -> bool:
    if v is None or v is pd.NaT:
        return True
    return isinstance(v, float) and math.isnan(v)


# -- building articles ---------------------------------------------------------------------------


def _build(
    records: Iterable[tuple[str, int, Mapping[str, Any]]], cols: Columns, on_empty: OnEmpty
) -> ArticleList:
    out = ArticleList()
    skipped: list[SkippedRecord] = []
    seen: dict[str, str] = {}
    for name, lineno, record in records:
        where = f"{name}:{lineno}"
        art = _to_article(record, cols, name, lineno)
        if art.id in seen:
            raise InputError(
                f"duplicate id {art.id!r} (first seen at {seen[art.id]})", source=name, line=lineno
            )
        seen[art.id] = where
        if not art.text.strip() and on_empty != "keep":
            if on_empty == "error":
                raise InputError(f"article {art.id!r} has empty text", source=name, line=lineno)
            skipped.append(SkippedRecord(where, f"article {art.id!r} has empty text"))
            continue
        out.append(art)
    out.skipped = tuple(skipped)
    if skipped:
        listed = "; ".join(f"{s.location} ({s.reason})" for s in skipped[:10])
        more = f"; and {len(skipped) - 10} more" if len(skipped) > 10 else ""
        warnings.warn(
            f"skipped {len(skipped)} empty article(s): {listed}{more}",
            SkippedRecordsWarning,
            stacklevel=3,
        )
    return out


def _to_article(record: Mapping[str, Any], cols: Columns, name: str, lineno: int) -> Article:
    if cols.text not in record or record[cols.text] is None:
        raise InputError(f"missing text field {cols.text!r}", source=name, line=lineno)
    text = record[cols.text]
    if not isinstance(text, str):
        raise InputError(
            f"field {cols.text!r} must be a string, got {type(text).__name__}",
            source=name,
            line=lineno,
        )
    raw_id = record.get(cols.id)
    if raw_id is None:
        art_id = f"{Path(name).stem}-{lineno}"
    elif isinstance(raw_id, (str, int)) and not isinstance(raw_id, bool) and str(raw_id):
        art_id = str(raw_id)
    else:
        raise InputError(f"bad id {raw_id!r}", source=name, line=lineno)
    try:
        date = parse_date(record.get(cols.date))
    except ValueError as exc:
        raise InputError(str(exc), source=name, line=lineno) from None
    title = record.get(cols.title)
    src = record.get(cols.source)
    used = {cols.id, cols.text, cols.date, cols.title, cols.source}
    meta = {k: v for k, v in record.items() if k not in used}
    return Article(
        id=art_id,
        text=text,
        date=date,
        title=None if title is None else str(title),
        source=None if src is None else str(src),
        meta=meta,
    )


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
    that article's text; ``article_ids`` lists every article (those without statements get an
    empty list) in the order to write. ``.csv`` and ``.parquet`` hold the flat statement table
    (Parquet keeps embeddings and provenance).
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
    groups: dict[str, list[dict[str, Any]]] = {}
    for rec in frame.to_dict(orient="records"):
        st = {k: _plain(rec[k]) for k in _JSONL_FIELDS}
        pieces = rec.get(SPANS)
        if isinstance(pieces, str) and pieces:
            st["spans"] = json.loads(pieces)  # the pieces of a joined statement
        groups.setdefault(str(rec["article_id"]), []).append(st)
    ids = list(article_ids) if article_ids is not None else list(groups)
    missing = [a for a in groups if a not in set(ids)]
    ids.extend(missing)
    lines = [
        json.dumps({"id": a, "statements": groups.get(a, [])}, ensure_ascii=False) for a in ids
    ]
    return "".join(line + "\n" for line in lines)


def _plain(v: Any) -> Any:
    if _is_missing(v):
        return None
    if hasattr(v, "item"):
        return v.item()
    return v
