"""Stage 3, the speaker: who says it, read from the syntax of the cue.

The sayer is the subject of an active verb of saying, the agent of a passive one ("was told by
X"), the object of "according to", the author of a speech document ("Putin’s statement", "a
statement by X", "the ministers adopted a declaration"), or the name before a transcript colon.
It is never the indirect object or the addressee: the subject of a passive verb of telling
("she was warned that ...", "the minister was asked whether ...") is the one spoken to, so such
a report has no speaker unless an agent names one.

The speaker here is a *mention* (a token of the parse and its noun phrase); which actor it is, and
what kind of source, is the sources stage's job (:mod:`.sources`).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ..actors.evidence import name_read_as_modal
from . import lexicon as lx
from .parsed import Attribution, Parsed, Speaker
from .text import tok_end

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass", "agent", "expl"})


def np_span(tok: Any) -> tuple[int, int]:
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


def speaker_at(tok: Any, rule: str = "subject") -> Speaker:
    """The speaker mention headed by ``tok``."""
    start, end = np_span(tok)
    return Speaker(tok.i, start, end, rule)


_NOUN_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj"})

# records of someone's spoken words: whoever publishes one is not its speaker
_RECORDED = frozenset({"video", "interview", "transcript", "speech", "address", "remarks", "remark", "testimony",
                       "briefing"})

# prepositions that make a document the medium of a verb of saying ("said in a statement")
_MEDIUM_PREPS = frozenset({"in", "through", "via"})

# documents a publication prints ("an article in X"): X is who published them
_PUBLISHED = frozenset({"article", "essay", "column", "editorial", "op-ed", "report", "study", "analysis",
                        "letter", "interview"})


def author_of(noun: Any, depth: int = 0) -> Speaker | None:
    """Who authored a speech document: ``Putin’s statement``, ``a statement by X``,
    ``the ministers adopted a declaration``."""
    for c in noun.children:
        if c.dep_ == "poss" and c.ent_type_ not in _WHEN_ENTS:  # not "Monday's report", "last year's study"
            return resolve_np(c, depth + 1, "document-author")
    # "a Trump demand", "the Pentagon statement": a name of a person or a body right before the noun
    # is its author (a place or a topic is not: "the Iran statement"); of several, the nearest
    # ("the Washington Post analysis": the Post). A name's own last word is no document ("the
    # Washington Post", "the Jerusalem Post").
    if noun.pos_ == "NOUN" and not noun.ent_type_:
        names = [c for c in noun.children if c.dep_ == "compound" and c.i < noun.i and c.pos_ == "PROPN"
                 and c.ent_type_ in ("PERSON", "ORG")]
        if names:
            return resolve_np(names[-1], depth + 1, "document-author")
    for c in noun.children:
        if c.dep_ == "prep" and c.lower_ in ("by", "from"):
            for p in c.children:
                if p.dep_ == "pobj":
                    return resolve_np(p, depth + 1, "document-author")
        # "an article in the Daily Ledger", "a study in the Lancet": the publication (a place is none)
        if c.dep_ == "prep" and c.lower_ == "in" and noun.lemma_.lower() in _PUBLISHED:
            for p in c.children:
                if p.dep_ == "pobj" and p.ent_type_ == "ORG":
                    return resolve_np(p, depth + 1, "document-author")
        # "a report released by the committee", "the lawsuit, filed by three states,": the agent of a
        # participle of authoring that describes the document; not who posts a recording of speech
        # ("a video posted by X": someone else speaks in it) nor who passes a text on ("the wording
        # of a ruling, as printed by X")
        if c.dep_ == "acl" and c.tag_ == "VBN" and c.lemma_.lower() in lx.AUTHORING_VERBS \
                and noun.lemma_.lower() not in _RECORDED and not any(m.dep_ == "mark" for m in c.children):
            for a in c.children:
                if a.dep_ == "agent":
                    obj = next((p for p in a.children if p.dep_ == "pobj"), None)
                    if obj is not None:
                        return resolve_np(obj, depth + 1, "document-author")
    head = noun.head
    if noun.dep_ in ("dobj", "nsubjpass", "obj") and head.lemma_.lower() in lx.AUTHORING_VERBS:
        verb = head
    elif noun.dep_ == "pobj" and head.dep_ == "prep" and head.lower_ in _MEDIUM_PREPS \
            and head.head.pos_ in ("VERB", "AUX") and head.head.lemma_.lower() in lx.SPEECH_VERBS:
        verb = head.head  # "X said in a statement", "in a letter to the board, X wrote"
    else:
        return None
    sp = subject_of(verb, depth + 1)
    if sp is not None:
        sp.rule = "document-author"
    return sp


def resolve_np(tok: Any, depth: int = 0, rule: str = "subject") -> Speaker | None:
    """The speaker a subject token stands for: relative pronouns point at their noun, speech
    documents at their author."""
    if depth > 6:
        return None
    if tok.lower_ in lx.RELATIVE_PRONOUNS and tok.head.dep_ in ("relcl", "acl") and tok.head.head.i != tok.head.i:
        ante = tok.head.head
        if ante.dep_ == "appos" and ante.pos_ == "NOUN" and ante.head.pos_ == "PROPN" and ante.head.i < ante.i:
            ante = ante.head  # "X, the league's referee who revealed ...": the named person, not the league
        return resolve_np(ante, depth + 1, rule)
    if tok.dep_ == "expl":
        return None
    if tok.lemma_.lower() in lx.DOCUMENT_NOUNS and (tok.pos_ in ("NOUN", "PROPN") or tok.dep_ in _NOUN_DEPS):
        author = author_of(tok, depth) or earlier_author(tok, depth)
        if author is not None:
            return author
    return speaker_at(tok, rule)


def definite(noun: Any) -> bool:
    """Does a definite determiner (the, this, that) introduce ``noun``?"""
    return any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in noun.children)


def earlier_mentions(noun: Any) -> Iterator[Any]:
    """The nouns of ``noun``'s lemma before it, latest first, that a definite ``noun`` may refer back
    to: the search ends with the first indefinite one ("a report", "a new panel"), where another
    referent starts."""
    lemma = noun.lemma_.lower()
    for k in range(noun.i - 1, -1, -1):
        t = noun.doc[k]
        # a noun by its place when the tagger calls it else ("filed a brief": ADJ)
        if t.lemma_.lower() != lemma or (t.pos_ not in ("NOUN", "PROPN") and t.dep_ not in _NOUN_DEPS):
            continue
        yield t
        if any(c.dep_ == "det" and c.lower_ in ("a", "an", "another") for c in t.children):
            return


def earlier_author(noun: Any, depth: int = 0) -> Speaker | None:
    """The author of a document the text named before ("the committee released an analysis ...
    “...,” the analysis reads"): a definite document noun refers back to the latest mention of
    a document of that kind (:func:`earlier_mentions`), and speaks for whoever that mention says
    wrote it. Only a bare definite noun refers back so: "the committee report", "the latest report"
    say by their modifiers which document they are, and may be another one."""
    if not definite(noun) or any(c.i < noun.i and c.dep_ not in ("det", "punct") for c in noun.children):
        return None
    for t in earlier_mentions(noun):
        author = author_of(t, depth + 1)
        if author is not None:
            return author
    return None


def _addressee_passive(verb: Any) -> bool:
    """``she was told that``, ``the minister was asked whether``, ``they were warned``: a passive verb of
    telling whose subject is the one spoken to."""
    return verb.lemma_.lower() in lx.ADDRESSEE_OBJECT and any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)


def agent_after(art: Parsed, verb: Any, end: int) -> Speaker | None:
    """``were told, “You can’t go,” by their superiors``: the agent of a passive verb of telling can
    follow the quotation it frames (``end``: where the quotation closes); the parser hangs it inside."""
    if not _addressee_passive(verb):
        return None
    toks = art.toks(end, min(len(art.text), end + 40))
    if len(toks) < 2 or toks[0].lower_ != "by":
        return None
    obj = next((c for c in toks[0].children if c.dep_ == "pobj"), None)
    if obj is None:
        obj = next((t for t in toks[1:6] if t.pos_ in ("NOUN", "PROPN")), None)
        obj = np_head(obj) if obj is not None else None
    return resolve_np(obj, 1, "agent") if obj is not None else None


def subject_of(verb: Any, depth: int = 0) -> Speaker | None:
    """Who does the reporting verb ``verb``: its subject, the agent of a passive, or, for a verb
    without a subject of its own (``and added``, ``went on to say``, ``, saying that``,
    ``Citing ..., X pointed``), the subject of the verb it hangs from."""
    if depth > 6:
        return None
    quoted = quoted_as_saying(verb) or shown_saying(verb)
    if quoted is not None:
        return resolve_np(quoted, depth + 1, "quoted-as-saying")
    for c in verb.children:
        if c.dep_ == "agent" and verb.lemma_.lower() not in lx.QUOTING_VERBS:
            # ("was quoted by Reuters as saying": the agent quotes; the subject is who said it)
            for p in c.children:
                if p.dep_ == "pobj":
                    return resolve_np(p, depth + 1, "agent")
    if _addressee_passive(verb):
        return None  # "she was warned that ...": the subject is the addressee, not the sayer
    for dep in ("nsubj", "csubj", "nsubjpass"):
        subjects = sorted((c for c in verb.children if c.dep_ == dep and not (dep == "csubj" and _fronted_participle(c))),
                          key=lambda c: abs(c.i - verb.i))  # ("Asked who ..., X said": no subject clause)
        if len(subjects) > 1 and _set_off_between(subjects[1], subjects[0], verb):
            subjects = subjects[1:]
        for c in subjects[:1]:  # the nearest: "10:15 a.m. [para] The senator says" has two
            if c.lower_ == "there" or (c.lower_ == "it" and (dep == "nsubjpass" or verb.lemma_ in (
                    "be", "seem", "appear", "remain", "become"))):
                return None  # "it is said that" has no speaker; "it reads" does
            return resolve_np(c, depth + 1)
    misread = next((c for c in verb.children if name_read_as_modal(c)), None) or _inverted_subject_as_object(verb)
    if misread is not None:
        return resolve_np(misread, depth + 1)
    lost = _name_before(verb) or _subject_before_participle(verb) or _document_before_participle(verb) \
        or _noun_before_participle(verb) or _subject_read_as_dep(verb)
    if lost is not None:
        return resolve_np(lost, depth + 1)
    head = verb.head
    if head.i == verb.i:
        return None
    if verb.dep_ == "conj":
        outer = parallel_report(verb) or _report_before_quotation(verb)
        if outer is not None:
            return subject_of(outer, depth + 1)
    if verb.dep_ in ("conj", "xcomp", "advcl") and head.pos_ in ("VERB", "AUX"):
        if _main_clause_adjunct(verb):
            return subject_of(head.head, depth + 1)
        report = _report_of_content(verb)
        if report is not None:
            return subject_of(report, depth + 1)
        return subject_of(head, depth + 1)
    if verb.dep_ == "ccomp" and verb.i > 0 and verb.doc[verb.i - 1].pos_ == "CCONJ":
        return subject_of(head, depth + 1)  # "said X but said Y": a coordination parsed as ccomp
    if verb.dep_ == "pcomp" and head.head.i != head.i:  # "by saying that", "after warning that"
        return subject_of(head.head, depth + 1)
    if verb.dep_ in ("relcl", "acl") and head.pos_ in ("NOUN", "PROPN", "PRON"):
        return resolve_np(head, depth + 1)
    return None


def _subject_read_as_dep(verb: Any) -> Any | None:
    """ "Rights advocates, meanwhile, are vowing ...": a noun before a verb with no subject, set off
    from it only by an interjected adverb, commas and the verb's own auxiliaries, that the parser
    left unlabelled ("dep"), is the verb's subject."""
    for c in verb.children:
        if c.dep_ != "dep" or c.i > verb.i or c.pos_ not in ("NOUN", "PROPN", "PRON"):
            continue
        between = verb.doc[c.right_edge.i + 1:verb.i]
        if all(t.is_punct or (t.pos_ in ("ADV", "AUX", "PART") and t.head.i == verb.i) for t in between):
            return c
    return None


def _name_before(verb: Any) -> Any | None:
    """``Also criticising X, Vice editor Jane Roe tweeted ...``: a finite verb the parser left
    without a subject, with a person's or a body's name right before it that it hung elsewhere
    (as an apposition of an earlier noun): the name is the subject."""
    if verb.tag_ not in ("VBD", "VBZ") or verb.i == 0 or verb.dep_ in ("relcl", "acl", "conj", "xcomp", "advcl"):
        return None
    prev = verb.doc[verb.i - 1]
    if prev.pos_ != "PROPN" or prev.ent_type_ not in ("PERSON", "ORG") or prev.head.i == verb.i or verb.ent_iob_ == "I":
        return None  # (a verb inside the name is a word of the name)
    return prev


def _subject_before_participle(verb: Any) -> Any | None:
    """``Smith, pressed on the ruling, said ...``: a subject set off by a comma before a participle
    phrase, which the parser made a clause of its own (``Smith pressed``, often tagged as a past
    tense) with the subject in it, leaving the verb of saying without one: that subject is the sayer."""
    for c in verb.children:
        if c.dep_ not in ("ccomp", "advcl") or c.i > verb.i or c.tag_ not in ("VBN", "VBG", "VBD"):
            continue
        subj = next((s for s in c.children if s.dep_ in ("nsubj", "nsubjpass") and s.i < c.i), None)
        if subj is not None and any(t.text == "," for t in verb.doc[subj.i + 1:c.i]):
            return subj
    return None


def _noun_before_participle(verb: Any) -> Any | None:
    """``a video of the senator saying ...``, ``with the minister telling reporters ...``: a participle
    of saying right after a name, with no comma between, is said by that name (a reduced relative
    the parser hung from the main verb, whose subject, a video or a report, says nothing)."""
    if verb.tag_ != "VBG" or verb.dep_ not in ("advcl", "xcomp", "dep", "acl") or verb.i == 0:
        return None
    prev = verb.doc[verb.i - 1]
    if prev.pos_ != "PROPN" or prev.ent_type_ not in ("PERSON", "ORG", "NORP", "GPE") or prev.head.i == verb.i:
        return None
    if verb.dep_ == "acl":  # hung from a noun: one that cannot speak ("a recording ... telling")
        return None if _may_speak(verb.head) else prev
    subj = next((c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is not None and (subj.i == prev.i or _may_speak(subj)):
        return None  # "X met Y, saying": a subject who can speak does the saying
    return prev


def _document_before_participle(verb: Any) -> Any | None:
    """``shared an article from X saying ...``, ``cited a report by X arguing ...``: a participle of
    saying right after the phrase of a document the main verb acts on is the document's words
    (its author's), though the parser hung it from the main verb."""
    if verb.tag_ != "VBG" or verb.dep_ not in ("advcl", "xcomp", "dep") or verb.i == 0 or verb.doc[verb.i - 1].is_punct:
        return None
    obj = next((c for c in verb.head.children if c.dep_ in ("dobj", "obj") and c.right_edge.i == verb.i - 1), None)
    return obj if obj is not None and obj.lemma_.lower() in lx.DOCUMENT_NOUNS else None


def _main_clause_adjunct(verb: Any) -> bool:
    """``X walked out after the talks collapsed, saying ...``: a participle set off by a comma after
    a subordinate clause (one with ``after``, ``when``, ``because`` ...) may tell what the main
    clause's subject did; the parser hangs it from the subordinate verb. Asked only when the
    subordinate clause's subject is no sayer ("the talks")."""
    head = verb.head
    if not (verb.tag_ == "VBG" and verb.dep_ == "advcl" and verb.i > 0 and verb.doc[verb.i - 1].text == ","
            and head.dep_ == "advcl" and head.head.i != head.i and head.head.pos_ in ("VERB", "AUX")
            and any(c.dep_ == "mark" and c.i < head.i for c in head.children)):
        return False
    inner = next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return inner is None or not _may_speak(inner)


_MODALS = frozenset({"could", "would", "might", "may", "can", "should", "must", "will", "shall"})


def _inverted_subject_as_object(verb: Any) -> Any | None:
    """``In practice, replies Roe, “...”``: a verb of saying set in the sentence, with no subject
    and a name right after it that the parser made its object; a verb of saying takes no person as
    its object (verbs of telling take an addressee, and are left alone), so the name is the
    inverted subject."""
    lemma = verb.lemma_.lower()
    if lemma not in lx.SPEECH_VERBS or lemma in lx.ADDRESSEE_OBJECT or lemma in lx.TELLING_VERBS \
            or verb.tag_ not in ("VBZ", "VBD", "VBN") or any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return None
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if obj is None or obj.left_edge.i != verb.i + 1 or obj.i < verb.i:
        return None
    after = verb.doc[obj.i + 1] if obj.i + 1 < len(verb.doc) else None
    if not (after is None or after.is_punct or (after.dep_ == "prep" and after.head.i == verb.i)):
        return None
    # "..., reported the local paper": what was said comes first, set off by a comma, so the noun
    # phrase after the verb is no content of it but the sayer, put after its verb
    content_first = verb.i > 0 and verb.doc[verb.i - 1].text == "," and any(
        c.dep_ == "ccomp" and c.i < verb.i for c in verb.children)
    if content_first and obj.pos_ in ("PROPN", "NOUN"):
        return obj
    return obj if obj.pos_ == "PROPN" and verb.tag_ != "VBN" and (after is None or after.is_punct) else None


def _report_of_content(verb: Any) -> Any | None:
    """``X told Y she feared Z could act alone, saying ...``: a participle of saying set off by a
    comma at the end of what a verb of saying reports tells what the reporter said next; the parser
    hangs it from the last verb of the content. When that verb is only possible (a modal: Z *could*
    act), its subject did nothing, so said nothing either. Returns the verb of saying, or None."""
    if not (verb.tag_ == "VBG" and verb.dep_ == "advcl" and verb.i > 0 and verb.doc[verb.i - 1].text == ","):
        return None
    if not any(a.dep_ == "aux" and a.lower_ in _MODALS for a in verb.head.children):
        return None  # "said Y walked out, saying ...": Y's act, and Y's words
    t, inside = verb.head, False
    for _ in range(6):
        if t.dep_ not in ("ccomp", "acomp", "xcomp", "conj") or t.head.i == t.i:
            return None
        inside = inside or t.dep_ == "ccomp"
        t = t.head
        if inside and t.lemma_.lower() in lx.SPEECH_VERBS and t.pos_ == "VERB":
            return t
    return None


def _may_speak(tok: Any) -> bool:
    """Could the noun ``tok`` be someone who speaks: a name, a pronoun, a person's role or a group
    of people ("the talks", "rocket fire", "prices" could not)."""
    if tok.pos_ in ("PROPN", "PRON") or tok.ent_type_ in ("PERSON", "ORG", "NORP", "GPE"):
        return True
    from ..actors.lexicon import sector_of

    return tok.lemma_.lower() in lx.ROLE_NOUNS or tok.lower_ in lx.ROLE_NOUNS or sector_of(tok.lower_) is not None


def quoted_as_saying(verb: Any) -> Any | None:
    """ "the agency quoted the minister as saying ...", "cited an official as saying that ...":
    the one quoted (the object of the quoting verb) is the speaker, for the quoting verb and for
    the "saying" under its "as"; a passive ("was quoted as saying") keeps its subject, the one
    quoted, through the ordinary rules."""
    if verb.lemma_.lower() in lx.QUOTING_VERBS:
        quoting = verb
    elif verb.dep_ in ("pcomp", "advcl") and verb.head.lower_ == "as" and verb.head.head.lemma_.lower() in lx.QUOTING_VERBS:
        quoting = verb.head.head
    elif verb.dep_ == "advcl" and verb.head.lemma_.lower() in lx.QUOTING_VERBS and any(
            c.lower_ == "as" for c in verb.children if c.dep_ in ("mark", "prep")):
        quoting = verb.head
    else:
        return None
    if not any(_as_saying(c) for c in quoting.children):
        return None  # "cited his policies as the key driver": a reason given, the subject speaks
    return next((c for c in quoting.children if c.dep_ in ("dobj", "obj")), None)


_WHEN_ENTS = frozenset({"DATE", "TIME"})


def shown_saying(verb: Any) -> Any | None:
    """ "quoted the minister saying that ...", "the video shows her telling ...": a verb of saying in
    -ing after the object of a verb that presents someone's words (lexicon.DEPICTION_VERBS) speaks
    for that object."""
    if verb.tag_ != "VBG" or verb.dep_ not in ("advcl", "xcomp", "ccomp", "oprd", "dep"):
        return None
    head = verb.head
    if head.i == verb.i or head.lemma_.lower() not in lx.DEPICTION_VERBS:
        return None
    # the one shown: the verb's object, or the gerund's subject where the parser put it there
    # ("shows [the mayor] saying" read as a clause)
    obj = next((c for c in head.children if c.dep_ in ("dobj", "obj") and c.i < verb.i), None) or next(
        (c for c in verb.children if c.dep_ == "nsubj" and head.i < c.i < verb.i), None)
    if obj is None or not (obj.pos_ in ("PROPN", "PRON") or obj.ent_type_ in ("PERSON", "ORG", "NORP")
                           or obj.lemma_.lower() in lx.ROLE_NOUNS):
        return None  # "the poll showed little change, prompting calls for ...": no one is shown
    return obj


def _as_saying(c: Any) -> bool:
    """An "as saying" (or "as telling", "as stating") under a quoting verb."""
    if c.dep_ == "prep" and c.lower_ == "as":
        return any(p.dep_ in ("pcomp", "pobj") and p.lemma_.lower() in lx.SPEECH_VERBS for p in c.children)
    return c.dep_ == "advcl" and c.lemma_.lower() in lx.SPEECH_VERBS and any(m.lower_ == "as" for m in c.children)


_OPENING = frozenset({"“", '"', "‘"})
_CLOSING = frozenset({"”", '"', "’"})


def _report_before_quotation(verb: Any) -> Any | None:
    """ "X observed, “...,” and added, “...”": the parser coordinates "added" with a verb inside
    the first quotation; the report it continues is the verb of saying before that quotation."""
    head = verb.head
    between = verb.doc[head.i + 1:verb.i]
    if not any(t.text in _CLOSING for t in between):
        return None
    sent_start = verb.sent.start
    opening = next((k for k in range(head.i, sent_start - 1, -1) if verb.doc[k].text in _OPENING), None)
    if opening is None:
        return None
    return next((verb.doc[k] for k in range(opening - 1, sent_start - 1, -1)
                 if verb.doc[k].lemma_.lower() in lx.SPEECH_VERBS and verb.doc[k].pos_ == "VERB"), None)


def parallel_report(verb: Any) -> Any | None:
    """``X said Canada should be prepared and said it would ...``, ``said the plan will cost $2bn
    but vowed that ...``: the parser hangs the second verb of saying on the last verb of the first
    one's content. When that verb differs in tense from the second and the reporting verb above it
    has the second's tense, the two reports are parallel: that reporting verb, whose subject says
    both. Returns it, or None."""
    head = verb.head
    outer = head.head
    if head.dep_ != "ccomp" or outer.i == head.i or head.tag_ == verb.tag_:
        return None
    # the second report in the first one's form, or sharing its perfect ("have warned ... and told")
    perfect = verb.tag_ in ("VBN", "VBD") and any(a.dep_ == "aux" and a.lemma_.lower() == "have" for a in outer.children)
    if outer.tag_ != verb.tag_ and not perfect:
        return None
    aux = [a for a in head.children if a.dep_ in ("aux", "auxpass")]
    have = any(a.lemma_.lower() == "have" for a in aux)  # "prices have risen and told ...": "told" may be
    be = any(a.lemma_.lower() == "be" for a in aux)  # the perfect's second participle, tagged either way
    if not any(a.tag_ == "MD" for a in aux) and (have or (be and verb.tag_ == "VBN")):
        return None  # a participle may share the content verb's auxiliary; a past tense cannot share a
        # passive's "be" ("his passport was seized and insisted ..."), nor any verb a modal chain
        # ("the city would be flooded and warned that ...": the mayor's second report)
    if outer.lemma_.lower() not in lx.SPEECH_VERBS or head.lemma_.lower() in lx.SPEECH_VERBS:
        return None
    return outer


def _set_off_between(far: Any, near: Any, verb: Any) -> bool:
    """Is the nearer of two subjects inside a phrase set off by commas between the farther one
    and the verb ("The office, as part of a case against some members of X, said")? Such a
    phrase is an interjection: its noun is no subject."""
    doc = verb.doc
    if not far.i < near.i < verb.i or far.right_edge.i + 1 >= near.left_edge.i:
        return False
    comma_after_far = doc[far.right_edge.i + 1].text == ","
    comma_before_verb = any(t.text == "," for t in doc[near.right_edge.i + 1:verb.i])
    return comma_after_far and comma_before_verb and "\n" not in doc[far.i:verb.i].text


def _other_sayer(doc: Any, author: int, before: int) -> bool:
    """Does someone other than the author at token ``author`` say something between it and token
    ``before`` (a verb of saying whose subject is neither that author's noun nor a document)? Then a
    later "the statement said" may be the other one's (a bridging reference), not the author's."""
    lemma = doc[author].lemma_.lower()
    for t in doc[author + 1:before]:
        if t.pos_ != "VERB" or t.lemma_.lower() not in lx.SPEECH_VERBS:
            continue
        subj = next((c for c in t.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None and subj.lemma_.lower() != lemma and subj.lemma_.lower() not in lx.DOCUMENT_NOUNS:
            return True
    return False


def subject_in_paragraph(art: Parsed, verb: Any) -> Speaker | None:
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
    if sp.rule == "document-author" and p0 <= subj.idx < verb.idx and not _other_sayer(art.doc, sp.head, subj.i):
        return sp  # "the analysis reads": the subject is here, its author was named paragraphs before
    inside = [t for t in subj.subtree if p0 <= t.idx < verb.idx and t.pos_ in ("PROPN", "NOUN", "PRON")]
    if not inside:
        return None
    head = inside[-1]
    first = next(t for t in subj.subtree if t.idx >= p0 and not t.is_space)
    return Speaker(head.i, max(first.idx, p0), tok_end(head), sp.rule)


def document_subject(verb: Any) -> Speaker | None:
    """The author when ``verb``'s subject is a speech document (``the statement praised``)."""
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None or subj.dep_ == "nsubjpass":  # "the memo was due to be sent"
        return None
    noun = subj
    if noun.lower_ in lx.RELATIVE_PRONOUNS and verb.dep_ == "relcl":
        noun = verb.head
    if noun.lemma_.lower() not in lx.DOCUMENT_NOUNS:
        return None
    author = author_of(noun, 0)
    return author if author is not None else speaker_at(noun, "document")


def np_head(tok: Any) -> Any:
    """Climb from a modifier to the head of its noun phrase (``Vladimir`` -> ``Putin``)."""
    while tok.dep_ in ("compound", "amod", "det", "poss", "nmod", "flat", "nummod") and tok.head.i > tok.i:
        tok = tok.head
    return tok


def according_object(tok: Any) -> Any | None:
    """The head of the object of ``according to`` at ``tok`` (the word *according*)."""
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ == "to":
            for p in c.children:
                if p.dep_ == "pobj":
                    return p
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    if nxt is not None and nxt.lower_ == "to" and tok.i + 2 < len(tok.doc):
        cand = next((t for t in tok.doc[tok.i + 2:tok.i + 10] if t.pos_ in ("PROPN", "NOUN", "PRON")), None)
        if cand is not None:
            return np_head(cand)
    return None


def according_to(tok: Any) -> Speaker | None:
    """The speaker the object of ``according to`` at ``tok`` stands for (a document's author when
    the object is a document: "according to the study")."""
    obj = according_object(tok)
    return resolve_np(obj, 0, "according-to") if obj is not None else None


def dash_name(toks: list[Any]) -> Speaker | None:
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


def colon_name(toks: list[Any]) -> tuple[Any, Speaker] | None:
    """The proper name right before a closing colon, itself after a dash, an opening parenthesis, a
    caption's label or at the frame start; a topic after the name may come between ("X on the
    talks: “...”", the way captions and headlines label a clip)."""
    colon, body = toks[-1], toks[:-1]
    topic = _topic_after_name(body)
    if topic is not None:
        body = body[:topic]
    labelled = _caption_label(body)
    if labelled is not None:
        return colon, labelled
    names: list[Any] = []
    for t in reversed(body):
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
    k = len(body) - 1 - len(run)
    caption = k >= 0 and body[k].lower_ in _CAPTION_WORDS and body[k].pos_ == "NOUN"
    if k >= 0 and body[k].text not in _NAME_LEADS and not caption and not _title_before(body[:k + 1], names):
        return None
    if not caption and not any(t.ent_type_ in ("PERSON", "ORG") for t in names):
        return None  # (a caption labels its clip with who speaks in it, a name the tagger may miss)
    if topic is not None and not (caption or k < 0 or body[k].text in _NAME_LEADS):
        return None  # "X on the talks:" labels a clip only where a label stands
    return colon, Speaker(names[-1].i, run[0].idx, tok_end(run[-1]), "caption-name" if caption else "colon-name")


_NAME_LEADS = frozenset({"-", "—", "–", "―", "--", "|", "("})  # "(Senator X: “...”)": an aside
# the label of a picture or a clip ("Media caption X: “...”"): the name after it is who speaks in it
_CAPTION_WORDS = frozenset({"caption"})
_TOPIC_PREPS = frozenset({"on", "about"})


def _caption_label(body: list[Any]) -> Speaker | None:
    """ "Media caption Israeli PM Jane Roe": a caption's label of capitalised words, the last of them
    a name (the tagger often reads a name in a caption as a common noun), is who speaks in the clip."""
    cap = next((i for i in range(len(body) - 1, -1, -1) if body[i].lower_ in _CAPTION_WORDS
                and body[i].pos_ == "NOUN"), None)
    label = body[cap + 1:] if cap is not None else []
    if not label or len(label) > 8 or any(t.pos_ in ("VERB", "AUX") for t in label) or not all(
            t.text[:1].isupper() or t.is_punct for t in label):
        return None  # "Media caption The storm in pictures:": no one's label
    names = [t for t in label if t.is_alpha and t.text[:1].isupper()]
    if not names:
        return None
    return Speaker(names[-1].i, label[0].idx, tok_end(label[-1]), "caption-name")


def _topic_after_name(body: list[Any]) -> int | None:
    """Where a short topic phrase after a name starts ("Mensah on the talks", "Roe about Iran"):
    the index of its preposition, with a proper name right before it and no verb in it."""
    for j in range(len(body) - 2, max(0, len(body) - 7), -1):
        t = body[j]
        if t.lower_ in _TOPIC_PREPS and t.pos_ == "ADP":
            after = body[j + 1:]
            if body[j - 1].pos_ == "PROPN" and after and not any(x.pos_ in ("VERB", "AUX") for x in after):
                return j
            return None
    return None


def _title_before(toks: list[Any], names: list[Any]) -> bool:
    """``White House spokesman Jane Roe: “...”``: a person's name with only a title before it (back
    to the frame start, a dash or a colon) is a speaker's label too."""
    if not any(t.ent_type_ == "PERSON" for t in names):
        return False
    title = []
    for t in reversed(toks):
        if t.text in _NAME_LEADS or t.text == ":":
            break
        title.append(t)
    return any(t.pos_ == "NOUN" for t in title) and all(
        t.pos_ in ("NOUN", "PROPN", "ADJ", "DET") or t.tag_ == "POS" for t in title)


def adjacent_subject(art: Parsed, verb: Any) -> Speaker | None:
    """The noun right before a verb the parser left without a subject."""
    prev = art.doc[verb.i - 1] if verb.i > 0 else None
    if prev is not None and prev.pos_ in ("PRON", "PROPN", "NOUN"):
        return resolve_np(prev, 1, "adjacent-np")
    return None


_NP_WORDS = frozenset({"PROPN", "NOUN", "ADJ", "DET", "NUM"})


def orphan_subject(art: Parsed, verb: Any) -> Speaker | None:
    """The subject of a main clause the parser hung on a fronted phrase ("In a letter to the
    mayor, council leader X urged him to ...": "X" read as the letter's addressee): a finite main
    verb has a subject, so with none in the parse it is the noun phrase right before the verb,
    set off from the fronted phrase by a comma."""
    if verb.dep_ != "ROOT" or verb.tag_ not in ("VBD", "VBZ", "VBP") or any(
            c.dep_ in ("nsubj", "nsubjpass", "expl") or (c.dep_ == "csubj" and not _fronted_participle(c))
            for c in verb.children):
        return None  # ("Asked who ..., X said": a fronted participle the parser took for the subject)
    doc = art.doc
    j = verb.i - 1  # ("X also admits", "X now says": the verb's adverbs come between)
    while j > verb.sent.start and doc[j].pos_ == "ADV" and doc[j].head.i == verb.i:
        j -= 1
    if doc[j].text == "," and j - 1 > verb.sent.start and doc[j - 1].ent_type_ == "PERSON":
        j -= 1  # "..., the mayor's press secretary, Jane Roe, said": the name closing an apposition
    head = doc[j] if j >= verb.sent.start else None
    if head is None or head.pos_ not in ("PROPN", "NOUN") or art.in_quote(head):
        return None
    k = head.i
    while k > verb.sent.start and (doc[k - 1].pos_ in _NP_WORDS or (  # a hyphenated name: "Ruiz-Vega"
            doc[k - 1].text == "-" and not doc[k - 1].whitespace_ and k - 2 >= verb.sent.start
            and doc[k - 2].pos_ == "PROPN" and not doc[k - 2].whitespace_)):
        k -= 1
    if k <= verb.sent.start or doc[k - 1].text != ",":
        return None
    return Speaker(head.i, doc[k].idx, tok_end(head), "orphan-subject")


def _fronted_participle(tok: Any) -> bool:
    """A participle opening the sentence, set off by a comma ("Asked about the deal, ...")."""
    return tok.tag_ in ("VBN", "VBG") and tok.i == tok.left_edge.i == tok.sent.start and \
        any(t.text == "," for t in tok.doc[tok.i + 1:tok.head.i])


def noun_author(art: Parsed, noun: Any) -> Speaker | None:
    """Who makes the speech act a noun names: ``his claim that``, ``the warning by X that``, or the
    subject of the verb governing it (``X repeated the claim that``)."""
    sp = author_of(noun, 0)
    after = noun.doc[noun.i + 1] if noun.i + 1 < len(noun.doc) else None
    if sp is None and after is not None and after.lower_ in ("by", "from") and after.dep_ in ("prep", "agent") \
            and after.head.i != noun.i:  # "the warnings by X that ..." with "by X" hung on the verb
        pobj = next((c for c in after.children if c.dep_ == "pobj"), None)
        sp = resolve_np(pobj, 1, "agent") if pobj is not None else None
        if sp is not None:
            return sp
    gov = noun.head
    if gov.dep_ == "prep" and gov.head.pos_ == "VERB":
        gov = gov.head
    if sp is None and gov.i != noun.i and gov.pos_ == "VERB" and (
            noun.dep_ in ("dobj", "obj") or noun.head.dep_ == "prep"):
        if gov.lemma_.lower() in lx.NOT_AUTHORING:  # "we heard claims that", "she denied allegations that"
            art.dropped["not-author"] += 1
            return None
        sp = subject_in_paragraph(art, gov)
    return sp


def assign(art: Parsed, attributions: list[Attribution], how: dict[int, str]) -> None:
    """Give each attribution the speaker its cue's syntax names (``how[id(a)]`` says which rule the
    content stage chose; attributions whose frame named the speaker already are left alone)."""
    doc = art.doc
    for a in attributions:
        rule = how.get(id(a))
        if not rule or a.cue_token is None:
            continue
        tok = doc[a.cue_token]
        if rule == "subject":
            a.speaker = subject_in_paragraph(art, tok) or orphan_subject(art, tok)
        elif rule == "document":
            a.speaker = document_subject(tok)
        elif rule == "subject-or-adjacent":
            a.speaker = subject_in_paragraph(art, tok) or adjacent_subject(art, tok)
        elif rule == "according":
            a.speaker = according_to(tok)
        elif rule == "agent":  # "was asked by a reporter whether": only an agent names the sayer
            a.speaker = next((resolve_np(p, 1, "agent") for c in tok.children if c.dep_ == "agent"
                              for p in c.children if p.dep_ == "pobj"), None)
        elif rule == "noun":
            a.speaker = noun_author(art, tok)


def no_sayer(art: Parsed, a: Attribution) -> bool:
    """A report that names no one and cannot: a speech noun with no author (``new allegations that
    ...``) or an impersonal passive (``it was reported that ...``, ``is widely said to ...``). A
    researcher counting sources has nobody to count, so these are not quotes."""
    if a.speaker is not None or a.cue_token is None:
        return False
    if a.rule in ("speech-noun", "question"):
        # "new allegations that ...", "When told that ...", "was asked whether ...": no teller or
        # asker to count (a question put by unnamed reporters is not the interviewee's words)
        return True
    if a.rule not in ("clause", "parenthetical", "clause-fallback"):
        return False
    verb = art.doc[a.cue_token]
    return any(k.dep_ in ("nsubjpass", "auxpass", "expl") for k in verb.children)


def previous_sentence_subject(art: Parsed, open_: int) -> Speaker | None:
    """The person named as subject of the sentence right before a quote (opening at ``open_``)
    that has no frame."""
    i = art.tokens.at(open_)
    if i is None:
        return None
    sent = art.doc[i].sent
    if sent.start == 0:
        return None
    prev = art.doc[sent.start - 1].sent
    if art.text[prev.end_char:open_].count("\n\n") > 1:
        return None
    root = prev.root
    sp = subject_of(root) if root.pos_ in ("VERB", "AUX") else None
    if sp is None:
        return None
    head = art.doc[sp.head]
    if art.in_quote(head):
        return None
    if said_without_content(root):  # "Ruiz answered on Tuesday. [para] “My record ...”": a turn of speech
        sp.rule = "previous-cue"
        return sp
    is_person = head.lower_ in lx.PRONOUNS_PERSON or head.ent_type_ == "PERSON"
    if not is_person:
        return None
    sp.rule = "previous-subject"
    return sp


def said_without_content(verb: Any) -> bool:
    """An active, affirmed verb of saying with no complement of its own (``Ruiz answered on
    Tuesday.``, ``The minister responded angrily.``): it announces the words that follow."""
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in lx.SPEECH_VERBS or verb.tag_ not in ("VBD", "VBZ", "VBP"):
        return False
    return not any(c.dep_ in ("ccomp", "xcomp", "dobj", "obj", "dative", "nsubjpass", "auxpass", "neg", "attr",
                              "oprd", "acomp", "advcl") for c in verb.children)


__all__ = ["SUBJECT_DEPS", "according_object", "according_to", "adjacent_subject", "agent_after", "assign", "author_of", "colon_name", "dash_name", "definite",
           "document_subject", "earlier_author", "earlier_mentions", "no_sayer", "noun_author", "np_head", "np_span", "previous_sentence_subject", "resolve_np",
           "said_without_content", "speaker_at", "subject_in_paragraph", "subject_of"]
