"""Find the knowledge base's surface forms in a parsed article.

The index maps each surface form (exactly as written, and with a leading "the" dropped) to the
KB entries that use it. Matching walks the article's tokens and looks up every token n-gram up
to the longest form's length, so a form matches only on token boundaries ("Euro" never matches
inside "European") and no phrase needs tokenising in advance. Longest matches win; overlaps are
dropped left to right.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

_WORD = re.compile(r"[^\W_]+", re.UNICODE)


@dataclass(frozen=True, slots=True)
class Entry:
    kb_id: str
    kind: str  # person | country | organization | bloc
    attr: str  # name | alias | acronym | adjective | demonym | capital | seat | surname | full_name
    ambiguous: bool = False  # also a common word or another name: needs context to link
    code: str = ""  # a seat of power's CAMEO code ("USAGOV" for the White House), else empty


@dataclass(slots=True)
class Hit:
    start: int  # token index
    end: int  # token index, exclusive
    entries: tuple[Entry, ...]

    def kinds(self) -> set[str]:
        return {e.kind for e in self.entries}

    def attrs(self) -> set[str]:
        return {e.attr for e in self.entries}


class PhraseIndex:
    """Surface form -> KB entries, for exact, case-sensitive matching on token boundaries."""

    def __init__(self, phrases: Iterable[Any]):
        self.forms: dict[str, list[Entry]] = {}
        self.with_the: set[str] = set()
        self.first_words: dict[str, int] = {}  # leading word of a form -> longest such form (chars)  # forms whose KB phrase starts with "the" ("the United States")
        self.max_chars = 1
        for p in phrases:
            text = " ".join(str(p.text).split())
            if not text or len(text) < 2:
                continue
            entry = Entry(p.kb_id, p.kind, p.attr, bool(getattr(p, "ambiguous", False)),
                          (getattr(p, "code", "") or "") if p.attr == "seat" else "")
            if text.lower().startswith("the "):
                self.with_the.add(text[4:])
            for form in self._variants(text):
                bucket = self.forms.setdefault(form, [])
                if entry not in bucket:
                    bucket.append(entry)
                self.max_chars = max(self.max_chars, len(form))
                first = _WORD.match(form)
                if first is not None:
                    key = first.group()
                    self.first_words[key] = max(self.first_words.get(key, 0), len(form))

    @staticmethod
    def _variants(text: str) -> list[str]:
        """A form is matched without its leading "the"; the resolver decides whether "the" belongs."""
        if text.lower().startswith("the "):
            return [text[4:]]
        return [text]

    def takes_the(self, form: str) -> bool:
        """Does the KB write this form with a leading "the" (so "the" belongs to the mention)?"""
        return form in self.with_the

    def match(self, doc: Any, tokens: tuple[list[int], list[int], list[str]] | None = None,
              text: str | None = None) -> list[Hit]:
        """Longest non-overlapping matches in ``doc`` (a spaCy Doc). ``tokens`` may pass the
        tokens' start offsets, end offsets and texts, and ``text`` the Doc's text, when the caller
        has them already (``Doc.text`` rebuilds the string from every token each time)."""
        text = doc.text if text is None else text
        if tokens is None:
            tokens = ([t.idx for t in doc], [t.idx + len(t) for t in doc], [t.text for t in doc])
        starts, ends, words = tokens
        firsts = self.first_words
        hits: list[Hit] = []
        n = len(starts)
        i = 0
        while i < n:
            m = _WORD.match(words[i])
            longest = firsts.get(m.group()) if m is not None else None
            if longest is None:
                i += 1
                continue
            start_char = starts[i]
            best: Hit | None = None
            j = i
            while j < n:
                end_char = ends[j]
                if end_char - start_char > longest:
                    break
                entries = self.forms.get(text[start_char:end_char])
                if entries:
                    best = Hit(i, j + 1, tuple(entries))
                j += 1
            if best is not None:
                hits.append(best)
                i = best.end
            else:
                i += 1
        return hits
