"""The ``relations`` step: membership, leadership and alliance facts, stated in the text or known.

Two sources, marked in each relation's ``source``:

- ``text``: stated in the article, found in the dependency parse, with the evidence span:
  joining ("Finland joined NATO" -> member_of; "Sweden's bid to join NATO", "pulling Moldova
  into its orbit" -> joining), membership ("Armenia, a member of the CSTO", "CSTO members
  Kazakhstan and Kyrgyzstan"), leadership (a title before a name: "Russian President Vladimir
  Putin" -> leader_of RUS), alliance ("Belarus, Russia's closest ally" -> ally_of).
- ``kb``: what the knowledge base knows for the article's date about the actors the article
  names: memberships (member_of / joining) of the states in the organisations mentioned, and the
  offices held by the people mentioned (leader_of / official_of).
"""

from __future__ import annotations

from typing import Any

from .errors import NewsgraphError
from .model import Actor, Analysis, Relation, Span
from .pipeline import Context, component

LEADER_TITLES = ("president", "prime minister", "premier", "chancellor", "king", "queen", "emir", "sultan",
                 "supreme leader", "secretary general", "secretary-general", "general secretary", "leader",
                 "head of state", "head of government", "chairman", "crown prince", "monarch")
JOIN_VERBS = {"join", "enter"}
BID_NOUNS = {"bid", "application", "request", "attempt", "push", "drive", "quest", "plan", "ambition"}
INTENT_VERBS = {"apply", "seek", "want", "aim", "try", "hope", "plan", "ask", "move", "prepare", "decide",
                "bid", "push", "wish", "intend"}


def _actor_at_token(analysis: Analysis, tok: Any) -> Actor | None:
    return analysis.actor_at(tok.idx, tok.idx + len(tok))


def _actors_in(analysis: Analysis, toks: list[Any], kinds: set[str]) -> list[Actor]:
    out: list[Actor] = []
    for t in toks:
        a = _actor_at_token(analysis, t)
        if a is not None and a.kind in kinds and a not in out:
            out.append(a)
    return out


def _conjuncts(tok: Any) -> list[Any]:
    out = [tok]
    for c in tok.children:
        if c.dep_ == "conj":
            out.extend(_conjuncts(c))
    return out


def _sentence_span(analysis: Analysis, tok: Any) -> Span:
    s = tok.sent
    return Span.of(analysis.article.text, s.start_char, s.end_char)


def _states(analysis: Analysis, heads: list[Any]) -> list[Actor]:
    toks = [t for h in heads for c in _conjuncts(h) for t in (c, *c.subtree)]
    return _actors_in(analysis, toks, {"country"})


def _org_of(analysis: Analysis, tok: Any) -> Actor | None:
    for t in tok.subtree:
        a = _actor_at_token(analysis, t)
        if a is not None and a.kind == "organization":
            return a
    return None


def text_relations(analysis: Analysis) -> list[Relation]:
    """Relations stated in the article (source ``text``), with evidence."""
    doc = analysis.doc
    out: list[Relation] = []

    def add(kind: str, subj: Actor, obj: Actor, tok: Any) -> None:
        if subj.id == obj.id:
            return
        rel = Relation(type=kind, subject=subj.id, object=obj.id, source="text", evidence=_sentence_span(analysis, tok))
        if all((r.type, r.subject, r.object) != (rel.type, rel.subject, rel.object) for r in out):
            out.append(rel)

    for tok in doc:
        # X joined Y / X will join Y / X applied to join Y / X's bid to join Y
        if tok.lemma_ in JOIN_VERBS and tok.pos_ == "VERB":
            objs = [c for c in tok.children if c.dep_ in {"dobj", "pobj"}]
            org = next((_org_of(analysis, o) for o in objs if _org_of(analysis, o)), None)
            if org is None:
                continue
            subj = [c for c in tok.children if c.dep_ in {"nsubj", "nsubjpass"}]
            governor = tok.head if tok.dep_ in {"xcomp", "acl", "advcl", "ccomp"} else None
            if not subj and governor is not None:  # "X applied to join Y", "X's bid to join Y"
                subj = [c for c in governor.children if c.dep_ in {"nsubj", "nsubjpass", "poss"}]
            states = _states(analysis, subj)
            tentative = any(c.dep_ == "aux" and c.lower_ in {"will", "would", "could", "may", "might", "shall"}
                            for c in tok.children) or (governor is not None and (
                                governor.lemma_ in INTENT_VERBS or governor.lemma_ in BID_NOUNS))
            negated = any(c.dep_ == "neg" for c in tok.children)
            if negated:
                continue
            for s in states:
                add("joining" if tentative else "member_of", s, org, tok)
        # drawing X into Y / X being drawn into Y
        if tok.lemma_ in {"draw", "pull", "bring", "drag", "admit", "accept", "invite"} and tok.pos_ == "VERB":
            into = [c for c in tok.children if c.dep_ == "prep" and c.lower_ in {"into", "to"}]
            org = None
            for p in into:
                for o in p.children:
                    org = _org_of(analysis, o) or org
                    if org is None:  # "into its orbit": its = the subject of the governing clause
                        poss = [t for t in o.subtree if t.dep_ == "poss"]
                        for pp in poss:
                            a = _actor_at_token(analysis, pp)
                            org = a if a is not None and a.kind == "organization" else org
                        if org is None:
                            head = tok.head
                            for _ in range(3):
                                cand = [c for c in head.children if c.dep_ in {"nsubj", "nsubjpass"}]
                                if cand:
                                    a = _actor_at_token(analysis, cand[0])
                                    org = a if a is not None and a.kind == "organization" else org
                                    break
                                head = head.head
            if org is None:
                continue
            objs = [c for c in tok.children if c.dep_ in {"dobj", "nsubjpass"}]
            if tok.dep_ == "acl" and not objs:
                objs = [tok.head]
            for s in _states(analysis, objs):
                add("joining", s, org, tok)
        # X's accession to / membership of Y
        if tok.lemma_ in {"accession", "membership"} and tok.pos_ == "NOUN":
            poss = [c for c in tok.children if c.dep_ in {"poss"}]
            preps = [c for c in tok.children if c.dep_ == "prep" and c.lower_ in {"to", "in", "of", "into"}]
            org = next((_org_of(analysis, o) for p in preps for o in p.children if _org_of(analysis, o)), None)
            if org is None:
                continue
            for s in _states(analysis, poss):
                add("member_of" if tok.lemma_ == "membership" else "joining", s, org, tok)
        # X, a member of Y
        if tok.lower_ in {"member", "members"} and tok.dep_ == "appos":
            org = next((_org_of(analysis, o) for p in tok.children if p.dep_ == "prep" for o in p.children
                        if _org_of(analysis, o)), None)
            if org is not None:
                for s in _states(analysis, [tok.head]):
                    add("member_of", s, org, tok)
        # CSTO members Kazakhstan and Kyrgyzstan / fellow NATO member Turkey
        if tok.lower_ in {"member", "members", "ally", "allies"} and tok.pos_ == "NOUN":
            org = next((a for c in tok.children if c.dep_ in {"compound", "nmod"}
                        for a in [_actor_at_token(analysis, c)] if a is not None and a.kind == "organization"), None)
            names = [c for c in tok.children if c.dep_ == "appos"]
            if tok.head.pos_ == "PROPN" and tok.dep_ == "compound":
                names.append(tok.head)
            if org is not None:
                for s in _states(analysis, names):
                    add("member_of", s, org, tok)
        # Belarus, Russia's closest ally
        if tok.lemma_ == "ally" and tok.pos_ == "NOUN":
            owner = [c for c in tok.children if c.dep_ == "poss"]
            owner_states = _states(analysis, owner)
            allies = _states(analysis, [tok.head]) if tok.dep_ == "appos" else []
            for a in allies:
                for o in owner_states:
                    add("ally_of", a, o, tok)
    return out


def role_relations(analysis: Analysis) -> list[Relation]:
    """Leadership: text titles (source text, with the titled mention) and KB offices on the date."""
    out: list[Relation] = []
    for actor in analysis.actors:
        if actor.kind != "person":
            continue
        titled = next((m for m in actor.mentions if "title" in m.rule), None)
        for role in actor.roles:
            if not role.of:
                continue
            kind = "leader_of" if role.title.lower().startswith(LEADER_TITLES) else "official_of"
            if role.start is None and titled is not None:
                out.append(Relation(kind, actor.id, role.of, "text", titled.span))
            else:
                out.append(Relation(kind, actor.id, role.of, "kb", None, role.start, role.end))
    return out


def kb_memberships(analysis: Analysis, kb: Any) -> list[Relation]:
    """Memberships on the article's date between the states and organisations the article names."""
    on = analysis.article.published
    if kb is None or not on:
        return []
    states = {a.id for a in analysis.actors if a.kind == "country"}
    states |= {a.country for a in analysis.actors if a.kind in {"person", "group"} and a.country}
    out: list[Relation] = []
    for org in analysis.actors:
        if org.kind != "organization" or not org.kb_id:
            continue
        try:
            members = kb.members(org.kb_id, on)
        except NewsgraphError:  # an organisation or date the KB does not know
            continue
        for m in members:
            if m.member in states:
                kind = {"member": "member_of", "joining": "joining"}.get(m.status, m.status)
                out.append(Relation(kind, m.member, org.id, "kb", None, _iso(m.start), _iso(m.end)))
    return out


def _iso(v: Any) -> str | None:
    return None if v in (None, "") else (v.isoformat() if hasattr(v, "isoformat") else str(v))


@component("relations.text")
def relations_component(analysis: Analysis, ctx: Context) -> Analysis:
    """Text relations first; a fact the text states is not repeated from the KB, and each
    (type, subject, object) appears once per source."""
    kb = None
    try:
        kb = ctx.kb
    except ImportError:
        kb = None
    rels: list[Relation] = []
    stated: set[tuple[str, str, str]] = set()
    seen: set[tuple[str, str, str, str]] = set()
    for r in text_relations(analysis) + role_relations(analysis) + kb_memberships(analysis, kb):
        key = (r.type, r.subject, r.object)
        if (*key, r.source) in seen or (r.source == "kb" and key in stated):
            continue
        seen.add((*key, r.source))
        if r.source == "text":
            stated.add(key)
        rels.append(r)
    analysis.relations = rels
    return analysis


__all__ = ["kb_memberships", "role_relations", "text_relations"]
