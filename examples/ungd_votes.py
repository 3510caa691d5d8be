"""UN General Debate 2017: does similar speech mean similar votes?

Embeds the 196 speeches of 2017 sentence by sentence, compares countries (the default
similarity: centroid cosine of centred vectors, formulae left out; and soft alignment), and
validates each score against the session's voting agreement with :func:`stancekit.validate`:
Pearson and Spearman with QAP p-values (dyads are not independent), a speaker-bootstrap
interval, the same-continent dummy beside it and the partial correlation given the dummy.

    python examples/ungd_votes.py [--quick]

``--quick`` keeps 12 sentences per country and uses the offline LSA embeddings.
"""

# %%
from __future__ import annotations

import sys

import numpy as np
import pandas as pd

import stancekit as sk

QUICK = "--quick" in sys.argv

# %% Sentences of five words or more, one speaker per speech
speeches = sk.datasets.load_ungd2017()
table = sk.segment(speeches)
table = table[np.array([len(t.split()) >= 5 for t in table.column("text")])]
if QUICK:
    rank = pd.Series(table.column("speaker")).groupby(table.column("speaker")).cumcount()
    table = table[rank.to_numpy() < 12]
table = sk.embed(table, model="lsa" if QUICK else "all-MiniLM-L6-v2")
print(table)
print(f"{sk.substance(table).n_formulaic} formulaic sentences are left out of every score")

# %% Country x country scores, validated against voting agreement
iso = {a.meta["speaker"]: a.meta["country_iso"] for a in speeches}
continent = {a.meta["country_iso"]: a.meta["continent"] for a in speeches}
votes = sk.datasets.load_ungd2017_votes()
n_perm, n_boot = (99, 100) if QUICK else (999, 1000)
for name, matrix in {
    "default similarity (centroid, centred)": sk.similarity(table),
    "soft alignment F, centred": sk.similarity(table, method="soft"),
}.items():
    check = sk.validate(
        matrix,
        votes,
        value="vote_agreement",
        mapping=iso,
        groups=continent,
        n_permutations=n_perm,
        n_bootstrap=n_boot,
    )
    print(f"\n{name}\n{check}")
