"""The sentence-transformers backend with the real all-MiniLM-L6-v2 weights (offline)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from embed_helpers import make_table

from stancekit.embed import (
    OFFLINE_SHA256,
    SentenceTransformerEmbedder,
    embed,
    embed_texts,
    pipeline,
)
from stancekit.errors import ModelUnavailableError

pytestmark = pytest.mark.slow  # loads torch and the model (~10 s the first time)

FOOD = "A man is eating food."
BREAD = "A man is eating a piece of bread."
UNRELATED = ["The stock market fell sharply today.", "The new movie is awesome."]


@pytest.fixture
def env_model(minilm_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("STANCEKIT_MODEL", str(minilm_dir))
    return minilm_dir


def test_known_similarities(env_model: Path) -> None:
    v = embed_texts([FOOD, BREAD, *UNRELATED], cache=None)
    assert v.dtype == np.float32 and v.shape == (4, 384)
    assert float(v[0] @ v[1]) == pytest.approx(0.755, abs=0.01)
    assert abs(float(v[0] @ v[2])) < 0.1
    assert abs(float(v[0] @ v[3])) < 0.1


def test_provenance_of_the_real_model(env_model: Path) -> None:
    out = embed(make_table([FOOD, BREAD]), cache=None)
    prov = out.provenance
    assert prov["model"] == "all-MiniLM-L6-v2" and prov["backend"] == "sentence-transformers"
    assert prov["weights_sha256"] == OFFLINE_SHA256
    assert prov["dimension"] == 384 and prov["model_source"] == "env"
    assert set(prov["versions"]) >= {"sentence-transformers", "torch", "transformers", "numpy"}
    json.dumps(prov)  # stored in Parquet metadata: must be plain JSON


def test_same_vectors_as_plain_sentence_transformers(
    env_model: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from sentence_transformers import SentenceTransformer

    monkeypatch.setattr(pipeline, "_MAX_CHUNK", 16)
    rng = np.random.default_rng(0)
    words = "trade railway security peace cooperation summit energy border talks".split()
    texts = [" ".join(rng.choice(words, size=rng.integers(1, 20))) for _ in range(60)]
    texts += texts[:10]
    ours = embed_texts(texts, cache=None, batch_size=2)  # 4 chunks, longest first, de-duplicated
    plain = SentenceTransformer(str(env_model), device="cpu").encode(
        texts, batch_size=32, normalize_embeddings=True, show_progress_bar=False
    )
    np.testing.assert_allclose(ours, plain, atol=2e-5)


def test_default_model_comes_from_the_offline_package() -> None:
    package_default = Path.home() / ".cache" / "all-MiniLM-L6-v2"
    existed = package_default.exists()
    out = embed(make_table([FOOD]), cache=None)
    assert out.provenance["model_source"] == "offline-package"
    assert out.provenance["weights_sha256"] == OFFLINE_SHA256
    unpacked = Path(os.environ["STANCEKIT_CACHE_DIR"]) / "models"
    assert list(unpacked.rglob("model.safetensors"))  # in stancekit's cache folder...
    assert package_default.exists() == existed  # ...not where the package would put it


def test_warm_cache_needs_no_torch(env_model: Path, tmp_path: Path) -> None:
    texts = [FOOD, BREAD, *UNRELATED, FOOD]
    cold = embed_texts(texts, cache=tmp_path / "cache")
    code = (
        "import sys, numpy as np\n"
        "from stancekit.embed import embed_texts\n"
        f"v = embed_texts({texts!r}, cache={str(tmp_path / 'cache')!r})\n"
        f"np.save({str(tmp_path / 'warm.npy')!r}, v)\n"
        "print('torch' in sys.modules, 'sentence_transformers' in sys.modules)\n"
    )
    env = {**os.environ, "STANCEKIT_MODEL": str(env_model)}
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.split() == ["False", "False"]
    np.testing.assert_array_equal(np.load(tmp_path / "warm.npy"), cold)


def test_unknown_device_is_a_clear_error(env_model: Path) -> None:
    with pytest.raises(ModelUnavailableError, match="device 'no-such-device'"):
        embed_texts([FOOD], cache=None, device="no-such-device")


def test_lsa_and_neural_agree_on_the_obvious(env_model: Path) -> None:
    texts = [FOOD, BREAD, *UNRELATED]
    neural = embed_texts(texts, cache=None)
    lsa = embed_texts(texts, model="lsa", cache=None)
    assert neural.shape[1] == 384 and lsa.shape[1] <= 5
    assert float(neural[0] @ neural[1]) > float(neural[0] @ neural[2])
    assert SentenceTransformerEmbedder(env_model).encode([]).shape == (0, 384)
