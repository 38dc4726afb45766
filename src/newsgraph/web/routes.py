"""The routes only the dashboard needs, added to the API app by :func:`add_routes`:

- ``GET /api/explore/events``: the explorer's page of events with the ``total`` that match;
- ``GET /api/explore/events.csv``: every matching event as CSV, streamed (same filters, same rows);
- ``GET /api/explore/facets``: event types, quad classes and countries with counts, the date range;
- ``GET /api/explore/evidence/{article_id}/{event_id}``: one event's sentence with its spans;
- ``GET /api/map/countries`` and ``/api/map/places``: events per country and per geocoded place;
- ``GET /api/network/rollup``: the network at actor, state or bloc level on a date, top edges only.

Every filter is checked by :meth:`newsgraph.web.queries.EventFilter.checked` (NG109/NG110).
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable, Iterator
from datetime import date
from typing import Any, Literal

from fastapi import FastAPI, Query
from fastapi import Path as PathParam
from fastapi.responses import StreamingResponse
from pydantic import BaseModel, ConfigDict, Field

from ..errors import BadArgument, NotFound
from ..store import Store
from . import queries


class _Open(BaseModel):
    model_config = ConfigDict(extra="allow")


class ExploreRow(_Open):
    article_id: str
    event_id: str
    date: dt.date | None = None
    source: list[str] = []
    source_names: str | None = Field(None, description="names of the source actors, '; '-separated")
    target: list[str] = []
    target_names: str | None = None
    plover: str | None = None
    quad: str | None = None
    confidence: float | None = None
    place_name: str | None = None
    place_country: str | None = None
    evidence: str | None = None
    title: str | None = None


class ExplorePage(BaseModel):
    items: list[ExploreRow]
    total: int = Field(description="every event that matches (the CSV holds them all)")
    limit: int
    offset: int
    next: int | None = Field(None, description="the offset of the next page, or null on the last page")


class Count(_Open):
    value: str
    events: int


class Facets(_Open):
    types: list[Count]
    quads: list[Count]
    countries: list[Count]
    all_types: list[str]
    date_min: str | None = None
    date_max: str | None = None
    undated: int = 0


class Span(_Open):
    role: str = Field(description="source, target or trigger")
    start: int = Field(description="offset into the evidence sentence")
    end: int
    text: str
    actor: str | None = None


class Evidence(_Open):
    article_id: str
    event_id: str
    text: str = Field(description="the evidence sentence")
    start: int = Field(description="its offset in the article text")
    end: int
    spans: list[Span]
    event: dict[str, Any]


class CountryCount(_Open):
    country: str
    events: int
    name: str | None = None
    lat: float | None = None
    lon: float | None = None


class MapCountries(BaseModel):
    where: str
    items: list[CountryCount]


class PlaceCount(_Open):
    id: str
    name: str | None = None
    country: str | None = None
    lat: float
    lon: float
    events: int


class MapPlaces(BaseModel):
    items: list[PlaceCount]


class RollupNode(_Open):
    id: str
    name: str | None = None
    kind: str | None = None
    events: int
    internal: int = Field(0, description="events within the node (e.g. a minister and their own state)")


class RollupEdge(_Open):
    source: str
    target: str
    events: int
    quad: str | None = Field(None, description="the commonest quad class of the edge's events")


class RollupNetwork(_Open):
    level: str
    nodes: list[RollupNode]
    edges: list[RollupEdge]
    total_edges: int = Field(description="edges before the top-N cut")


def add_routes(app: FastAPI, store: Callable[[], Store], *, max_page: int, api: str = "/api") -> None:
    """Add the dashboard's routes to ``app``; ``store()`` gives the calling thread's store. The
    knowledge base's memberships (for the bloc roll-up) are loaded in the background meanwhile, so
    the first roll-up does not wait for them."""
    threading.Thread(target=_warm, name="newsgraph-kb-warm", daemon=True).start()
    errors: dict[int | str, dict[str, Any]] = {
        s: {"description": d} for s, d in ((404, "unknown id or route (NG701)"),
                                           (422, "invalid parameter (NG110) or date (NG109)"))}
    ACTOR = Query(None, max_length=200, description="an actor (id, code or name) on either side")
    TYPE = Query(None, max_length=40, description="PLOVER event type, e.g. ACCUSE")
    QUAD = Query(None, max_length=40, description="quad class, e.g. material conflict")
    COUNTRY = Query(None, max_length=60, description="ISO 3166 alpha-3 country code, e.g. RUS")
    WHERE = Query("involved", description="what country means: involved (an actor of the country on either "
                                          "side) or place (where the event happened)")
    FROM = Query(None, alias="from", max_length=40, description="from date, YYYY-MM-DD (inclusive)")
    TO = Query(None, alias="to", max_length=40, description="to date, YYYY-MM-DD (inclusive)")
    CONF = Query(None, ge=0, le=1, description="keep events at least this confident (0-1)")
    TEXT = Query(None, max_length=200, description="words in the evidence sentence")

    def flt(actor: str | None, type: str | None, quad: str | None, country: str | None, where: str,
            date_from: str | None, date_to: str | None, min_confidence: float | None, q: str | None
            ) -> queries.EventFilter:
        return queries.EventFilter(actor=actor, type=type, quad=quad, country=country, where=where,
                                   date_from=date_from, date_to=date_to, min_confidence=min_confidence,
                                   q=q).checked()

    @app.get(f"{api}/explore/events", summary="The events explorer: a page of events and the total",
             tags=["dashboard"], responses=errors, response_model=ExplorePage)
    def explore_events(actor: str | None = ACTOR, type: str | None = TYPE, quad: str | None = QUAD,
                       country: str | None = COUNTRY, where: Literal["involved", "place"] = WHERE,
                       date_from: str | None = FROM, date_to: str | None = TO, min_confidence: float | None = CONF,
                       q: str | None = TEXT, limit: int = Query(50, ge=1, description=f"page size, 1 to {max_page}"),
                       offset: int = Query(0, ge=0, le=10_000_000, description="rows to skip")) -> dict[str, Any]:
        """Events newest first with the names of their sides, their place and article; ``total`` is
        the number of events that match (what the CSV download holds)."""
        if limit > max_page:
            raise BadArgument(f"limit must be between 1 and {max_page}, not {limit}",
                              hint="page through with offset, or download the CSV for every row")
        f = flt(actor, type, quad, country, where, date_from, date_to, min_confidence, q)
        s = store()
        total = queries.count_events(s, f)
        items = queries.event_rows(s, f, limit=limit, offset=offset)
        return {"items": items, "total": total, "limit": limit, "offset": offset,
                "next": offset + limit if offset + limit < total else None}

    @app.get(f"{api}/explore/events.csv", summary="Every event the explorer's filters match, as CSV",
             tags=["dashboard"], response_class=StreamingResponse,
             responses={**errors, 200: {"description": "the events as CSV (a header line, then a row each)",
                                        "content": {"text/csv": {"schema": {"type": "string"}}}}})
    def explore_csv(actor: str | None = ACTOR, type: str | None = TYPE, quad: str | None = QUAD,
                    country: str | None = COUNTRY, where: Literal["involved", "place"] = WHERE,
                    date_from: str | None = FROM, date_to: str | None = TO, min_confidence: float | None = CONF,
                    q: str | None = TEXT) -> StreamingResponse:
        """Streamed from the store (memory stays flat): the same rows as the explorer, all of them,
        with the columns article_id, event_id, date, date_precision, source, source_names, target,
        target_names, plover, cameo, quad, goldstein, mode, negated, confidence, place, place_name,
        place_country, evidence, title, url, published (lists joined with ';')."""
        f = flt(actor, type, quad, country, where, date_from, date_to, min_confidence, q)
        own = store().for_thread()  # a cursor of its own: the body is read from other threads

        def body() -> Iterator[bytes]:
            try:
                for text in queries.csv_lines(own, f):
                    yield text.encode("utf-8")
            finally:
                own.close()

        return StreamingResponse(body(), media_type="text/csv; charset=utf-8",
                                 headers={"Content-Disposition": 'attachment; filename="newsgraph-events.csv"'})

    @app.get(f"{api}/explore/facets", summary="What the explorer's menus offer", tags=["dashboard"],
             responses=errors, response_model=Facets)
    def explore_facets() -> dict[str, Any]:
        """Event types, quad classes and countries with their event counts; the range of event dates."""
        return queries.facets(store())

    @app.get(f"{api}/explore/evidence/{{article_id:path}}/{{event_id}}", summary="One event's evidence with its spans",
             tags=["dashboard"], responses=errors, response_model=Evidence)
    def explore_evidence(article_id: str = PathParam(..., max_length=200, description="the article id, percent-encoded"),
                         event_id: str = PathParam(..., max_length=100, description="the event id in that article")
                         ) -> dict[str, Any]:
        """The evidence sentence and the spans in it (offsets into the sentence) of the event's
        source and target mentions and its trigger."""
        found = queries.evidence(store(), article_id, event_id)
        if found is None:
            raise NotFound(f"no event {event_id!r} in article {article_id!r}",
                           hint=f"list events at {api}/explore/events")
        return found

    @app.get(f"{api}/map/countries", summary="Events per country", tags=["dashboard"], responses=errors,
             response_model=MapCountries)
    def map_countries(actor: str | None = ACTOR, type: str | None = TYPE, quad: str | None = QUAD,
                      where: Literal["involved", "place"] = WHERE, date_from: str | None = FROM,
                      date_to: str | None = TO, min_confidence: float | None = CONF) -> dict[str, Any]:
        """Per ISO3 country: events involving an actor of the country (``where=involved``) or
        events placed in it (``where=place``), with the country's name and centre."""
        f = flt(actor, type, quad, None, where, date_from, date_to, min_confidence, None)
        return {"where": where, "items": queries.by_country(store(), f)}

    @app.get(f"{api}/map/places", summary="Events per geocoded place", tags=["dashboard"], responses=errors,
             response_model=MapPlaces)
    def map_places(actor: str | None = ACTOR, type: str | None = TYPE, quad: str | None = QUAD,
                   date_from: str | None = FROM, date_to: str | None = TO, min_confidence: float | None = CONF,
                   limit: int = Query(500, ge=1, le=5000, description="most places, busiest first")) -> dict[str, Any]:
        """Places events are said to have happened in, with coordinates and event counts."""
        f = flt(actor, type, quad, None, "involved", date_from, date_to, min_confidence, None)
        return {"items": queries.by_place(store(), f, limit=limit)}

    @app.get(f"{api}/network/rollup", summary="The network at actor, state or bloc level", tags=["dashboard"],
             responses=errors, response_model=RollupNetwork)
    def network_rollup(level: Literal["actor", "state", "bloc"] = Query("actor", description="actor, state or bloc"),
                       on: str | None = Query(None, max_length=40, description="bloc memberships as of this date "
                                                                              "(default: the to date, else today)"),
                       blocs: str | None = Query(None, max_length=400, description="comma-separated blocs, first "
                                                 "listed first served (default: " + ",".join(queries.DEFAULT_BLOCS) + ")"),
                       actor: str | None = ACTOR, type: str | None = TYPE, quad: str | None = QUAD,
                       date_from: str | None = FROM, date_to: str | None = TO,
                       min_events: int = Query(1, ge=1, le=100_000, description="drop lighter edges"),
                       focus: str | None = Query(None, max_length=200, description="keep edges touching a node "
                                                 "whose id or name contains this"),
                       limit: int = Query(150, ge=1, description=f"the heaviest edges kept (1 to {max_page})"),
                       placed_only: bool = Query(True, description="state and bloc level: leave out people and "
                                                 "groups whose state is not known")
                       ) -> dict[str, Any]:
        """Nodes and the ``limit`` heaviest directed edges; each edge counts its events per quad
        class and names the commonest (``quad``). ``total_edges`` is the count before the cut."""
        if limit > max_page:
            raise BadArgument(f"limit must be between 1 and {max_page}, not {limit}",
                              hint="raise min_events or use focus to see a part of the network")
        f = flt(actor, type, quad, None, "involved", date_from, date_to, None, None)
        return queries.network(store(), level=level, on=on, blocs=queries.parse_blocs(blocs), f=f, limit=limit,
                               min_events=min_events, focus=focus, placed_only=placed_only)


def _warm() -> None:
    queries.bloc_rollup(list(queries.DEFAULT_BLOCS), date.today().isoformat())  # KB errors are reported on use


__all__ = ["add_routes"]
