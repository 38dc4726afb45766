"""The ``quotes.rules`` component: direct, partial and indirect quotes tied to canonical speakers.

The quote finder is a chain of named stages, each its own module with its own tests, run in the
order :data:`STAGES` lists:

======================  =====================================================================
stage                   module and job
======================  =====================================================================
marks                   :mod:`.marks`: the quoted stretches (one linear scan of the marks)
cues                    :mod:`.cues`: communication predicates: frames of quotations, reporting
                        verbs and nouns, ``according to``, ``NAME:`` leads
content                 :mod:`.content`: what each cue reports (span and kind)
speaker                 :mod:`.speaker`: the sayer's mention, from the cue's syntax
chains                  :mod:`.chains`: split, multi-paragraph and floating quotations take the
                        most recent cue of their chain; unattributed fragments are terms
posts                   :mod:`.posts`: embedded social-media posts (``words — Name (@handle)
                        date``) and quotations signed on the line under them (``Name,
                        Outlet``) are direct quotes of their author
sources                 :mod:`.sources`: the speaker's actor (through the actors component)
confidence              :mod:`.confidence`: each quote's confidence
======================  =====================================================================

A partial quote is the speaker's quoted words (one Quote per quoted fragment), with the reported
clause around them in ``Quote.clause``: ``called the NATO plan “deeply flawed”`` gives the
quote ``deeply flawed`` and the clause.

Output: ``analysis.quotes`` (ids ``q1, q2, ...`` in text order) and, for the events component,
``analysis.scratch["quotes"]``: ``{quote id: {"cue_lemma", "cue_token", "speaker_token",
"content_tokens", "fragments", "negated", "rule"}}``; ``analysis.scratch["terms"]``: spans of
quoted terms and scare quotes that are nobody's speech.
"""

from __future__ import annotations

import re
from typing import Any

from ..model import Analysis, Quote, Span
from ..pipeline import Context, component
from . import chains, confidence, content, cues, posts, sources
from . import speaker as spk
from .parsed import Attribution, Found, Parsed, Speaker

#: the stages in the order they run (see the module docstring)
STAGES = ("marks", "cues", "content", "speaker", "chains", "posts", "sources", "confidence")


def find_attributions(text: str, doc: Any, *, object_contents: bool = True, unquoted_objects: bool = False) -> Found:
    """All attributions in an article, in text order: stages marks to chains (no actors needed).

    ``object_contents``: also report noun-phrase contents of verbs of saying, rule ``object``: those
    with the speaker's quoted words (``called the plan “a disaster”``), and with ``unquoted_objects``
    the others too (``denied the allegations``)."""
    art = Parsed(text, doc, object_contents=object_contents, unquoted_objects=unquoted_objects)  # marks
    frames = cues.frames(art)  # cues
    framed = cues.direct_frames(art, frames)
    direct = {k: content.direct(art, k, art.quotes[k], d) for k, d in framed.items()}  # content
    chains.split_quotes(art, frames, direct)
    used = {a.cue_token for a in direct.values() if a.cue_token is not None}
    how: dict[int, str] = {}
    clauses: list[Attribution] = []
    for cue in cues.clause_cues(art, used):
        found = content.of_cue(art, cue)
        if found is not None:
            clauses.append(found[0])
            how[id(found[0])] = found[1]
    clauses += [content.colon_lead(art, lead) for lead in cues.colon_leads(art)]
    spk.assign(art, clauses, how)  # speaker
    clauses = [c for c in clauses if not spk.no_sayer(art, c)]
    attrs = chains.combine(list(direct.values()), clauses)  # chains
    attrs = chains.combine(attrs, chains.bullets(art, attrs) + chains.run_in_blocks(art))
    terms = chains.link(art, frames, attrs, set(direct))
    attrs = posts.signed(art, posts.merge_posts(attrs, posts.posts(art)))  # posts
    confidence.assign(attrs)
    return Found(attrs, sorted(terms + art.named_terms), art.quotes, dict(art.dropped))


def _content_tokens(doc: Any, a: Attribution) -> tuple[int, int]:
    span = doc.char_span(a.start, a.end, alignment_mode="expand")
    return (span.start, span.end) if span is not None else (0, 0)


_MARKS = "\"'“”‘’«»„‚‹›"


def _inner(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The words of a quoted fragment without its quote marks and surrounding spaces."""
    while start < end and (text[start] in _MARKS or text[start].isspace()):
        start += 1
    while end > start and (text[end - 1] in _MARKS or text[end - 1].isspace()):
        end -= 1
    return (start, end) if end > start else None


_AND_THAT = re.compile(r"[,;]?\s+(?:and|but)\s+that\s+")


def _pieces(text: str, a: Attribution) -> list[tuple[int, int, str, Span | None]]:
    """The quotes one attribution yields: (start, end, kind, clause).

    A partial quote is the speaker's quoted words, one per quoted fragment, with the reported
    clause around them as ``clause``. A report of several coordinated clauses ("said that X and
    that “Y”") is split: a clause with quoted words gives partial quotes, one without gives an
    indirect quote.
    """
    if a.kind != "partial" or not a.fragments:
        return [(a.start, a.end, a.kind, None)]
    bounds = [a.start]
    ends = []
    for m in _AND_THAT.finditer(text, a.start, a.end):
        ends.append(m.start())
        bounds.append(m.end())
    ends.append(a.end)
    out: list[tuple[int, int, str, Span | None]] = []
    for cs, ce in zip(bounds, ends, strict=True):
        clause = Span.of(text, cs, ce)
        frags = [_inner(text, s, e) for s, e in a.fragments if cs <= s < ce]
        frags = [f for f in frags if f is not None]
        if frags:
            out += [(s, e, "partial", clause) for s, e in frags]
        elif ce > cs:
            out.append((cs, ce, "indirect", None))
    return out or [(a.start, a.end, a.kind, None)]


_WORD = re.compile(r"\w+")


def _words(text: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(text)]


def headline_repeats(text: str, body_start: int, pieces: list[tuple[int, int]], share: float = 0.8) -> set[int]:
    """Indexes of the headline ``pieces`` (start, end) whose words the body quotes again: at least
    ``share`` of the headline quote's words (three or more) inside one quote of the body. A
    headline restates the story's key quote, often shortened; counted twice it would double the
    speaker's quotes, so the body's fuller quote is the one kept."""
    body = [set(_words(text[s:e])) for s, e in pieces if s >= body_start]
    out = set()
    for k, (s, e) in enumerate(pieces):
        if s >= body_start:
            continue
        words = _words(text[s:e])
        if len(words) >= 3 and any(sum(w in b for w in words) >= share * len(words) for b in body):
            out.add(k)
    return out


def _inner_report(cue: Span | None, rule: str, outer: Quote) -> bool:
    """Is a report by ``cue`` inside the words ``outer`` reports, and a report of speech (not a
    document's verb)?"""
    if cue is None or rule.startswith("document"):
        return False
    words = outer.clause or outer
    return words.start <= cue.start and cue.end <= words.end


def _account_of_conduct(doc: Any, inner: Any, kind: str, outer: Quote) -> bool:
    """Is ``inner`` (a report inside ``outer``'s words) a gerund or infinitive of saying ("by
    *demanding* that ...", "aiming *to claim* ...") carrying only a few quoted words, both partial?"""
    if kind != "partial" or outer.kind != "partial" or inner.cue_token is None:
        return False
    return doc[inner.cue_token].tag_ in {"VBG", "VB"}


def _witness_reports(doc: Any, attrs: list[Attribution], resolved: dict[int, Any]) -> list[Attribution]:
    """Reports by a person of what another person said in marks ("Hale said Ortiz called the audit
    “a fog”", "she said that he again stressed “...”"): the quoted words are the other person's,
    reported by the inner cue; the witness's own report is the whole clause, indirect. Not a
    channel relaying the words (a medium's or a document's verb: "..., the paper reports"), and not
    a witness's account of conduct with a few words in marks (:func:`_account_of_conduct`)."""
    out = []
    for a in attrs:
        r = resolved.get(id(a))
        if a.kind != "partial" or not a.fragments or a.cue_token is None or r is None or r.actor is None \
                or r.actor.kind != "person" or a.rule.startswith(("document", "according")):
            continue
        inner = [b for b in attrs if b is not a and b.cue is not None and b.kind == "partial"
                 and a.start <= b.cue[0] and b.cue[1] <= a.end and not b.rule.startswith("document")
                 and b.cue_token is not None and doc[b.cue_token].tag_ not in {"VBG", "VB"}
                 and (rb := resolved.get(id(b))) is not None and rb.actor is not None and rb.actor is not r.actor]
        if inner and all(any(f in b.fragments for b in inner) for f in a.fragments):
            out.append(a)
    return out


def build_quotes(analysis: Analysis, found: Found) -> list[Quote]:
    """Turn attributions into :class:`Quote` objects with canonical speakers (stage sources); fill
    the scratch. A headline quote the body repeats is left out (:func:`headline_repeats`), and the
    same words reported by two cues are one quote."""
    text, doc = analysis.article.text, analysis.doc
    resolved = sources.resolve(analysis, found)
    quotes: list[Quote] = []
    scratch: dict[str, dict[str, Any]] = {}
    by_attr: dict[int, Quote | None] = {}
    by_span: dict[tuple[int, int], Quote] = {}
    pieces = {id(a): _pieces(text, a) for a in found.attributions}
    for a in _witness_reports(doc, found.attributions, resolved):
        pieces[id(a)] = [(a.start, a.end, "indirect", None)]
    flat = [(id(a), k) for a in found.attributions for k in range(len(pieces[id(a)]))]
    repeats = {flat[j] for j in headline_repeats(text, analysis.article.body_start,
                                                   [pieces[i][k][:2] for i, k in flat])}
    for a in found.attributions:
        speaker_id, mention, rule = None, None, a.rule
        kind_of_source, description = None, None
        if a.inherits is not None and by_attr.get(id(a.inherits)) is not None:
            src = by_attr[id(a.inherits)]
            speaker_id, mention = src.speaker, src.speaker_mention
            kind_of_source, description = src.speaker_kind, src.speaker_description
        elif a.speaker is not None and id(a) in resolved:
            # (an attribution that inherits its source from one that made no quote, a headline
            # repeat, keeps no source of its own: it is left without a speaker, not a crash)
            r = resolved[id(a)]
            mention, kind_of_source, description = r.mention, r.kind, r.description
            if r.actor is not None:
                speaker_id = r.actor.id
            if r.how:
                rule = f"{rule}{r.how}"
            if a.speaker.rule not in ("subject", ""):
                rule = f"{rule}:{a.speaker.rule}"
        cue = Span.of(text, *a.cue) if a.cue else None
        first: Quote | None = None
        for k, (s, e, kind, clause) in enumerate(pieces[id(a)]):
            if (id(a), k) in repeats:
                continue
            lead = analysis.article.lead_start
            if s < lead < e:  # "DOHA, Jan 15 (Reuters) - Israel and Hamas have agreed ...": not the dateline
                s = lead
            conf = confidence.of(rule, kind, mention.text if mention is not None else None, kind_of_source)
            same = by_span.get((s, e))
            if same is not None:
                # two cues reporting the same words ("criticized X, saying “...”"; "X said that ...,
                # the agency reports"): one quote, whose sayer is the inner report's (the outer one
                # is the channel) unless the inner "report" is a document's verb ("the decision
                # meant “...”" inside "X wrote that ..."), else the one a cue found at all. A few
                # words in marks amid an inner report that is no finite statement of its own ("X
                # said Y were aiming to ... by demanding that a “...” be resolved") are the outer
                # sayer's: that report is the outer sayer's account of Y's conduct, not Y's words
                if speaker_id is not None and (same.speaker is None or (
                        _inner_report(cue, rule, same) and not _account_of_conduct(doc, a, kind, same))):
                    same.speaker, same.speaker_mention, same.speaker_kind = speaker_id, mention, kind_of_source
                    same.speaker_description, same.cue, same.rule = description, cue, rule
                    same.confidence = conf
                first = first or same
                continue
            q = Quote(id=f"q{len(quotes) + 1}", text=text[s:e], start=s, end=e, kind=kind,
                      speaker=speaker_id, speaker_mention=mention, cue=cue, rule=rule,
                      confidence=conf, clause=clause, speaker_kind=kind_of_source,
                      speaker_description=description, in_headline=s < analysis.article.body_start)
            quotes.append(q)
            by_span[(s, e)] = q
            scratch[q.id] = {
                "cue_lemma": a.cue_lemma, "cue_token": a.cue_token,
                "speaker_token": a.speaker.head if a.speaker else None,
                "content_tokens": _content_tokens(doc, a), "fragments": list(a.fragments),
                "negated": a.negated, "rule": rule, "part_of": first.id if first else None,
            }
            first = first or q
        by_attr[id(a)] = first
    analysis.scratch["quotes"] = scratch
    analysis.scratch["terms"] = [Span.of(text, s, e) for s, e in found.terms]
    analysis.scratch["quotes_dropped"] = dict(found.dropped)
    return quotes


@component("quotes.rules")
def quotes_rules(analysis: Analysis, ctx: Context) -> Analysis:
    """Find quotes and their speakers (the stages in :data:`STAGES`)."""
    if analysis.doc is None:
        analysis.doc = ctx.nlp(analysis.article.text)
    options = ctx.config.get("quotes", {})
    found = find_attributions(analysis.article.text, analysis.doc,
                              object_contents=bool(options.get("object_contents", True)),
                              unquoted_objects=bool(options.get("unquoted_objects", False)))
    analysis.quotes = build_quotes(analysis, found)
    return analysis


__all__ = ["STAGES", "Attribution", "Found", "Speaker", "build_quotes", "find_attributions", "quotes_rules"]
