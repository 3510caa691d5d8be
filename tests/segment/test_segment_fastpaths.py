"""The fast paths of the segment engine find exactly what the plain versions find."""

from __future__ import annotations

import re
import sys

from stancekit.segment import cues, engine

_TEXTS = [
    "Putin SAID on Tuesday, and Xi Said: they Told reporters, according to Lavrov.",
    "The minister, speaking in ISTANBUL, said that talks will go on, ADDING that",
    "İstanbul's mayor said no. Kelvin (\u212a) told us so, the ſpokesman said.",
    "unsaid re-said said-so Said’s said' 'said",
]


def _plain_cue_hits(masked: str, broad: bool) -> list[tuple[int, int, str]]:
    index = cues._BROAD_INDEX if broad else cues._CUE_INDEX
    first = cues._BROAD_FIRST if broad else cues._CUE_FIRST
    out = []
    for m in first.finditer(masked):
        for tail, form in index.get(m.group().lower(), []):
            end = m.end()
            if tail is not None:
                t = tail.match(masked, end)
                if t is None:
                    continue
                end = t.end()
            out.append((m.start(), end, form))
            break
    return out


def test_cue_hits_lower_case_search_is_case_insensitive_search() -> None:
    for text in _TEXTS:
        for broad in (False, True):
            assert cues.cue_hits(text, broad) == _plain_cue_hits(text, broad), text


def test_only_listed_characters_fold_to_ascii_letters() -> None:
    letter = re.compile("[a-z]", re.IGNORECASE)
    folds = [
        chr(c)
        for c in range(128, sys.maxunicode + 1)
        if letter.match(chr(c)) or any(x.isascii() and x.isalpha() for x in chr(c).lower())
    ]
    assert sorted(folds) == sorted(cues._FOLDS_TO_ASCII)


def test_lower_words_answered_word_by_word() -> None:
    text = (
        "trump Trump x-trump ab-trump a-b-cruz _cruz 'rubio’s rubio-led jeb's o'neill "
        "Bush bush, bush2 ñbush X-ray carson\ncarson- fiorina’ kasich'"
    )
    every = engine._lower_words(text)
    asked = engine._LowerWords(text)
    words = {w.lower() for w in re.findall(r"[\w’'\-]+", text)} | every | {"x", "", "Trump"}
    for word in sorted(words):
        assert (word in asked) == (word in every), word
