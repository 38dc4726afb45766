"""Places: place mentions -> gazetteer entries (countries, regions, cities, curated areas, seats).

The component ``places.gazetteer`` reads GPE/LOC/FAC entities from ``analysis.doc``, curated
region and seat names found by its own phrase matcher ("the Black Sea", "the Kremlin", even
where the statistical model calls them organisations), proper-noun runs the gazetteer knows
well ("Kyiv" tagged as a person), and the article's dateline. Each distinct name is resolved
once per article (one sense per discourse) by :class:`PlaceResolver`, which scores every
gazetteer candidate (prominence + what the rest of the article says) and records the rule that
decided, i.e. the score part that gave the winner its margin over the runner-up:

==================  ===========================================================================
rule                meaning
==================  ===========================================================================
only-candidate      the name has a single gazetteer entry
qualified           "Moscow, Idaho": the adjacent qualifier contains the candidate
qualifier           the qualifier itself, resolved together with the name it qualifies
within-qualifier    "Athens, W.Va.": no candidate lies in the qualifier's region or country (a
                    town too small for the gazetteer); the place is the qualifier itself, never a
                    homonym abroad
context-admin1      the article names the candidate's first-level region (or a city inside it)
                    within a few sentences
context-sibling     the article names another first-level region of the same country
context-country     the article speaks of the candidate's country (or its neighbours)
prior-curated       a curated region or seat of government outranks homonyms
prior-country       a country outranks homonymous regions and cities (its own ones are dropped)
prior-capital       a national capital outranks homonymous cities, as much as its country is big
prior-region-city   the main city of a homonymous region ("Donetsk", "New York")
prior-region        a first-level region outranks small homonymous towns ("Montana")
population          the most populous candidate
region-word         "Donetsk region": a generic region word restricts to first-level regions
part-of             "eastern Ukraine": a direction word dropped, the rest resolved
kb-country          only the knowledge base knew the name, as a country
==================  ===========================================================================

Actors versus places, a simple and explainable boundary with the actors component: a country,
national capital or seat of government is a place only when used locationally, that is after a
locative preposition ("in Moscow", "at the Kremlin"), as "the north of X" / "X's outskirts", as
the object of a movement verb ("visited Beijing") or, for capitals and seats, of an attack verb
("missiles hit Kyiv"), before "where", as the qualifier of a city, or in the dateline.
Otherwise it stands for a government ("Russia said", "Moscow's position", "warned the
Kremlin") and is left to the actors. Other cities and regions are places wherever they occur.
Loose blocs ("the West") never are. Every decision is kept in ``analysis.scratch``:
``places.rules`` (place id -> rule) and ``places.mentions`` (each candidate mention, its entry,
whether it is a place and why).
"""

from __future__ import annotations

import bisect
import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from .errors import NewsgraphError
from .gazetteer import Entry, Gazetteer, Hit, curated_names, get_gazetteer, name_key, strip_admin_words
from .model import Analysis, Place, Span
from .nlp import entities
from .pipeline import component

# prepositions that make the noun after them a location (the brief's list plus close kin)
LOCATIVE_PREPS = frozenset({
    "in", "at", "to", "from", "near", "across", "inside", "into", "within", "throughout", "outside",
    "around", "through", "via", "along", "beyond", "onto",
})
# "the north of Syria", "the outskirts of Kyiv", "Kyiv's mayor": "of" or a possessive is locative with these nouns
PART_NOUNS = frozenset({
    "north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest", "centre", "center",
    "outskirts", "part", "parts", "region", "regions", "territory", "border", "borders", "coast", "interior",
    "heart", "rest", "capital", "city", "town", "province", "streets", "skies", "airspace", "soil",
    "residents", "inhabitants", "suburbs", "suburb", "mayor", "governor", "port", "airport", "downtown",
})
# "ambassador to Belarus", "aid to Ukraine": "to"/"from" after these nouns is relational, not locative
RELATIONAL_NOUNS = frozenset({
    "ambassador", "envoy", "representative", "emissary", "delegation", "mission", "threat", "threats",
    "aid", "help", "support", "assistance", "message", "letter", "appeal", "warning", "ultimatum", "offer",
    "reply", "response", "loyalty", "commitment", "apology", "obligations", "guarantees",
})
# loose blocs and collective nouns that are actors, never places
BLOCS = frozenset({
    "west", "collective west", "east", "global south", "global north", "western world", "free world",
    "international community", "euro atlantic", "euro atlantic community", "western countries", "western nations",
    "western allies", "western powers",
})
# town names that are also ordinary words or heavenly bodies: places only when used locationally
COMMON_WORD_NAMES = frozenset({
    "jupiter", "mars", "venus", "mercury", "saturn", "neptune", "uranus", "pluto", "earth", "moon", "sun",
    "corona", "mobile", "reading", "nice", "split", "bath", "independence", "liberty", "unity", "temple",
    "enterprise", "commerce", "progress", "hope", "faith", "eden", "paradise", "orange", "university", "college",
    "union", "university park", "normal", "plenty", "opportunity", "truth or consequences",
})
# verbs whose direct object is a location ("visited Beijing", "left Kyiv")
MOVEMENT_VERBS = frozenset({"visit", "tour", "leave", "enter", "reach", "cross", "flee", "evacuate", "return"})
# "left Nice for Paris": "for" names a destination after these verbs
DEPARTURE_VERBS = frozenset({"leave", "depart", "head", "set", "sail", "fly", "bound", "board"})
# verbs whose object is a location when it is a city or seat ("missiles hit Kyiv")
STRIKE_VERBS = frozenset({
    "hit", "strike", "shell", "bomb", "bombard", "attack", "target", "capture", "seize", "occupy", "surround",
    "encircle", "besiege", "storm", "liberate", "raid", "overrun", "rock", "shake", "host",
})
DIRECTIONS = re.compile(r"^(?:(?:north|south|east|west|central|northern|southern|eastern|western|"
                        r"north-?eastern|north-?western|south-?eastern|south-?western|northeast|northwest|"
                        r"southeast|southwest)\s+)+", re.IGNORECASE)
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})

# Scoring. Prominence is log10(population) plus the bonuses below; context adds to it. The
# weights are set so that (a) a country beats its homonyms unless the article clearly points
# elsewhere, (b) naming a region near a town ("Moscow ... Idaho") beats a far bigger homonym,
# (c) a country merely mentioned does not drag a capital to a small namesake ("Paris" + "USA").
CURATED_PROMINENCE = 12.0  # curated regions and seats: above any country
COUNTRY_BONUS = 3.0
REGION_BONUS = 1.0  # admin1 populations count only towns of 15,000+, an underestimate
REGION_CITY_BONUS = 3.5  # the main city of a homonymous region
REGION_CITY_MIN_POP_NAMED = 100_000  # ... named by its own name ("Kerman")
REGION_CITY_MIN_POP = 1_000_000  # ... or by an alternate name ("New York" for New York City)
ALTERNATE_PENALTY = 1.0  # matched by an alternate name only
ADMIN1_ALTERNATE_PENALTY = 2.0  # extra, for a region matched only without its generic word ("Mecca Region")
CONTAINMENT_BONUS = 10.0
CONTAINMENT_WINDOW = 400  # characters: "Moscow ... Idaho" counts within a paragraph, not across an article
SIBLING_BONUS = 2.0
SUPPORT_WEIGHT = 1.5  # per distinct other place in the country (half for a neighbour or an actor)
SUPPORT_CAP = 2.0


# ---------------------------------------------------------------------------------------------
# resolution of one name
# ---------------------------------------------------------------------------------------------
@dataclass
class PlaceContext:
    """What the rest of the article says about geography, used to pick among homonyms."""

    countries: Counter[str] = field(default_factory=Counter)  # ISO3 -> weight (distinct names)
    # admin1 code -> where the article names that region / a city in it (character offsets)
    admin1: dict[str, list[int]] = field(default_factory=dict)
    city_admin1: dict[str, list[int]] = field(default_factory=dict)
    admin1_countries: Counter[str] = field(default_factory=Counter)  # ISO3 -> first-level regions named
    positions: tuple[int, ...] = ()  # where the name being resolved occurs (empty: anywhere)

    @classmethod
    def of_countries(cls, countries: Iterable[str]) -> PlaceContext:
        return cls(countries=Counter(c for c in countries if c))

    def add(self, e: Entry, weight: float = 1.0, positions: Sequence[int] = ()) -> None:
        """Count a resolved entry (another name of the article, found at ``positions``) as context."""
        if e.country:
            self.countries[e.country] += weight
        for c in e.context:
            if c != e.country:
                self.countries[c] += weight / 2
        if e.feature == "admin1" and e.admin1:
            self.admin1.setdefault(e.admin1, []).extend(positions)
            self.admin1_countries[e.country or ""] += 1
        elif e.feature == "city" and e.admin1:
            self.city_admin1.setdefault(e.admin1, []).extend(positions)

    def near(self, table: dict[str, list[int]], code: str | None) -> bool:
        """Whether region ``code`` is named close to the name being resolved (or at all, without positions)."""
        if code is None or code not in table:
            return False
        where = table[code]
        if not self.positions or not where:
            return True
        return any(abs(p - q) <= CONTAINMENT_WINDOW for p in self.positions for q in where)


@dataclass(frozen=True, slots=True)
class Scored:
    """A candidate with its score broken into named parts (for the rule that decided)."""

    entry: Entry
    primary: bool
    parts: tuple[tuple[str, float], ...]

    @property
    def score(self) -> float:
        return sum(v for _, v in self.parts)


@dataclass(frozen=True, slots=True)
class Resolution:
    """The chosen entry, why, and the candidates it beat."""

    entry: Entry
    rule: str
    candidates: tuple[Scored, ...] = ()

    def to_place(self, mentions: Sequence[Span] = ()) -> Place:
        e = self.entry
        return Place(id=e.id, name=e.name, country=e.country, lat=e.lat, lon=e.lon, feature=e.feature,
                     mentions=list(mentions))


def _iso3(found: Any) -> str | None:
    """An ISO3 code from whatever the KB returned (a code, "country:RUS", a record, a dict)."""
    if found is None:
        return None
    if isinstance(found, str):
        code = found.split(":")[-1]
        return code if len(code) == 3 and code.isalpha() and code.isupper() else None
    for attr in ("iso3", "id", "country", "code"):
        value = found.get(attr) if isinstance(found, dict) else getattr(found, attr, None)
        if isinstance(value, str) and (code := _iso3(value)):
            return code
    return None


def _kb_country(kb: Any, name: str) -> str | None:
    """ISO3 of ``name`` when the knowledge base knows it as a country's name or alias.

    ``kb.country`` (names and aliases only) is preferred over ``kb.resolve_country``, which
    also maps adjectives, capitals and seats ("Russian", "Moscow" -> RUS): those are not the
    country as a place. Short all-caps words are skipped (code look-ups: "ARM" is no Armenia).
    """
    if kb is None or (name.isupper() and len(name.strip()) <= 3):
        return None
    lookup = getattr(kb, "country", None) or getattr(kb, "resolve_country", None)
    if lookup is None:
        return None
    try:
        return _iso3(lookup(name))
    except NewsgraphError:  # an unknown name is not an error here; the gazetteer still answers
        return None


class PlaceResolver:
    """Resolves place names to gazetteer entries, with the context of the article."""

    def __init__(self, gazetteer: Gazetteer | None = None, kb: Any = None):
        self.g = gazetteer or get_gazetteer()
        self.kb = kb

    # -- candidates ---------------------------------------------------------------------------
    def candidates(self, name: str) -> tuple[list[Hit], str | None]:
        """Gazetteer hits for ``name`` and the rewrite rule that found them (None: as written)."""
        hits = self.g.lookup(name)
        key = name_key(name)
        if key in BLOCS:
            return [], None
        iso3 = _kb_country(self.kb, name)
        if iso3 and iso3 in self.g.countries and not any(h.entry.feature == "country" for h in hits) \
                and not any(h.entry.capital or h.entry.feature == "seat" for h in hits):
            hits.append(Hit(self.g.countries[iso3], True))
            if len(hits) == 1:
                return hits, "kb-country"
        if hits:
            return hits, None
        stripped = strip_admin_words(key)
        if stripped and stripped != key:
            admin = [h for h in self.g.index.get(stripped, ()) if h.entry.feature == "admin1"]
            if admin:
                return admin, "region-word"
        undirected = DIRECTIONS.sub("", name).strip()
        if undirected and undirected != name.strip():
            return self.candidates(undirected)[0], "part-of"
        return [], None

    # -- scoring ------------------------------------------------------------------------------
    def _prominence(self, e: Entry, primary: bool, key: str) -> list[tuple[str, float]]:
        """How famous a candidate is, before any context: the prior that context must overcome."""
        if e.feature in ("region", "seat"):
            return [("prior-curated", CURATED_PROMINENCE)]
        parts = [("population", math.log10(max(e.population, 1000)))]
        if e.feature == "country":
            parts.append(("prior-country", COUNTRY_BONUS))
        if e.feature == "admin1":  # its population counts only towns of 15,000+: an underestimate
            parts.append(("prior-region", REGION_BONUS))
        if e.capital:  # a capital is about as prominent as its country: Washington DC, not Victoria (Seychelles)
            country = self.g.countries.get(e.country or "")
            bonus = 0.5 * math.log10(max(country.population, 10)) - 1 if country else 0.0
            parts.append(("prior-capital", max(bonus, 0.5)))
        if e.feature == "city" and e.admin1 and self.g.largest_city.get(e.admin1) == e.id \
                and e.population >= (REGION_CITY_MIN_POP_NAMED if primary else REGION_CITY_MIN_POP):
            # "Donetsk", "Kerman", "New York": the main city of a homonymous region is meant
            region = self.g.admin1.get(e.admin1)
            if region is not None and strip_admin_words(key) == strip_admin_words(name_key(region.name)):
                parts.append(("prior-region-city", REGION_CITY_BONUS))
        if not primary:
            penalty = ALTERNATE_PENALTY + (ADMIN1_ALTERNATE_PENALTY if e.feature == "admin1" else 0.0)
            parts.append(("population", -penalty))
        return parts

    def _support(self, e: Entry, ctx: PlaceContext) -> float:
        if not e.country:
            return 0.0
        s = ctx.countries.get(e.country, 0.0)
        s += 0.5 * sum(ctx.countries.get(n, 0.0) for n in self.g.neighbours.get(e.country, ()))
        return min(s, SUPPORT_CAP)

    def score(self, hit: Hit, ctx: PlaceContext, key: str = "", *, across_countries: bool = True,
              region_countries: frozenset[str] = frozenset()) -> Scored:
        """Score one candidate: prominence plus what the article's context says for it.

        ``across_countries``: the candidates lie in different countries; only then does naming
        another region of a country ("Florida" for "Georgia") speak for that country's region.
        ``region_countries``: countries with a first-level region of this name; there a city of
        the name gets no credit for its region being named ("Washington" among US states is the
        state, not Washington, Utah).
        """
        e = hit.entry
        parts = self._prominence(e, hit.primary, key or name_key(e.name))
        if (e.feature == "city" and e.country not in region_countries and ctx.near(ctx.admin1, e.admin1)) or (
                e.feature == "admin1" and ctx.near(ctx.city_admin1, e.admin1)):
            parts.append(("context-admin1", CONTAINMENT_BONUS))
        if across_countries and e.feature == "admin1" and ctx.admin1_countries.get(e.country or "", 0) > 0:
            parts.append(("context-sibling", SIBLING_BONUS))
        support = self._support(e, ctx)
        if support:
            parts.append(("context-country", SUPPORT_WEIGHT * support))
        return Scored(e, hit.primary, tuple(parts))

    @staticmethod
    def _decisive(best: Scored, second: Scored) -> str:
        """The named part that contributes most to the winner's margin over the runner-up."""
        diff: Counter[str] = Counter()
        for k, v in best.parts:
            diff[k] += v
        for k, v in second.parts:
            diff[k] -= v
        rule, margin = max(diff.items(), key=lambda kv: kv[1])
        return rule if margin > 0 else "population"

    def resolve(self, name: str, ctx: PlaceContext | None = None) -> Resolution | None:
        """The best entry for ``name`` in ``ctx``, or None when the gazetteer does not know it."""
        hits, how = self.candidates(name)
        if not hits:
            return None
        ctx = ctx or PlaceContext()
        unique: dict[str, Hit] = {}
        for h in hits:  # one hit per entry, primary preferred
            if h.entry.id not in unique or (h.primary and not unique[h.entry.id].primary):
                unique[h.entry.id] = h
        countries = {h.entry.country for h in unique.values() if h.entry.feature == "country"}
        if countries:  # a country outranks its own homonymous regions and cities ("Mexico", "Kuwait")
            unique = {k: h for k, h in unique.items()
                      if h.entry.feature == "country" or h.entry.country not in countries}
        key = name_key(name)
        across = len({h.entry.country for h in unique.values()}) > 1
        regions = frozenset(h.entry.country or "" for h in unique.values() if h.entry.feature == "admin1")
        scored = sorted((self.score(h, ctx, key, across_countries=across, region_countries=regions)
                         for h in unique.values()),
                        key=lambda s: (-s.score, -s.entry.population, s.entry.id))
        rule = how or ("only-candidate" if len(scored) == 1 else self._decisive(scored[0], scored[1]))
        return Resolution(scored[0].entry, rule, tuple(scored))


_DEFAULT_RESOLVER: PlaceResolver | None = None


def _default_kb() -> Any:
    try:
        from .kb import get_kb
    except ImportError:
        return None
    try:
        return get_kb()
    except NewsgraphError:  # a KB that cannot load (KBError) must not stop place lookup
        return None


def default_resolver() -> PlaceResolver:
    """A process-wide resolver over the packaged gazetteer (and the KB when it is installed)."""
    global _DEFAULT_RESOLVER
    if _DEFAULT_RESOLVER is None:
        _DEFAULT_RESOLVER = PlaceResolver(kb=_default_kb())
    return _DEFAULT_RESOLVER


def resolve_place(name: str, context_countries: Sequence[str] = (), qualifier: str | None = None, *,
                  listing: bool = False) -> Place | None:
    """Resolve one place name ("Moscow", "the Kremlin", "Donetsk region") to a :class:`Place`.

    ``context_countries`` (ISO3) are the countries the text speaks of; they tip homonyms
    ("Georgia" with ``["USA"]`` is the US state only when other evidence agrees, see the rules).
    ``qualifier`` is what the text writes after the name and a comma ("W.Va." in "Athens, W.Va."),
    ``listing`` whether more names follow it (a list, not a qualification; see :func:`resolve_in_qualifier`).
    The returned place has no mentions; its ``feature`` says what kind of place it is.
    """
    if not name or not name.strip():
        return None
    resolver = default_resolver()
    if qualifier:
        res = resolve_in_qualifier(resolver, name, qualifier, listing=listing)
        if res is not None:
            return res.to_place()
    res = resolver.resolve(_clean_name(name), PlaceContext.of_countries(context_countries))
    return res.to_place() if res else None


# US states as datelines and news copy write them after a city: the AP Stylebook's abbreviations
# (below) and the two-letter postal codes (GeoNames codes the states' first-level regions by them:
# "US.WV"). They are read only right after a place name and a comma ("Athens, W.Va.", "Moscow,
# ID"), never on their own: "Miss.", "Ind.", "OR" and "ME" are words.
AP_STATE_ABBREVIATIONS: dict[str, str] = {ap: f"US.{code}" for ap, code in (
    ("Ala.", "AL"), ("Ariz.", "AZ"), ("Ark.", "AR"), ("Calif.", "CA"), ("Colo.", "CO"), ("Conn.", "CT"),
    ("Del.", "DE"), ("Fla.", "FL"), ("Ga.", "GA"), ("Ill.", "IL"), ("Ind.", "IN"), ("Kan.", "KS"),
    ("Kans.", "KS"), ("Ky.", "KY"), ("La.", "LA"), ("Md.", "MD"), ("Mass.", "MA"), ("Mich.", "MI"),
    ("Minn.", "MN"), ("Miss.", "MS"), ("Mo.", "MO"), ("Mont.", "MT"), ("Neb.", "NE"), ("Nebr.", "NE"),
    ("Nev.", "NV"), ("N.H.", "NH"), ("N.J.", "NJ"), ("N.M.", "NM"), ("N.Mex.", "NM"), ("N.Y.", "NY"),
    ("N.C.", "NC"), ("N.D.", "ND"), ("Okla.", "OK"), ("Ore.", "OR"), ("Oreg.", "OR"), ("Pa.", "PA"),
    ("R.I.", "RI"), ("S.C.", "SC"), ("S.D.", "SD"), ("Tenn.", "TN"), ("Tex.", "TX"), ("Vt.", "VT"),
    ("Va.", "VA"), ("Wash.", "WA"), ("W.Va.", "WV"), ("W. Va.", "WV"), ("Wis.", "WI"), ("Wisc.", "WI"),
    ("Wyo.", "WY"), ("D.C.", "DC"))}


@cache
def us_state_qualifiers() -> dict[str, str]:
    """Every written form of a US state a qualifier may take -> its first-level region code."""
    postal = {code.split(".", 1)[1]: code for code in get_gazetteer().admin1 if code.startswith("US.")}
    return {**AP_STATE_ABBREVIATIONS, **postal}


@cache
def _abbreviated_state() -> re.Pattern[str]:
    forms = sorted(us_state_qualifiers(), key=len, reverse=True)
    return re.compile(r",\s*(" + "|".join(re.escape(k) for k in forms) + r")(?![A-Za-z])")


# a named qualifier after "<place>, ": one to three capitalised words that end the phrase ("Moscow,
# Idaho," "Athens, West Virginia)"); "In Moscow, Ukraine accused ..." has a clause there, no qualifier
_NAMED_QUALIFIER = re.compile(r",\s*([A-Z][A-Za-z]+(?:[ -][A-Z][A-Za-z]+){0,2})(?=\s*(?:[,;:.)\]—–]|\s-|$))")


def qualifier_after(text: str, end: int) -> str | None:
    """The qualifier written right after a place name that ends at ``end`` ("W.Va." after "Athens")."""
    found = qualifier_at(text, end)
    return found[0] if found else None


def qualifier_at(text: str, end: int) -> tuple[str, bool] | None:
    """The qualifier after a place name ending at ``end`` and whether a list goes on after it."""
    m = _abbreviated_state().match(text, end) or _NAMED_QUALIFIER.match(text, end)
    return (m.group(1), list_goes_on(text, m.end(1))) if m else None


def qualifier_entries(resolver: PlaceResolver, qualifier: str) -> list[Entry]:
    """The regions and countries a qualifier may name: an abbreviated US state ("W.Va.", "WV"),
    else the gazetteer's first-level regions and countries of that name ("Idaho", "Georgia")."""
    q = qualifier.strip().strip(",;:")
    code = us_state_qualifiers().get(q) or us_state_qualifiers().get(q + ".")
    if code is not None:
        region = resolver.g.admin1.get(code)
        return [region] if region is not None else []
    seen: dict[str, Entry] = {}
    for h in resolver.g.lookup(_clean_name(q)):  # names only: "Russian" qualifies no place
        if h.entry.feature in {"admin1", "country"}:
            seen.setdefault(h.entry.id, h.entry)
    return list(seen.values())


def resolve_in_qualifier(resolver: PlaceResolver, name: str, qualifier: str, *, listing: bool = False
                         ) -> Resolution | None:
    """ "Moscow, Idaho", "Athens, W.Va.": a candidate of ``name`` inside the qualifier's region or
    country. When the gazetteer holds none, the place is the qualifier itself, but only where the
    comma cannot be a list's ("Arkansas, Oklahoma", "Chicago, New York", "Liberia, Sierra Leone"):
    after an abbreviated US state, after a name the gazetteer does not know, or after a town when
    the qualifier is a region that no big city shares a name with and no list goes on after it
    (``listing``). None when the qualifier names no region or country."""
    outer = qualifier_entries(resolver, qualifier)
    if not outer:
        return None
    inner = resolver.candidates(_clean_name(name))[0]
    pairs = [(x, y) for x in inner for y in outer if resolver.g.contains(y, x.entry)]
    if pairs:
        empty = PlaceContext()
        x, _ = max(pairs, key=lambda p: resolver.score(p[0], empty).score)
        return Resolution(x.entry, "qualified")
    if len(outer) != 1:
        return None
    abbreviated = qualifier.strip() in us_state_qualifiers()
    town = outer[0].feature == "admin1" and not listing and all(
        h.entry.feature not in {"admin1", "country"} for h in inner) and not any(
        h.entry.feature == "city" and h.entry.population >= BIG_CITY for h in resolver.g.lookup(_clean_name(qualifier)))
    if abbreviated or not inner or town:
        return Resolution(outer[0], "within-qualifier")
    return None


# a city this big shares its name with a region ("New York", "Portland" and a Jamaican parish):
# "Chicago, New York" is then more likely a list of cities than a town in the region
BIG_CITY = 500_000
_LIST_GOES_ON = re.compile(r"\s*(?:,\s*(?:and\s+|or\s+)?|\s(?:and|or)\s+)[A-Z]")


def list_goes_on(text: str, end: int) -> bool:
    """Does a list of names go on after ``end`` (", Boston", " and Boston")?"""
    return _LIST_GOES_ON.match(text, end) is not None


# ---------------------------------------------------------------------------------------------
# finding mentions in an article
# ---------------------------------------------------------------------------------------------
@dataclass
class PlaceMention:
    """A stretch of text that may name a place, and how it was found."""

    start: int
    end: int
    text: str
    source: str  # ner | matcher (curated names) | gazetteer (proper-noun lookup) | dateline
    locational: str | None = None  # the locative evidence, when known up front (dateline, qualifier)
    qualifier_of: int | None = None  # index of the mention this one qualifies ("Idaho" in "Moscow, Idaho")


_TRAILING = re.compile(r"(?:\s*['’]s|['’])$")


def _clean_name(name: str) -> str:
    """Drop a leading article and a trailing possessive; fold all-caps datelines to title case."""
    n = name.strip().strip(",;:")
    n = _TRAILING.sub("", n)
    n = re.sub(r"^(?:the|The|THE)\s+", "", n)
    if n.isupper() and len(n) > 3:
        n = n.title()
    return n


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink [start, end) to the name: no article, possessive or surrounding punctuation."""
    seg = text[start:end]
    m = re.match(r"^(?:the\s+|The\s+|THE\s+)?", seg)
    start += m.end() if m else 0
    seg = text[start:end]
    t = _TRAILING.search(seg)
    if t:
        end -= len(t.group(0))
    while end > start and text[end - 1] in ".,;: ":
        if text[end - 1] == "." and re.search(r"(?:\b[A-Za-z]\.){2,}$", text[start:end]):
            break  # "U.S." keeps its last period
        end -= 1
    return start, end


def _split_qualified(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """ "Moscow, Idaho" as one entity -> the two names (the comma separates place and qualifier)."""
    seg = text[start:end]
    parts = []
    pos = start
    for piece in seg.split(","):
        s = pos + len(piece) - len(piece.lstrip())
        e = pos + len(piece.rstrip())
        if e > s:
            parts.append((s, e))
        pos += len(piece) + 1
    return parts


def _curated_pattern() -> re.Pattern[str]:
    names = sorted({n for n, _ in curated_names()}, key=len, reverse=True)
    alts = "|".join(re.escape(n) for n in names)
    return re.compile(rf"(?<![\w-])(?:{alts})(?![\w-])(?!\s+of\b)")


_CURATED: re.Pattern[str] | None = None


def curated_spans(text: str) -> list[tuple[int, int]]:
    """Curated region and seat names in ``text`` ("Black Sea", "the Kremlin", "Donbas")."""
    global _CURATED
    if _CURATED is None:
        _CURATED = _curated_pattern()
    return [(m.start(), m.end()) for m in _CURATED.finditer(text)]


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


class _Disjoint:
    """Spans that do not overlap one another (a model's entities), sorted for lookups in
    logarithmic time: a scan of every entity per candidate made place finding quadratic in the
    length of the article."""

    def __init__(self, spans: list[tuple[int, int]]):
        self.spans = sorted(spans)
        self.starts = [s for s, _ in self.spans]

    def _around(self, start: int, end: int) -> list[tuple[int, int]]:
        # entities do not overlap, so at most the one starting before ``start`` and those starting
        # inside [start, end) can touch the span
        i = max(0, bisect.bisect_right(self.starts, start) - 1)
        j = bisect.bisect_left(self.starts, end)
        return self.spans[i:max(j, i + 1)]

    def overlaps(self, start: int, end: int) -> bool:
        return any(_overlaps((start, end), p) for p in self._around(start, end))

    def inside_longer(self, start: int, end: int) -> bool:
        """Is [start, end) inside a longer span?"""
        return any(a <= start and end <= b and (b - a) > (end - start) for a, b in self._around(start, end))


_REGION_WORD = re.compile(r"\s+(?:region|Region|oblast|Oblast|province|Province|governorate|Governorate)\b")


def _with_region_word(text: str, end: int) -> int:
    """Extend a name over a following generic region word: "Donetsk" -> "Donetsk region"."""
    m = _REGION_WORD.match(text, end)
    return m.end() if m else end


def _strong(e: Entry) -> bool:
    """A resolution safe enough to overrule the statistical model's label for the same words."""
    return e.feature in ("country", "region", "seat") or e.capital or (
        e.feature == "city" and e.population >= 1_000_000)


def _acceptable(e: Entry, has_region_word: bool) -> bool:
    """A proper-noun run the model did not call a place is one if the gazetteer is sure enough."""
    if _strong(e):
        return True
    if e.feature == "city":
        return e.population >= 100_000
    return e.feature == "admin1" and (has_region_word or e.population >= 1_000_000)


def _primary_or_country(resolver: PlaceResolver, name: str, e: Entry) -> bool:
    """Only an entry's own name is looked up in running text: alternate names ("Basic" for
    Henderson, "The D" for Detroit) and acronyms are too noisy, except for countries, capitals
    and cities of a million people ("Kiev", "Bombay")."""
    if e.feature == "country":
        return True
    if name.isupper() or len(name) < 3:
        return False
    if e.capital or (e.feature == "city" and e.population >= 1_000_000):
        return True
    key = name_key(name)
    return any(h.primary and h.entry.id == e.id for h in resolver.g.index.get(key, ())) or (
        strip_admin_words(key) != key and e.feature == "admin1")


def _propn_runs(doc: Any) -> list[tuple[int, int]]:
    """Maximal runs of capitalised proper nouns ("Nagorno-Karabakh", "Kyiv", "South Ossetia")."""
    runs = []
    i = 0
    while i < len(doc):
        t = doc[i]
        if t.pos_ == "PROPN" and t.text[:1].isupper() and t.is_alpha:
            j = i + 1
            while j < len(doc) and (
                    (doc[j].pos_ == "PROPN" and doc[j].text[:1].isupper() and doc[j].is_alpha)
                    or (doc[j].text == "-" and j + 1 < len(doc) and doc[j + 1].text[:1].isupper()
                        and not doc[j].whitespace_ and not doc[j - 1].whitespace_)):
                j += 1
            runs.append((i, j))
            i = j
        else:
            i += 1
    return runs


_LOCATIVE_BEFORE = re.compile(rf"\b(?:{'|'.join(sorted(LOCATIVE_PREPS))})\s+(?:the\s+)?$", re.IGNORECASE)


def _after_locative(text: str, start: int) -> bool:
    """ "from Sevastopol": right after a locative preposition (a name there is a place, whatever its label)."""
    return bool(_LOCATIVE_BEFORE.search(text, max(0, start - 20), start))


def _gazetteer_spans(doc: Any, text: str, resolver: PlaceResolver, ents: list[Any]) -> list[tuple[int, int]]:
    """Place names the statistical model missed or mislabelled ("Kiev" as a person), by lookup.

    A run of proper nouns (or a capitalised name after a locative preposition) counts when the
    gazetteer resolves it confidently (:func:`_acceptable`); over a PERSON or NORP label only
    when the resolution is strong (:func:`_strong`) or a locative preposition precedes it.
    """
    person_spans = _Disjoint([(e.start_char, e.end_char) for e in ents if e.label_ in ("PERSON", "NORP")])
    runs = [(doc[i].idx, doc[j - 1].idx + len(doc[j - 1])) for i, j in _propn_runs(doc)]
    for tok in doc:  # "in Kyiv" where the tagger did not call Kyiv a proper noun
        if tok.lower_ in LOCATIVE_PREPS and tok.i + 1 < len(doc):
            nxt = doc[tok.i + 1]
            if nxt.is_alpha and nxt.text[:1].isupper() and nxt.pos_ != "PROPN":
                runs.append((nxt.idx, nxt.idx + len(nxt)))
    out = []
    for s, e in runs:
        e2 = _with_region_word(text, e)
        res = resolver.resolve(text[s:e2])
        if res is None or not _primary_or_country(resolver, text[s:e2], res.entry):
            continue
        if not _acceptable(res.entry, e2 > e):
            continue
        if person_spans.overlaps(s, e2) and not (_strong(res.entry) or _after_locative(text, s)):
            continue
        out.append((s, e2))
    return out


def find_mentions(analysis: Analysis, resolver: PlaceResolver) -> list[PlaceMention]:
    """Every candidate place mention of the article, longest first where they overlap."""
    text = analysis.article.text
    doc = analysis.doc
    found: list[PlaceMention] = []
    ents = entities(analysis) if doc is not None else []
    if doc is not None:
        for ent in ents:
            if ent.label_ not in PLACE_LABELS:
                continue
            for s, e in _split_qualified(text, ent.start_char, ent.end_char):
                s, e = _trim(text, s, _with_region_word(text, ent.end_char) if e == ent.end_char else e)
                if e > s:
                    found.append(PlaceMention(s, e, text[s:e], "ner"))
    others = _Disjoint([(x.start_char, x.end_char) for x in ents if x.label_ not in PLACE_LABELS])
    for s, e in curated_spans(text):
        if others.inside_longer(s, e):
            continue  # part of a longer name: "the Black Sea Fleet", "the Arctic Council"
        s, e = _trim(text, s, e)
        found.append(PlaceMention(s, e, text[s:e], "matcher"))
    if doc is not None:
        for s, e in _gazetteer_spans(doc, text, resolver, ents):
            found.append(PlaceMention(s, e, text[s:e], "gazetteer"))
    span = analysis.article.dateline_span
    if span is not None and analysis.article.dateline and not _is_date(analysis.article.dateline):
        s, e = _dateline_span(text, span, analysis.article.dateline)
        if e > s:
            found.append(PlaceMention(s, e, text[s:e], "dateline", locational="dateline"))
    return _dedupe(found)


def _is_date(dateline: str) -> bool:
    """A Wikinews dateline is a date ("Friday, January 4, 2019"), not a place."""
    from .timex import resolve_date

    tv = resolve_date(dateline, None)
    return tv is not None and (tv.end - tv.start) >= len(dateline.strip()) // 2


def _dateline_span(text: str, span: Span, dateline: str) -> tuple[int, int]:
    """The dateline place inside the dateline span (which may also hold a date or an agency)."""
    seg = text[span.start:span.end]
    place = dateline.split(",")[0].strip()
    i = seg.lower().find(place.lower()) if place else -1
    if i >= 0:
        return span.start + i, span.start + i + len(place)
    return _trim(text, span.start, span.end)


def _dedupe(found: list[PlaceMention]) -> list[PlaceMention]:
    """Keep the longest of overlapping mentions; a dateline or curated name wins ties."""
    rank = {"dateline": 0, "matcher": 1, "ner": 2, "gazetteer": 3}
    found.sort(key=lambda m: (-(m.end - m.start), rank[m.source], m.start))
    kept: list[PlaceMention] = []
    # characters already taken by a kept mention (a scan of the kept list per mention was quadratic)
    taken = bytearray(max((m.end for m in found), default=0))
    for m in found:
        if m.end <= m.start or taken.find(1, m.start, m.end) >= 0:
            continue
        kept.append(m)
        taken[m.start:m.end] = b"\x01" * (m.end - m.start)
    kept.sort(key=lambda m: m.start)
    return kept


def _mark_qualifiers(text: str, mentions: list[PlaceMention]) -> None:
    """ "Moscow, Idaho": a name right after another and a comma may qualify it (checked later)."""
    for i in range(len(mentions) - 1):
        a, b = mentions[i], mentions[i + 1]
        if re.fullmatch(r",\s*", text[a.end:b.start]) and b.source != "dateline":
            b.qualifier_of = i


# ---------------------------------------------------------------------------------------------
# locational use versus actor use
# ---------------------------------------------------------------------------------------------
def _tokens(doc: Any, start: int, end: int) -> Any:
    return doc.char_span(start, end, alignment_mode="expand") if doc is not None else None


def _climb(tok: Any) -> Any:
    """From a name's head up through coordination and apposition ("in Russia and Belarus")."""
    seen = 0
    while tok.dep_ in ("conj", "appos", "compound") and tok.head is not tok and seen < 6:
        tok = tok.head
        seen += 1
    return tok


def _is_one_of(tok: Any, words: frozenset[str]) -> bool:
    """The token's word or lemma is in ``words`` (lemmas of plurals are not always right)."""
    return tok.lower_ in words or tok.lemma_.lower() in words


def locative_evidence(doc: Any, start: int, end: int, *, strike_verbs: bool = False) -> str | None:
    """Why the name at [start, end) is used as a location, or None ("Russia said").

    Locative: the object of a locative preposition ("in", "to", "across"...), "the north of X",
    "X, where ...", or the object of a movement verb ("visited Beijing"); with ``strike_verbs``
    also the object of an attack verb ("missiles hit Kyiv"), which for a country would be its
    government as a target rather than a location.
    """
    span = _tokens(doc, start, end)
    if span is None or len(span) == 0:
        return None
    head = _climb(span.root)
    if head.dep_ == "pobj":
        prep = head.head
        word = prep.lower_
        if word in LOCATIVE_PREPS:
            if word in ("to", "from") and prep.head.pos_ == "NOUN" and _is_one_of(prep.head, RELATIONAL_NOUNS):
                return None
            return f"prep-{word}"
        if word == "of" and _is_one_of(prep.head, PART_NOUNS):
            return "part-of"
        if word == "for" and _is_one_of(prep.head, DEPARTURE_VERBS):
            return "prep-for"
    if head.dep_ == "poss" and _is_one_of(head.head, PART_NOUNS):
        return "part-of"
    if head.dep_ in ("dobj", "npadvmod") and head.head.pos_ in ("VERB", "AUX"):
        lemma = head.head.lemma_.lower()
        if lemma in MOVEMENT_VERBS or (strike_verbs and lemma in STRIKE_VERBS):
            return f"object-of-{lemma}"
    nxt = span.end
    if (nxt < len(doc) and doc[nxt].lower_ == "where") or (
            nxt + 1 < len(doc) and doc[nxt].text == "," and doc[nxt + 1].lower_ == "where"):
        return "where-clause"
    # surface fallback when the parse attached the preposition elsewhere
    i = span.start - 1
    while i >= 0 and (doc[i].pos_ in ("DET", "ADJ") or doc[i].lower_ in ("neighbouring", "neighboring")):
        i -= 1
    if i >= 0 and doc[i].lower_ in LOCATIVE_PREPS and doc[i].pos_ == "ADP":
        return f"prep-{doc[i].lower_}"
    return None


def metonym_evidence(doc: Any, start: int, end: int) -> str:
    """How a country, capital or seat without locative use is used: as an actor ("Moscow said")."""
    span = _tokens(doc, start, end)
    if span is None or len(span) == 0:
        return "not-locative"
    tok = span.root
    while tok.dep_ in ("conj", "appos") and tok.head is not tok:
        tok = tok.head
    if tok.dep_ == "pobj" and tok.head.dep_ == "agent":
        return "metonym-agent"
    return f"metonym-{tok.dep_}" if tok.dep_ else "not-locative"


def _is_attributive(text: str, end: int) -> bool:
    """ "Russia-led", "Moscow-based": a name inside a hyphenated modifier is no place mention."""
    return bool(re.match(r"[-–]\w", text[end:end + 2]))


def place_use(doc: Any, m: PlaceMention, entry: Entry, text: str) -> tuple[bool, str]:
    """Whether mention ``m`` of ``entry`` is a place mention, and the reason.

    Countries, national capitals and seats of government stand for governments unless used
    locationally; other cities, regions and curated areas are places wherever they occur.
    """
    if m.locational:
        return True, m.locational
    if m.qualifier_of is not None:
        return True, "qualifier"
    if _is_attributive(text, m.end):
        return False, "attributive"
    if name_key(_clean_name(m.text)) in COMMON_WORD_NAMES:  # "Jupiter", "Corona": only "in Corona"
        why = locative_evidence(doc, m.start, m.end) if doc is not None else None
        return (True, why) if why else (False, "common-word")
    if entry.feature == "country" or entry.capital or entry.feature == "seat":
        if doc is None:
            return False, "not-locative"
        why = locative_evidence(doc, m.start, m.end, strike_verbs=entry.feature != "country")
        return (True, why) if why else (False, metonym_evidence(doc, m.start, m.end))
    return True, entry.feature


# ---------------------------------------------------------------------------------------------
# the component
# ---------------------------------------------------------------------------------------------
def _actor_context(analysis: Analysis, exclude: list[PlaceMention]) -> Counter[str]:
    """Countries of the article's actors, each counted once, half weight (weaker than places)."""
    out: Counter[str] = Counter()
    for a in analysis.actors:
        if not a.country:
            continue
        if all(any(mm.start < m.end and m.start < mm.end for m in exclude) for mm in a.mentions):
            continue
        out[a.country] = 0.5
    return out


_GENERIC_WORDS = frozenset({
    "north", "south", "east", "west", "northern", "southern", "eastern", "western", "central", "centre", "center",
    "district", "region", "province", "state", "states", "bay", "coast", "capital", "lakes", "islands", "island",
    "highlands", "plateau", "upper", "lower", "northeast", "northwest", "southeast", "southwest", "middle",
    "interior", "frontier", "border", "city", "territory", "federal", "mountains", "valley", "delta", "north east",
})


def _generic(key: str) -> bool:
    """ "South", "Central", "the Southern District": generic words, no resolvable place name."""
    return all(w in _GENERIC_WORDS for w in key.split())


def _resolve_names(resolver: PlaceResolver, analysis: Analysis, mentions: list[PlaceMention]
                   ) -> dict[str, Resolution]:
    """One resolution per distinct name, each in the context of all the others (two rounds)."""
    groups: dict[str, list[PlaceMention]] = {}
    for m in mentions:
        key = name_key(_clean_name(m.text))
        named = m.source == "matcher" or _clean_name(m.text)[:1].isupper()  # "metro" is no name
        if key and key not in BLOCS and named and not _generic(key):
            groups.setdefault(key, []).append(m)
    cands = {key: {h.entry.id for h in resolver.candidates(_clean_name(ms[0].text))[0]} for key, ms in groups.items()}
    forced = _resolve_qualified(resolver, analysis.article.text, mentions)
    current: dict[str, Resolution] = {}
    for key, ms in groups.items():
        r = forced.get(key) or resolver.resolve(_clean_name(ms[0].text))
        if r is not None:
            current[key] = r
    for _round in range(2):
        nxt: dict[str, Resolution] = {}
        for key, ms in groups.items():
            if key in forced:
                nxt[key] = forced[key]
                continue
            ctx = PlaceContext(positions=tuple(m.start for m in ms))
            mine = cands[key]
            for other, r in current.items():
                # another name for one of my own candidates ("Kiev" for "Kyiv") is no independent evidence
                if other != key and r.entry.id not in mine and not (mine & cands[other]):
                    ctx.add(r.entry, positions=[m.start for m in groups[other]])
            for c, w in _actor_context(analysis, ms).items():
                ctx.countries[c] += w
            r = resolver.resolve(_clean_name(ms[0].text), ctx)
            if r is not None:
                nxt[key] = r
        current = nxt
    return current


def _resolve_qualified(resolver: PlaceResolver, text: str, mentions: list[PlaceMention]
                       ) -> dict[str, Resolution]:
    """ "Moscow, Idaho", "Athens, W.Va.": a name with a qualifier after it is resolved inside the
    qualifier's region or country (:func:`resolve_in_qualifier`); a qualifier that is a mention of
    its own is resolved with it."""
    _mark_qualifiers(text, mentions)
    qualified = {b.qualifier_of for b in mentions if b.qualifier_of is not None}
    out: dict[str, Resolution] = {}
    for i, a in enumerate(mentions):
        found = (mentions[i + 1].text, list_goes_on(text, mentions[i + 1].end)) if i in qualified \
            else qualifier_at(text, a.end)
        if found is None:
            continue
        written, listing = found
        res = resolve_in_qualifier(resolver, a.text, written, listing=listing)
        if res is None:
            if i in qualified:
                mentions[i + 1].qualifier_of = None
            continue
        out[name_key(_clean_name(a.text))] = res
        if i in qualified:
            b = mentions[i + 1]
            outer = res.entry if res.rule == "within-qualifier" else next(
                (e for e in qualifier_entries(resolver, b.text) if resolver.g.contains(e, res.entry)), None)
            if outer is None:
                b.qualifier_of = None
            else:
                out.setdefault(name_key(_clean_name(b.text)), Resolution(outer, "qualifier"))
    return out


def analyse_places(analysis: Analysis, resolver: PlaceResolver) -> Analysis:
    """Fill ``analysis.places`` (one Place per location with all its mentions)."""
    text = analysis.article.text
    mentions = find_mentions(analysis, resolver)
    resolved = _resolve_names(resolver, analysis, mentions)
    places: dict[str, Place] = {}
    rules: dict[str, str] = {}
    decisions: list[dict[str, Any]] = []
    for m in mentions:
        res = resolved.get(name_key(_clean_name(m.text)))
        if res is None:
            continue
        is_place, why = place_use(analysis.doc, m, res.entry, text)
        decisions.append({"start": m.start, "end": m.end, "text": m.text, "entry": res.entry.id,
                          "place": is_place, "why": why, "rule": res.rule, "source": m.source})
        if not is_place:
            continue
        place = places.get(res.entry.id)
        if place is None:
            place = places[res.entry.id] = res.to_place()
            place.rule = res.rule
            rules[res.entry.id] = res.rule
        place.mentions.append(Span.of(text, m.start, m.end))
    analysis.places = sorted(places.values(), key=lambda p: (p.mentions[0].start, p.id))
    analysis.scratch["places.rules"] = rules
    analysis.scratch["places.mentions"] = decisions
    return analysis


def region_readings(analysis: Analysis, names: Iterable[str]) -> dict[str, str]:
    """Of these names, those that are both a state's name and a first-level region of another state
    ("Georgia"), read as the region where the article's geography says so (other regions or cities
    of that state named around it): name key -> the region's state (ISO3). The full place analysis
    runs only when some name is such a homonym."""
    resolver = default_resolver()
    homonyms: dict[str, str] = {}
    for name in names:
        key = name_key(_clean_name(name))
        if not key or key in homonyms:
            continue
        hits = resolver.candidates(_clean_name(name))[0]
        states = {h.entry.country for h in hits if h.entry.feature == "country"}
        if states and any(h.entry.feature == "admin1" and h.entry.country not in states for h in hits):
            homonyms[key] = next(iter(states)) or ""
    if not homonyms or analysis.doc is None:
        return {}
    resolved = _resolve_names(resolver, analysis, find_mentions(analysis, resolver))
    out = {}
    for key, state in homonyms.items():
        res = resolved.get(key)
        if res is not None and res.entry.feature == "admin1" and res.entry.country and res.entry.country != state:
            out[key] = res.entry.country
    return out


def place_at(analysis: Analysis, start: int, end: int) -> Place | None:
    """The place with a mention overlapping [start, end) (for the events coder)."""
    for p in analysis.places:
        for s in p.mentions:
            if s.start < end and start < s.end:
                return p
    return None


def _ctx_kb(ctx: Any) -> Any:
    try:
        return ctx.kb
    except (ImportError, NewsgraphError):  # no KB package yet, or it failed to load: the gazetteer answers
        return None


@component("places.gazetteer")
def places_component(analysis: Analysis, ctx: Any) -> Analysis:
    """Pipeline step: resolve the article's place mentions against the offline gazetteer."""
    resolver = PlaceResolver(kb=_ctx_kb(ctx))
    return analyse_places(analysis, resolver)


__all__ = [
    "BLOCS", "LOCATIVE_PREPS", "PlaceContext", "PlaceMention", "PlaceResolver", "Resolution", "analyse_places",
    "curated_spans", "default_resolver", "find_mentions", "locative_evidence", "metonym_evidence",
    "place_at", "place_use", "places_component", "qualifier_after", "qualifier_at", "resolve_in_qualifier",
    "resolve_place",
]
