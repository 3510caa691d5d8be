"""A large synthetic corpus: the vectorised core on a million statements.

Builds a planted corpus (speakers that agree on some topics and disagree on others) with
random unit vectors, then computes the speaker similarity matrix, the soft-alignment matrix
for all speaker pairs, the top echoes and mini-batch topics, printing the time of each.

    python examples/large_corpus.py [--quick]

``--quick`` uses 20,000 statements instead of 1,000,000.
"""

# %%
from __future__ import annotations

import sys
import time

import numpy as np
import pandas as pd

import stancekit as sk

QUICK = "--quick" in sys.argv
N = 20_000 if QUICK else 1_000_000
S, D, K = (200, 64, 10) if QUICK else (2_000, 384, 30)
rng = np.random.default_rng(0)

# %% The planted corpus
topics = rng.integers(0, K, size=N)
speakers = rng.integers(0, S, size=N)
centres = rng.normal(size=(K, D)).astype(np.float32)
stance = rng.normal(scale=0.6, size=(S, D)).astype(np.float32)
emb = centres[topics] + stance[speakers] + rng.normal(scale=0.8, size=(N, D)).astype(np.float32)
emb /= np.linalg.norm(emb, axis=1, keepdims=True)
frame = pd.DataFrame(
    {
        "article_id": [f"a{i // 20}" for i in range(N)],
        "speaker": [f"speaker {s:04d}" for s in speakers],
        "text": [f"statement {i} on topic {t}" for i, t in enumerate(topics)],
        "start": 0,
        "end": 1,
    }
)
table = sk.StatementTable(frame).with_embeddings(emb, {"model": "synthetic", "dimension": D})
print(table)

# %% Timings
for name, run in [
    ("centroid similarity", lambda: sk.similarity(table)),
    ("soft-alignment matrix", lambda: sk.similarity(table, method="soft")),
    ("top-10 echoes", lambda: sk.echoes(table, k=10)),
    ("topics (k-means)", lambda: sk.topics(table, n_topics=K, seed=0)),
]:
    t0 = time.perf_counter()
    run()
    print(f"{name:24s} {time.perf_counter() - t0:8.2f} s")
