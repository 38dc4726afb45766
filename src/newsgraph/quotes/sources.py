"""Stage 5, the sources: which actor a speaker mention is, and what kind of source it is.

Each speaker mention is tied to a canonical actor **through the actors component's output**
(:meth:`Analysis.actor_at`), in this order:

1. an appositive name (``Stevens’ deputy, Gregory Hicks,`` is Hicks; ``the council director Nihad
   Awad`` is Awad);
2. the head word of the speaker mention (``Holt`` in ``The NATO Secretary General Mira Holt``,
   so the organisation named inside the title does not win);
3. for a group noun, the ``of`` phrase (``members of the CSTO``);
4. the whole mention.

Then the speaker is checked against the discourse:

* **pronouns** (``he said``): the actors component's coreference is kept unless the most recent
  named or described person outside quotation contents, within the last sentences, is someone
  else: a quotation chain continues with its speaker, and a newly named person takes over
  (``+recent-person``). An unlinked pronoun or role noun (``the minister said``) takes the most
  recent compatible speaker (``+previous-speaker``) or sentence subject (``+previous-subject``);
* **the same person twice**: a surname after the full name is that person, whatever the actors
  component made of it; a name the knowledge base does not hold, that the actors component took
  for an organisation, is a person when the text speaks of it as one (``she said``, a title, a
  given name before it) — never an organisation by default;
* **groups are not states**: ``Russian senators``, ``state television`` tied to the state are that
  state's generic agents (``RUSLEG``, ``RUSMED``), not the state;
* **descriptions** the actors component left without an actor (``a senior official``, ``a source
  familiar with the talks``, ``people close to the president``, ``a local doctor``) become speakers
  of their own: the state's generic agent when the description names a sector and a state
  (``USAGOV`` for ``a senior US official``), else an actor for the description
  (``SPEAKER-source``). ``the official`` later in the text is the same speaker.

Each quote then has a ``speaker_kind``: ``person``, ``organisation``, ``state``, ``generic`` (groups
and roles: police, officials, critics, a spokesman) or ``anonymous`` (deliberately unnamed: a source
familiar with ..., an official who spoke on condition of anonymity, people close to ...), and for
generic and anonymous sources the ``speaker_description``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from ..actors.evidence import HONORIFIC_GENDER, government_head
from ..actors.lexicon import (
    AGENT_SUFFIXES,
    ORG_WORDS,
    PARTY_WORDS,
    PERSON_NOUNS,
    PERSON_PRONOUNS,
    RELATIONAL_NOUNS,
    SPOKES_NOUNS,
    org_sector,
    title_key,
)
from ..actors.state import main_clause_subject, name_gender, title_matches
from ..model import Actor, Analysis, Mention, Span
from . import lexicon as lx
from .parsed import Attribution, Found, Speaker
from .speaker import definite, earlier_mentions, np_span
from .text import Ranges, merge

PERSONAL = lx.PRONOUNS_PERSON | lx.PRONOUNS_GROUP | {"i", "you", "it"}
SPEAKER_KINDS = ("person", "organisation", "state", "generic", "anonymous")


def sector_of(phrase: str) -> str | None:
    """The CAMEO sector of an agent noun phrase (``senior military officials`` -> MIL): the actors'
    lookup (longest suffix first), cut to its sector."""
    from ..actors.lexicon import sector_of as agent_code

    code = agent_code(phrase)
    return code[:3] if code else None


# ---------------------------------------------------------------------------------------------
# the actor of a mention
# ---------------------------------------------------------------------------------------------


def actor_for(analysis: Analysis, doc: Any, sp: Speaker) -> Actor | None:
    """The canonical actor of a speaker mention, from the actors component's mentions."""
    head = doc[sp.head]
    # (also "one of them, Raj Das, told ...": the one the name sets off)
    if head.pos_ == "NOUN" or (head.lower_ == "one" and head.pos_ in ("NUM", "PRON")):
        # "The council director Nihad Awad", "Stevens’ deputy, Gregory Hicks,": the name
        for c in head.children:
            # right after the noun, or set off by a comma after the noun's own modifiers
            # ("the chief envoy for the talks, X, said")
            set_off = c.left_edge.i > head.i + 1 and doc[c.left_edge.i - 1].text == ","
            # (or a person's name ending the phrase: "the presumptive nominee for president X said")
            last = c.ent_type_ == "PERSON" and c.i == head.right_edge.i
            # ("two groups, A and B, said": the parser joins the names to a plural noun as a coordination)
            listed = c.dep_ == "conj" and head.tag_ == "NNS" and set_off and any(g.dep_ == "cc" for g in c.children)
            if (c.dep_ == "appos" or listed) and c.pos_ == "PROPN" and c.i > head.i and (
                    c.i - head.i <= 3 or set_off or last):
                actor = analysis.actor_at(c.idx, c.idx + len(c.text))
                if actor is not None and (actor.kind == "person" or (
                        actor.kind == "organization" and head.lemma_.lower() not in lx.ROLE_NOUNS)):
                    return actor  # ("the UN's refugee agency, UNHCR, says": the body's own name)
        named = _name_set_off_in_subtree(analysis, doc, head) or _candidate_for_office(analysis, head) or \
            _name_after_role(analysis, head)
        if named is not None:
            return named
    if head.pos_ == "PROPN" and head.ent_type_ in ("ORG", "GPE"):
        named = _titled_name_after_body(analysis, doc, head)
        if named is not None:
            return named
    actor = analysis.actor_at(head.idx, head.idx + len(head.text))
    if actor is not None:
        return actor
    for c in head.children:  # "members of the CSTO", "leaders of the states", "a spokesman for the ministry"
        if c.dep_ == "prep" and c.i > head.i and (c.lower_ == "of" or (c.lower_ == "for" and head.lower_ in SPOKES_NOUNS)):
            for p in c.children:
                if p.dep_ == "pobj":
                    actor = analysis.actor_at(p.idx, p.idx + len(p.text))
                    if actor is not None and not (c.lower_ == "for" and actor.kind == "person"):
                        return actor  # a body's spokesman speaks for it; a person's is another person
    if head.pos_ != "PRON":
        # the words up to the head ("the Kremlin's spokesman", "Iraqi officials"): a name deep in a
        # modifier after it ("the office, as part of a case against X, said") is not who speaks
        end = sp.end if head.pos_ != "NOUN" and not government_head(head) else min(sp.end, head.idx + len(head.text))
        if _person_in_modifier(analysis, head):
            return None  # "her supporters", "Clinton officials", "Chancellor X's spokesman": others than X
        return analysis.actor_at(sp.start, end)
    return None


_RUNNING_NOUNS = frozenset({"nominee", "candidate", "contender", "hopeful", "frontrunner", "front-runner"})


def _titled_name_after_body(analysis: Analysis, doc: Any, head: Any) -> Actor | None:
    """ "Office of Management and Budget Director Jane Roe said": a body's name, a title and a
    person's name ending the phrase, which the parser hangs on the body as an apposition: the
    person speaks, not the body."""
    for c in head.children:
        if c.dep_ != "appos" or c.ent_type_ != "PERSON" or c.i != head.right_edge.i:
            continue
        name_start = min(t.i for t in c.subtree if t.ent_type_ == "PERSON")
        # a title between them: a known one, or a capitalised word of neither name ("Director")
        if any(title_key(t.lower_) or (t.is_title and not t.ent_type_) for t in doc[head.i + 1:name_start]):
            actor = analysis.actor_at(c.idx, c.idx + len(c.text))
            if actor is not None and actor.kind == "person":
                return actor
    return None


def _candidate_for_office(analysis: Analysis, head: Any) -> Actor | None:
    """ "the Democratic nominee for president Jane Roe": the office and the name after "for" (the
    parser hangs the name on the preposition) name the nominee, not someone the nominee serves."""
    if head.lemma_.lower() not in _RUNNING_NOUNS:
        return None
    return _person_after_role(analysis, head, "for", lambda p: any(
        m.dep_ == "compound" and m.i < p.i and title_key(m.lower_) for m in p.children))


def _name_after_role(analysis: Analysis, head: Any) -> Actor | None:
    """ "her successor as party leader Jane Roe", "his predecessor as nominee John Doe": a person's
    name ending the phrase after "as" and a role noun names the person the phrase describes (the
    parser hangs the name on the preposition); the possessor is someone else."""
    return _person_after_role(analysis, head, "as", lambda p: p.i == head.right_edge.i and any(
        m.dep_ == "compound" and m.pos_ == "NOUN" for m in p.children))


def _person_after_role(analysis: Analysis, head: Any, prep: str, role: Any) -> Actor | None:
    """The person named as the object of ``prep`` under ``head``, with the role words ``role``
    accepts (the parser hangs a role and a name after "for" or "as" on the preposition)."""
    for c in head.children:
        if c.dep_ != "prep" or c.lower_ != prep:
            continue
        for p in c.children:
            if p.dep_ == "pobj" and p.ent_type_ == "PERSON" and role(p):
                actor = analysis.actor_at(p.idx, p.idx + len(p.text))
                if actor is not None and actor.kind == "person":
                    return actor
    return None


# nouns for the people around someone, as one body ("the Trump transition team", "the Obama campaign")
_ENTOURAGE_NOUNS = frozenset({"team", "campaign", "camp", "staff", "entourage", "circle", "family", "household",
                              "transition"})


def _person_in_modifier(analysis: Analysis, head: Any) -> bool:
    """Is a person named in a modifier (possessor, compound) of a common noun for people that is
    no mention of its own? Such a phrase speaks of the person's supporters, aides or staff, never
    of the person, nor of the state named with the person ("German Chancellor X's spokesman")."""
    if (head.pos_ != "NOUN" and not government_head(head)) or not (
            human_noun(head) or head.lemma_.lower() in _ENTOURAGE_NOUNS or head.lemma_.lower() in RELATIONAL_NOUNS):
        return False
    if analysis.actor_at(head.idx, head.idx + len(head.text)) is not None:
        return False  # the noun itself is a mention ("the president")
    mods = [c for c in head.children if c.i < head.i and c.dep_ in ("poss", "compound", "nmod")]
    for t in (t for m in mods for t in m.subtree):
        a = analysis.actor_at(t.idx, t.idx + len(t.text))
        if a is not None and (a.kind == "person" or (a.kind == "country" and t.dep_ == "poss" and t.pos_ == "PRON"
                                                     and head.lower_ not in SPOKES_NOUNS)):
            return True  # and "its authors", "their researchers": people of a state, not the state
    return False


def _name_set_off_in_subtree(analysis: Analysis, doc: Any, head: Any) -> Actor | None:
    """A person's name set off by commas at the end of a noun phrase, that the parse put in
    apposition to a place or body inside it ("the head of the board in <city>, <name>, said"),
    or to the role the phrase's head held ("his predecessor as mayor, <name>,"): a person is no
    apposition of a place or an organisation, and the role's holder is the head, so the name is
    the phrase's head."""
    end = head.right_edge.i if doc[head.right_edge.i].text == "," else head.right_edge.i + 1
    for c in head.subtree:
        if c.dep_ != "appos" or c.pos_ != "PROPN" or c.head.i == head.i or c.i < head.i:
            continue
        if c.left_edge.i == 0 or doc[c.left_edge.i - 1].text != "," or c.right_edge.i + 1 != end:
            continue
        host = analysis.actor_at(c.head.idx, c.head.idx + len(c.head.text))
        if c.head.ent_type_ not in {"GPE", "LOC", "FAC", "ORG"} and (host is None or host.kind == "person") \
                and not _role_held(c.head, head):
            continue
        actor = analysis.actor_at(c.idx, c.idx + len(c.text))
        if actor is not None and actor.kind == "person":
            return actor
    return None


def _role_held(noun: Any, head: Any) -> bool:
    """Is ``noun`` the role ``head`` is said to hold ("her predecessor as mayor", "his successor as
    party chief")? A name set off after that role names the one who held it: ``head``."""
    prep = noun.head
    return noun.dep_ == "pobj" and prep.dep_ == "prep" and prep.lower_ == "as" and prep.head.i == head.i


def needs_antecedent(text: str, doc: Any, sp: Speaker) -> bool:
    """A pronoun or a definite role noun the actors component did not link."""
    head = doc[sp.head]
    if head.lower_ in PERSONAL:
        return True
    words = text[sp.start:sp.end].split()
    first = words[0].lower() if words else ""
    return first in ("the", "this", "that") and (head.lemma_.lower() in lx.ROLE_NOUNS or partisan(head) == "one"
                                                 or epithet(head))


def epithet(head: Any) -> bool:
    """A definite description of one person, shaped as an epithet: a singular noun for people
    with words before it and none after ("the 25-year veteran", "the retired surgeon"), a way
    of naming again someone the text has named ("a driver ... the driver" is matched before, as
    the same description)."""
    if head.tag_ != "NN" or head.lower_ in ORG_WORDS or not (
            head.lemma_.lower() in PERSON_NOUNS or (human_noun(head) and head.lower_.endswith(AGENT_SUFFIXES))):
        return False  # "the Obama administration", "the military": bodies, not a person named again
    before = list(head.doc[head.left_edge.i:head.i])
    return any(c.dep_ in ("amod", "compound", "nummod", "npadvmod") and c.i < head.i for c in head.children) \
        and not any(t.pos_ == "PROPN" for t in before) \
        and not any(c.dep_ in ("prep", "relcl", "acl", "appos") and c.i > head.i for c in head.children)


# endings of nouns for people ("surgeon" has none and is no agent noun here: a person noun must say so)


def partisan(head: Any) -> str | None:
    """A speaker named by a party or nationality word (a NORP name: "Republicans", "the Ohio
    Democrat", "a Tory"): "one" for a singular (one person: with "the", an epithet of a person the
    text has named; with "a", an unnamed one), "many" for a plural (a group of them), else None."""
    if head.pos_ != "PROPN" or head.ent_type_ != "NORP" or not head.text[:1].isupper():
        return None
    if head.tag_ == "NNPS" or (head.tag_ == "NNP" and head.lower_.endswith("s") and head.lemma_.lower() != head.lower_):
        return "many"
    return "one" if head.tag_ == "NNP" else None


def _singular_human(actor: Actor, mention_head: Any | None) -> bool:
    """A group actor named by a singular noun (``the Houston doctor`` linked to a health-sector agent)
    is one person for he/she."""
    return actor.kind == "group" and mention_head is not None and mention_head.tag_ in ("NN", "NNP") and (
        mention_head.tag_ == "NNP" or _person_word(mention_head))  # not "the newspaper", "the agency"


def _person_word(tok: Any) -> bool:
    """A noun that names a person itself (a doctor, a source, a spokesman), not a body of a sector."""
    lemma = tok.lemma_.lower()
    return lemma in PERSON_NOUNS or lemma in _ANON_HEADS or lemma in lx.ROLE_NOUNS


def compatible(doc: Any, sp: Speaker, actor: Actor, mention_head: Any | None = None) -> bool:
    """He/she and role nouns take persons; they/we take groups, organisations, countries."""
    head = doc[sp.head].lower_
    office = title_key(head) if head not in PERSONAL else None
    if office and actor.kind == "person" and actor.roles:
        # "the president said" after "Vice President X" is not X: a title takes a holder of it
        return any(title_matches(r.title, doc[sp.head].text, office) for r in actor.roles)
    if office and actor.id.startswith("SPEAKER-"):
        # "the governor said" after "the senator said": a description by another title is someone else
        own = _description_id(_description_label(doc, doc[sp.head]))
        return actor.id == own or actor.id.startswith(f"{own}-")
    if head in lx.PRONOUNS_PERSON or head not in PERSONAL:
        return actor.kind == "person" or _singular_human(actor, mention_head)
    if head in lx.PRONOUNS_GROUP:
        return actor.kind != "person" and not _singular_human(actor, mention_head)
    return True


def walk_back(analysis: Analysis, doc: Any, sp: Speaker, before: int,
              resolved: list[Resolved]) -> tuple[Actor, str] | None:
    """The most recent compatible speaker before ``before``, else the most recent subject."""
    for r in reversed(resolved[-20:]):
        if r.actor is not None and r.start < before and compatible(doc, sp, r.actor, r.head):
            return r.actor, "previous-speaker"
    i = doc[sp.head].sent.start - 1
    steps = 0
    while i >= 0 and steps < 6:
        sent = doc[i].sent
        root = sent.root
        subj = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None and subj.lower_ not in PERSONAL:
            actor = analysis.actor_at(subj.idx, subj.idx + len(subj.text))
            if actor is not None and compatible(doc, sp, actor, subj):
                return actor, "previous-subject"
        i = sent.start - 1
        steps += 1
    return None


# ---------------------------------------------------------------------------------------------
# the discourse: recent persons, the same person twice
# ---------------------------------------------------------------------------------------------


_PRONOUN_RULES = ("pronoun", "coreference")


def _is_pronoun_mention(m: Mention) -> bool:
    return m.rule.split("+")[0] in _PRONOUN_RULES or m.text.lower() in PERSONAL | {"his", "her", "their", "its"}


class Discourse:
    """Non-pronoun mentions of actors outside quotation contents, in text order, for pronouns to
    look back at."""

    def __init__(self, analysis: Analysis, contents: list[tuple[int, int]]):
        from bisect import bisect_left

        self._bisect = bisect_left
        inside = Ranges(merge(contents))
        rows: list[tuple[int, int, Actor]] = []
        for a in analysis.actors:
            for m in a.mentions:
                if _is_pronoun_mention(m) or m.start in inside:
                    continue
                rows.append((m.start, m.end, a))
        rows.sort(key=lambda r: (r[0], r[1]))
        self.rows = rows
        self.starts = [r[0] for r in rows]
        self.speakers: set[int] = set()

    def add(self, start: int, end: int, actor: Actor) -> None:
        """A speaker mention, with the actor the sources stage gave it."""
        self.speakers.add(start)
        k = self._bisect(self.starts, start)
        if k < len(self.rows) and self.rows[k][0] == start and self.rows[k][2] is actor:
            return
        self.rows.insert(k, (start, end, actor))
        self.starts.insert(k, start)

    def is_speaker(self, start: int) -> bool:
        return start in self.speakers

    def recent(self, before: int, after: int) -> list[tuple[int, int, Actor]]:
        """Mentions starting in [after, before), most recent first."""
        hi = self._bisect(self.starts, before)
        lo = self._bisect(self.starts, after)
        return list(reversed(self.rows[lo:hi]))


def recent_person(analysis: Analysis, doc: Any, sp: Speaker, discourse: Discourse) -> Actor | None:
    """The most recent person named or described as the subject of a clause (or as a speaker)
    before a he/she speaker, outside quotation contents, no further back than the previous two
    sentences: the centre of the discourse, which a pronoun subject continues."""
    head = doc[sp.head]
    if head.lower_ not in lx.PRONOUNS_PERSON:
        return None
    wanted = PERSON_PRONOUNS.get(head.lower_)
    start = head.sent.start
    for _ in range(2):
        if start > 0:
            start = doc[start - 1].sent.start
    text = analysis.article.text
    found: tuple[Any, Actor] | None = None  # the latest subject; a main clause's in its sentence wins
    # a person named after that subject, in no subject's place the parser saw ("And Trump touted X"
    # read as a noun phrase), may be the centre as well: then the subject of a clause inside another
    # is no surer antecedent than the reading the actors stage made
    passed: Actor | None = None
    for m_start, m_end, actor in discourse.recent(head.idx, doc[start].idx):
        if text[m_end:head.idx].count("\n\n") > 1:
            break
        span = doc.char_span(m_start, m_end, alignment_mode="expand")
        if span is None or not len(span):
            continue
        root = span.root
        if found is not None and root.sent.start != found[0].sent.start:
            break
        subject = root.dep_ in ("nsubj", "nsubjpass") or discourse.is_speaker(m_start)
        if subject and (actor.kind == "person" or (discourse.is_speaker(m_start) and _singular_human(actor, root))):
            if wanted and name_gender(actor) not in (None, wanted):
                continue  # "she" after a man: another antecedent
            if discourse.is_speaker(m_start) or main_clause_subject(root):
                return actor  # "Mr. X said it did not faze him, since Mr. Y promised ...": X
            if passed is not None and passed is not actor and found is None:
                return None
            found = found or (root, actor)
        elif actor.kind == "person" and passed is None and (not wanted or name_gender(actor) in (None, wanted)):
            passed = actor
    return found[1] if found is not None else None


def person_named_like(actor: Actor) -> bool:
    """A text-only organisation whose name has the shape of a person's (two or three capitalised
    words, none of them an organisation word): ``Carly Fiorina`` mistagged by the parser."""
    if actor.kind != "organization" or actor.kb_id:
        return False
    words = actor.name.split()
    if actor.country and any(w.isupper() or "." in w.strip(".") for w in words):
        return False  # "U.S. Treasury", "UK Border Force": a state's body, the state named in its name
    return 2 <= len(words) <= 3 and all(w[:1].isupper() and w.replace(".", "").replace("-", "").isalpha()
                                        and w.lower().strip(".") not in ORG_WORDS for w in words)


def described_as_person(head: Any) -> bool:
    """Does the name stand beside a description of one person ("Reyes, a Democrat from Fresno,",
    "Ortiz, an economist at the bank,")? An apposition headed by a singular noun for people or a
    singular party or nationality word."""
    return any(c.dep_ == "appos" and c.tag_ in ("NN", "NNP") and (human_noun(c) or partisan(c) == "one")
               and not (c.pos_ == "PROPN" and c.ent_type_ != "NORP") for c in head.children)


def _plain_name(actor: Actor) -> bool:
    """A text-only organisation named by one to three capitalised words, none an organisation word."""
    words = actor.name.split()
    return actor.kind == "organization" and not actor.kb_id and 1 <= len(words) <= 3 and all(
        w[:1].isupper() and w.lower().strip(".") not in ORG_WORDS for w in words)


def same_person(analysis: Analysis, doc: Any, sp: Speaker, actor: Actor | None) -> Actor | None:
    """A one-word proper-name speaker (``Fiorina said``) that is the surname of a person named in
    full earlier in the article is that person, whatever actor the word was given; an honorific
    ("Mr.", "Mrs.") leaves out bearers of the other sex."""
    head = doc[sp.head]
    if head.pos_ != "PROPN" or (actor is not None and actor.kind == "person" and actor.kb_id):
        return None
    words = analysis.article.text[sp.start:sp.end].split()
    names = [w for w in words if w[:1].isupper()]
    if not names or len(names) > 2:
        return None
    surname = names[-1].strip(".,’'").removesuffix("’s").removesuffix("'s").lower()
    sex = HONORIFIC_GENDER.get(words[0].lower()) if len(words) >= 2 else None
    found = []
    for other in analysis.actors:
        if not (other.kind == "person" or person_named_like(other)):
            continue
        full = other.name.split()
        if (len(full) >= 2 and full[-1].lower() == surname and any(m.start < sp.start for m in other.mentions)
                and (sex is None or name_gender(other) in (sex, None))):  # "Mr. Roe" is not Ann Roe
            found.append(other)
    # of several bearers, the one the actor stage read the words as, else the one named first (the
    # story's principal: "Tom Roe ... his wife, Ann Roe ... Roe said")
    best = max(found, key=lambda o: (o is actor, -min(m.start for m in o.mentions)), default=None)
    return None if best is actor else best


# ---------------------------------------------------------------------------------------------
# descriptions: generic and anonymous sources
# ---------------------------------------------------------------------------------------------

# heads of descriptions that name someone without naming them
_ANON_HEADS = frozenset(re.findall(r"\w+", """source sources official officials person people aide aides insider
insiders diplomat diplomats staffer staffers employee employees adviser advisers advisor advisors officer officers
operative operatives strategist strategists associate associates confidant confidants member members ally allies
individual individuals someone"""))
_INDEFINITE = frozenset(re.findall(r"\w+", "a an one two three several some another many few"))
_ANON_MARKS = re.compile(r"\b(?:anonymity|anonymously|not authori[sz]ed to (?:speak|discuss|comment)|asked not to be "
                         r"(?:named|identified)|declined to be (?:named|identified)|requested anonymity|familiar with|"
                         r"close to the|briefed on|knowledgeable about|with knowledge of|insisted on anonymity)\b",
                         re.I)


def description_of(text: str, doc: Any, sp: Speaker) -> str:
    """The speaker's description as the text gives it, with the phrases after the noun that say who
    it is (``a source familiar with the talks``, ``an official who spoke on condition of anonymity``)."""
    head = doc[sp.head]
    toks = [t for t in head.subtree if t.i >= doc[sp.head].left_edge.i]
    toks = [t for t in toks if not t.is_space][:16]
    if not toks:
        return text[sp.start:sp.end]
    start = min(sp.start, toks[0].idx)
    end = max(sp.end, toks[-1].idx + len(toks[-1].text))
    return " ".join(text[start:end].strip(" ,;:—–-").split())


def is_anonymous(doc: Any, sp: Speaker) -> bool:
    """Deliberately unnamed: an indefinite or bare description whose head names a source or an
    official, or any description the sentence marks as unnamed (anonymity, familiar with, close to)."""
    head = doc[sp.head]
    first = doc[head.left_edge.i]
    if partisan(head) == "one" and first.lower_ in ("a", "an", "one", "another"):
        return True  # "a Florida Democrat said": one person, unnamed
    if head.pos_ == "PROPN" or head.lower_ in PERSONAL:
        return False
    if head.lemma_.lower() in ("source",):
        return True
    sent_text = head.sent.text
    if _ANON_MARKS.search(sent_text) and head.pos_ == "NOUN":
        return True
    return head.lemma_.lower() in _ANON_HEADS and first.lower_ in _INDEFINITE and head.tag_ == "NN"


def human_noun(tok: Any) -> bool:
    """A noun that names people: an agent noun of the actor lexicon, a role, a source, or a
    common noun for persons (a doctor, residents, a mother of two)."""
    low = tok.lower_
    return _person_word(tok) or low in PERSON_NOUNS or sector_of(low) is not None


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "source"


def _country_in(analysis: Analysis, sp: Speaker) -> str | None:
    """The state a description names (``a senior US official``, ``Iranian state television``), else
    the state of a person it is tied to (``Merkel's spokesman``, ``the Obama administration``)."""
    inside = [a for a in analysis.actors if a.country and any(sp.start <= m.start and m.end <= sp.end for m in a.mentions)]
    for kinds in (("country", "group", "organization"), ("person",)):
        for a in inside:
            if a.kind in kinds:
                return a.country
    return None


def introduced_since(analysis: Analysis, doc: Any, sp: Speaker, actor: Actor | None,
                     intros: dict[str, list[int]] | None = None) -> Speaker | None:
    """``A White House official who briefed reporters ...`` then ``..., said the official``: a definite
    description (``the official``, ``the source``) refers back to the most recent noun phrase with the
    same head, and an indefinite one (*a*, *an*, *one*, *another*) introduces a new referent. When such
    an introduction comes after the last naming of the actor the description was linked to (or there
    is no actor), it is the antecedent. Returns its mention, or None."""
    head = doc[sp.head]
    if head.pos_ != "NOUN" or doc[head.left_edge.i].lower_ not in ("the", "this", "that"):
        return None
    lemma = head.lemma_.lower()
    if lemma not in _ANON_HEADS and lemma not in lx.ROLE_NOUNS:
        return None
    if intros is None:
        intros = indefinite_heads(doc)
    before = [i for i in intros.get(lemma, ()) if sp.head - 400 <= i < sp.head]
    if not before:
        return None
    last_named = max((m.end for m in (actor.mentions if actor is not None else [])
                      if m.end <= sp.start and not _is_pronoun_mention(m)), default=-1)
    t = doc[before[-1]]
    if t.idx < last_named:
        return None
    start, end = np_span(t)
    return Speaker(t.i, start, end, "same-description")


_INDEFINITE_DETS = ("a", "an", "one", "another")


def indefinite_heads(doc: Any) -> dict[str, list[int]]:
    """Nouns introduced by an indefinite determiner (``a senior official``), by lemma, in text
    order: found from the determiners on the Doc's arrays, not by building every token."""
    try:
        import numpy as np
        from spacy.attrs import DEP, HEAD, LOWER
    except ImportError:  # pragma: no cover - spaCy and numpy are dependencies
        return {}
    out: dict[str, list[int]] = {}
    if not len(doc):
        return out
    strings = doc.vocab.strings
    arr = doc.to_array([LOWER, DEP, HEAD])
    dets = np.isin(arr[:, 0], [strings[w] for w in _INDEFINITE_DETS])
    deps = np.isin(arr[:, 1], [strings["det"], strings["nummod"]])
    for i in np.nonzero(dets & deps)[0].tolist():
        h = doc[i].head
        if h.pos_ == "NOUN" and h.i > i:
            out.setdefault(h.lemma_.lower(), []).append(h.i)
    for v in out.values():
        v.sort()
    return out


def named_speaker(analysis: Analysis, doc: Any, sp: Speaker) -> Actor | None:
    """A speaker named by a proper name that the parser tags as a person but the actors component
    left without an actor (``Lopez said``, a name the knowledge base does not hold): the subject of
    a verb of saying, named as a person, is a person of the text (the same one each time the
    name recurs), never an organisation by default; the name after a body's possessive is a
    person's ("Vox's Dara Lind"); a name the parser calls a work or a body is an organisation
    only when a word of it names a kind of body ("the Daily Ledger said")."""
    head = doc[sp.head]
    if head.pos_ == "PROPN" and _acronym(head) and head.dep_ in ("nsubj", "compound", "ROOT") \
            and all(t.i == head.i or t.dep_ == "det" for t in doc[head.left_edge.i:head.i + 1]) \
            and sp.end <= head.idx + len(head.text) + 1 and not government_head(head):
        # "WXYZ reports", "the NFLA said": a name in capitals alone is a body's (a station, a lobby)
        return _text_actor(analysis, sp, head.text, "organization", "speaker-name", 0.5)
    if head.pos_ != "PROPN" or not head.text[:1].isupper() or head.text.isupper() \
            or head.dep_ not in ("nsubj", "pobj", "appos", "ROOT", "dobj") or government_head(head):
        return None  # "the Trump Administration said": a government (a description), no one's name
    phrase = list(doc[head.left_edge.i:head.i + 1])
    case = [k for k, t in enumerate(phrase) if t.dep_ == "case"]
    after = [t for t in phrase[case[-1] + 1:] if t.pos_ == "PROPN" and t.text[:1].isupper()] if case else []
    kind = "person"
    if (2 if head.ent_type_ != "PERSON" else 1) <= len(after) <= 3 and head.ent_type_ in ("ORG", "PERSON", "") \
            and not any(t.lower_ in ORG_WORDS for t in after):
        words = [t.text for t in after]  # "Vox's Dara Lind": a writer or staffer of the body named first
    elif head.ent_type_ in ("ORG", "WORK_OF_ART") and any(t.lower_ in ORG_WORDS for t in phrase):
        # a body the parser calls a work, or one the actors left alone ("the Daily Ledger said"): a
        # body when a word of its name says so, named as the speaker phrase names it
        text = analysis.article.text[sp.start:sp.end]
        words, kind = (text[4:] if text.lower().startswith("the ") else text).split(), "organization"
    elif head.ent_type_ in ("PERSON", "") and not case:
        words = [t.text for t in phrase if t.ent_type_ == head.ent_type_ and t.pos_ == "PROPN"]
    else:
        return None
    name = " ".join(words)
    name = name.removesuffix("’s").removesuffix("'s").strip()
    if not name or len(words) > (4 if kind == "person" else 6):
        return None
    return _text_actor(analysis, sp, name, kind, "speaker-name", 0.5)


# nouns of bodies a bare definite description can stand for ("the subcommittee said", "the panel
# found"); not the words for a whole class ("the press", "the media") or for a chamber by its name
BODY_NOUNS = frozenset(re.findall(r"\w+", """committee subcommittee panel commission council board agency department
ministry institute foundation company firm group organization organisation association union party court tribunal
bureau office authority coalition campaign center centre network bank fund university school college hospital church
administration caucus watchdog regulator federation alliance league society trust"""))


def named_body_before(analysis: Analysis, doc: Any, sp: Speaker) -> Actor | None:
    """A bare definite description of a body that nothing resolved ("the subcommittee", "the panel")
    refers to the latest earlier noun phrase with the same head noun that names the body, a proper
    noun among the head's compound or possessive modifiers ("the Senate's Agriculture subcommittee",
    "a Harvard panel"): that body, an organisation of the text named as that phrase names it. An
    earlier phrase of that noun without a name ("a new panel") is another or an unnamed body: the
    search stops there."""
    head = doc[sp.head]
    if head.pos_ != "NOUN" or head.tag_ != "NN" or head.lower_ not in BODY_NOUNS:
        return None
    if not definite(head) or any(c.dep_ in ("compound", "poss", "nmod") and c.i < head.i for c in head.children):
        return None  # "the Senate subcommittee": named here, not a reference back
    for t in earlier_mentions(head):
        names = [c for c in t.children if c.i < t.i and c.dep_ in ("compound", "poss", "nmod")
                 and any(x.pos_ == "PROPN" for x in c.subtree)]
        if not names:  # "the subcommittee" again: read on (up to an unnamed "a new panel")
            continue
        first = min(c.left_edge.i for c in names)
        while first < t.i and doc[first].dep_ == "det":  # "the Senate's ...": the name starts after it
            first += 1
        start, end = doc[first].idx, t.idx + len(t.text)
        named = next((a for a in analysis.actors if a.kind != "person"
                      and any(m.start <= t.idx < m.end for m in a.mentions)), None)
        if named is not None:  # the actors component took the phrase: that actor, not a second one
            named.mentions.append(Mention(sp.start, sp.end, analysis.article.text[sp.start:sp.end],
                                          rule="speaker-description", evidence="coreference", confidence=0.5))
            return named
        name = analysis.article.text[start:end]
        if not name.strip() or "\n" in name or len(name.split()) > 8:
            return None
        actor = _text_actor(analysis, sp, name, "organization", "speaker-description", 0.5)
        if not any(m.start == start for m in actor.mentions):
            actor.mentions.insert(0, Mention(start, end, name, rule="speaker-antecedent", evidence="earlier-mention",
                                             confidence=0.5))
        return actor
    return None


def _acronym(tok: Any) -> bool:
    """A name written as capitals only, three to six letters ("WXYZ", "NFLA"): an abbreviation."""
    return tok.text.isalpha() and tok.text.isupper() and 3 <= len(tok.text) <= 6


def _text_actor(analysis: Analysis, sp: Speaker, name: str, kind: str, rule: str, confidence: float) -> Actor:
    """The article's actor for a speaker named only in the text (one per name), with this mention."""
    aid = _slug(name)
    actor = next((a for a in analysis.actors if a.id == aid), None)
    if actor is None:
        actor = Actor(id=aid, name=name, kind=kind, code=org_sector(name) if kind == "organization" else None)
        analysis.actors.append(actor)
    actor.mentions.append(Mention(sp.start, sp.end, analysis.article.text[sp.start:sp.end], rule=rule,
                                  evidence="speaker", confidence=confidence))
    return actor


def post_author(analysis: Analysis, doc: Any, sp: Speaker) -> Actor | None:
    """The author an embedded post's signature names (``— Name (@handle) date``) when the actors
    component left the name without an actor: every post has one. A body when the parser or a word
    of the name says so ("Riverside Daily News", "Department of State"), else a person."""
    if sp.rule != "post-author":
        return None
    text = analysis.article.text[sp.start:sp.end].strip()
    name = text[4:] if text.lower().startswith("the ") else text
    if not name:
        return None
    span = doc.char_span(sp.start, sp.end, alignment_mode="expand")
    words = list(span) if span is not None else []
    body = org_sector(name) is not None or any(t.lower_ in ORG_WORDS or t.ent_type_ in ("ORG", "NORP", "GPE", "FAC")
                                               for t in words)
    kind = "organization" if body else "person"  # a name is never a body by default
    return _text_actor(analysis, sp, name, kind, "post-author", 0.6)


def _description_label(doc: Any, head: Any) -> str:
    """What a description's actor is called: its title ("the vice president" is no "president"),
    else its head noun."""
    return _title_label(doc, head) or head.lemma_.lower()


def _description_id(label: str) -> str:
    """The id stem of the actor for descriptions with that label (a state's code may follow)."""
    return f"SPEAKER-{_slug(label)}"


def _title_label(doc: Any, head: Any) -> str | None:
    """The whole title a description ends in ("vice president", "prime minister", "foreign
    minister"), longest first, when the words before the head make one."""
    for k in range(head.left_edge.i, head.i):
        words = [t.lower_ for t in doc[k:head.i + 1]]
        if all(t.is_alpha or t.text == "-" for t in doc[k:head.i + 1]) and title_key(" ".join(words)):
            return " ".join(words).replace(" - ", "-")
    return None


def description_actor(analysis: Analysis, doc: Any, sp: Speaker, table: dict[str, Actor]) -> Actor | None:
    """An actor for a description the actors component left unlinked: the state's generic agent
    when it names a sector and a state, else one actor per head noun (and state)."""
    head = doc[sp.head]
    if head.pos_ not in ("NOUN", "PROPN") or head.lower_ in PERSONAL or head.lower_ in lx.RELATIVE_PRONOUNS:
        return None
    if head.pos_ == "PROPN" and not government_head(head):
        return None  # a name the actors component did not take is not ours to invent ("the Trump
        # Administration" is a leader's government, however capitalised)
    words = [t.lower_ for t in doc[head.left_edge.i:head.i + 1] if t.is_alpha and t.i >= head.left_edge.i]
    sector = sector_of(" ".join(words)) or sector_of(head.lower_)
    if sector is None and head.lower_ in ORG_WORDS:  # "the attorney general's office": the office's holder's sector
        sector = sector_of(" ".join(words[:-1]))
    if sector is None and not human_noun(head):
        return None  # "a problem that demands ...", "the ad says": no one to count
    iso3 = _country_in(analysis, sp)
    if sector is None and head.lower_ in SPOKES_NOUNS:  # "her spokesman": the sector of whom they speak for
        codes = [a.code for a in analysis.actors if a.kind == "person" and a.code and a.country and len(a.code) >= 6
                 and any(m.start < head.idx and sp.start <= m.start and m.end <= sp.end for m in a.mentions)]
        sector = codes[0][3:6] if codes else None
    plural = head.tag_ in ("NNS", "NNPS")
    if sector and iso3:
        aid = f"{iso3}{sector}"
        name = None
    else:
        label = _description_label(doc, head)
        aid = _description_id(label) + (f"-{iso3}" if iso3 else "")
        name = f"{label}{f' ({iso3})' if iso3 else ''}"
    actor = table.get(aid) or next((a for a in analysis.actors if a.id == aid), None)
    if actor is None:
        if name is None:
            from ..actors.state import SECTOR_LABELS

            name = f"{iso3} ({SECTOR_LABELS.get(sector or '', (sector or '').lower())})"
            actor = Actor(id=aid, name=name, kind="group", country=iso3, code=aid)
        else:
            kind = "organization" if head.lower_ in ORG_WORDS else "group" if plural else "person"
            actor = Actor(id=aid, name=name, kind=kind, country=iso3,
                          code=f"{iso3 or ''}{sector}" if sector else None)
        analysis.actors.append(actor)
    table[aid] = actor
    actor.mentions.append(Mention(sp.start, sp.end, analysis.article.text[sp.start:sp.end], rule="speaker-description",
                                  evidence="description", confidence=0.5))
    return actor


_SHARE_WORDS = frozenset(re.findall(r"\w+", """percent per_cent majority minority plurality half third thirds quarter
quarters fifth fifths share proportion number most many some several few all none bulk rest dozens hundreds thousands
millions""")) | {"%", "pct", "pct."}  # ("80% of Americans": the sign heads the share)


# plurals of the party designations ("Republicans", "Tories", "Conservatives")
_PARTY_PLURALS = frozenset(w[:-1] + "ies" if w.endswith("y") else w + "s" for w in PARTY_WORDS) | frozenset(
    w + "s" for w in PARTY_WORDS)


def _party_word(tok: Any) -> bool:
    """A plural of a party designation ("Republicans", "Tories", "Conservatives")."""
    return tok.lower_ in _PARTY_PLURALS


def partitive_group(head: Any) -> Any:
    """The group a share of it speaks for: ``59 percent of Americans``, ``a majority of voters``,
    ``half of the senators`` -> the noun after *of* (a plural); any other head is itself."""
    if not (head.lower_ in _SHARE_WORDS or head.tag_ == "CD"):
        return head
    for prep in head.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if obj is not None and obj.tag_ in ("NNS", "NNPS"):
                return obj
    return head


def state_group(analysis: Analysis, doc: Any, sp: Speaker, actor: Actor, table: dict[str, Actor]) -> Actor | None:
    """``Russian senators``, ``Iranian state television``: a group noun tied to a state is the
    state's generic agent, not the state; a plural of its demonym (``Americans said``, ``62 percent
    of Americans say``) is its people."""
    head = partitive_group(doc[sp.head])
    if actor.kind != "country" or not actor.country:
        return None
    own = analysis.actor_at(head.idx, head.idx + len(head.text)) is actor
    share = head.i != sp.head  # "half of the Russians": some of its people, never its side in talks
    if partisan(head) == "many" and own and (share or doc[head.left_edge.i].lower_ != "the"):
        sector = "CVL"  # "Americans said", "many Iranians say": the state's people, a group ("the
        # Russians said" is, as often as not, the state's side in talks, and stays the state)
    elif not own and head.tag_ in ("NNPS", "NNS") and head.text[:1].isupper() and _party_word(head):
        sector = "PTY"  # "Top U.S. Republicans said": members of a party of that state, not the state
    elif head.pos_ != "NOUN" or (own and head.ent_type_ in ("GPE", "NORP")):
        return None
    else:
        sector = sector_of(" ".join(t.lower_ for t in doc[head.left_edge.i:head.i + 1] if t.is_alpha))
    if sector is None:
        return None
    aid = f"{actor.country}{sector}"
    found = table.get(aid) or next((a for a in analysis.actors if a.id == aid), None)
    if found is None:
        from ..actors.state import SECTOR_LABELS

        found = Actor(id=aid, name=f"{actor.name} ({SECTOR_LABELS.get(sector, sector.lower())})", kind="group",
                      country=actor.country, code=aid)
        analysis.actors.append(found)
    table[aid] = found
    return found


# ---------------------------------------------------------------------------------------------
# the kind of source
# ---------------------------------------------------------------------------------------------


def _is_state_group(actor: Actor) -> bool:
    return actor.kind == "group" and bool(actor.members) and all(re.fullmatch(r"[A-Z]{3}", m) for m in actor.members)


def speaker_kind(doc: Any, sp: Speaker | None, actor: Actor | None, anonymous: bool) -> str | None:
    """person | organisation | state | generic | anonymous (None without a speaker)."""
    if anonymous:
        return "anonymous"
    if actor is None:
        if sp is None:
            return None
        head = doc[sp.head]
        if head.lower_ in lx.PRONOUNS_PERSON or head.lower_ == "i":
            return "person"
        return "generic" if head.pos_ == "NOUN" or partisan(head) == "many" else None
    if actor.kind == "person":
        return "person"
    if actor.kind in ("organization", "bloc"):
        return "organisation"
    if actor.kind == "country" or _is_state_group(actor):
        return "state"
    if actor.id.endswith("-MEMBERS"):
        return "state"
    return "generic"


# ---------------------------------------------------------------------------------------------
# the stage
# ---------------------------------------------------------------------------------------------


@dataclass(slots=True)
class Resolved:
    """The source of one attribution."""

    start: int  # where the speaker mention starts
    actor: Actor | None
    mention: Span | None
    how: str  # what the rule name gets: "" or "+previous-speaker", "+recent-person" ...
    kind: str | None
    description: str | None
    head: Any = None  # the mention's head token


def resolve(analysis: Analysis, found: Found) -> dict[int, Resolved]:
    """The source of every attribution that names a speaker (``id(attribution)`` -> :class:`Resolved`);
    floating quotes take their source's later, in the build."""
    text, doc = analysis.article.text, analysis.doc
    # a clip's caption ("Media caption X: ...") is an aside: who speaks in it is no antecedent of
    # the text around it
    asides = [(a.speaker.start, a.speaker.end) for a in found.attributions
              if a.speaker is not None and a.speaker.rule == "caption-name"]
    discourse = Discourse(analysis, [(a.start, a.end) for a in found.attributions] + asides)
    table: dict[str, Actor] = {}
    intros = indefinite_heads(doc)
    descriptions: dict[str, Actor] = {}  # head lemma -> the actor of the last description with that head
    out: dict[int, Resolved] = {}
    done: list[Resolved] = []
    quoted = Ranges(merge((q.open, q.close if q.close is not None else q.end) for q in found.quotes))
    for a in found.attributions:
        sp = a.speaker
        if sp is None or (a.inherits is not None):
            continue
        if writer_speaks(doc, sp, quoted):
            # "I have argued that ...", "as I wrote": the writer (named only in the byline), never
            # the person quoted before; the report is kept without a source
            r = Resolved(sp.start, None, Span.of(text, sp.start, sp.end), "+writer", None, None, doc[sp.head])
            out[id(a)] = r
            continue
        r = _one(analysis, doc, text, a, sp, discourse, table, descriptions, done, intros)
        out[id(a)] = r
        done.append(r)
        if r.actor is not None and r.mention is not None and doc[sp.head].lower_ not in PERSONAL \
                and sp.rule != "caption-name":
            discourse.add(r.mention.start, r.mention.end, r.actor)
    return out


def writer_speaks(doc: Any, sp: Speaker, quoted: Ranges) -> bool:
    """Is the speaker the writer: "I" in the writer's own text, outside any quotation?"""
    head = doc[sp.head]
    return head.lower_ in ("i", "me") and head.pos_ == "PRON" and quoted.find(head.idx) is None


def _one(analysis: Analysis, doc: Any, text: str, a: Attribution, sp: Speaker, discourse: Discourse,
         table: dict[str, Actor], descriptions: dict[str, Actor], done: list[Resolved],
         intros: dict[str, list[int]] | None = None) -> Resolved:
    mention = Span.of(text, sp.start, sp.end)
    head = doc[sp.head]
    how = ""
    actor = actor_for(analysis, doc, sp)
    anonymous = is_anonymous(doc, sp)
    if head.lower_ in lx.PRONOUNS_PERSON and head.pos_ == "PRON":
        recent = recent_person(analysis, doc, sp, discourse)
        if recent is not None and recent is not actor:
            actor, how = recent, "+recent-person"
    same = same_person(analysis, doc, sp, actor)
    if same is not None:
        actor, how = same, "+same-person"
    if actor is not None and head.pos_ == "PROPN" and (person_named_like(actor) or (
            described_as_person(head) and _plain_name(actor))):
        actor.kind = "person"  # the text speaks of it as a person: it says, he or she says
    if actor is not None:
        group = state_group(analysis, doc, sp, actor, table)
        if group is not None:
            actor, how = group, "+state-group"
    intro = introduced_since(analysis, doc, sp, actor, intros)
    if intro is not None:  # "A White House official ... said the official": that official, not a named one
        actor = description_actor(analysis, doc, intro, table)
        if actor is not None:
            how = "+same-description"
            anonymous = anonymous or is_anonymous(doc, intro)
    if actor is None and head.pos_ == "NOUN" and doc[head.left_edge.i].lower_ in ("the", "this", "that"):
        earlier = descriptions.get(head.lemma_.lower())  # "a White House official" ... "the official"
        if earlier is not None:
            actor, how = earlier, "+same-description"
            anonymous = anonymous or any(r.actor is earlier and r.kind == "anonymous" for r in done)
    if actor is None and needs_antecedent(text, doc, sp):
        back = walk_back(analysis, doc, sp, sp.start, done)
        if back is not None:
            actor, how = back[0], f"+{back[1]}"
    if actor is None:
        actor = post_author(analysis, doc, sp)
        if actor is not None:
            how = "+named-author"
    if actor is None:
        actor = named_speaker(analysis, doc, sp)
        if actor is not None:
            how = "+named-person" if actor.kind == "person" else "+named-body"
    if actor is None:
        actor = named_body_before(analysis, doc, sp)
        if actor is not None:
            how = "+named-body-before"
    if actor is None:
        actor = description_actor(analysis, doc, sp, table)
        if actor is not None:
            how = "+description"
    if actor is not None and head.pos_ == "NOUN":
        descriptions[head.lemma_.lower()] = actor
    kind = speaker_kind(doc, sp, actor, anonymous)
    description = description_of(text, doc, sp) if kind in ("anonymous", "generic") and (
        head.pos_ == "NOUN" or partisan(head) or partitive_group(head).i != head.i or _party_word(head)) else None
    return Resolved(sp.start, actor, mention, how, kind, description, head)


__all__ = [
    "PERSONAL",
    "SPEAKER_KINDS",
    "Discourse",
    "Resolved",
    "actor_for",
    "compatible",
    "description_actor",
    "description_of",
    "epithet",
    "human_noun",
    "is_anonymous",
    "needs_antecedent",
    "partisan",
    "partitive_group",
    "person_named_like",
    "post_author",
    "recent_person",
    "resolve",
    "same_person",
    "sector_of",
    "speaker_kind",
    "state_group",
    "walk_back",
]
