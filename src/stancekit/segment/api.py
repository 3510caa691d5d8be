"""The public entry point :func:`segment`: input handling, parallelism, cross-article names."""

from __future__ import annotations

import functools
import os
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import Any

import pandas as pd
from tqdm.auto import tqdm

from stancekit.data import Article, Statement
from stancekit.io import _names_a_path, read_articles
from stancekit.segment.aliases import AliasBook, load_aliases
from stancekit.segment.engine import segment_article
from stancekit.segment.lexicon import COUNTRIES, DEMONYMS, ROLE_WORDS
from stancekit.segment.mentions import prefixed_surname
from stancekit.table import StatementTable

__all__ = ["segment"]

SpeakersArg = str | os.PathLike[str] | Mapping[str, Any] | AliasBook | None


def segment(
    articles: str | os.PathLike[str] | pd.DataFrame | Article | Iterable[Article],
    *,
    speakers: SpeakersArg = None,
    speaker: str | None = None,
    n_jobs: int = 1,
    progress: bool | None = None,
    unit: str = "sentence",
) -> StatementTable:
    """Find who said what.

    Parameters
    ----------
    articles
        A plain string (one article's text), an :class:`~stancekit.Article`, a list of them,
        or anything :func:`~stancekit.read_articles` accepts (a path or a DataFrame). A string
        without a line break is a path when it ends in ``.txt``, ``.jsonl``, ``.csv``,
        ``.parquet`` or ``.pq``, is one word with a path separator or a file suffix, or names
        something that exists; such a path that does not exist raises FileNotFoundError. Any
        other string is one article's text; to segment a string that looks like a path, pass
        ``Article(id, text)``.
    speakers
        Alias file (TOML/JSON path) or mapping: canonical name → aliases, role, country. It
        overrides and extends the names found in the text.
    speaker
        Treat every article as a speech by this speaker: one statement per sentence, no
        attribution. (An article whose ``meta["speaker"]`` is set is treated so too.)
    n_jobs
        Worker processes (``-1``: all cores). Output is identical for any value.
    progress
        Show a progress bar (default: off).
    unit
        ``"sentence"`` (default): one statement per quoted sentence and per reporting cue, the
        convention of stancekit's own annotation guide. ``"attribution"``: the sentences of one
        quotation, and the pieces of a quotation split around its attribution, are merged
        into one statement (``start``..``end`` then spans the pieces, ``Statement.spans``
        lists them), the unit of corpora
        that annotate attribution relations, such as PolNeAR; cues of belief, intention and
        evidence ("thinks", "wants", "found") count too, and plural subjects ("the senators")
        become group speakers.

    Returns
    -------
    StatementTable
        One row per statement, ordered by article (input order) then position.

    Raises
    ------
    FileNotFoundError
        ``articles`` names a path (see above) that does not exist.

    Examples
    --------
    >>> t = segment("Trade is growing fast, Putin said.")
    >>> t[0].speaker, t[0].text
    ('Putin', 'Trade is growing fast')
    """
    if unit not in ("sentence", "attribution"):
        raise ValueError(f"unit must be 'sentence' or 'attribution', got {unit!r}")
    broad = unit == "attribution"
    arts = _as_articles(articles)
    if speaker is not None:
        arts = [
            Article(a.id, a.text, a.date, a.title, a.source, {**a.meta, "speaker": speaker})
            for a in arts
        ]
    book = load_aliases(speakers)
    if not isinstance(n_jobs, int) or n_jobs == 0 or n_jobs < -1:
        raise ValueError(f"n_jobs must be a positive int or -1, got {n_jobs!r}")
    jobs = os.cpu_count() or 1 if n_jobs == -1 else n_jobs
    show = progress if progress is not None else False
    results: list[list[Statement]]
    if jobs > 1 and len(arts) > 1:
        chunk = max(1, len(arts) // (jobs * 8))
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            it = pool.map(
                _segment_one, arts, [book] * len(arts), [broad] * len(arts), chunksize=chunk
            )
            results = list(
                tqdm(it, total=len(arts), disable=not show, desc="segment", unit="article")
            )
    else:
        results = [
            segment_article(a, book, broad=broad)
            for a in tqdm(arts, disable=not show, desc="segment", unit="article")
        ]
    statements = _canonicalise([s for r in results for s in r], book)
    return StatementTable.from_statements(statements)


def _segment_one(article: Article, book: AliasBook, broad: bool) -> list[Statement]:
    return segment_article(article, book, broad=broad)


def _as_articles(articles: Any) -> list[Article]:
    """The articles that ``segment``'s first argument stands for.

    A ``str`` is a path when it has no line break and ends in ``.txt``, ``.jsonl``, ``.csv``,
    ``.parquet`` or ``.pq`` (any case), or is one word (no whitespace) with a path separator
    or a file suffix (``data/in``, ``articles.jsonll``), or names an existing file or folder;
    such a path that does not exist raises ``FileNotFoundError``. Any other string is the
    text of one article, id ``"text"``; ``Article(id, text)`` makes any string an article.
    """
    if isinstance(articles, Article):
        return [articles]
    if isinstance(articles, pd.DataFrame):
        return list(read_articles(articles))
    if isinstance(articles, os.PathLike):
        return list(read_articles(articles))
    if isinstance(articles, str):
        if not _names_a_path(articles):
            return [Article("text", articles)]
        if not os.path.exists(articles):
            raise FileNotFoundError(
                f"no such file or folder: {articles!r}. segment() reads a string without a "
                "line break as a path when it ends in .txt, .jsonl, .csv, .parquet or .pq, or "
                "is one word with a path separator or a file suffix; to segment the string "
                'itself, pass stancekit.Article(id, text), e.g. segment(Article("a1", text))'
            )
        return list(read_articles(articles))
    if isinstance(articles, Iterable):
        out = list(articles)
        for i, a in enumerate(out):
            if not isinstance(a, Article):
                raise TypeError(f"articles[{i}] is {type(a).__name__}, not an Article")
        ids = Counter(a.id for a in out)
        dup = [k for k, v in ids.items() if v > 1]
        if dup:
            raise ValueError(f"duplicate article id(s): {dup[:5]}")
        return out
    raise TypeError(f"cannot segment a {type(articles).__name__}")


def _canonicalise(statements: Sequence[Statement], book: AliasBook) -> list[Statement]:
    """Across articles: a one-word name that is part of exactly one fuller name of the corpus
    becomes that name; names that differ only in case ("Omar Al-Bashir", "Omar al-Bashir")
    become the form used most; missing role/country are filled from the speaker's other
    statements."""
    statements = _same_case(statements)
    full: dict[str, set[str]] = {}
    for speaker in dict.fromkeys(s.speaker for s in statements):
        parts = speaker.split()
        if len(parts) >= 2 and speaker != "anonymous":
            for t in parts:
                full.setdefault(t, set()).add(speaker)
                rest = prefixed_surname(t)
                if rest:
                    full.setdefault(rest, set()).add(speaker)  # "Sisi" of "al-Sisi"
    new_name: dict[str, str] = {}
    meta_role: defaultdict[str, Counter[str]] = defaultdict(Counter)
    meta_country: defaultdict[str, Counter[str]] = defaultdict(Counter)
    renamed = []
    for s in statements:
        name = new_name.get(s.speaker)
        if name is None:
            name = new_name[s.speaker] = _fuller_name(s.speaker, full, book)
        if name != s.speaker:
            s = _replace(s, speaker=name)
        if s.role:
            meta_role[name][s.role] += 1
        if s.country:
            meta_country[name][s.country] += 1
        renamed.append(s)
    renamed = _name_nominals(renamed, meta_role, meta_country)
    top_role: dict[str, str | None] = {}
    top_country: dict[str, str | None] = {}
    out = []
    for s in renamed:
        role, country = s.role, s.country
        if not role:
            role = _top_of(top_role, meta_role, s.speaker)
        if not country:
            country = _top_of(top_country, meta_country, s.speaker)
        if role != s.role or country != s.country:
            s = _replace(s, role=role, country=country)
        out.append(s)
    return out


def _fuller_name(name: str, full: Mapping[str, set[str]], book: AliasBook) -> str:
    """The one fuller name of the corpus that a one-word ``name`` is part of, else ``name``."""
    if " " not in name and name in full and len(full[name]) == 1 and not book.lookup(name):
        fuller = next(iter(full[name]))
        if name in COUNTRIES or _descriptive(fuller):
            return name  # "Russia" is not "President of Russia"
        return fuller
    return name


def _top_of(
    memo: dict[str, str | None], counts: Mapping[str, Counter[str]], speaker: str
) -> str | None:
    """``_top(counts.get(speaker))``, remembered in ``memo``."""
    if speaker not in memo:
        memo[speaker] = _top(counts.get(speaker))
    return memo[speaker]


def _same_case(statements: Sequence[Statement]) -> list[Statement]:
    forms: defaultdict[str, Counter[str]] = defaultdict(Counter)
    folded = [s.speaker.casefold() for s in statements]
    for s, key in zip(statements, folded, strict=True):
        forms[key][s.speaker] += 1
    # the most used form; among equals the first in sort order (deterministic)
    best = {k: sorted(c.items(), key=lambda kv: (-kv[1], kv[0]))[0][0] for k, c in forms.items()}
    return [
        s if best[key] == s.speaker else _replace(s, speaker=best[key])
        for s, key in zip(statements, folded, strict=True)
    ]


def _name_nominals(
    statements: list[Statement],
    roles: Mapping[str, Counter[str]],
    countries: Mapping[str, Counter[str]],
) -> list[Statement]:
    """A speaker known only by a description ("Russian President") becomes the named person
    of the corpus with that role and country: the only one, or, when several held it (Putin
    and Medvedev), the one who speaks in the same article, else the one whose statements are
    closest in date."""
    counts = Counter(s.speaker for s in statements)
    named = [n for n in counts if len(n.split()) >= 2 and not _descriptive(n)]
    in_article: dict[str, set[str]] = {}
    dates: dict[str, list[int]] = {}
    for s in statements:
        in_article.setdefault(s.article_id, set()).add(s.speaker)
        if s.date is not None:
            dates.setdefault(s.speaker, []).append(s.date.toordinal())
    holders: dict[tuple[str, str], list[str]] = {}
    out = []
    for s in statements:
        if not _descriptive(s.speaker) or not (s.role and s.country):
            out.append(s)
            continue
        key = (s.role, s.country)
        if key not in holders:
            holders[key] = _holders(named, s.role, s.country, roles, countries)
        cands = holders[key]
        local = [n for n in cands if n in in_article.get(s.article_id, set())]
        if len(local) == 1:
            cands = local
        elif len(cands) > 1 and s.date is not None:
            day = s.date.toordinal()
            gap = {n: min((abs(d - day) for d in dates.get(n, [])), default=10**9) for n in cands}
            best = min(gap.values())
            cands = [n for n in cands if gap[n] == best]
        out.append(_replace(s, speaker=cands[0]) if len(cands) == 1 else s)
    return out


def _holders(
    named: list[str],
    role: str,
    country: str,
    roles: Mapping[str, Counter[str]],
    countries: Mapping[str, Counter[str]],
) -> list[str]:
    """The ``named`` speakers (sorted) seen with ``country`` and a role ending like ``role``."""
    last = role.lower().split()[-1]
    any_role = role.lower().startswith("head of")  # "the Russian head of state"
    return sorted(
        n
        for n in named
        if n in countries
        and country in countries[n]
        and (any_role or (n in roles and any(last in r.lower().split() for r in roles[n])))
    )


@functools.lru_cache(maxsize=4096)
def _descriptive(name: str) -> bool:
    """True for names made only of demonyms, countries and role words ("Russian President")."""
    words = name.replace(" of ", " ").split()
    return bool(words) and all(
        w in DEMONYMS or w in COUNTRIES or w.lower() in ROLE_WORDS or w.lower() == "the"
        for w in words
    )


def _top(c: Counter[str] | None) -> str | None:
    if not c:
        return None
    return sorted(c.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]


def _replace(s: Statement, **kw: Any) -> Statement:
    from dataclasses import replace

    return replace(s, **kw)
