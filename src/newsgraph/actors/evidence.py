"""Candidate generation and the evidence a link to a knowledge-base person needs.

A KB person is linked from a full name or a recorded alias (``full``/``alias``), from a surname or
partial name only when the article has introduced that person in full before (``earlier-mention``),
or from a title and country that match the office the KB holds on the article's date
(``role-on-date``, in :mod:`.roles`); references through the discourse are ``coreference``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..errors import NewsgraphError
from ..model import Actor
from . import lexicon as lx
from .matcher import Hit
from .state import SENTENCE_STARTERS, State, clean_person_name, iso, norm, same_full_name


def person_from_kb(st: State, h: Hit) -> Actor | None:
    ids = [e.kb_id for e in h.entries if e.kind == "person" and e.attr != "surname"]
    if not ids:
        return None
    if len(set(ids)) > 1:
        ranked = rank_people(st, set(ids))
        return st.table.from_kb(ranked[0]) if ranked else None
    return st.table.from_kb(ids[0])


def rank_people(st: State, ids: Iterable[str]) -> list[str]:
    """People holding an office on the article's date first, then the most recently active."""
    scored = []
    for pid in ids:
        try:
            roles = st.kb.roles(pid, st.on) if st.on else []
        except NewsgraphError:
            roles = []
        latest = ""
        try:
            for r in st.kb.roles(pid):
                s = iso(r.start) or ""
                if (not st.on or s <= st.on) and s > latest:
                    latest = s
        except NewsgraphError:
            pass
        scored.append((1 if roles else 0, latest, pid))
    scored.sort(reverse=True)
    return [pid for _, _, pid in scored]


def kb_person_by_name(st: State, name: str) -> Actor | None:
    if st.kb is None:
        return None
    try:
        found = st.kb.find_people(name, st.on)
    except NewsgraphError:
        found = []
    full = [p for p in found if same_full_name(name, p)]
    if not full:
        return None
    return st.table.from_kb(full[0].id)


def surname_index(st: State) -> dict[str, str]:
    """Normalised surnames (last one or two name words) of the people named so far -> actor id."""
    people = [a for a in st.table.actors.values() if a.kind == "person"]
    if len(people) != st.surnames_for:
        index: dict[str, str] = {}
        for a in people:
            forms = [a.name]
            ent = st.kb.entity(a.kb_id) if (st.kb is not None and a.kb_id) else None
            if ent is not None:
                forms += list(getattr(ent, "aliases", None) or [])
            for f in forms:
                parts = norm(f).split()
                if len(parts) >= 2:
                    index.setdefault(parts[-1], a.id)
                    index.setdefault(" ".join(parts[-2:]), a.id)
        st.surnames = index
        st.surnames_for = len(people)
    return st.surnames


def recently_active(st: State, pid: str, years: int = 8) -> bool:
    """In office on the article's date, or out of office for less than ``years`` (a bare surname
    of a leader gone for decades is more likely somebody else of that name)."""
    if not st.on:
        return True
    if in_office(st, pid):
        return True
    try:
        ends = [iso(r.end) or "" for r in st.kb.roles(pid)]
    except NewsgraphError:
        return False
    last = max(ends, default="")
    cutoff = f"{int(st.on[:4]) - years}{st.on[4:]}"
    return bool(last) and cutoff <= last <= st.on


def in_office(st: State, pid: str) -> bool:
    try:
        return bool(st.kb.roles(pid, st.on))
    except NewsgraphError:
        return False


def try_surname(st: State, i: int) -> int | None:
    hit_at = st.hit_at
    person_ent_at = st.person_ent_at
    if not st.words[i][:1].isupper() or st.pos[i] not in {"PROPN", "NOUN", "ADJ", "VERB"}:
        return None
    ent = person_ent_at.get(i)
    if ent is None and i not in hit_at and st.words[i].isascii() and st.lower[i] not in surname_index(st):
        return None  # a capitalised word that is no surname seen yet, no KB form and no person name
    tok = st.doc[i]
    end = i + 1
    if ent is not None:
        end = ent.end
    word = st.doc[i:end].text
    # after a full name in this article (anywhere: headlines come before bodies)
    aid = surname_index(st).get(norm(word))
    if aid is not None:
        a = st.table.get(aid)
        ante = next((r for r in st.refs if r.actor == a.id), None)
        st.add(i, end, a, "surname", ante)
        return end
    h = hit_at.get(i)
    is_person_word = ent is not None or (i > 0 and st.doc[i - 1].lower_ in lx.HONORIFICS)
    surname_entries = [e for e in (h.entries if h is not None else ()) if e.kind == "person"
                       and (e.attr == "surname" or h.end - h.start == 1)]
    if surname_entries and (is_person_word or tok.pos_ == "PROPN"):
        if any(e.kind != "person" for e in h.entries) and ent is None:
            return None
        ranked = rank_people(st, {e.kb_id for e in surname_entries})
        recent = [pid for pid in ranked if recently_active(st, pid)]
        if recent and (is_person_word or in_office(st, recent[0])):
            actor = st.table.from_kb(recent[0])
            if actor is not None:
                conf = 0.8 if in_office(st, recent[0]) else 0.6
                st.add(h.start, h.end, actor, "kb-surname", confidence=conf)
                return h.end
    if ent is None:
        return None
    if i > 0 and st.doc[i - 1].lower_ in lx.HONORIFICS:
        actor = st.table.text_person(clean_person_name(ent.text))
        st.add(i - 1, ent.end, actor, "honorific-name", confidence=0.7)
        return ent.end
    full = full_name_in_text(st, word)
    if full is not None:
        actor = st.table.text_person(full)
        st.add(i, end, actor, "surname-of-full-name", confidence=0.7)
        return end
    st.unresolved.append({"text": ent.text, "start": ent.start_char, "end": ent.end_char,
                            "why": "a single name with no full name in the article and no KB match"})
    return None


def full_name_in_text(st: State, surname: str) -> str | None:
    """The full name the article gives somewhere for a surname spaCy tagged as a person
    ("Kirsten Gillibrand" for "Gillibrand"), when the parser missed it; records that mention too."""
    pat = re.compile(r"((?:[A-Z][\w'’\-]+ ){1,3})" + re.escape(surname) + r"(?: [A-Z][\w'’\-]+)?(?=\W|$)")
    for m in pat.finditer(st.text):
        given = m.group(1).split()
        while given and (given[0].lower() in lx.TITLES or given[0].lower() in lx.HONORIFICS
                         or given[0].lower() in SENTENCE_STARTERS or st.kb_knows(given[0])):
            given = given[1:]
        if not given:
            continue
        name = " ".join([*given, m.group(0)[len(m.group(1)):]]).strip()
        span = st.doc.char_span(m.end() - len(name), m.end(), alignment_mode="contract")
        if span is not None and not any(t.i in st.claimed for t in span):
            st.add(span.start, span.end, st.table.text_person(name), "full-name-in-text", confidence=0.7)
        return name
    return None
