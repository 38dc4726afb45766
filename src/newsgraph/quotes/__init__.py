"""The ``quotes.rules`` component: direct, partial and indirect quotes tied to canonical speakers.

:mod:`.rules` finds the attributions (content span, cue, speaker mention); this module ties
each speaker mention to a canonical actor **only through the actors component's output**
(:meth:`Analysis.actor_at`), in this order:

1. the head word of the speaker mention (``Holt`` in ``The NATO Secretary General Mira Holt``,
   so the organisation named inside the title does not win);
2. for a group noun, the ``of`` phrase (``members of the CSTO``);
3. the whole mention.

When the actors component left a pronoun (``he added``) or a definite role noun (``the
minister said``) unlinked, the speaker is taken from the most recent attributed quote before it
(``rule`` gets ``+previous-speaker``), or the most recent sentence whose subject is a linked
actor (``+previous-subject``), with lower confidence. Nothing else guesses a speaker.

A partial quote is the speaker's quoted words (one Quote per quoted fragment), with the reported
clause around them in ``Quote.clause``: ``called the NATO plan “deeply flawed”`` gives the
quote ``deeply flawed`` and the clause.

Output: ``analysis.quotes`` (ids ``q1, q2, ...`` in text order) and, for the events component,
``analysis.scratch["quotes"]``: ``{quote id: {"cue_lemma", "cue_token", "speaker_token",
"content_tokens", "fragments", "negated", "rule"}}``; ``analysis.scratch["terms"]``: spans of
quoted terms and scare quotes that are nobody's speech.
"""

from __future__ import annotations

import re
from typing import Any

from ..model import Actor, Analysis, Quote, Span
from ..pipeline import Context, component
from . import lexicon as lx
from .rules import Attribution, Found, Speaker, find_attributions

_PERSONAL = lx.PRONOUNS_PERSON | lx.PRONOUNS_GROUP | {"i", "you", "it"}


def _actor_for(analysis: Analysis, doc: Any, sp: Speaker) -> Actor | None:
    """The canonical actor of a speaker mention, from the actors component's mentions."""
    head = doc[sp.head]
    if head.pos_ == "NOUN":  # "The council director Nihad Awad": the name is the appositive
        for c in head.children:
            if c.dep_ == "appos" and c.pos_ == "PROPN" and sp.start <= c.idx < sp.end:
                actor = analysis.actor_at(c.idx, c.idx + len(c.text))
                if actor is not None:
                    return actor
    actor = analysis.actor_at(head.idx, head.idx + len(head.text))
    if actor is not None:
        return actor
    for c in head.children:  # "members of the CSTO", "leaders of the states"
        if c.dep_ == "prep" and c.lower_ == "of" and c.i > head.i:
            for p in c.children:
                if p.dep_ == "pobj":
                    actor = analysis.actor_at(p.idx, p.idx + len(p.text))
                    if actor is not None:
                        return actor
    if head.pos_ != "PRON":
        return analysis.actor_at(sp.start, sp.end)
    return None


def _needs_antecedent(text: str, doc: Any, sp: Speaker) -> bool:
    """A pronoun or a definite role noun the actors component did not link."""
    head = doc[sp.head]
    if head.lower_ in _PERSONAL:
        return True
    words = text[sp.start:sp.end].split()
    first = words[0].lower() if words else ""
    return first in ("the", "this", "that") and head.lemma_.lower() in lx.ROLE_NOUNS


def _compatible(doc: Any, sp: Speaker, actor: Actor) -> bool:
    """He/she and role nouns take persons; they/we take groups, organisations, countries."""
    head = doc[sp.head].lower_
    if head in lx.PRONOUNS_PERSON or head not in _PERSONAL:
        return actor.kind == "person"
    if head in lx.PRONOUNS_GROUP:
        return actor.kind != "person"
    return True


def _walk_back(analysis: Analysis, doc: Any, sp: Speaker, before: int,
               resolved: list[tuple[int, Actor, Span]]) -> tuple[Actor, str] | None:
    """The most recent compatible speaker before ``before``, else the most recent subject."""
    for start, actor, _mention in reversed(resolved[-20:]):
        if start < before and _compatible(doc, sp, actor):
            return actor, "previous-speaker"
    i = doc[sp.head].sent.start - 1
    steps = 0
    while i >= 0 and steps < 6:
        sent = doc[i].sent
        root = sent.root
        subj = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None and subj.lower_ not in _PERSONAL:
            actor = analysis.actor_at(subj.idx, subj.idx + len(subj.text))
            if actor is not None and _compatible(doc, sp, actor):
                return actor, "previous-subject"
        i = sent.start - 1
        steps += 1
    return None


def _content_tokens(doc: Any, a: Attribution) -> tuple[int, int]:
    span = doc.char_span(a.start, a.end, alignment_mode="expand")
    return (span.start, span.end) if span is not None else (0, 0)


_MARKS = "\"'“”‘’«»„‚‹›"


def _inner(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The words of a quoted fragment without its quote marks and surrounding spaces."""
    while start < end and (text[start] in _MARKS or text[start].isspace()):
        start += 1
    while end > start and (text[end - 1] in _MARKS or text[end - 1].isspace()):
        end -= 1
    return (start, end) if end > start else None


_AND_THAT = re.compile(r"[,;]?\s+(?:and|but)\s+that\s+")


def _pieces(text: str, a: Attribution) -> list[tuple[int, int, str, Span | None]]:
    """The quotes one attribution yields: (start, end, kind, clause).

    A partial quote is the speaker's quoted words, one per quoted fragment, with the reported
    clause around them as ``clause``. A report of several coordinated clauses ("said that X and
    that “Y”") is split: a clause with quoted words gives partial quotes, one without gives an
    indirect quote.
    """
    if a.kind != "partial" or not a.fragments:
        return [(a.start, a.end, a.kind, None)]
    bounds = [a.start]
    ends = []
    for m in _AND_THAT.finditer(text, a.start, a.end):
        ends.append(m.start())
        bounds.append(m.end())
    ends.append(a.end)
    out: list[tuple[int, int, str, Span | None]] = []
    for cs, ce in zip(bounds, ends, strict=True):
        clause = Span.of(text, cs, ce)
        frags = [_inner(text, s, e) for s, e in a.fragments if cs <= s < ce]
        frags = [f for f in frags if f is not None]
        if frags:
            out += [(s, e, "partial", clause) for s, e in frags]
        elif ce > cs:
            out.append((cs, ce, "indirect", None))
    return out or [(a.start, a.end, a.kind, None)]


def build_quotes(analysis: Analysis, found: Found) -> list[Quote]:
    """Turn attributions into :class:`Quote` objects with canonical speakers; fill the scratch."""
    text, doc = analysis.article.text, analysis.doc
    quotes: list[Quote] = []
    scratch: dict[str, dict[str, Any]] = {}
    resolved: list[tuple[int, Actor, Span]] = []
    by_attr: dict[int, Quote] = {}
    for a in found.attributions:
        speaker_id, mention, rule, conf = None, None, a.rule, a.confidence
        if a.inherits is not None and id(a.inherits) in by_attr:
            src = by_attr[id(a.inherits)]
            speaker_id, mention = src.speaker, src.speaker_mention
        elif a.speaker is not None:
            mention = Span.of(text, a.speaker.start, a.speaker.end)
            actor = _actor_for(analysis, doc, a.speaker)
            if actor is None and _needs_antecedent(text, doc, a.speaker):
                back = _walk_back(analysis, doc, a.speaker, a.speaker.start, resolved)
                if back is not None:
                    actor, how = back
                    rule, conf = f"{rule}+{how}", conf * 0.8
            if actor is not None:
                speaker_id = actor.id
                resolved.append((a.speaker.start, actor, mention))
            if a.speaker.rule not in ("subject", ""):
                rule = f"{rule}:{a.speaker.rule}"
        cue = Span.of(text, *a.cue) if a.cue else None
        first: Quote | None = None
        for s, e, kind, clause in _pieces(text, a):
            lead = analysis.article.lead_start
            if s < lead < e:  # "DOHA, Jan 15 (Reuters) - Israel and Hamas have agreed ...": not the dateline
                s = lead
            q = Quote(id=f"q{len(quotes) + 1}", text=text[s:e], start=s, end=e, kind=kind,
                      speaker=speaker_id, speaker_mention=mention, cue=cue, rule=rule,
                      confidence=round(conf, 3), clause=clause)
            quotes.append(q)
            scratch[q.id] = {
                "cue_lemma": a.cue_lemma, "cue_token": a.cue_token,
                "speaker_token": a.speaker.head if a.speaker else None,
                "content_tokens": _content_tokens(doc, a), "fragments": list(a.fragments),
                "negated": a.negated, "rule": rule, "part_of": first.id if first else None,
            }
            first = first or q
        by_attr[id(a)] = first
    analysis.scratch["quotes"] = scratch
    analysis.scratch["terms"] = [Span.of(text, s, e) for s, e in found.terms]
    return quotes


@component("quotes.rules")
def quotes_rules(analysis: Analysis, ctx: Context) -> Analysis:
    """Find quotes and their speakers (see :mod:`newsgraph.quotes.rules` for the rules)."""
    if analysis.doc is None:
        analysis.doc = ctx.nlp(analysis.article.text)
    options = ctx.config.get("quotes", {})
    found = find_attributions(analysis.article.text, analysis.doc,
                              object_contents=bool(options.get("object_contents", True)))
    analysis.quotes = build_quotes(analysis, found)
    return analysis


__all__ = ["build_quotes", "find_attributions", "quotes_rules"]
