"""Arguments: source and target token heads from the frame, mapped to actors (passives, control,
relative clauses, appositions, conjunctions, pronouns, pairs)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from ..model import Actor, Quote
from . import codebook as cb
from . import detection
from .common import (
    CONDUCT_VERBS,
    DEFAULT_NOUN_TARGETS,
    DEFAULT_VERB_TARGETS,
    POPULATION_NOUNS,
    PURPOSE_COOP,
    QUESTION_MARKS,
    RELATION_NOUNS,
    RELATIONAL_NOUNS,
    STATE_NOUNS,
    SUBJECT_MATTER_ENTS,
    TOPIC_TARGETS,
    UNDERGOING_VERBS,
    ActorIndex,
    Candidate,
    Token,
    conjuncts,
    explicit_target,
    is_each_other,
    is_group,
    is_stative,
    last_pair,
    marked,
    movement,
    noun_lemmas,
    purpose_clauses,
    same_segment,
    side,
    to_infinitive,
    two_of,
)
from .dictionary import Entry
from .frames import (
    FIRST_PERSON,
    OBJ_DEPS,
    PERSON_PRONOUNS,
    PLURAL_PRONOUNS,
    THING_PRONOUNS,
    THIRD_PERSON,
    Frame,
    antecedent_candidates,
    is_verbal,
    logical_subjects,
    noun_frame,
    object_of_phrases,
    pobjs,
    verb_frame,
)


# ---- 4. arguments ----------------------------------------------------------------------------
def assign_arguments(coder: Any, c: Candidate, actors: ActorIndex) -> None:
    f, e = c.frame, c.entry
    coop = cb.root(c.code or "") in cb.COOPERATIVE_ROOTS
    stative = is_stative(c)
    src_heads = [h for h in source_heads(coder, c, actors) if same_segment(h, c.pred)]
    c.source_tokens = src_heads
    c.source = actors_of(coder, src_heads, actors, c.quote)
    if not c.source:
        src_heads = [h for h in fallback_source_heads(coder, c) if same_segment(h, c.pred)]
        c.source = actors_of(coder, src_heads, actors, c.quote)
        c.source_tokens = src_heads if c.source else c.source_tokens
    if c.derived_target_heads is not None:
        slots: tuple[str, ...] = ()
        c.target_tokens = c.derived_target_heads
        c.target = [a for a in actors_of(coder, c.derived_target_heads, actors, c.quote) if a not in c.source]
    else:
        slots = e.slot("t") or (TOPIC_TARGETS if "topic" in e.roles else
                                 DEFAULT_VERB_TARGETS if f.pos == "v" else noun_targets(coder, e))
        if f.pos == "n" and "t" in (e.slot("poss") or ()):
            slots = (*slots, "poss")
    if c.entry.frame in {"request", "appeal", "command"} and not c.derived_target_heads:
        # "demanded that Chile free ...": whoever is asked to act is the target
        slots = ("ccomp", *slots)
    for slot in slots:
        strict = slot.endswith("!")
        slot = slot.rstrip("!")
        if coop and slot == "against" and cb.root(c.code or "") != "08":
            # "defence against X": X is the adversary, never the partner; but what is eased or
            # lifted against X ("lifted the sanctions against X") was X's, who is the target
            continue
        if stative and slot == "dobj":
            continue  # the passive subject of "is committed to" is the doer, not the target
        heads = [h for h in slot_heads(f, slot) if same_segment(h, c.pred)]
        if any(is_each_other(h) for h in heads) and len(c.source) >= 2:
            c.target, c.target_tokens = list(c.source), list(c.source_tokens)
            c.rule += "+each-other"
            break
        found = [a for a in actors_of(coder, heads, actors, c.quote, strict=strict) if a not in c.source]
        if found:
            c.target, c.target_tokens = found, heads
            break
    if f.pos == "v" and cb.root(c.code or "") in REACTION_ROOTS:
        doer_of_object_event(coder, c, actors)  # the doer of the act reacted to, before its patient
    if not c.target and f.pos == "v" and e.slot("t"):
        pp_of_event_object(coder, c, actors)
    if not c.target and f.pos == "n":
        receiver_target(coder, c, actors)
    if not c.target and f.pos == "n":
        heads = [m for m in f.mods if subject_matter(c, m, actors) and same_segment(m, c.pred)]
        found = [a for a in actors_of(coder, heads, actors, c.quote) if a not in c.source]
        if found:
            c.target, c.target_tokens = found, heads
    named_object = any(o.pos_ in {"NOUN", "PROPN"} and o not in c.comp_tokens for o in f.objs)
    if not c.target and c.comp_tokens and not (named_object and f.pos == "v" and not stative):
        # "accused *the peacekeepers* of failing to protect X": the object is the target even
        # when it is no actor; what they are accused of does not name it
        complement_target(coder, c, actors)
    if not c.target and f.pos == "v" and cb.root(c.code or "") in {"05", "06", "07"}:
        purpose_target(coder, c, actors)
    if not c.source and f.pos == "v" and f.passive and not f.agent and movement(c):
        # "Russian soldiers were deployed to the region": troops move for their own side
        c.source = [a for a in actors_of(coder, f.objs, actors, c.quote) if a not in c.target]
        if c.source:
            c.source_tokens = list(f.objs)
            c.rule += "+moved-troops"
    if "swap" in e.roles:
        c.source, c.target = c.target, c.source
        c.source_tokens, c.target_tokens = c.target_tokens, c.source_tokens
    if not c.source and c.quote is None and f.pos == "v" and not f.passive \
            and any(s.lower_ in FIRST_PERSON for s in f.subj):
        # "I spoke to the mayor", "we asked the ministry": outside a quote the first person is the
        # writer, whose reporting is no act of the news
        c.dropped = "the writer's own act (first person outside a quote)"
    c.agentless = (f.pos == "v" and f.passive and not f.agent and not stative and not c.source) or (
        f.pos == "v" and not c.source and bool(c.target) and event_subject(coder, c)) or (
        f.pos == "n" and not c.source and bool(c.target) and explicit_target(c)
        and not governed(coder, c.pred))


def pp_of_event_object(coder: Any, c: Candidate, actors: ActorIndex) -> None:
    """ "suspended arms deals *with Pakistan*", "cut trade ties *with Qatar*": when a verb's object
    is itself an event or relation noun, a party-taking phrase the parser hung on the verb belongs
    to that noun and names the other side (not "arrested a man *with* links to X": a man is no event)."""
    f = c.frame
    objs = [o for o in f.objs if o.pos_ == "NOUN" and actors.at_token(o) is None
            and any(lemma in coder.nouns or lemma in RELATION_NOUNS for lemma in noun_lemmas(o))]
    if not objs:
        return
    heads = [h for p in ("with", "against", "on", "upon", "to", "toward", "towards") for h in f.preps.get(p, [])
             if h.i > objs[0].i and same_segment(h, c.pred)]
    found = [a for a in actors_of(coder, heads, actors, c.quote, strict=True) if a not in c.source]
    if found:
        c.target, c.target_tokens = found, heads
        c.rule += "+object-pp"


# verbal reactions whose object can be someone else's act: support and praise, disapproval, rejection
REACTION_ROOTS = frozenset({"05", "11", "12"})


def doer_of_object_event(coder: Any, c: Candidate, actors: ActorIndex) -> None:
    """ "dismissed warnings *by Chile*", "condemned *Peru's* attacks", "welcomed the offer *from X*": a
    reaction to an act is aimed at whoever did it, named on the act's noun (its agent, possessor or
    "from" phrase), before anyone the act was done to ("condemned the arrest of X *by Y*": Y)."""
    heads: list[Token] = []
    for o in c.frame.objs:
        if o.pos_ != "NOUN" or actors.at_token(o) is not None or not any(lemma in coder.nouns for lemma in noun_lemmas(o)):
            continue
        for ch in o.children:
            if ch.dep_ == "poss":
                heads.append(ch)
            elif ch.dep_ == "prep" and ch.lower_ in {"by", "from"}:
                heads.extend(pobjs(ch))
            elif ch.dep_ == "prep" and ch.lower_ == "of":  # "the arrest of X by Y": the parser hangs
                heads.extend(h for x in pobjs(ch) for b in x.children  # "by Y" on X
                             if b.dep_ == "prep" and b.lower_ == "by" for h in pobjs(b))
        if not c.frame.passive:  # the parser hangs the noun's "by" phrase on the verb after it
            heads.extend(h for p in ("by", "from") for h in c.frame.preps.get(p, []) if h.i > o.i)
    heads = [h for h in heads if same_segment(h, c.pred)]
    found = [a for a in actors_of(coder, heads, actors, c.quote) if a not in c.source]
    if found:
        c.target, c.target_tokens = found, heads
        c.rule += "+object-doer"


def receiver_target(coder: Any, c: Candidate, actors: ActorIndex) -> None:
    """ "Chile won praise from Peru", "the plan drew criticism", "received aid": the subject of a
    receiving verb gets what its object noun names, so is that act's target; "his remarks sparked
    outrage": whoever caused disapproval is its target."""
    f = c.frame
    if f.pred.dep_ not in OBJ_DEPS:
        return
    verb = f.pred.head.lemma_.lower()
    receiving = verb in RECEIVING_VERBS
    if not receiving and not (verb in CAUSING_VERBS and cb.root(c.code or "") == "11"):
        return
    heads = [h for h in logical_subjects(f.pred.head) if same_segment(h, c.pred)]
    if not receiving:
        # "his remarks sparked outrage", "the move provoked a backlash": disapproval of whoever
        # said or did what caused it (the subject, or the subject's possessor)
        heads += [p for h in heads for p in h.children if p.dep_ == "poss"]
    found = [a for a in actors_of(coder, heads, actors, c.quote) if a not in c.source]
    if found:
        c.target, c.target_tokens = found, heads


def event_subject(coder: Any, c: Candidate) -> bool:
    """ "A car bomb killed two guards": the subject is the attack itself, the attacker is
    not named (as in an agentless passive)."""
    subj = [t for t in c.frame.subj if t.pos_ in {"NOUN", "PROPN"}]
    return bool(subj) and cb.root(c.code or "") in cb.MATERIAL_CONFLICT_ROOTS and all(
        violent_noun(coder, t) for t in subj)


def violent_noun(coder: Any, tok: Token) -> bool:
    """An attack noun by the dictionary ("bombing", "air strike"; not a plain "fire")."""
    for lemma in noun_lemmas(tok):
        if lemma in coder.nouns:
            hit = detection.match(coder, noun_frame(tok, lemma), "n", lemma)
            if hit is not None and hit[1] and cb.root(hit[1]) in cb.VIOLENT_ROOTS:
                return True
    return False


def governed(coder: Any, noun: Token) -> bool:
    """An event noun that is what a coded verb acts on ("lifted *the sanctions*", "condemned
    *the attack*"): it is that verb's content, not an event the text reports."""
    head = noun.head
    if noun.dep_ == "pobj" and head.head.pos_ == "VERB":
        head = head.head
    elif noun.dep_ not in {"dobj", "nsubjpass", "attr", "nsubj", "csubj"}:
        return False
    while head.dep_ in {"csubj", "xcomp", "ccomp"} and head.pos_ != "VERB":
        head = head.head
    return head.pos_ in {"VERB", "AUX"} and base_code(coder, head) is not None


def base_code(coder: Any, tok: Token) -> str | None:
    """The dictionary code of a verb token on its own (no frames, no modality)."""
    lemma = tok.lemma_.lower()
    if lemma not in coder.verbs:
        return None
    hit = detection.match(coder, verb_frame(tok, lemma), "v", lemma)
    return hit[1] if hit else None


def complement_target(coder: Any, c: Candidate, actors: ActorIndex) -> None:
    """ "threatened *to expel the envoys of Chile*": a frame verb's target is its content's."""
    coop = cb.root(c.code or "") in cb.COOPERATIVE_ROOTS
    for tok in c.comp_tokens:
        hit = None
        lemma = tok.lemma_.lower()
        if is_verbal(tok):
            frame = verb_frame(tok, lemma)
            hit = detection.match(coder, frame, "v", lemma) if lemma in coder.verbs else None
            default = DEFAULT_VERB_TARGETS
        elif tok.pos_ in {"NOUN", "PROPN"}:  # the event noun of a light verb
            frame = noun_frame(tok, lemma)
            hit = detection.match(coder, frame, "n", lemma) if lemma in coder.nouns else None
            default = noun_targets(coder, hit[0]) if hit else DEFAULT_NOUN_TARGETS
        else:
            continue
        slots = (hit[0].slot("t") if hit else None) or default
        for slot in slots:
            slot = slot.rstrip("!")
            if coop and slot == "against":
                continue
            heads = [h for h in slot_heads(frame, slot) if same_segment(h, c.pred)]
            own = set().union(*(side(s, actors) for s in c.source)) if c.source else set()
            # "agreed to instruct *their officials*": the doers' own people are not a target
            found = [a for a in actors_of(coder, heads, actors, c.quote) if a not in c.source
                     and not (is_group(a, actors) and side(a, actors) & own)]
            if found:
                c.target, c.target_tokens = found, heads
                c.rule += "+complement-target"
                return


def purpose_target(coder: Any, c: Candidate, actors: ActorIndex) -> None:
    """"donated ventilators *to assist Ethiopia*", "provided funds *to help* X": aid given for a
    purpose that names who is helped goes to them."""
    for ch in purpose_clauses(c, on_object=True):
        if ch.lemma_.lower() not in PURPOSE_COOP:
            continue
        heads = [o for o in ch.children if o.dep_ in {"dobj", "obj"} and same_segment(o, c.pred)]
        heads += [x for k in ch.children if k.dep_ in {"ccomp", "xcomp"}  # "to help *X* rebuild"
                  for x in k.children if x.dep_ == "nsubj" and x.i < k.i]
        found = [a for a in actors_of(coder, heads, actors, c.quote) if a not in c.source]
        if found:
            c.target, c.target_tokens = found, heads
            c.rule += "+purpose-target"
            return


def noun_targets(coder: Any, e: Entry) -> tuple[str, ...]:
    of_role = e.slot("of")
    if of_role and "s" in of_role:
        return tuple(s for s in DEFAULT_NOUN_TARGETS if s != "of")
    return DEFAULT_NOUN_TARGETS


def source_heads(coder: Any, c: Candidate, actors: ActorIndex | None = None) -> list[Token]:
    f, e = c.frame, c.entry
    if is_stative(c):
        return list(f.objs)  # "Kenya is committed to ...", "the troops were engaged in ..."
    if e.slot("s"):
        heads: list[Token] = []
        for slot in e.slot("s") or ():
            heads = slot_heads(f, slot)
            if heads:
                return heads
        return []
    if f.pos == "v":
        return list(f.subj)
    if f.agent:
        return list(f.agent)
    of_role = e.slot("of")
    if of_role and "s" in of_role and f.preps.get("of"):
        return list(f.preps["of"])
    # "condemnation from Chile", "praise from Peru", "complaints from Washington": a said act's
    # "from" phrase names who said it (a move "from" a place is where it left: not these roots)
    sayers: list[Token] = []
    if cb.root(c.code or "") in FROM_SOURCE_ROOTS and "from" not in (e.slot("t") or ()):
        sayers = list(f.preps.get("from", []))
        gov = f.pred.head
        if not sayers and f.pred.dep_ in OBJ_DEPS and gov.pos_ == "VERB":
            # "drew condemnation from Peru", "won praise from Chile": the phrase hangs on the verb
            sayers = [o for ch in gov.children if ch.dep_ == "prep" and ch.lower_ == "from" for o in pobjs(ch)]
    # "his arrest": the possessor undergoes it; with an "of" phrase for that ("Russia's arrest of
    # the activist") the possessor is the doer again
    patient = "t" in (e.slot("poss") or ()) and not f.preps.get("of")
    return sayers + [m for m in f.mods if (m.dep_ in {"compound", "amod", "nmod"} and not subject_matter(c, m, actors))
                     or (m.dep_ == "poss" and not patient)]


# verbs whose subject gets what their object noun names ("won praise", "drew criticism", "received aid")
RECEIVING_VERBS = frozenset({"receive", "win", "draw", "earn", "face", "attract", "get", "garner", "gain", "accept",
                             "welcome", "incur", "court"})
# verbs whose subject brings about what their object noun names ("sparked outrage", "provoked a backlash")
CAUSING_VERBS = frozenset({"spark", "provoke", "trigger", "prompt", "cause", "ignite", "fuel", "stir", "unleash",
                           "generate", "invite"})
# nouns naming something said or suspected: their clause says what was claimed, and of whom
CONTENT_NOUNS = frozenset({"claim", "allegation", "accusation", "charge", "report", "suspicion", "assertion",
                           "suggestion", "rumor", "rumour", "complaint", "evidence", "sign", "indication"})

# verbal acts (appeals, intentions, consultations and support; demands, disapproval, rejections,
# threats, protests) and aid: the "from" phrase of their noun names the doer
FROM_SOURCE_ROOTS = frozenset({"02", "03", "04", "05", "07", "10", "11", "12", "13", "14"})


def subject_matter(c: Candidate, mod: Token, actors: ActorIndex | None) -> bool:
    """Does a modifier of an investigation noun name what is investigated? A noun-noun compound
    naming a country, a person, a place or an event does ("the Russia probe", "the Benghazi
    inquiry"); an organisation, a party or an adjective names the investigator ("the FBI probe", "a
    Democrat inquiry", "a Russian inquiry"). The actor found there decides, else the entity type."""
    if c.frame.pos != "n" or mod.dep_ != "compound" or cb.root(c.code or "") != "09":
        return False
    actor = actors.at_token(mod) if actors is not None else None
    if actor is not None:
        return actor.kind in {"country", "person"}
    return mod.ent_type_ in SUBJECT_MATTER_ENTS


def fallback_source_heads(coder: Any, c: Candidate) -> list[Token]:
    """An event noun without a doer of its own, object of a report or of a verb that is no event
    itself ("announced a halt to flights", "held a march"): that verb's subject acts."""
    f = c.frame
    gov = f.pred.head
    if f.pos != "n" or gov.i == f.pred.i:
        return []
    if f.pred.dep_ == "pobj" and gov.head.pos_ == "VERB" and (gov.lower_ in {"for", "to", "in", "into"} or (
            gov.lower_ in {"during", "at", "before", "after"} and cb.root(c.code or "") == "04" and "with" in f.preps)):
        gov = gov.head  # "envoys headed back to Quito *for talks*", "came *to a rally*", "said *during
        # talks with X*", "spoke *before a meeting with X*": who speaks around a meeting with someone
        # named is in it
    elif f.pred.dep_ == "pobj" and gov.lower_ == "in" and gov.head.lemma_ == "be":
        gov = gov.head  # "Iran and France are *in talks*": who is in it does it (not "under investigation")
    elif f.pred.dep_ not in OBJ_DEPS or gov.pos_ != "VERB":
        return []
    if gov.lemma_.lower() in UNDERGOING_VERBS or (
            gov.lemma_.lower() in RECEIVING_VERBS | CAUSING_VERBS and f.pred.dep_ in OBJ_DEPS):
        return []  # "refugees who fled the fighting", "survived the bombing", "drew criticism",
        # "sparked outrage": they did not do it
    gov_code = base_code(coder, gov)
    if gov_code is None or gov_code == "010" or gov.lemma_.lower() in CONDUCT_VERBS:
        return logical_subjects(gov)
    return []


def slot_heads(f: Frame, slot: str) -> list[Token]:
    if slot == "dobj":
        return list(f.objs) or small_clause_subjects(f)
    if slot == "dative":
        return list(f.dative)
    if slot == "ccomp":
        comps = [comp for comp in f.comps if comp.dep_ == "ccomp" or (
            f.pos == "n" and any(ch.dep_ in {"nsubj", "nsubjpass"} for ch in comp.children))]
        if f.pos == "n" and f.pred.dep_ in OBJ_DEPS:  # "renewed its demand that Chile free ..."
            comps += [ch for ch in f.pred.head.children if ch.dep_ == "ccomp" and ch.i > f.pred.i]
        # "investigating claims that Syria used ...": a noun of saying as the object carries the
        # clause whose doer is the one acted on
        comps += [ch for o in f.objs if o.lemma_.lower() in CONTENT_NOUNS
                  for ch in o.children if ch.dep_ in {"acl", "ccomp"} and ch.i > o.i
                  and marked(ch, QUESTION_MARKS | {"that"})]
        return [s for comp in comps for s in logical_subjects(comp)]
    if slot == "xcomp":
        return [o for comp in f.comps if comp.dep_ == "xcomp" for o in comp.children if o.dep_ in OBJ_DEPS]
    if slot == "subj":
        return list(f.subj)
    if slot in {"poss", "compound", "amod", "nmod"}:
        return [m for m in f.mods if m.dep_ == slot]
    # "an inquiry into whether X worked for Y": a clause after the preposition names an act, whose
    # doer is the one acted on
    heads = [s for h in f.preps.get(slot, []) for s in (
        logical_subjects(h) if h.pos_ in {"VERB", "AUX"} and marked(h, QUESTION_MARKS) else [h])]
    if slot == "of" and not heads:
        heads = object_of_phrases(f)  # "took control of the town": the phrase on the object
    if slot == "for" and f.pos == "v":
        # "asked for Congress to act", "called for Israel to withdraw": the frame keeps the clause
        # under "for"; the one asked to act is its subject, not an object of "for"
        heads += [s for h in f.preps.get("for", []) if h.dep_ in {"advcl", "ccomp"} and h.i > f.pred.i
                  and marked(h, {"for"}) and to_infinitive(h) for s in h.children if s.dep_ == "nsubj"]
    return heads


def small_clause_subjects(f: Frame) -> list[Token]:
    """The subject of a bare infinitive after a verb with no object ("helped *Kenya* build a port",
    "let *the prisoners* go"): the parse hangs the verb's object on the infinitive as its
    subject; a clause of saying has a finite verb ("said Kenya built") and is not read so."""
    if f.pos != "v":
        return []
    return [s for c in f.pred.children if c.dep_ == "ccomp" and c.tag_ == "VB" and c.i > f.pred.i
            and not any(m.dep_ in {"mark", "aux"} for m in c.children)
            for s in c.children if s.dep_ == "nsubj" and s.i < c.i]


def actors_of(coder: Any, heads: Iterable[Token], actors: ActorIndex, quote: Quote | None,
            strict: bool = False) -> list[str]:
    """Actor ids for argument heads: the head's own actor, else its modifiers' ("Kenyan
    officials"), else an "of" phrase's ("ministers of Ghana"); conjuncts each count. ``strict``:
    only the heads' own actors ("called Erdogan", not "called the NATO plan")."""
    out: list[str] = []
    for head in heads:
        for h in [head, *conjuncts(head)]:
            if strict:
                own = actors.at_token(h)
                if own is not None and own.id not in out:
                    out.append(own.id)
                continue
            for a in head_actors(coder, h, actors, quote):
                if a not in out:
                    out.append(a)
    return out


def head_actors(coder: Any, h: Token, actors: ActorIndex, quote: Quote | None, depth: int = 0) -> list[str]:
    a = actors.at_token(h)
    pair = pair_of(coder, h, actors, a)
    if pair:
        return pair
    if a is not None:
        return [a.id]
    if quote is not None and h.lower_ in FIRST_PERSON and quote.speaker:
        return [quote.speaker]
    if h.lower_ in THIRD_PERSON:
        return antecedent(coder, h, actors, quote, depth)
    found: list[str] = []
    weak: list[str] = []  # from a possessive pronoun: "its ambassador *to Bolivia*"
    relational = h.lemma_.lower() in RELATIONAL_NOUNS  # "my colleagues" are not me
    for m in h.children:
        if m.dep_ in {"amod", "compound", "poss", "nmod", "npadvmod"} and m.i < h.i:
            if relational and m.dep_ == "poss":
                continue
            bucket = weak if m.tag_ == "PRP$" else found
            for t in [m, *conjuncts(m)]:
                x = actors.at_token(t)
                if x is None and quote is not None and t.lower_ in FIRST_PERSON and quote.speaker:
                    bucket.append(quote.speaker)
                elif x is not None and x.id not in bucket:
                    bucket.append(x.id)
                elif x is None:
                    bucket.extend(i for i in head_actors_deep(t, actors) if i not in bucket)
    if found:
        return found
    for m in sorted(h.children, key=lambda x: x.lower_ != "of"):
        if found and m.lower_ != "of":
            break
        if m.dep_ in {"prep", "agent"} and m.lower_ in {"of", "by", "from"}:
            for g in pobjs(m):
                targets = [g] if g.dep_ == "pobj" else [o for o in g.children if o.dep_ in OBJ_DEPS]
                for t in targets:
                    found.extend(i for i in actors_of(coder, [t], actors, quote) if i not in found)
        elif m.dep_ == "appos":  # "the two security chiefs, A of Kyrgyzstan and B of Tajikistan"
            for t in [m, *(x for x in m.subtree if x.dep_ in {"conj", "appos"} and x.pos_ == "PROPN")]:
                x = actors.at_token(t)
                if x is not None and x.id not in found:
                    found.append(x.id)
        elif m.dep_ == "acl" and m.tag_ == "VBN":  # "the promises *made by the G7*"
            for ag in m.children:
                if ag.dep_ == "agent":
                    found.extend(i for g in pobjs(ag) for i in actors_of(coder, [g], actors, quote)
                                 if i not in found)
    if not found and h.pos_ == "NOUN":  # "its quarrel *with Chile*", "a school *for Somali children*"
        for m in h.children:
            if m.dep_ == "prep" and m.lower_ in {"with", "against", "on", "to", "toward", "towards", "for"}:
                for g in pobjs(m):
                    found.extend(i for i in head_actors_deep(g, actors, own=True) if i not in found)
    if not found and weak:
        return weak
    if not found and h.pos_ == "NOUN":  # "police officers *in Togo*", "farmers facing a drought *in Chile*"
        iso3 = located_in(h, actors)
        if iso3 is not None:
            ref = actors.country(iso3) if h.lemma_.lower() in POPULATION_NOUNS else (
                iso3 if iso3 in actors.by_id else None)
            if ref is not None:
                found.append(ref)
    return found


def located_in(h: Token, actors: ActorIndex) -> str | None:
    """The country a noun phrase is placed in by its own phrases: "in Togo", "from Kabul",
    or a participle's ("farmers *facing a drought in Chile*", "crowds *gathered in Almaty*")."""
    preps = [m for m in h.children if m.dep_ == "prep" and m.lower_ in {"in", "from", "across", "throughout"}]
    for acl in (m for m in h.children if m.dep_ == "acl" and m.tag_ in {"VBG", "VBN"}):
        preps += [p for p in acl.children if p.dep_ == "prep" and p.lower_ in {"in", "from", "across"}]
        for o in acl.children:
            if o.dep_ in OBJ_DEPS:
                preps += [p for p in o.children if p.dep_ == "prep" and p.lower_ == "in"]
    for p in preps:
        for g in pobjs(p):
            iso3 = actors.country_at(g)
            if iso3 is not None:
                return iso3
    return None


def head_actors_deep(t: Token, actors: ActorIndex, own: bool = False) -> list[str]:
    """Actors on a token's compound/adjective/possessor modifiers (and on itself if ``own``)."""
    out = []
    if own:
        x = actors.at_token(t)
        if x is not None:
            return [x.id]
    for m in t.children:
        if m.dep_ in {"compound", "amod", "poss", "npadvmod"}:  # "Hamas-led": npadvmod of "led"
            x = actors.at_token(m)
            if x is not None:
                out.append(x.id)
    return out


def antecedent(coder: Any, pron: Token, actors: ActorIndex, quote: Quote | None, depth: int) -> list[str]:
    """A third-person pronoun the actor component left unresolved, bound by the subject of a
    clause that governs it ("Kenya announced that *it* would send ..."), when the actor fits it."""
    if depth > 2:
        return []
    lower = pron.lower_
    for cand in antecedent_candidates(pron):
        ids = head_actors(coder, cand, actors, quote, depth + 1)
        kinds = [(actors.by_id[i].kind if i in actors.by_id else "") for i in ids]
        if not ids:
            continue
        if lower in PERSON_PRONOUNS and all(k == "person" for k in kinds) and len(ids) == 1:
            return ids
        if lower in THING_PRONOUNS and len(ids) == 1 and kinds[0] != "person":
            return ids
        if lower in PLURAL_PRONOUNS and (len(ids) > 1 or kinds[0] != "person"):
            return ids
        return []  # the nearest subject does not fit: do not reach further
    return []


def pair_of(coder: Any, h: Token, actors: ActorIndex, own: Actor | None) -> list[str]:
    """ "the two sides", "both countries": the last two actors named together before them ("A
    and B"), or the two sides of the last act between two actors ("A met B"), whichever is
    nearer; "the two governments" are those actors' countries."""
    if not two_of(h) or (own is not None and len(own.members) == 2):
        return []
    at, pair = last_pair(h, actors)
    dyad = actors.history.last_dyad(h.i)
    if dyad is not None and dyad.token > at:
        pair = [dyad.source[0], dyad.target[0]]
    if h.lemma_.lower() in STATE_NOUNS:
        states = []
        for i in pair:
            a = actors.by_id.get(i)
            ref = actors.country(a.country) if a is not None and a.country else i
            if ref and ref not in states:
                states.append(ref)
        pair = states if len(states) == 2 else pair
    return pair
