"""The event coder: predicates from the parse -> coded, attributed, dated events.

The coder is a chain of stages, each its own module, run in :meth:`Coder.candidates` and
:meth:`Coder.events` in this order: :mod:`.detection` (predicates, base codes, frames) with
:mod:`.modality`; :mod:`.arguments` (source and target); :mod:`.dyads` (sides the sentence implies);
:mod:`.assemble` (the event) with :mod:`.dates` and :mod:`.places`; then one event once (the
article-level merge in :meth:`Coder.events`). What the stages share is in :mod:`.common`.

Per sentence (the headline is one too), in one pass over the tokens already parsed by spaCy:

1. **Predicates.** Every verb, and every noun the dictionary lists as an event noun, gets a
   :class:`~newsgraph.events.frames.Frame`; its lemma indexes the compiled dictionary and the most
   specific matching pattern gives the base CAMEO code.
2. **Frames.** A verb whose content is another predicate ("promised *to send aid*", "accused X *of
   shelling*", "demanded that Y *withdraw*", "*launched* an attack") takes its code from that
   complement the way CAMEO prescribes (intent / threat / rejection / request / accusation; an
   agreement to sanction is the sanction, a decision is what it decides, "helped *support*" is the
   support) and the complement is not coded on its own: it is what was promised or alleged, not
   what happened. Uncoded aspect verbs are looked through ("prepared to begin *bombing*").
3. **Modality.** ``mode`` is modality only: negation ("did not agree", "will not help" -> a
   rejection; otherwise dropped, or kept with mode ``negated``/``denied`` on request), announced
   acts ("will send aid" -> intent, "will impose sanctions" -> threat, mode ``future``; modals reach
   down infinitive chains: "would be forced *to take*"), hypotheticals and obligations (``could``,
   ``must``: mode ``hypothetical``), threats on a condition ("will respond *if* X attacks": mode
   ``hypothetical``, target X), and acts inside if/unless clauses are not events. The PLOVER mode
   of the event type goes to ``Event.plover_mode``.
3b. **The learned detector** (:mod:`.learned`, ``[events] detector = true``, the default). It reads
   each coded predicate's clause and decides or corrects the PLOVER type where it is confident (codes
   the frames and modality derived stay), drops a candidate it reads as no event, proposes an event
   at a verb the lexicon missed in a sentence the rules coded nothing in (its sides then come from
   the parse like any verb's), and its calibrated probability is the event's confidence and its
   PLOVER mode the event's where it is sure. ``events.rules`` is the rule coder alone.
4. **Arguments.** Source and target token heads from the frame (undoing passives, control,
   relative clauses, appositions and conjunctions; adjectival passives like "is committed to" keep
   their subject as the doer), mapped to actors through the actor component's mentions. Pronouns
   it left unresolved are bound by the subject of a governing clause when the actor fits ("Ghana
   insisted *it* would reopen"); "each other" and "the two sides" name a pair. Inside a quote,
   "we/us/our" left unresolved is the speaker, and a conflictual act the speaker ascribes to
   someone else is coded as the speaker accusing them.
5. **Dyads.** Joint acts with a compound or collective subject and no target are coded each to
   each; material acts with no explicit recipient take the country where they happened; coercion
   and unrest with no one else named fall on the actor's own country (a mentionless country actor
   is added when the article never names it); a crowd with no actor of its own is the people of the
   place the clause puts it in. An event needs a source and a target, except an agentless passive
   or an attack noun with a named victim ("an air strike on X"), whose doer the text leaves
   unknown; ``[events] one_sided = true`` keeps the rest too.
6. **Discourse** (:mod:`.discourse`). A reaction to a definite earlier event ("condemned *the
   attack*", "welcomed *the decision*") targets its doer; a response ("hit back") targets whoever
   last acted against the responder. Inferred sides lower the confidence and are named in ``rule``.
7. **Date, place, evidence, confidence, id.** The date is the clause's own, else that of the
   infinitive chain's heads, of a conjoined verb, or of the report that carries the clause; else
   the article's.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from ..model import Analysis, Event
from . import arguments, assemble, dedup, detection, dyads, learned, modality
from . import codebook as cb
from .assemble import main_event
from .common import ActorIndex, Candidate, segments, token_forms
from .dates import event_date
from .dictionary import Dictionary, load_dictionary
from .frames import (
    sentence_of,
)
from .places import event_place


@dataclass
class Coder:
    """Codes the events of one analysis; build once per configuration (dictionary compiled once)."""

    def __init__(self, dictionary: Dictionary | None = None, *, one_sided: bool = False,
                 keep_negated: bool = False, infer_sides: bool = True, detector: Any = None,
                 thresholds: learned.Thresholds = learned.DEFAULT):
        self.dictionary = dictionary or load_dictionary("")
        self.codebook = cb.load_codebook()
        self.one_sided = one_sided
        self.keep_negated = keep_negated
        self.infer_sides = infer_sides  # sides from the discourse, a crowd's place, the coercer's country
        # lemmas whose every pattern says "no event" and sets no frame can never yield anything
        self.verbs = {lemma for lemma in self.dictionary.lemmas("v")
                       if any(e.code is not None or e.frame for e in self.dictionary.entries("v", lemma))}
        self.nouns = self.dictionary.lemmas("n")
        self.lemma_cache: dict[tuple[str, str], tuple[list[str], bool]] = {}
        # the learned detector (events/detect.py) beside the rules, or None: the rules alone
        self.detector = detector
        self.thresholds = thresholds

    # ---- public ----------------------------------------------------------------------------------
    def events(self, analysis: Analysis) -> list[Event]:
        """The events of ``analysis`` (needs ``analysis.doc``; uses actors, quotes, places if present)."""
        out: list[Event] = []
        seen: dict[tuple, int] = {}
        preds: list[Any] = []
        for cand in self.candidates(analysis):
            ev = assemble.event(self, analysis, cand)
            if ev is None:
                continue
            key = (sentence_of(cand.pred).start, ev.plover, ev.cameo, tuple(ev.source), tuple(ev.target))
            k = seen.get(key)
            if k is None:
                k = next((j for j, p in enumerate(preds) if dedup.coordinated(p, cand.pred, out[j], ev)), None)
            if k is not None:
                if ev.confidence > out[k].confidence or (ev.target and not out[k].target):
                    ev.confidence = max(ev.confidence, out[k].confidence)
                    out[k], preds[k] = ev, cand.pred
                continue
            seen[key] = len(out)
            out.append(ev)
            preds.append(cand.pred)
        art = analysis.article
        return dedup.merge_reports(out, dedup.lead_end(art.text, art.body_start))

    def candidates(self, analysis: Analysis) -> Iterator[Candidate]:
        """Every coded predicate with its arguments resolved (also those that yield no event)."""
        doc = analysis.doc
        if doc is None:
            return
        actors = ActorIndex(analysis)
        quotes = [q for q in analysis.quotes if q.speaker]
        history = actors.history
        forms = token_forms(doc)
        for n, sent in enumerate(segments(doc)):
            cands = self.code_sentence(sent, forms)
            for c in cands:
                if c.absorbed or c.code is None or assemble.plover(self, c.code) is None:
                    continue  # CAMEO 01 statements never become events: no arguments needed
                c.quote = next((q for q in quotes if q.start <= c.pred.idx < q.end), None)
                arguments.assign_arguments(self, c, actors)
                dyads.verbal_attack(self, c, actors)
                dyads.aimed_not_struck(self, c, actors)
                dyads.contest_in_words(self, c, actors)
                dyads.weapons_launch(self, c, actors)
                dyads.undefended(self, c, actors)
                if self.infer_sides:
                    dyads.located_population(self, c, actors)
                    dyads.from_discourse(self, c, actors, history, n)
                dyads.quote_allegation(self, c, actors)
                dyads.reciprocal(self, c, actors)
                dyads.protest_target(self, c, actors)
                dyads.own_forces(self, c, actors)
                dyads.located(self, c, actors)
                dyads.private_trip(self, c, actors)
                dyads.conditional_target(self, c, actors)
                if self.infer_sides:
                    dyads.domestic(self, c, actors)
                modality.unaddressed_intent(c)
            detection.absorb_restated_nouns(cands)
            for c in cands:
                if not c.absorbed and not c.dropped and c.code:
                    history.add(n, c.entry.lemma, c.code, c.source, c.target, c.pred.i)
            yield from cands

    def code_sentence(self, sent: Any, forms: Any = None) -> list[Candidate]:
        """Code the predicates of one sentence (no actors needed): see :func:`.detection.code_sentence`;
        with the detector, then :func:`.learned.apply` (types, vetoes, proposals, confidence)."""
        cands = detection.code_sentence(self, sent, forms)
        if self.detector is not None:
            cands = learned.apply(self, sent, cands)
        return cands


__all__ = ["ActorIndex", "Candidate", "Coder", "event_date", "event_place", "main_event", "segments", "token_forms"]
