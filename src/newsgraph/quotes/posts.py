"""Embedded social-media posts: a post's words are a direct quote of its author.

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
"""

from __future__ import annotations

import re

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


def merge_posts(attrs: list[Attribution], found: list[Attribution]) -> list[Attribution]:
    """``attrs`` with the posts added, in text order; an attribution inside a post's words that has
    no speaker of its own, or only the one handed over from before the post, is the post's."""
    if not found:
        return attrs
    kept = [a for a in attrs if not any(p.start <= a.start and a.end <= p.end and (a.speaker is None or not (
        p.start <= a.speaker.start < p.end)) for p in found)]
    return sorted(kept + found, key=lambda a: (a.start, a.end))


__all__ = ["SIGNATURE", "merge_posts", "posts"]
