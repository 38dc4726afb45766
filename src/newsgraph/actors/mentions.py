"""Named mentions: knowledge-base surface forms and spaCy's entities, linked on their own evidence."""

from __future__ import annotations

import re
from typing import Any

from spacy.tokens import Span

from ..errors import NewsgraphError
from ..kb.store import common_words
from . import evidence
from . import lexicon as lx
from .agents import named_body_country
from .matcher import Entry, Hit
from .roles import us_party_state
from .state import SUFFIXES, State, clean_person_name, initials, looks_like_org, name_core
from .subbody import sub_body

# entity labels of names that contain other names ("the Clinton Foundation", "the UN Commission of
# Inquiry", "Obama Presidential Center"): a person or organisation form inside one is part of it
NAME_LABELS = frozenset({"ORG", "FAC", "WORK_OF_ART", "EVENT", "LAW", "PRODUCT"})


def inside_longer_name(st: State, h: Hit, ents: list[Any], *, person: bool = False, owner_ok: bool = False) -> bool:
    """Is the hit one part of a longer proper name (an entity that adds capitalised words)?

    For a person, only words after the name count: words before it are a title the tagger took
    into the entity ("NATO Secretary General Jens Stoltenberg"), words after it make it a
    modifier of another name ("the Clinton Foundation"). For an organisation, capitalised words
    before it count too ("Foundation" in "the Clinton Foundation" is no actor of its own), unless
    ``owner_ok`` and it opens the longer name, which is then its own ("the CSTO Collective
    Forces" are the CSTO's)."""
    for e in ents:
        if e.label_ not in NAME_LABELS or not (e.start <= h.start and h.end <= e.end) or (e.start, e.end) == (h.start, h.end):
            continue
        # the name around the hit: the entity's words up to punctuation ("the X Organisation (XO")
        lo = h.start
        while lo > e.start and not st.doc[lo - 1].is_punct and st.doc[lo - 1].tag_ != "POS":
            lo -= 1
        hi = h.end
        while hi < e.end and not st.doc[hi].is_punct and st.doc[hi].tag_ != "POS":
            hi += 1
        before = [t for t in st.doc[lo:h.start] if t.is_alpha and t.lower_ != "the"]
        after = [t for t in st.doc[h.end:hi] if t.is_alpha and t.text[:1].isupper()]
        if before and before[-1].lower_ == "of" and not after:
            continue  # "the Council of the EU": a body of the organisation, named after it
        if person:
            if after:
                return True
            continue
        if not before and not after:
            continue
        if owner_ok and not before:
            continue
        if before and not after and all(lx.title_key(t.lower_) or t.lower_ in lx.TITLE_FIRST_WORDS for t in before):
            continue
        states = {x.kb_id for t in before for hh in st.hits if hh.start <= t.i < hh.end for x in hh.entries
                  if x.kind == "country"}
        if before and not person and len(states) == 1 and all(
                any(hh.start <= t.i < hh.end for hh in st.hits) for t in before) and any(
                x.kind != "country" and _states_body(st, x.kb_id, next(iter(states))) for x in h.entries):
            continue  # "the US Environmental Protection Agency": a state's body, named with its state
            # ("the American Red Cross" is another body than the Red Cross)
        return True
    return False


_LEADER_BODIES = frozenset({"administration", "government", "campaign", "team", "cabinet", "presidency"})


def named_after(st: State, e: Any, start: int, end: int) -> bool:
    """Is the full name at tokens ``start:end`` (two words or more) the opening of a longer name,
    the entity ``e``, that goes on with capitalised common words only and takes "the" ("the Robert
    F. Kennedy Human Rights group", "the John F. Kennedy Center"): a body named after a person? A
    person's name takes no article, and a leader's administration or campaign is the leader's."""
    if end - start < 2 or not (st.doc[start - 1].lower_ == "the" if start > 0 else False):
        return False
    after = [t for t in st.doc[end:e.end] if t.is_alpha]
    common, given = common_words(), st.given_names()
    return bool(after) and all(t.text[:1].isupper() and (t.lower_ in common or t.lower_ in lx.ORG_WORDS)
                               and t.lower_ not in given for t in after) \
        and after[-1].lower_ not in _LEADER_BODIES


def acronym_taken_for_place(st: State, e: Any) -> bool:
    """Is a place entity an organisation's acronym after "the" that no gazetteer knows ("the NRA
    filed suit")? A place's abbreviation is known ("the UAE", "the DRC") or takes no article ("NYC")."""
    toks = [t for t in e if t.lower_ != "the"]
    if e.label_ != "GPE" or len(toks) != 1 or not (2 <= len(toks[0].text) <= 6) or not toks[0].text.isalpha() \
            or not toks[0].text.isupper():
        return False
    k = toks[0].i
    if not (k > 0 and st.lower[k - 1] == "the") or st.hits_in(k, k + 1):
        return False
    from ..places import resolve_place

    return resolve_place(toks[0].text) is None


def _state_of(h: Hit) -> str | None:
    return next((x.kb_id for x in h.entries if x.kind == "country"), None)


# CAMEO codes of bodies that belong to no state: international, non-governmental, business
_STATELESS_CODES = ("IGO", "NGO", "MNC", "BUS")


def _name_word(st: State, i: int) -> bool:
    """A word that names bodies as well as people ("Council"): no sign of a person in a name."""
    return st.lower[i] in common_words() or st.lower[i] in lx.ORG_WORDS


def _states_body(st: State, kb_id: str, iso3: str | None) -> bool:
    """Can an organisation of the KB be this state's own body ("the US Senate")? Not one the KB
    places in another state, nor an international, non-governmental or business body ("the
    American Red Cross" is a body of its own, not the state)."""
    ent = st.kb.entity(kb_id) if st.kb is not None else None
    if ent is None:
        return True
    country = getattr(ent, "country", None)
    if country:
        return country == iso3
    return not str(getattr(ent, "code", "") or "").startswith(_STATELESS_CODES)


def surname_of_named_person(st: State, h: Hit, person_ents: list[Any]) -> bool:
    """A one-word state name that is the surname of a person the article named in full before, as
    the subject of a clause ("Rep. Jim Jordan ... Jordan said", "Later, Jordan attacked the
    agency"): the person again (the surname rule links it), not the state."""
    if h.end - h.start != 1 or st.doc[h.start].dep_ not in {"nsubj", "nsubjpass"}:
        return False
    word = st.lower[h.start]
    return any(e.end <= h.start and e.end - e.start >= 2 and e[-1].lower_ == word for e in person_ents)


def country_in_other_name(st: State, h: Hit, ents: list[Any]) -> bool:
    """A state's name or adjective that is part of another name: a person's ("Steve Israel"), or
    an organisation's that is no body of that state ("USA Today", "American Bridge"; but "US
    Senate", "Russian Defence Ministry" are the state's own agents and keep the state)."""
    from . import lexicon as lx

    home = _state_of(h)
    for e in ents:
        if not (e.start <= h.start and h.end <= e.end) or (e.start, e.end) == (h.start, h.end):
            continue
        before = [t for t in st.doc[e.start:h.start] if t.is_alpha and t.lower_ != "the"]
        after = [t for t in st.doc[h.end:e.end] if t.is_alpha]
        if e.label_ == "PERSON" and before and not any(lx.title_key(t.lower_) or t.lower_ in lx.TITLE_FIRST_WORDS
                                                       or t.lower_ in lx.HONORIFICS for t in before):
            return True
        if e.label_ in NAME_LABELS and before and before[-1].text[:1].isupper() and not any(
                lx.title_key(t.lower_) or t.lower_ in lx.TITLE_FIRST_WORDS or lx.sector_of(t.lower_) for t in before):
            return True  # "Staten Island": the last word of another place's or body's name
        if e.label_ in NAME_LABELS and not after and len(before) >= 2 and before[-1].lower_ in ("of", "for") \
                and all(t.text[:1].isupper() for t in before[:-1]) \
                and (len(before) >= 3 or before[0].tag_ in {"NNS", "NNPS"} or before[0].lower_ in lx.ORG_WORDS) and not any(
                lx.title_key(t.lower_) or t.lower_ in lx.TITLE_FIRST_WORDS or lx.sector_of(t.lower_)
                or t.lower_ in lx.ORG_WORDS for t in before[:-1]):
            return True  # "the Boy Scouts of America", "Veterans for America": the name's last words ("the
            # Government of X" is X's)
        if e.label_ in NAME_LABELS and not before and after and after[0].text[:1].isupper() \
                and lx.sector_of(" ".join(t.lower_ for t in after)) is None and st.title_at(h.end) is None \
                and not any(x.kind != "country" and _states_body(st, x.kb_id, home)
                            and not (x.kind == "person" and hh.end - hh.start == 1 and _name_word(st, hh.start))
                            for hh in st.hits if hh.start >= h.end and hh.end <= e.end for x in hh.entries):
            return True  # "American Bridge", "the American Red Cross" (a body of its own, not the state's;
            # a sector's name after it, "the US Senate", "Syrian opposition", keeps the state's agent)
    return name_modifier(st, h)


def name_modifier(st: State, h: Hit) -> bool:
    """A state's name that opens a longer capitalised name the tagger did not mark ("the Special
    Inspector General for Iraq Reconstruction", "the Syria Working Group"): the name modifies a
    capitalised head that is no kind of body or agent and no title (the "US Senate", "Russia's
    Defence Ministry" and "U.S. President" keep the state)."""
    root = st.doc[h.start:h.end].root
    head = root.head
    if root.dep_ != "compound" or head.i < h.end or head.pos_ != "PROPN" or not head.text[:1].isupper():
        return False
    words = st.doc[h.end:head.i + 1]
    if not all(t.pos_ == "PROPN" and t.text[:1].isupper() and t.is_alpha for t in words):
        return False
    if any(lx.title_key(t.lower_) or t.lower_ in lx.TITLE_FIRST_WORDS or t.lower_ in lx.ORG_WORDS
           or lx.sector_of(t.lower_) for t in words):
        return False  # "U.S. Attorney X", "the US Senate": the state's own office or body
    if title_case(st.doc[h.start].sent):
        return False  # a headline in title case ("U.S. Weighs New Sanctions"): every word is capitalised
    return lx.sector_of(" ".join(t.lower_ for t in words)) is None and not any(
        x.kind != "country" for hh in st.hits if h.end <= hh.start and hh.end <= head.i + 1 for x in hh.entries)


_MINOR_WORDS = frozenset({"a", "an", "the", "and", "or", "but", "of", "in", "on", "at", "to", "for", "by", "with",
                          "from", "as", "vs"})


def title_case(sent: Any) -> bool:
    """Is the sentence written in title case (every word but the small ones capitalised)?"""
    words = [t for t in sent if t.is_alpha and t.lower_ not in _MINOR_WORDS]
    return len(words) >= 2 and sum(t.text[:1].isupper() for t in words) >= 0.8 * len(words)


def place_name_tail(st: State, h: Hit, ents: list[Any]) -> bool:
    """A country's form that ends the name of another place ("Staten Island", "Rhode Island" and
    Iceland's "Island"): a place entity with a capitalised word before it that no KB form covers
    whole. Such hits are dropped before any rule reads them."""
    if not any(e.kind == "country" for e in h.entries):
        return False
    for e in ents:
        if e.label_ in {"GPE", "LOC"} and e.start < h.start and h.end == e.end \
                and st.doc[h.start - 1].text[:1].isupper() and st.doc[h.start - 1].pos_ == "PROPN" \
                and not any(x.start <= e.start and x.end >= e.end for x in st.hits):
            return True
    return False


def suffixed(st: State, h: Hit) -> bool:
    """"Avengers-like", "Kennedy-style": a name glued to a suffix names nobody."""
    return h.end + 1 < len(st.doc) and st.doc[h.end].text == "-" and st.doc[h.end + 1].lower_ in {
        "like", "style", "esque", "type", "inspired", "era"}


def common_word_alone(st: State, h: Hit, ents: list[Any]) -> bool:
    """A one-word form that is also a common word ("May", "Bill", an acronym like "AIM") links only
    when spaCy reads exactly that word as a name of the same sort."""
    if h.end - h.start != 1 or st.lower[h.start] not in common_words():
        return False
    if acronym_in_running_text(st, h.start):
        return False  # "the US Senate": no pronoun
    labels = {"person": {"PERSON"}, "country": {"GPE", "NORP"}}
    kinds = {e.kind for e in h.entries}
    wanted = set().union(*(labels.get(k, {"ORG"}) for k in kinds))
    return not any(e.start == h.start and e.end == h.end and e.label_ in wanted for e in ents)


def acronym_in_running_text(st: State, i: int) -> bool:
    """Is token ``i`` written in capitals in a sentence that is not ("the US Senate", "AIM said")?
    A capitalised acronym is not the common word it spells; a line all in capitals says nothing."""
    word = st.words[i]
    if len(word) < 2 or not word.isalpha() or not word.isupper():
        return False
    letters = [t.text for t in st.doc[i].sent if t.is_alpha and t.i != i]
    return bool(letters) and sum(w.isupper() for w in letters) <= len(letters) // 3


def person_name(st: State, e: Any) -> str:
    """The person's name in a PERSON entity, without titles and without leading words that are
    common nouns rather than given names ("Team Obama", "Husband Bill"); a name ending in a
    common word ("Obama White House") is no person's name ("")."""
    words = clean_person_name(e.text).split()
    common = common_words()
    given = st.given_names()
    while words and words[0].lower() in common and words[0].lower() not in given \
            and not common_given_name(st, e, words):
        words = words[1:]
    if len(words) >= 2 and words[-1].lower() in common and words[-1].lower() not in given:
        return ""
    return " ".join(words)


def heading_in_capitals(st: State, e: Any) -> bool:
    """Is the entity two words or more in capitals on a line written all in capitals (a
    subheading, whose words the tagger reads as a name)?"""
    words = [t.text for t in e if t.is_alpha]
    if len(words) < 2 or not all(w.isupper() for w in words):
        return False
    text = st.text
    start = text.rfind("\n", 0, e.start_char) + 1
    end = text.find("\n", e.end_char)
    line = text[start:end if end >= 0 else len(text)]
    letters = [c for c in line if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


PHOTO_CREDIT_WORDS = frozenset({"photo", "photos", "photograph", "image", "images", "getty", "file", "pool",
                                # the wire services a photographer's name is credited to ("Jane Roe/AP")
                                "ap", "afp", "reuters", "upi", "dpa", "epa", "xinhua", "tass", "ansa", "anadolu"})


def common_given_name(st: State, e: Any, words: list[str]) -> bool:
    """Is the first of two name words a given name that is also a common word ("Drew", "Rich",
    "Hope" before a surname)? The tagger reads it as part of a proper name in mid-sentence, and
    the word after it is no name anyone else has: no KB form, no given name, no surname of the
    article ("Team Obama", "Husband Bill": a common noun before a known name)."""
    if len(words) != 2:
        return False
    tok = next((t for t in e if t.text == words[0]), None)
    last = words[1]
    if tok is None or tok.pos_ != "PROPN" or tok.is_sent_start or not tok.text.istitle() or tok.tag_ == "NNPS" \
            or not last.istitle() or not last.isalpha():
        return False  # ("Citizens United", "Healthy CT": a plural first, an acronym last: no name)
    low = tok.lower_
    if low.endswith("s") and low[:-1] in common_words():
        return False  # "Hurricanes Harvey": a plural noun
    if low in lx.ADDRESS_WORDS or low in lx.HONORIFICS or low in lx.TITLE_FIRST_WORDS or lx.title_key(low):
        return False  # "Aunt Jemima", "Father Brown": a form of address
    return last.lower() not in st.given_names() and last.lower() not in common_words() \
        and not st.index.forms.get(last) and evidence.norm(last) not in evidence.surname_index(st)


_INITIALS = re.compile(r"(?:[A-Z]\.){1,3}")


def name_words(name: str) -> list[str] | None:
    """The words of a name of two to four capitalised words, none an organisation word (else None)."""
    words = name.split()
    if not 2 <= len(words) <= 4 or any(w.lower().strip(".") in lx.ORG_WORDS for w in words):
        return None
    return words if all(w[:1].isupper() for w in words) else None


def person_shaped(st: State, name: str) -> bool:
    """Does a name the tagger gave to an organisation have a person's shape? Two to four
    capitalised words, none an organisation word, with initials between the first and the last
    ("Mortimer D.A. Sackler") or a given name first that is no common word ("Letitia James")."""
    words = name_words(name)
    if words is None or not words[-1].replace("-", "").replace("'", "").isalpha():
        return False
    if len(words) >= 3 and all(_INITIALS.fullmatch(w) for w in words[1:-1]):
        return True
    first = words[0].lower()
    return first in st.given_names() and first not in common_words() and not st.kb_knows(words[-1])


_SMALL_WORDS = frozenset({"of", "the", "and", "for", "to", "on", "in", "at", "a", "an"})


def defined_acronyms(st: State) -> None:
    """An organisation or group named in full with its acronym in brackets after it ("the
    Libertarian Party (L.P.)", "the Committee to Protect Journalists (CPJ)"): the acronym, there and
    wherever the article writes it later, is that actor. The acronym must be the name's initials
    (in capitals, or with one capital where a house style writes it so: "(Ice)")."""
    refs = sorted(st.refs, key=lambda r: r.start)
    n = len(st.doc)
    for r in refs:
        actor = st.table.get(r.actor)
        if actor is None or actor.kind not in ("organization", "group", "bloc") or r.end + 2 >= n:
            continue
        if st.words[r.end] != "(" or st.words[r.end + 2] != ")":
            continue
        letters = re.sub(r"\W", "", st.words[r.end + 1])
        # ("Ice", "Nato": house styles write an acronym said as a word with one capital)
        spelled = letters.isupper() or (len(letters) >= 3 and letters[0].isupper() and letters[1:].islower())
        if len(letters) < 2 or not spelled or letters.upper() != initials(st.doc[r.start:r.end].text, _SMALL_WORDS):
            continue
        # the tagger's organisation of the acronym's name ("CPJ"), read already: the same body
        st.retarget({x.id for x in st.table.actors.values() if x.kind == "organization" and not x.kb_id
                     and re.sub(r"\W", "", x.name) == letters and x.id != actor.id},
                    actor.id, "ner-org", "acronym-defined", 0.9)
        for k in range(r.end + 1, n):
            if k not in st.claimed and re.sub(r"\W", "", st.words[k]) == letters:
                st.add(k, k + 1, actor, "acronym-defined", confidence=0.9)


def same_name_again(st: State) -> None:
    """An organisation the article names (one the KB does not know, read from the tagger's
    entity) is that organisation wherever the article writes the same name again, in the same
    case, where the tagger missed it ("the Daily Beast said ...", later "left the Daily Beast").
    Not inside a longer name ("Daily Beast Foundation" is read as its own), and an acronym that is
    also a common word does not count at a sentence's start. A one-word name must be an acronym: a
    single capitalised word the tagger read as a body is as often a person's surname or a law's
    name ("Mueller", "Obamacare") as a body's."""
    names: dict[tuple[str, ...], Any] = {}
    for aid in dict.fromkeys(aid for _s, _e, aid, rule, _ante, _conf in st.mentions if rule == "ner-org"):
        actor = st.table.get(aid)
        if actor is None or actor.kind != "organization" or actor.kb_id:
            continue
        words = tuple(actor.name.split())
        if words and words[0].lower() == "the":
            words = words[1:]
        if not words or not all(w[:1].isupper() or w.lower() in _SMALL_WORDS for w in words):
            continue
        if len(words) == 1 and not (words[0].isupper() and len(words[0]) > 1):
            continue  # one word that is no acronym: as often a person's name or a law's the tagger
            # took for a body ("Vitter", "Obamacare") as a body's
        names.setdefault(words, actor)
    n = len(st.doc)
    for words, actor in names.items():
        size = len(words)
        common = size == 1 and words[0].lower() in common_words()  # "AID", "WHO"
        for k in range(n - size + 1):
            if tuple(st.words[k:k + size]) != words or any(j in st.claimed for j in range(k, k + size)):
                continue
            before = st.doc[k - 1] if k > 0 else None
            after = st.doc[k + size] if k + size < n else None
            if (before is not None and before.pos_ == "PROPN" and before.text[:1].isupper()) or (
                    after is not None and after.pos_ == "PROPN" and after.text[:1].isupper()):
                continue  # a word of a longer name
            if common and st.doc[k].is_sent_start:
                continue
            st.add(k, k + size, actor, "same-name", confidence=0.8)


def agency_sector(code: str) -> str:
    """The one sector of a state body's CAMEO code: a chamber's or a court's under its government
    (``USAGOVLEG`` -> LEG, ``USAGOVJUD`` -> JUD), else the first (``USAMILSPY`` -> MIL, ``USAGOVENV`` -> GOV)."""
    parts = [code[k:k + 3] for k in range(3, len(code) - 2, 3)]
    return parts[1] if parts[:1] == ["GOV"] and parts[1:2] in (["LEG"], ["JUD"]) else (parts[0] if parts else "GOV")


# qualifiers that make the continent's adjective a region's ("Central American", "Latin American",
# "South American"); states whose own name starts with one ("South African") are KB forms of their own
_REGION_QUALIFIERS = frozenset({"central", "latin", "north", "south", "northern", "southern"})
# a state's adjective that is also a continent's: with a qualifier it names part of the continent
# ("North Indian", "Northern Italian" stay parts of their state)
_CONTINENT_ADJECTIVES = frozenset({"american", "americans"})


def _state_adjective(h: Hit) -> set[str]:
    return {e.kb_id for e in h.entries if e.kind == "country" and e.attr in {"adjective", "demonym"}}


def heritage_adjectives(st: State, hits: list[Hit]) -> list[Hit]:
    """Drop the first of two states' adjectives written together ("Japanese American", "Mexican-
    American", "Irish-Canadian"): the pair names a people of the second state by its heritage, and
    the first names no state taking part."""
    return [h for k, h in enumerate(hits) if not (k + 1 < len(hits) and _heritage_pair(st, h, hits[k + 1]))]


def _heritage_pair(st: State, h: Hit, nxt: Hit) -> bool:
    """Is ``h`` a one-word adjective of one state written right before (or hyphenated to) another
    state's capitalised adjective?"""
    if h.end - h.start != 1 or nxt.start - h.end > 1 or not st.words[nxt.start][:1].isupper() \
            or any(st.words[k] != "-" for k in range(h.end, nxt.start)):
        return False
    first, second = _state_adjective(h), _state_adjective(nxt)
    return bool(first) and bool(second) and not first & second \
        and all(e.kind == "country" and e.attr in {"adjective", "demonym"} for e in h.entries)


def region_adjective(st: State, h: Hit) -> bool:
    """Is the hit a state's adjective or demonym that a capitalised compass word before it makes a
    region's ("Central American migrants", "South American governments": not the United States)?"""
    k = h.start - 1
    return k >= 0 and h.end - h.start == 1 and st.lower[h.start] in _CONTINENT_ADJECTIVES \
        and st.lower[k] in _REGION_QUALIFIERS and st.words[k][:1].isupper() \
        and all(e.kind == "country" and e.attr in {"adjective", "demonym"} for e in h.entries)


def regions_read_as_states(st: State, hits: list[Hit]) -> list[Hit]:
    """A state's name that the article's geography reads as a region of another state ("Georgia"
    among Florida and Arizona: the US state) names that other state: its officials, bodies and
    people are that state's (CAMEO codes a region's actors under its state)."""
    named = {st.doc[h.start:h.end].text: h for h in hits if any(e.kind == "country" for e in h.entries)}
    if not named:
        return hits
    from ..gazetteer import name_key
    from ..places import region_readings

    readings = region_readings(st.analysis, named)
    if not readings:
        return hits
    out = []
    for h in hits:
        state = readings.get(name_key(st.doc[h.start:h.end].text))
        if state is not None and any(e.kind == "country" for e in h.entries):
            h = Hit(h.start, h.end, (Entry(state, "country", "region"),))
        out.append(h)
    return out


_DAY_WORDS = evidence.WEEKDAYS | {"today", "tonight", "yesterday", "tomorrow"}


def without_day(st: State, e: Span) -> Span:
    """ "President Roe Sunday said": the tagger ran the day the news gives after a name into the
    name; the day is no part of it."""
    end = e.end
    while end - e.start > 1 and st.doc[end - 1].lower_ in _DAY_WORDS:
        end -= 1
    return e if end == e.end else Span(st.doc, e.start, end, label=e.label_)


def link_names(st: State, hits: list[Hit], ents: list[Any]) -> None:
    """Stage 2: named mentions linked on their own evidence: a full name or recorded alias of a
    person; the name, alias or acronym of a state, organisation or bloc. Not on their own: a
    form inside a longer name, a one-word form that is a common word, a bare surname (the
    reference rules decide those from the context)."""
    person_ents = [without_day(st, e) for e in ents if e.label_ == "PERSON"]
    covered: set[int] = {i for h in hits for i in range(h.start, h.end)}  # ORG entities there are KB forms
    for h in hits:
        in_person_ent = any(e.start <= h.start and h.end <= e.end for e in person_ents)
        entry = st.choose_entry(h, in_person_ent)
        if entry is None:
            continue
        if suffixed(st, h):
            covered.difference_update(range(h.start, h.end))
            continue
        if entry.kind == "country" and (country_in_other_name(st, h, ents) or surname_of_named_person(st, h, person_ents)):
            covered.difference_update(range(h.start, h.end))
            continue
        if entry.kind in {"person", "organization", "bloc"} and (inside_longer_name(
                st, h, ents, person=entry.kind == "person",
                owner_ok=h.end - h.start > 1 or st.lower[h.start] not in common_words()) or (
                entry.kind == "person" and any(e.start <= h.start and named_after(st, e, h.start, h.end) for e in person_ents))):
            covered.difference_update(range(h.start, h.end))
            continue  # "Clinton" in "the Clinton Foundation": the longer name is the actor
        if (entry.kind != "country" or entry.attr in {"alias", "acronym"}) and common_word_alone(st, h, ents):
            covered.difference_update(range(h.start, h.end))
            continue
        if entry.kind == "country" and h.end - h.start == 1 and in_person_ent and (
                any(e.ambiguous for e in h.entries) or any(
                    e.start == h.start and e.end - e.start > 1 and st.doc[h.end].text[:1].isupper()
                    for e in person_ents)):
            continue  # "Chad", "Jordan" as a person's name; "Dominique Strauss-Kahn": a given name first
        if entry.kind == "person":
            if entry.attr == "surname" or h.end - h.start == 1:
                if h.end - h.start == 1 and _name_word(st, h.start) \
                        and evidence.norm(st.words[h.start]) not in evidence.surname_index(st) \
                        and inside_longer_name(st, h, ents):
                    covered.difference_update(range(h.start, h.end))  # "Council" in an organisation's name
                continue  # a bare surname is a reference: pass 2 decides
            if other_state_named(st, h):
                covered.difference_update(range(h.start, h.end))
                continue  # "King Abdullah of Jordan" is not the Saudi king the alias names: the title rules decide
            if junior_of(st, h):
                end = h.end + 1
                name = st.doc[h.start:end].text
                st.add(h.start, end, evidence.kb_person_by_name(st, name) or st.table.text_person(name), "ner-person",
                       confidence=0.8)
                covered.update(range(h.start, end))
                continue
            actor = evidence.person_from_kb(st, h)
            if actor is not None:
                named = any(e.kb_id == actor.kb_id and e.attr in {"name", "full_name"} for e in h.entries)
                st.add(h.start, h.end, actor, "kb-name" if named else "kb-alias")
                covered.update(range(h.start, h.end))
            continue
        if entry.attr in {"adjective", "demonym"} and entry.kind == "country":
            continue  # adjectives are read inside noun phrases in pass 2
        if entry.kind == "country" and st.locative(h.start, h.end):
            continue  # "fighting in Syria": a place (the places step has it), not an actor
        if entry.attr in {"capital", "seat"}:
            continue  # metonyms depend on syntax: pass 2
        if st.prefixed(h.start):
            continue
        if entry.kind == "bloc" and h.end < len(st.doc) and st.doc[h.end].pos_ == "PROPN":
            continue  # "the West Bank", "West Africa": not the Western bloc
        if entry.kind == "bloc" and h.end - h.start == 1 and st.index.takes_the(st.words[h.start]) and not (
                h.start > 0 and st.lower[h.start - 1] == "the"):
            continue  # a bloc named with its article ("the West"); without it a person's name ("West said")
        body = sub_body(st, h, entry.kb_id) if entry.kind == "organization" else None
        if body is not None:  # "the UN refugee agency": the KB's body of the organisation
            actor = st.table.from_kb(body[1])
            if actor is not None:
                st.add(h.start, body[0], actor, "kb-sub-body", confidence=0.8)
                covered.update(range(h.start, body[0]))
                continue
        actor = st.table.from_kb(entry.kb_id)
        if actor is None:
            continue
        start = h.start
        # "the United States" takes its article; "the UN chief" does not (the article is the chief's)
        if start > 0 and st.doc[start - 1].lower_ == "the" and st.index.takes_the(st.doc[h.start:h.end].text) \
                and st.doc[h.start:h.end].root.dep_ not in {"compound", "amod", "nmod"}:
            start -= 1
        st.add(start, h.end, actor, f"kb-{entry.attr}")
        covered.update(range(h.start, h.end))
    # spaCy's people the KB does not know, if they look like full names
    for e in person_ents:
        if any(i in st.claimed for i in range(e.start, e.end)):
            continue
        toks = [t for t in e if t.is_alpha or t.text == "-"]
        if not evidence.name_shaped(e):
            continue  # "Jane Roe/Getty Images": a photo credit; "Bill 1192": a bill's number; no one's name
        if any(((x.kind == "country" and x.attr in {"seat", "capital"} and not after_given_names(st, e, h))
                or (x.kind in {"organization", "bloc"} and x.attr in {"name", "acronym"}))
               for h in st.hits_in(e.start, e.end) for x in h.entries):
            continue  # "Obama White House": a name with an organisation's or a seat's in it is no person's
        name = person_name(st, e)
        last = clean_person_name(e.text).split()[-1:]
        if last and (last[0].lower() in lx.ORG_WORDS or any(
                named_after(st, e, h.start, h.end) for h in st.hits_in(e.start, e.end)
                if any(x.kind == "person" for x in h.entries))):
            # "Purdue Pharma", "Carnegie Endowment": an organisation's name the tagger took for a person's
            start = e.start  # and the capitalised names before it that the tagger left out ("Purdue")
            while start > 0 and st.doc[start - 1].pos_ == "PROPN" and st.words[start - 1][:1].isupper() \
                    and (start - 1) not in st.claimed:
                start -= 1
            st.add(start, e.end, st.table.organization(st.doc[start:e.end].text), "ner-org", confidence=0.7)
            covered.update(range(start, e.end))
            continue
        if len(name.split()) < 2 or not toks or not all(t.text[:1].isupper() for t in e if t.is_alpha):
            continue  # a single word: only a reference (surname) can make it a person
        key = evidence.norm(name)
        if key in evidence.surname_index(st) or (
                len(key.split()) == 2 and key.split()[-1] in SUFFIXES and name_core(name) in evidence.surname_index(st)):
            continue  # "Le Pen" after "Marine Le Pen", "Trump Jr." after "Donald Trump Jr.": a surname
            # referring back (try_surname)
        kb_person = evidence.kb_person_by_name(st, name)
        if kb_person is not None and not_theirs(st, e.start, e.end, {kb_person.kb_id}):
            # the KB's namesake in another state: this person is someone the KB does not know (and
            # the namesake, not mentioned, leaves the table so the name's actor is theirs)
            if not any(m[2] == kb_person.id for m in st.mentions):
                st.table.actors.pop(kb_person.id, None)
            kb_person = None
        actor = kb_person or st.table.text_person(name)
        st.add(e.start, e.end, actor, "kb-name" if kb_person else "ner-person",
                 confidence=1.0 if kb_person else 0.8)
    speaker_labels(st)
    # organisations spaCy found that the KB does not know
    for e in ents:
        acronym = e.label_ == "GPE" and acronym_taken_for_place(st, e)  # read as an organisation's name
        if (e.label_ not in ("ORG", "FAC") and not acronym) or any(i in st.claimed for i in range(e.start, e.end)):
            continue
        if "/" in e.text and PHOTO_CREDIT_WORDS & set(re.split(r"[\W_]+", e.text.lower())):
            continue  # "AP Photo/Jane Roe", "Jane Roe/Getty Images": a photo credit, no organisation acting
        name = e.text[4:] if e.text.lower().startswith("the ") else e.text
        if named_beside_person_noun(st, e, name):  # "the firm's chief executive, Lionel Voss,"
            kb_person = evidence.kb_person_by_name(st, name)
            st.add(e.start, e.end, kb_person or st.table.text_person(name), "kb-name" if kb_person else "ner-person",
                   confidence=1.0 if kb_person else 0.7)
            continue
        if (e.label_ != "ORG" and not acronym) or any(i in covered for i in range(e.start, e.end)):
            continue
        if e.end - e.start > 1 and e[-1].tag_ == "POS":
            # "the Republican Party's": the possessive ending is no part of the name
            e = Span(st.doc, e.start, e.end - 1, label=e.label_)
            name = e.text[4:] if e.text.lower().startswith("the ") else e.text
        if any(t.tag_ == "POS" for t in e):
            continue  # "Obama's Medicare": a possessor and its thing, not one organisation's name
        if evidence.leader_government_name(st, e):
            continue  # "the Trump Administration": the leader's name and their government, read in pass 2
        if evidence.portfolio_of_title(st, e):
            continue  # "Secretary of State": the office's name, no organisation
        if name.split()[-1].lower() in lx.OBSERVANCE_WORDS:
            continue  # "National Foster Care Month", "Veterans Day": a time of year, no organisation
        if heading_in_capitals(st, e):
            continue  # "DEFENSE TEAM RESPONDS" on a line of its own: a subheading, no organisation's name
        if evidence.names_a_bill(st, e.end):
            continue  # "Senate Bill 1192", "House Resolution 24": the chamber names the bill, it does not act
        if " " not in e.text and evidence.norm(e.text) in evidence.surname_index(st):
            continue  # a person's surname the tagger took for an organisation (hyphenated: "Ruiz-Vega")
        if not looks_like_org(name) or name.lower() in lx.RANKS or name.lower() in lx.TITLES:
            continue
        if e.end - e.start == 1 and e.root.dep_ in {"amod", "compound"} and e.root.head.i > e.root.i \
                and e.root.head.text[:1].islower() and name.lower() in common_words():
            continue  # "Chemical weapons", "the Patriot missile": a capitalised common word modifying a noun
        if person_shaped(st, name) or (  # "Mortimer D.A. Sackler" tagged as an organisation
                name_words(name) is not None and us_party_state(st.text, e.end_char)):  # "Jane Roe, D-Ohio"
            st.add(e.start, e.end, st.table.text_person(name), "ner-person", confidence=0.7)
            continue
        if " " not in name and name.lower() in lx.agents() and named_body_country(st, e.root) is not None:
            continue  # "Congress", "the Senate", "Parliament" placed by its clause or the dateline: that state's body
        party = lx.PARTY_NAMES.get(evidence.norm(name))
        if party is not None and not any(st.ref_at(k) is not None and st.ref_at(k).kind == "country"
                                         and st.ref_at(k).actor != party[0] for k in range(max(0, e.start - 2), e.start)):
            # "the GOP", "the Democratic Party": the party's group, one with "Republicans" (not
            # "Japan's Democratic Party")
            st.add(e.start, e.end, st.table.sector(party[0], "PTY", party[1]), "party-name", confidence=0.8)
            continue
        if e.end + 1 < len(st.doc) and lx.title_key(f"{name.lower()} {st.lower[e.end]}") \
                and st.doc[e.end + 1].ent_type_ == "PERSON":
            continue  # "Finance Minister X": a title's portfolio before a name, read with the title (not
            # "House Speaker X": the House is a body of its own)
        if " " not in name and _place_name(name):
            continue  # "Crimea", "Kashmir" tagged as a body: a region (the KB's states and seats are read apart)
        code = st.kb.agency_code(name) if st.kb is not None and hasattr(st.kb, "agency_code") else None
        if code is not None:
            # a state's body the KB names with its CAMEO code ("the FBI": USACOP): a group of that
            # state and sector, of its own name
            st.add(e.start, e.end, st.table.sector(code[:3], agency_sector(code), name), "kb-agency", confidence=0.8)
            continue
        variant = st.kb.organization_variant(name) if st.kb is not None and hasattr(st.kb, "organization_variant") \
            else None
        if variant is not None and (actor := st.table.from_kb(variant.id)) is not None:
            # a KB body's name written another way ("Organization of ..." for "Organization for
            # ...", "Planned Parenthood" for "Planned Parenthood Federation")
            st.add(e.start, e.end, actor, "kb-variant", confidence=0.8)
            continue
        org = st.table.organization(name)
        if org.country is None:
            org.country = country_named_in(st, e)
        st.add(e.start, e.end, org, "ner-org", confidence=0.7)


def _place_name(name: str) -> bool:
    """Is the one-word name a region's own name in the gazetteer ("Crimea", "Kashmir"; not another
    name of a place: "Google" is no town's name), and no acronym or common word?"""
    if name.isupper() or name.lower() in common_words():
        return False  # an acronym ("NATO") or a word ("Apple") is no place name to trust
    try:
        from ..places import resolve_place

        place = resolve_place(name)
    except (ImportError, OSError):
        return False
    # (only a region: towns share their names with companies, "Toyota", "Mercedes")
    return place is not None and place.feature == "region" and place.name.lower() == name.lower()


_INFLECTED = re.compile(r"[a-z]{3,}(?:ly|ed|ing|s)$")


def headline_name(st: State, ent: Any) -> Any:
    """A person's name in a line written in title case ("Senator Jane Roe Tells Critics To Wait",
    "Roe Strategically Positioned For Run"): the tagger runs the name on into the capitalised
    words after it. Those that are common words inflected as verbs or adverbs ("Tells",
    "Positioned", "Strategically") are no part of the name; the name ends before them."""
    if ent.label_ != "PERSON" or len(ent) < 2:
        return ent
    line_start = st.text.rfind("\n", 0, ent.start_char) + 1
    line_end = st.text.find("\n", ent.end_char)
    words = re.findall(r"[A-Za-z][\w'’-]*", st.text[line_start:line_end if line_end >= 0 else len(st.text)])
    if len(words) < 4 or sum(w[0].isupper() for w in words) < 0.7 * len(words):
        return ent
    end = ent.end
    common, given = common_words(), st.given_names()
    doc = st.doc
    while end - ent.start > 1 and (low := st.lower[end - 1]) in common and low not in given \
            and _INFLECTED.fullmatch(low) and not low.endswith("ss") \
            and (doc[end - 1].tag_.startswith(("VB", "RB")) or doc[end - 1].dep_ in ("ROOT", "advmod")):
        end -= 1  # (read as a verb or an adverb: "Tells", "Strategically"; not "Fields" in a list of names)
    return ent if end == ent.end else Span(ent.doc, ent.start, end, label="PERSON")


def named_beside_person_noun(st: State, e: Any, name: str) -> bool:
    """A name the tagger gave to an organisation or a building, set off by commas in apposition
    to a noun for a person ("the company's chief executive, Lionel Voss, said", "her lawyer, Dana
    Park,"): a person is named there, whatever the words of the name suggest elsewhere. Two or three
    capitalised words, none an organisation word."""
    words = name.split()
    if not 2 <= len(words) <= 3 or not all(w[:1].isupper() and w.replace("-", "").replace("'", "").isalpha()
                                            for w in words):
        return False
    if any(w.lower() in lx.ORG_WORDS for w in words):
        return False
    first = words[0].lower()
    if first in common_words() and first not in st.given_names():
        return False  # "Feminists United": a name opened by a common noun is a body's
    root = e.root
    head = root.head
    if root.dep_ != "appos" or head.i >= e.start or head.pos_ != "NOUN" or e.start == 0 \
            or st.doc[e.start - 1].text != ",":
        return False
    low = head.lower_
    mods = " ".join(t.lower_ for t in st.doc[head.left_edge.i:head.i + 1] if t.is_alpha and t.is_lower)
    agent = (lx.sector_of(low) is not None or lx.sector_of(mods) is not None) \
        and low.endswith((*lx.AGENT_SUFFIXES, "ive")) and not low.endswith("ment")
    return agent or low in lx.SPOKES_NOUNS or low in lx.ROLE_NOUNS or low in lx.TITLES \
        or head.lemma_.lower() in lx.PERSON_NOUNS or low in lx.PERSON_NOUNS  # (not "the company, X Y,")


# a line opened by words in capitals and a colon: a transcript's turn ("JANE ROE: ...", "SEN. JANE ROE: ...")
_SPEAKER_LABEL = re.compile(r"(?m)^[ \t]*([A-Z][A-Z.’'-]*(?:[ \t]+[A-Z][A-Z.’'-]*){1,5})[ \t]*:[ \t]+(?=\S)")


def speaker_labels(st: State) -> None:
    """A transcript names the speaker of each turn in capitals before a colon ("JANE ROE: ...").
    The tagger seldom reads a name in capitals as a person's; such a label is one when, its
    titles and honorifics set aside ("SEN.", "GOV.", "PRESIDENT"), it has a person's shape."""
    for m in _SPEAKER_LABEL.finditer(st.text):
        words = m.group(1).split()
        k = 0
        while k < len(words) - 2 and (words[k].lower() in lx.HONORIFICS or lx.title_key(words[k].lower().strip("."))
                                      or words[k].lower().strip(".") in lx.RANKS):
            k += 1
        if any(w.lower() in lx.HONORIFICS for w in words[k:]):
            continue
        name = " ".join(w[:1] + w[1:].lower() for w in words[k:])
        start = m.start(1) + m.group(1).index(words[k])
        span = st.doc.char_span(start, m.end(1), alignment_mode="contract")
        if span is None or any(i in st.claimed for i in range(span.start, span.end)):
            continue  # a name another rule took ("PAUL HARLAN", an organisation's tag, read as a person)
        first = name.split()[0].lower()
        if not (person_shaped(st, name) or (first in lx.given_name_gender() and first not in common_words()
                                            and not st.kb_knows(name.split()[-1]))):
            continue
        actor = evidence.kb_person_by_name(st, name) or st.table.text_person(name)
        st.add(span.start, span.end, actor, "kb-name" if actor.kb_id else "speaker-label", confidence=0.8)


def country_named_in(st: State, e: Any) -> str | None:
    """The one state whose name or adjective is part of an organisation's name ("the American Red
    Cross", "the Boy Scouts of America"), or whose possessive it takes ("Chile's Justice
    Ministry"): where the body is based."""
    states = {x.kb_id for h in st.hits if e.start <= h.start and h.end <= e.end for x in h.entries
              if x.kind == "country" and x.attr in {"name", "adjective", "alias", "acronym"}}
    if not states:  # "Chile's Justice Ministry": the state whose possessive the name takes
        owner = next((c for c in e.root.children if c.dep_ == "poss" and c.i < e.start), None)
        h = st.hit_at.get(owner.i) if owner is not None else None
        iso3 = st.hit_country(h) if h is not None and h.end == owner.i + 1 else None
        if iso3 is not None:
            return iso3
    return states.pop() if len(states) == 1 else None


def junior_of(st: State, h: Hit) -> bool:
    """Is a KB person's name followed by "Jr." that none of the KB's forms of them has ("Donald
    Trump Jr.")? The son is named after the father, whom the KB's entry is: not this person."""
    if h.end >= len(st.doc) or st.lower[h.end].rstrip(".") != "jr":
        return False
    for x in h.entries:
        ent = st.kb.entity(x.kb_id) if st.kb is not None and x.kind == "person" else None
        if ent is not None and any(re.search(r"\bjr\b", f.lower()) for f in (ent.name, *(ent.aliases or ()))):
            return False
    return True


def after_given_names(st: State, e: Any, h: Hit) -> bool:
    """Does a seat's or capital's name end a person entity after given names only ("William Hague",
    "Marie Paris")? Then it is the person's surname; after a surname ("Obama White House") it is not."""
    before = [t for t in st.doc[e.start:h.start] if t.is_alpha]
    return h.end == e.end and bool(before) and all(t.lower_ in st.given_names() for t in before)


def region_state_of_at(st: State, j: int) -> str | None:
    """The state of the first-level region in "of <region>" with "of" at token ``j`` ("Senator X
    of Maryland", "the governor of Bavaria"), when that is the name's main reading."""
    if j + 1 >= len(st.doc) or st.lower[j] != "of" or st.pos[j + 1] != "PROPN":
        return None
    k = j + 1
    while k < len(st.doc) and k < j + 4 and st.pos[k] == "PROPN":
        k += 1
    from ..places import resolve_place

    place = resolve_place(st.doc[j + 1:k].text)  # the name's main reading ("Maryland": the US state)
    return place.country if place is not None and place.feature == "admin1" else None


def other_state_named(st: State, h: Hit) -> bool:
    """Is the person named with a state not theirs: an adjective or possessive right before the
    name ("Jordanian King Abdullah", "Jordan's King Abdullah"), "of <state or region>" right after
    it ("King Abdullah of Jordan", "Senator X of Maryland") or a US legislator's party and state
    ("X, D-Md.,")? A KB name or alias shared by people of several states (a king's regnal name, a
    common full name) is then another person's, unless the KB gives this person a role in that
    state. Decided before any actor is made, so the wrong person's names never enter the article."""
    return not_theirs(st, h.start, h.end, {e.kb_id for e in h.entries if e.kind == "person" and e.attr != "surname"})


def not_theirs(st: State, start: int, end: int, people: set[str]) -> bool:
    """Are the states named with the name at tokens [start, end) (see :func:`other_state_named`)
    none of the KB people's?"""
    named: set[str] = set()
    before = st.chunk_start(start)
    iso3, _org, _used = st.modifiers(before, start, {x.start: x for x in st.hits_in(before, start)})
    if iso3:
        named.add(iso3)
    after = (st.state_of_at(end) or region_state_of_at(st, end)) if end < len(st.doc) else None
    if after:
        named.add(after)
    if us_party_state(st.text, st.doc[end - 1].idx + len(st.doc[end - 1].text)):
        named.add("USA")  # "Jane Roe, D-Md.,": a member of the US Congress
    if not named or st.kb is None or not people:
        return False
    for pid in people:
        ent = st.kb.entity(pid)
        try:
            roles = st.kb.roles(pid)
        except NewsgraphError:
            roles = []
        if ent is None or not getattr(ent, "country", None) or ent.country in named or any(r.of in named for r in roles):
            return False
    return True
