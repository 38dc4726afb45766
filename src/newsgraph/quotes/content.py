"""Stage 2, the content: what a cue reports, as one span of the text, and its kind.

For a framed quotation the content is the words inside the marks (*direct*). For a reporting word
in the writer's sentence (:class:`~.cues.ClauseCue`) it is:

* a reporting verb's clausal complement (``said that ...``, ``vowed to ...``, ``called for ...``),
  less a tail that belongs to the reporting sentence (``said A, adding B``; ``said she respects X
  and praised Y``, a conjunct in the reporting verb's tense); a frame set inside the sentence it
  reports (``Tariffs, the minister said, are ...``, ``As X put it, ...``), and a frame after a comma
  at the end of a sentence (``A, she said.``), whatever the parser hung on the verb;
* the clause ``according to X`` hangs on; a speech noun's that-clause (``his claim that ...``,
  ``said in a statement that ...``); a verb of judging with its reason (``accused the mayor of
  negligence``); a verb whose subject is a speech document (``a declaration which praised ...``);
* **the partial-quote rule**: a quoted fragment is somebody's speech only when a reporting
  predicate dominates it through a complement (not a subject, not an adjunct). Label verbs (call,
  describe, brand, dub) take the labelled object and the quoted label together. A fragment with no
  reporting predicate above it is a *term* (scare quotes, titles, coinages) and never attributed;
* **noun-phrase contents** (rule ``object``, ``[quotes] object_contents``): PARC-style, a verb of
  saying with a plain object or topic reports that object (``claimed responsibility for the
  blast``, ``denied the allegations``, ``warned against X``) — but not verbs whose object is not
  something said (``added troops``, ``called a meeting``), dates, infinitives (``voted to approve``),
  passive participles, or an object holding a writer's term. By default only an object holding
  the speaker's quoted words is kept (``[quotes] unquoted_objects = true`` keeps all);

The content is *partial* when it holds a quoted fragment, *direct* when the quotation is (nearly)
all of it, *indirect* otherwise. Each function says which rule of :mod:`.speaker` names its
sayer (``subject``, ``document``, ``according``, ``noun`` ...); the speaker stage applies it.
"""

from __future__ import annotations

import re
from typing import Any

from . import lexicon as lx
from . import speaker as spk
from .cues import ClauseCue, ColonLead, DirectCue, as_put_it, copular_report, is_cue, misattached_clause
from .marks import Quoted
from .parsed import Attribution, Parsed
from .text import name_like, sentence_ends, tok_end, trim

Found = tuple[Attribution, str]  # an attribution and the speaker rule that names its sayer


def sent_end(art: Parsed, tok: Any) -> int:
    """Where the sentence of ``tok`` ends (within its paragraph)."""
    _p0, p1 = art.para_of(tok.idx)
    ends = sentence_ends(art.text, tok_end(tok), p1)
    return ends[0] if ends else p1


def has_fragment(art: Parsed, tok: Any) -> bool:
    """Does the phrase of ``tok`` hold a quotation, within ``tok``'s paragraph (the parser can run a
    sentence over a paragraph break, and a content never does)?"""
    p0, p1 = art.para_of(tok.idx)
    return bool(art.fragments_in(max(tok.left_edge.idx, p0), min(tok_end(tok.right_edge), p1)))


#: verbs of asking whose "for" phrase is what is asked for ("called for calm", "asked for help")
ASKS_FOR = frozenset({"call", "ask", "press", "push", "appeal", "plead"})


_GLOSS_HEADS = frozenset({"needless", "suffice", "so", "strange", "sad", "safe", "fair"})


def saying_idiom(verb: Any) -> bool:
    """ "which is to say", "that is to say", "needless to say", "suffice it to say", "safe to say":
    an infinitive "to say" that a copula or a gloss word governs is the writer rephrasing, not
    anyone's report (a speaker's own "to say" hangs from a verb: "declined to say", "went on to say")."""
    if verb.lemma_.lower() != "say" or not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return False
    head = verb.head
    return (head.lemma_ == "be" and any(c.dep_ == "nsubj" and c.lower_ in ("which", "that", "this") for c in head.children)
            ) or head.lower_ in _GLOSS_HEADS


def _measured(verb: Any) -> bool:
    """Is the verb's subject a measurement (a poll, the figures), whose "suggesting" is a reading?"""
    return any(c.dep_ == "nsubj" and c.lemma_.lower() in lx.MEASUREMENT_NOUNS for c in verb.children)


def _unnamed_children(art: Parsed, verb: Any) -> list[Any]:
    """The verb's dependents, with a clause the parser headed by a word of a quoted title
    (``told CBS's “Face the Voters” on Sunday that ...``, the title read as a verb phrase) replaced
    by the clauses hung on it: the title names the programme told, the clause is what was said."""
    out = []
    for c in verb.children:
        if c.dep_ in ("ccomp", "xcomp") and art.only_a_name(c):
            out.extend(x for x in c.children if x.i > c.i and not art.only_a_name(x) and (
                x.dep_ == "ccomp" or (x.dep_ == "advcl" and _starts_with_that(x))))
        else:
            out.append(c)
    return out


def _content_children(art: Parsed, verb: Any, *, document: bool) -> list[Any]:
    """The dependents of a reporting verb that carry what was said."""
    lemma = verb.lemma_.lower()
    if lemma not in lx.SPEECH_VERBS and not document:  # a verb of evaluation: only quoted words count
        return _fragment_children(art, verb) or _reason_children(verb)
    kids = []
    for c in _unnamed_children(art, verb):
        dep, low = c.dep_, c.lower_
        if c.i < verb.i and any(t.text == ";" for t in verb.doc[c.right_edge.i + 1:verb.i]):
            continue  # "A claims X; others say Y": a semicolon ends the clause before, which is no content
        # a document's infinitive counts only after a verb of commitment ("the resolution urged X to
        # ..."), not "the scheme is designed to ...", "the ruling appears to be ..."
        clause = (dep == "ccomp" and not relay_frame(verb, c)) or (dep == "xcomp" and (
            lemma in lx.COMMITMENT_VERBS
            # "claimed to have seen it"; not "what he claims to want", whose object went before it
            or (lemma in lx.ASSERTED_INFINITIVE and c.left_edge.i > verb.i
                and not any(o.dep_ in ("dobj", "obj") and o.i < verb.i for o in verb.children))
            or (lemma in lx.PROPOSING_VERBS and c.tag_ == "VBG" and not _measured(verb))))
        # "called for “a full inquiry”": the demand in the speaker's words; "called for more leeway",
        # "asked for help": a thing asked for states nothing, and is no report (the request is an event)
        asks_for = dep == "prep" and low == "for" and lemma in ASKS_FOR and has_fragment(art, c)
        if clause or asks_for:
            kids.append(c)
        elif lemma in lx.NEEDS_CLAUSE and lemma not in lx.LABEL_VERBS:
            continue  # "maintain peace", "point a gun": only a clause makes them reporting
        elif (dep in ("dobj", "oprd", "attr", "acomp", "obj") or (
                lemma in lx.LABEL_VERBS and dep == "advmod" and c.i > verb.i and any(
                    o.dep_ in ("dobj", "obj") and o.i < c.i for o in verb.children))) and has_fragment(art, c):
            # (the label a tagger took for an adverb: "called the ruling “cowardly”")
            if not (lemma in lx.ADDRESSEE_OBJECT and dep == "dobj" and any(
                    x.dep_ in ("ccomp", "xcomp") for x in verb.children)):
                kids.append(c)
        elif dep == "prep" and low == "as" and has_fragment(art, c):
            kids.append(c)
        elif dep in ("advcl", "dep", "acl") and c.i > verb.i and _starts_with_that(c):
            kids.append(c)  # "posted late on Sunday that ...": a that-clause the parser misplaced
        elif dep in ("dobj", "obj") and lemma in lx.ADDRESSEE_OBJECT and (misplaced := _addressee_clause(c)):
            kids.append(misplaced)  # "reminded the crowd that she had ...": the clause is the verb's
        elif dep == "prep" and c.i > verb.i:
            kids.extend(_document_clause(c))  # "said in a statement that ..."
        elif dep == "advcl" and lemma in ASKS_FOR and any(
                m.dep_ == "mark" and m.lower_ == "for" for m in c.children):
            kids.append(c)  # "called for all parties to publish ..."
    if lemma in lx.LABEL_VERBS and any(has_fragment(art, k) for k in kids):
        obj = [c for c in verb.children if c.dep_ in ("dobj", "obj") and c not in kids]
        kids.extend(obj)  # "called the plan “deeply flawed”": the labelled thing too
    if not kids:
        kids = misattached_clause(verb, asking=lemma in lx.ASKING_VERBS)
    if not kids and lemma not in lx.NEEDS_CLAUSE:
        kids = _fragment_children(art, verb)
    if not kids:
        kids = _reason_children(verb)
    return kids


_CONTENT_DEPS = frozenset({"ccomp", "xcomp", "dobj", "obj", "dative"})


def relay_frame(verb: Any, clause: Any) -> bool:
    """Is ``clause``, parsed as what ``verb`` reports, a second frame closing the sentence instead
    (``..., the minister said, the agency reported.``)? A reporting verb with a subject and no
    content of its own, set off by a comma after ``verb``, with nothing after it: it names the
    channel that relayed the report, and says nothing itself."""
    subj = next((c for c in clause.lefts if c.dep_ in ("nsubj", "nsubjpass")), None)
    if clause.i < verb.i or subj is None or not is_cue(clause) or any(c.dep_ in _CONTENT_DEPS for c in clause.children):
        return False
    doc = verb.doc
    if not any(t.text in (",", "—", "–") for t in doc[verb.i + 1:subj.left_edge.i]):
        return False
    return all(t.is_punct for t in doc[clause.right_edge.i + 1:clause.sent.end])


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
                    p.dep_ in ("pobj", "pcomp") and p.ent_type_ not in _NOT_SAID_ENTS for p in c.children):
                return [obj, c]  # not "attacked X on Monday": a time is not a reason
    return []


_CARRIERS = frozenset({"dobj", "obj", "prep", "oprd", "attr", "acomp", "xcomp", "advcl", "dative", "ccomp",
                       "npadvmod", "advmod", "agent"})


#: prepositions that name what a complaint or comment is about, not what was said
_ABOUT = frozenset({"about", "over", "regarding", "concerning", "on"})


def topic_scare_quote(art: Parsed, prep: Any) -> bool:
    """``complained about the “new rules”``: quotation marks around a few words inside the noun
    phrase a preposition of topic governs, the phrase opened outside them (``the``), mark a term
    for the topic (scare quotes), not words the subject said; every quotation there is short (four
    words or fewer) and holds no verb. A whole phrase in quotation marks (``warned about “a wave
    of infections”``) is the subject's wording and stays a quotation."""
    if prep.dep_ != "prep" or prep.lower_ not in _ABOUT:
        return False
    pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    if pobj is None:
        return False
    s0, s1 = pobj.left_edge.idx, tok_end(pobj.right_edge)
    frags = art.fragments_in(s0, s1)
    if not frags:
        return False
    for a, b in frags:
        toks = art.toks(max(a, s0), min(b, s1))
        words = [t for t in toks if t.is_alpha]
        if not words or len(words) > 4 or any(t.pos_ in ("VERB", "AUX") for t in toks):
            return False
        if not any(t.is_alpha for t in art.toks(s0, a)):
            return False  # the phrase opens inside the marks: the subject's own words
    return True


def _fragment_children(art: Parsed, verb: Any) -> list[Any]:
    """The dependents after a verb up to the last one holding a quotation: ``blasted the report
    for being “one-sided”`` -> ``the report for being “one-sided”``. Scare quotes in the topic of
    the verb (:func:`topic_scare_quote`) are no quotation of the subject's."""
    right = [c for c in verb.rights if c.dep_ in _CARRIERS]
    last = max((n for n, c in enumerate(right) if has_fragment(art, c) and not topic_scare_quote(art, c)),
               default=None)
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


def _addressee_clause(addressee: Any) -> Any | None:
    """A that-clause the parser hung on the addressee of a verb of telling as a relative clause,
    though its *that* is a complementiser (a relative *that* is the clause's subject or object,
    not its marker): "reminded the crowd that she had voted"."""
    for c in addressee.children:
        if c.dep_ == "relcl" and c.i > addressee.i and _starts_with_that(c) and c.left_edge.dep_ == "mark" \
                and any(s.dep_ in ("nsubj", "nsubjpass") for s in c.children):
            return c
    return None


def _starts_with_that(clause: Any) -> bool:
    """A clause opened by the complementiser *that*."""
    first = clause.left_edge
    return first.lower_ == "that" and first.head.i == clause.i and first.i < clause.i


def span_of(art: Parsed, verb: Any, kids: list[Any]) -> tuple[int, int] | None:
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
    # a clause that opens right after a quoted name ("told MSNBC's “Morning Joe” the tariffs ..."):
    # the name's closing mark is not the content's
    term = art.name_named(verb, start)
    start = term[1] + 1 if term is not None else start
    end = _before_main_clause(verb, start, end)
    start, end = _strip_that(art, start, end)
    start, end = trim(art.text, start, end, strip_chars=" \t\r\n,;:—–-")
    start, end = trim(art.text, start, _before_conjunction(art.text, start, end), strip_chars=" \t\r\n,;:—–-")
    return with_marks(art, start, end) if end > start else None


_TRAILING_CONJUNCTION = re.compile(r"[\s,;]+(?:and|but|or|nor|yet)$")


def _before_conjunction(text: str, start: int, end: int) -> int:
    """A content clause never ends with a coordinating conjunction: "argued that the plan went too
    far, and [another subject said ...]" hangs the *and* that joins the two reports on the first
    one's content."""
    m = _TRAILING_CONJUNCTION.search(text, start, end)
    return m.start() if m else end


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
      and has backed C``, ``the senator said A is B, and he attacked C``);
    * a report of someone else's set after the content in an adverbial or relative clause (``asked
      her how old she was, as her mother said ...``, ``proposed a bill, which he said would ...``).

    Returns the character where the content ends, or None.
    """
    cuts = []
    matrix, own = _finite_tag(verb), _finite_tag(head)
    for t in head.subtree:
        if t.i > head.i and t.dep_ in ("advcl", "relcl") and t.lemma_.lower() in lx.SPEECH_VERBS and \
                t.pos_ == "VERB" and any(c.dep_ == "nsubj" and c.lower_ not in lx.RELATIVE_PRONOUNS
                                         for c in t.children) and t.left_edge.i > head.i:
            cuts.append(t)
            continue
        if t.i <= head.i or t.pos_ not in ("VERB", "AUX") or t.dep_ not in ("conj", "advcl"):
            continue
        prev = t.doc[t.left_edge.i - 1] if t.left_edge.i > 0 else None
        joined = prev is not None and (prev.text in (",", ";", "—", "–") or prev.dep_ == "cc")
        if not joined:
            continue
        if t.tag_ == "VBG" and t.lemma_.lower() in lx.SPEECH_VERBS and not any(
                c.dep_ in ("nsubj", "nsubjpass") for c in t.children):
            cuts.append(t)
        elif t.dep_ == "conj" and t.head.i == head.i and t.lemma_.lower() in lx.SPEECH_VERBS \
                and (outer := spk.parallel_report(t)) is not None and outer.i == verb.i:
            cuts.append(t)  # "said his passport was seized and insisted ...": the sayer's second report
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


def with_marks(art: Parsed, start: int, end: int) -> tuple[int, int]:
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
    if root.i == verb.i:
        return _main_clause_after(verb, start, end)
    if not start <= root.idx < end or verb.i > root.i:
        return end
    anchor = root
    for c in root.lefts:
        if c.dep_ in spk.SUBJECT_DEPS and c.idx > verb.idx:
            anchor = c.left_edge
            break
    return min(end, anchor.idx)


def _subordinator(tok: Any) -> bool:
    """A word opening a clause of time, cause, concession or condition (after, because, although,
    if ...; the parser tags "when" as an adverb, the others as markers)."""
    return tok.dep_ in ("mark", "advmod") and tok.lower_ in lx.ADVERBIAL_MARKS


def _main_clause_after(verb: Any, start: int, end: int) -> int:
    """``When the mayor said A, voters listened`` parsed with *said* as the root and the main clause
    inside A: a reporting verb opened by a subordinator (a clause of time, cause or concession)
    has its content end at the last comma before a subject and its finite verb."""
    if not any(_subordinator(c) and c.i == verb.left_edge.i for c in verb.children):
        return end
    doc, cut = verb.doc, end
    for t in doc[verb.i + 1:verb.sent.end - 1]:
        if t.text != "," or not start < t.idx < end:
            continue
        subj = next((x for x in doc[t.i + 1:verb.sent.end] if x.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None and subj.left_edge.i == t.i + 1 and subj.head.i > subj.i and (
                _finite_tag(subj.head) in ("VBD", "VBZ", "VBP", "MD")):
            cut = t.idx
    return cut


def _strip_that(art: Parsed, start: int, end: int) -> tuple[int, int]:
    """Drop a leading complementiser: the content of ``said that X`` is ``X``."""
    head = art.text[start:start + 5]
    if head.lower() == "that " and end - start > 5:
        return start + 5, end
    return start, end


def _inner(art: Parsed, start: int, end: int, frags: list[tuple[int, int]]) -> tuple[int, int]:
    """The words inside the marks of a direct quote found as a clause content."""
    q = art.by_open.get(frags[0][0]) if len(frags) == 1 else None
    if q is None:
        return start, end
    return trim(art.text, max(q.start, start), min(q.end, end), strip_chars=" \t\r\n,")


def kind_of(art: Parsed, start: int, end: int) -> tuple[str, list[tuple[int, int]]]:
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


def cue_end(verb: Any) -> int:
    """Where the cue ends: after a particle right after the verb ("pointed out", "called for")."""
    prt = next((c for c in verb.children if c.dep_ == "prt" and c.i == verb.i + 1), None)
    return tok_end(prt if prt is not None else verb)


# ---------------------------------------------------------------------------------------------
# one function per kind of cue
# ---------------------------------------------------------------------------------------------


def direct(art: Parsed, k: int, q: Quoted, d: DirectCue) -> Attribution:
    """A framed quotation: the words inside its marks."""
    start, end = trim(art.text, q.start, q.end, strip_chars=" \t\r\n,")
    cue = d.cue
    according = cue.lower_ == "according"
    end_cue = tok_end(art.doc[cue.i + 1]) if according and cue.i + 1 < len(art.doc) else tok_end(cue)
    return Attribution(start, end, "direct", d.rule, 0.0, cue=(cue.idx, end_cue), cue_token=cue.i,
                       cue_lemma="according to" if according else cue.lemma_.lower(),
                       speaker=d.speaker, frame_end=d.frame_end, fragments=[(q.open, q.outer_end)], quote_index=k)


def of_cue(art: Parsed, cue: ClauseCue) -> Found | None:
    """The content of a reporting word in the writer's sentence, by its kind."""
    if cue.type == "verb":
        return verb_clause(art, cue.token, document=False)
    if cue.type == "question":
        found = verb_clause(art, cue.token, document=False)
        if found is not None and found[0].rule == "clause":
            found[0].rule = "question"
            return found[0], "agent"
        return None
    if cue.type == "document":
        return verb_clause(art, cue.token, document=True)
    if cue.type == "finding":  # a body's finding: the clause as a document's, the subject its sayer
        found = verb_clause(art, cue.token, document=True)
        return (found[0], "subject") if found is not None else None
    if cue.type == "made-clear":
        return verb_clause(art, cue.token, document=False, kids=[cue.content])
    if cue.type == "as-put":
        return parenthetical(art, cue.token)
    if cue.type == "according":
        return according_clause(art, cue.token)
    if cue.type == "speech-noun":
        return noun_clause(art, cue.token)
    return None


_SUBJECT_OR_AUX = frozenset({"nsubj", "nsubjpass", "csubj", "expl", "aux", "auxpass"})


def imperative(verb: Any) -> bool:
    """A bare verb heading its sentence with no subject or auxiliary ("Tell them to ...", "Call
    your senator and tell them ..."): an imperative."""
    if not (verb.tag_ == "VB" or (verb.tag_ == "VBP" and verb.i == verb.sent.start)) \
            or any(c.dep_ in _SUBJECT_OR_AUX for c in verb.children):
        return False  # (a sentence's first verb read as present tense: "Thank you for ...")
    return verb.dep_ == "ROOT" or (verb.dep_ == "conj" and verb.head.i < verb.i and imperative(verb.head))


def negated(verb: Any) -> bool:
    """``did not say``, ``never mentioned``, ``hasn't detailed``, ``neither A nor B mentioned``."""
    return any(c.dep_ == "neg" or (c.dep_ == "advmod" and c.lower_ == "never") or (
        c.dep_ == "nsubj" and any(d.dep_ in ("det", "preconj", "cc") and d.lower_ == "neither" for d in c.children))
        for c in verb.children)


_WH = frozenset({"what", "whether", "if", "who", "whom", "whose", "which", "when", "where", "why", "how"})
# the words that open an indirect question and never a statement's clause ("if", "when", "what"
# may: "said if the talks fail ...", "said what he saw was horrifying")
_QUESTION_WORDS = frozenset({"whether", "who", "whom", "whose", "why", "how"})
_PUTTING_QUESTIONS = frozenset({"ask", "inquire", "enquire", "query"})



def verb_clause(art: Parsed, verb: Any, *, document: bool, kids: list[Any] | None = None) -> Found | None:
    """What a reporting verb says (its content dependents, or ``kids`` when the caller found them)."""
    if saying_idiom(verb):
        art.dropped["saying-idiom"] += 1
        return None  # "which is to say ...", "needless to say": the writer's gloss, nobody's report
    if imperative(verb):
        art.dropped["imperative"] += 1
        return None  # "tell them to vote no", "Thank you for ...": the writer bidding the reader, no one's report
    kids = kids or _content_children(art, verb, document=document)
    if not kids:
        if not document and is_cue(verb) and verb.tag_ in ("VBD", "VBZ", "VBP", "VBN"):
            found = parenthetical(art, verb) or rest_of_sentence(art, verb)
            if found is not None:
                return found
        return object_content(art, verb) if not document and is_cue(verb) and art.object_contents else None
    span = span_of(art, verb, kids)
    if span is None or len(art.toks(*span)) < 2:
        return None
    if negated(verb) and art.text[span[0]:span[1]].split(None, 1)[0].lower() in _WH:
        art.dropped["negated-question"] += 1
        return None  # "did not say whether ...", "hasn't detailed what he would do": nothing was said
    if negated(verb) and verb.lemma_.lower() in lx.REASON_VERBS:
        art.dropped["negated-judgement"] += 1
        return None  # "did not criticize X for Y", "never praised X": no criticism or praise was voiced
    kind, frags = kind_of(art, *span)
    opener = art.text[span[0]:span[1]].split(None, 1)[0].lower()
    if kind == "indirect" and verb.lemma_.lower() not in _PUTTING_QUESTIONS and (
            opener in _QUESTION_WORDS or (opener in _WH and verb.lemma_.lower() in lx.ASKING_VERBS)):
        art.dropped["indirect-question"] += 1
        return None  # "explained who may enter", "wonder why ...", "question whether ...": the topic
        # the speech was about or a doubt, no proposition anyone stated; after a verb of doubt any
        # question word opens one ("wondered if ...", "questioned what ..."); a question put
        # ("asked whether ...") is the asker's words
    if kind == "direct":
        span = _inner(art, *span, frags)
    rule = "document-clause" if document else ("label" if verb.lemma_.lower() in lx.LABEL_VERBS and frags
                                                else "clause")
    if rule == "label" and all(name_like(art.text[a:b]) for a, b in frags):
        art.dropped["label-name"] += 1
        return None  # "called her brother “Bobby”", "dubbed it “Operation Sunrise”": a name given, not words said
    a = Attribution(span[0], span[1], kind, rule, 0.0, cue=(verb.idx, cue_end(verb)), cue_token=verb.i,
                    cue_lemma=verb.lemma_.lower(), frame_end=sent_end(art, verb), fragments=frags,
                    negated=negated(verb))
    return a, "document" if document else "subject"


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
            if obj is None and label.pos_ == "PROPN":
                return []  # "called President X on Monday": the one telephoned, no label
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
    if lemma in lx.QUOTING_VERBS and any(p.dep_ == "pcomp" and p.lemma_.lower() in lx.SPEECH_VERBS
                                         for a in label for p in a.children):
        return []  # "quoted the minister as saying ...": the minister speaks, the words follow
    if obj.ent_type_ == "PERSON" and not label and lemma not in lx.REASON_VERBS:
        return []  # "welcomed the governor", "is challenging the mayor": a person is not what was said
    if not label and topic_only(verb, obj):
        return []
    return [obj, *label]


_DEFINITE = frozenset({"the", "this", "these", "that", "those", "such"})


def topic_only(verb: Any, obj: Any) -> bool:
    """A noun-phrase object that names what the speech was about, not what was said:

    * the target of a verb of judging (``condemned the attack``, ``rejected the compromise``,
      ``praised the firefighters``): the judgement is the speech act, its object a topic; with a
      reason or a label it is content (``praised X for Y``, ``called X a disgrace``, other rules);
    * something said before, referred to by a definite or possessive phrase (``denied the
      allegations``, ``dismissed their request``, ``rejected these claims``): a topic, unless the
      phrase spells out the content (``denied allegations that ...``, ``the charge of fraud``).
    """
    if verb.lemma_.lower() in lx.JUDGING_VERBS:
        return True
    noun = obj.lemma_.lower()
    if noun in lx.SPEECH_NOUNS or noun in lx.DOCUMENT_NOUNS or noun in lx.TOPIC_NOUNS:
        definite = any(c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ in _DEFINITE) for c in obj.children)
        spelled = any(c.dep_ in ("acl", "relcl", "ccomp", "appos") or (c.dep_ == "prep" and c.lower_ in (
            "of", "that", "about")) for c in obj.children)
        return definite and not spelled
    return False


def owned_report(noun: Any) -> bool:
    """A noun of saying with its sayer and its content ("the judge's remark that ...", "Lee's claim
    that ..."): a report of its own, whoever refers to it."""
    return (noun.lemma_.lower() in lx.SPEECH_NOUNS or noun.lemma_.lower() in lx.DOCUMENT_NOUNS) \
        and any(c.dep_ == "poss" for c in noun.children) and any(c.dep_ in ("acl", "ccomp") for c in noun.children)


_NOT_SAID_ENTS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"})


def object_content(art: Parsed, verb: Any) -> Found | None:
    """A noun-phrase content (lower confidence than a clause): PARC-style attribution reads
    ``the militia claimed responsibility for the blast`` and ``she cited the economic
    weight of ...`` as reports of what was said. Off with ``[quotes] object_contents =
    false``; only those holding the speaker's quoted words unless ``[quotes] unquoted_objects``
    (hand-labelled news counts a plain noun phrase as said about 1 time in 4)."""
    if verb.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return None  # "seeking to verify their identity", "voted to approve the budget": not said
    if verb.tag_ == "VBN" and not any(c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children):
        return None  # "Asked about the strike, the minister said ...": the subject is not the asker
    if verb.lemma_.lower() in lx.ASKING_VERBS and not any(
            c.dep_ == "nsubj" and not _comma_between(c, verb) for c in verb.children):
        return None  # "an official, asked about the concerns, declined": the one asked, and a topic
        # (a subject set off from its verb by a comma is the parser's reading of that participle)
    if negated(verb):
        art.dropped["negated-object"] += 1
        return None  # "did not reveal his next appointments", "never mentioned the name": nothing said
    if verb.lemma_.lower() in lx.TARGET_OBJECT and any(c.dep_ in ("dobj", "obj") for c in verb.children):
        art.dropped["target-object"] += 1
        return None  # "threatened the chairwoman", "interrupted the rally": the target, not what was said
    kids = _object_children(verb)
    if not kids:
        return None
    if any(owned_report(k) for k in kids):
        art.dropped["owned-report"] += 1
        return None  # "pointed to the judge's remark that ...": the judge's words (a speech-noun cue)
    span = span_of(art, verb, kids)
    if span is None or len(art.toks(*span)) < 2 or any(a < span[1] and span[0] < b for a, b in art.named_terms):
        return None  # "condemned its so-called “referendums”": the writer's term, nobody's speech
    kind, frags = kind_of(art, *span)
    if frags and all(k.head.dep_ == "prep" and topic_scare_quote(art, k.head) for k in kids):
        kind, frags = "indirect", []  # "complained about the “temporary” closure": the topic, marks and all
    if kind == "direct":
        span = _inner(art, *span, frags)
    if kind == "indirect" and not art.unquoted_objects and len(kids) == 1 and kids[0].dep_ != "oprd":
        art.dropped["unquoted-object"] += 1
        return None  # "outlined a package of changes": what the speech was about, not what was said
        # (an object with what is said of it, "called him divisive", "described X as Y", states it)
    a = Attribution(span[0], span[1], kind, "object", 0.0, cue=(verb.idx, cue_end(verb)), cue_token=verb.i,
                    cue_lemma=verb.lemma_.lower(), frame_end=sent_end(art, verb),
                    fragments=frags)
    return a, "subject"


def _comma_between(subj: Any, verb: Any) -> bool:
    """A comma right between a subject and its verb ("The mayor, asked about ...")."""
    comma = verb.i - 1
    return subj.i < comma and subj.doc[comma].text == "," and subj.right_edge.i in (comma, comma - 1)


def _clause_end(verb: Any) -> int:
    """Where the rest of a cue's sentence ends: at the sentence's end, or, for a cue in a clause
    set before the main clause ("When the mayor said ..., voters listened"), at the last comma
    before the main clause's subject."""
    head, end = verb.head, verb.sent.end
    if verb.dep_ != "advcl" or head.i <= verb.i:
        return end
    main = min([head.i, *(c.left_edge.i for c in head.children if c.dep_ in ("nsubj", "nsubjpass") and c.i > verb.i)])
    commas = [t.i for t in verb.doc[verb.i + 1:main] if t.text == ","]
    return commas[-1] if commas else end


def rest_of_sentence(art: Parsed, verb: Any) -> Found | None:
    """``She implied the landlords were to blame ...`` parsed with *implied* as a modifier: a finite
    verb of saying with a subject, no complement found, and a clause right after it — the rest of
    the sentence is what was said (lower confidence)."""
    lemma = verb.lemma_.lower()
    if lemma in lx.NEEDS_CLAUSE or lemma in lx.ADDRESSEE_OBJECT or lemma in lx.LABEL_VERBS:
        return None
    if not any(c.dep_ in ("nsubj", "nsubjpass") and c.i < verb.i for c in verb.children) and not any(
            c.dep_ == "nsubj" and c.i == verb.i - 1 for c in verb.head.children):
        return None
    _p0, p1 = art.para_of(verb.idx)
    rest = [t for t in art.doc[verb.i + 1:_clause_end(verb)] if t.idx < p1 and not t.is_space]
    while rest and (rest[-1].is_punct or art.in_quote(rest[-1])):
        rest.pop()
    if len(rest) < 3 or rest[0].is_punct or rest[0].pos_ in ("ADP", "ADV", "CCONJ", "PART"):
        return None  # "said on Monday", "said so"
    if not any(t.tag_ in ("VBD", "VBZ", "VBP", "MD") and not art.in_quote(t) for t in rest[1:]):
        return None
    # "condemned its so-called referendums and declared them invalid, hours after Putin proclaimed":
    # a noun-phrase object, or a finite verb that is the cue's conjunct or sits in an adverbial
    # clause, is not something said
    # ("pleaded guilty to ...", "sounded upbeat ...": a complement adjective is no report either)
    objects = {t.i for c in verb.children if c.dep_ in ("dobj", "attr", "oprd", "acomp") for t in c.subtree}
    if rest[0].i in objects:
        return None
    first = next(t for t in rest[1:] if t.tag_ in ("VBD", "VBZ", "VBP", "MD") and not art.in_quote(t))
    if first.tag_ == "MD":
        first = first.head
    if (first.dep_ == "conj" and first.head.i == verb.i) or first.dep_ in ("advcl", "relcl", "acl") or any(
            c.dep_ == "mark" and c.lower_ in lx.ADVERBIAL_MARKS for c in first.children):
        return None
    start, end = trim(art.text, rest[0].idx, tok_end(rest[-1]))
    start, end = with_marks(art, *_strip_that(art, start, end))
    kind, frags = kind_of(art, start, end)
    a = Attribution(start, end, kind, "clause-fallback", 0.0, cue=(verb.idx, tok_end(verb)), cue_token=verb.i,
                    cue_lemma=lemma, frame_end=sent_end(art, verb), fragments=frags)
    return a, "subject-or-adjacent"


def _plain_frame(verb: Any) -> bool:
    """``she said``, ``the official added``: an active verb with its own (non-relative) subject
    before it and no subordinator, so not ``, which the ministry outlined`` or ``, though one likely to be
    settled``."""
    if verb.dep_ in ("relcl", "acl") or any(c.dep_ == "mark" for c in verb.children):
        return False
    subj = [c for c in verb.lefts if c.dep_ == "nsubj"]
    return bool(subj) and subj[0].lower_ not in lx.RELATIVE_PRONOUNS


def _as_frame(verb: Any) -> bool:
    """Is ``verb`` the verb of an "as" frame of report ("..., as the minister noted", "As X put it,
    ...")? The frame has a gap where its object would be ("As X lamented the delays, ..." is a clause
    of time; the idiom's "it" in "as X put it" is no object), is set off from what it reports (a
    comma or dash before it, or opening the sentence: "X as the crowd cheered" tells when X happened),
    is not a passive without its agent and has no object of its own ("as they gushed with praise",
    "as police were accused of Y"; "as reported by X", "as she wrote for a paper" are frames), and is
    no name ("as the group is called", "as it is known")."""
    mark = next((c for c in verb.children if c.dep_ == "mark" and c.lower_ == "as"), None)
    if mark is None:
        return False
    lemma = verb.lemma_.lower()
    for c in verb.children:
        if c.dep_ in ("dobj", "obj", "dative", "ccomp", "xcomp", "attr") and not (as_put_it(verb) and c.lower_ == "it"):
            return False
        if (c.dep_ == "prt" and c.lower_ == "on") or (c.dep_ == "prep" and (
                c.lower_ in ("with", "about", "over") or (c.lower_ == "for" and lemma in ASKS_FOR))):
            return False  # ("as families ask for shelter")
    passive = any(c.dep_ == "auxpass" for c in verb.children)
    if passive and (lemma in lx.NAMING_VERBS or not any(c.dep_ == "agent" for c in verb.children)):
        return False
    prev = verb.doc[mark.i - 1] if mark.i > verb.sent.start else None
    return prev is None or prev.text in (",", "—", "–", "(", ":", ";") or prev.is_sent_start


def parenthetical(art: Parsed, verb: Any) -> Found | None:
    """``Tariffs, the minister said, are a tax on families`` / ``As X put it, ...``: a
    reporting frame set inside the sentence it reports; the content is the larger side of it."""
    frame_lo = min([verb.left_edge.i, *(c.left_edge.i for c in verb.children if c.dep_ in spk.SUBJECT_DEPS)])
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
    as_frame = _as_frame(verb)
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
        # (a past tense the tagger read as a participle counts after its subject: "Orders fell ...")
        clause = any(t.tag_ in ("VBD", "VBZ", "VBP", "MD") or (
            t.tag_ == "VBN" and t.i > first and doc[t.i - 1].pos_ in ("NOUN", "PROPN", "PRON", "ADV")) for t in doc[first:lo])
        # "After the minister said ..., traders protested": a clause of time or cause before the
        # comma is the verb's circumstance, not what was said
        opener = doc[first]
        circumstance = _subordinator(opener) and opener.head.right_edge.i >= lo - 2
        if only_frame and said_to and clause and not circumstance and lo > 0 and doc[lo - 1].text == ",":
            final, frame_lo, before = True, lo, doc[lo - 1]
    if not (as_frame or commas or final or verb.dep_ == "parataxis"):
        return None
    if (commas or verb.dep_ == "parataxis") and not as_frame and not final and not any(
            c.dep_ in ("nsubj", "nsubjpass") and c.lower_ not in lx.RELATIVE_PRONOUNS for c in verb.children):
        return None  # "A, admitted his mistake, and resigned": a verb of the list, no frame of its own
    p0, p1 = art.para_of(verb.idx)
    s0, s1 = max(sent.start_char, p0), min(sent.end_char, p1)
    if final and before is not None and before.i == sent.start and sent.start > 0:  # ", he said." cut off
        s0 = max(doc[sent.start - 1].sent.start_char, p0)
    left = trim(art.text, s0, doc[frame_lo].idx, strip_chars=" \t\r\n,;:—–-")
    right = trim(art.text, tok_end(doc[frame_hi]), s1, strip_chars=" \t\r\n,;:—–-.")
    head = verb.head
    if final:
        span = left
    elif (commas or as_frame or verb.dep_ == "parataxis") and head.i > frame_hi and left[1] > left[0] and any(
            c.dep_ in spk.SUBJECT_DEPS and c.i < frame_lo for c in head.children):
        # "The plan, the minister said, makes peace less likely", "The economy, as the minister said,
        # is slowing": the frame interrupts one clause between its subject and its verb; what was
        # said is the whole clause around the frame
        span = (left[0], right[1])
    elif head.i != verb.i and not frame_lo <= head.i <= frame_hi:  # the side holding the clause it interrupts
        span = right if head.i > frame_hi else left
    else:
        span = right if right[1] - right[0] >= left[1] - left[0] else left
    if span[1] - span[0] < 12:
        return None
    span = with_marks(art, *span)
    kind, frags = kind_of(art, *span)
    a = Attribution(span[0], span[1], kind, "parenthetical", 0.0, cue=(verb.idx, tok_end(verb)), cue_token=verb.i,
                    cue_lemma=verb.lemma_.lower(), frame_end=s1, fragments=frags)
    return a, "subject"


def according_clause(art: Parsed, tok: Any) -> Found | None:
    """``According to X, content.`` / ``content, according to X.``"""
    # the phrase ends with its object and all that modifies it ("according to people close to the
    # talks, who ...,"), not where the speaker it stands for is named: "according to the study" may
    # resolve to an author named a sentence before
    obj = spk.according_object(tok)
    phrase_end = tok_end(obj.right_edge) if obj is not None else tok_end(art.doc[tok.i + 1])
    if obj is not None and (obj.right_edge.i >= obj.sent.end - 2 or tok.head.i in range(obj.i, obj.right_edge.i + 1)):
        phrase_end = spk.np_span(obj)[1]  # the object's subtree took the clause it hangs on
    sent = tok.sent
    p0, p1 = art.para_of(tok.idx)
    s0, s1 = max(sent.start_char, p0), min(sent.end_char, p1)
    before = trim(art.text, s0, tok.idx)
    after = trim(art.text, phrase_end, s1, strip_chars=" \t\r\n,;:—–-.")
    colon = art.text.find(":", phrase_end, s1)
    if colon >= 0 and not any(t.tag_ in ("VBD", "VBZ", "VBP", "MD") for t in art.toks(phrase_end, colon)):
        # "..., according to people close to the cabinet: A. B." — what follows the colon, to the paragraph end
        span = trim(art.text, colon + 1, p1, strip_chars=" \t\r\n")
        if span[1] - span[0] >= 8 and art.text[span[0]:span[0] + 1] not in "\"“‘'«":
            kind, frags = kind_of(art, *span)
            a = Attribution(span[0], span[1], kind, "according-to", 0.0, cue=(tok.idx, tok_end(art.doc[tok.i + 1])),
                            cue_token=tok.i, cue_lemma="according to", frame_end=p1, fragments=frags)
            return a, "according"
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
    kind, frags = kind_of(art, *span)
    a = Attribution(span[0], span[1], kind, "according-to", 0.0, cue=(tok.idx, tok_end(art.doc[tok.i + 1])),
                    cue_token=tok.i, cue_lemma="according to", frame_end=s1, fragments=frags)
    return a, "according"


def noun_clause(art: Parsed, noun: Any) -> Found | None:
    """``his claim that ...``, ``the warning by X that ...``."""
    clause = next((c for c in noun.children if c.dep_ in ("acl", "ccomp", "appos")
                   and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)), None)
    if clause is None and noun.lemma_.lower() in lx.COMMITMENT_NOUNS:  # "a demand by X to attach ..."
        clause = next((c for c in noun.rights if c.dep_ in ("acl", "relcl") and c.tag_ == "VB"
                       and any(a.dep_ == "aux" and a.lower_ == "to" and a.i < c.i for a in c.children)), None)
    if clause is None:
        clause = copular_report(noun)  # "his argument is that ..."
    if clause is None:
        kids = misattached_clause(noun)  # "his repeated vows that ..." with the clause hung elsewhere
        clause = kids[0] if kids else None
    if clause is None:
        return None
    span = span_of(art, noun, [clause])
    if span is None or len(art.toks(*span)) < 3:
        return None
    kind, frags = kind_of(art, *span)
    gov = noun.head
    if gov.dep_ == "prep" and gov.head.pos_ == "VERB" and is_cue(gov.head) and (
            not owned_report(noun) or gov.lower_ in ("in", "during", "at", "through", "via", "with")):
        # "said in a statement that ...": the reporting verb carries this clause; "pointed to the
        # judge's remark that ...": the judge's own report
        return None
    a = Attribution(span[0], span[1], kind, "speech-noun", 0.0, cue=(noun.idx, tok_end(noun)), cue_token=noun.i,
                    cue_lemma=noun.lemma_.lower(), frame_end=sent_end(art, noun), fragments=frags)
    return a, "noun"


def colon_lead(art: Parsed, lead: ColonLead) -> Attribution:
    """``NAME: words``: the words after the colon, to the paragraph end."""
    kind, frags = kind_of(art, lead.start, lead.end)
    _p0, p1 = art.para_of(lead.start)
    return Attribution(lead.start, lead.end, kind, "colon-name", 0.0, cue=(lead.colon, lead.colon + 1),
                       cue_token=None, cue_lemma=":", speaker=lead.speaker, frame_end=p1, fragments=frags)


__all__ = ["according_clause", "colon_lead", "cue_end", "direct", "has_fragment", "kind_of", "noun_clause",
           "object_content", "of_cue", "parenthetical", "rest_of_sentence", "sent_end", "span_of", "verb_clause",
           "with_marks"]
