"""Event places: where the clause locates the event."""

from __future__ import annotations

from ..model import Analysis
from .common import (
    Candidate,
    Token,
    governing_verb,
)
from .frames import (
    np_core,
    pobjs,
)


def event_place(analysis: Analysis, c: Candidate) -> str | None:
    """The place the clause locates the event in ("in Kazakhstan", "where ..."), if places found one."""
    if not analysis.places:
        return None
    spans = [(m.start, m.end, p.id) for p in analysis.places for m in p.mentions]

    def place_of(tok: Token) -> str | None:
        for t in np_core(tok):
            for s, e, pid in spans:
                if s <= t.idx < e:
                    return pid
        return None

    pred = c.pred
    anchors = [pred]
    if c.frame.pos == "n":
        gov = governing_verb(pred)
        if gov is not None:
            anchors.append(gov)
    for a in anchors:
        for ch in a.children:
            if ch.dep_ == "prep" and ch.lower_ in {"in", "at", "near", "inside", "outside"}:
                for o in pobjs(ch):
                    pid = place_of(o)
                    if pid:
                        return pid
    t = pred
    while t.head.i != t.i:  # "Astana, where the leaders met ..."
        if t.dep_ == "relcl" and any(ch.lower_ == "where" for ch in t.children):
            return place_of(t.head)
        t = t.head
    return None
