"""The report folder: only stancekit's files, a manifest, old figures removed, same bytes
twice, spreadsheet-safe CSV."""

from __future__ import annotations

import csv
import json
import os
from pathlib import Path

import matplotlib
import numpy as np
import pandas as pd
import pytest

from stancekit import StatementTable
from stancekit.errors import StancekitError
from stancekit.report import (
    MANIFEST,
    ReportFolder,
    ReportFolderError,
    Settings,
    build_report,
    csv_safe,
)
from stancekit.report import _build as build_module

QUICK = Settings(n_permutations=9, n_bootstrap=10, n_topics=3)
#: Settings that draw the over-time chart (two statements a side per two-year window).
TIMELINE = Settings(
    focus="Vladimir Putin", window="2YE", min_window_statements=2, n_permutations=9, n_bootstrap=10
)


def _tree(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def _manifest(folder: Path) -> dict[str, object]:
    data: dict[str, object] = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    return data


def test_the_same_report_twice_is_the_same_bytes(corpus: StatementTable, tmp_path: Path) -> None:
    salt = matplotlib.rcParams["svg.hashsalt"]
    build_report(corpus, tmp_path / "a", settings=QUICK)
    build_report(corpus, tmp_path / "b", settings=QUICK)
    a, b = _tree(tmp_path / "a"), _tree(tmp_path / "b")
    assert sum(name.endswith(".svg") for name in a) >= 4
    assert a.keys() == b.keys()
    assert [name for name in a if a[name] != b[name]] == []
    assert b"<dc:date>" not in a["figures/corpus-similarity.svg"]
    build_report(corpus, tmp_path / "a", settings=QUICK)  # again in place: still the same
    assert _tree(tmp_path / "a") == a
    assert matplotlib.rcParams["svg.hashsalt"] == salt  # the user's settings are left alone


def test_a_folder_with_other_files_is_refused_before_any_work(
    corpus: StatementTable, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    (out / "data").mkdir(parents=True)
    (out / "notes.txt").write_text("my notes")
    (out / "data" / "votes.csv").write_text("a,b\n")
    plain = StatementTable(corpus.to_pandas(embeddings=False))  # analyse() would refuse it
    with pytest.raises(ReportFolderError) as info:
        build_report(plain, out)
    msg = str(info.value)
    assert "'notes.txt'" in msg and "'data/votes.csv'" in msg and str(out) in msg
    assert "overwrite=True" in msg and "--overwrite" in msg
    assert isinstance(info.value, StancekitError) and isinstance(info.value, FileExistsError)
    assert _tree(out) == {"data/votes.csv": b"a,b\n", "notes.txt": b"my notes"}


def test_overwrite_writes_beside_other_files_and_keeps_them(
    corpus: StatementTable, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "notes.txt").write_text("my notes")
    (out / "report.html").write_text("someone else's page")
    rep = build_report(corpus, out, settings=QUICK, overwrite=True)
    assert (out / "notes.txt").read_text() == "my notes"
    assert rep.html.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    manifest = _manifest(out)
    assert manifest["kept"] == ["notes.txt"] and "report.html" in manifest["files"]  # type: ignore[operator]
    build_report(corpus, out, settings=QUICK)  # accepted once: no overwrite needed again
    assert (out / "notes.txt").read_text() == "my notes"
    (out / "more.txt").write_text("new")
    with pytest.raises(ReportFolderError, match=r"'more\.txt'"):
        build_report(corpus, out, settings=QUICK)


def test_files_of_the_earlier_report_do_not_stay(corpus: StatementTable, tmp_path: Path) -> None:
    out = tmp_path / "out"
    first = build_report(corpus, out, settings=TIMELINE)
    assert (out / "figures" / "corpus-timeline.svg").is_file()
    second = build_report(corpus, out, settings=QUICK)  # no window: no over-time chart
    assert not (out / "figures" / "corpus-timeline.svg").exists()
    assert not (out / "figures" / "corpus-timeline.png").exists()
    assert set(first.files) - set(second.files)
    listed = {p.relative_to(out).as_posix() for p in second.files}
    assert set(_tree(out)) == listed | {MANIFEST}
    assert _manifest(out)["files"] == sorted(listed)


def test_a_stopped_report_is_still_recognised(
    corpus: StatementTable, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("plot failed")

    with monkeypatch.context() as m:
        m.setattr(build_module, "topic_heatmap", broken)
        with pytest.raises(RuntimeError, match="plot failed"):
            build_report(corpus, out, settings=QUICK)
    assert (out / "corpus-similarity.csv").is_file() and not (out / "report.html").exists()
    (out / ".corpus-similarity.csv.k3j2h1x9.tmp").write_text("half")  # a killed writer's
    rep = build_report(corpus, out, settings=QUICK)  # its files are stancekit's: no refusal
    assert set(_tree(out)) == {p.relative_to(out).as_posix() for p in rep.files} | {MANIFEST}


def test_a_manifest_never_reaches_outside_the_folder(
    corpus: StatementTable, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    victim = tmp_path / "victim.txt"
    victim.write_text("precious")
    (out / "report.html").write_text("old")
    bad = {"written_by": "stancekit", "format": 1, "files": ["../victim.txt", "report.html"]}
    (out / MANIFEST).write_text(json.dumps(bad))
    with pytest.raises(ReportFolderError, match=r"'report\.html'"):  # the manifest is not trusted
        build_report(corpus, out, settings=QUICK)
    build_report(corpus, out, settings=QUICK, overwrite=True)
    assert victim.read_text() == "precious"
    assert "../victim.txt" not in _manifest(out)["files"]  # type: ignore[operator]


def test_report_folder_that_is_a_file_or_bad_names(tmp_path: Path) -> None:
    target = tmp_path / "report"
    target.write_text("a file")
    with pytest.raises(ReportFolderError, match="is a file"):
        ReportFolder(target)
    with pytest.raises(TypeError, match="overwrite"):
        ReportFolder(tmp_path / "x", overwrite="yes")  # type: ignore[arg-type]
    folder = ReportFolder(tmp_path / "new")
    assert not (tmp_path / "new").exists()  # nothing is created before the first file
    for name in ("../out.csv", "/abs.csv", "a/../../b.csv", MANIFEST, ""):
        with pytest.raises(ValueError, match="relative"):
            folder.claim(name)
    folder.write_csv("sub/t.csv", pd.DataFrame({"x": [1]}))
    assert folder.finish() == (tmp_path / "new" / "sub" / "t.csv",)
    assert _manifest(tmp_path / "new")["files"] == ["sub/t.csv"]


def test_system_files_are_neither_refused_nor_removed(
    corpus: StatementTable, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    build_report(corpus, out, settings=QUICK)
    (out / ".DS_Store").write_bytes(b"\0finder")
    (out / "figures" / "Thumbs.db").write_bytes(b"\0explorer")
    build_report(corpus, out, settings=QUICK)
    assert (out / ".DS_Store").exists() and (out / "figures" / "Thumbs.db").exists()


def test_csv_cells_that_a_spreadsheet_would_run_are_text(tmp_path: Path) -> None:
    frame = pd.DataFrame(
        {
            "text": ["=1+2", "+cmd", "-2+3", "@SUM(A1)", "\tx", "\rx", "\uff1dA1", "ok", "-3"],
            "score": [-0.25, 1.5, -1e-05, 0.0, 2.0, -3.0, 1.0, np.nan, -7.0],
            "n": [-1, 2, 3, 4, 5, 6, 7, 8, -9],
            "mixed": ["=x", -4, None, "a", "b", "c", "d", "e", "f"],
            "kind": pd.Categorical(["-k", "k", "k", "k", "k", "k", "k", "k", "k"]),
        },
        index=pd.Index(["=A", "b", "c", "d", "e", "f", "g", "h", "i"], name="@name"),
    ).rename(columns={"mixed": "=mixed"})
    out = ReportFolder(tmp_path / "r")
    path = out.write_csv("t.csv", frame, index=True)
    with path.open(newline="", encoding="utf-8") as fh:
        rows = list(csv.reader(fh))
    assert rows[0] == ["'@name", "text", "score", "n", "'=mixed", "kind"]
    assert [r[1] for r in rows[1:]] == [
        "'=1+2", "'+cmd", "'-2+3", "'@SUM(A1)", "'\tx", "'\rx", "'\uff1dA1", "ok", "-3",
    ]  # fmt: skip
    assert rows[1][0] == "'=A" and rows[1][4] == "'=x" and rows[2][4] == "-4"
    assert rows[1][5] == "'-k"
    text = path.read_bytes()
    assert b'"\'\rx"' in text and text.count(b"\r\n") == len(rows) == 10  # one cell, quoted
    back = pd.read_csv(path, index_col=0)
    assert back["score"].dtype == np.float64 and back["n"].dtype == np.int64
    np.testing.assert_array_equal(back["score"], frame["score"])  # negatives stay numbers
    assert back["n"].tolist() == frame["n"].tolist()
    assert frame.loc["=A", "text"] == "=1+2"  # the caller's frame is not changed
    safe = csv_safe(frame)
    assert safe["score"].dtype == np.float64 and safe["n"].dtype == np.int64


def test_report_csv_files_are_spreadsheet_safe(corpus: StatementTable, tmp_path: Path) -> None:
    names = {
        "Xi Jinping": "=HYPERLINK(1)",
        "Narendra Modi": "+Modi",
        "Recep Erdogan": "-Erdogan",
        "Emmanuel Macron": "@Macron",
    }
    frame = corpus.to_pandas(embeddings=False)
    frame["speaker"] = frame["speaker"].replace(names)
    table = StatementTable(frame, corpus.embeddings, corpus.provenance)
    out = tmp_path / "out"
    build_report(table, out, settings=Settings(focus="Vladimir Putin", **_quick()))
    cells = []
    for path in sorted(out.glob("*.csv")):
        with path.open(newline="", encoding="utf-8") as fh:
            cells += [c for row in csv.reader(fh) for c in row]
    risky = [c for c in cells if c.startswith(("=", "+", "-", "@", "\t", "\r"))]
    assert risky  # negative scores (centred similarities), written as numbers
    for cell in risky:
        float(cell)  # only numbers may begin so
    for name in names.values():
        assert "'" + name in cells and name not in cells
    sim = pd.read_csv(out / "corpus-similarity.csv", index_col=0)
    assert set(sim.index) == {"Vladimir Putin", *("'" + n for n in names.values())}
    align = pd.read_csv(out / "corpus-alignment.csv")
    assert align["score"].dtype == np.float64 and align["z"].dtype == np.float64
    assert (sim.to_numpy() < 0).any()


def _quick() -> dict[str, int]:
    return {"n_permutations": 9, "n_bootstrap": 10, "n_topics": 3}


def test_plain_folder_for_other_writers(tmp_path: Path) -> None:
    """A FigureWriter or write_section given a plain folder writes without a manifest."""
    folder = ReportFolder.plain(tmp_path / "p")
    folder.write_csv("x.csv", pd.DataFrame({"a": ["=b"]}))
    assert folder.finish() == (tmp_path / "p" / "x.csv",)
    assert not (tmp_path / "p" / MANIFEST).exists()
    assert (tmp_path / "p" / "x.csv").read_bytes() == b"a\r\n'=b\r\n"
    assert os.listdir(tmp_path / "p") == ["x.csv"]
