"""The event coder: predicates from the parse -> coded, attributed, dated events.

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

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from ..errors import NewsgraphError
from ..model import Actor, Analysis, Event, Quote, Span, content_hash
from . import codebook as cb
from .dictionary import Dictionary, Entry, load_dictionary
from .discourse import (
    REACTION_ROOTS,
    RESPONSE_LEMMAS,
    History,
    antecedent_act,
    described_event,
    responded_to,
)
from .frames import (
    FIRST_PERSON,
    OBJ_DEPS,
    PERSON_PRONOUNS,
    PLURAL_PRONOUNS,
    THING_PRONOUNS,
    THIRD_PERSON,
    Frame,
    antecedent_candidates,
    is_verbal,
    logical_subjects,
    misparsed_finite,
    noun_frame,
    np_core,
    pobjs,
    sentence_of,
    verb_frame,
)

Token = Any

ABSORBING_ROOTS = frozenset({"02", "03", "09", "10", "11", "12", "13"})
# prepositions whose object is the content of a frame verb, by frame role and by CAMEO root
COMPLEMENT_PREPS = {"intent": ("to", "on"), "agree": ("to", "on"), "decide": ("to", "on"), "ready": ("for",), "refuse": (),
                    "request": ("for",), "appeal": ("for",), "threat": ("with",), "deny": ("of",),
                    "allege": ("of",), "command": (), "via": ()}
COMPLEMENT_PREPS_BY_ROOT = {"09": ("into", "of"), "11": ("of", "for", "over"), "12": ()}
# comments about something (responsibility for it, concern over it, condolences for it) code the
# comment, not the thing commented on
ABSORBING_CODES = frozenset({"011", "012", "013", "015", "016", "018", "019"})
ABOUT_PREPS = ("for", "about", "over", "regarding", "on", "at", "of", "to", "with")
ABSORBING_FRAMES = frozenset({"intent", "agree", "decide", "ready", "refuse", "request", "appeal", "threat", "deny",
                              "allege", "command"})
IMPLICIT_FRAME = {"03": "intent", "02": "appeal", "10": "request", "12": "refuse", "13": "threat"}
FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo"})
HYPOTHETICAL_AUX = frozenset({"could", "might", "may", "would", "can"})
OBLIGATION_AUX = frozenset({"must", "should"})
FUTURE_HEADS = frozenset({"plan", "intend", "expect", "aim", "schedule", "go"})
NEGATING_HEADS = frozenset({"fail"})
REPORTING = frozenset({"say", "tell", "announce", "state", "add", "report", "declare", "claim", "insist",
                       "note", "stress", "confirm", "indicate", "write", "explain", "reiterate", "believe",
                       "think", "suggest", "argue", "assert", "warn", "emphasize", "emphasise"})
CONDITION_MARKS = frozenset({"if", "unless"})
PURPOSE_COOP = frozenset({"help", "support", "assist", "train", "protect", "monitor", "observe", "secure",
                          "stabilize", "stabilise", "guard", "rebuild", "deliver", "distribute", "evacuate"})
DEFAULT_VERB_TARGETS = ("dobj", "dative", "against", "on", "upon", "at", "to", "toward", "towards", "with",
                        "into", "from", "between", "among", "over", "ccomp")
DEFAULT_NOUN_TARGETS = ("against", "on", "upon", "at", "to", "toward", "towards", "with", "into",
                        "between", "among", "of")
TOPIC_TARGETS = ("with", "between", "among", "to")
LOCATIVE = ("in", "at", "near", "inside", "across", "throughout", "outside", "from")
LOCATED_PLOVER = frozenset({"AID", "ASSAULT", "COERCE", "RETREAT", "MOBILIZE", "PROTEST"})
ALLEGED_PLOVER = frozenset({"THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"})


@dataclass
class Candidate:
    """A coded predicate before it becomes an :class:`~newsgraph.model.Event`."""

    frame: Frame
    entry: Entry
    base: str | None
    code: str | None = None
    mode: str | None = None
    negated: bool = False
    absorbed: bool = False
    dropped: str = ""  # why it yields no event
    rule: str = ""
    source: list[str] = field(default_factory=list)
    target: list[str] = field(default_factory=list)
    source_tokens: list[Token] = field(default_factory=list)
    target_tokens: list[Token] = field(default_factory=list)
    agentless: bool = False
    quote: Quote | None = None
    derived_target_heads: list[Token] | None = None
    span: Any = None  # the sentence (paragraph-bounded) the predicate is in
    comp_tokens: list[Token] = field(default_factory=list)  # what a frame verb is about
    comp_code: str | None = None  # the code of that content ("threatened to *impose a curfew*": 1723)
    comp_recip: bool = False  # that content is a joint act ("promised to *work together*")

    @property
    def pred(self) -> Token:
        return self.frame.pred

    @property
    def depth(self) -> int:
        d, t = 0, self.pred
        while t.head.i != t.i and d < 50:
            t, d = t.head, d + 1
        return d


class ActorIndex:
    """Token -> actor through the actor component's mentions (the tightest mention wins), and token
    -> country through the places component's gazetteer matches."""

    def __init__(self, analysis: Analysis):
        self.analysis = analysis
        self.by_id: dict[str, Actor] = {a.id: a for a in analysis.actors}
        self._spans: list[tuple[int, int, int, Actor]] = sorted(
            ((m.start, m.end, m.end - m.start, a) for a in analysis.actors for m in a.mentions),
            key=lambda x: (x[0], x[1]))
        self._places: list[tuple[int, int, str]] = sorted(
            (m.start, m.end, p.country) for p in analysis.places for m in p.mentions if p.country)
        self._cache: dict[int, Actor | None] = {}
        self.history = History()  # the article's acts so far (filled by the coder, sentence by sentence)

    def at_token(self, tok: Token) -> Actor | None:
        key = tok.idx
        if key in self._cache:
            return self._cache[key]
        start, end = tok.idx, tok.idx + len(tok.text)
        best: tuple[int, Actor] | None = None
        for s, e, width, actor in self._spans:
            if s >= end:
                break
            if e > start and (best is None or width < best[0]):
                best = (width, actor)
        self._cache[key] = best[1] if best else None
        return self._cache[key]

    def country_at(self, tok: Token) -> str | None:
        """The ISO3 code of the country a token names or lies in (an actor, else a gazetteer place)."""
        a = self.at_token(tok)
        if a is not None and a.country and a.kind in {"country", "place", "location", "city"}:
            return a.country
        if a is not None and a.kind == "country":
            return a.id
        for s, e, country in self._places:
            if s <= tok.idx < e:
                return country
        return None

    def country(self, iso3: str) -> str | None:
        """The actor id for a country the coder infers (a domestic target, a located crowd): the
        article's own country actor, else a country actor added without mentions (the country is
        implied by "Kenyan police" or "in Nairobi", never named as such)."""
        if iso3 in self.by_id:
            return iso3
        known = next((a.id for a in self.by_id.values() if a.kind == "country" and a.country == iso3), None)
        if known is not None:
            return known
        name, kb_id = iso3, None
        try:
            from ..kb import get_kb

            entry = get_kb().country(iso3)
        except (ImportError, NewsgraphError):  # no knowledge base: the code stands for the name
            entry = None
        if entry is None and len(iso3) != 3:
            return None
        if entry is not None:
            name, kb_id = entry.name, entry.id
        actor = Actor(id=iso3, name=name, kind="country", country=iso3, code=iso3, kb_id=kb_id)
        self.analysis.actors.append(actor)
        self.by_id[iso3] = actor
        return iso3


class Coder:
    """Codes the events of one analysis; build once per configuration (dictionary compiled once)."""

    def __init__(self, dictionary: Dictionary | None = None, *, one_sided: bool = False,
                 keep_negated: bool = False, infer_sides: bool = True):
        self.dictionary = dictionary or load_dictionary("")
        self.codebook = cb.load_codebook()
        self.one_sided = one_sided
        self.keep_negated = keep_negated
        self.infer_sides = infer_sides  # sides from the discourse, a crowd's place, the coercer's country
        # lemmas whose every pattern says "no event" and sets no frame can never yield anything
        self._verbs = {lemma for lemma in self.dictionary.lemmas("v")
                       if any(e.code is not None or e.frame for e in self.dictionary.entries("v", lemma))}
        self._nouns = self.dictionary.lemmas("n")
        self._lemma_cache: dict[tuple[str, str], tuple[list[str], bool]] = {}

    # ---- public ----------------------------------------------------------------------------------
    def events(self, analysis: Analysis) -> list[Event]:
        """The events of ``analysis`` (needs ``analysis.doc``; uses actors, quotes, places if present)."""
        out: list[Event] = []
        seen: dict[tuple, int] = {}
        for cand in self.candidates(analysis):
            ev = self._event(analysis, cand)
            if ev is None:
                continue
            key = (sentence_of(cand.pred).start, ev.plover, ev.cameo, tuple(ev.source), tuple(ev.target))
            if key in seen:
                if ev.confidence > out[seen[key]].confidence:
                    out[seen[key]] = ev
                continue
            seen[key] = len(out)
            out.append(ev)
        return out

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
                if c.absorbed or c.code is None or self._plover(c.code) is None:
                    continue  # CAMEO 01 statements never become events: no arguments needed
                c.quote = next((q for q in quotes if q.start <= c.pred.idx < q.end), None)
                self._arguments(c, actors)
                if self.infer_sides:
                    self._located_population(c, actors)
                    self._from_discourse(c, actors, history, n)
                self._quote_allegation(c, actors)
                self._reciprocal(c, actors)
                self._protest_target(c, actors)
                self._located(c, actors)
                self._conditional_target(c, actors)
                if self.infer_sides:
                    self._domestic(c, actors)
            for c in cands:
                if not c.absorbed and not c.dropped and c.code:
                    history.add(n, c.entry.lemma, c.code, c.source, c.target, c.pred.i)
            yield from cands

    def code_sentence(self, sent: Any, forms: tuple[list[str], list[str], list[str]] | None = None
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
            verbs, noun = self._known_forms(lower[k], lemmas[k])
            if not verbs and not noun and not (i >= 2 and words[k - 1] == "-"):
                continue  # no pattern for this word: most tokens end here
            tok = doc[i]
            c = self._code_token(tok)
            if c is not None:
                c.span = sent
                cands[tok.i] = c
        ordered = sorted(cands.values(), key=lambda c: c.depth)
        for c in ordered:
            self._apply_frame(c, cands)
        for c in ordered:
            if not c.absorbed and c.code is not None:
                self._apply_modality(c)
                self._purpose(c, cands)
        return [cands[i] for i in sorted(cands)]

    def _purpose(self, c: Candidate, cands: dict[int, Candidate]) -> None:
        """Troops sent "to help", a battalion deployed "to guard the border": a deployment with a
        cooperative purpose is military protection (074), not a show of force; a trip made "to
        deliver aid" is the aid."""
        code = c.code or ""
        if cb.root(code) != "15" and code != "042":
            return
        for ch in _purpose_clauses(c):
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
    def _known(self, tok: Token) -> tuple[list[str], bool]:
        """The dictionary's verb lemmas for a word form, and whether it may be an event noun."""
        return self._known_forms(tok.lower_, tok.lemma_)

    def _known_forms(self, lower: str, lemma: str) -> tuple[list[str], bool]:
        """As :meth:`_known`, from the token's lower form and lemma; kept per (form, lemma) so
        that most tokens are dismissed with one dict lookup."""
        key = (lower, lemma)
        hit = self._lemma_cache.get(key)
        if hit is None:
            verbs = [x for x in _verb_lemmas_of(lower, lemma.lower()) if x in self._verbs]
            noun = lemma.lower() in self._nouns or lower in self._nouns
            hit = (verbs, noun)
            if len(self._lemma_cache) < 200_000:
                self._lemma_cache[key] = hit
        return hit

    def _code_token(self, tok: Token) -> Candidate | None:
        verbs, noun = self._known(tok)
        if not verbs and not noun and not (tok.i >= 2 and tok.doc[tok.i - 1].text == "-"):
            return None  # no pattern for this word: most tokens end here
        if is_verbal(tok):
            lemmas = list(verbs)
            if tok.tag_ == "VBN" and tok.lower_ in self._verbs and any(ch.dep_ == "auxpass" for ch in tok.children):
                lemmas.insert(0, tok.lower_)  # "is determined to", "was prepared to": the adjective's entry
            for lemma in lemmas:
                if lemma in self._verbs:
                    frame = verb_frame(tok, lemma)
                    hit = self._match(frame, "v", lemma)
                    if hit is None:
                        continue
                    if _descriptive(tok) and (hit[0].specificity < 2 or hit[0].origin == "petrarch2"):
                        return None  # "Russia-led", "gunmen armed with rifles": descriptions, not acts
                    return Candidate(frame, hit[0], hit[1], hit[1], rule=_rule(hit[0]))
            return None
        if tok.pos_ == "ADJ" and tok.dep_ in {"acomp", "attr", "ROOT"}:
            lemma = tok.lemma_.lower()  # "is willing to", "is ready to": adjective frames
            if lemma in self._verbs:
                frame = verb_frame(tok, lemma)
                hit = self._match(frame, "v", lemma)
                if hit is not None:
                    return Candidate(frame, hit[0], hit[1], hit[1], rule=_rule(hit[0]))
            return None
        if tok.dep_ == "compound":
            return None  # "peacekeeping force", "protest leader": a modifier, not an act
        if tok.pos_ in {"NOUN", "PROPN"} or (tok.pos_ == "ADJ" and tok.dep_ in {"pobj", "dobj"}):
            for lemma in _noun_lemmas(tok):
                if lemma in self._nouns:
                    frame = noun_frame(tok, lemma)
                    hit = self._match(frame, "n", lemma)
                    if hit is not None:
                        code = _joint(hit[0], hit[1], tok)
                        return Candidate(frame, hit[0], code, code, rule=_rule(hit[0]))
        return None

    def _match(self, frame: Frame, pos: str, lemma: str) -> tuple[Entry, str | None] | None:
        for e in self.dictionary.entries(pos, lemma):
            if e.particle and e.particle != frame.particle and e.particle not in frame.preps:
                continue
            if e.obj and not frame.obj_region.match(e.obj):
                continue
            if e.prep:
                region = frame.prep_regions.get(e.prep)
                if region is None or (e.pobj and not region.match(e.pobj)):
                    continue
            if e.subject and not frame.subj_region.match(e.subject):
                continue
            if "obj" in e.roles and not frame.objs:
                continue
            if e.code == "=obj":
                code = self._object_code(frame)
                if code is None:
                    continue
                return e, code
            return e, e.code
        return None

    def _object_code(self, frame: Frame) -> str | None:
        """A light verb ("launch", "hold", "impose") takes the code of the event noun it governs."""
        objs = [*frame.objs, *(t for p in ("in", "into") for t in frame.preps.get(p, []))]
        for o in [*objs, *(c for x in objs for c in _conjuncts(x))]:
            for lemma in _noun_lemmas(o):
                if lemma in self._nouns:
                    hit = self._match(noun_frame(o, lemma), "n", lemma)
                    if hit is not None and hit[1] is not None:
                        return _joint(hit[0], hit[1], o)
        return None

    # ---- 2. frames -------------------------------------------------------------------------------
    def _complements(self, c: Candidate, role: str | None) -> list[Token]:
        """What the frame verb is about: its clausal complements, event-noun objects, and the
        prepositional phrases that carry content for its kind ("accused X *of* shelling")."""
        f = c.frame
        toks = list(f.comps)
        if f.pos == "n" and f.pred.dep_ in OBJ_DEPS:  # "renewed its demand that Chile free ..."
            toks.extend(ch for ch in f.pred.head.children if ch.dep_ == "ccomp")
        if role in ABSORBING_FRAMES and f.pos == "v":  # "sworn to take revenge": the parser's advcl
            toks.extend(ch for ch in c.pred.children if ch.dep_ == "advcl" and ch.i > c.pred.i
                        and any(a.dep_ == "aux" and a.lower_ == "to" for a in ch.children))
        root = cb.root(c.base or "")
        preps = COMPLEMENT_PREPS.get(role or "", COMPLEMENT_PREPS_BY_ROOT.get(root, ()))
        for prep in preps:
            toks.extend(f.preps.get(prep, []))
        if f.pos == "v":
            toks.extend(f.objs)
        return [t for t in toks if t.i != c.pred.i and _same_segment(t, c.pred)]

    def _apply_frame(self, c: Candidate, cands: dict[int, Candidate]) -> None:
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
        comps = _through_aspect(self._complements(c, role), cands)
        comp = next((cands[t.i] for t in comps if t.i in cands and cands[t.i].base), None)
        c.comp_tokens = c.comp_tokens + [t for t in comps if t.pos_ in {"VERB", "AUX"} or t.i in cands]
        if c.entry.code == "=obj":
            for o in c.frame.objs:
                _absorb(o, cands, keep=c)
            c.comp_tokens = [o for o in c.frame.objs if o.pos_ in {"NOUN", "PROPN"}]
        if role == "deny":  # "denied shelling the village": reported, but denied by its doer
            for t in comps:
                for x in t.subtree:
                    inner = cands.get(x.i)
                    if inner is not None and inner is not c and _same_segment(x, c.pred):
                        inner.negated = True
                        inner.rule += "+denied"
                        if not self.keep_negated:
                            inner.dropped = "reported but denied"
        elif "absorb" in c.entry.roles or base in ABSORBING_CODES:
            comps = comps + [t for p in ABOUT_PREPS for t in c.frame.preps.get(p, [])
                             if _same_segment(t, c.pred)]
            for t in comps:
                _absorb(t, cands, keep=c)
        elif role in ABSORBING_FRAMES or cb.root(base) in ABSORBING_ROOTS:
            for t in comps:
                _absorb(t, cands, keep=c)
        if cb.root(base) == "01":
            self._statement_demand(c, cands)
            return
        if comp is None or comp.base is None:
            return
        if role == "via":  # "helped support X": the support is the event, the helping is not
            c.absorbed, c.dropped = True, "helper verb of a coded complement"
            return
        c.comp_code = comp.base
        c.comp_recip = "recip" in comp.entry.roles
        derived = _derive(role, base, comp.base)
        if derived and derived != c.base:
            c.code = derived
            c.rule += f"+{role}({comp.base})"

    def _statement_demand(self, c: Candidate, cands: dict[int, Candidate]) -> None:
        """ "X said Y must/should do Z" is X demanding Z of Y (CAMEO 10)."""
        for comp in c.frame.comps:
            if comp.dep_ != "ccomp" or not any(a.lemma_.lower() in OBLIGATION_AUX for a in comp.children
                                               if a.dep_ == "aux"):
                continue
            inner = cands.get(comp.i)
            code = cb.request_code(inner.base) if inner is not None and inner.base else "100"
            _absorb(comp, cands, keep=c)
            c.code = self.codebook.valid(code)
            c.derived_target_heads = logical_subjects(comp)
            c.rule += "+obligation-demand"
            return

    # ---- 3. modality -----------------------------------------------------------------------------
    def _apply_modality(self, c: Candidate) -> None:
        pred = c.pred
        if _in_condition(pred):
            c.mode, c.dropped = "conditional", "act inside an if/unless clause"
            return
        gov = _governing_verb(pred) if c.frame.pos == "n" else pred
        scope = _modal_scope(gov)
        auxes = {a.lower_ for v in scope for a in v.children if a.dep_ in {"aux", "auxpass"}}
        negated = any(ch.dep_ == "neg" for v in scope for ch in v.children) or (
            gov is not None and gov.dep_ == "xcomp" and gov.head.lemma_ in NEGATING_HEADS)
        if c.frame.pos == "n" and gov is not None and gov.i != pred.i and not _is_object_of(pred, gov):
            negated = False  # "despite the lack of ..." / subject nouns: the verb's negation is not theirs
        future = bool(auxes & FUTURE_AUX) or _future_head(gov)
        top = scope[-1] if scope else None
        if "would" in auxes and top is not None and top.dep_ == "ccomp" and top.head.lemma_ in REPORTING:
            future = True  # "said they would stay away": future in the past
        hypothetical = not future and bool(auxes & (HYPOTHETICAL_AUX | OBLIGATION_AUX) - {"can"})
        conditional = _has_condition([*scope, *(t for t in c.comp_tokens if t.pos_ in {"VERB", "AUX"})])
        code = c.code or ""
        root = cb.root(code)
        if negated:
            volitional = future or "would" in auxes or (gov is not None and gov.dep_ == "xcomp")
            if root in cb.COOPERATIVE_ROOTS and (root in {"03", "05"} or volitional):
                c.code = cb.reject_code(code)
                c.rule += "+negated-cooperation"
                return
            c.negated = True
            if not self.keep_negated:
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

    # ---- 4. arguments ----------------------------------------------------------------------------
    def _arguments(self, c: Candidate, actors: ActorIndex) -> None:
        f, e = c.frame, c.entry
        coop = cb.root(c.code or "") in cb.COOPERATIVE_ROOTS
        stative = _stative(c)
        src_heads = [h for h in self._source_heads(c) if _same_segment(h, c.pred)]
        c.source_tokens = src_heads
        c.source = self._actors(src_heads, actors, c.quote)
        if not c.source:
            src_heads = [h for h in self._fallback_source_heads(c) if _same_segment(h, c.pred)]
            c.source = self._actors(src_heads, actors, c.quote)
            c.source_tokens = src_heads if c.source else c.source_tokens
        if c.derived_target_heads is not None:
            slots: tuple[str, ...] = ()
            c.target_tokens = c.derived_target_heads
            c.target = [a for a in self._actors(c.derived_target_heads, actors, c.quote) if a not in c.source]
        else:
            slots = e.slot("t") or (TOPIC_TARGETS if "topic" in e.roles else
                                     DEFAULT_VERB_TARGETS if f.pos == "v" else self._noun_targets(e))
            if f.pos == "n" and "t" in (e.slot("poss") or ()):
                slots = (*slots, "poss")
        if c.entry.frame in {"request", "appeal", "command"} and not c.derived_target_heads:
            # "demanded that Chile free ...": whoever is asked to act is the target
            slots = ("ccomp", *slots)
        for slot in slots:
            strict = slot.endswith("!")
            slot = slot.rstrip("!")
            if coop and slot == "against":
                continue  # "defence against X": X is the adversary, never the partner
            if stative and slot == "dobj":
                continue  # the passive subject of "is committed to" is the doer, not the target
            heads = [h for h in self._slot_heads(f, slot) if _same_segment(h, c.pred)]
            if any(_is_each_other(h) for h in heads) and len(c.source) >= 2:
                c.target, c.target_tokens = list(c.source), list(c.source_tokens)
                c.rule += "+each-other"
                break
            found = [a for a in self._actors(heads, actors, c.quote, strict=strict) if a not in c.source]
            if found:
                c.target, c.target_tokens = found, heads
                break
        named_object = any(o.pos_ in {"NOUN", "PROPN"} and o not in c.comp_tokens for o in f.objs)
        if not c.target and c.comp_tokens and not (named_object and f.pos == "v" and not stative):
            # "accused *the peacekeepers* of failing to protect X": the object is the target even
            # when it is no actor; what they are accused of does not name it
            self._complement_target(c, actors)
        if not c.source and f.pos == "v" and f.passive and not f.agent and _movement(c):
            # "Russian soldiers were deployed to the region": troops move for their own side
            c.source = [a for a in self._actors(f.objs, actors, c.quote) if a not in c.target]
            if c.source:
                c.source_tokens = list(f.objs)
                c.rule += "+moved-troops"
        if "swap" in e.roles:
            c.source, c.target = c.target, c.source
            c.source_tokens, c.target_tokens = c.target_tokens, c.source_tokens
        c.agentless = (f.pos == "v" and f.passive and not f.agent and not stative and not c.source) or (
            f.pos == "v" and not c.source and bool(c.target) and self._event_subject(c)) or (
            f.pos == "n" and not c.source and bool(c.target) and _explicit_target(c)
            and not self._governed(c.pred))

    def _event_subject(self, c: Candidate) -> bool:
        """ "A car bomb killed two guards": the subject is the attack itself, the attacker is
        not named (as in an agentless passive)."""
        subj = [t for t in c.frame.subj if t.pos_ in {"NOUN", "PROPN"}]
        return bool(subj) and cb.root(c.code or "") in cb.MATERIAL_CONFLICT_ROOTS and all(
            self._violent_noun(t) for t in subj)

    def _violent_noun(self, tok: Token) -> bool:
        """An attack noun by the dictionary ("bombing", "air strike"; not a plain "fire")."""
        for lemma in _noun_lemmas(tok):
            if lemma in self._nouns:
                hit = self._match(noun_frame(tok, lemma), "n", lemma)
                if hit is not None and hit[1] and cb.root(hit[1]) in cb.VIOLENT_ROOTS:
                    return True
        return False

    def _governed(self, noun: Token) -> bool:
        """An event noun that is what a coded verb acts on ("lifted *the sanctions*", "condemned
        *the attack*"): it is that verb's content, not an event the text reports."""
        head = noun.head
        if noun.dep_ == "pobj" and head.head.pos_ == "VERB":
            head = head.head
        elif noun.dep_ not in {"dobj", "nsubjpass", "attr", "nsubj", "csubj"}:
            return False
        while head.dep_ in {"csubj", "xcomp", "ccomp"} and head.pos_ != "VERB":
            head = head.head
        return head.pos_ in {"VERB", "AUX"} and self._base_code(head) is not None

    def _base_code(self, tok: Token) -> str | None:
        """The dictionary code of a verb token on its own (no frames, no modality)."""
        lemma = tok.lemma_.lower()
        if lemma not in self._verbs:
            return None
        hit = self._match(verb_frame(tok, lemma), "v", lemma)
        return hit[1] if hit else None

    def _complement_target(self, c: Candidate, actors: ActorIndex) -> None:
        """ "threatened *to expel the envoys of Chile*": a frame verb's target is its content's."""
        coop = cb.root(c.code or "") in cb.COOPERATIVE_ROOTS
        for tok in c.comp_tokens:
            hit = None
            lemma = tok.lemma_.lower()
            if is_verbal(tok):
                frame = verb_frame(tok, lemma)
                hit = self._match(frame, "v", lemma) if lemma in self._verbs else None
                default = DEFAULT_VERB_TARGETS
            elif tok.pos_ in {"NOUN", "PROPN"}:  # the event noun of a light verb
                frame = noun_frame(tok, lemma)
                hit = self._match(frame, "n", lemma) if lemma in self._nouns else None
                default = self._noun_targets(hit[0]) if hit else DEFAULT_NOUN_TARGETS
            else:
                continue
            slots = (hit[0].slot("t") if hit else None) or default
            for slot in slots:
                slot = slot.rstrip("!")
                if coop and slot == "against":
                    continue
                heads = [h for h in self._slot_heads(frame, slot) if _same_segment(h, c.pred)]
                own = set().union(*(_side(s, actors) for s in c.source)) if c.source else set()
                # "agreed to instruct *their officials*": the doers' own people are not a target
                found = [a for a in self._actors(heads, actors, c.quote) if a not in c.source
                         and not (_is_group(a, actors) and _side(a, actors) & own)]
                if found:
                    c.target, c.target_tokens = found, heads
                    c.rule += "+complement-target"
                    return

    def _noun_targets(self, e: Entry) -> tuple[str, ...]:
        of_role = e.slot("of")
        if of_role and "s" in of_role:
            return tuple(s for s in DEFAULT_NOUN_TARGETS if s != "of")
        return DEFAULT_NOUN_TARGETS

    def _source_heads(self, c: Candidate) -> list[Token]:
        f, e = c.frame, c.entry
        if _stative(c):
            return list(f.objs)  # "Kenya is committed to ...", "the troops were engaged in ..."
        if e.slot("s"):
            heads: list[Token] = []
            for slot in e.slot("s") or ():
                heads = self._slot_heads(f, slot)
                if heads:
                    return heads
            return []
        if f.pos == "v":
            return list(f.subj)
        if f.agent:
            return list(f.agent)
        of_role = e.slot("of")
        if of_role and "s" in of_role and f.preps.get("of"):
            return list(f.preps["of"])
        patient = "t" in (e.slot("poss") or ())  # "his arrest": the possessor undergoes it
        return [m for m in f.mods if m.dep_ in {"compound", "amod", "nmod"} or (m.dep_ == "poss" and not patient)]

    def _fallback_source_heads(self, c: Candidate) -> list[Token]:
        """An event noun without a doer of its own, object of a report or of a verb that is no event
        itself ("announced a halt to flights", "held a march"): that verb's subject acts."""
        f = c.frame
        gov = f.pred.head
        if f.pos != "n" or gov.i == f.pred.i:
            return []
        if f.pred.dep_ == "pobj" and gov.lower_ in {"for", "to", "in", "into"} and gov.head.pos_ == "VERB":
            gov = gov.head  # "envoys headed back to Quito *for talks*", "came *to a rally*"
        elif f.pred.dep_ not in OBJ_DEPS or gov.pos_ != "VERB":
            return []
        gov_code = self._base_code(gov)
        if gov_code is None or gov_code == "010":
            return logical_subjects(gov)
        return []

    @staticmethod
    def _slot_heads(f: Frame, slot: str) -> list[Token]:
        if slot == "dobj":
            return list(f.objs)
        if slot == "dative":
            return list(f.dative)
        if slot == "ccomp":
            comps = [comp for comp in f.comps if comp.dep_ == "ccomp" or (
                f.pos == "n" and any(ch.dep_ in {"nsubj", "nsubjpass"} for ch in comp.children))]
            if f.pos == "n" and f.pred.dep_ in OBJ_DEPS:  # "renewed its demand that Chile free ..."
                comps += [ch for ch in f.pred.head.children if ch.dep_ == "ccomp" and ch.i > f.pred.i]
            return [s for comp in comps for s in logical_subjects(comp)]
        if slot == "xcomp":
            return [o for comp in f.comps if comp.dep_ == "xcomp" for o in comp.children if o.dep_ in OBJ_DEPS]
        if slot == "subj":
            return list(f.subj)
        if slot in {"poss", "compound", "amod", "nmod"}:
            return [m for m in f.mods if m.dep_ == slot]
        return list(f.preps.get(slot, []))

    def _actors(self, heads: Iterable[Token], actors: ActorIndex, quote: Quote | None,
                strict: bool = False) -> list[str]:
        """Actor ids for argument heads: the head's own actor, else its modifiers' ("Kenyan
        officials"), else an "of" phrase's ("ministers of Ghana"); conjuncts each count. ``strict``:
        only the heads' own actors ("called Erdogan", not "called the NATO plan")."""
        out: list[str] = []
        for head in heads:
            for h in [head, *_conjuncts(head)]:
                if strict:
                    own = actors.at_token(h)
                    if own is not None and own.id not in out:
                        out.append(own.id)
                    continue
                for a in self._head_actors(h, actors, quote):
                    if a not in out:
                        out.append(a)
        return out

    def _head_actors(self, h: Token, actors: ActorIndex, quote: Quote | None, depth: int = 0) -> list[str]:
        a = actors.at_token(h)
        pair = self._pair(h, actors, a)
        if pair:
            return pair
        if a is not None:
            return [a.id]
        if quote is not None and h.lower_ in FIRST_PERSON and quote.speaker:
            return [quote.speaker]
        if h.lower_ in THIRD_PERSON:
            return self._antecedent(h, actors, quote, depth)
        found: list[str] = []
        weak: list[str] = []  # from a possessive pronoun: "its ambassador *to Bolivia*"
        relational = h.lemma_.lower() in RELATIONAL_NOUNS  # "my colleagues" are not me
        for m in h.children:
            if m.dep_ in {"amod", "compound", "poss", "nmod", "npadvmod"} and m.i < h.i:
                if relational and m.dep_ == "poss":
                    continue
                bucket = weak if m.tag_ == "PRP$" else found
                for t in [m, *_conjuncts(m)]:
                    x = actors.at_token(t)
                    if x is None and quote is not None and t.lower_ in FIRST_PERSON and quote.speaker:
                        bucket.append(quote.speaker)
                    elif x is not None and x.id not in bucket:
                        bucket.append(x.id)
                    elif x is None:
                        bucket.extend(i for i in self._head_actors_deep(t, actors) if i not in bucket)
        if found:
            return found
        for m in sorted(h.children, key=lambda x: x.lower_ != "of"):
            if found and m.lower_ != "of":
                break
            if m.dep_ in {"prep", "agent"} and m.lower_ in {"of", "by", "from"}:
                for g in pobjs(m):
                    targets = [g] if g.dep_ == "pobj" else [o for o in g.children if o.dep_ in OBJ_DEPS]
                    for t in targets:
                        found.extend(i for i in self._actors([t], actors, quote) if i not in found)
            elif m.dep_ == "appos":  # "the two security chiefs, A of Kyrgyzstan and B of Tajikistan"
                for t in [m, *(x for x in m.subtree if x.dep_ in {"conj", "appos"} and x.pos_ == "PROPN")]:
                    x = actors.at_token(t)
                    if x is not None and x.id not in found:
                        found.append(x.id)
            elif m.dep_ == "acl" and m.tag_ == "VBN":  # "the promises *made by the G7*"
                for ag in m.children:
                    if ag.dep_ == "agent":
                        found.extend(i for g in pobjs(ag) for i in self._actors([g], actors, quote)
                                     if i not in found)
        if not found and h.pos_ == "NOUN":  # "its quarrel *with Chile*", "a school *for Somali children*"
            for m in h.children:
                if m.dep_ == "prep" and m.lower_ in {"with", "against", "on", "to", "toward", "towards", "for"}:
                    for g in pobjs(m):
                        found.extend(i for i in self._head_actors_deep(g, actors, own=True) if i not in found)
        if not found and weak:
            return weak
        if not found and h.pos_ == "NOUN":  # "police officers *in Togo*", "farmers facing a drought *in Chile*"
            iso3 = self._located_in(h, actors)
            if iso3 is not None:
                ref = actors.country(iso3) if h.lemma_.lower() in POPULATION_NOUNS else (
                    iso3 if iso3 in actors.by_id else None)
                if ref is not None:
                    found.append(ref)
        return found

    @staticmethod
    def _located_in(h: Token, actors: ActorIndex) -> str | None:
        """The country a noun phrase is placed in by its own phrases: "in Togo", "from Kabul",
        or a participle's ("farmers *facing a drought in Chile*", "crowds *gathered in Almaty*")."""
        preps = [m for m in h.children if m.dep_ == "prep" and m.lower_ in {"in", "from", "across", "throughout"}]
        for acl in (m for m in h.children if m.dep_ == "acl" and m.tag_ in {"VBG", "VBN"}):
            preps += [p for p in acl.children if p.dep_ == "prep" and p.lower_ in {"in", "from", "across"}]
            for o in acl.children:
                if o.dep_ in OBJ_DEPS:
                    preps += [p for p in o.children if p.dep_ == "prep" and p.lower_ == "in"]
        for p in preps:
            for g in pobjs(p):
                iso3 = actors.country_at(g)
                if iso3 is not None:
                    return iso3
        return None

    @staticmethod
    def _head_actors_deep(t: Token, actors: ActorIndex, own: bool = False) -> list[str]:
        """Actors on a token's compound/adjective/possessor modifiers (and on itself if ``own``)."""
        out = []
        if own:
            x = actors.at_token(t)
            if x is not None:
                return [x.id]
        for m in t.children:
            if m.dep_ in {"compound", "amod", "poss", "npadvmod"}:  # "Hamas-led": npadvmod of "led"
                x = actors.at_token(m)
                if x is not None:
                    out.append(x.id)
        return out

    def _antecedent(self, pron: Token, actors: ActorIndex, quote: Quote | None, depth: int) -> list[str]:
        """A third-person pronoun the actor component left unresolved, bound by the subject of a
        clause that governs it ("Kenya announced that *it* would send ..."), when the actor fits it."""
        if depth > 2:
            return []
        lower = pron.lower_
        for cand in antecedent_candidates(pron):
            ids = self._head_actors(cand, actors, quote, depth + 1)
            kinds = [(actors.by_id[i].kind if i in actors.by_id else "") for i in ids]
            if not ids:
                continue
            if lower in PERSON_PRONOUNS and all(k == "person" for k in kinds) and len(ids) == 1:
                return ids
            if lower in THING_PRONOUNS and len(ids) == 1 and kinds[0] != "person":
                return ids
            if lower in PLURAL_PRONOUNS and (len(ids) > 1 or kinds[0] != "person"):
                return ids
            return []  # the nearest subject does not fit: do not reach further
        return []

    def _pair(self, h: Token, actors: ActorIndex, own: Actor | None) -> list[str]:
        """ "the two sides", "both countries": the last two actors named together before them ("A
        and B"), or the two sides of the last act between two actors ("A met B"), whichever is
        nearer; "the two governments" are those actors' countries."""
        if not _two_of(h) or (own is not None and len(own.members) == 2):
            return []
        at, pair = _last_pair(h, actors)
        dyad = actors.history.last_dyad(h.i)
        if dyad is not None and dyad.token > at:
            pair = [dyad.source[0], dyad.target[0]]
        if h.lemma_.lower() in STATE_NOUNS:
            states = []
            for i in pair:
                a = actors.by_id.get(i)
                ref = actors.country(a.country) if a is not None and a.country else i
                if ref and ref not in states:
                    states.append(ref)
            pair = states if len(states) == 2 else pair
        return pair

    # ---- 5. quotes, joint acts, places as recipients ------------------------------------------------
    def _quote_allegation(self, c: Candidate, actors: ActorIndex) -> None:
        """In a quote, a conflictual act by someone other than the speaker is the speaker's accusation."""
        q = c.quote
        if q is None or not q.speaker or c.code is None or c.dropped or not self._in_own_words(c, q):
            return  # the writer's report of what was said is not the speaker's allegation
        plover = self._plover(c.code)
        if plover not in ALLEGED_PLOVER or q.speaker in c.source:
            return
        if not c.source:
            c.dropped = "a conflictual act alleged in a quote, by someone the speaker does not name"
            return
        speaker_side = _side(q.speaker, actors)
        if any(_side(s, actors) & speaker_side for s in c.source if _side(s, actors)):
            return
        accused = list(c.source)
        c.code = _accusation_code(c.code)
        c.source, c.target = [q.speaker], accused
        c.target_tokens, c.source_tokens = c.source_tokens, []
        c.agentless = False
        c.mode = None
        c.rule += "+quote-allegation"

    @staticmethod
    def _in_own_words(c: Candidate, q: Quote) -> bool:
        """The predicate is in the speaker's own words: a direct quote, or inside the quotation
        marks of a partial one (its span may hold the writer's paraphrase around them)."""
        if q.kind == "direct":
            return True
        if q.kind != "partial":
            return False
        if q.clause is not None:  # a partial quote is the quoted words themselves (its clause is context)
            return True
        text = c.pred.doc.text
        inside = False
        for ch in text[q.start:c.pred.idx]:
            if ch in "“«":
                inside = True
            elif ch in "”»":
                inside = False
            elif ch == '"':
                inside = not inside
        return inside

    def _reciprocal(self, c: Candidate, actors: ActorIndex) -> None:
        """A joint cooperative act by several actors (or one collective) with no one else named."""
        if c.target or not c.source or c.code is None:
            return
        if "recip" not in c.entry.roles and not c.comp_recip:
            return  # "promised aid": one-sided; "agreed", "promised to *work together*": joint
        collective = any((a := actors.by_id.get(s)) is not None and (
            a.kind in {"organization", "bloc"} or (a.kind == "group" and len(a.members) >= 2)) for s in c.source)
        if len(c.source) >= 2 or collective:
            c.target = list(c.source)
            c.target_tokens = list(c.source_tokens)
            c.rule += "+reciprocal"

    def _protest_target(self, c: Candidate, actors: ActorIndex) -> None:
        """A protest with no addressee named: what its purpose clause protests ("to denounce X's
        tariffs", "in protest against X"), else the protesters' own country (a domestic protest)."""
        if c.target or not c.source or self._plover(c.code) != "PROTEST":
            return
        heads: list[Token] = []
        for ch in c.pred.children:
            purpose = ch.dep_ == "advcl" and any(a.dep_ == "aux" and a.lower_ == "to" for a in ch.children)
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
        found = [a for a in self._actors(heads, actors, c.quote) if a not in c.source]
        if found:
            c.target, c.target_tokens = found, heads
            c.rule += "+protest-purpose"
            return
        for s in c.source:
            a = actors.by_id.get(s)
            ref = actors.country(a.country) if a is not None and a.country and a.kind != "organization" else None
            if ref is not None:
                c.target = [ref]
                c.rule += "+domestic-protest"
                return

    def _from_discourse(self, c: Candidate, actors: ActorIndex, history: History, sentence: int) -> None:
        """The target an earlier sentence supplies: the doer of "the attack" condemned, of "the
        decision" welcomed; whoever last acted against an actor that "hit back" (see .discourse)."""
        if c.target or not c.source or c.code is None or c.dropped or c.frame.pos != "v":
            return
        lemma = c.entry.lemma
        if lemma in RESPONSE_LEMMAS and (c.frame.particle == "back" or lemma in {"respond", "retaliate",
                                                                                   "react", "reply"}):
            sides = set().union(*(_side(s, actors) for s in c.source))
            act = responded_to(c.source, sides, history.recent(sentence, None), lambda i: _side(i, actors))
            rule = "+response"
        elif cb.root(c.code) in REACTION_ROOTS:
            noun = described_event(c.pred, c.frame.objs)
            if noun is None or self._head_actors(noun, actors, c.quote):
                return
            entries = self.dictionary.entries("n", noun.lemma_.lower())
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

    def _located_population(self, c: Candidate, actors: ActorIndex) -> None:
        """ "Several hundred protesters rallied *in central Yerevan*", "Almaty, *where* crowds stormed
        ...": a crowd the actor component could not place is the people of the country the clause
        puts it in (a guess: the rule is marked and the confidence lowered)."""
        if c.source or c.frame.pos != "v" or c.code is None:
            return
        heads = [h for h in c.source_tokens if _population(h)]
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
                c.source, c.source_tokens = [ref], heads
                c.rule += "+located-population"
                return

    def _conditional_target(self, c: Candidate, actors: ActorIndex) -> None:
        """ "will respond if Ghana closes the border", "threatened to halt talks if Chile tested a missile": a threat
        made on a condition is addressed to whoever the condition is about."""
        if c.target or not c.source or cb.root(c.code or "") != "13":
            return
        verbs = [*_modal_scope(c.pred if c.frame.pos == "v" else _governing_verb(c.pred)),
                 *(t for t in c.comp_tokens if t.pos_ in {"VERB", "AUX"})]
        heads = [h for h in _condition_subjects(verbs) if _same_segment(h, c.pred)]
        found = [a for a in self._actors(heads, actors, c.quote) if a not in c.source]
        if found:
            c.target, c.target_tokens = found, heads
            c.rule += "+condition-target"

    def _domestic(self, c: Candidate, actors: ActorIndex) -> None:
        """Coercion with no one else named is turned on the coercer's own country: a curfew, a
        state of emergency, a ban or arrests by a government, its police or its leader (also when
        threatened). Unrest by a population or rebels likewise hits their own country."""
        if c.target or not c.source or c.code is None:
            return
        code = c.comp_code if cb.root(c.code) == "13" and c.comp_code else c.code
        root = cb.root(code)
        if (root == "17" and code[:3] != "174") or (root in {"18", "19"} and self._unrest(c, actors)):
            for s in c.source:
                a = actors.by_id.get(s)
                country = a.country if a is not None else None
                ref = actors.country(country) if country and (a is None or a.kind != "organization") else None
                if ref is not None:
                    c.target = [ref]
                    c.rule += "+domestic"
                    return

    @staticmethod
    def _unrest(c: Candidate, actors: ActorIndex) -> bool:
        """Violence by civilians, rebels or police (not an army) inside their country."""
        if "+located-population" in c.rule:
            return True
        for s in c.source:
            a = actors.by_id.get(s)
            if a is None or a.kind != "group" or not a.code or a.code[3:6] not in {"CVL", "REB", "COP", "OPP"}:
                return False
        return True

    def _located(self, c: Candidate, actors: ActorIndex) -> None:
        """A material act with no recipient named affects the country where it happened."""
        if c.target or c.code is None or (self._plover(c.code) not in LOCATED_PLOVER and c.code[:3] != "162"):
            return  # (aid halted "in Lima" is withheld from Peru)
        f = c.frame
        heads: list[Token] = []
        for prep in LOCATIVE:
            heads.extend(f.preps.get(prep, []))
        gov = _governing_verb(c.pred) if f.pos == "n" else None
        if gov is not None:
            for ch in gov.children:
                if ch.dep_ == "prep" and ch.lower_ in LOCATIVE:
                    heads.extend(pobjs(ch))
        if f.pos == "n":
            heads.extend(t for t in c.pred.subtree if t.i != c.pred.i and t.pos_ == "PROPN")
        for h in heads:
            for t in np_core(h):
                a = actors.at_token(t)
                if a is not None and a.kind == "country" and a.id not in c.source:
                    c.target, c.target_tokens = [a.id], [h]
                    c.rule += "+location-target"
                    return
                iso3 = actors.country_at(t) if a is None else None  # a gazetteer place: its country
                ref = actors.country(iso3) if iso3 else None
                if ref is not None and ref not in c.source:
                    c.target, c.target_tokens = [ref], [h]
                    c.rule += "+location-target"
                    return

    # ---- 6. events -------------------------------------------------------------------------------
    def _plover(self, code: str | None) -> str | None:
        row = self.codebook.get(code)
        return row.plover if row else None

    def _event(self, analysis: Analysis, c: Candidate) -> Event | None:
        if c.absorbed or c.code is None or c.dropped:
            return None
        row = self.codebook.get(c.code)
        if row is None or row.plover is None:
            return None  # CAMEO 01 statements: no PLOVER event (kept out of the output)
        if not c.source and not c.target:
            return None
        if not (c.source and c.target) and not (c.agentless and c.target) and not self.one_sided:
            return None
        text = analysis.article.text
        ev_span = _evidence(c)
        pred = c.pred
        date, precision = event_date(analysis, c)
        conf = _confidence(c)
        mode = c.mode
        if c.negated and mode is None:  # kept on request ([events] keep_negated): say how it is negated
            mode = "denied" if "+denied" in c.rule else "negated"
        ident = content_hash(f"{analysis.article.id}|{ev_span[0]}:{ev_span[1]}|{row.plover}|{row.code}|"
                             f"{','.join(c.source)}>{','.join(c.target)}")
        return Event(
            id=ident, source=list(c.source), target=list(c.target), plover=row.plover, cameo=row.code,
            goldstein=row.goldstein, quad=row.quad, evidence=Span.of(text, *ev_span), mode=mode,
            negated=c.negated, date=date, date_precision=precision, place=event_place(analysis, c),
            confidence=conf, predicate=Span.of(text, pred.idx, pred.idx + len(pred.text)),
            quote=c.quote.id if c.quote is not None else None, rule=c.rule, plover_mode=row.mode)


# ---- helpers ---------------------------------------------------------------------------------------

GUESSED_SIDES = ("+anaphora", "+response", "+located-population", "+domestic", "+condition-target",
                 "+moved-troops")

# nouns for crowds and populations: with no actor of their own, where they are tells whose they are
POPULATION_NOUNS = frozenset({"people", "crowd", "protester", "demonstrator", "rioter", "student", "resident",
                              "worker", "youth", "villager", "citizen", "civilian", "mob", "marcher", "refugee",
                              "thousand", "hundred", "dozen", "ten", "farmer", "teacher", "inhabitant",
                              "local", "supporter", "activist", "miner", "trader", "driver", "voter"})
SIDE_NOUNS = frozenset({"side", "party", "country", "nation", "government", "state", "neighbour", "neighbor",
                        "leader", "president", "rival", "foe", "adversary", "capital", "republic", "army",
                        "delegation", "minister", "belligerent"})
RELATIONAL_NOUNS = frozenset({"colleague", "counterpart", "ally", "partner", "neighbour", "neighbor", "rival",
                              "enemy", "foe", "friend", "opponent", "adversary", "critic", "successor",
                              "predecessor"})
STATE_NOUNS = frozenset({"country", "nation", "government", "state", "neighbour", "neighbor", "capital",
                         "republic"})
PAIR_KINDS = frozenset({"country", "organization", "group", "person", "bloc"})


# verbs that only set an event noun going ("open talks", "hold a meeting", "launch an offensive"),
# unlike "end", "stop" or "cancel", which undo it
LIGHT_OPENERS = frozenset({"open", "hold", "start", "begin", "launch", "resume", "conduct", "stage", "organize",
                           "organise", "join", "enter", "pursue", "undertake", "carry"})


def _purpose_clauses(c: Candidate) -> list[Token]:
    """Infinitive purpose clauses on the predicate ("sent troops *to help*"), on the event noun a
    light verb governs, or on the event noun itself ("the dispatch of engineers *to rebuild* ...")."""
    heads = [c.pred, *(c.comp_tokens if c.entry.code == "=obj" else [])]
    out = []
    for h in heads:
        for ch in h.children:
            if ch.dep_ in {"advcl", "acl", "relcl"} and any(a.dep_ == "aux" and a.lower_ == "to" for a in ch.children):
                out.append(ch)
    return out


def _through_aspect(comps: list[Token], cands: dict[int, Candidate]) -> list[Token]:
    """Complements, looking through uncoded verbs to their own complements: "prepared to begin
    *bombing*", "agreed to try to *reach* a deal" (an aspect or attempt verb is not the content)."""
    out: list[Token] = []
    for t in comps:
        out.append(t)
        cur, steps = t, 0
        while steps < 3 and cur.pos_ in {"VERB", "AUX"} and (cur.i not in cands or not cands[cur.i].base):
            if cur.lemma_ in LIGHT_OPENERS:  # "decided to open *negotiations*": the noun is the content
                out.extend(ch for ch in cur.children if ch.dep_ in OBJ_DEPS and ch.i in cands)
            nxt = next((ch for ch in cur.children if ch.dep_ == "xcomp"), None)
            if nxt is None:
                break
            out.append(nxt)
            cur, steps = nxt, steps + 1
    return out


def _explicit_target(c: Candidate) -> bool:
    """An attack noun aimed by a preposition ("an air strike *on* the embassy", "the raid
    *against* the checkpoint"): the text names the victim and leaves the attacker unknown, like an
    agentless passive. Only material conflict qualifies (an unattributed "talks with X" says little)."""
    if cb.root(c.code or "") not in {"14", "18", "19", "20"}:
        return False  # ("sanctions on Iran" is mostly a standing state, not a new act)
    return any(ch.dep_ == "prep" and ch.lower_ in {"on", "against", "upon", "at"} and pobjs(ch)
               for ch in c.pred.children) or any(
        t.head.dep_ == "prep" and t.head.lower_ == "of" and t.head.head.i == c.pred.i for t in c.target_tokens)


def _is_group(actor_id: str, actors: ActorIndex) -> bool:
    a = actors.by_id.get(actor_id)
    return a is not None and a.kind == "group"


def _movement(c: Candidate) -> bool:
    """Deploying, stationing, withdrawing or sending troops (their owner is the mover)."""
    code = c.code or ""
    return cb.root(code) == "15" or code[:3] in {"074", "087"} or code.startswith("1661")


def _population(tok: Token) -> bool:
    """A crowd noun: "protesters", "crowds", "thousands of people", "several hundred students"."""
    if tok.lemma_.lower() in POPULATION_NOUNS:
        return True
    return any(g.lemma_.lower() in POPULATION_NOUNS for p in tok.children if p.dep_ == "prep" and p.lower_ == "of"
               for g in pobjs(p))


def _stative(c: Candidate) -> bool:
    """ "Kenya is committed to ...", "the troops were engaged in ...": a passive whose subject acts."""
    f = c.frame
    return "state" in c.entry.roles and f.pos == "v" and f.passive and not f.agent


def _is_each_other(tok: Token) -> bool:
    """ "accused *each other*", "fired at *one another*": the reciprocal pronoun."""
    low = tok.lower_
    return (low == "other" and any(ch.lower_ == "each" for ch in tok.children)) or (
        low == "another" and any(ch.lower_ == "one" for ch in tok.children))


def _two_of(tok: Token) -> bool:
    """ "the two sides", "both countries", "the two presidents": a noun that names a pair."""
    if tok.lemma_.lower() not in SIDE_NOUNS:
        return False
    return any((ch.dep_ == "nummod" and ch.lower_ in {"two", "2"}) or ch.lower_ == "both" for ch in tok.children)


def _last_pair(tok: Token, actors: ActorIndex, window: int = 160) -> tuple[int, list[str]]:
    """The nearest earlier "X and Y" (exactly two conjoined actors) within ``window`` tokens, with
    where it is (-1 and [] if none)."""
    doc = tok.doc
    for i in range(tok.i - 1, max(-1, tok.i - 1 - window), -1):
        t = doc[i]
        if t.dep_ != "conj":
            continue
        head = t.head
        while head.dep_ == "conj" and head.head.i != head.i:
            head = head.head
        conj = [head, *_conjuncts(head)]
        if len(conj) != 2 or head.i >= tok.i:
            continue
        ids = []
        for x in conj:
            a = actors.at_token(x)
            if a is None or a.kind not in PAIR_KINDS or a.id in ids:
                break
            ids.append(a.id)
        if len(ids) == 2:
            return head.i, ids
    return -1, []


JOINT_WORDS = frozenset({"joint", "multinational", "bilateral", "trilateral", "combined", "multilateral"})


def _joint(e: Entry, code: str | None, noun: Token) -> str | None:
    """Military exercises held together are military cooperation (062); alone, a show of force."""
    if code is None or "joint" not in e.roles:
        return code
    if any(ch.lemma_.lower() in JOINT_WORDS for ch in noun.children):
        return "062"
    if any(ch.dep_ == "prep" and ch.lower_ in {"with", "between", "among"} for ch in noun.children):
        return "062"
    gov = noun.head
    while gov.pos_ not in {"VERB", "AUX"} and gov.head.i != gov.i:
        gov = gov.head
    subj = [c for c in gov.children if c.dep_ in {"nsubj", "nsubjpass", "agent"}]
    if any(_conjuncts(x) for x in subj) or any(p.dep_ == "prep" and p.lower_ == "with" for p in gov.children):
        return "062"
    return code


def _rule(e: Entry) -> str:
    return f"{e.origin}:{e.pos}:{e.lemma}:{e.line}"


def _verb_lemmas(tok: Token) -> list[str]:
    """spaCy's lemma, then the word's own de-inflections (the small model lemmatises "staged" as
    "stag"); the dictionary lookup keeps only those it knows."""
    return _verb_lemmas_of(tok.lower_, tok.lemma_.lower())


def _verb_lemmas_of(lower: str, lemma: str) -> list[str]:
    out = [lemma]
    for cand in (lower, *_deinflect(lower)):
        if cand not in out:
            out.append(cand)
    out += [w[3:] for w in out if w.startswith("re-") and len(w) > 5]  # "re-established" -> "establish"
    return out


def _descriptive(tok: Token) -> bool:
    """A participle that describes a noun ("the growing tension", "a militia based in X")."""
    if tok.dep_ == "amod":
        return True
    return (tok.dep_ == "acl" and tok.tag_ == "VBN" and not any(c.dep_ == "auxpass" for c in tok.children)
            and misparsed_finite(tok) is None)


def _deinflect(word: str) -> list[str]:
    out: list[str] = []
    if word.endswith("ied") or word.endswith("ies"):
        out.append(word[:-3] + "y")
    if word.endswith("ed"):
        out += [word[:-1], word[:-2]]
        if len(word) > 4 and word[-3] == word[-4]:
            out.append(word[:-3])  # "stopped" -> "stop"
    if word.endswith("ing"):
        out += [word[:-3], word[:-3] + "e"]
        if len(word) > 5 and word[-4] == word[-5]:
            out.append(word[:-4])
    if word.endswith("es"):
        out.append(word[:-2])
    if word.endswith("s") and not word.endswith("ss"):
        out.append(word[:-1])
    return out


def _noun_lemmas(tok: Token) -> list[str]:
    out = []
    doc = tok.doc
    if tok.i >= 2 and doc[tok.i - 1].text == "-" and not doc[tok.i - 2].whitespace_ \
            and not doc[tok.i - 1].whitespace_:
        out.append(f"{doc[tok.i - 2].lower_}-{tok.lemma_.lower()}")
    out.append(tok.lemma_.lower())
    if tok.lower_ != out[-1]:
        out.append(tok.lower_)
    return out


def _conjuncts(tok: Token) -> list[Token]:
    return [c for c in tok.conjuncts if c.i != tok.i]


def _absorb(tok: Token, cands: dict[int, Candidate], keep: Candidate) -> None:
    for t in tok.subtree:
        c = cands.get(t.i)
        if c is not None and c is not keep and c.pred.i != keep.pred.i and _same_segment(t, keep.pred):
            c.absorbed = True


def token_forms(doc: Any) -> tuple[list[str], list[str], list[str]]:
    """Texts, lower forms and lemmas of every token, read as arrays (no Token objects)."""
    from spacy.attrs import LEMMA, LOWER, ORTH

    if len(doc) == 0:
        return [], [], []
    cols = doc.to_array([ORTH, LOWER, LEMMA]).T.tolist()
    strings = doc.vocab.strings
    return ([strings[h] for h in cols[0]], [strings[h] for h in cols[1]],
            [strings[h] if h else "" for h in cols[2]])


def segments(doc: Any) -> Iterator[Any]:
    """Sentences, also cut at blank lines: a headline or dateline is its own sentence even when the
    parser ran it into the next one."""
    for sent in doc.sents:
        start = sent.start
        for t in sent:
            if t.is_space and "\n" in t.text and t.i > start:
                if t.i > start:
                    yield doc[start:t.i]
                start = t.i + 1
        if start < sent.end:
            yield doc[start:sent.end]


def _same_segment(a: Token, b: Token) -> bool:
    """No line break between two tokens (a headline or paragraph break ends every argument)."""
    paras = _paragraphs(a.doc)
    return paras[a.i] == paras[b.i]


def _paragraphs(doc: Any) -> list[int]:
    """Per token, how many line-break tokens precede it (computed once per Doc, kept on it)."""
    key = "newsgraph.events.paragraphs"
    cached = doc.user_data.get(key)
    if cached is None or len(cached) != len(doc):
        cached, n = [], 0
        for t in doc:
            cached.append(n)
            if t.is_space and "\n" in t.text:
                n += 1
        doc.user_data[key] = cached
    return cached


def _derive(role: str | None, base: str, comp: str) -> str | None:
    """The frame verb's code from what its complement describes (CAMEO's own derivations)."""
    croot = cb.root(comp)
    coop = croot in cb.COOPERATIVE_ROOTS
    conflict_material = croot in cb.MATERIAL_CONFLICT_ROOTS
    if role == "intent":
        if coop:
            return cb.intent_code(comp)
        if conflict_material:
            return cb.threat_code(comp) if croot != "15" else comp
        return comp if croot in {"11", "12", "13"} else None
    if role == "agree":  # agreeing to cooperate is an intent (03); agreeing to sanction is the sanction
        if coop:
            return cb.intent_code(comp)
        return comp if conflict_material or croot in {"11", "12"} else None
    if role == "decide":  # a decision to act is coded as the act decided ("decided to ease sanctions")
        return comp if croot not in {"01", "02"} else None
    if role == "ready":
        if coop:
            return cb.intent_code(comp)
        if conflict_material:
            return "150"
        return None
    if role == "refuse":
        return cb.reject_code(comp) if coop else None
    if role in {"request", "appeal"}:
        if coop:
            return cb.request_code(comp, appeal=role == "appeal")
        return None
    if role == "threat":
        return cb.threat_code(comp) if conflict_material else None
    if role == "command":  # an order is coded as what it imposes, or as a demand
        if conflict_material:
            return comp
        return cb.request_code(comp) if coop else None
    if role == "allege":
        return _accusation_code(comp) if conflict_material or croot == "13" else None
    if role is None and cb.root(base) == "11" and (conflict_material or croot == "13"):
        return _accusation_code(comp) if cb.root(base) == "11" and base in {"112", "110"} else None
    return None


def _accusation_code(code: str) -> str:
    """Accusing someone of an act: of aggression (1123), of human-rights abuse (1122), else 112."""
    root = cb.root(code)
    if root in cb.VIOLENT_ROOTS or root == "15" or code.startswith("138") or code in {"191", "192"}:
        return "1123"
    if code.startswith("182") or code in {"1721", "175"}:
        return "1122"
    if root == "17":
        return "1121"
    return "112"


MODAL_HEADS = frozenset({"force", "compel", "oblige", "continue", "begin", "start", "try", "attempt", "manage",
                         "seem", "appear", "have", "need", "be", "set"})


def _modal_scope(v: Token | None) -> list[Token]:
    """The verb and the heads whose modals and negation reach it: "would be forced *to take*",
    "will continue *to send*" (a transparent head passes its auxiliaries down its xcomp)."""
    if v is None:
        return []
    out = [v]
    t = v
    while t.dep_ == "xcomp" and t.head.i != t.i and t.head.lemma_ in MODAL_HEADS and len(out) < 4:
        t = t.head
        out.append(t)
    return out


def _has_condition(verbs: Iterable[Token]) -> bool:
    """An if/unless clause hangs on one of ``verbs``: what they state holds only on a condition."""
    return any(ch.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in CONDITION_MARKS for m in ch.children)
               for v in verbs for ch in v.children)


def _condition_subjects(verbs: Iterable[Token]) -> list[Token]:
    """The subjects of the if/unless clauses on ``verbs`` ("... if *Chile* refused")."""
    out: list[Token] = []
    for v in verbs:
        for ch in v.children:
            if ch.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in CONDITION_MARKS for m in ch.children):
                out.extend(logical_subjects(ch))
    return out


def _in_condition(tok: Token) -> bool:
    t, steps = tok, 0
    while t.head.i != t.i and steps < 20:
        if t.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in CONDITION_MARKS for m in t.children):
            return True
        if t.dep_ in {"ccomp", "xcomp"} and t.pos_ == "VERB" and t.head.lemma_ in REPORTING:
            return False
        t, steps = t.head, steps + 1
    return False


def _governing_verb(tok: Token) -> Token | None:
    t, steps = tok, 0
    while t.head.i != t.i and steps < 10:
        t, steps = t.head, steps + 1
        if t.pos_ in {"VERB", "AUX"}:
            return t
    return None


def _is_object_of(noun: Token, verb: Token | None) -> bool:
    if verb is None:
        return False
    t = noun
    while t.i != verb.i and t.head.i != t.i:
        if t.dep_ in {"nsubj", "nsubjpass"}:
            return False
        t = t.head
    return True


def _future_head(v: Token | None) -> bool:
    """ "plans to attack", "is going to impose": the complement of a plan verb is announced."""
    if v is None or v.dep_ != "xcomp":
        return False
    head = v.head
    if head.lemma_ == "go":
        return head.tag_ == "VBG"
    return head.lemma_ in FUTURE_HEADS - {"go"}


def _side(actor_id: str, actors: ActorIndex) -> set[str]:
    a = actors.by_id.get(actor_id)
    if a is None:
        return {actor_id}
    side = {a.id}
    if a.country:
        side.add(a.country)
    side.update(a.members)
    return side


def _evidence(c: Candidate) -> tuple[int, int]:
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


def _confidence(c: Candidate) -> float:
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


def event_date(analysis: Analysis, c: Candidate) -> tuple[str | None, str | None]:
    """The date the event's own clause states (via timex), else the article's publication date."""
    published = analysis.article.published
    ent = _clause_date(c)
    if ent is not None:
        try:
            from ..timex import resolve_date
        except ImportError:  # the timex component is optional
            resolve_date = None
        if resolve_date is not None:
            tense = _tense(c)
            tv = resolve_date(ent.text, published, tense=tense)
            if tv is not None:
                return tv.value, tv.precision
    if published:
        return published, "day"
    return None, None


def _tense(c: Candidate) -> str | None:
    """The tense the clause is told in (for relative dates): "will" says future, a past form past.
    An intent's own telling ("agreed on Thursday to send") is past even though the act is to come."""
    gov = _governing_verb(c.pred) if c.frame.pos == "n" else c.pred
    scope = _modal_scope(gov)
    if any(a.dep_ == "aux" and a.lower_ in FUTURE_AUX for v in scope for a in v.children):
        return "future"
    if any(v.tag_ in {"VBD", "VBN"} for v in [c.pred, *scope]):
        return "past"
    return None


def _clause_date(c: Candidate) -> Any:
    """A DATE/TIME entity attached to the predicate (or, for a noun, to it or its verb) without
    crossing another clause; the heads of an infinitive chain count ("last Thursday became the
    last to *ratify*"). Failing that, the date of the report the clause is the content of ("On
    Monday Stoltenberg announced that Erdogan *had agreed* ...")."""
    pred = c.pred
    gov = _governing_verb(pred) if c.frame.pos == "n" else pred
    anchors = {pred.i}
    t = gov
    for _ in range(4):
        if t is None:
            break
        anchors.add(t.i)
        if t.dep_ in {"relcl", "acl"} and t.head.dep_ in {"attr", "oprd"} and any(
                a.dep_ == "aux" and a.lower_ == "to" for a in t.children):
            t = t.head.head  # "became last Thursday the first country *to recognise* X"
            continue
        if t.dep_ != "xcomp" or t.head.i == t.i:
            break
        t = t.head
    best = _date_on(pred, anchors)
    if best is None and gov is not None:  # "stormed the office and set it on fire *on Wednesday*"
        shared = [x.i for x in gov.conjuncts if x.pos_ in {"VERB", "AUX"} and not any(
            ch.dep_ in {"nsubj", "nsubjpass"} for ch in max(x, gov, key=lambda v: v.i).children)]
        best = _date_on(pred, set(shared)) if shared else None
    if best is None and t is not None and t.dep_ == "ccomp" and t.head.lemma_ in REPORTING:
        report = t.head
        around = {report.i}
        if report.dep_ == "pcomp" and report.head.head.i != report.head.i:
            around.add(report.head.head.i)  # "opened the summit on Tuesday *by announcing* that ..."
        elif report.dep_ in {"advcl", "xcomp", "conj"}:
            around.add(report.head.i)
        best = _date_on(pred, around)
    return best


def _date_on(pred: Token, anchors: set[int]) -> Any:
    best = None
    for ent in sentence_of(pred).ents:
        if ent.label_ not in {"DATE", "TIME"}:
            continue
        t, steps = ent.root, 0
        while t.head.i != t.i and steps < 8:
            t, steps = t.head, steps + 1
            if t.i in anchors:
                if best is None or abs(ent.start - pred.i) < abs(best.start - pred.i):
                    best = ent
                break
            if t.pos_ in {"VERB", "AUX"}:
                break
    return best


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
        gov = _governing_verb(pred)
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


__all__ = ["ActorIndex", "Candidate", "Coder", "event_date", "event_place", "main_event"]
