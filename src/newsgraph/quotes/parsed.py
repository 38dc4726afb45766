"""What every stage of the quote finder shares: the article under analysis and the records it passes on.

:class:`Parsed` holds the text, its parse, the quotation marks found by :mod:`.marks` and the
indexes the stages look things up in (paragraphs, tokens by offset, quoted ranges).
:class:`Attribution` is one quote before it is tied to an actor, filled in stage by stage: the cue
stage makes it, the content stage gives it its span and kind, the speaker stage its speaker
mention, the chains stage its inheritance, the sources stage its actor and kind of source, the
confidence stage its confidence.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from .marks import Quoted, find_quotes
from .text import Ranges, TokenIndex, paragraphs


@dataclass(slots=True)
class Speaker:
    """The mention that names who speaks: its head token and character span."""

    head: int
    start: int
    end: int
    rule: str = "subject"  # subject | inverted | according-to | document-author | agent | colon-name ...


@dataclass(slots=True)
class Attribution:
    """One quote before it is tied to an actor."""

    start: int
    end: int
    kind: str
    rule: str
    confidence: float
    cue: tuple[int, int] | None = None
    cue_token: int | None = None
    cue_lemma: str | None = None
    speaker: Speaker | None = None
    frame_end: int = 0  # where the sentence carrying the attribution ends (for floating quotes)
    fragments: list[tuple[int, int]] = field(default_factory=list)
    quote_index: int | None = None  # index into the scanner's quotes for direct quotes
    inherits: Attribution | None = None  # the attribution whose speaker a floating quote takes
    negated: bool = False
    context: str = ""  # what the confidence stage keys on besides the rule (see :mod:`.confidence`)


@dataclass(slots=True)
class Found:
    """Everything the stages found in one article."""

    attributions: list[Attribution]
    terms: list[tuple[int, int]]
    quotes: list[Quoted]
    dropped: dict[str, int] = field(default_factory=dict)  # reporting words not taken, by rule


# a quoted name introduced as a name ("so-called “referendums”", "code-named “True Promise”",
# "a group called “X”") is a term, whoever's verb governs the sentence
NAMING = re.compile(r"(?:\bso-called|\bso called|\bcode-?named|\bdubbed|\bnicknamed|\bknown as|\btitled|"
                    r"\bentitled|\bbranded as|\b(?:the|a|his|her|its|their|our) (?:term|word|phrase|slogan|motto|hashtag|"
                    r"catchphrase|chant|rallying cry|battle cry),?)\s*$", re.I)


_TITLE_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
# the small words a title leaves in lower case
_MINOR = frozenset(re.findall(r"\w+", "a an the and or nor but of in on at to for by with from as into via vs per up off out"))


# a frame of saying right after a quotation, within its sentence ("," said Jones; ," she added)
_FRAME_AFTER = re.compile(r"[^.?!,;\n]{0,40}?\b(?:said|says|added|adds|told|tells|asked|asks|wrote|writes|tweeted|"
                          r"recalled|insisted|argued|explained|declared|replied|shouted|joked)\b")


def title_case(text: str, q: Quoted) -> bool:
    """A quotation written in title case, every word but the small ones capitalised ("Scandal and
    Civility", "The Greatest Comeback: How a Party Rose From Defeat"): the title of a work, a show
    or a slogan, named rather than said. Speech is written in sentence case ("Rahm Emanuel's got to
    go" is not title case); a quotation all in capitals is shouted, not titled."""
    if q.close is None or q.multi_paragraph:
        return False
    if text[q.start:q.end].rstrip().endswith((",", "!", "?")) and _FRAME_AFTER.match(text, q.close + 1):
        return False  # "“Anybody But Mr. Smith,” said a voter": a comma and a frame of saying after it
    words = _TITLE_WORD.findall(text, q.start, q.end)
    major = [w for w in words if w.lower() not in _MINOR]
    return 2 <= len(words) <= 14 and len(major) >= 2 and all(w[0].isupper() for w in major) \
        and not all(w.isupper() for w in major)


class Parsed:
    """The text, its parse and the indexes the stages share."""

    def __init__(self, text: str, doc: Any, *, object_contents: bool = True, unquoted_objects: bool = False,
                 body_start: int = 0):
        self.text = text
        self.doc = doc
        self.object_contents = object_contents
        self.unquoted_objects = unquoted_objects
        self.body_start = body_start
        self.tokens = TokenIndex(doc)
        self.paras = paragraphs(text)
        self.para_starts = [a for a, _ in self.paras]
        # reporting words and quotations the speech-only rules set aside, by rule (``unrealised``,
        # ``negated-question``, ``attributive-term`` ...): how often each rule fires, for
        # scripts/quote_rule_rates.py and the scratch
        self.dropped: Counter[str] = Counter()
        found = find_quotes(text)
        self.named_terms = []
        for q in found:
            if NAMING.search(text[max(0, q.open - 40):q.open]):
                self.named_terms.append((q.start, q.end))
            elif self._attributive(q):
                self.named_terms.append((q.start, q.end))
                self.dropped["attributive-term"] += 1
            elif title_case(text, q):
                self.named_terms.append((q.start, q.end))
                self.dropped["title-case"] += 1
        named = set(self.named_terms)
        self.quotes = [q for q in found if (q.start, q.end) not in named]
        self.quoted = Ranges([(q.open, q.outer_end) for q in self.quotes])
        self.by_open = {q.open: q for q in self.quotes}
        self.entity_words: set[str] | None = None  # words of PERSON/ORG entities, built when first asked

    def _attributive(self, q: Quoted) -> bool:
        """A short quoted clause or name that modifies the noun right after it (``in “you are no
        statesman” fashion``, a “whatever it takes” moment, the “Clean Air First” policy) is mentioned,
        not used: a term, whoever's verb governs the sentence."""
        if q.close is None or q.multi_paragraph or self.text[q.close + 1:q.close + 2] != " ":
            return False
        idx = self.tokens.within(q.start, q.end)
        if not idx or len(idx) > 8 or any(self.doc[i].text in (".", "!", "?") for i in idx):
            return False
        doc = self.doc
        first, last = doc[idx[0]], doc[idx[-1]]
        before = next((doc[k] for k in range(first.i - 1, max(-1, first.i - 3), -1) if not doc[k].is_punct), None)
        after = next((doc[k] for k in range(last.i + 1, min(len(doc), last.i + 3)) if not doc[k].is_punct), None)
        if after is None or after.tag_ not in ("NN", "NNS") or after.idx < q.outer_end or after.ent_type_ in ("DATE", "TIME"):
            return False
        # between a determiner, possessive or preposition and the noun it modifies: "in “X” fashion"
        if before is None or not (before.pos_ in ("DET", "ADP") or before.tag_ in ("IN", "DT", "PRP$")):
            return False
        # a clause or a name used as a modifier; not an adjective or noun quoted from someone (a
        # “filthy” lie, a “very short-term” bill: the speaker's word, if a reporting verb governs it)
        words = [doc[i] for i in idx if doc[i].is_alpha]
        clause = any(doc[i].tag_ in ("VBZ", "VBP", "VBD", "MD") for i in idx)
        name = len(words) >= 2 and all(w.text[0].isupper() or w.is_stop for w in words) and words[0].text[0].isupper()
        return clause or name

    def only_a_name(self, tok: Any) -> bool:
        """Is ``tok``, the head of a clause or phrase, a word of a quoted name (``told KXBT's “Capitol
        Morning” on Friday``, where the parser made the programme's title a clause of the verb)? A
        clause headed inside a title is no clause: what hangs on it (a date, a possessive) is the
        writer's."""
        term = self.name_named(tok.head, tok.idx)
        return term is not None and tok.head.i != tok.i

    def name_named(self, verb: Any, char: int) -> tuple[int, int] | None:
        """The quoted name (a named term) at ``char`` (its opening mark included) after ``verb``,
        unless the writer introduces the quoted words as what was said (``reported that “Premiums
        To Fall”``, ``wrote: “...”``): a headline reported is what was said."""
        term = next(((a, b) for a, b in self.named_terms if a - 1 <= char < b + 1), None)
        if term is None or verb.idx >= term[0]:
            return None
        lead = self.text[verb.idx + len(verb.text):term[0]]
        return None if re.search(r"\bthat\b", lead) or ":" in lead else term

    def para_of(self, char: int) -> tuple[int, int]:
        i = bisect_right(self.para_starts, char) - 1
        if i < 0:
            return (0, self.paras[0][0] if self.paras else len(self.text))
        return self.paras[i]

    def para_index(self, char: int) -> int:
        """The number of the paragraph holding ``char`` (-1 before the first)."""
        return bisect_right(self.para_starts, char) - 1

    def toks(self, start: int, end: int) -> list[Any]:
        return [self.doc[i] for i in self.tokens.within(start, end) if not self.doc[i].is_space]

    def in_quote(self, tok: Any) -> bool:
        return tok.idx in self.quoted

    def fragments_in(self, start: int, end: int) -> list[tuple[int, int]]:
        return self.quoted.overlapping(start, end)


__all__ = ["NAMING", "Attribution", "Found", "Parsed", "Speaker"]
