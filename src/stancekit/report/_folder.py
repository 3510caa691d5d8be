"""The report folder: only what stancekit wrote, listed in a manifest, and CSV that a
spreadsheet opens without running anything.

A report refuses a folder with files it did not write unless told to overwrite, lists each
file in the manifest (:data:`MANIFEST`) before writing it, so that a report stopped half-way is
still recognised, and at the end removes what an earlier report wrote and this one did not.
Names in a manifest never reach outside the folder: a manifest naming ``..`` or an absolute
path is not trusted at all.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
from pathlib import Path, PurePosixPath
from typing import Any

import pandas as pd

from stancekit._atomic import atomic_path, atomic_write_text
from stancekit._version import __version__
from stancekit.errors import StancekitError

__all__ = ["MANIFEST", "ReportFolder", "ReportFolderError", "csv_safe"]

#: The manifest a report keeps in its folder: the files it wrote.
MANIFEST = ".stancekit-report.json"
#: Files the system puts in folders a person looks at; neither foreign nor ours.
_SYSTEM_FILES = frozenset({".DS_Store", "Thumbs.db", "desktop.ini"})
_LEFTOVER = re.compile(r"^\.(.+)\.[^./]+\.tmp$")  # an atomic write that was interrupted
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")
_NUMBER = re.compile(r"[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?")


class ReportFolderError(StancekitError, FileExistsError):
    """The report folder holds files stancekit did not write, or is not a folder."""


class ReportFolder:
    """The folder a report is written to, holding only what stancekit wrote.

    Opening it checks what is there: nothing, or only files that an earlier stancekit report
    listed in its manifest (:data:`MANIFEST`). Anything else raises
    :class:`ReportFolderError`, unless ``overwrite=True``: then files of the same names are
    replaced and the others are left alone (and recorded, so that the next report accepts
    them). Each file is listed in the manifest before it is written (:meth:`claim`), so that
    a report stopped half-way is still recognised as stancekit's; :meth:`finish` removes what
    the earlier report wrote and this one did not, and leaves the manifest listing exactly
    this report's files.

    Parameters
    ----------
    path
        The folder; created (with its parents) when the first file is written.
    overwrite
        Write into a folder that holds other files.

    Raises
    ------
    ReportFolderError
        ``path`` is a file, or holds files stancekit did not write and ``overwrite`` is false.
    """

    def __init__(self, path: str | os.PathLike[str], *, overwrite: bool = False) -> None:
        if not isinstance(overwrite, bool):
            raise TypeError(f"overwrite must be True or False, got {overwrite!r}")
        self.path = Path(path)
        self.managed = True
        self._written: list[str] = []
        self._old: set[str] = set()
        self._kept: set[str] = set()
        self._check(overwrite)

    @classmethod
    def plain(cls, path: str | os.PathLike[str]) -> ReportFolder:
        """A folder written without checks or manifest (files are still atomic)."""
        out = cls.__new__(cls)
        out.path, out.managed = Path(path), False
        out._written, out._old, out._kept = [], set(), set()
        return out

    def __repr__(self) -> str:
        return f"ReportFolder({str(self.path)!r})"

    @property
    def written(self) -> tuple[Path, ...]:
        """The files claimed so far, in order."""
        return tuple(self.path / rel for rel in self._written)

    def claim(self, *names: str) -> Path:
        """Record files (paths relative to the folder, ``/``-separated) as this report's,
        in the manifest, before they are written; returns the first one's path."""
        new = [n for n in names if n not in self._written]
        for name in new:
            if not _safe_name(name):
                raise ValueError(f"report file name must be relative and inside, got {name!r}")
            self._written.append(name)
        self.path.mkdir(parents=True, exist_ok=True)
        for name in new:
            (self.path / name).parent.mkdir(parents=True, exist_ok=True)
        if new and self.managed:
            self._save(self._old | set(self._written), self._kept)
        return self.path / names[0]

    def write_csv(self, name: str, frame: pd.DataFrame, *, index: bool = False) -> Path:
        """Write ``frame`` as CSV, atomically and spreadsheet-safe (:func:`csv_safe`).

        Lines end in CRLF (RFC 4180, what spreadsheets write), so that a cell holding a
        carriage return or a line break is quoted and stays one cell."""
        path = self.claim(name)
        with atomic_path(path) as tmp:
            csv_safe(frame).to_csv(tmp, index=index, lineterminator="\r\n")
        return path

    def finish(self) -> tuple[Path, ...]:
        """Remove what an earlier report wrote and this one did not, and write the final
        manifest; returns this report's files."""
        if self.managed:
            written = set(self._written)
            for rel in sorted(self._old - written, reverse=True):
                _remove(self.path, rel)
            self._save(written, self._kept - written)
        return self.written

    # -- checks --------------------------------------------------------------------------
    def _check(self, overwrite: bool) -> None:
        if self.path.exists() and not self.path.is_dir():
            raise ReportFolderError(
                f"the report folder {str(self.path)!r} is a file; choose a folder to write to"
            )
        if not self.path.is_dir():
            return
        listed = _read_manifest(self.path)
        old, kept = listed if listed is not None else (set(), set())
        there = _files_in(self.path)
        leftovers = {f for f in there if _is_leftover(f, old)}
        foreign = sorted(there - old - kept - leftovers - {MANIFEST})
        if foreign and not overwrite:
            shown = ", ".join(repr(f) for f in foreign[:5])
            more = f" and {len(foreign) - 5} more" if len(foreign) > 5 else ""
            raise ReportFolderError(
                f"the report folder {str(self.path)!r} holds files stancekit did not write "
                f"({shown}{more}); choose a new or empty folder, or pass overwrite=True (command "
                "line: --overwrite) to write there anyway: files of the same names are replaced, "
                "the others are left alone"
            )
        self._old = (old & there) | leftovers
        self._kept = (kept & there) | set(foreign)

    def _save(self, files: set[str], kept: set[str]) -> None:
        data = {
            "written_by": "stancekit",
            "format": 1,
            "version": __version__,
            "files": sorted(files),
            "kept": sorted(kept),
        }
        atomic_write_text(self.path / MANIFEST, json.dumps(data, indent=1) + "\n")


def _safe_name(rel: str) -> bool:
    p = PurePosixPath(rel)
    return (
        bool(rel)
        and "\\" not in rel
        and not p.is_absolute()
        and all(part not in ("", ".", "..") for part in p.parts)
        and rel == p.as_posix()
        and rel != MANIFEST
    )


def _read_manifest(folder: Path) -> tuple[set[str], set[str]] | None:
    """The files and kept files listed by an earlier report; ``None`` if there is no valid
    manifest (a name outside the folder makes it invalid: it is never acted on)."""
    try:
        data = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or data.get("written_by") != "stancekit":
        return None
    files, kept = data.get("files"), data.get("kept", [])
    if not isinstance(files, list) or not isinstance(kept, list):
        return None
    if not all(isinstance(f, str) and _safe_name(f) for f in files + kept):
        return None
    return set(files), set(kept)


def _files_in(folder: Path) -> set[str]:
    """Every entry under ``folder`` but directories (links to folders count as files)."""
    out: set[str] = set()
    for root, dirs, files in os.walk(folder):
        here = Path(root)
        links = [d for d in dirs if (here / d).is_symlink()]
        dirs[:] = [d for d in dirs if d not in links]
        for name in (*files, *links):
            if name not in _SYSTEM_FILES:
                out.add((here / name).relative_to(folder).as_posix())
    return out


def _is_leftover(rel: str, ours: set[str]) -> bool:
    """A temporary file of an interrupted atomic write of one of ``ours`` (or the manifest)."""
    p = PurePosixPath(rel)
    m = _LEFTOVER.match(p.name)
    return m is not None and str(p.parent / m[1]).removeprefix("./") in ours | {MANIFEST}


def _remove(folder: Path, rel: str) -> None:
    """Remove a file an earlier report wrote, and its folder if that is left empty."""
    path = folder / rel
    if path.is_dir() and not path.is_symlink():
        return
    with contextlib.suppress(FileNotFoundError):
        path.unlink()
    parent = path.parent
    while parent != folder:
        try:
            parent.rmdir()
        except OSError:
            break
        parent = parent.parent


def _cell(value: Any) -> Any:
    if isinstance(value, str) and value.startswith(_FORMULA_START) and not _NUMBER.fullmatch(value):
        return "'" + value
    return value


def _safe_index(index: pd.Index) -> pd.Index:
    if isinstance(index, pd.MultiIndex):
        multi: pd.Index = pd.MultiIndex.from_tuples(
            [tuple(_cell(v) for v in t) for t in index], names=[_cell(n) for n in index.names]
        )
        return multi
    name = _cell(index.name)
    safe: pd.Index = index.rename(name)
    if index.dtype == object or isinstance(index.dtype, (pd.StringDtype, pd.CategoricalDtype)):
        safe = pd.Index([_cell(v) for v in index], dtype=object, name=name)
    return safe


def csv_safe(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``frame`` that a spreadsheet opens without running anything.

    A text cell (and a column or index label) that begins with ``=``, ``+``, ``-``, ``@``, a
    tab or a carriage return (or their full-width forms) gets a leading ``'``, the usual
    guard: a spreadsheet then shows it as text instead of evaluating it. Numbers are never
    changed (``-0.25`` in a numeric column stays a number), nor is text that is just a number
    (``"-3"``: a spreadsheet reads it as the number, which runs nothing).
    """
    out = frame.copy()
    for i in range(out.shape[1]):
        col = out.iloc[:, i]
        if col.dtype == object or isinstance(col.dtype, (pd.StringDtype, pd.CategoricalDtype)):
            safe = pd.Series([_cell(v) for v in col.astype(object)], dtype=object)
            out.isetitem(i, safe.to_numpy())
    out.columns = _safe_index(out.columns)
    out.index = _safe_index(out.index)
    return out
