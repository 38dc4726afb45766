"""The REST API and the dashboard's server: a thin face over the library (FastAPI).

``create_app(db)`` opens the DuckDB store (read-only unless ``POST /api/ingest`` is turned on
with a token) and answers typed queries by calling :class:`newsgraph.store.Store`,
:func:`newsgraph.read` and the analytics functions. No SQL and no file path ever comes from a
request: filters are typed query parameters passed on as bound values, and the store path
comes from the server's configuration only. Ids are path parameters that may hold ``/``
(``/api/articles/{id:path}``): clients percent-encode them and any stored id can be fetched.

``POST /api/analyze`` (and ``/api/ingest``) never analyse in the server's process: a
:class:`newsgraph.service.AnalysisService` runs at most ``[api] analyze_workers`` analyses at
once in child processes, each within ``[api] analyze_seconds``, on texts of at most
``[api] max_analyze_kb``; reads keep answering meanwhile. When the server has a token,
``/api/analyze`` needs it like ``/api/ingest``.

Every error, whatever raised it, leaves as one JSON shape (Datasette's practice)::

    {"error": {"code": "NG110", "message": "limit must be ...", "status": 422}}

Library errors keep their own code and status; validation errors are NG110/422; unknown
routes and ids are NG701/404 (NG503 for actors); a wrong method NG702/405; a body over
``[api] max_body`` or a text over ``[api] max_analyze_kb`` NG104/413; JSON nested too deep or
with a giant number NG112/422; ingest while it is off NG703/403, without the right token
NG704/401; an analysis over its time limit NG301/422, an analysis process that died NG302/500,
every analysis slot busy NG705/503 (with Retry-After); anything unexpected NG999/500 with no
traceback in the body (it goes to the log).
"""

from __future__ import annotations

import datetime as dt
import hmac
import json
import logging
import re
import threading
from collections import OrderedDict
from collections.abc import Iterator
from contextlib import asynccontextmanager
from importlib import resources
from pathlib import Path
from typing import Any, Literal

from fastapi import Depends, FastAPI, Query, Request
from fastapi import Path as PathParam
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, ConfigDict, Field, ValidationError
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from . import __version__
from . import config as _config
from .errors import (
    ApiError,
    BadArgument,
    BadRecord,
    Busy,
    EmptyInput,
    IngestDisabled,
    InputTooLarge,
    InternalError,
    MethodNotAllowed,
    NewsgraphError,
    NotFound,
    StoreError,
    Unauthorized,
    UnknownActor,
    UnsupportedInput,
)
from .model import ACTOR_KINDS, QUADS, QUOTE_KINDS, SCHEMA
from .schema import query_columns
from .store import Filters, Store

log = logging.getLogger("newsgraph.api")

API = "/api"


def error_body(code: str, message: str, status: int) -> dict[str, Any]:
    """The one error shape every failing request gets."""
    return {"error": {"code": code, "message": message, "status": status}}


def error_response(exc: NewsgraphError, headers: dict[str, str] | None = None) -> JSONResponse:
    return JSONResponse(error_body(exc.code, exc.one_line(), exc.status), status_code=exc.status, headers=headers)


# ----------------------------------------------------------------------------------------------
# response and request models (the OpenAPI schema). Documents allow extra fields: the contract
# lets the library add fields freely.
# ----------------------------------------------------------------------------------------------

class _Open(BaseModel):
    model_config = ConfigDict(extra="allow")


class ErrorBody(BaseModel):
    code: str = Field(description="stable newsgraph error code, e.g. NG110")
    message: str = Field(description="what went wrong and what to do")
    status: int = Field(description="the HTTP status, repeated")


class ErrorResponse(BaseModel):
    error: ErrorBody


class SpanOut(_Open):
    start: int
    end: int
    text: str


class MentionOut(SpanOut):
    rule: str | None = Field(None, description="the rule that linked the mention to its actor")
    antecedent: dict[str, int] | None = Field(None, description="the mention it was resolved through")


class RoleOut(_Open):
    title: str
    of: str | None = None
    start: str | None = None
    end: str | None = None


class ActorOut(_Open):
    id: str
    name: str
    kind: str
    country: str | None = None
    code: str | None = None
    roles: list[RoleOut] = []
    mentions: list[MentionOut] = []


class QuoteOut(_Open):
    id: str
    text: str
    start: int
    end: int
    kind: str
    speaker: str | None = None
    speaker_mention: SpanOut | None = None
    cue: SpanOut | None = None


class EventOut(_Open):
    id: str
    source: list[str]
    target: list[str]
    plover: str | None = None
    cameo: str | None = None
    goldstein: float | None = None
    quad: str | None = None
    mode: str | None = None
    negated: bool = False
    date: str | None = None
    date_precision: str | None = None
    place: str | None = None
    evidence: SpanOut
    confidence: float | None = None


class RelationOut(_Open):
    type: str
    subject: str
    object: str
    source: str
    evidence: SpanOut | None = None


class PlaceOut(_Open):
    id: str
    name: str
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    mentions: list[SpanOut] = []


class ArticleOut(_Open):
    id: str
    title: str | None = None
    url: str | None = None
    published: str | None = None
    dateline: str | None = None
    text: str


class AnalysisDocument(_Open):
    """The CONTRACT.md document (schema newsgraph.analysis/1)."""

    schema_: str = Field(SCHEMA, alias="schema", serialization_alias="schema")
    article: ArticleOut
    actors: list[ActorOut]
    quotes: list[QuoteOut]
    events: list[EventOut]
    relations: list[RelationOut]
    places: list[PlaceOut]
    model_config = ConfigDict(extra="allow", populate_by_name=True)


class Page(BaseModel):
    limit: int = Field(description="the page size: the request's limit, else the default (50)")
    offset: int
    total: int | None = Field(None, description="every row that matches the filters, over all pages")
    next: int | None = Field(None, description="the offset of the next page, or null on the last page")


class ArticleRow(_Open):
    id: str
    published: dt.date | None = None
    title: str | None = None
    dateline: str | None = None
    url: str | None = None
    n_actors: int | None = None
    n_quotes: int | None = None
    n_events: int | None = None


class ArticlePage(Page):
    items: list[ArticleRow]


class ActorRow(_Open):
    id: str
    name: str | None = None
    kind: str | None = None
    country: str | None = None
    code: str | None = None
    articles: int | None = None
    mentions: int | None = None


class ActorPage(Page):
    items: list[ActorRow]


class ActorRef(BaseModel):
    id: str
    name: str | None = None


class QuoteRow(_Open):
    article_id: str
    quote_id: str
    published: dt.date | None = None
    speaker: str | None = None
    speaker_name: str | None = None
    kind: str | None = None
    text: str
    cue: str | None = None
    rule: str | None = Field(None, description="the attribution rule (e.g. post-frame, clause, object)")
    confidence: float | None = None
    about: list[ActorRef] = Field([], description="actors mentioned inside the quote")


class QuotePage(Page):
    items: list[QuoteRow]


class EventRow(_Open):
    article_id: str
    event_id: str
    date: dt.date | None = None
    date_precision: str | None = None
    source: list[str] = []
    target: list[str] = []
    plover: str | None = None
    cameo: str | None = None
    goldstein: float | None = None
    quad: str | None = None
    mode: str | None = None
    negated: bool | None = None
    place: str | None = None
    evidence: str | None = None
    confidence: float | None = None


class EventPage(Page):
    items: list[EventRow]


class Membership(_Open):
    type: str = Field(description="member_of, leader_of, ally_of ...")
    object: str = Field(description="the organisation, bloc or country id")
    object_name: str | None = None
    source: str = Field(description="kb (knowledge base) or text (stated in a stored article)")
    start: str | None = None
    end: str | None = None
    article_id: str | None = None


class ActorDetail(_Open):
    id: str
    name: str | None = None
    kind: str | None = None
    country: str | None = None
    code: str | None = None
    kb_id: str | None = None
    articles: int = 0
    mentions: int = 0
    roles: list[RoleOut] = []
    memberships: list[Membership] = []
    members: list[Membership] = Field([], description="for organisations and blocs: who belongs to it")
    quotes: list[QuoteRow] = Field([], description="the actor's most recent quotes (at most 50)")
    events: list[EventRow] = Field([], description="the most recent events with the actor as source or target (at most 50)")


class SeriesPoint(_Open):
    period: dt.date = Field(description="first day of the day, week (Monday) or month")
    events: int
    articles: int | None = Field(None, description="articles reporting those events")
    goldstein_sum: float | None = None
    goldstein_mean: float | None = None
    verbal_cooperation: int = 0
    material_cooperation: int = 0
    verbal_conflict: int = 0
    material_conflict: int = 0


class Series(_Open):
    source: str
    target: str
    by: str
    symmetric: bool
    source_selector: dict[str, Any] = Field({}, description="what the source stood for: actor ids, a country, "
                                               "or an organisation with its member periods")
    target_selector: dict[str, Any] = Field({}, description="what the target stood for")
    points: list[SeriesPoint]
    warnings: list[str] = []


class NetworkNode(_Open):
    id: str
    name: str | None = None
    kind: str | None = None
    country: str | None = None
    events: int = 0


class NetworkEdge(_Open):
    source: str
    target: str
    events: int = Field(description="the weight: number of events from source to target")
    goldstein_sum: float | None = None
    goldstein_mean: float | None = None
    sign: int = Field(description="+1 cooperation, -1 conflict, 0 neutral (sign of the Goldstein sum)")
    cooperation: int = 0
    conflict: int = 0


class Network(_Open):
    nodes: list[NetworkNode]
    edges: list[NetworkEdge]


class StoryRow(_Open):
    story_id: str
    date_start: dt.date | None = None
    date_end: dt.date | None = None
    n_articles: int
    n_sources: int
    sources: list[str] = []
    title: str | None = None


class StoryPage(Page):
    items: list[StoryRow]


class StoryDetail(StoryRow):
    articles: list[dict[str, Any]] = Field(description="the story's articles, earliest first, with their news source")
    events: list[dict[str, Any]] = Field(description="its events merged per source, target and PLOVER type, with the "
                                                     "reports, articles and news sources behind each")


class AnalyzeRequest(BaseModel):
    """One article to analyse: plain text or HTML (detected, or forced with ``html``)."""

    model_config = ConfigDict(extra="forbid")
    text: str = Field(min_length=1, description="the article text or HTML")
    published: str | None = Field(None, description="publication date YYYY-MM-DD; relative dates resolve against it")
    title: str | None = Field(None, max_length=1000)
    url: str | None = Field(None, max_length=2000)
    id: str | None = Field(None, max_length=200, description="your id for the article (default: a content hash)")
    html: bool | None = Field(None, description="force HTML (true) or text (false); default: detect")


class IngestRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")
    articles: list[AnalyzeRequest] = Field(min_length=1, max_length=100)


class IngestItem(BaseModel):
    id: str
    stored: bool = Field(description="false when the store held the article already")


class IngestResult(BaseModel):
    stored: int
    skipped: int
    items: list[IngestItem]


class StoreResult(BaseModel):
    stored: int
    skipped: int = Field(description="documents whose article the store held already")
    failed: int = Field(description="failures recorded")


class Info(BaseModel):
    name: str = "newsgraph"
    version: str
    schema_: str = Field(alias="schema", serialization_alias="schema")
    store: str = Field(description="the store file's name")
    read_only: bool
    ingest: bool = Field(description="whether POST /api/ingest is turned on")
    counts: dict[str, int]
    limits: dict[str, int]
    model_config = ConfigDict(populate_by_name=True)


ERRORS: dict[int | str, dict[str, Any]] = {
    s: {"model": ErrorResponse, "description": d}
    for s, d in ((404, "unknown route or id"), (422, "invalid parameter (NG110) or date (NG109)"),
                 (500, "store or internal error"))
}


# ----------------------------------------------------------------------------------------------
# the store: one connection, a cursor per worker thread (a DuckDB connection is not shared
# between threads), one writer at a time
# ----------------------------------------------------------------------------------------------

class StorePool:
    """The server's store, opened once; each worker thread reads through its own cursor."""

    def __init__(self, path: str, *, read_only: bool):
        self.path = path
        self.read_only = read_only
        self.base = Store(path, read_only=read_only)
        self._local = threading.local()
        self._clones: list[Store] = []
        self._lock = threading.Lock()
        self.write_lock = threading.Lock()

    def get(self) -> Store:
        store = getattr(self._local, "store", None)
        if store is None:
            store = self.base.for_thread()
            self._local.store = store
            with self._lock:
                self._clones.append(store)
        return store

    def close(self) -> None:
        with self._lock:
            for s in self._clones:
                try:
                    s.close()
                except StoreError:  # closing on shutdown: nothing left to do about a failure
                    pass
            self._clones.clear()
        self.base.close()


# ----------------------------------------------------------------------------------------------
# queries the library does not offer yet (typed, bound parameters only). Each is marked with
# where it belongs; the API switches to the library as soon as it is there.
# ----------------------------------------------------------------------------------------------

_COUNTS = ("events", "articles", "verbal_cooperation", "material_cooperation", "verbal_conflict", "material_conflict")


def dyad_series(store: Store, source: str, target: str, *, by: str = "week", symmetric: bool = False,
                date_from: str | None = None, date_to: str | None = None) -> dict[str, Any]:
    """:func:`newsgraph.analytics.series` for source -> target (and back, with ``symmetric``),
    as one JSON document; periods without events are left out (the chart draws the gaps)."""
    from . import analytics

    fwd = analytics.series(store, source, target, by=by, date_from=date_from, date_to=date_to, fill=False)
    rows = {r["period"]: dict(r) for r in fwd.rows}
    if symmetric:
        back = analytics.series(store, target, source, by=by, date_from=date_from, date_to=date_to, fill=False)
        for r in back.rows:
            have = rows.setdefault(r["period"], {**dict.fromkeys(_COUNTS, 0), "period": r["period"], "goldstein_sum": 0.0})
            for k in _COUNTS:
                have[k] = (have.get(k) or 0) + (r.get(k) or 0)
            have["goldstein_sum"] = round(float(have.get("goldstein_sum") or 0) + float(r.get("goldstein_sum") or 0), 3)
    points = [rows[k] for k in sorted(rows)]
    if symmetric:  # an article reporting both directions would be counted twice: leave the count out
        for p in points:
            p["articles"] = None
    for p in points:  # the mean over the merged events (a mean of means would weigh periods wrongly)
        p["goldstein_mean"] = round(p["goldstein_sum"] / p["events"], 3) if p["events"] else None
    return {"source": source, "target": target, "by": by, "symmetric": symmetric,
            "source_selector": fwd.source.to_dict(), "target_selector": fwd.target.to_dict(),
            "points": points, "warnings": fwd.warnings}


def dyad_events(store: Store, source: str, target: str, period: str, *, by: str = "week",
                symmetric: bool = False, limit: int = 100) -> list[dict[str, Any]]:
    """The events behind one point of :func:`dyad_series`: :func:`newsgraph.analytics.series_events`,
    both directions merged when ``symmetric``."""
    from . import analytics

    rows = analytics.series_events(store, source, target, period, by=by, limit=limit)
    if symmetric:
        seen = {(r["article_id"], r["event_id"]) for r in rows}
        rows += [r for r in analytics.series_events(store, target, source, period, by=by, limit=limit)
                 if (r["article_id"], r["event_id"]) not in seen]
        rows.sort(key=lambda r: (str(r.get("date")), r["article_id"]))
    return rows[:limit]




def network_json(store: Store, *, date_from: str | None = None, date_to: str | None = None, min_events: int = 1,
                 limit: int = 200) -> dict[str, Any]:
    """:func:`newsgraph.analytics.network` as JSON, keeping the ``limit`` heaviest edges."""
    from . import analytics

    g = analytics.network(store, date_from=date_from, date_to=date_to, min_weight=min_events)
    edges = sorted(({"source": s, "target": t, "events": d["weight"], **{k: v for k, v in d.items() if k != "weight"}}
                    for s, t, d in g.edges(data=True)), key=lambda e: (-e["events"], e["source"], e["target"]))[:limit]
    keep = {e["source"] for e in edges} | {e["target"] for e in edges}
    weight: dict[str, int] = {}
    for e in edges:
        for end in (e["source"], e["target"]):
            weight[end] = weight.get(end, 0) + e["events"]
    nodes = [{"id": n, **{k: (v or None) for k, v in g.nodes[n].items() if k != "events"}, "events": weight[n]}
             for n in sorted(keep)]
    return {"nodes": nodes, "edges": edges}


def quotes_about(store: Store, rows: list[dict[str, Any]]) -> None:
    """Add to each quote row the actors mentioned inside the quote (who it is about).
    TODO(lead): belongs in Store.quotes."""
    if not rows:
        return
    keys = [f"{r['article_id']}/{r['quote_id']}" for r in rows]
    found = store.query(
        "SELECT DISTINCT q.article_id || '/' || q.quote_id AS k, m.actor_id AS id, a.name AS name "
        "FROM quotes q JOIN mentions m ON m.article_id = q.article_id AND m.start_char >= q.start_char "
        "AND m.end_char <= q.end_char JOIN actors a ON a.article_id = m.article_id AND a.actor_id = m.actor_id "
        "WHERE q.article_id || '/' || q.quote_id IN (SELECT unnest(?)) ORDER BY 1, 3", [keys])
    about: dict[str, list[dict[str, Any]]] = {}
    for f in found:
        about.setdefault(f["k"], []).append({"id": f["id"], "name": f["name"]})
    for r, k in zip(rows, keys, strict=True):
        r["about"] = [a for a in about.get(k, []) if a["id"] != r.get("speaker")]


def quote_keys_about(store: Store, actor: str) -> list[str]:
    """``article/quote`` keys of quotes that mention ``actor`` (id, code or name) inside them."""
    ids = store.actor_ids(actor)
    return [r["k"] for r in store.query(
        "SELECT DISTINCT q.article_id || '/' || q.quote_id AS k FROM quotes q JOIN mentions m "
        "ON m.article_id = q.article_id AND m.start_char >= q.start_char AND m.end_char <= q.end_char "
        "WHERE m.actor_id IN (SELECT unnest(?))", [ids])]


def actor_profile(store: Store, actor_id: str) -> dict[str, Any] | None:
    """One actor across the store: identity, roles, memberships, quotes and events; the knowledge
    base adds the offices and memberships it knows. TODO(lead): belongs in Store as ``actor(id)``."""
    rows = store.query(
        "SELECT actor_id AS id, any_value(name) AS name, any_value(kind) AS kind, any_value(country) AS country, "
        "any_value(code) AS code, any_value(kb_id) AS kb_id, count(DISTINCT article_id) AS articles, "
        "sum(n_mentions) AS mentions, list(roles) AS roles FROM actors WHERE actor_id = ? GROUP BY actor_id",
        [actor_id])
    if not rows:
        return None
    d = rows[0]
    d["mentions"] = int(d["mentions"] or 0)
    stored_roles: list[dict[str, Any]] = []
    for raw in d.pop("roles") or []:
        for r in json.loads(raw) if isinstance(raw, str) else raw or []:
            if r not in stored_roles:
                stored_roles.append(r)
    rel = store.query(
        "SELECT DISTINCT r.article_id, r.type, r.subject, r.object, r.source, r.start_date AS start, "
        "r.end_date AS end, (SELECT any_value(name) FROM actors a WHERE a.actor_id = r.object) AS object_name, "
        "(SELECT any_value(name) FROM actors a WHERE a.actor_id = r.subject) AS subject_name "
        "FROM relations r WHERE r.subject = ? OR r.object = ? ORDER BY r.type, r.subject, r.object",
        [actor_id, actor_id])
    memberships = [{k: v for k, v in r.items() if k not in ("subject", "subject_name")}
                   for r in rel if r["subject"] == actor_id]
    members = [{**{k: v for k, v in r.items() if k not in ("subject", "subject_name")}, "object": r["subject"],
                "object_name": r["subject_name"]} for r in rel if r["object"] == actor_id and r["type"] == "member_of"]
    kb_roles, kb_members, kb_memberships = _kb_facts(d.get("kb_id") or actor_id)
    d["roles"] = kb_roles or stored_roles
    d["memberships"] = kb_memberships + memberships
    d["members"] = kb_members + members
    quotes = store.query(
        f"SELECT {query_columns('quotes')} "
        "FROM quotes WHERE speaker = ? ORDER BY published DESC NULLS LAST, article_id, start_char LIMIT 50", [actor_id])
    quotes_about(store, quotes)
    d["quotes"] = quotes
    d["events"] = store.query(
        f"SELECT {query_columns('events')} FROM events WHERE list_contains(source, ?) OR list_contains(target, ?) "
        "ORDER BY date DESC NULLS LAST, article_id, evidence_start LIMIT 50", [actor_id, actor_id])
    return d


def _kb_facts(kb_id: str) -> tuple[list[dict[str, Any]], list[dict[str, Any]], list[dict[str, Any]]]:
    """Offices (all, dated), current members and current memberships the knowledge base knows."""
    from . import analytics

    kb: Any = analytics.kb_memberships()  # the KB, or None while it is not installed
    if kb is None or kb.entity(kb_id) is None:
        return [], [], []
    entity = kb.entity(kb_id)
    roles = [{"title": h.title, "of": h.of, "start": h.start, "end": h.end, "office": h.office}
             for h in kb.roles(kb_id)]
    names: dict[str, str | None] = {}

    def name(i: str) -> str | None:
        if i not in names:
            e = kb.entity(i)
            names[i] = e.name if e else None
        return names[i]

    def row(m: Any, other: str) -> dict[str, Any]:
        return {"type": "member_of" if m.status == "member" else m.status, "object": other, "object_name": name(other),
                "source": "kb", "start": m.start or m.attested_from, "end": m.end}

    members, memberships = [], []
    try:
        if entity.kind in ("organization", "bloc"):
            members = [row(m, m.member) for m in kb.members(entity.id)]
        if entity.kind == "country":
            memberships = [row(m, m.org) for m in kb.memberships(entity.id)]
    except NewsgraphError as exc:  # a KB gap is not the reader's problem: show what is known
        log.warning("knowledge base lookup for %s failed: %s", kb_id, exc.one_line())
    return roles, members, memberships


def events_page(store: Store, f: Filters, *, source: str | None, target: str | None, place: str | None,
                quad: str | None) -> list[dict[str, Any]]:
    """Events through ``Store.events``; ``place`` and ``quad`` go to the store when its Filters
    know them, else they are applied here page by page (TODO(lead): add them to Filters)."""
    extra = {k: v for k, v in (("place", place), ("quad", quad)) if v}
    if not extra or all(hasattr(f, k) for k in extra):
        for k, v in extra.items():
            setattr(f, k, v)
        return store.events(f, source=source, target=target)
    places = {place.lower()} if place else set()
    if place:
        places |= {r["place_id"].lower() for r in store.query(
            "SELECT DISTINCT place_id FROM places WHERE lower(place_id) = lower(?) OR lower(name) = lower(?)",
            [place, place])}
    want, skip, out, offset, step = f.limit, f.offset, [], 0, 1000
    while len(out) < want:
        chunk = store.events(Filters(**{**f.__dict__, "limit": step, "offset": offset}), source=source,
                             target=target)
        for r in chunk:
            if (not places or (r.get("place") or "").lower() in places) and (not quad or r.get("quad") == quad):
                if skip:
                    skip -= 1
                else:
                    out.append(r)
        if len(chunk) < step:
            break
        offset += step
    return out[:want]


# ----------------------------------------------------------------------------------------------
# middleware: body limit and the last line of defence
# ----------------------------------------------------------------------------------------------

class BodyLimit:
    """Refuse bodies over ``max_body`` bytes with NG104/413 before the app reads them."""

    def __init__(self, app: ASGIApp, max_body: int):
        self.app = app
        self.max_body = max_body

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope.get("path") == API + "/store":  # analysed documents from a local
            await self.app(scope, receive, send)                             # ingest, with its token
            return
        headers = dict(scope.get("headers") or [])
        declared = headers.get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.max_body:
            await self._refuse(send)
            return
        chunks: list[bytes] = []
        size = 0
        more = True
        while more:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.max_body:
                await self._refuse(send)
                return
            chunks.append(chunk)
            more = message.get("more_body", False)
        body = b"".join(chunks)
        sent = False

        async def replay() -> Message:
            nonlocal sent
            if not sent:
                sent = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        await self.app(scope, replay, send)

    async def _refuse(self, send: Send) -> None:
        err = InputTooLarge(f"the request body is over {self.max_body} bytes",
                            hint="send a shorter article, or raise [api] max_body on the server")
        await error_response(err)({"type": "http"}, _noop_receive, send)


async def _noop_receive() -> Message:
    return {"type": "http.disconnect"}


class ResponseCache:
    """Answers repeated GET /api requests from memory (least recently used first out).

    Safe because nothing can change the store under the server: DuckDB's read-only open keeps
    every writer out, and a server with ingest turned on clears the cache after each write.
    Only 200 answers under ``max_bytes`` are kept; ``entries=0`` turns the cache off.
    """

    def __init__(self, app: ASGIApp, entries: int = 1024, max_bytes: int = 512_000):
        self.app = app
        self.entries = entries
        self.max_bytes = max_bytes
        self._data: OrderedDict[str, tuple[int, list[tuple[bytes, bytes]], bytes]] = OrderedDict()
        self._lock = threading.Lock()

    def clear(self) -> None:
        with self._lock:
            self._data.clear()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if (not self.entries or scope["type"] != "http" or scope.get("method") != "GET"
                or not scope.get("path", "").startswith(API + "/")):
            await self.app(scope, receive, send)
            return
        key = scope["path"] + "?" + "&".join(sorted((scope.get("query_string") or b"").decode("latin-1").split("&")))
        with self._lock:
            hit = self._data.get(key)
            if hit is not None:
                self._data.move_to_end(key)
        if hit is not None:
            status, headers, body = hit
            await send({"type": "http.response.start", "status": status, "headers": headers})
            await send({"type": "http.response.body", "body": body})
            return
        start: dict[str, Any] = {}
        chunks: list[bytes] = []

        async def keep(message: Message) -> None:
            if message["type"] == "http.response.start":
                start.update(message)
            elif message["type"] == "http.response.body":
                chunks.append(message.get("body", b""))
                if not message.get("more_body") and start.get("status") == 200:
                    body = b"".join(chunks)
                    if len(body) <= self.max_bytes:
                        with self._lock:
                            self._data[key] = (200, list(start.get("headers", [])), body)
                            while len(self._data) > self.entries:
                                self._data.popitem(last=False)
            await send(message)

        await self.app(scope, receive, keep)


class CatchAll:
    """Turn any unexpected exception into NG999/500 with no traceback in the body (it is logged)."""

    def __init__(self, app: ASGIApp):
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def tracked(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, receive, tracked)
        except Exception as exc:  # boundary: the API's last resort; any error leaves as one coded JSON shape
            log.exception("internal error on %s %s", scope.get("method"), scope.get("path"))
            if started:
                raise
            err = InternalError(f"internal error ({type(exc).__name__}); the server log has the details, "
                                "please report it")
            await error_response(err)(scope, receive, send)


# ----------------------------------------------------------------------------------------------
# request parsing helpers
# ----------------------------------------------------------------------------------------------

def _date_param(value: str | None, what: str) -> str | None:
    from .ingest.clean import parse_date

    return parse_date(value, what=what) if value else None


def _check_page(limit: int, offset: int, max_page: int) -> None:
    if limit > max_page:
        raise BadArgument(f"limit must be between 1 and {max_page}, not {limit}",
                          hint="page through results with offset; the largest page is the server's [api] max_page")
    if offset > 10_000_000:
        raise BadArgument(f"offset {offset} is too large", hint="narrow the query with filters")


def _page(items: list[dict[str, Any]], limit: int, offset: int, total: int | None = None) -> dict[str, Any]:
    more = len(items) == limit if total is None else offset + len(items) < total
    return {"items": items, "limit": limit, "offset": offset, "total": total,
            "next": offset + limit if more else None}


def query_page(store: Store, what: str, limit: int, offset: int, max_page: int, **given: Any) -> dict[str, Any]:
    """One page of a typed query (filters checked by :func:`newsgraph.query.validate`, as in the CLI
    and the Python API) with ``total``, the count of every match, and ``next``."""
    from .query import Result, validate

    _check_page(limit, offset, max_page)
    result = Result(store, what, validate(what, given, limit=limit, offset=offset))
    rows = result.rows()
    total = offset + len(rows) if len(rows) < limit and (rows or not offset) else result.total()
    return _page(rows, limit, offset, total)


def no_unknown_parameters(request: Request) -> None:
    """Refuse query parameters the route does not take (a typo would otherwise widen the query
    silently), naming the nearest one it does take."""
    from fastapi.routing import APIRoute

    from .query import nearest

    route = request.scope.get("route")
    if not isinstance(route, APIRoute):
        return
    known = [p.alias for p in route.dependant.query_params]
    known += [p["name"] for p in (route.openapi_extra or {}).get("parameters", []) if p.get("in") == "query"]
    if route.path == API + "/export/{what}":
        return  # newsgraph.query.validate checks these filters itself, naming the nearest valid one
    for name in request.query_params:
        if name not in known:
            near = nearest(name, known)
            raise BadArgument(f"unknown parameter {name!r} for {request.url.path}",
                              hint=(f"did you mean {near[0]!r}? " if near else "")
                              + (f"it takes {', '.join(known)}" if known else "it takes no parameters"))


def _validation_message(errors: list[Any]) -> str:
    parts = []
    for e in errors[:5]:
        loc = ".".join(str(x) for x in e.get("loc", ()) if x not in ("query", "path", "body"))
        got = e.get("input")
        shown = "" if isinstance(got, dict | list) or got is None else f" (got {str(got)[:60]!r})"
        parts.append(f"{loc or 'request'}: {e.get('msg', 'invalid')}{shown}")
    more = f"; and {len(errors) - 5} more" if len(errors) > 5 else ""
    return "; ".join(parts) + more


async def _articles_from_body(request: Request, *, many: bool, max_kb: int) -> list[tuple[AnalyzeRequest, list[str]]]:
    """The article(s) in a request body, each with the warnings reading it gave: JSON ({text, ...}
    or, with ``many``, {articles: [...]}), or raw text/plain or text/html with metadata in the query
    string. Parsed in a worker thread (a body of megabytes takes a while to decode), each article's
    text at most ``max_kb`` KB."""
    from starlette.concurrency import run_in_threadpool

    ctype = (request.headers.get("content-type") or "").split(";")[0].strip().lower()
    body = await request.body()
    return await run_in_threadpool(_parse_articles, body, ctype, dict(request.query_params), many, max_kb)


def _parse_articles(body: bytes, ctype: str, query: dict[str, str], many: bool, max_kb: int
                    ) -> list[tuple[AnalyzeRequest, list[str]]]:
    from .ingest.readers import load_json

    warnings: list[str] = []
    if not body.strip():
        raise EmptyInput("the request body is empty", hint="send the article text, or JSON {\"text\": ...}")
    if ctype in ("application/json", "") or ctype.endswith("+json"):
        try:
            obj = load_json(body, "the request body")
        except (json.JSONDecodeError, UnicodeDecodeError) as exc:
            raise BadRecord(f"the request body is not valid JSON: {exc}",
                            hint="send {\"text\": \"...\"} with Content-Type application/json, "
                                 "or the raw text as text/plain") from exc
        try:
            if many and isinstance(obj, dict) and "articles" in obj:
                items = IngestRequest.model_validate(obj).articles
            elif not isinstance(obj, dict):
                raise BadRecord("the JSON body must be an object with a \"text\" field",
                                hint="send {\"text\": \"...\", \"published\": \"YYYY-MM-DD\"}")
            else:
                items = [AnalyzeRequest.model_validate(obj)]
        except ValidationError as exc:
            raise BadArgument(_validation_message(exc.errors()),
                              hint="the body takes text (required), published, title, url, id, html") from exc
    elif ctype in ("text/plain", "text/html", "application/xhtml+xml"):
        from .ingest.readers import decode, encoding_warning

        text, replaced = decode(body, "the request body")
        try:
            item = AnalyzeRequest(text=text, published=query.get("published"), title=query.get("title"),
                                  url=query.get("url"), id=query.get("id"), html=ctype != "text/plain")
        except ValidationError as exc:
            raise BadArgument(_validation_message(exc.errors())) from exc
        if replaced:
            warnings.append(encoding_warning("the request body", replaced))
        items = [item]
    else:
        raise UnsupportedInput(f"cannot read a request body of type {ctype!r}",
                               hint="send application/json, text/plain or text/html")
    for item in items:
        size = len(item.text.encode("utf-8", "surrogatepass"))
        if size > max_kb * 1024:
            raise InputTooLarge(f"the article text is {size / 1024:.0f} KB, over the server's {max_kb} KB limit",
                                hint="send a shorter article, or raise [api] max_analyze_kb on the server")
    return [(item, warnings) for item in items]


_BODY_DOC = {
    "requestBody": {
        "required": True,
        "description": "JSON {text, published?, title?, url?, id?, html?}, or the raw article as text/plain or "
                       "text/html (then give published, title, url as query parameters)",
        "content": {
            "application/json": {"schema": AnalyzeRequest.model_json_schema()},
            "text/plain": {"schema": {"type": "string"}},
            "text/html": {"schema": {"type": "string"}},
        },
    },
    "parameters": [
        {"name": n, "in": "query", "required": False, "schema": {"type": "string"},
         "description": f"{d} (only with a text/plain or text/html body)"}
        for n, d in (("published", "publication date YYYY-MM-DD"), ("title", "headline"), ("url", "source URL"),
                     ("id", "your id for the article"))
    ],
}


def _web_dir() -> Path:
    return Path(str(resources.files("newsgraph").joinpath("web")))


# ----------------------------------------------------------------------------------------------
# the app
# ----------------------------------------------------------------------------------------------

def create_app(db: str | None = None, *, config: dict[str, Any] | None = None, cache_entries: int = 1024,
               store_token: str | None = None, warm: bool = True) -> FastAPI:
    """The API and dashboard over the store ``db`` (default: ``[store] db`` in the config).

    The store is opened read-only unless ``[api] ingest_token`` is set (then ``POST /api/ingest``
    may write, with ``Authorization: Bearer TOKEN``) or ``store_token`` is given: then the server
    is the store's one writer and ``POST /api/store`` takes analysed documents from a local
    ``newsgraph ingest`` holding that token (:mod:`newsgraph.remote`), while reads go on. Raises
    :class:`StoreError` when the store cannot be opened, so a server never starts on a missing
    file. Answers to repeated GET requests are kept in memory (``cache_entries`` of them; 0 turns
    that off). With ``warm`` the start-up waits until the analysis process has loaded the model,
    so the first ``/api/analyze`` is not slow.
    """
    cfg = config or _config.load()
    api_cfg = cfg["api"]
    max_page, max_body = int(api_cfg["max_page"]), int(api_cfg["max_body"])
    token = str(api_cfg.get("ingest_token") or "")
    path = str(db or cfg["store"]["db"])
    pool = StorePool(path, read_only=not (token or store_token))
    max_analyze_kb = int(api_cfg.get("max_analyze_kb") or _config.defaults()["api"]["max_analyze_kb"])
    from .service import AnalysisService, Job

    service = AnalysisService(cfg, workers=int(api_cfg.get("analyze_workers") or 1),
                              seconds=float(api_cfg.get("analyze_seconds") or 60))

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> Any:
        # load and warm the model in the analysis process now, not on the first request
        if warm:
            from starlette.concurrency import run_in_threadpool

            await run_in_threadpool(service.prestart, True)
        else:
            service.prestart()
        yield
        for fn in app.state.cleanup:  # e.g. the serve command's discovery file
            fn()
        service.close()
        app.state.pool.close()

    app = FastAPI(
        title="newsgraph", version=__version__, lifespan=lifespan,
        description="Political news as structured knowledge: articles, actors, quotes with speakers, "
                    "PLOVER/CAMEO events, alliances. Every error is `{\"error\": {code, message, status}}`.",
        openapi_url=f"{API}/openapi.json", docs_url=None, redoc_url=None,
        dependencies=[Depends(no_unknown_parameters)],
    )
    app.state.pool = pool
    app.state.config = cfg
    app.state.cleanup = []
    app.state.analysis = service

    def store() -> Store:
        return app.state.pool.get()

    # ---- errors: one shape for all of them ------------------------------------------------------
    @app.exception_handler(NewsgraphError)
    async def on_newsgraph_error(request: Request, exc: NewsgraphError) -> JSONResponse:
        headers = {"WWW-Authenticate": "Bearer"} if isinstance(exc, Unauthorized) else None
        if isinstance(exc, Busy):
            headers = {"Retry-After": "5"}
        return error_response(exc, headers)

    @app.exception_handler(RequestValidationError)
    async def on_validation_error(request: Request, exc: RequestValidationError) -> JSONResponse:
        return error_response(BadArgument(_validation_message(list(exc.errors())),
                                          hint=f"see {API}/openapi.json for the parameters"))

    @app.exception_handler(StarletteHTTPException)
    async def on_http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        where = f"{request.method} {request.url.path}"
        err: NewsgraphError
        if exc.status_code == 404:
            err = NotFound(f"nothing at {where}", hint=f"the API is listed at {API}/openapi.json")
        elif exc.status_code == 405:
            allowed = (exc.headers or {}).get("Allow") or (exc.headers or {}).get("allow") or ""
            err = MethodNotAllowed(f"{request.method} is not allowed on {request.url.path}",
                                   hint=f"use {allowed}" if allowed else None)
        else:
            err = ApiError(str(exc.detail))
            err.status = exc.status_code
        return error_response(err, dict(exc.headers or {}) if exc.status_code == 405 else None)

    # ---- meta -----------------------------------------------------------------------------------
    @app.get(f"{API}/info", response_model=Info, summary="Server, store and limits",
             tags=["meta"], responses=ERRORS, response_model_by_alias=True)
    def info() -> dict[str, Any]:
        """Version, contract schema, the store's row counts, and the input limits."""
        return {"version": __version__, "schema": SCHEMA, "store": Path(path).name, "read_only": pool.read_only,
                "ingest": bool(token), "counts": store().stats(),
                "limits": {"max_page": max_page, "max_body": max_body}}

    # ---- articles -------------------------------------------------------------------------------
    Q = Query(None, max_length=200, description="text search (case-insensitive substring)")
    FROM = Query(None, alias="from", max_length=40, description="from date, YYYY-MM-DD (inclusive)")
    TO = Query(None, alias="to", max_length=40, description="to date, YYYY-MM-DD (inclusive)")
    LIMIT = Query(50, ge=1, description=f"page size, 1 to {max_page}")
    OFFSET = Query(0, ge=0, description="rows to skip (for paging)")
    COUNTRY = Query(None, min_length=2, max_length=3, description="ISO 3166 alpha-3 country code, e.g. RUS")
    MIN_CONFIDENCE = Query(None, alias="min_confidence", ge=0, le=1,
                           description="keep those at least this confident (0-1); 0.6 leaves out noun-phrase "
                                       "quotes (rule 'object', 0.5)")

    @app.get(f"{API}/articles", response_model=ArticlePage, summary="List and search articles",
             tags=["articles"], responses=ERRORS)
    def list_articles(q: str | None = Q,
                      actor: str | None = Query(None, max_length=200, description="articles mentioning this actor "
                                                "(id, code or name)"),
                      country: str | None = COUNTRY, date_from: str | None = FROM, date_to: str | None = TO,
                      limit: int = LIMIT, offset: int = OFFSET) -> dict[str, Any]:
        """Stored articles, newest first; `q` searches title and text."""
        return query_page(store(), "articles", limit, offset, max_page, q=q, actor=actor, country=country,
                          date_from=date_from, date_to=date_to)

    @app.get(f"{API}/articles/{{article_id:path}}", response_model=AnalysisDocument, response_model_by_alias=True, response_model_exclude_unset=True,
             summary="One article with its full analysis document", tags=["articles"], responses=ERRORS)
    def get_article(article_id: str = PathParam(..., max_length=200, description="the article id, percent-encoded "
                                                "(any stored id, also one with '/')")) -> dict[str, Any]:
        """The CONTRACT.md document (schema newsgraph.analysis/1) of a stored article."""
        analysis = store().analysis(article_id)
        if analysis is None:
            raise NotFound(f"no article with id {article_id!r} in the store", hint=f"list ids at {API}/articles")
        return analysis.to_dict()

    # ---- actors ---------------------------------------------------------------------------------
    @app.get(f"{API}/actors", response_model=ActorPage, summary="Search actors", tags=["actors"], responses=ERRORS)
    def list_actors(q: str | None = Query(None, max_length=200, description="name search (substring)"),
                    kind: Literal[ACTOR_KINDS] | None = Query(None, description="actor kind"),  # type: ignore[valid-type]
                    country: str | None = COUNTRY, date_from: str | None = FROM, date_to: str | None = TO,
                    limit: int = LIMIT, offset: int = OFFSET) -> dict[str, Any]:
        """Actors across the store, most reported first (articles, then mentions)."""
        return query_page(store(), "actors", limit, offset, max_page, q=q, kind=kind, country=country,
                          date_from=date_from, date_to=date_to)

    @app.get(f"{API}/actors/{{actor_id:path}}", response_model=ActorDetail, summary="One actor: roles, memberships, "
             "quotes and events", tags=["actors"], responses=ERRORS)
    def get_actor(actor_id: str = PathParam(..., max_length=200, description="the actor id, e.g. vladimir-putin or RUS")
                  ) -> dict[str, Any]:
        """Who the actor is (KB roles and memberships where known), with its latest quotes and events."""
        profile = actor_profile(store(), actor_id)
        if profile is None:
            raise UnknownActor(f"no actor with id {actor_id!r} in the store",
                               hint=f"search actors at {API}/actors?q=NAME")
        return profile

    # ---- quotes ---------------------------------------------------------------------------------
    @app.get(f"{API}/quotes", response_model=QuotePage, summary="Quotes by speaker, subject or text",
             tags=["quotes"], responses=ERRORS)
    def list_quotes(speaker: str | None = Query(None, max_length=200, description="speaker: actor id, code or name"),
                    about: str | None = Query(None, max_length=200, description="quotes that mention this actor"),
                    q: str | None = Q,
                    kind: Literal[QUOTE_KINDS] | None = Query(None, description="quote kind"),  # type: ignore[valid-type]
                    country: str | None = COUNTRY,
                    article: str | None = Query(None, max_length=200, description="an article id"),
                    date_from: str | None = FROM, date_to: str | None = TO,
                    min_confidence: float | None = MIN_CONFIDENCE,
                    limit: int = LIMIT, offset: int = OFFSET) -> dict[str, Any]:
        """Who said what about whom: each quote with its speaker and the actors it mentions."""
        s = store()
        page = query_page(s, "quotes", limit, offset, max_page, actor=speaker, about=about, q=q, kind=kind,
                          country=country, article=article, date_from=date_from, date_to=date_to,
                          min_confidence=min_confidence)
        quotes_about(s, page["items"])
        return page

    # ---- events ---------------------------------------------------------------------------------
    @app.get(f"{API}/events", response_model=EventPage, summary="Events by source, target, type, date or place",
             tags=["events"], responses=ERRORS)
    def list_events(source: str | None = Query(None, max_length=200, description="source actor (id, code, name)"),
                    target: str | None = Query(None, max_length=200, description="target actor (id, code, name)"),
                    actor: str | None = Query(None, max_length=200, description="source or target"),
                    type: str | None = Query(None, max_length=40, pattern=r"^[A-Za-z_]+$",
                                             description="PLOVER event type, e.g. ACCUSE"),
                    cameo: str | None = Query(None, max_length=4, pattern=r"^\d{1,4}$",
                                              description="CAMEO code prefix, e.g. 11 or 112"),
                    quad: Literal[QUADS] | None = Query(None, description="quad class"),  # type: ignore[valid-type]
                    place: str | None = Query(None, max_length=200, description="place id or name"),
                    country: str | None = COUNTRY,
                    article: str | None = Query(None, max_length=200, description="an article id"),
                    q: str | None = Query(None, max_length=200, description="search the evidence text"),
                    date_from: str | None = FROM, date_to: str | None = TO,
                    min_confidence: float | None = MIN_CONFIDENCE,
                    limit: int = LIMIT, offset: int = OFFSET) -> dict[str, Any]:
        """Coded events, newest first, with their evidence sentence."""
        return query_page(store(), "events", limit, offset, max_page, actor=actor, source=source, target=target,
                          plover=type, cameo=cameo, quad=quad, place=place, country=country, article=article,
                          q=q, date_from=date_from, date_to=date_to, min_confidence=min_confidence)

    # ---- complete exports -----------------------------------------------------------------------
    from .query import ALIASES, SPECS, TARGETS

    export_params = [{"name": "format", "in": "query", "required": False,
                      "schema": {"type": "string", "enum": ["csv", "json", "jsonl"], "default": "csv"},
                      "description": "csv, json (one array) or jsonl"}]
    export_params += [{"name": n, "in": "query", "required": False, "schema": {"type": "string"},
                       "description": f"{SPECS[n].help} ({', '.join(sorted(t for t in SPECS[n].targets))})"}
                      for n in SPECS]
    export_params += [{"name": a, "in": "query", "required": False, "schema": {"type": "string"},
                       "description": f"same as {n}"} for a, n in ALIASES.items()]

    @app.get(f"{API}/export/{{what}}", summary="Every matching row, streamed (csv, json, jsonl)", tags=["export"],
             responses={**ERRORS, 200: {"description": "the rows; X-Total-Count says how many match, X-Row-Count "
                                                       "how many are sent (limit and offset applied)",
                                        "content": {"text/csv": {}, "application/x-ndjson": {}, "application/json": {
                                            "schema": {"type": "array", "items": {"anyOf": [
                                                {"$ref": f"#/components/schemas/{m}"}
                                                for m in ("ArticleRow", "ActorRow", "QuoteRow", "EventRow")]}}}}}},
             openapi_extra={"parameters": export_params})
    def export_rows(request: Request, what: str = PathParam(..., description=", ".join(TARGETS))) -> Response:
        """Articles, actors, quotes or events matching the filters (the names and checks of
        `newsgraph.query`, as on the command line), every row unless `limit`, streamed: what the
        CLI reads when a server holds the store, and a "download" for the dashboard."""
        from fastapi.responses import StreamingResponse

        from .query import Result, validate

        given = dict(request.query_params)
        fmt = given.pop("format", "csv")
        if fmt not in ("csv", "json", "jsonl"):
            raise BadArgument(f"unknown format {fmt!r}", hint="format is csv, json or jsonl")
        reader = store().for_thread()  # its own cursor: the stream is read on worker threads, one at a time
        try:
            result = Result(reader, what, validate(what, given))
            total, count = result.total(), result.count()
        except Exception:  # boundary: close the cursor whatever the query raised, and raise it on
            reader.close()
            raise

        def body() -> Iterator[bytes]:
            try:
                for piece in result.chunks(fmt):
                    yield piece.encode("utf-8")
            finally:
                reader.close()

        media = {"csv": "text/csv; charset=utf-8", "json": "application/json",
                 "jsonl": "application/x-ndjson"}[fmt]
        return StreamingResponse(body(), media_type=media, headers={"X-Total-Count": str(total),
                                                                    "X-Row-Count": str(count)})

    # ---- analytics ------------------------------------------------------------------------------
    SIDE = "an actor (id, code, name), a country (ISO3) or an organisation/bloc (e.g. NATO)"

    @app.get(f"{API}/series", response_model=Series, summary="Dyad or bloc time series", tags=["analytics"],
             responses=ERRORS)
    def get_series(source: str = Query(..., min_length=1, max_length=200, description=f"source side: {SIDE}"),
                   target: str = Query(..., min_length=1, max_length=200, description=f"target side: {SIDE}"),
                   by: Literal["day", "week", "month"] = Query("week", description="period"),
                   symmetric: bool = Query(False, description="count events in both directions"),
                   date_from: str | None = FROM, date_to: str | None = TO) -> dict[str, Any]:
        """Per period: event count, Goldstein sum and mean, and counts per quad class."""
        return dyad_series(store(), source, target, by=by, symmetric=symmetric,
                      date_from=_date_param(date_from, "from date"), date_to=_date_param(date_to, "to date"))

    @app.get(f"{API}/series/events", response_model=EventPage, summary="The events behind one series point",
             tags=["analytics"], responses=ERRORS)
    def get_series_events(source: str = Query(..., min_length=1, max_length=200, description=f"source: {SIDE}"),
                          target: str = Query(..., min_length=1, max_length=200, description=f"target: {SIDE}"),
                          period: str = Query(..., max_length=40, description="the point's period, YYYY-MM-DD"),
                          by: Literal["day", "week", "month"] = Query("week", description="period"),
                          symmetric: bool = Query(False, description="both directions"),
                          limit: int = LIMIT) -> dict[str, Any]:
        """Events of the dyad whose date falls in the given period."""
        _check_page(limit, 0, max_page)
        rows = dyad_events(store(), source, target, _date_param(period, "period") or "", by=by,
                             symmetric=symmetric, limit=limit)
        return _page(rows, limit, 0)

    @app.get(f"{API}/network", response_model=Network, summary="The actor network", tags=["analytics"],
             responses=ERRORS)
    def get_network(date_from: str | None = FROM, date_to: str | None = TO,
                    min_events: int = Query(1, ge=1, le=100_000, description="drop edges with fewer events"),
                    limit: int = Query(200, ge=1, description=f"most edges, heaviest first (1 to {max_page})")
                    ) -> dict[str, Any]:
        """Actors as nodes; directed edges weighted by event count and signed by the Goldstein sum."""
        _check_page(limit, 0, max_page)
        return network_json(store(), date_from=_date_param(date_from, "from date"),
                       date_to=_date_param(date_to, "to date"), min_events=min_events, limit=limit)

    # ---- stories --------------------------------------------------------------------------------
    @app.get(f"{API}/stories", response_model=StoryPage, summary="Stories told by several outlets",
             tags=["analytics"], responses=ERRORS)
    def get_stories(date_from: str | None = FROM, date_to: str | None = TO,
                    min_sources: int = Query(2, ge=1, le=10_000, description="told by at least this many sources"),
                    q: str | None = Query(None, max_length=200, description="an article title contains this text"),
                    limit: int = LIMIT, offset: int = OFFSET) -> dict[str, Any]:
        """Stories (as grouped by `newsgraph stories`), most widely reported first."""
        from .stories import stories

        _check_page(limit, offset, max_page)
        rows = stories(store(), date_from=_date_param(date_from, "from date"), date_to=_date_param(date_to, "to date"),
                       min_sources=min_sources, search=q, limit=limit, offset=offset)
        return _page(rows, limit, offset)

    @app.get(f"{API}/stories/{{story_id}}", response_model=StoryDetail, summary="One story: articles, merged events",
             tags=["analytics"], responses=ERRORS)
    def get_story(story_id: str = PathParam(..., max_length=64, description="a story id")) -> dict[str, Any]:
        """A story with its articles and its merged events."""
        from .stories import story

        one = story(store(), story_id)
        if one is None:
            raise NotFound(f"no story with id {story_id!r} in the store", hint=f"list stories at {API}/stories")
        return one

    # ---- analyse and ingest ---------------------------------------------------------------------
    def job_of(item: AnalyzeRequest, warnings: list[str]) -> Job:
        return Job(text=item.text, published=_date_param(item.published, "published date"), title=item.title,
                   url=item.url, id=item.id, html=item.html, warnings=warnings)

    @app.post(f"{API}/analyze", response_model=AnalysisDocument, response_model_by_alias=True, response_model_exclude_unset=True,
              summary="Analyse an article without storing it", tags=["analyse"], openapi_extra=_BODY_DOC,
              responses={**ERRORS, 400: {"model": ErrorResponse, "description": "empty or malformed body"},
                         401: {"model": ErrorResponse, "description": "the server has a token and the request lacks it"},
                         413: {"model": ErrorResponse, "description": "body over [api] max_body, or text over "
                                                                      "[api] max_analyze_kb"},
                         415: {"model": ErrorResponse, "description": "unsupported content type"},
                         503: {"model": ErrorResponse, "description": "every analysis slot is busy (NG705)"}})
    async def analyze(request: Request) -> Any:
        """Text or HTML in, the CONTRACT.md document out. Nothing is stored. Analysed in a separate
        process, at most [api] analyze_workers at once, each within [api] analyze_seconds; when the
        server has a token ([api] ingest_token), the request needs it too."""
        if token:
            check_token(request, "POST /api/analyze")
        ((item, warnings),) = await _articles_from_body(request, many=False, max_kb=max_analyze_kb)
        from starlette.concurrency import run_in_threadpool

        body = await run_in_threadpool(service.analyse, job_of(item, warnings))
        return Response(content=body, media_type="application/json")

    def check_token(request: Request, what: str = "POST /api/ingest") -> None:
        if not token:
            raise IngestDisabled("POST /api/ingest is off on this server",
                                 hint="set [api] ingest_token (or NEWSGRAPH_API_INGEST_TOKEN) to turn it on")
        given = request.headers.get("authorization") or ""
        scheme, _, value = given.partition(" ")
        if scheme.lower() != "bearer" or not hmac.compare_digest(value.strip().encode(), token.encode()):
            raise Unauthorized(f"{what} needs the server's token",
                               hint="send the header Authorization: Bearer TOKEN")

    def ingest_items(items: list[tuple[AnalyzeRequest, list[str]]]) -> dict[str, Any]:
        docs = [json.loads(service.analyse(job_of(i, w))) for i, w in items]
        out = []
        with pool.write_lock:
            for d in docs:
                out.append({"id": d["article"]["id"], "stored": pool.get().add(d)})
        stored = sum(o["stored"] for o in out)
        if stored:
            app.state.cache.clear()
        return {"stored": stored, "skipped": len(out) - stored, "items": out}

    @app.post(f"{API}/ingest", response_model=IngestResult, summary="Analyse and store articles (needs a token)",
              tags=["analyse"], openapi_extra=_BODY_DOC,
              responses={**ERRORS, 401: {"model": ErrorResponse, "description": "missing or wrong token"},
                         403: {"model": ErrorResponse, "description": "ingest is off on this server"},
                         413: {"model": ErrorResponse, "description": "body over [api] max_body"},
                         503: {"model": ErrorResponse, "description": "every analysis slot is busy (NG705)"}})
    async def ingest(request: Request) -> dict[str, Any]:
        """Like /api/analyze, but stores the result. Off unless the server has an ingest token;
        takes one article, or JSON {"articles": [...]} with up to 100."""
        check_token(request)
        items = await _articles_from_body(request, many=True, max_kb=max_analyze_kb)
        from starlette.concurrency import run_in_threadpool

        return await run_in_threadpool(ingest_items, items)

    @app.post(f"{API}/store", response_model=StoreResult, summary="Store analysed documents (a local ingest)",
              tags=["analyse"], responses={**ERRORS, 401: {"model": ErrorResponse, "description": "wrong token"},
                                           403: {"model": ErrorResponse, "description": "the server is read-only"}})
    async def store_documents(request: Request) -> dict[str, Any]:
        """How ``newsgraph ingest`` writes while this server runs on the same store: it analyses
        locally and sends the documents (and failures) here, with the token from the server's
        discovery file; the server, the store's one writer, stores them in one transaction."""
        if not store_token:
            raise IngestDisabled("this server opened its store read-only",
                                 hint="stop it and ingest, or restart `newsgraph serve` without --read-only")
        given = request.headers.get("authorization") or ""
        if not hmac.compare_digest(given.removeprefix("Bearer ").strip().encode(), store_token.encode()):
            raise Unauthorized("POST /api/store needs the server's local token",
                               hint="newsgraph ingest reads it from the server's .server.json file")
        from starlette.concurrency import run_in_threadpool

        from .ingest.readers import load_json

        body = load_json(await request.body(), "the request body")
        if not isinstance(body, dict) or not isinstance(body.get("documents"), list):
            raise BadRecord("the body must be {\"documents\": [...], \"failures\": [...]}")

        def write() -> dict[str, Any]:
            from .pipeline import Failure

            with pool.write_lock:
                s = pool.get()
                counts = s.add_batch(body["documents"])
                failures = [Failure(f.get("source"), f.get("id"), str(f.get("code")), str(f.get("message")))
                            for f in body.get("failures") or [] if isinstance(f, dict)]
                for f in failures:
                    s.add_failure(f)
            if counts.stored or failures:
                app.state.cache.clear()
            return {"stored": counts.stored, "skipped": counts.skipped, "failed": len(failures)}

        return await run_in_threadpool(write)

    # ---- the dashboard --------------------------------------------------------------------------
    from .web.routes import add_routes as add_dashboard_routes

    add_dashboard_routes(app, store, max_page=max_page, api=API)
    web = _web_dir()
    static = web / "static"
    if static.is_dir():
        app.mount("/static", StaticFiles(directory=static), name="static")

    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        page = static / "index.html"
        if not page.is_file():
            raise NotFound("the dashboard is not installed", hint=f"the API is at {API}/openapi.json")
        return FileResponse(page, media_type="text/html")

    @app.get("/docs", include_in_schema=False)
    def docs() -> RedirectResponse:
        return RedirectResponse("/#/api")

    return _wrap(app, max_body, cache_entries)


def _wrap(app: FastAPI, max_body: int, cache_entries: int) -> FastAPI:
    """Add the cache, the body limit and the catch-all outside every other layer."""
    cache: dict[str, ResponseCache] = {}

    def make_cache(inner: ASGIApp, entries: int) -> ResponseCache:
        cache["it"] = ResponseCache(inner, entries)
        return cache["it"]

    app.add_middleware(make_cache, entries=cache_entries)  # type: ignore[arg-type]
    app.add_middleware(BodyLimit, max_body=max_body)
    app.add_middleware(CatchAll)
    app.state.cache = _LazyCache(cache)
    return app


class _LazyCache:
    """The cache middleware is built when the app first runs; this reaches it from route code."""

    def __init__(self, holder: dict[str, ResponseCache]):
        self.holder = holder

    def clear(self) -> None:
        if "it" in self.holder:
            self.holder["it"].clear()


def iter_routes(app: FastAPI) -> Iterator[tuple[str, set[str]]]:
    """(path, methods) of every API route (tests walk them)."""
    from fastapi.routing import APIRoute

    for r in app.routes:
        if isinstance(r, APIRoute) and r.include_in_schema and r.path.startswith(API):
            yield re.sub(r"\{(\w+):\w+\}", r"{\1}", r.path), set(r.methods)  # as OpenAPI writes it


__all__ = ["ApiError", "IngestDisabled", "MethodNotAllowed", "NotFound", "Unauthorized", "actor_profile",
           "create_app", "dyad_events", "dyad_series", "error_body", "iter_routes", "network_json"]
