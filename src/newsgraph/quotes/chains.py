"""Stage 4, chains and handovers: quotations without a cue of their own.

A speaker's words often run over several quotations with one cue: a quotation split by its frame
(``“A,” she said, “B.”``), a quotation running over paragraphs, or a paragraph of quotation after
the one that named the speaker. This stage links each such quotation to the most recent cue of the
same chain:

* **split quote**: a standalone quotation right after a framed one, the two joined only by the
  frame and a comma, colon or dash (``“A,” he said, “B”``): the frame serves both;
* **floating quote**: a standalone quotation with no frame takes the speaker of the attribution it
  directly follows (only whitespace or punctuation between them); failing that, the person named
  as subject of the sentence before it (lower confidence); otherwise it has no speaker.

It also decides what is nobody's speech: a quoted fragment inside the writer's sentence that no
reporting predicate takes (scare quotes, titles, coinages) is a *term*.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from typing import Any

from . import lexicon as lx
from . import speaker as spk
from .content import direct, kind_of
from .cues import DirectCue, Frame, addressee_named, is_cue, perceived, pre_frame
from .marks import Quoted
from .parsed import Attribution, Parsed
from .text import Ranges, merge, sentence_ends, trim


def split_quotes(art: Parsed, fr: list[Frame], direct_attrs: dict[int, Attribution]) -> None:
    """``“A,” he said, “B.”``: the frame between two quotations serves both (added to ``direct_attrs``)."""
    for k, q in enumerate(art.quotes):
        if k in direct_attrs or not fr[k].standalone or k == 0 or (k - 1) not in direct_attrs:
            continue
        prev = direct_attrs[k - 1]
        between = art.text[art.quotes[k - 1].outer_end:q.open]
        if prev.rule == "post-frame" and prev.cue_token is not None and \
                between.rstrip().endswith((",", ":", "—", "–")) and "\n" not in between:
            cue = DirectCue(art.doc[prev.cue_token], prev.speaker, "split-quote", fr[k].post[1])
            direct_attrs[k] = direct(art, k, q, cue)


_BULLET = re.compile(r"[ \t]*(?:[-–—•*·▪●◦]|\(?\d{1,2}[.)]|\(?[a-h][.)])[ \t]+(?=\S)")


def bullets(art: Parsed, attrs: list[Attribution]) -> list[Attribution]:
    """``The minister said:`` followed by bulleted or numbered paragraphs: each item is what the
    frame's speaker said (rule ``bullet``), until the first paragraph that is not an item."""
    out: list[Attribution] = []
    for i, (a, b) in enumerate(art.paras[:-1]):
        if not art.text[a:b].rstrip().endswith(":"):
            continue
        nxt = art.paras[i + 1]
        ends = sentence_ends(art.text, a, b)
        lo = max([e for e in ends if e < b - 1] or [a])
        frame = pre_frame(art, lo, b)
        if frame is None or frame[0].pos_ not in ("VERB", "NOUN", "PROPN", "PUNCT"):
            continue
        cue, sp = frame
        if not _BULLET.match(art.text, nxt[0], nxt[1]):
            block = _block_quote(art, cue, sp, nxt)
            if block is not None:
                out.append(block)
            continue
        for p0, p1 in art.paras[i + 1:]:
            m = _BULLET.match(art.text, p0, p1)
            if m is None:
                break
            start, end = trim(art.text, m.end(), p1, strip_chars=" \t\r\n;,")
            if end - start < 8:
                continue
            kind, frags = kind_of(art, start, end)
            if kind == "direct":
                continue  # a quoted item is a quotation: the colon frame took it
            out.append(Attribution(start, end, kind, "bullet", 0.0, cue=(cue.idx, cue.idx + len(cue.text)),
                                   cue_token=cue.i, cue_lemma=cue.lemma_.lower(), speaker=sp, frame_end=p1,
                                   fragments=frags))
    return out


_RUN_IN = re.compile(r":[ \t]+(?=[A-Z])")


def run_in_blocks(art: Parsed) -> list[Attribution]:
    """``... sent this message to supporters: The problem is ...`` : a colon after a frame of saying
    in the middle of a paragraph, and a sentence in no marks after it: the rest of the paragraph is
    the block quotation (:func:`_block_quote`), as when the words stand in a paragraph of their own."""
    out: list[Attribution] = []
    for a, b in art.paras:
        for m in _RUN_IN.finditer(art.text, a, b):
            if art.quoted.find(m.start()) is not None or any(x <= m.start() < y for x, y in art.named_terms):
                continue  # (a colon inside a quotation or a quoted title is none of the writer's frames)
            ends = sentence_ends(art.text, a, m.start())
            frame = pre_frame(art, max(ends or [a]), m.start() + 1)
            if frame is not None:
                block = _block_quote(art, frame[0], frame[1], (m.end(), b))
                if block is not None:
                    out.append(block)
                    break
    return out


def _block_quote(art: Parsed, cue: Any, sp: Any, para: tuple[int, int]) -> Attribution | None:
    """``The ministry said in a statement:`` and then a paragraph in no marks: a block quotation,
    the words of the frame's speaker (rule ``block``). Only after a verb or noun of saying with a
    speaker, and only a paragraph of whole sentences that is no frame itself and opens with no mark
    (a quotation there is the colon frame's already)."""
    if sp is None or not (cue.pos_ == "NOUN" or (cue.pos_ == "VERB" and (is_cue(cue) or _sends_words(cue)))):
        return None
    if not _frame_ends_at_colon(art, cue, para[0]):
        return None
    start, end = trim(art.text, para[0], para[1], strip_chars=" \t\r\n")
    body = art.text[start:end]
    if len(body.split()) < 6 or body[:1] in _MARKS or body.endswith(":") or not body.endswith(_SENTENCE_ENDS):
        return None
    words = re.findall(r"[A-Za-z][\w'’-]*", body)
    if len(words) <= 14 and all(w[0].isupper() for w in words if w.lower() not in _SMALL_WORDS):
        return None  # "cited her book Adrift: The Quiet Years of ...": a title's second half, in title case
    kind, frags = kind_of(art, start, end)
    if kind == "direct":
        return None
    return Attribution(start, end, "direct", "block", 0.0, cue=(cue.idx, cue.idx + len(cue.text)), cue_token=cue.i,
                       cue_lemma=cue.lemma_.lower(), speaker=sp, frame_end=para[1], fragments=frags)


_MODALS = frozenset({"can", "could", "would", "should", "may", "might", "will", "must", "shall"})


def _frame_ends_at_colon(art: Parsed, cue: Any, after: int) -> bool:
    """Does the frame of saying run up to the colon, ending with the cue's own phrase ("wrote:",
    "said in a statement:", "sent this message to supporters:"), and say it was said (no "can
    agree on:", "would say:")? A verb of saying further back leaves the colon to the writer's own
    list or gloss ("... on which all sides agree, and more: ...")."""
    if any(c.dep_ == "aux" and c.lower_ in _MODALS for c in cue.children):
        return False
    colon = next((t for t in reversed(art.toks(cue.idx, after)) if t.text == ":"), None)
    if colon is None:
        return False
    own = {t.i for t in cue.subtree}
    between = [t for t in cue.doc[cue.i + 1:colon.i] if not t.is_punct]
    return len(between) <= 8 and all(t.i in own for t in between)


def _sends_words(verb: Any) -> bool:
    """A verb whose object is a message or document ("sent this message to supporters:", "issued
    the following statement:"): what follows the colon is its text."""
    return any(o.dep_ in ("dobj", "obj") and o.lemma_.lower() in (lx.SPEECH_NOUNS | lx.DOCUMENT_NOUNS)
               for o in verb.children)


_MARKS = frozenset("\"“”‘’'«»„")
_SENTENCE_ENDS = (".", "?", "!", ".”", ".\"", "?”", "!”", ".’", ")")


def combine(direct_attrs: list[Attribution], clauses: list[Attribution]) -> list[Attribution]:
    """The framed quotations and the clause attributions, less clauses whose content is a quotation
    already attributed by its frame."""
    attrs = list(direct_attrs)
    direct_spans = {(a.start, a.end) for a in attrs}
    framed = Ranges(merge((a.start, a.end) for a in attrs))
    for c in clauses:
        if (c.start, c.end) in direct_spans:
            continue
        r = framed.find(c.start)
        if c.kind == "direct" and r is not None and c.end <= r[1]:
            continue
        attrs.append(c)
    attrs.sort(key=lambda a: (a.start, a.end))
    return attrs


def _inside_any(covered: Ranges, q: Quoted) -> bool:
    r = covered.find(q.start)
    return r is not None and r[1] >= q.end - 1


def link(art: Parsed, fr: list[Frame], attrs: list[Attribution], framed: set[int]) -> list[tuple[int, int]]:
    """Add a floating attribution for each standalone quotation nothing covers (in text order,
    into ``attrs``); return the terms (quoted stretches nobody says)."""
    covered = Ranges(merge((a.start, a.end) for a in attrs))
    terms: list[tuple[int, int]] = []
    starts = [a.start for a in attrs]
    for k, (q, f) in enumerate(zip(art.quotes, fr, strict=True)):
        if k in framed or _inside_any(covered, q):
            continue
        if not f.standalone or looks_like_a_title(art, q) or epithet(art, q) or addressee_named(art, q) \
                or perceived(art, q):
            terms.append((q.start, q.end))
            continue
        i = bisect_left(starts, q.open)
        fl = floating(art, k, q, f, attrs[i - 1] if i > 0 else None)
        j = bisect_left(starts, fl.start)
        attrs.insert(j, fl)
        starts.insert(j, fl.start)
    return terms


_WORD_RE = re.compile(r"\w")
_SMALL_WORDS = frozenset(["a", "an", "the", "of", "in", "on", "at", "to", "for", "and", "or", "but", "nor", "by", "with", "from", "as", "is", "are", "vs"])


def looks_like_a_title(art: Parsed, q: Quoted) -> bool:
    """A quotation with no frame that names rather than says: a title of a work, a programme or a
    slogan in title case (“Law and Order”, “The Art of the Deal”), or a heading standing as a
    paragraph of its own. Speech has sentence shape: lower-case words between the capitals, or a
    verb and a full stop."""
    inner = art.text[q.start:q.end].strip()
    words = re.findall(r"[A-Za-z][\w’'-]*", inner)
    if not words or len(words) > 8 or inner.endswith(("?", "!")) or "\n" in inner:
        return False
    content = [w for w in words if w.lower() not in _SMALL_WORDS or w == words[0]]
    capitalised = sum(1 for w in content if w[0].isupper())
    title_case = capitalised == len(content) and (len(content) >= 2 or words[0].isupper())
    p0, p1 = art.para_of(q.open)
    alone = not art.text[p0:q.open].strip() and not art.text[q.outer_end:p1].strip(" \t.,")
    heading = alone and len(words) <= 6 and not inner.endswith(".")
    return title_case or heading


def epithet(art: Parsed, q: Quoted) -> bool:
    """A quoted noun phrase set off by commas after a name, the sentence running on after it
    (``Jane Roe, “the quiet fixer,” is telling ...``): an epithet in apposition, nobody's words."""
    if q.close is None:
        return False
    before = art.text[max(0, q.open - 200):q.open].rstrip()
    after = art.text[q.start:q.end].rstrip().endswith(",") or art.text[q.close + 1:q.close + 2] == ","
    rest = art.text[q.close + 1:q.close + 40].lstrip(" ,")
    if not before.endswith(",") or not after or not rest[:1].islower():
        return False
    toks = art.toks(q.start, q.end)
    words = [t for t in toks if t.is_alpha]
    comma = art.text.rfind(",", 0, q.open)
    named = art.toks(max(0, comma - 40), comma)
    return 0 < len(words) <= 6 and not any(t.pos_ in ("VERB", "AUX") for t in toks) \
        and bool(named) and named[-1].pos_ == "PROPN"


def floating(art: Parsed, k: int, q: Quoted, f: Frame, prev: Attribution | None) -> Attribution:
    """A standalone quotation without a frame; ``prev`` is the attribution before it."""
    start, end = trim(art.text, q.start, q.end, strip_chars=" \t\r\n,")
    if prev is not None:
        a = prev
        gap_start = max(a.frame_end, a.end)
        adjacent = q.open - gap_start < 400 and not _WORD_RE.search(art.text, gap_start, q.open)
        if adjacent:
            return Attribution(start, end, "direct", "floating", 0.0, cue=None, cue_token=a.cue_token,
                               cue_lemma=a.cue_lemma, speaker=a.speaker, frame_end=max(f.post[1], q.outer_end),
                               fragments=[(q.open, q.outer_end)], quote_index=k, inherits=prev)
    sp = spk.previous_sentence_subject(art, q.open)
    rule = sp.rule if sp is not None else "unattributed"
    return Attribution(start, end, "direct", rule, 0.0, speaker=sp, frame_end=max(f.post[1], q.outer_end),
                       fragments=[(q.open, q.outer_end)], quote_index=k)


__all__ = ["bullets", "combine", "floating", "link", "looks_like_a_title", "merge", "run_in_blocks", "split_quotes"]
