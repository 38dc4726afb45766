"""A safe server: /api/analyze with a size limit, a concurrency limit, a time limit and the token;
analysis in a separate process (reads keep answering); JSON limits; ids with '/' can be fetched.

The analysis-process tests share one app (one child process loads the model once).
"""

from __future__ import annotations

import json
import os
import signal
import threading
import time
from pathlib import Path
from typing import Any

import httpx
import pytest

from corpus_fixtures import news_texts
from newsgraph import config as ng_config
from newsgraph.api import create_app
from test_api import Api

NO_NLP = {"pipeline": {"order": ["ingest"]}}
IDS = ["feed/2024/a b?c%d#e", "plain-id", "ünï/cødé", "a//b", "x/"]


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store whose ids hold slashes, spaces, '?', '%', '#' and letters outside ASCII."""
    from newsgraph.batch import ingest

    folder = tmp_path_factory.mktemp("safe-store")
    feed = folder / "ids.jsonl"
    feed.write_text("\n".join(json.dumps({"id": i, "text": t, "published": "2023-01-02"})
                              for i, t in zip(IDS, news_texts(len(IDS)), strict=True)) + "\n", "utf-8")
    path = folder / "s.duckdb"
    report = ingest([str(feed)], str(path), config=ng_config.load(**NO_NLP), workers=1)
    assert report.stored == len(IDS), report.to_dict()
    return path


def assert_error(r: httpx.Response, status: int, code: str) -> dict[str, Any]:
    assert r.status_code == status, (r.status_code, r.text)
    err = r.json()["error"]
    assert err["code"] == code and err["status"] == status, err
    return err


# ---------------------------------------------------------------------------------------------- ids

def test_any_stored_id_can_be_fetched_percent_encoded(db: Path):
    api = Api(create_app(str(db)))
    listed = {a["id"] for a in api.get("/api/articles", params={"limit": 100}).json()["items"]}
    assert listed == set(IDS)
    for aid in IDS:
        from urllib.parse import quote

        r = api.get(f"/api/articles/{quote(aid, safe='')}")
        assert r.status_code == 200, (aid, r.text)
        assert r.json()["article"]["id"] == aid
    # the slashes of an id need not even be encoded
    assert api.get("/api/articles/feed/2024/a%20b%3Fc%25d%23e").json()["article"]["id"] == IDS[0]
    assert_error(api.get("/api/articles/feed%2F2024"), 404, "NG701")


# ---------------------------------------------------------------------------------------------- limits before analysis

def test_a_text_over_max_analyze_kb_is_refused(db: Path):
    api = Api(create_app(str(db), config=ng_config.load(api={"max_analyze_kb": 2})))
    err = assert_error(api.post("/api/analyze", json={"text": "word " * 600}), 413, "NG104")
    assert "max_analyze_kb" in err["message"]
    assert_error(api.post("/api/analyze", content=("word " * 600).encode(), headers={"content-type": "text/plain"}),
                 413, "NG104")
    assert api.get("/api/info").json()["limits"]


@pytest.mark.parametrize("body", [
    '{"text": "x", "deep": ' + "[" * 100_000 + "]" * 100_000 + "}",
    '{"text": "x", "deep": ' + "[" * 80 + "]" * 80 + "}",
    '{"text": "x", "n": ' + "9" * 5000 + "}",
    '{"text": "x", "n": 1e' + "9" * 400 + "}",
])
def test_json_beyond_the_limits_is_a_coded_error_not_ng999(db: Path, body: str):
    api = Api(create_app(str(db)))
    assert_error(api.post("/api/analyze", content=body.encode(), headers={"content-type": "application/json"}),
                 422, "NG112")


def test_analyze_needs_the_token_when_the_server_has_one(db: Path, tmp_path: Path):
    import shutil

    copy = tmp_path / "w.duckdb"
    shutil.copy(db, copy)
    api = Api(create_app(str(copy), config=ng_config.load(api={"ingest_token": "s3cret"})))
    assert_error(api.post("/api/analyze", json={"text": "Putin spoke."}), 401, "NG704")
    r = api.post("/api/analyze", json={"text": "Putin spoke."}, headers={"Authorization": "Bearer wrong"})
    assert_error(r, 401, "NG704")


def test_analyze_beyond_the_concurrency_limit_is_busy(db: Path):
    app = create_app(str(db), config=ng_config.load(api={"analyze_workers": 1}))
    api = Api(app)
    service = app.state.analysis
    assert service._slots.acquire(blocking=False)  # one analysis running
    try:
        r = api.post("/api/analyze", json={"text": "Putin spoke."})
        assert_error(r, 503, "NG705")
        assert r.headers["retry-after"] == "5"
    finally:
        service._slots.release()


# ---------------------------------------------------------------------------------------------- in the analysis process

@pytest.fixture(scope="module")
def live(db: Path) -> Any:
    cfg = ng_config.load(api={"analyze_seconds": 3, "max_analyze_kb": 4096, "analyze_nice": 7})
    app = create_app(str(db), config=cfg)
    yield Api(app)
    app.state.analysis.close()


def test_analysis_runs_in_another_process_and_answers(live: Api):
    r = live.post("/api/analyze", json={"text": "Belarusian President Alexander Lukashenko said on Monday that "
                                                "Minsk would stay close to Moscow.", "published": "2022-06-06"})
    assert r.status_code == 200, r.text
    assert r.headers["content-type"].startswith("application/json")
    assert any("Lukashenko" in a["name"] for a in r.json()["actors"])
    workers = live.app.state.analysis._all
    assert workers and all(w.proc.pid != os.getpid() for w in workers)
    if hasattr(os, "getpriority"):  # background work: the child runs at the configured lower priority
        mine = os.getpriority(os.PRIO_PROCESS, 0)
        assert all(os.getpriority(os.PRIO_PROCESS, w.proc.pid) == min(mine + 7, 19) for w in workers)


def test_errors_inside_the_analysis_process_keep_their_code(live: Api):
    assert_error(live.post("/api/analyze", json={"text": "Also Read\n\nComments are closed."}), 400, "NG102")
    assert_error(live.post("/api/analyze", json={"text": "Talks.", "id": "a\nb"}), 400, "NG105")


def test_invalid_utf8_in_a_text_body_is_read_with_a_warning(live: Api):
    body = "Der Außenminister sprach über die Lage in Kyjiw.".encode("cp1252")
    r = live.post("/api/analyze", content=body, headers={"content-type": "text/plain"})
    assert r.status_code == 200, r.text
    assert "\ufffd" in r.json()["article"]["text"]
    assert any("not valid UTF-8" in w for w in r.json()["warnings"])


def test_an_analysis_over_the_time_limit_is_stopped(live: Api):
    from hostile import prose

    t0 = time.monotonic()
    r = live.post("/api/analyze", json={"text": prose(400_000, 3)})
    took = time.monotonic() - t0
    err = assert_error(r, 422, "NG301")
    assert took < 3 + 5 + 10, took  # the limit, the grace before a kill, one section's work
    assert "analyze_seconds" in err["message"] or "max_seconds" in err["message"]
    assert live.post("/api/analyze", json={"text": "Putin spoke."}).status_code == 200  # the server goes on


def test_a_crashed_analysis_process_fails_the_request_and_is_replaced(live: Api):
    from hostile import prose

    service = live.app.state.analysis
    out: dict[str, Any] = {}

    def post() -> None:
        out["r"] = live.post("/api/analyze", json={"text": prose(400_000, 4)})

    t = threading.Thread(target=post)
    t.start()
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and service._slots._value != 0:  # the request took the slot
        time.sleep(0.05)
    time.sleep(1.0)
    (worker,) = service._all
    os.kill(worker.proc.pid, signal.SIGKILL)
    t.join(60)
    assert_error(out["r"], 500, "NG302")
    assert live.post("/api/analyze", json={"text": "Putin spoke."}).status_code == 200


# ---------------------------------------------------------------------------------------------- reads under load (real server)

def get_latencies(base: str, n: int, concurrency: int = 10) -> list[float]:
    """Seconds each of ``n`` GET requests took (``concurrency`` at a time), over a mix of routes."""
    paths = ["/api/info", "/api/articles?limit=20", "/api/actors?limit=20", "/api/quotes?limit=20",
             "/api/events?limit=20", f"/api/articles/{IDS[1]}"]
    out: list[float] = []
    lock = threading.Lock()

    def worker(k: int) -> None:
        with httpx.Client(timeout=30) as c:
            for i in range(k, n, concurrency):
                t0 = time.perf_counter()
                r = c.get(base + paths[i % len(paths)])  # the server runs with --cache 0: every GET is a query
                took = time.perf_counter() - t0
                assert r.status_code == 200, r.text
                with lock:
                    out.append(took)

    threads = [threading.Thread(target=worker, args=(k,)) for k in range(concurrency)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return out


@pytest.mark.slow
def test_reads_keep_answering_while_a_big_article_is_analysed(db: Path, monkeypatch: pytest.MonkeyPatch):
    """The smaller twin of benchmarks/bench_api_analyze_load.py (which measures the GET p99): 1 MB
    posted, 100 GETs all answered while that analysis is still running (reads are not queued behind
    it); a second POST while the first runs is refused as busy."""
    from hostile import prose

    from newsgraph.api_cli import served

    monkeypatch.setenv("NEWSGRAPH_API_MAX_ANALYZE_KB", "2048")
    monkeypatch.setenv("NEWSGRAPH_API_ANALYZE_SECONDS", "20")
    with served(db, args=("--cache", "0")) as base:  # no answers from memory: real reads (unknown params are refused)
        text = prose(1_000_000, 5)
        httpx.post(f"{base}/api/analyze", json={"text": "Warm up."}, timeout=300)  # the analysis process is up
        result: dict[str, Any] = {}

        def post() -> None:
            result["r"] = httpx.post(f"{base}/api/analyze", json={"text": text}, timeout=300)

        t = threading.Thread(target=post)
        t.start()
        time.sleep(1.5)  # the analysis is running
        busy = httpx.post(f"{base}/api/analyze", json={"text": "Putin spoke."}, timeout=30)
        latencies = get_latencies(base, 100)
        answered_during_analysis = t.is_alive()
        t.join(300)
    assert busy.status_code == 503 and busy.json()["error"]["code"] == "NG705"
    assert result["r"].status_code in (200, 422), result["r"].text[:300]
    assert len(latencies) == 100
    assert answered_during_analysis, "the GETs waited for the analysis to finish"
