"""Detection (rules): which predicates report an event, their base CAMEO code, and the frames
("promised *to send aid*", "accused X *of shelling*") that fold a complement into the code."""

from __future__ import annotations

from typing import Any

from . import codebook as cb
from . import modality
from .common import (
    ABOUT_PREPS,
    ABSORBING_CODES,
    ABSORBING_FRAMES,
    ABSORBING_ROOTS,
    ABSTRACT_NOUNS,
    ABSTRACT_SINGULARS,
    CANCELLING_PHRASALS,
    CANCELLING_VERBS,
    COMPETITION_NOUNS,
    COMPETITION_PREPS,
    COMPLEMENT_PREPS,
    COMPLEMENT_PREPS_BY_ROOT,
    ENDANGERED_NOUNS,
    ENDING_PHRASALS,
    ENDING_VERBS,
    IMPLICIT_FRAME,
    KEEPING_VERBS,
    MEDIA_NOUNS,
    NATURAL_CAUSE_FORMS,
    OBLIGATION_AUX,
    PREVENTING_VERBS,
    PURPOSE_COOP,
    QUESTION_MARKS,
    WARNING_VERBS,
    WRONGDOING_CODES,
    Candidate,
    Token,
    absorb,
    conjuncts,
    derive,
    descriptive,
    joint,
    marked,
    noun_lemmas,
    planning_noun,
    purpose_clauses,
    rule,
    same_segment,
    through_aspect,
    to_infinitive,
    token_forms,
    verb_lemmas_of,
    word_in,
)
from .dictionary import Entry, Region, set_terms
from .discourse import GENERIC_ACTS
from .frames import (
    OBJ_DEPS,
    Frame,
    blamed_subject,
    is_person_head,
    is_verbal,
    logical_subjects,
    noun_frame,
    np_core,
    object_of_phrases,
    verb_frame,
    words,
)


def code_sentence(coder: Any, sent: Any, forms: tuple[list[str], list[str], list[str]] | None = None
                  ) -> list[Candidate]:
    """Code the predicates of one sentence (no actors needed): base codes, frames, modality.

    ``forms`` may pass the whole Doc's (texts, lower forms, lemmas) as lists, so that tokens the
    dictionary does not know are dismissed without building spaCy Token objects."""
    doc = sent.doc
    if forms is None:
        forms = token_forms(doc[sent.start:sent.end].as_doc())
        offset = sent.start
    else:
        offset = 0
    words, lower, lemmas = forms
    cands: dict[int, Candidate] = {}
    for i in range(sent.start, sent.end):
        k = i - offset
        verbs, noun = known_forms(coder, lower[k], lemmas[k])
        if not verbs and not noun and not (i >= 2 and words[k - 1] == "-"):
            continue  # no pattern for this word: most tokens end here
        tok = doc[i]
        c = code_token(coder, tok)
        if c is not None:
            c.span = sent
            cands[tok.i] = c
    ordered = sorted(cands.values(), key=lambda c: c.depth)
    for c in ordered:
        apply_frame(coder, c, cands)
    for c in ordered:
        if naming(c):
            c.dropped = "naming: a verb of calling with a name or label after its object, no call"
        elif inquiry(c):
            c.dropped = "inquiry: asking a question is no request"
        elif figurative_violence(c):
            c.dropped = "figurative: violence done by or to an abstract thing"
        elif contest(c):
            c.dropped = "contest: beating or overtaking someone in a race or a poll is no force"
        elif medium_visit(c):
            c.dropped = "medium: 'went to Twitter' goes out on a channel, to no place or host"
        elif endangering(c):
            c.dropped = "endangering: 'threatens the integrity of X' says a thing is at risk, no one threatens"
        elif natural_harm(c):
            c.dropped = "natural: a disease or a natural hazard harms, no one acts"
        elif characterised(c):
            c.dropped = "characterisation: 'seen as threatening' judges something, no one acts"
        elif prevented(c):
            c.dropped = "prevented: 'thwarted attacks', 'foiled a plot', 'called off the talks' name what did not happen"
        elif ended(c):
            c.dropped = "ended: 'halted the talks', 'an end to the fighting' tell the act's end, not the act"

        if not c.absorbed and c.code is not None:
            modality.apply_modality(coder, c)
            purpose(coder, c, cands)
            if not c.dropped and modality.aim_of_an_act(c, cands):
                c.mode, c.dropped = "hypothetical", "the aim of another act ('sent troops to attack X'): not done"
    return [cands[i] for i in sorted(cands)]


def figurative_violence(c: Candidate) -> bool:
    """A verb coded as violence (CAMEO 18-20) whose subject or every object is an abstract thing:
    "the deal struck in Geneva", "sanctions hit the economy", "settlements hurt peace prospects",
    "the decision will kill the process". Physical force needs bodies, places or things to act on
    and someone to act; a ``sense`` pattern or a frame that derived the code is left alone."""
    if c.frame.pos != "v" or c.code is None or cb.root(c.code) not in cb.VIOLENT_ROOTS or c.code != c.base \
            or "sense" in c.entry.roles:
        return False
    if any(s.dep_ == "nsubj" and s.pos_ == "NOUN" and s.lemma_.lower() in ABSTRACT_NOUNS for s in c.pred.children):
        return True  # the verb's own subject ("the decision to bomb" is someone's decision, not a bomber)
    if c.pred.lemma_.lower() in _SEIZING_VERBS:
        return False  # "seized power", "grabbed authority": a takeover, not a figure of speech
    return objects_all_in(c.frame, ABSTRACT_NOUNS, singulars=ABSTRACT_SINGULARS)


# verbs of taking by force: power or authority seized is a takeover
_SEIZING_VERBS = frozenset({"seize", "grab", "usurp", "wrest", "capture", "take"})


def natural_harm(c: Candidate) -> bool:
    """A verb coded as violence (CAMEO 18-20) whose subject is a disease or a natural hazard ("the
    virus has killed 100,000", "floods killed 40 villagers", "cholera killed dozens"): harm that no
    one did, so no event (not "gunmen killed", nor "a car bomb killed", whose bomber is unnamed); in
    the passive, the agent ("the province was hit by floods", "were killed by the virus")."""
    if c.frame.pos != "v" or c.code is None or cb.root(c.code) not in cb.VIOLENT_ROOTS:
        return False
    doers = [s for s in c.pred.children if s.dep_ == "nsubj"] + [
        o for a in c.pred.children if a.dep_ == "agent" for o in a.children if o.dep_ == "pobj"]
    return any(s.pos_ in {"NOUN", "PROPN"} and s.lower_ in NATURAL_CAUSE_FORMS for s in doers)


def contest(c: Candidate) -> bool:
    """A verb of force (CAMEO 18-20) set in a contest or measured by one: "beat X in the primary",
    "overtook X in the latest poll", "crushed X by ten points", "dominates X among young voters".
    Force is done to bodies and places; a race, a poll or a vote is won, not fought."""
    if c.frame.pos != "v" or c.code is None or cb.root(c.code) not in cb.VIOLENT_ROOTS or c.code != c.base:
        return False
    return any(word_in(o, COMPETITION_NOUNS) for p in COMPETITION_PREPS for o in c.frame.preps.get(p, []))


def medium_visit(c: Candidate) -> bool:
    """A visit (CAMEO 042) whose every destination is a channel words go out on ("went to Twitter
    to defend the plan", "went on television"): no place, no host, no visit."""
    if c.code is None or c.code[:3] != "042" or c.frame.pos != "v":
        return False
    dests = [d for p in ("to", "on") for d in c.frame.preps.get(p, [])]
    return bool(dests) and all(word_in(d, MEDIA_NOUNS) for d in dests)


def objects_all_in(f: Frame, nouns: frozenset[str], *, singulars: frozenset[str] = frozenset()) -> bool:
    """Has the frame objects (nouns, names or pronouns), every one a common noun of ``nouns`` (by
    its lemma) or of ``singulars`` (as written, so not its plural)?"""
    objs = [o for o in f.objs if o.pos_ in {"NOUN", "PROPN", "PRON"}]
    return bool(objs) and all(o.pos_ == "NOUN" and (o.lemma_.lower() in nouns or o.lower_ in singulars) for o in objs)


def endangering(c: Candidate) -> bool:
    """ "threaten" meaning *endanger*: every object a condition or a value ("threatens the integrity of
    the vote", "threatened its security", "could threaten the recovery"), and no threatened act
    ("with sanctions", "to strike"). A threat is made to someone; a condition can only be put at risk."""
    if c.frame.pos != "v" or c.code is None or cb.root(c.code) != "13" or c.code != c.base or c.comp_code:
        return False
    if "with" in c.frame.preps or any(ch.dep_ in {"xcomp", "ccomp"} for ch in c.pred.children):
        return False
    return objects_all_in(c.frame, ENDANGERED_NOUNS)


# verbs of judging something as something ("regarded as", "seen as", "described as")
_JUDGING = frozenset({"regard", "see", "view", "consider", "describe", "perceive", "deem", "characterize",
                      "characterise", "portray", "interpret", "depict", "paint", "brand", "label", "read"})


def characterised(c: Candidate) -> bool:
    """ "cannot be regarded as threatening", "were seen as provoking the neighbours": a verb after the
    "as" of a verb of judging says what something is taken for; it reports no act of its own."""
    pred = c.pred
    if c.frame.pos != "v" or pred.dep_ not in {"pcomp", "pobj"} or pred.head.lower_ != "as":
        return False
    return pred.head.head.lemma_.lower() in _JUDGING


def naming(c: Candidate) -> bool:
    """ "called them the Greatest Generation", "can we call this nation civilized": a verb of calling
    whose object has a name or label after it (``oprd``) names; it is no telephone call or
    meeting (CONSULT). Its pejorative readings ("called the vote a sham") are other codes."""
    return (c.frame.pos == "v" and c.code is not None and cb.root(c.code) == "04"
            and any(ch.dep_ == "oprd" for ch in c.pred.children) and not any(o.dep_ == "oprd" for o in c.frame.objs))


_ASKING = frozenset({"ask", "inquire", "enquire"})
_WH_TAGS = frozenset({"WDT", "WP", "WP$", "WRB"})


def prevented(c: Candidate) -> bool:
    """An event noun that a verb of prevention acts on ("helped thwart terrorist attacks", "foiled a
    bombing", "averted a strike") or that a verb of cancelling calls off ("cancelled the summit"),
    or an act someone was kept from ("stopped X from attacking"):
    it was stopped before it happened, and the preventer did not do it. A plot or plan foiled takes
    its planned act with it (its infinitive is intended only)."""
    if c.frame.pos == "v":
        v = c.pred
        if v.dep_ == "pcomp" and v.head.lower_ == "from" and v.head.head.lemma_.lower() in KEEPING_VERBS:
            return True  # "stopped X from attacking": X did not attack
        plan = planning_noun(v)  # "foiled a plot to bomb X": the bombing went with the plot
        return plan is not None and plan.dep_ in OBJ_DEPS and prevents(plan.head)
    noun = c.pred
    while noun.dep_ == "conj":
        noun = noun.head
    verb = noun.head
    if (noun.dep_ in OBJ_DEPS or noun.dep_ == "nsubjpass") and cancels(verb):
        return True  # "called off the meeting", "the summit was postponed": it did not take place
    if noun.dep_ == "pobj" and verb.lower_ == "from":  # "prevented X from attacking"
        verb = verb.head
    elif noun.dep_ not in OBJ_DEPS:
        return False
    return prevents(verb)


def ended(c: Candidate) -> bool:
    """An event noun whose end the sentence tells: the object of a verb of ending ("halted the
    talks", "suspended negotiations", "broke off talks"), or what "an end" is put to ("announced an
    end to the negotiations", "called for an end to the fighting"). The act was under way before;
    what happens now is its ending (coded by the verb where it has a code of its own: halting
    negotiations is CAMEO 164), not a new act."""
    if c.frame.pos != "n":
        return False
    noun = c.pred
    while noun.dep_ == "conj":
        noun = noun.head
    head = noun.head
    if noun.dep_ in OBJ_DEPS and head.pos_ in {"VERB", "AUX"} and verb_of(head, ENDING_VERBS, ENDING_PHRASALS):
        return True
    if noun.dep_ != "pobj" or head.lower_ != "to":
        return False
    over = head.head  # "an end *to* the talks", or "put an end *to* them" with "to" on the verb
    return (over.lemma_.lower() == "end" and over.pos_ == "NOUN") or (over.pos_ == "VERB" and any(
        o.dep_ in OBJ_DEPS and o.lemma_.lower() == "end" for o in over.children))


def cancels(verb: Token) -> bool:
    """A verb that calls off what it names before it takes place ("cancelled", "scrapped",
    "postponed"; "call" and "put" only with "off")."""
    return verb_of(verb, CANCELLING_VERBS, CANCELLING_PHRASALS)


def verb_of(verb: Token, verbs: frozenset[str], phrasals: frozenset[tuple[str, str]]) -> bool:
    """Is the verb one of ``verbs``, or with its particle one of ``phrasals`` ("call off")?"""
    lemma = verb.lemma_.lower()
    return lemma in verbs or any((lemma, p.lower_) in phrasals for p in verb.children if p.dep_ == "prt")


def prevents(verb: Token) -> bool:
    """A verb of prevention ("thwart", "foil", "avert"; "head" only as "head off": "headed a plot"
    led it)."""
    lemma = verb.lemma_.lower()
    return lemma in PREVENTING_VERBS and (lemma != "head" or any(
        p.dep_ == "prt" and p.lower_ == "off" for p in verb.children))


def inquiry(c: Candidate) -> bool:
    """ "asked whether the talks would resume", "was asked why ...", "Cruz was asked", "asked: 'Do
    you ...?'": a verb of asking whose content is a question, or whose subject is only questioned,
    is an inquiry, not a request for action (REQUEST needs what is asked for: "asked X to ...",
    "asked for ...", "asked Congress for $5 billion")."""
    verb = c.pred
    if c.frame.pos != "v" or verb.lemma_.lower() not in _ASKING or cb.root(c.code or "") != "02":
        return False
    kids = list(verb.children)
    if any(k.dep_ == "xcomp" or (k.dep_ == "prep" and k.lower_ == "for") for k in kids):
        return False  # "asked them to leave", "asked for help"
    if any(k.dep_ in {"dobj", "dative"} and k.lemma_.lower() in {"question", "riddle"} for k in kids):
        return True  # "asked the senator the next question"
    for k in kids:
        if k.dep_ in {"ccomp", "advcl", "dep"} and k.i > verb.i:
            first = k.left_edge
            if first.lower_ in QUESTION_MARKS or first.tag_ in _WH_TAGS or marked(k, QUESTION_MARKS):
                return True
            if any(t.text == "?" for t in k.subtree):
                return True  # a quoted question
    passive = any(k.dep_ in {"auxpass", "nsubjpass"} for k in kids) or (verb.tag_ == "VBN" and verb.dep_ == "advcl")
    objects = any(k.dep_ in {"dobj", "dative"} for k in kids)
    if any(k.dep_ == "prep" and k.lower_ == "about" for k in kids):
        return True  # "asked (X) about the plan": a question put, nothing asked for
    return passive and not objects  # "he was asked", "asked, she said"


def absorb_restated_nouns(cands: list[Candidate]) -> None:
    """ "imposed sanctions on X", "launched an attack on X": an event noun that is what a verb
    coded with the same kind of act does is that verb's event told again, not a second event. Run
    after the arguments: a side only the noun names ("an attack *on X*") goes to the verb's event."""
    by_token = {c.pred.i: c for c in cands}
    for c in cands:
        if c.frame.pos != "n" or c.absorbed or c.code is None:
            continue
        tok = c.pred
        gov = tok.head.head if tok.dep_ == "pobj" else tok.head
        if tok.dep_ not in {"dobj", "obj", "nsubjpass", "attr", "pobj"} or gov.i == tok.i:
            continue
        verb = by_token.get(gov.i)
        if verb is None or verb is c or verb.absorbed or verb.dropped or verb.code is None \
                or cb.root(verb.code) != cb.root(c.code):
            continue
        if not verb.source and c.source:
            verb.source, verb.source_tokens = list(c.source), list(c.source_tokens)
        if not verb.target and c.target and not set(c.target) & set(verb.source):
            verb.target, verb.target_tokens = list(c.target), list(c.target_tokens)
        c.absorbed = True


def purpose(coder: Any, c: Candidate, cands: dict[int, Candidate]) -> None:
    """Troops sent "to help", a battalion deployed "to guard the border": a deployment with a
    cooperative purpose is military protection (074), not a show of force; a trip made "to
    deliver aid" is the aid."""
    code = c.code or ""
    if cb.root(code) == "07":
        # "donated ventilators *to assist X*": the help is the aid itself, told once (its
        # recipient becomes the aid's target in the arguments stage)
        for ch in purpose_clauses(c, on_object=True):
            inner = cands.get(ch.i)
            if inner is not None and inner is not c and ch.lemma_.lower() in PURPOSE_COOP \
                    and cb.root(inner.base or "") == "07":
                inner.absorbed = True
        return
    if cb.root(code) != "15" and code != "042":
        return
    for ch in purpose_clauses(c):
        inner = cands.get(ch.i)
        coop = inner is not None and inner.base and cb.root(inner.base) in {"06", "07", "08"}
        if code == "042":  # "went to the flooded province to hand out food"
            inner = inner if coop else next((cands[x.i] for x in ch.subtree if x.i in cands and cands[x.i].base
                                             and cb.root(cands[x.i].base) in {"07"}), None)
            if inner is not None:
                c.code = inner.base
                c.rule += "+purpose"
                inner.absorbed = True
                return
            continue
        if ch.lemma_ in PURPOSE_COOP or coop:
            c.code = "074"
            c.rule += "+cooperative-purpose"
            if inner is not None:
                inner.absorbed = True
            return


# ---- 1. predicates ---------------------------------------------------------------------------
def known(coder: Any, tok: Token) -> tuple[list[str], bool]:
    """The dictionary's verb lemmas for a word form, and whether it may be an event noun."""
    return known_forms(coder, tok.lower_, tok.lemma_)


def known_forms(coder: Any, lower: str, lemma: str) -> tuple[list[str], bool]:
    """As :meth:`_known`, from the token's lower form and lemma; kept per (form, lemma) so
    that most tokens are dismissed with one dict lookup."""
    key = (lower, lemma)
    hit = coder.lemma_cache.get(key)
    if hit is None:
        verbs = [x for x in verb_lemmas_of(lower, lemma.lower()) if x in coder.verbs]
        noun = lemma.lower() in coder.nouns or lower in coder.nouns
        hit = (verbs, noun)
        if len(coder.lemma_cache) < 200_000:
            coder.lemma_cache[key] = hit
    return hit


def code_token(coder: Any, tok: Token) -> Candidate | None:
    verbs, noun = known(coder, tok)
    if not verbs and not noun and not (tok.i >= 2 and tok.doc[tok.i - 1].text == "-"):
        return None  # no pattern for this word: most tokens end here
    if is_verbal(tok):
        lemmas = list(verbs)
        if tok.tag_ == "VBN" and tok.lower_ in coder.verbs and any(ch.dep_ == "auxpass" for ch in tok.children):
            lemmas.insert(0, tok.lower_)  # "is determined to", "was prepared to": the adjective's entry
        for lemma in lemmas:
            if lemma in coder.verbs:
                frame = verb_frame(tok, lemma)
                hit = match(coder, frame, "v", lemma)
                if hit is None:
                    continue
                if descriptive(tok) and (hit[0].specificity < 2 or hit[0].origin == "petrarch2"):
                    return None  # "Russia-led", "gunmen armed with rifles": descriptions, not acts
                return Candidate(frame, hit[0], hit[1], hit[1], rule=rule(hit[0]))
        return None
    if tok.pos_ == "ADJ" and tok.dep_ in {"acomp", "attr", "ROOT"}:
        lemma = tok.lemma_.lower()  # "is willing to", "is ready to": adjective frames
        if lemma in coder.verbs:
            frame = verb_frame(tok, lemma)
            hit = match(coder, frame, "v", lemma)
            if hit is not None:
                return Candidate(frame, hit[0], hit[1], hit[1], rule=rule(hit[0]))
        return None
    if tok.dep_ == "compound":
        return None  # "peacekeeping force", "protest leader": a modifier, not an act
    if tok.pos_ in {"NOUN", "PROPN"} or (tok.pos_ == "ADJ" and tok.dep_ in {"pobj", "dobj"}):
        for lemma in noun_lemmas(tok):
            if lemma in coder.nouns:
                frame = noun_frame(tok, lemma)
                hit = match(coder, frame, "n", lemma)
                if hit is not None:
                    code = joint(hit[0], hit[1], tok)
                    return Candidate(frame, hit[0], code, code, rule=rule(hit[0]))
    return None


def match(coder: Any, frame: Frame, pos: str, lemma: str) -> tuple[Entry, str | None] | None:
    entries = coder.dictionary.entries(pos, lemma)
    # a phrasal verb the table lists is a verb of its own ("fire back" is no "fire"): the plain
    # verb's patterns do not read it
    phrasal = bool(frame.particle) and any(e.particle == frame.particle for e in entries)
    held_of: Region | bool | None = None  # the "of" phrases on the objects (False: none), read once if asked
    for e in entries:
        if e.particle and e.particle != frame.particle and e.particle not in frame.preps:
            continue
        if phrasal and not e.particle:
            continue
        if e.obj and not frame.obj_region.match(e.obj):
            continue
        if e.prep:
            region = frame.prep_regions.get(e.prep)
            if region is None and e.prep == "of" and e.obj:  # "took control *of* X": on the object
                if held_of is None:
                    phrases = object_of_phrases(frame)
                    held_of = Region(w for g in phrases for w in words(np_core(g))) if phrases else False
                region = held_of or None
            if region is None or (e.pobj and not region.match(e.pobj)):
                continue
        if e.subject and not frame.subj_region.match(e.subject):
            continue
        if "obj" in e.roles and not frame.objs:
            continue
        if "noinf" in e.roles and not frame.objs and striving(frame.pred):
            continue
        if "inf" in e.roles and not (frame.objs and striving(frame.pred)):
            continue
        if e.code == "=obj":
            code = object_code(coder, frame)
            if code is None:
                continue
            return e, code
        return e, e.code
    return None


def striving(verb: Token) -> bool:
    """"fight to keep the plant open", "battled to save": the verb with a to-infinitive of purpose
    and no object names an effort towards that act, not a fight with anyone."""
    return any(c.dep_ in {"xcomp", "advcl"} and c.tag_ == "VB" and any(a.lower_ == "to" and a.dep_ == "aux"
                                                                         for a in c.children)
               for c in verb.children)


def object_code(coder: Any, frame: Frame) -> str | None:
    """A light verb ("launch", "hold", "impose") takes the code of the event noun it governs."""
    objs = [*frame.objs, *(t for p in ("in", "into") for t in frame.preps.get(p, []))]
    for o in [*objs, *(c for x in objs for c in conjuncts(x))]:
        for lemma in noun_lemmas(o):
            if lemma in coder.nouns:
                hit = match(coder, noun_frame(o, lemma), "n", lemma)
                if hit is not None and hit[1] is not None:
                    return joint(hit[0], hit[1], o)
    return None


# ---- 2. frames -------------------------------------------------------------------------------
def complements(coder: Any, c: Candidate, role: str | None) -> list[Token]:
    """What the frame verb is about: its clausal complements, event-noun objects, and the
    prepositional phrases that carry content for its kind ("accused X *of* shelling")."""
    f = c.frame
    toks = list(f.comps)
    if f.pos == "n" and f.pred.dep_ in OBJ_DEPS:  # "renewed its demand that Chile free ..."
        toks.extend(ch for ch in f.pred.head.children if ch.dep_ == "ccomp")
    if role in ABSORBING_FRAMES and f.pos == "v":  # "sworn to take revenge": the parser's advcl
        toks.extend(ch for ch in c.pred.children if ch.dep_ == "advcl" and ch.i > c.pred.i
                    and to_infinitive(ch))
    root = cb.root(c.base or "")
    preps = COMPLEMENT_PREPS.get(role or "", COMPLEMENT_PREPS_BY_ROOT.get(root, ()))
    for prep in preps:
        toks.extend(f.preps.get(prep, []))
    if role == "refuse":  # "balked at sending troops": the act refused, a gerund (not "at the summit")
        toks.extend(t for t in f.preps.get("at", []) if t.dep_ == "pcomp" and t.pos_ == "VERB")
    if f.pos == "v":
        toks.extend(f.objs)
    return [t for t in toks if t.i != c.pred.i and same_segment(t, c.pred)]


def apply_frame(coder: Any, c: Candidate, cands: dict[int, Candidate]) -> None:
    if c.absorbed:
        return
    role = c.entry.frame or (IMPLICIT_FRAME.get(cb.root(c.base)) if c.base else None)
    if c.base is None and role is None:
        return  # no event, and no frame that would make one of its complement
    base = c.base or ""
    if role == "command" and c.frame.pos == "v" and c.frame.passive and not c.frame.agent:
        # "Russia would be forced to take countermeasures": no one named forces; what the
        # subject is to do is coded on its own
        c.absorbed, c.dropped = True, "compulsion by no one named"
        return
    comps = through_aspect(complements(coder, c, role), cands)
    comp = next((cands[t.i] for t in comps if t.i in cands and cands[t.i].base and not purpose_of_act(c, t)), None)
    c.comp_tokens = c.comp_tokens + [t for t in comps if t.pos_ in {"VERB", "AUX"} or t.i in cands]
    if c.entry.code == "=obj":
        for o in c.frame.objs:
            absorb(o, cands, keep=c)
        c.comp_tokens = [o for o in c.frame.objs if o.pos_ in {"NOUN", "PROPN"}]
    if cb.root(base) == "08" and c.frame.pos == "v":
        # "lifted the sanctions imposed on X", "eased the curfew": what is undone is no new event
        for o in c.frame.objs:  # the object and its participle, not clauses of their own
            for t in [o, *(a for a in o.children if a.dep_ == "acl" and a.tag_ == "VBN")]:
                absorb(t, cands, keep=c, subtree=False)
    if role == "deny":  # "denied shelling the village": reported, but denied by its doer
        for t in comps:
            for x in t.subtree:
                inner = cands.get(x.i)
                if inner is not None and inner is not c and same_segment(x, c.pred):
                    inner.negated = True
                    inner.rule += "+denied"
                    if not coder.keep_negated:
                        inner.dropped = "reported but denied"
    elif "absorb" in c.entry.roles or base in ABSORBING_CODES:
        comps = comps + [t for p in ABOUT_PREPS for t in c.frame.preps.get(p, [])
                         if same_segment(t, c.pred)]
        for t in comps:
            absorb(t, cands, keep=c)
    elif role in ABSORBING_FRAMES or cb.root(base) in ABSORBING_ROOTS:
        for t in comps:
            absorb(t, cands, keep=c)
    if cb.root(base) == "01":
        if not statement_demand(coder, c, cands) and base == "010":
            statement_accusation(coder, c, cands)
        return
    if role == "threat" and c.frame.pos == "v" and c.entry.lemma in WARNING_VERBS and not c.frame.objs and any(
            t.dep_ == "ccomp" and (comp is None or comp.base is None or others_act(t)) for t in c.frame.comps):
        # "warned that the move would undercut peace", "warned that prices could rise", "warned
        # that the decision would kill the peace process": a warning of what others or things
        # will do, addressed to no one, is a pessimistic comment (CAMEO 012), no threat; "warned
        # that it would retaliate", "warned that sanctions would be imposed" announce the warner's
        # own act, and "warned the governor that ..." is addressed to the one who must act
        c.code = coder.codebook.valid("012")
        c.rule += "+warning-of-danger"
        return
    if comp is None or comp.base is None:
        return
    if c.frame.pos == "v" and c.entry.lemma in WARNING_VERBS and (role is None or (role == "threat" and c.frame.objs)):
        # "warned X not to send troops", "warned X against sending troops", "warned against any
        # attack": what is warned against is someone's possible act, neither done nor the warner's,
        # and no accusation of a deed; the warning keeps its own code ("warned that it would
        # retaliate" announces the warner's own act and takes its code)
        return
    if role == "via":  # "helped support X": the support is the event, the helping is not
        c.absorbed, c.dropped = True, "helper verb of a coded complement"
        return
    c.comp_code = comp.base
    c.comp_recip = "recip" in comp.entry.roles
    derived = derive(role, base, comp.base)
    if derived and derived != c.base:
        c.code = derived
        c.rule += f"+{role}({comp.base})"


def purpose_of_act(c: Candidate, comp: Token) -> bool:
    """Is ``comp`` the purpose of the act, not its content: an infinitive the parser hung on a verb
    that has its object already ("invited X into the town *to forestall* an attack", "pledged $5m
    *to rebuild* the port")? It may name who gains, not what was invited or promised."""
    return c.frame.pos == "v" and bool(c.frame.objs) and comp.dep_ == "advcl" and comp.head.i == c.pred.i


def others_act(clause: Any) -> bool:
    """Is the act a clause tells someone else's than the teller's: its active subject a noun phrase,
    not a pronoun standing for the teller nor the teller's own ("that *the decision* would kill", not
    "that *it* would retaliate", "that *its army* would strike" or "that sanctions would be imposed")?"""
    return any(ch.dep_ == "nsubj" and ch.pos_ in {"NOUN", "PROPN"}
               and not any(p.dep_ == "poss" and p.pos_ == "PRON" for p in ch.children)  # "*its* army"
               for ch in clause.children)


def statement_demand(coder: Any, c: Candidate, cands: dict[int, Candidate]) -> bool:
    """ "X said Y must/should do Z" is X demanding Z of Y (CAMEO 10); what a thing must do ("the bill
    must include X", "that must happen within a week") asks no one."""
    clauses = [x for comp in c.frame.comps if comp.dep_ == "ccomp"
               for x in (comp, *(cj for cj in comp.children if cj.dep_ == "conj" and cj.pos_ in {"VERB", "AUX"}))]
    for comp in clauses:  # "said X should be free to act and Y should change its laws": each conjunct
        if not any(a.lemma_.lower() in OBLIGATION_AUX for a in comp.children if a.dep_ == "aux"):
            continue
        doers = logical_subjects(comp)
        if not all(_doer(s) or s.lower_ in {"we", "you"} for s in doers):
            continue
        if all(s.lower_ == "you" for s in doers):  # "'You must stop,' X told Y": Y is asked
            doers = [o for o in c.frame.objs if o.pos_ != "PRON"] + [
                ch for ch in c.pred.children if ch.dep_ == "dative" and ch.pos_ != "PRON"] or doers
        inner = cands.get(comp.i)
        code = cb.request_code(inner.base) if inner is not None and inner.base else "100"
        absorb(comp, cands, keep=c)
        c.code = coder.codebook.valid(code)
        c.derived_target_heads = doers
        c.rule += "+obligation-demand"
        return True
    return False


_FIRST_PERSON = frozenset({"i", "we", "me", "us", "myself", "ourselves"})
_THIRD_PERSON = frozenset({"he", "she", "they", "it"})


def statement_accusation(coder: Any, c: Candidate, cands: dict[int, Candidate]) -> None:
    """A statement whose content blames someone else is an accusation (ACCUSE):

    * "X said (that) Y lied to Congress", "concluded that Y meddled in the vote", "said Y laundered
      money": a wrong with no event code of its own (``WRONGDOING_CODES``) done by another doer is
      an accusation of that doer (CAMEO 112, of a crime 1121, of spying 1125);
    * "X said the inquiry was a witch hunt", "said Y's plan was a cynical ploy", "said Y was a
      liar", "said it was wrong for Y to ask": condemning someone, or something someone did,
      through a copula is criticism (111) of them (:func:`_verdict`).

    Negated contents ("said Y did not lie") and the teller's own ("said we were wrong") are none;
    a pattern coding the inner verb otherwise (PETRARCH2's "interfere" as aid) gives way."""
    for comp in c.frame.comps:
        if comp.dep_ != "ccomp" or not same_segment(comp, c.pred):
            continue
        if _denied(comp):
            continue
        code, rule_name, blamed = _blame(coder, comp, logical_subjects(comp))
        if code is None:
            continue
        absorb(comp, cands, keep=c)
        c.code = coder.codebook.valid(code)
        c.derived_target_heads = blamed
        c.comp_tokens = []  # the one blamed is the target, not whom the wrong was done to
        c.rule += rule_name
        return


def _denied(verb: Token) -> bool:
    """Does "not" or "never" deny what ``verb`` says ("said Y did not lie", "was never to blame")?"""
    return any(ch.dep_ == "neg" or ch.lower_ == "never" for ch in verb.children)


def _blame(coder: Any, clause: Token, subjects: list[Token]) -> tuple[str | None, str, list[Token]]:
    """The accusation a reported clause (done by ``subjects``) makes, its rule's name and who is
    blamed: (None, "", []) when it blames no one."""
    if not subjects or any(s.lower_ in _FIRST_PERSON for s in subjects):
        return None, "", []
    lemma = clause.lemma_.lower()
    if lemma in WRONGDOING_CODES and clause.pos_ == "VERB" and all(_doer(s) for s in subjects):
        return WRONGDOING_CODES[lemma], "+reported-wrongdoing", subjects
    if lemma == "be":
        blame = next((ch for ch in clause.children if blamed_subject(ch)), None)
        if blame is not None:  # "said X was to blame": X is blamed ("was not to blame": no one is)
            if _denied(blame):
                return None, "", []
            return "112", "+reported-blame", subjects
        blamed = _verdict(coder, clause, subjects)
        if blamed is not None:
            return "111", "+reported-verdict", blamed
    return None, "", []


_POINTING = frozenset({"this", "that", "it"})


def _verdict(coder: Any, clause: Token, subjects: list[Token]) -> list[Token] | None:
    """Does a copular clause condemn someone or something someone did, and whom (None: no verdict)?

    The predicate noun or adjective, with its own modifiers ("a *witch* hunt", "a *cynical*
    ploy"), not the clauses hung on it, must be a word of condemnation: ``&verdict`` (a sham, a
    stunt, illegal, terrible) for an act or a text ("the vote", "the bill", "this", "it"), whose
    doer (the phrase itself, its possessor or its "by" phrase) is blamed when the text names one;
    ``&verdict`` or ``&pejorative`` (a liar, a threat, unfit) for a doer, who is blamed. "It was
    wrong for Y to ask" judges the act of the infinitive, and blames its subject ("it is terrible
    to see X suffer" blames no one). A storm, a forecast or the weather is judged, no one is
    blamed."""
    attrs = [ch for ch in clause.children if ch.dep_ in {"attr", "acomp"}]
    if not attrs:
        return None
    core = [t for a in attrs for t in (a, *(m for m in a.children if m.dep_ in {"amod", "compound", "conj"}))]
    region = Region(w for t in core for w in (t.lemma_.lower(), t.lower_))
    condemned = region.match(set_terms("&verdict"))
    if all(s.lower_ == "it" for s in subjects):
        acts = [x for x in (*clause.children, *(ch for a in attrs for ch in a.children))
                if x.dep_ in {"xcomp", "ccomp", "advcl"} and to_infinitive(x)]
        doers = [s for x in acts for s in x.children if s.dep_ == "nsubj"]
        if doers and (condemned or region.match(set_terms("&pejorative"))):
            return doers  # "wrong *for him* to ask"; "terrible to see X suffer" blames no one
        return None
    if all(_doer(s) for s in subjects):
        return list(subjects) if condemned or region.match(set_terms("&pejorative")) else None
    if not condemned or not all(s.lower_ in _POINTING or _act_noun(coder, s) for s in subjects):
        return None
    return list(subjects) + [d for s in subjects for d in s.children if d.dep_ == "poss"] + [
        o for s in subjects for p in s.children if p.dep_ == "prep" and p.lower_ == "by" for o in p.children
        if o.dep_ == "pobj"]


def _act_noun(coder: Any, tok: Token) -> bool:
    """A noun for something done or put forward: an event noun of the dictionary ("the vote", "the
    inquiry"), a word for whatever someone did ("the move", "the vote"), or a text or measure
    (``&content``: "the bill", "the ruling")."""
    return tok.pos_ == "NOUN" and any(
        lemma in coder.nouns or lemma in GENERIC_ACTS or Region([lemma]).match(set_terms("&content"))
        for lemma in noun_lemmas(tok))


def _doer(tok: Token) -> bool:
    """Can this subject do wrong: a name, a third-person pronoun, a person or an agent noun ("the
    company", "the government"), not a thing ("the pipeline leaked", "the problem lies in")."""
    from ..actors import lexicon

    if tok.pos_ == "PROPN":
        return tok.ent_type_ not in {"DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "CARDINAL", "ORDINAL"}
    if tok.pos_ == "PRON":
        return tok.lower_ in _THIRD_PERSON
    lemma = tok.lemma_.lower()
    return tok.pos_ == "NOUN" and lemma not in ABSTRACT_NOUNS and (
        is_person_head(tok) or lemma in lexicon.agents() or tok.lower_ in lexicon.agents())
