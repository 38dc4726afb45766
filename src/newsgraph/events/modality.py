"""Modality: negation, announced and hypothetical acts, conditions; ``mode`` is modality only."""

from __future__ import annotations

from typing import Any

from . import codebook as cb
from .common import (
    EXECUTING_VERBS,
    EXPECTING_HEADS,
    FEAR_MARKS,
    FUTURE_AUX,
    HYPOTHETICAL_AUX,
    NEGATING_HEADS,
    NEGATING_NOUNS,
    OBLIGATION_AUX,
    REPORTING,
    UNDECIDED_HEADS,
    Candidate,
    desire_head,
    for_to_clause,
    future_head,
    governing_verb,
    has_condition,
    headline_infinitive,
    in_condition,
    is_object_of,
    likelihood_head,
    marked,
    modal_scope,
    planning_noun,
    to_infinitive,
)
from .frames import FIRST_PERSON

# adverbs of doubt: the writer or speaker guesses at the act, nobody announces it
HEDGES = frozenset({"maybe", "perhaps", "possibly", "conceivably"})


NEGATIVE_PRONOUNS = frozenset({"nobody", "none", "nothing", "neither", "noone"})


def negative_object(tok: Any) -> bool:
    """An object that says the act reached no one: "supports none of them", "backed no candidate"."""
    return tok.dep_ in {"dobj", "obj"} and (tok.lower_ in NEGATIVE_PRONOUNS or any(
        d.dep_ == "det" and d.lower_ == "no" for d in tok.children))


def undecided(pred: Any) -> bool:
    """Is the act the topic of an undecided stance: "uncommitted about backing X", "reluctant to
    endorse X", "undecided on whether to back X"? Nobody did it (yet)."""
    head = pred.head
    if pred.dep_ in {"pcomp", "pobj"} and head.dep_ == "prep":
        head = head.head
    elif pred.dep_ != "xcomp":
        return False
    return head.i != pred.i and head.lemma_.lower() in UNDECIDED_HEADS


def negative_subject(tok: Any) -> bool:
    """A subject that says no one did it: "No country has recognised ...", "no troops were put on
    alert", "nobody fired", "none of the parties agreed", "neither A nor B signed"."""
    return tok.dep_ in {"nsubj", "nsubjpass"} and (tok.lower_ in NEGATIVE_PRONOUNS or any(
        d.dep_ in {"det", "preconj"} and d.lower_ in {"no", "neither"} for d in tok.children))


def nor_negated(verb: Any) -> bool:
    """A verb negated by a coordinating "neither"/"nor": "did not sign, *nor* did it send troops",
    "*neither* signed nor sent" (both verbs)."""
    if any(ch.dep_ == "preconj" and ch.lower_ == "neither" for ch in verb.children):
        return True
    return verb.dep_ == "conj" and any(ch.dep_ == "cc" and ch.lower_ == "nor" and ch.i < verb.i
                                       for ch in verb.head.children)


MATERIAL_AIM_ROOTS = frozenset({"06", "07", "08"}) | cb.MATERIAL_CONFLICT_ROOTS


def aim_of_an_act(c: Candidate, cands: dict[int, Candidate]) -> bool:
    """Is ``c`` only what another coded act was for: a material act in a to-infinitive with no
    subject of its own hung on that act's verb ("sent troops to the border *to attack* the rebels")?
    The event told is the head act; its aim is not told as done. An act of words is done by the act
    that serves it ("crowds gathered *to denounce* the law", "received the envoy *to discuss* trade"),
    and an aim hung on an act no one codes ("earmarked funds *to help* X") is all the text tells."""
    verb = c.pred
    if c.frame.pos != "v" or verb.dep_ != "advcl" or not to_infinitive(verb) or verb.head.i == verb.i \
            or cb.root(c.code or "") not in MATERIAL_AIM_ROOTS \
            or any(ch.dep_ in {"nsubj", "nsubjpass", "expl"} for ch in verb.children):
        return False
    head = cands.get(verb.head.i)
    return head is not None and bool(head.code) and not head.dropped and cb.root(head.code) != "01"


# ---- 3. modality -----------------------------------------------------------------------------
def planned(verb: Any) -> bool:
    """Is ``verb`` only intended: the to-infinitive of a noun of planning ("a plot *to bomb* X",
    "plans *to expand*") that nobody carried out (:func:`.common.planning_noun`)?"""
    noun = planning_noun(verb)
    return noun is not None and noun.head.lemma_.lower() not in EXECUTING_VERBS


def apply_modality(coder: Any, c: Candidate) -> None:
    pred = c.pred
    if in_condition(pred):
        c.mode, c.dropped = "conditional", "act inside an if/unless clause"
        return
    if in_condition(pred, FEAR_MARKS):
        c.mode, c.dropped = "hypothetical", "an act feared and forestalled ('lest X do it'): not done"
        return
    gov = governing_verb(pred) if c.frame.pos == "n" else pred
    scope = modal_scope(gov)
    auxes = {a.lower_ for v in scope for a in v.children if a.dep_ in {"aux", "auxpass"}}
    negated = any(ch.dep_ == "neg" for v in scope for ch in v.children) or any(nor_negated(v) for v in scope) or (
        gov is not None and gov.dep_ == "xcomp" and gov.head.lemma_ in NEGATING_HEADS) or (
        gov is not None and gov.dep_ == "acl" and gov.head.lemma_.lower() in NEGATING_NOUNS
        and to_infinitive(gov))
    nobody = any(negative_subject(ch) for v in scope for ch in v.children) or (
        c.frame.pos == "v" and any(negative_object(ch) for ch in pred.children))
    if c.frame.pos == "v" and for_to_clause(pred):
        c.mode, c.dropped = "hypothetical", "an act asked or waited for ('for X to V'): not done"
        return
    if undecided(pred):
        c.mode, c.dropped = "hypothetical", "an act someone is undecided about: not done"
        return
    if c.frame.pos == "n" and gov is not None and gov.i != pred.i and not is_object_of(pred, gov):
        negated = False  # "despite the lack of ..." / subject nouns: the verb's negation is not theirs
    # "are going to continue to cooperate": a plan head anywhere up the transparent chain
    if c.frame.pos == "n" and gov is not None and gov.i != pred.i and gov.lemma_ in EXPECTING_HEADS:
        c.mode, c.dropped = "future", "an act still awaited (bracing for new sanctions): not done, nor by the expecter"
        return
    future = bool(auxes & FUTURE_AUX) or any(future_head(v) for v in scope) or headline_infinitive(gov) \
        or planned(gov)
    top = scope[-1] if scope else None
    if "would" in auxes and top is not None and top.dep_ == "ccomp" and top.head.lemma_ in REPORTING:
        future = True  # "said they would stay away": future in the past
    if any(ch.dep_ == "advmod" and ch.lower_ in HEDGES for v in scope for ch in v.children) or any(
            likelihood_head(v) for v in scope):
        future = False  # "maybe it will restrain X", "perhaps they will meet": a guess, not an announcement
        auxes = auxes | {"might"}
    if any(desire_head(v) for v in scope) or (c.frame.pos == "n" and desire_head(pred)):
        future = False  # "wants to seize", "hopes to meet", "looks forward to a meeting": a wish
        auxes = auxes | {"might"}
    hypothetical = not future and bool(auxes & (HYPOTHETICAL_AUX | OBLIGATION_AUX))
    conditional = has_condition([*scope, *(t for t in c.comp_tokens if t.pos_ in {"VERB", "AUX"})])
    code = c.code or ""
    root = cb.root(code)
    if nobody and (c.frame.pos == "v" or (gov is not None and is_object_of(pred, gov))):
        c.negated = True  # no one did it: not a refusal by anyone either
        if not coder.keep_negated:
            c.dropped = "negated: no one did it"
        return
    if negated:
        volitional = future or "would" in auxes or (gov is not None and gov.dep_ == "xcomp")
        if root in cb.COOPERATIVE_ROOTS and (root in {"03", "05"} or volitional):
            c.code = cb.reject_code(code)
            c.rule += "+negated-cooperation"
            return
        c.negated = True
        if not coder.keep_negated:
            c.dropped = "negated"
        return
    if "announced" in c.entry.roles and not (future or hypothetical or conditional):
        c.dropped = "a response reported as done is coded by what it did"
        return
    if future or (conditional and hypothetical):
        c.mode = "future"
        if root in cb.MATERIAL_COOP_ROOTS or root == "05":
            c.code = cb.intent_code(code)
            c.rule += "+future-intent"
        elif root in cb.MATERIAL_CONFLICT_ROOTS and root != "15":
            c.code = cb.threat_code(code)
            c.rule += "+future-threat"
    elif hypothetical:
        c.mode = "hypothetical"
    elif cb.root(c.code or "") in {"03", "13"} and c.comp_code and cb.root(c.comp_code) not in {"03", "13"}:
        c.mode = "future"  # "agreed to send", "threatened to impose": the act itself is to come
    if conditional and c.mode in {"future", None} and cb.root(c.code or "") in {"03", "13"}:
        c.mode = "hypothetical"  # "will respond if X attacks": announced on a condition


def announced_intent(c: Candidate) -> bool:
    """Does someone announce the act to come: the content of a reporting verb ("said it *would allow*
    aid", "announced they will return", also a coordinated second act), or a speaker's own plan in a
    quote ("we will *send*")?"""
    gov = governing_verb(c.pred) if c.frame.pos == "n" else c.pred
    scope = modal_scope(gov)
    if not scope:
        return False
    top = scope[-1]
    while top.dep_ == "conj" and top.head.i != top.i:
        top = top.head
    if top.dep_ == "ccomp" and top.head.lemma_ in REPORTING and not indirect_question(top):
        return True
    return c.quote is not None and any(ch.dep_ in {"nsubj", "nsubjpass"} and ch.lower_ in FIRST_PERSON
                                       for v in scope for ch in v.children)


def indirect_question(clause: Any) -> bool:
    """Is ``clause`` asked about rather than told: "explain *how* he will fund it", "said *whether*
    they would come"?"""
    return marked(clause, {"whether", "if"}) or any(
        ch.tag_ in {"WRB", "WP", "WDT"} for ch in clause.children)


def unaddressed_intent(c: Candidate) -> None:
    """A cooperative act to come (turned into a CAMEO 03 intent by :func:`apply_modality`) that
    nobody announces and that names nobody to cooperate with is a plan or a forecast, not an intent
    towards anyone: "the project will release a guide", "was planning to provide funds", "how he will
    fund repairs". Runs once the arguments are known: an intent with a target, or one its actor
    announces (:func:`announced_intent`), stays."""
    if "+future-intent" in c.rule and not c.target and not c.dropped and not announced_intent(c):
        c.dropped = "a future act nobody announces, towards no one: a plan, not an intent"
