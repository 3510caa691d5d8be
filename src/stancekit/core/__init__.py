"""Vectorised kernels on plain arrays: numpy in, numpy out, nothing of stancekit above.

The public functions in :mod:`stancekit.compare` validate their input once and call these;
the kernels trust their input (shapes, dtypes, unit norms, group codes in range).
"""

from stancekit.core._blocks import DEFAULT_BLOCK_BYTES, block_rows, group_offsets
from stancekit.core.agenda import js_overlap, topic_counts
from stancekit.core.alignment import best_matches, harmonic_f, soft_precision, soft_scores_batch
from stancekit.core.echoes import top_pairs
from stancekit.core.qap import qap_correlation
from stancekit.core.scaling import fit_axis, scale_groups
from stancekit.core.similarity import centroid_similarity, centroid_sums, centroids, cosine_matrix
from stancekit.core.stats import (
    bc_interval,
    bootstrap_distribution,
    mean_bootstrap,
    null_summary,
    percentile_interval,
    permutation_null,
)

__all__ = [
    "DEFAULT_BLOCK_BYTES",
    "bc_interval",
    "best_matches",
    "block_rows",
    "bootstrap_distribution",
    "centroid_similarity",
    "centroid_sums",
    "centroids",
    "cosine_matrix",
    "fit_axis",
    "group_offsets",
    "harmonic_f",
    "js_overlap",
    "mean_bootstrap",
    "null_summary",
    "percentile_interval",
    "permutation_null",
    "qap_correlation",
    "scale_groups",
    "soft_precision",
    "soft_scores_batch",
    "top_pairs",
    "topic_counts",
]
