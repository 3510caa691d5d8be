"""UN General Debate 2017: does similar speech mean similar votes?

Embeds the 196 speeches of 2017 sentence by sentence, compares countries (centroid cosine
with the corpus mean removed, and soft alignment), and correlates each score with the
session's voting agreement, judged by a QAP permutation test (dyads are not independent).
Same-continent membership is given as a reference.

    python examples/ungd_votes.py [--quick]

``--quick`` keeps 12 sentences per country and uses the offline LSA embeddings.
"""

# %%
from __future__ import annotations

import sys

import numpy as np
import pandas as pd

import stancekit as sk
from stancekit.core.qap import qap_correlation

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

# %% Country x country scores, relabelled by ISO code
iso = {a.meta["speaker"]: a.meta["country_iso"] for a in speeches}
continent = {a.meta["country_iso"]: a.meta["continent"] for a in speeches}
votes = sk.datasets.load_ungd2017_votes()
vm = votes.pivot(index="A", columns="B", values="vote_agreement")
codes = sorted(set(votes["A"]) | set(votes["B"]))
vm = vm.reindex(index=codes, columns=codes)
vm = vm.combine_first(vm.T).to_numpy()


def as_iso(m: sk.LabeledMatrix) -> pd.DataFrame:
    frame = m.to_pandas()
    frame.index = [iso[n] for n in frame.index]
    frame.columns = [iso[n] for n in frame.columns]
    return frame


scores = {
    "centroid, centred": as_iso(sk.similarity(table, center=True)),
    "soft alignment, centred": as_iso(sk.similarity(table, method="soft", center=True)),
}
common = [c for c in codes if c in scores["centroid, centred"].index]
pos = {c: i for i, c in enumerate(codes)}
v = vm[np.ix_([pos[c] for c in common], [pos[c] for c in common])]
same = np.array([[continent[a] == continent[b] for b in common] for a in common], dtype=float)

# %% Correlation with voting agreement (QAP)
rows = []
for name, frame in scores.items():
    r, p, n = qap_correlation(
        frame.loc[common, common].to_numpy(), v, n_permutations=99 if QUICK else 999
    )
    rows.append({"text score": name, "r": round(r, 3), "QAP p": p, "pairs": n})
r, p, n = qap_correlation(same, v, n_permutations=99 if QUICK else 999)
rows.append({"text score": "reference: same continent", "r": round(r, 3), "QAP p": p, "pairs": n})
print(pd.DataFrame(rows).to_string(index=False))
