"""Score an article against a gold annotation in the seed format (../shared/seed/gold.json).

The matching rules are those of ../shared/seed/README.md, applied strictly:

- people / organizations / blocs: EVERY occurrence of each ``must_resolve`` phrase (case-sensitive,
  whole words; a pronoun entry like "he added" means the pronoun right before "added") must lie in a
  mention of the right actor: people by surname (and country and title checked once per person),
  organisations by id or code, blocs as a bloc/group actor (never a person, organisation or place).
- countries: a country actor with that ISO3 code. not_actors: no person/organisation mention on them.
- memberships: a relation in the output, or else the knowledge base, for the article's date.
- quotes: a quote containing the phrase with the named speaker (an organisation also matches a
  group whose members are its member states); not_quotes: never attributed to a speaker.
- events: source in ``source``, target in ``target``, PLOVER in ``plover`` or CAMEO root in
  ``cameo_root``, the date where given, AND the evidence span overlapping the gold evidence phrase
  (stricter than the README, so that a different event cannot stand in for the gold one).
- forbidden_events: no event between the pairs (either direction) with those PLOVER types.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from ..errors import EvalError
from ..model import Actor, Analysis

PRONOUNS = {"he", "she", "they", "him", "her", "them", "it", "his", "its", "their", "He", "She", "They", "It"}


def shared_dir() -> Path:
    """../shared beside the project checkout (or NEWSGRAPH_SHARED)."""
    import os

    env = os.environ.get("NEWSGRAPH_SHARED")
    if env:
        return Path(env)
    here = Path(__file__).resolve()
    for parent in here.parents:
        cand = parent.parent / "shared"
        if (parent / "pyproject.toml").exists() and cand.is_dir():
            return cand
    return Path.cwd().parent / "shared"


def find_all(text: str, phrase: str, first_only: bool = False) -> list[tuple[int, int]]:
    """Whole-word, case-sensitive occurrences; "he added" -> the span of "he" before "added"."""
    words = phrase.split()
    if len(words) >= 2 and words[0] in PRONOUNS:
        rest = r"\s+".join(re.escape(w) for w in words[1:])
        pat = re.compile(rf"(?<![\w]){re.escape(words[0])}\s+{rest}(?![\w])")
        found = [(m.start(), m.start() + len(words[0])) for m in pat.finditer(text)]
    else:
        pat = re.compile(rf"(?<![\w]){re.escape(phrase)}(?![\w])")
        found = [(m.start(), m.end()) for m in pat.finditer(text)]
    return found[:1] if first_only else found


def _actors_over(analysis: Analysis, start: int, end: int) -> list[Actor]:
    return [a for a in analysis.actors if any(m.start < end and start < m.end for m in a.mentions)]


def _surname(name: str) -> str:
    import unicodedata

    last = unicodedata.normalize("NFKD", name.split()[-1].lower())
    return "".join(c for c in last if not unicodedata.combining(c))


def actor_codes(analysis: Analysis, actor: Actor) -> set[str]:
    """Every code an actor answers to in event matching: id, code, country, a group's members."""
    codes = {actor.id.upper()}
    if actor.code:
        codes.add(actor.code.upper())
        if actor.code.upper().startswith("IGO"):
            codes.add(actor.code.upper()[3:])
    if actor.country and actor.kind in {"person", "country", "group"}:
        codes.add(actor.country.upper())
    if actor.kind == "person":  # a person acts for the states and organisations they hold office in
        codes |= {r.of.upper() for r in actor.roles if r.of}
    if actor.kind == "group" and actor.id.upper().endswith("-MEMBERS"):  # "NATO leaders" act as NATO
        codes.add(actor.id.upper().removesuffix("-MEMBERS"))
    for mid in actor.members:
        member = analysis.actor(mid)
        codes |= actor_codes(analysis, member) if member else {mid.upper()}
    return codes


def _is_org(analysis: Analysis, actor: Actor, org: str) -> bool:
    """The organisation itself, or the group of its member states acting together ("the 31 allies")."""
    org = org.upper()
    return org in {actor.id.upper(), (actor.code or "").upper(), (actor.code or "").upper().removeprefix("IGO")} \
        or (actor.kind == "group" and actor.id.upper() == f"{org}-MEMBERS")


def _speaker_matches(analysis: Analysis, speaker_id: str | None, gold: str | list[str], kb_members: set[str]) -> bool:
    if not speaker_id:
        return False
    if isinstance(gold, list):
        return any(_speaker_matches(analysis, speaker_id, g, kb_members) for g in gold)
    actor = analysis.actor(speaker_id)
    if actor is None:
        return False
    if gold.isupper() and len(gold) == 3 and actor.country == gold and actor.kind in {"country", "group", "person"}:
        return True  # a state speaking through its government, officials or leader
    if gold.isupper():  # an organisation: itself, or its member states' leaders acting together
        if _is_org(analysis, actor, gold):
            return True
        if actor.kind == "group" and actor.members:
            codes = set().union(*(actor_codes(analysis, analysis.actor(m)) if analysis.actor(m) else {m}
                                  for m in actor.members))
            return bool(codes & ({gold} | kb_members))
        return False
    return actor.kind == "person" and _surname(actor.name) == _surname(gold)


def evaluate(analysis: Analysis, gold: dict[str, Any], kb: Any = None, *, first_only: bool = False
             ) -> dict[str, Any]:
    """Score one analysis against a gold annotation. Returns {section: {matched, total, misses}}.

    ``first_only`` checks only the first occurrence of each phrase (the demo gold's rule).
    """
    text = analysis.article.text
    on = analysis.article.published
    sections: dict[str, dict[str, Any]] = {}

    def section(name: str) -> dict[str, Any]:
        return sections.setdefault(name, {"matched": 0, "total": 0, "misses": []})

    def tally(name: str, ok: bool, miss: str) -> None:
        s = section(name)
        s["total"] += 1
        s["matched"] += ok
        if not ok:
            s["misses"].append(miss)

    # ---- people
    for person in gold.get("people", []):
        matched_actor: Actor | None = None
        for phrase in person["must_resolve"]:
            spots = find_all(text, phrase, first_only)
            if not spots:
                tally("people", False, f"{person['name']}: phrase '{phrase}' not in the text")
                continue
            for s, e in spots:
                hits = [a for a in _actors_over(analysis, s, e)
                        if a.kind == "person" and _surname(a.name) == _surname(person["name"])]
                if hits:
                    matched_actor = matched_actor or hits[0]
                got = ", ".join(f"{a.name} ({a.kind})" for a in _actors_over(analysis, s, e)) or "nothing"
                tally("people", bool(hits), f"{person['name']}: '{phrase}' at {s} -> {got}")
        if matched_actor is not None:
            if person.get("country"):
                tally("people", matched_actor.country == person["country"],
                      f"{person['name']}: country {matched_actor.country} != {person['country']}")
            if person.get("title"):
                titles = {r.title.lower() for r in matched_actor.roles}
                ok = any(person["title"].lower() in t for t in titles)
                tally("people", ok, f"{person['name']}: title '{person['title']}' not among roles {sorted(titles)}")

    # ---- organisations
    for org in gold.get("organizations", []):
        for phrase in org["must_resolve"]:
            spots = find_all(text, phrase, first_only)
            if not spots:
                tally("organizations", False, f"{org['code']}: phrase '{phrase}' not in the text")
            for s, e in spots:
                hits = [a for a in _actors_over(analysis, s, e) if _is_org(analysis, a, org["code"])]
                got = ", ".join(a.id for a in _actors_over(analysis, s, e)) or "nothing"
                tally("organizations", bool(hits), f"{org['code']}: '{phrase}' at {s} -> {got}")

    # ---- blocs
    place_spans = [(m.start, m.end) for p in analysis.places for m in p.mentions]
    for bloc in gold.get("blocs", []):
        for phrase in bloc["must_resolve"]:
            for s, e in find_all(text, phrase, first_only):
                over = _actors_over(analysis, s, e)
                ok = any(a.kind in {"bloc", "group"} for a in over) and not any(
                    a.kind in {"person", "organization"} for a in over) and not any(
                    ps < e and s < pe for ps, pe in place_spans)
                got = ", ".join(f"{a.id} ({a.kind})" for a in over) or "nothing"
                tally("blocs", ok, f"{bloc['name']}: '{phrase}' at {s} -> {got}")

    # ---- countries
    for code in gold.get("countries", []):
        ok = any(a.kind == "country" and (a.id == code or a.country == code) for a in analysis.actors)
        tally("countries", ok, f"no country actor {code}")

    # ---- not actors
    for phrase in gold.get("not_actors", []):
        for s, e in find_all(text, phrase):
            bad = [a for a in _actors_over(analysis, s, e) if a.kind in {"person", "organization"}]
            tally("not_actors", not bad, f"'{phrase}' at {s} output as {', '.join(a.id for a in bad)}")
        if not find_all(text, phrase):
            tally("not_actors", True, "")

    # ---- memberships
    for ms in gold.get("memberships", []):
        want = ms.get("status", "member")
        rel_type = "joining" if want == "joining" else "member_of"
        ok = any(r.type == rel_type and r.subject == ms["member"] and r.object == ms["organization"]
                 for r in analysis.relations)
        how = "relations"
        if not ok and kb is not None and on:
            ok = any(m.member == ms["member"] and m.status == want for m in kb.members(ms["organization"], on))
            how = "relations or KB"
        tally("memberships", ok, f"{ms['member']} {want} {ms['organization']} on {on}: not in {how}")

    # ---- quotes
    csto_like = {}
    for q in gold.get("quotes", []):
        gold_speaker = q["speaker"]
        members: set[str] = set()
        ent = kb.entity(gold_speaker) if isinstance(gold_speaker, str) and kb is not None else None
        if ent is not None and ent.kind == "organization" and on:
            if gold_speaker not in csto_like:
                csto_like[gold_speaker] = {m.member for m in kb.members(gold_speaker, on) if m.status == "member"}
            members = csto_like[gold_speaker]
        cands = [x for x in analysis.quotes if q["contains"] in x.text]
        ok = any(_speaker_matches(analysis, x.speaker, gold_speaker, members) for x in cands)
        if not cands:
            miss = f"{q.get('id', 'Q')}: no quote contains '{q['contains']}'"
        else:
            got = "; ".join(f"{(analysis.actor(x.speaker).name if x.speaker and analysis.actor(x.speaker) else None)}"
                            f" ({x.kind})" for x in cands)
            miss = f"{q.get('id', 'Q')}: '{q['contains'][:40]}' speaker {got}, gold {gold_speaker}"
        tally("quotes", ok, miss)
    for nq in gold.get("not_quotes", []):
        bad = [x for x in analysis.quotes if nq["contains"] in x.text and x.speaker]
        tally("not_quotes", not bad, f"'{nq['contains']}' attributed to {', '.join(x.speaker or '' for x in bad)}")

    # ---- events
    for ge in gold.get("events", []):
        spots = find_all(text, ge["evidence"]) or [(text.find(ge["evidence"]), text.find(ge["evidence"]) + len(ge["evidence"]))]
        best_reason = "no event overlaps the evidence"
        ok = False
        for ev in analysis.events:
            if not any(x.start < e and s < x.end for x in (ev.evidence, *ev.also_reported) for s, e in spots if s >= 0):
                continue
            src_codes = set().union(*(actor_codes(analysis, a) for a in map(analysis.actor, ev.source) if a)) \
                if ev.source else set()
            tgt_codes = set().union(*(actor_codes(analysis, a) for a in map(analysis.actor, ev.target) if a)) \
                if ev.target else set()
            gold_src = {x for x in ge["source"] if x}
            src_ok = bool(src_codes & gold_src) or (not ev.source and None in ge["source"])
            tgt_ok = bool(tgt_codes & set(ge["target"]))
            type_ok = ev.plover in ge.get("plover", []) or (ev.cameo or "")[:2] in ge.get("cameo_root", [])
            date_ok = "date" not in ge or (ev.date or "").startswith(ge["date"])
            mode_ok = "mode" not in ge or ev.mode == ge["mode"]
            if src_ok and tgt_ok and type_ok and date_ok and mode_ok:
                ok = True
                break
            best_reason = (f"{ev.plover}/{ev.cameo} {sorted(src_codes)}->{sorted(tgt_codes)} date {ev.date} "
                           f"mode {ev.mode} (src {src_ok}, tgt {tgt_ok}, type {type_ok}, date {date_ok}, mode {mode_ok})")
        tally("events", ok, f"{ge.get('id') or ge['evidence'][:40]}: {best_reason}")
    for fe in gold.get("forbidden_events", []):
        bad = []
        for ev in analysis.events:
            if ev.plover not in fe["plover"]:
                continue
            srcs = set().union(*(actor_codes(analysis, a) for a in map(analysis.actor, ev.source) if a)) if ev.source else set()
            tgts = set().union(*(actor_codes(analysis, a) for a in map(analysis.actor, ev.target) if a)) if ev.target else set()
            for x, y in fe["between"]:
                if (x in srcs and y in tgts) or (y in srcs and x in tgts):
                    bad.append(f"{ev.plover} {x}-{y}: '{ev.evidence.text[:60]}'")
        tally("forbidden_events", not bad, "; ".join(bad))
    return sections


def evaluate_seed(gold_path: str | Path | None = None, article_path: str | Path | None = None,
                  config: dict[str, Any] | None = None) -> dict[str, Any]:
    """Read the seed article with its publication date and score it against the gold."""
    import newsgraph

    gold_file = Path(gold_path) if gold_path else shared_dir() / "seed" / "gold.json"
    if not gold_file.is_file():
        raise EvalError(f"no gold file at {gold_file}", hint="pass --gold PATH (../shared/seed/gold.json)")
    try:
        gold = json.loads(gold_file.read_text("utf-8"))
    except json.JSONDecodeError as exc:
        raise EvalError(f"the gold file {gold_file} is not JSON: {exc}") from exc
    art_file = Path(article_path) if article_path else gold_file.parent / gold.get("article", "csto_summit.txt")
    if not art_file.is_file():
        raise EvalError(f"no article at {art_file}", hint="pass --article PATH")
    analysis = newsgraph.read(art_file.read_text("utf-8"), published=gold.get("published"), config=config)
    kb = None
    try:
        from ..kb import get_kb

        kb = get_kb()
    except ImportError:
        kb = None
    sections = evaluate(analysis, gold, kb)
    extra = []
    if gold.get("dateline") and analysis.article.dateline != gold["dateline"]:
        extra.append(f"dateline {analysis.article.dateline!r} != {gold['dateline']!r}")
    if gold.get("title") and analysis.article.title != gold["title"]:
        extra.append(f"title {analysis.article.title!r} != {gold['title']!r}")
    leftover = [b for b in gold.get("boilerplate", []) if b in analysis.article.text]
    if leftover:
        extra.append(f"boilerplate left in the text: {leftover}")
    sections["article"] = {"matched": 3 - len(extra), "total": 3, "misses": extra}
    total = sum(s["total"] for s in sections.values())
    matched = sum(s["matched"] for s in sections.values())
    return {"article": str(art_file), "gold": str(gold_file), "sections": sections,
            "matched": matched, "total": total}


def format_report(report: dict[str, Any]) -> str:
    lines = [f"seed evaluation: {report['article']}"]
    for name, s in report["sections"].items():
        pct = 100.0 * s["matched"] / s["total"] if s["total"] else 100.0
        lines.append(f"  {name:<17} {s['matched']:>3}/{s['total']:<3} {pct:5.1f}%")
        for m in s["misses"]:
            lines.append(f"      miss: {m}")
    pct = 100.0 * report["matched"] / report["total"] if report["total"] else 100.0
    lines.append(f"  {'TOTAL':<17} {report['matched']:>3}/{report['total']:<3} {pct:5.1f}%")
    return "\n".join(lines)


__all__ = ["actor_codes", "evaluate", "evaluate_seed", "find_all", "format_report", "shared_dir"]
