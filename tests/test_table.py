from __future__ import annotations

import datetime as dt
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from stancekit import InputError, Statement, StatementTable


def _table(n: int = 5) -> StatementTable:
    speakers = ["Xi Jinping", "Sadyr Japarov", "Xi Jinping", "anonymous", "Sadyr Japarov"]
    return StatementTable.from_statements(
        Statement(
            article_id=f"a{i % 2}",
            speaker=speakers[i % 5],
            text=f"statement {i}",
            start=10 * i,
            end=10 * i + 11,
            kind="direct" if i % 2 else "indirect",
            cue="said",
            mention="he",
            mention_start=10 * i - 5 if i else -1,
            mention_end=10 * i - 3 if i else -1,
            sentence=i,
            date=dt.date(2025, 6, 17) if i != 3 else None,
            role="President" if i % 2 == 0 else None,
            country="China" if i % 2 == 0 else None,
        )
        for i in range(n)
    )


def _unit(n: int, d: int, seed: int = 0) -> np.ndarray:
    e = np.random.default_rng(seed).normal(size=(n, d)).astype(np.float32)
    return e / np.linalg.norm(e, axis=1, keepdims=True)


def test_index_mask_and_by_speaker() -> None:
    t = _table()
    assert len(t) == 5
    s = t[2]
    assert isinstance(s, Statement) and s.speaker == "Xi Jinping" and s.date == dt.date(2025, 6, 17)
    assert t[-1].text == "statement 4"
    assert t[3].date is None and t[3].role is None
    sub = t[t.column("kind") == "direct"]
    assert len(sub) == 2 and set(sub.column("kind")) == {"direct"}
    xi = t.by_speaker("Xi Jinping")
    assert xi.speakers == ["Xi Jinping"] and len(xi) == 2
    assert t.speakers == ["Sadyr Japarov", "Xi Jinping", "anonymous"]
    with pytest.raises(KeyError, match="Putin"):
        t.by_speaker("Putin")
    with pytest.raises(IndexError):
        t[5]
    with pytest.raises(IndexError, match="mask"):
        t[np.array([True, False])]


def test_embeddings_follow_masks_and_validate() -> None:
    t = _table().with_embeddings(_unit(5, 8), {"model": "m", "dim": 8})
    sub = t[np.array([False, True, False, True, True])]
    assert sub.embeddings is not None
    np.testing.assert_array_equal(sub.embeddings, t.embeddings[[1, 3, 4]])  # type: ignore[index]
    assert sub.provenance == {"model": "m", "dim": 8}
    with pytest.raises(TypeError, match="float32"):
        _table().with_embeddings(_unit(5, 8).astype(np.float64), {})
    with pytest.raises(ValueError, match="unit-norm"):
        _table().with_embeddings(_unit(5, 8) * 2, {})
    with pytest.raises(ValueError, match="shape"):
        _table().with_embeddings(_unit(4, 8), {})
    assert t.embeddings is not None and not t.embeddings.flags.writeable


def test_parquet_round_trip_is_exact(tmp_path: Path) -> None:
    t = _table().with_embeddings(
        _unit(5, 16, seed=3), {"model": "all-MiniLM-L6-v2", "dim": 16, "digest": "abc"}
    )
    t = t.with_column("extra", ["p", "q", "r", "s", "t"])
    path = tmp_path / "t.parquet"
    t.to_parquet(path)
    back = StatementTable.read_parquet(path)
    assert back.equals(t)
    assert back.embeddings is not None and back.embeddings.dtype == np.float32
    assert back.provenance["digest"] == "abc"
    assert back.column("extra").tolist() == ["p", "q", "r", "s", "t"]
    # no leftover temporary files from the atomic write
    assert [p.name for p in tmp_path.iterdir()] == ["t.parquet"]


def test_parquet_round_trip_without_embeddings_and_empty(tmp_path: Path) -> None:
    for t in (_table(), StatementTable.empty()):
        t.to_parquet(tmp_path / "x.parquet")
        assert StatementTable.read_parquet(tmp_path / "x.parquet").equals(t)


def test_pandas_round_trip() -> None:
    t = _table().with_embeddings(_unit(5, 4), {"model": "m"})
    df = t.to_pandas()
    assert "embedding" in df and df.attrs["provenance"] == {"model": "m"}
    assert StatementTable.from_pandas(df).equals(t)
    plain = t.to_pandas(embeddings=False)
    assert "embedding" not in plain


def test_bad_frames_are_rejected(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="missing required"):
        StatementTable(pd.DataFrame({"speaker": ["x"]}))
    with pytest.raises(ValueError, match="kind"):
        StatementTable(
            pd.DataFrame(
                {
                    "article_id": ["a"],
                    "speaker": ["x"],
                    "text": ["t"],
                    "start": [0],
                    "end": [1],
                    "kind": ["rumour"],
                }
            )
        )
    with pytest.raises(ValueError, match="speaker"):
        StatementTable(
            pd.DataFrame(
                {"article_id": ["a"], "speaker": [None], "text": ["t"], "start": [0], "end": [1]}
            )
        )
    bad = tmp_path / "bad.parquet"
    bad.write_bytes(b"not parquet")
    with pytest.raises(InputError, match=r"bad\.parquet"):
        StatementTable.read_parquet(bad)


def test_concat_keeps_embeddings_when_compatible() -> None:
    a = _table(2).with_embeddings(_unit(2, 4), {"model": "m"})
    b = _table(3).with_embeddings(_unit(3, 4, 1), {"model": "m"})
    c = StatementTable.concat([a, b])
    assert len(c) == 5 and c.embeddings is not None and c.embeddings.shape == (5, 4)
    d = StatementTable.concat([a, _table(3)])
    assert d.embeddings is None


def test_spans_of_joined_statements_round_trip(tmp_path: Path) -> None:
    joined = Statement("a", "Smith", 'Q1," Smith said. "Q2', 1, 21, spans=((1, 3), (19, 21)))
    single = Statement("a", "Lee", "fine", 30, 34)
    t = StatementTable.from_statements([joined, single])
    assert t.column("spans").tolist() == ["[[1, 3], [19, 21]]", ""]
    assert [s.spans for s in t] == [((1, 3), (19, 21)), ()]
    path = tmp_path / "t.parquet"
    t.to_parquet(path)
    assert [s.spans for s in StatementTable.read_parquet(path)] == [((1, 3), (19, 21)), ()]
    # statements of one piece make no spans column
    assert "spans" not in StatementTable.from_statements([single]).to_pandas().columns
    bad = t.to_pandas()
    bad["spans"] = ["[[1, 3], [19]]", ""]
    with pytest.raises(ValueError, match="spans must be JSON pairs"):
        list(StatementTable(bad))
