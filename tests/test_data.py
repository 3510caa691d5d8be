from __future__ import annotations

import datetime as dt

import numpy as np
import pytest

from stancekit import Article, LabeledMatrix


def test_article_validates_and_freezes_meta() -> None:
    a = Article("a1", "text", dt.date(2025, 1, 2), meta={"k": 1})
    assert a.meta["k"] == 1
    with pytest.raises(TypeError):
        a.meta["k"] = 2  # type: ignore[index]
    with pytest.raises(TypeError, match="id"):
        Article("", "text")
    with pytest.raises(TypeError, match="date"):
        Article("a", "t", dt.datetime(2025, 1, 1))  # type: ignore[arg-type]


def test_labeled_matrix_labels_and_pandas() -> None:
    m = LabeledMatrix(np.arange(6.0).reshape(2, 3), ("a", "b"), ("x", "y", "z"), "demo")
    assert m.shape == (2, 3)
    assert m["b", "y"] == 4.0
    df = m.to_pandas()
    assert list(df.index) == ["a", "b"] and list(df.columns) == ["x", "y", "z"]
    assert df.loc["a", "z"] == 2.0
    sub = m.select(["b"], ["z", "x"])
    assert sub.values.tolist() == [[5.0, 3.0]]
    with pytest.raises(KeyError):
        m["c", "x"]
    with pytest.raises(ValueError, match="shape"):
        LabeledMatrix(np.zeros((2, 2)), ("a",), ("x", "y"))
    assert not m.values.flags.writeable
    assert m == LabeledMatrix(np.arange(6.0).reshape(2, 3), ("a", "b"), ("x", "y", "z"), "demo")
