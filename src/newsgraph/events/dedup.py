"""One event once: the headline, the lead and later restatements of the same act in one article
become one event with several evidence spans (``Event.also_reported``).

Two events are reports of one act when they have the same CAMEO code, the same sources and the
same targets, compatible dates (equal, or one of them unknown or only "earlier") and the same
modality, and are told alike: the same predicate word, or one of them in the headline or the
lead paragraph (which restate the story's act in their own words), or the later one a noun (a noun
names an act already told: "the probe", "his investigation"). Two accusations by the same
speaker against the same party in different words later in the story are two acts. One report may
leave out the target the other names when both have the same named doer and are told with the same
word (or the later one by a noun); the kept report then takes that target. Otherwise events with no
source or no target are merged only with events of exactly the same sides, so two one-sided
reports of different actors stay apart. Two words of one clause for one act ("met X to discuss Y")
are one event when they have the same PLOVER type and doer and exactly one of them names a target;
so are two coordinated verbs of one subject ("hit back and accused him") of one PLOVER type and
doer whose targets agree or one of which names none (:func:`coordinated`, applied by the coder).
The first report in the text is kept (a headline before its body), with the highest confidence of
the reports; the others' evidence is added to it. Across articles, the store's clustering keeps
working on top of this.
"""

from __future__ import annotations

from typing import Any

from ..model import Event


def _dates_agree(a: Event, b: Event) -> bool:
    if a.date is None or b.date is None or a.date_precision == "earlier" or b.date_precision == "earlier":
        return True
    short = min(len(a.date), len(b.date))
    return a.date[:short] == b.date[:short]


def _word(ev: Event) -> str:
    return (ev.predicate.text if ev.predicate else "").lower()[:5]


def _nominal(ev: Event) -> bool:
    """Is the event read from a noun ("the probe", "his investigation")?"""
    return ":n:" in ev.rule


def same_act(a: Event, b: Event, lead_end: int = 0) -> bool:
    """Are ``a`` and ``b`` two reports of one act (see the module docstring)? ``lead_end``: where
    the headline and lead paragraph end. A later report by a noun ("Mueller's probe" after
    "Mueller's investigation") names an act already told: a noun refers back, a verb tells anew."""
    later = b if b.evidence.start >= a.evidence.start else a
    same_word = _word(a) == _word(b) or _nominal(later)
    told_alike = same_word or min(a.evidence.start, b.evidence.start) < lead_end
    sides = _same_sides(a, b) or (same_word and _one_side_fewer(a, b))
    if _nested(a, b) and a.modality == b.modality:
        return True
    return a.cameo == b.cameo and sides and a.modality == b.modality and _dates_agree(a, b) and told_alike


def _nested(a: Event, b: Event) -> bool:
    """One act told by two words of one clause ("met the envoy to discuss the row": the talks are
    what the meeting was for): the same PLOVER type and the same named doer, one of them read
    inside the other's clause, and one leaving out the target the other names."""
    if a.plover is None or a.plover != b.plover or not _one_side_fewer(a, b) or bool(a.target) == bool(b.target):
        return False
    return any(x.predicate is not None and y.evidence.start <= x.predicate.start and x.predicate.end <= y.evidence.end
               for x, y in ((a, b), (b, a)))


def coordinated(pa: Any, pb: Any, a: Event, b: Event) -> bool:
    """Two coordinated verbs of one subject telling one act ("hit back and accused him of
    lying", "attacked and killed"): the same PLOVER type and named doer, the same target or one of
    them without one, and one verb the other's conjunct."""
    if a.plover is None or a.plover != b.plover or not a.source or set(a.source) != set(b.source):
        return False
    if a.target and b.target and set(a.target) != set(b.target):
        return False
    if a.modality != b.modality:
        return False
    return (pb.dep_ == "conj" and pb.head.i == pa.i) or (pa.dep_ == "conj" and pa.head.i == pb.i)


def _same_sides(a: Event, b: Event) -> bool:
    return set(a.source) == set(b.source) and set(a.target) == set(b.target)


def _one_side_fewer(a: Event, b: Event) -> bool:
    """The same named doer, and one report leaves out the target the other names: a headline "Chile
    shells rebel camp" and, below, "Chile's shelling went on all night". A report without a doer
    stays apart (several parties investigate, protest or strike the same target)."""
    return bool(a.source) and set(a.source) == set(b.source) and (not a.target or not b.target)


def lead_end(text: str, body_start: int) -> int:
    """The end of the headline and the lead paragraph (the first paragraph of the body)."""
    end = text.find("\n", body_start)
    return len(text) if end < 0 else end


def merge_reports(events: list[Event], lead: int = 0) -> list[Event]:
    """The events with restatements of one act folded into its first report, in text order."""
    out: list[Event] = []
    for ev in sorted(events, key=lambda e: e.evidence.start):
        first = next((x for x in out if same_act(x, ev, lead)), None)
        if first is None:
            out.append(ev)
            continue
        first.also_reported.append(ev.evidence)
        first.confidence = max(first.confidence, ev.confidence)
        if not first.target and ev.target:  # the target a restatement names (same_act: same sources)
            first.target = list(ev.target)
        if first.date is None and ev.date is not None:
            first.date, first.date_precision = ev.date, ev.date_precision
    return out


__all__ = ["lead_end", "merge_reports", "same_act"]
