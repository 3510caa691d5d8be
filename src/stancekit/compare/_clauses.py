"""Split statements into clauses, so that echoes can point at the phrase that matches.

Wire reports pack several proposals into one reported sentence ("deepen financial
cooperation, improve connectivity networks and advance the ... railway"). Matching whole
statements dilutes each proposal; matching clauses finds "advance the construction of the
railway" in both leaders' words. The rules are deliberately simple and deterministic: a clause
ends at a comma, a semicolon or a colon, or before "and"/"but"/"while" followed by a lower-case
word (a coordinated verb phrase); pieces shorter than ``min_words`` words are merged into the
previous piece.
"""

from __future__ import annotations

import re

__all__ = ["split_clauses"]

_BOUNDARY = re.compile(r"\s*[,;:]\s+(?:(?:and|but|while)\s+)?|\s+(?:and|but|while)\s+(?=[a-z])")


def split_clauses(text: str, *, min_words: int = 3) -> list[tuple[int, int]]:
    """Character spans of the clauses of ``text``.

    Parameters
    ----------
    text
        A statement.
    min_words
        Shorter pieces are merged into the previous clause (or the next, for the first).

    Returns
    -------
    list of (start, end)
        Non-overlapping spans in order; ``[(0, len(text))]`` when nothing splits (or the text
        is empty). ``text[start:end]`` has no leading or trailing separator.
    """
    spans: list[tuple[int, int]] = []
    pos = 0
    for m in _BOUNDARY.finditer(text):
        spans.append((pos, m.start()))
        pos = m.end()
    spans.append((pos, len(text.rstrip(" .;,"))))
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if end <= start:
            continue
        if merged and len(text[start:end].split()) < min_words:
            merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    if len(merged) > 1 and len(text[merged[0][0] : merged[0][1]].split()) < min_words:
        merged[1] = (merged[0][0], merged[1][1])
        merged.pop(0)
    return merged or [(0, len(text))]
