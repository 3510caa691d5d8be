from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pytest

from stancekit.cli import main
from stancekit.report.demo import demo_plan, run_demo, speech_sample


@pytest.mark.slow
def test_demo_quick_with_lsa(tmp_path: Path) -> None:
    out = tmp_path / "demo"
    assert main(["demo", "--output", str(out), "--quick", "--model", "lsa"]) == 0
    html = (out / "report.html").read_text(encoding="utf-8")
    sections = re.findall(r'data-section="([^"]+)"', html)
    assert sections == ["seed", "kremlin", "ungd", "about"]
    assert "framed from Moscow" in html and "QAP p" in html
    figures = re.findall(r'data-figure="([^"]+)"', html)
    assert {"seed-similarity", "seed-echoes", "kremlin-alignment", "ungd-map", "ungd-votes"} <= set(
        figures
    )
    assert (out / "figures" / "ungd-votes.svg").exists()
    # the page says which slice it used and how to get the full run
    assert "the quick slice" in html and "run_demo(..., full=True)" in html


def test_default_plan_is_the_documented_slice() -> None:
    plan = demo_plan()
    assert plan.name == "default"
    assert (plan.kremlin_step, plan.per_speech) == (1, 30)  # every Kremlin text, 30 per speech
    assert (plan.n_permutations, plan.n_bootstrap, plan.qap_permutations) == (199, 200, 999)
    assert "30 sentences per UN speech" in plan.describe()
    assert "--full" in plan.describe() and "full=True" in plan.describe()


def test_full_plan_is_the_whole_data() -> None:
    plan = demo_plan(full=True)
    assert (plan.kremlin_step, plan.per_speech) == (1, None)
    assert (plan.n_permutations, plan.n_bootstrap, plan.qap_permutations) == (499, 500, 999)
    ids = ["a"] * 100 + ["b"] * 7
    assert speech_sample(ids, plan.per_speech).all()


def test_quick_and_full_contradict(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="full=True and quick=True"):
        run_demo(tmp_path / "demo", quick=True, full=True, model="lsa")
    assert not (tmp_path / "demo").exists()


def test_speech_sample_keeps_n_evenly_spaced_sentences_per_speech() -> None:
    ids = np.array(["a"] * 100 + ["b"] * 10 + ["c"] * 31, dtype=object)
    keep = speech_sample(ids, 30)
    assert keep.dtype == bool and keep.shape == (141,)
    pos_a = np.flatnonzero(keep[:100])
    assert pos_a.size == 30
    assert pos_a.tolist() == [int((k + 0.5) * 100 / 30) for k in range(30)]
    assert pos_a[0] == 1 and pos_a[-1] == 98  # spread over the whole speech
    assert keep[100:110].all()  # a shorter speech keeps every sentence
    assert keep[110:].sum() == 30


def test_speech_sample_follows_each_speech_not_the_row_order_of_others() -> None:
    # interleaved articles are ranked within their own rows
    ids = np.array(["a", "b"] * 50, dtype=object)
    keep = speech_sample(ids, 5)
    assert keep[0::2].sum() == 5 and keep[1::2].sum() == 5
    assert np.flatnonzero(keep[0::2]).tolist() == [5, 15, 25, 35, 45]


@pytest.mark.parametrize("bad", [0, -3, 2.5, True])
def test_speech_sample_rejects_bad_counts(bad: object) -> None:
    with pytest.raises(ValueError, match="per_speech"):
        speech_sample(["a", "a"], bad)  # type: ignore[arg-type]


def test_demo_refuses_a_folder_of_other_files_before_any_work(tmp_path: Path) -> None:
    from stancekit.report import ReportFolderError

    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    calls: list[str] = []
    with pytest.raises(ReportFolderError, match=r"notes\.txt"):
        run_demo(tmp_path, quick=True, model="lsa", log=calls.append)
    assert calls == []  # refused before the first step
    assert (tmp_path / "notes.txt").read_text(encoding="utf-8") == "mine"
