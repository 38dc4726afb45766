"""Signed quotations: embedded social-media posts, and quotations signed on the line after them.

A post's words are a direct quote of its author.

Online news embeds posts as a block that extracted text keeps as one paragraph ending in the post's
signature: the author's display name and handle, then the date (``<words> pic.twitter.com/x —
<Display Name> (@handle) <Month> <day>, <year>``). No reporting verb frames such a block, so the
cue stages never see it; its signature says who wrote it as plainly as a frame would. The dash
before the name is the cue and the display name the speaker's mention (resolved like any other
name by the sources stage). The words run from the paragraph's start (or the end of the signature
before, when blocks run together) to the dash, without the link to the post's picture, a player's
"Skip ... post by @handle" line, or the marks around the words.

Attributions found inside a post's words without a speaker of their own (a floating quotation the
chains stage handed to the speaker before the post) are the post's and are dropped; a report the
post makes with its own speaker ("President X: ...") stays.

Round-ups of commentary print each excerpt as one or more quotation paragraphs, then a line that
is only the writer's name and where it appeared (``Name Surname, Outlet``). No verb frames the
excerpts either; the line under them signs them. The quotations of the paragraphs above a signing
line, back to the previous one or to a paragraph that quotes nothing, are the signer's
(:func:`signed`), unless the text gave them a speaker of their own.
"""

from __future__ import annotations

import re

from ..kb import get_kb
from .parsed import Attribution, Parsed, Speaker
from .text import trim

_MONTH = (r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
          r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?")
#: the signature that closes an embedded post: dash, display name, (@handle), date
SIGNATURE = re.compile(r"[ \t]*(?P<dash>[—–])[ \t]*(?P<name>[^\n—–()@]{1,80}?)[ \t]*\(@(?P<handle>\w{1,30})\)[ \t]*"
                       rf"(?P<date>{_MONTH}[ \t]+\d{{1,2}},[ \t]+\d{{4}})")
_PLAYER = re.compile(r"\s*Skip [\w ]{0,20}?post by @\w+\s*", re.I)
_PICTURE = re.compile(r"\s*(?:pic\.twitter\.com/\w+|https?://t\.co/\w+)\s*$")
_MARKS = "\"'“”‘’«» \t"


def _words(text: str, start: int, end: int) -> tuple[int, int]:
    """The post's own words in ``text[start:end]``: no player line, picture link or outer marks."""
    m = _PLAYER.match(text, start, end)
    if m:
        start = m.end()
    while True:
        m = _PICTURE.search(text, start, end)
        if not m or m.start() == end:
            break
        end = m.start()
    start, end = trim(text, start, end, strip_chars=_MARKS)
    if end - start >= 2 and text[start] in "“\"" and text[end - 1] not in "”\"":
        start += 1  # an opening mark whose closing one the post's last line took
    return start, end


def _speaker(art: Parsed, start: int, end: int) -> Speaker | None:
    span = art.doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    return Speaker(span.root.i, span.start_char, span.end_char, "post-author")


def posts(art: Parsed) -> list[Attribution]:
    """One direct quote (rule ``embedded-post``) per signed post block, in text order."""
    out: list[Attribution] = []
    text = art.text
    for p0, p1 in art.paras:
        start = p0
        for m in SIGNATURE.finditer(text, p0, p1):
            s, e = _words(text, start, m.start())
            start = m.end()
            name = m.span("name")
            if e - s < 2 or not any(c.isalnum() for c in text[s:e]):
                continue
            sp = _speaker(art, *name)
            if sp is None:
                continue
            dash = m.start("dash")
            out.append(Attribution(s, e, "direct", "embedded-post", 0.0, cue=(dash, dash + 1), cue_token=None,
                                   cue_lemma="post", speaker=sp, frame_end=m.end()))
    return out


_CAP = r"[A-Z][\w'’.-]*"
#: a paragraph that is only a writer's name and an outlet: "Frank Ruiz, The Daily Ledger"
_NAME = rf"{_CAP}(?:[ \t]+{_CAP}){{1,3}}"
SIGNING_LINE = re.compile(rf"[ \t]*(?P<name>{_NAME}(?:[ \t]+and[ \t]+{_NAME})?),[ \t]+"
                          rf"(?P<outlet>[A-Z0-9][\w'’.&-]*(?:[ \t]+(?:[A-Z0-9&][\w'’.&-]*|of|the|and|for|on|in)){{0,6}})"
                          r"[ \t]*")
# speakers a signing line replaces: none, or one guessed from outside the quotation
_UNSIGNED = {"floating", "unattributed", "previous-subject", "previous-cue"}


def _quoting(art: Parsed, p0: int, p1: int) -> bool:
    """Is the paragraph [p0, p1) mostly quotation (one opened in it, or running on from above)?"""
    inside = sum(max(0, min(q.end, p1) - max(q.start, p0)) for q in art.quotes if q.depth == 0)
    return inside * 2 >= p1 - p0


_PARTY_STATE = re.compile(r"[DRI]-[A-Z][a-z]*\.?")  # "D-Va.": a legislator's party and state


_INITIAL = re.compile(r"[A-Z]\.")
#: a line signed by an outlet's own writers as a body: the outlet speaks
_BOARD = re.compile(r"(?:The )?(?:Editorial Board|Editors|Editorial Staff)")


def _signer(art: Parsed, m: re.Match[str]) -> bool:
    """Is the signing line's name a person's (the tagger says so, or it starts with a given name or
    an initial) and its second part no name of people or a party and state ("Name, Name and Name"
    is a list; "Sen. Name, D-Va." a roll call; "No Limits, No Disclosure" a subhead)?"""
    name, outlet = art.doc.char_span(*m.span("name"), alignment_mode="expand"), m.group("outlet")
    line = art.doc.char_span(m.start(), m.end(), alignment_mode="expand")
    if name is None or line is None or _PARTY_STATE.fullmatch(outlet):
        return False
    first = name[0].text
    if not (name[-1].ent_type_ == "PERSON" or _INITIAL.fullmatch(first) or first.lower() in get_kb().given_names()
            or _BOARD.fullmatch(m.group("name"))):
        return False
    return not any(t.ent_type_ == "PERSON" and t.idx >= m.start("outlet") for t in line)


def signed(art: Parsed, attrs: list[Attribution]) -> list[Attribution]:
    """``attrs`` with the quotations above each signing line given to its signer (rule ``signed``,
    cue: the signing line). Only where the article has two signing lines or more."""
    text = art.text
    out = list(attrs)
    lines = {pi: m for pi, (p0, p1) in enumerate(art.paras) if pi and (m := SIGNING_LINE.fullmatch(text, p0, p1))
             and _quoting(art, *art.paras[pi - 1]) and _signer(art, m)}
    if len(lines) < 2:
        return out  # one such line is a byline or a credit: a round-up signs excerpts again and again
    for pi, m in lines.items():
        p0, p1 = art.paras[pi]
        first = pi
        while first > 0 and first - 1 not in lines and _quoting(art, *art.paras[first - 1]):
            first -= 1
        sp = _speaker(art, *m.span("outlet" if _BOARD.fullmatch(m.group("name")) else "name"))
        if sp is None:
            continue
        b0, b1 = art.paras[first][0], p0
        for k, a in enumerate(out):
            if b0 <= a.start < b1 and a.kind == "direct" and (a.speaker is None or a.rule in _UNSIGNED) \
                    and not any(q.depth == 0 and q.start < a.start and a.end < q.end for q in art.quotes):
                out[k] = Attribution(a.start, a.end, "direct", "signed", 0.0, cue=(p0, p1), cue_token=None,
                                     cue_lemma="signature", speaker=Speaker(sp.head, sp.start, sp.end, "signature"),
                                     frame_end=p1, fragments=a.fragments, quote_index=a.quote_index)
    return out


def merge_posts(attrs: list[Attribution], found: list[Attribution]) -> list[Attribution]:
    """``attrs`` with the posts added, in text order; an attribution inside a post's words that has
    no speaker of its own, or only the one handed over from before the post, is the post's."""
    if not found:
        return attrs
    kept = [a for a in attrs if not any(p.start <= a.start and a.end <= p.end and (a.speaker is None or not (
        p.start <= a.speaker.start < p.end)) for p in found)]
    return sorted(kept + found, key=lambda a: (a.start, a.end))


__all__ = ["SIGNATURE", "SIGNING_LINE", "merge_posts", "posts", "signed"]
