"""The data model: one :class:`Analysis` flows through the pipeline's components.

Every annotation is a character span into ``Analysis.article.text`` (the cleaned text), so
``article.text[span.start:span.end] == span.text`` holds everywhere (spaCy's ``Span`` idea).
``Analysis.to_dict()`` is the JSON document of CONTRACT.md (schema ``newsgraph.analysis/1``).
"""

from __future__ import annotations

import bisect
import hashlib
import re
from dataclasses import asdict, dataclass, field
from typing import Any

SCHEMA = "newsgraph.analysis/1"

ACTOR_KINDS = ("person", "country", "organization", "bloc", "group")
QUOTE_KINDS = ("direct", "partial", "indirect")
QUADS = ("verbal cooperation", "material cooperation", "verbal conflict", "material conflict")


_SURROGATE = re.compile("[\ud800-\udfff]")


def scrub(value: str | None) -> str | None:
    """``value`` with lone surrogates (from JSON escapes such as ``\\ud800``, or file names that are
    not UTF-8) replaced by U+FFFD: they cannot be written as UTF-8, so no store, Parquet shard,
    JSON answer or terminal would take them."""
    if value is None or not _SURROGATE.search(value):
        return value
    return _SURROGATE.sub("\ufffd", value)


def content_hash(text: str, n: int = 16) -> str:
    """Deterministic id for a text: the first ``n`` hex digits of its SHA-256."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:n]


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of the article text: ``text == article.text[start:end]``."""

    start: int
    end: int
    text: str

    @classmethod
    def of(cls, text: str, start: int, end: int) -> Span:
        return cls(start, end, text[start:end])

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text}

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end

    def contains(self, other: Span) -> bool:
        return self.start <= other.start and other.end <= self.end


@dataclass(slots=True)
class RawDocument:
    """What a reader yields: text before cleaning plus whatever metadata the source had."""

    text: str
    title: str | None = None
    url: str | None = None
    published: str | None = None
    id: str | None = None
    author: str | None = None
    source: str | None = None  # file path, "stdin", "<file>:<line>" ...
    format: str = "text"  # text | html | jsonl | csv
    warnings: list[str] = field(default_factory=list)  # what reading it noticed (e.g. bytes not UTF-8)


@dataclass(slots=True)
class Article:
    id: str
    text: str
    title: str | None = None
    url: str | None = None
    published: str | None = None  # ISO date YYYY-MM-DD
    dateline: str | None = None
    author: str | None = None
    source: str | None = None
    content_hash: str = ""
    title_span: Span | None = None
    dateline_span: Span | None = None
    body_start: int = 0  # offset where the body (after the headline) starts
    lead_start: int = 0  # offset where the first sentence starts, after the dateline ("MOSCOW (Reuters) -")

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "url": self.url,
            "published": self.published,
            "dateline": self.dateline,
            "text": self.text,
            "author": self.author,
            "source": self.source,
            "content_hash": self.content_hash,
        }


@dataclass(slots=True)
class Role:
    title: str
    of: str | None = None  # ISO3 country code or organisation code
    start: str | None = None
    end: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"title": self.title, "of": self.of, "start": self.start, "end": self.end}


@dataclass(slots=True)
class Mention:
    """One place in the text that refers to an actor, and why it was linked to it."""

    start: int
    end: int
    text: str
    rule: str = "ner"  # which rule linked it: kb-name, ner, surname, title, demonym-title, pronoun, ...
    antecedent: tuple[int, int] | None = None  # the mention this one was resolved through
    confidence: float = 1.0
    # why it is this actor: full | alias | earlier-mention | role-on-date | coreference (KB actors),
    # text (a name the KB does not hold), agent (a generic agent of a state), metonymy
    evidence: str | None = None

    @property
    def span(self) -> Span:
        return Span(self.start, self.end, self.text)

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {"start": self.start, "end": self.end, "text": self.text, "rule": self.rule}
        if self.antecedent is not None:
            d["antecedent"] = {"start": self.antecedent[0], "end": self.antecedent[1]}
        if self.confidence != 1.0:
            d["confidence"] = round(self.confidence, 3)
        if self.evidence:
            d["evidence"] = self.evidence
        return d


@dataclass(slots=True)
class Actor:
    id: str
    name: str
    kind: str  # person | country | organization | bloc | group
    country: str | None = None
    code: str | None = None
    roles: list[Role] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    kb_id: str | None = None  # id in the knowledge base, None for actors only the text knows
    members: list[str] = field(default_factory=list)  # for groups: the actor ids acting together

    def to_dict(self) -> dict[str, Any]:
        d = {
            "id": self.id,
            "name": self.name,
            "kind": self.kind,
            "country": self.country,
            "code": self.code,
            "roles": [r.to_dict() for r in self.roles],
            "mentions": [m.to_dict() for m in sorted(self.mentions, key=lambda m: (m.start, m.end))],
            "kb_id": self.kb_id,
        }
        if self.members:
            d["members"] = list(self.members)
        return d


@dataclass(slots=True)
class Quote:
    id: str
    text: str
    start: int
    end: int
    kind: str  # direct | partial | indirect
    speaker: str | None = None
    speaker_mention: Span | None = None
    cue: Span | None = None
    rule: str = ""  # which pattern attributed it
    confidence: float = 1.0
    clause: Span | None = None  # for a partial quote: the reported clause its quoted words sit in
    speaker_kind: str | None = None  # person | organisation | state | generic | anonymous (None: no speaker)
    speaker_description: str | None = None  # generic and anonymous sources: "a source familiar with the talks"
    in_headline: bool = False  # the quote is in the headline (kept apart from the body's quotes)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "kind": self.kind,
            "speaker": self.speaker,
            "speaker_mention": self.speaker_mention.to_dict() if self.speaker_mention else None,
            "cue": self.cue.to_dict() if self.cue else None,
            "clause": self.clause.to_dict() if self.clause else None,
            "rule": self.rule,
            "confidence": round(self.confidence, 3),
            "speaker_kind": self.speaker_kind,
            "speaker_description": self.speaker_description,
            "in_headline": self.in_headline,
        }


@dataclass(slots=True)
class Event:
    id: str
    source: list[str]
    target: list[str]
    plover: str | None
    cameo: str | None
    goldstein: float | None
    quad: str | None
    evidence: Span
    mode: str | None = None
    negated: bool = False
    date: str | None = None
    date_precision: str | None = None  # day | month | year
    place: str | None = None
    confidence: float = 0.5
    predicate: Span | None = None
    quote: str | None = None  # the quote id when the event was read from a quote
    rule: str = ""
    plover_mode: str | None = None  # the PLOVER mode of the event type (e.g. "visit", "arrest"); ``mode`` is modality
    # asserted | planned | hypothetical | threatened | negated | denied: whether the text says it happened
    modality: str = "asserted"
    # further reports of the same act in the article (headline, lead, restatements): one event, several spans
    also_reported: list[Span] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "source": list(self.source),
            "target": list(self.target),
            "plover": self.plover,
            "cameo": self.cameo,
            "goldstein": self.goldstein,
            "quad": self.quad,
            "mode": self.mode,
            "negated": self.negated,
            "date": self.date,
            "date_precision": self.date_precision,
            "place": self.place,
            "evidence": self.evidence.to_dict(),
            "confidence": round(self.confidence, 3),
            "predicate": self.predicate.to_dict() if self.predicate else None,
            "quote": self.quote,
            "rule": self.rule,
            "plover_mode": self.plover_mode,
            "modality": self.modality,
            "also_reported": [sp.to_dict() for sp in self.also_reported],
        }


@dataclass(slots=True)
class Relation:
    type: str  # member_of | leader_of | ally_of | joining | ...
    subject: str
    object: str
    source: str = "text"  # text | kb
    evidence: Span | None = None
    start: str | None = None
    end: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "type": self.type,
            "subject": self.subject,
            "object": self.object,
            "source": self.source,
            "evidence": self.evidence.to_dict() if self.evidence else None,
            "start": self.start,
            "end": self.end,
        }


@dataclass(slots=True)
class Place:
    id: str
    name: str
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    feature: str | None = None  # country | admin1 | city | region | seat
    mentions: list[Span] = field(default_factory=list)
    rule: str = ""  # how the gazetteer entry was chosen (context country, population, curated region...)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "country": self.country,
            "lat": self.lat,
            "lon": self.lon,
            "feature": self.feature,
            "rule": self.rule,
            "mentions": [m.to_dict() for m in self.mentions],
        }


_INDEX_KEY = "_mention_index"


@dataclass(slots=True)
class _MentionIndex:
    """The actors' mentions sorted by start (for :meth:`Analysis.actor_at`)."""

    stamp: tuple[int, int, int]
    rows: list[tuple[int, int, int, Actor]]
    starts: list[int]
    longest: int


@dataclass(slots=True)
class Analysis:
    """The document object every component enriches (spaCy's ``Doc`` role in this project)."""

    article: Article
    actors: list[Actor] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    doc: Any = None  # the spaCy Doc; never serialised
    warnings: list[str] = field(default_factory=list)
    meta: dict[str, Any] = field(default_factory=dict)  # pipeline name, component versions, timings
    scratch: dict[str, Any] = field(default_factory=dict)  # component-to-component state; not serialised

    # ---- lookups components share -------------------------------------------------------------
    def actor(self, actor_id: str) -> Actor | None:
        for a in self.actors:
            if a.id == actor_id:
                return a
        return None

    def actor_at(self, start: int, end: int) -> Actor | None:
        """The actor a phrase [start, end) refers to, through the mentions that overlap it.

        Mentions nest ("Belarusian" inside "the Belarusian President"), so the choice is: the
        tightest mention containing the whole phrase; else a mention starting where the phrase
        starts (the phrase's own noun, as in "members" of "members of the CSTO"); else the
        tightest overlapping mention.
        """
        index = self._mention_index()
        best: tuple[int, int, int, Actor] | None = None
        # only mentions starting in [start - longest mention, end) can overlap the phrase
        lo = bisect.bisect_left(index.starts, start - index.longest)
        hi = bisect.bisect_left(index.starts, end)
        for k in range(lo, hi):
            m_start, m_end, order, a = index.rows[k]
            if m_start < end and start < m_end:
                if m_start <= start and end <= m_end:
                    rank = 0
                elif m_start == start:
                    rank = 1
                else:
                    rank = 2
                # ties go to the first actor and mention in list order, as a scan of the lists would
                key = (rank, m_end - m_start, order)
                if best is None or key < best[:3]:
                    best = (*key, a)
        return best[3] if best else None

    def _mention_index(self) -> _MentionIndex:
        """Every actor mention sorted by start, built once and rebuilt when actors or mentions change
        (``actor_at`` is called per quote, event and relation: a scan of every mention each time made
        those components quadratic in the length of the article)."""
        stamp = (id(self.actors), len(self.actors), sum(len(a.mentions) for a in self.actors))
        index = self.scratch.get(_INDEX_KEY)
        if index is None or index.stamp != stamp:
            rows = []
            order = 0
            for a in self.actors:
                for m in a.mentions:
                    rows.append((m.start, m.end, order, a))
                    order += 1
            rows.sort(key=lambda r: (r[0], r[2]))
            index = _MentionIndex(stamp, rows, [r[0] for r in rows],
                                  max((r[1] - r[0] for r in rows), default=0))
            self.scratch[_INDEX_KEY] = index
        return index

    def span(self, start: int, end: int) -> Span:
        return Span.of(self.article.text, start, end)

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema": SCHEMA,
            "article": self.article.to_dict(),
            "actors": [a.to_dict() for a in self.actors],
            "quotes": [q.to_dict() for q in self.quotes],
            "events": [e.to_dict() for e in self.events],
            "relations": [r.to_dict() for r in self.relations],
            "places": [p.to_dict() for p in self.places],
            "warnings": list(self.warnings),
            "meta": dict(self.meta),
        }


def from_dict(d: dict[str, Any]) -> Analysis:
    """Rebuild an :class:`Analysis` (without the spaCy Doc) from its JSON document."""

    def span(x: dict[str, Any] | None) -> Span | None:
        return Span(x["start"], x["end"], x["text"]) if x else None

    a = d["article"]
    article = Article(
        id=a["id"], text=a["text"], title=a.get("title"), url=a.get("url"), published=a.get("published"),
        dateline=a.get("dateline"), author=a.get("author"), content_hash=a.get("content_hash") or "",
        source=a.get("source"),
    )
    actors = []
    for x in d.get("actors", []):
        mentions = []
        for m in x.get("mentions", []):
            ante = m.get("antecedent")
            mentions.append(Mention(m["start"], m["end"], m["text"], m.get("rule", ""),
                                    (ante["start"], ante["end"]) if ante else None, m.get("confidence", 1.0),
                                    m.get("evidence")))
        actors.append(Actor(
            id=x["id"], name=x["name"], kind=x["kind"], country=x.get("country"), code=x.get("code"),
            roles=[Role(**r) for r in x.get("roles", [])], mentions=mentions, kb_id=x.get("kb_id"),
            members=list(x.get("members", [])),
        ))
    quotes = [
        Quote(id=q["id"], text=q["text"], start=q["start"], end=q["end"], kind=q["kind"], speaker=q.get("speaker"),
              speaker_mention=span(q.get("speaker_mention")), cue=span(q.get("cue")), rule=q.get("rule", ""),
              confidence=q.get("confidence", 1.0), clause=span(q.get("clause")), speaker_kind=q.get("speaker_kind"),
              speaker_description=q.get("speaker_description"), in_headline=bool(q.get("in_headline", False)))
        for q in d.get("quotes", [])
    ]
    events = [
        Event(id=e["id"], source=list(e["source"]), target=list(e["target"]), plover=e.get("plover"),
              cameo=e.get("cameo"), goldstein=e.get("goldstein"), quad=e.get("quad"), evidence=span(e["evidence"]),
              mode=e.get("mode"), negated=bool(e.get("negated")), date=e.get("date"),
              date_precision=e.get("date_precision"), place=e.get("place"), confidence=e.get("confidence", 0.5),
              predicate=span(e.get("predicate")), quote=e.get("quote"), rule=e.get("rule", ""),
              plover_mode=e.get("plover_mode"), modality=e.get("modality") or "asserted",
              also_reported=[x for x in (span(r) for r in e.get("also_reported") or []) if x is not None])
        for e in d.get("events", [])
    ]
    relations = [
        Relation(type=r["type"], subject=r["subject"], object=r["object"], source=r.get("source", "text"),
                 evidence=span(r.get("evidence")), start=r.get("start"), end=r.get("end"))
        for r in d.get("relations", [])
    ]
    places = [
        Place(id=p["id"], name=p["name"], country=p.get("country"), lat=p.get("lat"), lon=p.get("lon"),
              feature=p.get("feature"), mentions=[span(m) for m in p.get("mentions", [])], rule=p.get("rule", ""))
        for p in d.get("places", [])
    ]
    return Analysis(article=article, actors=actors, quotes=quotes, events=events, relations=relations,
                    places=places, warnings=list(d.get("warnings", [])), meta=dict(d.get("meta", {})))


__all__ = [
    "ACTOR_KINDS", "QUADS", "QUOTE_KINDS", "SCHEMA", "Actor", "Analysis", "Article", "Event", "Mention",
    "Place", "Quote", "RawDocument", "Relation", "Role", "Span", "asdict", "content_hash", "from_dict", "scrub",
]
