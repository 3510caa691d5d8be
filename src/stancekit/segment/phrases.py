"""Noun phrases that stand as a cue's subject without a plain proper name, and where a clause
starts: determiner phrases (``one county official``), groups and shares of people (``58
percent of Florida voters``, ``attorneys for the family``), names with descriptions before
them (``longtime Democratic pollster Pat Caddell``), inverted common nouns (``..., said the
designer.``), the antecedent of a relative ``who`` and the end of a name before its home (``Rep.
Mike Coffman of Colorado``). :mod:`stancekit.segment.subjects` decides which of them a
sentence has.

Every function works on tokens (``(start, end, word)``, from
:func:`stancekit.segment.mentions.tokens`) and returns token indices or spans.
"""

from __future__ import annotations

import re

from stancekit.segment.lexicon import (
    ABBREVIATIONS,
    ANON_HEADS,
    COUNTRIES,
    GROUP_HEADS,
    ORG_HEADS,
    PEOPLE_SUFFIXES,
    ROLE_WORDS,
    org_descriptor,
)
from stancekit.segment.mentions import (
    _CAP_STOP,
    _CONNECTORS,
    _DETERMINERS,
    Span,
    _is_cap,
    _np_token,
    tokens,
)

__all__ = [
    "APPOSITIVE_START",
    "SKIP_BEFORE_CUE",
    "SUBORDINATORS",
    "VERBISH",
    "WH_WORDS",
    "antecedent",
    "before_home",
    "clause_start",
    "determiner_phrase",
    "group_phrase",
    "inverted_nominal",
    "modified_name",
    "sentence_initial_nominal",
]

SKIP_BEFORE_CUE = frozenset(
    """also further then later earlier again once repeatedly previously recently highly
    strongly firmly separately publicly privately reportedly subsequently quickly
    immediately specifically particularly especially likewise frequently often long
    has have had been would will could did does do is are was were be may might must
    should can shall not never already just only here today yesterday tonight formally
    officially initially finally clearly explicitly jointly similarly openly flatly
    angrily bluntly sharply warmly personally directly last even still however having
    being himself herself themselves itself since """.split()
)

#: Words that open a subordinate clause whose subject may speak ("when she said ...").
SUBORDINATORS = frozenset("when after before while because since as once until whereas".split())


APPOSITIVE_START = frozenset(
    """who which a an the whose also one another his her its chief head president director
    of from""".split()
)


VERBISH = frozenset(
    "is are was were has have had be been will would can could said says do does did".split()
)


WH_WORDS = frozenset("what how why whether where when which who whom that".split())


def sentence_initial_nominal(toks: list[tuple[int, int, str]], end: int) -> int | None:
    """``The head of a new intergovernmental body on deep-sea mining (urged ...)``: a
    determiner-led noun phrase with a person or organisation head, from the clause start."""
    start = 0
    if toks and toks[0][2].lower() in ("but", "and", "meanwhile", "however"):
        start = 1
    words = [t[2] for t in toks[start : end + 1]]
    if not 2 <= len(words) <= 16 or words[0].lower() not in _DETERMINERS:
        return None
    if any(w in (",", ";", ":", '"', "“", "”") or w.lower() in WH_WORDS for w in words):
        return None  # "The debate over what Trump (says)": a clause inside, not one phrase
    if any(w.lower() in VERBISH or (w.lower().endswith("ed") and not _is_cap(w)) for w in words):
        return None
    heads = [w.lower() for w in words[1:4]] + [words[-1].lower()]
    if not any(h in ROLE_WORDS or h in ORG_HEADS or h in ANON_HEADS for h in heads):
        return None
    return start


def modified_name(
    toks: list[tuple[int, int, str]], start: int, end: int, text: str, lo: int
) -> int | None:
    """``longtime Democratic pollster Pat Caddell (told)``: a first and last name after up
    to four descriptive words that reach back to the clause start."""
    caps = sum(1 for k in range(start, end + 1) if _is_cap(toks[k][2]))
    if caps < 2 or not _is_cap(toks[end][2]):
        return None
    for j in range(start - 1, max(-1, start - 5), -1):
        w = toks[j][2]
        if w.endswith(("’s", "'s")):
            w = w[:-2]  # "Trump’s GOP primary rival Sen. Marco Rubio"
        low = w.lower()
        if (
            not w.replace("-", "").isalpha()
            or low in _CAP_STOP
            or low in VERBISH
            or low in SKIP_BEFORE_CUE
            or (w.islower() and low.endswith("ly"))  # "Daily News" is a name
        ):
            return None
        if clause_start(toks, j, text, lo):
            return j
    return None


def described_org(
    toks: list[tuple[int, int, str]], start: int, end: int, text: str, lo: int
) -> int | None:
    """``Industry body CII (welcomed)``, ``carmaker Toyota``: where the words that describe
    the organisation named at ``start..end`` begin, at the clause start (up to three words)."""
    if start < 1 or not all(_is_cap(toks[k][2]) for k in range(start, end + 1)):
        return None
    if not org_descriptor(toks[start - 1][2]):
        return None
    for j in range(start - 1, max(-1, start - 4), -1):
        w = toks[j][2]
        if not w.replace("-", "").isalpha() or w.lower() in _CAP_STOP or w.lower() in VERBISH:
            return None
        if clause_start(toks, j, text, lo):
            return j
    return None


_GROUP_GLUE = frozenset(
    "in of from at and to around across his her its their only but about all for with the".split()
)


def _people_plural(word: str) -> bool:
    """A plural noun of people: "attorneys", "advisers", "observers", "officials"."""
    if not word.endswith("s"):
        return False
    stem = word[:-1]
    return (
        word.endswith(PEOPLE_SUFFIXES)
        or stem in ROLE_WORDS
        or word in GROUP_HEADS
        or word in ANON_HEADS
    )


_HEAD_GLUE = frozenset("for of to in at from with close".split())
#: words before a group subject that are not part of it
_GROUP_LEADERS = frozenset(
    "but and yet so still while whereas although though because if as when meanwhile where".split()
)
#: words that open a share of people ("about half of voters", "only 7 percent")
_QUANTITY_OPENERS = frozenset("only just nearly almost roughly about some half most".split())
#: plural nouns of evidence that "show" or "suggest" alone
_EVIDENCE = frozenset("polls records data figures numbers surveys studies statistics".split())
_NUMBER_WORDS = frozenset("two three four five six seven eight nine ten".split())
#: plurals of people without an -s ("White House and Pentagon spokesmen")
_PLURAL_PEOPLE = frozenset(
    """men women people spokesmen spokeswomen spokespeople congressmen businessmen chairmen
    police staff children clergy""".split()
)
#: a share of those asked, alone ("Nearly half (said)", "The majority (say)")
_SHARES = frozenset("half third quarter majority plurality minority rest".split())
#: a quantifier alone after a clause break ("...; most said")
_LONE_SHARES = frozenset("most many some others several few".split())
_POLLED = frozenset("surveyed polled interviewed questioned asked".split())


def group_phrase(toks: list[tuple[int, int, str]], end: int) -> int | None:
    """``Developers and supporters in Congress (say)``, ``Those close to him (say)``: a
    whole clause-initial phrase ending in a plural noun or ``them``/``him``, with no verb."""
    start = end
    while start > 0 and toks[start - 1][2] not in (",", ";", ":", "—", "--"):
        start -= 1
    led = False
    while start < end and toks[start][2].lower() in _GROUP_LEADERS:
        start += 1  # "But attorneys and legal experts (said)", "While only 7 percent (said)"
        led = True
    words = [t[2] for t in toks[start : end + 1]]
    if len(words) == 1 and (
        (words[0].islower() and words[0].endswith(PEOPLE_SUFFIXES))
        or words[0].lower() in _EVIDENCE
        or (words[0].lower() in _LONE_SHARES and start > 0)
    ):
        return start  # "..., forecasters say C", "Polls show C"
    if not 2 <= len(words) <= 10:
        return None
    for k in range(1, len(words) - 1):
        if words[k].lower() == "and" and not (words[k - 1].endswith("s") or _is_cap(words[k - 1])):
            return None  # "Exports grew and officials": two clauses, not one group
    if not (
        led
        or words[0].lower() in _QUANTITY_OPENERS
        or words[0][:1].isupper()
        or words[0][:1].isdigit()
        or (toks[start - 1][2] in (",", ";", ":") if start else True)
    ):
        return None
    last = words[-1].lower()
    if not last.endswith("s"):
        # "attorneys for the family (said)", "advisers to Mr. Obama (say)": a plural head
        # and the phrase that says whose
        for k in range(min(2, len(words) - 2)):
            head, glue = words[k].lower(), words[k + 1].lower()
            if glue in _HEAD_GLUE and _people_plural(head):
                last = head
                break
    share = (
        last in ("percent", "%")
        or (last in _SHARES and len(words) <= 3)
        or ((last.isdigit() or last in _NUMBER_WORDS) and words[-2].lower() in ("in", "but", "of"))
    )  # "7 percent", "One in three", "all but two", "Nearly half": shares of people polled
    polled = len(words) == 2 and words[0].lower() == "those" and last in _POLLED
    if polled:
        return start  # "those surveyed (said)"
    if not (
        share or last.endswith("s") or last in _PLURAL_PEOPLE or last in ("him", "her", "them")
    ):
        return None
    for k, w in enumerate(words):
        low = w.lower()
        plain = w.replace("-", "").replace("’", "").replace("'", "")
        titled = w.endswith(".") and _is_cap(w) and plain[:-1].isalpha()  # "Mr. Obama"
        if w != "%" and not plain.isalnum() and not titled:
            return None
        if k == 0 and low in _QUANTITY_OPENERS:
            continue
        participle = k and w.islower() and low.endswith("ed")
        if participle and k + 1 < len(words) and words[k + 1].islower():
            participle = not words[k + 1].endswith("s")  # "registered voters"
        if low in VERBISH or low in SKIP_BEFORE_CUE or participle:
            return None  # "elected officials" opens with an adjective; "officials met" has a verb
        if low in _CAP_STOP and low not in _GROUP_GLUE:
            return None
    return start


def determiner_phrase(toks: list[tuple[int, int, str]], end: int, text: str, lo: int) -> int | None:
    """``..., one county official (said)``: a short determiner-led phrase after a clause
    boundary whose last word is a person or organisation noun."""
    last = toks[end][2].lower()
    known = last in ROLE_WORDS or last in ANON_HEADS or last in ORG_HEADS or last in GROUP_HEADS
    if not known and (
        not last.replace("-", "").isalpha()  # "the GOP front-runner"
        or last in VERBISH
        or last.endswith(("ed", "ly"))
        or last in _CAP_STOP
    ):
        return None
    for j in range(end - 1, max(-1, end - 6), -1):
        w = toks[j][2]
        if not w[:1].isalpha() or w.lower() in WH_WORDS:
            return None
        if w.lower() in _DETERMINERS and clause_start(toks, j, text, lo):
            return j
    return None


def clause_start(toks: list[tuple[int, int, str]], start: int, text: str, lo: int) -> bool:
    if start == 0:
        return True
    prev = toks[start - 1][2]
    if prev in (",", ":", ";", "—", "–", "(") or prev in "\"”’'»":
        return True
    if prev.lower() in SUBORDINATORS or prev.lower() == "where":
        return True  # "booed when she said ...", "in Minnesota, where he says ..."
    if start == 1 and prev.endswith("ly") and prev[:1].isupper() and len(prev) >= 5:
        return True  # "Recently she announced", "Separately Smith said"
    if prev.lower() in (
        "but",
        "and",
        "however",
        "meanwhile",
        "yet",
        "so",
        "still",
        "now",
        "then",
        "instead",
        "also",
        "even",
        "though",
        "although",
        "while",
        "whereas",
        "because",
    ):
        if start == 1 or toks[start - 2][2] in (",", ";", ":", "—", "–", "--", "-", "and"):
            return True  # "..., and while he said", "... -- but he said"
        # "Exports grew and officials said": a new clause after a word that ends a clause
        before = toks[start - 2][2]
        return prev.lower() in ("and", "but") and before.isalpha() and not _np_token(before)
    if prev.lower() in SUBORDINATORS:
        return True  # "booed when she said ...", "As Mr. Sykes said, ..."
    return prev in ("-", "--")


def before_home(toks: list[tuple[int, int, str]], start: int, end: int) -> int:
    """The end of a person's name followed by where the person is from (``Rep. Mike Coffman
    of Colorado``, ``Senator Ben Cardin of Maryland``): the index before that ``of``; ``end``
    when the phrase is not so (``Secretary of State John Kerry``, ``the Bank of England``)."""
    of = next((k for k in range(start + 2, end) if toks[k][2] == "of"), None)
    if of is None or end - of > 3 or not all(_is_cap(t[2]) for t in toks[of + 1 : end + 1]):
        return end
    if toks[of - 1][2].lower() in ORG_HEADS or toks[of - 1][2].lower().rstrip("s") in ORG_HEADS:
        return end  # "the Federal Reserve Bank of New York": an organisation's name
    before = [t[2] for t in toks[start:of]]
    if any(" ".join(before[k:]) in COUNTRIES for k in range(len(before))):
        return end  # "President of the United States of America Donald Trump"
    name = [t[2] for t in toks[start:of] if t[2].lower() not in ROLE_WORDS | _DETERMINERS]
    caps = [w for w in name if _is_cap(w) and w.rstrip(".").lower() not in ABBREVIATIONS]
    return of - 1 if len(caps) >= 2 else end


_INITIAL = re.compile(r"[A-Z]\.")
_INVERTED_GLUE = frozenset("of with at for in to on from close familiar".split())


def inverted_nominal(toks: list[tuple[int, int, str]]) -> Span | None:
    """``..., said the designer.`` / ``said one person with knowledge of the talks, who``: a
    determiner and lower-case words up to the end of the clause, read as the subject."""
    if len(toks) < 2 or toks[0][2].lower() not in ("the", "a", "an", "one", "another"):
        return None
    k = 1
    while k < len(toks) and k <= 10:
        w = toks[k][2]
        low = w.lower()
        if w in (".", "!", "?") or (low in ("who", "whose") and k >= 2):
            break  # "..., said a GOP data expert who has worked for ...": the clause is his
        if w == "," and k + 1 < len(toks):
            nxt = toks[k + 1][2]
            if nxt.lower() in ("who", "whose") or (nxt.islower() and nxt.endswith("ing")):
                break  # "..., wrote one Sanders supporter, tweeting a link."
        if w.endswith(".") and k == len(toks) - 1 and w[:-1].isalpha():
            k += 1  # "said one senior official." (the final period stays on the word)
            break
        plain = w.replace("-", "").replace("’", "").replace("'", "")
        if not plain.isalpha() and not _INITIAL.fullmatch(w):
            return None
        if low in VERBISH or low in SKIP_BEFORE_CUE or (w.islower() and low.endswith("ly")):
            return None
        if low in _CAP_STOP and low not in _INVERTED_GLUE:
            return None
        k += 1
    else:
        if k < len(toks):
            return None
    last = toks[k - 1][2].lower().rstrip(".")
    glue = next((g for g in range(2, k) if toks[g][2] in _INVERTED_GLUE), k)
    if k < 2 or last in _INVERTED_GLUE or last in _DETERMINERS or not toks[glue - 1][2].islower():
        # the head is a common noun ("the White House" is read as a name), before any
        # phrase that follows it ("the former top aide to President George W. Bush")
        return None
    if glue < k and any(_is_cap(t[2]) for t in toks[glue:k]):
        # "the former top aide to President George W. Bush": the aide speaks, not Bush
        return toks[0][0], toks[glue - 1][1]
    end = toks[k - 1][1] - (1 if toks[k - 1][2].endswith(".") else 0)
    return toks[0][0], end


def antecedent(text: str, lo: int, hi: int) -> Span | None:
    """The named noun phrase that ends at ``hi`` (before a relative pronoun), an appositive
    between commas skipped (``Mitch McConnell, now the Senate majority leader, (who)``)."""
    toks = tokens(text, lo, hi)
    i = len(toks) - 1
    if i >= 0 and toks[i][2] != "," and any(t[2] == "," for t in toks[max(0, i - 8) : i]):
        j = i
        while j >= 0 and toks[j][2] != ",":
            j -= 1
        words = [t[2] for t in toks[j + 1 : i + 1]]
        if words and (words[0].lower() in APPOSITIVE_START or words[0].lower() == "now"):
            i = j - 1  # an appositive: the name is before it
    end = i
    while i >= 0 and _np_token(toks[i][2]) and toks[i][2].lower() not in _CAP_STOP:
        i -= 1
    start = i + 1
    while start <= end and toks[start][2].lower() in _DETERMINERS | _CONNECTORS:
        start += 1
    if start > end or not any(_is_cap(t[2]) for t in toks[start : end + 1]):
        return None
    if toks[end][2].endswith(("’s", "'s")):
        return None
    end = before_home(toks, start, end)  # "Representative Peter T. King of New York"
    return toks[start][0], toks[end][1]
