"""Topics: cluster statements, label the clusters, compare speakers topic by topic.

The entry point is :func:`topics`::

    model = stancekit.topics.topics(table)                    # graph communities, number found
    model = topics(table, n_topics=12, seed=1)               # a given k
    model = topics(table, method="hdbscan")                  # density clusters + outliers (-1)
    model = topics(table, keep_formulaic=True)               # greetings and thanks clustered too
    model.to_pandas()                                        # labels, keywords, sizes, examples
    model.shares("speaker")                                  # LabeledMatrix, rows sum to 1
    model.over_time("QE").matrix()                           # shares per quarter
    model.compare("Xi Jinping", "Sadyr Japarov")             # agenda overlap + alignment by topic

Parts:

- :mod:`~stancekit.topics._api`: :func:`topics` (validation, orchestration);
- :mod:`~stancekit.topics._autok`: how the number of topics was chosen (:class:`KChoice`);
- :mod:`~stancekit.topics._graph`: shared-nearest-neighbour graph, Leiden communities;
- :mod:`~stancekit.topics._context`: statements seen with their passage neighbours;
- :mod:`~stancekit.topics._cluster`: k-means / mini-batch k-means, agglomerative, HDBSCAN;
- :mod:`~stancekit.topics._ctfidf`: class-based TF-IDF keywords and labels;
- :mod:`~stancekit.topics._model`: the result, :class:`TopicModel`;
- :mod:`~stancekit.topics._time`: shares per time window (:class:`TopicTimeline`);
- :mod:`~stancekit.topics._compare`: two speakers topic by topic (:class:`TopicComparison`).

Every quantity is defined in ``docs/topics.md``.
"""

from stancekit.topics._api import METHODS, topics
from stancekit.topics._autok import KChoice
from stancekit.topics._compare import TopicComparison
from stancekit.topics._ctfidf import OUTLIER_LABEL
from stancekit.topics._model import FORMULAIC_LABEL, TopicModel
from stancekit.topics._time import TopicTimeline

__all__ = [
    "FORMULAIC_LABEL",
    "METHODS",
    "OUTLIER_LABEL",
    "KChoice",
    "TopicComparison",
    "TopicModel",
    "TopicTimeline",
    "topics",
]

from stancekit._callable import make_callable

make_callable(__name__, "topics")
