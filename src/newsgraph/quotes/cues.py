"""Stage 1, the cues: where something is reported as said, and by which word.

A quote needs a communication predicate. This stage finds them:

* **frames of quotations** (:func:`direct_frames`). Each quoted stretch is *standalone* (it stands
  as a sentence of its own: nothing before it in its sentence, or a frame ending in ``:`` or ``,``
  or a reporting verb) or *embedded* (a phrase inside the writer's sentence). A standalone
  quotation is framed by a reporting verb with its subject right after it (``”, the minister
  said``, inverted ``”, said Putin``, ``”, Hill, a doctor, said``, a name after a dash) or before it
  (``He told reporters: “``, ``According to X, “``), or by a colon frame ending the previous
  paragraph (``Caddell continued:``). A frame is a subject and a verb, so this stage reads the
  frame's speaker with it (:mod:`.speaker`).
* **reporting words in the writer's sentences** (:func:`clause_cues`): verbs of saying and of
  evaluation (:mod:`.lexicon`), verbs whose subject is a speech document (``the statement
  praised``), ``as X put it``, ``according to``, speech nouns with a that-clause (``his claim
  that``). What they report is the content stage's question (:mod:`.content`).
* **transcript and headline leads** (:func:`colon_leads`): a paragraph opened by a name and a colon.

Speech only: a verb is a cue by what it means, not by its form. Verbs of thinking, hoping and
intending (believe, think, hope, fear, plan, want) are never cues; verbs of saying that also have a
non-speech sense are cues only in their speech frame (``point out`` not ``point``; ``hammer out a
deal`` is not ``hammer`` as criticism).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from typing import Any

from ..actors.lexicon import PERSON_NOUNS, ROLE_NOUNS, SPOKES_NOUNS, sector_of
from . import lexicon as lx
from . import speaker as spk
from .marks import Quoted
from .parsed import Parsed, Speaker
from .text import name_like, sentence_ends, trim

_CLAUSE_CUE_POS = frozenset({"VERB"})


def is_cue(tok: Any) -> bool:
    """A verb of saying (by lemma) used as a verb, or a phrasal verb of retort ("fired back")."""
    if tok.pos_ not in _CLAUSE_CUE_POS:
        return False
    lemma = tok.lemma_.lower()
    return lemma in lx.SPEECH_VERBS or (lemma in _PHRASAL_FIRST and any(
        c.dep_ in ("prt", "advmod") and c.i == tok.i + 1 and (lemma, c.lower_) in lx.PHRASAL_SPEECH
        for c in tok.children))  # (the particle right after the verb, read as a particle or an adverb)


_PHRASAL_FIRST = frozenset(v for v, _ in lx.PHRASAL_SPEECH)


def is_frame_cue(tok: Any) -> bool:
    """A reporting verb that can frame a quotation on its own (``Smith said “...”``): a finite
    or participial verb of saying that is not one of the ambiguous ones (``to counter``)."""
    return (is_cue(tok) and tok.lemma_.lower() not in lx.NEEDS_CLAUSE
            and tok.tag_ in ("VBD", "VBZ", "VBP", "VBG", "VBN"))


# ---------------------------------------------------------------------------------------------
# standalone or embedded
# ---------------------------------------------------------------------------------------------


@dataclass(slots=True)
class Frame:
    """The writer's text before (``pre``) and after (``post``) a quotation within its sentence."""

    pre: tuple[int, int]
    post: tuple[int, int]
    standalone: bool


def frames(art: Parsed) -> list[Frame]:
    """The writer's text before and after each quote within its sentence, and whether the quote
    stands as a sentence of its own."""
    text, out = art.text, []
    quotes = art.quotes
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
        listed = bool(k) and lo == quotes[k - 1].outer_end and not text[lo:q.open].strip() \
            and text[quotes[k - 1].start:quotes[k - 1].end].rstrip().endswith(",") \
            and len(text[quotes[k - 1].start:q.end].split()) <= 4
        # “big,” “bold”: a short quotation right after a short one closing on a comma is the next
        # word of a list (“We will win,” “We will fight,” she said: two sentences, each standalone)
        standalone.append(not listed and _opens_sentence(art, lo, q.open))
    for k, q in enumerate(quotes):
        _p0, p1 = art.para_of(max(q.outer_end - 1, q.open))
        hi = p1
        if k + 1 < len(quotes) and quotes[k + 1].open < hi and standalone[k + 1]:
            hi = quotes[k + 1].open
        ends = sentence_ends(text, q.outer_end, hi)
        if ends:
            hi = ends[0]
        out.append(Frame(pres[k], (q.outer_end, max(hi, q.outer_end)), standalone[k]))
    return out


def _opens_sentence(art: Parsed, lo: int, open_: int) -> bool:
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
# frames next to standalone quotes
# ---------------------------------------------------------------------------------------------


# how many tokens after a quotation its frame's verb is looked for (a longer subject, with all its
# appositions, is :func:`_subject_before_cue`'s)
_FRAME_REACH = 14


def post_frame(art: Parsed, frame: Frame) -> tuple[Any, Speaker | None, int] | None:
    """A reporting verb and its speaker right after a quote. Returns (cue token, speaker, cue
    distance in tokens)."""
    toks = [t for t in art.toks(*frame.post) if not art.in_quote(t)]
    if toks and toks[0].text in ("―", "—", "–", "-", "--") and len(toks) > 1:
        dashed = spk.dash_name(toks[1:])
        if dashed is not None:
            return toks[0], dashed, 0
    while toks and toks[0].is_punct:
        toks = toks[1:]
    if not toks:
        return None
    first = toks[0]
    if first.lower_ == "according" and len(toks) > 2:
        sp = spk.according_to(first)
        return (first, sp, 0) if sp else None
    nxt = toks[1] if len(toks) > 1 else None
    names_next = nxt is not None and (nxt.pos_ in ("PROPN", "DET") or nxt.lower_ in lx.PRONOUNS_PERSON)
    if is_cue(first) and (names_next or not _has_own_content(art, first)):  # inverted: ”, said Putin
        sp = spk.subject_in_paragraph(art, first)
        if sp is None or sp.start < first.idx:
            nxt = next((t for t in toks[1:] if t.pos_ in ("PROPN", "NOUN", "PRON")), None)
            sp = spk.resolve_np(spk.np_head(nxt), 0, "inverted") if nxt is not None else None
        elif sp is not None:
            sp.rule = "inverted"
        return first, sp, 0
    long_subject = _subject_before_cue(art, toks)
    if long_subject is not None:
        return long_subject
    for n, t in enumerate(toks[:_FRAME_REACH]):
        if _final_verb_read_as_noun(toks, n):  # ”, WXYZ reports.: the parser's plural noun is the verb
            head = next((x for x in reversed(toks[:n]) if x.pos_ in ("PROPN", "NOUN")), None)
            return (t, spk.resolve_np(head, 1, "adjacent-np"), n) if head is not None else None
        if t.pos_ not in ("VERB", "AUX") or spk.name_read_as_modal(t):
            continue  # a name read as a modal ("May said") is the subject, not the frame's verb
        gerund = next((g for g in t.children if g.tag_ == "VBG" and g.i > t.i and is_cue(g)), None)
        shown = spk.shown_saying(gerund) if gerund is not None else None
        if shown is not None:  # "“...,” the tape shows the mayor saying": the one shown says it
            return gerund, spk.resolve_np(shown, 1, "depicted"), n
        if not is_cue(t) and not _manner_frame(toks, n) and t.lemma_.lower() not in lx.SPEAKING_VERBS:
            return None
        if _has_own_content(art, t):
            return None
        sp = spk.subject_in_paragraph(art, t)
        if sp is not None and sp.start >= first.idx:
            return t, sp, n
        # the parser lost the subject: take the noun phrase between the quote and the verb; a name
        # first and a description after it in commas ("NAME, the group's analyst, wrote") is the name
        head = next((x for x in reversed(toks[:n]) if x.pos_ in ("PROPN", "NOUN", "PRON")), None)
        comma = next((k for k, x in enumerate(toks[:n]) if x.text == ","), None)
        if comma and all(x.pos_ == "PROPN" for x in toks[:comma]):
            head = toks[comma - 1]
        if head is not None and all(x.pos_ in ("PROPN", "NOUN", "PRON", "DET", "ADJ", "PUNCT", "ADV", "PART",
                                               "NUM", "ADP", "CCONJ")
                                    for x in toks[:n]):
            return t, spk.resolve_np(head, 1, "adjacent-np"), n
        return None
    return None


def _subject_before_cue(art: Parsed, toks: list[Any]) -> tuple[Any, Speaker | None, int] | None:
    """``“...,” NAME, director of X at Y and author of Z, told me.``: a subject that starts the frame
    and runs, with all its appositions, right up to a verb of saying is that verb's sayer, however
    long the description between them."""
    first = toks[0]
    subj = next((t for t in first.sent if t.dep_ == "nsubj" and t.left_edge.i <= first.i <= t.i
                 and all(x.is_punct or x.i >= first.i for x in t.subtree)), None)
    if subj is None or subj.pos_ not in ("PROPN", "NOUN"):
        return None
    verb = subj.head
    if verb.i <= subj.right_edge.i or verb.pos_ != "VERB" or not is_cue(verb) or _has_own_content(art, verb):
        return None
    if any(not t.is_punct for t in first.doc[subj.right_edge.i + 1:verb.i]):
        return None
    n = next((k for k, t in enumerate(toks) if t.i == verb.i), None)
    if n is None or n < _FRAME_REACH:
        return None  # a short subject: the frame's own reading below
    sp = spk.subject_in_paragraph(art, verb)
    return verb, (sp if sp is not None and sp.start >= first.idx else spk.resolve_np(subj, 0, "subject")), n


def _final_verb_read_as_noun(toks: list[Any], n: int) -> bool:
    """``“...,” WXYZ reports.``: a verb of saying in its -s form that the parser read as a plural
    noun ("reports", "notes", "claims") ends the frame after a short name (nothing but the name
    before it, nothing but punctuation after it in its sentence): it is the frame's verb."""
    t = toks[n]
    if t.tag_ != "NNS" or not t.lower_.endswith("s") or t.lower_[:-1] not in lx.SPEECH_VERBS or not 1 <= n <= 5:
        return False
    rest = [x for x in toks[n + 1:] if not x.is_space]
    if not rest or rest[0].text not in (".", "!"):  # the sentence ends right after it
        return False
    if any(x.is_sent_start for x in toks[1:n + 1]):
        return False
    if t.dep_ == "ROOT" and any(c.dep_ == "nsubj" and c.i >= toks[0].i for c in t.children):
        return True  # "the 800-page report states.": the parser gave its "noun" a subject
    return all(x.pos_ in ("PROPN", "DET") or x.is_punct for x in toks[:n]) and any(x.pos_ == "PROPN" for x in toks[:n])


def _manner_frame(toks: list[Any], n: int) -> bool:
    """``“We did it!” Okafor beamed.``: a verb outside the lexicon frames a quotation
    when the frame is only a short subject and that verb, with nothing after it in its sentence."""
    verb = toks[n]
    rest = [t for t in toks[n + 1:] if not t.is_punct]
    return (verb.pos_ == "VERB" and verb.tag_ in ("VBD", "VBZ") and n <= 6 and not rest
            and verb.lemma_.lower() not in lx.PERCEPTION_VERBS
            and any(c.dep_ == "nsubj" for c in verb.children))


def _has_own_content(art: Parsed, verb: Any) -> bool:
    """Does the verb report a clause of its own after it (``Roberts said it would be ...``)?
    Then it is a new report, not the frame of the quotation before it."""
    if any(c.dep_ in ("ccomp", "xcomp") and c.i > verb.i and not art.in_quote(c) and not art.only_a_name(c)
           for c in verb.children):
        return True
    return any(not art.in_quote(c) for c in misattached_clause(verb, asking=verb.lemma_.lower() in lx.ASKING_VERBS))


def misattached_clause(cue: Any, *, asking: bool = False) -> list[Any]:
    """The clausal complement of a reporting word that the parser hung elsewhere.

    ``vowed that, as president, he would ...`` parsed with *that* as the object and the clause as
    an adverbial; ``asked her in January if ...`` or ``his vow that ...`` with the clause hung on
    the main verb of the sentence. A complementiser right after the cue's own phrase (``that``;
    ``if`` and ``whether`` after verbs of asking) opens the content, whatever the clause's head.
    """
    subs = ("that", "if", "whether") if asking else ("that",)
    doc = cue.doc
    if cue.pos_ == "VERB":  # "vowed that [dobj] ... would have [advcl]"
        comp = next((c for c in cue.rights if c.lower_ in subs and c.tag_ == "IN" and not list(c.children)), None)
        if comp is not None:
            clause = next((c for c in cue.rights if c.i > comp.i and c.pos_ in ("VERB", "AUX")
                           and c.dep_ in ("advcl", "ccomp", "conj", "dep", "parataxis")), None)
            if clause is not None and all(not doc[k].is_sent_start for k in range(comp.i + 1, clause.i + 1)):
                return [comp, clause]
    edge = cue.right_edge if cue.pos_ == "VERB" else cue
    j = edge.i + 1
    if cue.pos_ == "NOUN" and j < len(doc) and doc[j].lower_ in ("by", "from") and doc[j].dep_ in ("prep", "agent"):
        j = doc[j].right_edge.i + 1  # "the warnings by senior officials that ...": the sayer, then the clause
    if j >= len(doc) or doc[j].lower_ not in subs or doc[j].is_sent_start:
        return []
    if doc[j].dep_ != "mark" and not (cue.pos_ == "NOUN" and doc[j].dep_ == "dobj" and doc[j].head.dep_ == "ccomp"):
        return []  # ("that" read as an object, its clause hung on the verb, not as a relative clause of the noun)
    head = doc[j].head
    if head.i <= j or head.left_edge.i != j or cue in list(head.subtree) or head in list(cue.ancestors):
        return []
    return [head]




def pre_frame(art: Parsed, lo: int, hi: int) -> tuple[Any, Speaker | None] | None:
    """A reporting verb (or ``according to``) and its speaker in the frame before a quote."""
    pre = art.text[lo:hi].rstrip()
    toks = [t for t in art.toks(lo, hi) if not art.in_quote(t)]
    if not toks or not pre:
        return None
    if not (pre[-1] in ":,—–" or is_frame_cue(toks[-1])):
        return None
    for t in toks:
        if t.lower_ == "according":
            sp = spk.according_to(t)
            if sp is not None:
                return t, sp
    words = [t for t in toks if not t.is_punct]
    edge = {words[0].i, words[-1].i} if words else set()  # "Issa continued:", "Continued Stone:"
    cues = [t for t in toks if is_frame_cue(t) or (is_cue(t) and t.i in edge)]
    if cues:
        cue = cues[-1]
        sp = spk.subject_in_paragraph(art, cue)
        if sp is None and words and cue.i == words[0].i:  # inverted: "Continued Stone: “...”"
            nxt = next((t for t in toks if t.i > cue.i and t.pos_ in ("PROPN", "NOUN", "PRON")), None)
            sp = spk.resolve_np(spk.np_head(nxt), 0, "inverted") if nxt is not None else None
        return cue, sp
    if pre[-1] == ":":  # "Pat Caddell: “...”", "... - Michael P. McDonald: “...”" — a name and a colon
        named = spk.colon_name(toks)
        if named is not None:
            return named
        verbs = [t for t in toks if t.pos_ == "VERB" and t.tag_ != "VBN" and not t.text.isupper() and any(
            c.dep_ == "nsubj" and not (c.text.isupper() and c.is_alpha) for c in t.children)]  # (a headline's capitals)
        # the main verb, not one in a clause under it ("X gives six reasons why the offer won't fly:");
        # no verb after it but those of its own frame
        ids = {t.i for t in verbs}
        verbs = [t for t in verbs if not any(a.i in ids for a in t.ancestors)]
        # nouns of something said, objects of a verb ("made a request", "delivered her best lines")
        said = [t for t in toks if t.pos_ == "NOUN" and t.lemma_.lower() in _SAID_NOUNS
                and t.dep_ in ("dobj", "obj") and t.head.pos_ == "VERB"]
        if said and verbs and said[-1].head.i > verbs[-1].i and said[-1].head.i in ids:
            # "a dinner at which the minister made a request: “...”": the speech noun's own verb,
            # in a clause after the main one, frames the quotation, not the main verb
            found = _said_by(art, said[-1], lo)
            if found is not None:
                return found
        if verbs and not any(t.pos_ in ("VERB", "AUX") and not _part_of_frame(t, verbs[-1])
                             for t in toks if t.i > verbs[-1].i):
            return verbs[-1], spk.subject_in_paragraph(art, verbs[-1])  # "Williamson concludes: “...”"
        if said:  # "X took the stage and delivered her best lines, none better than this: “...”"
            found = _said_by(art, said[0], lo)
            if found is not None:
                return found
        # "Jane Roe, the agency's spokeswoman, added (by email):" parsed as a noun phrase whose
        # verb of saying modifies the name: the name says it
        acl = [t for t in toks if t.dep_ == "acl" and t.lemma_.lower() in lx.SPEECH_VERBS and t.head.i < t.i
               and t.head.pos_ == "PROPN" and t.head.dep_ == "ROOT" and t.tag_ in ("VBD", "VBN")]
        if acl and not any(t.pos_ in ("VERB", "AUX") for t in toks if t.i > acl[-1].i):
            return acl[-1], spk.resolve_np(acl[-1].head, 0)
    return None


def _said_by(art: Parsed, said: Any, lo: int) -> tuple[Any, Speaker] | None:
    """The noun of something said and the subject of its verb, when that subject is in the frame
    (from ``lo``) and not inside a quotation."""
    sp = spk.subject_in_paragraph(art, said.head)
    if sp is not None and sp.start >= lo and not art.in_quote(art.doc[sp.head]):
        return said, sp
    return None


def as_follows(tok: Any) -> bool:
    """``as follows`` ("the statement read as follows:"): the frame announcing the quotation."""
    return tok.lemma_.lower() == "follow" and any(c.dep_ == "mark" and c.lower_ == "as" for c in tok.children)


def _part_of_frame(tok: Any, verb: Any) -> bool:
    """Is ``tok`` part of ``verb``'s own frame: in a noun phrase it governs ("gives six reasons why
    the offer won't fly", "released a statement, which went as follows") or in its infinitive
    ("tried to calm the dispute with a post")? Not in a clause of content or a clause beside it
    ("ruled that the effect might be ..., writing": *be*, *writing*)."""
    t = tok
    while t.i != t.head.i:
        if t.head.i == verb.i:  # the verb's own dependent the word hangs from decides
            return t.dep_ not in ("ccomp", "advcl", "conj", "parataxis", "csubj") or as_follows(t)
        t = t.head
    return False


# nouns of things said that, in a colon frame, announce the quotation after them ("delivered a few
# memorable lines: “...”", "had a message for the voters: “...”")
_SAID_NOUNS = lx.SPEECH_NOUNS | lx.DOCUMENT_NOUNS | frozenset({"line", "word", "quip", "joke", "answer", "reply",
                                                               "response", "question", "retort", "slogan", "advice"})


def previous_colon_frame(art: Parsed, q: Quoted) -> tuple[Any, Speaker | None, int] | None:
    """``Caddell continued:`` ending the paragraph before a quote that opens a paragraph."""
    p0, _ = art.para_of(q.open)
    if art.text[p0:q.open].strip():
        return None
    i = bisect_left(art.para_starts, p0)
    if i <= 0 or i >= len(art.para_starts) or art.para_starts[i] != p0:
        return None
    a, b = art.paras[i - 1]
    if not art.text[a:b].rstrip().endswith(":"):
        return None
    ends = sentence_ends(art.text, a, b)
    lo = max([e for e in ends if e < b - 1] or [a])
    found = pre_frame(art, lo, b)
    return (found[0], found[1], b) if found else None


@dataclass(slots=True)
class DirectCue:
    """The frame of one standalone quotation: its cue token, the speaker the frame names, the rule."""

    cue: Any
    speaker: Speaker | None
    rule: str
    frame_end: int


def addressee_named(art: Parsed, q: Any) -> bool:
    """A name in marks right after a verb that takes its addressee as object ("told “Hannity”",
    "warned “Team Red”"): the one addressed, not a quotation of what was said."""
    before = art.toks(max(0, q.open - 40), q.open)
    verb = before[-1] if before else None
    return (verb is not None and verb.lemma_.lower() in lx.ADDRESSEE_OBJECT and verb.pos_ in ("VERB", "AUX")
            and not art.text[verb.idx + len(verb.text):q.open].strip() and name_like(art.text[q.start:q.end]))


def perceived(art: Parsed, q: Any) -> bool:
    """A quotation right after a verb of perceiving or thinking ("I heard, “...”", "she thought:
    “...”"): what someone heard or imagined, not words anyone is reported to have said."""
    before = [t for t in art.toks(max(0, q.open - 60), q.open) if not t.is_space]
    while before and before[-1].is_punct:
        before.pop()
    verb = before[-1] if before else None
    return (verb is not None and verb.pos_ == "VERB" and verb.lemma_.lower() in lx.PERCEPTION_VERBS
            and not art.text[verb.idx + len(verb.text):q.open].strip(" ,:\n\t\"“‘'"))


def _said_before(art: Parsed, k: int, f: Frame, pre: tuple[Any, Speaker | None] | None) -> bool:
    """Does the frame before quotation ``k`` end in its verb of saying and a comma, with a speaker
    ("When Lee said, “...,” the crowd cheered": the quotation is what Lee said)? Not the middle
    of a split quotation ("“A,” she said, “B,” she added"), which frames both halves."""
    before = art.text[f.pre[0]:f.pre[1]].rstrip()
    if pre is None or pre[1] is None or not before.endswith(",") or not is_cue(pre[0]):
        return False
    if before[:-1].rstrip()[pre[0].idx + len(pre[0].text) - f.pre[0]:].strip():
        return False  # words between the verb and the comma
    return not any(f.pre[0] - 2 <= p.outer_end <= f.pre[0] + 2 for p in art.quotes[:k])


def direct_frames(art: Parsed, fr: list[Frame]) -> dict[int, DirectCue]:
    """Quotation index -> its frame, for standalone quotations framed next to them."""
    out: dict[int, DirectCue] = {}
    for k, (q, f) in enumerate(zip(art.quotes, fr, strict=True)):
        if not f.standalone:
            continue
        post = post_frame(art, f)
        pre = pre_frame(art, *f.pre)
        # a frame right after the quote wins unless the frame before it ends in a colon, or is
        # "<speaker> <verb of saying>," right before it
        colon_before = art.text[f.pre[0]:f.pre[1]].rstrip().endswith(":")
        if post is not None and not _said_before(art, k, f, pre) and (post[2] <= 3 or not (pre and colon_before)):
            out[k] = DirectCue(post[0], post[1], "post-frame", f.post[1])
        elif pre is not None:
            cue, sp = pre
            if addressee_named(art, q):
                continue  # "He told “Hannity” that ...": the show or person told, not words said
            if sp is None and cue.pos_ == "VERB":
                sp = spk.agent_after(art, cue, q.outer_end)
            out[k] = DirectCue(cue, sp, "pre-frame", max(q.outer_end, f.post[1]))
        else:
            prev = previous_colon_frame(art, q)
            if prev is not None:
                out[k] = DirectCue(prev[0], prev[1], "colon-paragraph", max(q.outer_end, f.post[1]))
    return out


# ---------------------------------------------------------------------------------------------
# reporting words in the writer's sentences
# ---------------------------------------------------------------------------------------------


@dataclass(slots=True)
class ClauseCue:
    """A reporting word whose content is in the writer's sentence. ``type`` is ``verb``,
    ``document`` (a verb whose subject is a speech document), ``question`` (a passive verb of
    asking: its content is the asker's question), ``as-put`` (``as X put it``), ``according`` or
    ``speech-noun``."""

    token: Any
    type: str
    content: Any = None  # the content's head when the cue found it already ("made it clear that S": S)


def as_put_it(verb: Any) -> bool:
    """``as X put it``: the idiom that frames a report like ``said``."""
    kids = {(c.dep_, c.lower_) for c in verb.children}
    return ("mark", "as") in kids and ("dobj", "it") in kids


# subjects that say nothing: "no one denies that", "nobody claimed"
_NOBODY = frozenset({"nobody", "none", "nothing"})
# abstract subjects of evidential verbs: "the evidence suggests that", "the figures show" are the
# writer's inferences, not anyone's words
_ABSTRACT = frozenset(re.findall(r"\w+", """evidence data fact facts figure figures number numbers result results
finding findings sign signs trend trends record history experience development developments event events this
that it what which reality math arithmetic intelligence information"""))
_EVIDENTIAL = frozenset(re.findall(r"\w+", """suggest indicate signal show imply mean point demonstrate underscore
underline highlight reflect confirm prove reveal"""))
# verbs of saying that also name a thing's bringing something to mind: speech only when someone
# (a person, a body, a document) is their subject
_BY_SPEAKERS_ONLY = frozenset({"remind"})
_CONDITIONS = frozenset({"if", "unless"})
_HYPOTHETICAL = frozenset({"can", "could", "should", "must", "may", "might", "ca"})
_FUTURE = frozenset({"will", "'ll", "’ll", "shall", "wo"})

# "what we call", "what people used to call": everybody's name for something, no one's words
_GENERIC_SUBJECTS = frozenset({"we", "you", "they", "people", "one", "some", "many", "everyone", "everybody"})
# "asked not to be identified", "requested not to be named": a condition of anonymity, not a report
_ANONYMITY = frozenset({"identify", "name", "quote", "cite"})


def _modal(kids: list[Any], words: frozenset[str]) -> bool:
    """Is one of the verb's auxiliaries a modal of ``words``?"""
    return any(c.dep_ == "aux" and c.tag_ == "MD" and c.lower_ in words for c in kids)


def not_a_report(verb: Any) -> str | None:
    """Why a verb of saying in the writer's sentence reports no speech (None when it does):

    * ``imperative``: an order to the reader (``Say what you will about ...``);
    * ``nobody``: a subject that names no one (``No one denies that ...``);
    * ``hypothetical``: a modal of possibility or obligation (``we should demand``, ``no one can
      predict``), or a condition (``if the chairman says ...``): nothing was said;
    * ``inference``: an evidential verb with an abstract subject (``the evidence suggests``), a
      reminder by a thing (``the episode reminded investors that``);
    * ``naming``: a label verb that names rather than reports (``a group called “X”``, ``what we
      call “the press”``; not ``what the minister called “a disgrace”``): the quoted label is a term;
    * ``anonymity``: ``asked not to be identified``: the source's condition, not a report;
    * ``unrealised``: an infinitive under a head of intention, expectation, attempt or refusal
      (``plans to announce that``, ``is expected to argue``, ``declined to say whether``): the
      speech it names was not made;
    * ``connective``: ``that said``, ``having said that``, ``needless to say``: a discourse
      connective of the writer's, no one's report;
    * ``asked``: a passive verb of asking or telling (``Asked whether ..., she said``, ``When told
      that ...``, ``was warned that ...``): the words are the asker's or teller's, not the
      subject's (a ``question`` cue: its speaker is the asker or teller if named).
    """
    lemma = verb.lemma_.lower()
    kids = list(verb.children)
    if unrealised(verb):
        return "unrealised"
    if connective(verb):
        return "connective"
    subj = next((c for c in kids if c.dep_ in ("nsubj", "nsubjpass")), None)
    if verb.tag_ == "VB" and subj is None and verb.dep_ in ("ROOT", "advcl", "ccomp") and not any(
            c.dep_ in ("aux", "auxpass") for c in kids) and (verb.i == 0 or verb.is_sent_start or verb.doc[verb.i - 1].is_punct):
        return "imperative"
    if subj is not None and (subj.lower_ in _NOBODY or (subj.lower_ == "one" and any(
            d.lower_ == "no" for d in subj.children))):
        return "nobody"
    perfect = any(c.dep_ == "aux" and c.lemma_ == "have" for c in kids)
    if _modal(kids, _HYPOTHETICAL) and not perfect:  # "should not have called him X": he did
        return "hypothetical"
    if any(c.dep_ == "mark" and c.lower_ in _CONDITIONS for c in kids):
        return "hypothetical"  # "if the chairman says the deal is dead, ...": a condition, not a report
    if _modal(kids, _FUTURE) and not perfect and not any(c.lower_ == "you" for c in kids):
        return "unrealised"  # "Obama will tell Democrats that ...": a preview, nothing said yet (but
        # "critics will tell you that ...": what they habitually say)
    if verb.head.lemma_.lower() == "let" and verb.head.i < verb.i and verb.dep_ in ("ccomp", "xcomp"):
        return "imperative"  # "Let's say you are ...": the writer's supposition
    if lemma in _EVIDENTIAL and subj is not None and (subj.lemma_.lower() in _ABSTRACT or subj.lower_ in _ABSTRACT):
        return "inference"  # (the word as written too: "data" has the lemma "datum")
    if lemma in _BY_SPEAKERS_ONLY and subj is not None and not _names_someone(subj):
        return "inference"  # "the episode reminded investors that ...": a thing brings it to mind, no one says it
    if lemma in lx.LABEL_VERBS and ((verb.tag_ == "VBN" and verb.dep_ in ("acl", "amod", "relcl") and not any(
            c.dep_ == "aux" for c in kids)) or (any(c.lower_ == "what" and c.dep_ in ("dobj", "nsubj") for c in kids)
                                               and (subj is None or subj.lower_ in _GENERIC_SUBJECTS))):
        return "naming"
    if any(c.dep_ in ("xcomp", "ccomp") and c.lemma_.lower() in _ANONYMITY and any(
            a.dep_ == "auxpass" for a in c.children) for c in kids):
        return "anonymity"
    if (lemma in lx.ASKING_VERBS or lemma in lx.TELLING_VERBS) and (
            any(c.dep_ in ("nsubjpass", "auxpass") for c in kids)
            or (verb.tag_ == "VBN" and not any(c.dep_ == "aux" for c in kids))
            or (verb.dep_ == "advcl" and subj is None and verb.tag_ == "VBD")  # "Told that ..., she said"
            or (verb.dep_ == "conj" and subj is None and verb.head.dep_ not in ("ccomp", "xcomp")
                and any(c.dep_ == "auxpass" for c in verb.head.children))):
        # ("were released and told to return": the passive reaches the second verb)
        return "asked"  # also "was told that ...", "When told that ...": the subject heard it, someone else said it
    return None


def _names_someone(subj: Any) -> bool:
    """A subject that can speak: a personal pronoun, a name, or a noun for people, a body or a
    document (not "the crash", "it")."""
    if subj.pos_ == "PRON":
        return subj.lower_ not in _ABSTRACT
    if subj.pos_ == "PROPN":
        return True
    lemma = subj.lemma_.lower()
    return subj.pos_ == "NOUN" and (names_people(subj) or lemma in PERSON_NOUNS or lemma in lx.DOCUMENT_NOUNS
                                    or lemma in lx.BODY_NOUNS)


def unrealised(verb: Any) -> bool:
    """``to argue`` in ``plans to argue``, ``is expected to argue``, ``declined to say``, ``will need
    to argue``: an infinitive whose head (a verb or an adjective) is in
    :data:`~.lexicon.UNREALISED_HEADS`."""
    if verb.tag_ != "VB" or verb.dep_ not in ("xcomp", "ccomp", "advcl", "acl") or not any(
            c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return False
    head = verb.head
    if head.i == verb.i:
        return False
    if verb.dep_ == "acl":  # "his failure to condemn", "a plan to argue": a noun of the same
        return head.pos_ == "NOUN" and head.lemma_.lower() in lx.UNREALISED_NOUNS
    if head.lemma_.lower() in lx.UNREALISED_HEADS:
        return True
    # "is going to say" parsed with *going* as the head's auxiliary chain
    return head.lower_ == "going" and head.tag_ == "VBG"


def connective(verb: Any) -> bool:
    """``That said,`` / ``Having said that,`` / ``Needless to say,``: the writer's discourse
    connective, with *said* or *say* next to a demonstrative or *needless* and a comma after it."""
    if verb.lemma_.lower() != "say":
        return False
    doc = verb.doc
    prev = doc[verb.i - 1] if verb.i > 0 else None
    nxt = doc[verb.i + 1] if verb.i + 1 < len(doc) else None
    if prev is None:
        return False
    before_prev = doc[prev.i - 1] if prev.i > 0 else None
    opens = before_prev is None or before_prev.is_punct or before_prev.is_space or prev.is_sent_start
    if prev.lower_ in ("that", "this") and opens and nxt is not None and nxt.text == ",":
        return True  # "That said, ..."
    if prev.lower_ == "having" and nxt is not None and nxt.lower_ in ("that", "this"):
        return True  # "Having said that, ..."
    return prev.lower_ == "to" and before_prev is not None and before_prev.lower_ == "needless"


# nouns for what someone put forward that may state it through a copula ("his point is that ..."),
# besides the nouns of speech and of opinion
_PUT_FORWARD = frozenset({"point", "answer", "response", "reply", "explanation"})


_CUE_WORDS = lx.SPEECH_VERBS | lx.EVALUATION_VERBS | lx.SPEECH_NOUNS | lx.OPINION_NOUNS | lx.FINDING_NOUNS | lx.FINDING_VERBS | _PHRASAL_FIRST | {
    "put", "according", "case"} | _PUT_FORWARD
_SUBJECT_WORDS = lx.DOCUMENT_NOUNS | lx.RELATIVE_PRONOUNS


def _candidates(doc: Any) -> list[int]:
    """Indices of the tokens that may be reporting words, found on the Doc's arrays (building a
    Token object for every word of a long article costs more than all the rules): words of the
    lexicon, and the heads of speech-document subjects."""
    try:
        import numpy as np
        from spacy.attrs import LEMMA, LOWER
    except ImportError:  # pragma: no cover - spaCy and numpy are dependencies
        return list(range(len(doc)))
    if not len(doc):
        return []
    strings = doc.vocab.strings
    arr = doc.to_array([LEMMA, LOWER])
    unique = np.unique(arr)
    words = [strings[int(h)].lower() if int(h) in strings else "" for h in unique]
    cue_hashes = unique[np.fromiter((w in _CUE_WORDS for w in words), dtype=bool, count=len(words))]
    subject_hashes = unique[np.fromiter((w in _SUBJECT_WORDS for w in words), dtype=bool, count=len(words))]
    out = set(np.nonzero(np.isin(arr, cue_hashes).any(axis=1))[0].tolist())
    for i in np.nonzero(np.isin(arr, subject_hashes).any(axis=1))[0].tolist():
        tok = doc[i]
        if tok.dep_ in ("nsubj", "nsubjpass"):
            out.add(tok.head.i)
        for c in tok.children:
            if c.dep_ == "relcl":
                out.add(c.i)
    clear = strings.as_int("clear") if "clear" in strings else None
    if clear is not None:  # "made it clear that", "was clear that": the verb governs "clear"
        out.update(doc[i].head.i for i in np.nonzero(arr[:, 1] == clear)[0].tolist())
    return sorted(out)


def clause_cues(art: Parsed, used: set[int]) -> list[ClauseCue]:
    """Every reporting word outside quotation marks that no quotation frame took already, less
    those that report no speech (:func:`not_a_report`)."""
    out: list[ClauseCue] = []
    doc = art.doc
    for i in _candidates(doc):
        tok = doc[i]
        if tok.i in used or art.in_quote(tok):
            continue
        if is_cue(tok) or (tok.pos_ == "VERB" and tok.lemma_.lower() in lx.EVALUATION_VERBS):
            why = not_a_report(tok)
            if why is not None and why != "asked":
                art.dropped[why] += 1
            if why is None:
                out.append(ClauseCue(tok, "verb"))
            elif why == "asked":  # the question is reported, but it is the asker's (if named), not the subject's
                out.append(ClauseCue(tok, "question"))
        elif tok.pos_ == "VERB" and spk.document_subject(tok) is not None and (
                states_a_clause(tok) or quotes_in_object(art, tok)):
            out.append(ClauseCue(tok, "document"))
        elif tok.pos_ == "VERB" and tok.lemma_.lower() in lx.FINDING_VERBS and body_finds(tok):
            out.append(ClauseCue(tok, "finding"))
        elif (clause := made_clear(tok)) is not None and not_a_report(tok) is None:
            out.append(ClauseCue(tok, "made-clear", clause))
        elif tok.lemma_ == "put" and as_put_it(tok):
            out.append(ClauseCue(tok, "as-put"))
        elif tok.lower_ == "according" and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "to":
            out.append(ClauseCue(tok, "according"))
        elif tok.pos_ == "NOUN" and (tok.lemma_.lower() in lx.SPEECH_NOUNS or voiced_opinion(tok)):
            out.append(ClauseCue(tok, "speech-noun"))
    return out


def body_finds(verb: Any) -> bool:
    """A verb of finding with a body, a court or a group of researchers as its subject and a clause
    (``the Budget Office finds that ...``, ``economists calculated that ...``, ``the court held
    that ...``)."""
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    clause = next((c for c in verb.children if c.dep_ == "ccomp"), None)
    if subj is None or clause is None or any(c.dep_ in ("dobj", "obj") for c in verb.children) or not any(
            # a finite clause and no object: not "found the car abandoned", "found solace after ..."
            t.tag_ in ("VBD", "VBZ", "VBP", "MD") for t in [clause, *clause.children] if t.dep_ not in ("nsubj", "dobj")):
        return False
    if clause.i < verb.i or any(m.dep_ == "mark" and m.lower_ != "that" for m in clause.children):
        return False  # "... found, after the cities reopened, ...": a clause of time is no finding
    if subj.pos_ == "PROPN":  # a body's name: several words or an acronym (a lone "Smith" may be misread)
        return subj.ent_type_ == "ORG" and (subj.text.isupper() or any(
            c.dep_ == "compound" and c.ent_type_ == "ORG" for c in subj.children))
    if subj.pos_ != "NOUN":
        return False
    if sector_of(subj.lemma_.lower()) == "JUD":
        return True  # "the court held that ...", "the judge found that ...": a court's findings are its ruling
    return subj.tag_ == "NNS" and (names_people(subj) or subj.lemma_.lower() in lx.INQUIRY_NOUNS)


# verbs that with "the case" mean arguing: "made the case that", "pressed the case that"
_ARGUING_LIGHT_VERBS = frozenset({"make", "press", "lay", "build", "state", "argue", "plead"})


def copular_report(noun: Any) -> Any | None:
    """``his argument is that ...``, ``the ministry's position is that ...``: a noun of speech or
    opinion owned by someone (a possessor) whose copula states a that-clause reports that clause as
    the owner's words. Returns the clause's head, else None ("the problem is that ...", "the point
    is that ...": no one's, the writer's own)."""
    lemma = noun.lemma_.lower()
    if noun.dep_ != "nsubj" or noun.head.lemma_ != "be" or not (
            lemma in lx.SPEECH_NOUNS or lemma in lx.OPINION_NOUNS or lemma in _PUT_FORWARD):
        return None
    if not any(c.dep_ == "poss" and c.ent_type_ not in ("DATE", "TIME") for c in noun.children):
        return None
    return next((c for c in noun.head.children if c.dep_ in ("ccomp", "attr") and c.i > noun.head.i
                 and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)), None)


def voiced_opinion(noun: Any) -> bool:
    """A noun of an opinion voiced by a verb of saying it is the object of (``reiterated his view
    that``, ``stated the position that``), or of a finding with its author (``the analysts'
    assessment that``, ``issued an estimate that``), or stated through a copula by its owner (:func:`copular_report`)."""
    lemma = noun.lemma_.lower()
    if copular_report(noun) is not None:
        return True
    verb = noun.head
    if lemma == "case" and noun.dep_ in ("dobj", "obj") and verb.lemma_.lower() in _ARGUING_LIGHT_VERBS \
            and (any(c.dep_ == "nsubj" for c in verb.children) or verb.dep_ in ("xcomp", "advcl")):
        return True  # "made the case that ...": argued it ("in case that ..." and a court's case are no saying)
    if lemma not in lx.OPINION_NOUNS and lemma not in lx.FINDING_NOUNS:
        return False
    if noun.dep_ in ("dobj", "obj") and verb.pos_ == "VERB" and is_cue(verb) and any(
            c.dep_ == "nsubj" and (c.pos_ in ("PRON", "PROPN") or names_people(c)) for c in verb.children):
        return True  # (someone voices it: "the ruling reaffirms my belief" is no one's saying)
    return lemma in lx.FINDING_NOUNS and any(c.dep_ == "poss" and c.ent_type_ not in ("DATE", "TIME")
                                             for c in noun.children)


_CLEAR_SUBJECTS = frozenset({"PROPN", "NOUN", "PRON"})


def names_people(noun: Any) -> bool:
    """A common noun for people or a body of them: an agent noun ("officials", "the ministry"), a
    role ("the mayor"), a spokesman."""
    low, lemma = noun.lower_, noun.lemma_.lower()
    return sector_of(low) is not None or sector_of(lemma) is not None or lemma in ROLE_NOUNS or lemma in SPOKES_NOUNS


def made_clear(verb: Any) -> Any | None:
    """The clause a speaker "made clear" or "was clear" about ("she made it clear that the vote
    stands", "the ministry has made clear it will appeal", "he was clear that ..."): stating a
    proposition plainly is reporting it. The subject must name someone: "it was clear that" (an
    expletive) and "this made clear" report no one's words. Returns the clause's head, else None."""
    lemma = verb.lemma_.lower()
    if lemma not in ("make", "be") or verb.pos_ not in ("VERB", "AUX"):
        return None
    clear = next((c for c in verb.children if c.lower_ == "clear" and c.i > verb.i
                  and c.dep_ in ("ccomp", "acomp", "oprd", "xcomp", "advmod")), None)
    if clear is None or (lemma == "make" and clear.i - verb.i > 3):
        return None
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None or subj.pos_ not in _CLEAR_SUBJECTS or subj.lower_ in ("it", "this", "that", "which", "what"):
        return None
    if subj.pos_ == "NOUN" and not names_people(subj):
        return None  # "the data made it clear", "the rules are clear that": no one's words
    for c in [*clear.children, *verb.children]:
        if c.i > clear.i and c.dep_ in ("ccomp", "csubj", "advcl") and c.pos_ in ("VERB", "AUX"):
            return c
    return None


def states_a_clause(verb: Any) -> bool:
    """A verb outside the lexicon reports what a document says only with a clause ("the report
    found that ...", "the memo shows the plan failed") or with its words quoted in the object
    (:func:`quotes_in_object`); with a plain noun phrase it is what the document does ("the bill
    targets children", "the order bans imports"), not a report. ("The statement went on to say
    ...": the verb of saying is a cue of its own.) A causative verb's clause is what it brings
    about, no proposition ("the report will help you understand how ...", "the law lets states
    decide")."""
    clauses = [c for c in verb.children if c.dep_ == "ccomp"]
    if verb.lemma_.lower() in _CAUSATIVE and clauses and not any(_finite(c) or c.lower_ == "clear" for c in clauses):
        return False  # (a bare infinitive's clause, or a small clause of a state: "makes peace less
        # likely", "makes hunting illegal"; "makes clear that ..." states one)
    return bool(clauses) or bool(misattached_clause(verb))


def _finite(clause: Any) -> bool:
    """Is ``clause`` a finite clause (a tensed verb or auxiliary, or opened by "that")?"""
    return clause.tag_ in _FINITE_TAGS or any(
        (c.dep_ in ("aux", "auxpass") and c.tag_ in _FINITE_TAGS) or (c.dep_ == "mark" and c.lower_ == "that")
        for c in clause.children)


_FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
_CAUSATIVE = frozenset({"help", "make", "let", "allow", "enable", "cause", "force", "get", "have", "lead", "push",
                        "drive", "prompt", "permit"})


def quotes_in_object(art: Parsed, verb: Any) -> bool:
    """Does the verb's object quote the document's words ("spotlighted efforts that have “stood
    the test of time”")?"""
    return any(art.in_quote(t) for c in verb.children if c.dep_ in ("dobj", "obj") for t in c.subtree)


# ---------------------------------------------------------------------------------------------
# transcript and headline leads
# ---------------------------------------------------------------------------------------------

COLON_LEAD_RE = re.compile(r"[\"“'‘]?\s*([A-Z][\w.’'-]*(?:[ \t]+[A-Z][\w.’'-]*){0,4})[ \t]*:[ \t]+(?=\S)")
_NOT_NAMES = frozenset(re.findall(r"\w+", """update updated note notes watch read related photo photos video source
sources correction editor editors breaking exclusive advertisement q a previously close also see tags topics share
follow published posted by credit image photograph getty reuters ap afp upi warning question answer transcript
live latest more here this the background summary disclaimer caption story analysis opinion commentary perspective
explainer just watched must replay"""))

# a headline lead ending in one of these nouns reports a source: "Clinton camp: ...", "Poll: ...",
# "Police: ...", "White House aides: ..."
_SOURCE_NOUNS = frozenset(re.findall(r"\w+", """camp campaign poll polls survey report study newspaper police
officials aides spokesman spokeswoman spokesperson ministry prosecutors investigators lawyers lawyer"""))


def _named_elsewhere(art: Parsed, tok: Any) -> bool:
    """``tok`` is capitalised and the same word is part of a PERSON or ORG entity elsewhere in the text."""
    if not tok.text[:1].isupper():
        return False
    if art.entity_words is None:
        art.entity_words = {t.lower_ for e in art.doc.ents if e.label_ in ("PERSON", "ORG") for t in e}
    return tok.lower_ in art.entity_words


_FIRST_SECOND = frozenset({"i", "me", "my", "mine", "we", "us", "our", "ours", "you", "your", "yours"})
_NOMINAL = frozenset({"NOUN", "PROPN", "ADJ", "NUM"})


def _assessment(art: Parsed, start: int, end: int) -> bool:
    """Is the text after ``NAME:`` a verbless description of the one named ("NAME: A strong night
    for the senator, who ...", "NAME: Shaky at first, but ...")? A list's verdict on each person,
    not their words: its first sentence is a noun or adjective phrase, with no clause of its own
    (a verb in a relative clause or a subjectless conjunct is the description's) and no first or
    second person; the words a transcript gives a speaker are clauses ("Well, we lost")."""
    toks = [t for t in art.toks(start, end) if not t.is_space]
    if not toks:
        return False
    sent = [t for t in toks if t.sent.start == toks[0].sent.start]
    words = [t for t in sent if t.is_alpha]
    if len(words) < 4 or any(t.lower_ in _FIRST_SECOND for t in sent):
        return False
    if sum(t.text[:1].isupper() for t in words) >= 0.8 * len(words):
        return False  # a headline in title case ("NAME: Banks Still Too Big To Fail") reports words
    ids = {t.i for t in sent}
    roots = [t for t in sent if (t.head.i not in ids or t.head.i == t.i) and not t.is_punct]
    if not roots or not all(r.pos_ in _NOMINAL for r in roots):
        return False
    return not any(t.pos_ in ("VERB", "AUX") and t.dep_ in ("conj", "parataxis", "ccomp")
                   and any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in t.children) for t in sent)


@dataclass(slots=True)
class ColonLead:
    """``NAME: words`` opening a paragraph: the name, the colon and where the words run."""

    speaker: Speaker
    colon: int
    start: int
    end: int


def colon_leads(art: Parsed) -> list[ColonLead]:
    """``HOST: But, Senator ...`` / ``Jane Roe: Voters Want Change ...``: a paragraph
    opened by a name and a colon reports that person's words (transcripts, headlines)."""
    out = []
    for p0, p1 in art.paras:
        m = COLON_LEAD_RE.match(art.text, p0, p1)
        if m is None or art.text[m.end():m.end() + 1] in "\"“‘'«":
            continue  # a quotation after the colon is a framed direct quote
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
        words_after = re.findall(r"[^\W\d_]+", art.text[start:end])
        if len(words_after) >= 3 and all(w.isupper() for w in words_after):
            continue  # "NAME: WORDS ALL IN CAPITALS": a link to another story, not this one's report
        if _assessment(art, start, end):
            continue
        colon = art.text.index(":", m.end(1))
        head = toks[-1] if not toks[-1].is_punct else toks[0]
        out.append(ColonLead(Speaker(head.i, m.start(1), m.end(1), "colon-name"), colon, start, end))
    return out


__all__ = [
    "COLON_LEAD_RE",
    "ClauseCue",
    "ColonLead",
    "DirectCue",
    "Frame",
    "as_put_it",
    "clause_cues",
    "colon_leads",
    "connective",
    "direct_frames",
    "frames",
    "is_cue",
    "is_frame_cue",
    "not_a_report",
    "post_frame",
    "pre_frame",
    "previous_colon_frame",
    "unrealised",
]
