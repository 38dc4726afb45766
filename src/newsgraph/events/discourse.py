"""Arguments the sentence leaves to the article: definite event descriptions and responses.

Two habits of news prose name the other side of an event only in an earlier sentence:

- **A definite description of an earlier event**: "Biden condemned *the attack*", "Xi welcomed *the
  decision*", "Guterres condemned what he called *the serious escalation*". The target of the
  reaction is whoever did that event: the nearest earlier event of the same kind (an attack noun
  finds an earlier assault; "decision", "move", "step" find any earlier act) that has a doer.
- **A response**: "Beijing *hit back*", "Moscow *retaliated*", "Tehran *responded*": the target is
  whoever last acted against the responder.

Both are guesses from the discourse, so the rule is marked (``+anaphora``, ``+response``) and the
confidence lowered. Only the last few sentences count, and never the reacting actor itself.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from . import codebook as cb

Token = Any

# nouns that stand for whatever someone did: they find any earlier act with a doer
GENERIC_ACTS = frozenset({"decision", "move", "step", "measure", "action", "plan", "announcement", "deal",
                          "agreement", "initiative", "proposal", "offer", "vote", "invitation", "enlargement",
                          "expansion", "policy", "decree", "order", "law", "resolution", "ruling", "declaration",
                          "promise", "pledge", "commitment", "approval", "choice", "bid", "demand", "ultimatum"})
# nouns for violence that find an earlier assault of any kind
VIOLENCE = frozenset({"escalation", "violence", "aggression", "attack", "strike", "assault", "bombing",
                      "shelling", "raid", "offensive", "incursion", "invasion", "killing", "massacre",
                      "operation", "barrage", "salvo", "onslaught", "retaliation"})
DEFINITE = frozenset({"the", "this", "that", "these", "those"})
NAMING_VERBS = frozenset({"call", "describe", "term", "label", "dub", "brand"})
RESPONSE_LEMMAS = frozenset({"respond", "retaliate", "react", "reply", "counter", "hit", "strike", "fire", "answer"})
# reactions whose object may be an earlier event: appeals, support, criticism, rejection, threats
REACTION_ROOTS = frozenset({"02", "05", "10", "11", "12", "13", "16"})
WINDOW = 6  # sentences looked back


@dataclass(frozen=True, slots=True)
class Past:
    """One coded act of an earlier sentence: who did it, to whom, of what kind."""

    sentence: int
    lemma: str
    root: str
    source: tuple[str, ...]
    target: tuple[str, ...]
    token: int = -1  # where its predicate is in the document


class History:
    """The article's coded acts so far, most recent last."""

    def __init__(self) -> None:
        self.items: list[Past] = []

    def add(self, sentence: int, lemma: str, code: str, source: list[str], target: list[str],
            token: int = -1) -> None:
        if source and cb.root(code) not in {"01"}:
            self.items.append(Past(sentence, lemma, cb.root(code), tuple(source), tuple(target), token))

    def last_dyad(self, before: int) -> Past | None:
        """The latest act between two single, different actors ("A met B"), before token ``before``."""
        for p in reversed(self.items):
            if 0 <= p.token < before and len(p.source) == 1 and len(p.target) == 1 and p.source != p.target:
                return p
        return None

    def recent(self, sentence: int, window: int | None = WINDOW) -> list[Past]:
        """Acts of the last ``window`` sentences before ``sentence`` (all if None), nearest first."""
        return [p for p in reversed(self.items)
                if p.sentence < sentence and (window is None or sentence - window <= p.sentence)]


def definite(noun: Token) -> bool:
    """Does ``noun`` carry a definite determiner ("*the* attack", "*this* decision")?"""
    return any(d.dep_ == "det" and d.lower_ in DEFINITE for d in noun.children)


def described_event(pred: Token, objs: list[Token]) -> Token | None:
    """The definite event noun a reaction is about: its object ("condemned *the attack*"), or the
    name given in "what he called *the escalation*"."""
    for o in objs:
        if o.lower_ == "what":
            for ch in pred.children:
                if ch.dep_ == "ccomp" and ch.lemma_.lower() in NAMING_VERBS:
                    named = next((x for x in ch.children if x.dep_ in {"oprd", "attr"}), None)
                    if named is not None:
                        return named
            continue
        if definite(o):
            return o
    for ch in pred.children:  # "condemned what he called ..." parsed with "called" as the complement
        if ch.dep_ == "ccomp" and ch.lemma_.lower() in NAMING_VERBS and any(
                x.lower_ == "what" for x in ch.children if x.dep_ in {"dobj", "nsubj"}):
            return next((x for x in ch.children if x.dep_ in {"oprd", "attr"}), None)
    return None


def antecedent_act(noun: Token, noun_root: str | None, source: list[str], history: History,
                   sentence: int) -> Past | None:
    """The earlier act a definite description refers to: same kind for an event noun (any violence
    for a violence noun), any act for a generic one ("the decision"); never the reactor's own. A
    generic noun looks back a few sentences only; a specific one ("the attack") through the article."""
    lemma = noun.lemma_.lower()
    specific = lemma not in GENERIC_ACTS
    for p in history.recent(sentence, WINDOW if not specific else None):
        if set(p.source) & set(source):
            continue
        if lemma in VIOLENCE or (noun_root and noun_root in cb.VIOLENT_ROOTS):
            if p.root in cb.VIOLENT_ROOTS:
                return p
        elif noun_root and noun_root not in {"01"} and lemma not in GENERIC_ACTS:
            if p.root == noun_root:
                return p
        elif lemma in GENERIC_ACTS and p.root not in {"01", "04"}:
            return p
    return None


def responded_to(source: list[str], sides: set[str], past: list[Past],
                 side_of: Callable[[str], set[str]] = lambda i: {i}) -> Past | None:
    """The last earlier act aimed at the responder or its side ("expelled Chilean diplomats" is
    aimed at Chile) by someone else; ``side_of`` gives an actor's side (its country, members)."""
    for p in past:
        if set(p.source) & set(source):
            continue
        if any(sides & side_of(t) for t in p.target):
            return p
    return None


__all__ = ["GENERIC_ACTS", "REACTION_ROOTS", "RESPONSE_LEMMAS", "History", "Past", "antecedent_act", "definite", "described_event",
           "responded_to"]
