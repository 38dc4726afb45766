"""Long texts in sections: parsed and analysed a section at a time, offsets kept exact.

spaCy refuses texts over ``nlp.max_length`` and several stages cost more than linear time in the
length of what they are given (measured: see ``benchmarks/bench_long_text.py``). A cleaned text
longer than :data:`SECTION_CHARS` is therefore cut into contiguous sections, each at most that
long, cut after a paragraph break where there is one (else after a line break, a sentence end, a
space, or, for a run of 50,000 characters without one, anywhere). Every section is parsed and goes
through every component after the parse as a small article of its own; the results are merged
into one :class:`~newsgraph.model.Analysis` of the whole cleaned text with every offset shifted by
the section's start, so ``article.text[start:end] == span.text`` holds for every span.

What a section does not see: coreference and context across a section boundary (a surname in
section 3 is linked to the full name in section 1 only when the knowledge base links it on its
own), and relations between actors named only in different sections. Texts up to
:data:`SECTION_CHARS` (nearly every news article) are analysed whole, exactly as before.

The merged analysis has no spaCy Doc (``Analysis.doc`` is None): each section's Doc is dropped as
soon as the section is analysed, so memory stays flat however long the text.
"""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from typing import Any

from .model import Actor, Analysis, Article, Mention, Quote, Span

#: the longest text analysed in one piece (characters); longer ones are cut into sections
SECTION_CHARS = 50_000
#: ... and the most tokens (estimated) in one piece: spaCy's cost is per token, and a text of
#: punctuation has five times as many tokens per character as prose (50,000 characters of prose
#: are about 10,000 tokens)
SECTION_TOKENS = 12_000

_SENTENCE_END = re.compile(r"[.!?…][\"'”’»)\]]*\s+")
_TOKEN = re.compile(r"\w+|[^\w\s]")


def section_bounds(text: str, size: int | None = None, tokens: int | None = None) -> list[tuple[int, int]]:
    """Contiguous ``(start, end)`` pairs covering ``text``, each at most ``size`` characters and about
    ``tokens`` tokens (default :data:`SECTION_CHARS`, :data:`SECTION_TOKENS`; one pair for a text
    within both)."""
    size = size or SECTION_CHARS
    tokens = tokens or SECTION_TOKENS
    n = len(text)
    out: list[tuple[int, int]] = []
    start = 0
    while True:
        limit = _limit(text, start, size, tokens)
        if limit >= n:
            break
        cut = _cut(text, start, limit)
        out.append((start, cut))
        start = cut
    out.append((start, n))
    return out


def needs_sections(text: str) -> bool:
    """Is ``text`` over :data:`SECTION_CHARS` characters or :data:`SECTION_TOKENS` tokens?"""
    return len(text) > SECTION_CHARS or (len(text) > SECTION_TOKENS and
                                         _limit(text, 0, SECTION_CHARS, SECTION_TOKENS) < len(text))


def _limit(text: str, start: int, size: int, tokens: int) -> int:
    """The furthest a section starting at ``start`` may reach: ``size`` characters, or fewer where
    the ``tokens``-th token (words and marks, counted by a regular expression) comes first."""
    end = min(len(text), start + size)
    for k, m in enumerate(_TOKEN.finditer(text, start, end), 1):
        if k > tokens:
            return m.start()
    return end if end < len(text) else len(text)


def _cut(text: str, start: int, limit: int) -> int:
    """Where to end the section that starts at ``start`` (at most ``limit``): the last paragraph
    break in its second half, else line break, sentence end, space; else ``limit`` itself."""
    lo = start + (limit - start) // 2
    i = text.rfind("\n\n", lo, limit)
    if i >= 0:
        return i + 2
    i = text.rfind("\n", lo, limit)
    if i >= 0:
        return i + 1
    last = None
    for m in _SENTENCE_END.finditer(text, lo, limit):
        last = m
    if last is not None:
        return last.end()
    for ws in (" ", "\t"):
        i = text.rfind(ws, lo, limit)
        if i >= 0:
            return i + 1
    cut = limit
    while cut > lo and unicodedata.combining(text[cut]):  # never split a letter from its accents
        cut -= 1
    return cut


def section_article(article: Article, start: int, end: int) -> Article:
    """The article a section is analysed as: its text, the article's metadata (date, source), and,
    for the first section only, the headline and dateline. Later sections get their own id (event
    ids are hashes of the article id and offsets, which would repeat from section to section)."""
    text = article.text[start:end]
    if start == 0:
        def inside(span: Span | None) -> Span | None:
            return span if span is not None and span.end <= end else None

        return dataclasses.replace(article, text=text, title_span=inside(article.title_span),
                                   dateline_span=inside(article.dateline_span),
                                   body_start=min(article.body_start, len(text)),
                                   lead_start=min(article.lead_start, len(text)))
    return dataclasses.replace(article, id=f"{article.id}@{start}", text=text, title_span=None,
                               dateline_span=None, body_start=0, lead_start=0)


# ---------------------------------------------------------------------------------------------
# merging the sections' analyses
# ---------------------------------------------------------------------------------------------

def _shift(value: Any, by: int) -> Any:
    """``value`` with every offset moved ``by`` characters: spans, mentions, and the ``start``/``end``
    and ``antecedent`` fields of the model's dataclasses (whatever other fields they grow)."""
    if by == 0 or value is None:
        return value
    if isinstance(value, Span):
        return Span(value.start + by, value.end + by, value.text)
    if isinstance(value, list):
        return [_shift(v, by) for v in value]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        changes: dict[str, Any] = {}
        for f in dataclasses.fields(value):
            v = getattr(value, f.name)
            if f.name in ("start", "end") and isinstance(v, int):
                changes[f.name] = v + by
            elif f.name == "antecedent" and isinstance(v, tuple):
                changes[f.name] = (v[0] + by, v[1] + by)
            elif isinstance(v, Span | Mention) or (isinstance(v, list) and v and isinstance(v[0], Span | Mention)):
                changes[f.name] = _shift(v, by)
        return dataclasses.replace(value, **changes)
    return value


def merge(article: Article, parts: list[tuple[int, Analysis]]) -> Analysis:
    """One analysis of ``article`` from the analyses of its sections (``(start, analysis)`` pairs in
    text order): offsets shifted into the whole text, actors and places merged by id, quotes
    renumbered ``q1, q2, ...`` in text order (events keep pointing at their quote), relations
    kept once per (type, subject, object, source) as the relations component keeps them."""
    actors: dict[str, Actor] = {}
    places: dict[str, Any] = {}
    quotes: list[Quote] = []
    events: list[Any] = []
    relations: list[Any] = []
    warnings: list[str] = []
    for start, part in parts:
        for a in part.actors:
            mentions = _shift(a.mentions, start)
            have = actors.get(a.id)
            if have is None:
                actors[a.id] = dataclasses.replace(a, mentions=list(mentions), members=list(a.members))
            else:
                have.mentions.extend(mentions)
                have.members.extend(m for m in a.members if m not in have.members)
        for p in part.places:
            mentions = _shift(p.mentions, start)
            if p.id in places:
                places[p.id].mentions.extend(mentions)
            else:
                places[p.id] = dataclasses.replace(p, mentions=list(mentions))
        renamed: dict[str, str] = {}
        for q in part.quotes:
            renamed[q.id] = f"q{len(quotes) + 1}"
            quotes.append(dataclasses.replace(_shift(q, start), id=renamed[q.id]))
        for e in part.events:
            e = _shift(e, start)
            if getattr(e, "quote", None) in renamed:
                e = dataclasses.replace(e, quote=renamed[e.quote])
            events.append(e)
        relations.extend(_shift(r, start) for r in part.relations)
        warnings.extend(w for w in part.warnings if w not in warnings)
    first = parts[0][1] if parts else Analysis(article=article)
    return Analysis(article=article, actors=list(actors.values()), quotes=quotes, events=events,
                    relations=_relations_once(relations), places=list(places.values()), doc=None,
                    warnings=warnings, meta={**first.meta, "sections": len(parts)})


def _relations_once(relations: list[Any]) -> list[Any]:
    stated = {(r.type, r.subject, r.object) for r in relations if r.source == "text"}
    seen: set[tuple[str, str, str, str]] = set()
    out = []
    for r in sorted(relations, key=lambda r: r.source != "text"):  # stable: text first, then the rest
        key = (r.type, r.subject, r.object)
        if (*key, r.source) in seen or (r.source == "kb" and key in stated):
            continue
        seen.add((*key, r.source))
        out.append(r)
    return out


__all__ = ["SECTION_CHARS", "SECTION_TOKENS", "merge", "needs_sections", "section_article", "section_bounds"]
