"""End to end on the seed article: segment, embed with the real model, compare Xi and Japarov."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

pytestmark = pytest.mark.slow  # loads torch and all-MiniLM-L6-v2 (~10 s)


@pytest.fixture(scope="module")
def seed_table(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    pytest.importorskip("all_minilm_l6_v2", reason="the offline model package is not installed")
    from stancekit import read_articles
    from stancekit.embed import embed
    from stancekit.segment import segment

    example = Path(__file__).resolve().parents[1] / "examples" / "data"
    cache = tmp_path_factory.mktemp("cache")
    return embed(segment(read_articles(example / "xi-japarov-2025-06-17.txt")), cache=cache)


def test_xi_japarov_alignment_and_railway_echo(seed_table) -> None:  # type: ignore[no-untyped-def]
    from stancekit.compare import alignment, echoes, similarity

    table = seed_table
    assert {"Xi Jinping", "Sadyr Japarov"} <= set(table.speakers)
    res = alignment(table, "Xi Jinping", "Sadyr Japarov", n_permutations=199, n_bootstrap=200)
    assert 0.3 < res.score < 1.0 and res.ci_low <= res.score <= res.ci_high
    assert np.isfinite(res.z) and 0 < res.p <= 1
    m = similarity(table)
    assert m["Xi Jinping", "Sadyr Japarov"] == pytest.approx(m["Sadyr Japarov", "Xi Jinping"])
    top = echoes(table, "Xi Jinping", "Sadyr Japarov", k=3, unit="clause", center=True)
    assert "China-Kyrgyzstan-Uzbekistan railway" in top.span_a[0]
    assert "China-Kyrgyzstan-Uzbekistan railway" in top.span_b[0]
    assert "railway" in top.text_a[0] and "railway" in top.text_b[0]
