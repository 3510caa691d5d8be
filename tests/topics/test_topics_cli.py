from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from stancekit import Statement, StatementTable
from stancekit.cli import main


def _embedded(tmp_path: Path) -> Path:
    rng = np.random.default_rng(0)
    centres = rng.normal(size=(3, 16))
    words = ["railway corridor freight", "gas pipeline energy", "terrorism border security"]
    rows, emb = [], []
    for i in range(60):
        t = i % 3
        v = centres[t] + 0.3 * rng.normal(size=16)
        emb.append(v / np.linalg.norm(v))
        text = f"{words[t]} statement {i}"
        rows.append(Statement(f"a{i}", f"Speaker {i % 4}", text, 0, len(text)))
    path = tmp_path / "emb.parquet"
    StatementTable.from_statements(rows).with_embeddings(
        np.array(emb, dtype=np.float32), {"model": "test"}
    ).to_parquet(path)
    return path


def test_topics_cli_writes_tables(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "topics"
    assert main(["topics", str(_embedded(tmp_path)), "--output", str(out), "--n-topics", "3"]) == 0
    topics = pd.read_csv(out / "topics.csv")
    assert len(topics) == 3 and topics["size"].sum() == 60
    shares = pd.read_csv(out / "shares_speaker.csv", index_col=0)
    assert np.allclose(shares.sum(axis=1), 1.0)
    assert "topics" in capsys.readouterr().err


def test_topics_cli_bad_arguments(tmp_path: Path) -> None:
    path = _embedded(tmp_path)
    assert main(["topics", str(path), "-o", str(tmp_path / "o"), "--n-topics", "many"]) == 2
    assert main(["topics", str(path), "-o", str(tmp_path / "o"), "--by", "nope"]) == 2
    assert main(["topics", str(path), "-o", str(tmp_path / "o"), "--n-topics", "500"]) == 1


def test_topics_cli_default_finds_the_number(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "auto"
    assert main(["topics", str(_embedded(tmp_path)), "--output", str(out)]) == 0
    assert len(pd.read_csv(out / "topics.csv")) == 3
    choice = pd.read_csv(out / "k_choice.csv")
    assert len(choice) == 1 and choice.loc[0, "k"] == 3 and choice.loc[0, "requested"] == "auto"
    assert list(choice.columns) == [
        "requested", "k", "criterion", "reason", "sample_size", "modularity", "n_dissolved"
    ]  # fmt: skip
    assert "3 communities" in capsys.readouterr().err


def test_topics_cli_graph_needs_auto(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _embedded(tmp_path)
    args = ["topics", str(path), "-o", str(tmp_path / "o"), "--method", "graph"]
    assert main([*args, "--n-topics", "3"]) == 1
    assert "finds the number of topics itself" in capsys.readouterr().err
    assert main(args) == 0
