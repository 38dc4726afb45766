"""Named mentions: knowledge-base surface forms and spaCy's entities, linked on their own evidence."""

from __future__ import annotations

from typing import Any

from . import evidence
from . import lexicon as lx
from .matcher import Hit
from .state import State, clean_person_name, looks_like_org


def link_names(st: State, hits: list[Hit], ents: list[Any]) -> None:
    person_ents = [e for e in ents if e.label_ == "PERSON"]
    covered: set[int] = {i for h in hits for i in range(h.start, h.end)}
    for h in hits:
        in_person_ent = any(e.start <= h.start and h.end <= e.end for e in person_ents)
        entry = st.choose_entry(h, in_person_ent)
        if entry is None:
            continue
        if entry.kind == "person":
            if entry.attr == "surname" or h.end - h.start == 1:
                continue  # a bare surname is a reference: pass 2 decides
            actor = evidence.person_from_kb(st, h)
            if actor is not None:
                st.add(h.start, h.end, actor, "kb-name")
                covered.update(range(h.start, h.end))
            continue
        if entry.attr in {"adjective", "demonym"} and entry.kind == "country":
            continue  # adjectives are read inside noun phrases in pass 2
        if entry.attr in {"capital", "seat"}:
            continue  # metonyms depend on syntax: pass 2
        if st.prefixed(h.start):
            continue
        if entry.kind == "bloc" and h.end < len(st.doc) and st.doc[h.end].pos_ == "PROPN":
            continue  # "the West Bank", "West Africa": not the Western bloc
        actor = st.table.from_kb(entry.kb_id)
        if actor is None:
            continue
        start = h.start
        # "the United States" takes its article; "the UN chief" does not (the article is the chief's)
        if start > 0 and st.doc[start - 1].lower_ == "the" and st.index.takes_the(st.doc[h.start:h.end].text) \
                and st.doc[h.start:h.end].root.dep_ not in {"compound", "amod", "nmod"}:
            start -= 1
        st.add(start, h.end, actor, f"kb-{entry.attr}")
        covered.update(range(h.start, h.end))
    # spaCy's people the KB does not know, if they look like full names
    for e in person_ents:
        if any(i in st.claimed for i in range(e.start, e.end)):
            continue
        toks = [t for t in e if t.is_alpha or t.text == "-"]
        name = clean_person_name(e.text)
        if len(name.split()) < 2 or not toks or not all(t.text[:1].isupper() for t in e if t.is_alpha):
            continue  # a single word: only a reference (surname) can make it a person
        kb_person = evidence.kb_person_by_name(st, name)
        actor = kb_person or st.table.text_person(name)
        st.add(e.start, e.end, actor, "kb-name" if kb_person else "ner-person",
                 confidence=1.0 if kb_person else 0.8)
    # organisations spaCy found that the KB does not know
    for e in ents:
        if e.label_ != "ORG" or any(i in st.claimed for i in range(e.start, e.end)):
            continue
        if any(i in covered for i in range(e.start, e.end)):
            continue
        name = e.text[4:] if e.text.lower().startswith("the ") else e.text
        if not looks_like_org(name) or name.lower() in lx.RANKS or name.lower() in lx.TITLES:
            continue
        st.add(e.start, e.end, st.table.organization(name), "ner-org", confidence=0.7)
