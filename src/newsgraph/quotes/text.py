"""Character-level helpers shared by the quote rules: paragraphs, sentence ends, token lookup.

Why our own sentence ends: around quotation marks the parser's sentence splitter is unreliable
(it often cuts ``”, he said.`` off its quote), while the rules need to know where a frame such
as ``, the minister said in a speech.`` ends. A short regular expression with an abbreviation list
is enough for that and is linear.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from typing import Any

from .marks import is_paragraph_break

_SENT_END_RE = re.compile(r"[.!?…]+[\"”’'»)\]]*(?=\s|$)")
_ABBREVIATIONS = frozenset(re.findall(r"\S+", """
mr mrs ms dr sen rep gov gen lt col sgt capt adm maj prof rev st jr sr inc corp co ltd mt ft no
vol vs etc jan feb mar apr jun jul aug sep sept oct nov dec u.s u.n u.k e.u d.c a.m p.m messrs
"""))


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each paragraph; blank paragraphs are dropped."""
    out: list[tuple[int, int]] = []
    start = 0
    for m in re.finditer(r"\n", text):
        if is_paragraph_break(text, m.start()):
            if text[start:m.start()].strip():
                out.append((start, m.start()))
            start = m.start() + 1
    if text[start:].strip():
        out.append((start, len(text)))
    return out


def _is_abbreviation(text: str, dot: int) -> bool:
    """Is the full stop at ``dot`` the end of an abbreviation or an initial (``Sen.``, ``J.``)?"""
    if text[dot] != ".":
        return False
    j = dot
    while j > 0 and (text[j - 1].isalpha() or text[j - 1] == "."):
        j -= 1
    word = text[j:dot].lower()
    return len(word) == 1 or word in _ABBREVIATIONS


def sentence_ends(text: str, start: int, end: int) -> list[int]:
    """Offsets just after each sentence-final punctuation run in ``text[start:end]``."""
    out = []
    for m in _SENT_END_RE.finditer(text, start, end):
        if _is_abbreviation(text, m.start()) and m.end() - m.start() == 1:
            continue
        out.append(m.end())
    return out


class TokenIndex:
    """Map character offsets to spaCy tokens with binary search (no per-call scans)."""

    def __init__(self, doc: Any):
        self.doc = doc
        try:
            from spacy.attrs import IDX

            self.starts = [int(x) for x in doc.to_array([IDX]).ravel()] if len(doc) else []
        except (ImportError, AttributeError, ValueError):  # a Doc-like object without arrays (tests)
            self.starts = [t.idx for t in doc]

    def at(self, char: int) -> int | None:
        """Index of the token containing ``char`` (or the one before it), None before the first."""
        i = bisect_right(self.starts, char) - 1
        return i if i >= 0 else None

    def within(self, start: int, end: int) -> range:
        """Indices of the tokens starting in [start, end)."""
        return range(bisect_left(self.starts, start), bisect_left(self.starts, end))


class Ranges:
    """Sorted, non-overlapping character ranges with a fast membership test."""

    def __init__(self, ranges: list[tuple[int, int]]):
        self.ranges = sorted(ranges)
        self.starts = [a for a, _ in self.ranges]

    def find(self, char: int) -> tuple[int, int] | None:
        i = bisect_right(self.starts, char) - 1
        if i >= 0 and self.ranges[i][0] <= char < self.ranges[i][1]:
            return self.ranges[i]
        return None

    def __contains__(self, char: int) -> bool:
        return self.find(char) is not None

    def overlapping(self, start: int, end: int) -> list[tuple[int, int]]:
        i = max(bisect_right(self.starts, start) - 1, 0)
        out = []
        while i < len(self.ranges) and self.ranges[i][0] < end:
            a, b = self.ranges[i]
            if a < end and start < b:
                out.append((a, b))
            i += 1
        return out


def tok_end(tok: Any) -> int:
    return int(tok.idx + len(tok.text))


def trim(text: str, start: int, end: int, *, strip_chars: str = " \t\r\n,;:—–-") -> tuple[int, int]:
    """Shrink [start, end) past surrounding whitespace and joining punctuation."""
    while start < end and text[start] in strip_chars:
        start += 1
    while end > start and text[end - 1] in strip_chars:
        end -= 1
    return start, end




def merge(spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """Character spans sorted, with overlapping or touching ones joined."""
    out: list[tuple[int, int]] = []
    for a, b in sorted(spans):
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return out


_NAME_WORD = re.compile(r"[A-Z][\w'’.-]*|of|the|and|for|in|on|de|al|van|von")


def name_like(quoted: str) -> bool:
    """A quotation that is a name, nickname or title rather than words said: one to four words,
    every one capitalised (small joining words aside), the first too."""
    words = quoted.strip(" \t\r\n\"'“”‘’«».,!?").split()
    return 0 < len(words) <= 4 and words[0][:1].isupper() and all(_NAME_WORD.fullmatch(w) for w in words)


__all__ = ["Ranges", "TokenIndex", "merge", "name_like", "paragraphs", "sentence_ends", "tok_end", "trim"]
