"""The fast paths of the segment engine find exactly what the plain versions find."""

from __future__ import annotations

import re
import sys

from stancekit.segment import cues, engine, mentions
from stancekit.segment import text as text_module

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


_SAMPLES = [
    "Mr. Smith met Mrs. Jones and Dr. No. Ms. Lee, Sen. Lindsey Graham (R-S.C.) said.",
    "President of the Republic of South Ossetia Anatoly Bibilov, U.S. President Joe Biden...",
    "O’Neill’s aide, J. R. Smith-Jones van der Berg Jr said: ''We will see.'' “Yes!” «Non» „ja“",
    'He said "no." Then "yes?" (Photo: AP) Caption: x.\nPhoto (Reuters) He left! ... OK…” Fine',
    "Prime Minister Shehbaz Sharif of Pakistan and King Abdullah II bin Al-Hussein\tof Jordan.",
    "xMr. Smith _Dr. Who ’Ms. Lee 'Mrs. May’s aide, MR. BIG and DR. Strange of the Order",
]


def _spans(pattern: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    return [m.span() for m in pattern.finditer(text)]


def test_titled_names_as_before() -> None:
    cap = r"(?:[A-Z][\w’'\-]*|[A-Z]\.|Mr\.|Mrs\.|Ms\.|Dr\.)"
    before = re.compile(
        rf"(?<![\w’'.])(?:{cap}[ \t]+){{1,6}}(?:of[ \t]+(?:the[ \t]+)?(?:(?:{cap}|and)[ \t]+){{1,5}})?"
        r"[A-Z][\w’'\-]+(?:(?:[ \t]+(?:bin|al|da|de|van|von|der|den|dos|das|del|di)){1,2}"
        r"[ \t]+[A-Z][\w’'\-]+)*"
        r"(?:[ \t]+[A-Z][\w’'\-]+){0,3}"
    )
    for text in _SAMPLES:
        for k in range(len(text)):
            assert _spans(engine._TITLED_NAME, text[k:]) == _spans(before, text[k:])


def test_sentence_ends_and_marks_as_before() -> None:
    sent_end = re.compile(
        r"[.!?…]+[\"”’')\]]*(?=\s+[\"“‘'(\[]?[A-Z0-9¿¡À-ÖØ-Þ]|\s+(?:[\"“]|''))"
        r"|[.!?…]+[\"”’')\]]*\s*\Z"
    )
    mark = re.compile("''|[\"“”«»„]")
    caption = re.compile(
        r"\((?:Xinhua|Photo|Reuters|AP|AFP|TASS|Sputnik|EPA|Getty|File|Pool)[^()]{0,60}\)\s*\Z"
        r"|\A(?:Photo|Caption|Image|Video|Pictured|File photo)\s*[:(]",
        re.IGNORECASE,
    )
    for text in _SAMPLES:
        for a in range(len(text)):
            for b in range(a, len(text) + 1, 7):
                seg = text[a:b]
                got = [(x - a, y - a) for x, y in _spans_in(text_module._SENT_END, text, a, b)]
                assert got == _spans(sent_end, seg)
                got = [(x - a, y - a) for x, y in _spans_in(text_module._MARK, text, a, b)]
                assert got == _spans(mark, seg)
                assert text_module.is_caption(text, a, b) == bool(caption.search(seg))


def _spans_in(pattern: re.Pattern[str], text: str, a: int, b: int) -> list[tuple[int, int]]:
    return [m.span() for m in pattern.finditer(text, a, b)]


def test_tokens_as_before() -> None:
    word = r"(?:[\w\-]|[’'](?=\w))*"
    before = re.compile(rf"\w{word}(?:\.(?=\w){word})*\.?|[^\w\s]")
    for text in [*_SAMPLES, "don't rock’n’roll it'' U.S.-led a.m. x’ ’y '' e.g.,w-'s"]:
        for a in range(len(text)):
            for b in range(a, len(text) + 1, 5):
                got = [(s - a, e - a, t) for s, e, t in mentions.tokens(text, a, b)]
                assert got == [(*m.span(), m.group()) for m in before.finditer(text[a:b])]


def test_mention_reading_depends_on_its_words_only() -> None:
    from stancekit.segment.mentions import _TOKEN, parse_mention

    text = "Earlier, Russian President Vladimir Putin.' said; he and the U.S. envoy's aide ''x''"
    for a in range(len(text)):
        for b in range(a + 1, min(len(text), a + 40) + 1):
            assert _TOKEN.findall(text, a, b) == _TOKEN.findall(text[a:b])
    m = parse_mention(text, (9, 41))
    assert m.span == (9, 41) and m.text == text[9:41] and m.name == "Vladimir Putin"
