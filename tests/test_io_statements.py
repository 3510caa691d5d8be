"""read_statements: the three formats write_statements writes, read back exactly."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import numpy as np
import pytest

import stancekit as sk
from stancekit import InputError, Statement, StatementTable, write_statements
from stancekit.io import read_statements

D = dt.date(2024, 3, 9)


def _table(*, joined: bool = True) -> StatementTable:
    sts = [
        Statement(
            "a1",
            "Ana Lima",
            'ports, roads and "rail"',
            5,
            28,
            kind="direct",
            cue="said",
            mention="Lima",
            mention_start=0,
            mention_end=4,
            date=D,
            role="Minister",
            country="Brazil",
        ),
        Statement("a1", "NA", "line one\nline two", 40, 57, cue="noted", sentence=1, date=D),
        Statement(
            "a2",
            "null",
            "",
            3,
            3,
            kind="mixed",
            mention="he",
            mention_start=0,
            mention_end=2,
            country="Chile",
        ),
        Statement(
            "a2",
            "Zoë Ortiz",
            " spaced , text ",
            9,
            24,
            cue="added",
            mention="Ortiz",
            mention_start=5,
            mention_end=10,
            sentence=2,
            role="",
        ),
    ]
    if joined:
        sts.append(
            Statement(
                "a3",
                "Ana Lima",
                'Q1," she said. "Q2',
                1,
                19,
                kind="direct",
                cue="said",
                mention="she",
                mention_start=5,
                mention_end=8,
                date=D,
                spans=((1, 3), (17, 19)),
            )
        )
    return StatementTable.from_statements(sts)


@pytest.mark.parametrize("suffix", [".parquet", ".csv", ".jsonl"])
@pytest.mark.parametrize("joined", [True, False])
def test_round_trip_is_exact(tmp_path: Path, suffix: str, joined: bool) -> None:
    t = _table(joined=joined)
    t = t.with_column("formulaic", [False, True] + [False] * (len(t) - 2))
    t = t.with_column("weight", [0.5, 1.25] + [2.0] * (len(t) - 2))
    p = tmp_path / f"out{suffix}"
    write_statements(t, p)
    back = read_statements(p)
    assert back.columns == t.columns
    if suffix == ".csv":  # CSV cannot tell an empty role from a missing one
        assert back[3].role is None
        t = t.with_column("role", [s.role or None for s in t])
    pd_t, pd_b = t.to_pandas(), back.to_pandas()
    for col in t.columns:
        assert pd_b[col].dtype == pd_t[col].dtype, col
    assert back.equals(t), pd_t.compare(pd_b) if pd_t.shape == pd_b.shape else pd_b
    assert list(back) == list(t)


@pytest.mark.parametrize("suffix", [".parquet", ".csv", ".jsonl"])
def test_round_trip_empty_table(tmp_path: Path, suffix: str) -> None:
    p = tmp_path / f"empty{suffix}"
    write_statements(StatementTable.empty(), p)
    assert len(read_statements(p)) == 0


def test_parquet_keeps_embeddings(tmp_path: Path) -> None:
    t = _table()
    rng = np.random.default_rng(0)
    e = rng.normal(size=(len(t), 4)).astype(np.float32)
    e /= np.linalg.norm(e, axis=1, keepdims=True)
    t = t.with_embeddings(e, {"model": "m", "dim": 4})
    write_statements(t, tmp_path / "e.parquet")
    assert read_statements(tmp_path / "e.parquet").equals(t)


def test_package_level_name_is_the_reader() -> None:
    assert sk.read_statements is read_statements


def test_csv_errors_name_the_line(tmp_path: Path) -> None:
    p = tmp_path / "s.csv"
    write_statements(_table(joined=False), p)
    good = p.read_text(encoding="utf-8")
    header, first = good.split("\n")[:2]
    # line 3 holds statement 2, whose text spans two lines; statement 3 starts on line 5
    cases = {
        good.replace(",40,57,", ",40,x7,"): r"s\.csv:3: column 'end' must be an integer.*'x7'",
        good.replace(",40,57,", ",57,40,"): r"s\.csv:3: end \(40\) is before start \(57\)",
        good.replace(",mixed,", ",loud,"): r"s\.csv:5: kind must be one of.*'loud'",
        good.replace("2024-03-09", "2024-13-09", 1): r"s\.csv:2: bad date '2024-13-09'",
        good.replace('"line one', '"line one"x'): r"s\.csv:3: badly quoted",
        good + 'a9,X,"never closed\n': r"s\.csv:7: unterminated quote",
        "id,text\na,b\n": r"s\.csv:1: not a statement table.*\['id', 'text'\]",
        header + "\n" + first + ",extra\n": r"s\.csv:2: .*more fields than the header",
    }
    for body, pattern in cases.items():
        p.write_text(body, encoding="utf-8")
        with pytest.raises(InputError, match=pattern):
            read_statements(p)


def test_jsonl_errors_name_the_line_and_statement(tmp_path: Path) -> None:
    p = tmp_path / "s.jsonl"
    ok = {"speaker": "X", "text": "hi", "start": 0, "end": 2}
    cases = {
        "{bad\n": r"s\.jsonl:1: invalid JSON",
        '["id"]\n': r"s\.jsonl:1: expected a JSON object",
        json.dumps({"statements": []}): r"s\.jsonl:1: .*'id'",
        json.dumps({"id": "a", "statements": {}}): r"s\.jsonl:1: .*'statements' must be a list",
        json.dumps({"id": "a", "statements": [ok]})
        + "\n"
        + json.dumps({"id": "b", "statements": [ok, {**ok, "start": "zero"}]}): (
            r"s\.jsonl:2, statement 2: .*'start' must be an integer.*'zero'"
        ),
        json.dumps({"id": "a", "statements": [{"speaker": "X"}]}): (
            r"s\.jsonl:1, statement 1: missing field\(s\) \['text', 'start', 'end'\]"
        ),
        json.dumps({"id": "a", "statements": [{**ok, "spans": [[0]]}]}): r"spans",
    }
    for body, pattern in cases.items():
        p.write_text(body, encoding="utf-8")
        with pytest.raises(InputError, match=pattern):
            read_statements(p)


def test_jsonl_without_dates_or_optional_fields(tmp_path: Path) -> None:
    p = tmp_path / "old.jsonl"
    p.write_text(
        json.dumps(
            {"id": "a", "statements": [{"speaker": "X", "text": "hi", "start": 0, "end": 2}]}
        )
        + "\n"
        + json.dumps({"id": "b", "statements": []})
        + "\n",
        encoding="utf-8",
    )
    t = read_statements(p)
    assert len(t) == 1 and t[0].kind == "indirect" and t[0].date is None and t[0].mention == ""


def test_parquet_errors_count_rows_from_one(tmp_path: Path) -> None:
    frame = _table(joined=False).to_pandas()
    frame.loc[2, "kind"] = "loud"
    p = tmp_path / "bad.parquet"
    frame.to_parquet(p)
    with pytest.raises(InputError, match=r"bad\.parquet, row 3: kind must be one of.*'loud'"):
        read_statements(p)
    p.write_bytes(b"not parquet")
    with pytest.raises(InputError, match=r"bad\.parquet: cannot read Parquet"):
        read_statements(p)


def test_unsupported_missing_and_folder(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match=r"nope\.csv"):
        read_statements(tmp_path / "nope.csv")
    (tmp_path / "x.txt").write_text("x", encoding="utf-8")
    with pytest.raises(InputError, match=r"x\.txt: .*\.parquet, \.csv or \.jsonl"):
        read_statements(tmp_path / "x.txt")
    with pytest.raises(InputError, match="folder"):
        read_statements(tmp_path)
