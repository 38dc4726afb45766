"""Candidate generation and the evidence a link to a knowledge-base person needs.

A KB person is linked from a full name or a recorded alias (``full``/``alias``), from a surname or
partial name only when the article has introduced that person in full before (``earlier-mention``),
or from a title and country that match the office the KB holds on the article's date
(``role-on-date``, in :mod:`.roles`); references through the discourse are ``coreference``.
"""

from __future__ import annotations

import bisect
import calendar
import re
from collections.abc import Iterable
from typing import Any

from ..errors import NewsgraphError
from ..kb.names import PARTICLES, ROMAN, same_word, sound_key
from ..kb.store import common_words
from ..kb.text import fold
from ..model import Actor
from . import lexicon as lx
from .matcher import Hit
from .state import (
    SENTENCE_STARTERS,
    SUFFIXES,
    State,
    clean_person_name,
    gender_of,
    given_name_key,
    iso,
    kb_gender,
    name_core,
    norm,
    same_full_name,
    suffix_of,
    title_matches,
)

# the kind of evidence behind each linking rule (a "+title" suffix keeps its rule's evidence)
EVIDENCE = {
    "kb-name": "full", "kb-full_name": "full", "kb-alias": "alias", "kb-acronym": "alias",
    "kb-adjective": "alias", "kb-demonym": "alias", "kb-variant": "alias", "title-country": "alias", "kb-region": "alias",
    "surname": "earlier-mention", "given-name": "earlier-mention", "same-name": "earlier-mention", "kb-surname-title": "role-on-date", "kb-surname-title-past": "role-on-date", "kb-surname-office": "role-on-date", "kb-surname-former": "role-on-date", "kb-surname-prominent": "role-on-date", "kb-given-prominent": "role-on-date",
    "title-kb": "role-on-date", "role-description-kb": "role-on-date", "counterpart-kb": "role-on-date",
    "seat-metonym": "metonymy",
    "ner-person": "text", "ner-org": "text", "speaker-label": "text", "name-only": "text", "honorific-name": "text",
    "full-name-in-text": "text", "surname-of-full-name": "text", "title-unnamed": "text", "family-rank": "text", "split-name": "full",
    "agent": "agent", "agent-located": "agent", "kb-agency": "alias", "party-name": "alias", "acronym-defined": "alias", "agent-possessed": "agent", "agent-generic": "agent",
}


def evidence_of(rule: str) -> str:
    """The evidence kind of a mention's rule; references through the discourse are coreference."""
    return EVIDENCE.get(rule.split("+")[0], "coreference")


def person_from_kb(st: State, h: Hit) -> Actor | None:
    ids = [e.kb_id for e in h.entries if e.kind == "person" and e.attr != "surname"]
    if not ids:
        return None
    if len(set(ids)) > 1:
        ranked = rank_people(st, set(ids))
        return st.table.from_kb(ranked[0]) if ranked else None
    return st.table.from_kb(ids[0])


def rank_people(st: State, ids: Iterable[str]) -> list[str]:
    """People holding an office on the article's date first, then the most recently active."""
    scored = []
    for pid in ids:
        try:
            roles = st.kb.roles(pid, st.on) if st.on else []
        except NewsgraphError:
            roles = []
        latest = ""
        try:
            for r in st.kb.roles(pid):
                s = iso(r.start) or ""
                if (not st.on or s <= st.on) and s > latest:
                    latest = s
        except NewsgraphError:
            pass
        scored.append((1 if roles else 0, latest, pid))
    scored.sort(reverse=True)
    return [pid for _, _, pid in scored]


def by_short_given_name(name: str, ent: Any) -> bool:
    """Does ``name`` fit the entity's names only through the short form of the given name ("Bob"
    for "Robert"), not as written up to initials and suffixes?"""
    core = name_core(name)
    return all(name_core(f) != core for f in (ent.name, *(getattr(ent, "aliases", None) or [])))


def kb_person_by_name(st: State, name: str) -> Actor | None:
    if st.kb is None:
        return None
    try:
        found = st.kb.find_people(name, st.on)
    except NewsgraphError:
        found = []
    exact = [p for p in found if norm(p.name) == norm(name) or any(norm(a) == norm(name) for a in p.aliases)]
    full = exact or [p for p in found if same_full_name(name, p)] or [
        p for p in found if drops_middle(name, p.name)]  # "William Hague" for a "William Jefferson Hague"
    if not found and len(name.split()) >= 2:
        # another romanisation of every word ("Hassan Rouhani" for a "Hasan Ruhani" also written
        # "Hasan Rohani"; the KB's name index knows the last word as a name of theirs), of someone
        # whose state the article names
        try:
            bearers = st.kb.find_people(name.split()[-1], st.on)
        except NewsgraphError:
            bearers = []
        full = [p for p in bearers if (romanised(name, p) or romanised(name, p, loose_surname=True))
                and state_named(st, p)]
        if not bearers and hasattr(st.kb, "people_sounding"):
            # the surname spelt from Arabic or Persian another way ("Muammar Gaddafi" for a
            # "Muammar al Qaddafi"): the given names the same, the state named, one person only
            full = [p for p in st.kb.people_sounding(name.split()[-1])
                    if romanised(name, p, loose_surname=True) and state_named(st, p)]
        if not full:
            # a leader the sources record by surname alone ("Morsi"): the full name is theirs
            # while they hold office, in a story that names their state
            last = norm(name).split()[-1]
            full = [p for p in bearers if [w for w in norm(p.name).split() if w not in PARTICLES] == [last]
                    and in_office(st, p.id) and state_named(st, p)]
    if len(full) > 1 and not exact:  # several people fit only up to initials: the one in office, if one is
        full = [p for p in full if in_office(st, p.id)]
    if len(full) != 1 and not exact:
        return None
    if full and not exact and drops_middle(name, full[0].name) and not (in_office(st, full[0].id)
                                                                       or state_named(st, full[0])):
        # a name that fits a KB person only up to a middle initial ("Thomas Jefferson" for a
        # "Thomas C. Jefferson" of another state) is theirs only when the article ties them to it
        return None
    if full and not exact and by_short_given_name(name, full[0]) and not in_office(st, full[0].id) \
            and other_states_named(st, full[0]):
        # so is a name that fits only through the short form of the given name ("Bob Roe" for a
        # "Robert Roe" of another state): a common name shared by many people the KB does not know
        return None
    return st.table.from_kb(full[0].id) if full else None


def romanised(written: str, ent: Any, *, loose_surname: bool = False) -> bool:
    """Is the written name (two words or more) one of the entity's names with each word romanised
    another way (:func:`same_word`)? ``loose_surname``: the last word may also be the same surname
    by :func:`sound_key`, and particles ("al", "bin") on either side are left out."""
    def words(text: str) -> list[str]:
        ws = norm(text).split()
        return [x for x in ws if x not in PARTICLES] if loose_surname else ws

    w = words(written)
    return len(w) >= 2 and any(
        len(k) == len(w) and all(same_word(a, b) for a, b in zip(w[:-1], k[:-1], strict=True))
        and (same_word(w[-1], k[-1]) or (loose_surname and len(sound_key(w[-1])) >= 4
                                         and sound_key(w[-1]) == sound_key(k[-1])))
        for k in (words(f) for f in [ent.name, *(getattr(ent, "aliases", None) or [])]))


def drops_middle(written: str, kb_name: str) -> bool:
    """Is the written name the KB's with its middle names or initials left out ("Thomas Jefferson"
    for "Thomas C. Jefferson"), first and last name unchanged?"""
    w, k = norm(written).split(), norm(kb_name).split()
    return len(k) > len(w) >= 2 and w[0] == k[0] and w[-1] == k[-1]


def state_named(st: State, person: Any) -> bool:
    """Does the article name the person's state (its name, adjective or demonym)?"""
    country = getattr(person, "country", None)
    return bool(country) and country in states_named(st)


def states_named(st: State, *, by_seat: bool = True) -> set[str]:
    """The states the article names: by name, adjective or demonym, and (``by_seat``) by capital or
    seat of power ("the White House" names the United States)."""
    return {e.kb_id for h in st.hits for e in h.entries
            if e.kind == "country" and (by_seat or e.attr not in {"capital", "seat"})}


def other_states_named(st: State, person: Any) -> bool:
    """Does the article name states (by name, adjective or demonym: a capital is as often only a
    place, "a Berlin conference"), none of them the person's?"""
    named = states_named(st, by_seat=False)
    return bool(named) and getattr(person, "country", None) not in named


def surname_index(st: State) -> dict[str, str]:
    """Normalised surnames (last one or two name words) of the people named so far -> actor id
    (the first named; :func:`surname_bearers` has them all)."""
    _surnames(st)
    return st.surname_first


def surname_bearers(st: State, key: str) -> list[str]:
    """The people named so far whose surname (normalised) is ``key``, in the order first named."""
    return _surnames(st).get(key, [])


def _surnames(st: State) -> dict[str, list[str]]:
    # the index is a function of the people (in the order first named, with name and KB link) and
    # of the names as the article spells them: rebuilt only when one of these changes
    people = [a for a in st.table.actors.values() if a.kind == "person"]
    written: dict[str, list[str]] = {}  # a KB person's name as the article spells it ("Gaddafi"
    for s, e, aid, rule, *_ in st.mentions:  # for a "Qaddafi"), so the surname alone refers back
        if rule.startswith("kb-name") and " " in st.text[s:e]:
            written.setdefault(aid, []).append(re.sub(r"['’]s$", "", st.text[s:e]))
    key = ([(a.id, a.name, a.kb_id) for a in people], written)
    if key != st.surnames_for:
        index: dict[str, list[str]] = {}
        for a in people:
            forms = [a.name, *written.get(a.id, [])]
            ent = st.kb.entity(a.kb_id) if (st.kb is not None and a.kb_id) else None
            if ent is not None:
                forms += list(getattr(ent, "aliases", None) or [])
            for f in forms:
                # as written ("eugene o neill": "O'Neill" later) and without initials and suffixes
                # ("Robert S. Mueller III" -> "robert mueller": "Mueller" later)
                for parts in (norm(f).split(), name_core(f).split()):
                    if len(parts) >= 2 and parts[-1] not in SUFFIXES:
                        for k in (parts[-1], " ".join(parts[-2:])):
                            if a.id not in index.setdefault(k, []):
                                index[k].append(a.id)
        st.surnames = index
        st.surname_first = {k: v[0] for k, v in index.items()}
        st.surnames_for = key
    return st.surnames


def _lone_name(st: State, aid: str, rule: str) -> Actor | None:
    """The actor of a ``name-only`` mention when it is a person known by one word and no KB link:
    what the one-name-one-person stages below may join to someone else."""
    actor = st.table.get(aid) if rule == "name-only" else None
    if actor is None or actor.kb_id or actor.kind != "person" or len(actor.name.split()) != 1:
        return None
    return actor


def later_full_name(st: State) -> None:
    """A surname read on its own before anyone of that name was named ("after Trump fired him ...
    President Trump said"; a headline's "Biden" before the body's "Joe Biden") made a person of
    just that name. In one article a surname means one person: if exactly one person the article
    names in full or by title bears it, those mentions are that person's. A lone given name read
    before the full name is, in the same way, the one person named in full with it."""
    for k, (s, e, aid, rule, ante, _conf) in enumerate(st.mentions):
        actor = _lone_name(st, aid, rule)
        if actor is None:
            continue
        key = norm(actor.name)
        bearers = [b for b in surname_bearers(st, key) if b != aid]
        sex = honorific_sex(st, bisect.bisect_left(st.char_starts, s))
        if sex is not None:  # "Mr Trump" is not the one Trump named in full if she is a woman
            bearers = _fit_honorific(st, bearers, sex, actor.name)
        if len(bearers) == 1:
            st.mentions[k] = (s, e, bearers[0], "surname", ante, 0.8)
        elif not bearers:
            # a given name before the full name ("Hillary" in a headline, "Hillary Clinton" in the
            # body): the one person the article names in full with it, unless the word also names
            # a place or a body ("the March on Washington")
            h = st.hit_at.get(bisect.bisect_left(st.char_starts, s))
            gid = given_name_index(st).get(key)
            if gid is not None and gid != aid and not (h is not None and any(x.kind != "person" for x in h.entries)):
                st.mentions[k] = (s, e, gid, "given-name", ante, 0.7)


def _fit_honorific(st: State, bearers: list[str], sex: str, word: str) -> list[str]:
    """The bearers of a surname an honorific of this sex may refer to: not those of the other sex,
    and not those of unknown sex when a KB person of the name and of this sex holds an office on
    the article's date ("Mr Trump" beside the one Trump named in full, a first lady whose sex no
    source records, is the president)."""
    known = {b: gender_of(st.kb, st.table.get(b)) for b in bearers}
    fit = [b for b in bearers if known[b] in (sex, None)]
    if st.kb is None or not st.on or not any(known[b] is None for b in fit):
        return fit
    named = {st.table.get(b).kb_id for b in fit}
    for pid in _kb_people(st, word) - named:
        ent = st.kb.entity(pid)
        if ent is not None and ent.gender == sex and in_office(st, pid):
            return [b for b in fit if known[b] == sex]
    return fit


def honorific_sex(st: State, i: int) -> str | None:
    """The sex an honorific says of the name mention starting at token ``i``: the honorific is the
    word before it ("Mrs. Bush") or the mention's own first word ("Mrs Clinton")."""
    before = HONORIFIC_GENDER.get(st.lower[i - 1]) if i > 0 else None
    return before or (HONORIFIC_GENDER.get(st.lower[i]) if i < len(st.lower) else None)


def given_name_alone(st: State) -> None:
    """A given name standing alone for a person the article never names in full, whom the news
    calls by it ("Hillary", "Xi"; :func:`.lexicon.given_names_alone`): that KB person (evidence
    ``role-on-date``: who the name means in the news of the time), unless another person of that
    name is in the article."""
    known = lx.given_names_alone()
    found: dict[str, str] = {}  # actor id of the lone name -> KB id
    for _s, _e, aid, rule, _ante, _conf in st.mentions:
        actor = _lone_name(st, aid, rule)
        if actor is None:
            continue
        key = norm(actor.name)
        if key in known and not surname_bearers(st, key) and key not in given_name_index(st) \
                and not _before_first_office(st, known[key]):
            found[aid] = known[key]
    for aid, pid in found.items():
        person = st.table.from_kb(pid)
        if person is not None:  # the names, and the pronouns that refer to them
            st.retarget({aid}, person.id, "name-only", "kb-given-prominent", 0.6)


def _before_first_office(st: State, pid: str) -> bool:
    """Is the article dated before the person's first office the KB knows ("Kim" in 2005 is not
    the leader who took office in 2011)?"""
    if st.kb is None or st.on is None:
        return False
    starts = [h.start for h in st.kb.roles(pid) if h.start]
    return bool(starts) and str(st.on)[:10] < min(starts)


def split_name(st: State) -> None:
    """A person the article names only by a given name here and a surname there ("Hillary" in a
    quotation, "Clinton" in the writer's sentence), neither ever in full: when exactly one pairing
    of such single names is the full name, or a recorded alias, of exactly one KB person, both
    names are that person's (evidence ``full``: the full name, in two places)."""
    if st.kb is None:
        return
    single: dict[str, Any] = {}
    for _s, _e, aid, rule, _ante, _conf in st.mentions:
        actor = _lone_name(st, aid, rule)
        if actor is not None:
            single[aid] = actor
    given = [a for a in single.values() if norm(a.name) in st.given_names()]
    pairs = []
    for g in given:
        for sur in single.values():
            if sur is g:
                continue
            full = f"{g.name} {sur.name}"
            try:
                found = st.kb.find_people(full, st.on)
            except NewsgraphError:
                found = []
            exact = [p for p in found if norm(full) in {norm(f) for f in [p.name, *p.aliases]}]
            if len(exact) == 1:
                pairs.append((g.id, sur.id, exact[0].id))
    for g_id, s_id, pid in pairs:
        if sum(g_id in p[:2] or s_id in p[:2] for p in pairs) != 1:
            continue  # a name that pairs two ways says nothing
        actor = st.table.from_kb(pid)
        if actor is not None:  # the names, and the pronouns that refer to them
            st.retarget({g_id, s_id}, actor.id, "name-only", "split-name", 0.7)


# honorifics that say the bearer's sex ("Mrs. Bush" is not the George Bush named before)
HONORIFIC_GENDER = {"mr": "m", "mr.": "m", "mrs": "f", "mrs.": "f", "ms": "f", "ms.": "f", "miss": "f",
                    "sir": "m", "dame": "f", "lord": "m", "lady": "f", "madam": "f"}


def _named_before(st: State, i: int, bearers: list[str]) -> list[str]:
    """The bearers the text has named before token ``i``, in the order it named them: a surname
    refers back to someone already introduced ("Jeb Bush ... Bush" before "George W. Bush" further
    down), whatever order the stages found them in. All the bearers when none was named before."""
    here = st.doc[i].idx
    first: dict[str, int] = {}
    for s, _e, aid, *_ in st.mentions:
        if aid in bearers and s < here and s < first.get(aid, here):
            first[aid] = s
    return sorted(first, key=first.__getitem__) if first else list(bearers)


def choose_bearer(st: State, i: int, end: int, bearers: list[str], title: tuple[str, str, str | None] | None,
                  word: str) -> str | None:
    """Which of the people named with this surname tokens [i, end) refer back to: the context
    narrows them down. An honorific's sex ("Mrs. Bush"), a title ("President Trump" after "Melania
    Trump") and a government's noun ("the Obama administration" after "Michelle Obama") each keep
    the bearers they fit; of those left, the first named. None when the context fits none of them
    and fits someone else: a woman's honorific before a man's surname, a title that another
    person of the name holds, a government headed by another: the later rules find that person."""
    sex = honorific_sex(st, i)
    cands = _named_before(st, i, bearers)
    parts = norm(word).split()
    suffix = parts[-1] if len(parts) >= 2 else ""
    if suffix in SUFFIXES:  # "Trump Jr." is the one named with "Jr."
        cands = [b for b in cands if suffix_of(st.table.get(b).name) == suffix]
    elif len(cands) > 1:  # and a bare "Trump" beside him is the father
        cands = [b for b in cands if not suffix_of(st.table.get(b).name)] or cands
    if sex is not None:
        cands = _fit_honorific(st, cands, sex, word)
    if title is not None and cands:
        fit = [b for b in cands if _fits_title(st, b, title)]
        if fit:
            cands = fit
        elif st.kb is not None and _someone_else_holds(st, word, set(cands), title):
            cands = []
    tok = st.doc[end - 1]
    if cands and tok.dep_ == "compound" and government_head(tok.head) and not any(
            c.dep_ == "det" and c.lower_ in {"a", "an"} for c in tok.head.children):  # "a Clinton presidency": to come
        heads = [b for b in cands if (kb_id := st.table.get(b).kb_id) and ever_headed(st, kb_id)]
        if heads:
            cands = heads
        elif st.kb is not None and any(ever_headed(st, pid) for pid in _kb_people(st, word)):
            cands = []
    if len(cands) > 1 and st.kb is not None and st.on:
        # a bare surname shared in the article is the one who holds a state's top office that day
        # ("Trump policy" beside "Melania Trump"): the news names the others in full
        top = [b for b in cands if (kb_id := st.table.get(b).kb_id) and office_holders_named(st, {kb_id}, unique=True)]
        if len(top) == 1:
            cands = top
    if cands and title is None and sex is None and not suffix and _top_namesake(st, word, cands, i):
        cands = []  # the later rules find the office holder
    return cands[0] if cands else None


def _top_namesake(st: State, word: str, named: list[str], i: int) -> bool:
    """Is a bare surname, which only relatives the article names in full later bear, rather the
    surname of someone who holds a state's top office that day? A surname read before anyone of
    that name is introduced is the one the reader already knows: the head of state ("Trump" in a
    story that names "Ivanka Trump" further down). Once a relative is named in full first, the
    bare surname is theirs (a story about a first lady); a relative of no one in office keeps it
    anywhere ("Clinton" after "Chelsea Clinton" in 2015)."""
    if st.kb is None or not st.on:
        return False
    here = st.doc[i].idx
    if any(s < here for s, _e, aid, *_ in st.mentions if aid in named):
        return False
    if any((kb_id := st.table.get(b).kb_id) and office_holders_named(st, {kb_id}, unique=True) for b in named):
        return False
    others = _kb_people(st, word) - {st.table.get(b).kb_id for b in named}
    return bool(others) and bool(office_holders_named(st, others))  # (of a state the article names)


def _kb_people(st: State, word: str) -> set[str]:
    try:
        return {p.id for p in st.kb.find_people(clean_person_name(word), st.on)}
    except NewsgraphError:
        return set()


def _fits_title(st: State, aid: str, title: tuple[str, str, str | None]) -> bool:
    """Does a person named before hold (or, by the KB, ever have held) the title, by the KB's
    roles or the roles the text gave them? (Unknown is no: a person of no known role fits no
    title better than another.)"""
    office, written, of = title
    actor = st.table.get(aid)
    if actor.kb_id and st.kb is not None:
        on, st.on = st.on, None
        try:
            return holds(st, actor.kb_id, office, written, of)
        finally:
            st.on = on
    return any(title_matches(r.title, written, office) for r in actor.roles)


def _someone_else_holds(st: State, word: str, named: set[str], title: tuple[str, str, str | None]) -> bool:
    """Does a KB person of the name, other than those named, hold this very office on the article's
    date ("President Trump"; a prime minister is no "Minister")?"""
    office, written, of = title
    kb_named = {st.table.get(b).kb_id for b in named}
    others = _kb_people(st, word) - kb_named
    for on in dict.fromkeys((st.on, None)):  # on the date; else ever ("Governor Reagan" in a memoir)
        for pid in others:
            try:
                roles = st.kb.roles(pid, on) if on else st.kb.roles(pid)
            except NewsgraphError:
                continue
            if any(title_matches(r.title, written, office) and (of is None or r.of == of) for r in roles):
                return True
    return False


_NAME_WORD = re.compile(r"[^\W\d_][\w'’.-]*")


def given_name_index(st: State) -> dict[str, str | None]:
    """Normalised first names of the people named in full in the article -> actor id (None when
    two people share it: "Donald" with a father and son of that name refers to neither)."""
    people = [a for a in st.table.actors.values() if a.kind == "person"]
    if len(people) != st.given_for:
        index: dict[str, str | None] = {}
        for a in people:
            parts = name_core(a.name).split()
            if len(parts) >= 2 and all(_NAME_WORD.fullmatch(w) for w in a.name.split()):  # not "Twitter @handle"
                first = parts[0]
                index[first] = a.id if index.get(first, a.id) == a.id else None
        st.given = index
        st.given_for = len(people)
    return st.given


def family_name_first(st: State, i: int, word: str) -> str | None:
    """The person named in full before token ``i`` whose name *begins* with ``word``: names written
    family name first ("Kim Yong Chol", "Li Shangfu") are referred back to by their first word
    ("Kim", "Mr Li"). Only when one person named so far has that first word ("Mara Quinn and Mara
    Voss ... Mara" is neither); none if ``word`` is also a state's or organisation's name the KB
    knows, or if the full name is a KB person's name turned round ("Trump Donald" in a run of
    link texts)."""
    key = norm(word)
    h = st.hit_at.get(i)
    if not key or (h is not None and any(e.kind != "person" for e in h.entries)):
        return None
    if key in st.given_names() and not (h is not None and any(e.attr == "surname" for e in h.entries)):
        return None  # "Amy" after "Amy Lang": a given name, which the given-name rule reads
    named: set[str] = set()
    for r in st.refs:
        if r.start >= i or r.kind != "person" or r.actor in named:
            continue
        a = st.table.get(r.actor)
        parts = name_core(a.name).split() if a is not None else []
        if len(parts) >= 2 and parts[0] == key and not turned_round(st, parts):
            named.add(r.actor)
    return next(iter(named)) if len(named) == 1 else None


def turned_round(st: State, parts: list[str]) -> bool:
    """Is "<first> ... <last>" a KB person's "<last> <first>" (a Western name written surname first)?"""
    if st.kb is None:
        return False
    for given in {parts[1], parts[-1]}:  # "Trump Donald John": "Donald Trump"
        name = f"{given} {parts[0]}"
        try:
            found = st.kb.find_people(name, st.on)
        except NewsgraphError:
            continue
        if any(norm(p.name) == norm(name) or same_full_name(name, p) for p in found):
            return True
    return False


def refer_back(st: State, i: int, end: int, aid: str, rule: str, confidence: float) -> None:
    """Tokens [i, end) refer back to a person the article named in full (a surname, a first name):
    the mention, tied to the first reference to them."""
    st.add(i, end, st.table.get(aid), rule, next((r for r in st.refs if r.actor == aid), None), confidence)


def recently_active(st: State, pid: str, years: int = 8) -> bool:
    """In office on the article's date, or out of office for less than ``years`` (a bare surname
    of a leader gone for decades is more likely somebody else of that name)."""
    if not st.on:
        return True
    if in_office(st, pid):
        return True
    try:
        ends = [iso(r.end) or "" for r in st.kb.roles(pid)]
    except NewsgraphError:
        return False
    last = max(ends, default="")
    cutoff = f"{int(st.on[:4]) - years}{st.on[4:]}"
    return bool(last) and cutoff <= last <= st.on


def in_office(st: State, pid: str) -> bool:
    try:
        return bool(st.kb.roles(pid, st.on))
    except NewsgraphError:
        return False


# titles of a state's top offices, and the KB offices any of them may be recorded as (a head of
# government recorded only as the state's effective leader is still "Prime Minister X")
TOP_OFFICES = frozenset({"president", "prime_minister", "chancellor", "head_of_state", "head_of_government", "king",
                         "queen", "emir", "sultan", "supreme_leader", "leader"})
TOP_OFFICE_KEYS = frozenset({"head_of_state", "head_of_government", "leader"})
TitleContext = tuple[str, str, str | None]  # (office key, title as written, ISO3 or organisation id)


def holds(st: State, pid: str, office: str, title: str, of: str | None) -> bool:
    """Does the KB say person ``pid`` holds this title (of this state or organisation) on the
    article's date (for an undated text: at any time)?"""
    try:
        roles = st.kb.roles(pid, st.on) if st.on else st.kb.roles(pid)
    except NewsgraphError:
        return False
    return any((title_matches(r.title, title, office) or same_head_word(r.title, title)
                or (office in TOP_OFFICES and r.office == "leader"))
               and (of is None or r.of == of) for r in roles)


def same_head_word(role_title: str, title: str) -> bool:
    """Weaker than the same office, enough to link a surname the title precedes: the KB's role
    lists are incomplete (a vice president recorded only by his later presidency), and "Vice
    President Biden" names the one Biden of the KB who was a president. Coreference of a bare
    title ("the president") needs the same office."""
    a, b = role_title.lower().replace("-", " ").split(), title.lower().replace("-", " ").split()
    return bool(a and b) and a[-1] == b[-1]


def romanised_holder(st: State, title: str, of: str, word: str) -> Actor | None:
    """The one holder of ``title`` of ``of`` on the article's date one of whose names is ``word``
    up to romanisation: "Jordan's King Abdullah" when the KB writes "Abdallah II"."""
    try:
        holders = st.kb.who(title, of, st.on)
    except NewsgraphError:
        return None
    key = fold(word)
    found = set()
    for hd in holders:
        ent = st.kb.entity(hd.person_id)
        names = [ent.name, *ent.aliases] if ent is not None else [hd.name]
        if any(same_word(key, w) for n in names for w in fold(n).split()):
            found.add(hd.person_id)
    return st.table.from_kb(found.pop()) if len(found) == 1 else None


_PLACE_PREPOSITIONS = frozenset({"in", "at", "from", "to", "near", "into", "across", "outside", "around", "through",
                                 "throughout", "toward", "towards", "within", "inside"})


def _untold_place(st: State, tok: Any) -> bool:
    """Is a one-word name the tagger calls a place (GPE) used where no place is said: not after a
    preposition of place ("in Warren"), not followed by its state ("Clinton, Iowa"), and no state's
    or capital's name? The small tagger calls many a lone surname a place ("polls show Roe ahead")."""
    if tok.ent_type_ != "GPE" or tok.ent_iob_ != "B" or (tok.i + 1 < len(st.doc) and st.doc[tok.i + 1].ent_iob_ == "I"):
        return False
    if tok.dep_ == "pobj" and tok.head.lower_ in _PLACE_PREPOSITIONS:
        return False
    if tok.i + 2 < len(st.doc) and st.doc[tok.i + 1].text == "," and st.doc[tok.i + 2].ent_type_ == "GPE":
        return False
    return not any(e.kind == "country" for h in st.hits_in(tok.i, tok.i + 1) for e in h.entries)


_NOT_PERSON_ENTS = frozenset({"ORG", "GPE", "FAC", "PRODUCT", "LOC", "NORP", "WORK_OF_ART", "EVENT", "LAW"})

# how many times more often the news must name one bearer of a surname in full than any other for
# the lone surname to be theirs
DOMINANCE = 2.5


def dominant_bearer(st: State, word: str) -> str | None:
    """The KB person a lone surname stands for by the news's usage: a prominent bearer named in full
    at least :data:`DOMINANCE` times as often as every other KB bearer of the name (a bearer the
    list leaves out counts nothing), and no taken or common word."""
    if word.lower() in common_words() or fold(word) in lx.taken_surnames():
        return None
    counts = lx.prominence()
    bearers = sorted((p for p in _kb_find(st, word) if p.kind == "person"), key=lambda p: -counts.get(p.id, 0))
    top = counts.get(bearers[0].id, 0) if bearers else 0
    second = counts.get(bearers[1].id, 0) if len(bearers) > 1 else 0
    if top == 0 or top < DOMINANCE * second:
        return None
    heads = [getattr(p, "country", None) for p in bearers if ever_headed(st, p.id)]
    if len(heads) != len(set(heads)):
        return None  # two heads of one state by the name (the Presidents Bush): which one, the text must say
    given = (bearers[0].name.split() or [""])[0].lower()
    if given and given in st.lower:
        return None  # the given name alone in the text too ("Hillary ... Clinton"): the split-name rule joins them
    return bearers[0].id


def _kb_find(st: State, word: str) -> list[Any]:
    """The KB's people by a name or surname, at any date (none on a KB error)."""
    try:
        return st.kb.find_people(word)
    except NewsgraphError:
        return []


def office_holders_named(st: State, ids: set[str], *, unique: bool = False) -> list[str]:
    """Of these people, those who hold a top office on the article's date of a state or an
    organisation the article names somewhere (name, adjective or demonym); with ``unique`` (the
    only bearer of the name in the KB), of any state or organisation. An undated text (a lone
    sentence) is compatible with any date: then those who ever held such an office."""
    named = {e.kb_id for h in st.hits for e in h.entries if e.kind != "person"}
    out = []
    for pid in ids:
        try:
            roles = st.kb.roles(pid, st.on) if st.on else st.kb.roles(pid)
        except NewsgraphError:
            continue
        if any(r.office in TOP_OFFICE_KEYS | {"secretary_general", "commission_president"} and (unique or r.of in named)
               for r in roles):
            out.append(pid)
    return out


# nouns whose possessor by name is a head of state or government ("the Obama administration")
GOVERNMENT_HEADS = frozenset({"administration", "presidency", "cabinet", "government", "regime", "premiership"})


def government_head(tok: Any) -> bool:
    """Is this token the noun of a leader's government ("administration", "regime"), or the
    "House" of "White House" (the seat standing for the presidency: "the Obama White House")?"""
    low = tok.lower_
    return low in GOVERNMENT_HEADS or (low == "house" and tok.i > 0 and tok.doc[tok.i - 1].lower_ == "white")


# nouns of a leader's time in office ("the Obama years", "the Bush era"), lower case after the name
_TENURE_NOUNS = frozenset({"era", "years"})


def tenure_noun(tok: Any) -> bool:
    """Is this token a noun of a leader's time in office, written in lower case ("the Reagan
    *years*"; "the Bush Years" as a title is another name)?"""
    return tok.text in _TENURE_NOUNS and bool(tok.doc[tok.i - 1].whitespace_)  # ("Obama-era": a style word)


def government_start(head: Any) -> int:
    """Where the government's noun headed by ``head`` starts: "White" for "White House"."""
    return head.i - 1 if head.lower_ == "house" else head.i


def leader_government_name(st: State, span: Any) -> bool:
    """Is an entity a person's name the KB knows before the noun of a government ("the Trump
    Administration", "the Obama White House")? The name is then a reference to the person and the
    noun the government's: never one organisation's name. Agencies named so ("the Federal Aviation
    Administration", "the Small Business Administration") hold no person's name and stay bodies."""
    toks = [t for t in span if t.lower_ != "the"]
    if len(toks) < 2 or not government_head(toks[-1]):
        return False
    name = [t for t in toks if t.i < government_start(toks[-1])]
    if not 0 < len(name) <= 3 or not all(t.pos_ == "PROPN" and t.text[:1].isupper() for t in name):
        return False
    hit = st.hit_at.get(name[-1].i)
    return hit is not None and any(e.kind == "person" for e in hit.entries)


def ever_headed(st: State, pid: str) -> bool:
    """Was the person ever a head of state or government by the article's date (any time when undated)?"""
    try:
        roles = st.kb.roles(pid)
    except NewsgraphError:
        return False
    return any(r.office in TOP_OFFICE_KEYS and (not st.on or (iso(r.start) or "") <= st.on) for r in roles)


def latest_head(st: State, heads: list[str]) -> str | None:
    """Of several heads of one state who share a name, the one who took the top office last by
    the article's date (None when undated, or when they head different states)."""
    if not st.on or len({getattr(st.kb.entity(pid), "country", None) for pid in heads}) != 1:
        return None
    starts = {}
    for pid in heads:
        try:
            roles = st.kb.roles(pid)
        except NewsgraphError:
            return None
        took = [iso(r.start) or "" for r in roles if r.office in TOP_OFFICE_KEYS and (iso(r.start) or "") <= st.on]
        starts[pid] = max(took, default="")
    ranked = sorted(heads, key=lambda pid: starts[pid], reverse=True)
    return ranked[0] if starts[ranked[0]] > starts[ranked[1]] else None


def heads_of_named_states(st: State, heads: list[str]) -> list[str]:
    """Of several past or present heads who share a name, those of a state the article names
    (its name, adjective or seat: "the White House" names the United States); one stays as it is."""
    if len({getattr(st.kb.entity(pid), "country", None) for pid in heads}) < 2:
        return heads  # one state's heads: which of them, the date decides (latest_head)
    named = states_named(st)
    return [pid for pid in heads if getattr(st.kb.entity(pid), "country", None) in named]


_BILL_WORDS = frozenset({"bill", "bills", "resolution", "resolutions", "amendment", "file"})


def names_a_bill(st: State, i: int) -> bool:
    """Does a legislative bill's number start at token ``i`` ("Bill 1192", "Resolution 24")?"""
    doc = st.doc
    return i + 1 < len(doc) and doc[i].lower_ in _BILL_WORDS and doc[i].text[:1].isupper() and doc[i + 1].like_num


def portfolio_of_title(st: State, ent: Any) -> bool:
    """Is the entity the portfolio of a minister's title, "<Secretary|Minister> of <Name>" with no
    determiner ("Secretary of State", "Minister of Health", "Secretary of Homeland Security")? A bare
    portfolio completes the office's name; a body is named with its article ("the Treasury")."""
    doc = st.doc
    return (ent.start >= 2 and doc[ent.start - 1].lower_ == "of" and doc[ent.start - 2].lower_ in lx.PORTFOLIO_TITLES
            and doc[ent.start].pos_ != "DET" and doc[ent.start].lower_ != "the")


def name_shaped(ent: Any) -> bool:
    """Can a person entity be someone's name: no slash in it or right beside it (a photo credit
    "Name/Agency" or "Agency Photo/Name", a link) and no number (a bill's "Bill 1192", "Easter 2014")?"""
    after = ent.doc[ent.end].text if ent.end < len(ent.doc) else ""
    before = ent.doc[ent.start - 1] if ent.start > 0 else None
    glued_before = before is not None and before.text.endswith("/") and not before.whitespace_
    return not after.startswith("/") and not glued_before and not any("/" in t.text or t.like_num for t in ent)


def other_given_name(st: State, k: int, named: Actor | None) -> bool:
    """Is token ``k``, right before a surname, a given name the person named before with that
    surname does not have? A capitalised name word compounded with the surname, that no other
    rule took, that is no title, honorific, state or organisation, and is not (a short form of)
    the person's own first name."""
    if k < 0 or named is None or k in st.claimed or k in st.hit_at:
        return False
    tok = st.doc[k]
    low = tok.lower_
    if tok.text.isupper() and st.words[k + 1].isupper():
        # a line in capitals ("NO TALKS WITH IVANKA TRUMP"): the tagger's parse of it is no guide,
        # a given name of the KB's, or a word that is no English word, before the surname is
        own = norm(named.name).split()
        return tok.is_alpha and len(low) > 1 and (low in st.given_names() or low not in common_words()) \
            and low not in own and given_name_key(low) != given_name_key(own[0]) and \
            low not in lx.TITLE_FIRST_WORDS and not lx.title_key(low) and low not in lx.PARTY_WORDS
    if tok.pos_ != "PROPN" or tok.dep_ not in {"compound", "flat"} or tok.head.i != k + 1 or \
            not tok.text[:1].isupper() or not tok.is_alpha or len(tok.text) < 2 or tok.text.isupper():
        return False  # (a word in capitals is a rank or an acronym: "LTC X", "GOP X")
    if low in lx.TITLE_FIRST_WORDS or lx.title_key(low) or low in lx.HONORIFICS or low in SENTENCE_STARTERS:
        return False
    if tok.ent_type_ in {"NORP", "GPE", "LOC", "FAC"} or (tok.ent_type_ == "ORG" and not (
            low in st.given_names() and st.doc[k + 1].ent_type_ == "ORG" and st.doc[k + 1].ent_iob_ == "I")):
        return False  # "Democrat Clinton", "Kremlin Putin": a party, a place or a body, no given name
        # (a given name the tagger read with the surname as one organisation's name is a given name)
    if low in lx.PARTY_WORDS:
        return False  # "Democrat Clinton", "Tory Johnson"
    if low in common_words():
        return False  # "Witness X" in a headline; the KB's given names hold common words too ("Chief")
    own = norm(named.name).split()
    return bool(own) and low not in own and given_name_key(low) != given_name_key(own[0])


def _suffix_word(st: State, k: int) -> bool:
    """Is token ``k`` a generational suffix ("Jr.", "Sr", "III")?"""
    return norm(st.words[k]).rstrip(".") in SUFFIXES


_FAMILY_RANK = frozenset({"elder", "younger"})


_LAW_NOUNS = frozenset({"bill", "amendment", "act", "law", "legislation", "measure", "provision", "rule",
                        "statute", "resolution"})


def _paired_name(st: State, i: int) -> bool:
    """"the Reid-Bolt pact", "the Ruiz-Okafor talks": two people named before, joined by a hyphen,
    are both parties to what the noun after them names; the first is no modifier of the second."""
    if not (i + 2 < len(st.doc) and st.words[i + 1] == "-" and not st.doc[i + 1].whitespace_
            and not st.doc[i].whitespace_ and norm(st.words[i]) in surname_index(st)
            and norm(st.words[i + 2]) in surname_index(st)):
        return False
    # "the Waxman-Markey bill", "the Manchin-Toomey amendment": a law named after its sponsors is
    # no act of theirs (law names are no mentions)
    head = st.doc[i + 2].head
    return head.lemma_.lower() not in _LAW_NOUNS


def try_surname(st: State, i: int, title: TitleContext | None = None) -> int | None:
    """A single name ("Lukashenko", "Ahmed"). It links to a KB person only on evidence:

    * **earlier-mention**: the article names that person in full (anywhere: headlines come first);
    * **role-on-date**: a title before it (``title``) that the KB says the person holds on the
      article's date, of the state or organisation named with it ("the Iraqi prime minister X").

    A bare surname that merely matches some famous person's is not evidence: it becomes a person
    actor of its own (with the title's role when there is one), or stays unresolved.
    """
    hit_at = st.hit_at
    person_ent_at = st.person_ent_at
    if not st.words[i][:1].isupper() or st.prefixed(i) or (
            st.pos[i] not in {"PROPN", "NOUN", "ADJ", "VERB"} and st.tags[i] not in {"NNP", "NNPS"}
            and i not in person_ent_at and not name_read_as_modal(st.doc[i])):
        return None  # "anti-Trump" names nobody; a proper-noun tag or a person entity counts under
        # any coarse tag ("May said", read as a modal)
    if is_date_name(st.doc[i]) or (st.doc[i].dep_ == "poss" and st.lower[i] in WEEKDAYS
                                   and st.lower[i] not in surname_index(st)):
        return None  # "met in May", "since May 2": a date, not Mrs May; "Friday's filings": the day's,
        # unless the article named a Friday in full before
    if names_a_bill(st, i) or names_a_bill(st, i + 1):
        return None  # "Bill 1192", "Senate Bill 1192": a bill, not Bill or Senate
    if ROMAN.match(st.words[i]):
        return None  # "Article VI", "World War II": a regnal or ordinal number is no surname (the KB
        # lists none; this covers the names an article gives, "King Mohammed VI")
    e = st.ent_of[i]
    # a hyphenated surname of someone named before, tagged as an organisation ("Ruiz-Vega")
    hyphenated = e is not None and e.start == i and " " not in e.text and "-" in e.text \
        and norm(e.text) in surname_index(st)
    possessor = i + 1 < len(st.doc) and st.tags[i + 1] == "POS"  # "Obama's Medicare" tagged as one name
    caps = i in st.caps and st.words[i].isalpha()  # a line in capitals: a capital there marks no name
    if e is not None and e.label_ in {"ORG", "FAC", "WORK_OF_ART", "EVENT", "LAW", "PRODUCT"} and not hyphenated \
            and not possessor and not caps and any(t.is_alpha and t.text[:1].isupper() for t in st.doc[i + 1:e.end]) \
            and not leader_government_name(st, e):
        return None  # "the Trump Approval Index": part of another name ("the Trump Administration" is not)
    tok = st.doc[i]
    if tok.dep_ == "compound" and tok.head.i > i and tok.head.text[:1].isupper() and not caps \
            and tok.head.pos_ in {"PROPN", "NOUN"} \
            and i not in person_ent_at and getattr(st.ent_of[tok.head.i], "label_", None) != "PERSON" \
            and not government_head(tok.head) and not hyphenated and not _paired_name(st, i):
        return None  # a name modifying another capitalised name ("Trump Derangement Syndrome"; not "Administration")
    ent = person_ent_at.get(i)
    if ent is not None and not name_shaped(ent):
        return None  # "Jane Roe/Getty Images" (a photo credit), "Senate Bill 1192": no one's name
    if ent is not None and ent.end - ent.start > 1 and st.lower[i] in common_words() and \
            st.lower[i] not in st.given_names():
        return None  # "Team Obama", "Husband Bill": the name starts at the next word
    if ent is None and title is None and i not in hit_at and st.words[i].isascii() and not hyphenated \
            and st.lower[i] not in surname_index(st):
        return None  # a capitalised word that is no surname seen yet, no KB form and no person name
    end = ent.end if ent is not None else e.end if hyphenated else i + 1
    if ent is not None and leader_government_name(st, ent):
        # "Trump White House" tagged as one person's name: the name ends before its government's noun
        end = government_start(ent[-1])
    cut = next((k for k in range(i + 1, end - 1) if _suffix_word(st, k)), None)
    if cut is not None:
        end = cut + 1  # "Mr Trump Jr later said" tagged as one name: it ends with its suffix
    word = st.doc[i:end].text
    # earlier mention: the same surname after a full name in this article
    # ("Mrs May" tagged as one name: the honorific is no part of the surname)
    key = norm(word)
    ends_in_suffix = key.split()[-1:] != [] and key.split()[-1] in SUFFIXES  # "Trump Jr."
    bearers = surname_bearers(st, key) or surname_bearers(st, norm(clean_person_name(word))) or (
        surname_bearers(st, name_core(word)) if ends_in_suffix else [])
    aid = choose_bearer(st, i, end, bearers, title, word) if bearers else None
    if bearers and i > 1 and st.lower[i - 1] in _FAMILY_RANK and st.lower[i - 2] == "the":
        # "the elder Trump", "the younger Bush": one of two relatives of that name, told apart by
        # age, which the text does not say of the one it named in full: a person of their own
        qualified = f"{word} ({st.lower[i - 1]})"
        st.add(i, end, st.table.text_person(qualified), "family-rank", confidence=0.6)
        return end
    if aid is not None and other_given_name(st, i - 1, st.table.get(aid)):
        # "Ivanka Trump" after "Barron Trump": another person of the same family name
        st.add(i - 1, end, st.table.text_person(f"{st.words[i - 1]} {word}"), "full-name-in-text", confidence=0.7)
        return end
    if aid is not None:
        refer_back(st, i, end, aid, "surname", 0.9)
        return end
    if end == i + 1 and st.lower[i] in st.given_names() and (ent is not None or (
            st.pos[i] == "PROPN" and st.lower[i] not in common_words())) and not (
            i + 1 < len(st.doc) and st.pos[i + 1] == "PROPN" and st.words[i + 1][:1].isupper()) and not (
            i > 0 and st.pos[i - 1] == "DET"):  # "the Bill passed": a thing, not a person's first name
        # "Hillary" after "Hillary Clinton": the first name of one person the article names in full
        gid = given_name_index(st).get(norm(word))
        if gid is not None:
            refer_back(st, i, end, gid, "given-name", 0.8)
            return end
    if end == i + 1 and (ent is not None or st.pos[i] == "PROPN") and not (i > 0 and st.pos[i - 1] == "DET"):
        fid = family_name_first(st, i, word)  # ("the Bill passed": a thing)
        if fid is not None:
            refer_back(st, i, end, fid, "surname", 0.8)
            return end
    h = hit_at.get(i)
    surname_entries = [e for e in (h.entries if h is not None else ()) if e.kind == "person"
                       and (e.attr == "surname" or h.end - h.start == 1)]
    if title is not None and (surname_entries or st.kb is not None):
        office, written, of = title
        ids = {e.kb_id for e in surname_entries}
        if not ids:  # a one-word alias the phrase index leaves out ("Obama"): the KB's name index
            try:
                ids = {p.id for p in st.kb.find_people(word, st.on)}
            except NewsgraphError:
                ids = set()
        holders = [pid for pid in rank_people(st, ids) if holds(st, pid, office, written, of)]
        if holders and (st.on or len(holders) == 1):
            actor = st.table.from_kb(holders[0])
            if actor is not None:
                # the phrase index's hit, or the name's own words when the KB's name index found it
                s, e = (h.start, h.end) if h is not None else (i, end)
                st.add(s, e, actor, "kb-surname-title", confidence=0.9 if len(holders) == 1 else 0.7)
                return e
        if not holders and st.on:  # nobody of that name holds the title that day: at any time, then
            on, st.on = st.on, None
            try:
                holders = [pid for pid in ids if holds(st, pid, office, written, of)]
            finally:
                st.on = on
            if len(holders) == 1 and word.lower() not in common_words():
                # the only bearer of the name who ever held the title ("President Obama's 2010
                # rating" in a later story): the person, at a lower confidence
                actor = st.table.from_kb(holders[0])
                if actor is not None:
                    st.add(i, end, actor, "kb-surname-title-past", confidence=0.7)
                    return end
        if not holders and of and st.on:
            actor = romanised_holder(st, written, of, word)
            if actor is not None:
                s, e = (h.start, h.end) if h is not None else (i, end)
                st.add(s, e, actor, "kb-title-romanised", confidence=0.8)
                return e
        states = {c for c in (getattr(st.kb.entity(pid), "country", None) for pid in holders) if c}
        if len(states) == 1:
            # several holders of the title by that name (two Presidents Bush), or none on the
            # article's date: not which person, but their state is certain
            (iso3,) = states
            actor = st.table.text_person(clean_person_name(word), iso3)
            actor.code = actor.code or f"{iso3}GOV"
            st.add(i, end, actor, "name-only-state", confidence=0.6)
            return end
    if title is None and tok.dep_ == "compound" and (government_head(tok.head) or tenure_noun(tok.head)) \
            and st.kb is not None:
        # "the Obama administration", "the Bush years": whoever has one is, or was, a head of state
        # or government (a one-word surname the phrase index leaves out: the KB's name index)
        ids = {e.kb_id for e in surname_entries} or _kb_people(st, word)
        heads = heads_of_named_states(st, [pid for pid in ids if ever_headed(st, pid)])
        latest = latest_head(st, heads) if len(heads) > 1 else None
        if len(heads) == 1 or latest is not None:
            # (of two heads of one state by that name, "the Bush administration" in a later story is
            # the later one's, at a lower confidence)
            actor = st.table.from_kb(latest or heads[0])
            if actor is not None:
                st.add(i, end, actor, "kb-surname-office", confidence=0.8 if latest is None else 0.6)
                return end
    honorific = i > 0 and st.doc[i - 1].lower_ in lx.HONORIFICS
    # a sentence's first word is capitalised whatever it is, so the tagger may call a name there a
    # common noun ("Trump urges ..."): a word that is rarely written in lower case still reads as a name
    initial_name = tok.is_sent_start and st.lower[i] not in common_words()
    # "Mr Trump Jr": a son named after his father, whose surname the office holder's is
    suffixed = (end > i + 1 and ends_in_suffix) or (i + 1 < len(st.doc) and _suffix_word(st, i + 1))
    # ("Grant Hall": a given name that is some office holder's surname starts another's name)
    first_of_other = ent is not None and h is not None and ent.start == h.start < h.end < ent.end \
        and st.lower[h.start] in st.given_names()
    if title is None and surname_entries and not suffixed and not first_of_other and (
            ent is not None or honorific or st.pos[i] == "PROPN" or initial_name or name_read_as_modal(tok)):
        # a person's single name whose bearer, on the article's date, holds the top office of a
        # state or organisation the article names ("Mr. Putin" in a story that speaks of Russia),
        # or who is the KB's only bearer of the name and holds such an office that day, if the name
        # is theirs in the news: they are named in full often ("Merkel said"), or the surname is
        # not one the news writes for others (not the one Christie the KB has in office, in a
        # story of another Christie: lexicon.prominent_people, lexicon.taken_surnames)
        ids = {e.kb_id for e in surname_entries}
        bearers = [Actor(id=pid, name=kbe.name, kind="person", country=None, code=None)
                   for pid in ids if (kbe := st.kb.entity(pid)) is not None]  # (not table actors: none is named)
        if not honorific and bearers and all(other_given_name(st, i - 1, a) for a in bearers):
            # "posed with Ivanka Trump": a KB surname after a given name none of its bearers has
            st.add(i - 1, end, st.table.text_person(f"{st.words[i - 1]} {word}"), "full-name-in-text", confidence=0.7)
            return end
        unique = len(ids) == 1 and word.lower() not in common_words() and (
            ids <= lx.prominent_people() or fold(word) not in lx.taken_surnames())
        holders = office_holders_named(st, ids, unique=unique)
        # "Mr.", "Mrs.", "Lady" before the name tell the bearer's gender: one the KB records alike may
        # be meant ("Mr. Reagan"; not "Mrs. Reagan", his wife); other titles name other posts
        sex = HONORIFIC_GENDER.get(st.lower[i - 1]) if honorific else None
        start = i - 1 if honorific else h.start  # the honorific is part of the mention
        if not holders and unique and (not honorific or sex) and ever_headed(st, next(iter(ids))) and \
                {p.id for p in _kb_find(st, word)} == ids:  # (the KB's only person of that name at all)
            # the KB's only bearer of a name the news keeps for them, who headed a state before
            # the article's date ("Germans' love of Hitler", "Reagan's tax cuts" in a later story)
            actor = st.table.from_kb(next(iter(ids)))
            if actor is not None and not other_given_name(st, i - 1, actor) and (
                    sex is None or kb_gender(st.kb, actor) == sex):
                st.add(start, h.end, actor, "kb-surname-former", confidence=0.7)
                return h.end
        # (not a word of another name: "Ford O'Connell", or a company the tagger saw: "gone to Ford")
        other_name = (end < len(st.doc) and (st.pos[end] == "PROPN" or st.words[end][:1].isupper() or st.words[end] == "-")
                      and not st.doc[end].is_sent_start) or (
            tok.ent_type_ in _NOT_PERSON_ENTS and not _untold_place(st, tok)) or tok.dep_ == "compound"
        # (nor a modifier: "the Trump administration", "a Kennedy-style speech" have rules of their own)
        dominant = None if holders or (honorific and not sex) or other_name else dominant_bearer(st, word)
        if dominant is not None:
            # of the KB's bearers of the name, the one the news names in full far more often than
            # any other ("Obama" in a later story, "Clinton" in 2016), at a lower confidence
            actor = st.table.from_kb(dominant)
            if actor is not None and not other_given_name(st, i - 1, actor) and (
                    sex is None or kb_gender(st.kb, actor) == sex):
                st.add(start, h.end, actor, "kb-surname-prominent", confidence=0.6)
                return h.end
        if len(holders) == 1:
            actor = st.table.from_kb(holders[0])
            if actor is not None and not honorific and other_given_name(st, i - 1, actor):
                # "posed with Ivanka Trump": the office holder's family name after another given name
                st.add(i - 1, end, st.table.text_person(f"{st.words[i - 1]} {word}"), "full-name-in-text",
                       confidence=0.7)
                return end
            if actor is not None:
                st.add(start, h.end, actor, "kb-surname-office", confidence=0.8)
                return h.end
    if ent is None and title is None and not honorific:
        return None
    if h is not None and any(e.kind != "person" for e in h.entries) and not honorific:
        return None  # a state's or organisation's name ("Tajik", "Hamas"): not a person's
    if honorific:
        name = clean_person_name(st.doc[i:end].text) if ent is not None else word
        st.add(i - 1, end, st.table.text_person(name), "honorific-name", confidence=0.7)
        return end
    full = full_name_in_text(st, word)
    if full is not None:
        st.add(i, end, st.table.text_person(full), "surname-of-full-name", confidence=0.7)
        return end
    in_name = getattr(st.ent_of[i], "label_", None) in {"ORG", "FAC", "WORK_OF_ART", "EVENT", "LAW", "PRODUCT", "GPE",
                                                         "LOC", "NORP"}
    if word.lower() not in common_words() and (title is not None or ent is not None) and not in_name:
        # a person the text names by one name only ("spokesman Ahmed"): an actor of its own
        st.add(i, end, st.table.text_person(clean_person_name(word)), "name-only", confidence=0.6)
        return end
    if ent is not None:
        st.unresolved.append({"text": ent.text, "start": ent.start_char, "end": ent.end_char,
                              "why": "a single name with no full name in the article and no KB match"})
    return None


MONTHS = frozenset(m.lower() for m in calendar.month_name if m)
WEEKDAYS = frozenset(d.lower() for d in calendar.day_name)
_ASK_ON = frozenset({"call", "prevail", "lean", "rely", "count", "press", "wait"})  # "called on X to ..."
_BEFORE_DATE = frozenset({"in", "since", "until", "till", "by", "during", "from", "through", "last", "next", "early",
                          "late", "mid", "this", "of", "before", "after", "between", "and", "to", "on"})


def name_read_as_modal(aux: Any) -> bool:
    """A capitalised "auxiliary" before its verb that is a name ("May said", "Will told reporters"):
    tagged as a proper noun or a person, or a modal before a tensed verb, which no modal can govern."""
    verb = aux.head
    if aux.dep_ != "aux" or verb.i <= aux.i or not aux.text[:1].isupper():
        return False
    return aux.tag_ in ("NNP", "NNPS") or aux.ent_type_ == "PERSON" or (aux.tag_ == "MD" and verb.tag_ in ("VBD", "VBZ"))


def is_date_name(tok: Any) -> bool:
    """A month or weekday name used as a date: tagged as one, after a temporal word ("in May",
    "late May", "between April and May", "on Friday") or before a day or year ("May 2", "May
    2019"). Both are surnames too (Theresa May, Godwin Friday)."""
    if tok.lower_ not in MONTHS and tok.lower_ not in WEEKDAYS:
        return False
    if tok.dep_ in {"nsubj", "nsubjpass", "poss"} or (tok.i > 0 and tok.doc[tok.i - 1].lower_.rstrip(".") in lx.HONORIFICS):
        return False  # "May said", "May's allies", "Mrs May": a person
    if name_read_as_modal(tok):
        return False  # "May told parliament": no modal governs a tensed verb, so a name
    nxt = [t for t in tok.doc[tok.i + 1: tok.i + 4] if not t.is_punct][:2]
    prev = tok.doc[tok.i - 1] if tok.i > 0 else None
    if len(nxt) == 2 and nxt[0].lower_ == "to" and nxt[1].tag_ == "VB" and prev is not None and (
            prev.lower_ not in _BEFORE_DATE or (prev.lower_ == "on" and (prev.dep_ == "prt" or prev.head.lemma_ in _ASK_ON))):
        return False  # "urged May to resign", "called on May to go": a person asked to act ("met in May
        # to talk" is a date: the infinitive is the meeting's purpose)
    if tok.ent_type_ in {"DATE", "TIME"}:
        return True
    before = tok.doc[tok.i - 1].lower_ if tok.i > 0 else ""
    after = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    return before in _BEFORE_DATE or (after is not None and (after.like_num or after.lower_ in _DAY_PARTS))


# parts of a day after a weekday ("an interview Friday morning"): a time, not Mr Friday
_DAY_PARTS = frozenset({"morning", "afternoon", "evening", "night", "noon", "midday", "overnight"})


def full_name_in_text(st: State, surname: str) -> str | None:
    """The full name the article gives somewhere for a surname spaCy tagged as a person
    ("Kirsten Gillibrand" for "Gillibrand"), when the parser missed it; records that mention too."""
    pat = re.compile(r"((?:[A-Z][\w'’\-]+ ){1,3})" + re.escape(surname) + r"(?: [A-Z][\w'’\-]+)?(?=\W|$)")
    for m in pat.finditer(st.text):
        given = m.group(1).split()
        owners = [k for k, g in enumerate(given) if g.endswith(("'s", "’s"))]
        if owners:  # "Jordan's King Abdullah": a possessor is no part of the name
            given = given[owners[-1] + 1:]
        # a title, an honorific or a known name is no given name, nor is what comes before it: that
        # is the title's phrase ("New York Mayor Bill de Blasio": "Bill")
        cut = max((k + 1 for k, g in enumerate(given) if g.lower().rstrip(".") in lx.TITLES
                   or g.lower() in lx.TITLES or g.lower() in lx.HONORIFICS), default=0)
        given = given[cut:]
        while given and (given[0].lower() in lx.TITLE_FIRST_WORDS
                         or given[0].lower() in SENTENCE_STARTERS or st.kb_knows(given[0])
                         or (given[0].lower() in common_words() and given[0].lower() not in st.given_names())):
            given = given[1:]
        if not given:
            continue
        name = " ".join([*given, m.group(0)[len(m.group(1)):]]).strip()
        span = st.doc.char_span(m.end() - len(name), m.end(), alignment_mode="contract")
        if span is not None and names_a_bill(st, span.end - 1):
            continue  # "Senate Bill 1192": a bill's name, not a person's
        if span is not None and not any(t.i in st.claimed for t in span):
            st.add(span.start, span.end, st.table.text_person(name), "full-name-in-text", confidence=0.7)
        return name
    return None
