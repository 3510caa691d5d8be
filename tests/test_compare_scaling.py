"""scale(): reference-anchored positions."""

from __future__ import annotations

import numpy as np
import numpy.typing as npt
import pandas as pd
import pytest

from stancekit import StatementTable
from stancekit.compare import Scaling, scale


def unit_rows(rng: np.random.Generator, n: int, d: int) -> npt.NDArray[np.float32]:
    X = rng.standard_normal((n, d)).astype(np.float32)
    return X / np.linalg.norm(X, axis=1, keepdims=True)


def make_table(speakers: list[str], X: np.ndarray) -> StatementTable:
    n = len(speakers)
    frame = pd.DataFrame(
        {
            "article_id": ["a"] * n,
            "speaker": speakers,
            "text": ["t"] * n,
            "start": 0,
            "end": 0,
        }
    )
    return StatementTable(frame).with_embeddings(X, {"model": "test"})


def planted(seed: int = 0) -> tuple[StatementTable, dict[str, float]]:
    """Speakers spread between two poles; returns the expected axis positions."""
    rng = np.random.default_rng(seed)
    d = 32
    left, right = unit_rows(rng, 2, d).astype(np.float64)
    mix = {"USA": 1.0, "RUS": -1.0, "FRA": 0.6, "IND": 0.0, "CHN": -0.5}
    speakers, rows, bases = [], [], {}
    for name, t in mix.items():
        n = 1 if name == "IND" else 80
        base = (1 + t) / 2 * left + (1 - t) / 2 * right
        bases[name] = base / np.linalg.norm(base)  # where the unit statements concentrate
        rows.append(base + 0.01 * rng.standard_normal((n, d)))
        speakers += [name] * n
    X = np.concatenate(rows)
    X = (X / np.linalg.norm(X, axis=1, keepdims=True)).astype(np.float32)
    a, b = bases["USA"], bases["RUS"]
    expected = {k: -1 + 2 * (v - b) @ (a - b) / ((a - b) @ (a - b)) for k, v in bases.items()}
    return make_table(speakers, X), expected


def test_planted_positions_recovered_with_uncertainty() -> None:
    table, truth = planted()
    res = scale(table, {"USA": 1.0, "RUS": -1.0}, n_bootstrap=200)
    assert isinstance(res, Scaling)
    assert res.labels == ("CHN", "FRA", "IND", "RUS", "USA")
    got = dict(zip(res.labels, res.position, strict=True))
    for name, t in truth.items():
        assert got[name] == pytest.approx(t, abs=0.03)
    assert got["USA"] > got["FRA"] > got["IND"] > got["CHN"] > got["RUS"]
    frame = res.to_pandas()
    assert frame.loc["USA", "reference"] and not frame.loc["FRA", "reference"]
    assert frame.loc["IND", "n"] == 1
    fra = frame.loc["FRA"]
    assert fra.ci_low < fra.position < fra.ci_high and fra.se > 0
    assert (res.ci_low <= res.ci_high).all()


def test_seeded_and_analytic_mode() -> None:
    table, _ = planted(1)
    ref = {"USA": 1.0, "RUS": -1.0}
    a = scale(table, ref, n_bootstrap=30, seed=5)
    b = scale(table, ref, n_bootstrap=30, seed=5)
    np.testing.assert_array_equal(a.se, b.se)
    c = scale(table, ref, n_bootstrap=0)
    np.testing.assert_allclose(c.position, a.position)
    fra = c.labels.index("FRA")
    assert c.se[fra] > 0 and np.isnan(c.se[c.labels.index("IND")])  # one statement: no sd
    assert c.ci_low[fra] == pytest.approx(c.position[fra] - 1.959964 * c.se[fra], rel=1e-5)


def test_three_references_land_on_their_positions() -> None:
    table, _ = planted(2)
    res = scale(table, {"USA": 2.0, "RUS": -1.0, "CHN": 0.0}, n_bootstrap=0)
    got = dict(zip(res.labels, res.position, strict=True))
    assert (got["USA"], got["RUS"], got["CHN"]) == pytest.approx((2.0, -1.0, 0.0), abs=1e-4)


def test_reference_errors() -> None:
    table, _ = planted()
    with pytest.raises(ValueError, match="at least two"):
        scale(table, {"USA": 1.0})
    with pytest.raises(KeyError, match="unknown speaker 'GBR'"):
        scale(table, {"USA": 1.0, "GBR": -1.0})
    with pytest.raises(ValueError, match="not all be equal"):
        scale(table, {"USA": 1.0, "RUS": 1.0})
    with pytest.raises(TypeError, match="must be a number"):
        scale(table, {"USA": 1.0, "RUS": "left"})  # type: ignore[dict-item]
    with pytest.raises(ValueError, match="finite"):
        scale(table, {"USA": 1.0, "RUS": float("nan")})
    with pytest.raises(ValueError, match="n_bootstrap"):
        scale(table, {"USA": 1.0, "RUS": -1.0}, n_bootstrap=-5)


def noisy_references(
    seed: int, n_speakers: int = 60, d: int = 40, noise: float = 1.0, per: int = 4
) -> tuple[StatementTable, dict[str, float], np.ndarray]:
    """Speakers whose mean vectors carry their position along one direction plus noise."""
    rng = np.random.default_rng(seed)
    axis = np.zeros(d)
    axis[1:] = rng.standard_normal(d - 1)
    axis /= np.linalg.norm(axis)  # orthogonal to the common direction e_0
    truth = rng.uniform(-1, 1, n_speakers)
    names = [f"S{i:03d}" for i in range(n_speakers)]
    spectrum = 1.0 / np.arange(1.0, d + 1.0)  # noise in a few strong and many weak directions
    spectrum /= np.linalg.norm(spectrum)
    noise_rows = rng.standard_normal((n_speakers, d)) * spectrum * noise
    base = 0.2 * (noise_rows + truth[:, None] * axis)
    base[:, 0] += 1.0  # a shared component keeps the unit-norm rows near-linear in the position
    X = np.repeat(base, per, axis=0) + 0.01 * rng.standard_normal((n_speakers * per, d))
    X = (X / np.linalg.norm(X, axis=1, keepdims=True)).astype(np.float32)
    return make_table(list(np.repeat(names, per)), X), dict(zip(names, truth, strict=True)), base


def test_cv_picks_stronger_shrinkage_on_noisier_data() -> None:
    clean, ref_c, _ = noisy_references(0, noise=0.05)
    noisy, ref_n, _ = noisy_references(0, noise=3.0)
    grid = np.logspace(-5, 3, 33)
    a = scale(clean, ref_c, n_bootstrap=0, penalties=grid)
    b = scale(noisy, ref_n, n_bootstrap=0, penalties=grid)
    assert a.method == b.method == "ridge" and a.cv is not None and b.cv is not None
    assert b.penalty > 10 * a.penalty
    assert grid[0] < a.penalty < grid[-1]  # an interior choice, not the end of the grid
    assert a.cv.pearson_r > 0.9 and a.cv.pearson_r > b.cv.pearson_r


def test_ridge_generalises_where_the_exact_axis_interpolates() -> None:
    table, ref, _ = noisy_references(1, n_speakers=80, d=120, noise=4.0)
    names = sorted(ref)
    train = {k: ref[k] for k in names[:60]}
    ridge = scale(table, train, n_bootstrap=0)
    exact = scale(table, train, method="exact", n_bootstrap=0)
    held = [ridge.labels.index(k) for k in names[60:]]
    truth = np.array([ref[k] for k in names[60:]])
    r_ridge = np.corrcoef(ridge.position[held], truth)[0, 1]
    r_exact = np.corrcoef(exact.position[held], truth)[0, 1]
    assert r_ridge > r_exact + 0.03
    assert exact.cv is None and exact.penalty == 0.0
    np.testing.assert_allclose(
        [exact.position[exact.labels.index(k)] for k in train], list(train.values()), atol=1e-4
    )


def test_cv_is_speaker_disjoint_and_reported() -> None:
    table, ref, _ = noisy_references(2, n_speakers=30)
    frame = table.to_pandas()
    speaker = frame["speaker"].to_numpy()
    half = np.arange(len(frame)) % 4 < 2  # every speaker's statements split in two "years"
    frame["unit"] = [f"{s}:{'a' if h else 'b'}" for s, h in zip(speaker, half, strict=True)]
    units = StatementTable.from_pandas(frame).with_embeddings(table.embeddings, {"model": "test"})
    unit_ref = {f"{s}:{y}": ref[s] for s in ref for y in "ab"}
    res = scale(units, unit_ref, by="unit", cv_by="speaker", n_folds=5, n_bootstrap=0)
    assert res.cv is not None and res.cv.n_folds == 5
    cv = res.cv.to_pandas()
    assert list(cv["group"]) == [u.split(":")[0] for u in cv.index]
    assert (cv.groupby("group")["fold"].nunique() == 1).all()  # no speaker in two folds
    assert np.isfinite(cv["predicted"]).all() and res.cv.rmse > 0
    r = np.corrcoef(cv["predicted"], cv["observed"])[0, 1]
    assert res.cv.pearson_r == pytest.approx(r)
    assert res.cv.fold_penalty.shape == (5,) and res.cv.cv_mse.shape == res.cv.penalties.shape
    split = frame.assign(article_id=np.where(half, "x", "y"))  # a speaker in two cv groups
    t2 = StatementTable.from_pandas(split).with_embeddings(table.embeddings, {"model": "t"})
    with pytest.raises(ValueError, match="'S000' must have one 'article_id' value"):
        scale(t2, ref, cv_by="article_id")


def test_transform_places_another_tables_speakers() -> None:
    table, ref, base = noisy_references(3, n_speakers=60, noise=0.3)
    fit = scale(table, ref, n_bootstrap=0)
    rng = np.random.default_rng(9)
    names = ["NEW1", "NEW2", "NEW3"]
    new_truth = np.array([0.8, 0.0, -0.8])
    d = base.shape[1]
    axis = base.T @ (np.array(list(ref.values())) - 0)  # the direction positions vary along
    axis /= np.linalg.norm(axis)
    X = np.repeat(new_truth[:, None] * axis, 5, axis=0) + 0.05 * rng.standard_normal((15, d))
    X = (X / np.linalg.norm(X, axis=1, keepdims=True)).astype(np.float32)
    other = make_table(list(np.repeat(names, 5)), X)
    out = fit.transform(other)
    assert out.labels == tuple(names) and not out.reference.any() and out.cv is None
    assert out.position[0] > out.position[1] > out.position[2]
    assert (out.se > 0).all() and (out.ci_low < out.position).all()
    again = fit.model.transform(other) if fit.model is not None else None
    assert again is not None
    np.testing.assert_array_equal(again.position, out.position)
    same = fit.transform(table)
    np.testing.assert_allclose(same.position, fit.position, atol=1e-5)
    centred = scale(table, ref, n_bootstrap=0, center=True)  # the fitting corpus's mean moves
    np.testing.assert_allclose(centred.transform(table).position, centred.position, atol=1e-5)
    assert centred.model is not None and centred.model.center_mean is not None
    with pytest.raises(ValueError, match="3 dimensions"):
        fit.transform(make_table(["A"], np.full((1, 3), 3**-0.5, dtype=np.float32)))
    wrong = StatementTable(other.to_pandas().drop(columns=[], errors="ignore")).with_embeddings(
        X, {"model": "another-model"}
    )
    with pytest.raises(ValueError, match="another-model"):
        fit.transform(wrong)


def test_pair_scores_matrix() -> None:
    table, _ = planted()
    res = scale(table, {"USA": 1.0, "RUS": -1.0}, n_bootstrap=0)
    m = res.pair_scores
    assert m.rows == m.columns == res.labels and m.shape == (5, 5)
    assert np.allclose(np.diag(m.values), 0.0) and np.allclose(m.values, m.values.T)
    assert m["USA", "RUS"] == pytest.approx(-2.0, abs=1e-4)
    assert (m.values <= 0).all()


def test_few_references_fall_back_to_the_exact_axis_and_say_so() -> None:
    table, _ = planted()
    res = scale(table, {"USA": 1.0, "RUS": -1.0, "CHN": -0.5}, n_bootstrap=0)
    assert res.method == "exact" and res.cv is None and "at least 5" in res.note
    with pytest.raises(ValueError, match="method must be one of"):
        scale(table, {"USA": 1.0, "RUS": -1.0}, method="lasso")
    with pytest.raises(ValueError, match="n_folds"):
        scale(table, {"USA": 1.0, "RUS": -1.0}, n_folds=1)
    with pytest.raises(ValueError, match="penalties"):
        scale(table, {"USA": 1.0, "RUS": -1.0}, method="ridge", penalties=[-1.0])
    with pytest.raises(KeyError, match="'nope'"):
        scale(table, {"USA": 1.0, "RUS": -1.0}, cv_by="nope")


def worded_table(seed: int, names: list[str], truth: np.ndarray, per: int = 6) -> StatementTable:
    """Random embeddings; the position is carried by the share of 'left' and 'right' words
    (each word used by few speakers, as a real vocabulary)."""
    rng = np.random.default_rng(seed)
    filler = [f"topic{i}" for i in range(30)]
    left = [f"left{i}" for i in range(150)]
    right = [f"right{i}" for i in range(150)]
    texts, speakers = [], []
    for name, t in zip(names, truth, strict=True):
        for _ in range(per):
            n_right = rng.binomial(8, (1 + t) / 2)
            words = list(rng.choice(right, n_right)) + list(rng.choice(left, 8 - n_right))
            words += [*rng.choice(filler, 4), f"{name.lower()}own"]
            texts.append(" ".join(rng.permutation(words)))
            speakers.append(name)
    n = len(texts)
    frame = pd.DataFrame(
        {"article_id": "a", "speaker": speakers, "text": texts, "start": 0, "end": 0}
    )
    X = unit_rows(rng, n, 16)
    return StatementTable(frame).with_embeddings(X, {"model": "test"})


def test_lexical_channel_carries_what_the_embeddings_miss() -> None:
    rng = np.random.default_rng(11)
    names = [f"S{i:02d}" for i in range(40)]
    truth = rng.uniform(-1, 1, 40)
    table = worded_table(0, names, truth)
    ref = dict(zip(names, truth, strict=True))
    plain = scale(table, ref, n_bootstrap=0)
    lex = scale(table, ref, lexical=True, n_bootstrap=20)
    assert plain.cv is not None and lex.cv is not None and lex.model is not None
    assert lex.cv.pearson_r > 0.8 > plain.cv.pearson_r + 0.3
    assert lex.model.lexical_share > 0 and lex.model.lexicon is not None
    assert set(lex.cv.fold_share) <= set(lex.cv.lexical_shares)
    assert (lex.se > 0).all() and (lex.ci_low <= lex.position).all()
    other = worded_table(1, ["NEWL", "NEWR"], np.array([-0.9, 0.9]))
    out = lex.transform(other)
    assert out.position[0] < out.position[1] and np.isnan(out.se).all()
    with pytest.raises(ValueError, match="lexical=True needs the ridge method"):
        scale(table, {names[0]: 1.0, names[1]: -1.0}, lexical=True)


def test_a_penalty_at_the_end_of_the_grid_is_noted() -> None:
    table, ref, _ = noisy_references(4, noise=0.05)
    res = scale(table, ref, n_bootstrap=0, penalties=[1e3, 1e4])  # far too strong: lower end
    assert res.penalty == 1e3 and "lower end of the grid" in res.note
    free = scale(table, ref, n_bootstrap=0, penalties=np.logspace(-5, 3, 33))
    assert free.note == ""
