"""The learned detector as a stage of the coder: it decides or corrects the PLOVER type, may veto a
rule event or propose one the verb lexicon missed, and its calibrated probability is the event's
confidence.

The rules keep the structure: which token is the predicate, source and target from the parse,
negation and other modality, dates and places. For every candidate the rules coded
(:mod:`.detection`), the detector (:mod:`.detect`) reads the predicate's clause (its subtree inside
the sentence) and gives a probability for each PLOVER event and ``none``:

* **veto**: ``none`` at least ``veto`` -> the candidate is dropped (``dropped`` says so);
* **retype**: the rules' type is not the detector's top event, the top event has at least
  ``retype`` and at least ``margin`` times the probability of the rules' type -> the candidate takes
  the top event's CAMEO code (:func:`code_for`: the event's own code for the detector's mode, else
  its general code) and ``rule`` gains ``+detector(OLD>NEW)``. Codes the frames and modality derived
  ("threatened to impose", "will send") are left alone: that is structure the rules read. A retype
  of one of our own patterns stays on its side (:func:`.codebook.side_of`): cooperation to cooperation,
  conflict to conflict, a request only to a request. The detector reads a bag of the clause's words,
  and in a sentence about violence the topic outweighs the verb ("met the victims of the attack" read
  as an assault); a verb's polarity is its lexical meaning, and where the object turns it ("attacked
  the plan") a ``sense`` pattern says so. A pattern converted from PETRARCH2 may be turned over (many
  are leftovers of its phrase matcher, coded for one sense of the verb);
* **PETRARCH2 patterns**: a candidate coded by a pattern converted from PETRARCH2 stands only where
  the detector gives its final type at least ``petrarch``. Those patterns were written for
  PETRARCH2's phrase matcher, many for one sense of a verb ("assembled", "postponed", "overcame");
  on the AllSides tune events about one in eight was right, against about half of our own;
* **confidence**: the probability of the candidate's final type; the PLOVER mode is the detector's
  where it is at least ``mode`` sure of it for that type;
* **one side**: with ``[events] one_sided``, an event with only one named side is kept when the
  detector gives its type at least ``one_sided`` (a missing side is less evidence, so the type must
  be surer);
* **propose**: a sentence where the rules code no event, and where the clause of one of its verbs
  has an event with at least ``propose``, gets a candidate at that verb (the most probable clause;
  on a tie the narrower one) with a pattern of no particular kind: source its subject, target its
  object, as for any verb; modality as for any candidate. The verb itself must be evidence of the
  event (:func:`verb_evidence`: its own learned weight favours the event over ``none`` by at least
  ``verb_evidence``): in a clause about an attack, "used", "had", "saw", "bragged" or "died" are
  read as the attack by the words around them, which tell the topic, not what the verb did.

The thresholds (:class:`Thresholds`) were chosen on the *tune* parts of the development sets
(CHANGELOG, ``benchmarks/detector_results.md``). ``[events] detector = false`` (or the component
``events.rules``) runs the rules alone, for comparison.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import cache
from typing import Any

import numpy as np

from . import codebook as cb
from . import modality
from .codebook import side_of
from .common import Candidate
from .detect import NONE, Detector, features
from .dictionary import Entry
from .frames import verb_frame


@dataclass(frozen=True)
class Thresholds:
    veto: float = 0.9        # P(none) at or above which a rule candidate is dropped
    retype: float = 0.6      # P(top event) at or above which it replaces the rules' type ...
    margin: float = 3.0      # ... when it is also this many times P(rules' type)
    mode: float = 0.5        # P(mode) at or above which the detector's PLOVER mode is kept
    propose: float = 0.7     # P(event) of a verb's clause at or above which a missed event is proposed
    verb_evidence: float = 1.0  # ... and how much more the verb's own weight must favour that event than none
    beside: bool = False     # propose also in sentences with rule events (at verbs outside their clauses)
    one_sided: float = 0.0   # with [events] one_sided: P(type) an event with a side missing needs
    petrarch: float = 0.2    # P(type) an event coded by a pattern converted from PETRARCH2 needs


DEFAULT = Thresholds()


@cache
def _codes() -> dict[tuple[str, str | None], str]:
    """(PLOVER event, PLOVER mode or None) -> the most general CAMEO code for it: for a mode, the
    shortest (then lowest) code with that mode; for no mode, the shortest code of the CAMEO root most
    of the event's codes fall in (ACCUSE: 11 disapprove, not 09 investigate)."""
    rows = sorted((r for r in cb.load_codebook().rows() if r.plover), key=lambda r: (len(r.code), r.code))
    out: dict[tuple[str, str | None], str] = {}
    roots: dict[str, Counter[str]] = {}
    for row in rows:
        roots.setdefault(row.plover, Counter())[cb.root(row.code)] += 1
        mode = cb.canonical_mode(row.mode)
        if mode is not None:
            out.setdefault((row.plover, mode), row.code)
    for plover, counts in roots.items():
        main = min(counts, key=lambda r: (-counts[r], r))
        out[(plover, None)] = next(r.code for r in rows if r.plover == plover and cb.root(r.code) == main)
    return out


def code_for(plover: str, mode: str | None = None) -> str:
    """The CAMEO code an event of type ``plover`` (and PLOVER ``mode``) gets from the detector."""
    codes = _codes()
    return codes.get((plover, mode)) or codes[(plover, None)]


def clause(c: Candidate) -> Any:
    """The predicate's clause: its subtree, cut to the candidate's sentence."""
    pred = c.pred
    sent = c.span if c.span is not None else pred.sent
    lo = max(pred.left_edge.i, sent.start)
    hi = min(pred.right_edge.i + 1, sent.end)
    return pred.doc[lo:hi]


def _plover(coder: Any, code: str | None) -> str | None:
    row = coder.codebook.get(code)
    return row.plover if row is not None else None


def _live(coder: Any, c: Candidate) -> bool:
    return not c.absorbed and not c.dropped and c.code is not None and _plover(coder, c.code) is not None


def derived(c: Candidate) -> bool:
    """Did the frames or modality make the code ("threatened *to impose*", "will send", "did not
    agree"), or the object decide the verb's sense (a ``sense`` pattern: "attacked *the plan*")?
    Then it is structure the rules read, and the detector does not retype it."""
    return (c.code != c.base or c.comp_code is not None or c.mode is not None or "+" in c.rule
            or "sense" in c.entry.roles)


def reported(c: Candidate) -> bool:
    """Did a statement's content make the code ("said Y must leave", "said the vote was a sham")?
    The detector learned statements as no event (CAMEO 01 has no PLOVER event), so its reading of
    the clause says nothing about what the content makes of the statement: it does not veto it."""
    return c.base is not None and cb.root(c.base) == "01" and c.code is not None and cb.root(c.code) != "01"


def apply(coder: Any, sent: Any, cands: list[Candidate]) -> list[Candidate]:
    """Run the detector over one sentence's candidates (in place) and add the events it proposes."""
    th: Thresholds = coder.thresholds
    live = [c for c in cands if _live(coder, c)]
    while live:  # a dropped PETRARCH2 pattern gives back what it absorbed, which is judged in turn
        live = [c for c in judge(coder, live, cands) if _live(coder, c)]
    kept = [c for c in cands if _live(coder, c)]
    if kept and not th.beside:
        return cands
    # verbs the rules read already: every candidate's predicate, and the clauses of the events kept
    taken = {c.pred.i for c in cands}
    for c in kept:
        taken |= {t.i for t in c.pred.subtree} | {t.i for t in c.pred.ancestors}
    proposed = propose(coder, sent, taken)
    if proposed is not None:
        cands = sorted([*cands, proposed], key=lambda c: c.pred.i)
    return cands


def judge(coder: Any, live: list[Candidate], cands: list[Candidate]) -> list[Candidate]:
    """Veto, retype and score ``live`` candidates (in place); returns the candidates released by
    a dropped PETRARCH2 pattern that had absorbed them ("repeated *his call for a ceasefire*")."""
    det: Detector = coder.detector
    th: Thresholds = coder.thresholds
    probs, zm = det.scores([features(clause(c)) for c in live])
    labels = det.labels
    none = labels.index(NONE)
    released: list[Candidate] = []
    for c, p, z in zip(live, probs, zm, strict=True):
        rule_type = _plover(coder, c.code)
        from_content = reported(c)
        if p[none] >= th.veto and not from_content:
            c.dropped = f"the detector reads no event here ({p[none]:.2f})"
            c.rule += "+detector-veto"
            continue
        ev = p.copy()
        ev[none] = -1.0
        j = int(np.argmax(ev))
        top = labels[j]
        if (top != rule_type and not derived(c)
                and (side_of(top) == side_of(rule_type) or c.entry.origin == "petrarch2")
                and ev[j] >= th.retype and ev[j] >= th.margin * p[labels.index(rule_type)]):
            mode, mconf = det.mode_of(z, top)
            c.code = code_for(top, mode if mconf >= th.mode else None)
            c.base = c.code
            c.rule += f"+detector({rule_type}>{top})"
        final = _plover(coder, c.code)
        # a statement's content gave the type: the rules' confidence stands (see reported())
        c.det_conf = float(p[labels.index(final)]) if final in labels and not from_content else None
        if c.entry.origin == "petrarch2" and not from_content and (c.det_conf or 0.0) < th.petrarch:
            c.dropped = f"a PETRARCH2 pattern the detector does not confirm ({c.det_conf or 0.0:.2f})"
            c.rule += "+detector-unconfirmed"
            for o in cands:
                if o.absorber is c:
                    o.absorbed, o.absorber = False, None
                    if o.code is not None:  # an absorbed act was never read for modality
                        modality.apply_modality(coder, o)
                    released.append(o)
            continue
        mode, mconf = det.mode_of(z, final)
        c.det_mode = (mode, mconf >= th.mode)
    return released


def verb_evidence(det: Detector, lemma: str, label: str) -> float:
    """How much the verb's own feature (``v:<lemma>``) favours ``label`` over ``none`` in the
    detector's weights (0 for a verb it never saw)."""
    i = det.index.get(f"v:{lemma}")
    if i is None:
        return 0.0
    w = det.weights[i]
    return float(w[det.labels.index(label)] - w[det.labels.index(NONE)])


def propose(coder: Any, sent: Any, taken: set[int]) -> Candidate | None:
    """The candidate the detector proposes in a sentence the rules coded nothing in (or None)."""
    det: Detector = coder.detector
    th: Thresholds = coder.thresholds
    verbs = [t for t in sent if t.pos_ == "VERB" and t.i not in taken and t.dep_ not in {"amod", "compound"}]
    if not verbs:
        return None
    spans = []
    for v in verbs:
        lo, hi = max(v.left_edge.i, sent.start), min(v.right_edge.i + 1, sent.end)
        spans.append(sent.doc[lo:hi])
    probs, zm = det.scores([features(s) for s in spans])
    labels = det.labels
    none = labels.index(NONE)
    ev = probs.copy()
    ev[:, none] = -1.0
    best = max(range(len(verbs)), key=lambda k: (float(ev[k].max()), -len(spans[k])))
    j = int(np.argmax(ev[best]))
    if ev[best, j] < th.propose:
        return None
    top = labels[j]
    verb = verbs[best]
    lemma = verb.lemma_.lower()
    if verb_evidence(det, lemma, top) < th.verb_evidence:
        return None
    mode, mconf = det.mode_of(zm[best], top)
    code = code_for(top, mode if mconf >= th.mode else None)
    entry = Entry(pos="v", lemma=lemma, particle="", obj=(), prep="", pobj=(), subject=(), code=code,
                  roles=frozenset(), slots=(), origin="detector", line=0, comment="proposed by the detector",
                  specificity=0.0)
    c = Candidate(verb_frame(verb, lemma), entry, code, code, rule=f"detector:v:{lemma}:{top}")
    c.span = sent
    modality.apply_modality(coder, c)
    final = _plover(coder, c.code)
    c.det_conf = float(probs[best, labels.index(final)]) if final in labels else None
    mode, mconf = det.mode_of(zm[best], final)
    c.det_mode = (mode, mconf >= th.mode)
    return c


__all__ = ["DEFAULT", "Thresholds", "apply", "clause", "code_for", "judge", "propose", "verb_evidence"]
