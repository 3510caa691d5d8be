"""What the subcommands of the command line share (see :mod:`stancekit.cli`).

- :class:`CommandError` and :class:`Parser`: every mistake is reported as one line,
  ``stancekit <command>: error: ...``, exit status 2 for usage (an option, a path) and 1 for
  the data;
- checks that run before any slow work: input paths, output files and folders, time windows,
  the embedding model, speakers and columns;
- reading statements or articles with the options of the command line.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

from stancekit._suggest import close_names

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

    from stancekit.embed import SentenceTransformerEmbedder
    from stancekit.io import ArticleList, Columns
    from stancekit.table import StatementTable

__all__ = [
    "DATA",
    "USAGE",
    "CommandError",
    "Parser",
    "add_column_options",
    "check_dates",
    "check_groups",
    "check_input",
    "check_output_file",
    "check_output_folder",
    "check_speaker_column",
    "check_window",
    "is_statement_file",
    "non_negative_int",
    "one_line",
    "positive_int",
    "prepare_model",
    "read_input_articles",
    "read_statement_file",
]

#: Exit status of a usage error (a bad option or path), as argparse gives.
USAGE = 2
#: Exit status of bad data (an empty or malformed input).
DATA = 1

_WINDOW_HELP = (
    "use a pandas frequency: YE (calendar years), 5YE (five-year spans), QE (quarters), "
    "ME (months), W (weeks), D (days)"
)
_UNIT_ALIASES = {
    "y": "YE",
    "yr": "YE",
    "year": "YE",
    "years": "YE",
    "a": "YE",
    "q": "QE",
    "quarter": "QE",
    "quarters": "QE",
    "m": "ME",
    "month": "ME",
    "months": "ME",
    "w": "W",
    "week": "W",
    "weeks": "W",
    "d": "D",
    "day": "D",
    "days": "D",
}
_FIELDS = ("text", "id", "date", "title", "source")


class CommandError(Exception):
    """A mistake the user can fix, printed as ``stancekit <command>: error: <message>``.

    ``status`` is the exit status: :data:`USAGE` (2) for an option or a path, :data:`DATA`
    (1) for the content of the input.
    """

    def __init__(self, message: str, *, status: int = USAGE) -> None:
        super().__init__(message)
        self.status = status


class Parser(argparse.ArgumentParser):
    """An argument parser whose usage errors are one line (and exit 2), as every other error."""

    def error(self, message: str) -> NoReturn:
        self.exit(USAGE, f"{self.prog}: error: {one_line(message)} (see '{self.prog} --help')\n")


def one_line(message: object) -> str:
    """``message`` on one line: its lines stripped and joined by spaces."""
    return " ".join(part.strip() for part in str(message).splitlines() if part.strip())


def positive_int(value: str) -> int:
    """An argparse type: an integer of at least 1."""
    return _int_at_least(value, 1)


def non_negative_int(value: str) -> int:
    """An argparse type: an integer of at least 0."""
    return _int_at_least(value, 0)


def _int_at_least(value: str, low: int) -> int:
    try:
        n = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not an integer: {value!r}") from None
    if n < low:
        raise argparse.ArgumentTypeError(f"must be at least {low}, got {n}")
    return n


# -- paths ---------------------------------------------------------------------------------------


def check_input(path: Path, *, option: str | None = None, folder_ok: bool = True) -> None:
    """Fail unless ``path`` exists (and is a file when ``folder_ok`` is false)."""
    name = f"{option} {path}" if option else str(path)
    if not path.exists():
        raise CommandError(f"{name}: no such file or folder")
    if not folder_ok and path.is_dir():
        raise CommandError(f"{name} is a folder; expected a file")


def check_output_file(path: Path, suffixes: Sequence[str], *, option: str = "--output") -> None:
    """Fail unless ``path`` ends in one of ``suffixes``, is not a folder, and can be written."""
    suffix = path.suffix.lower()
    if suffix not in suffixes:
        raise CommandError(
            f"{option} {path}: unsupported file type {suffix or '(none)'!r}; "
            f"use {_either(suffixes)}"
        )
    if path.is_dir():
        raise CommandError(f"{option} {path} is a folder; give a file name ending in {suffix}")
    _check_writable(path.parent, option, path)


def check_output_folder(path: Path, *, option: str = "--output") -> None:
    """Fail when ``path`` is a file, or cannot be created or written."""
    if path.exists() and not path.is_dir():
        raise CommandError(
            f"{option} {path} is a file, not a folder; give a folder (it is created if missing)"
        )
    _check_writable(path, option, path)


def _check_writable(folder: Path, option: str, target: Path) -> None:
    """The nearest existing folder at or above ``folder`` must be a writable folder."""
    here = folder.absolute()
    while not here.exists() and here != here.parent:
        here = here.parent
    if not here.is_dir():
        raise CommandError(f"{option} {target}: {here} is a file, not a folder")
    if not os.access(here, os.W_OK | os.X_OK):
        raise CommandError(f"{option} {target}: cannot write in {here} (permission denied)")


def _either(items: Sequence[str]) -> str:
    items = list(items)
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " or " + items[-1]


# -- options -------------------------------------------------------------------------------------


def check_window(spec: str, *, option: str = "--window") -> None:
    """Fail unless ``spec`` is a pandas frequency of positive length, suggesting a fix."""
    if _is_window(spec):
        return
    guess = _window_guess(spec)
    hint = f"; did you mean {guess!r}?" if guess else ""
    raise CommandError(f"{option} {spec!r} is not a time window{hint} ({_WINDOW_HELP})")


def _is_window(spec: str) -> bool:
    from pandas.tseries.frequencies import to_offset

    try:
        offset = to_offset(spec)
    except (ValueError, TypeError):
        return False
    return bool(offset.n >= 1)


def _window_guess(spec: str) -> str | None:
    m = re.fullmatch(r"\s*(\d*)\s*([A-Za-z]+)\s*", spec)
    if m is None:
        return None
    unit = _UNIT_ALIASES.get(m[2].lower(), m[2].upper())
    for cand in (f"{m[1]}{unit}", f"{m[1]}{unit}E"):
        if cand != spec and _is_window(cand):
            return cand
    return None


class _Announced:
    """A sentence-transformers embedder that says on stderr when its model starts to load.

    The model loads at the first texts that are not in the cache (none: no load, no line).
    """

    def __init__(self, inner: SentenceTransformerEmbedder) -> None:
        self.inner = inner
        self._said = False

    @property
    def name(self) -> str:
        return self.inner.name

    @property
    def identity(self) -> str:
        return self.inner.identity

    def provenance(self) -> dict[str, Any]:
        return self.inner.provenance()

    def encode(self, texts: Sequence[str]) -> npt.NDArray[np.float32]:
        if not self._said:
            self._said = True
            print(f"loading model {self.name} ...", file=sys.stderr, flush=True)
        return self.inner.encode(texts)


def prepare_model(
    model: str, *, device: str | None = None, batch_size: int = 64, option: str = "--model"
) -> Any:
    """What to pass as ``embed(model=...)``: ``"lsa"``, or the model found on disk (checked now,
    before any slow work) wrapped to announce its loading."""
    if model.strip().lower() == "lsa":
        return "lsa"
    from stancekit.embed import SentenceTransformerEmbedder
    from stancekit.errors import ModelUnavailableError

    try:
        inner = SentenceTransformerEmbedder(model, device=device, batch_size=batch_size)
    except (ModelUnavailableError, ValueError, TypeError) as exc:
        raise CommandError(f"{option} {model!r}: {one_line(exc)}") from None
    return _Announced(inner)


# -- inputs --------------------------------------------------------------------------------------


def add_column_options(p: argparse.ArgumentParser) -> None:
    """``--text-column`` and its siblings: which input field holds which article field."""
    g = p.add_argument_group(
        "input columns", "names of the article fields in JSONL, CSV or Parquet input"
    )
    for field in _FIELDS:
        g.add_argument(
            f"--{field}-column",
            metavar="NAME",
            default=field,
            help=f"field holding the article's {field} (default {field})",
        )


def _columns(args: argparse.Namespace) -> Columns | None:
    """The column options as :class:`~stancekit.io.Columns`; ``None`` for ``.txt`` input, which
    has no fields to name (an option given for it is a mistake)."""
    from stancekit.io import Columns

    cols = Columns(
        id=args.id_column,
        text=args.text_column,
        date=args.date_column,
        title=args.title_column,
        source=args.source_column,
    )
    path: Path = args.input
    if path.is_dir() or path.suffix.lower() == ".txt":
        given = [f for f in _FIELDS if getattr(cols, f) != getattr(Columns(), f)]
        if given:
            raise CommandError(
                f"--{given[0]}-column names a field of JSONL, CSV or Parquet input; "
                f"{path} is plain text"
            )
        return None
    return cols


def read_input_articles(args: argparse.Namespace) -> ArticleList:
    """The articles of ``args.input``, with the column options; fails when none is left, and
    names the skipped ones on stderr."""
    from stancekit.errors import InputError
    from stancekit.io import describe_skipped, read_articles

    path: Path = args.input
    try:
        articles = read_articles(path, columns=_columns(args))
    except InputError as exc:
        if exc.reason.startswith("missing text"):
            raise CommandError(
                f"{exc}; --text-column names the field that holds the text", status=DATA
            ) from None
        raise
    if articles.skipped:
        note = describe_skipped(articles.skipped)
        if not articles:
            raise CommandError(f"{path}: every article is empty: {note}", status=DATA)
        print(note, file=sys.stderr)
    elif not articles:
        raise CommandError(f"{path}: no articles in it", status=DATA)
    return articles


def is_statement_file(path: Path) -> bool:
    """Whether ``path`` holds statements (as ``stancekit segment`` or ``embed`` write them)
    rather than articles: read from its header or first record only."""
    import json

    need = {"article_id", "speaker", "start", "end"}
    suffix = path.suffix.lower()
    if path.is_dir() or not path.exists():
        return False
    if suffix in (".parquet", ".pq"):
        import pyarrow.parquet as pq

        try:
            return need <= set(pq.read_schema(path).names)
        except (OSError, ValueError) as exc:
            raise CommandError(
                f"{path}: cannot read Parquet: {one_line(exc)}", status=DATA
            ) from None
    if suffix not in (".csv", ".jsonl"):
        return False
    with open(path, encoding="utf-8-sig", errors="replace") as fh:
        first = next((line for line in fh if line.strip()), "")
    if suffix == ".csv":
        import csv

        header = next(csv.reader([first]), [])
        return need <= {h.strip() for h in header}
    try:
        record = json.loads(first)
    except json.JSONDecodeError:
        return False  # the article reader names the line
    return isinstance(record, dict) and isinstance(record.get("statements"), list)


def read_statement_file(path: Path) -> StatementTable:
    """The statements of ``path`` (``.parquet``, ``.jsonl`` or ``.csv``, as ``segment`` writes
    them); fails when there is none."""
    from stancekit.io import read_statements

    check_input(path, folder_ok=False)
    table = read_statements(path)
    if len(table) == 0:
        raise CommandError(f"{path}: no statements in it", status=DATA)
    return table


# -- speakers and groups -------------------------------------------------------------------------


def check_speaker_column(table: StatementTable, by: str, path: Path) -> None:
    """Fail unless ``by`` is a column of the statements."""
    if by not in table.columns:
        raise CommandError(f"--by {by!r} is not a column of {path}; columns: {table.columns}")


def check_dates(table: StatementTable, path: Path, *, option: str = "--window") -> None:
    """Fail when no statement has a date (time windows need them)."""
    import pandas as pd

    if "date" not in table.columns or not pd.DatetimeIndex(table.column("date")).notna().any():
        raise CommandError(
            f"{option} needs dated statements, but no statement in {path} has a date"
        )


def check_groups(table: StatementTable, args: argparse.Namespace, *, substantive: bool) -> None:
    """Fail unless ``args.focus`` is a value of ``args.by`` with ``args.min_statements``
    statements and at least two values have as many. Before embedding, every statement counts
    (a cheap necessary check); after, with ``substantive``, formulae are left out as the report
    leaves them out."""
    import numpy as np
    import pandas as pd

    by: str = args.by
    focus: str | None = args.focus
    min_statements: int = args.min_statements
    path: Path = args.input

    values = pd.Series(table.column(by)).astype(object)
    if substantive:
        from stancekit.formulaic import formulaic_mask

        values = values[~np.asarray(formulaic_mask(table), dtype=bool)]
    counts = values.dropna().astype(str).value_counts()
    kind = "substantive statements" if substantive else "statements"
    if focus is not None:
        if focus not in counts.index:
            known = [str(k) for k in pd.Series(table.column(by)).dropna().astype(str).unique()]
            if focus in known:  # only formulae
                raise CommandError(f"--focus {focus!r} has no {kind} in {path}", status=DATA)
            near = close_names(focus, known, n=3)
            hint = "closest" if near else "the most frequent"
            listed = ", ".join(repr(k) for k in (near or list(counts.index[:3])))
            raise CommandError(
                f"--focus {focus!r} is not a {by} in {path}; {hint}: {listed or '(none)'}"
            )
        if counts[focus] < min_statements:
            raise CommandError(
                f"--focus {focus!r} has {counts[focus]} {kind} in {path}, fewer than "
                f"--min-statements {min_statements}"
            )
    big = counts[counts >= min_statements]
    if len(big) < 2:
        found = ", ".join(f"{k!r} ({v})" for k, v in counts.head(5).items()) or "none"
        raise CommandError(
            f"{path}: a report compares two or more {by} values with {min_statements}+ {kind} "
            f"(--min-statements); found {found}",
            status=DATA,
        )
