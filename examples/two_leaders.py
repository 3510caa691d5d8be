"""Two leaders from a folder of articles: who said what, how close they are, and why.

Reads every ``.txt`` article in a folder (default ``examples/data``), finds the statements,
embeds them, and compares two speakers (default: the two with most statements): a calibrated
alignment score with its interval and permutation p-value, and the statement pairs it rests on.

    python examples/two_leaders.py [FOLDER] [--quick]

``--quick`` uses the offline LSA embeddings (no neural model) and fewer permutations.
"""

# %%
from __future__ import annotations

import sys
from pathlib import Path

import stancekit as sk

args = [a for a in sys.argv[1:] if not a.startswith("--")]
QUICK = "--quick" in sys.argv
folder = Path(args[0]) if args else Path(__file__).parent / "data"
out = Path("examples-output")

# %% Who said what
articles = sk.read_articles(folder)
table = sk.segment(articles)
print(table)
print(table.to_pandas()[["speaker", "cue", "kind", "text"]].head(20).to_string())

# %% Embed and compare the two speakers with most statements
table = sk.embed(table, model="lsa" if QUICK else "all-MiniLM-L6-v2")
counts = table.to_pandas()["speaker"].value_counts()
a, b = counts.index[0], counts.index[1]
result = sk.alignment(
    table, a, b, n_permutations=99 if QUICK else 999, n_bootstrap=100 if QUICK else 1000
)
print(result.to_pandas().T)
print(result.pairs.to_pandas()[["score", "text_a", "text_b"]].head(5).to_string())

# %% Figures
out.mkdir(exist_ok=True)
ax = sk.plot.echo_pairs(result.pairs)
ax.figure.savefig(out / "two-leaders-echoes.png", dpi=120)
ax = sk.plot.alignment_forest([result])
ax.figure.savefig(out / "two-leaders-alignment.png", dpi=120)
print(f"figures in {out}/")
