"""Low-level reading shared by the article and statement readers: where a record is, text
decoding, JSONL objects, CSV rows with the line where a bad quote opens, dates."""

from __future__ import annotations

import csv
import datetime as _dt
import itertools
import json
import math
import re
from collections.abc import Iterator
from dataclasses import dataclass
from io import StringIO
from pathlib import Path
from typing import Any, Literal

import numpy as np
import pandas as pd

from stancekit.errors import InputError

__all__ = [
    "_Where",
    "_csv_body",
    "_csv_header",
    "_csv_rows",
    "_decode",
    "_is_missing",
    "_jsonl_objects",
    "_plain",
    "parse_date",
]

_ISO_DATE = re.compile(
    r"\A(\d{4})-(\d{2})-(\d{2})"
    r"(?:[Tt ](\d{2})(?::?(\d{2})(?::?(\d{2})(?:[.,]\d+)?)?)?"
    r"(?:[Zz]|[+-](\d{2})(?::?(\d{2}))?)?)?\Z"
)
_TIME_FIELDS = ((4, "hour", 23), (5, "minute", 59), (6, "second", 60), (7, "offset hour", 23))
_NEWLINE = re.compile(r"\r\n|\r|\n")


@dataclass(frozen=True)
class _Where:
    """Where a record is: a 1-based line of a text file or a 1-based data row of a table."""

    source: str
    number: int
    unit: Literal["line", "row"] = "line"
    detail: str = ""  # ", statement 2" or " (index 'k7')"

    def __str__(self) -> str:
        if self.unit == "line":
            return f"{self.source}:{self.number}{self.detail}"
        return f"{self.source}, row {self.number}{self.detail}"

    def error(self, message: str) -> InputError:
        if self.unit == "line" and not self.detail:
            return InputError(message, source=self.source, line=self.number)
        err = InputError(f"{self}: {message}")
        err.source, err.line, err.reason = self.source, self.number, message
        return err


def parse_date(value: Any) -> _dt.date | None:
    """Parse ``YYYY-MM-DD`` (optionally followed by an ISO time), a date or a Timestamp.

    The time, when there is one (``T14:30``, ``14:30:05.25``, ``T14:30:00Z``,
    ``T14:30:00+05:30``), is checked and dropped.

    Parameters
    ----------
    value
        A string, :class:`datetime.date`, :class:`datetime.datetime` (or pandas Timestamp), or
        a missing value (``None``, NaN, NaT, blank string).

    Returns
    -------
    datetime.date or None
        ``None`` for a missing value.

    Raises
    ------
    ValueError
        Naming the value, for anything else, an impossible date (``2025-02-30``) or an
        impossible time (``2025-06-17T99:99:99``).
    """
    if value is None or value is pd.NaT or (isinstance(value, float) and math.isnan(value)):
        return None
    if isinstance(value, _dt.datetime):
        return value.date()
    if isinstance(value, _dt.date):
        return value
    if isinstance(value, str) and not value.strip():
        return None
    m = _ISO_DATE.match(value.strip()) if isinstance(value, str) else None
    if not m:
        raise ValueError(
            f"bad date {value!r} (expected YYYY-MM-DD, optionally followed by a time such as "
            "T14:30:00Z)"
        )
    for group, name, top in _TIME_FIELDS:
        if m[group] is not None and int(m[group]) > top:
            raise ValueError(f"bad date {value!r}: {name} {m[group]} is out of range 00-{top}")
    if m[8] is not None and int(m[8]) > 59:
        raise ValueError(f"bad date {value!r}: offset minute {m[8]} is out of range 00-59")
    try:
        return _dt.date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError as exc:
        raise ValueError(f"bad date {value!r}: {exc}") from None


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


def _jsonl_objects(path: Path) -> Iterator[tuple[int, dict[str, Any]]]:
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
        yield lineno, record


def _csv_rows(path: Path) -> Iterator[tuple[int, list[str]]]:
    """The non-blank rows of a CSV file (the header first), each with its first line."""
    text = _decode(path.read_bytes(), path)
    if csv.field_size_limit() < len(text):
        csv.field_size_limit(len(text) + 1)  # a long transcript is one field
    reader = csv.reader(StringIO(text, newline=""), strict=True)
    while True:
        lineno = reader.line_num + 1
        try:
            fields = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            raise _csv_error(text, lineno, exc, path) from None
        if fields:
            yield lineno, fields


def _csv_header(path: Path, rows: Iterator[tuple[int, list[str]]]) -> tuple[int, list[str]]:
    first = next(rows, None)
    if first is None:
        raise InputError("CSV file is empty: no header row", source=str(path), line=1)
    lineno, names = first
    repeated = sorted({n for n in names if names.count(n) > 1})
    if repeated:
        raise InputError(f"the header repeats column(s) {repeated}", source=str(path), line=lineno)
    return lineno, names


def _csv_body(
    path: Path, rows: Iterator[tuple[int, list[str]]], n_fields: int
) -> Iterator[tuple[int, list[str]]]:
    for lineno, fields in rows:
        if len(fields) != n_fields:
            more = "more" if len(fields) > n_fields else "fewer"
            raise InputError(
                f"row has {len(fields)} field(s), the header has {n_fields} ({more} fields than "
                "the header)",
                source=str(path),
                line=lineno,
            )
        yield lineno, fields


def _csv_error(text: str, lineno: int, exc: csv.Error, path: Path) -> InputError:
    """The error for a CSV record starting on ``lineno`` that the parser rejects: a badly
    quoted field is reported at the line where its quote opens."""
    start = 0
    if lineno > 1:
        ends = itertools.islice(_NEWLINE.finditer(text), lineno - 2, None)
        start = next((m.end() for m in ends), len(text))
    found = _quote_problem(text, start)
    if found is None:
        return InputError(f"malformed CSV: {exc}", source=str(path), line=lineno)
    return InputError(found[1], source=str(path), line=found[0])


def _quote_problem(text: str, pos: int) -> tuple[int, str] | None:
    """The first badly quoted field of the CSV record that starts at offset ``pos``: the line
    where its quote opens and what is wrong, or ``None``."""
    field_start = True
    i = pos
    while i < len(text):
        c = text[i]
        if field_start and c == '"':
            close = i + 1
            while (close := text.find('"', close)) >= 0 and text.startswith('""', close):
                close += 2  # a doubled quote is a quote inside the field
            line = 1 + len(_NEWLINE.findall(text, 0, i))
            if close < 0:
                return line, (
                    "unterminated quote: the quoted field that opens on this line never closes, "
                    "so every later line would become part of it; close it, and write a quote "
                    'inside a quoted field as ""'
                )
            after = text[close + 1 : close + 2]
            if after not in ("", ",", "\r", "\n"):
                return line, (
                    "badly quoted field: the quote that opens on this line closes on line "
                    f"{1 + len(_NEWLINE.findall(text, 0, close))} followed by {after!r} instead "
                    'of a comma or the end of the line; write a quote inside a quoted field as ""'
                )
            i, field_start = close + 1, False
            continue
        if c in "\r\n":
            return None
        field_start = c == ","
        i += 1
    return None


def _is_missing(v: Any) -> bool:
    if v is None or v is pd.NaT or v is pd.NA:
        return True
    return isinstance(v, (float, np.floating)) and math.isnan(v)


def _plain(v: Any) -> Any:
    if _is_missing(v):
        return None
    if hasattr(v, "item"):
        return v.item()
    return v
