from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from stancekit import StatementTable
from stancekit.compare import Alignment
from stancekit.report import Settings, analyse, build_report
from stancekit.report._analysis import timeline_pick


def test_report_folder_contents(
    corpus: StatementTable, formulae: tuple[str, ...], tmp_path: Path
) -> None:
    settings = Settings(
        focus="Vladimir Putin",
        window="2YE",
        min_window_statements=2,
        n_permutations=49,
        n_bootstrap=50,
        n_topics=3,
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
    # p against A's other counterparts, the permutation test kept beside it
    assert align["p"].between(0, 1).all() and align["shuffle_p"].between(0, 1).all()
    assert (align["stands_out"] == (align["p"] < 0.05)).all()
    assert "allowing for group sizes" in html
    assert "2 of the 38 statements are formulae" in html
    timeline = analyse(corpus, settings).timeline
    assert timeline is not None and timeline.by_window is not None  # windows named by span
    assert timeline.by_window.labels == ("2013–2014", "2015–2016", "2017–2018", "2019–2020")
    sim = pd.read_csv(tmp_path / "out" / "corpus-similarity.csv", index_col=0)
    assert sim.shape == (5, 5)
    back = StatementTable.read_parquet(tmp_path / "out" / "statements.parquet")
    assert len(back) == len(corpus) and "topic" in back.columns
    flagged = back.to_pandas(embeddings=False).query("formulaic")
    assert set(flagged["text"]) == set(formulae) and set(flagged["topic"]) == {"formulaic"}
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


def test_formulae_are_left_out_and_counted(
    corpus: StatementTable, formulae: tuple[str, ...]
) -> None:
    res = analyse(corpus, Settings(focus="Vladimir Putin", n_permutations=9, n_bootstrap=9))
    assert res.n_formulaic == 2 and any(n.startswith("2 of the 38 statements") for n in res.notes)
    shown = set(res.echoes.text_a) | set(res.echoes.text_b)
    assert len(res.echoes) and not shown & set(formulae)
    assert all(r.n_a == 12 and r.n_formulaic == 2 for r in res.alignments)


def test_dyads_calibrate_the_counterparts(corpus: StatementTable) -> None:
    res = analyse(corpus, Settings(n_permutations=9, n_bootstrap=9))
    assert res.dyads is not None and set(res.dyads.labels) == set(res.groups)
    frame = res.alignment_frame()
    i = res.dyads.labels.index(res.focus)
    for b, p in zip(frame["b"], frame["p"], strict=True):
        assert p == res.dyads.p[i, res.dyads.labels.index(b)]
    assert int(res.dyads.n[i]) == 12  # formulae left out of the calibration too


def test_timeline_needs_enough_statements_on_both_sides(
    corpus: StatementTable, tmp_path: Path
) -> None:
    s = Settings(focus="Vladimir Putin", window="2YE", n_permutations=9, n_bootstrap=9)
    res = analyse(corpus, s)  # two statements a side per window, five needed
    assert res.timeline is None
    assert any(n.startswith("too few statements over time for a chart") for n in res.notes)
    html = build_report(corpus, tmp_path / "r", settings=s).html.read_text(encoding="utf-8")
    assert "too few statements over time" in html and 'data-figure="corpus-timeline"' not in html


def test_timeline_pick_prefers_more_windows(corpus: StatementTable) -> None:
    s = Settings(window="YE", min_window_statements=1, n_permutations=0, n_bootstrap=0)
    res = analyse(corpus, s)
    full = res.alignments[0]
    assert full.by_window is not None and len(full.by_window) == 6
    assert res.timeline is not None and res.timeline.b == min(r.b for r in res.alignments)

    def thinned(keep: int) -> Alignment:
        assert full.by_window is not None
        n_b = np.where(np.arange(6) < keep, full.by_window.n_b, 0)
        return replace(full, b=f"Z{keep}", by_window=replace(full.by_window, n_b=n_b))

    assert timeline_pick([thinned(5), full, thinned(3)], 1) is full
    assert timeline_pick([thinned(2)], 1) is not None
    assert timeline_pick([thinned(1)], 1) is None  # one window is not a time series
    assert timeline_pick([full], 2) is None
