"""Keywords by c-TF-IDF, labels, representatives and the keyword sample."""

from __future__ import annotations

import numpy as np
import pytest
import scipy.sparse as sp
from topics_helpers import COMMON, KEYWORDS, planted, table_of, unit_rows

from stancekit.formulaic import courtesy_words
from stancekit.table import StatementTable
from stancekit.topics import topics
from stancekit.topics._ctfidf import (
    MIN_PAIR_DOCS,
    _phrase,
    class_term_counts,
    ctfidf,
    make_labels,
    stratified_sample,
    top_keywords,
)


def _majority(truth: np.ndarray, found: np.ndarray, k: int) -> list[int]:
    return [int(np.bincount(truth[found == t]).argmax()) for t in range(k)]


def test_labels_come_from_the_planted_keywords() -> None:
    p = planted((40, 30, 30, 20, 25), seed=4)
    model = topics(p.table)
    assert model.n_topics == 5
    for t, truth in enumerate(_majority(p.topic, model.assignments, 5)):
        planted_words = set(KEYWORDS[truth])
        assert set(model.keywords[t, :3]) == planted_words
        # the label reads the three planted words, one of them in the pair "<word> matter"
        # of every text ("... and corridor matter for ..."), and no word twice
        terms = model.labels[t].split(", ")
        words = [w for term in terms for w in term.split()]
        assert len(terms) == 3 and len(words) == len(set(words)), model.labels[t]
        assert set(words) - {"matter"} == planted_words, model.labels[t]
        # pairs with "matter", then the common words, follow with lower weights; stop words
        # never appear, nor pairs across them ("said the", "the railway")
        rest = {w for w in model.keywords[t, 3:] if w}
        pairs = {w for w in rest if " " in w}
        assert rest - pairs <= {*COMMON, "matter"} and "the" not in model.keywords[t]
        assert pairs <= {f"{w} matter" for w in planted_words}
        scores = model.keyword_scores[t]
        assert np.all(np.diff(scores[np.isfinite(scores)]) <= 0)


def test_ctfidf_matches_the_formula() -> None:
    counts = sp.csr_matrix(np.array([[2, 0, 1, 1], [0, 3, 1, 0], [1, 1, 0, 0]]))
    c = counts.toarray().astype(float)
    tf = c / c.sum(axis=1, keepdims=True)
    avg = c.sum() / 3
    want = tf * np.log(1 + avg / c.sum(axis=0))
    assert np.allclose(ctfidf(counts).toarray(), want)
    assert ctfidf(sp.csr_matrix((2, 0))).shape == (2, 0)


def test_class_term_counts_tokens() -> None:
    texts = ["The railway, the RAILWAY and 2025 trains", "x y railway_line co-operation"]
    counts, vocab = class_term_counts(texts, np.array([0, 1]), 2)
    # lower-cased; stop words ("the", "co"), numbers, single letters and words joined by
    # underscores are left out; hyphens split words
    assert list(vocab) == ["operation", "railway", "trains"]
    assert counts.toarray().tolist() == [[0, 2, 1], [1, 0, 0]]
    extra, vocab2 = class_term_counts(
        ["He said trains, noting rails"], np.array([0]), 1, stop_words=["Rails"]
    )
    assert list(vocab2) == ["trains"] and extra.toarray().tolist() == [[1]]
    empty, none = class_term_counts(["the and of", "42"], np.array([0, 0]), 1)
    assert empty.shape == (1, 0) and none.size == 0


def test_top_keywords_pad_and_break_ties_alphabetically() -> None:
    weights = sp.csr_matrix(np.array([[0.5, 0.5, 0.1], [0.0, 0.0, 0.2]]))
    kw, sc = top_keywords(weights, np.array(["zeta", "alpha", "mid"]), 3)
    assert kw.tolist() == [["alpha", "zeta", "mid"], ["mid", "", ""]]
    assert np.isnan(sc[1, 1:]).all() and sc[0, 0] == 0.5


def test_labels_are_unique_and_never_outliers() -> None:
    kw = np.array([["trade", "port"], ["trade", "port"], ["outliers", ""], ["", ""]])
    labels = make_labels(kw, words=2)
    assert labels == ("trade, port", "trade, port (#1)", "outliers (#2)", "topic 3")


def test_representatives_are_closest_to_the_centroid() -> None:
    p = planted((30, 20, 25), seed=5, noise=0.9)
    model = topics(p.table, n_topics=3, n_representatives=4)
    X = p.table.embeddings
    assert X is not None and model.representatives.shape == (3, 4)
    mean = X.astype(np.float64).mean(axis=0)
    assert np.allclose(model.mean, mean, atol=1e-6)
    Y = X - mean
    Y /= np.linalg.norm(Y, axis=1, keepdims=True)  # the centred space the clustering used
    for t in range(3):
        rows = np.flatnonzero(model.assignments == t)
        centre = Y[rows].sum(axis=0)
        centre /= np.linalg.norm(centre)
        assert np.allclose(model.centroids[t], centre, atol=1e-5)
        sims = Y[rows] @ centre
        assert list(model.representatives[t]) == list(rows[np.argsort(-sims, kind="stable")[:4]])
    raw = topics(p.table, n_topics=3, n_representatives=4, center=False)
    assert not raw.mean.any()
    for t in range(3):
        rows = np.flatnonzero(raw.assignments == t)
        centre = X[rows].astype(np.float64).sum(axis=0)
        assert np.allclose(raw.centroids[t], centre / np.linalg.norm(centre), atol=1e-5)
    frame = model.to_pandas()
    assert frame["representatives"][0][0] == p.table.column("text")[model.representatives[0, 0]]


def test_representatives_pad_small_topics() -> None:
    X = unit_rows(np.array([[1.0, 0.0], [1.0, 0.1], [0.0, 1.0]]))
    model = topics(table_of(X, ["A", "B", "A"]), n_topics=2, n_representatives=3)
    assert model.representatives.tolist() == [[0, 1, -1], [2, -1, -1]]


def test_keyword_sample_is_stratified_with_a_floor() -> None:
    classes = np.repeat(np.arange(3), [1000, 60, 10]).astype(np.int64)
    classes = np.concatenate([classes, np.full(5, -1)])
    rows = stratified_sample(classes, 3, 200, seed=1)
    got = np.bincount(classes[rows], minlength=3)
    assert got.tolist() == [186, 50, 10]  # round(200 * 1000 / 1075); the floor of 50; all 10
    assert np.all(classes[rows] >= 0) and np.all(np.diff(rows) > 0)
    assert np.array_equal(rows, stratified_sample(classes, 3, 200, seed=1))
    assert not np.array_equal(rows, stratified_sample(classes, 3, 200, seed=2))
    assert stratified_sample(classes, 3, 5000, seed=1).size == 1070


def test_keywords_from_a_sample_still_find_the_planted_words() -> None:
    p = planted((200, 150, 100), seed=6)
    model = topics(p.table, n_topics=3, max_keyword_docs=60)
    for t, truth in enumerate(_majority(p.topic, model.assignments, 3)):
        assert set(model.keywords[t, :3]) == set(KEYWORDS[truth])


@pytest.mark.parametrize("n_keywords", [1, 4])
def test_keyword_count_option(n_keywords: int) -> None:
    model = topics(planted((20, 20)).table, n_topics=2, n_keywords=n_keywords)
    assert model.keywords.shape == (2, n_keywords)
    assert all(len(label.split(", ")) == min(3, n_keywords) for label in model.labels)


# -- terms: content words and pairs of them ----------------------------------------------


def _vocab(texts: list[str], **kw: object) -> dict[str, int]:
    counts, vocab = class_term_counts(texts, np.zeros(len(texts), np.int64), 1, **kw)  # type: ignore[arg-type]
    return dict(zip(vocab.tolist(), counts.toarray()[0].tolist(), strict=True))


def test_adjacent_content_words_make_pair_terms() -> None:
    texts = [
        "Climate change threatens island nations.",
        "We will fight climate change together with partners.",
        "The delegates discussed climate change and coastal erosion.",
        "Coastal erosion worries fishermen.",
    ]
    terms = _vocab(texts)
    assert terms["climate change"] == 3 and terms["climate"] == 3 and terms["change"] == 3
    assert "coastal erosion" not in terms  # two statements, fewer than MIN_PAIR_DOCS
    assert terms["coastal"] == 2 and terms["erosion"] == 2
    assert "island nations" not in terms and "threatens island" not in terms  # once each
    assert all(len(t.split()) <= 2 for t in terms)
    assert MIN_PAIR_DOCS == 3


def test_pairs_need_min_pair_docs_statements_not_occurrences() -> None:
    twice = ["Solar panels, solar panels everywhere.", "Cheap solar panels arrive."]
    assert "solar panels" not in _vocab(twice)  # three times, but in two statements
    assert _vocab([*twice, "Solar panels cover roofs."])["solar panels"] == 4


def test_pairs_never_cross_a_stop_word() -> None:
    texts = [f"They defend the rule of law in {place}." for place in ("courts", "parliament",
                                                                       "villages", "schools")]  # fmt: skip
    terms = _vocab(texts)
    assert terms["rule"] == 4 and terms["law"] == 4
    assert "rule law" not in terms and "defend rule" not in terms
    # nor across a reporting verb or a courtesy word
    said = [f"Water scarcity, she said, grows {w}." for w in ("fast", "slowly", "daily")]
    terms = _vocab(said)
    assert terms["water scarcity"] == 3 and "scarcity grows" not in terms
    assert not any("said" in t for t in terms)


def test_a_repeated_word_is_no_pair() -> None:
    texts = ["Talks talks talks about bridges", "Talks talks ended", "Talks talks resumed"]
    terms = _vocab(texts)
    assert "talks talks" not in terms and terms["talks"] == 7


def test_courtesy_words_and_honorifics_are_never_terms() -> None:
    texts = [
        "Thank you, dear colleagues, for the debate on nuclear disarmament.",
        "Your Excellency, distinguished delegates, nuclear disarmament matters.",
        "Mr President, I thank the colleagues who support nuclear disarmament.",
        "Excellencies, ladies and gentlemen, welcome to the disarmament talks.",
    ]
    terms = _vocab(texts)
    words = {w for t in terms for w in t.split()}
    for courteous in ("thank", "colleagues", "excellency", "excellencies", "dear", "mr",
                      "distinguished", "ladies", "gentlemen", "welcome"):  # fmt: skip
        assert courteous not in words
    assert terms["nuclear disarmament"] == 3 and terms["disarmament"] == 4
    # the caller's stop words break pairs too
    assert "nuclear disarmament" not in _vocab(texts, stop_words=["Nuclear"])


def test_courtesies_never_reach_the_keywords_of_a_model() -> None:
    # every statement opens with courtesies, which would otherwise be the commonest words
    opening = ("Thank you, dear colleagues.", "Excellency, distinguished guests, welcome.",
               "Mr President, thank you.")  # fmt: skip
    subjects = ("We must cut carbon emissions", "Our farmers need irrigation canals")
    p = planted((30, 30), seed=8)
    texts = [f"{opening[i % 3]} {subjects[int(t)]} in every province."
             for i, t in enumerate(p.topic)]  # fmt: skip
    frame = p.table.to_pandas(embeddings=False).assign(text=texts)
    table = StatementTable(frame).with_embeddings(p.table.embeddings, {"model": "t"})  # type: ignore[arg-type]
    model = topics(table, n_topics=2, keep_formulaic=True)
    words = {w for kw in model.keywords.ravel() for w in kw.split()}
    assert not words & (courtesy_words() | {"mr", "excellency"})
    assert {"carbon emissions", "irrigation canals"} <= set(model.keywords.ravel())
    assert sorted(label.split(", ")[0] for label in model.labels) == [
        "carbon emissions", "irrigation canals"
    ]  # fmt: skip


# -- labels read as phrases --------------------------------------------------------------


@pytest.mark.parametrize(
    ("keywords", "want"),
    [
        # a pair takes the place of the words it contains; the next keyword fills the label
        (["climate", "change", "paris", "climate change", "agreement"],
         ["climate change", "paris", "agreement"]),
        # a word inside a chosen pair is skipped
        (["climate change", "climate", "paris", "change", "oceans"],
         ["climate change", "paris", "oceans"]),
        # a pair sharing a word with a chosen pair is skipped: no word twice
        (["climate change", "change policy", "paris", "oceans"],
         ["climate change", "paris", "oceans"]),
        # a pair replaces the one word of the label it contains
        (["security", "water", "food", "food security"], ["food security", "water"]),
        # only the first 2 * words keywords are read
        (["alpha", "beta", "gamma", "delta", "epsilon", "zeta", "alpha beta", "eta"],
         ["alpha", "beta", "gamma"]),
        # a new pair that contains no chosen word waits for a free place
        (["ports", "roads", "rails", "bridge repair"], ["ports", "roads", "rails"]),
        (["ports", "bridge repair"], ["ports", "bridge repair"]),
        ([], []),
    ],
)  # fmt: skip
def test_phrase(keywords: list[str], want: list[str]) -> None:
    assert _phrase(keywords, 3) == want


def test_make_labels_reads_pairs_as_phrases() -> None:
    kw = np.array(
        [
            ["climate", "change", "paris", "climate change", "agreement", ""],
            ["corridor", "railway", "railway corridor", "freight", "", ""],
            ["nuclear", "arms", "", "", "", ""],
            ["", "", "", "", "", ""],
        ]
    )
    assert make_labels(kw) == (
        "climate change, paris, agreement",
        "railway corridor, freight",
        "nuclear, arms",
        "topic 3",
    )
    assert make_labels(kw, words=1) == ("climate", "corridor", "nuclear", "topic 3")
    # labels stay unique when two topics read the same
    same = np.array([["food security", "water", ""], ["food", "water", "food security"]])
    assert make_labels(same, words=2) == ("food security, water", "food security, water (#1)")


def test_make_labels_skip_words_that_tell_no_topic_apart() -> None:
    # "harbour" is a keyword of four of five topics: it names none of them
    kw = np.array(
        [
            ["harbour", "ferry", "tickets"],
            ["harbour", "cranes", "cargo"],
            ["harbour", "harbour fees", "budget"],
            ["harbour", "fishing", "quotas"],
            ["orchards", "apples", "frost"],
        ]
    )
    labels = make_labels(kw, words=2)
    # a pair keeps a common word beside a distinctive one ("harbour fees")
    assert labels == ("ferry, tickets", "cranes, cargo", "harbour fees, budget", "fishing, quotas",
                      "orchards, apples")  # fmt: skip
    # a topic with nothing but common words keeps them; below four topics nothing is skipped
    only = np.array([["harbour", ""], ["harbour", "x1"], ["harbour", "x2"], ["harbour", "x3"]])
    assert make_labels(only, words=2)[0] == "harbour"
    assert make_labels(kw[:3], words=1) == ("harbour", "harbour (#1)", "harbour fees")
