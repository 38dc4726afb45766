"""The dashboard's queries: one filter for the events explorer, its CSV download and the map, and
the network rolled up from people to states to blocs.

Everything goes through :class:`newsgraph.store.Store` with bound parameters. The explorer's page,
its count and its CSV are the same ``WHERE`` clause (:meth:`EventFilter.where_sql`), so a download
holds exactly the rows the explorer counted.
"""

from __future__ import annotations

import csv
import difflib
import io
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

from ..errors import BadArgument, NewsgraphError
from ..events.codebook import PLOVER_EVENTS
from ..model import QUADS
from ..store import Store

#: what ``country`` means in a filter: an actor of that country on either side of the event, or
#: the place the event is said to have happened in
WHERE_MODES = ("involved", "place")

#: blocs a state is rolled up to by default, first listed first served (a state in NATO and the EU
#: goes to NATO)
DEFAULT_BLOCS = ("NATO", "CSTO", "EU", "SCO", "AU", "ASEAN", "GCC")

LEVELS = ("actor", "state", "bloc")


@cache
def countries() -> dict[str, dict[str, Any]]:
    """ISO3 -> {name, lat, lon} from the bundled gazetteer."""
    path = resources.files("newsgraph.gazetteer").joinpath("data/countries.tsv")
    out: dict[str, dict[str, Any]] = {}
    with path.open(encoding="utf-8") as fh:
        for r in csv.DictReader(fh, delimiter="\t"):
            out[r["iso3"]] = {"name": r["name"], "lat": float(r["lat"]) if r["lat"] else None,
                              "lon": float(r["lon"]) if r["lon"] else None}
    return out


def _nearest(value: str, choices: list[str] | tuple[str, ...]) -> str:
    near = difflib.get_close_matches(value.upper(), [c.upper() for c in choices], n=1, cutoff=0.5)
    if not near:
        return ""
    hit = next(c for c in choices if c.upper() == near[0])
    return f"; did you mean {hit}?"


def _date(value: str | None, what: str) -> str | None:
    from ..ingest.clean import parse_date

    return parse_date(value, what=what) if value else None


def check_country(code: str | None, what: str = "country") -> str | None:
    """An ISO3 code the gazetteer knows, upper-cased, or a coded error naming the nearest one."""
    if not code:
        return None
    c = code.strip().upper()
    known = countries()
    if c not in known:
        by_name = {v["name"].upper(): k for k, v in known.items()}
        if c in by_name:
            return by_name[c]
        raise BadArgument(f"unknown {what} {code!r}{_nearest(c, list(known))}",
                          hint="give an ISO 3166 alpha-3 code such as RUS, UKR or USA")
    return c


@dataclass
class EventFilter:
    """The explorer's filters, checked once (:meth:`checked`) and turned into one WHERE clause."""

    actor: str | None = None  # actor id, code or name: either side
    type: str | None = None  # PLOVER event type
    quad: str | None = None
    country: str | None = None  # ISO3
    where: str = "involved"  # see WHERE_MODES
    date_from: str | None = None
    date_to: str | None = None
    min_confidence: float | None = None
    q: str | None = None  # words in the evidence sentence
    article: str | None = None
    actor_ids: list[str] | None = field(default=None, repr=False)  # what ``actor`` matched (found once)

    def checked(self) -> EventFilter:
        """This filter with every value validated and normalised; bad values are NG109/NG110."""
        f = EventFilter(**self.__dict__)
        if f.type:
            t = f.type.strip().upper()
            if t not in PLOVER_EVENTS:
                raise BadArgument(f"unknown event type {f.type!r}{_nearest(t, PLOVER_EVENTS)}",
                                  hint="use a PLOVER type: " + ", ".join(PLOVER_EVENTS))
            f.type = t
        if f.quad and f.quad not in QUADS:
            raise BadArgument(f"unknown quad class {f.quad!r}{_nearest(f.quad, QUADS)}",
                              hint="use one of: " + ", ".join(QUADS))
        if f.where not in WHERE_MODES:
            raise BadArgument(f"where must be one of {', '.join(WHERE_MODES)}, not {f.where!r}",
                              hint="involved: an actor of the country on either side; place: where it happened")
        f.country = check_country(f.country)
        f.date_from = _date(f.date_from, "from date")
        f.date_to = _date(f.date_to, "to date")
        if f.date_from and f.date_to and f.date_from > f.date_to:
            raise BadArgument(f"the date range is empty: from {f.date_from} is after to {f.date_to}",
                              hint="swap the two dates")
        if f.min_confidence is not None and not 0 <= f.min_confidence <= 1:
            raise BadArgument(f"min_confidence must be between 0 and 1, not {f.min_confidence}")
        f.actor = (f.actor or "").strip() or None
        f.q = (f.q or "").strip() or None
        return f

    def where_sql(self, store: Store) -> tuple[str, list[Any]]:
        """The WHERE clause on ``events e`` and its parameters."""
        cond, params = ["TRUE"], []
        if self.actor:
            if self.actor_ids is None:
                self.actor_ids = store.actor_ids(self.actor)
            cond.append("(e.article_id, e.event_id) IN (SELECT (article_id, event_id) FROM event_dyads "
                        "WHERE source_id IN (SELECT unnest(?::VARCHAR[])) OR target_id IN (SELECT unnest(?::VARCHAR[])))")
            params += [self.actor_ids, self.actor_ids]
        if self.type:
            cond.append("upper(e.plover) = ?")
            params.append(self.type)
        if self.quad:
            cond.append("e.quad = ?")
            params.append(self.quad)
        if self.country and self.where == "involved":
            cond.append("EXISTS (SELECT 1 FROM event_dyads d WHERE d.article_id = e.article_id "
                        "AND d.event_id = e.event_id AND (d.source_country = ? OR d.target_country = ?))")
            params += [self.country, self.country]
        if self.country and self.where == "place":
            cond.append("EXISTS (SELECT 1 FROM places p WHERE p.article_id = e.article_id "
                        "AND p.place_id = e.place AND p.country = ?)")
            params.append(self.country)
        if self.date_from:
            cond.append("e.date >= ?")
            params.append(self.date_from)
        if self.date_to:
            cond.append("e.date <= ?")
            params.append(self.date_to)
        if self.min_confidence is not None:
            cond.append("e.confidence >= ?")
            params.append(self.min_confidence)
        if self.q:
            cond.append("e.evidence ILIKE ?")
            params.append(f"%{self.q}%")
        if self.article:
            cond.append("e.article_id = ?")
            params.append(self.article)
        return " AND ".join(cond), params


#: the explorer's columns, in the CSV's order (names are those of the actors in the event's article)
COLUMNS = ("article_id", "event_id", "date", "date_precision", "source", "source_names", "target", "target_names",
           "plover", "cameo", "quad", "goldstein", "mode", "negated", "confidence", "place", "place_name",
           "place_country", "evidence", "title", "url", "published")

_ORDER = "e.date DESC NULLS LAST, e.article_id, e.evidence_start, e.event_id"

# the matching events are chosen (and paged) first; the names of their sides, their place and
# article are then joined to those rows only
_SELECT = f"""
WITH e AS MATERIALIZED (SELECT * FROM events e WHERE {{where}} ORDER BY {_ORDER} {{page}}),
sides AS (SELECT article_id, event_id, 'source' AS side, unnest(source) AS actor_id FROM e
          UNION ALL SELECT article_id, event_id, 'target' AS side, unnest(target) AS actor_id FROM e),
names AS MATERIALIZED (SELECT s.article_id, s.event_id, s.side, string_agg(a.name, '; ' ORDER BY a.name) AS names
          FROM sides s JOIN actors a ON a.article_id = s.article_id AND a.actor_id = s.actor_id GROUP BY ALL),
pl AS (SELECT article_id, place_id, any_value(name) AS name, any_value(country) AS country FROM places
       WHERE article_id IN (SELECT article_id FROM e) GROUP BY ALL)
SELECT e.article_id, e.event_id, e.date, e.date_precision, e.source, ns.names AS source_names,
       e.target, nt.names AS target_names, e.plover, e.cameo, e.quad, e.goldstein, e.mode,
       e.negated, e.confidence, e.place, pl.name AS place_name, pl.country AS place_country,
       e.evidence, ar.title, ar.url, ar.published
FROM e LEFT JOIN articles ar ON ar.id = e.article_id
LEFT JOIN names ns ON ns.article_id = e.article_id AND ns.event_id = e.event_id AND ns.side = 'source'
LEFT JOIN names nt ON nt.article_id = e.article_id AND nt.event_id = e.event_id AND nt.side = 'target'
LEFT JOIN pl ON pl.article_id = e.article_id AND pl.place_id = e.place
ORDER BY {_ORDER}"""


def count_events(store: Store, f: EventFilter) -> int:
    where, params = f.where_sql(store)
    return int(store.execute(f"SELECT count(*) FROM events e WHERE {where}", params)[0][0])


def event_rows(store: Store, f: EventFilter, *, limit: int, offset: int = 0) -> list[dict[str, Any]]:
    where, params = f.where_sql(store)
    return store.query(_SELECT.format(where=where, page="LIMIT ? OFFSET ?"), [*params, limit, offset])


def _cell(v: Any) -> str:
    if v is None:
        return ""
    if isinstance(v, list):
        return ";".join(str(x) for x in v)
    if isinstance(v, bool):
        return "true" if v else "false"
    return str(v)


def csv_lines(store: Store, f: EventFilter, *, chunk: int = 500) -> Iterator[str]:
    """Every matching event as CSV text (the header first), streamed from the store a chunk at a time."""
    where, params = f.where_sql(store)
    buf = io.StringIO()
    out = csv.writer(buf, lineterminator="\r\n")
    out.writerow(COLUMNS)
    for n, row in enumerate(store.stream(_SELECT.format(where=where, page=""), params, chunk=chunk), start=1):
        out.writerow([_cell(v) for v in row])
        if n % chunk == 0:
            yield buf.getvalue()
            buf.seek(0)
            buf.truncate()
    yield buf.getvalue()


def facets(store: Store) -> dict[str, Any]:
    """What the explorer's menus offer: event types, quad classes and countries with their counts,
    and the range of event dates."""
    types = store.query("SELECT upper(plover) AS value, count(*) AS events FROM events WHERE plover IS NOT NULL "
                        "GROUP BY 1 ORDER BY 2 DESC, 1")
    quads = store.query("SELECT quad AS value, count(*) AS events FROM events WHERE quad IS NOT NULL "
                        "GROUP BY 1 ORDER BY 2 DESC")
    cs = store.query("SELECT c AS value, count(DISTINCT (article_id, event_id)) AS events FROM ("
                     "SELECT article_id, event_id, source_country AS c FROM event_dyads UNION ALL "
                     "SELECT article_id, event_id, target_country FROM event_dyads) WHERE c IS NOT NULL "
                     "GROUP BY c ORDER BY 2 DESC, 1")
    known = countries()
    for c in cs:
        c["name"] = known.get(c["value"], {}).get("name")
    lo, hi, undated = store.execute("SELECT min(date), max(date), count(*) FILTER (WHERE date IS NULL) FROM events")[0]
    return {"types": types, "quads": quads, "countries": cs, "all_types": list(PLOVER_EVENTS),
            "date_min": lo.isoformat() if lo else None, "date_max": hi.isoformat() if hi else None,
            "undated": int(undated)}


# ----------------------------------------------------------------------------------------------
# one event's evidence, with the spans of its sides and trigger
# ----------------------------------------------------------------------------------------------

def evidence(store: Store, article_id: str, event_id: str) -> dict[str, Any] | None:
    """The event's evidence sentence with its source, target and trigger spans (offsets into the
    sentence), or None when the store has no such event."""
    rows = store.execute("SELECT doc FROM articles WHERE id = ?", [article_id])
    if not rows:
        return None
    doc = json.loads(rows[0][0])
    ev = next((e for e in doc.get("events", []) if e.get("id") == event_id), None)
    if ev is None:
        return None
    ev_span = ev["evidence"]
    start, end = int(ev_span["start"]), int(ev_span["end"])
    text = doc["article"]["text"]
    actors = {a["id"]: a for a in doc.get("actors", [])}
    spans: list[dict[str, Any]] = []

    def add(role: str, s: int, t: int, actor: str | None = None) -> None:
        if start <= s < t <= end and not any(x["start"] < t - start and s - start < x["end"] for x in spans):
            spans.append({"role": role, "start": s - start, "end": t - start, "text": text[s:t], "actor": actor,
                          "name": actors.get(actor or "", {}).get("name")})

    pred = ev.get("predicate")
    if pred:
        add("trigger", int(pred["start"]), int(pred["end"]))
    for role in ("source", "target"):
        for aid in ev.get(role) or []:
            for m in actors.get(aid, {}).get("mentions", []):
                add(role, int(m["start"]), int(m["end"]), aid)
    spans.sort(key=lambda x: x["start"])
    art = doc["article"]
    return {"article_id": article_id, "event_id": event_id, "text": text[start:end], "start": start, "end": end,
            "spans": spans, "title": art.get("title"), "published": art.get("published"),
            "event": {k: ev.get(k) for k in ("source", "target", "plover", "cameo", "quad", "goldstein", "mode",
                                              "modality", "negated", "date", "date_precision", "place",
                                              "confidence", "rule")},
            "names": {aid: actors.get(aid, {}).get("name") for aid in [*(ev.get("source") or []),
                                                                       *(ev.get("target") or [])]}}


# ----------------------------------------------------------------------------------------------
# the map
# ----------------------------------------------------------------------------------------------

def by_country(store: Store, f: EventFilter) -> list[dict[str, Any]]:
    """Events per country under ``f`` (its own country filter left out): by the countries of the
    actors involved (``f.where == "involved"``) or by the country of the event's place."""
    g = EventFilter(**{**f.__dict__, "country": None})
    where, params = g.where_sql(store)
    if f.where == "place":
        sql = ("SELECT p.country AS country, count(*) AS events FROM events e JOIN places p "
               f"ON p.article_id = e.article_id AND p.place_id = e.place WHERE {where} AND p.country IS NOT NULL "
               "GROUP BY 1 ORDER BY 2 DESC, 1")
    else:
        events = ("" if where == "TRUE" else  # the events table only when a filter needs it
                  "JOIN events e ON e.article_id = d.article_id AND e.event_id = d.event_id ")
        sql = ("SELECT c AS country, count(DISTINCT (d.article_id, d.event_id)) AS events FROM ("
               "SELECT article_id, event_id, source_country AS c FROM event_dyads WHERE source_country IS NOT NULL "
               "UNION ALL SELECT article_id, event_id, target_country FROM event_dyads "
               f"WHERE target_country IS NOT NULL) d {events}WHERE {where} GROUP BY 1 ORDER BY 2 DESC, 1")
    rows = store.query(sql, params)
    known = countries()
    for r in rows:
        info = known.get(r["country"], {})
        r.update(name=info.get("name"), lat=info.get("lat"), lon=info.get("lon"))
    return rows


def by_place(store: Store, f: EventFilter, *, limit: int = 500) -> list[dict[str, Any]]:
    """Events per geocoded place under ``f``, most events first."""
    where, params = f.where_sql(store)
    return store.query(
        "SELECT p.place_id AS id, any_value(p.name) AS name, any_value(p.country) AS country, "
        "any_value(p.lat) AS lat, any_value(p.lon) AS lon, count(*) AS events FROM events e JOIN places p "
        f"ON p.article_id = e.article_id AND p.place_id = e.place WHERE {where} AND p.lat IS NOT NULL "
        "AND p.lon IS NOT NULL GROUP BY p.place_id ORDER BY events DESC, id LIMIT ?", [*params, limit])


# ----------------------------------------------------------------------------------------------
# the network, rolled up
# ----------------------------------------------------------------------------------------------

@dataclass
class Rollup:
    """Who each state rolls up to on a date (first listed bloc first)."""

    on: str
    blocs: list[str]
    member_of: dict[str, str] = field(default_factory=dict)  # ISO3 -> bloc id
    names: dict[str, str] = field(default_factory=dict)  # bloc id -> name
    unknown: list[str] = field(default_factory=list)


def bloc_rollup(blocs: list[str], on: str) -> Rollup:
    """The members of each bloc on ``on`` from the knowledge base; a state in two listed blocs goes
    to the first. Blocs the knowledge base does not know are listed in ``unknown``."""
    from ..kb import get_kb

    r = Rollup(on=on, blocs=[])
    try:
        kb = get_kb()
    except NewsgraphError:
        r.unknown = list(blocs)
        return r
    for b in blocs:
        org = kb.organization(b)
        if org is None:
            r.unknown.append(b)
            continue
        r.blocs.append(org.id)
        r.names[org.id] = org.acronym or org.name
        for m in kb.members(org.id, on, status="member"):
            r.member_of.setdefault(m.member, org.id)
        r.member_of.setdefault(f"{org.id}-MEMBERS", org.id)  # "the NATO member states" as one actor
    return r


def parse_blocs(text: str | None) -> list[str]:
    if text is None:
        return list(DEFAULT_BLOCS)
    out = [b.strip() for b in text.split(",") if b.strip()]
    if len(out) > 20:
        raise BadArgument(f"at most 20 blocs, not {len(out)}", hint="list the blocs you compare, e.g. NATO,CSTO,EU")
    return out


def network(store: Store, *, level: str = "actor", on: str | None = None, blocs: list[str] | None = None,
            f: EventFilter | None = None, limit: int = 150, min_events: int = 1,
            focus: str | None = None, placed_only: bool = True) -> dict[str, Any]:
    """The event network at ``level`` (actor, state or bloc), its ``limit`` heaviest edges.

    ``state`` folds people and agencies into their country; ``bloc`` further folds states into the
    first listed bloc they belong to on ``on`` (knowledge-base memberships with dates). Each edge
    counts its events per quad class and is coloured by the commonest (``quad``). Events within
    one node (a minister and their own state) are counted on the node as ``internal``. ``focus``
    keeps the edges that touch a node whose id or name contains it; ``total_edges`` counts the
    edges that qualify before the top-N cut. Negated events are left out. At state and bloc level,
    ``placed_only`` leaves out people and groups whose state is not known (they cannot be rolled up);
    organisations stay.
    """
    if level not in LEVELS:
        raise BadArgument(f"level must be one of {', '.join(LEVELS)}, not {level!r}",
                          hint="actor: as reported; state: people folded into their country; bloc: states into blocs")
    f = (f or EventFilter()).checked()
    where, params = f.where_sql(store)
    roll = None
    if level == "bloc":
        from datetime import date as _d

        on = _date(on, "roll-up date") or f.date_to or _d.today().isoformat()
        roll = bloc_rollup(blocs if blocs is not None else list(DEFAULT_BLOCS), on)
    if level == "actor":
        s_key, t_key, join, jparams = "d.source_id", "d.target_id", "", []
    else:
        s_key = "coalesce(d.source_country, d.source_id)"
        t_key = "coalesce(d.target_country, d.target_id)"
        join, jparams = "", []
        if roll is not None and roll.member_of:
            isos, bl = list(roll.member_of), [roll.member_of[i] for i in roll.member_of]
            join = ("LEFT JOIN (SELECT unnest(?::VARCHAR[]) AS iso, unnest(?::VARCHAR[]) AS bloc) ms ON ms.iso = "
                    "coalesce(d.source_country, d.source_id) LEFT JOIN (SELECT unnest(?::VARCHAR[]) AS iso, "
                    "unnest(?::VARCHAR[]) AS bloc) mt ON mt.iso = coalesce(d.target_country, d.target_id)")
            jparams = [isos, bl, isos, bl]
            s_key, t_key = f"coalesce(ms.bloc, {s_key})", f"coalesce(mt.bloc, {t_key})"
    # the events table is joined only when a filter needs it
    events = "" if where == "TRUE" else "JOIN events e ON e.article_id = d.article_id AND e.event_id = d.event_id"
    placed, pparams = "", []
    if placed_only and level != "actor":
        mapped = sorted(roll.member_of) if roll is not None else []
        placed = " AND ".join(f"(d.{x}_country IS NOT NULL OR d.{x}_kind IN ('organization', 'bloc', 'country') "
                              f"OR d.{x}_id IN (SELECT unnest(?::VARCHAR[])))" for x in ("source", "target"))
        placed, pparams = f" AND {placed}", [mapped, mapped]
    hits: list[str] | None = None
    if focus:
        hits = _matching_nodes(store, focus, roll)
    ev = f"""
        WITH ev AS (
            SELECT DISTINCT d.article_id, d.event_id, {s_key} AS s, {t_key} AS t, d.quad, d.goldstein
            FROM event_dyads d {join}
            {events}
            WHERE d.source_id IS NOT NULL AND d.target_id IS NOT NULL AND NOT d.negated{placed} AND {where})"""
    quads = ", ".join(f"count(*) FILTER (WHERE quad = '{q}') AS {q.replace(' ', '_')}" for q in QUADS)
    keep = " AND (s IN (SELECT unnest(?)) OR t IN (SELECT unnest(?)))" if hits is not None else ""
    rows = store.query(
        f"""{ev}, g AS (SELECT s, t, count(*) AS events, round(coalesce(sum(goldstein), 0), 3) AS goldstein_sum,
                           {quads} FROM ev WHERE s <> t GROUP BY s, t)
        SELECT *, count(*) OVER () AS total FROM g WHERE events >= ?{keep}
        ORDER BY events DESC, s, t LIMIT ?""",
        [*jparams, *pparams, *params, min_events, *([hits, hits] if hits is not None else []), limit])
    total_edges = int(rows[0]["total"]) if rows else 0
    edges = []
    for r in rows:
        counts = {q: r[q.replace(" ", "_")] for q in QUADS}
        top = max(counts.items(), key=lambda kv: (kv[1], kv[0]))
        edges.append({"source": r["s"], "target": r["t"], "events": r["events"], "goldstein_sum": r["goldstein_sum"],
                      **{q.replace(" ", "_"): n for q, n in counts.items()}, "quad": top[0] if top[1] else None})
    kept = sorted({e["source"] for e in edges} | {e["target"] for e in edges})
    internal = {r["s"]: r["n"] for r in store.query(
        f"{ev} SELECT s, count(*) AS n FROM ev WHERE s = t AND s IN (SELECT unnest(?)) GROUP BY s",
        [*jparams, *pparams, *params, kept])} if kept else {}
    info = _node_info(store, set(kept), roll)
    weight: dict[str, int] = {}
    for e in edges:
        for end in (e["source"], e["target"]):
            weight[end] = weight.get(end, 0) + e["events"]
    nodes = [{"id": n, **info.get(n, {"name": n, "kind": None, "country": None}), "events": weight[n],
              "internal": internal.get(n, 0)} for n in sorted(weight)]
    out: dict[str, Any] = {"level": level, "nodes": nodes, "edges": edges, "total_edges": total_edges,
                           "placed_only": bool(placed and placed_only)}
    if roll is not None:
        out["rollup"] = {"on": roll.on, "blocs": [{"id": b, "name": roll.names[b],
                                                   "members": sorted(i for i, x in roll.member_of.items()
                                                                     if x == b and len(i) == 3)}
                                                  for b in roll.blocs], "unknown": roll.unknown}
    return out


def _matching_nodes(store: Store, focus: str, roll: Rollup | None) -> list[str]:
    """Node ids whose id or name contains ``focus`` (case-insensitive): stored actors, countries and
    the roll-up's blocs."""
    needle = focus.strip().lower()
    ids = {r[0] for r in store.execute(
        "SELECT DISTINCT actor_id FROM actors WHERE contains(lower(actor_id), ?) OR contains(lower(name), ?)",
        [needle, needle])}
    ids |= {c for c, v in countries().items() if needle in c.lower() or needle in v["name"].lower()}
    if roll is not None:
        ids |= {b for b, name in roll.names.items() if needle in b.lower() or needle in name.lower()}
    return sorted(ids)


def _node_info(store: Store, ids: set[str], roll: Rollup | None) -> dict[str, dict[str, Any]]:
    known = countries()
    out: dict[str, dict[str, Any]] = {}
    rest = []
    for i in ids:
        if roll is not None and i in roll.names:
            out[i] = {"name": roll.names[i], "kind": "bloc", "country": None}
        else:
            rest.append(i)
    if rest:
        for r in store.query(
                "SELECT actor_id AS id, arg_max({'name': name, 'kind': kind, 'country': country}, n_mentions) AS a "
                "FROM actors WHERE actor_id IN (SELECT unnest(?)) GROUP BY actor_id", [rest]):
            out[r["id"]] = {"name": r["a"]["name"], "kind": r["a"]["kind"], "country": r["a"]["country"]}
    for i in rest:
        if i in known and (i not in out or out[i]["kind"] in (None, "country")):
            out[i] = {"name": known[i]["name"], "kind": "country", "country": i}
        out.setdefault(i, {"name": i, "kind": None, "country": None})
    return out


__all__ = ["COLUMNS", "DEFAULT_BLOCS", "LEVELS", "WHERE_MODES", "EventFilter", "bloc_rollup", "by_country",
           "by_place", "check_country", "count_events", "countries", "csv_lines", "event_rows", "evidence",
           "facets", "network", "parse_blocs"]
