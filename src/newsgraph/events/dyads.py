"""Dyads: sides the sentence implies (quotes, joint acts, protests, the discourse, a crowd's place,
conditions, domestic acts, places as recipients)."""

from __future__ import annotations

from typing import Any

from ..model import Quote
from . import arguments, assemble
from . import codebook as cb
from .common import (
    ALLEGED_PLOVER,
    LOCATED_PLOVER,
    LOCATIVE,
    MEDIA_NOUNS,
    ActorIndex,
    Candidate,
    Token,
    accusation_code,
    condition_subjects,
    governing_verb,
    is_group,
    modal_scope,
    movement,
    population,
    same_segment,
    side,
    to_infinitive,
    word_in,
)
from .dictionary import set_terms
from .discourse import (
    REACTION_ROOTS,
    RESPONSE_LEMMAS,
    History,
    antecedent_act,
    definite,
    described_event,
    responded_to,
)
from .frames import (
    OBJ_DEPS,
    blamed_subject,
    logical_subjects,
    np_core,
    pobjs,
)


# ---- 5. quotes, joint acts, places as recipients ------------------------------------------------
def quote_allegation(coder: Any, c: Candidate, actors: ActorIndex) -> None:
    """In a quote, a conflictual act by someone other than the speaker is the speaker's accusation."""
    q = c.quote
    if q is None or not q.speaker or c.code is None or c.dropped or not in_own_words(c, q):
        return  # the writer's report of what was said is not the speaker's allegation
    if not c.source and c.frame.pos == "v" and blamed_subject(c.pred):
        # "“X is to blame,” she said": the speaker blames X
        c.source, c.source_tokens = [q.speaker], []
        c.rule += "+speaker-blames"
        return
    plover = assemble.plover(coder, c.code)
    if plover not in ALLEGED_PLOVER or q.speaker in c.source:
        return
    if not c.source:
        c.dropped = "a conflictual act alleged in a quote, by someone the speaker does not name"
        return
    speaker_side = side(q.speaker, actors)
    if any(side(s, actors) & speaker_side for s in c.source if side(s, actors)):
        return
    accused = list(c.source)
    c.code = accusation_code(c.code)
    c.source, c.target = [q.speaker], accused
    c.target_tokens, c.source_tokens = c.source_tokens, []
    c.agentless = False
    c.mode = None
    c.rule += "+quote-allegation"


def in_own_words(c: Candidate, q: Quote) -> bool:
    """The predicate is in the speaker's own words: a direct quote, or inside the quotation
    marks of a partial one (its span may hold the writer's paraphrase around them)."""
    if q.kind == "direct":
        return True
    if q.kind != "partial":
        return False
    if q.clause is not None:  # a partial quote is the quoted words themselves (its clause is context)
        return True
    before = c.pred.doc.char_span(q.start, c.pred.idx, alignment_mode="expand") if q.start < c.pred.idx else None
    inside = False
    for ch in before.text if before is not None else "":
        if ch in "“«":
            inside = True
        elif ch in "”»":
            inside = False
        elif ch == '"':
            inside = not inside
    return inside


def reciprocal(coder: Any, c: Candidate, actors: ActorIndex) -> None:
    """A joint cooperative act by several actors (or one collective) with no one else named."""
    if c.target or not c.source or c.code is None:
        return
    if "recip" not in c.entry.roles and not c.comp_recip and not joint_marked(c.pred) and cb.root(c.code) != "06":
        return  # "promised aid": one-sided; "agreed", "promised to *work together*", "held *joint* drills": joint
        # (material cooperation by several with no one else named is among themselves: "A and B
        # conducted military drills", "A and B shared intelligence")
    collective = any((a := actors.by_id.get(s)) is not None and (
        a.kind in {"organization", "bloc"} or (a.kind == "group" and len(a.members) >= 2)) for s in c.source)
    if len(c.source) >= 2 or collective:
        c.target = list(c.source)
        c.target_tokens = list(c.source_tokens)
        c.rule += "+reciprocal"


JOINT_WORDS = frozenset({"joint", "bilateral", "trilateral", "mutual", "combined", "jointly", "together"})


def joint_marked(pred: Any) -> bool:
    """Does the text mark the act as done together: "together"/"jointly" on the verb ("worked
    together"), or "joint"/"bilateral"/"mutual" on the act's noun, as the predicate or its object
    ("began a *joint* exercise", "held *bilateral* talks")?"""
    if any(ch.dep_ == "advmod" and ch.lower_ in JOINT_WORDS for ch in pred.children):
        return True
    nouns = [pred] if pred.pos_ == "NOUN" else [ch for ch in pred.children if ch.dep_ in ("dobj", "obj")]
    return any(g.dep_ == "amod" and g.lower_ in JOINT_WORDS for n in nouns for g in n.children)


def protest_target(coder: Any, c: Candidate, actors: ActorIndex) -> None:
    """A protest with no addressee named: what its purpose clause protests ("to denounce X's
    tariffs", "in protest against X"), else the protesters' own country (a domestic protest)."""
    if c.target or not c.source or assemble.plover(coder, c.code) != "PROTEST":
        return
    heads: list[Token] = []
    for ch in c.pred.children:
        purpose = ch.dep_ == "advcl" and to_infinitive(ch)
        if ch.dep_ == "advcl" and (ch.lemma_ in {"protest", "demand", "denounce", "oppose", "condemn"} or purpose):
            objs = [o for o in ch.children if o.dep_ in OBJ_DEPS]
            heads.extend(objs)
            for p in [*ch.children, *(x for o in objs for x in o.children)]:
                # "to voice their anger *over X's fishing policy*"
                if p.dep_ == "prep" and p.lower_ in {"against", "at", "over", "for", "of", "with"}:
                    heads.extend(pobjs(p))
        if ch.dep_ == "prep" and ch.lower_ == "in":  # "in protest against X", "in defiance of X"
            for g in pobjs(ch):
                if g.lemma_ in {"protest", "defiance", "opposition", "response", "retaliation", "anger"}:
                    for p in g.children:
                        if p.dep_ == "prep" and p.lower_ in {"against", "of", "at", "over", "to"}:
                            heads.extend(pobjs(p))
    found = [a for a in arguments.actors_of(coder, heads, actors, c.quote) if a not in c.source]
    if found:
        c.target, c.target_tokens = found, heads
        c.rule += "+protest-purpose"
        return
    for s in c.source:
        a = actors.by_id.get(s)
        ref = actors.country(a.country) if a is not None and a.country and a.kind != "organization" else None
        if ref is not None:
            if ref in c.source:  # a crowd read as its country: its people protest to their state
                c.source = [actors.agent(ref, "CVL") if x == ref else x for x in c.source]
            c.target = [ref]
            c.rule += "+domestic-protest"
            return


def from_discourse(coder: Any, c: Candidate, actors: ActorIndex, history: History, sentence: int) -> None:
    """The target an earlier sentence supplies: the doer of "the attack" condemned, of "the
    decision" welcomed; whoever last acted against an actor that "hit back" (see .discourse)."""
    if c.target or not c.source or c.code is None or c.dropped:
        return
    lemma = c.entry.lemma
    if c.frame.pos == "v" and lemma in RESPONSE_LEMMAS and (
            c.frame.particle == "back" or lemma in {"respond", "retaliate", "react", "reply"}):
        sides = set().union(*(side(s, actors) for s in c.source))
        act = responded_to(c.source, sides, history.recent(sentence, None), lambda i: side(i, actors))
        rule = "+response"
    elif cb.root(c.code) in REACTION_ROOTS:
        noun = reacted_to(c)
        if noun is None or arguments.head_actors(coder, noun, actors, c.quote):
            return
        entries = coder.dictionary.entries("n", noun.lemma_.lower())
        noun_code = next((e.code for e in entries if e.code and e.code != "=obj"), None)
        act = antecedent_act(noun, cb.root(noun_code) if noun_code else None, c.source, history, sentence)
        rule = "+anaphora"
    else:
        return
    if act is not None:
        found = [a for a in act.source if a not in c.source]
        if found:
            c.target = found
            c.rule += rule


def reacted_to(c: Candidate) -> Token | None:
    """The definite description of an earlier act a reaction is about: the object of a verb of
    reaction ("condemned *the attack*"), what a statement condemns ("said *the vote* was a stunt"),
    or what drew or caused it ("*the move* drew criticism", "*the decision* sparked outrage")."""
    if c.frame.pos == "v" and "swap" in c.entry.roles:  # "*the move* drew criticism from X"
        return next((h for h in logical_subjects(c.pred) if h.pos_ == "NOUN" and definite(h)), None)
    if c.frame.pos == "v":
        noun = described_event(c.pred, c.frame.objs)
        if noun is None and "+reported-verdict" in c.rule:
            noun = next((h for h in c.derived_target_heads or () if h.pos_ == "NOUN" and definite(h)), None)
        return noun
    verb = c.pred.head
    if c.pred.dep_ not in OBJ_DEPS or verb.lemma_.lower() not in arguments.RECEIVING_VERBS | arguments.CAUSING_VERBS:
        return None
    return next((h for h in logical_subjects(verb) if h.pos_ == "NOUN" and definite(h)), None)


def located_population(coder: Any, c: Candidate, actors: ActorIndex) -> None:
    """ "Several hundred protesters rallied *in central Yerevan*", "Almaty, *where* crowds stormed
    ...": a crowd the actor component could not place is the people (civilians, ``CVL``) of the
    country the clause puts it in (a guess: the rule is marked and the confidence lowered)."""
    if c.source or c.frame.pos != "v" or c.code is None:
        return
    heads = [h for h in c.source_tokens if population(h)]
    if not heads:
        return
    spots: list[Token] = []
    for v in [c.pred, *([c.pred.head] if c.pred.dep_ == "conj" else [])]:
        spots += [g for p in v.children if p.dep_ == "prep" and p.lower_ in LOCATIVE for g in pobjs(p)]
        spots += [g for o in v.children if o.dep_ in OBJ_DEPS for p in o.children  # "blocked highways in X"
                  if p.dep_ == "prep" and p.lower_ in {"in", "across", "throughout"} for g in pobjs(p)]
        if v.dep_ == "relcl" and any(ch.lower_ == "where" for ch in v.children):
            ante = v.head
            spots += [ante, *([ante.head] if ante.dep_ == "appos" else [])]
    for g in spots:
        iso3 = next((x for t in np_core(g) if (x := actors.country_at(t)) is not None), None)
        ref = actors.country(iso3) if iso3 else None
        if ref is not None:
            c.source, c.source_tokens = [actors.agent(ref, "CVL")], heads
            c.rule += "+located-population"
            return


def conditional_target(coder: Any, c: Candidate, actors: ActorIndex) -> None:
    """ "will respond if Ghana closes the border", "threatened to halt talks if Chile tested a missile": a threat
    made on a condition is addressed to whoever the condition is about."""
    if c.target or not c.source or cb.root(c.code or "") != "13":
        return
    verbs = [*modal_scope(c.pred if c.frame.pos == "v" else governing_verb(c.pred)),
             *(t for t in c.comp_tokens if t.pos_ in {"VERB", "AUX"})]
    heads = [h for h in condition_subjects(verbs) if same_segment(h, c.pred)]
    found = [a for a in arguments.actors_of(coder, heads, actors, c.quote) if a not in c.source]
    if found:
        c.target, c.target_tokens = found, heads
        c.rule += "+condition-target"


CYBER_WORDS = frozenset({"hack", "hacking", "cyberattack", "cyber-attack", "cyberattacks", "cyber-attacks"})


def domestic(coder: Any, c: Candidate, actors: ActorIndex) -> None:
    """Coercion with no one else named is turned on the coercer's own country: a curfew, a
    state of emergency, a ban or arrests by a government, its police or its leader (also when
    threatened). Unrest by a population or rebels likewise hits their own country."""
    if c.target or not c.source or c.code is None:
        return
    code = c.comp_code if cb.root(c.code) == "13" and c.comp_code else c.code
    root = cb.root(code)
    coercion = root == "17" and code[:3] != "174"
    if coercion and ({c.entry.lemma, *(o.lemma_.lower() for o in c.frame.objs)} & CYBER_WORDS):
        return  # a hack or a cyber attack with no target named: no state hacks its own people
    if coercion or (root in {"18", "19"} and unrest(c, actors)):
        for s in c.source:
            a = actors.by_id.get(s)
            if coercion and not unrest(c, actors) and not authority(a):
                continue  # "Democrats seize on", "a business restricts": no state coerces its own people
            country = a.country if a is not None else None
            ref = actors.country(country) if country and (a is None or a.kind != "organization") else None
            if ref is not None:
                if ref in c.source and coercion:
                    # a state that detains or bans with no one named coerces its own people ("the
                    # detention of the sailors by Iran", "the Egyptian crackdown")
                    c.target = [actors.agent(ref, "CVL")]
                else:
                    if ref in c.source:  # a crowd read as its country: its people act against their state
                        c.source = [actors.agent(ref, "CVL") if x == ref else x for x in c.source]
                    c.target = [ref]
                c.rule += "+domestic"
                return


# sectors that speak for a state's power over its own people (CAMEO: government, police, military,
# courts, legislature, intelligence)
AUTHORITY_SECTORS = ("GOV", "COP", "MIL", "JUD", "LEG", "SPY")


# verbs of attacking that politics uses for words ("X attacked Y over the tax plan")
VERBAL_ATTACK_VERBS = frozenset({"attack", "assail", "clash", "spar", "feud", "tangle", "war", "fight", "battle"})
# verbs of striking that, with "back" or "out" ("hit back at", "lashed out at"), are as often a retort
RETORT_VERBS = frozenset({"hit", "strike", "fire", "lash", "shoot", "push", "punch"})
# who attacks with words: people and the political sectors (not armies, rebels, police, criminals)
TALKING_SECTORS = frozenset({"GOV", "LEG", "PTY", "OPP", "MED", "JUD", "ELI", "EDU", "NGO", "CVL", "BUS"})
WEAPON_WORDS = frozenset({"knife", "gun", "rifle", "pistol", "bomb", "missile", "rocket", "drone", "machete", "axe",
                          "hammer", "stick", "bat", "car", "truck", "vehicle", "weapon", "grenade", "explosive",
                          "mortar", "mortars", "artillery", "shell", "shells", "fire", "gunfire", "airstrike",
                          "airstrikes", "strike", "strikes", "rockets", "missiles", "drones", "bombs", "guns"})


def sector_of_actor(a: Any) -> str | None:
    """The CAMEO sector of an agent group or a person's post ("USALEG" -> LEG, "LEG" -> LEG)."""
    code = (a.code or a.id or "") if a is not None else ""
    if len(code) >= 6:
        return code[3:6]
    return code if len(code) == 3 and code.isupper() and a.kind != "country" else None


def verbal_attack(coder: Any, c: Candidate, actors: ActorIndex) -> None:
    """ "Obama attacked Romney over his tax plan", "Republican lawmakers attacked the speaker", "made
    another attack on the senator": people or political bodies attacking a person, with no weapon
    named, attack in words: criticism (CAMEO 111), not force. Gunmen, soldiers, rebels, a named
    armed group or a state attacking someone, or anyone attacking "with a knife", stay assaults."""
    if c.code is None or cb.root(c.code) not in cb.VIOLENT_ROOTS or c.code != c.base \
            or "sense" in c.entry.roles or not c.source:
        return
    word = c.pred  # the word of attacking: the verb, the event noun, or a light verb's object noun
    if c.frame.pos == "v" and c.entry.code == "=obj":  # "made another attack on X" as "attacked X"
        word = next((o for o in c.frame.objs if o.lemma_.lower() in VERBAL_ATTACK_VERBS), None)
        if word is None:
            return
    if armed(c, word):
        return  # a bomb or knife attack, an attack "with a knife", stays one
    # "attacked Togo in a speech", "took to Twitter to attack X": made in words, whoever the target
    if not (word.lemma_.lower() in VERBAL_ATTACK_VERBS and in_medium(c.pred)) and not _in_words(c, word, actors):
        return
    c.code = c.base = coder.codebook.valid("111")
    c.rule += "+verbal"


def armed(c: Candidate, word: Token) -> bool:
    """Does the text name a weapon for the act: on its noun ("a knife attack", "a bomb attack") or
    with "with" or "using" ("attacked him with a knife")?"""
    if word.pos_ == "NOUN" and any(word_in(m, WEAPON_WORDS) for m in word.children
                                   if m.dep_ in {"compound", "amod", "nmod"}):
        return True
    return any(o.lemma_.lower() in WEAPON_WORDS for p in ("with", "using") for o in c.frame.preps.get(p, []))


# words of contest that politics uses for a dispute ("senators battled over the budget", "a battle for
# power with the legislature", "the two parties feuded"); crowds and protesters may come to blows
CONTEST_WORDS = frozenset({"battle", "fight", "feud", "war", "clash", "spar", "tangle", "wrangle", "duel"})
_WORD_CONTEST_SECTORS = TALKING_SECTORS - {"CVL", "OPP"}


def contest_in_words(coder: Any, c: Candidate, actors: ActorIndex) -> None:
    """ "The two senators battled over the budget", "the governor's battle for power with the
    legislature": a word of contest coded as force with one side named, where that side is a person
    or a body that contests in words, votes or courts (officials, legislators, parties, the press,
    judges, business) and no weapon is named, is a political contest: no event. Armed bodies,
    police, rebels, states, crowds and protesters stay fights; with both sides named,
    :func:`verbal_attack` decides."""
    if c.code is None or cb.root(c.code) not in cb.VIOLENT_ROOTS or "sense" in c.entry.roles \
            or c.pred.lemma_.lower() not in CONTEST_WORDS or bool(c.source) == bool(c.target):
        return
    if armed(c, c.pred):
        return
    if all((a := actors.by_id.get(s)) is not None and (sector_of_actor(a) in _WORD_CONTEST_SECTORS or (
            a.kind == "person" and sector_of_actor(a) is None)) for s in (*c.source, *c.target)):
        c.dropped = "contest in words: one side named, a person or a body that contests in words, votes or courts"


# verbs of aiming: force only when the one aiming can use it ("rebels targeted a convoy"); a party, a
# campaign or an official "targets" voters, companies or a law in words, money or policy
AIMING_VERBS = frozenset({"target"})


def aimed_not_struck(coder: Any, c: Candidate, actors: ActorIndex) -> None:
    """ "The campaign targeted suburban voters", "Democrats are targeting Trump's companies": a verb
    of aiming coded as force whose every doer is a person or a body of the sectors that talk
    (parties, legislatures, officials, businesses, the press, civilians) and that names no weapon
    aims, but strikes no one: no event. Armed bodies, named armed groups and states aiming stay
    assaults, as does an aim taken "with" a weapon or by a doer the text does not name."""
    if c.code is None or cb.root(c.code) not in cb.VIOLENT_ROOTS or c.frame.pos != "v" \
            or c.pred.lemma_.lower() not in AIMING_VERBS or "sense" in c.entry.roles:
        return
    if any(word_in(o, WEAPON_WORDS) for p in ("with", "using") for o in c.frame.preps.get(p, [])):
        return
    if not c.source:  # no actor: the subject's words say whether it can strike ("a campaign", "gunmen")
        talking = bool(c.frame.subj) and not c.frame.subj_region.match(set_terms("&armed|&weapons|&war"))
    else:
        talking = all((a := actors.by_id.get(s)) is not None and (
            a.kind == "person" or sector_of_actor(a) in TALKING_SECTORS) for s in c.source)
    if talking:
        c.dropped = "aimed, not struck: a person or a talking body targeting someone uses words, money or policy"


def _in_words(c: Candidate, word: Token, actors: ActorIndex) -> bool:
    """Do the sides say the attack was made in words (:func:`verbal_attack`): a retort, or a verb
    that can be verbal aimed at people or, by a person, at a political body, by people or the
    sectors that talk?"""
    # "hit back at critics", "lashed out at the press": a retort, whoever it is aimed at
    retort = c.pred.lemma_.lower() in RETORT_VERBS and any(
        x.dep_ in ("prt", "advmod") and x.lower_ in ("back", "out") and x.i > c.pred.i for x in c.pred.children)
    if not retort and (word.lemma_.lower() not in VERBAL_ATTACK_VERBS or not c.target or not (all(
            getattr(actors.by_id.get(t), "kind", None) == "person" for t in c.target) or political_quarrel(c, actors))):
        return False
    return all((a := actors.by_id.get(s)) is not None and (a.kind == "person" or sector_of_actor(a) in TALKING_SECTORS)
               for s in c.source)


# groups a person quarrels with in words: the press, a party, a legislature, a court, a government
_QUARREL_SECTORS = frozenset({"GOV", "LEG", "PTY", "OPP", "MED", "JUD", "ELI", "EDU", "NGO"})


def political_quarrel(c: Candidate, actors: ActorIndex) -> bool:
    """One person or several attacking or clashing with a political body or group ("the president
    clashed with the news media", "X attacked Republicans"): a person fights such a group in words
    (a group against a group, "supporters clashed with activists", may come to blows)."""
    return all(getattr(actors.by_id.get(s), "kind", None) == "person" for s in c.source) and all(
        sector_of_actor(actors.by_id.get(t)) in _QUARREL_SECTORS for t in c.target)


_MEDIUM_PREPS = frozenset({"on", "in", "via", "through", "during"})
_OUTLET_VERBS = frozenset({"take", "go", "turn"})


def in_medium(word: Token) -> bool:
    """Is the act done on a channel words go out on: "attacked X *in a speech*", "*on Twitter*", or
    the purpose of going to one ("*took to Twitter* to attack X")?"""
    def medium(prep: Token) -> bool:
        return any(word_in(o, MEDIA_NOUNS) for o in pobjs(prep))

    # (after an attack noun, "on" names the target: "his attacks on the media")
    preps = _MEDIUM_PREPS if word.pos_ != "NOUN" else _MEDIUM_PREPS - {"on"}
    if any(ch.dep_ == "prep" and ch.lower_ in preps and medium(ch) for ch in word.children):
        return True
    head = word.head
    return word.dep_ in {"xcomp", "advcl"} and head.lemma_.lower() in _OUTLET_VERBS and any(
        ch.dep_ == "prep" and ch.lower_ == "to" and medium(ch) for ch in head.children)


LAUNCH_VERBS = frozenset({"fire", "launch"})
MISSILE_WORDS = frozenset({"missile", "rocket", "icbm", "projectile", "slbm"})
_OPEN_WATER = frozenset({"sea", "ocean", "water", "waters", "gulf", "strait", "bay", "pacific", "atlantic"})


def weapons_launch(coder: Any, c: Candidate, actors: ActorIndex) -> None:
    """ "North Korea fired missiles over Japan", "test-fired a missile", "launched a missile into the
    sea": missiles launched at no one is a weapons test or a show of force, which PLOVER files under
    MOBILIZE (weapons: "test weapons systems"; CAMEO 150), not the use of force. Fired at a target
    ("at", "on", "against", "into" a place that is not open water), it stays an assault."""
    if c.frame.pos != "v" or c.pred.lemma_.lower() not in LAUNCH_VERBS or c.code is None \
            or cb.root(c.code) not in cb.VIOLENT_ROOTS:
        return
    objs = [o for o in c.frame.objs if o.pos_ in {"NOUN", "PROPN"}]
    if not objs or not all(o.lemma_.lower() in MISSILE_WORDS or o.lower_.rstrip("s") in MISSILE_WORDS for o in objs):
        return
    doc = c.pred.doc
    tested = c.pred.i >= 2 and doc[c.pred.i - 1].text == "-" and doc[c.pred.i - 2].lower_ == "test"
    aimed = any(o.lemma_.lower() not in _OPEN_WATER and o.ent_type_ not in {"DATE", "TIME"}
                for p in ("at", "on", "upon", "against", "into") for o in c.frame.preps.get(p, []))
    if not tested and (aimed or c.target):
        return
    c.code = c.base = coder.codebook.valid("150")
    c.target, c.target_tokens = [], []
    c.rule += "+weapons-launch"


def authority(a: Any) -> bool:
    """Can this actor coerce its own country: the state itself, a person (a leader, an official),
    or a group of one of the state's authority sectors (not its parties, civilians or businesses)?"""
    if a is None:
        return False
    if a.kind in {"country", "person"}:
        return True
    code = a.code or a.id  # an agent group's id is its code
    return len(code) >= 6 and code[3:6] in AUTHORITY_SECTORS


def own_forces(coder: Any, c: Candidate, actors: ActorIndex) -> None:
    """Troops a state withdraws or deploys are the mover's own, not the act's target ("ordered a
    withdrawal of the Chilean troops in Peru"): the target is the state of the place they leave or
    go to, if the text names one, else no one."""
    if not movement(c) or not c.target or not c.source:
        return
    own = set().union(*(side(s, actors) for s in c.source))
    if not own or not all(is_group(t, actors) and side(t, actors) & own and forces(t, actors) for t in c.target):
        return
    if any(t.dep_ == "pobj" and t.head.lower_ != "of" for t in c.target_tokens):
        return  # the forces are who it goes to ("surrendered to the police"), not what is moved
    heads = [g for tok in c.target_tokens for ch in tok.children
             if ch.dep_ == "prep" and ch.lower_ in {"in", "from", "to", "into"} for g in pobjs(ch)]
    heads += [g for p in ("from", "to", "into", "in") for g in c.frame.preps.get(p, [])]
    for h in heads:
        iso3 = actors.country_at(h)
        ref = actors.country(iso3) if iso3 and iso3 not in own else None
        if ref is not None:
            c.target, c.target_tokens = [ref], [h]
            actors.name_country(h, ref)
            c.rule += "+own-forces-place"
            return
    c.target, c.target_tokens = [], []
    c.rule += "+own-forces"


def forces(actor_id: str, actors: ActorIndex) -> bool:
    """A military or police group ("USAMIL", "troops")."""
    a = actors.by_id.get(actor_id)
    code = (a.code or "") if a is not None else ""
    return code[3:6] in {"MIL", "COP"} or code in {"MIL", "COP"}


def unrest(c: Candidate, actors: ActorIndex) -> bool:
    """Violence by civilians, rebels or police (not an army) inside their country."""
    if "+located-population" in c.rule:
        return True
    for s in c.source:
        a = actors.by_id.get(s)
        if a is None or a.kind != "group" or not a.code or a.code[3:6] not in {"CVL", "REB", "COP", "OPP"}:
            return False
    return True


# groups of ordinary people: their trips are journeys, not visits of state
_PRIVATE_SECTORS = frozenset({"CVL", "PPL", "REF"})


def undefended(coder: Any, c: Candidate, actors: ActorIndex) -> None:
    """A verbal defence (CAMEO 052) of no one the text names ("defended the decision", "defended his
    record"): CAMEO defends an actor's policy or acts; a speaker justifying their own, or a thing of
    no one's, takes part in no interaction ("defended Russia's involvement" defends a state).
    Decided before any side is inferred from the discourse, which would lend it someone else's."""
    if (c.base or c.code or "")[:3] != "052":
        return  # (the base code: "will defend its interests" is recoded as an intent)
    if not c.target:
        c.dropped = "defence of no one: justifying one's own acts is no interaction"


def private_trip(coder: Any, c: Candidate, actors: ActorIndex) -> None:
    """A visit (CAMEO 042) whose every traveller is ordinary people ("a Liberian man flew to
    Dallas", "a Kenyan tourist travelled to Uganda"): a private journey, which CAMEO does not
    code; a visit is made by a state, its officials or a body."""
    if c.code is None or c.code[:3] != "042" or not c.source:
        return
    if all(sector_of_actor(actors.by_id.get(s)) in _PRIVATE_SECTORS for s in c.source):
        c.dropped = "private trip: ordinary people travelling make no visit of state"


def located(coder: Any, c: Candidate, actors: ActorIndex) -> None:
    """A material act with no recipient named affects the country where it happened; what is given,
    returned or withheld "to" a place goes to that place's state ("suspended aid to X", "returned the
    skulls to X", X a place the text does not make an actor)."""
    plover = assemble.plover(coder, c.code) if c.code is not None else None
    visit = c.code is not None and c.code[:3] == "042"  # a visit's host is where the visitor goes
    if c.target or c.code is None or (plover not in LOCATED_PLOVER and c.code[:3] != "162" and plover != "SANCTION"
                                      and not visit):
        return  # (aid halted "in Lima" is withheld from Peru)
    f = c.frame
    heads: list[Token] = list(f.preps.get("to", [])) if plover in {"AID", "RETREAT", "SANCTION"} or visit else []
    if visit:
        heads += f.preps.get("into", [])
        if f.pos == "n":  # "his visit to X": the noun's own phrase
            heads += [g for ch in c.pred.children if ch.dep_ == "prep" and ch.lower_ == "to" for g in pobjs(ch)]
    if ((plover == "SANCTION" and c.code[:3] != "162") or visit) and not heads:
        return
    for prep in LOCATIVE if not visit else ():
        heads.extend(f.preps.get(prep, []))
    gov = governing_verb(c.pred) if f.pos == "n" else None
    if gov is not None:
        for ch in gov.children:
            if ch.dep_ == "prep" and ch.lower_ in LOCATIVE:
                heads.extend(pobjs(ch))
    if f.pos == "n":
        heads.extend(t for t in c.pred.subtree if t.i != c.pred.i and t.pos_ == "PROPN")
    homes = {getattr(actors.by_id.get(s), "country", None) for s in c.source} if visit else set()
    for h in heads:
        for t in np_core(h):
            a = actors.at_token(t)
            iso3 = actors.country_at(t) if a is None else None  # a gazetteer place: its country
            if iso3 is not None and homes == {iso3}:
                c.dropped = "domestic trip: a journey within the travellers' own state is no visit of state"
                return  # ("the president flew to Chicago"; "flew to Washington" is the state, below)
            if a is not None and a.kind == "country" and a.id not in c.source:
                c.target, c.target_tokens = [a.id], [h]
                c.rule += "+location-target"
                return
            ref = actors.country(iso3) if iso3 else None
            if ref is not None and ref not in c.source:
                c.target, c.target_tokens = [ref], [h]
                c.rule += "+location-target"
                actors.name_country(t, ref)
                return
