"""Find attributions (who said what) in a parsed article: direct, partial and indirect quotes.

The rules, in the order they run (each one documented where it is written):

1. **Quotation marks** (:mod:`.marks`) give the quoted stretches. Each is *standalone* (it stands
   as a sentence of its own: nothing before it in its sentence, or a frame ending in ``:`` or
   ``,`` or a reporting verb) or *embedded* (a phrase inside the writer's sentence).
2. **Frames** attribute a standalone quote: a reporting verb with its subject right after the
   quote (``”, the minister said``, inverted ``”, said Putin``, ``”, Hill, a doctor, said``) or
   before it (``He told reporters: “``, ``According to X, “``), or a colon frame ending the
   previous paragraph (``Caddell continued:``).
3. **Reporting clauses** give indirect and partial quotes: a reporting verb's clausal complement
   (``said that ...``, ``vowed to ...``, ``called for ...``), ``according to X``, a speech
   noun's that-clause (``his claim that ...``, ``said in a statement that ...``), a verb whose
   subject is a speech document (``a declaration which praised ...``), a frame set inside the
   sentence it reports (``Tariffs, the minister said, are ...``, ``As X put it, ...``), a verb of
   judging with its reason (``accused the mayor of negligence``), and ``NAME: words`` paragraphs
   (transcripts, headlines). The content is the whole complement, less a tail that belongs to
   the reporting sentence (``said A, adding B``; ``said she respects X and praised Y``, a
   conjunct in the reporting verb's tense); it is *partial* when it holds a quoted fragment,
   *direct* when the quotation is all of it. A frame after a comma at the end of a sentence
   (``A, she said.``) reports the words before it, even when the parser made it a modifier or
   split it off as a sentence of its own.
3b. **Noun-phrase contents** (rule ``object``, confidence 0.5, ``[quotes] object_contents``): as in
   PARC-style attribution, a verb of saying with a plain object or topic reports that object
   (``claimed responsibility for the blast``, ``denied the allegations``, ``warned against
   foreign hackers``, ``argued in favour of X``, ``described the talks as constructive``) — but
   not verbs whose object is not something said (``added troops``, ``called a meeting``,
   ``welcomed the governor``), dates, ``has not responded to requests for comment``, infinitives (``voted to
   approve the budget``), passive participles, or an object holding a writer's term (``its so-called
   “referendums”``). The verb's event, if it codes one, is coded as before.
4. **The partial-quote rule**: a quoted fragment is somebody's speech only when a reporting
   predicate dominates it in the dependency tree through a complement (not a subject, not an
   adjunct): a verb of saying or commitment (say, vow, pledge, call, describe, brand, dub ...),
   a verb of evaluation whose object or reason is the quoted words (``blasted the report for
   being “one-sided”``), or a verb whose subject is a speech document. Nested reports give nested
   quotes, so in ``X said Y called it “Z”`` the tightest quote holding the fragment is Y's. Label
   verbs (call, describe, brand, dub) take the labelled object and the quoted label together as
   content. A fragment with no reporting predicate above it is a *term* (scare quotes, titles,
   coinages such as the “collective West”): it is recorded as a term and never attributed.
5. **Floating quotes**: a standalone quote with no frame inherits the speaker of the attribution
   it directly follows (only whitespace or punctuation between them); failing that, the person
   named as subject of the preceding sentence (lower confidence); otherwise it is kept
   without a speaker.

The speaker here is a *mention* (a token of the parse); mapping it to a canonical actor is the
component's job (:mod:`newsgraph.quotes`), through the actors component's output only.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from . import lexicon as lx
from .marks import Quoted, find_quotes
from .text import Ranges, TokenIndex, paragraphs, sentence_ends, tok_end, trim

_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass", "agent", "expl"})
_CLAUSE_CUE_POS = frozenset({"VERB"})


@dataclass(slots=True)
class Speaker:
    """The mention that names who speaks: its head token and character span."""

    head: int
    start: int
    end: int
    rule: str = "subject"  # subject | inverted | according-to | document-author | possessor ...


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


@dataclass(slots=True)
class Found:
    """Everything the rules found in one article."""

    attributions: list[Attribution]
    terms: list[tuple[int, int]]
    quotes: list[Quoted]


# ---------------------------------------------------------------------------------------------
# the article under analysis
# ---------------------------------------------------------------------------------------------


_NAMING = re.compile(r"(?:\bso-called|\bso called|\bcode-?named|\bdubbed|\bnicknamed|\bknown as|\btitled|"
                     r"\bentitled|\bbranded as|\bthe (?:term|word|phrase|slogan|motto|hashtag))\s*$", re.I)


class _Article:
    """The text, its parse and the indexes the rules share."""

    def __init__(self, text: str, doc: Any, *, object_contents: bool = True):
        self.text = text
        self.doc = doc
        self.object_contents = object_contents
        self.tokens = TokenIndex(doc)
        self.paras = paragraphs(text)
        self.para_starts = [a for a, _ in self.paras]
        found = find_quotes(text)
        # a quoted name introduced as a name ("so-called “referendums”", "code-named “True
        # Promise”") is a term, whoever's verb governs the sentence
        self.named_terms = [(q.start, q.end) for q in found if _NAMING.search(text[max(0, q.open - 40):q.open])]
        self.quotes = [q for q in found if (q.start, q.end) not in set(self.named_terms)]
        self.quoted = Ranges([(q.open, q.outer_end) for q in self.quotes])
        self.by_open = {q.open: q for q in self.quotes}
        self.entity_words: set[str] | None = None  # words of PERSON/ORG entities, built when first asked

    def para_of(self, char: int) -> tuple[int, int]:
        from bisect import bisect_right

        i = bisect_right(self.para_starts, char) - 1
        if i < 0:
            return (0, self.paras[0][0] if self.paras else len(self.text))
        return self.paras[i]

    def toks(self, start: int, end: int) -> list[Any]:
        return [self.doc[i] for i in self.tokens.within(start, end) if not self.doc[i].is_space]

    def in_quote(self, tok: Any) -> bool:
        return tok.idx in self.quoted

    def fragments_in(self, start: int, end: int) -> list[tuple[int, int]]:
        return self.quoted.overlapping(start, end)


# ---------------------------------------------------------------------------------------------
# speakers
# ---------------------------------------------------------------------------------------------


def is_cue(tok: Any) -> bool:
    """A verb of saying (by lemma) used as a verb."""
    return tok.pos_ in _CLAUSE_CUE_POS and tok.lemma_.lower() in lx.SPEECH_VERBS


def is_frame_cue(tok: Any) -> bool:
    """A reporting verb that can frame a quotation on its own (``Smith said “...”``): a finite
    or participial verb of saying that is not one of the ambiguous ones (``to counter``)."""
    return (is_cue(tok) and tok.lemma_.lower() not in lx.NEEDS_CLAUSE
            and tok.tag_ in ("VBD", "VBZ", "VBP", "VBG", "VBN"))


def _np_span(tok: Any) -> tuple[int, int]:
    """Character span of the noun phrase headed by ``tok`` without clauses and appositions.

    Why cut: ``The NATO Secretary General Mira Holt, who chaired the talks,`` should be
    the mention ``The NATO Secretary General Mira Holt``; ``members of the CSTO`` keeps its
    ``of`` phrase because the group is named there.
    """
    if tok.pos_ == "PRON":
        return tok.idx, tok_end(tok)
    left = tok
    for t in tok.lefts:
        if t.dep_ in ("punct",) or t.text in ",(":
            left = tok
            continue
        left = t.left_edge if t.left_edge.i < left.i else left
        break
    # never run left over a comma inside the subtree ("Speaking Monday, X")
    i = left.i
    while i < tok.i and any(x.text == "," for x in tok.doc[i:tok.i]):
        i += 1
    left_tok = tok.doc[i]
    right = tok
    for c in tok.rights:
        glued = c.dep_ == "appos" and c.left_edge.i == right.i + 1 and not c.left_edge.is_punct  # "director Nihad Awad"
        if c.dep_ in ("compound", "flat", "nummod") or (c.dep_ == "prep" and c.lower_ == "of") or glued:
            right = c.right_edge if c.right_edge.i > right.i else right
        else:
            break
    while left_tok.i < tok.i and (left_tok.is_punct or left_tok.is_space):
        left_tok = tok.doc[left_tok.i + 1]
    while right.i > tok.i and (right.is_punct or right.is_space):
        right = tok.doc[right.i - 1]
    inside = tok.doc[left_tok.i:right.i + 1]
    opened = sum(t.text == "(" for t in inside) - sum(t.text == ")" for t in inside)
    if opened > 0 and right.i + 1 < len(tok.doc) and tok.doc[right.i + 1].text == ")":
        right = tok.doc[right.i + 1]  # keep "(R-WI)" whole
    return left_tok.idx, tok_end(right)


def _speaker(tok: Any, rule: str = "subject") -> Speaker:
    start, end = _np_span(tok)
    return Speaker(tok.i, start, end, rule)


def _author_of(noun: Any, depth: int) -> Speaker | None:
    """Who authored a speech document: ``Putin’s statement``, ``a statement by X``,
    ``the ministers adopted a declaration``."""
    for c in noun.children:
        if c.dep_ == "poss":
            return _resolve_np(c, depth + 1, "document-author")
    for c in noun.children:
        if c.dep_ == "prep" and c.lower_ in ("by", "from"):
            for p in c.children:
                if p.dep_ == "pobj":
                    return _resolve_np(p, depth + 1, "document-author")
    if noun.dep_ in ("dobj", "nsubjpass", "obj") and noun.head.lemma_.lower() in lx.AUTHORING_VERBS:
        sp = subject_of(noun.head, depth + 1)
        if sp is not None:
            sp.rule = "document-author"
        return sp
    return None


def _resolve_np(tok: Any, depth: int = 0, rule: str = "subject") -> Speaker | None:
    """The speaker a subject token stands for: relative pronouns point at their noun, speech
    documents at their author."""
    if depth > 6:
        return None
    if tok.lower_ in lx.RELATIVE_PRONOUNS and tok.head.dep_ in ("relcl", "acl") and tok.head.head.i != tok.head.i:
        return _resolve_np(tok.head.head, depth + 1, rule)
    if tok.dep_ == "expl":
        return None
    if tok.lemma_.lower() in lx.DOCUMENT_NOUNS and tok.pos_ in ("NOUN", "PROPN"):
        author = _author_of(tok, depth)
        if author is not None:
            return author
    return _speaker(tok, rule)


def subject_of(verb: Any, depth: int = 0) -> Speaker | None:
    """Who does the reporting verb ``verb``: its subject, the agent of a passive, or, for a verb
    without a subject of its own (``and added``, ``went on to say``, ``, saying that``,
    ``Citing ..., X pointed``), the subject of the verb it hangs from."""
    if depth > 6:
        return None
    for c in verb.children:
        if c.dep_ == "agent":
            for p in c.children:
                if p.dep_ == "pobj":
                    return _resolve_np(p, depth + 1, "agent")
    for dep in ("nsubj", "csubj", "nsubjpass"):
        subjects = sorted((c for c in verb.children if c.dep_ == dep), key=lambda c: abs(c.i - verb.i))
        for c in subjects[:1]:  # the nearest: "10:15 a.m. [para] The senator says" has two
            if c.lower_ == "there" or (c.lower_ == "it" and (dep == "nsubjpass" or verb.lemma_ in (
                    "be", "seem", "appear", "remain", "become"))):
                return None  # "it is said that" has no speaker; "it reads" does
            return _resolve_np(c, depth + 1)
    head = verb.head
    if head.i == verb.i:
        return None
    if verb.dep_ in ("conj", "xcomp", "advcl") and head.pos_ in ("VERB", "AUX"):
        return subject_of(head, depth + 1)
    if verb.dep_ == "ccomp" and verb.i > 0 and verb.doc[verb.i - 1].pos_ == "CCONJ":
        return subject_of(head, depth + 1)  # "said X but said Y": a coordination parsed as ccomp
    if verb.dep_ == "pcomp" and head.head.i != head.i:  # "by saying that", "after warning that"
        return subject_of(head.head, depth + 1)
    if verb.dep_ in ("relcl", "acl") and head.pos_ in ("NOUN", "PROPN", "PRON"):
        return _resolve_np(head, depth + 1)
    return None


def _subject(art: _Article, verb: Any) -> Speaker | None:
    """:func:`subject_of`, kept inside the verb's paragraph: the parser sometimes runs a sentence
    over a paragraph break (``10:15 a.m.`` + ``The senator says``) and takes the wrong subject."""
    sp = subject_of(verb)
    if sp is not None and art.in_quote(art.doc[sp.head]):  # the quoted words are never their own frame
        sp = subject_of(verb.head) if verb.dep_ in ("advcl", "xcomp", "conj") and verb.head.i != verb.i else None
        if sp is not None and art.in_quote(art.doc[sp.head]):
            sp = None
    if sp is None:
        return None
    p0, p1 = art.para_of(verb.idx)
    if p0 <= sp.start and sp.end <= p1:
        return sp
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None:
        return None
    inside = [t for t in subj.subtree if p0 <= t.idx < verb.idx and t.pos_ in ("PROPN", "NOUN", "PRON")]
    if not inside:
        return None
    head = inside[-1]
    first = next(t for t in subj.subtree if t.idx >= p0 and not t.is_space)
    return Speaker(head.i, max(first.idx, p0), tok_end(head), sp.rule)


def _document_subject(verb: Any) -> Speaker | None:
    """The author when ``verb``'s subject is a speech document (``the statement praised``)."""
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None or subj.dep_ == "nsubjpass":  # "the memo was due to be sent"
        return None
    noun = subj
    if noun.lower_ in lx.RELATIVE_PRONOUNS and verb.dep_ == "relcl":
        noun = verb.head
    if noun.lemma_.lower() not in lx.DOCUMENT_NOUNS:
        return None
    author = _author_of(noun, 0)
    return author if author is not None else _speaker(noun, "document")


# ---------------------------------------------------------------------------------------------
# rule 1: standalone or embedded
# ---------------------------------------------------------------------------------------------


@dataclass(slots=True)
class _Frame:
    pre: tuple[int, int]
    post: tuple[int, int]
    standalone: bool


def _frames(art: _Article) -> list[_Frame]:
    """The writer's text before and after each quote within its sentence, and whether the quote
    stands as a sentence of its own."""
    text, out = art.text, []
    quotes = art.quotes
    # first pass: where each pre-frame starts, and whether the quote is standalone
    pres: list[tuple[int, int]] = []
    standalone: list[bool] = []
    for k, q in enumerate(quotes):
        p0, _p1 = art.para_of(q.open)
        lo = p0
        if k and quotes[k - 1].outer_end <= q.open and quotes[k - 1].outer_end >= p0:
            lo = quotes[k - 1].outer_end
        ends = sentence_ends(text, lo, q.open)
        if ends:
            lo = ends[-1]
        pres.append((lo, q.open))
        standalone.append(_opens_sentence(art, lo, q.open, k))
    for k, q in enumerate(quotes):
        _p0, p1 = art.para_of(max(q.outer_end - 1, q.open))
        hi = p1
        if k + 1 < len(quotes) and quotes[k + 1].open < hi and standalone[k + 1]:
            hi = quotes[k + 1].open
        ends = sentence_ends(text, q.outer_end, hi)
        if ends:
            hi = ends[0]
        out.append(_Frame(pres[k], (q.outer_end, max(hi, q.outer_end)), standalone[k]))
    return out


def _opens_sentence(art: _Article, lo: int, open_: int, k: int) -> bool:
    """Is the quote at ``open_`` standalone: nothing of the writer's before it in its sentence,
    or a frame ending in ``:``/``,``/a dash, or a bare reporting verb (``Smith said “...”``)?"""
    pre = art.text[lo:open_].rstrip().rstrip("\"“”‘’'«»( \t")
    if not pre:
        return True
    if pre[-1] in ":,—–(":
        return True
    toks = art.toks(lo, open_)
    return bool(toks) and is_frame_cue(toks[-1])


# ---------------------------------------------------------------------------------------------
# rule 2: frames next to standalone quotes
# ---------------------------------------------------------------------------------------------


def _post_frame(art: _Article, frame: _Frame) -> tuple[Any, Speaker | None, int] | None:
    """A reporting verb and its speaker right after a quote. Returns (cue token, speaker, cue
    distance in tokens)."""
    toks = [t for t in art.toks(*frame.post) if not art.in_quote(t)]
    if toks and toks[0].text in ("―", "—", "–", "-", "--") and len(toks) > 1:
        dashed = _dash_name(toks[1:])
        if dashed is not None:
            return toks[0], dashed, 0
    while toks and toks[0].is_punct:
        toks = toks[1:]
    if not toks:
        return None
    first = toks[0]
    if first.lower_ == "according" and len(toks) > 2:
        sp = _according_to(first)
        return (first, sp, 0) if sp else None
    nxt = toks[1] if len(toks) > 1 else None
    names_next = nxt is not None and (nxt.pos_ in ("PROPN", "DET") or nxt.lower_ in lx.PRONOUNS_PERSON)
    if is_cue(first) and (names_next or not _has_own_content(art, first)):  # inverted: ”, said Putin
        sp = _subject(art, first)
        if sp is None or sp.start < first.idx:
            nxt = next((t for t in toks[1:] if t.pos_ in ("PROPN", "NOUN", "PRON")), None)
            sp = _resolve_np(_np_head(nxt), 0, "inverted") if nxt is not None else None
        elif sp is not None:
            sp.rule = "inverted"
        return first, sp, 0
    for n, t in enumerate(toks[:14]):
        if t.pos_ not in ("VERB", "AUX"):
            continue
        if not is_cue(t) and not _manner_frame(toks, n):
            return None
        if _has_own_content(art, t):
            return None
        sp = _subject(art, t)
        if sp is not None and sp.start >= first.idx:
            return t, sp, n
        # the parser lost the subject: take the noun phrase between the quote and the verb
        head = next((x for x in reversed(toks[:n]) if x.pos_ in ("PROPN", "NOUN", "PRON")), None)
        if head is not None and all(x.pos_ in ("PROPN", "NOUN", "PRON", "DET", "ADJ", "PUNCT", "ADV", "PART",
                                               "NUM", "ADP", "CCONJ")
                                    for x in toks[:n]):
            return t, _speaker(head, "adjacent-np"), n
        return None
    return None


def _manner_frame(toks: list[Any], n: int) -> bool:
    """``“We did it!” Okafor beamed.``: a verb outside the lexicon frames a quotation
    when the frame is only a short subject and that verb, with nothing after it in its sentence."""
    verb = toks[n]
    rest = [t for t in toks[n + 1:] if not t.is_punct]
    return (verb.pos_ == "VERB" and verb.tag_ in ("VBD", "VBZ") and n <= 6 and not rest
            and any(c.dep_ == "nsubj" for c in verb.children))


def _has_own_content(art: _Article, verb: Any) -> bool:
    """Does the verb report a clause of its own after it (``Roberts said it would be ...``)?
    Then it is a new report, not the frame of the quotation before it."""
    return any(c.dep_ in ("ccomp", "xcomp") and c.i > verb.i and not art.in_quote(c) for c in verb.children)


def _dash_name(toks: list[Any]) -> Speaker | None:
    """``“...” ― Esther Tapia``: a name alone after a dash ends the quote's paragraph or line."""
    names = []
    for t in toks:
        if t.pos_ == "PROPN" or (names and t.text in (".", "-")):
            names.append(t)
        else:
            break
    names = [t for t in names if t.pos_ == "PROPN"]
    rest = toks[len(names):]
    if not names or any(not t.is_punct for t in rest[:1]):
        return None
    return Speaker(names[-1].i, names[0].idx, tok_end(names[-1]), "dash-name")


def _np_head(tok: Any) -> Any:
    """Climb from a modifier to the head of its noun phrase (``Vladimir`` -> ``Putin``)."""
    while tok.dep_ in ("compound", "amod", "det", "poss", "nmod", "flat", "nummod") and tok.head.i > tok.i:
        tok = tok.head
    return tok


def _according_to(tok: Any) -> Speaker | None:
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ == "to":
            for p in c.children:
                if p.dep_ == "pobj":
                    return _resolve_np(p, 0, "according-to")
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    if nxt is not None and nxt.lower_ == "to" and tok.i + 2 < len(tok.doc):
        cand = next((t for t in tok.doc[tok.i + 2:tok.i + 10] if t.pos_ in ("PROPN", "NOUN", "PRON")), None)
        if cand is not None:
            return _resolve_np(_np_head(cand), 0, "according-to")
    return None


def _pre_frame(art: _Article, lo: int, hi: int) -> tuple[Any, Speaker | None] | None:
    """A reporting verb (or ``according to``) and its speaker in the frame before a quote."""
    pre = art.text[lo:hi].rstrip()
    toks = [t for t in art.toks(lo, hi) if not art.in_quote(t)]
    if not toks or not pre:
        return None
    if not (pre[-1] in ":,—–" or is_frame_cue(toks[-1])):
        return None
    for t in toks:
        if t.lower_ == "according":
            sp = _according_to(t)
            if sp is not None:
                return t, sp
    words = [t for t in toks if not t.is_punct]
    edge = {words[0].i, words[-1].i} if words else set()  # "Issa continued:", "Continued Stone:"
    cues = [t for t in toks if is_frame_cue(t) or (is_cue(t) and t.i in edge)]
    if cues:
        cue = cues[-1]
        sp = _subject(art, cue)
        if sp is None and words and cue.i == words[0].i:  # inverted: "Continued Stone: “...”"
            nxt = next((t for t in toks if t.i > cue.i and t.pos_ in ("PROPN", "NOUN", "PRON")), None)
            sp = _resolve_np(_np_head(nxt), 0, "inverted") if nxt is not None else None
        return cue, sp
    if pre[-1] == ":":  # "Pat Caddell: “...”", "... - Michael P. McDonald: “...”" — a name and a colon
        named = _colon_name(toks)
        if named is not None:
            return named
        verbs = [t for t in toks if t.pos_ == "VERB" and t.tag_ != "VBN" and not t.text.isupper() and any(
            c.dep_ == "nsubj" and not c.text.isupper() for c in t.children)]
        if verbs and not any(t.pos_ in ("VERB", "AUX") for t in toks if t.i > verbs[-1].i):
            return verbs[-1], _subject(art, verbs[-1])  # "Williamson concludes: “...”"
    return None


def _colon_name(toks: list[Any]) -> tuple[Any, Speaker] | None:
    """The proper name right before a closing colon, itself after a dash or at the frame start."""
    colon, names = toks[-1], []
    for t in reversed(toks[:-1]):
        if t.pos_ == "PROPN" or (names and (t.text in (".", ",") or t.lower_ == "and")):
            names.append(t)  # "Mark Blumenthal and Jon Cohen:"
        else:
            break
    while names and names[-1].pos_ != "PROPN":
        names.pop()
    run = list(reversed(names))
    names = [t for t in run if t.pos_ == "PROPN"]
    if not names or len(run) > 8:
        return None
    k = len(toks) - 2 - len(run)
    if k >= 0 and toks[k].text not in ("-", "—", "–", "―", "--", "|"):
        return None
    if not any(t.ent_type_ in ("PERSON", "ORG") for t in names):
        return None
    return colon, Speaker(names[-1].i, run[0].idx, tok_end(run[-1]), "colon-name")


def _previous_colon_frame(art: _Article, q: Quoted) -> tuple[Any, Speaker | None, int] | None:
    """``Caddell continued:`` ending the paragraph before a quote that opens a paragraph."""
    p0, _ = art.para_of(q.open)
    if art.text[p0:q.open].strip():
        return None
    from bisect import bisect_left

    i = bisect_left(art.para_starts, p0)
    if i <= 0 or i >= len(art.para_starts) or art.para_starts[i] != p0:
        return None
    a, b = art.paras[i - 1]
    if not art.text[a:b].rstrip().endswith(":"):
        return None
    ends = sentence_ends(art.text, a, b)
    lo = max([e for e in ends if e < b - 1] or [a])
    found = _pre_frame(art, lo, b)
    return (found[0], found[1], b) if found else None


# ---------------------------------------------------------------------------------------------
# rule 3: reporting clauses
# ---------------------------------------------------------------------------------------------


def _has_fragment(art: _Article, tok: Any) -> bool:
    return bool(art.fragments_in(tok.left_edge.idx, tok_end(tok.right_edge)))


def _content_children(art: _Article, verb: Any, *, document: bool) -> list[Any]:
    """The dependents of a reporting verb that carry what was said."""
    lemma = verb.lemma_.lower()
    if lemma not in lx.SPEECH_VERBS and not document:  # a verb of evaluation: only quoted words count
        return _fragment_children(art, verb) or _reason_children(verb)
    kids = []
    for c in verb.children:
        dep, low = c.dep_, c.lower_
        # a document's infinitive counts only after a verb of commitment ("the resolution urged X to
        # ..."), not "the scheme is designed to ...", "the ruling appears to be ..."
        clause = dep == "ccomp" or (dep == "xcomp" and lemma in lx.COMMITMENT_VERBS)
        asks_for = dep == "prep" and low == "for" and lemma in ("call", "ask", "press", "push", "appeal", "plead")
        if clause or asks_for:
            kids.append(c)
        elif lemma in lx.NEEDS_CLAUSE and lemma not in lx.LABEL_VERBS:
            continue  # "maintain peace", "point a gun": only a clause makes them reporting
        elif dep in ("dobj", "oprd", "attr", "acomp", "obj") and _has_fragment(art, c):
            if not (lemma in lx.ADDRESSEE_OBJECT and dep == "dobj" and any(
                    x.dep_ in ("ccomp", "xcomp") for x in verb.children)):
                kids.append(c)
        elif dep == "prep" and low == "as" and _has_fragment(art, c):
            kids.append(c)
        elif dep in ("advcl", "dep", "acl") and c.i > verb.i and _starts_with_that(c):
            kids.append(c)  # "posted late on Sunday that ...": a that-clause the parser misplaced
        elif dep == "prep" and c.i > verb.i:
            kids.extend(_document_clause(c))  # "said in a statement that ..."
        elif dep == "advcl" and lemma in ("call", "ask", "press", "push", "appeal", "plead") and any(
                m.dep_ == "mark" and m.lower_ == "for" for m in c.children):
            kids.append(c)  # "called for all parties to publish ..."
    if lemma in lx.LABEL_VERBS and any(_has_fragment(art, k) for k in kids):
        obj = [c for c in verb.children if c.dep_ in ("dobj", "obj") and c not in kids]
        kids.extend(obj)  # "called the plan “deeply flawed”": the labelled thing too
    if not kids and lemma not in lx.NEEDS_CLAUSE:
        kids = _fragment_children(art, verb)
    if not kids:
        kids = _reason_children(verb)
    return kids


def _reason_children(verb: Any) -> list[Any]:
    """``accused the mayor of gross negligence``, ``criticized X for Y``: the person judged and
    the reason, when a verb of judging carries both."""
    if verb.lemma_.lower() not in lx.REASON_VERBS:
        return []
    obj = next((c for c in verb.rights if c.dep_ in ("dobj", "obj")), None)
    if obj is None:
        return []
    for holder in (obj, verb):
        for c in holder.rights:
            if c.dep_ == "prep" and c.lower_ in lx.REASON_PREPS and any(
                    p.dep_ in ("pobj", "pcomp") for p in c.children):
                return [obj, c]
    return []


_CARRIERS = frozenset({"dobj", "obj", "prep", "oprd", "attr", "acomp", "xcomp", "advcl", "dative", "ccomp",
                       "npadvmod", "advmod", "agent"})


def _fragment_children(art: _Article, verb: Any) -> list[Any]:
    """The dependents after a verb up to the last one holding a quotation: ``blasted the report
    for being “one-sided”`` -> ``the report for being “one-sided”``."""
    right = [c for c in verb.rights if c.dep_ in _CARRIERS]
    last = max((n for n, c in enumerate(right) if _has_fragment(art, c)), default=None)
    if last is None:
        return []
    first = next((n for n, c in enumerate(right[:last + 1]) if c.dep_ not in ("advmod", "npadvmod")), last)
    return right[first:last + 1]


def _document_clause(prep: Any) -> list[Any]:
    """The that-clause hanging off a speech noun inside a preposition (``in a statement that``)."""
    for p in prep.children:
        if p.dep_ == "pobj" and p.lemma_.lower() in lx.DOCUMENT_NOUNS | lx.SPEECH_NOUNS:
            return [c for c in p.children if c.dep_ in ("acl", "ccomp", "relcl") and _starts_with_that(c)]
    return []


def _starts_with_that(clause: Any) -> bool:
    first = clause.left_edge
    return first.lower_ == "that" and first.head.i == clause.i and first.i < clause.i


def _span_of(art: _Article, verb: Any, kids: list[Any]) -> tuple[int, int] | None:
    """One contiguous content span from the content dependents on one side of the verb."""
    right = [k for k in kids if k.i > verb.i]
    left = [k for k in kids if k.i < verb.i]
    inverted = any(c.dep_ in ("nsubj", "nsubjpass") and c.i > verb.i for c in verb.children)
    side = left if left and inverted else (right or left)  # "A, said X, who helped B": A
    if not side:
        return None
    start = min(k.left_edge.idx for k in side)
    end = max(tok_end(k.right_edge) for k in side)
    if side is right:
        start = max(start, tok_end(verb))
        end = min([end, *(c for c in (_tail_cut(verb, k) for k in side) if c is not None)])
    else:
        end = min(end, verb.idx)
    p0, p1 = art.para_of(verb.idx)
    start, end = max(start, p0), min(end, p1)
    end = _before_main_clause(verb, start, end)
    start, end = _strip_that(art, start, end)
    start, end = trim(art.text, start, end, strip_chars=" \t\r\n,;:—–-")
    return _with_marks(art, start, end) if end > start else None


def _finite_tag(verb: Any) -> str:
    """The tag of the word carrying tense: the first auxiliary, else the verb (``has championed``
    -> VBZ, ``must be`` -> MD)."""
    aux = [c for c in verb.lefts if c.dep_ in ("aux", "auxpass")]
    return aux[0].tag_ if aux else verb.tag_


def _tail_cut(verb: Any, head: Any) -> int | None:
    """Where a content clause stops because its tail belongs to the reporting sentence, not to
    what was said; the parser hangs these on the content's head:

    * a participle of saying after a comma or *and* opens an attribution of its own
      (``said A, adding B``, ``telling CNN A and questioning B``, ``has indicated A, vowing B``);
    * a conjunct in the reporting verb's tense, different from the content's, with no subject or
      a personal pronoun (``She said she respects X and praised Y``, ``Ryan insists A must be B,
      and has backed C``, ``the senator said A is B, and he attacked C``).

    Returns the character where the content ends, or None.
    """
    cuts = []
    matrix, own = _finite_tag(verb), _finite_tag(head)
    for t in head.subtree:
        if t.i <= head.i or t.pos_ not in ("VERB", "AUX") or t.dep_ not in ("conj", "advcl"):
            continue
        prev = t.doc[t.left_edge.i - 1] if t.left_edge.i > 0 else None
        joined = prev is not None and (prev.text in (",", ";", "—", "–") or prev.dep_ == "cc")
        if not joined:
            continue
        if t.tag_ == "VBG" and t.lemma_.lower() in lx.SPEECH_VERBS and not any(
                c.dep_ in ("nsubj", "nsubjpass") for c in t.children):
            cuts.append(t)
        elif t.dep_ == "conj" and t.head.i == head.i and t.tag_ != "VBG" and own != matrix \
                and _finite_tag(t) == matrix:
            subj = [c for c in t.children if c.dep_ in ("nsubj", "nsubjpass")]
            if not subj or (len(subj) == 1 and subj[0].lower_ in lx.PRONOUNS_PERSON | lx.PRONOUNS_GROUP):
                cuts.append(t)
    if not cuts:
        return None
    first = min(cuts, key=lambda t: t.i)
    i = first.left_edge.i
    doc = first.doc
    while i > head.i and (doc[i - 1].dep_ == "cc" or doc[i - 1].is_punct or doc[i - 1].is_space):
        i -= 1
    return doc[i].idx


def _with_marks(art: _Article, start: int, end: int) -> tuple[int, int]:
    """Widen a content span that ends (or starts) inside a quotation to its marks, because the
    parser hangs closing marks on the reporting verb and the subtree stops short of them."""
    r = art.quoted.find(end - 1)
    if r is not None and r[1] > end:
        end = r[1]
    r = art.quoted.find(start)
    if r is not None and r[0] < start:
        start = r[0]
    return start, end


def _before_main_clause(verb: Any, start: int, end: int) -> int:
    """Cut a content that swallowed the main clause of its sentence (``While X claimed that A,
    critics note B`` parsed with B inside A): content never holds the root of a sentence whose
    root is not the reporting verb."""
    root = verb.sent.root
    if root.i == verb.i or not start <= root.idx < end or verb.i > root.i:
        return end
    anchor = root
    for c in root.lefts:
        if c.dep_ in _SUBJECT_DEPS and c.idx > verb.idx:
            anchor = c.left_edge
            break
    return min(end, anchor.idx)


def _strip_that(art: _Article, start: int, end: int) -> tuple[int, int]:
    """Drop a leading complementiser: the content of ``said that X`` is ``X``."""
    head = art.text[start:start + 5]
    if head.lower() == "that " and end - start > 5:
        return start + 5, end
    return start, end


def _inner(art: _Article, start: int, end: int, frags: list[tuple[int, int]]) -> tuple[int, int]:
    """The words inside the marks of a direct quote found as a clause content."""
    q = art.by_open.get(frags[0][0]) if len(frags) == 1 else None
    if q is None:
        return start, end
    return trim(art.text, max(q.start, start), min(q.end, end), strip_chars=" \t\r\n,")


def _kind(art: _Article, start: int, end: int) -> tuple[str, list[tuple[int, int]]]:
    """direct when one quotation is (nearly) the whole content, partial when quotations sit in
    it, indirect otherwise."""
    frags = art.fragments_in(start, end)
    if not frags:
        return "indirect", []
    span_chars = sum(1 for ch in art.text[start:end] if ch.isalnum())
    quoted_chars = sum(1 for a, b in frags for ch in art.text[max(a, start):min(b, end)] if ch.isalnum())
    if span_chars and quoted_chars / span_chars >= 0.9:
        return "direct", frags
    return "partial", frags


def _clause_attributions(art: _Article, used_cues: set[int]) -> list[Attribution]:
    """Indirect and partial quotes from reporting verbs, ``according to``, speech nouns and
    speech-document subjects."""
    out: list[Attribution] = []
    for tok in art.doc:
        if tok.i in used_cues or art.in_quote(tok):
            continue
        found = None
        if is_cue(tok) or (tok.pos_ == "VERB" and tok.lemma_.lower() in lx.EVALUATION_VERBS):
            found = _verb_clause(art, tok, document=False)
        elif tok.pos_ == "VERB" and _document_subject(tok) is not None:
            found = _verb_clause(art, tok, document=True)
        elif tok.lemma_ == "put" and _as_put_it(tok):
            found = _parenthetical(art, tok)
        elif tok.lower_ == "according" and tok.i + 1 < len(art.doc) and art.doc[tok.i + 1].lower_ == "to":
            found = _according_clause(art, tok)
        elif tok.pos_ == "NOUN" and tok.lemma_.lower() in lx.SPEECH_NOUNS:
            found = _noun_clause(art, tok)
        if found is not None:
            out.append(found)
    return out


def _cue_end(verb: Any) -> int:
    """Where the cue ends: after a particle right after the verb ("pointed out", "called for")."""
    prt = next((c for c in verb.children if c.dep_ == "prt" and c.i == verb.i + 1), None)
    return tok_end(prt if prt is not None else verb)


def _verb_clause(art: _Article, verb: Any, *, document: bool) -> Attribution | None:
    kids = _content_children(art, verb, document=document)
    if not kids:
        if not document and is_cue(verb) and verb.tag_ in ("VBD", "VBZ", "VBP", "VBN"):
            found = _parenthetical(art, verb) or _rest_of_sentence(art, verb)
            if found is not None:
                return found
        return _object_content(art, verb) if not document and is_cue(verb) and art.object_contents else None
    span = _span_of(art, verb, kids)
    if span is None or len(art.toks(*span)) < 2:
        return None
    kind, frags = _kind(art, *span)
    if kind == "direct":
        span = _inner(art, *span, frags)
    speaker = _document_subject(verb) if document else _subject(art, verb)
    cue_end = _cue_end(verb)
    negated = any(c.dep_ == "neg" for c in verb.children)
    rule = "document-clause" if document else ("label" if verb.lemma_.lower() in lx.LABEL_VERBS and frags
                                                else "clause")
    conf = {"direct": 0.85, "partial": 0.85, "indirect": 0.75}[kind] * (0.8 if document else 1.0)
    return Attribution(span[0], span[1], kind, rule, conf, cue=(verb.idx, cue_end), cue_token=verb.i,
                       cue_lemma=verb.lemma_.lower(), speaker=speaker, frame_end=_sent_end(art, verb),
                       fragments=frags, negated=negated)


def _object_children(verb: Any) -> list[Any]:
    """What a verb of saying says when it takes a noun phrase: the topic of ``warned against X``,
    ``wrote about X``, ``argued in favour of X``, ``pointed to X``, else its object (``announced his
    resignation``, ``denied the allegations``, ``described the talks as constructive``), or what a
    label verb says of its object (``called him divisive``)."""
    lemma = verb.lemma_.lower()
    if lemma in lx.LABEL_VERBS:  # "called him divisive", "calls herself a centrist"
        label = next((c for c in verb.rights if c.dep_ == "oprd"), None)
        if label is not None:
            obj = next((c for c in verb.rights if c.dep_ in ("dobj", "obj") and c.i < label.i), None)
            return [label] if obj is None else [obj, label]
    for c in verb.rights:
        low = c.lower_
        if c.dep_ != "prep" or low not in lx.TOPIC_PREPS or (low == "to" and lemma not in lx.TO_TOPIC) or (
                low == "on" and lemma not in lx.ON_TOPIC):
            continue
        pobj = next((p for p in c.children if p.dep_ in ("pobj", "pcomp")), None)
        if pobj is not None and low == "in":  # "in favour of X"
            inner = next((x for x in pobj.children if x.dep_ == "prep" and x.lower_ == "of"), None) if \
                pobj.lemma_.lower() in ("favor", "favour", "support", "defense", "defence") else None
            pobj = next((x for x in inner.children if x.dep_ in ("pobj", "pcomp")), None) if inner else None
        if pobj is None or pobj.ent_type_ in _NOT_SAID_ENTS:
            continue
        return [pobj]
    if lemma in lx.NO_OBJECT_CONTENT or lemma in lx.ADDRESSEE_OBJECT:
        return []
    if any(c.dep_ == "dative" or (c.dep_ == "prt" and c.lower_ != "out") for c in verb.children):
        return []  # "refusing the veterans their pensions", "shouting down protesters"
    obj = next((c for c in verb.rights if c.dep_ in ("dobj", "obj")), None)
    if obj is None or obj.pos_ in ("PRON", "NUM") or obj.ent_type_ in _NOT_SAID_ENTS:
        return []
    label = [c for c in verb.rights if c.dep_ == "prep" and c.lower_ == "as" and c.i > obj.i]
    if obj.ent_type_ == "PERSON" and not label and lemma not in lx.REASON_VERBS:
        return []  # "welcomed the governor", "is challenging the mayor": a person is not what was said
    return [obj, *label]


_NOT_SAID_ENTS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"})


def _object_content(art: _Article, verb: Any) -> Attribution | None:
    """A noun-phrase content (lower confidence than a clause): PARC-style attribution reads
    ``the militia claimed responsibility for the blast`` and ``she cited the economic
    weight of ...`` as reports of what was said. Off with ``[quotes] object_contents =
    false``."""
    if verb.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return None  # "seeking to verify their identity", "voted to approve the budget": not said
    if verb.tag_ == "VBN" and not any(c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children):
        return None  # "Asked about the strike, the minister said ...": the subject is not the asker
    kids = _object_children(verb)
    if not kids:
        return None
    span = _span_of(art, verb, kids)
    if span is None or len(art.toks(*span)) < 2 or any(a < span[1] and span[0] < b for a, b in art.named_terms):
        return None  # "condemned its so-called “referendums”": the writer's term, nobody's speech
    kind, frags = _kind(art, *span)
    if kind == "direct":
        span = _inner(art, *span, frags)
    return Attribution(span[0], span[1], kind, "object", 0.5, cue=(verb.idx, _cue_end(verb)), cue_token=verb.i,
                       cue_lemma=verb.lemma_.lower(), speaker=_subject(art, verb), frame_end=_sent_end(art, verb),
                       fragments=frags, negated=any(c.dep_ == "neg" for c in verb.children))


def _rest_of_sentence(art: _Article, verb: Any) -> Attribution | None:
    """``She implied the landlords were to blame ...`` parsed with *implied* as a modifier: a finite
    verb of saying with a subject, no complement found, and a clause right after it — the rest of
    the sentence is what was said (lower confidence)."""
    lemma = verb.lemma_.lower()
    if lemma in lx.NEEDS_CLAUSE or lemma in lx.ADDRESSEE_OBJECT or lemma in lx.LABEL_VERBS:
        return None
    if not any(c.dep_ in ("nsubj", "nsubjpass") and c.i < verb.i for c in verb.children) and not any(
            c.dep_ == "nsubj" and c.i == verb.i - 1 for c in verb.head.children):
        return None
    sent = verb.sent
    _p0, p1 = art.para_of(verb.idx)
    rest = [t for t in art.doc[verb.i + 1:sent.end] if t.idx < p1 and not t.is_space]
    while rest and (rest[-1].is_punct or art.in_quote(rest[-1])):
        rest.pop()
    if len(rest) < 3 or rest[0].is_punct or rest[0].pos_ in ("ADP", "ADV", "CCONJ", "PART"):
        return None  # "said on Monday", "said so"
    if not any(t.tag_ in ("VBD", "VBZ", "VBP", "MD") and not art.in_quote(t) for t in rest[1:]):
        return None
    # "condemned its so-called referendums and declared them invalid, hours after Putin proclaimed":
    # a noun-phrase object, or a finite verb that is the cue's conjunct or sits in an adverbial
    # clause, is not something said
    objects = {t.i for c in verb.children if c.dep_ in ("dobj", "attr", "oprd") for t in c.subtree}
    if rest[0].i in objects:
        return None
    first = next(t for t in rest[1:] if t.tag_ in ("VBD", "VBZ", "VBP", "MD") and not art.in_quote(t))
    if first.tag_ == "MD":
        first = first.head
    if (first.dep_ == "conj" and first.head.i == verb.i) or first.dep_ in ("advcl", "relcl", "acl") or any(
            c.dep_ == "mark" and c.lower_ in lx.ADVERBIAL_MARKS for c in first.children):
        return None
    start, end = trim(art.text, rest[0].idx, tok_end(rest[-1]))
    start, end = _with_marks(art, *_strip_that(art, start, end))
    kind, frags = _kind(art, start, end)
    return Attribution(start, end, kind, "clause-fallback", 0.6, cue=(verb.idx, tok_end(verb)), cue_token=verb.i,
                       cue_lemma=lemma, speaker=_subject(art, verb) or _adjacent_subject(art, verb),
                       frame_end=_sent_end(art, verb), fragments=frags)


def _adjacent_subject(art: _Article, verb: Any) -> Speaker | None:
    prev = art.doc[verb.i - 1] if verb.i > 0 else None
    if prev is not None and prev.pos_ in ("PRON", "PROPN", "NOUN"):
        return _speaker(prev, "adjacent-np")
    return None


def _as_put_it(verb: Any) -> bool:
    """``as X put it``: the idiom that frames a report like ``said``."""
    kids = {(c.dep_, c.lower_) for c in verb.children}
    return ("mark", "as") in kids and ("dobj", "it") in kids


def _plain_frame(verb: Any) -> bool:
    """``she said``, ``the official added``: an active verb with its own (non-relative) subject
    before it and no subordinator, so not ``, which the ministry outlined`` or ``, though one likely to be
    settled``."""
    if verb.dep_ in ("relcl", "acl") or any(c.dep_ == "mark" for c in verb.children):
        return False
    subj = [c for c in verb.lefts if c.dep_ == "nsubj"]
    return bool(subj) and subj[0].lower_ not in lx.RELATIVE_PRONOUNS


def _parenthetical(art: _Article, verb: Any) -> Attribution | None:
    """``Tariffs, the minister said, are a tax on families`` / ``As X put it, ...``: a
    reporting frame set inside the sentence it reports; the content is the larger side of it."""
    frame_lo = min([verb.left_edge.i, *(c.left_edge.i for c in verb.children if c.dep_ in _SUBJECT_DEPS)])
    frame_hi = verb.i
    for c in verb.rights:
        if c.dep_ in ("prep", "npadvmod", "advmod", "dobj", "dative", "prt") and c.lower_ not in ("that",):
            frame_hi = c.right_edge.i
        else:
            break
    doc = art.doc
    before = doc[frame_lo - 1] if frame_lo > 0 else None
    after = doc[frame_hi + 1] if frame_hi + 1 < len(doc) else None
    sent = verb.sent
    # "as X noted," has a gap where its object would be; "As X lamented the delays, ..." is
    # a clause of time
    as_frame = any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children) and not any(
        c.dep_ in ("dobj", "obj", "dative", "ccomp", "xcomp", "attr") or (c.dep_ == "prt" and c.lower_ == "on")
        for c in verb.children)
    commas = before is not None and before.text in (",", "—", "–") and after is not None and after.text in (",", "—", "–")
    # "A, she said." with the frame parsed as a modifier of A (or split off as a sentence of its own)
    final = False
    if not (as_frame or commas) and _plain_frame(verb) and (after is None or after.i >= sent.end or (
            after.text in (".", "!", "?") and after.i + 1 >= sent.end)):
        # the frame is the subject and the verb (with auxiliaries and adverbs), whatever the parser
        # hung on the verb before them
        subj = next(c for c in verb.lefts if c.dep_ == "nsubj")
        lo = subj.left_edge.i
        only_frame = all(subj.left_edge.i <= k <= subj.right_edge.i or doc[k].dep_ in ("aux", "advmod", "neg")
                         for k in range(lo, verb.i))
        said_to = not any(c.dep_ in ("dobj", "obj") for c in verb.rights) or verb.lemma_.lower() in lx.ADDRESSEE_OBJECT
        # what comes before the comma is a clause ("At Monday's hearing, the senator cited ..." is not)
        first = doc[sent.start - 1].sent.start if lo - 1 == sent.start and sent.start > 0 else sent.start
        clause = any(t.tag_ in ("VBD", "VBZ", "VBP", "MD") for t in doc[first:lo])
        if only_frame and said_to and clause and lo > 0 and doc[lo - 1].text == ",":
            final, frame_lo, before = True, lo, doc[lo - 1]
    if not (as_frame or commas or final or verb.dep_ == "parataxis"):
        return None
    p0, p1 = art.para_of(verb.idx)
    s0, s1 = max(sent.start_char, p0), min(sent.end_char, p1)
    if final and before.i == sent.start and sent.start > 0:  # ", he said." cut off from its sentence
        s0 = max(doc[sent.start - 1].sent.start_char, p0)
    left = trim(art.text, s0, doc[frame_lo].idx, strip_chars=" \t\r\n,;:—–-")
    right = trim(art.text, tok_end(doc[frame_hi]), s1, strip_chars=" \t\r\n,;:—–-.")
    head = verb.head
    if final:
        span = left
    elif head.i != verb.i and not frame_lo <= head.i <= frame_hi:  # the side holding the clause it interrupts
        span = right if head.i > frame_hi else left
    else:
        span = right if right[1] - right[0] >= left[1] - left[0] else left
    if span[1] - span[0] < 12:
        return None
    span = _with_marks(art, *span)
    kind, frags = _kind(art, *span)
    return Attribution(span[0], span[1], kind, "parenthetical", 0.7, cue=(verb.idx, tok_end(verb)), cue_token=verb.i,
                       cue_lemma=verb.lemma_.lower(), speaker=_subject(art, verb), frame_end=s1, fragments=frags)


def _according_clause(art: _Article, tok: Any) -> Attribution | None:
    """``According to X, content.`` / ``content, according to X.``"""
    sp = _according_to(tok)
    phrase_end = sp.end if sp is not None else tok_end(art.doc[tok.i + 1])
    sent = tok.sent
    p0, p1 = art.para_of(tok.idx)
    s0, s1 = max(sent.start_char, p0), min(sent.end_char, p1)
    before = trim(art.text, s0, tok.idx)
    after = trim(art.text, phrase_end, s1, strip_chars=" \t\r\n,;:—–-.")
    # the side holding the clause the phrase hangs on ("A, according to X, more than B" reports A),
    # else the longer side
    if tok.head.i < tok.i and before[1] - before[0] >= 8:
        span = before
    elif tok.head.i > tok.i and after[1] - after[0] >= 8:
        span = after
    else:
        span = after if after[1] - after[0] >= before[1] - before[0] else before
    span = trim(art.text, *span, strip_chars=" \t\r\n,;:—–-.")
    if span[1] - span[0] < 8:
        return None
    kind, frags = _kind(art, *span)
    return Attribution(span[0], span[1], kind, "according-to", 0.8, cue=(tok.idx, tok_end(art.doc[tok.i + 1])),
                       cue_token=tok.i, cue_lemma="according to", speaker=sp, frame_end=s1, fragments=frags)


def _noun_clause(art: _Article, noun: Any) -> Attribution | None:
    """``his claim that ...``, ``the warning by X that ...``."""
    clause = next((c for c in noun.children if c.dep_ in ("acl", "ccomp", "appos")
                   and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)), None)
    if clause is None:
        return None
    span = _span_of(art, noun, [clause])
    if span is None or len(art.toks(*span)) < 3:
        return None
    kind, frags = _kind(art, *span)
    sp = _author_of(noun, 0)
    gov = noun.head
    if gov.dep_ == "prep" and gov.head.pos_ == "VERB":  # "said in a statement that ..."
        gov = gov.head
        if is_cue(gov):
            return None  # the reporting verb carries this clause
    if sp is None and gov.i != noun.i and gov.pos_ == "VERB" and (
            noun.dep_ in ("dobj", "obj") or noun.head.dep_ == "prep"):
        sp = _subject(art, gov)
    return Attribution(span[0], span[1], kind, "speech-noun", 0.6, cue=(noun.idx, tok_end(noun)), cue_token=noun.i,
                       cue_lemma=noun.lemma_.lower(), speaker=sp, frame_end=_sent_end(art, noun), fragments=frags)


_COLON_LEAD_RE = re.compile(r"[\"“'‘]?\s*([A-Z][\w.’'-]*(?:[ \t]+[A-Z][\w.’'-]*){0,4})[ \t]*:[ \t]+(?=\S)")
_NOT_NAMES = frozenset(re.findall(r"\w+", """update updated note notes watch read related photo photos video source
sources correction editor editors breaking exclusive advertisement q a previously close also see tags topics share
follow published posted by credit image photograph getty reuters ap afp upi warning question answer transcript
live latest more here this the background summary disclaimer caption story"""))


# a headline lead ending in one of these nouns reports a source: "Clinton camp: ...", "Poll: ...",
# "Police: ...", "White House aides: ..."
_SOURCE_NOUNS = frozenset(re.findall(r"\w+", """camp campaign poll polls survey report study newspaper police
officials aides spokesman spokeswoman spokesperson ministry prosecutors investigators lawyers lawyer"""))


def _named_elsewhere(art: _Article, tok: Any) -> bool:
    """``tok`` is capitalised and the same word is part of a PERSON or ORG entity elsewhere in the text."""
    if not tok.text[:1].isupper():
        return False
    if art.entity_words is None:
        art.entity_words = {t.lower_ for e in art.doc.ents if e.label_ in ("PERSON", "ORG") for t in e}
    return tok.lower_ in art.entity_words


def _colon_leads(art: _Article) -> list[Attribution]:
    """``HOST: But, Senator ...`` / ``Jane Roe: Voters Want Change ...``: a paragraph
    opened by a name and a colon reports that person's words (transcripts, headlines)."""
    out = []
    for p0, p1 in art.paras:
        m = _COLON_LEAD_RE.match(art.text, p0, p1)
        if m is None or art.text[m.end():m.end() + 1] in "\"“‘'«":
            continue  # a quotation after the colon is a framed direct quote (rule 2)
        words = re.findall(r"[\w’'-]+", m.group(1).lower())
        if not words or any(w in _NOT_NAMES for w in words):
            continue
        toks = art.toks(m.start(1), m.end(1))
        if not toks or any(t.ent_type_ in ("GPE", "LOC", "DATE", "TIME", "NORP", "FAC", "CARDINAL") for t in toks):
            continue
        if not all(t.pos_ == "PROPN" or t.text.isupper() or t.is_punct or t.ent_type_ in ("PERSON", "ORG")
                   or _named_elsewhere(art, t) or (k == len(toks) - 1 and t.lower_ in _SOURCE_NOUNS)
                   for k, t in enumerate(toks)):
            continue  # headline casing mistags names ("Trump: ..." as a noun): a name the article
            # itself tags as a person or organisation elsewhere is still a name
        start, end = trim(art.text, m.end(), p1, strip_chars=" \t\r\n")
        if end - start < 8:
            continue
        kind, frags = _kind(art, start, end)
        colon = art.text.index(":", m.end(1))
        head = toks[-1] if not toks[-1].is_punct else toks[0]
        out.append(Attribution(start, end, kind, "colon-name", 0.7, cue=(colon, colon + 1), cue_token=None,
                               cue_lemma=":", speaker=Speaker(head.i, m.start(1), m.end(1), "colon-name"),
                               frame_end=p1, fragments=frags))
    return out


def _sent_end(art: _Article, tok: Any) -> int:
    _p0, p1 = art.para_of(tok.idx)
    ends = sentence_ends(art.text, tok_end(tok), p1)
    return ends[0] if ends else p1


# ---------------------------------------------------------------------------------------------
# putting it together
# ---------------------------------------------------------------------------------------------


def _direct(art: _Article, k: int, q: Quoted, cue: Any, sp: Speaker | None, rule: str, conf: float,
            frame_end: int) -> Attribution:
    start, end = trim(art.text, q.start, q.end, strip_chars=" \t\r\n,")
    cue_end = tok_end(art.doc[cue.i + 1]) if cue.lower_ == "according" and cue.i + 1 < len(art.doc) else tok_end(cue)
    return Attribution(start, end, "direct", rule, conf, cue=(cue.idx, cue_end), cue_token=cue.i,
                       cue_lemma="according to" if cue.lower_ == "according" else cue.lemma_.lower(),
                       speaker=sp, frame_end=frame_end, fragments=[(q.open, q.outer_end)], quote_index=k)


def _standalone_attributions(art: _Article, frames: list[_Frame]) -> dict[int, Attribution]:
    """Direct quotes attributed by a frame next to them (rule 2)."""
    out: dict[int, Attribution] = {}
    for k, (q, fr) in enumerate(zip(art.quotes, frames, strict=True)):
        if not fr.standalone:
            continue
        post = _post_frame(art, fr)
        pre = _pre_frame(art, *fr.pre)
        # a frame right after the quote wins unless the frame before it ends in a colon
        colon_before = art.text[fr.pre[0]:fr.pre[1]].rstrip().endswith(":")
        if post is not None and (post[2] <= 3 or not (pre and colon_before)):
            cue, sp, _ = post
            out[k] = _direct(art, k, q, cue, sp, "post-frame", 0.95, fr.post[1])
        elif pre is not None:
            cue, sp = pre
            out[k] = _direct(art, k, q, cue, sp, "pre-frame", 0.9, max(q.outer_end, fr.post[1]))
        else:
            prev = _previous_colon_frame(art, q)
            if prev is not None:
                cue, sp, _ = prev
                out[k] = _direct(art, k, q, cue, sp, "colon-paragraph", 0.85, max(q.outer_end, fr.post[1]))
    # split quotes: “A,” he said, “B.” — the frame between two quotes serves both
    for k, q in enumerate(art.quotes):
        if k in out or not frames[k].standalone or k == 0 or (k - 1) not in out:
            continue
        prev = out[k - 1]
        between = art.text[art.quotes[k - 1].outer_end:q.open]
        if prev.rule == "post-frame" and between.rstrip().endswith((",", ":", "—", "–")) and "\n" not in between:
            a = _direct(art, k, q, art.doc[prev.cue_token], prev.speaker, "split-quote", 0.9, frames[k].post[1])
            a.inherits = None
            out[k] = a
    return out


def find_attributions(text: str, doc: Any, *, object_contents: bool = True) -> Found:
    """All attributions in an article, sorted by position (see the module docstring).

    ``object_contents``: also report noun-phrase contents of verbs of saying (``denied the
    allegations``), rule ``object``."""
    art = _Article(text, doc, object_contents=object_contents)
    frames = _frames(art)
    direct = _standalone_attributions(art, frames)
    used = {a.cue_token for a in direct.values() if a.cue_token is not None}
    clauses = _clause_attributions(art, used) + _colon_leads(art)
    # a clause whose content is a quotation already attributed by its frame adds nothing
    attrs: list[Attribution] = list(direct.values())
    direct_spans = {(a.start, a.end) for a in attrs}
    framed = Ranges(_merge((a.start, a.end) for a in attrs))
    for c in clauses:
        if (c.start, c.end) in direct_spans:
            continue
        r = framed.find(c.start)
        if c.kind == "direct" and r is not None and c.end <= r[1]:
            continue
        attrs.append(c)
    covered = Ranges(_merge((a.start, a.end) for a in attrs))
    terms: list[tuple[int, int]] = []
    attrs.sort(key=lambda a: (a.start, a.end))
    starts = [a.start for a in attrs]
    for k, (q, fr) in enumerate(zip(art.quotes, frames, strict=True)):
        if k in direct or _inside_any(covered, q):
            continue
        if not fr.standalone:
            terms.append((q.start, q.end))
            continue
        i = bisect_left(starts, q.open)
        fl = _floating(art, k, q, fr, attrs[i - 1] if i > 0 else None)
        j = bisect_left(starts, fl.start)
        attrs.insert(j, fl)
        starts.insert(j, fl.start)
    return Found(attrs, sorted(terms + art.named_terms), art.quotes)


def _merge(spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for a, b in sorted(spans):
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return out


def _inside_any(covered: Ranges, q: Quoted) -> bool:
    r = covered.find(q.start)
    return r is not None and r[1] >= q.end - 1


_WORD_RE = re.compile(r"\w")


def _floating(art: _Article, k: int, q: Quoted, fr: _Frame, prev: Attribution | None) -> Attribution:
    """Rule 5: a standalone quote without a frame; ``prev`` is the attribution before it."""
    start, end = trim(art.text, q.start, q.end, strip_chars=" \t\r\n,")
    if prev is not None:
        a = prev
        gap_start = max(a.frame_end, a.end)
        adjacent = q.open - gap_start < 400 and not _WORD_RE.search(art.text, gap_start, q.open)
        if adjacent:
            return Attribution(start, end, "direct", "floating", 0.8 * a.confidence, cue=None, cue_token=a.cue_token,
                               cue_lemma=a.cue_lemma, speaker=a.speaker, frame_end=max(fr.post[1], q.outer_end),
                               fragments=[(q.open, q.outer_end)], quote_index=k, inherits=prev)
    sp = _previous_sentence_subject(art, q)
    rule, conf = ("previous-subject", 0.5) if sp is not None else ("unattributed", 0.3)
    return Attribution(start, end, "direct", rule, conf, speaker=sp, frame_end=max(fr.post[1], q.outer_end),
                       fragments=[(q.open, q.outer_end)], quote_index=k)


def _previous_sentence_subject(art: _Article, q: Quoted) -> Speaker | None:
    """The person named as subject of the sentence right before a quote that has no frame."""
    i = art.tokens.at(q.open)
    if i is None:
        return None
    sent = art.doc[i].sent
    if sent.start == 0:
        return None
    prev = art.doc[sent.start - 1].sent
    if art.text[prev.end_char:q.open].count("\n\n") > 1:
        return None
    root = prev.root
    sp = subject_of(root) if root.pos_ in ("VERB", "AUX") else None
    if sp is None:
        return None
    head = art.doc[sp.head]
    is_person = head.lower_ in lx.PRONOUNS_PERSON or head.ent_type_ == "PERSON"
    if not is_person or art.in_quote(head):
        return None
    sp.rule = "previous-subject"
    return sp


__all__ = ["Attribution", "Found", "Speaker", "find_attributions", "is_cue", "subject_of"]
