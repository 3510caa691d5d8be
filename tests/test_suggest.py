"""An unknown speaker is answered with the closest names, else the most frequent ones."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

import stancekit as sk
from stancekit._suggest import close_names, unknown_name

SPEAKERS = ["Xi Jinping", "Vladimir Putin", "Donald J. Trump", "Sadyr Japarov"] + [
    f"Minister {c}" for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
]


@pytest.fixture(scope="module")
def table() -> sk.StatementTable:
    # Xi speaks most, then Putin: the fallback lists them first
    speakers = ["Xi Jinping"] * 9 + ["Vladimir Putin"] * 6 + SPEAKERS * 2
    n = len(speakers)
    rng = np.random.default_rng(3)
    X = rng.standard_normal((n, 6)).astype(np.float32)
    X /= np.linalg.norm(X, axis=1, keepdims=True)
    frame = pd.DataFrame(
        {
            "article_id": [f"a{i}" for i in range(n)],
            "speaker": speakers,
            "text": [f"we discussed grain exports number {i}" for i in range(n)],
            "start": 0,
            "end": 0,
        }
    )
    return sk.StatementTable(frame).with_embeddings(X, {"model": "test"})


def test_close_names_ignore_case_and_find_surnames() -> None:
    assert close_names("xi jinpin", SPEAKERS)[0] == "Xi Jinping"
    assert close_names("XI JINPING", SPEAKERS)[0] == "Xi Jinping"
    assert close_names("Putin", SPEAKERS) == ["Vladimir Putin"]
    assert close_names("Olaf Scholz", SPEAKERS) == []


def test_alignment_names_the_closest_speaker(table: sk.StatementTable) -> None:
    with pytest.raises(KeyError) as err:
        sk.alignment(table, "Donald Trump", "Xi Jinping", n_permutations=0, n_bootstrap=0)
    msg = str(err.value)
    assert "unknown speaker 'Donald Trump'" in msg and "closest: 'Donald J. Trump'" in msg
    assert "Minister A" not in msg  # not an alphabetical dump


def test_echoes_falls_back_to_the_most_frequent(table: sk.StatementTable) -> None:
    with pytest.raises(KeyError) as err:
        sk.echoes(table, "Xi Jinping", "Olaf Scholz")
    msg = str(err.value)
    assert (
        "'Olaf Scholz'" in msg and "most frequent: 'Xi Jinping' (11), 'Vladimir Putin' (8)" in msg
    )


def test_by_speaker_uses_the_same_wording(table: sk.StatementTable) -> None:
    with pytest.raises(KeyError, match="closest: 'Sadyr Japarov'"):
        table.by_speaker("Sadyr Zhaparov")


def test_unknown_name_edge_cases() -> None:
    assert "there are none" in unknown_name("speaker", "A", [])
    assert "the first: 'a', 'b'" in unknown_name("country", "zzz", ["b", "a"], n=2)
    assert "closest" not in unknown_name("speaker", 3, ["A"], [1])
