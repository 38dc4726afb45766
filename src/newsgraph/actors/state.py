"""The resolver's state: the article's tokens, the actors found so far, and the discourse history.

Every stage of the resolver (:mod:`newsgraph.actors.resolve` lists them in order) reads and
extends one :class:`State`: the token columns of the parse, the mentions recorded so far (each with
its rule, antecedent, evidence kind and confidence), the tokens already claimed, and the history of
resolved references in reading order that coreference looks back through. The helpers here are
the ones several stages share (grammatical role of a phrase, the noun phrase's extent, the most
salient compatible actor before a token).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from functools import cache, lru_cache
from typing import Any

from ..errors import NewsgraphError
from ..model import Actor, Analysis, Role
from . import lexicon as lx
from .matcher import Entry, Hit, PhraseIndex

SUBJECT_DEPS = {"nsubj", "nsubjpass", "csubj", "agent"}
NAME_ATTRS = {"name", "full_name", "alias", "acronym"}
COUNTRY_FORM_ATTRS = {"name", "alias", "acronym", "full_name"}
OPEN_QUOTES = "“«„‘\""
CLOSE_QUOTES = "”»“’\""


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


@cache
def _index_for(kb_key: int, kb: Any) -> PhraseIndex:
    return PhraseIndex(kb.phrases())


def phrase_index(kb: Any) -> PhraseIndex:
    return _index_for(id(kb), kb)


# names of things a state's name can be part of without placing anyone: "the Vietnam War", "the
# Iraq Study Group report" as a work, "the Korea Act"
_NAMED_THING_ENTS = frozenset({"PERSON", "EVENT", "LAW", "WORK_OF_ART"})


@dataclass(slots=True)
class Ref:
    """One resolved mention, as the history remembers it."""

    start: int  # token index
    end: int
    actor: str
    kind: str
    sent: int
    subject: bool
    in_quote: bool
    weight: float = 1.0  # grammatical prominence: subjects 1.0, objects 0.8, in a PP 0.5, modifiers 0.3
    rule: str = ""


@dataclass
class ActorTable:
    """The article's actors, created on first mention."""

    kb: Any
    on: str | None
    actors: dict[str, Actor] = field(default_factory=dict)

    def get(self, actor_id: str) -> Actor | None:
        return self.actors.get(actor_id)

    def from_kb(self, kb_id: str) -> Actor | None:
        if kb_id in self.actors:
            return self.actors[kb_id]
        ent = self.kb.entity(kb_id)
        if ent is None:
            return None
        kind = ent.kind if ent.kind in {"person", "country", "organization", "bloc", "group"} else "organization"
        code = None
        try:
            code = self.kb.code_for(kb_id, self.on)
        except (NewsgraphError, AttributeError):  # no code for this id (AttributeError: KB.code_for, str dates)
            code = getattr(ent, "code", None)
        actor = Actor(id=ent.id, name=ent.name, kind=kind, country=getattr(ent, "country", None),
                      code=code or getattr(ent, "code", None), kb_id=ent.id)
        if kind == "country":
            actor.country = ent.id
        if kind == "person":
            actor.roles = self._kb_roles(ent.id)
            if not actor.country:
                actor.country = next((r.of for r in actor.roles if r.of and len(r.of) == 3 and r.of.isupper()
                                      and self.kb.country(r.of) is not None), None)
        self.actors[actor.id] = actor
        return actor

    def _kb_roles(self, person_id: str) -> list[Role]:
        roles: list[Role] = []
        try:
            holdings = self.kb.roles(person_id, self.on) if self.on else self.kb.roles(person_id)
        except NewsgraphError:
            holdings = []
        for h in holdings:
            role = Role(title=h.title, of=h.of, start=iso(h.start), end=iso(h.end))
            if all((r.title, r.of) != (role.title, role.of) for r in roles):
                roles.append(role)
        return roles

    def text_person(self, name: str, country: str | None = None) -> Actor:
        aid = slug(name)
        actor = self.actors.get(aid)
        if actor is not None and actor.kind == "organization" and actor.kb_id is None and len(name.split()) >= 2:
            # a full name the tagger took for an organisation's ("Nikki Haley"), that the text now
            # shows is a person's: one actor, a person (an unknown name is no organisation by default)
            actor.kind = "person"
        core = given_name_key(name_core(name))
        if actor is None and len(core.split()) >= 2:
            # "Robert S. Mueller III", "Robert Mueller" and "Bob Mueller" in one article: one person
            # ("George Smith Sr." and "George Smith Jr." are two: differing suffixes keep them apart)
            actor = next((a for a in self.actors.values() if a.kind == "person" and not a.kb_id
                          and given_name_key(name_core(a.name)) == core and not (suffix_of(a.name) and suffix_of(name)
                                                                 and suffix_of(a.name) != suffix_of(name))), None)
        if actor is None:
            actor = Actor(id=aid, name=name, kind="person", country=country, code=None)
            self.actors[aid] = actor
        if country and not actor.country:
            actor.country = country
        return actor

    def organization(self, name: str) -> Actor:
        """The article's organisation of this name; a company's full and short names ("Northwind
        Technologies", later "Northwind") are one organisation (:func:`same_company`)."""
        aid = slug(name)
        if aid not in self.actors:
            same = [a for a in self.actors.values() if a.kind == "organization" and a.kb_id is None
                    and same_company(a.name, name)]
            if len(same) == 1:
                return same[0]
            self.actors[aid] = Actor(id=aid, name=name, kind="organization")
        return self.actors[aid]

    def sector(self, iso3: str | None, sector: str, qualifier: str | None = None) -> Actor:
        """The generic agent of a state (``RUSMIL``), or of no known state (``COP``); of one party
        or one named body when the text says which ("Republican senators" and "Democratic
        senators" are two groups, both ``USALEG``; "the FBI" is ``USACOP-FBI``)."""
        code = f"{iso3 or ''}{sector}"
        aid = f"{code}-{_initials(qualifier)}" if qualifier else code
        if aid not in self.actors:
            country = self.kb.country(iso3) if iso3 else None
            label = SECTOR_LABELS.get(sector[:3], sector.lower())
            if qualifier:
                label = f"{label}, {qualifier}"
            name = f"{country.name if country else iso3} ({label})" if iso3 else f"{label} (state unknown)"
            self.actors[aid] = Actor(id=aid, name=name, kind="group", country=iso3, code=code)
        return self.actors[aid]

    def members_group(self, org: Actor) -> Actor:
        aid = f"{org.id}-MEMBERS"
        if aid not in self.actors:
            members: list[str] = []
            if org.kb_id and self.on:
                try:
                    members = sorted({m.member for m in self.kb.members(org.kb_id, self.on) if m.status == "member"})
                except NewsgraphError:
                    members = []
            # an organisation of states has member states; a party, a militia or a legislature has members
            of_states = bool(members) or (org.code or "").startswith("IGO") or org.kind == "bloc"
            self.actors[aid] = Actor(id=aid, name=f"{org.name} {'member states' if of_states else 'members'}",
                                     kind="group", code=org.code, members=members)
        return self.actors[aid]

    def pair(self, a: Actor, b: Actor) -> Actor:
        """Two actors acting together ("the two presidents", "both countries")."""
        first, second = sorted([a, b], key=lambda x: x.id)
        aid = f"{first.id}+{second.id}"
        if aid not in self.actors:
            self.actors[aid] = Actor(id=aid, name=f"{first.name} and {second.name}", kind="group",
                                     members=[first.id, second.id])
        return self.actors[aid]

    def add_role(self, actor: Actor, title: str, of: str | None) -> None:
        if actor.kind != "person" or not title:
            return
        key = (title.lower(), of)
        if any((r.title.lower(), r.of) == key or (r.title.lower() == key[0] and not of) for r in actor.roles):
            return
        actor.roles.append(Role(title=title, of=of))


SECTOR_LABELS = {"GOV": "government", "MIL": "military", "COP": "police", "REB": "rebels", "OPP": "opposition",
                 "LEG": "legislature", "CVL": "civilians", "MED": "media", "JUD": "judiciary", "BUS": "business",
                 "SPY": "intelligence", "UAF": "armed group", "EDU": "education", "HLH": "health", "REF": "refugees",
                 "LAB": "labour", "IGO": "international organisation", "NGO": "non-governmental organisation",
                 "REL": "religious", "ELI": "elites", "AGR": "agriculture", "CRM": "criminals", "INS": "insurgents",
                 # CAMEO's religion and other group codes the agent table uses
                 "MUS": "Muslims", "CHR": "Christians", "JEW": "Jews", "HIN": "Hindus", "BUD": "Buddhists",
                 "ENV": "environmentalists", "PTY": "party", "HRI": "human rights", "RAD": "radicals",
                 "PPL": "people", "IMG": "migrants"}


def iso(value: Any) -> str | None:
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def token_columns(doc: Any) -> tuple[list[str], list[str], list[str], list[str], list[int], list[bool]]:
    """Texts, lower forms, POS, tags, character offsets and sentence starts of every token."""
    from spacy.attrs import IDX, ORTH, POS, SENT_START, TAG

    if len(doc) == 0:
        return [], [], [], [], [], []
    cols = doc.to_array([ORTH, POS, TAG, IDX, SENT_START]).T.tolist()
    strings = doc.vocab.strings
    words = [strings[h] for h in cols[0]]
    lower = [w.lower() for w in words]
    pos = [strings[h] if h else "" for h in cols[1]]
    tags = [strings[h] if h else "" for h in cols[2]]
    starts = [v == 1 for v in cols[4]]
    return words, lower, pos, tags, cols[3], starts


STARTERS = frozenset({"the", "both", "his", "her", "their", "he", "she", "him", "it", "its", "they", "them",
                       "members", "leaders"}) | lx.TITLE_FIRST_WORDS | lx.GROUP_FIRST_WORDS
INERT_POS = frozenset({"PUNCT", "SPACE", "AUX", "ADP", "CCONJ", "SCONJ", "PART", "NUM", "ADV", "SYM", "X",
                        "INTJ", "DET", "PRON"})


_BRACKETED = re.compile(r"[(\[].*[)\]]")
# a line that points elsewhere ("PHOTOS: ...", "READ MORE: ...", "WATCH: ..."); genre labels on the
# story itself ("OPINION:", "ANALYSIS:") are not asides
_LABEL_LINE = re.compile(r"(?:PHOTOS?|VIDEOS?|WATCH|LISTEN|READ(?: MORE)?|RELATED(?: [A-Z]+)?|SEE(?: ALSO)?|MORE|"
                         r"CLICK HERE|SLIDESHOW|GALLERY|SIGN UP|SUBSCRIBE)\s*:")


class State:
    """One article being resolved (see the module docstring)."""

    def __init__(self, analysis: Analysis, kb: Any):
        self.analysis = analysis
        self.doc = analysis.doc
        self.text = analysis.article.text
        self.kb = kb
        self.on = analysis.article.published
        self.table = ActorTable(kb, self.on)
        self.refs: list[Ref] = []  # resolved mentions in token order (filled progressively)
        self.claimed: set[int] = set()  # tokens already inside a resolved mention
        self.unresolved: list[dict[str, Any]] = []
        # plain lists of token attributes, read in one array: far cheaper than building Token objects
        self.words, self.lower, self.pos, self.tags, self.char_starts, starts = token_columns(self.doc)
        self.char_ends = [s + len(w) for s, w in zip(self.char_starts, self.words, strict=True)]
        spaces = [w.isspace() and "\n" in w for w in self.words]
        self.sent_of: dict[int, int] = {}
        si = -1
        for k, first in enumerate(starts):
            si += 1 if (first or k == 0) else 0
            self.sent_of[k] = si
        self.in_quote = self.quote_tokens(spaces)
        self.asides = self.aside_tokens()
        self.caps = self.caps_tokens()
        self.surnames: dict[str, list[str]] = {}  # normalised surname -> person actor ids (full names seen)
        self.surname_first: dict[str, str] = {}  # normalised surname -> the first of them
        self.surname_words: frozenset[str] | None = None  # words written after a given name as one name
        self.tagged_surname_words: frozenset[str] = frozenset()  # those of them tagged a person's (person_surnames)
        self.former_office: dict[str, str] = {}  # person id -> the sector of a title they held before
        self.text_gender: dict[str, str] = {}  # actor id -> "m"/"f" from the pronouns the text uses for them
        self._described: dict[tuple[str, int, bool], str | None] = {}  # (actor id, mentions, honorifics) -> gender
        self.surnames_for: Any = None  # the people and written names the index was built from
        self.given: dict[str, str | None] = {}  # normalised first name -> person actor id (None: shared)
        self.given_for = -1
        self.mentions: list[tuple[int, int, str, str, tuple[int, int] | None, float]] = []

    def aside_tokens(self) -> set[int]:
        """Tokens on lines that stand outside the story: a whole line in brackets or led by a label
        pointing elsewhere ("( PHOTOS: ... )", "READ MORE: ..."); never the first line (the headline).
        Their names are no antecedents."""
        def aside(k: int, line: str) -> bool:
            bare = line.strip()
            return k > 0 and bool(bare) and bool(_BRACKETED.fullmatch(bare) or _LABEL_LINE.match(bare))

        return self.line_tokens(aside)

    def caps_tokens(self) -> set[int]:
        """Tokens on lines written in capitals ("TRUMP WARNING", a subhead): there every word is
        capitalised, so a capital says nothing about where a name ends."""
        def in_capitals(_k: int, line: str) -> bool:
            words = re.findall(r"[^\W\d_]{2,}", line)
            return len(words) >= 2 and all(w.isupper() for w in words)

        return self.line_tokens(in_capitals)

    def line_tokens(self, keep: Callable[[int, str], bool]) -> set[int]:
        """The tokens of the text's lines (numbered from 0) for which ``keep(k, line)`` is true."""
        out: set[int] = set()
        pos = 0
        for k, line in enumerate(self.text.split("\n")):
            start, pos = pos, pos + len(line) + 1
            if keep(k, line):
                lo = bisect.bisect_left(self.char_starts, start)
                hi = bisect.bisect_left(self.char_starts, start + len(line))
                out.update(range(lo, hi))
        return out

    def quote_tokens(self, newline: list[bool]) -> set[int]:
        """Tokens inside quotation marks (for pronoun antecedents: quoted words do not speak)."""
        inside: set[int] = set()
        depth = False
        for k, ch in enumerate(self.words):
            if ch in {"“", "«", "„"} or (ch == '"' and not depth):
                depth = True
                continue
            if ch in {"”", "»"} or (ch == '"' and depth):
                depth = False
                continue
            if newline[k]:
                depth = False
            if depth:
                inside.add(k)
        return inside

    def is_subject(self, start: int, end: int) -> bool:
        span = self.doc[start:end]
        root = span.root
        return root.dep_ in SUBJECT_DEPS or (root.dep_ in {"compound", "appos", "conj"} and root.head.dep_ in SUBJECT_DEPS)

    def add(self, start: int, end: int, actor: Actor, rule: str, antecedent: Ref | None = None,
            confidence: float = 1.0, *, over_modifiers: bool = False) -> None:
        """Record a mention over tokens [start, end) for ``actor``.

        Tokens already in a mention are not taken twice, except that a title phrase may cover the
        names of the state or organisation that modify it (``over_modifiers``).
        """
        if start >= end:
            return
        if not over_modifiers and any(i in self.claimed for i in range(start, end)):
            return
        s_char = self.doc[start].idx
        if s_char > 0 and self.text[s_char - 1] in "#@":
            return  # "#ClimateStrike", "@JoshButler": a hashtag or a handle is a label, not a mention
        e_char = self.doc[end - 1].idx + len(self.doc[end - 1])
        ante = None
        if antecedent is not None:
            ante = (self.doc[antecedent.start].idx,
                    self.doc[antecedent.end - 1].idx + len(self.doc[antecedent.end - 1]))
        self.mentions.append((s_char, e_char, actor.id, rule, ante, confidence))
        self.claimed.update(range(start, end))
        ref = Ref(start, end, actor.id, actor.kind, self.sent_of.get(start, 0), self.is_subject(start, end),
                  start in self.in_quote, self.prominence(start, end), rule)
        bisect.insort(self.refs, ref, key=lambda r: r.start)

    def prominence(self, start: int, end: int) -> float:
        """How prominent the phrase is grammatically (centering: subjects are what a text is about)."""
        root = self.doc[start:end].root
        dep = root.dep_
        if dep in {"compound", "appos", "conj"} and root.head.i >= end:
            dep = root.head.dep_ if dep != "compound" else "compound"
        return {"nsubj": 1.0, "nsubjpass": 1.0, "csubj": 1.0, "agent": 0.9, "dobj": 0.8, "attr": 0.8,
                "pobj": 0.5, "compound": 0.3, "poss": 0.4, "amod": 0.3, "nmod": 0.3}.get(dep, 0.5)

    def add_nested(self, start: int, end: int, actor: Actor, rule: str) -> None:
        """A mention inside another actor's phrase ("Armenian" in "the Armenian Prime Minister")."""
        s_char = self.doc[start].idx
        e_char = self.doc[end - 1].idx + len(self.doc[end - 1])
        if any(m[0] == s_char and m[1] == e_char and m[2] == actor.id for m in self.mentions):
            return
        self.mentions.append((s_char, e_char, actor.id, rule, None, 1.0))

    def locative(self, start: int, end: int | None = None, *, strict: bool = False) -> bool:
        """Is the phrase at [start, end) a place where something happens rather than an actor? From
        the syntax: the object of a preposition of place ("talks in Geneva", "across Syria"), or
        of direction after a verb or noun of motion ("flew to Moscow"). As a subject, an object,
        a possessor, or after "on", "against", "with" ("sanctions on Tehran"), it is an actor. With
        ``strict`` (a city), a preposition of place makes it a place wherever it attaches."""
        end = end if end is not None else start + 1
        root = self.doc[start:end].root
        if root.dep_ in {"compound", "conj", "appos"} and root.head.i >= end:
            root = root.head if root.dep_ != "conj" else root
        if root.dep_ != "pobj":
            return False
        prep = root.head
        if prep.lower_ == "at" and (prep.head.lemma_.lower() in lx.AIMING_WORDS or any(
                o.dep_ == "dobj" and o.lemma_.lower() in lx.AIMING_WORDS and o.i < prep.i for o in prep.head.children)):
            return False  # "hit back at Turkey", "took a swipe at Paris": whom it is aimed at
        if prep.lower_ in lx.PLACE_PREPOSITIONS:
            # where the clause happens ("fighting continued in Syria", "talks in Geneva"); inside a
            # participant's description the state is part of who takes part ("the force in
            # Lebanon", "refugees in Hungary": CAMEO's target is that state)
            head = prep.head
            return strict or head.pos_ in {"VERB", "AUX"} or head.lemma_.lower() in lx.GATHERING_NOUNS
        if prep.lower_ in lx.DIRECTION_PREPOSITIONS:
            return prep.head.lemma_.lower() in lx.MOTION_VERBS
        return False

    def prefixed(self, start: int) -> bool:
        """A demonym or name glued to pro-/anti-/post- ("pro-Russian", "post-Soviet") names nobody."""
        if start >= 2 and self.doc[start - 1].text == "-":
            return (self.doc[start - 2].lower_ + "-") in lx.NEGATING_PREFIXES
        tok = self.doc[start]
        return tok.lower_.startswith(lx.NEGATING_PREFIXES)

    def choose_entry(self, h: Hit, in_person_ent: bool) -> Entry | None:
        order = ["person", "organization", "bloc", "country"] if in_person_ent else \
            ["organization", "country", "bloc", "person"]
        entries = sorted(h.entries, key=lambda e: (order.index(e.kind) if e.kind in order else 9,
                                                   0 if e.attr in NAME_ATTRS else 1))
        return entries[0] if entries else None

    def title_at(self, i: int) -> tuple[int, str] | None:
        """A title starting at token i: (end token, title text), longest first."""
        if self.lower[i] not in lx.TITLE_FIRST_WORDS:
            return None
        for length in (4, 3, 2, 1):
            if i + length > len(self.lower):
                continue
            words = " ".join(self.lower[i:i + length]).replace(" - ", "-")
            if lx.title_key(words) is not None and all(
                    self.pos[k] != "PUNCT" or self.words[k] == "-" for k in range(i, i + length)):
                if length == 1 and words in {"leader", "general", "chair", "speaker", "head"} and \
                        not self.words[i][0].isupper():
                    continue
                return i + length, self.doc[i:i + length].text
        return None

    def modifiers(self, start: int, end: int, hit_at: dict[int, Hit]
                   ) -> tuple[str | None, Actor | None, list[tuple[int, int]]]:
        """Country/organisation named among tokens [start, end) (demonyms, names, acronyms, capitals).

        Returns the country's ISO3, the organisation, and the token ranges that named the country.
        """
        iso3: str | None = None
        org: Actor | None = None
        used: list[tuple[int, int]] = []
        things: set[int] = set()  # tokens of a state's name that qualifies a thing
        j = start
        while j < end:
            h = hit_at.get(j)
            if h is not None and h.end <= end:
                e = self.choose_entry(h, False)
                if e is not None and e.kind == "country" and self.names_a_thing(h.end, end):
                    things.update(range(h.start, h.end))  # "Iraq war veteran X": the war's state, not the person's
                elif e is not None and e.kind == "country":
                    iso3 = e.kb_id
                    used.append((h.start, h.end))
                elif e is not None and e.kind == "organization":
                    org = self.table.from_kb(e.kb_id)
                j = h.end
                continue
            j += 1
        if iso3 is None and org is None:
            for t in self.doc[start:end]:
                if t.i in things:
                    continue
                for r in self.refs:
                    if r.start <= t.i < r.end:
                        a = self.table.get(r.actor)
                        if a and a.kind == "country" and self.names_a_thing(r.end, end):
                            continue
                        if a and a.kind == "country":
                            iso3 = a.id
                        elif a and a.kind == "organization":
                            org = a
        return iso3, org, used

    def names_a_thing(self, after: int, end: int) -> bool:
        """Does a state's name among a title's modifiers qualify a common noun of a thing before the
        title ("Iraq war veteran", "Syria policy adviser"), rather than the title or a body ("US
        Army general", "Iraqi Prime Minister")?"""
        k = after  # the word after the state's name (ending at ``after``), if it is no title's last word
        if k >= end - 1 or self.doc[k].pos_ != "NOUN" or self.doc[after - 1].pos_ != "PROPN" \
                or self.doc[after - 1].ent_type_ not in ("GPE", "LOC"):
            return False  # ("British music publicist": a demonym is the person's; "White House press ...")
        if k + 1 == end - 1 and lx.title_key(self.lower[k + 1]) is not None:
            return False  # "Russia trade minister", "press secretary": a portfolio before the title
        low, lemma = self.lower[k], self.doc[k].lemma_.lower()
        return lx.sector_of(low) is None and lx.sector_of(lemma) is None and lx.title_key(low) is None \
            and low not in lx.ROLE_NOUNS and lx.title_key(f"{low} {self.lower[k + 1]}") is None

    def chunk_start(self, i: int) -> int:
        """Leftmost token of the noun phrase whose modifiers start at i (determiner, adjectives, names,
        a possessor: "Russia's UN Ambassador", "his spokesman")."""
        j = i
        while j > 0:
            prev = self.doc[j - 1]
            if prev.text in {"’s", "'s"}:
                owner = prev.head if prev.dep_ == "case" else None
                if owner is not None and owner.dep_ == "poss" and owner.head.i >= i:
                    j = owner.left_edge.i
                    continue
                break
            if prev.i in self.claimed and not (prev.pos_ in {"ADJ", "PROPN"} and prev.head.i >= i) and \
                    not (prev.tag_ == "PRP$" and prev.head.i >= i):
                break
            if prev.dep_ in {"det", "amod", "compound", "nmod", "poss", "nummod"} and prev.head.i >= j:
                j -= 1  # a modifier of the head or of a modifier already taken ("*New* York Mayor")
                continue
            break
        if self.doc[i].ent_iob_ != "I":
            while j < i and self.doc[j].ent_iob_ in ("B", "I") and self.doc[j].ent_type_ in _NO_MODIFIER_ENTS:
                j += 1  # "told The Daily Beast President X": no title's modifier, a work's name
        return j

    def skip_ranks(self, i: int) -> int:
        """Skip military or police ranks between a title and a name ("spokesman Rear Admiral X")."""
        for length in (3, 2, 1):
            words = " ".join(t.lower_ for t in self.doc[i:i + length])
            if i + length <= len(self.doc) and words in lx.RANKS:
                return i + length
        return i

    def hits_in(self, start: int, end: int) -> list[Hit]:
        return [h for h in self.hits if start <= h.start and h.end <= end]

    def retarget(self, old: set[str], actor_id: str, renamed: str, rule: str, confidence: float) -> None:
        """The mentions and references of the actors ``old`` become ``actor_id``'s (one actor read
        as several until later evidence joined them); those made by rule ``renamed`` now carry
        ``rule`` and ``confidence``, the rest (pronouns ...) keep theirs."""
        for ref in self.refs:
            if ref.actor in old:
                ref.actor = actor_id  # (what later pronouns find)
        for j, (s, e, aid, r, ante, conf) in enumerate(self.mentions):
            if aid in old:
                self.mentions[j] = (s, e, actor_id, rule, ante, confidence) if r == renamed else \
                    (s, e, actor_id, r, ante, conf)

    def extend_mention(self, ref: Ref, new_start: int) -> None:
        if new_start >= ref.start:
            return
        s_char = self.doc[new_start].idx
        for k, (s, e, aid, rule, ante, conf) in enumerate(self.mentions):
            if s == self.doc[ref.start].idx and aid == ref.actor:
                self.mentions[k] = (s_char, e, aid, rule + "+title", ante, conf)
                break
        self.claimed.update(range(new_start, ref.start))
        ref.start = new_start
        ref.subject = self.is_subject(ref.start, ref.end)

    def is_state_or_org(self, i: int) -> bool:
        r = self.ref_at(i)
        a = self.table.get(r.actor) if r is not None else None
        return a is not None and a.kind in {"country", "organization"}

    def drop_mentions(self, start: int, end: int, kind: str) -> None:
        """Forget the mentions (and references) of actors of ``kind`` over tokens [start, end): a
        word read as a state that the phrase around it shows is only a place ("Washington" in
        "Washington governor X")."""
        if start >= end:
            return
        lo, hi = self.doc[start].idx, self.doc[end - 1].idx + len(self.doc[end - 1])

        def of_kind(aid: str) -> bool:
            actor = self.table.get(aid)
            return actor is not None and actor.kind == kind

        self.mentions = [m for m in self.mentions if not (lo <= m[0] and m[1] <= hi and of_kind(m[2]))]
        self.refs = [r for r in self.refs if not (start <= r.start and r.end <= end and of_kind(r.actor))]

    def nest_countries(self, ranges: list[tuple[int, int]], iso3: str | None) -> None:
        """The state a title belongs to is mentioned too ("Armenian" in "the Armenian Prime Minister")."""
        country = self.table.from_kb(iso3) if iso3 else None
        if country is not None:
            for s, e in ranges:
                self.add_nested(s, e, country, "title-country")

    def of_name(self, of: str) -> str:
        c = self.kb.country(of) if self.kb is not None else None
        if c is not None:
            return c.name
        a = self.table.get(of)
        return a.name if a else of

    def person_surnames(self, tagged: bool = False) -> frozenset[str]:
        """Words the article writes after a given name as one name ("Esteban Santiago"): surnames here.
        ``tagged``: only those the tagger takes for a person's there at least once ("Miss USA", "the
        George Washington Bridge" are no people)."""
        if self.surname_words is None:
            given = self.given_names()
            after = [k + 1 for k in range(len(self.doc) - 1)
                     if self.lower[k] in given and self.words[k][:1].isupper() and self.pos[k] == "PROPN"
                     and self.words[k + 1][:1].isupper() and self.pos[k + 1] == "PROPN"]
            self.surname_words = frozenset(self.lower[k] for k in after)
            words = self.surname_words
            self.tagged_surname_words = frozenset(
                self.lower[k] for k in range(1, len(self.doc))
                if self.lower[k] in words and self.doc[k].ent_type_ == "PERSON" and self.lower[k - 1] in given)
        return self.tagged_surname_words if tagged else self.surname_words

    def ref_at(self, i: int) -> Ref | None:
        return next((r for r in self.refs if r.start <= i < r.end), None)

    def named_in_apposition(self, head_i: int) -> tuple[Actor | None, Ref | None]:
        """The person whose name is set off after a description of them ("the German ambassador,
        Hans Meier, said", "Britain's top diplomat in the region, X,"): the appositive of the
        description's noun, when it is a name linked to a person."""
        for c in self.doc[head_i].children:
            if c.dep_ != "appos" or c.i <= head_i or c.pos_ != "PROPN":
                continue
            r = self.ref_at(c.i)
            a = self.table.get(r.actor) if r is not None else None
            if a is not None and a.kind == "person":
                return a, r
        return None, None

    def same_sentence(self, ok: Any, before: int) -> Ref | None:
        sent = self.sent_of.get(before, 0)
        for r in reversed(self.refs):
            if r.start >= before:
                continue
            if r.sent != sent:
                break
            a = self.table.get(r.actor)
            if a is not None and ok(a):
                return r
        return None

    def salient(self, ok: Any, before: int, decay: float = 0.8) -> Ref | None:
        """The most salient compatible actor before token ``before``: mentions weighted by recency and role."""
        sent = self.sent_of.get(before, 0)
        scores: dict[str, float] = {}
        last: dict[str, Ref] = {}
        for r in self.refs:
            if r.start >= before:
                break
            a = self.table.get(r.actor)
            if a is None or not ok(a):
                continue
            weight = r.weight * decay ** max(0, sent - r.sent)
            scores[r.actor] = scores.get(r.actor, 0.0) + weight
            last[r.actor] = r
        if not scores:
            return None
        best = max(scores, key=lambda k: (scores[k], last[k].start))
        return last[best]

    def is_adjective_form(self, start: int, end: int) -> bool:
        h = next((x for x in self.hits if x.start == start and x.end == end), None)
        return h is not None and any(e.attr in {"adjective", "demonym"} for e in h.entries)

    def described_gender(self, actor_id: str, honorifics: bool = True) -> str | None:
        """"m"/"f" from the words the text names a person with so far (a gendered description or
        title, "Roe, a spokeswoman", "Queen Rania"; with ``honorifics`` also "Mrs. Roe"), when they
        agree; else None."""
        key = (actor_id, len(self.refs), honorifics)
        if key in self._described:
            return self._described[key]
        seen = set()
        for r in self.refs:
            if r.actor != actor_id:
                continue
            for k in range(max(r.start - 1, 0), r.end):
                g = lx.GENDERED_WORDS.get(self.lower[k])
                if g is not None and not honorifics and self.lower[k] in lx.HONORIFICS:
                    continue
                # a description's word ("a spokeswoman"), or a title before a name ("Mrs. Roe", "Queen
                # Rania"); not a name's own last word ("Carole King", "Masayoshi Son")
                if g is not None and (self.doc[k].is_lower or (k <= r.start and k + 1 < r.end) or (
                        k == r.start - 1 and self.tags[k] == "NNP")):
                    seen.add(g)
        self._described[key] = seen.pop() if len(seen) == 1 else None
        return self._described[key]

    def recent_person(self, ok: Any, before: int, prefer_subject: bool = True, skip_quoted: bool = True) -> Ref | None:
        """The most recent compatible person: in the nearest sentence that has one, the subject of
        its main clause, else the latest subject, else the latest mention ("Mr. X said the vote
        did not faze him, since Mr. Y promised an open debate. “...,” he said": X, whose clause
        the sentence is, not Y, the subject of a clause inside it)."""
        sent = self.sent_of.get(before, 0)
        last = None  # the latest compatible person; then a subject of its sentence, if one is later
        subject = None  # the latest subject of that sentence
        for r in reversed(self.refs):  # (refs are in text order, so their sentences only go back)
            if r.start >= before or r.kind != "person" or r.start in self.asides or (skip_quoted and r.in_quote):
                continue
            if last is not None and r.sent != last.sent:
                break
            if not ok(self.table.get(r.actor)):
                continue
            if last is None:
                last = r
                if not prefer_subject or r.sent < sent - 5:
                    return r  # more than five sentences back: the latest, subject or not
            if r.subject:
                if main_clause_subject(self.doc[r.start:r.end].root):
                    return r
                subject = subject or r
        return subject or last

    def given_names(self) -> frozenset[str]:
        """The KB's given names that are no title or agent noun (its records include "Military
        Junta" and "Emperor Meiji": such first words are no sign of a person's name)."""
        return _given_names(self.kb) if self.kb is not None and hasattr(self.kb, "given_names") else frozenset()

    def kb_knows(self, word: str) -> bool:
        """Is the word a state, organisation or bloc form (so not a first name)?"""
        return any(e.kind != "person" for e in self.index.forms.get(word, ()))

    def inside_other_name(self, h: Any) -> bool:
        """Is the hit (a state's or a capital's name) a word of another name: a person's ("Victoria
        Toensing": the capital of Seychelles is her given name), an event's, a law's or a work's
        ("the Vietnam War"), or a body's or a building's after a person's given name ("the Ruth
        Victoria Lopez School": a body named after a person shares the person's name with a place)?
        Then it places no one."""
        ent = self.ent_of[h.start] if h.start < len(self.ent_of) else None
        if ent is None:
            return False
        if ent.label_ in _NAMED_THING_ENTS and (ent.end - ent.start) > (h.end - h.start):
            return True
        if ent.label_ not in {"ORG", "FAC"} or not ent.start < h.start < ent.end:
            return False
        given = self.given_names() or frozenset(lx.given_name_gender())
        return any(self.lower[k] in given for k in range(ent.start, h.start))  # (not "the Free Syrian
        # Army", "the Royal Jordanian Air Force": no person's given name before the state's)

    def country_in(self, tok: Any) -> str | None:
        qualified = self.qualified_country(tok)
        if qualified is not None:
            return qualified
        for t in tok.subtree:
            r = self.ref_at(t.i)
            x = self.table.get(r.actor) if r is not None else None
            if x is not None and x.kind == "country":
                return x.id
            h = next((h for h in self.hits if h.start == t.i), None)
            if h is not None and self.inside_other_name(h):
                continue
            iso3 = self.hit_country(h) if h is not None else None
            if iso3 is not None:
                return iso3
        return None

    def state_of_at(self, j: int) -> str | None:
        """The state in "of <state>" with "of" at token ``j`` ("King Abdullah *of Jordan*", "of the
        Netherlands")."""
        if j + 1 >= len(self.doc) or self.lower[j] != "of":
            return None
        h = self.hit_at.get(j + 1) or self.hit_at.get(j + 2)
        e = self.choose_entry(h, False) if h is not None else None
        return e.kb_id if e is not None and e.kind == "country" else None

    def hit_country(self, h: Any) -> str | None:
        """The state a phrase-index hit names (a country's name, adjective or capital), unless a
        qualifier after it puts the name elsewhere ("Athens, W.Va." is no Greek capital)."""
        e = self.choose_entry(h, False)
        if e is None or e.kind != "country":
            return None
        return self.qualified_country(self.doc[h.end - 1]) or e.kb_id

    def qualified_country(self, tok: Any) -> str | None:
        """The state of a place name with its region or country written after it ("Athens, W.Va.",
        "Moscow, Idaho"): that, not a famous homonym's ("Athens" alone is Greece's capital)."""
        if tok.pos_ != "PROPN":
            return None
        from ..places import qualifier_at, resolve_place

        found = qualifier_at(self.text, tok.idx + len(tok.text))
        if found is None:
            return None
        place = resolve_place(self.doc[tok.left_edge.i: tok.i + 1].text, qualifier=found[0], listing=found[1])
        return place.country if place is not None else None


TITLE_WORDS = re.compile(r"^(?:(?:mr|mrs|ms|dr|president|prime minister|minister|general|gen|sir|king|queen|"
                          r"senator|sen|sens|rep|reps|governor|gov|sgt|capt|maj|lt|col|brig|cmdr|cpl|pvt|pfc|spc|"
                          r"supt|det|insp|atty|amb|hon)\.?\s+)+", re.I)


SENTENCE_STARTERS = {"the", "a", "an", "in", "on", "at", "after", "before", "when", "while", "but", "and", "as",
                      "according", "former", "late", "then", "mr", "mrs", "ms", "dr", "by", "for", "with", "of"}


def same_company(a: str, b: str) -> bool:
    """Is one name the other with only legal-form or business-line words after it ("Northwind
    Technologies" and "Northwind", "Acme Corp." and "Acme")? Both keep at least one other word."""
    wa, wb = a.replace(".", " ").replace(",", " ").split(), b.replace(".", " ").replace(",", " ").split()
    short, full = (wa, wb) if len(wa) < len(wb) else (wb, wa)
    if not short or len(short) == len(full) or [w.lower() for w in full[:len(short)]] != [w.lower() for w in short]:
        return False
    return all(w.lower() in lx.CORPORATE_SUFFIXES for w in full[len(short):]) and not all(
        w.lower() in lx.CORPORATE_SUFFIXES for w in short)


def clean_person_name(text: str) -> str:
    name = text.strip().removeprefix("the ").removeprefix("The ")
    name = re.sub(r"[’']s$", "", name).strip()
    return TITLE_WORDS.sub("", name).strip()


def looks_like_org(name: str) -> bool:
    words = name.split()
    if not words or not name[:1].isupper():
        return False
    if len(words) == 1 and not name.isupper() and len(name) < 4:
        return False
    return not re.search(r"\b(Treaty|Agreement|Accord|Convention|Protocol|Charter|Act)$", name)


SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})


def suffix_of(name: str) -> str:
    """A name's generational suffix ("jr", "iii"), or ""."""
    words = norm(name).split()
    return words[-1] if len(words) > 2 and words[-1] in SUFFIXES else ""


def name_core(name: str) -> str:
    """A full name without middle initials and generational suffixes ("William P. Barr Jr." ->
    "william barr"): the form a news text may use for the same person."""
    words = norm(name).split()
    if len(words) > 2:
        words = [words[0], *[w for w in words[1:-1] if len(w) > 1], words[-1]]
    while len(words) > 2 and words[-1] in SUFFIXES:
        words.pop()
    return " ".join(w for w in words if w not in SUFFIXES or w is words[0])


# English given names and their usual short forms ("Nick Clegg" is "Nicholas Clegg"): each form ->
# one key. Only unambiguous pairs: "Al" (Alan, Albert, Alfred) or "Jack" (John, Jacob) are left out.
_GIVEN_NAME_FORMS = {
    "nicholas": ("nick", "nicky"), "william": ("bill", "billy", "will", "willie"), "robert": ("bob", "bobby", "rob"),
    "michael": ("mike", "mick"), "james": ("jim", "jimmy"), "thomas": ("tom", "tommy"), "joseph": ("joe", "joey"),
    "richard": ("dick", "rick", "rich", "richie"), "daniel": ("dan", "danny"), "david": ("dave",),
    "edward": ("ed", "ted", "eddie"), "kenneth": ("ken", "kenny"), "anthony": ("tony",), "christopher": ("chris",),
    "stephen": ("steve", "steven"), "matthew": ("matt",), "patrick": ("pat",), "samuel": ("sam",),
    "benjamin": ("ben",), "alexander": ("alex",), "andrew": ("andy",), "gregory": ("greg",),
    "jeffrey": ("jeff",), "gerald": ("jerry",), "lawrence": ("larry",), "ronald": ("ron", "ronnie"),
    "donald": ("don", "donnie"), "douglas": ("doug",), "frederick": ("fred", "freddie"), "eugene": ("gene",),
    "charles": ("chuck", "charlie"), "timothy": ("tim",), "vincent": ("vince",), "philip": ("phil",),
    "elizabeth": ("liz", "beth", "betsy"), "margaret": ("peggy", "maggie", "meg"), "catherine": ("kate", "cathy"),
    "susan": ("sue", "susie"), "jennifer": ("jenny", "jen"), "deborah": ("debbie", "deb"), "rebecca": ("becky",),
    "victoria": ("vicky",), "kimberly": ("kim",),
}
_GIVEN_KEY = {short: full for full, shorts in _GIVEN_NAME_FORMS.items() for short in shorts}


def given_name_key(core: str) -> str:
    """A name core with its first name in full form ("nick clegg" -> "nicholas clegg")."""
    first, _, rest = core.partition(" ")
    return f"{_GIVEN_KEY.get(first, first)} {rest}" if rest else core


def same_full_name(name: str, ent: Any) -> bool:
    """Is ``name`` (two words or more) one of the entity's full names, up to accents, middle
    initials, suffixes and the short form of the first name ("Nick Clegg", "Nicholas Clegg")?"""
    target = norm(name)
    forms = [ent.name, *(getattr(ent, "aliases", None) or [])]
    if any(norm(f) == target for f in forms):
        return True
    core = given_name_key(name_core(name))
    return len(core.split()) >= 2 and any(given_name_key(name_core(f)) == core
                                          for f in forms if len(norm(f).split()) >= 2)


def initials(name: str, skip: frozenset[str]) -> str:
    """The upper-case initials of a name's words but the ``skip`` words ("Federal Bureau of
    Investigation" -> "FBI")."""
    return "".join(w[0] for w in re.findall(r"[A-Za-z]+", name) if w.lower() not in skip).upper()


_KEY_SKIP = frozenset({"of", "the", "and", "for", "on"})


def _initials(name: str) -> str:
    """A body's key: the initials of a name of several words ("Federal Bureau of Investigation" and
    "FBI" are one body), else the word itself."""
    key = initials(name, _KEY_SKIP)  # (one letter a word)
    return key if len(key) > 1 else re.sub(r"[^A-Z0-9]+", "", name.upper())


# entities whose last words never modify a title or an agent noun after them (a work's, a law's name)
_NO_MODIFIER_ENTS = frozenset({"WORK_OF_ART", "LAW", "EVENT", "PRODUCT"})


@lru_cache(maxsize=1 << 16)  # pure, and called on the same names over and over
def norm(text: str) -> str:
    import unicodedata

    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    return re.sub(r"[^a-z]+", " ", text.lower()).strip()


def title_matches(role_title: str, title: str, office: str) -> bool:
    """Does a role's title name the same office as ``title``? Two known offices match only when
    they are one ("Premier" and "Prime Minister"; "Army Chief" is no "Chief", a "Vice President"
    no "President"). Otherwise the shorter title must be the longer one's head ("UN Chief" and
    "Chief") or its start before "of" ("Secretary" and "Secretary of State"), and the words
    added must not make another office ("Deputy Prime Minister" is no "Prime Minister")."""
    a, b = role_title.lower().strip(), title.lower().strip()
    if a == b:
        return True
    key_a, key_b = lx.title_key(a), lx.title_key(b) or office or None
    if key_a and key_b:
        return key_a == key_b
    wa, wb = a.replace("-", " ").split(), b.replace("-", " ").split()
    short, long = (wa, wb) if len(wa) <= len(wb) else (wb, wa)
    if not short or len(short) == len(long):
        return False
    if long[-len(short):] == short:  # the head: no word added that makes another office
        return not any(w in lx.NOT_THE_HOLDER for w in long[:-len(short)])
    return long[:len(short)] == short and long[len(short)] == "of"


def main_clause_subject(tok: Any) -> bool:
    """Is the subject token ``tok`` (or the name it is part of: a compound, an apposition, a
    conjunct) the subject of its sentence's main verb, or of a verb conjoined with that verb?"""
    while tok.dep_ in {"compound", "appos", "conj"} and tok.head.i != tok.i and tok.head.dep_ != "ROOT":
        tok = tok.head
    verb = tok.head
    if verb.dep_ == "conj" and verb.head.dep_ == "ROOT":
        verb = verb.head
    return verb.dep_ == "ROOT"


def kb_gender(kb: Any, actor: Actor | None) -> str | None:
    """"m", "f" or None: the KB's record of the person's gender only."""
    if actor is None or actor.kind != "person" or not actor.kb_id:
        return None
    return _kb_gender(kb, actor.kb_id)


def name_gender(actor: Actor | None) -> str | None:
    """"m", "f" or None: the pronoun the news uses for bearers of the person's given name
    (``actors/data/given_name_gender.tsv``)."""
    if actor is None or actor.kind != "person":
        return None
    return _name_gender(actor.name)


def gender_of(kb: Any, actor: Actor | None) -> str | None:
    """"m", "f" or None: the KB's record when it has one, else the given name's (:func:`name_gender`)."""
    return kb_gender(kb, actor) or name_gender(actor)


@lru_cache(maxsize=4096)
def _kb_gender(kb: Any, kb_id: str) -> str | None:
    ent = kb.entity(kb_id) if kb is not None else None
    g = str(getattr(ent, "gender", None) or "").lower()[:1]
    return g if g in {"m", "f"} else None


@lru_cache(maxsize=4096)
def _name_gender(name: str) -> str | None:
    words = [w for w in name.split() if w.lower().strip(".") not in lx.HONORIFICS]
    return lx.given_name_gender().get(words[0].lower()) if len(words) >= 2 else None


@cache
def _given_names(kb: Any) -> frozenset[str]:
    agents = lx.agents()
    return frozenset(w for w in kb.given_names()
                     if w not in lx.TITLE_FIRST_WORDS and lx.title_key(w) is None and w not in agents
                     and w not in lx.HONORIFICS and w not in lx.RANKS)
