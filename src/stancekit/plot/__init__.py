"""Figures that take results (not models) and return the Axes they drew on.

Every function has the signature ``plot_function(result, *, ax=None, ...) -> Axes`` and uses one
colour-blind-safe style (Okabe–Ito categories, ``cividis`` for magnitudes); labels are thinned
and wrapped so that figures stay readable from 3 to 200 speakers.
"""

from stancekit.plot.heatmaps import cluster_order, similarity_heatmap, topic_heatmap
from stancekit.plot.maps import classical_mds, score_scatter, similarity_map
from stancekit.plot.scores import (
    alignment_forest,
    alignment_timeline,
    scaling_axis,
    timeline_windows,
)
from stancekit.plot.statements import echo_pairs, statement_map

__all__ = [
    "alignment_forest",
    "alignment_timeline",
    "classical_mds",
    "cluster_order",
    "echo_pairs",
    "scaling_axis",
    "score_scatter",
    "similarity_heatmap",
    "similarity_map",
    "statement_map",
    "timeline_windows",
    "topic_heatmap",
]
