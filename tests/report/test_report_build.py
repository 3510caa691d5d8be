from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest

from stancekit import StatementTable
from stancekit.report import Settings, analyse, build_report


def test_report_folder_contents(corpus: StatementTable, tmp_path: Path) -> None:
    settings = Settings(
        focus="Vladimir Putin", window="2YE", n_permutations=49, n_bootstrap=50, n_topics=3
    )
    rep = build_report(corpus, tmp_path / "out", title="Test report", settings=settings)
    html = rep.html.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") and "<script" not in html and "http" not in html
    figures = re.findall(r'data-figure="([^"]+)"', html)
    assert set(figures) >= {
        "corpus-similarity",
        "corpus-alignment",
        "corpus-echoes",
        "corpus-topics",
        "corpus-map",
        "corpus-timeline",
    }
    assert html.count("data:image/png;base64,") == len(figures)
    for name in figures:
        assert (tmp_path / "out" / "figures" / f"{name}.png").stat().st_size > 1000
        assert (tmp_path / "out" / "figures" / f"{name}.svg").read_text().startswith("<?xml")
    assert 'data-section="provenance"' in html and "all-MiniLM" not in html and "test" in html
    align = pd.read_csv(tmp_path / "out" / "corpus-alignment.csv")
    assert len(align) == 4 and set(align["a"]) == {"Vladimir Putin"}
    assert align["p"].between(0, 1).all()
    sim = pd.read_csv(tmp_path / "out" / "corpus-similarity.csv", index_col=0)
    assert sim.shape == (5, 5)
    back = StatementTable.read_parquet(tmp_path / "out" / "statements.parquet")
    assert len(back) == len(corpus) and "topic" in back.columns
    for name in ("Xi Jinping", "Narendra Modi"):
        assert name in html


def test_report_is_deterministic(corpus: StatementTable, tmp_path: Path) -> None:
    s = Settings(n_permutations=19, n_bootstrap=20, n_topics=3)
    a = build_report(corpus, tmp_path / "a", settings=s).html.read_text()
    b = build_report(corpus, tmp_path / "b", settings=s).html.read_text()
    assert a == b


def test_report_needs_embeddings_and_two_groups(corpus: StatementTable) -> None:
    plain = StatementTable(corpus.to_pandas(embeddings=False))
    with pytest.raises(ValueError, match="embed"):
        analyse(plain)
    one = corpus.by_speaker("Vladimir Putin")
    with pytest.raises(ValueError, match="at least two"):
        analyse(one)
    with pytest.raises(KeyError, match="Nobody"):
        analyse(corpus, Settings(focus="Nobody"))
