"""The REST API as a client uses it: in-process over httpx's ASGI transport, on a store built from
small hand-written articles (ingested through the real pipeline once per session) plus one
hand-built analysis document with known events, so series and network have exact answers.
One test runs the real ``newsgraph serve`` process on loopback (slow)."""

from __future__ import annotations

import asyncio
import json
import re
import shutil
from pathlib import Path
from typing import Any

import httpx
import pytest

pytest.importorskip("fastapi")

from newsgraph import config as ng_config
from newsgraph.api import create_app, iter_routes

ROOT = Path(__file__).resolve().parents[1]

# Short articles written for these tests (no text from ../shared).
ARTICLES = [
    {"id": "t-moscow", "published": "2022-03-03", "title": "Putin warns NATO over expansion",
     "text": "MOSCOW, March 3 - Russian President Vladimir Putin said on Thursday that Russia would answer "
             "any further NATO expansion. \"We will not stand by while the alliance moves east,\" Putin told "
             "reporters in Moscow. NATO Secretary General Jens Stoltenberg said the alliance threatened no one."},
    {"id": "t-sochi", "published": "2022-03-10", "title": "Lukashenko and Putin agree closer military ties",
     "text": "SOCHI, March 10 - Belarusian President Alexander Lukashenko met Vladimir Putin in Sochi on "
             "Thursday, and the two leaders agreed to deepen military cooperation between Belarus and Russia. "
             "\"Our union has never been stronger,\" Lukashenko said after the talks."},
    {"id": "t-helsinki", "published": "2022-05-18", "title": "Finland applies to join NATO",
     "text": "HELSINKI, May 18 - Finland formally applied to join NATO on Wednesday. Prime Minister Sanna "
             "Marin said the step would protect Finnish security for decades. Russia condemned the application "
             "and warned of unspecified countermeasures."},
]


def _span(text: str, part: str, nth: int = 0) -> dict[str, Any]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(part, start + 1)
    return {"start": start, "end": start + len(part), "text": part}


def hand_document() -> dict[str, Any]:
    """An analysis document built by hand: three events between two countries over two weeks, a
    quote by a person about NATO, a membership relation and a place."""
    text = ("Kyiv, March 9 - Russian forces shelled the outskirts of Kharkiv on March 1, Ukraine said. "
            "On March 9 Moscow accused Kyiv of sabotaging talks. A day later Ukraine and Russia held "
            "consultations in Gomel. \"NATO cannot save them,\" said Ivan Petrovsky, a Russian envoy. "
            "Ukraine, a partner of NATO, asked for help.")
    ivan = _span(text, "Ivan Petrovsky")
    return {
        "schema": "newsgraph.analysis/1",
        "article": {"id": "hand-0001", "title": "Hand-built: shelling and talks", "url": None,
                    "published": "2022-03-11", "dateline": "Kyiv", "text": text, "content_hash": "hand-0001"},
        "actors": [
            {"id": "RUS", "name": "Russia", "kind": "country", "country": "RUS", "code": "RUS", "roles": [],
             "mentions": [{**_span(text, "Russian"), "rule": "demonym"}, {**_span(text, "Moscow"), "rule": "capital"},
                          {**_span(text, "Russia", 1), "rule": "kb-name"}]},
            {"id": "UKR", "name": "Ukraine", "kind": "country", "country": "UKR", "code": "UKR", "roles": [],
             "mentions": [{**_span(text, "Ukraine"), "rule": "kb-name"}, {**_span(text, "Kyiv", 1), "rule": "capital"},
                          {**_span(text, "Ukraine", 1), "rule": "kb-name"}, {**_span(text, "Ukraine", 2), "rule": "kb-name"}]},
            {"id": "NATO", "name": "NATO", "kind": "organization", "country": None, "code": "IGONATO", "roles": [],
             "mentions": [{**_span(text, "NATO"), "rule": "kb-name"}, {**_span(text, "NATO", 1), "rule": "kb-name"}]},
            {"id": "ivan-petrovsky", "name": "Ivan Petrovsky", "kind": "person", "country": "RUS", "code": "RUSGOV",
             "roles": [{"title": "envoy", "of": "RUS", "start": None, "end": None}],
             "mentions": [{**ivan, "rule": "ner"}]},
        ],
        "quotes": [{"id": "q0", **_span(text, "NATO cannot save them,"), "kind": "direct", "speaker": "ivan-petrovsky",
                    "speaker_mention": ivan, "cue": _span(text, "said"), "rule": "hand", "confidence": 1.0}],
        "events": [
            {"id": "h-e1", "source": ["RUS"], "target": ["UKR"], "plover": "ASSAULT", "cameo": "195", "goldstein": -10.0,
             "quad": "material conflict", "mode": None, "negated": False, "date": "2022-03-01", "date_precision": "day",
             "place": "hand:kharkiv", "evidence": _span(text, "Russian forces shelled the outskirts of Kharkiv"),
             "confidence": 0.9},
            {"id": "h-e2", "source": ["RUS"], "target": ["UKR"], "plover": "ACCUSE", "cameo": "112", "goldstein": -2.0,
             "quad": "verbal conflict", "mode": None, "negated": False, "date": "2022-03-09", "date_precision": "day",
             "place": None, "evidence": _span(text, "Moscow accused Kyiv of sabotaging talks"), "confidence": 0.8},
            {"id": "h-e3", "source": ["UKR"], "target": ["RUS"], "plover": "CONSULT", "cameo": "040", "goldstein": 1.0,
             "quad": "verbal cooperation", "mode": None, "negated": False, "date": "2022-03-10", "date_precision": "day",
             "place": "hand:gomel", "evidence": _span(text, "Ukraine and Russia held consultations in Gomel"),
             "confidence": 0.8},
        ],
        "relations": [{"type": "partner_of", "subject": "UKR", "object": "NATO", "source": "text",
                       "evidence": _span(text, "a partner of NATO")}],
        "places": [{"id": "hand:kharkiv", "name": "Kharkiv", "country": "UKR", "lat": 50.0, "lon": 36.2, "feature": "city",
                    "mentions": [_span(text, "Kharkiv")]},
                   {"id": "hand:gomel", "name": "Gomel", "country": "BLR", "lat": 52.4, "lon": 31.0, "feature": "city",
                    "mentions": [_span(text, "Gomel")]}],
    }


_BUILT: dict[str, Path] = {}


def build_store(base: Path) -> Path:
    """Ingest ARTICLES through the real pipeline and add the hand-built document (once per session)."""
    if "db" in _BUILT:
        return _BUILT["db"]
    from newsgraph.batch import ingest
    from newsgraph.store import Store

    base.mkdir(parents=True, exist_ok=True)
    src = base / "articles.jsonl"
    src.write_text("\n".join(json.dumps(a) for a in ARTICLES) + "\n", "utf-8")
    db = base / "api.duckdb"
    report = ingest([str(src)], str(db), workers=1)
    assert report.stored == len(ARTICLES), report.to_dict()
    with Store(db) as store:
        assert store.add(hand_document())
    _BUILT["db"] = db
    return db


class Api:
    """A synchronous face over httpx.AsyncClient + ASGITransport (the app runs in-process)."""

    def __init__(self, app: Any):
        self.app = app

    def request(self, method: str, url: str, **kw: Any) -> httpx.Response:
        async def go() -> httpx.Response:
            async with httpx.AsyncClient(transport=httpx.ASGITransport(app=self.app), base_url="http://testserver") as c:
                return await c.request(method, url, **kw)

        return asyncio.run(go())

    def get(self, url: str, **kw: Any) -> httpx.Response:
        return self.request("GET", url, **kw)

    def post(self, url: str, **kw: Any) -> httpx.Response:
        return self.request("POST", url, **kw)


@pytest.fixture(scope="session")
def api_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_store(tmp_path_factory.mktemp("api-store"))


@pytest.fixture(scope="session")
def api(api_db: Path) -> Api:
    return Api(create_app(str(api_db)))


def test_info_reports_store_and_limits(api: Api):
    r = api.get("/api/info")
    assert r.status_code == 200
    d = r.json()
    assert d["counts"]["articles"] == len(ARTICLES) + 1 and d["read_only"] is True and d["ingest"] is False
    assert d["limits"]["max_page"] == ng_config.load()["api"]["max_page"]


def test_articles_list_search_and_paging(api: Api):
    page = api.get("/api/articles", params={"limit": 2}).json()
    assert [a["published"] for a in page["items"]] == ["2022-05-18", "2022-03-11"]  # newest first
    assert page["next"] == 2 and page["total"] == 4
    rest = api.get("/api/articles", params={"limit": 2, "offset": 2}).json()
    # the last page says so: every one of the 4 articles has been seen
    assert {a["id"] for a in rest["items"]} == {"t-sochi", "t-moscow"} and rest["next"] is None
    assert rest["total"] == 4
    assert api.get("/api/articles").json()["limit"] == 50  # the default page size is stated
    found = api.get("/api/articles", params={"q": "finland"}).json()["items"]
    assert [a["id"] for a in found] == ["t-helsinki"]
    dated = api.get("/api/articles", params={"from": "2022-03-05", "to": "March 31, 2022"}).json()["items"]
    assert {a["id"] for a in dated} == {"t-sochi", "hand-0001"}
    assert [a["id"] for a in api.get("/api/articles", params={"country": "UKR"}).json()["items"]] == ["hand-0001"]


def test_article_is_the_contract_document_with_true_offsets(api: Api):
    doc = api.get("/api/articles/t-moscow").json()
    assert doc["schema"] == "newsgraph.analysis/1"
    assert set(doc) >= {"article", "actors", "quotes", "events", "relations", "places"}
    text = doc["article"]["text"]
    assert doc["article"]["published"] == "2022-03-03" and "Putin" in text
    for a in doc["actors"]:
        for m in a["mentions"]:
            assert text[m["start"]:m["end"]] == m["text"]
            assert "rule" in m
    for q in doc["quotes"]:
        assert text[q["start"]:q["end"]] == q["text"]
    assert any("Putin" in a["name"] for a in doc["actors"])
    hand = api.get("/api/articles/hand-0001").json()
    assert hand == _same_as_stored(hand)
    assert [e["id"] for e in hand["events"]] == ["h-e1", "h-e2", "h-e3"]


def _same_as_stored(doc: dict[str, Any]) -> dict[str, Any]:
    from newsgraph.model import from_dict

    return from_dict(doc).to_dict()


def test_actor_search_and_profile(api: Api):
    items = api.get("/api/actors", params={"q": "putin"}).json()["items"]
    assert items and all("putin" in a["name"].lower() for a in items)
    assert {a["id"] for a in api.get("/api/actors", params={"kind": "country", "country": "UKR"}).json()["items"]} == {"UKR"}
    p = api.get("/api/actors/ivan-petrovsky").json()
    assert p["name"] == "Ivan Petrovsky" and p["kind"] == "person" and p["articles"] == 1
    assert p["roles"] == [{"title": "envoy", "of": "RUS", "start": None, "end": None}]
    assert [q["text"] for q in p["quotes"]] == ["NATO cannot save them,"]
    assert p["quotes"][0]["about"] == [{"id": "NATO", "name": "NATO"}]
    ukr = api.get("/api/actors/UKR").json()
    assert {e["event_id"] for e in ukr["events"]} == {"h-e1", "h-e2", "h-e3"}
    assert ("partner_of", "NATO", "text") in [(m["type"], m["object"], m["source"]) for m in ukr["memberships"]]


def test_quotes_by_speaker_text_and_subject(api: Api):
    by = api.get("/api/quotes", params={"speaker": "Petrovsky"}).json()["items"]
    assert [(q["speaker"], q["text"]) for q in by] == [("ivan-petrovsky", "NATO cannot save them,")]
    assert [q["quote_id"] for q in api.get("/api/quotes", params={"q": "cannot SAVE"}).json()["items"]] == ["q0"]
    about = api.get("/api/quotes", params={"about": "NATO"}).json()["items"]
    assert "NATO cannot save them," in [q["text"] for q in about]
    texts = " ".join(q["text"] for q in api.get("/api/quotes", params={"limit": 100}).json()["items"])
    assert "never been stronger" in texts or "will not stand by" in texts  # the pipeline found a quote


def test_quotes_and_events_by_confidence(api: Api):
    quotes = api.get("/api/quotes", params={"limit": 100}).json()["items"]
    assert quotes and all(q["rule"] and q["confidence"] is not None for q in quotes if q["article_id"] != "hand-0001")
    sure = api.get("/api/quotes", params={"limit": 100, "min_confidence": 0.8}).json()["items"]
    assert all(q["confidence"] >= 0.8 for q in sure) and len(sure) <= len(quotes)
    events = api.get("/api/events", params={"limit": 100}).json()["items"]
    sure = api.get("/api/events", params={"limit": 100, "min_confidence": 0.8}).json()["items"]
    assert all(e["confidence"] >= 0.8 for e in sure) and len(sure) < len(events)


def test_events_by_source_target_type_date_place(api: Api):
    def ids(**params: Any) -> list[str]:
        return [e["event_id"] for e in api.get("/api/events", params=params).json()["items"] if
                e["article_id"] == "hand-0001"]

    assert ids(source="RUS", target="UKR") == ["h-e2", "h-e1"]  # newest first
    assert ids(source="UKR") == ["h-e3"]
    assert ids(type="accuse") == ["h-e2"]
    assert ids(cameo="19") == ["h-e1"]
    assert ids(quad="verbal cooperation") == ["h-e3"]
    assert ids(**{"from": "2022-03-05", "to": "2022-03-09"}) == ["h-e2"]
    assert ids(place="Kharkiv") == ["h-e1"] and ids(place="hand:gomel") == ["h-e3"]
    assert ids(actor="UKR", limit=1, offset=1) == ["h-e2"]
    row = api.get("/api/events", params={"place": "Kharkiv"}).json()["items"][0]
    assert row["goldstein"] == -10.0 and row["plover"] == "ASSAULT" and row["date"] == "2022-03-01"


def test_series_by_week_and_the_events_behind_a_point(api: Api):
    s = api.get("/api/series", params={"source": "RUS", "target": "UKR", "by": "week"}).json()
    assert [(p["period"], p["events"], p["material_conflict"], p["verbal_conflict"]) for p in s["points"]] == [
        ("2022-02-28", 1, 1, 0), ("2022-03-07", 1, 0, 1)]
    assert s["points"][0]["goldstein_sum"] == -10.0
    both = api.get("/api/series", params={"source": "Russia", "target": "Ukraine", "symmetric": "true"}).json()
    week2 = both["points"][-1]
    assert (week2["period"], week2["events"], week2["verbal_cooperation"], week2["goldstein_mean"]) == (
        "2022-03-07", 2, 1, -0.5)
    behind = api.get("/api/series/events", params={"source": "RUS", "target": "UKR", "symmetric": "true",
                                                    "period": "2022-03-07"}).json()["items"]
    assert [e["event_id"] for e in behind] == ["h-e2", "h-e3"]
    month = api.get("/api/series", params={"source": "RUS", "target": "UKR", "by": "month"}).json()["points"]
    assert [(p["period"], p["events"]) for p in month] == [("2022-03-01", 2)]


def test_network_edges_are_weighted_and_signed(api: Api):
    net = api.get("/api/network", params={"from": "2022-03-01", "to": "2022-03-31"}).json()
    edges = {(e["source"], e["target"]): e for e in net["edges"]}
    assert edges[("RUS", "UKR")]["events"] == 2 and edges[("RUS", "UKR")]["sign"] == -1
    assert edges[("UKR", "RUS")]["sign"] == 1 and edges[("UKR", "RUS")]["goldstein_sum"] == 1.0
    names = {n["id"]: n["name"] for n in net["nodes"]}
    assert names["RUS"] == "Russia" and names["UKR"] == "Ukraine"
    later = api.get("/api/network", params={"from": "2022-03-02", "min_events": 2}).json()["edges"]
    assert ("RUS", "UKR") not in {(e["source"], e["target"]) for e in later}


def test_analyze_returns_the_document_and_stores_nothing(api: Api):
    before = api.get("/api/info").json()["counts"]["articles"]
    text = "Belarusian President Alexander Lukashenko said on Monday that Minsk would stay close to Moscow."
    r = api.post("/api/analyze", json={"text": text, "published": "2022-06-06", "title": "Minsk and Moscow"})
    assert r.status_code == 200
    doc = r.json()
    assert doc["schema"] == "newsgraph.analysis/1" and doc["article"]["published"] == "2022-06-06"
    assert doc["article"]["title"] == "Minsk and Moscow"
    assert any("Lukashenko" in a["name"] for a in doc["actors"])
    raw = api.post("/api/analyze", content=text.encode(), headers={"content-type": "text/plain; charset=utf-8"},
                   params={"published": "2022-06-06"})
    assert raw.status_code == 200 and raw.json()["article"]["text"].strip() == text
    html = (f"<html><head><title>Minsk</title></head><body><article><h1>Minsk stays close</h1><p>{text}</p>"
            "<p>Officials in Minsk repeated the pledge later in the day, state media said.</p></article></body></html>")
    h = api.post("/api/analyze", content=html.encode(), headers={"content-type": "text/html"})
    assert h.status_code == 200 and "Lukashenko" in h.json()["article"]["text"]
    assert "<p>" not in h.json()["article"]["text"]
    assert api.get("/api/info").json()["counts"]["articles"] == before


def test_ingest_with_a_token_stores_once(api_db: Path, tmp_path: Path):
    db = tmp_path / "writable.duckdb"
    shutil.copy(api_db, db)
    cfg = ng_config.load(api={"ingest_token": "s3cret-token"})
    app = Api(create_app(str(db), config=cfg))
    assert app.get("/api/info").json()["ingest"] is True
    assert app.get("/api/articles", params={"q": "Astana"}).json()["items"] == []  # now cached
    body = {"text": "Armenian Prime Minister Nikol Pashinyan met Kazakh President Kassym-Jomart Tokayev in Astana.",
            "published": "2022-10-01", "id": "t-astana"}
    assert app.post("/api/ingest", json=body).status_code == 401
    r = app.post("/api/ingest", json=body, headers={"Authorization": "Bearer s3cret-token"})
    assert r.status_code == 200, r.text
    assert r.json() == {"stored": 1, "skipped": 0, "items": [{"id": "t-astana", "stored": True}]}
    again = app.post("/api/ingest", json={"articles": [body]}, headers={"Authorization": "Bearer s3cret-token"})
    assert again.json()["skipped"] == 1
    assert app.get("/api/articles/t-astana").json()["article"]["published"] == "2022-10-01"
    found = app.get("/api/articles", params={"q": "Astana"}).json()["items"]  # the write cleared the cache
    assert [a["id"] for a in found] == ["t-astana"]


def test_repeated_reads_come_from_the_cache_and_match(api_db: Path):
    cached, fresh = Api(create_app(str(api_db))), Api(create_app(str(api_db), cache_entries=0))
    for path, params in (("/api/actors", {"q": "put"}), ("/api/series", {"source": "RUS", "target": "UKR"}),
                         ("/api/articles/hand-0001", {})):
        first, again = cached.get(path, params=params), cached.get(path, params=params)
        assert first.status_code == again.status_code == 200
        assert first.json() == again.json() == fresh.get(path, params=params).json()
    assert cached.get("/api/articles/nope").status_code == cached.get("/api/articles/nope").status_code == 404


def test_openapi_documents_every_endpoint(api: Api):
    spec = api.get("/api/openapi.json").json()
    routes = dict(iter_routes(api.app))
    assert routes, "no API routes"
    for path, methods in routes.items():
        for method in methods - {"HEAD"}:
            op = spec["paths"][path][method.lower()]
            assert op.get("summary"), (method, path)
            assert op.get("description"), (method, path)
            for p in op.get("parameters", []):
                assert p.get("description"), (method, path, p["name"])
            content = op["responses"]["200"]["content"]
            if "text/csv" in content:  # a download: described by its media types
                assert set(content) <= {"text/csv", "application/json", "application/x-ndjson"}, (method, path)
            else:
                ok = content["application/json"]["schema"]
                assert ok.get("$ref") or ok.get("properties") or ok.get("items"), (method, path)  # items: an export
            assert "422" in op["responses"] and "404" in op["responses"]


def test_the_dashboard_is_served_and_needs_no_network(api: Api):
    page = api.get("/")
    assert page.status_code == 200 and "text/html" in page.headers["content-type"]
    assert "<title>newsgraph</title>" in page.text
    static = ROOT / "src" / "newsgraph" / "web" / "static"
    files = [p for p in static.rglob("*") if p.suffix in {".html", ".js", ".css"}]
    assert len(files) >= 4
    external = re.compile(r"""(src|href)\s*=\s*["']?(https?:)?//|url\(\s*["']?(https?:)?//|from\s+["']https?:|import\(["']https?:""")
    for f in files:
        text = f.read_text("utf-8")
        assert not external.search(text), f"{f.name} loads something from the network"
        served = api.get("/static/" + f.relative_to(static).as_posix())
        assert served.status_code == 200 and served.text == text


@pytest.mark.slow
def test_real_server_on_loopback(api_db: Path):
    from newsgraph.api_cli import served

    with served(api_db) as base:
        assert httpx.get(f"{base}/api/articles", params={"q": "Finland"}).json()["items"][0]["id"] == "t-helsinki"
        err = httpx.get(f"{base}/api/articles", params={"limit": 0})
        assert err.status_code == 422 and err.json()["error"]["code"] == "NG110"
        assert "newsgraph" in httpx.get(f"{base}/").text


def test_hostile_input_reaches_neither_sql_nor_disk(api: Api):
    evil = "x'); DROP TABLE articles; --"
    for path, key in (("/api/articles", "q"), ("/api/actors", "q"), ("/api/quotes", "speaker"), ("/api/events", "actor"),
                      ("/api/events", "place")):
        r = api.get(path, params={key: evil})
        assert r.status_code == 200 and r.json()["items"] == [], (path, r.text)
    assert api.get("/api/series", params={"source": evil, "target": "UKR"}).status_code == 200
    api.app.state.cache.clear()  # the count now, not a cached answer
    assert api.get("/api/info").json()["counts"]["articles"] == len(ARTICLES) + 1
    for path in ("/static/..%2f..%2fapi.py", "/static/%2e%2e/api.py", "/api/articles/..%2F..%2Fetc%2Fpasswd"):
        r = api.get(path)
        assert r.status_code == 404 and "import" not in r.text, path
