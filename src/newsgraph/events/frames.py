"""Predicate frames from the dependency parse: who acts, on whom, with what words around.

A :class:`Frame` gathers, for one predicate token (a verb, or an event noun), the heads of its
logical subject and object (undoing passives, control and relative clauses), its prepositional
phrases, its complement clauses, and the word bags the dictionary patterns are matched against.
Only spaCy's parse is used: no second parse, no model of its own.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .dictionary import Region

Token = Any  # spacy.tokens.Token (kept loose: spaCy is imported lazily by the pipeline)

SUBJ_DEPS = frozenset({"nsubj", "csubj"})
PASS_SUBJ_DEPS = frozenset({"nsubjpass", "csubjpass"})
OBJ_DEPS = frozenset({"dobj", "obj"})
COMP_DEPS = frozenset({"xcomp", "ccomp"})
# modifiers that belong to a noun phrase's core (for pattern words and for finding its actors)
CORE_DEPS = frozenset({"compound", "amod", "nmod", "poss", "nummod", "quantmod", "flat", "npadvmod"})
REL_PRONOUNS = frozenset({"who", "which", "that", "whom", "whose"})
FIRST_PERSON = frozenset({"we", "us", "our", "ours", "i", "me", "my", "mine", "ourselves"})
VERBAL_POS = frozenset({"VERB"})
PERSON_PRONOUNS = frozenset({"he", "him", "his", "she", "her", "hers", "himself", "herself"})
THING_PRONOUNS = frozenset({"it", "its", "itself"})
PLURAL_PRONOUNS = frozenset({"they", "them", "their", "theirs", "themselves"})
THIRD_PERSON = PERSON_PRONOUNS | THING_PRONOUNS | PLURAL_PRONOUNS
# "used the summit *to issue* a declaration": the object of these verbs does not control the
# infinitive after them (the subject does), unlike "urged Chile *to withdraw*"
SUBJECT_CONTROL = frozenset({"use", "take", "spend", "seize", "waste", "need", "have", "make", "promise",
                             "vow", "pledge", "threaten"})
# a participle on one of these nouns speaks for whoever issued it ("a declaration urging X")
DOCUMENT_NOUNS = frozenset({"statement", "report", "letter", "resolution", "declaration", "communique",
                            "message", "speech", "plea", "motion", "bill", "editorial", "post", "tweet",
                            "note", "decree", "order", "petition", "appeal", "release", "document"})



def sentence_of(tok: Any) -> Any:
    """The sentence span of a token, from bounds computed once per Doc (``Token.sent`` walks back
    token by token to the sentence start every time it is read)."""
    doc = tok.doc
    bounds = doc.user_data.get("newsgraph.sent_bounds")
    if bounds is None:
        starts = [0] * len(doc)
        ends = [0] * len(doc)
        for sent in doc.sents:
            for k in range(sent.start, sent.end):
                starts[k], ends[k] = sent.start, sent.end
        bounds = doc.user_data["newsgraph.sent_bounds"] = (starts, ends)
    return doc[bounds[0][tok.i]:bounds[1][tok.i]]

def is_verbal(tok: Token) -> bool:
    """A verb predicate: spaCy's VERB, or a VB* tag the coarse tagger called something else."""
    if tok.dep_ in {"aux", "auxpass"}:
        return False
    return tok.pos_ in VERBAL_POS or (tok.tag_.startswith("VB") and tok.pos_ != "AUX")


def is_passive(v: Token) -> bool:
    if any(c.dep_ in PASS_SUBJ_DEPS or c.dep_ == "auxpass" for c in v.children):
        return True
    # participles modifying a noun: "grain shipped to Egypt", "a campaign waged against us"
    return v.dep_ in {"acl", "amod"} and v.tag_ == "VBN" and misparsed_finite(v) is None


def np_core(head: Token, depth: int = 0) -> list[Token]:
    """The head and its core modifiers, with "of" phrases and gerund objects ("of rebuilding X")."""
    out = [head]
    if depth > 4:
        return out
    for c in head.children:
        if c.dep_ in CORE_DEPS or c.dep_ in {"conj", "appos"}:
            out.extend(np_core(c, depth + 1))
        elif c.dep_ == "prep" and c.lower_ == "of":
            for g in c.children:
                if g.dep_ == "pobj":
                    out.extend(np_core(g, depth + 1))
                elif g.dep_ == "pcomp":
                    out.append(g)
                    out.extend(t for o in g.children if o.dep_ in OBJ_DEPS for t in np_core(o, depth + 1))
        elif c.dep_ == "case":
            out.append(c)
    return out


def words(tokens: list[Token]) -> list[str]:
    out: list[str] = []
    for t in tokens:
        out.append(t.lemma_.lower())
        out.append(t.lower_)
    return out


def pobjs(prep: Token) -> list[Token]:
    """Objects of a preposition; "out of", "away from" look through the second preposition."""
    out = [c for c in prep.children if c.dep_ in {"pobj", "pcomp"} or (
        c.pos_ == "ADJ" and prep.lower_ == "as" and c.dep_ in {"amod", "acomp"})]  # "described it *as illegal*"
    for c in prep.children:
        if c.dep_ == "prep":
            out.extend(g for g in c.children if g.dep_ in {"pobj", "pcomp"})
    return out


@dataclass
class Frame:
    pred: Token
    pos: str  # "v" | "n"
    lemmas: tuple[str, ...]
    particle: str = ""
    passive: bool = False
    subj: list[Token] = field(default_factory=list)
    agent: list[Token] = field(default_factory=list)
    objs: list[Token] = field(default_factory=list)
    dative: list[Token] = field(default_factory=list)
    preps: dict[str, list[Token]] = field(default_factory=dict)
    comps: list[Token] = field(default_factory=list)
    mods: list[Token] = field(default_factory=list)  # nouns: possessor/compound/amod heads
    obj_region: Region = field(default_factory=Region)
    subj_region: Region = field(default_factory=Region)
    prep_regions: dict[str, Region] = field(default_factory=dict)

    def prep_region(self, prep: str) -> Region | None:
        return self.prep_regions.get(prep)


def _clause_subject(tok: Token) -> Token:
    """ "The charity *working* in Sudan said": the parser makes the participle the subject and
    the noun its subject; the noun is the doer."""
    if tok.tag_ == "VBG" and tok.pos_ == "VERB":
        inner = next((c for c in tok.children if c.dep_ in SUBJ_DEPS), None)
        if inner is not None:
            return inner
    return tok


def _resolve_rel(tok: Token, verb: Token) -> Token:
    """A relative pronoun subject ("which prevented") stands for the noun the clause modifies."""
    if tok.lower_ in REL_PRONOUNS and verb.dep_ == "relcl":
        return verb.head
    return tok


def _up_to_object(v: Token) -> list[Token]:
    """ "detained up to 30 activists": the parser makes "up" a particle and the object a "to" phrase."""
    for prt in v.children:
        if prt.dep_ == "prt" and prt.lower_ == "up":
            for p in prt.children:
                if p.dep_ == "prep" and p.lower_ == "to":
                    return [o for o in p.children if o.dep_ == "pobj" and any(n.dep_ == "nummod" for n in o.children)]
    return []


# adverbs the parser leaves as advmod where they are a phrasal verb's particle ("hit *back*")
ADVERB_PARTICLES = frozenset({"back", "out", "off", "up", "down", "away", "over"})
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})


def misparsed_finite(v: Token) -> Token | None:
    """The subject of a past form the parser took for a participle in a sentence with no finite
    verb of its own: in "NATO leaders meeting in Washington for the summit *pledged* to provide
    aid" the parser makes "meeting" the root and "pledged" a participle on "summit"; in "Volunteers
    from two charities *donated* and delivered blankets" the root is "Volunteers". A participle that
    takes an object or an infinitive is active (a reduced passive relative cannot), so it is the
    main verb. Returns the subject it should have, else None."""
    if v.dep_ != "acl" or v.tag_ != "VBN":
        return None
    own = [c for c in v.children if c.dep_ in {"xcomp", "dobj"}]
    own += [c for cj in v.children if cj.dep_ == "conj" for c in cj.children if c.dep_ == "dobj"]
    if not own:
        return None
    sent = sentence_of(v)
    root = sent.root
    if any(t.tag_ in FINITE_TAGS and t.i < v.i and t.dep_ not in {"aux", "auxpass"} for t in sent):
        return None
    if root.pos_ not in {"NOUN", "PROPN"} and root.tag_ != "VBG":
        return None
    # the subject of a participle clause before it ("NATO *leaders* meeting in ..."), else the root noun
    inner = [t for t in sent if t.i < v.i and t.dep_ in SUBJ_DEPS and t.head.tag_ == "VBG"]
    if inner:
        return inner[-1]
    return root if root.pos_ in {"NOUN", "PROPN"} and root.i < v.i else None


def logical_subjects(v: Token, depth: int = 0) -> list[Token]:
    """The doer of ``v``: its own subject, else the controller (xcomp, participle, conjunct)."""
    own = [c for c in v.children if c.dep_ in SUBJ_DEPS]
    if own:
        return [_clause_subject(_resolve_rel(c, v)) for c in own]
    finite = misparsed_finite(v)
    if finite is not None:
        return [finite]
    if v.tag_ == "VBG":  # a gerund's own subject: "army shelling", "Moscow's arming of X"
        nominal = [c for c in v.children if c.dep_ in {"compound", "poss"} and c.pos_ in {"PROPN", "NOUN", "PRON"}]
        if nominal:
            return nominal
    if depth > 5 or v.dep_ == "ROOT":
        return []
    head = v.head
    if v.dep_ == "xcomp":
        objs = [c for c in head.children if c.dep_ in OBJ_DEPS]
        if objs and head.lemma_ not in SUBJECT_CONTROL:
            return objs  # object control: "urged Chile to withdraw"
        passive_subj = [c for c in head.children if c.dep_ in PASS_SUBJ_DEPS]
        if passive_subj:
            return passive_subj  # "was ordered to leave"
        return logical_subjects(head, depth + 1)
    if v.dep_ == "conj":
        if is_passive(head) and not is_passive(v):
            return []
        return logical_subjects(head, depth + 1) if not is_passive(head) else []
    if v.dep_ in {"advcl", "pcomp"} and v.tag_ in {"VBG", "VBN", "VB"}:
        if v.dep_ == "pcomp" and head.lower_ in {"of", "for"}:
            gov = head.head
            objs = [c for c in gov.children if c.dep_ in OBJ_DEPS]
            if objs and gov.pos_ == "VERB":
                return objs  # "accused Chile of breaking", "thanked Japan for sending", "fined X for violating"
        gov = head if v.dep_ == "advcl" else head.head
        return logical_subjects(gov, depth + 1) if gov is not None else []
    if v.dep_ in {"acl", "amod"} and v.tag_ == "VBG":
        if head.lemma_.lower() in DOCUMENT_NOUNS and head.dep_ in OBJ_DEPS:
            return logical_subjects(head.head, depth + 1)  # "issued a declaration *urging* X"
        return [head]  # "rebels holding the north", "army shelling"
    if v.dep_ in {"acomp", "attr"}:  # "Ghana is *ready* to talk"
        return logical_subjects(head, depth + 1)
    if v.dep_ in {"relcl", "acl"} and any(a.dep_ == "aux" and a.lower_ == "to" for a in v.children):
        # "the first country *to recognise* X": the noun acts; "Kenya became the first country ..."
        if head.dep_ in {"attr", "oprd"} and head.head.pos_ in {"VERB", "AUX"}:
            return logical_subjects(head.head, depth + 1)
        return [head] if head.pos_ in {"NOUN", "PROPN"} and head.lemma_.lower() not in DOCUMENT_NOUNS else []
    return []


_QUOTE_MARKS = frozenset('"“”‘’\'')


def _quoted(tok: Token) -> bool:
    """Is the phrase of ``tok`` set in quotation marks ("called him *"our Kofi"*")? Then it is a
    name given, words quoted, not someone acted on."""
    doc, lo, hi = tok.doc, tok.left_edge.i, tok.right_edge.i
    inside = any(t.text in _QUOTE_MARKS for t in doc[lo:hi + 1])
    return inside or (lo > 0 and doc[lo - 1].text in _QUOTE_MARKS)


def blamed_subject(v: Token) -> bool:
    """``X is to blame``, ``who was to blame``: "blame" as the objectless to-infinitive of "be"."""
    return v.lemma_.lower() == "blame" and v.dep_ == "xcomp" and v.head.lemma_ == "be" \
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in v.children) \
        and not any(c.dep_ in OBJ_DEPS for c in v.children)


def verb_frame(v: Token, lemma: str) -> Frame:
    f = Frame(v, "v", (lemma,))
    f.particle = next((c.lower_ for c in v.children if c.dep_ == "prt"), "") or next(
        (c.lower_ for c in v.children if c.dep_ == "advmod" and c.i == v.i + 1 and c.lower_ in ADVERB_PARTICLES), "")
    f.passive = is_passive(v)
    if f.passive:
        for c in v.children:
            if c.dep_ == "agent":
                f.agent.extend(pobjs(c))
        if not f.agent:  # "was shot on a pier by X": the parser hung the agent on the place before it
            f.agent = [g for c in v.children if c.dep_ == "prep" and c.i > v.i for o in pobjs(c)
                       for b in o.children if b.dep_ == "prep" and b.lower_ == "by" and b.i == o.i + 1
                       for g in pobjs(b) if g.pos_ in {"PROPN", "NOUN", "PRON"}][:1]
        f.subj = list(f.agent)
        f.objs = [_resolve_rel(c, v) for c in v.children if c.dep_ in PASS_SUBJ_DEPS]
        if not f.objs and v.dep_ in {"acl", "amod"}:
            f.objs = [v.head]
        if not f.objs and v.dep_ == "conj":
            f.objs = [c for c in v.head.children if c.dep_ in PASS_SUBJ_DEPS]
    elif blamed_subject(v):
        # "X is to blame (for Y)": an infinitive of passive sense, X is the one blamed; who blames
        # is the one who says so (a reporting verb or a quote's speaker), or unknown
        f.passive = True
        f.objs = [c for c in v.head.children if c.dep_ in SUBJ_DEPS]
    else:
        f.subj = logical_subjects(v)
        f.objs = [c for c in v.children if c.dep_ in OBJ_DEPS] or _up_to_object(v) or [
            # "called President X": a name the parser took for a predicate of no object is the object
            c for c in v.children if c.dep_ == "oprd" and c.pos_ == "PROPN" and not _quoted(c)]
        if not f.objs and v.dep_ == "relcl" and not any(c.dep_ in SUBJ_DEPS and c.lower_ in REL_PRONOUNS
                                                         for c in v.children):
            f.objs = [v.head]  # "the town the army shelled"
    for c in v.children:
        if c.dep_ == "dative":
            f.dative.extend(pobjs(c) if c.pos_ == "ADP" else [c])
        elif c.dep_ == "prep":
            objs = pobjs(c)
            if objs and all(o.ent_type_ in {"DATE", "TIME"} for o in objs):
                continue  # "called Merkel *on Tuesday*": when, not whom ("called on X" is an appeal)
            f.preps.setdefault(c.lower_, []).extend(objs)
            for p in c.children:  # "pulled *out of* the province": also under "of"
                if p.dep_ == "prep" and c.lower_ in {"out", "away", "back", "up", "down"}:
                    f.preps.setdefault(p.lower_, []).extend(g for g in p.children if g.dep_ in {"pobj", "pcomp"})
        elif c.dep_ in COMP_DEPS:
            f.comps.append(c)
            for m in c.children:  # "called for X to remain": "for" marks the clause
                if m.dep_ == "mark" and m.lower_ == "for":
                    f.preps.setdefault("for", []).append(c)
        elif c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "for" for m in c.children):
            f.preps.setdefault("for", []).append(c)  # the same "for X to remain", parsed as an adverbial clause
        elif c.dep_ in {"oprd", "acomp"}:
            f.obj_region.add(*words([c]))  # "found him guilty", "let free", "called X a sham"
            f.obj_region.add(*(w for m in c.children if m.dep_ in {"amod", "compound"} for w in words([m])))
        elif c.dep_ == "attr" and c.pos_ in {"NOUN", "PROPN"}:  # "became a full member *of* the SCO"
            f.obj_region.add(*words(np_core(c)))
            for p in c.children:
                if p.dep_ == "prep":
                    f.preps.setdefault(p.lower_, []).extend(pobjs(p))
        elif c.dep_ in {"npadvmod", "advmod"} and c.pos_ == "NOUN":
            f.obj_region.add(*words([c]))  # "saber-rattling"
    if not f.objs and not f.passive and not any(c.dep_ in COMP_DEPS for c in v.children):
        # "donated and delivered *goods to X*": shared by the conjuncts
        for cj in v.children:
            if cj.dep_ == "conj" and is_verbal(cj) and not any(x.dep_ in SUBJ_DEPS for x in cj.children):
                f.objs = [o for o in cj.children if o.dep_ in OBJ_DEPS]
                for p in cj.children:
                    if p.dep_ == "prep" and p.lower_ not in f.preps:
                        f.preps.setdefault(p.lower_, []).extend(pobjs(p))
                if f.objs:
                    break
    for o in f.objs:
        _lend_preps(f, o)
    for o in f.preps.get("in", []):  # "engaged *in fighting with* the rebels", "took part in talks with X"
        if o.pos_ == "NOUN":
            for p in o.children:
                if p.dep_ == "prep" and p.lower_ in {"with", "against", "between", "among"} and p.lower_ not in f.preps:
                    f.preps.setdefault(p.lower_, []).extend(pobjs(p))
    _fill_regions(f)
    return f


def noun_frame(n: Token, lemma: str) -> Frame:
    f = Frame(n, "n", (lemma,))
    for c in n.children:
        if c.dep_ in {"poss", "compound", "amod", "nmod"}:
            f.mods.append(c)
        elif c.dep_ == "prep":
            if c.lower_ == "by":
                f.agent.extend(pobjs(c))
            else:
                f.preps.setdefault(c.lower_, []).extend(pobjs(c))
        elif c.dep_ in {"acl", "ccomp"}:
            f.comps.append(c)
    if n.dep_ == "dobj" and n.head.pos_ == "VERB":  # "took a swipe *at X*": the parser hangs the
        # noun's phrase on the verb that takes it
        for c in n.head.children:
            if c.dep_ == "prep" and c.i > n.i and c.lower_ not in {"by", "of"} and c.lower_ not in f.preps:
                f.preps.setdefault(c.lower_, []).extend(pobjs(c))
    for of in f.preps.get("of", []):  # "the withdrawal of troops *from Chile*": the parser's attachment
        for c in of.children:
            if c.dep_ == "prep" and c.lower_ not in {"of", "by"} and c.lower_ not in f.preps:
                f.preps.setdefault(c.lower_, []).extend(pobjs(c))
    f.subj = list(f.agent)
    mod_words: list[str] = []
    for m in f.mods:
        mod_words.extend(words(np_core(m)))
    f.obj_region.add(*mod_words)
    f.subj_region.add(*mod_words)
    _fill_regions(f)
    return f


def _lend_preps(f: Frame, obj: Token) -> None:
    """Phrases on the object count as the predicate's ("sent aid *to Chile*" parsed on "aid"), and so
    do those on the object's "of" phrase ("began the pullout of its soldiers *from Chile*")."""
    for c in obj.children:
        if c.dep_ == "prep" and c.lower_ != "of":
            f.preps.setdefault(c.lower_, []).extend(pobjs(c))
        if c.dep_ == "acl" and c.tag_ == "VBN":  # "lifted the sanctions *imposed on X*": whom they hit
            for p in c.children:
                if p.dep_ == "prep" and p.lower_ in {"on", "upon", "against"} and p.lower_ not in f.preps:
                    f.preps.setdefault(p.lower_, []).extend(pobjs(p))
        if c.dep_ == "prep" and c.lower_ in {"of", "in"}:  # "$40bn *in aid to Ukraine*"
            for g in pobjs(c):
                for p in g.children:
                    if p.dep_ == "prep" and p.lower_ not in {"of", "by"} and p.lower_ not in f.preps:
                        f.preps.setdefault(p.lower_, []).extend(pobjs(p))
    # "sent supplies and personnel such as doctors *to X*", "sent vehicles and a team of paratroopers
    # *to X*": the parser hangs the closing "to" phrase on the object's last noun
    last = obj.right_edge
    to = last.head if last.dep_ == "pobj" else None
    if to is not None and to.dep_ == "prep" and to.lower_ == "to" and "to" not in f.preps and to.head.i != obj.i \
            and to.head.pos_ in {"NOUN", "PROPN"} and to.head.lemma_.lower() not in TO_COMPLEMENT_NOUNS:
        f.preps["to"] = pobjs(to)


def object_of_phrases(f: Frame) -> list[Token]:
    """The "of" phrases on a verb's objects ("took *control* of the town"): not lent to the verb,
    since most are part of the object's own noun phrase, but a pattern may ask for them."""
    if f.pos != "v":
        return []
    return [g for o in f.objs for c in o.children if c.dep_ == "prep" and c.lower_ == "of" for g in pobjs(c)]


# nouns whose "to" phrase is their own complement, not where something is sent ("access to", "a threat to")
TO_COMPLEMENT_NOUNS = frozenset({"access", "threat", "visit", "trip", "return", "road", "path", "response", "reply",
                                 "answer", "approach", "commitment", "right", "key", "solution", "alternative",
                                 "exposure", "damage", "harm", "danger", "risk", "challenge", "obstacle", "link",
                                 "connection", "transition", "opposition",
                                 "resistance", "objection", "contrast", "addition", "relation", "ambassador",
                                 "envoy", "successor", "heir", "sequel", "prelude", "introduction", "reference"})


def antecedent_candidates(pron: Token) -> list[Token]:
    """The subjects that may bind a third-person pronoun inside their own clause, nearest first.

    "Ghana insisted *it* would reopen the border": a pronoun in a clause governed by another takes that
    clause's subject; a possessive also its own clause's ("Russia closed *its* borders"). Only
    subjects before the pronoun count (no cataphora), and never the phrase the pronoun is part of.
    The caller checks that the actor fits the pronoun (he/she: a person; it: not a person)."""
    out: list[Token] = []
    path = {pron.i}
    for anc in pron.ancestors:
        path.add(anc.i)
    for anc in pron.ancestors:
        for c in anc.children:
            if (c.dep_ in SUBJ_DEPS or c.dep_ in PASS_SUBJ_DEPS) and c.i not in path and c.i < pron.i \
                    and c.lower_ not in REL_PRONOUNS:
                out.append(c)
    return out


# ``=person`` in an object or prepositional region: the object itself is a person, by name ("fired *Smith*"), pronoun
# ("fired *him*") or the post they hold ("sacked *the finance minister*"); only the object's head
# counts ("dismissed *the counsel's inquiry*" is no person)
PERSON_MARK = "=person"
PERSON_HEAD_WORDS = frozenset({
    "he", "him", "she", "her", "minister", "secretary", "president", "chancellor", "premier", "governor", "mayor",
    "director", "adviser", "advisor", "aide", "official", "employee", "worker", "staffer", "chief", "head",
    "commissioner", "coach", "manager", "executive", "ceo", "chairman", "chairwoman", "prosecutor", "attorney",
    "lawyer", "counsel", "judge", "ambassador", "envoy", "commander", "general", "officer", "inspector",
    "administrator", "deputy", "spokesman", "spokeswoman", "spokesperson", "editor", "teacher", "professor"})


def is_person_head(t: Token) -> bool:
    return t.ent_type_ == "PERSON" or t.lemma_.lower() in PERSON_HEAD_WORDS or t.lower_ in PERSON_HEAD_WORDS


def _fill_regions(f: Frame) -> None:
    for o in f.objs:
        f.obj_region.add(*words(np_core(o)))
        if is_person_head(o):
            f.obj_region.add(PERSON_MARK)
    for c in f.comps:
        f.obj_region.add(*words([c]))
        f.obj_region.add(*(c.lower_ for c in c.children if c.dep_ == "prt"))
        for o in c.children:
            if o.dep_ in OBJ_DEPS or o.dep_ in PASS_SUBJ_DEPS:
                f.obj_region.add(*words(np_core(o)))
    for s in f.subj:
        f.subj_region.add(*words(np_core(s)))
    for prep, objs in f.preps.items():
        region = f.prep_regions.setdefault(prep, Region())
        for o in objs:
            region.add(*words(np_core(o)))
            if is_person_head(o):
                region.add(PERSON_MARK)
            if o.dep_ == "pcomp":
                for g in o.children:
                    if g.dep_ in OBJ_DEPS:
                        region.add(*words(np_core(g)))
    if f.pos == "v":
        f.subj_region.add(*(c.lemma_.lower() for c in f.pred.children if c.dep_ == "advmod"))


__all__ = [
    "FIRST_PERSON",
    "PERSON_PRONOUNS",
    "PLURAL_PRONOUNS",
    "THING_PRONOUNS",
    "THIRD_PERSON",
    "Frame",
    "antecedent_candidates",
    "blamed_subject",
    "is_passive",
    "is_verbal",
    "logical_subjects",
    "misparsed_finite",
    "noun_frame",
    "np_core",
    "object_of_phrases",
    "pobjs",
    "verb_frame",
    "words",
]
