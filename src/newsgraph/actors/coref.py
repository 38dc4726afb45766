"""Coreference: pairs and groups, organisations named by a common noun, role descriptions, pronouns."""

from __future__ import annotations

import re
from typing import Any

from ..errors import NewsgraphError
from ..model import Actor
from . import evidence, roles
from . import lexicon as lx
from .state import State, iso, kb_gender, name_gender, title_matches


def try_pair(st: State, i: int) -> int | None:
    """"the two presidents", "both countries", "the two sides": the last two such actors named."""
    if st.lower[i] not in {"the", "both"} or i + 1 >= len(st.doc):
        return None
    k = i + 1 if st.lower[i] == "both" else i + 2
    if st.lower[i] == "the" and (k > len(st.doc) or st.lower[i + 1] != "two"):
        return None
    if k >= len(st.doc):
        return None
    noun = st.lower[k]
    if noun in {"presidents", "leaders", "ministers", "premiers", "men", "women", "heads"}:
        kinds = {"person"}
    elif noun in {"countries", "states", "nations", "sides", "governments", "neighbours", "neighbors"}:
        kinds = {"country"}
    else:
        return None
    seen: list[Actor] = []
    for r in reversed(st.refs):
        if r.start >= i:
            continue
        a = st.table.get(r.actor)
        if a is not None and a.kind in kinds and a not in seen:
            seen.append(a)
        if len(seen) == 2 or st.sent_of.get(i, 0) - r.sent > 3:
            break
    if len(seen) < 2:
        return None
    st.add(i, k + 1, st.table.pair(seen[1], seen[0]), "pair", None, 0.7)
    return k + 1


def try_group(st: State, i: int) -> int | None:
    """Groups of states acting together: "the leaders", "members of the CSTO", "CSTO member states"."""
    hit_at = st.hit_at
    if st.lower[i] not in lx.GROUP_FIRST_WORDS or i in st.claimed:
        return None
    tok = st.doc[i]
    # the head noun of a plural group phrase
    head = None
    for length in (2, 1):
        if i + length > len(st.doc):  # the text ends here: no two-word head
            continue
        words = " ".join(t.lower_ for t in st.doc[i:i + length])
        if words in lx.GROUP_NOUNS and st.doc[i + length - 1].tag_ in {"NNS", "NNPS", "NN"}:
            head = (i, i + length)
            break
    if head is None:
        return None
    start = st.chunk_start(i)
    if start < i and st.doc[start].lower_ not in {"the", "its", "their"} and not any(
            h for h in st.hits_in(start, i)):
        start = i
    end = head[1]
    # "heads of state", "leaders of the states", "members of the X"
    org: Actor | None = None
    _, org_mod, _ = st.modifiers(start, i, hit_at)
    org = org_mod
    k = end
    if k < len(st.doc) and st.doc[k].lower_ == "of":
        m = k + 1
        while m < len(st.doc) and (st.doc[m].lower_ in {"the"} or st.doc[m].dep_ in {"amod", "compound", "npadvmod"}
                                     or st.doc[m].text == "-") and m - k < 8:
            r = st.ref_at(m)
            if r is not None and st.table.get(r.actor) and st.table.get(r.actor).kind == "organization":
                break
            m += 1
        r = st.ref_at(m)
        if r is not None and st.table.get(r.actor) and st.table.get(r.actor).kind == "organization":
            org = st.table.get(r.actor)
        elif m < len(st.doc) and st.doc[m].lower_ in {"state", "government", "states"}:
            end = m + 1
    if org is None and tok.lower_ in {"ministers", "presidents", "premiers", "states"} and start == i:
        return None
    if org is not None:
        group = st.table.members_group(org)
        st.add(start, end, group, "group-of-org", over_modifiers=True)
        return end
    if st.doc[start].lower_ not in {"the"}:
        return None
    # a bare definite group: the group spoken of before, else the members of the salient organisation
    for r in reversed(st.refs):
        if r.start < start and r.actor.endswith("-MEMBERS"):
            st.add(start, end, st.table.get(r.actor), "group-coref", r)
            return end
    org_ref = st.salient(lambda a: a.kind == "organization" and a.kb_id is not None, start)
    if org_ref is not None:
        group = st.table.members_group(st.table.get(org_ref.actor))
        st.add(start, end, group, "group-salient-org", org_ref, 0.7)
        return end
    return None


def try_org_generic(st: State, i: int) -> int | None:
    """An organisation referred to by a common noun: "the alliance", "the Russia-led bloc",
    "the Eurasian security and economic bloc". Modifiers that name a state ("Russia-led") keep
    the reference to organisations that state belongs to, when the KB knows the membership."""
    if st.lower[i] != "the" or i + 1 >= len(st.doc):
        return None
    if not any(w in lx.ORG_GENERICS for w in st.lower[i + 1:i + 9]):
        return None
    k = i + 1
    while k < len(st.doc) and k - i <= 7 and st.doc[k].lower_ not in lx.ORG_GENERICS and (
            st.doc[k].pos_ in {"ADJ", "NOUN", "PROPN", "CCONJ", "NUM", "VERB", "ADV"} or st.doc[k].text == "-"):
        k += 1
    if k >= len(st.doc):
        return None
    nxt = st.doc[k]
    if nxt.lower_ not in lx.ORG_GENERICS or nxt.i in st.claimed or nxt.tag_ not in {"NN", "NNP"}:
        return None
    if not nxt.text.islower():
        return None  # "the Atlantic Alliance", "the Alliance Party": capitalised, a name
    if k + 1 < len(st.doc) and st.doc[k + 1].pos_ in {"PROPN"}:
        return None
    generic = lx.ORG_GENERICS[nxt.lower_]
    member = next((st.ref_at(x).actor for x in range(i + 1, k)
                   if st.ref_at(x) is not None and st.ref_at(x).kind == "country"), None)

    def compatible(a: Actor) -> bool:
        if a.kind not in {"organization", "bloc"}:
            return False
        if member is not None and a.kb_id and st.on:
            try:
                if member not in {m.member for m in st.kb.members(a.kb_id, st.on)}:
                    return False
            except NewsgraphError:
                return False
        if generic in {"bloc", "group", "body"}:
            return True
        if generic == "company":  # "the company", "the firm": a business, whatever its name
            last = a.name.replace(".", " ").replace(",", " ").split()[-1:]
            return (a.code or "").endswith("BUS") or bool(last and last[0].lower() in lx.CORPORATE_SUFFIXES)
        names = [a.name]
        ent = st.kb.entity(a.kb_id) if (st.kb is not None and a.kb_id) else None
        if ent is not None:
            names += list(getattr(ent, "aliases", []) or [])
        low = [n.lower().replace("organisation", "organization") for n in names]
        if generic == "alliance":  # military alliances: treaty, pact and security organisations
            return any(w in n for n in low for w in ("alliance", "treaty", "pact", "security", "defence", "defense"))
        return any(generic in n for n in low)

    # the nearest compatible organisation in the same sentence; else the one this generic noun
    # already named in the article ("the organisation" keeps its referent); else the most salient
    ref = st.same_sentence(compatible, i)
    rule = "org-generic-sentence"
    if ref is None:
        ref = next((r for r in reversed(st.refs) if r.start < i and r.rule.startswith("org-generic")
                    and st.doc[r.end - 1].lower_ == nxt.lower_ and compatible(st.table.get(r.actor))), None)
        rule = "org-generic-chain"
    if ref is None:
        ref = st.salient(compatible, i)
        rule = "org-generic-salience"
    if ref is None:
        return None
    st.add(i, k + 1, st.table.get(ref.actor), rule, ref, 0.8, over_modifiers=True)
    return k + 1


FORMER = frozenset({"former", "ex", "onetime", "erstwhile", "one-time"})


def held_before(st: State, a: Actor, title: str, office: str) -> bool:
    """Did the KB person hold the title before the article's date, and not on it?"""
    if any(title_matches(r.title, title, office) for r in a.roles):
        return False  # holds it on the date: the sitting one, not a former one
    try:
        past = st.kb.roles(a.kb_id)
    except NewsgraphError:
        return False
    return any(title_matches(r.title, title, office) and (iso(r.end) or "9999") <= st.on for r in past)


def introduced_since(st: State, head: Any, start: int, end: int) -> bool:
    """Is someone of the description's noun introduced without a name between tokens ``start`` and
    ``end`` ("a senior administration official", "another official")? A definite description
    after it ("the official") refers to them, not to a person named before."""
    lemma = head.lemma_.lower()
    return any(t.lemma_.lower() == lemma and t.pos_ == "NOUN" and t.dep_ != "appos" and any(
        c.dep_ == "det" and c.lower_ in {"a", "an", "another", "one"} for c in t.children)
        for t in st.doc[start:end])  # ("X, a Swedish diplomat,": an apposition describes a named one)


def described_as(st: State, actor_id: str, head: Any) -> bool:
    """Has the article called the actor by the description's noun ("the official" after "Jane Roe,
    a State Department official"), in one of its mentions, a role of theirs or an apposition?"""
    lemma = head.lemma_.lower()
    word = re.compile(rf"\b{re.escape(lemma)}", re.I)
    spans = [(s, e) for s, e, aid, *_ in st.mentions if aid == actor_id]
    if any(word.search(st.text[s:e]) for s, e in spans):
        return True
    a = st.table.get(actor_id)
    if a is not None and any(word.search(r.title or "") for r in a.roles):
        return True
    return any(t.dep_ == "appos" and t.lemma_.lower() == lemma and any(s <= t.head.idx < e for s, e in spans)
               for t in st.doc)  # "Jane Roe, a State Department official,"


def try_role_description(st: State, i: int) -> int | None:
    """A definite description of a person: "the longtime Kremlin ally", "the Russian leader"."""
    hit_at = st.hit_at
    if st.lower[i] not in {"the", "his", "her", "their"} or \
            not any(w in lx.ROLE_NOUNS for w in st.lower[i + 1:i + 7]):
        return None
    j = i + 1
    while j < len(st.doc) and j - i < 6 and st.doc[j].dep_ in {"amod", "compound", "nmod", "advmod"} and \
            st.doc[j].pos_ in {"ADJ", "PROPN", "NOUN", "ADV"}:
        j += 1
    if j >= len(st.doc):
        return None
    head = st.doc[j]
    if head.lower_ not in lx.ROLE_NOUNS or head.tag_ not in {"NN", "NNP"} or head.i in st.claimed:
        return None
    if j + 1 < len(st.doc) and st.doc[j + 1].lower_ == "of":
        return None  # "the leader of X": a title phrase
    nxt = st.ref_at(st.skip_ranks(j + 1)) if j + 1 < len(st.doc) else None
    if nxt is not None and nxt.kind == "person" and nxt.start == st.skip_ranks(j + 1):
        return None  # "his spokesman Serhiy Nykyforov": a title before a name
    iso3, _org, used = st.modifiers(i + 1, j, hit_at)
    # "the longtime Kremlin ally": a name as noun modifier is the other side of the relation;
    # "his Tajik counterpart": a demonym adjective is the person's own nationality
    by_adjective = any(st.is_adjective_form(s_, e_) for s_, e_ in used)
    relational = head.lower_ in lx.RELATIONAL_ROLE_NOUNS and not by_adjective

    office = lx.title_key(head.lower_)
    titled = office is not None and office not in {"leader"} and head.lower_ not in {"ruler", "strongman"}
    former = any(st.lower[k] in FORMER for k in range(i + 1, j))
    # "the opposition leader", "the rebel commander": a sector word makes another role than the state's
    in_names = {k for s_, e_ in used for k in range(s_, e_)}
    sector = lx.sector_of(" ".join(st.lower[k] for k in range(i + 1, j + 1) if k not in in_names and st.doc[k].is_alpha))
    other_role = sector is not None and sector[:3] != "GOV"

    def ok(a: Actor) -> bool:
        if a.kind != "person":
            return False
        if other_role and a.kb_id and evidence.in_office(st, a.kb_id) and (a.code or "").endswith("GOV"):
            return False  # "the opposition leader" is no head of state or minister named before
        if titled and former and a.kb_id and st.on:
            return held_before(st, a, head.text, office or "")  # "the former president": not the sitting one
        if titled and not any(title_matches(r.title, head.text, office or "") or portfolio_of(r.title, head.text)
                              for r in a.roles):
            return False  # "the former president" is somebody who was a president
        if relational:
            return iso3 is None or a.country != iso3
        if head.lower_ in lx.STAFF_NOUNS and a.kb_id and st.kb is not None and evidence.ever_headed(st, a.kb_id):
            return False  # "the White House official": staff, not the head of state they serve
        if head.lower_ in lx.STAFF_NOUNS and (a.code or "").endswith("LEG"):
            return False  # "the administration official" after "Sen. X": a lawmaker is no official or aide
        return iso3 is None or a.country == iso3

    ref = st.recent_person(ok, i, prefer_subject=True)
    if ref is not None and introduced_since(st, head, ref.end, i):
        return None  # "A senior official said ... The official added": the one introduced since, unnamed
    if ref is not None and introduced_since(st, head, 0, ref.start) and not described_as(st, ref.actor, head):
        return None  # "A senior diplomat said ... The envoy, X, met ... the diplomat said": the unnamed
        # diplomat of before, not X, whom the article never called a diplomat
    if ref is not None:
        st.add(i, j + 1, st.table.get(ref.actor), "role-description", ref, 0.8)
        return j + 1
    if not relational and not other_role and iso3 is not None and \
            head.lower_ in {"leader", "president", "premier", "ruler", "strongman"}:
        person, ante, _ = roles.holder(st, lx.title_key(head.lower_) or "leader", lx.display_title(head.text), iso3)
        if person is not None:
            st.add(i, j + 1, person, "role-description-kb", ante, 0.8)
            return j + 1
    if head.lower_ == "counterpart" and iso3 is not None and st.doc[i].lower_ in {"his", "her"}:
        # "his Tajik counterpart": the holder of the possessor's office in that state
        owner = st.recent_person(lambda a: a.country != iso3, i)
        owner_actor = st.table.get(owner.actor) if owner is not None else None
        for role in (owner_actor.roles if owner_actor is not None else []):
            person, _, _ = roles.holder(st, lx.title_key(role.title) or "", role.title, iso3)
            if person is not None:
                st.add(i, j + 1, person, "counterpart-kb", owner, 0.7)
                return j + 1
    return None


def portfolio_of(role_title: str, word: str) -> bool:
    """Is ``word`` the bare head of a portfolio title ("the minister" after "Foreign Minister X",
    "the secretary" after "Interior Secretary X")? Not of the head of government's title, which
    the news repeats in full ("the prime minister"), nor of a deputy's or a former holder's."""
    words = role_title.lower().replace("-", " ").split()
    return len(words) >= 2 and words[-1] == word.lower() and lx.title_key(role_title) != "prime_minister" \
        and not any(w in lx.NOT_THE_HOLDER for w in words)


def try_pronoun(st: State, i: int) -> int | None:
    gender = lx.PERSON_PRONOUNS.get(st.lower[i])
    if gender is None or (st.pos[i] != "PRON" and st.tags[i] not in {"PRP", "PRP$"}):
        return None
    if i in st.in_quote:
        return None  # "he" inside a quotation refers within the quoted speech

    bound = clause_subject_actors(st, st.doc[i])

    def ok(a: Actor) -> bool:
        # the KB's record; a description ("a spokeswoman"); the given name's; an honorific ("Mrs.",
        # weaker than the name: "Mrs. Ronald Roe" is his wife); the text's earlier "she"
        g = kb_gender(st.kb, a) or st.described_gender(a.id, honorifics=False) or name_gender(a) or \
            st.described_gender(a.id) or st.text_gender.get(a.id)
        return (g is None or g == gender) and a.id not in bound

    ref = st.recent_person(ok, i, prefer_subject=True)
    if ref is None:
        return None
    st.add(i, i + 1, st.table.get(ref.actor), "pronoun", ref, 0.8)
    if gender in ("m", "f"):
        st.text_gender.setdefault(ref.actor, gender)
    return i + 1


def clause_subject_actors(st: State, tok: Any) -> set[str]:
    """Who an object pronoun cannot be: the subject of its own clause ("X called Y and urged
    *him*": not X, who would be "himself"). The subject of a conjoined verb is the first verb's."""
    if tok.tag_ != "PRP" or tok.lower_ not in {"him", "her", "them"}:
        return set()
    if tok.dep_ in {"dobj", "dative", "iobj"}:
        verb = tok.head
    elif tok.dep_ == "pobj" and tok.head.dep_ == "prep" and tok.head.head.pos_ == "VERB":
        verb = tok.head.head
    else:
        return set()
    subjects = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}]
    while not subjects and verb.dep_ == "conj" and verb.head.i != verb.i:
        verb = verb.head
        subjects = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}]
    out: set[str] = set()
    for s_ in subjects:
        r = st.ref_at(s_.i)
        if r is not None:
            out.add(r.actor)
    return out


def try_collective_pronoun(st: State, i: int) -> int | None:
    """"it/its" for a state or organisation, "they/their/them" for a group of states or an
    organisation. In a clause reported by a speech verb ("NATO said it would ..."), the pronoun
    is the reporter; otherwise the most prominent compatible actor of this or the previous
    sentence. Expletive "it" ("it is clear that") names nobody."""
    word = st.lower[i]
    if word not in {"it", "its", "they", "their", "them"} or i in st.in_quote:
        return None
    if st.pos[i] != "PRON" and st.tags[i] not in {"PRP", "PRP$"}:
        return None
    tok = st.doc[i]
    plural = word in {"they", "their", "them"}
    if word == "it" and (tok.dep_ not in {"nsubj", "nsubjpass"} or (tok.head.lemma_ == "be" and any(
            c.dep_ in {"acomp", "attr", "ccomp", "xcomp"} for c in tok.head.children)) or (
            tok.head.pos_ == "ADJ" and any(c.dep_ in {"ccomp", "xcomp"} for c in tok.head.children))):
        return None  # expletive "it is clear", "made it easier to deport", or an object "it" (a
        # decision, a plan), names no state

    def ok(a: Actor | None) -> bool:
        if a is None:
            return False
        if plural:
            return a.kind in {"group", "organization"}
        return a.kind in {"country", "organization", "bloc"} or (a.kind == "group" and not a.members)

    # reported clause: "X said it would ...", "X warned that they ..."
    head = tok.head
    while head.dep_ in {"aux", "auxpass", "conj", "xcomp"} and head.head.i != head.i:
        head = head.head
    if head.dep_ in {"ccomp", "advcl"} and head.head.lemma_ in lx.REPORTING_VERBS:
        subj = next((c for c in head.head.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        # (the reporter named before the pronoun: in "They expect X, the paper reported" the frame
        # comes after the clause, and "they" are whoever the text spoke of before)
        r = st.ref_at(subj.i) if subj is not None and subj.i < i else None
        if r is not None and ok(st.table.get(r.actor)):
            st.add(i, i + 1, st.table.get(r.actor), "pronoun-reporter", r, 0.8)
            return i + 1
    sent = st.sent_of.get(i, 0)
    cands = [r for r in st.refs if r.start < i and r.sent >= sent - 1 and not r.in_quote
             and ok(st.table.get(r.actor))]
    if not cands:
        return None
    best = max(cands, key=lambda r: (r.sent, r.weight, r.start))
    st.add(i, i + 1, st.table.get(best.actor), "pronoun-collective", best, 0.6)
    return i + 1
