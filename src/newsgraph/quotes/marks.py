"""Find quoted stretches of text from quote marks alone, in one linear pass.

Why a scanner of its own: regular expressions over pairs of marks either miss nested and
multi-paragraph quotes or, with one unbalanced mark, swallow the rest of the article. This
scanner keeps a small stack of open marks per paragraph and decides for every mark whether it
opens, closes, or is an apostrophe, from the characters on either side of it:

* families: double (" “ ” „ ‟, the TeX pair `` '' and its typeset form ‘‘ ’’), guillemets (« »), single (' ‘ ’ ‚) and
  single guillemets (‹ ›). A closer only closes an opener of its own family, so ‘…’ nests in
  “…” and “…” in «…».
* an apostrophe is never a quote mark: inside a word (NATO’s, don't), before a decade (’90s)
  or a known elision (’em, ’til), or a plural possessive (the forces’ ...) while no single quote
  is open.
* a quote still open at the end of a paragraph continues only when the next paragraph opens with
  a mark of its family (the newsroom convention for quotes running over paragraphs); otherwise it
  ends at the paragraph end (``closed=False``). An open single quote at a paragraph end is dropped:
  it is far more often a misread apostrophe than a quote.
* the stack is capped (``MAX_DEPTH``), so random marks cannot make the pass worse than linear.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

DOUBLE, GUILLEMET, SINGLE, SGUILLEMET = "double", "guillemet", "single", "sguillemet"

# mark -> (family, role) where role is "open", "close" or "ambiguous"
_MARKS: dict[str, tuple[str, str]] = {
    "“": (DOUBLE, "open"), "„": (DOUBLE, "open"), "‟": (DOUBLE, "open"),
    "”": (DOUBLE, "close"), '"': (DOUBLE, "ambiguous"), "＂": (DOUBLE, "ambiguous"),
    "``": (DOUBLE, "open"), "''": (DOUBLE, "ambiguous"), "‘‘": (DOUBLE, "open"), "’’": (DOUBLE, "close"),
    "«": (GUILLEMET, "open"), "»": (GUILLEMET, "close"),
    "‘": (SINGLE, "open"), "‚": (SINGLE, "open"), "’": (SINGLE, "close"), "'": (SINGLE, "ambiguous"),
    "‹": (SGUILLEMET, "open"), "›": (SGUILLEMET, "close"),
}
_MARK_RE = re.compile(r"``|''|‘‘|’’|[\"“”„‟＂«»‘’‚'‹›]|\n")
# words that start with an elided letter: ’em, ’til, ’cause, ’tis, ’n’, ’90s ...
_ELISION_RE = re.compile(r"(?:em|til|cause|tis|twas|n|bout|round|nuff|ol|y'all)\b|\d\d(?:s|\b)", re.IGNORECASE)
# characters after which a mark is "left-flanking" (it can open)
_OPEN_BEFORE = set(" \t\n\r\u00a0([{<—–-/:;,=") | set("“„‟«‘‚‹\"'")
# characters before which a mark is "right-flanking" (it can close)
_CLOSE_AFTER = set(" \t\n\r\u00a0)]}>—–-/:;,.!?…") | set("”»’›\"'")

MAX_DEPTH = 8


@dataclass(slots=True)
class Quoted:
    """One quoted stretch. ``start``/``end`` bound the words inside the marks (marks excluded).

    ``open``/``close`` are the offsets of the opening mark and of the closing mark (``close`` is
    None when the quote ran to a paragraph end unclosed). ``pieces`` are the inner stretches per
    paragraph for a quote that runs over paragraphs; ``inner`` the quotes nested in this one.
    """

    open: int
    start: int
    end: int
    close: int | None
    family: str
    depth: int = 0
    pieces: list[tuple[int, int]] = field(default_factory=list)
    inner: list[Quoted] = field(default_factory=list)
    tex_close: bool = False  # closed by a two-character mark ('' or ’’)

    @property
    def closed(self) -> bool:
        return self.close is not None

    @property
    def outer_end(self) -> int:
        """Offset just after the closing mark (or the content end when unclosed)."""
        if self.close is None:
            return self.end
        return self.close + (2 if self.tex_close else 1)

    @property
    def multi_paragraph(self) -> bool:
        return len(self.pieces) > 1


@dataclass(slots=True)
class _Open:
    family: str
    pos: int
    width: int
    pieces: list[tuple[int, int]] = field(default_factory=list)
    piece_start: int = 0
    inner: list[Quoted] = field(default_factory=list)


def _flanks(text: str, i: int, width: int) -> tuple[bool, bool]:
    """(can open, can close) for the mark at ``text[i:i+width]`` from its neighbours."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + width] if i + width < len(text) else " "
    left = before in _OPEN_BEFORE and not after.isspace()
    right = after in _CLOSE_AFTER and not before.isspace()
    return left, right


def _spaced_opener(text: str, i: int, width: int) -> bool:
    """A straight mark with spaces on both sides that opens a quotation whose first words are a
    nested quotation (``" 'You call me,' I told them"``): at the start of a paragraph or after
    an opening-side character, followed on the same line by an opening mark of the other family and a
    word."""
    before = text[i - 1] if i > 0 else "\n"
    if before not in "\n\r" and before not in _OPEN_BEFORE:
        return False
    j = i + width
    while j < len(text) and text[j] in " \t\u00a0":
        j += 1
    if j + 1 >= len(text) or text[j] not in "'‘“«‹" or text[j:j + 1] == text[i:i + 1]:
        return False
    return not text[j + 1].isspace()


def _is_apostrophe(text: str, i: int, mark: str, left: bool, right: bool, single_open: bool) -> bool:
    """True when a single mark is an apostrophe rather than a quote mark."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if before.isalnum() and after.isalnum():  # NATO’s, don't, rock’n’roll
        return True
    if left and _ELISION_RE.match(text, i + 1):  # ’90s, ’em
        return True
    # a closing-only single mark with nothing open: plural possessive (the forces’ operation)
    if right and not left and mark in ("’", "'"):
        if not single_open:
            return True
        return _possessive_inside_quote(text, i, mark)
    return False


def _possessive_inside_quote(text: str, i: int, mark: str) -> bool:
    """``‘the members’ votes count’``: an ``s’`` followed by a lower-case word while a single quote
    is open is a plural possessive when another closing mark follows soon in the paragraph."""
    if text[i - 1:i] != "s" or not re.match(r" [a-z]", text[i + 1:i + 3]):
        return False
    window = text[i + 1:i + 300]
    stop = window.find("\n")
    window = window if stop < 0 else window[:stop]
    return re.search(re.escape(mark) + r"(?=[\s.,;:!?)\]}]|$)", window) is not None


def _paragraph_continues(text: str, end: int, family: str) -> tuple[bool, int]:
    """Does the paragraph after ``end`` open with a mark of ``family``? Returns (yes, mark end)."""
    j, n = end, len(text)
    while j < n and text[j] in " \t\r\n\u00a0":
        j += 1
    if j >= n:
        return False, j
    for mark, (fam, role) in _MARKS.items():
        if fam == family and role in ("open", "ambiguous") and text.startswith(mark, j):
            after = text[j + len(mark)] if j + len(mark) < n else " "
            if not after.isspace():
                return True, j + len(mark)
    return False, j


def _rstrip(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def _lstrip(text: str, start: int, end: int) -> int:
    while start < end and text[start].isspace():
        start += 1
    return start


class _Scanner:
    """State of one pass; see :func:`find_quotes`."""

    def __init__(self, text: str):
        self.text = text
        self.stack: list[_Open] = []
        self.out: list[Quoted] = []

    # -- stack operations ----------------------------------------------------------------
    def push(self, family: str, pos: int, width: int) -> None:
        if len(self.stack) >= MAX_DEPTH:
            return
        start = pos + width
        self.stack.append(_Open(family, pos, width, piece_start=start))

    def has_open(self, family: str) -> bool:
        return any(o.family == family for o in self.stack)

    def close(self, family: str, pos: int, width: int) -> bool:
        """Close the nearest open mark of ``family``; inner unclosed marks are dropped.

        A curly closer prefers a curly opener over a straight one opened after it: in
        ``“... entitled "The Title,” she wrote`` the writer left the inner straight mark
        unclosed, and the curly pair is the quotation."""
        ks = [k for k in range(len(self.stack) - 1, -1, -1) if self.stack[k].family == family]
        if not ks:
            return False
        k = ks[0]
        if self.text[pos] == "”" and self.text[self.stack[k].pos] == '"':
            k = next((j for j in ks if self.text[self.stack[j].pos] in "“„‟"), k)
        opened = self.stack[k]
        del self.stack[k:]
        pieces = [*opened.pieces, (opened.piece_start, pos)]
        q = Quoted(open=opened.pos, start=pieces[0][0], end=pos, close=pos, family=family, depth=k,
                   pieces=pieces, inner=opened.inner)
        q.tex_close = width == 2
        self.emit(q)
        return True

    def emit(self, q: Quoted) -> None:
        if q.end <= q.start or not self.text[q.start:q.end].strip():
            return  # empty quotes ("" or “ ”) say nothing
        if self.stack:
            self.stack[-1].inner.append(q)
        else:
            q.depth = 0
            self.out.append(q)

    # -- paragraph end ---------------------------------------------------------------------
    def paragraph_end(self, end: int) -> int:
        """Handle open marks at a paragraph end at ``end``; returns where scanning resumes."""
        if not self.stack:
            return end
        outer = self.stack[0]
        if outer.family in (DOUBLE, GUILLEMET):
            cont, resume = _paragraph_continues(self.text, end, outer.family)
            if cont:
                piece_end = _rstrip(self.text, outer.piece_start, end)
                outer.pieces.append((outer.piece_start, piece_end))
                outer.piece_start = resume
                del self.stack[1:]
                return resume
            stop = _rstrip(self.text, outer.piece_start, end)
            pieces = [*outer.pieces, (outer.piece_start, stop)]
            self.stack.clear()
            q = Quoted(open=outer.pos, start=pieces[0][0], end=stop, close=None, family=outer.family,
                       pieces=pieces, inner=outer.inner)
            self.emit(q)
            return end
        self.stack.clear()  # an unclosed single mark: most likely an apostrophe, drop it
        return end

    # -- one mark --------------------------------------------------------------------------
    def mark(self, i: int, mark: str) -> None:
        family, role = _MARKS[mark]
        width = len(mark)
        left, right = _flanks(self.text, i, width)
        if family == SINGLE and _is_apostrophe(self.text, i, mark, left, right, self.has_open(SINGLE)):
            return
        open_here = self.has_open(family)
        if role == "open":
            if right and not left and open_here:
                self.close(family, i, width)  # a misused opener closing a quote
            else:
                self.push(family, i, width)
        elif role == "close":
            if open_here and (right or not left):
                self.close(family, i, width)
            elif left and not right and family != SINGLE:
                self.push(family, i, width)  # a misused closer opening a quote (”Text”)
            elif open_here:
                self.close(family, i, width)
        else:  # ambiguous straight mark
            if left and not right:
                self.push(family, i, width)
            elif not left and not right and not open_here and _spaced_opener(self.text, i, width):
                self.push(family, i, width)  # " ‘You call me,’ I told them ...": a spaced nested opening
            elif right and not left:
                if open_here:
                    self.close(family, i, width)
            elif open_here:
                self.close(family, i, width)
            elif left or not self.text[i - 1:i].isspace():
                self.push(family, i, width)


_LINE_END_OK = set(".!?:;\"”’»)…")


def is_paragraph_break(text: str, i: int) -> bool:
    """Is the newline at ``i`` a paragraph end rather than a hard wrap inside a paragraph?

    A blank line always ends a paragraph; a single newline does when the line before it ends a
    sentence (or a quote, or a colon) or the line is short like a headline, so text hard-wrapped
    at a fixed width does not cut its quotes.
    """
    nxt = text[i + 1] if i + 1 < len(text) else "\n"
    if nxt in "\n\r" or i == 0:
        return True
    j = i - 1
    while j >= 0 and text[j] in " \t\r":
        j -= 1
    if j < 0 or text[j] == "\n" or text[j] in _LINE_END_OK:
        return True
    line_start = text.rfind("\n", 0, j) + 1
    return j - line_start < 40


def find_quotes(text: str) -> list[Quoted]:
    """All top-level quoted stretches of ``text`` in text order (nested ones in ``.inner``).

    A paragraph ends at a blank line or at a newline ending a sentence (:func:`is_paragraph_break`);
    the scan is one pass over the marks and newlines, so it is linear in the length of the text
    whatever the marks are.
    """
    sc = _Scanner(text)
    pos = 0
    for m in _MARK_RE.finditer(text):
        i = m.start()
        if i < pos:
            continue  # consumed as the continuation mark of a multi-paragraph quote
        if m.group() == "\n":
            if is_paragraph_break(text, i):
                pos = sc.paragraph_end(i)
            continue
        if m.group() == "''" and text[i + 2:i + 3] == "'" and sc.stack and sc.stack[-1].family == SINGLE:
            sc.mark(i, "'")  # three marks close a nested single quote, then a TeX-style double one
            sc.mark(i + 1, "''")
            pos = i + 3
            continue
        sc.mark(i, m.group())
    sc.paragraph_end(len(text))
    out = _unwrap(text, sc.out)
    for q in out:
        q.start = _lstrip(text, q.start, q.end)
        q.end = _rstrip(text, q.start, q.end)
    return out


def _unwrap(text: str, quotes: list[Quoted]) -> list[Quoted]:
    """Drop straight marks wrapped around a paragraph that itself opens with a curly quote
    (``"“We won,” she said."``): a scraping artefact, not a quotation of the whole paragraph."""
    out: list[Quoted] = []
    for q in quotes:
        if text[q.open] == '"' and q.inner and q.inner[0].open == q.open + 1 and text[q.open + 1] in "“‘":
            for inner in q.inner:
                inner.depth = 0
                out.append(inner)
        else:
            out.append(q)
    return out


def quoted_ranges(quotes: list[Quoted]) -> list[tuple[int, int]]:
    """(open, outer_end) of each top-level quote: the character ranges that are quotation."""
    return [(q.open, q.outer_end) for q in quotes]


__all__ = ["DOUBLE", "GUILLEMET", "MAX_DEPTH", "SGUILLEMET", "SINGLE", "Quoted", "find_quotes", "is_paragraph_break",
           "quoted_ranges"]
