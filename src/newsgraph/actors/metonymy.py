"""Places used as their state: capitals and seats of power, demonyms and adjectives."""

from __future__ import annotations

from . import lexicon as lx
from .state import SUBJECT_DEPS, State


def try_metonym(st: State, i: int) -> int | None:
    """Capitals and seats of power as the state's government ("Moscow said", "the Kremlin's")."""
    hit_at = st.hit_at
    h = hit_at.get(i)
    if h is None or i in st.claimed:
        return None
    seat = [e for e in h.entries if e.attr in {"capital", "seat"} and e.kind == "country"]
    if not seat:
        return None
    start = i - 1 if i > 0 and st.doc[i - 1].lower_ == "the" else i
    if st.locative(h.start, h.end, strict=True):
        return None
    if h.end - h.start == 1 and st.lower[i] in st.person_surnames():
        # "Esteban Santiago ... Santiago said": a person's surname in this article, not the capital
        if i > 0 and st.lower[i - 1] in st.given_names() and st.pos[i - 1] == "PROPN" and i - 1 not in st.claimed:
            st.add(i - 1, i + 1, st.table.text_person(f"{st.words[i - 1]} {st.words[i]}"), "full-name-in-text",
                   confidence=0.7)
            return i + 1
        person = next((a for a in st.table.actors.values() if a.kind == "person" and not a.kb_id
                       and a.name.split()[-1].lower() == st.lower[i]), None)
        if person is not None:
            st.add(i, i + 1, person, "surname", confidence=0.8)
            return i + 1
        return None
    root = st.doc[h.start:h.end].root
    if root.dep_ not in SUBJECT_DEPS | {"poss", "compound", "dobj", "pobj", "conj", "appos", "nmod", "amod"}:
        return None
    # "the Moscow metro": a noun phrase about something else; "Kremlin officials" and "a Kremlin
    # statement" stay actors
    if root.dep_ in {"compound", "amod", "nmod"} and root.head.pos_ in {"NOUN", "PROPN"} and \
            lx.sector_of(root.head.lower_) is None and root.head.lower_ not in lx.ISSUED_NOUNS:
        return None
    # a seat of power is the state's organ housed there, by the KB's code for the seat ("the White
    # House" USAGOV, "the Pentagon" USAMIL, "the Duma" RUSLEG); a capital, with no code, is the state
    code = seat[0].code
    actor = st.table.sector(seat[0].kb_id, code[3:]) if len(code) > 3 else st.table.from_kb(seat[0].kb_id)
    if actor is None:
        return None
    st.add(start, h.end, actor, "seat-metonym", confidence=0.9)
    return h.end


def try_demonym(st: State, i: int) -> int | None:
    """A demonym or adjective of a state not inside a title or agent phrase refers to that state."""
    hit_at = st.hit_at
    h = hit_at.get(i)
    if h is None or i in st.claimed or st.prefixed(i):
        return None
    e = next((x for x in h.entries if x.kind == "country" and x.attr in {"adjective", "demonym"}), None)
    if e is None:
        return None
    if any(x.attr == "ambiguous" for x in h.entries):
        return None
    from .mentions import country_in_other_name

    if country_in_other_name(st, h, st.ents):
        return None  # "American Bridge": part of an organisation's name
    qualifier = ethnic_qualifier(st, h.start)
    if qualifier is not None:
        # "African Americans", "Mexican-Americans": a group of the state's people, not the state
        st.add(qualifier, h.end, st.table.sector(e.kb_id, "CVL"), "ethnic-group", confidence=0.7)
        return h.end
    actor = st.table.from_kb(e.kb_id)
    if actor is None:
        return None
    st.add(h.start, h.end, actor, f"kb-{e.attr}", confidence=0.8)
    return h.end


# words that make a demonym after them an ethnic or regional group ("African Americans", "Native
# Americans", "Asian Canadians"); another state's adjective does the same ("Mexican Americans")
ETHNIC_QUALIFIERS = frozenset({"african", "asian", "native", "arab", "hispanic", "latino", "latina", "latin",
                               "pacific", "indigenous", "jewish", "muslim", "black", "white", "caribbean",
                               "european", "middle"})


def ethnic_qualifier(st: State, i: int) -> int | None:
    """Where the qualifier of a compound ethnonym starts, when a demonym at ``i`` has one: a word of
    :data:`ETHNIC_QUALIFIERS` or another state's adjective right before it (a hyphen between counts),
    not already read as a mention of its own."""
    j = i - 1
    if j >= 0 and st.words[j] in {"-", "–"}:
        j -= 1
    if j < 0 or not st.words[j][:1].isupper() or j in st.claimed:
        return None
    if st.lower[j] in ETHNIC_QUALIFIERS:
        return j
    h = st.hit_at.get(j)
    if h is not None and h.end == j + 1 and any(x.kind == "country" and x.attr == "adjective" for x in h.entries):
        return j
    return None
