"""The dashboard's own routes (newsgraph.web.routes) in-process, over a store of hand-made documents
(tests/dashboard_docs.py) with exact answers: the explorer's filters, total and CSV (same rows, all
of them), an event's evidence spans, the map's counts, and the network rolled up to states and to
blocs as of a date. No model is loaded."""

from __future__ import annotations

import asyncio
import csv
import io
from pathlib import Path
from typing import Any

import httpx
import pytest

pytest.importorskip("fastapi")

from dashboard_docs import documents
from newsgraph.api import create_app
from newsgraph.store import Store
from newsgraph.web import queries


class Api:
    def __init__(self, app: Any):
        self.app = app

    def get(self, url: str, **kw: Any) -> httpx.Response:
        async def go() -> httpx.Response:
            async with httpx.AsyncClient(transport=httpx.ASGITransport(app=self.app), base_url="http://t") as c:
                return await c.get(url, **kw)

        return asyncio.run(go())


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("dash-api") / "hand.duckdb"
    with Store(path) as s:
        for d in documents():
            assert s.add(d)
    return path


@pytest.fixture(scope="module")
def api(db: Path) -> Api:
    return Api(create_app(str(db), cache_entries=0))


def ids(page: dict[str, Any]) -> set[str]:
    return {r["event_id"] for r in page["items"]}


@pytest.mark.parametrize(("params", "expected"), [
    ({}, {"n1", "n2", "n3", "n4", "s1", "s2", "s3", "s4"}),
    ({"actor": "RUS"}, {"n2", "s1", "s4"}),
    ({"actor": "Orlov"}, {"n1", "n4"}),  # by surname, either side
    ({"country": "RUS"}, {"n1", "n2", "n4", "s1", "s4"}),  # an actor of the country on either side
    ({"country": "fin"}, {"n1", "n2", "n3", "s2"}),
    ({"country": "UKR", "where": "place"}, {"s1"}),
    ({"type": "accuse"}, {"n4", "s4"}),
    ({"quad": "material cooperation"}, {"s2", "s3"}),
    ({"from": "2022-01-01", "to": "2022-12-31"}, {"n1", "n2", "n3", "n4"}),
    ({"min_confidence": 0.7}, {"n1", "n2", "s1", "s2"}),
    ({"q": "shell"}, {"s1", "s3", "s4"}),
    ({"country": "RUS", "type": "ACCUSE", "from": "2000-01-01"}, {"n4"}),
])
def test_explorer_filters_total_and_csv_agree(api: Api, params: dict[str, Any], expected: set[str]):
    page = api.get("/api/explore/events", params={**params, "limit": 100}).json()
    assert ids(page) == expected and page["total"] == len(expected) and page["next"] is None
    r = api.get("/api/explore/events.csv", params=params)
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    assert "attachment" in r.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert {row["event_id"] for row in rows} == expected and len(rows) == page["total"]


def test_explorer_pages_newest_first_and_names_the_sides(api: Api):
    first = api.get("/api/explore/events", params={"limit": 3}).json()
    assert first["total"] == 8 and first["next"] == 3
    assert [r["event_id"] for r in first["items"]] == ["s2", "s3", "s1"]
    last = api.get("/api/explore/events", params={"limit": 3, "offset": 6}).json()
    assert last["next"] is None and last["items"][-1]["event_id"] == "s4"  # the 1999 date comes last
    row = next(r for r in api.get("/api/explore/events", params={"limit": 8}).json()["items"] if r["event_id"] == "n1")
    assert row["source_names"] == "Aino Lehto" and row["target_names"] == "Pavel Orlov"
    assert row["place_name"] == "Lakeside" and row["place_country"] == "FIN" and row["title"].startswith("Hand-made")


def test_csv_header_and_cells(api: Api):
    text = api.get("/api/explore/events.csv", params={"type": "REQUEST"}).text
    rows = list(csv.reader(io.StringIO(text)))
    assert tuple(rows[0]) == queries.COLUMNS and len(rows) == 2
    row = dict(zip(rows[0], rows[1], strict=True))
    assert row["source"] == "SWE;FIN" and row["target"] == "NATO" and row["plover"] == "REQUEST"
    assert row["evidence"] == "Stockholm and Helsinki asked the alliance to admit them" and row["negated"] == "false"


def test_csv_streams_in_chunks_with_every_row(db: Path):
    f = queries.EventFilter().checked()
    with Store(db, read_only=True) as s:
        parts = list(queries.csv_lines(s, f, chunk=3))
        assert len(parts) >= 3  # 8 rows, 3 at a time: the body is yielded as it is read
        assert len(list(csv.reader(io.StringIO("".join(parts))))) == 1 + queries.count_events(s, f) == 9


@pytest.mark.parametrize(("params", "code", "says"), [
    ({"type": "ACUSE"}, "NG110", "did you mean ACCUSE"),
    ({"country": "RUSS"}, "NG110", "did you mean RUS"),
    ({"quad": "verbal cooperatoin"}, "NG110", "did you mean verbal cooperation"),
    ({"from": "2023-01-01", "to": "2022-01-01"}, "NG110", "empty"),
    ({"from": "not a date"}, "NG109", "date"),
    ({"min_confidence": 2}, "NG110", "min_confidence"),
    ({"where": "nowhere"}, "NG110", "where"),
])
def test_bad_filters_are_coded_errors(api: Api, params: dict[str, Any], code: str, says: str):
    for path in ("/api/explore/events", "/api/explore/events.csv"):
        r = api.get(path, params=params)
        assert r.status_code == 422, (path, r.text)
        err = r.json()["error"]
        assert err["code"] == code and says in err["message"], err


def test_evidence_marks_source_target_and_trigger(api: Api):
    ev = api.get("/api/explore/evidence/hand-north/n3").json()
    assert ev["text"] == "Stockholm and Helsinki asked the alliance to admit them"
    roles = [(s["role"], s["text"]) for s in ev["spans"]]
    assert roles == [("source", "Stockholm"), ("source", "Helsinki"), ("trigger", "asked"), ("target", "the alliance")]
    for s in ev["spans"]:
        assert ev["text"][s["start"]:s["end"]] == s["text"]
    assert ev["names"]["NATO"] == "NATO" and ev["event"]["plover"] == "REQUEST"
    r = api.get("/api/explore/evidence/hand-north/no-such-event")
    assert r.status_code == 404 and r.json()["error"]["code"] == "NG701"


def test_facets_count_types_and_countries(api: Api):
    fc = api.get("/api/explore/facets").json()
    assert {t["value"]: t["events"] for t in fc["types"]}["AID"] == 2
    assert {c["value"]: c["events"] for c in fc["countries"]} == {"RUS": 5, "FIN": 4, "UKR": 4, "SWE": 2}
    assert fc["date_min"] == "1999-01-04" and fc["date_max"] == "2024-03-01" and "ASSAULT" in fc["all_types"]


def test_map_counts_by_involved_country_and_by_place(api: Api):
    inv = {c["country"]: c for c in api.get("/api/map/countries").json()["items"]}
    assert {k: v["events"] for k, v in inv.items()} == {"RUS": 5, "FIN": 4, "UKR": 4, "SWE": 2}
    assert inv["FIN"]["name"] == "Finland" and inv["FIN"]["lat"] is not None
    placed = api.get("/api/map/countries", params={"where": "place"}).json()["items"]
    assert {c["country"]: c["events"] for c in placed} == {"FIN": 1, "UKR": 1}
    narrowed = api.get("/api/map/countries", params={"type": "ACCUSE"}).json()["items"]
    assert {c["country"]: c["events"] for c in narrowed} == {"RUS": 2, "SWE": 1, "UKR": 1}
    places = api.get("/api/map/places").json()["items"]
    assert {(p["name"], p["lat"], p["events"]) for p in places} == {("Lakeside", 61.5, 1), ("Riverton", 49.9, 1)}
    # the map's count for a country is the explorer's total for it
    for code, c in inv.items():
        assert api.get("/api/explore/events", params={"country": code}).json()["total"] == c["events"]


def edges(net: dict[str, Any]) -> dict[tuple[str, str], int]:
    return {(e["source"], e["target"]): e["events"] for e in net["edges"]}


def test_network_rolls_people_up_to_states(api: Api):
    actor = api.get("/api/network/rollup", params={"level": "actor"}).json()
    assert ("aino-lehto", "pavel-orlov") in edges(actor)
    state = api.get("/api/network/rollup", params={"level": "state"}).json()
    e = edges(state)
    assert e[("FIN", "RUS")] == 1 and e[("RUS", "SWE")] == 1 and e[("FIN", "UKR")] == 1
    assert not any(k in {"aino-lehto", "pavel-orlov", "oskari-vaara"} for pair in e for k in pair)
    assert ("NATO-MEMBERS", "UKR") not in e  # a group with no state is left out at state level ...
    every = edges(api.get("/api/network/rollup", params={"level": "state", "placed_only": "false"}).json())
    assert every[("NATO-MEMBERS", "UKR")] == 1  # ... unless asked for
    fin = next(n for n in state["nodes"] if n["id"] == "FIN")
    assert fin["name"] == "Finland" and fin["kind"] == "country"
    assert all(e["quad"] in ("verbal cooperation", "material cooperation", "verbal conflict", "material conflict")
               for e in state["edges"])


def test_network_rolls_states_up_to_blocs_as_of_a_date(api: Api):
    before = api.get("/api/network/rollup", params={"level": "bloc", "blocs": "NATO,CSTO", "on": "2022-06-01"}).json()
    e = edges(before)  # Finland and Sweden were not yet in NATO; Russia is in the CSTO
    assert e[("FIN", "CSTO")] == 1 and e[("CSTO", "FIN")] == 1 and e[("SWE", "NATO")] == 1
    assert e[("NATO", "UKR")] == 1  # "the NATO member states" fold into NATO
    nato = next(b for b in before["rollup"]["blocs"] if b["id"] == "NATO")
    assert "FIN" not in nato["members"] and "USA" in nato["members"]
    after = api.get("/api/network/rollup", params={"level": "bloc", "blocs": "NATO,CSTO", "on": "2024-06-01"}).json()
    e = edges(after)
    assert e[("CSTO", "NATO")] == 2 and e[("NATO", "CSTO")] == 1 and e[("NATO", "UKR")] == 2
    assert next(n for n in after["nodes"] if n["id"] == "NATO")["internal"] == 1  # Sweden and Finland to NATO
    eu_first = edges(api.get("/api/network/rollup", params={"level": "bloc", "blocs": "EU,NATO",
                                                            "on": "2024-06-01"}).json())
    assert eu_first[("EU", "NATO")] == 1  # first listed first served: Finland and Sweden go to the EU
    unknown = api.get("/api/network/rollup", params={"level": "bloc", "blocs": "NATO,NOSUCHBLOC"}).json()
    assert unknown["rollup"]["unknown"] == ["NOSUCHBLOC"]


def test_network_top_n_and_focus(api: Api):
    full = api.get("/api/network/rollup", params={"level": "state"}).json()
    top = api.get("/api/network/rollup", params={"level": "state", "limit": 2}).json()
    assert len(top["edges"]) == 2 and top["total_edges"] == full["total_edges"] > 2
    assert min(e["events"] for e in top["edges"]) >= max(e["events"] for e in full["edges"][2:])
    found = api.get("/api/network/rollup", params={"level": "actor", "focus": "lehto"}).json()
    assert edges(found) == {("aino-lehto", "pavel-orlov"): 1}
    r = api.get("/api/network/rollup", params={"level": "galaxy"})
    assert r.status_code == 422 and r.json()["error"]["code"] == "NG110"
