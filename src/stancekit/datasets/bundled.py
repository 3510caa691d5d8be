"""Data shipped inside the package (compressed), with their loaders.

Sources and licences are listed in ``stancekit/datasets/files/SOURCES.md`` (and in the docs):
the seed article (Xinhua, 2025), 300 Kremlin readouts and transcripts (CC BY 4.0), the 196
speeches of the UN General Debate 2017 (CC0) and that session's voting agreement (MIT-derived).
"""

from __future__ import annotations

import gzip
import io
import json
from importlib import resources

import pandas as pd

from stancekit.io import ArticleList, read_articles

__all__ = ["load_example", "load_kremlin", "load_ungd2017", "load_ungd2017_votes"]

_FILES = resources.files("stancekit.datasets") / "files"


def _gz_bytes(name: str) -> bytes:
    return gzip.decompress((_FILES / name).read_bytes())


def load_example() -> ArticleList:
    """The seed article: Xinhua's report of Xi Jinping's meeting with Sadyr Japarov, 17 June
    2025 (one :class:`~stancekit.Article`, id ``xi-japarov-2025-06-17``)."""
    with resources.as_file(_FILES / "example.txt") as path:
        arts = read_articles(path)
    arts[0] = type(arts[0])(
        "xi-japarov-2025-06-17", arts[0].text, arts[0].date, arts[0].title, "Xinhua"
    )
    return arts


def load_kremlin() -> ArticleList:
    """300 English readouts and transcripts of the Russian president's meetings and calls with
    171 foreign leaders from 88 countries, 2000–2020 (en.kremlin.ru, CC BY 4.0).

    ``meta`` holds ``url``, ``counterpart``, ``country`` and ``kind`` (``transcript`` |
    ``readout`` | ``phone``). Every text is the Kremlin's own account and translation of what
    was said: results built on it are framed from Moscow.
    """
    rows = [json.loads(line) for line in _gz_bytes("kremlin_readouts.jsonl.gz").splitlines()]
    frame = pd.DataFrame(rows).assign(source="kremlin.ru")
    return read_articles(frame)


def load_ungd2017() -> ArticleList:
    """The 196 speeches of the 72nd UN General Debate (2017), CC0 (UN General Debate Corpus,
    Baturo, Dasandi & Mikhaylov 2017).

    Each article's ``meta["speaker"]`` is the country, so :func:`stancekit.segment` reads it as
    a speech (one statement per sentence); ``meta`` also holds ``country_iso`` and
    ``continent``.
    """
    rows = [json.loads(line) for line in _gz_bytes("ungd2017_speeches.jsonl.gz").splitlines()]
    frame = pd.DataFrame(rows)
    frame["date"] = "2017-09-19"
    frame["source"] = "UN General Debate Corpus"
    frame["country"] = frame["speaker"]
    return read_articles(frame)


def load_ungd2017_votes() -> pd.DataFrame:
    """Voting agreement in the 2017 session for every pair of countries: columns ``A``, ``B``
    (ISO3), ``n_common_votes`` and ``vote_agreement`` (share of the common roll calls with
    identical votes; missing when fewer than 20). Derived from dgrtwo/unvotes (MIT; Voeten's
    UN voting data)."""
    frame = pd.read_csv(io.BytesIO(_gz_bytes("ungd2017_vote_agreement.csv.gz")))
    return frame
