"""Error messages for a name that is not in the data: the closest names, else the commonest.

Every "unknown speaker" error (comparisons, :meth:`StatementTable.by_speaker`,
:meth:`TopicModel.compare`) is worded by :func:`unknown_name`.
"""

from __future__ import annotations

import difflib
from collections.abc import Sequence

__all__ = ["close_names", "unknown_name"]


def close_names(name: str, known: Sequence[str], *, n: int = 5) -> list[str]:
    """The names of ``known`` closest to ``name``, closest first, ignoring case.

    A name that contains ``name`` or is contained in it (a surname, a missing title) comes
    first, then the close spellings of :func:`difflib.get_close_matches` (cutoff 0.6).
    Empty when none is close.
    """
    low = name.casefold().strip()
    by_low: dict[str, list[str]] = {}
    for k in known:
        by_low.setdefault(k.casefold(), []).append(k)
    found: list[str] = []
    if low:
        found += [k for k in sorted(known) if low in k.casefold() or k.casefold() in low]
    for match in difflib.get_close_matches(low, list(by_low), n=n, cutoff=0.6):
        found += by_low[match]
    return list(dict.fromkeys(found))[:n]


def unknown_name(
    what: str,
    name: object,
    known: Sequence[str],
    counts: Sequence[int] | None = None,
    *,
    n: int = 5,
) -> str:
    """``unknown <what> <name>`` with the closest known names, or else the most frequent.

    Parameters
    ----------
    what
        What the name should be (``"speaker"``, ``"country"``...).
    name
        The name that was given.
    known
        The names in the data.
    counts
        Statements of each name of ``known`` (same order); without them the fallback lists
        names alphabetically.
    n
        Names to list at most.
    """
    head = f"unknown {what} {name!r} ({len(known)} known)"
    if not known:
        return f"{head}; there are none"
    near = close_names(name, known, n=n) if isinstance(name, str) else []
    if near:
        return f"{head}; closest: {', '.join(repr(k) for k in near)}"
    if counts is None:
        top = sorted(known)[:n]
        return f"{head}; nothing close; the first: {', '.join(repr(k) for k in top)}"
    ranked = sorted(zip(known, counts, strict=True), key=lambda kc: (-kc[1], kc[0]))[:n]
    listed = ", ".join(f"{k!r} ({c})" for k, c in ranked)
    return f"{head}; nothing close; the most frequent: {listed}"
