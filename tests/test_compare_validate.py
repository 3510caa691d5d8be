from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from scipy import stats

from stancekit import LabeledMatrix, Validation, validate

NAMES = tuple(f"Land {k:02d}" for k in range(24))
CODES = tuple(f"L{k:02d}" for k in range(24))
GROUPS = {c: f"g{k % 3}" for k, c in enumerate(CODES)}


def _world(seed: int = 0, n: int = 24) -> tuple[np.ndarray, np.ndarray]:
    """A hidden position per node; external agreement and a noisy text score both follow it."""
    rng = np.random.default_rng(seed)
    pos = rng.normal(size=n) + np.arange(n) % 3  # groups differ in position
    agree = -np.abs(pos[:, None] - pos[None, :])
    noise = rng.normal(size=(n, n))
    score = agree + 1.5 * (noise + noise.T) / 2
    return score, agree


def _long(m: np.ndarray, labels: tuple[str, ...], drop: int = 0) -> pd.DataFrame:
    i, j = np.triu_indices(len(labels), k=1)
    df = pd.DataFrame(
        {"A": [labels[k] for k in i], "B": [labels[k] for k in j], "agree": m[i, j], "n": 7}
    )
    return df.iloc[drop:].reset_index(drop=True)


def _lm(m: np.ndarray, labels: tuple[str, ...] = NAMES) -> LabeledMatrix:
    return LabeledMatrix(m, labels, labels, "text score")


def test_correlations_match_scipy_over_pairs_present_on_both_sides() -> None:
    score, agree = _world()
    ext = _long(agree, CODES, drop=2)  # two pairs missing
    v = validate(
        _lm(score),
        ext,
        value="agree",
        mapping=dict(zip(NAMES, CODES, strict=True)),
        n_permutations=0,
        n_bootstrap=0,
    )
    i, j = np.triu_indices(24, k=1)
    a, b = score[i, j][2:], agree[i, j][2:]
    assert v.n_pairs[0] == len(a) == 274
    assert np.isclose(v.pearson[0], stats.pearsonr(a, b)[0])
    assert np.isclose(v.spearman[0], stats.spearmanr(a, b)[0])
    assert v.r == v.pearson[0] > 0.3
    assert np.isnan(v.pearson_p).all() and np.isnan(v.pearson_low).all()


def test_group_dummy_and_partial_match_references() -> None:
    score, agree = _world(1)
    v = validate(
        _lm(score, CODES),
        _long(agree, CODES),
        value="agree",
        groups=GROUPS,
        n_permutations=0,
        n_bootstrap=0,
    )
    assert v.measures == ("score", "same group", "score | same group")
    i, j = np.triu_indices(24, k=1)
    g = np.arange(24) % 3
    d = (g[i] == g[j]).astype(float)
    a, b = score[i, j], agree[i, j]
    assert np.isclose(v.baseline_r, np.corrcoef(d, b)[0, 1])
    design = np.column_stack([np.ones_like(d), d])

    def resid(u: np.ndarray) -> np.ndarray:
        return u - design @ np.linalg.lstsq(design, u, rcond=None)[0]

    assert np.isclose(v.pearson[2], np.corrcoef(resid(a), resid(b))[0, 1])
    ra, rb, rd = stats.rankdata(a), stats.rankdata(b), stats.rankdata(d)
    design = np.column_stack([np.ones_like(rd), rd])
    assert np.isclose(v.spearman[2], np.corrcoef(resid(ra), resid(rb))[0, 1])
    assert np.isclose(v.spearman[1], stats.spearmanr(d, b)[0])


def test_qap_p_small_for_structure_and_roughly_uniform_for_unrelated_matrices() -> None:
    score, agree = _world(2)
    v = validate(
        _lm(score, CODES), _long(agree, CODES), value="agree", n_permutations=199, n_bootstrap=0
    )
    assert v.pearson_p[0] <= 0.01 and v.spearman_p[0] <= 0.01
    rng = np.random.default_rng(3)
    ps = []
    for k in range(40):
        x, y = rng.normal(size=(2, 8, 8))
        labels = CODES[:8]
        res = validate(_lm(x, labels), _lm(y, labels), n_permutations=49, n_bootstrap=0, seed=k)
        ps.append(res.pearson_p[0])
    assert stats.kstest(ps, "uniform").pvalue > 0.01


def test_bootstrap_interval_contains_r_within_bounds_and_is_seeded() -> None:
    score, agree = _world(4)
    kw = {"value": "agree", "groups": GROUPS, "n_permutations": 19, "n_bootstrap": 200}
    v = validate(_lm(score, CODES), _long(agree, CODES), **kw)
    for name in ("pearson", "spearman"):
        r, lo, hi = (getattr(v, name + s) for s in ("", "_low", "_high"))
        assert np.all((lo <= r) & (r <= hi)) and np.all((lo >= -1) & (hi <= 1))
        assert np.all(hi - lo < 1.0)
    again = validate(_lm(score, CODES), _long(agree, CODES), **kw)
    pd.testing.assert_frame_equal(v.to_pandas(), again.to_pandas())
    other = validate(_lm(score, CODES), _long(agree, CODES), seed=1, **kw)
    assert not np.array_equal(v.pearson_low, other.pearson_low)
    assert np.array_equal(v.pearson, other.pearson)


def test_mapping_square_dataframe_and_unmatched_labels_are_reported() -> None:
    score, agree = _world(5)
    ext = pd.DataFrame(agree[:20, :20], index=CODES[:20], columns=CODES[:20])
    ext.loc["ZZZ"] = 0.0
    ext["ZZZ"] = 0.0
    mapping = dict(zip(NAMES[1:], CODES[1:], strict=True))  # Land 00 has no code
    groups = {n: GROUPS[c] for n, c in zip(NAMES, CODES, strict=True) if n != "Land 05"}
    v = validate(_lm(score), ext, mapping=mapping, groups=groups, n_permutations=0, n_bootstrap=0)
    assert v.n_matched == 19 and v.labels == NAMES[1:20] and v.external_labels == CODES[1:20]
    assert v.unmatched == ("Land 00", *NAMES[20:])
    assert v.unmatched_external == ("L00", "ZZZ")
    assert v.ungrouped == ("Land 05",)
    assert v.n_pairs[0] == 19 * 18 // 2 and v.n_pairs[1] == 18 * 17 // 2
    i, j = np.triu_indices(19, k=1)
    assert np.isclose(v.r, np.corrcoef(score[1:20, 1:20][i, j], agree[1:20, 1:20][i, j])[0, 1])
    text = str(v)
    assert "matched 19 of 24" in text and "Land 00" in text and "same group" in text


def test_asymmetric_scores_are_averaged_with_their_transpose() -> None:
    score, agree = _world(6)
    asym = score + np.random.default_rng(0).normal(size=score.shape)  # not symmetric
    v = validate(
        _lm(asym, CODES), _long(agree, CODES), value="agree", n_permutations=0, n_bootstrap=0
    )
    i, j = np.triu_indices(24, k=1)
    sym = (asym + asym.T) / 2
    assert np.isclose(v.r, np.corrcoef(sym[i, j], agree[i, j])[0, 1])


def test_result_is_frozen_and_tabulates_one_row_per_measure() -> None:
    score, agree = _world(7)
    v = validate(
        _lm(score, CODES),
        _long(agree, CODES),
        value="agree",
        groups=GROUPS,
        n_permutations=9,
        n_bootstrap=9,
    )
    assert isinstance(v, Validation)
    df = v.to_pandas()
    assert list(df.index) == list(v.measures) and df.loc["score", "pearson"] == v.r
    assert {"n_pairs", "pearson_p", "spearman_high"} <= set(df.columns)
    with pytest.raises(ValueError):
        v.pearson[0] = 0.0


def test_errors_name_the_problem() -> None:
    score, agree = _world(8)
    ext = _long(agree, CODES)
    with pytest.raises(ValueError, match="no column 'vote'"):
        validate(_lm(score, CODES), ext, value="vote")
    with pytest.raises(ValueError, match="no column 'country_a'"):
        validate(_lm(score, CODES), ext, a="country_a", value="agree")
    with pytest.raises(ValueError, match=r"value=.*\['agree', 'n'\]"):
        validate(_lm(score, CODES), ext)
    with pytest.raises(ValueError, match=r"only 0 of 24 .*Land 00.*L00.*mapping="):
        validate(_lm(score), ext, value="agree")
    with pytest.raises(ValueError, match="'Land 00' and 'Land 01' both map to external label"):
        validate(_lm(score), ext, value="agree", mapping=dict.fromkeys(NAMES, "L00"))
    dup = pd.concat([ext, pd.DataFrame({"A": ["L01"], "B": ["L00"], "agree": [9.0], "n": 1})])
    with pytest.raises(ValueError, match=r"different values, e.g. \(L00, L01\)"):
        validate(_lm(score, CODES), dup, value="agree")
    with pytest.raises(ValueError, match="none of the matched labels"):
        validate(_lm(score, CODES), ext, value="agree", groups={"x": 1})
    with pytest.raises(ValueError, match="level"):
        validate(_lm(score, CODES), ext, value="agree", level=1.5)
    with pytest.raises(ValueError, match="n_permutations"):
        validate(_lm(score, CODES), ext, value="agree", n_permutations=-1)
    with pytest.raises(ValueError, match="rows only: X"):
        validate(pd.DataFrame(np.eye(2), index=["X", "Y"], columns=["Z", "Y"]), ext)
    with pytest.raises(TypeError, match="LabeledMatrix or a DataFrame"):
        validate(score, ext)  # type: ignore[arg-type]
