"""What the event coder's stages share: the candidate a predicate becomes, the index of the
article's actors, the coder's word lists, and small helpers over the parse."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from ..actors.lexicon import RELATIONAL_NOUNS as RELATIONAL_NOUNS  # re-exported for the events stages
from ..errors import NewsgraphError
from ..model import Actor, Analysis, Mention, Quote
from ..nlp import token_texts
from . import codebook as cb
from .dictionary import Entry
from .discourse import (
    History,
)
from .frames import (
    OBJ_DEPS,
    Frame,
    logical_subjects,
    misparsed_finite,
    pobjs,
)

Token = Any


ABSORBING_ROOTS = frozenset({"02", "03", "09", "10", "11", "12", "13"})


# prepositions whose object is the content of a frame verb, by frame role and by CAMEO root
COMPLEMENT_PREPS = {"intent": ("to", "on"), "agree": ("to", "on"), "decide": ("to", "on"), "ready": ("for",), "refuse": (),
                    "request": ("for",), "appeal": ("for",), "threat": ("with",), "deny": ("of",),
                    "allege": ("of",), "command": (), "via": ()}


COMPLEMENT_PREPS_BY_ROOT = {"09": ("into", "of"), "11": ("of", "for", "over", "against"), "12": ()}


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


# verbs whose object noun is an act still to come ("bracing for new sanctions", "awaits a ruling")
EXPECTING_HEADS = frozenset({"brace", "expect", "await", "anticipate", "foresee", "predict"})


# "failed to agree", "was unable to support", "neglected to notify", "forgot to tell", "omitted to
# mention": not done
NEGATING_HEADS = frozenset({"fail", "unable", "neglect", "forget", "omit"})
# the same as nouns: "his failure to condemn X", "the refusal to recognise Y", "its inability to pay"
NEGATING_NOUNS = frozenset({"failure", "refusal", "inability", "unwillingness"})
# nouns whose to-infinitive is only intended: "a plot to bomb X", "plans to expand", "a proposal to impose"
PLANNING_NOUNS = frozenset({"plot", "plan", "scheme", "conspiracy", "intention", "intent", "proposal"})
# verbs that carry a plan out: its act is done ("carried out a plan to shell X")
EXECUTING_VERBS = frozenset({"carry", "implement", "execute", "complete", "enact", "accomplish"})
# verbs of prevention: what their object names was stopped or never happened, and not by the preventer
PREVENTING_VERBS = frozenset({"thwart", "foil", "prevent", "avert", "forestall", "preempt", "pre-empt", "frustrate",
                              "scupper", "derail", "deter", "disrupt", "head"})
# verbs that call off what their object names before it takes place ("cancelled the summit",
# "postponed talks"); "call off" and "put off" by their particle
CANCELLING_VERBS = frozenset({"cancel", "scrap", "postpone", "shelve", "scuttle", "nix"})
CANCELLING_PHRASALS = frozenset({("call", "off"), ("put", "off")})
# verbs that end an act under way ("halted the talks", "broke off negotiations"): the act named is no new one
ENDING_VERBS = frozenset({"end", "halt", "suspend", "terminate", "stop", "freeze", "abandon"})
ENDING_PHRASALS = frozenset({("break", "off"), ("wind", "down")})
# verbs that keep someone from an act ("stopped X from attacking", "barred X from entering")
KEEPING_VERBS = PREVENTING_VERBS | {"stop", "keep", "bar", "block", "prohibit", "restrain", "discourage", "dissuade"}
# heads that leave the act undecided: "remains uncommitted about backing X", "reluctant to endorse"
UNDECIDED_HEADS = frozenset({"uncommitted", "undecided", "unsure", "uncertain", "hesitant", "reluctant", "noncommittal",
                             "torn", "ambivalent"})


REPORTING = frozenset({"say", "tell", "announce", "state", "add", "report", "declare", "claim", "insist",
                       "note", "stress", "confirm", "indicate", "write", "explain", "reiterate", "believe",
                       "think", "suggest", "argue", "assert", "warn", "emphasize", "emphasise"})


CONDITION_MARKS = frozenset({"if", "unless"})
# the word that opens a clause of an act feared and forestalled ("closed the border lest X send troops")
FEAR_MARKS = frozenset({"lest"})
# the words that open an indirect question ("investigating whether X ...", "asked if ...")
QUESTION_MARKS = frozenset({"whether", "if"})


PURPOSE_COOP = frozenset({"help", "support", "assist", "train", "protect", "monitor", "observe", "secure",
                          "stabilize", "stabilise", "guard", "rebuild", "deliver", "distribute", "evacuate"})


DEFAULT_VERB_TARGETS = ("dobj", "dative", "against", "on", "upon", "at", "to", "toward", "towards", "with",
                        "into", "from", "between", "among", "over", "ccomp")


DEFAULT_NOUN_TARGETS = ("against", "on", "upon", "at", "to", "toward", "towards", "with", "into",
                        "between", "among", "of")


TOPIC_TARGETS = ("with", "between", "among", "to")


# Nouns of a relation between parties, whose "with"/"to" phrase names the other party ("arms deals
# with X", "trade ties with X"), though the dictionary codes no event on them alone.
RELATION_NOUNS = frozenset({"deal", "agreement", "accord", "treaty", "pact", "tie", "relation", "talk", "contract",
                            "partnership", "cooperation", "trade", "alliance", "negotiation", "dialogue", "contact",
                            "exchange", "link"})

# Verbs whose subject undergoes, escapes or only looks on at the event its object names, so is not
# its doer ("fled the fighting", "survived the attack", "faced shelling", "journalists covering the
# protest", "cameras filmed the clashes", "recalled the bombing").
UNDERGOING_VERBS = frozenset({"flee", "escape", "evade", "avoid", "survive", "suffer", "endure", "face", "witness",
                              "fear", "experience", "dodge", "brave", "weather", "outlast",
                              "cover", "watch", "observe", "monitor", "film", "photograph", "document", "see",
                              "hear", "recall", "remember", "describe", "mention", "study"})

# verbs of being in charge: their subject does the event noun they govern ("*headed* the inquiry",
# "*led* the talks"), whatever code a pattern gives the verb alone
CONDUCT_VERBS = frozenset({"lead", "head", "run", "oversee", "chair", "direct", "supervise", "spearhead"})
# abstract things a verb of violence can only hit figuratively ("hurt the peace prospects",
# "the deal struck in Geneva", "sanctions hit the economy"): plans, agreements, processes,
# chances, markets, standing
ABSTRACT_NOUNS = frozenset({
    "plan", "proposal", "bill", "law", "legislation", "policy", "decision", "ruling", "deal", "agreement", "accord",
    "treaty", "process", "prospect", "chance", "hope", "economy", "effort", "survival", "reputation", "credibility",
    "image", "idea", "argument", "narrative", "record", "stock", "share", "price", "growth", "sale", "rating", "poll",
    "momentum", "confidence", "morale", "relation", "tie", "relationship", "chord", "nerve", "milestone", "snag",
    "roadblock", "ceiling", "goal", "jackpot", "headline",
    # rights and standing ("attacked the right to protest", "abused his discretion"); not "office"
    # or "position", which can be buildings and posts under fire
    "privilege", "trust", "discretion", "mandate", "right", "freedom", "dignity", "legitimacy", "integrity"})
# "power" and "authority" are abstract only in the singular: "abused their power", but "world
# powers" and "the authorities" are states and officials
ABSTRACT_SINGULARS = frozenset({"power", "authority"})
# channels words go out on ("took to Twitter", "went on television", "in a tweet", "in an
# interview"): no place anyone travels to, and an attack made in or on them is made in words
MEDIA_NOUNS = frozenset({
    "twitter", "facebook", "instagram", "youtube", "tiktok", "telegram", "reddit", "airwaves", "television", "tv",
    "radio", "podcast", "broadcast", "tweet", "tweets", "post", "posts", "interview", "speech", "statement",
    "op-ed", "column", "editorial", "article", "essay", "letter", "blog", "video", "livestream", "newsletter",
    "memo", "book", "memoir", "ad", "advert", "advertisement", "commercial", "media"})
# contests and their measures ("beat X in the primary", "overtook X in the polls", "leads X by ten
# points", "dominates X among young voters"): winning one is no use of force
COMPETITION_NOUNS = frozenset({
    "poll", "polls", "primary", "primaries", "election", "elections", "race", "vote", "votes", "ballot", "ballots",
    "debate", "debates", "caucus", "caucuses", "contest", "survey", "surveys", "runoff", "run-off", "match", "game",
    "point", "points", "percent", "percentage", "margin", "voter", "voters", "delegate", "delegates", "fundraising",
    "rating", "ratings", "nomination", "standings"})
COMPETITION_PREPS = frozenset({"in", "among", "by", "for"})
# causes of death and harm that no one wields: diseases and natural hazards ("the virus killed
# 1,000", "floods killed 40 villagers"); a harm they do is no one's act
NATURAL_CAUSES = frozenset({
    "disease", "virus", "coronavirus", "covid", "covid-19", "pandemic", "epidemic", "outbreak", "flu", "influenza",
    "cholera", "ebola", "malaria", "measles", "cancer", "illness", "infection", "plague", "flood", "storm",
    "hurricane", "typhoon", "cyclone", "tornado", "earthquake", "quake", "tsunami", "landslide", "mudslide",
    "avalanche", "drought", "famine", "heat", "heatwave", "wildfire", "blaze", "lightning", "eruption", "accident",
    "crash", "overdose", "snowstorm", "blizzard", "monsoon"})
NATURAL_CAUSE_FORMS = NATURAL_CAUSES | {n + "s" for n in NATURAL_CAUSES}  # ("floods", "hurricanes")
# conditions and values a thing can put at risk ("threatens the integrity of the vote", "threatened
# regional security"): a threat (CAMEO 13) is made to someone, these can only be endangered
ENDANGERED_NOUNS = frozenset({
    "integrity", "security", "stability", "peace", "democracy", "future", "existence", "safety", "sovereignty",
    "independence", "health", "life", "livelihood", "job", "economy", "recovery", "interest", "environment",
    "unity", "order", "value", "freedom", "right", "system", "credibility", "legitimacy", "survival", "viability",
    "progress", "process", "ceasefire", "truce", "deal", "agreement", "talk"})
# wrongs that have no event code of their own: reported by someone else ("said X lied to Congress",
# "concluded that X meddled in the vote"), the report is an accusation of the doer (CAMEO 112; of a
# crime 1121, of spying 1125)
WRONGDOING_CODES: dict[str, str] = {
    **dict.fromkeys(("lie", "meddle", "interfere", "collude", "cheat", "rig", "mislead", "deceive", "conspire",
                     "plagiarize", "plagiarise", "politicize", "politicise", "weaponize", "weaponise"), "112"),
    **dict.fromkeys(("launder", "embezzle", "bribe", "defraud", "extort", "steal", "smuggle", "obstruct",
                     "leak", "falsify", "perjure"), "1121"),
    "spy": "1125",
}
# verbs of warning: what they announce is a threat only when it is the warner's own act
WARNING_VERBS = frozenset({"warn", "caution", "alert", "forewarn"})
# entity types of a noun-noun compound that names what an investigation is about, not who makes it
# ("the *Benghazi* inquiry", "the *Russia* probe"; "the *FBI* probe" is the investigator's)
SUBJECT_MATTER_ENTS = frozenset({"GPE", "LOC", "PERSON", "FAC", "EVENT"})

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
    det_conf: float | None = None  # the learned detector's probability of the final type (learned.py)
    det_mode: tuple[str | None, bool] | None = None  # its PLOVER mode for that type, and whether it is sure
    absorber: Candidate | None = field(default=None, compare=False, repr=False)  # whose event this one is part of

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
        self._places: list[tuple[int, int, str, str]] = sorted(
            (m.start, m.end, p.country, p.id) for p in analysis.places for m in p.mentions if p.country)
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
        for s, e, country, _pid in self._places:
            if s <= tok.idx < e:
                return country
        return None

    def name_country(self, tok: Token, iso3: str) -> None:
        """The coder made a country a side through a place the text names ("returned the fossils to
        China"): when that place is the country itself, its name is a mention of the country actor,
        the evidence of the link (a city or region stays a place only)."""
        actor = self.by_id.get(iso3)
        if actor is None:
            return
        for s, e, country, pid in self._places:
            if s <= tok.idx < e and pid == f"country:{iso3}" and country == iso3:
                if not any(m.start < e and s < m.end for m in actor.mentions):
                    text = self.analysis.article.text[s:e]
                    actor.mentions.append(Mention(s, e, text, rule="event-place", confidence=0.8,
                                                  evidence="full" if text == actor.name else "alias"))
                    actor.mentions.sort(key=lambda m: m.start)
                return

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

    def agent(self, iso3: str, sector: str) -> str:
        """The actor id of a state's generic agent the coder infers ("the people of Peru": PERCVL),
        added without mentions when the article has none."""
        aid = f"{iso3}{sector}"
        if aid not in self.by_id:
            country = self.by_id.get(iso3)
            name = f"{country.name if country is not None else iso3} ({'civilians' if sector == 'CVL' else sector})"
            actor = Actor(id=aid, name=name, kind="group", country=iso3, code=aid)
            self.analysis.actors.append(actor)
            self.by_id[aid] = actor
        return aid


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




STATE_NOUNS = frozenset({"country", "nation", "government", "state", "neighbour", "neighbor", "capital",
                         "republic"})


PAIR_KINDS = frozenset({"country", "organization", "group", "person", "bloc"})


# verbs that only set an event noun going ("open talks", "hold a meeting", "launch an offensive"),
# unlike "end", "stop" or "cancel", which undo it
LIGHT_OPENERS = frozenset({"open", "hold", "start", "begin", "launch", "resume", "conduct", "stage", "organize",
                           "organise", "join", "enter", "pursue", "undertake", "carry"})


def purpose_clauses(c: Candidate, on_object: bool = False) -> list[Token]:
    """Infinitive purpose clauses on the predicate ("sent troops *to help*"), on the event noun a
    light verb governs, or on the event noun itself ("the dispatch of engineers *to rebuild* ...");
    with ``on_object``, also on the predicate's objects ("donated a shipment *to assist* X")."""
    heads = [c.pred, *(c.comp_tokens if c.entry.code == "=obj" else []), *(c.frame.objs if on_object else [])]
    out = []
    for h in heads:
        for ch in h.children:
            if ch.dep_ in {"advcl", "acl", "relcl"} and to_infinitive(ch):
                out.append(ch)
    return out


def through_aspect(comps: list[Token], cands: dict[int, Candidate]) -> list[Token]:
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


def explicit_target(c: Candidate) -> bool:
    """An attack noun aimed by a preposition ("an air strike *on* the embassy", "the raid
    *against* the checkpoint"): the text names the victim and leaves the attacker unknown, like an
    agentless passive. Only material conflict qualifies (an unattributed "talks with X" says little)."""
    if cb.root(c.code or "") not in {"14", "18", "19", "20"}:
        return False  # ("sanctions on Iran" is mostly a standing state, not a new act)
    return any(ch.dep_ == "prep" and ch.lower_ in {"on", "against", "upon", "at"} and pobjs(ch)
               for ch in c.pred.children) or any(
        t.head.dep_ == "prep" and t.head.lower_ == "of" and t.head.head.i == c.pred.i for t in c.target_tokens)


def is_group(actor_id: str, actors: ActorIndex) -> bool:
    a = actors.by_id.get(actor_id)
    return a is not None and a.kind == "group"


def movement(c: Candidate) -> bool:
    """Deploying, stationing, withdrawing or sending troops (their owner is the mover)."""
    code = c.code or ""
    return cb.root(code) == "15" or code[:3] in {"074", "087"} or code.startswith("1661")


def population(tok: Token) -> bool:
    """A crowd noun: "protesters", "crowds", "thousands of people", "several hundred students"."""
    if tok.lemma_.lower() in POPULATION_NOUNS:
        return True
    return any(g.lemma_.lower() in POPULATION_NOUNS for p in tok.children if p.dep_ == "prep" and p.lower_ == "of"
               for g in pobjs(p))


def is_stative(c: Candidate) -> bool:
    """ "Kenya is committed to ...", "the troops were engaged in ...": a passive whose subject acts."""
    f = c.frame
    return "state" in c.entry.roles and f.pos == "v" and f.passive and not f.agent


def is_each_other(tok: Token) -> bool:
    """ "accused *each other*", "fired at *one another*": the reciprocal pronoun."""
    low = tok.lower_
    return (low == "other" and any(ch.lower_ == "each" for ch in tok.children)) or (
        low == "another" and any(ch.lower_ == "one" for ch in tok.children))


def two_of(tok: Token) -> bool:
    """ "the two sides", "both countries", "the two presidents": a noun that names a pair."""
    if tok.lemma_.lower() not in SIDE_NOUNS:
        return False
    return any((ch.dep_ == "nummod" and ch.lower_ in {"two", "2"}) or ch.lower_ == "both" for ch in tok.children)


def last_pair(tok: Token, actors: ActorIndex, window: int = 160) -> tuple[int, list[str]]:
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
        conj = [head, *conjuncts(head)]
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


def joint(e: Entry, code: str | None, noun: Token) -> str | None:
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
    if any(conjuncts(x) for x in subj) or any(p.dep_ == "prep" and p.lower_ == "with" for p in gov.children):
        return "062"
    return code


def rule(e: Entry) -> str:
    return f"{e.origin}:{e.pos}:{e.lemma}:{e.line}"


def verb_lemmas(tok: Token) -> list[str]:
    """spaCy's lemma, then the word's own de-inflections (the small model lemmatises "staged" as
    "stag"); the dictionary lookup keeps only those it knows."""
    return verb_lemmas_of(tok.lower_, tok.lemma_.lower())


def verb_lemmas_of(lower: str, lemma: str) -> list[str]:
    out = [lemma]
    for cand in (lower, *deinflect(lower)):
        if cand not in out:
            out.append(cand)
    out += [w[3:] for w in out if w.startswith("re-") and len(w) > 5]  # "re-established" -> "establish"
    return out


def descriptive(tok: Token) -> bool:
    """A participle that describes a noun ("the growing tension", "a militia based in X")."""
    if tok.dep_ == "amod":
        return True
    return (tok.dep_ == "acl" and tok.tag_ == "VBN" and not any(c.dep_ == "auxpass" for c in tok.children)
            and misparsed_finite(tok) is None)


def deinflect(word: str) -> list[str]:
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


def noun_lemmas(tok: Token) -> list[str]:
    out = []
    doc = tok.doc
    if tok.i >= 2 and doc[tok.i - 1].text == "-" and not doc[tok.i - 2].whitespace_ \
            and not doc[tok.i - 1].whitespace_:
        out.append(f"{doc[tok.i - 2].lower_}-{tok.lemma_.lower()}")
    out.append(tok.lemma_.lower())
    if tok.lower_ != out[-1]:
        out.append(tok.lower_)
    return out


def conjuncts(tok: Token) -> list[Token]:
    return [c for c in tok.conjuncts if c.i != tok.i]


def absorb(tok: Token, cands: dict[int, Candidate], keep: Candidate, *, subtree: bool = True) -> None:
    """The candidates on ``tok`` (and, by default, its whole subtree) are part of ``keep``'s event."""
    for t in (tok.subtree if subtree else [tok]):
        c = cands.get(t.i)
        if c is not None and c is not keep and c.pred.i != keep.pred.i and same_segment(t, keep.pred):
            c.absorbed = True
            c.absorber = keep


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


def same_segment(a: Token, b: Token) -> bool:
    """No line break between two tokens (a headline or paragraph break ends every argument)."""
    paras = paragraphs(a.doc)
    return paras[a.i] == paras[b.i]


def paragraphs(doc: Any) -> list[int]:
    """Per token, how many line-break tokens precede it (computed once per Doc, kept on it)."""
    key = "newsgraph.events.paragraphs"
    cached = doc.user_data.get(key)
    if cached is None or len(cached) != len(doc):
        cached, n = [], 0
        for text in token_texts(doc):
            cached.append(n)
            if text.isspace() and "\n" in text:
                n += 1
        doc.user_data[key] = cached
    return cached


def derive(role: str | None, base: str, comp: str) -> str | None:
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
        return accusation_code(comp) if conflict_material or croot == "13" else None
    if role is None and cb.root(base) == "11" and (conflict_material or croot == "13"):
        return accusation_code(comp) if cb.root(base) == "11" and base in {"112", "110"} else None
    return None


def accusation_code(code: str) -> str:
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


def planning_noun(verb: Token | None) -> Token | None:
    """The noun of planning whose to-infinitive ``verb`` is ("a *plot* to bomb X", "*plans* to
    expand"), if any. The parser often hangs the infinitive on the verb whose object the noun is
    ("foiled a plot to bomb": the object right before "to")."""
    if verb is None or not to_infinitive(verb):
        return None
    if verb.dep_ in {"acl", "relcl"}:
        noun = verb.head
    elif verb.dep_ == "advcl" and verb.i >= 2 and verb.doc[verb.i - 2].head.i == verb.head.i:
        noun = verb.doc[verb.i - 2]
    else:
        return None
    return noun if noun.lemma_.lower() in PLANNING_NOUNS else None


def modal_scope(v: Token | None) -> list[Token]:
    """The verb and the heads whose modals and negation reach it: "would be forced *to take*",
    "will continue *to send*" (a transparent head passes its auxiliaries down its xcomp); the
    copula of a predicative word passes its own ("is not *opposed*", "would be *willing*")."""
    if v is None:
        return []
    out = [v]
    t = v
    if t.dep_ == "acomp" and t.head.i != t.i and t.head.lemma_ == "be":
        t = t.head
        out.append(t)
    while t.dep_ == "xcomp" and t.head.i != t.i and t.head.lemma_ in MODAL_HEADS and len(out) < 4:
        t = t.head
        out.append(t)
    return out


def to_infinitive(verb: Token) -> bool:
    """Is ``verb`` a to-infinitive ("*to bomb*", "for X *to leave*")?"""
    return any(a.dep_ == "aux" and a.lower_ == "to" for a in verb.children)


def word_in(tok: Token, words: frozenset[str]) -> bool:
    """Is the token one of ``words`` as written or by its lemma ("tweets", "media", "polls")?"""
    return tok.lower_ in words or tok.lemma_.lower() in words


def marked(clause: Token, marks: Iterable[str]) -> bool:
    """Does ``clause`` open with one of ``marks`` as its subordinating word ("if", "whether", "for")?"""
    return any(m.dep_ == "mark" and m.lower_ in marks for m in clause.children)


def has_condition(verbs: Iterable[Token]) -> bool:
    """An if/unless clause hangs on one of ``verbs``: what they state holds only on a condition."""
    return any(ch.dep_ == "advcl" and marked(ch, CONDITION_MARKS) for v in verbs for ch in v.children)


def condition_subjects(verbs: Iterable[Token]) -> list[Token]:
    """The subjects of the if/unless clauses on ``verbs`` ("... if *Chile* refused")."""
    out: list[Token] = []
    for v in verbs:
        for ch in v.children:
            if ch.dep_ == "advcl" and marked(ch, CONDITION_MARKS):
                out.extend(logical_subjects(ch))
    return out


def for_to_clause(v: Token) -> bool:
    """A "for X to V" clause ("its call *for Iran to free* the sailors", "time *for the army to
    leave*", "waited *for the rebels to withdraw*"): an act asked, wished or waited for, not one the
    text says was done."""
    return marked(v, {"for"}) and to_infinitive(v)


def in_condition(tok: Token, marks: frozenset[str] = CONDITION_MARKS) -> bool:
    """Is ``tok`` inside an adverbial clause opened by one of ``marks`` (if/unless: a condition)?"""
    t, steps = tok, 0
    while t.head.i != t.i and steps < 20:
        if t.dep_ == "advcl" and marked(t, marks):
            return True
        if t.dep_ in {"ccomp", "xcomp"} and t.pos_ == "VERB" and t.head.lemma_ in REPORTING:
            return False
        t, steps = t.head, steps + 1
    return False


def governing_verb(tok: Token) -> Token | None:
    t, steps = tok, 0
    while t.head.i != t.i and steps < 10:
        t, steps = t.head, steps + 1
        if t.pos_ in {"VERB", "AUX"}:
            return t
    return None


def is_object_of(noun: Token, verb: Token | None) -> bool:
    if verb is None:
        return False
    t = noun
    while t.i != verb.i and t.head.i != t.i:
        if t.dep_ in {"nsubj", "nsubjpass"}:
            return False
        t = t.head
    return True


def future_head(v: Token | None) -> bool:
    """ "plans to attack", "is going to impose", "is set to sign": the complement of a plan verb is
    announced."""
    if v is None or v.dep_ != "xcomp":
        return False
    head = v.head
    if head.lemma_ == "go":
        return head.tag_ == "VBG"
    if head.lower_ in ("set", "poised") and head.tag_ in ("VBN", "JJ"):
        return True
    return head.lemma_ in FUTURE_HEADS - {"go"}


_NAME_ENTS = frozenset({"PERSON", "ORG", "GPE", "NORP"})


def headline_infinitive(v: Token | None) -> bool:
    """ "Iran to expel British diplomats", "Obama to meet Putin in Beijing": headline English for an
    announced act to come. An infinitive is its sentence's only verb, with a subject of its own
    or hung from a name the parser took for the root; "Time to talk" (no actor) is not one."""
    if v is None or v.tag_ != "VB" or not any(c.dep_ == "aux" and c.lower_ == "to" and c.i < v.i for c in v.children):
        return False
    if v.dep_ == "ROOT":
        return any(c.dep_ in ("nsubj", "nsubjpass") and c.i < v.i for c in v.children)
    head = v.head
    return v.dep_ in ("acl", "relcl") and head.dep_ == "ROOT" and head.i < v.i and (
        head.pos_ == "PROPN" or head.ent_type_ in _NAME_ENTS)


# adjectives of probability whose to-infinitive is a guess at an act ("is likely to impose")
LIKELIHOOD_HEADS = frozenset({"likely", "unlikely", "possible", "probable"})


def likelihood_head(v: Token | None) -> bool:
    """ "is likely to impose", "is unlikely to attend", "it is possible that X attacked": the writer
    guesses, nobody announces."""
    if v is None:
        return False
    if v.dep_ == "xcomp":
        return v.head.lower_ in LIKELIHOOD_HEADS
    return v.dep_ == "ccomp" and any(c.dep_ == "acomp" and c.lower_ in LIKELIHOOD_HEADS for c in v.head.children)


# verbs of wanting: what they take is wished for, neither done nor announced ("wants to seize",
# "wanted to attack", "wants talks with X", "looks forward to a meeting")
DESIRE_HEADS = frozenset({"want", "hope", "wish", "desire", "long", "yearn", "dream", "crave", "seek"})


def desire_head(v: Token | None) -> bool:
    """ "wants to seize", "hopes that they will meet", "looked forward to meeting": a wish."""
    if v is None or v.dep_ not in {"xcomp", "ccomp", "pcomp", "pobj", "dobj"}:
        return False
    head = v.head
    if head.lemma_ == "to" and head.head.i != head.i:
        head = head.head
    if head.lower_ == "forward" and head.head.i != head.i:
        head = head.head
    if head.lemma_ == "look":
        return any(ch.lower_ == "forward" for ch in head.children)
    return head.lemma_ in DESIRE_HEADS and (v.dep_ != "ccomp" or not any(
        ch.dep_ == "aux" and ch.lower_ in {"did", "has", "have", "had"} for ch in v.children))


def side(actor_id: str, actors: ActorIndex) -> set[str]:
    a = actors.by_id.get(actor_id)
    if a is None:
        return {actor_id}
    side = {a.id}
    if a.country:
        side.add(a.country)
    side.update(a.members)
    return side


all__ = ["ActorIndex", "Candidate", "Coder", "event_date", "event_place", "main_event"]
