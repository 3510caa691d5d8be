"""Finding reporting cues fast: one prefix-tree regular expression per lexicon, one pass per
article."""

from __future__ import annotations

import re

from stancekit.segment.lexicon import BROAD_FORMS, CUE_FORMS

__all__ = ["cue_hits", "trie_pattern"]

_CueIndex = dict[str, list[tuple[re.Pattern[str] | None, str]]]


def _cue_index(forms: dict[str, str]) -> _CueIndex:
    """First word of each cue form → (pattern for the remaining words, form), longest first."""
    index: _CueIndex = {}
    for form in sorted(forms, key=len, reverse=True):
        first, _, rest = form.partition(" ")
        tail = None
        if rest:
            tail = re.compile(
                r"\s+" + r"\s+".join(map(re.escape, rest.split())) + r"(?![\w’'-])", re.I
            )
        index.setdefault(first, []).append((tail, form))
    return index


def trie_pattern(words: list[str]) -> str:
    """A regular expression matching exactly ``words``, shaped as a prefix tree (fast)."""
    trie: dict[str, dict] = {}  # type: ignore[type-arg]
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:  # type: ignore[type-arg]
        alts = [re.escape(ch) + emit(child) for ch, child in sorted(node.items()) if ch]
        optional = "" in node
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 and not optional else "(?:" + "|".join(alts) + ")"
        return body + ("?" if optional else "")

    return emit(trie)


def _first_word_regex(index: _CueIndex, flags: int = re.IGNORECASE) -> re.Pattern[str]:
    return re.compile(r"(?<![\w’'-])(?:" + trie_pattern(sorted(index)) + r")(?![\w’'-])", flags)


def _bounded_first_word_regex(index: _CueIndex) -> re.Pattern[str]:
    """:func:`_first_word_regex` for a lower-cased text with one space put in front, the
    character before the cue word matched instead of looked behind at: the regex engine then
    skips quickly from word start to word start."""
    return re.compile(r"[^\w’'-](?:" + trie_pattern(sorted(index)) + r")(?![\w’'-])")


_CUE_INDEX = _cue_index(CUE_FORMS)
_BROAD_INDEX = _cue_index(BROAD_FORMS)
_CUE_FIRST = _first_word_regex(_CUE_INDEX)
_BROAD_FIRST = _first_word_regex(_BROAD_INDEX)
# the same, case-sensitive, for a lower-cased text (several times as fast)
_CUE_FIRST_LOWER = _bounded_first_word_regex(_CUE_INDEX)
_BROAD_FIRST_LOWER = _bounded_first_word_regex(_BROAD_INDEX)
#: Characters other than ASCII letters that match an ASCII letter case-insensitively
#: (``İ ı ſ K``): a text with one of them is searched case-insensitively.
_FOLDS_TO_ASCII = ("\u0130", "\u0131", "\u017f", "\u212a")


def _lowered(masked: str) -> str | None:
    """``masked`` in lower case when a case-sensitive search of it finds exactly what a
    case-insensitive search of ``masked`` finds (cue words are ASCII), else ``None``."""
    low = masked.lower()
    if len(low) != len(masked) or any(ch in masked for ch in _FOLDS_TO_ASCII):
        return None
    return low


def _first_words(masked: str, broad: bool) -> list[tuple[int, int, str]]:
    """``(start, end, word)`` of every cue's first word in ``masked``, ``word`` lower-cased."""
    low = _lowered(masked)
    if low is None:
        found = (_BROAD_FIRST if broad else _CUE_FIRST).finditer(masked)
        return [(m.start(), m.end(), m.group().lower()) for m in found]
    # in " " + low, a match starts one character early (the one before the word), and the
    # pad shifts it back: its start is the word's start in ``masked``, its end one past
    padded = (_BROAD_FIRST_LOWER if broad else _CUE_FIRST_LOWER).finditer(" " + low)
    return [(s, e - 1, low[s : e - 1]) for s, e in (m.span() for m in padded)]


def cue_hits(masked: str, broad: bool = False) -> list[tuple[int, int, str]]:
    """Every cue in a (masked) text as ``(start, end, form)``, in order: one pass per article."""
    index = _BROAD_INDEX if broad else _CUE_INDEX
    out = []
    for start, first_end, word in _first_words(masked, broad):
        for tail, form in index[word]:
            end = first_end
            if tail is not None:
                t = tail.match(masked, end)
                if t is None:
                    continue
                end = t.end()
            out.append((start, end, form))
            break
    return out
