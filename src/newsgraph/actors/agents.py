"""Agents of states: sector nouns with the state they belong to ("Iraqi police", "rebels in Mali")."""

from __future__ import annotations

from functools import cache
from typing import Any

from . import lexicon as lx
from .evidence import is_date_name
from .state import State


def try_definite_agent(st: State, i: int) -> int | None:
    """"the peacekeepers", "the troops" after "several Russian battalions": the agents named before."""
    if st.lower[i] != "the" or i + 1 >= len(st.doc) or (i + 1) in st.claimed:
        return None
    noun = st.doc[i + 1]
    if noun.tag_ != "NNS":
        return None
    sector = lx.sector_of(noun.lower_)
    if sector is None:
        return None
    sent = st.sent_of.get(i, 0)
    for r in reversed(st.refs):
        if r.start >= i:
            continue
        if sent - r.sent > 3:
            break
        a = st.table.get(r.actor)
        if a is not None and a.kind == "group" and a.code and a.code[3:6] == sector[:3]:
            st.add(i, i + 2, a, "agent-coref", r, 0.7)
            return i + 2
    return None


def try_agent(st: State, i: int) -> int | None:
    hit_at = st.hit_at
    h = hit_at.get(i)
    if h is None or i in st.claimed:
        return None
    e = st.choose_entry(h, False)
    if e is None or e.kind != "country" or st.prefixed(i) or st.inside_other_name(h):
        return None  # ("the Ruth Victoria Lopez School": a person's name, no state's school)
    # the noun this country word modifies, possibly through a conjunction ("Kenyan and Ugandan officials")
    tok = st.doc[h.end - 1]
    head = tok.head
    if tok.dep_ == "conj":
        head = tok.head.head if tok.head.dep_ in {"amod", "compound", "nmod", "poss"} else tok.head
    if tok.dep_ == "poss" or (h.end < len(st.doc) and st.doc[h.end].text in {"’s", "'s"}):
        head = tok.head
    if head.i <= tok.i or head.pos_ not in {"NOUN", "PROPN"}:
        return None
    phrase = " ".join(t.lower_ for t in st.doc[tok.i + 1: head.i + 1] if t.is_alpha)
    sector = lx.sector_of(phrase) if phrase else None
    if sector is None or lx.title_key(head.lower_) or lx.title_key(phrase) or (
            head.lower_ in lx.ROLE_NOUNS and head.tag_ == "NN"):
        return None  # "British Defence Secretary Tom King" is a person's title, not an agent group
    if head.tag_ == "NN" and described_person(st, i, head.i, e.kb_id, sector):
        return head.i + 1
    if head.tag_ == "NN" and ((head.i + 1 < len(st.doc) and st.doc[head.i + 1].ent_type_ == "PERSON") or any(
            c.dep_ == "appos" and c.ent_type_ == "PERSON" for c in head.children)):
        return None  # a singular agent noun before a name describes that person: "a Syrian rebel commander (,) X"
    actor = st.table.sector(e.kb_id, sector[:3])
    end = head.i + 1 if tok.dep_ != "conj" and all(j not in st.claimed for j in range(i, head.i + 1)) else h.end
    if tok.dep_ == "conj" or any(c.dep_ == "conj" for c in tok.children) or any(
            c.dep_ == "cc" for c in tok.children):
        end = h.end  # a coordinated modifier: each country keeps its own word
    st.add(i, end, actor, "agent", confidence=0.9)
    return end


def described_person(st: State, start: int, head_i: int, iso3: str | None, sector: str) -> bool:
    """A singular agent noun with a name set off after it is that person, not a group ("Britain's
    top diplomat in the region, X, said"): tokens [start, head_i] become a mention of them, and a
    person the KB does not know takes the description's state and sector."""
    person, ref = st.named_in_apposition(head_i)
    if person is None or any(k in st.claimed and not st.is_state_or_org(k) for k in range(start, head_i + 1)):
        return False
    if person.kb_id is None:
        person.country = person.country or iso3
        person.code = person.code or f"{person.country or ''}{sector[:3]}"
    st.add(start, head_i + 1, person, "title-appos", ref, 0.8, over_modifiers=True)
    return True


def try_located_agent(st: State, i: int) -> int | None:
    """Agents placed in a state: "rebels in the Ivory Coast", "demonstrators in Nairobi"."""
    # (a lower-case agent noun the tagger took for a name counts: "Russia's defence ministry")
    if not (st.pos[i] == "NOUN" or (st.pos[i] == "PROPN" and st.words[i].islower())) or i in st.claimed \
            or i + 2 >= len(st.doc):
        return None
    sector = lx.sector_of(st.lower[i])
    if sector is None:
        return None
    tok = st.doc[i]
    if tok.tag_ not in {"NNS", "NN", "NNP"} or lx.title_key(tok.lower_):
        return None
    owner = next((c for c in tok.children if c.dep_ == "poss" and st.ref_at(c.i) is not None
                  and st.ref_at(c.i).kind == "country"), None)
    if owner is not None:  # "Iran's mission to the UN", "Ukraine's military": the state's agents
        iso3 = st.ref_at(owner.i).actor
        words = " ".join(t.lower_ for t in st.doc[owner.i + 1:i + 1] if t.is_alpha)
        sector = lx.sector_of(words) or sector  # "Russia's defence ministry": the phrase's sector
        if tok.tag_ == "NN" and described_person(st, owner.left_edge.i, i, iso3, sector):
            return i + 1
        st.add(owner.left_edge.i, i + 1, st.table.sector(iso3, sector[:3]), "agent-possessed",
                 confidence=0.8, over_modifiers=True)
        return i + 1
    if any(c.dep_ in {"amod", "compound", "poss"} and st.ref_at(c.i) is not None for c in tok.children):
        return None  # "Russian troops in Syria": the nationality, not the location, says whose
    if sender_country(st, tok) is not None:
        return None  # "Russia deployed troops in Belarus": where they go, not whose (the generic stage)
    prep = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ in {"in", "from", "across"}), None)
    pobj = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
    if pobj is None:
        return None
    iso3 = st.country_in(pobj) or city_country(st, pobj)
    if iso3 is None:
        return None
    start = st.chunk_start(i)
    st.add(start if start >= i - 3 else i, i + 1, st.table.sector(iso3, sector[:3]), "agent-located", confidence=0.7)
    return i + 1


def city_country(st: State, tok: Any) -> str | None:
    """The state of a city or region named at ``tok`` (offline gazetteer), if any; a month or a
    weekday used as a date is no town of that name ("founded in March")."""
    if tok.pos_ != "PROPN" or is_date_name(tok):
        return None
    span = st.doc[tok.left_edge.i: tok.i + 1]
    try:
        from ..places import qualifier_at, resolve_place

        # "in Athens, W.Va.": the state written after the name says where it is
        written, listing = qualifier_at(st.text, span.end_char) or (None, False)
        place = resolve_place(span.text, qualifier=written, listing=listing)
    except (ImportError, OSError):  # the gazetteer's data cannot be loaded
        return None
    return place.country if place is not None else None


# words that look like agent nouns but name no group of people acting
_NOT_AGENTS = frozenset({"state", "states", "country", "countries", "nation", "nations", "government's", "people",
                         # domains, not bodies: "religion", "governance", "border security", "the justice system"
                         "religion", "religions", "governance", "security", "system", "systems"})


def in_place_phrase(st: State, tok: Any) -> bool:
    """Is a singular sector noun where something happens or is kept, not a party to it? The
    object of a preposition of place ("in prison", "at the university", "in the administration"),
    or a channel a verb appears "on" ("said on television", "posted on social media")."""
    if tok.tag_ not in {"NN", "NNP"} or tok.dep_ != "pobj":
        return False
    prep = tok.head
    if prep.lower_ in lx.PLACE_PREPOSITIONS:
        return True
    return prep.lower_ == "on" and prep.head.pos_ in {"VERB", "AUX"} and (lx.sector_of(tok.lower_) or "")[:3] == "MED"


# words that count a crowd: "several people", "dozens of people", "a crowd of people" ("many
# people", "some people" speak of opinion, not of participants)
_COUNTING = frozenset({"several", "dozens", "hundreds", "thousands", "scores", "tens", "millions", "dozen",
                       "hundred", "thousand", "million", "group", "crowd", "crowds"})


def counted(tok: Any) -> bool:
    """Is this plural noun counted ("18 people", "several people", "hundreds of people") and not
    the subject? A counted group of people is a participant of what happens to it (civilians,
    the target of an arrest or an attack); "people" alone, as in "people think", is everyone and
    no one."""
    if tok.tag_ not in {"NNS", "NNPS"}:
        return False
    prep = tok.head if tok.dep_ == "pobj" and tok.head.lower_ == "of" else None
    phrase = prep.head if prep is not None else tok
    if phrase.dep_ == "nsubj":
        return False  # a crowd that acts is placed by the event's own clause (events.dyads.located_population)
    if any(c.dep_ == "nummod" or (c.dep_ in {"amod", "det"} and c.lower_ in _COUNTING) for c in tok.children):
        return True
    if any(c.dep_ == "relcl" or (c.dep_ == "acl" and c.tag_ in {"VBN", "VBG"}) for c in tok.children if c.i > tok.i):
        return True  # a restrictive clause singles the group out: "people who fled", "people displaced by"
    return prep is not None and (prep.head.lower_ in _COUNTING or prep.head.pos_ == "NUM")


def try_role_agent(st: State, i: int) -> int | None:
    """A person described by a role and never named, as a new referent: with the state named on it
    ("Mali's opposition leader rejected ...", "the Chadian opposition leader") or indefinite ("a
    government spokesman said", "a Malian minister"). When no earlier rule took the description
    for someone named (a title on the date, a reference back), it stands for its state's agent of
    that sector, as CAMEO codes it (``MLIOPP``). A bare definite one ("the senator") refers back
    and is left to the references. Only where the description takes part in the
    clause (a subject, an object, a preposition's object) and is no title before a name ("the
    minister, X,"), no predicate ("X is the leader") and no phrase of a title ("the head of X")."""
    if st.pos[i] != "NOUN" or st.tags[i] != "NN" or i in st.claimed:
        return None
    if st.lower[i] not in lx.ROLE_NOUNS and lx.title_key(st.lower[i]) is None:
        return None
    tok = st.doc[i]
    if tok.dep_ not in _PARTICIPANT_DEPS or (tok.dep_ == "conj" and tok.head.dep_ not in _PARTICIPANT_DEPS):
        return None
    if i + 1 < len(st.doc) and (st.lower[i + 1] == "of" or st.pos[i + 1] == "PROPN"):
        return None
    if any(c.dep_ == "appos" or (c.dep_ == "poss" and c.tag_ == "PRP$") for c in tok.children):
        return None  # "the minister, X,": that person; "his spokesman": of whom the text says
    states = [r for c in tok.children if c.i < i and c.dep_ in {"poss", "amod", "compound", "nmod"}
              and (r := st.ref_at(c.i)) is not None and r.kind == "country"]
    if len(states) == 1:  # "Chad's opposition leader": the state named on it, taken already
        start = st.chunk_start(i)
        sector = lx.sector_of(" ".join(t.lower_ for t in st.doc[states[0].end:i + 1] if t.is_alpha)) \
            or lx.sector_of(st.lower[i])
        if sector is None:
            return None
        st.add(start, i + 1, st.table.sector(states[0].actor, sector[:3]), "agent", confidence=0.8,
               over_modifiers=True)
        return i + 1
    if not any(c.dep_ == "det" and c.lower_ in {"a", "an", "another", "one"} for c in tok.children):
        return None  # "the senator": a definite description refers back to someone, named or not
    return try_generic_agent(st, i, roles=True)


_PARTICIPANT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "dative", "agent", "conj"})


# sector nouns that, with no determiner and no state, name an activity or information rather than a
# body of people ("do business", "gather intelligence")
_MASS_SENSES = frozenset({"business", "intelligence"})


def try_generic_agent(st: State, i: int, roles: bool = False) -> int | None:
    """A sector noun with no state named on it: "police fired tear gas", "the opposition", "lawmakers",
    "officials said", "the ministry". It is that state's agent when the text says which state:
    a place in its own clause ("protesters gathered in Tehran"), else the dateline's state, else
    the state the article is mostly about; with none of these, an agent of no known state. A
    role noun ("the minister") is left to :func:`try_role_agent` (``roles``)."""
    if st.pos[i] not in {"NOUN", "PROPN"} or i in st.claimed or (st.lower[i] in _NOT_AGENTS and not counted(st.doc[i])):
        return None
    if st.words[i].isalpha() and st.lower[i] not in lx.agent_heads():
        return None  # the phrase ends in this word, and no agent phrase does (the cheap test first)
    tok = st.doc[i]
    if tok.dep_ in {"compound", "amod", "nmod"} and tok.head.i > i and tok.head.pos_ in {"NOUN", "PROPN"}:
        return None  # a modifier ("police chief", "army base"): its head decides (a possessor,
        # "the Democrats' advantage", is a group of its own)
    state = _linked_state(st, tok)
    if state is None and any(c.i in st.claimed and st.ref_at(c.i) is not None and _person_owner(st, c) is None
                             and (st.ref_at(c.i).kind == "country" or party_of(tok) is None)
                             and not (c.dep_ == "poss" and st.ref_at(c.i).kind == "group")
                             for c in tok.children if c.i < i):
        return None  # "Hungarian and Romanian officials", "the CSTO peacekeeping forces": the states'
        # and organisations' own agents are taken already ("Senate Republicans" are a party's group)
    start = st.chunk_start(i)
    phrase = " ".join(t.lower_ for t in st.doc[start:i + 1] if t.is_alpha and t.lower_ not in {"the", "a", "an"})
    sector = lx.sector_of(phrase) if phrase else None
    if sector is None or (not roles and (lx.title_key(tok.lower_) or (
            tok.tag_ in {"NN", "NNP"} and tok.lower_ in lx.ROLE_NOUNS))):
        return None  # a person's title ("the minister") is a role, not a group (try_role_agent)
    if in_place_phrase(st, tok) and tok.pos_ == "NOUN":
        return None  # "sent to prison", "in school", "on television": a place or a channel
    if tok.lower_ == "force" and not any(c.dep_ in {"det", "poss"} for c in tok.children):
        return None  # "military force will not be needed", "the use of force": force used, a mass noun, not a body
    if tok.lower_ in _MASS_SENSES and state is None and not any(c.dep_ in {"det", "poss"} for c in tok.children):
        return None  # "to conduct official business", "signals intelligence": the activity or the
        # information, a mass noun; a state's ("U.S. intelligence") or "the business" stays a body
    if state is not None:  # "U.S. troops", "the U.S. military": the state's name already linked
        lo, iso3, rule, confidence = state.start, state.actor, "agent", 0.9
    else:
        if tok.pos_ == "PROPN" and tok.ent_type_ == "ORG":  # a body's name ("Congress"): its own clause or the dateline
            iso3 = named_body_country(st, tok)
        elif tok.lower_ in lx.PARTY_HOMES and tok.text[:1].isupper():
            if i > 0 and st.doc[i - 1].text[:1].isupper() and st.lower[i - 1] in lx.OTHER_PARTY_WORDS:
                return None  # "Social Democrats", "Liberal Democrats": another party's name
            iso3 = own_country(st, tok) or lx.PARTY_HOMES[tok.lower_]  # "Republicans": one state's party
        elif tok.pos_ == "NOUN" and (home := party_home(tok)):
            iso3 = own_country(st, tok) or home  # "Democratic lawmakers", "Tory MPs"
        else:
            owner = next((o for c in tok.children if (o := _person_owner(st, c)) is not None), None)
            iso3 = (owner.country if owner is not None and owner.country else None) or place_modifier_country(st, tok) \
                or sender_country(st, tok) or clause_country(st, tok) or sentence_country(st, i) or article_country(st)
        lo = start if start >= i - 3 else i
        lo = max([lo, *(k + 1 for k in range(lo, i) if k in st.claimed)])  # "Donald Trump's lawyers": the name is his
        while lo < i and st.tags[lo] == "POS":
            lo += 1
        rule, confidence = "agent-generic", 0.7 if iso3 else 0.5
    if tok.tag_ == "NN" and described_person(st, lo, i, iso3, sector):
        return i + 1
    st.add(lo, i + 1, st.table.sector(iso3, sector[:3], party_of(tok) if state is None else None), rule,
           confidence=confidence, over_modifiers=state is not None)
    return i + 1


def _linked_state(st: State, tok: Any) -> Any:
    """The mention of a state, already linked, that is the one modifier before an agent noun ("*U.S.*
    troops", "the *U.S.* military"; not "Hungarian and Romanian officials", whose states took their
    own agents, nor a state's possessive, a place the located rule reads), or None."""
    mods = [c for c in tok.children if c.i < tok.i and c.dep_ in {"compound", "nmod", "amod"}
            and c.i in st.claimed and st.ref_at(c.i) is not None]
    if len(mods) != 1 or any(c.dep_ in {"conj", "cc"} for c in mods[0].children):
        return None
    ref = st.ref_at(mods[0].i)
    return ref if ref.kind == "country" and ref.end == mods[0].i + 1 else None


def _person_owner(st: State, mod: Any) -> Any:
    """The person whose possessive ``mod`` is ("*Trump's* lawyers", "*the senator's* aides"), or None:
    their people are a group of their own, the agent of the person's state, not the person."""
    if mod.dep_ != "poss":
        return None
    ref = st.ref_at(mod.i)
    actor = st.table.get(ref.actor) if ref is not None else None
    return actor if actor is not None and actor.kind == "person" else None


_DEPLOY_VERBS = frozenset({"send", "deploy", "dispatch", "station", "redeploy", "withdraw", "pull", "base", "post",
                           "move", "position", "airlift", "evacuate"})
_OWNED_SECTORS = frozenset({"MIL", "COP", "SPY"})


def sender_country(st: State, tok: Any) -> str | None:
    """Forces a state sends, deploys, stations or withdraws are its own: "Russia deployed troops in
    Belarus", "the US sent 200 troops to Syria" (the place is where they go, not whose they are).
    The state of the deploying verb's subject, for a military, police or intelligence noun that is
    its object."""
    sector = lx.sector_of(tok.lower_)
    if sector is None or sector[:3] not in _OWNED_SECTORS or tok.dep_ not in {"dobj", "obj"}:
        return None
    verb = tok.head
    if verb.lemma_.lower() not in _DEPLOY_VERBS:
        return None
    for subj in (c for c in verb.children if c.dep_ == "nsubj"):
        ref = st.ref_at(subj.i)
        actor = st.table.get(ref.actor) if ref is not None else None
        if actor is not None and actor.country and actor.kind in {"country", "group", "person", "organization"}:
            return actor.country
    return None


def place_modifier_country(st: State, tok: Any) -> str | None:
    """The state of a region or city named before the agent noun ("*Ohio* police", "*Quebec*
    officials"): the gazetteer's."""
    for t in tok.children:
        if t.i < tok.i and t.dep_ in {"compound", "nmod"} and t.pos_ == "PROPN" and t.ent_type_ in {"GPE", "LOC"} \
                and t.i not in st.claimed:
            iso3 = city_country(st, t)
            if iso3:
                return iso3
    return None


def clause_country(st: State, tok: Any) -> str | None:
    """The state of a place named in the agent's clause ("police in Kabul", "fired ... in Gaza")."""
    head = tok.head if tok.dep_ in {"nsubj", "nsubjpass", "dobj", "pobj"} else tok
    for t in (*tok.children, *head.children):
        if t.dep_ == "prep" and t.lower_ in {"in", "across", "throughout", "near", "outside"}:
            for o in t.children:
                if o.dep_ == "pobj":
                    iso3 = st.country_in(o) or city_country(st, o)
                    if iso3:
                        return iso3
    return None


def own_country(st: State, tok: Any) -> str | None:
    """The state the agent noun's own modifiers name ("*Italian* Democrats", "Democrats *in Italy*"),
    not the place its clause acts in."""
    for t in tok.children:
        if t.dep_ in {"amod", "compound", "nmod", "poss"} and t.i < tok.i:
            iso3 = st.country_in(t)
            if iso3:
                return iso3
        if t.dep_ == "prep" and t.lower_ in {"in", "from", "of"}:
            for o in t.children:
                if o.dep_ == "pobj" and (iso3 := st.country_in(o)):
                    return iso3
    return None


def party_home(tok: Any) -> str | None:
    """The state of a capitalised party adjective on a common agent noun ("*Democratic* lawmakers",
    "*GOP* senators"), not of a name it begins ("the Democratic Republic of Congo" is no modifier
    of an agent noun, "the Republican Guard" is a name)."""
    t = _party_word(tok)
    return lx.PARTY_ADJECTIVE_HOMES[t.lower_] if t is not None else None


def _party_word(tok: Any) -> Any:
    for t in tok.children:
        if t.dep_ in {"amod", "compound"} and t.i < tok.i and t.text[:1].isupper() \
                and t.lower_ in lx.PARTY_ADJECTIVE_HOMES and t.ent_type_ in {"NORP", "ORG", ""}:
            return t
    return None


def party_of(tok: Any) -> str | None:
    """The party an agent noun names or is modified by ("Republicans", "Democratic lawmakers")."""
    if tok.lower_ in lx.PARTY_HOMES and tok.text[:1].isupper():
        return lx.PARTY_OF.get(tok.lower_)
    t = _party_word(tok) if tok.pos_ == "NOUN" else None
    return lx.PARTY_OF.get(t.lower_) if t is not None else None


_TARGET_DEPS = frozenset({"dobj", "obj", "dative", "iobj", "attr", "oprd"})


def _acted_on(tok: Any) -> set[int]:
    """Tokens of what the agent's own verb acts on (its objects and their phrases): "police
    arrested two Russian citizens" -> "two Russian citizens"."""
    verb = tok.head if tok.dep_ in {"nsubj", "nsubjpass"} else None
    if verb is None:
        return set()
    out: set[int] = set()
    for c in verb.children:
        if c.dep_ in _TARGET_DEPS or (c.dep_ == "prep" and c.lower_ not in lx.PLACE_PREPOSITIONS):
            out.update(t.i for t in c.subtree)
    return out


def sentence_country(st: State, i: int) -> str | None:
    """The one state its sentence names (name, adjective, capital), or the state of the one place
    the sentence puts things in ("... in Nairobi"); None when it names several or none. A state
    named in what the agent's own verb acts on is the other side's, not the agent's ("officials
    expelled three Iranian diplomats" says nothing of the officials' state), and a state a noun is
    about is a topic, not a place ("a meeting on Syria with ministers")."""
    sent = st.sent_of.get(i, 0)
    found: set[str] = set()
    other_side = _acted_on(st.doc[i])
    for h in st.hits:
        if st.sent_of.get(h.start) != sent or h.start in other_side or _topic_of(st.doc[h.end - 1]) \
                or _inside_other_name(st, h):
            continue
        iso3 = st.hit_country(h)
        if iso3 is not None and not st.prefixed(h.start) and not _surname_hit(st, h):
            found.add(iso3)
    if not found:
        for t in st.doc[i].sent:
            if t.dep_ == "pobj" and t.head.lower_ in lx.PLACE_PREPOSITIONS and t.pos_ == "PROPN" \
                    and t.i not in other_side:
                iso3 = city_country(st, t)
                if iso3:
                    found.add(iso3)
    return next(iter(found)) if len(found) == 1 else None


def _inside_other_name(st: State, h: Any) -> bool:
    """A state's name or capital inside another name (:meth:`.State.inside_other_name`), or run on
    by a war word the tagger left out ("the Korean war"): no place of the people around it."""
    if st.inside_other_name(h):
        return True
    return h.end < len(st.doc) and st.lower[h.end] in {"war", "wars"}


def _surname_hit(st: State, h: Any) -> bool:
    """A state's one-word name that the article writes as a person's surname ("Michael Jordan",
    then "Jordan said"): no place of the people around it (:meth:`.State.person_surnames`, tagged)."""
    return h.end - h.start == 1 and st.lower[h.start] in st.person_surnames(tagged=True)


_TOPIC_PREPOSITIONS = frozenset({"on", "about", "over", "regarding", "concerning"})


def _topic_of(tok: Any) -> bool:
    """A state named as what something is about ("a meeting *on Syria*", "talks about Iran", "a row
    over Taiwan"): no place of the people in the sentence."""
    head = tok.head if tok.dep_ == "compound" else tok
    return head.dep_ == "pobj" and head.head.lower_ in _TOPIC_PREPOSITIONS and head.head.head.pos_ == "NOUN"


def dateline_country(st: State) -> str | None:
    """The state of the article's dateline ("NAIROBI, Kenya (Reuters) -"), if it has one (worked
    out once per article: every generic agent and unplaced person asks)."""
    cached = getattr(st, "dateline_country_memo", "?")
    if cached == "?":
        cached = st.dateline_country_memo = _dateline_country(st)
    return cached


def _dateline_country(st: State) -> str | None:
    dateline = st.analysis.article.dateline
    if not dateline:
        return None
    name, _, qualifier = dateline.partition(",")
    span = st.analysis.article.dateline_span
    if not qualifier.strip() and span is not None:  # the dateline kept only the town: the text has the rest
        from ..places import qualifier_after

        at = st.text.find(name, span.start)
        qualifier = (qualifier_after(st.text, at + len(name)) or "") if at >= 0 else ""
    iso3 = None
    if not qualifier.strip() and st.kb is not None:
        iso3 = st.kb.resolve_country(dateline)
    if iso3 is None:
        try:
            from ..places import resolve_place

            # "ATHENS, W.Va.": the state after the comma places the town ("Athens" alone is Greece's)
            place = resolve_place(name.strip().title(), qualifier=qualifier.strip() or None)
        except (ImportError, OSError):
            place = None
        iso3 = place.country if place is not None else None
    return iso3


def named_body_country(st: State, tok: Any) -> str | None:
    """The state of a body named by its one-word name ("Congress", "the Senate", "Parliament"):
    only a place in its own clause or the dateline says it. What the sentence or the article is
    about does not ("Congress voted sanctions on Russia" is no Russian body)."""
    return clause_country(st, tok) or dateline_country(st)


def article_country(st: State) -> str | None:
    """The dateline's state, else the state the article is most about (named at least twice, ahead
    of the next by more than one). What counts is what places actors: a state's name, a demonym on
    an agent or a title ("Russian officials", "the Russian president"), and the people and state
    bodies the KB links (a US senator counts for the US). A demonym on a thing is a topic, not a
    place ("Russian meddling", "Ukrainian lobbying" say nothing of where the officials are)."""
    cached = getattr(st, "article_country_memo", "?")
    if cached != "?":
        return cached
    out = dateline_country(st)
    if out is None:
        counts: dict[str, int] = {}
        for h in st.hits:
            iso3 = st.hit_country(h)
            if iso3 is not None and not st.prefixed(h.start) and not topic_demonym(st.doc[h.end - 1]) \
                    and not _surname_hit(st, h) and not _inside_other_name(st, h):
                counts[iso3] = counts.get(iso3, 0) + 1
        for _s, _e, aid, _rule, _ante, _conf in st.mentions:
            a = st.table.get(aid)
            if a is not None and a.kb_id and a.kind in {"person", "organization"} and a.country:
                counts[a.country] = counts.get(a.country, 0) + 1
        ranked = sorted(counts.items(), key=lambda kv: -kv[1])
        if ranked and ranked[0][1] >= 2 and (len(ranked) == 1 or ranked[0][1] > ranked[1][1] + 1):
            out = ranked[0][0]
    st.article_country_memo = out
    return out


def topic_demonym(tok: Any) -> bool:
    """A demonym that qualifies an act ("Russian meddling", "Ukrainian lobbying", "a Russian
    invasion"): the act is the topic, and says nothing of where the article's unnamed bodies are
    (not "Russian officials", "the Chilean side", "Russian gas")."""
    head = tok.head
    if tok.pos_ != "ADJ" or tok.dep_ != "amod" or head.pos_ != "NOUN":
        return False
    return (head.tag_ == "NN" and head.lower_.endswith("ing")) or head.lemma_.lower() in _act_nouns()


@cache
def _act_nouns() -> frozenset[str]:
    """Nouns of acts the event dictionary codes ("invasion", "attack", "talks")."""
    from ..events.dictionary import load_dictionary

    return frozenset(load_dictionary().lemmas("n"))


