"""Reading articles and statement tables, writing statement tables. Nothing else in stancekit
reads input files: the statement tables' reader and writers live in ``_statements_io`` and the
low-level reading both share (locations, decoding, JSONL, CSV, dates) in ``_input``; this
module is where users find them.

Article readers return an :class:`ArticleList`: a list of :class:`~stancekit.data.Article` that
also records what was left out (articles with empty text, entries of a folder that are not
read) and where; :func:`describe_skipped` words that list for people. :func:`read_statements`
reads back what :func:`write_statements` writes.

Locations in errors and in :attr:`ArticleList.skipped` are ``file:line`` for text files (JSONL,
CSV, ``.txt``; the first line is 1) and ``file, row N`` for Parquet files and DataFrames (the
first data row is row 1).
"""

from __future__ import annotations

import itertools
import numbers
import os
import re
import warnings
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import pandas as pd

from stancekit._input import (
    _csv_body,
    _csv_header,
    _csv_rows,
    _decode,
    _is_missing,
    _jsonl_objects,
    _plain,
    _Where,
    parse_date,
)
from stancekit._statements_io import read_statements, write_statements
from stancekit.data import Article
from stancekit.errors import InputError, SkippedRecordsWarning

__all__ = [
    "ArticleList",
    "Columns",
    "SkippedRecord",
    "describe_skipped",
    "parse_date",
    "read_articles",
    "read_statements",
    "write_statements",
]

_HEADER = re.compile(r"\Adate[ \t]+(\d\S*)(?:[ \t]+(.*?))?[ \t]*\Z")
_SUFFIXES = (".txt", ".jsonl", ".csv", ".parquet", ".pq")
_KNOWN = ".txt, .jsonl, .csv, .parquet or .pq files"
_FILE_SUFFIX = re.compile(r"\.[A-Za-z][A-Za-z0-9]{0,9}\Z")
_TEXT_LIKE = ("body", "content", "text", "article", "story", "full_text", "transcript", "speech")
_LISTED = 10  # how many skipped records or folder entries a message names
OnEmpty = Literal["warn", "error", "keep"]
Record = tuple["_Where", Mapping[str, Any]]


@dataclass(frozen=True)
class SkippedRecord:
    """A record or file left out by a reader: where it was and why.

    Attributes
    ----------
    location
        ``"file:line"`` (JSONL, CSV, ``.txt``), ``"file, row N"`` (Parquet, DataFrame) or, for
        an entry of a folder that is not read, its path.
    reason
        Why it was left out (``"article 'b' has empty text"``, ``"a subfolder ..."``).
    kind
        ``"empty"``: an article with empty text; ``"file"``: a folder entry that is not read.
    """

    location: str
    reason: str
    kind: Literal["empty", "file"] = "empty"


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


def read_articles(
    source: str | os.PathLike[str] | pd.DataFrame,
    *,
    columns: Columns | None = None,
    on_empty: OnEmpty = "warn",
) -> ArticleList:
    """Read articles from a file, a folder of files or a DataFrame.

    Parameters
    ----------
    source
        A path or a pandas DataFrame; a string is always a path here. A file is read by its
        suffix (any case): ``.txt`` (one article: the body, optionally preceded by a header
        line ``date YYYY-MM-DD <headline>``; id = file name without suffix), ``.jsonl`` (one
        JSON object per line), ``.csv`` (a header row, then one article per row) or
        ``.parquet``/``.pq``. A folder: every such file in it, in file-name order, links to
        files followed; subfolders and other files are not read but are listed in
        ``.skipped`` and in the warning. Records carry ``id`` and ``text``, optionally
        ``date``, ``title``, ``source``; any other field goes into ``Article.meta``. A record
        without an id gets ``<file name>-<line or row>``. Ids must be unique across all files.
    columns
        Names of the id/text/date/title/source fields when they differ from the defaults, e.g.
        ``Columns(text="body")``.
    on_empty
        What to do with articles whose text is empty, blank or missing (an empty CSV cell,
        ``null`` in JSON, NaN in a table): ``"warn"`` (default) leaves them out and emits a
        :class:`~stancekit.errors.SkippedRecordsWarning` naming each one; ``"error"`` raises
        :class:`~stancekit.errors.InputError`; ``"keep"`` keeps them (a missing text becomes
        ``""``).

    Returns
    -------
    ArticleList
        The articles in input order; ``.skipped`` lists what was left out
        (:func:`describe_skipped` words it).

    Raises
    ------
    FileNotFoundError
        When ``source`` does not exist.
    InputError
        Naming the file and line (``file:line``) or row (``file, row N``, the first data row
        being row 1) of a bad record: invalid UTF-8, JSON or CSV quoting (an unterminated quote
        is reported at the line where it opens), no text column (the message lists the
        columns there are), a bad date, a duplicate id (naming both places); or a folder with
        nothing to read, listing what it holds.

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
        return _build(_frame_records(source, "DataFrame", cols), cols, on_empty)
    if not isinstance(source, (str, os.PathLike)):
        raise TypeError(f"source must be a path or a pandas DataFrame, got {type(source).__name__}")
    path = Path(source)
    if not path.exists():
        raise FileNotFoundError(f"no such file or folder: {str(path)!r}")
    if path.is_dir():
        files, skipped = _folder_files(path)
        records = itertools.chain.from_iterable(_file_records(p, cols) for p in files)
        return _build(records, cols, on_empty, skipped)
    if path.suffix.lower() not in _SUFFIXES:
        raise InputError(
            f"unsupported file type {path.suffix or '(none)'!r}; expected {_KNOWN}, or a folder",
            source=str(path),
        )
    return _build(_file_records(path, cols), cols, on_empty)


def describe_skipped(skipped: Sequence[SkippedRecord], *, limit: int = _LISTED) -> str:
    """Say what a reader left out: a count, then the first ``limit`` places, one a line.

    Parameters
    ----------
    skipped
        ``ArticleList.skipped``.
    limit
        How many places to name; the rest are counted (``and 3 more``).

    Returns
    -------
    str
        ``""`` when nothing was skipped, else for example::

            skipped 2 empty articles and 1 file or folder not read:
              corpus/a.jsonl:4: article 'x' has empty text
              corpus/b.csv:2: article 'y' has empty text
              corpus/notes.md: unsupported file type '.md'
    """
    if not skipped:
        return ""
    n_empty = sum(1 for s in skipped if s.kind == "empty")
    n_file = len(skipped) - n_empty
    parts = []
    if n_empty:
        parts.append(f"{n_empty} empty article{'s' if n_empty != 1 else ''}")
    if n_file:
        parts.append(f"{n_file} {'files or folders' if n_file != 1 else 'file or folder'} not read")
    lines = [f"skipped {' and '.join(parts)}:"]
    lines += [f"  {s.location}: {s.reason}" for s in skipped[:limit]]
    if len(skipped) > limit:
        lines.append(f"  and {len(skipped) - limit} more")
    return "\n".join(lines)


def _names_a_path(value: str) -> bool:
    """Whether :func:`stancekit.segment` reads the string ``value`` as a path: it has no line
    break and ends in a reader suffix (any case), or is one word (no whitespace) with a path
    separator or a file suffix (``data/in``, ``articles.jsonll``), or names something that
    exists."""
    if not value.strip() or "\n" in value or "\r" in value:
        return False
    if value.lower().endswith(_SUFFIXES):
        return True
    if not any(c.isspace() for c in value) and (
        "/" in value or "\\" in value or os.sep in value or _FILE_SUFFIX.search(value)
    ):
        return True
    return os.path.exists(value)


# -- record sources: each yields (where, record mapping) ----------------------------------------


def _folder_files(folder: Path) -> tuple[list[Path], list[SkippedRecord]]:
    """The files of ``folder`` the readers know, by name, and the entries left out."""
    files: list[Path] = []
    skipped: list[SkippedRecord] = []
    names: list[str] = []
    for p in sorted(folder.iterdir(), key=lambda q: q.name):
        if p.is_dir():
            reason, name = "a subfolder (subfolders are not read)", p.name + "/"
        elif not p.is_file():
            reason = "a broken link" if p.is_symlink() else "not a regular file"
            name = p.name
        elif p.suffix.lower() not in _SUFFIXES:
            kind = repr(p.suffix) if p.suffix else "(no suffix)"
            reason, name = f"unsupported file type {kind}", p.name
        else:
            files.append(p)
            continue
        skipped.append(SkippedRecord(str(p), reason, "file"))
        names.append(name)
    if not files:
        if not names:
            raise InputError(f"folder is empty; it should hold {_KNOWN}", source=str(folder))
        listed = ", ".join(names[:_LISTED])
        if len(names) > _LISTED:
            listed += f", and {len(names) - _LISTED} more"
        entries = "entry" if len(names) == 1 else "entries"
        raise InputError(
            f"folder holds no file stancekit reads ({_KNOWN}); it holds {len(names)} "
            f"{entries}: {listed}",
            source=str(folder),
        )
    return files, skipped


def _file_records(path: Path, cols: Columns) -> Iterator[Record]:
    suffix = path.suffix.lower()
    if suffix == ".txt":
        yield _txt_record(path)
    elif suffix == ".jsonl":
        for lineno, record in _jsonl_objects(path):
            yield _Where(str(path), lineno), record
    elif suffix == ".csv":
        yield from _csv_records(path, cols)
    else:
        try:
            frame = pd.read_parquet(path)
        except Exception as exc:
            raise InputError(f"cannot read Parquet: {exc}", source=str(path)) from exc
        yield from _frame_records(frame, str(path), cols)


def _txt_record(path: Path) -> Record:
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
    return _Where(str(path), 1), record


def _csv_records(path: Path, cols: Columns) -> Iterator[Record]:
    rows = _csv_rows(path)
    header_line, names = _csv_header(path, rows)
    if cols.text not in names:
        raise InputError(_no_text(cols, names, "column"), source=str(path), line=header_line)
    for lineno, fields in _csv_body(path, rows, len(names)):
        record = {k: (v if v != "" else None) for k, v in zip(names, fields, strict=True)}
        yield _Where(str(path), lineno), record


def _frame_records(frame: pd.DataFrame, name: str, cols: Columns) -> Iterator[Record]:
    names = [str(c) for c in frame.columns]
    repeated = sorted({n for n in names if names.count(n) > 1})
    if repeated:
        raise InputError(f"repeated column(s) {repeated}", source=name)
    if cols.text not in names:
        raise InputError(_no_text(cols, names, "column"), source=name)
    index = frame.index
    plain = isinstance(index, pd.RangeIndex) and index.start == 0 and index.step == 1
    for i, row in enumerate(frame.itertuples(index=False, name=None)):
        detail = "" if plain else f" (index {_plain(index[i])!r})"
        record = {k: (None if _is_missing(v) else v) for k, v in zip(names, row, strict=True)}
        yield _Where(name, i + 1, "row", detail), record


def _no_text(cols: Columns, have: Sequence[str], what: Literal["column", "field"]) -> str:
    others = [h for h in have if h not in (cols.id, cols.date, cols.title, cols.source)]
    guess = next((h for h in others if h.lower() in _TEXT_LIKE), others[0] if others else "...")
    there = "this record's fields are" if what == "field" else "the columns are"
    return (
        f"missing text {what} {cols.text!r}; {there} {list(have)}; name the {what} that holds "
        f"the text with columns=Columns(text={guess!r})"
    )


# -- building articles ---------------------------------------------------------------------------


def _build(
    records: Iterable[Record],
    cols: Columns,
    on_empty: OnEmpty,
    skipped: Sequence[SkippedRecord] = (),
) -> ArticleList:
    out = ArticleList()
    left_out = list(skipped)
    seen: dict[str, _Where] = {}
    for where, record in records:
        art = _to_article(record, cols, where)
        if art.id in seen:
            raise where.error(f"duplicate id {art.id!r} (also at {seen[art.id]})")
        seen[art.id] = where
        if not art.text.strip() and on_empty != "keep":
            if on_empty == "error":
                raise where.error(f"article {art.id!r} has empty text")
            left_out.append(SkippedRecord(str(where), f"article {art.id!r} has empty text"))
            continue
        out.append(art)
    out.skipped = tuple(left_out)
    if left_out:
        warnings.warn(describe_skipped(left_out), SkippedRecordsWarning, stacklevel=3)
    return out


def _to_article(record: Mapping[str, Any], cols: Columns, where: _Where) -> Article:
    if cols.text not in record:
        raise where.error(_no_text(cols, list(record), "field"))
    text = record[cols.text]
    if text is None:
        text = ""  # a missing text is an empty one: ``on_empty`` decides
    if not isinstance(text, str):
        raise where.error(f"field {cols.text!r} must be a string, got {type(text).__name__}")
    try:
        date = parse_date(record.get(cols.date))
    except ValueError as exc:
        raise where.error(str(exc)) from None
    title = record.get(cols.title)
    src = record.get(cols.source)
    used = {cols.id, cols.text, cols.date, cols.title, cols.source}
    meta = {k: v for k, v in record.items() if k not in used}
    return Article(
        id=_article_id(record.get(cols.id), where),
        text=text,
        date=date,
        title=None if title is None else str(title),
        source=None if src is None else str(src),
        meta=meta,
    )


def _article_id(raw: Any, where: _Where) -> str:
    if raw is None:
        return f"{Path(where.source).stem}-{where.number}"
    if isinstance(raw, str) and raw:
        return raw
    if isinstance(raw, numbers.Integral) and not isinstance(raw, bool):
        return str(int(raw))
    if isinstance(raw, float) and raw.is_integer():  # an int column with gaps is float
        return str(int(raw))
    raise where.error(f"bad id {raw!r} (expected a non-empty string or an integer)")


# -- reading statement tables --------------------------------------------------------------------


# -- writers -------------------------------------------------------------------------------------
