"""Assembly: a coded candidate becomes an :class:`~newsgraph.model.Event` (type, codes, evidence,
confidence, id); the main event of a sentence."""

from __future__ import annotations

from typing import Any

from ..model import Analysis, Event, Span, content_hash
from .codebook import side_of
from .common import (
    GUESSED_SIDES,
    Candidate,
)
from .dates import event_date
from .frames import (
    np_core,
    sentence_of,
)
from .places import event_place


def evidence_span(c: Candidate) -> tuple[int, int]:
    """The clause stretch covering the predicate, its auxiliaries and its local arguments."""
    pred = c.pred
    sent = sentence_of(pred)
    toks = [pred, *(ch for ch in pred.children if ch.dep_ in {"aux", "auxpass", "neg", "prt"})]
    if c.comp_code:  # what was agreed, promised, threatened: "agreed that *Hungary would buy jets*"
        for t in c.comp_tokens[:1]:
            if abs(t.i - pred.i) <= 25:
                toks.append(t)
                toks.extend(x for ch in t.children if ch.dep_ in {"nsubj", "nsubjpass", "dobj", "dative"}
                            for x in np_core(ch))
    for h in [*c.source_tokens, *c.target_tokens]:
        if sentence_of(h).start == sent.start and abs(h.i - pred.i) <= 25:
            toks.extend(np_core(h))
    lo = min(t.i for t in toks)
    hi = max(t.i for t in toks)
    lo, hi = max(lo, sent.start), min(hi, sent.end - 1)
    doc = pred.doc
    return doc[lo].idx, doc[hi].idx + len(doc[hi].text)


def confidence_of(c: Candidate) -> float:
    e = c.entry
    conf = 0.55
    conf += 0.15 if e.specificity >= 2 else 0.0
    conf += 0.05 if e.origin in {"newsgraph", "user"} else -0.1
    conf += 0.1 if c.source and c.target else 0.0
    conf -= 0.15 if c.frame.pos == "n" else 0.0
    conf -= 0.1 if c.agentless else 0.0
    conf -= 0.1 if c.mode == "hypothetical" else 0.0
    conf -= 0.05 if "quote-allegation" in c.rule or "location-target" in c.rule else 0.0
    # sides the sentence does not state but the coder infers (from the article, a place, a condition)
    conf -= 0.1 * sum(1 for g in GUESSED_SIDES if g in c.rule)
    return max(0.05, min(0.95, round(conf, 3)))


def main_event(events: list[Event], doc: Any) -> Event | None:
    """One event for a sentence: the main clause's (shallowest predicate), then the most confident."""
    if not events:
        return None

    def depth(ev: Event) -> int:
        if ev.predicate is None:
            return 99
        span = doc.char_span(ev.predicate.start, ev.predicate.end, alignment_mode="expand")
        if span is None:
            return 99
        t, d = span.root, 0
        while t.head.i != t.i and d < 50:
            t, d = t.head, d + 1
        return d

    return min(events, key=lambda ev: (depth(ev), -ev.confidence, ev.evidence.start))


# ---- 6. events -------------------------------------------------------------------------------
def plover(coder: Any, code: str | None) -> str | None:
    row = coder.codebook.get(code)
    return row.plover if row else None


def event(coder: Any, analysis: Analysis, c: Candidate) -> Event | None:
    if c.absorbed or c.code is None or c.dropped:
        return None
    row = coder.codebook.get(c.code)
    if row is None or row.plover is None:
        return None  # CAMEO 01 statements: no PLOVER event (kept out of the output)
    members = [m for a in c.source for m in ((analysis.actor(a).members or [a]) if analysis.actor(a) else [a])]
    joint = len(set(members)) >= 2 and set(c.source) == set(c.target)  # "X and Y agreed": each to each
    target = list(c.target) if joint else [t for t in c.target if t not in c.source]
    if c.target and not target and not coder.one_sided:
        return None  # a self-dyad ("Russia ... Russia"): another reading is needed, not this event
    if not c.source and not target:
        return None
    if not c.source and not c.agentless and c.frame.pos == "v" and side_of(row.plover) == "cooperation":
        # "to help Haiti", "those who support the president", "a strategy that could help his
        # career": a cooperative act with nobody named as cooperating states a purpose, an ability
        # or a stance, not an act an analyst codes (PLOVER's one-sided events are the conflictual
        # ones whose doer is unknown, "three soldiers were killed", and the passives that leave
        # the doer out, "weapons were supplied to X")
        return None
    if not (c.source and target) and not (c.agentless and target) and not coder.one_sided:
        return None
    if not (c.source and target) and coder.detector is not None and (c.det_conf or 0.0) < coder.thresholds.one_sided:
        return None  # one side named: kept only where the detector is sure enough of the type (learned.py)
    text = analysis.article.text
    ev_span = evidence_span(c)
    pred = c.pred
    date, precision = event_date(analysis, c)
    # with the learned detector, its calibrated probability of the event's type (learned.py)
    conf = min(0.999, max(0.001, round(c.det_conf, 3))) if c.det_conf is not None else confidence_of(c)
    mode = c.mode
    if c.negated and mode is None:  # kept on request ([events] keep_negated): say how it is negated
        mode = "denied" if "+denied" in c.rule else "negated"
    ident = content_hash(f"{analysis.article.id}|{ev_span[0]}:{ev_span[1]}|{row.plover}|{row.code}|"
                         f"{','.join(c.source)}>{','.join(target)}")
    return Event(
        id=ident, source=list(c.source), target=target, plover=row.plover, cameo=row.code,
        goldstein=row.goldstein, quad=row.quad, evidence=Span.of(text, *ev_span), mode=mode,
        negated=c.negated, date=date, date_precision=precision, place=event_place(analysis, c),
        confidence=conf, predicate=Span.of(text, pred.idx, pred.idx + len(pred.text)),
        quote=c.quote.id if c.quote is not None else None, rule=c.rule,
        plover_mode=c.det_mode[0] if c.det_mode is not None and c.det_mode[1] else row.mode,
        modality=MODALITY.get(mode or "", "asserted"))


# ``mode`` (modality, in the contract's words) -> whether the text says the act happened
MODALITY = {"future": "planned", "hypothetical": "hypothetical", "negated": "negated", "denied": "denied",
            "threat": "threatened", "conditional": "hypothetical"}
