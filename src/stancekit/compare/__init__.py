"""Compare speakers' positions: similarity matrices, calibrated dyad alignment, echoes, scaling.

Two questions are kept apart (see ``docs/scores.md``):

- **agenda**: do they talk about the same things? :func:`agenda_overlap` (topic shares);
- **position**: on the topics they share, do they say the same thing?
  :func:`position_similarity`, and ``position`` in :func:`alignment` with ``topics``.

Every function validates its input once, then calls the kernels in :mod:`stancekit.core`.
"""

from stancekit.compare._alignment import alignment
from stancekit.compare._dyads import DyadMatrix, dyads
from stancekit.compare._echoes import echoes
from stancekit.compare._scaling import scale
from stancekit.compare._similarity import agenda_overlap, position_similarity, similarity
from stancekit.compare._validate import Validation, validate
from stancekit.compare.results import (
    Alignment,
    Breakdown,
    Echoes,
    Scaling,
    ScalingCV,
    ScalingModel,
)

__all__ = [
    "Alignment",
    "Breakdown",
    "DyadMatrix",
    "Echoes",
    "Scaling",
    "ScalingCV",
    "ScalingModel",
    "Validation",
    "agenda_overlap",
    "alignment",
    "dyads",
    "echoes",
    "position_similarity",
    "scale",
    "similarity",
    "validate",
]
