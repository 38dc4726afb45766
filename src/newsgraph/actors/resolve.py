"""Resolve every actor mention in an article to a canonical actor, as of the article's date.

Two passes over the parsed article:

1. **Names.** Knowledge-base surface forms (people, states, organisations, blocs, demonyms,
   capitals and seats of power) and spaCy's named entities give the named mentions. Titles in
   front of a name ("Russian President Vladimir Putin") join the name's mention and give a role.
2. **References, in reading order, against what was said before** (the discourse history):
   surnames after full names, titles without names ("the Belarusian President": whoever held the
   office that day, from the KB), role descriptions ("the longtime Kremlin ally", "the Russian leader"),
   generic names of organisations ("the alliance", "the organisation"), groups of states
   ("the leaders", "members of the CSTO"), agents of states ("Hungarian officials" -> HUN
   government) and personal pronouns ("he added").

Every mention records the rule that linked it and, for references, its antecedent: each
resolution can be explained. Rules are general; nothing here knows any particular article.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from typing import Any

from ..errors import NewsgraphError
from ..model import Actor, Analysis, Mention, Role
from ..nlp import entities
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


# -------------------------------------------------------------------------------------------------
# the discourse history
# -------------------------------------------------------------------------------------------------

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
            role = Role(title=h.title, of=h.of, start=_iso(h.start), end=_iso(h.end))
            if all((r.title, r.of) != (role.title, role.of) for r in roles):
                roles.append(role)
        return roles

    def text_person(self, name: str, country: str | None = None) -> Actor:
        aid = slug(name)
        actor = self.actors.get(aid)
        if actor is None:
            actor = Actor(id=aid, name=name, kind="person", country=country, code=None)
            self.actors[aid] = actor
        if country and not actor.country:
            actor.country = country
        return actor

    def organization(self, name: str) -> Actor:
        aid = slug(name)
        if aid not in self.actors:
            self.actors[aid] = Actor(id=aid, name=name, kind="organization")
        return self.actors[aid]

    def sector(self, iso3: str, sector: str) -> Actor:
        aid = f"{iso3}{sector}"
        if aid not in self.actors:
            country = self.kb.country(iso3)
            label = {"GOV": "government", "MIL": "military", "COP": "police", "REB": "rebels", "OPP": "opposition",
                     "LEG": "legislature", "CVL": "civilians", "MED": "media", "JUD": "judiciary",
                     "BUS": "business", "SPY": "intelligence"}.get(sector[:3], sector.lower())
            name = f"{country.name if country else iso3} ({label})"
            self.actors[aid] = Actor(id=aid, name=name, kind="group", country=iso3, code=aid)
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
            self.actors[aid] = Actor(id=aid, name=f"{org.name} member states", kind="group", code=org.code,
                                     members=members)
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


def _iso(value: Any) -> str | None:
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


# -------------------------------------------------------------------------------------------------
# the resolver
# -------------------------------------------------------------------------------------------------

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


# words that may open a reference the second pass resolves (titles, groups, determiners, pronouns)
_STARTERS = frozenset({"the", "both", "his", "her", "their", "he", "she", "him", "it", "its", "they", "them",
                       "members", "leaders"}) | lx.TITLE_FIRST_WORDS | lx.GROUP_FIRST_WORDS
_INERT_POS = frozenset({"PUNCT", "SPACE", "AUX", "ADP", "CCONJ", "SCONJ", "PART", "NUM", "ADV", "SYM", "X",
                        "INTJ", "DET", "PRON"})


class Resolver:
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
        self.in_quote = self._quote_tokens(spaces)
        self._surnames: dict[str, str] = {}  # normalised surname -> person actor id (full names seen)
        self._surnames_for = -1  # how many people the index was built for
        self.mentions: list[tuple[int, int, str, str, tuple[int, int] | None, float]] = []

    # ---------------------------------------------------------------- helpers
    def _quote_tokens(self, newline: list[bool]) -> set[int]:
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

    def locative(self, start: int) -> bool:
        """Is the phrase starting at ``start`` the object of a locative preposition ("in Moscow")?"""
        i = start - 1
        while i >= 0 and self.doc[i].lower_ in {"the", "a", "an"}:
            i -= 1
        return i >= 0 and self.doc[i].lower_ in lx.LOCATIVE_PREPOSITIONS and self.doc[i].pos_ == "ADP"

    def prefixed(self, start: int) -> bool:
        """A demonym or name glued to pro-/anti-/post- ("pro-Russian", "post-Soviet") names nobody."""
        if start >= 2 and self.doc[start - 1].text == "-":
            return (self.doc[start - 2].lower_ + "-") in lx.NEGATING_PREFIXES
        tok = self.doc[start]
        return tok.lower_.startswith(lx.NEGATING_PREFIXES)

    # ---------------------------------------------------------------- pass 1: names
    def run(self) -> list[Actor]:
        self.index = phrase_index(self.kb) if self.kb is not None else PhraseIndex([])
        hits = self.index.match(self.doc, (self.char_starts, self.char_ends, self.words), self.text)
        # the dateline names where the story was filed, not an actor
        dl = self.analysis.article.dateline_span
        if dl is not None:
            self.claimed.update(k for k, c in enumerate(self.char_starts) if dl.start <= c < dl.end)
        hit_at = {h.start: h for h in hits}
        self.hits = hits
        self.hit_at = hit_at
        ents = [e for e in entities(self.analysis) if e.label_ in {"PERSON", "ORG", "NORP", "GPE", "LOC", "FAC"}]
        self._pass_names(hits, ents)
        self._pass_references(hit_at, ents)
        return self._finish()

    def _pass_names(self, hits: list[Hit], ents: list[Any]) -> None:
        person_ents = [e for e in ents if e.label_ == "PERSON"]
        covered: set[int] = {i for h in hits for i in range(h.start, h.end)}
        for h in hits:
            in_person_ent = any(e.start <= h.start and h.end <= e.end for e in person_ents)
            entry = self._choose_entry(h, in_person_ent)
            if entry is None:
                continue
            if entry.kind == "person":
                if entry.attr == "surname" or h.end - h.start == 1:
                    continue  # a bare surname is a reference: pass 2 decides
                actor = self._person_from_kb(h)
                if actor is not None:
                    self.add(h.start, h.end, actor, "kb-name")
                    covered.update(range(h.start, h.end))
                continue
            if entry.attr in {"adjective", "demonym"} and entry.kind == "country":
                continue  # adjectives are read inside noun phrases in pass 2
            if entry.attr in {"capital", "seat"}:
                continue  # metonyms depend on syntax: pass 2
            if self.prefixed(h.start):
                continue
            if entry.kind == "bloc" and h.end < len(self.doc) and self.doc[h.end].pos_ == "PROPN":
                continue  # "the West Bank", "West Africa": not the Western bloc
            actor = self.table.from_kb(entry.kb_id)
            if actor is None:
                continue
            start = h.start
            # "the United States" takes its article; "the UN chief" does not (the article is the chief's)
            if start > 0 and self.doc[start - 1].lower_ == "the" and self.index.takes_the(self.doc[h.start:h.end].text) \
                    and self.doc[h.start:h.end].root.dep_ not in {"compound", "amod", "nmod"}:
                start -= 1
            self.add(start, h.end, actor, f"kb-{entry.attr}")
            covered.update(range(h.start, h.end))
        # spaCy's people the KB does not know, if they look like full names
        for e in person_ents:
            if any(i in self.claimed for i in range(e.start, e.end)):
                continue
            toks = [t for t in e if t.is_alpha or t.text == "-"]
            name = _clean_person_name(e.text)
            if len(name.split()) < 2 or not toks or not all(t.text[:1].isupper() for t in e if t.is_alpha):
                continue  # a single word: only a reference (surname) can make it a person
            kb_person = self._kb_person_by_name(name)
            actor = kb_person or self.table.text_person(name)
            self.add(e.start, e.end, actor, "kb-name" if kb_person else "ner-person",
                     confidence=1.0 if kb_person else 0.8)
        # organisations spaCy found that the KB does not know
        for e in ents:
            if e.label_ != "ORG" or any(i in self.claimed for i in range(e.start, e.end)):
                continue
            if any(i in covered for i in range(e.start, e.end)):
                continue
            name = e.text[4:] if e.text.lower().startswith("the ") else e.text
            if not _looks_like_org(name) or name.lower() in lx.RANKS or name.lower() in lx.TITLES:
                continue
            self.add(e.start, e.end, self.table.organization(name), "ner-org", confidence=0.7)

    def _choose_entry(self, h: Hit, in_person_ent: bool) -> Entry | None:
        order = ["person", "organization", "bloc", "country"] if in_person_ent else \
            ["organization", "country", "bloc", "person"]
        entries = sorted(h.entries, key=lambda e: (order.index(e.kind) if e.kind in order else 9,
                                                   0 if e.attr in NAME_ATTRS else 1))
        return entries[0] if entries else None

    def _person_from_kb(self, h: Hit) -> Actor | None:
        ids = [e.kb_id for e in h.entries if e.kind == "person" and e.attr != "surname"]
        if not ids:
            return None
        if len(set(ids)) > 1:
            ranked = self._rank_people(set(ids))
            return self.table.from_kb(ranked[0]) if ranked else None
        return self.table.from_kb(ids[0])

    def _rank_people(self, ids: Iterable[str]) -> list[str]:
        """People holding an office on the article's date first, then the most recently active."""
        scored = []
        for pid in ids:
            try:
                roles = self.kb.roles(pid, self.on) if self.on else []
            except NewsgraphError:
                roles = []
            latest = ""
            try:
                for r in self.kb.roles(pid):
                    s = _iso(r.start) or ""
                    if (not self.on or s <= self.on) and s > latest:
                        latest = s
            except NewsgraphError:
                pass
            scored.append((1 if roles else 0, latest, pid))
        scored.sort(reverse=True)
        return [pid for _, _, pid in scored]

    def _kb_person_by_name(self, name: str) -> Actor | None:
        if self.kb is None:
            return None
        try:
            found = self.kb.find_people(name, self.on)
        except NewsgraphError:
            found = []
        full = [p for p in found if _same_full_name(name, p)]
        if not full:
            return None
        return self.table.from_kb(full[0].id)

    # ---------------------------------------------------------------- pass 2: references
    def _pass_references(self, hit_at: dict[int, Hit], ents: list[Any]) -> None:
        person_ent_at = {e.start: e for e in ents if e.label_ == "PERSON"}
        self.person_ent_at = person_ent_at
        norp_ent_at = {e.start: e for e in ents if e.label_ == "NORP"}
        i = 0
        n = len(self.doc)
        while i < n:
            if i in self.claimed:
                i += 1
                continue
            if self.pos[i] in _INERT_POS and self.lower[i] not in _STARTERS and i not in hit_at:
                i += 1  # nothing a rule below could start with
                continue
            consumed = (self._try_title_name(i) or self._try_title(i, hit_at) or self._try_pair(i)
                        or self._try_definite_agent(i) or self._try_group(i, hit_at)
                        or self._try_org_generic(i) or self._try_role_description(i, hit_at)
                        or self._try_agent(i, hit_at) or self._try_surname(i, hit_at, person_ent_at)
                        or self._try_metonym(i, hit_at) or self._try_demonym(i, hit_at, norp_ent_at)
                        or self._try_pronoun(i) or self._try_collective_pronoun(i)
                        or self._try_located_agent(i, hit_at))
            i = consumed if consumed else i + 1

    # -- titles --------------------------------------------------------------
    def _title_at(self, i: int) -> tuple[int, str] | None:
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

    def _modifiers(self, start: int, end: int, hit_at: dict[int, Hit]
                   ) -> tuple[str | None, Actor | None, list[tuple[int, int]]]:
        """Country/organisation named among tokens [start, end) (demonyms, names, acronyms, capitals).

        Returns the country's ISO3, the organisation, and the token ranges that named the country.
        """
        iso3: str | None = None
        org: Actor | None = None
        used: list[tuple[int, int]] = []
        j = start
        while j < end:
            h = hit_at.get(j)
            if h is not None and h.end <= end:
                e = self._choose_entry(h, False)
                if e is not None and e.kind == "country":
                    iso3 = e.kb_id
                    used.append((h.start, h.end))
                elif e is not None and e.kind == "organization":
                    org = self.table.from_kb(e.kb_id)
                j = h.end
                continue
            j += 1
        if iso3 is None and org is None:
            for t in self.doc[start:end]:
                for r in self.refs:
                    if r.start <= t.i < r.end:
                        a = self.table.get(r.actor)
                        if a and a.kind == "country":
                            iso3 = a.id
                        elif a and a.kind == "organization":
                            org = a
        return iso3, org, used

    def _chunk_start(self, i: int) -> int:
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
            if prev.dep_ in {"det", "amod", "compound", "nmod", "poss", "nummod"} and prev.head.i >= i:
                j -= 1
                continue
            break
        return j

    def _try_title_name(self, i: int) -> int | None:
        """[the] [demonym|country|org]* TITLE NAME: the title joins the following name's mention."""
        t = self._title_at(i)
        if t is None:
            return None
        end, title = t
        name_start = self._skip_ranks(end)
        nxt = next((r for r in self.refs if r.start == name_start), None)
        if nxt is None and name_start < len(self.doc) and self.pos[name_start] == "PROPN":
            # "President Bush": a surname after a title; resolve it now, preferring holders of the title
            self._try_surname(name_start, self.hit_at, self.person_ent_at)
            nxt = next((r for r in self.refs if r.start == name_start), None)
        if nxt is None or self.table.get(nxt.actor) is None or self.table.get(nxt.actor).kind != "person":
            return None
        start = self._chunk_start(i)
        iso3, org, used = self._modifiers(start, i, {h.start: h for h in self._hits_in(start, i)})
        self._nest_countries(used, iso3)
        if iso3 is None and self.doc[start].lower_ in {"his", "her"}:  # "his spokesman X": the possessor's state
            owner = self._ref_at(start) or self._recent_person(lambda a: True, start)
            owner_actor = self.table.get(owner.actor) if owner is not None else None
            iso3 = owner_actor.country if owner_actor is not None else None
            start += 1
        person = self.table.get(nxt.actor)
        self.table.add_role(person, lx.display_title(title), iso3 or (org.id if org else None))
        if iso3 and not person.country:
            person.country = iso3
        # extend the name's mention to the whole title phrase
        self._extend_mention(nxt, start)
        return end

    def _skip_ranks(self, i: int) -> int:
        """Skip military or police ranks between a title and a name ("spokesman Rear Admiral X")."""
        for length in (3, 2, 1):
            words = " ".join(t.lower_ for t in self.doc[i:i + length])
            if i + length <= len(self.doc) and words in lx.RANKS:
                return i + length
        return i

    def _hits_in(self, start: int, end: int) -> list[Hit]:
        return [h for h in self.hits if start <= h.start and h.end <= end]

    def _extend_mention(self, ref: Ref, new_start: int) -> None:
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

    def _try_title(self, i: int, hit_at: dict[int, Hit]) -> int | None:
        """A title with no name: "the Belarusian President", "the President of Belarus", "the CSTO Secretary General"."""
        # find a title starting at i, with modifiers starting at i (determiner / demonym / org)
        if not any(w in lx.TITLE_FIRST_WORDS for w in self.lower[i:i + 6]):
            return None
        start = i
        j = i
        while j < len(self.doc) and j - i < 6:
            t = self._title_at(j)
            if t is not None:
                break
            tok = self.doc[j]
            if tok.lower_ in {"the", "a", "an"} and j == i:
                j += 1
                continue
            if tok.pos_ in {"ADJ", "PROPN", "NOUN"} and tok.dep_ in {"amod", "compound", "nmod", "poss"} and (
                    tok.i not in self.claimed or self._is_state_or_org(tok.i)):
                j += 1
                continue
            if tok.text in {"’s", "'s"}:  # "Qatar's prime minister"
                j += 1
                continue
            return None
        else:
            return None
        start = min(i, self._chunk_start(j))  # possessors and modifiers already named ("Qatar's")
        end, title = t
        if end < len(self.doc) and (end in self.claimed and self._ref_at(end) and
                                    self.table.get(self._ref_at(end).actor).kind == "person"):
            return None  # a name follows: _try_title_name handles it
        head = self.doc[end - 1]
        if head.tag_ in {"NNS", "NNPS"} or (head.lower_.endswith("s") and head.lower_ not in {"ambassadors"} and \
                lx.title_key(head.lower_[:-1])):
            return None  # plural titles are groups
        iso3, org, used = self._modifiers(start, j, hit_at)
        self._nest_countries(used, iso3)
        pp_end = end
        if iso3 is None and org is None and end + 1 < len(self.doc) and self.doc[end].lower_ == "of":
            k = end + 1
            while k < len(self.doc) and self.doc[k].lower_ == "the":
                k += 1
            h = hit_at.get(k)
            if h is not None:
                e = self._choose_entry(h, False)
                if e is not None and e.kind == "country":
                    iso3, pp_end = e.kb_id, h.end
                elif e is not None and e.kind == "organization":
                    org, pp_end = self.table.from_kb(e.kb_id), h.end
        if start == j and not self.doc[j].text[0].isupper():
            return None  # "president" in running text without a determiner is not a reference
        office = lx.title_key(title) or ""
        of = iso3 or (org.id if org else None)
        person, ante, rule = self._appositive_person(self.doc[j:end].root.i)
        if person is None and any(self.lower[k].rstrip("-") in lx.NOT_THE_HOLDER for k in range(start, j)):
            return None  # "the former president", "the deputy chief": not today's office holder
        if person is None:
            person, ante, rule = self._holder(office, lx.display_title(title), of)
        if person is None:
            if self.doc[start].lower_ != "the" or of is None:
                return None
            person = self.table.text_person(f"{lx.display_title(title)} of {self._of_name(of)}", iso3)
            rule = "title-unnamed"
        self.table.add_role(person, lx.display_title(title), of)
        if pp_end > end and org is not None:
            self.add(start, end, person, rule, ante, over_modifiers=True)
            self.add(end + 2 if self.doc[end + 1].lower_ == "the" else end + 1, pp_end, org, "kb-name")
            return pp_end
        self.add(start, end, person, rule, ante, over_modifiers=True)
        return end

    def _appositive_person(self, head_i: int) -> tuple[Actor | None, Ref | None, str]:
        """A title in apposition to a name is that person: "Mohammad Bagheri, the chief of staff"."""
        head = self.doc[head_i]
        while head.dep_ in {"compound", "amod", "pobj", "prep"} and head.head.i != head.i and head.dep_ != "appos":
            if head.dep_ in {"pobj", "prep"} and head.head.i < head_i - 3:
                break
            head = head.head
        if head.dep_ != "appos":
            return None, None, ""
        r = self._ref_at(head.head.i)
        a = self.table.get(r.actor) if r is not None else None
        if a is not None and a.kind == "person":
            return a, r, "title-appos"
        return None, None, ""

    def _is_state_or_org(self, i: int) -> bool:
        r = self._ref_at(i)
        a = self.table.get(r.actor) if r is not None else None
        return a is not None and a.kind in {"country", "organization"}

    def _nest_countries(self, ranges: list[tuple[int, int]], iso3: str | None) -> None:
        """The state a title belongs to is mentioned too ("Armenian" in "the Armenian Prime Minister")."""
        country = self.table.from_kb(iso3) if iso3 else None
        if country is not None:
            for s, e in ranges:
                self.add_nested(s, e, country, "title-country")

    def _of_name(self, of: str) -> str:
        c = self.kb.country(of) if self.kb is not None else None
        if c is not None:
            return c.name
        a = self.table.get(of)
        return a.name if a else of

    def _holder(self, office: str, title: str, of: str | None) -> tuple[Actor | None, Ref | None, str]:
        """Who holds ``title`` of ``of``: a person already in the article with that role, else the KB."""
        for r in reversed(self.refs):
            a = self.table.get(r.actor)
            if a is None or a.kind != "person":
                continue
            for role in a.roles:
                if _title_matches(role.title, title, office) and (of is None or role.of == of):
                    return a, r, "title-coref"
        if of is None or self.kb is None or not self.on:
            return None, None, ""
        try:
            holders = self.kb.who(title, of, self.on)
        except NewsgraphError:
            holders = []
        if not holders and office in {"leader", "head_of_state", "head"}:
            # "the Russian leader", "the UN chief": whoever heads that state or organisation
            is_state = self.kb.country(of) is not None
            alts = ("head_of_state", "head_of_government") if is_state else ("secretary_general", "president", "chair")
            for alt in alts:
                try:
                    holders = self.kb.holders(alt, of, self.on)
                except NewsgraphError:
                    holders = []
                if holders:
                    break
        if holders:
            actor = self.table.from_kb(holders[0].person_id)
            return actor, None, "title-kb"
        return None, None, ""

    def _ref_at(self, i: int) -> Ref | None:
        return next((r for r in self.refs if r.start <= i < r.end), None)

    # -- groups ----------------------------------------------------------------
    def _try_pair(self, i: int) -> int | None:
        """"the two presidents", "both countries", "the two sides": the last two such actors named."""
        if self.lower[i] not in {"the", "both"} or i + 1 >= len(self.doc):
            return None
        k = i + 1 if self.lower[i] == "both" else i + 2
        if self.lower[i] == "the" and (k > len(self.doc) or self.lower[i + 1] != "two"):
            return None
        if k >= len(self.doc):
            return None
        noun = self.lower[k]
        if noun in {"presidents", "leaders", "ministers", "premiers", "men", "women", "heads"}:
            kinds = {"person"}
        elif noun in {"countries", "states", "nations", "sides", "governments", "neighbours", "neighbors"}:
            kinds = {"country"}
        else:
            return None
        seen: list[Actor] = []
        for r in reversed(self.refs):
            if r.start >= i:
                continue
            a = self.table.get(r.actor)
            if a is not None and a.kind in kinds and a not in seen:
                seen.append(a)
            if len(seen) == 2 or self.sent_of.get(i, 0) - r.sent > 3:
                break
        if len(seen) < 2:
            return None
        self.add(i, k + 1, self.table.pair(seen[1], seen[0]), "pair", None, 0.7)
        return k + 1

    def _try_definite_agent(self, i: int) -> int | None:
        """"the peacekeepers", "the troops" after "several Russian battalions": the agents named before."""
        if self.lower[i] != "the" or i + 1 >= len(self.doc) or (i + 1) in self.claimed:
            return None
        noun = self.doc[i + 1]
        if noun.tag_ != "NNS":
            return None
        sector = lx.sector_of(noun.lower_)
        if sector is None:
            return None
        sent = self.sent_of.get(i, 0)
        for r in reversed(self.refs):
            if r.start >= i:
                continue
            if sent - r.sent > 3:
                break
            a = self.table.get(r.actor)
            if a is not None and a.kind == "group" and a.code and a.code[3:6] == sector[:3]:
                self.add(i, i + 2, a, "agent-coref", r, 0.7)
                return i + 2
        return None

    def _try_group(self, i: int, hit_at: dict[int, Hit]) -> int | None:
        """Groups of states acting together: "the leaders", "members of the CSTO", "CSTO member states"."""
        if self.lower[i] not in lx.GROUP_FIRST_WORDS or i in self.claimed:
            return None
        tok = self.doc[i]
        # the head noun of a plural group phrase
        head = None
        for length in (2, 1):
            words = " ".join(t.lower_ for t in self.doc[i:i + length])
            if words in lx.GROUP_NOUNS and self.doc[i + length - 1].tag_ in {"NNS", "NNPS", "NN"}:
                head = (i, i + length)
                break
        if head is None:
            return None
        start = self._chunk_start(i)
        if start < i and self.doc[start].lower_ not in {"the", "its", "their"} and not any(
                h for h in self._hits_in(start, i)):
            start = i
        end = head[1]
        # "heads of state", "leaders of the states", "members of the X"
        org: Actor | None = None
        _, org_mod, _ = self._modifiers(start, i, hit_at)
        org = org_mod
        k = end
        if k < len(self.doc) and self.doc[k].lower_ == "of":
            m = k + 1
            while m < len(self.doc) and (self.doc[m].lower_ in {"the"} or self.doc[m].dep_ in {"amod", "compound", "npadvmod"}
                                         or self.doc[m].text == "-") and m - k < 8:
                r = self._ref_at(m)
                if r is not None and self.table.get(r.actor) and self.table.get(r.actor).kind == "organization":
                    break
                m += 1
            r = self._ref_at(m)
            if r is not None and self.table.get(r.actor) and self.table.get(r.actor).kind == "organization":
                org = self.table.get(r.actor)
            elif m < len(self.doc) and self.doc[m].lower_ in {"state", "government", "states"}:
                end = m + 1
        if org is None and tok.lower_ in {"ministers", "presidents", "premiers", "states"} and start == i:
            return None
        if org is not None:
            group = self.table.members_group(org)
            self.add(start, end, group, "group-of-org", over_modifiers=True)
            return end
        if self.doc[start].lower_ not in {"the"}:
            return None
        # a bare definite group: the group spoken of before, else the members of the salient organisation
        for r in reversed(self.refs):
            if r.start < start and r.actor.endswith("-MEMBERS"):
                self.add(start, end, self.table.get(r.actor), "group-coref", r)
                return end
        org_ref = self._salient(lambda a: a.kind == "organization" and a.kb_id is not None, start)
        if org_ref is not None:
            group = self.table.members_group(self.table.get(org_ref.actor))
            self.add(start, end, group, "group-salient-org", org_ref, 0.7)
            return end
        return None

    # -- organisations referred to generically -------------------------------------
    def _try_org_generic(self, i: int) -> int | None:
        """An organisation referred to by a common noun: "the alliance", "the Russia-led bloc",
        "the Eurasian security and economic bloc". Modifiers that name a state ("Russia-led") keep
        the reference to organisations that state belongs to, when the KB knows the membership."""
        if self.lower[i] != "the" or i + 1 >= len(self.doc):
            return None
        if not any(w in lx.ORG_GENERICS for w in self.lower[i + 1:i + 9]):
            return None
        k = i + 1
        while k < len(self.doc) and k - i <= 7 and self.doc[k].lower_ not in lx.ORG_GENERICS and (
                self.doc[k].pos_ in {"ADJ", "NOUN", "PROPN", "CCONJ", "NUM", "VERB", "ADV"} or self.doc[k].text == "-"):
            k += 1
        if k >= len(self.doc):
            return None
        nxt = self.doc[k]
        if nxt.lower_ not in lx.ORG_GENERICS or nxt.i in self.claimed or nxt.tag_ not in {"NN", "NNP"}:
            return None
        if not nxt.text.islower():
            return None  # "the Atlantic Alliance", "the Alliance Party": capitalised, a name
        if k + 1 < len(self.doc) and self.doc[k + 1].pos_ in {"PROPN"}:
            return None
        generic = lx.ORG_GENERICS[nxt.lower_]
        member = next((self._ref_at(x).actor for x in range(i + 1, k)
                       if self._ref_at(x) is not None and self._ref_at(x).kind == "country"), None)

        def compatible(a: Actor) -> bool:
            if a.kind not in {"organization", "bloc"}:
                return False
            if member is not None and a.kb_id and self.on:
                try:
                    if member not in {m.member for m in self.kb.members(a.kb_id, self.on)}:
                        return False
                except NewsgraphError:
                    return False
            if generic in {"bloc", "group", "body"}:
                return True
            names = [a.name]
            ent = self.kb.entity(a.kb_id) if (self.kb is not None and a.kb_id) else None
            if ent is not None:
                names += list(getattr(ent, "aliases", []) or [])
            low = [n.lower().replace("organisation", "organization") for n in names]
            if generic == "alliance":  # military alliances: treaty, pact and security organisations
                return any(w in n for n in low for w in ("alliance", "treaty", "pact", "security", "defence", "defense"))
            return any(generic in n for n in low)

        # the nearest compatible organisation in the same sentence; else the one this generic noun
        # already named in the article ("the organisation" keeps its referent); else the most salient
        ref = self._same_sentence(compatible, i)
        rule = "org-generic-sentence"
        if ref is None:
            ref = next((r for r in reversed(self.refs) if r.start < i and r.rule.startswith("org-generic")
                        and self.doc[r.end - 1].lower_ == nxt.lower_ and compatible(self.table.get(r.actor))), None)
            rule = "org-generic-chain"
        if ref is None:
            ref = self._salient(compatible, i)
            rule = "org-generic-salience"
        if ref is None:
            return None
        self.add(i, k + 1, self.table.get(ref.actor), rule, ref, 0.8, over_modifiers=True)
        return k + 1

    def _same_sentence(self, ok: Any, before: int) -> Ref | None:
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

    def _salient(self, ok: Any, before: int, decay: float = 0.8) -> Ref | None:
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

    # -- role descriptions -------------------------------------------------------------
    def _try_role_description(self, i: int, hit_at: dict[int, Hit]) -> int | None:
        """A definite description of a person: "the longtime Kremlin ally", "the Russian leader"."""
        if self.lower[i] not in {"the", "his", "her", "their"} or \
                not any(w in lx.ROLE_NOUNS for w in self.lower[i + 1:i + 7]):
            return None
        j = i + 1
        while j < len(self.doc) and j - i < 6 and self.doc[j].dep_ in {"amod", "compound", "nmod", "advmod"} and \
                self.doc[j].pos_ in {"ADJ", "PROPN", "NOUN", "ADV"}:
            j += 1
        if j >= len(self.doc):
            return None
        head = self.doc[j]
        if head.lower_ not in lx.ROLE_NOUNS or head.tag_ not in {"NN", "NNP"} or head.i in self.claimed:
            return None
        if j + 1 < len(self.doc) and self.doc[j + 1].lower_ == "of":
            return None  # "the leader of X": a title phrase
        nxt = self._ref_at(self._skip_ranks(j + 1)) if j + 1 < len(self.doc) else None
        if nxt is not None and nxt.kind == "person" and nxt.start == self._skip_ranks(j + 1):
            return None  # "his spokesman Serhiy Nykyforov": a title before a name
        iso3, _org, used = self._modifiers(i + 1, j, hit_at)
        # "the longtime Kremlin ally": a name as noun modifier is the other side of the relation;
        # "his Tajik counterpart": a demonym adjective is the person's own nationality
        by_adjective = any(self._is_adjective_form(s_, e_) for s_, e_ in used)
        relational = head.lower_ in lx.RELATIONAL_ROLE_NOUNS and not by_adjective

        office = lx.title_key(head.lower_)
        titled = office is not None and office not in {"leader"} and head.lower_ not in {"ruler", "strongman"}

        def ok(a: Actor) -> bool:
            if a.kind != "person":
                return False
            if titled and not any(_title_matches(r.title, head.text, office or "") for r in a.roles):
                return False  # "the former president" is somebody who was a president
            if relational:
                return iso3 is None or a.country != iso3
            return iso3 is None or a.country == iso3

        ref = self._recent_person(ok, i, prefer_subject=True)
        if ref is not None:
            self.add(i, j + 1, self.table.get(ref.actor), "role-description", ref, 0.8)
            return j + 1
        if not relational and iso3 is not None and head.lower_ in {"leader", "president", "premier", "ruler", "strongman"}:
            person, ante, _ = self._holder(lx.title_key(head.lower_) or "leader", lx.display_title(head.text), iso3)
            if person is not None:
                self.add(i, j + 1, person, "role-description-kb", ante, 0.8)
                return j + 1
        if head.lower_ == "counterpart" and iso3 is not None and self.doc[i].lower_ in {"his", "her"}:
            # "his Tajik counterpart": the holder of the possessor's office in that state
            owner = self._recent_person(lambda a: a.country != iso3, i)
            owner_actor = self.table.get(owner.actor) if owner is not None else None
            for role in (owner_actor.roles if owner_actor is not None else []):
                person, _, _ = self._holder(lx.title_key(role.title) or "", role.title, iso3)
                if person is not None:
                    self.add(i, j + 1, person, "counterpart-kb", owner, 0.7)
                    return j + 1
        return None

    def _is_adjective_form(self, start: int, end: int) -> bool:
        h = next((x for x in self.hits if x.start == start and x.end == end), None)
        return h is not None and any(e.attr in {"adjective", "demonym"} for e in h.entries)

    def _recent_person(self, ok: Any, before: int, prefer_subject: bool = True, skip_quoted: bool = True) -> Ref | None:
        """The most recent compatible person: subjects of the nearest sentence first."""
        sent = self.sent_of.get(before, 0)
        cands = [r for r in self.refs if r.start < before and r.kind == "person"
                 and (not skip_quoted or not r.in_quote) and ok(self.table.get(r.actor))]
        if not cands:
            return None
        for s in range(sent, max(-1, sent - 6), -1):
            in_s = [r for r in cands if r.sent == s]
            if not in_s:
                continue
            subs = [r for r in in_s if r.subject] if prefer_subject else []
            return (subs or in_s)[-1]
        return cands[-1]

    # -- agents of states: "Russian troops", "Kenyan and Ugandan officials" ----------
    def _try_agent(self, i: int, hit_at: dict[int, Hit]) -> int | None:
        h = hit_at.get(i)
        if h is None or i in self.claimed:
            return None
        e = self._choose_entry(h, False)
        if e is None or e.kind != "country" or self.prefixed(i):
            return None
        # the noun this country word modifies, possibly through a conjunction ("Kenyan and Ugandan officials")
        tok = self.doc[h.end - 1]
        head = tok.head
        if tok.dep_ == "conj":
            head = tok.head.head if tok.head.dep_ in {"amod", "compound", "nmod", "poss"} else tok.head
        if tok.dep_ == "poss" or (h.end < len(self.doc) and self.doc[h.end].text in {"’s", "'s"}):
            head = tok.head
        if head.i <= tok.i or head.pos_ not in {"NOUN", "PROPN"}:
            return None
        phrase = " ".join(t.lower_ for t in self.doc[tok.i + 1: head.i + 1] if t.is_alpha)
        sector = lx.sector_of(phrase) if phrase else None
        if sector is None or lx.title_key(head.lower_) or lx.title_key(phrase) or (
                head.lower_ in lx.ROLE_NOUNS and head.tag_ == "NN"):
            return None  # "British Defence Secretary Tom King" is a person's title, not an agent group
        actor = self.table.sector(e.kb_id, sector[:3])
        end = head.i + 1 if tok.dep_ != "conj" and all(j not in self.claimed for j in range(i, head.i + 1)) else h.end
        if tok.dep_ == "conj" or any(c.dep_ == "conj" for c in tok.children) or any(
                c.dep_ == "cc" for c in tok.children):
            end = h.end  # a coordinated modifier: each country keeps its own word
        self.add(i, end, actor, "agent", confidence=0.9)
        return end

    # -- surnames, metonyms, demonyms, pronouns ------------------------------------------
    def _try_surname(self, i: int, hit_at: dict[int, Hit], person_ent_at: dict[int, Any]) -> int | None:
        if not self.words[i][:1].isupper() or self.pos[i] not in {"PROPN", "NOUN", "ADJ", "VERB"}:
            return None
        ent = person_ent_at.get(i)
        if ent is None and i not in hit_at and self.words[i].isascii() and self.lower[i] not in self._surname_index():
            return None  # a capitalised word that is no surname seen yet, no KB form and no person name
        tok = self.doc[i]
        end = i + 1
        if ent is not None:
            end = ent.end
        word = self.doc[i:end].text
        # after a full name in this article (anywhere: headlines come before bodies)
        aid = self._surname_index().get(_norm(word))
        if aid is not None:
            a = self.table.get(aid)
            ante = next((r for r in self.refs if r.actor == a.id), None)
            self.add(i, end, a, "surname", ante)
            return end
        h = hit_at.get(i)
        is_person_word = ent is not None or (i > 0 and self.doc[i - 1].lower_ in lx.HONORIFICS)
        surname_entries = [e for e in (h.entries if h is not None else ()) if e.kind == "person"
                           and (e.attr == "surname" or h.end - h.start == 1)]
        if surname_entries and (is_person_word or tok.pos_ == "PROPN"):
            if any(e.kind != "person" for e in h.entries) and ent is None:
                return None
            ranked = self._rank_people({e.kb_id for e in surname_entries})
            recent = [pid for pid in ranked if self._recently_active(pid)]
            if recent and (is_person_word or self._in_office(recent[0])):
                actor = self.table.from_kb(recent[0])
                if actor is not None:
                    conf = 0.8 if self._in_office(recent[0]) else 0.6
                    self.add(h.start, h.end, actor, "kb-surname", confidence=conf)
                    return h.end
        if ent is None:
            return None
        if i > 0 and self.doc[i - 1].lower_ in lx.HONORIFICS:
            actor = self.table.text_person(_clean_person_name(ent.text))
            self.add(i - 1, ent.end, actor, "honorific-name", confidence=0.7)
            return ent.end
        full = self._full_name_in_text(word)
        if full is not None:
            actor = self.table.text_person(full)
            self.add(i, end, actor, "surname-of-full-name", confidence=0.7)
            return end
        self.unresolved.append({"text": ent.text, "start": ent.start_char, "end": ent.end_char,
                                "why": "a single name with no full name in the article and no KB match"})
        return None

    def _surname_index(self) -> dict[str, str]:
        """Normalised surnames (last one or two name words) of the people named so far -> actor id."""
        people = [a for a in self.table.actors.values() if a.kind == "person"]
        if len(people) != self._surnames_for:
            index: dict[str, str] = {}
            for a in people:
                forms = [a.name]
                ent = self.kb.entity(a.kb_id) if (self.kb is not None and a.kb_id) else None
                if ent is not None:
                    forms += list(getattr(ent, "aliases", None) or [])
                for f in forms:
                    parts = _norm(f).split()
                    if len(parts) >= 2:
                        index.setdefault(parts[-1], a.id)
                        index.setdefault(" ".join(parts[-2:]), a.id)
            self._surnames = index
            self._surnames_for = len(people)
        return self._surnames

    def _full_name_in_text(self, surname: str) -> str | None:
        """The full name the article gives somewhere for a surname spaCy tagged as a person
        ("Kirsten Gillibrand" for "Gillibrand"), when the parser missed it; records that mention too."""
        pat = re.compile(r"((?:[A-Z][\w'’\-]+ ){1,3})" + re.escape(surname) + r"(?: [A-Z][\w'’\-]+)?(?=\W|$)")
        for m in pat.finditer(self.text):
            given = m.group(1).split()
            while given and (given[0].lower() in lx.TITLES or given[0].lower() in lx.HONORIFICS
                             or given[0].lower() in _SENTENCE_STARTERS or self.kb_knows(given[0])):
                given = given[1:]
            if not given:
                continue
            name = " ".join([*given, m.group(0)[len(m.group(1)):]]).strip()
            span = self.doc.char_span(m.end() - len(name), m.end(), alignment_mode="contract")
            if span is not None and not any(t.i in self.claimed for t in span):
                self.add(span.start, span.end, self.table.text_person(name), "full-name-in-text", confidence=0.7)
            return name
        return None

    def kb_knows(self, word: str) -> bool:
        """Is the word a state, organisation or bloc form (so not a first name)?"""
        return any(e.kind != "person" for e in self.index.forms.get(word, ()))

    def _recently_active(self, pid: str, years: int = 8) -> bool:
        """In office on the article's date, or out of office for less than ``years`` (a bare surname
        of a leader gone for decades is more likely somebody else of that name)."""
        if not self.on:
            return True
        if self._in_office(pid):
            return True
        try:
            ends = [_iso(r.end) or "" for r in self.kb.roles(pid)]
        except NewsgraphError:
            return False
        last = max(ends, default="")
        cutoff = f"{int(self.on[:4]) - years}{self.on[4:]}"
        return bool(last) and cutoff <= last <= self.on

    def _in_office(self, pid: str) -> bool:
        try:
            return bool(self.kb.roles(pid, self.on))
        except NewsgraphError:
            return False

    def _try_metonym(self, i: int, hit_at: dict[int, Hit]) -> int | None:
        """Capitals and seats of power as the state's government ("Moscow said", "the Kremlin's")."""
        h = hit_at.get(i)
        if h is None or i in self.claimed:
            return None
        seat = [e for e in h.entries if e.attr in {"capital", "seat"} and e.kind == "country"]
        if not seat:
            return None
        start = i - 1 if i > 0 and self.doc[i - 1].lower_ == "the" else i
        if self.locative(start):
            return None
        root = self.doc[h.start:h.end].root
        if root.dep_ not in SUBJECT_DEPS | {"poss", "compound", "dobj", "pobj", "conj", "appos", "nmod", "amod"}:
            return None
        # "the Moscow metro": a noun phrase about something else; "Kremlin officials" stays an actor
        if root.dep_ in {"compound", "amod", "nmod"} and root.head.pos_ in {"NOUN", "PROPN"} and \
                lx.sector_of(root.head.lower_) is None:
            return None
        actor = self.table.from_kb(seat[0].kb_id)
        if actor is None:
            return None
        self.add(start, h.end, actor, "seat-metonym", confidence=0.9)
        return h.end

    def _try_demonym(self, i: int, hit_at: dict[int, Hit], norp_ent_at: dict[int, Any]) -> int | None:
        """A demonym or adjective of a state not inside a title or agent phrase refers to that state."""
        h = hit_at.get(i)
        if h is None or i in self.claimed or self.prefixed(i):
            return None
        e = next((x for x in h.entries if x.kind == "country" and x.attr in {"adjective", "demonym"}), None)
        if e is None:
            return None
        if any(x.attr == "ambiguous" for x in h.entries):
            return None
        actor = self.table.from_kb(e.kb_id)
        if actor is None:
            return None
        self.add(h.start, h.end, actor, f"kb-{e.attr}", confidence=0.8)
        return h.end

    def _try_pronoun(self, i: int) -> int | None:
        gender = lx.PERSON_PRONOUNS.get(self.lower[i])
        if gender is None or (self.pos[i] != "PRON" and self.tags[i] not in {"PRP", "PRP$"}):
            return None
        if i in self.in_quote:
            return None  # "he" inside a quotation refers within the quoted speech

        def ok(a: Actor) -> bool:
            g = _gender(self.kb, a)
            return g is None or g == gender

        ref = self._recent_person(ok, i, prefer_subject=True)
        if ref is None:
            return None
        self.add(i, i + 1, self.table.get(ref.actor), "pronoun", ref, 0.8)
        return i + 1

    def _try_collective_pronoun(self, i: int) -> int | None:
        """"it/its" for a state or organisation, "they/their/them" for a group of states or an
        organisation. In a clause reported by a speech verb ("NATO said it would ..."), the pronoun
        is the reporter; otherwise the most prominent compatible actor of this or the previous
        sentence. Expletive "it" ("it is clear that") names nobody."""
        word = self.lower[i]
        if word not in {"it", "its", "they", "their", "them"} or i in self.in_quote:
            return None
        if self.pos[i] != "PRON" and self.tags[i] not in {"PRP", "PRP$"}:
            return None
        tok = self.doc[i]
        plural = word in {"they", "their", "them"}
        if word == "it" and (tok.dep_ not in {"nsubj", "nsubjpass"} or (tok.head.lemma_ == "be" and any(
                c.dep_ in {"acomp", "attr", "ccomp", "xcomp"} for c in tok.head.children))):
            return None  # expletive "it is clear", or an object "it" (a decision, a plan), names no state

        def ok(a: Actor | None) -> bool:
            if a is None:
                return False
            if plural:
                return a.kind in {"group", "organization"}
            return a.kind in {"country", "organization", "bloc"} or (a.kind == "group" and not a.members)

        # reported clause: "X said it would ...", "X warned that they ..."
        head = tok.head
        while head.dep_ in {"aux", "auxpass", "conj", "xcomp"} and head.head.i != head.i:
            head = head.head
        if head.dep_ in {"ccomp", "advcl"} and head.head.lemma_ in lx.REPORTING_VERBS:
            subj = next((c for c in head.head.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
            r = self._ref_at(subj.i) if subj is not None else None
            if r is not None and ok(self.table.get(r.actor)):
                self.add(i, i + 1, self.table.get(r.actor), "pronoun-reporter", r, 0.8)
                return i + 1
        sent = self.sent_of.get(i, 0)
        cands = [r for r in self.refs if r.start < i and r.sent >= sent - 1 and not r.in_quote
                 and ok(self.table.get(r.actor))]
        if not cands:
            return None
        best = max(cands, key=lambda r: (r.sent, r.weight, r.start))
        self.add(i, i + 1, self.table.get(best.actor), "pronoun-collective", best, 0.6)
        return i + 1

    def _try_located_agent(self, i: int, hit_at: dict[int, Hit]) -> int | None:
        """Agents placed in a state: "rebels in the Ivory Coast", "demonstrators in Nairobi"."""
        if self.pos[i] != "NOUN" or i in self.claimed or i + 2 >= len(self.doc):
            return None
        sector = lx.sector_of(self.lower[i])
        if sector is None:
            return None
        tok = self.doc[i]
        if sector is None or tok.tag_ not in {"NNS", "NN"} or lx.title_key(tok.lower_):
            return None
        owner = next((c for c in tok.children if c.dep_ == "poss" and self._ref_at(c.i) is not None
                      and self._ref_at(c.i).kind == "country"), None)
        if owner is not None:  # "Iran's mission to the UN", "Ukraine's military": the state's agents
            iso3 = self._ref_at(owner.i).actor
            self.add(owner.left_edge.i, i + 1, self.table.sector(iso3, sector[:3]), "agent-possessed",
                     confidence=0.8, over_modifiers=True)
            return i + 1
        if any(c.dep_ in {"amod", "compound", "poss"} and self._ref_at(c.i) is not None for c in tok.children):
            return None  # "Russian troops in Syria": the nationality, not the location, says whose
        prep = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ in {"in", "from", "across"}), None)
        pobj = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
        if pobj is None:
            return None
        iso3 = self._country_in(pobj) or self._city_country(pobj)
        if iso3 is None:
            return None
        start = self._chunk_start(i)
        self.add(start if start >= i - 3 else i, i + 1, self.table.sector(iso3, sector[:3]), "agent-located", confidence=0.7)
        return i + 1

    def _city_country(self, tok: Any) -> str | None:
        """The state of a city or region named at ``tok`` (offline gazetteer), if any."""
        if tok.pos_ != "PROPN":
            return None
        span = self.doc[tok.left_edge.i: tok.i + 1]
        try:
            from ..places import resolve_place

            place = resolve_place(span.text)
        except (ImportError, OSError):  # the gazetteer's data cannot be loaded
            return None
        return place.country if place is not None else None

    # ---------------------------------------------------------------- output
    def _person_countries_from_context(self) -> None:
        """People the KB does not know take their state from the text around the name:
        "Kamchybek Tashiev of Kyrgyzstan", "Vassily Nebenzia, Russia's ambassador to the UN"."""
        for r in list(self.refs):
            a = self.table.get(r.actor)
            if a is None or a.kind != "person" or a.kb_id or a.country:
                continue
            head = self.doc[r.start:r.end].root
            for child in head.children:
                iso3 = None
                if child.dep_ == "prep" and child.lower_ == "of":
                    iso3 = next((self._country_in(o) for o in child.children if self._country_in(o)), None)
                elif child.dep_ == "appos":
                    iso3 = self._country_in(child)
                    title = next((t for t in child.subtree if lx.title_key(t.lower_)), None)
                    if iso3 and title is not None:
                        self.table.add_role(a, lx.display_title(title.text), iso3)
                if iso3:
                    a.country = iso3
                    break

    def _country_in(self, tok: Any) -> str | None:
        for t in tok.subtree:
            r = self._ref_at(t.i)
            x = self.table.get(r.actor) if r is not None else None
            if x is not None and x.kind == "country":
                return x.id
            h = next((h for h in self.hits if h.start == t.i), None)
            e = self._choose_entry(h, False) if h is not None else None
            if e is not None and e.kind == "country":
                return e.kb_id
        return None

    def _finish(self) -> list[Actor]:
        self._person_countries_from_context()
        for s, e, aid, rule, ante, conf in sorted(self.mentions):
            actor = self.table.get(aid)
            if actor is not None:
                actor.mentions.append(Mention(s, e, self.text[s:e], rule, ante, conf))
        out = [a for a in self.table.actors.values() if a.mentions]
        out.sort(key=lambda a: min(m.start for m in a.mentions))
        return out


# -------------------------------------------------------------------------------------------------
# small helpers
# -------------------------------------------------------------------------------------------------

_TITLE_WORDS = re.compile(r"^(?:(?:mr|mrs|ms|dr|president|prime minister|minister|general|gen|sir|king|queen|"
                          r"senator|sen|rep|governor|gov)\.?\s+)+", re.I)


_SENTENCE_STARTERS = {"the", "a", "an", "in", "on", "at", "after", "before", "when", "while", "but", "and", "as",
                      "according", "former", "late", "then", "mr", "mrs", "ms", "dr", "by", "for", "with", "of"}


def _clean_person_name(text: str) -> str:
    name = text.strip().removeprefix("the ").removeprefix("The ")
    name = re.sub(r"[’']s$", "", name).strip()
    return _TITLE_WORDS.sub("", name).strip()


def _looks_like_org(name: str) -> bool:
    words = name.split()
    if not words or not name[:1].isupper():
        return False
    if len(words) == 1 and not name.isupper() and len(name) < 4:
        return False
    return not re.search(r"\b(Treaty|Agreement|Accord|Convention|Protocol|Charter|Act)$", name)


def _same_full_name(name: str, ent: Any) -> bool:
    target = _norm(name)
    forms = [ent.name, *(getattr(ent, "aliases", None) or [])]
    return any(_norm(f) == target for f in forms)


def _norm(text: str) -> str:
    import unicodedata

    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    return re.sub(r"[^a-z]+", " ", text.lower()).strip()


def _title_matches(role_title: str, title: str, office: str) -> bool:
    a, b = role_title.lower(), title.lower()
    if a == b or b in a or a in b:
        return True
    return lx.title_key(a) == office and office != ""


def _gender(kb: Any, actor: Actor | None) -> str | None:
    if actor is None or kb is None or not actor.kb_id:
        return None
    ent = kb.entity(actor.kb_id)
    g = getattr(ent, "gender", None) if ent is not None else None
    if not g:
        return None
    g = str(g).lower()[:1]
    return g if g in {"m", "f"} else None


def resolve(analysis: Analysis, kb: Any) -> tuple[list[Actor], list[dict[str, Any]]]:
    """Resolve the article's actors; returns (actors, unresolved mentions with reasons)."""
    r = Resolver(analysis, kb)
    actors = r.run()
    return actors, r.unresolved
