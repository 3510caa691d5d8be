"""Topic by topic: in the Kremlin's record, on what did Xi Jinping and Putin agree?

Finds the statements of 300 Kremlin readouts and transcripts (the Kremlin's own account, so
every result is framed from Moscow), clusters them into topics, and compares two speakers:
agenda overlap (do they talk about the same things?) and position alignment within each
shared topic (do they say the same thing there?), with the statement pairs behind it.

    python examples/topic_alignment.py [--quick]
"""

# %%
from __future__ import annotations

import sys

import stancekit as sk

QUICK = "--quick" in sys.argv
A, B = "Vladimir Putin", "Xi Jinping"

# %% Statements and topics
articles = sk.datasets.load_kremlin()
table = sk.segment(articles)
table = sk.embed(table, model="lsa" if QUICK else "all-MiniLM-L6-v2")
model = sk.topics(table, n_topics=8 if QUICK else "auto", seed=0)
print(model.k_choice.reason)
print(model.to_pandas()[["topic", "label", "size"]].to_string(index=False))

# %% Agenda and position, topic by topic
cmp = model.compare(A, B)
print(f"agenda overlap {cmp.agenda_overlap:.3f}, position within shared topics {cmp.position:.3f}")
print(cmp.to_pandas().to_string())

# %% The calibrated version, with the topics as strata
res = sk.alignment(
    table,
    A,
    B,
    topics=model.assignments,
    n_permutations=99 if QUICK else 999,
    n_bootstrap=100 if QUICK else 1000,
)
print(
    res.to_pandas()[
        ["score", "ci_low", "ci_high", "p", "agenda", "position", "position_p"]
    ].to_string(index=False)
)
