"""Score the whole pipeline on newsgraph's own hand-labelled check sets of real news.

The sets (``evaluate/gold/allsides_{actors,events,quotes}.json``) hold article ids, character
offsets into the AllSides ``text`` field, and labels: never article text. Their articles are all
from the AllSides *check* part (:mod:`.splits`) and were labelled before any system output on
them was seen (guidelines: ``docs/labelling/``). They are check sets through and through: the
scorers report numbers only, never item lists.

Each article is read from ``../shared/data/dev/allsides`` and analysed like any input (title,
text, publication date, through ingest); gold offsets are mapped onto the cleaned text with
:class:`~.align.Alignment`, and a span whose text no longer has the labelled hash is counted as
lost (reported, not scored).

How each set is scored:

* **actors** -- named person and organisation mentions, each with the KB id of the real entity or
  null. The system's reading of a gold mention is the system mention that best covers it (most
  overlap, then longest); it is a *link* when that mention's actor has a KB id. A state's own body
  resolved to the state ("the White House" -> USA, gold: a US government organisation) is right
  at the state level. ``link precision`` = right links / all links, where all links also count
  KB links the system made by a name rule on capitalised body spans that no gold mention covers
  (a month or a common word linked to a person); ``link recall`` = gold mentions with a KB id
  linked to it / gold mentions with a KB id. ``found`` = gold mentions covered by any system
  actor mention (KB or not). ``country right`` and ``sector right``: of the found gold mentions
  whose label gives a country (a CAMEO sector), the share whose system actor has that country
  (a code with that sector: "USALEG" for LEG).
* **events** -- every event an analyst codes. A system event *matches* a gold event when its
  predicate (or evidence) overlaps one of the gold event's evidence spans and the PLOVER types are
  equal; each gold event takes one system event, further system events on it count as
  duplicates. ``recall`` = matched gold / gold; ``precision`` = matched system events / system
  events; ``dyad right`` = matched gold events whose source and target are both right / gold
  events (a side is right when the gold side is empty and the system's is empty, or when they
  share a country code, an IGO/NGO prefix or a KB id). ``hedged coded as done`` counts system
  events of the labelled type on a ``not_events`` span that are told as done (modality
  ``asserted``); one coded as planned, hypothetical or negated is not counted there.
* **quotes** -- every quote with its real speaker. A system quote *finds* a gold quote when their
  contents overlap by at least 0.3 of the longer (PolNeAR's rule); a partial quote's content is
  its reported clause or its quoted words, whichever overlaps more (the labelling guide calls a
  partial quote "a quoted fragment inside the reporter's sentence", and its labellers take the
  fragment alone after label verbs, "called the plan 'a disaster'"). ``speaker right``: the system
  speaker is the gold KB id, or one of its mentions overlaps the gold speaker's naming or cue
  expression, or its name ends in the same word as the gold naming. ``content found`` and
  ``found with right speaker`` are over gold quotes; ``strict precision`` = system quotes (outside
  the headline) that find a gold quote with the right speaker / system quotes outside the
  headline.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import re
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import EvalError
from ..model import Analysis, RawDocument
from .align import Alignment

GOLD_DIR = Path(__file__).resolve().parent / "gold"
SETS = ("actors", "events", "quotes")
OVERLAP = 0.3
CONFIDENT = 0.8  # the quotes report also scores the quotes kept by --min-confidence 0.8


def gold_path(name: str, split: str = "check") -> Path:
    """The shipped gold file of a set: ``check`` (the figures) or ``tune`` (errors may be read)."""
    if name not in SETS:
        raise EvalError(f"unknown hand-labelled set {name!r}", hint=f"one of {', '.join(SETS)}")
    if split not in {"check", "tune"}:
        raise EvalError(f"unknown part {split!r} of the hand-labelled sets", hint="check or tune")
    return GOLD_DIR / (f"allsides_{name}.json" if split == "check" else f"allsides_{name}_tune.json")


def _listing_allowed(gold: dict[str, Any], show: int, what: str) -> bool:
    if not show:
        return False
    if gold.get("split") != "tune":
        from .splits import check_refusal

        raise EvalError(check_refusal(what), hint="use the tune set: --split tune")
    return True


def _context(text: str, start: int, end: int, width: int = 60) -> str:
    return " ".join(f"{text[max(0, start - width):start]}[{text[start:end]}]{text[end:end + width]}".split())


def load_gold(name: str, path: str | Path | None = None, split: str = "check") -> dict[str, Any]:
    p = Path(path) if path else gold_path(name, split)
    try:
        data = json.loads(p.read_text("utf-8"))
    except FileNotFoundError as exc:
        raise EvalError(f"no gold file at {p}", hint="the hand-labelled sets ship in newsgraph/evaluate/gold") from exc
    except json.JSONDecodeError as exc:
        raise EvalError(f"{p} is not JSON: {exc}") from exc
    if not isinstance(data, dict) or not isinstance(data.get("articles"), list):
        raise EvalError(f"{p} has no 'articles' list", hint="see newsgraph/evaluate/handsets.py for the format")
    return data


def read_corpus(ids: set[str], corpus: str | Path) -> dict[str, dict[str, Any]]:
    p = Path(corpus)
    if not p.is_file():
        raise EvalError(f"no AllSides corpus at {p}", hint="the hand-labelled sets need ../shared/data/dev/allsides")
    out = {}
    with gzip.open(p, "rt", encoding="utf-8") as f:
        for line in f:
            if not any(i in line for i in ids - set(out)):
                continue
            d = json.loads(line)
            if d.get("id") in ids:
                out[d["id"]] = d
    missing = ids - set(out)
    if missing:
        raise EvalError(f"{len(missing)} labelled articles are not in {p}", hint=f"e.g. {sorted(missing)[:3]}")
    return out


def sha(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:8]


def _inter(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def overlap(a: tuple[int, int], b: tuple[int, int]) -> float:
    longer = max(a[1] - a[0], b[1] - b[0])
    return _inter(a, b) / longer if longer > 0 else 0.0


@dataclass
class Mapped:
    """One article: its raw record, the analysis, and raw -> clean offsets checked against hashes."""

    record: dict[str, Any]
    analysis: Analysis
    align: Alignment
    lost: int = 0

    def span(self, raw_span: list[int] | None, digest: str | None = None) -> tuple[int, int] | None:
        if not raw_span:
            return None
        a, b = int(raw_span[0]), int(raw_span[1])
        raw = self.record["text"]
        if digest and sha(raw[a:b]) != digest:
            self.lost += 1
            return None
        out = self.align.span(a, b)
        if out is None or re.sub(r"\s+", " ", self.analysis.article.text[out[0]:out[1]]) != re.sub(r"\s+", " ", raw[a:b]).strip():
            self.lost += 1
            return None
        return out


def analyse(gold: dict[str, Any], corpus: str | Path, config: dict[str, Any] | None = None) -> list[tuple[dict, Mapped]]:
    """Run the pipeline over each labelled article (title, text, date), in gold order."""
    from ..pipeline import Failure, get_pipeline

    arts = gold["articles"]
    records = read_corpus({a["id"] for a in arts}, corpus)
    pipe = get_pipeline(config)
    raws = [RawDocument(text=records[a["id"]]["text"], title=records[a["id"]].get("title"),
                        published=records[a["id"]].get("published") or a.get("published"), id=a["id"],
                        url=records[a["id"]].get("url")) for a in arts]
    out = []
    for a, analysis in zip(arts, pipe.pipe(raws), strict=True):
        if isinstance(analysis, Failure):
            raise EvalError(f"article {a['id']} failed: {analysis.code} {analysis.message}")
        rec = records[a["id"]]
        out.append((a, Mapped(rec, analysis, Alignment(rec["text"], analysis.article.text))))
    return out


# ---- actors -----------------------------------------------------------------------------------------

@dataclass
class ActorReport:
    articles: int = 0
    gold: int = 0
    gold_kb: int = 0
    found: int = 0
    links: int = 0
    links_right: int = 0
    outside_links: int = 0
    recall_hits: int = 0
    with_country: int = 0
    country_right: int = 0
    country_wrong: int = 0  # another state than the gold's (a wrong state is worse than none)
    with_sector: int = 0
    sector_right: int = 0
    lost: int = 0
    seconds: float = 0.0
    errors: list[str] = field(default_factory=list)  # tune sets only

    def to_dict(self) -> dict[str, Any]:
        precision = self.links_right / self.links if self.links else 0.0
        return {"articles": self.articles, "gold mentions": self.gold, "gold with KB id": self.gold_kb,
                "mention found": round(self.found / self.gold, 4) if self.gold else 0.0,
                "link precision": round(precision, 4),
                "link recall": round(self.recall_hits / self.gold_kb, 4) if self.gold_kb else 0.0,
                "country right (found, gold has one)": round(self.country_right / self.with_country, 4)
                if self.with_country else 0.0,
                "country wrong (found, gold has one)": round(self.country_wrong / self.with_country, 4)
                if self.with_country else 0.0,
                "sector right (found, gold has one)": round(self.sector_right / self.with_sector, 4)
                if self.with_sector else 0.0,
                "links": self.links, "wrong links on unlabelled spans": self.outside_links,
                "spans lost in cleaning": self.lost, "seconds": round(self.seconds, 1)}


# rules that link a name (not a pronoun, a title or a description): what an unlabelled span can be
# wrongly linked by
NAME_RULES = frozenset({"kb-name", "kb-alias", "kb-acronym", "kb-full_name", "surname", "kb-surname", "kb-surname-title",
                        "kb-surname-office", "name-only", "ner-person", "ner-org", "speaker-label", "honorific-name", "full-name-in-text",
                        "surname-of-full-name", "given-name"})


def _link_of(actor: Any, g: dict[str, Any]) -> str | None:
    """What a system actor links a gold mention to: a KB id; "state-agent" when it resolves a
    state's own body to that state ("the White House" -> USA, "the State Department" -> USA: right
    at the state level, which is how CAMEO codes them); None when it links nothing."""
    if actor is None or not actor.kb_id:
        return None
    if actor.kind == "country" and g.get("kind") == "organisation" and g.get("country") == actor.kb_id \
            and g.get("sector") in STATE_SECTORS:
        return "state-agent"
    return actor.kb_id


STATE_SECTORS = frozenset({"GOV", "MIL", "LEG", "JUD", "COP", "SPY"})


def _sector(actor: Any) -> str | None:
    """The CAMEO sector an actor's code gives ("USALEG" -> "LEG"; a bare state code has none)."""
    code = actor.code or ""
    return code[3:6] if len(code) >= 6 else (code if len(code) == 3 and code != actor.country else None)
_NAMEISH = re.compile(r"^[A-Z][\w.'’-]*(?:\s+(?:[A-Z][\w.'’-]*|of|the|and|for|de|al|bin|van|von))*$")


def score_actors(path: str | Path | None = None, corpus: str | Path | None = None,
                 config: dict[str, Any] | None = None, split: str = "check", show: int = 0) -> ActorReport:
    gold = load_gold("actors", path, split)
    listing = _listing_allowed(gold, show, "eval allsides actors --show")
    started = time.perf_counter()
    rep = ActorReport()
    for art, m in analyse(gold, corpus or _corpus(), config):
        rep.articles += 1
        an = m.analysis
        sys_mentions = [(mm.start, mm.end, a, mm.rule) for a in an.actors for mm in a.mentions]
        covered: list[tuple[int, int]] = []
        for g in art["mentions"]:
            sp = m.span(g["span"], g.get("sha"))
            if sp is None:
                continue
            covered.append(sp)
            rep.gold += 1
            want = {x for x in [g.get("kb"), *(g.get("kb_alt") or [])] if x}
            rep.gold_kb += bool(want)
            over = [(s, e, a, r) for s, e, a, r in sys_mentions if _inter((s, e), sp) > 0]
            rep.found += bool(over)
            # the system's reading of this mention: the mention that best covers the gold span
            best = max(over, key=lambda x: (overlap((x[0], x[1]), sp), x[1] - x[0]), default=None)
            a = best[2] if best else None
            if a is not None and g.get("country"):
                rep.with_country += 1
                rep.country_right += a.country == g["country"]
                rep.country_wrong += a.country is not None and a.country != g["country"]
                if listing and a.country is not None and a.country != g["country"]:
                    rep.errors.append(f"{art['id']}: country {g['country']}, got {a.country} ({a.id}, {best[3]}): "
                                      f"{_context(an.article.text, *sp)}")
            if a is not None and g.get("sector"):
                rep.with_sector += 1
                rep.sector_right += _sector(a) == g["sector"]
            link = _link_of(a, g)
            ok = link is not None and link in want | {"state-agent"}
            if link is not None:
                rep.links += 1
                rep.links_right += ok
                rep.recall_hits += ok and bool(want)
            if listing and ((link is not None and not ok) or (want and not ok)):
                got = f"{a.kb_id or a.id} ({best[3]})" if a is not None else "nothing"
                rep.errors.append(f"{art['id']}: gold {sorted(want) or 'no KB entity'}, got {got}: "
                                  f"{_context(an.article.text, *sp)}")
        body = an.article.body_start
        for s, e, a, rule in sys_mentions:
            if (a.kb_id and a.kind in {"person", "organization"} and s >= body and rule.split("+")[0] in NAME_RULES
                    and not any(_inter((s, e), c) for c in covered) and _NAMEISH.match(an.article.text[s:e])):
                rep.links += 1
                rep.outside_links += 1
                if listing:
                    rep.errors.append(f"{art['id']}: unlabelled span linked to {a.kb_id} ({rule}): "
                                      f"{_context(an.article.text, s, e)}")
        rep.lost += m.lost
    rep.seconds = time.perf_counter() - started
    return rep


# ---- events ------------------------------------------------------------------------------------------

@dataclass
class EventReport:
    articles: int = 0
    gold: int = 0
    system: int = 0
    matched: int = 0
    duplicates: int = 0
    dyad_right: int = 0
    source_right: int = 0
    target_right: int = 0
    type_any: int = 0
    hedged: int = 0
    not_events: int = 0
    lost: int = 0
    seconds: float = 0.0
    per_type: dict[str, list[int]] = field(default_factory=dict)  # type -> [gold, matched, system]
    errors: list[str] = field(default_factory=list)  # tune sets only

    def to_dict(self) -> dict[str, Any]:
        p = self.matched / self.system if self.system else 0.0
        r = self.matched / self.gold if self.gold else 0.0
        return {"articles": self.articles, "gold events": self.gold, "system events": self.system,
                "recall": round(r, 4), "precision": round(p, 4),
                "f1": round(2 * p * r / (p + r), 4) if p + r else 0.0,
                "dyad right": round(self.dyad_right / self.gold, 4) if self.gold else 0.0,
                "source right (matched)": round(self.source_right / self.matched, 4) if self.matched else 0.0,
                "target right (matched)": round(self.target_right / self.matched, 4) if self.matched else 0.0,
                "found at the evidence, any type": round(self.type_any / self.gold, 4) if self.gold else 0.0,
                "duplicates": self.duplicates, "hedged coded as done": self.hedged,
                "not_events labelled": self.not_events, "spans lost in cleaning": self.lost,
                "per type [gold, matched, system]": dict(sorted(self.per_type.items())),
                "seconds": round(self.seconds, 1)}


def _side_codes(side: dict[str, Any] | None) -> set[str]:
    if not side:
        return set()
    out = set()
    for code in str(side.get("code") or "").split("|"):
        code = code.strip().upper()
        if code:
            out.add(code[:3])
    if side.get("kb"):
        out.add(f"kb:{side['kb']}")
    return out


def _actor_codes(an: Analysis, ids: list[str]) -> set[str]:
    from .plover import actor_codes

    out: set[str] = set()
    for i in ids:
        a = an.actor(i)
        out |= actor_codes(an, a)
        if a is not None and a.kb_id:
            out.add(f"kb:{a.kb_id}")
    return out


def _side_ok(gold_side: dict[str, Any] | None, codes: set[str]) -> bool:
    want = _side_codes(gold_side)
    return not codes if not want else bool(want & codes)


def score_events(path: str | Path | None = None, corpus: str | Path | None = None,
                 config: dict[str, Any] | None = None, split: str = "check", show: int = 0) -> EventReport:
    gold = load_gold("events", path, split)
    listing = _listing_allowed(gold, show, "eval allsides events --show")
    started = time.perf_counter()
    rep = EventReport()
    for art, m in analyse(gold, corpus or _corpus(), config):
        rep.articles += 1
        an = m.analysis
        sys_events = list(an.events)
        rep.system += len(sys_events)
        for ev in sys_events:
            rep.per_type.setdefault(ev.plover or "-", [0, 0, 0])[2] += 1
        used: set[int] = set()
        for g in art["events"]:
            spans = [sp for sp in (m.span(s, d) for s, d in zip(g["evidence"], g.get("evidence_sha") or [None] * len(g["evidence"]), strict=False)) if sp]
            if not spans:
                continue
            rep.gold += 1
            rep.per_type.setdefault(g["plover"], [0, 0, 0])[0] += 1

            def at(ev: Any, spans: list[tuple[int, int]] = spans) -> bool:
                where = [(ev.predicate.start, ev.predicate.end) if ev.predicate else (ev.evidence.start, ev.evidence.end),
                         *((x.start, x.end) for x in ev.also_reported)]
                return any(_inter(w, sp) > 0 for w in where for sp in spans)

            here = [k for k, ev in enumerate(sys_events) if at(ev)]
            rep.type_any += bool(here)
            same = [k for k in here if sys_events[k].plover == g["plover"]]
            free = [k for k in same if k not in used]
            if not free:
                if listing:
                    got = "; ".join(f"{sys_events[k].plover} {sys_events[k].source}->{sys_events[k].target}" for k in here)
                    rep.errors.append(f"{art['id']}: MISSED {g['plover']} {(g.get('source') or {}).get('code')}->"
                                      f"{(g.get('target') or {}).get('code')} (system here: {got or 'nothing'}): "
                                      f"{_context(an.article.text, *spans[0], width=0)}")
                continue
            k = free[0]
            used.add(k)
            rep.matched += 1
            rep.per_type[g["plover"]][1] += 1
            rep.duplicates += len(free) - 1
            ev = sys_events[k]
            s_ok = _side_ok(g.get("source"), _actor_codes(an, ev.source))
            t_ok = _side_ok(g.get("target"), _actor_codes(an, ev.target))
            rep.source_right += s_ok
            rep.target_right += t_ok
            rep.dyad_right += s_ok and t_ok
            if listing and not (s_ok and t_ok):
                rep.errors.append(f"{art['id']}: DYAD {g['plover']} gold {(g.get('source') or {}).get('code')}->"
                                  f"{(g.get('target') or {}).get('code')}, got {sorted(_actor_codes(an, ev.source))}->"
                                  f"{sorted(_actor_codes(an, ev.target))}: {_context(an.article.text, *spans[0], width=0)}")
        if listing:
            for k, ev in enumerate(sys_events):
                if k not in used:
                    rep.errors.append(f"{art['id']}: EXTRA {ev.plover} {ev.source}->{ev.target} ({ev.rule}): "
                                      f"{_context(an.article.text, ev.evidence.start, ev.evidence.end, width=0)}")
        for ne in art.get("not_events", []):
            sp = m.span(ne["span"], ne.get("sha"))
            if sp is None:
                continue
            rep.not_events += 1
            rep.hedged += any(ev.plover == ne.get("plover") and ev.modality == "asserted" and _inter(
                (ev.predicate.start, ev.predicate.end) if ev.predicate else (ev.evidence.start, ev.evidence.end), sp) > 0
                for k, ev in enumerate(sys_events) if k not in used)
        rep.lost += m.lost
    rep.seconds = time.perf_counter() - started
    return rep


# ---- quotes ------------------------------------------------------------------------------------------

@dataclass
class QuoteReport:
    articles: int = 0
    gold: int = 0
    found: int = 0
    found_speaker: int = 0
    system: int = 0
    system_right: int = 0
    system_found: int = 0
    confident: int = 0  # system quotes (body) with confidence >= CONFIDENT
    confident_right: int = 0
    headline: int = 0
    not_quotes: int = 0
    not_quotes_taken: int = 0
    lost: int = 0
    seconds: float = 0.0
    by_kind: dict[str, list[int]] = field(default_factory=dict)  # speaker kind -> [gold, found with speaker]
    errors: list[str] = field(default_factory=list)  # tune sets only

    def to_dict(self) -> dict[str, Any]:
        return {"articles": self.articles, "gold quotes": self.gold, "system quotes (body)": self.system,
                "content found": round(self.found / self.gold, 4) if self.gold else 0.0,
                "found with right speaker": round(self.found_speaker / self.gold, 4) if self.gold else 0.0,
                "speaker right when found": round(self.found_speaker / self.found, 4) if self.found else 0.0,
                "content precision": round(self.system_found / self.system, 4) if self.system else 0.0,
                "strict precision": round(self.system_right / self.system, 4) if self.system else 0.0,
                f"strict precision, confidence >= {CONFIDENT}": round(self.confident_right / self.confident, 4)
                if self.confident else 0.0,
                f"system quotes kept at confidence >= {CONFIDENT}": self.confident,
                "headline quotes": self.headline,
                "not_quotes taken as quotes": f"{self.not_quotes_taken}/{self.not_quotes}",
                "by speaker kind [gold, found with right speaker]": dict(sorted(self.by_kind.items())),
                "spans lost in cleaning": self.lost, "seconds": round(self.seconds, 1)}


def _qspan(q: Any) -> tuple[int, int]:
    return (q.clause.start, q.clause.end) if getattr(q, "clause", None) is not None else (q.start, q.end)


def _content_overlap(q: Any, sp: tuple[int, int]) -> float:
    """How much a system quote's content overlaps a gold content span: for a partial quote, the
    better of its reported clause and its quoted words (see the module docstring)."""
    return max(overlap(_qspan(q), sp), overlap((q.start, q.end), sp))


def _last_word(text: str) -> str:
    words = re.findall(r"[A-Za-z][\w'’-]*", text)
    return words[-1].lower().removesuffix("'s").removesuffix("’s") if words else ""


def _speaker_ok(m: Mapped, q: Any, g: dict[str, Any]) -> bool:
    an = m.analysis
    sp = g["speaker"]
    actor = an.actor(q.speaker) if q.speaker else None
    if sp.get("kb") and actor is not None and actor.kb_id == sp["kb"]:
        return True
    spans = [x for x in (m.span(sp.get("span"), sp.get("sha")), m.span(sp.get("cue_span"), sp.get("cue_span_sha"))) if x]
    mentions = [(mm.start, mm.end) for mm in actor.mentions] if actor is not None else []
    if q.speaker_mention is not None:
        mentions.append((q.speaker_mention.start, q.speaker_mention.end))
    if any(_inter(a, b) > 0 for a in mentions for b in spans):
        return True
    if actor is not None and spans:
        gold_last = _last_word(an.article.text[spans[0][0]:spans[0][1]])
        return bool(gold_last) and gold_last == _last_word(actor.name) and sp.get("kind") in {"person", "organisation"}
    return False


def score_quotes(path: str | Path | None = None, corpus: str | Path | None = None,
                 config: dict[str, Any] | None = None, split: str = "check", show: int = 0) -> QuoteReport:
    gold = load_gold("quotes", path, split)
    listing = _listing_allowed(gold, show, "eval allsides quotes --show")
    started = time.perf_counter()
    rep = QuoteReport()
    for art, m in analyse(gold, corpus or _corpus(), config):
        rep.articles += 1
        an = m.analysis
        body = an.article.body_start
        quotes = [q for q in an.quotes if _qspan(q)[0] >= body]
        rep.headline += len(an.quotes) - len(quotes)
        rep.system += len(quotes)
        golds = []
        for g in art["quotes"]:
            sp = m.span(g["content"], g.get("content_sha"))
            if sp is not None:
                golds.append((g, sp))
        right_sys: set[int] = set()
        found_sys: set[int] = set()
        for g, sp in golds:
            rep.gold += 1
            kind = g["speaker"].get("kind") or "-"
            rep.by_kind.setdefault(kind, [0, 0])[0] += 1
            hits = [k for k, q in enumerate(quotes) if _content_overlap(q, sp) >= OVERLAP]
            found_sys.update(hits)
            if not hits:
                if listing:
                    rep.errors.append(f"{art['id']}: MISSED {g['kind']} ({kind}): {_context(an.article.text, *sp, width=40)}")
                continue
            rep.found += 1
            good = [k for k in hits if _speaker_ok(m, quotes[k], g)]
            right_sys.update(good)
            if listing and not good:
                q = quotes[hits[0]]
                who = an.actor(q.speaker).name if q.speaker and an.actor(q.speaker) else None
                gsp = m.span(g["speaker"].get("span"), g["speaker"].get("sha"))
                gname = an.article.text[gsp[0]:gsp[1]] if gsp else g["speaker"].get("kind")
                rep.errors.append(f"{art['id']}: SPEAKER gold {gname!r} ({kind}), got {who!r} ({q.rule}): "
                                  f"{_context(an.article.text, *sp, width=40)}")
            if good:
                rep.found_speaker += 1
                rep.by_kind[kind][1] += 1
        rep.system_right += len(right_sys)
        rep.system_found += len(found_sys)
        sure = {k for k, q in enumerate(quotes) if q.confidence >= CONFIDENT}
        rep.confident += len(sure)
        rep.confident_right += len(sure & right_sys)
        if listing:
            for k, q in enumerate(quotes):
                if k not in found_sys:
                    rep.errors.append(f"{art['id']}: EXTRA {q.kind} ({q.rule}): "
                                      f"{_context(an.article.text, *_qspan(q), width=40)}")
        for nq in art.get("not_quotes", []):
            sp = m.span(nq["span"], nq.get("sha"))
            if sp is None:
                continue
            rep.not_quotes += 1
            rep.not_quotes_taken += any(q.kind in {"direct", "partial"} and overlap((q.start, q.end), sp) >= 0.5
                                        for q in quotes)
        rep.lost += m.lost
    rep.seconds = time.perf_counter() - started
    return rep


def _corpus() -> Path:
    from .seed import shared_dir

    return shared_dir() / "data" / "dev" / "allsides" / "allsides_dev.jsonl.gz"


SCORERS = {"actors": score_actors, "events": score_events, "quotes": score_quotes}


def score(name: str, **kw: Any) -> dict[str, Any]:
    """The figures of one set (``split="tune"`` for the tune set; ``show=N`` lists N errors of a tune set)."""
    if name not in SCORERS:
        raise EvalError(f"unknown hand-labelled set {name!r}", hint=f"one of {', '.join(SCORERS)}")
    rep = SCORERS[name](**kw)
    out = rep.to_dict()
    errors = getattr(rep, "errors", [])
    if errors:
        out["errors"] = errors[: kw.get("show") or len(errors)]
    return out


__all__ = ["SETS", "score", "score_actors", "score_events", "score_quotes"]
