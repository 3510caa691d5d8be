"""Canonical speakers within an article: names, aliases, roles, countries and pronouns.

:class:`SpeakerBook` keeps the people and organisations an article has introduced and resolves
each new mention ("Chinese President Xi Jinping", "Xi", "the Chinese president", "he") to one
of them, or to a new one. The user's alias file
(:class:`~stancekit.segment.aliases.AliasBook`) comes first.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Container, Iterator
from dataclasses import dataclass, field, replace

from stancekit.segment.aliases import _HONORIFIC, AliasBook
from stancekit.segment.lexicon import (
    CUE_FORMS,
    DEMONYMS,
    FEMALE_WORDS,
    MALE_WORDS,
    ORG_HEADS,
    PEOPLE_SUFFIXES,
    ROLE_WORDS,
)
from stancekit.segment.mentions import _AGED, Mention, parse_mention, prefixed_surname

__all__ = ["Entity", "SpeakerBook"]

_PERSON_ROLES = frozenset(
    """president premier minister chancellor king queen prince emir sheikh sultan leader
    secretary spokesman spokeswoman spokesperson ambassador envoy senator governor mayor judge
    chairman chairwoman chair director head commissioner official analyst lawyer adviser
    advisor delegate nominee candidate founder executive officer coordinator chief""".split()
)
_TITLE_HINTS = ROLE_WORDS | FEMALE_WORDS | MALE_WORDS
_DOCUMENTS = frozenset(
    """statement report communique communiqué readout release notice message document letter
    declaration memorandum text note telegram post tweet""".split()
)
_POSSESSOR = re.compile(r"[A-Z][\w.\-]*[’']s\Z")
_POSSESSIVE_END = re.compile(r"[’']s\Z|[^\w\-]+\Z")
_COUNTERPARTS = frozenset("counterpart colleague interlocutor".split())
_QUANTIFIERS = frozenset("several some many most few other all those".split())
_CORPORATE = ("inc", "llc", "corp", "ltd", "co", "company", "group", "holdings")


@dataclass(eq=False)
class Entity:
    """A speaker known in one article (compared by identity)."""

    name: str
    kind: str
    role: str = ""
    country: str = ""
    gender: str = ""
    aliases: set[str] = field(default_factory=set)

    def tokens(self) -> list[str]:
        """The words of the name, lower case ("De Blasio" is part of "Bill de Blasio"); a
        surname after a particle counts alone too ("Sisi" of "Abdel Fattah al-Sisi")."""
        words = self.name.lower().split()
        return words + [s for w in words if (s := prefixed_surname(w))]


#: nouns that describe a person by party, standing or cause ("the Wisconsin Republican",
#: "one leading Supreme Court advocate")
_DESCRIBED = frozenset(
    """republican democrat conservative liberal independent progressive moderate billionaire
    mogul front-runner frontrunner incumbent challenger lawmaker advocate activist veteran
    businessman businesswoman""".split()
)
#: of those, the ones a writer uses for a person just named ("the Wisconsin Republican")
_PARTISANS = frozenset(
    "republican democrat conservative liberal independent progressive moderate".split()
)
_HUMAN_SUFFIXES = ("er", "or", "ist", "ian", "man", "woman", "person", "ee", "ant", "ess")
_NOT_HUMAN = frozenset("number order paper water matter letter member border".split())


def _plain_name(text: str, span: tuple[int, int]) -> str | None:
    """The person's name a capitalised run without a title spells (two to six words, the
    honorific dropped), or ``None``."""
    m = parse_mention(text, span)
    words = m.name.split()
    if m.kind != "person" or not 2 <= len(words) <= 6:
        return None
    if words[-1].lower() in _PLACE_WORDS:
        return None  # "Wall Street", "Trump Tower"
    if any(w.lower() in _HEADLINE_WORDS for w in words):
        return None  # "Crowd Does Not Like Donald Trump": a headline, not a name
    while len(words) > 2 and words[0].lower() in _NAME_DESCRIPTORS:
        words = words[1:]  # "Billionaire Donald Trump"
    if words[0].lower() in _NAME_DESCRIPTORS:
        return None
    before = _WORD_BEFORE.search(text, max(0, span[0] - 12), span[0])
    if before is not None and before.group(1).lower() in _PLACE_PREPOSITIONS:
        return None  # "On Wall Street", "in New Hampshire": a place
    return _HONORIFIC.sub("", " ".join(words)).strip()


#: capitalised words of headlines that are never part of a person's name
_HEADLINE_WORDS = frozenset(
    """does do did not like just who he she his her it is are was were has have had will
    would can could says said after before with from into over about against without within
    through under upon across""".split()
)
#: descriptions written capitalised before a name ("Billionaire Donald Trump")
_NAME_DESCRIPTORS = frozenset(
    """billionaire businessman businesswoman candidate nominee presumptive presidential
    republican democratic democrat gop former mogul tycoon frontrunner front-runner hopeful
    rival challenger""".split()
)
#: words of the names of organisations, states and documents ("United Nations", "UN Charter")
_ORG_WORDS = ORG_HEADS | frozenset(
    """nations states union republic kingdom federation charter treaty agreement accords
    convention declaration act plan initiative summit forum format""".split()
)


def _agrees(entity: Entity, gender: str) -> bool:
    return gender in ("m", "f") and entity.gender in ("", gender)


def _personal(name: str) -> bool:
    """Could ``name`` (a capitalised run) be a person's? Not with an acronym or an
    organisation's word in it."""
    words = name.split()
    return not any(w.isupper() and len(w) > 1 for w in words) and not _ORG_WORDS & {
        w.lower() for w in words
    }


_HEADS_OF_STATE = frozenset(
    {"president", "prime minister", "premier", "leader", "chancellor", "king", "queen", "emir"}
    | {"head of state"}
)
#: roles that name the same office ("the Hungarian premier" is its prime minister)
_ROLE_SYNONYMS = {
    "premier": ("premier", "prime minister"),
    "prime minister": ("prime minister", "premier"),
}
_PLACE_WORDS = frozenset(
    """street avenue road boulevard square plaza park hill tower house hall center centre
    building city county valley river island islands bay beach lake mountain mountains airport
    station bridge church university college school hospital district state states""".split()
)
#: a clause of another subject in the same sentence ("..., while Clinton hosted ...")
_OTHER_CLAUSE = re.compile(r"\s(?:while|whereas|but)\s+(?:Mr\.?\s+|Mrs\.?\s+|Ms\.?\s+)?[A-Z][a-z]")
_LOWER_AFTER_HYPHEN = re.compile(r"-[a-z]")  # "Los Angeles-area Sanders"
_PLACE_PREPOSITIONS = frozenset("in on at from into across near outside inside to".split())
_WORD_BEFORE = re.compile(r"(\w+)\s+\Z")


def _org_key(name: str) -> frozenset[str]:
    """An organisation name as a bag of words, without function words and plural -s."""
    return frozenset(
        w.rstrip("s") for w in name.lower().split() if w not in ("of", "the", "for", "and", "an")
    )


def _capitals(name: str) -> int:
    return sum(1 for w in name.split() if w[:1].isupper())


_SPOKES = frozenset("spokesman spokeswoman spokesperson spokespeople".split())


def _office_of(words: list[str]) -> str | None:
    """``Downing Street`` of ``A Downing Street spokesperson``: the capitalised words between
    the article and a spokesperson noun, if that is all the mention is."""
    if len(words) < 3 or words[0].lower() not in ("a", "an", "the") or words[-1] not in _SPOKES:
        return None
    inner = words[1:-1]
    return " ".join(inner) if all(w[:1].isupper() for w in inner) else None


def _speaking_noun(head: str) -> bool:
    """Could this head noun speak? Roles, organisations, and people nouns (announcer,
    businessman, economist, nominee)."""
    if not head.isalpha() or head in _NOT_HUMAN:
        return False
    if head in _PERSON_ROLES or head in ORG_HEADS:
        return True
    return head.endswith(_HUMAN_SUFFIXES)


class SpeakerBook:
    """Speakers of one article and the order in which they spoke."""

    def __init__(
        self,
        aliases: AliasBook | None = None,
        *,
        lower_words: Callable[[], Container[str]] | None = None,
        opening: Callable[[int, int], Mention | None] | None = None,
        text: str = "",
        plural_speakers: bool = False,
    ) -> None:
        self.plural_speakers = plural_speakers
        self._opening = opening
        self._fresh: Entity | None = None  # the person a pronoun last found by its sentence
        self._text = text
        #: sentences without a statement, in text order: ``(start, end)``
        self.quiet: list[tuple[int, int]] = []
        self.aliases = aliases or AliasBook()
        self._lower_words_fn = lower_words
        self._lower_words: Container[str] | None = None
        self.observed: list[tuple[int, Entity]] = []
        self._plain: list[tuple[int, str, tuple[int, int]]] = []
        self.entities: list[Entity] = []
        self.history: list[Entity] = []  # speakers of statements, in order
        self.seen: list[Entity] = []  # entities in order of last mention
        self._resolved_at = -1  # where the last speaker mention was read
        self._surnames: dict[str, list[tuple[int, str, tuple[int, int]]]] | None = None

    # -- registration -------------------------------------------------------------------------
    def lower_words(self) -> Container[str]:
        """Words the article writes in lower case (a capitalised one of them is no name)."""
        if self._lower_words is None:
            fn = self._lower_words_fn
            self._lower_words = fn() if fn is not None else frozenset()
        return self._lower_words

    def observe(
        self, text: str, span: tuple[int, int], *, position: int, titled_only: bool = False
    ) -> Entity | None:
        """Register a person named anywhere in the text (not as a speaker): with a title
        ("Kyrgyz President Sadyr Japarov") the entity is created; a bare two- or three-word
        name is remembered (and read only if needed) as a pronoun antecedent of last resort."""
        words = text[span[0] : span[1]].split()
        if not any(w.lower().rstrip(".") in _TITLE_HINTS or w in DEMONYMS for w in words):
            if not titled_only:
                self._plain.append((position, text, span))
            return None
        m = parse_mention(text, span)
        if m.kind == "person" and len(m.name.split()) == 1 and m.role:
            # "President Putin" again: remember where the known person was named
            low = m.name.lower()
            known = next(
                (e for e in self.entities if e.kind == "person" and low in e.tokens()), None
            )
            if known is not None:
                self.observed.append((position, known))
            return known
        if m.kind != "person" or not 2 <= len(m.name.split()) <= 6:
            return None
        if not (m.role or m.country or m.gender):
            if not titled_only:
                self._plain.append((position, text, span))
            return None
        ent = self._person(m)
        self.observed.append((position, ent))
        return ent

    def remember(self, text: str, span: tuple[int, int], *, position: int) -> None:
        """Keep a capitalised run without a title, read only if a pronoun needs it."""
        self._plain.append((position, text, span))

    def _plain_names(self, before: int) -> list[Entity]:
        """People named without a title before ``before``, latest first (read lazily)."""
        out = []
        for pos, text, span in reversed(self._plain):
            if pos > before:
                continue
            name = _plain_name(text, span)
            if name is None:
                continue
            ent = next((e for e in self.entities if e.kind == "person" and e.name == name), None)
            out.append(ent or Entity(name, "person"))
        return out

    def _plain_surname(self, surname: str, before: int) -> str | None:
        """The latest name without a title, written before ``before``, whose last word is
        ``surname`` (lower case); the plain names are read once per article."""
        if self._surnames is None:
            self._surnames = {}
            for pos, text, span in self._plain:
                last = text[span[0] : span[1]].rsplit(None, 1)[-1].lower()
                last = _POSSESSIVE_END.sub("", last)
                self._surnames.setdefault(last, []).append((pos, text, span))
        for pos, text, span in reversed(self._surnames.get(surname, [])):
            if pos >= before:
                continue
            name = _plain_name(text, span)
            words = name.lower().split() if name is not None else []
            if not 2 <= len(words) <= 4 or words[-1] != surname:
                continue
            if any(w in CUE_FORMS for w in words):
                continue  # "Said Ellis", "Obama Says Museum ...": not names
            return name
        # "Xi Jinping met Kim Jong Un. Kim said": a family name written first
        firsts = set()
        for pos, text, span in self._plain:
            if pos >= before or text[span[0] : span[1]].split()[0].lower() != surname:
                continue
            name = _plain_name(text, span)
            words = name.lower().split() if name is not None else []
            if (
                name is not None
                and 2 <= len(words) <= 3
                and words[0] == surname
                and _personal(name)
                and not any(w in CUE_FORMS for w in words)
                # "Trump Force One", "EgyptAir Flight MS804": words the article also writes
                # in lower case, or with digits, are no given names
                and all(w.replace("-", "").isalpha() for w in words[1:])
                and not any(w in self.lower_words() for w in words[1:])
                # the shape of an East Asian name: a short family name ("Kim Jong Un", "Li
                # Qiang") or a hyphenated given name ("Ban Ki-moon", "Moon Jae-in")
                and (len(surname) <= 3 or any("-" in w for w in words[1:]))
            ):
                firsts.add(name)
        return firsts.pop() if len(firsts) == 1 else None

    def spoke(self, entity: Entity) -> None:
        """Record that ``entity`` made a statement (for pronouns and nominals)."""
        self.history.append(entity)
        if entity is not self._fresh:
            self._fresh = None
        self._touch(entity)

    def _touch(self, entity: Entity) -> None:
        if self.seen and self.seen[-1] is entity:
            return
        if entity in self.seen:
            self.seen.remove(entity)
        self.seen.append(entity)

    def _by_recency(self) -> list[Entity]:
        """Entities in order of last mention, then those never mentioned."""
        seen = set(self.seen)  # entities hash and compare by identity
        return self.seen + [x for x in self.entities if x not in seen]

    def _new(self, entity: Entity) -> Entity:
        entry = self.aliases.lookup(entity.name) if self.aliases else None
        if entry is not None:
            entity.name = entry.name
            entity.role = entry.role or entity.role
            entity.country = entry.country or entity.country
            for other in self.entities:
                if other.name == entry.name:
                    return other
        self.entities.append(entity)
        return entity

    # -- resolution ---------------------------------------------------------------------------
    def resolve(self, mention: Mention) -> Entity | None:
        """The entity a mention refers to (registering new ones); ``None`` for joint subjects
        and pronouns without an antecedent."""
        kind = mention.kind
        ent: Entity | None
        words = mention.text.lower().split()
        if "joint" in words and any(w in _DOCUMENTS for w in words[words.index("joint") :]):
            # "According to a joint statement", "The Joint Statement emphasizes": both
            # sides', nobody's statement alone
            if not self.plural_speakers:
                return None
            return self._named(re.sub(r"^(?:the|a|an)\s+", "", mention.text, flags=re.I), "group")
        if words and words[0] in ("my", "our") and len(words) <= 3:
            # "My delegation believes", "Our Government supports" outside quotations: the
            # writer, as "we" is
            return self._named("author", "anonymous") if self.plural_speakers else None
        before = self._resolved_at
        if (
            mention.head in _DOCUMENTS
            and len(words) <= 2
            and f"joint {mention.head}" in self._text[: mention.span[0]].lower()
        ):
            # "The Joint Statement emphasizes ... The Statement noted ...": still both sides'
            return self._named(mention.text, "group") if self.plural_speakers else None
        if mention.head not in _DOCUMENTS:
            self._resolved_at = max(self._resolved_at, mention.span[0])
        if kind == "plural":
            if not self.plural_speakers or mention.head == "you":
                return None
            if mention.head in ("i", "we"):
                # "I think ...", "We believe ..." outside quotations: the writer
                return self._named("author", "anonymous")
            name = re.sub(r"^(?:the|both|all)\s+", "", mention.text, flags=re.I)
            return self._named(name, "group")
        words = mention.text.split()
        if (
            kind == "person"
            and len(words) > 2
            and (
                words[0].islower()
                or (  # "Allies of Reeves", but not "Friends of the Earth" or "Sons of ... Museum"
                    words[1] in ("of", "to", "for")
                    and words[2].lower() != "the"
                    and _personal(" ".join(words[2:]))
                )
            )
            and words[0].endswith("s")
            and words[0] not in ("his", "its", "this")
        ):
            # "advisers to Mr. Obama", "attorneys for the family": a group named by whom it
            # serves, not the person named in it
            if not self.plural_speakers:
                return None
            return self._named(mention.text, "group")
        if (
            kind == "person"
            and " " not in mention.name
            and mention.name.lower() in self.lower_words()
        ):
            if mention.name.lower().endswith("s"):
                return None
            ent = self._nominal(mention)
        elif kind == "person":
            ent = self._person(mention)
        elif kind == "pronoun":
            ent = self._subject_since(mention, before)
            if ent is not None:
                self._fresh = ent
            elif self._fresh is not None and _agrees(self._fresh, mention.gender):
                ent = self._fresh  # "..., he said, though he cautioned ...": the same man
            else:
                ent = self._pronoun(mention)
        elif kind == "anonymous":
            ent = self._named("anonymous", "anonymous")
        elif kind == "country":
            ent = self._named(mention.name, "country", country=mention.name)
        elif kind == "group":
            name = re.sub(r"^(?:the|some|many|several|other)\s+", "", mention.name, flags=re.I)
            ent = self._named(name, "group")
        elif kind in ("org", "nominal") and (owner := self._spokes_owner(mention)) is not None:
            ent = owner  # "Dutton's spokesperson said": Dutton's word
        elif kind == "org" and (office := _office_of(words)) is not None:
            # "A Downing Street spokesperson", "a State Department spokeswoman": the office
            ent = self._org(Mention("org", mention.text, mention.span, name=office))
            self.alias(ent, words[-1].lower())  # "The spokesperson said" later is the office
        elif kind == "org":
            ent = self._org(mention)
        else:
            ent = self._nominal(mention)
        if ent is not self._fresh:
            self._fresh = None
        if ent is not None:
            self._touch(ent)
        return ent

    def source(self, mention: Mention) -> Entity:
        """The entity of a source that is no speaker one could resolve ("according to reports
        emerging in the news media", "figures her campaign released"): named by its words,
        without a leading article."""
        name = re.sub(r"^(?:the|a|an)\s+", "", mention.text.strip(), flags=re.I)
        ent = self._named(name, "source")
        self._touch(ent)
        return ent

    def _named(self, name: str, kind: str, country: str = "") -> Entity:
        entry = self.aliases.lookup(name) if self.aliases else None
        canon = entry.name if entry else name
        for e in self.entities:
            if e.name == canon:
                return e
        return self._new(Entity(canon, kind, country=country))

    def _person(self, m: Mention) -> Entity:
        name = _HONORIFIC.sub("", m.name).strip()
        entry = self.aliases.lookup(name) if self.aliases else None
        if entry is None and m.text:
            entry = self.aliases.lookup(m.text) if self.aliases else None
        if entry is not None:
            name = entry.name
        toks = name.lower().split()
        best: Entity | None = None
        for e in reversed(self._by_recency()):
            if e.kind != "person":
                continue
            et = e.tokens()
            if e.name == name or (len(toks) < len(et) and all(t in et for t in toks)):
                best = e
                break
            if len(et) < len(toks) and all(t in toks for t in et):
                e.name = name  # a fuller form of a name seen short first
                best = e
                break
        if best is None and len(toks) == 1:
            # "Vladimir Putin held talks ... Mr Putin said": the fuller name written earlier
            fuller = self._plain_surname(toks[0], m.span[0])
            if fuller is not None:
                best = next(
                    (e for e in self.entities if e.kind == "person" and e.name == fuller), None
                ) or self._new(Entity(fuller, "person"))
        if best is None:
            best = self._new(Entity(name, "person"))
        if m.role.lower() not in _COUNTERPARTS:  # "his Bulgarian counterpart X": no role
            best.role = best.role or m.role
        best.country = best.country or m.country
        best.gender = best.gender or m.gender
        return best

    def _spokes_owner(self, m: Mention) -> Entity | None:
        """Whom the spokesperson ``m`` speaks for when a possessive names them: a person
        (``Dutton's spokesperson``) or an organisation (``The Kremlin's spokesman``)."""
        words = m.text.split()
        if m.head not in _SPOKES or len(words) < 2 or not _POSSESSOR.match(words[-2]):
            return None
        owner = m.text[: m.text.rindex(words[-2]) + len(words[-2]) - 2]
        inner = parse_mention(owner, (0, len(owner)))
        inner = replace(inner, span=(m.span[0], m.span[0] + len(owner)))
        if inner.kind == "org":
            return self._org(inner)  # "The Kremlin's spokesman": the Kremlin's word
        return self._person(inner) if inner.kind == "person" else None

    def _quiet_between(self, since: int, before: int) -> Iterator[tuple[int, int]]:
        """Sentences without a statement that end by ``before`` and start after ``since``,
        latest first."""
        for start, end in reversed(self.quiet):
            if end > before:
                continue
            if start <= since:
                return
            yield start, end

    def _sender(self, m: Mention) -> Entity | None:
        """Who sent the document ``m`` names (``The Foreign Ministry issued a statement. The
        statement said ...``): the subject of the sentence, since the last speaker, that
        mentions it."""
        if self._opening is None:
            return None
        for start, end in self._quiet_between(self._resolved_at, m.span[0]):
            if m.head not in self._text[start:end].lower():
                continue
            found = self._opening(start, end)
            if found is None:
                return None
            if found.kind == "org":
                return self._org(found)
            if found.kind == "person" and len(found.name.split()) >= 2:
                return self._person(found)
            return None
        return None

    def _subject_since(self, m: Mention, since: int) -> Entity | None:
        """The person who opens the latest sentence without a statement between the previous
        speaker mention (at ``since``) and the pronoun ``m``: in ``Guterres said A. The relief
        chief, Martin Griffiths, echoed the warning. He said B.`` "He" is Griffiths."""
        if self._opening is None or m.gender not in ("m", "f"):
            return None
        for start, end in self._quiet_between(since, m.span[0]):
            found = self._opening(start, end)
            if found is None:
                return None  # "But Ayotte isn't interested." may be read wrong: no guess
            if _OTHER_CLAUSE.search(self._text, found.span[1], end):
                return None  # "Sanders held a rally while Clinton hosted an event": two people
            words = found.name.split()
            if found.kind != "person" or not _personal(found.name):
                return None
            if len(words) < 2:
                # "Sefcovic, who arrived on Monday, struck a similar note": a surname counts
                # when it is a known person's
                low = words[0].lower() if words else ""
                known = [e for e in self.entities if e.kind == "person" and low in e.tokens()]
                if len(known) > 1 or (
                    not known and self._plain_surname(low, found.span[0]) is None
                ):
                    return None
            if " and " in found.text or any(
                w.lower() in _HEADLINE_WORDS
                or w.endswith(("'s", "’s"))
                or _LOWER_AFTER_HYPHEN.search(w)
                for w in found.text.split()
            ):
                return None  # "Had Sanders won", "Clinton and Sanders", "Schlafly's column"
            if found.gender and found.gender != m.gender:
                return None
            ent = self._person(found)
            if ent.gender and ent.gender != m.gender:
                return None
            ent.gender = ent.gender or m.gender
            return ent
        return None

    def _pronoun(self, m: Mention) -> Entity | None:
        g = m.gender
        pool = list(reversed(self.history)) + list(reversed(self.seen))
        for e in pool:
            if g == "n":
                if e.kind in ("org", "country", "group", "anonymous"):
                    return e
                continue
            if e.kind not in ("person", "nominal"):
                continue
            if e.gender and g and e.gender != g:
                continue
            if g and not e.gender:
                e.gender = g
            return e
        if g in ("m", "f"):
            titled = [e for pos, e in reversed(self.observed) if pos <= m.span[0]]
            for e in titled + self._plain_names(m.span[0]):
                if not (e.gender and e.gender != g):
                    if e not in self.entities:
                        self.entities.append(e)
                    e.gender = e.gender or g
                    return e
        return None

    def _org(self, m: Mention) -> Entity:
        name = m.name
        low = name.lower()
        for e in reversed(self.seen):
            if e.kind == "org" and (
                e.name.lower() == low or e.name.lower().endswith(" " + low) or low in e.aliases
            ):
                return e
        entry = self.aliases.lookup(name) if self.aliases else None
        if entry is None:
            key = _org_key(name)
            for e in reversed(self.entities):
                if e.kind != "org":
                    continue
                if low.endswith(" " + e.name.lower()):
                    e.name = name
                    return e
                if len(key) >= 2 and _org_key(e.name) == key:
                    # "an Oregon appeals court" and "the Oregon Court of Appeals": the formal
                    # (more capitalised) name wins
                    if _capitals(name) > _capitals(e.name):
                        e.name = name
                    return e
        return self._named(name, "org", country=m.country)

    def _nominal(self, m: Mention) -> Entity | None:
        if m.of:
            # "a spokesperson for the ministry" speaks for the ministry
            from stancekit.segment.mentions import Mention as _M

            inner = parse_mention(m.of, (0, len(m.of)))
            target = self.resolve(
                _M(
                    inner.kind,
                    inner.text,
                    inner.span,
                    inner.name,
                    inner.head,
                    inner.role,
                    inner.country,
                    inner.gender,
                )
            )
            if target is not None:
                return target
        head = m.head
        if head in _COUNTERPARTS:
            return self._counterpart(m)
        first_word = m.text.split()[0].lower()
        if _AGED.match(head) or (head in _PARTISANS and first_word == "the"):
            # "the 46-year-old", "The Wisconsin Republican": the person last spoken of, as a
            # pronoun would be
            return self._pronoun(m)
        if head in _DESCRIBED and first_word in ("one", "another", "a", "an"):
            return self._named("anonymous", "anonymous")  # "another New Hampshire Democrat"
        if head in _DOCUMENTS:
            sender = self._sender(m)
            if sender is not None:
                return sender
            # "President Putin also sent a message. The message said: ...": the titled person
            # named since the last speaker, else the last speaker
            since = [e for pos, e in self.observed if self._resolved_at < pos < m.span[0]]
            if since:
                return since[-1]
            return self.history[-1] if self.history else None
        if head in _PERSON_ROLES or m.role:
            cand = self._by_role(m)
            if cand is not None:
                return cand
        for e in reversed(self._by_recency()):
            if head in e.aliases:
                return e
            if e.kind == "org" and (
                head in e.name.lower().split()
                or (
                    head == "company"
                    and any(w.rstrip(".").lower() in _CORPORATE for w in e.name.split())
                )
            ):
                return e
        permissive = self.plural_speakers and head.isalpha()
        if (
            head in _SPOKES
            and len(m.text.split()) == 2
            and first_word in ("a", "an", "the")
            and self.history
            and self.history[-1].kind == "org"
        ):
            return self.history[-1]  # "The Home Office said A. A spokesperson added B."
        if head in _SPOKES and first_word in ("his", "her"):
            # "His spokesperson said": speaks for the man last spoken of
            gender = "m" if first_word == "his" else "f"
            return self._pronoun(Mention("pronoun", first_word, m.span, gender=gender))
        if first_word == "its" and _speaking_noun(head):
            owner = next((e for e in reversed(self._by_recency()) if e.kind == "org"), None)
            if owner is not None and head in _SPOKES:
                return owner  # "Its spokesman said": the organisation speaks
            rest = m.text.split(None, 1)[1]
            name = f"{owner.name} {rest}" if owner is not None else rest
            ent = self._named(name, "nominal", country=m.country)
            ent.role = ent.role or m.role
            return ent  # "its chief financial officer": the company's
        if (_speaking_noun(head) or head in ("team", "camp")) and any(
            _POSSESSOR.match(w) for w in m.text.split()[:-1]
        ):
            # "Clinton's team", "Connecticut's tax commissioner": named by the possessor
            ent = self._named(m.text, "nominal" if head in _PERSON_ROLES else "org")
            ent.role = ent.role or m.role
            return ent
        if permissive and first_word in _QUANTIFIERS:
            # "Several Democratic operatives said": a group, when groups speak
            if first_word == "those":
                return self._named(m.text, "group")  # "Those close to him"
            return self._named(re.sub(r"^\w+\s+(?:of\s+the\s+)?", "", m.text), "group")
        last = m.text.split()[-1]
        if self.plural_speakers and (
            head in ("percent", "%")
            or (last.islower() and last.endswith(PEOPLE_SUFFIXES))
            or head.endswith(PEOPLE_SUFFIXES)
        ):
            # "58 percent of Florida voters said", "about half of primary voters said"
            return self._named(m.text, "group")
        if (_speaking_noun(head) or permissive) and (
            first_word in ("the", "a", "an", "one")
            or (permissive and first_word in ("his", "her", "their", "its"))
        ):
            name = re.sub(r"^(?:the|a|an|one)\s+", "", m.text, flags=re.I)
            ent = self._named(
                name, "nominal" if head in _PERSON_ROLES else "org", country=m.country
            )
            ent.role = ent.role or m.role
            return ent
        if permissive and m.text.split()[-1].islower() and len(m.text.split()) <= 5:
            # "according to exit polls", "federal statistics": sources of any kind
            return self._named(m.text, "org")
        return None

    def _counterpart(self, m: Mention) -> Entity | None:
        """``his Egyptian counterpart``, ``Putin's colleague``: the person of the article (of
        that country, when given) other than the one who spoke last."""
        last = self.history[-1] if self.history else None
        owners = [w[:-2].lower() for w in m.text.split() if _POSSESSOR.match(w)]
        if owners:
            last = None  # "Putin's colleague": not Putin, whoever spoke last
        pool = [e for _, e in reversed(self.observed)] + list(reversed(self._by_recency()))
        for e in pool:
            if e.kind != "person" or e is last or any(o in e.tokens() for o in owners):
                continue
            if m.country and e.country and e.country != m.country:
                continue
            return e
        return None

    def _by_role(self, m: Mention) -> Entity | None:
        """The person a role nominal (``the Russian leader``, ``the prime minister``) names."""
        role = (m.role or m.head).lower()
        generic = (role.split() or [""])[-1] in (
            "leader",
            "official",
            "head",
            "chief",
        ) or role.startswith("head of state")  # "the CDU chief", "the opposition leader"
        if " of " in role and not role.startswith("head of state"):
            generic = False  # "the head of the World Trade Organization": that body's head
        pool = (
            list(reversed(self.history)) + list(reversed(self.seen)) + list(reversed(self.entities))
        )
        spoken = set(self.history) | set(self.seen)
        first: dict[Entity, int] = {}
        for pos, e in self.observed:
            first[e] = min(pos, first.get(e, pos))
        roles = _ROLE_SYNONYMS.get(role, (role,))
        before: list[Entity] = []
        later: list[Entity] = []  # named only after the nominal: a lead's "Australia's
        # prime minister" before "Prime Minister Anthony Albanese told reporters"
        for e in dict.fromkeys(pool):
            if e.kind != "person":
                continue
            if m.country and e.country and e.country != m.country:
                continue
            if m.country and not e.country:
                continue
            erole = e.role.lower()
            if generic or any(r in erole or r.split()[-1] in erole.split() for r in roles):
                named_later = e not in spoken and first.get(e, -1) > m.span[0]
                (later if named_later else before).append(e)
        fits = before or later
        if fits:
            if role == "leader":
                # "the Turkish leader" of a president and a foreign minister: the president
                rulers = [e for e in fits if e.role.lower() in _HEADS_OF_STATE]
                return rulers[0] if rulers else fits[0]
            return fits[0]
        if m.country and (generic or role in _HEADS_OF_STATE):
            # "Vladimir Putin held talks with President of Finland Alexander Stubb. The Russian
            # leader said": the only person of the article whose country is not given
            everyone = [e for e in pool if e.kind == "person"]
            everyone += [e for _, e in reversed(self.observed) if e.kind == "person"]
            earlier = [e for e in everyone if e in spoken or first.get(e, -1) <= m.span[0]]
            for persons in (earlier, everyone):
                # people named before the nominal first ("The Vietnamese leader" is To Lam,
                # not the prime minister named later), then everyone
                only = self._only_free(m, persons)
                if only is not None:
                    return only
        if (
            not m.country
            and role in ("president", "prime minister", "premier", "leader")
            and self.history
        ):
            # "The President said" in a readout whose roles were not spelled out: the last
            # speaker who holds no other office ("Governor X briefed ... The President asked"
            # is not the governor)
            for e in reversed(self.history):
                if e.kind == "person" and (not e.role or role in e.role.lower()):
                    return e
            known_people = [e for e in self._by_recency() if e.kind == "person"]
            known_people += [e for e in self._plain_names(m.span[0]) if _personal(e.name)]
            untitled = list(dict.fromkeys(e.name for e in known_people if not e.role))
            if len(untitled) == 1:
                one = next(e for e in known_people if e.name == untitled[0])
                return one if one in self.entities else self._new(one)
        return None

    def _only_free(self, m: Mention, persons: list[Entity]) -> Entity | None:
        """The one person among ``persons`` and the plain names before ``m`` whose country is
        not given, who then gets ``m``'s country; ``None`` unless there is exactly one."""
        plain = [e for e in self._plain_names(m.span[0]) if _personal(e.name)]
        people = list(dict.fromkeys([e.name for e in persons] + [e.name for e in plain]))
        known = {e.name: e for e in persons}
        free = [n for n in people if not (n in known and known[n].country)]
        if len(free) > 1:
            # "the Russian leader" among Putin and the Pope: the head of state
            heads = [n for n in free if n in known and known[n].role.lower() in _HEADS_OF_STATE]
            free = heads if len(heads) == 1 else free
        if len(free) != 1 or len(people) < 2:
            return None
        ent = known.get(free[0]) or next(e for e in plain if e.name == free[0])
        if ent not in self.entities:
            ent = self._new(ent)
        ent.country = m.country
        return ent

    def alias(self, entity: Entity, form: str) -> None:
        """Remember another surface form of ``entity``."""
        entity.aliases.add(form.lower())
