"""Map character offsets in a raw text to offsets in newsgraph's cleaned text of it.

Gold sets labelled on a corpus' raw text (the AllSides ``text`` field) are scored on the cleaned
text the pipeline reads. Cleaning (:func:`newsgraph.ingest.clean.clean_text`) works on whole lines:
it drops boilerplate lines, labels at a line's start (share buttons, a picture's credit) and a
reporters' credit at its end, normalises the spaces inside a kept line, drops invisible characters,
collapses blank lines, and may put the headline first. So the mapping is built line by line: each
raw line is matched to the next cleaned line equal to its normalised form (looking a few lines
ahead, past a prepended headline), and inside a matched line characters are walked side by side,
white space and invisible characters of the raw line mapping to where they were collapsed, and
spaces cleaning put in skipped.
Offsets in dropped lines map to ``None``.
"""

from __future__ import annotations

import re
import unicodedata

from ..ingest.clean import (
    INVISIBLE,
    PUNCT_RUN,
    break_runs,
    share_prefix_end,
    strip_credit,
    strip_media_labels,
    unglue_quotes,
)

_INVISIBLE = frozenset(INVISIBLE)
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_LOOKAHEAD = 4


def _norm_line(line: str) -> str:
    line = _SPACES.sub(" ", "".join(c for c in line if c not in _INVISIBLE)).strip()
    return unglue_quotes(break_runs(line) if len(line) > PUNCT_RUN else line)


class Alignment:
    """``raw -> clean`` offsets: :meth:`pos` for one offset, :meth:`span` for a span."""

    def __init__(self, raw: str, clean: str) -> None:
        self.map: list[int | None] = [None] * (len(raw) + 1)
        raw_lines = raw.split("\n")  # a "\r" before it is trailing space of the line
        clean_lines = clean.split("\n")
        clean_starts = []
        pos = 0
        for line in clean_lines:
            clean_starts.append(pos)
            pos += len(line) + 1
        k = 0
        r = 0  # offset of the raw line in ``raw``
        for line in raw_lines:
            cut = share_prefix_end(line)  # share buttons cleaning drops from the line's start
            rest = line[cut:].lstrip()
            kept = strip_media_labels(rest)  # and a picture's credit and labels (a suffix of the line, or none)
            cut = len(line) - len(kept) if kept or not rest else len(line)
            target = strip_credit(_norm_line(unicodedata.normalize("NFC", line[cut:])))  # (and a closing credit)
            if target:
                found = None
                seen = 0
                for j in range(k, len(clean_lines)):
                    if clean_lines[j] == target:
                        found = j
                        break
                    if clean_lines[j]:
                        seen += 1
                        if seen > _LOOKAHEAD:
                            break
                if found is not None:
                    self._walk(raw, r + cut, r + len(line), clean, clean_starts[found])
                    k = found + 1
            r += len(line) + 1
        self.map[len(raw)] = len(clean)

    def _walk(self, raw: str, a: int, b: int, clean: str, c: int) -> None:
        """Map raw[a:b] (one kept line) onto the cleaned line starting at ``c``."""
        i = a
        while i < b and (raw[i] in _INVISIBLE or _SPACES.fullmatch(raw[i])):
            self.map[i] = c
            i += 1
        j = c
        while i < b:
            ch = raw[i]
            if ch in _INVISIBLE:
                self.map[i] = j
            elif _SPACES.fullmatch(ch) or ch == "\r":
                self.map[i] = j
                if j < len(clean) and clean[j] == " " and (i + 1 >= b or not _SPACES.fullmatch(raw[i + 1])):
                    j += 1
            elif j < len(clean) and clean[j] == ch:
                self.map[i] = j
                j += 1
            elif j + 1 < len(clean) and clean[j] == " " and clean[j + 1] == ch:
                # a space cleaning put in (in a long run, or after a quotation mark glued to a word)
                self.map[i] = j + 1
                j += 2
            else:
                self.map[i] = j
            i += 1

    def pos(self, i: int) -> int | None:
        return self.map[i] if 0 <= i < len(self.map) else None

    def span(self, start: int, end: int) -> tuple[int, int] | None:
        """The cleaned span of ``raw[start:end]`` (None when it lies in a dropped line)."""
        a = self.pos(start)
        b = self.pos(end - 1) if end > start else a
        if a is None or b is None:
            return None
        return a, b + 1 if end > start else a


__all__ = ["Alignment"]
