"""substance(): formulae flagged by words and by corpus evidence; the compare functions
leave them out by default and say how many."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from stancekit import StatementTable
from stancekit.compare import alignment, echoes, similarity
from stancekit.formulaic import count_words, courtesy_words, formulaic_mask, substance

FORMULAE = [
    "Thank you very much.",
    "Good evening, dear friends and colleagues.",
    "Mr Chairman, ladies and gentlemen,",
    "I am delighted to see you, Madam Prime Minister.",
    "(Speaks in French.) Thank you all.",
]
SUBSTANCE = [
    "The two governments will double the rail freight across the border by 2030.",
    "Sanctions on fertiliser exports must be lifted before the harvest.",
    "Our navy will patrol the strait together with the coast guard.",
    "Mr Okafor said the tariff on steel hurts the shipyards.",
    "The dam on the upper river threatens farmers downstream.",
]


def table_of(speakers: list[str], texts: list[str], X: np.ndarray | None = None) -> StatementTable:
    n = len(texts)
    frame = pd.DataFrame(
        {
            "article_id": [f"a{i}" for i in range(n)],
            "speaker": speakers,
            "text": texts,
            "start": 0,
            "end": 0,
        }
    )
    t = StatementTable(frame)
    return t if X is None else t.with_embeddings(X.astype(np.float32), {"model": "test"})


def test_the_courtesy_list_is_bundled_and_lower_case() -> None:
    words = courtesy_words()
    assert {"thank", "welcome", "colleagues"} <= words
    assert all(w == w.lower() and w.strip() == w for w in words)


def test_words_count_courtesy_address_and_content() -> None:
    c = count_words(["Thank you, Mr Abara.", "Mr Abara praised the new port.", "(Applause)"])
    assert c.content.tolist() == [0, 3, 0]  # praised, new, port
    assert c.courtesy.tolist() == [3, 2, 0]  # thank, Mr Abara / Mr Abara
    assert c.words.tolist() == [4, 6, 0]


def test_lexical_formulae_are_flagged_and_substance_is_not() -> None:
    t = table_of(["A", "B", "C", "D", "E"] * 2, FORMULAE + SUBSTANCE)
    s = substance(t)
    assert s.formulaic.tolist() == [True] * 5 + [False] * 5
    assert set(s.reason[:5]) == {"courtesy"}
    assert np.all(s.informativeness[:5] == 0) and np.all(s.informativeness[5:] > 0.5)
    assert s.n_formulaic == 5 and len(s) == 10
    assert np.all(s.spread == -1)  # no embeddings: lexical evidence only
    extra = substance(t, extra_words=["rail", "freight", "governments", "double", "border"])
    assert extra.formulaic[5]  # user words extend the list


def test_corpus_evidence_flags_what_many_speakers_say_alike() -> None:
    rng = np.random.default_rng(0)
    d = 16
    shared = rng.standard_normal(d)
    X = rng.standard_normal((40, d))
    X[:6] = shared + 0.05 * rng.standard_normal((6, d))  # six speakers say the same thing
    X /= np.linalg.norm(X, axis=1, keepdims=True)
    speakers = [f"S{i}" for i in range(6)] + [f"S{i % 10}" for i in range(34)]
    texts = [f"Statement about harbour dredging number {i}." for i in range(40)]
    s = substance(table_of(speakers, texts, X))
    assert s.min_speakers == 5
    assert s.formulaic[:6].all() and not s.formulaic[6:].any()
    assert s.reason[0] == "shared by 6 speakers"
    assert np.all(s.idf[:6] < s.idf[6:].min())
    # four speakers are not enough
    assert not substance(table_of(speakers, texts, X), min_speakers=7).formulaic.any()


def test_a_users_own_column_decides() -> None:
    t = table_of(["A", "B"], ["Thank you.", "Tariffs will rise."])
    assert formulaic_mask(t).tolist() == [True, False]
    own = t.with_column("formulaic", [False, True])
    assert formulaic_mask(own).tolist() == [False, True]
    with pytest.raises(ValueError, match="formulaic"):
        formulaic_mask(t.with_column("formulaic", [None, True]))
    with pytest.raises(ValueError, match="'False'"):
        formulaic_mask(t.with_column("formulaic", ["False", "True"]))


@pytest.mark.parametrize(
    ("kwargs", "match"),
    [
        ({"threshold": 1.5}, "threshold"),
        ({"threshold": "high"}, "threshold"),
        ({"min_speakers": 1}, "min_speakers"),
    ],
)
def test_bad_options_name_the_value(kwargs: dict[str, object], match: str) -> None:
    t = table_of(["A"], ["Tariffs will rise."])
    with pytest.raises((ValueError, TypeError), match=match):
        substance(t, **kwargs)  # type: ignore[arg-type]


def two_speakers() -> StatementTable:
    """A and B thank each other identically; their substance differs."""
    texts = ["Thank you very much.", *SUBSTANCE[:2], "Thank you very much.", *SUBSTANCE[2:4]]
    X = np.eye(6, 8)
    X[3] = X[0]  # the two formulae are identical vectors
    return table_of(["A"] * 3 + ["B"] * 3, texts, X)


def test_compare_functions_leave_formulae_out_and_count_them() -> None:
    t = two_speakers()
    m = similarity(t, center=False, min_statements=1)
    assert m.n_formulaic == 2 and m.to_pandas().attrs["n_formulaic"] == 2
    assert m["A", "B"] == pytest.approx(0.0)  # nothing substantive in common
    kept = similarity(t, center=False, keep_formulaic=True, min_statements=1)
    assert kept.n_formulaic == 0 and kept["A", "B"] > 0.3
    e = echoes(t, "A", "B", k=3)
    assert e.n_formulaic == 2 and "Thank you very much." not in e.text_a
    assert echoes(t, "A", "B", k=1, keep_formulaic=True).text_a == ("Thank you very much.",)
    res = alignment(t, "A", "B", n_permutations=0, n_bootstrap=0)
    assert res.n_formulaic == 2 and (res.n_a, res.n_b) == (2, 2)
    assert res.pairs.n_formulaic == 2
    with pytest.raises(TypeError, match="keep_formulaic"):
        similarity(t, keep_formulaic="no")  # type: ignore[arg-type]


def test_a_speaker_with_only_formulae_gets_nan_not_an_error() -> None:
    texts = ["Thank you.", "Welcome, colleagues.", SUBSTANCE[0], SUBSTANCE[1]]
    t = table_of(["A", "A", "B", "C"], texts, np.eye(4, 5))
    m = similarity(t, center=False, min_statements=1)
    assert m.rows == ("A", "B", "C") and np.isnan(m["A", "B"])
    assert np.isnan(similarity(t, center=False)["B", "C"])  # one statement each: too few
    assert len(echoes(t, "A", k=2)) == 0


def test_weak_courtesy_words_need_strong_ones_beside_a_content_word() -> None:
    texts = ["We would like to see more ferries.", "We are delighted to welcome you to Lisbon."]
    s = substance(table_of(["A", "B"], texts))
    assert s.formulaic.tolist() == [False, True]
    c = count_words(texts)
    assert c.strong.tolist() == [0, 2] and c.courtesy.tolist() == [2, 2]
