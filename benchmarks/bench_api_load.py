"""A short load test of the REST API on loopback: a fixed request rate against the read endpoints.

Starts a real server process (``newsgraph serve``: uvicorn, one process) over a store (``--db``, or
one built from examples/articles in a temporary folder), then sends requests open-loop at
``--rate`` per second for ``--seconds`` with a lean asyncio client: each request starts at its
scheduled time whether or not earlier ones have answered, and its latency is counted from that
scheduled time (so a stalled server cannot hide behind a slowed client). The client is a lean
keep-alive HTTP/1.1 one over asyncio streams, so it costs far less CPU than the server it measures. Bounded: at most
rate x seconds requests, and the run stops after seconds + 30 s whatever happens.

Prints latency percentiles (p50/p90/p99/max), the achieved rate, status counts and the slowest
endpoints; exits 1 on any 5xx or transport error, or when the achieved rate is under 95 % of the
target.

    .venv/bin/python benchmarks/bench_api_load.py               # 200 req/s for 30 s
    .venv/bin/python benchmarks/bench_api_load.py --rate 50 --seconds 5 --db demo.duckdb
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import httpx

ROOT = Path(__file__).resolve().parents[1]


def build_demo_store(folder: Path) -> Path:
    from newsgraph.batch import ingest

    db = folder / "demo.duckdb"
    report = ingest([str(ROOT / "examples" / "articles")], str(db), workers=1)
    print(f"built {db} from examples/articles: {report.stored} articles", file=sys.stderr)
    return db


def request_mix(base: str) -> list[tuple[str, str, dict[str, Any]]]:
    """(name, path, params) for the read endpoints, with ids and names taken from the store."""
    arts = httpx.get(f"{base}/api/articles", params={"limit": 50}).json()["items"]
    actors = httpx.get(f"{base}/api/actors", params={"limit": 20}).json()["items"]
    words = ["NATO", "Russia", "summit", "president", "troops", "said"]
    mix: list[tuple[str, str, dict[str, Any]]] = [
        ("info", "/api/info", {}),
        ("articles", "/api/articles", {"limit": 20}),
        ("network", "/api/network", {"limit": 100}),
        ("series", "/api/series", {"source": "RUS", "target": "UKR", "symmetric": "true"}),
        ("series", "/api/series", {"source": "CSTO", "target": "NATO"}),
        ("events", "/api/events", {"limit": 50}),
    ]
    mix += [("articles?q", "/api/articles", {"q": w}) for w in words]
    mix += [("quotes?q", "/api/quotes", {"q": w}) for w in words]
    mix += [("article", f"/api/articles/{a['id']}", {}) for a in arts]
    mix += [("actors?q", "/api/actors", {"q": a["name"][:4]}) for a in actors[:5]]
    mix += [("actor", f"/api/actors/{a['id']}", {}) for a in actors]
    mix += [("quotes?speaker", "/api/quotes", {"speaker": a["id"]}) for a in actors[:5]]
    mix += [("events?actor", "/api/events", {"actor": a["id"]}) for a in actors[:5]]
    return mix


class Connections:
    """Keep-alive HTTP/1.1 connections to the server over plain asyncio streams.

    A lean client on purpose: httpx costs a few milliseconds of CPU per request, which on a small
    machine makes the load generator, not the server, the bottleneck at 200 requests/s.
    """

    def __init__(self, host: str, port: int, most: int = 64):
        self.host, self.port, self.most = host, port, most
        self.idle: list[tuple[asyncio.StreamReader, asyncio.StreamWriter]] = []
        self.open = 0
        self.freed = asyncio.Condition()

    async def take(self, fresh: bool = False) -> tuple[tuple[asyncio.StreamReader, asyncio.StreamWriter], bool]:
        """A connection, and whether it was reused (the server may have closed an idle one)."""
        async with self.freed:
            while not self.idle and self.open >= self.most:
                await self.freed.wait()
            if self.idle and not fresh:
                return self.idle.pop(), True
            if not self.idle:
                self.open += 1
            else:
                _, old = self.idle.pop()
                old.close()
        return await asyncio.open_connection(self.host, self.port), False

    async def give(self, conn: tuple[asyncio.StreamReader, asyncio.StreamWriter] | None) -> None:
        async with self.freed:
            if conn is None:
                self.open -= 1
            else:
                self.idle.append(conn)
            self.freed.notify()

    async def get(self, target: str) -> int:
        """GET ``target`` (path and query); the status code, after reading the whole body. A reused
        keep-alive connection the server has closed meanwhile is replaced once (as browsers do)."""
        conn, reused = await self.take()
        try:
            return await self._exchange(conn, target)
        except (OSError, asyncio.IncompleteReadError):
            if not reused:
                raise
        conn, _ = await self.take(fresh=True)
        return await self._exchange(conn, target)

    async def _exchange(self, conn: tuple[asyncio.StreamReader, asyncio.StreamWriter], target: str) -> int:
        try:
            reader, writer = conn
            writer.write(f"GET {target} HTTP/1.1\r\nHost: {self.host}\r\nAccept: application/json\r\n\r\n".encode())
            head = await reader.readuntil(b"\r\n\r\n")
            status = int(head.split(b" ", 2)[1])
            length = 0
            chunked = False
            for line in head.split(b"\r\n")[1:]:
                name, _, value = line.partition(b":")
                if name.strip().lower() == b"content-length":
                    length = int(value)
                elif name.strip().lower() == b"transfer-encoding" and b"chunked" in value.lower():
                    chunked = True
            if chunked:
                while True:
                    size = int((await reader.readuntil(b"\r\n")).strip(), 16)
                    await reader.readexactly(size + 2)
                    if size == 0:
                        break
            else:
                await reader.readexactly(length)
        except (OSError, asyncio.IncompleteReadError, ValueError):
            await self.give(None)
            raise
        await self.give(conn)
        return status


async def run(base: str, rate: float, seconds: float) -> dict[str, Any]:
    mix = [(name, str(httpx.URL(path, params=params))) for name, path, params in request_mix(base)]
    url = httpx.URL(base)
    pool = Connections(url.host, url.port or 80)
    rng = random.Random(7)
    n = int(rate * seconds)
    results: list[tuple[str, int, float]] = []  # (endpoint, status or -1, latency s)

    async def one(name: str, target: str, due: float) -> None:
        try:
            status = await asyncio.wait_for(pool.get(target), timeout=10)
        except (OSError, asyncio.IncompleteReadError, ValueError, TimeoutError):
            status = -1
        results.append((name, status, time.perf_counter() - due))

    t0 = time.perf_counter()
    tasks = []
    for i in range(n):  # open loop: each request starts on schedule, answered or not
        due = t0 + i / rate
        delay = due - time.perf_counter()
        if delay > 0:
            await asyncio.sleep(delay)
        name, target = mix[rng.randrange(len(mix))]
        tasks.append(asyncio.create_task(one(name, target, due)))
    sent_in = time.perf_counter() - t0
    await asyncio.gather(*tasks)
    elapsed = time.perf_counter() - t0
    for _, writer in pool.idle:
        writer.close()
    return {"results": results, "sent_in": sent_in, "elapsed": elapsed, "n": n}


def pct(values: list[float], p: float) -> float:
    if not values:
        return float("nan")
    values = sorted(values)
    k = min(len(values) - 1, max(0, round(p / 100 * (len(values) - 1))))
    return values[k]


def report(out: dict[str, Any], rate: float, seconds: float) -> dict[str, Any]:
    res = out["results"]
    lat = [r[2] * 1000 for r in res]
    status: dict[str, int] = {}
    for _, s, _ in res:
        key = "error" if s < 0 else f"{s // 100}xx"
        status[key] = status.get(key, 0) + 1
    by_ep: dict[str, list[float]] = {}
    for name, _, latency in res:
        by_ep.setdefault(name, []).append(latency * 1000)
    summary = {
        "target_rate": rate, "seconds": seconds, "requests": len(res),
        "achieved_rate": round(len(res) / out["sent_in"], 1) if out["sent_in"] else None,
        "completed_in_s": round(out["elapsed"], 2), "status": status,
        "latency_ms": {"p50": round(pct(lat, 50), 2), "p90": round(pct(lat, 90), 2), "p99": round(pct(lat, 99), 2),
                       "max": round(max(lat), 2) if lat else None, "mean": round(statistics.fmean(lat), 2) if lat else None},
        "per_endpoint_p99_ms": {k: round(pct(v, 99), 2) for k, v in sorted(by_ep.items(), key=lambda kv: -pct(kv[1], 99))},
    }
    return summary


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--db", help="store to serve (default: build one from examples/articles)")
    ap.add_argument("--rate", type=float, default=200.0, help="requests per second (default 200)")
    ap.add_argument("--seconds", type=float, default=30.0, help="duration (default 30)")
    ap.add_argument("--workers", type=int, default=1, help="server processes (default 1)")
    ap.add_argument("--cache", type=int, default=1024, help="server response cache entries (0: off; default 1024)")
    ap.add_argument("--warm", action="store_true", help="request every URL of the mix once before the timed run "
                    "(steady state; without it the run starts from a cold cache)")
    ap.add_argument("--json", action="store_true", help="print the summary as JSON")
    args = ap.parse_args()
    if not (0 < args.rate <= 2000 and 0 < args.seconds <= 120):
        raise SystemExit("--rate must be in (0, 2000] and --seconds in (0, 120]")
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(args.db) if args.db else build_demo_store(Path(tmp))
        from newsgraph.api_cli import served

        with served(db, args=("--workers", str(args.workers), "--cache", str(args.cache))) as base:
            for _ in range(3):  # first queries load the KB and DuckDB's pages
                httpx.get(f"{base}/api/series", params={"source": "RUS", "target": "UKR"})
            if args.warm:
                for _, path, params in request_mix(base):
                    httpx.get(f"{base}{path}", params=params)
            out = asyncio.run(asyncio.wait_for(run(base, args.rate, args.seconds), timeout=args.seconds + 30))
    s = report(out, args.rate, args.seconds)
    if args.json:
        print(json.dumps(s, indent=2))
    else:
        lat = s["latency_ms"]
        print(f"server: {args.workers} process(es), response cache {args.cache or 'off'}"
              f"{', warmed' if args.warm else ', from cold'}; load average {os.getloadavg()[0]:.1f}")
        print(f"{s['requests']} requests in {args.seconds:g}s at target {args.rate:g}/s: achieved {s['achieved_rate']}/s, "
              f"all answered in {s['completed_in_s']}s")
        print(f"status: {s['status']}")
        print(f"latency ms: p50 {lat['p50']}  p90 {lat['p90']}  p99 {lat['p99']}  max {lat['max']}  mean {lat['mean']}")
        print("slowest endpoints (p99 ms): " + ", ".join(f"{k} {v}" for k, v in list(s["per_endpoint_p99_ms"].items())[:5]))
    bad = s["status"].get("5xx", 0) + s["status"].get("error", 0)
    if bad or (s["achieved_rate"] or 0) < 0.95 * args.rate:
        print(f"FAIL: {bad} server errors or transport failures; achieved {s['achieved_rate']}/s", file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
