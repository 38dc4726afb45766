"""Every error path of every endpoint answers with the one JSON error shape (Datasette's
test_error_shape practice): ``{"error": {"code": "NGxxx", "message": "...", "status": N}}``,
the HTTP status equal to ``status``, no traceback in the body.

``CASES`` lists, per route, the requests that must fail and how; a test checks that every route
of the app is in the table, so a new endpoint cannot ship without its error paths."""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("fastapi")

from newsgraph import config as ng_config
from newsgraph.api import create_app, iter_routes
from test_api import Api, build_store


@pytest.fixture(scope="session")
def api_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_store(tmp_path_factory.mktemp("api-store"))  # built once per session, shared with test_api


@pytest.fixture(scope="session")
def api(api_db: Path) -> Api:
    return Api(create_app(str(api_db)))

MAX_PAGE = int(ng_config.load()["api"]["max_page"])
MAX_BODY = int(ng_config.load()["api"]["max_body"])
TOO_LONG = "x" * 201


def assert_error(r: Any, status: int, code: str) -> dict[str, Any]:
    """The response is the one error shape with this status and code."""
    assert r.status_code == status, (r.status_code, r.text)
    assert r.headers["content-type"].startswith("application/json"), r.headers["content-type"]
    body = r.json()
    assert set(body) == {"error"}, body
    err = body["error"]
    assert set(err) == {"code", "message", "status"}, err
    assert re.fullmatch(r"NG\d{3}", err["code"]) and err["code"] == code, (err, code)
    assert err["status"] == status
    assert isinstance(err["message"], str) and 10 <= len(err["message"]) <= 600, err["message"]
    assert "Traceback" not in r.text and 'File "' not in r.text
    return err


PAGING = [({"limit": 0}, 422, "NG110"), ({"limit": MAX_PAGE + 1}, 422, "NG110"), ({"limit": "ten"}, 422, "NG110"),
          ({"offset": -1}, 422, "NG110")]
DATES = [({"from": "not a date"}, 422, "NG109"), ({"to": "2999-01-01"}, 422, "NG109"), ({"from": "1850-01-01"}, 422, "NG109"),
         ({"to": "2022-02-30"}, 422, "NG109")]
SERIES = {"source": "RUS", "target": "UKR"}
# checked by newsgraph.query (shared with the CLI and Python): typos, unknown codes, empty ranges
QUERY = [({"actr": "RUS"}, 422, "NG110"), ({"country": "XQZ"}, 404, "NG502"),
         ({"from": "2022-06-01", "to": "2022-01-01"}, 422, "NG110")]

# route -> [(query params or request kwargs, status, code)]
CASES: dict[tuple[str, str], list[tuple[dict[str, Any], int, str]]] = {
    ("GET", "/api/info"): [({"fresh": "1"}, 422, "NG110")],
    ("GET", "/api/articles"): [*PAGING, *DATES, *QUERY, ({"q": TOO_LONG}, 422, "NG110"), ({"country": "R"}, 422, "NG110")],
    ("GET", "/api/articles/{article_id}"): [({"_path": "/api/articles/no-such-article"}, 404, "NG701"),
                                            ({"_path": "/api/articles/" + "a" * 201}, 422, "NG110")],
    ("GET", "/api/actors"): [*PAGING, *DATES, ({"kind": "alien"}, 422, "NG110"), ({"q": TOO_LONG}, 422, "NG110")],
    ("GET", "/api/actors/{actor_id}"): [({"_path": "/api/actors/no-such-actor"}, 404, "NG503"),
                                        ({"_path": "/api/actors/" + "a" * 201}, 422, "NG110")],
    ("GET", "/api/quotes"): [*PAGING, *DATES, ({"kind": "rumour"}, 422, "NG110"), ({"speaker": TOO_LONG}, 422, "NG110"),
                             ({"about": TOO_LONG}, 422, "NG110"), ({"min_confidence": 1.5}, 422, "NG110"),
                             ({"min_confidence": "high"}, 422, "NG110")],
    ("GET", "/api/events"): [*PAGING, *DATES, *QUERY, ({"type": "ACUSE"}, 422, "NG110"), ({"cameo": "99"}, 422, "NG110"), ({"cameo": "1a"}, 422, "NG110"), ({"type": "DROP TABLE"}, 422, "NG110"),
                             ({"quad": "peace"}, 422, "NG110"), ({"place": TOO_LONG}, 422, "NG110"),
                             ({"min_confidence": -0.1}, 422, "NG110")],
    ("GET", "/api/series"): [({}, 422, "NG110"), ({"source": "RUS"}, 422, "NG110"), ({**SERIES, "by": "year"}, 422, "NG110"),
                             ({**SERIES, "symmetric": "maybe"}, 422, "NG110"),
                             *[({**SERIES, **p}, s, c) for p, s, c in DATES]],
    ("GET", "/api/series/events"): [({**SERIES}, 422, "NG110"), ({**SERIES, "period": "soon"}, 422, "NG109"),
                                    ({**SERIES, "period": "2022-03-07", "limit": MAX_PAGE + 1}, 422, "NG110"),
                                    ({"period": "2022-03-07"}, 422, "NG110")],
    ("GET", "/api/network"): [*DATES, ({"min_events": 0}, 422, "NG110"), ({"limit": MAX_PAGE + 1}, 422, "NG110"),
                              ({"limit": 0}, 422, "NG110")],
    ("GET", "/api/stories"): [*PAGING, *DATES, ({"min_sources": 0}, 422, "NG110"), ({"q": TOO_LONG}, 422, "NG110")],
    ("GET", "/api/stories/{story_id}"): [({"_path": "/api/stories/no-such-story"}, 404, "NG701"),
                                         ({"_path": "/api/stories/" + "a" * 65}, 422, "NG110")],
    ("POST", "/api/analyze"): [
        ({"content": b""}, 400, "NG102"),
        ({"content": b"{not json", "headers": {"content-type": "application/json"}}, 400, "NG105"),
        ({"json": ["a", "list"]}, 400, "NG105"),
        ({"json": {"title": "no text"}}, 422, "NG110"),
        ({"json": {"text": "Some words.", "colour": "red"}}, 422, "NG110"),
        ({"json": {"text": ""}}, 422, "NG110"),
        ({"json": {"text": "Putin spoke.", "published": "yesterday-ish"}}, 422, "NG109"),
        ({"json": {"text": "Putin spoke.", "published": "2999-01-01"}}, 422, "NG109"),
        ({"json": {"text": "   \n  "}}, 400, "NG102"),
        ({"content": b"<x/>", "headers": {"content-type": "application/xml"}}, 415, "NG107"),
        ({"content": b"\x00\x01\x02binary\x00" * 20, "headers": {"content-type": "text/plain"}}, 415, "NG103"),
        ({"content": b"Putin spoke.", "headers": {"content-type": "text/plain"}, "params": {"published": "soon"}}, 422, "NG109"),
        ({"content": b"x" * (MAX_BODY + 1), "headers": {"content-type": "text/plain"}}, 413, "NG104"),
    ],
    ("POST", "/api/ingest"): [({"json": {"text": "Putin spoke."}}, 403, "NG703")],
    ("GET", "/api/export/{what}"): [({"_path": "/api/export/evnts"}, 422, "NG110"),
                                    ({"_path": "/api/export/events", "plovr": "ACCUSE"}, 422, "NG110"),
                                    ({"_path": "/api/export/events", "format": "xml"}, 422, "NG110"),
                                    ({"_path": "/api/export/events", "country": "XQZ"}, 404, "NG502")],
    ("POST", "/api/store"): [({"json": {"documents": []}}, 403, "NG703")],  # a read-only server takes none
}

# the dashboard's routes (newsgraph.web.routes)
EXPLORE = [*DATES, ({"type": "ACUSE"}, 422, "NG110"), ({"country": "RUSS"}, 422, "NG110"),
           ({"quad": "peace"}, 422, "NG110"), ({"where": "nowhere"}, 422, "NG110"), ({"min_confidence": 1.5}, 422, "NG110"),
           ({"actor": TOO_LONG}, 422, "NG110"), ({"from": "2022-02-01", "to": "2022-01-01"}, 422, "NG110")]
CASES.update({
    ("GET", "/api/explore/events"): [*PAGING, *EXPLORE],
    ("GET", "/api/explore/events.csv"): EXPLORE,
    ("GET", "/api/explore/facets"): [],
    ("GET", "/api/explore/evidence/{article_id}/{event_id}"): [
        ({"_path": "/api/explore/evidence/t-moscow/no-such-event"}, 404, "NG701"),
        ({"_path": "/api/explore/evidence/no-such-article/e1"}, 404, "NG701")],
    ("GET", "/api/map/countries"): [*DATES, ({"type": "ACUSE"}, 422, "NG110"), ({"where": "moon"}, 422, "NG110")],
    ("GET", "/api/map/places"): [*DATES, ({"limit": 0}, 422, "NG110"), ({"quad": "peace"}, 422, "NG110")],
    ("GET", "/api/network/rollup"): [*DATES, ({"level": "galaxy"}, 422, "NG110"), ({"level": "bloc", "on": "soon"}, 422, "NG109"),
                                     ({"limit": MAX_PAGE + 1}, 422, "NG110"), ({"min_events": 0}, 422, "NG110"),
                                     ({"level": "bloc", "blocs": ",".join(["NATO"] * 21)}, 422, "NG110")],
})


def _send(client: Api, method: str, path: str, case: dict[str, Any]) -> Any:
    case = dict(case)
    path = case.pop("_path", path)
    if method == "GET":
        return client.get(path, params=case)
    return client.post(path, **case)


def test_every_route_has_its_error_paths_listed(api: Api):
    routes = {(m, p) for p, ms in iter_routes(api.app) for m in ms - {"HEAD"}}
    assert routes == set(CASES), f"routes without error cases: {routes - set(CASES)}; stale: {set(CASES) - routes}"


@pytest.mark.parametrize(("route", "case"), [(r, c) for r, cs in CASES.items() for c in cs],
                         ids=lambda x: x[1] if isinstance(x, tuple) and len(x) == 2 else str(x)[:60])
def test_error_shape_for_each_bad_request(api: Api, route: tuple[str, str], case: tuple[dict[str, Any], int, str]):
    method, path = route
    params, status, code = case
    assert_error(_send(api, method, path, params), status, code)


def test_query_errors_name_the_nearest_valid_value(api: Api):
    """A typo in a parameter or a code is refused (never ignored), and the message names the fix."""
    for params, nearest in (({"actr": "RUS"}, "'actor'"), ({"type": "ACUSE"}, "'ACCUSE'"),
                            ({"country": "RSU"}, "RUS"), ({"typ": "ACCUSE"}, "'type'")):
        err = api.get("/api/events", params=params).json()["error"]
        assert f"did you mean {nearest}" in err["message"], (params, err)


@pytest.mark.parametrize("route", sorted(CASES), ids=lambda r: f"{r[0]} {r[1]}")
def test_wrong_method_is_405_with_the_shape(api: Api, route: tuple[str, str]):
    method, path = route
    path = path.replace("{article_id}", "t-moscow").replace("{actor_id}", "RUS")
    other = "DELETE" if method == "GET" else "GET"
    r = api.request(other, path)
    err = assert_error(r, 405, "NG702")
    assert method in err["message"] and method in r.headers["allow"]


@pytest.mark.parametrize("path", ["/api/nope", "/api/articles/a/b", "/nope", "/static/missing.js", "/static/../api.py",
                                  "/api/"])
def test_unknown_routes_are_404_with_the_shape(api: Api, path: str):
    assert_error(api.get(path), 404, "NG701")


def test_body_too_large_without_content_length(api: Api):
    """A streamed (chunked) body is counted as it arrives, not trusted by its header."""

    async def chunks():
        for _ in range(MAX_BODY // 65536 + 2):
            yield b"y" * 65536

    assert_error(api.post("/api/analyze", content=chunks(), headers={"content-type": "text/plain"}), 413, "NG104")


class _Broken:
    def get(self):
        raise RuntimeError("secret internal detail /etc/passwd")


def test_unexpected_errors_are_ng999_without_details(api_db: Path):
    app = create_app(str(api_db))
    pool = app.state.pool
    app.state.pool = _Broken()
    client = Api(app)
    try:
        for method, path in CASES:
            if method != "GET":
                continue
            params = {"source": "RUS", "target": "UKR"} if "series" in path else {}
            if path.endswith("series/events"):
                params["period"] = "2022-03-07"
            path = path.replace("{article_id}", "t-moscow").replace("{actor_id}", "RUS")
            r = client.get(path, params=params)
            err = assert_error(r, 500, "NG999")
            assert "secret" not in r.text and "passwd" not in r.text, err
    finally:
        app.state.pool = pool
        pool.close()


def test_store_failures_keep_the_library_code(api_db: Path):
    """A DuckDB failure is wrapped by the store (NG400) and passed on with its code and status."""
    from newsgraph.store import Store

    app = create_app(str(api_db))
    pool = app.state.pool
    closed = Store(str(api_db), read_only=True)
    closed.close()  # every query on it now fails inside DuckDB

    class Closed:
        def get(self) -> Store:
            return closed

    app.state.pool = Closed()
    client = Api(app)
    try:
        for path in ("/api/articles", "/api/actors", "/api/quotes", "/api/events"):
            assert_error(client.get(path), 500, "NG400")
    finally:
        pool.close()


def test_pipeline_failures_keep_the_component_code(api: Api, monkeypatch: pytest.MonkeyPatch):
    from newsgraph.errors import ComponentError

    def boom(*a: Any, **k: Any) -> Any:
        raise ComponentError("quotes.marks", ValueError("bad offsets"))

    # analysis runs in the server's analysis process; its errors reach the request with their code
    monkeypatch.setattr(api.app.state.analysis, "analyse", boom)
    err = assert_error(api.post("/api/analyze", json={"text": "Putin spoke."}), 500, "NG300")
    assert "quotes.marks" in err["message"]


def test_ingest_auth_errors(api_db: Path, tmp_path: Path):
    db = tmp_path / "copy.duckdb"
    shutil.copy(api_db, db)
    cfg = ng_config.load(api={"ingest_token": "right-token"})
    client = Api(create_app(str(db), config=cfg))
    body = {"json": {"text": "Putin spoke."}}
    r = client.post("/api/ingest", **body)
    assert_error(r, 401, "NG704")
    assert r.headers["www-authenticate"] == "Bearer"
    assert_error(client.post("/api/ingest", headers={"Authorization": "Bearer wrong-token"}, **body), 401, "NG704")
    assert_error(client.post("/api/ingest", headers={"Authorization": "Basic right-token"}, **body), 401, "NG704")
    ok = {"Authorization": "Bearer right-token"}
    assert_error(client.post("/api/ingest", headers=ok, json={"articles": []}), 422, "NG110")
    assert_error(client.post("/api/ingest", headers=ok, json={"articles": [{"text": "a"}] * 101}), 422, "NG110")
    assert_error(client.post("/api/ingest", headers={**ok, "content-type": "application/json"}, content=b"{oops"),
                 400, "NG105")
    assert_error(client.post("/api/ingest", headers=ok, json={"text": "x", "published": "someday"}), 422, "NG109")
    client.app.state.pool.close()


def test_ingest_is_refused_on_a_read_only_server_even_with_a_token_in_the_header(api: Api):
    r = api.post("/api/ingest", json={"text": "Putin spoke."}, headers={"Authorization": "Bearer anything"})
    assert_error(r, 403, "NG703")
