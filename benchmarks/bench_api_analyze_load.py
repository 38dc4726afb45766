"""Reads keep answering while the server analyses a big article (issue 16).

Starts a real server (``newsgraph serve``, one process) over a store (``--db``, or one built from
examples/articles), with ``[api] max_analyze_kb`` raised so that a 1.9 MB article is accepted
(the default, 1,024 KB, refuses it at once with NG104). Then:

1. baseline: ``--gets`` GET requests (``--concurrency`` at a time) over the read endpoints, the
   server run with ``--cache 0`` so that none is answered from the response cache;
2. under load: ``POST /api/analyze`` with ``--kb`` KB of prose and, while it runs, the same GETs,
   plus one more POST that must be refused as busy (NG705) with the default concurrency of 1.

Prints GET latency percentiles for both phases, the POST's status and duration (it ends with the
document, or NG301 at ``[api] analyze_seconds``), and checks the target: GET p99 under 200 ms
under load. ``--append`` adds the figures to ``benchmarks/RESULTS.md``. Exits 1 when the target
is missed.

    .venv/bin/python benchmarks/bench_api_analyze_load.py                 # 1.9 MB, 100 GETs
    .venv/bin/python benchmarks/bench_api_analyze_load.py --gets 500 --append
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
import tempfile
import threading
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_long_text import RESULTS, paragraphs, prose  # noqa: E402


def build_store(folder: Path) -> Path:
    from newsgraph.batch import ingest

    db = folder / "demo.duckdb"
    report = ingest([str(ROOT / "examples" / "articles")], str(db), workers=1)
    print(f"built {db} from examples/articles: {report.stored} articles", file=sys.stderr)
    return db


def paths(base: str) -> list[str]:
    arts = httpx.get(f"{base}/api/articles", params={"limit": 20}).json()["items"]
    out = ["/api/info", "/api/articles?limit=20", "/api/actors?limit=20", "/api/quotes?limit=20", "/api/events?limit=20",
           "/api/network?limit=50", "/api/series?source=RUS&target=UKR"]
    out += [f"/api/articles/{a['id']}" for a in arts[:5]]
    return out


def get_latencies(base: str, n: int, concurrency: int, routes: list[str]) -> list[float]:
    out: list[float] = []
    errors: list[str] = []
    lock = threading.Lock()

    def worker(k: int) -> None:
        with httpx.Client(timeout=60) as c:
            for i in range(k, n, concurrency):
                path = routes[i % len(routes)]
                url = base + path  # the server runs with --cache 0: every GET is a real read
                t0 = time.perf_counter()
                r = c.get(url)
                took = time.perf_counter() - t0
                with lock:
                    out.append(took)
                    if r.status_code != 200:
                        errors.append(f"{r.status_code} {path}")

    threads = [threading.Thread(target=worker, args=(k,)) for k in range(concurrency)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    if errors:
        print(f"  {len(errors)} GET errors, e.g. {errors[:3]}", file=sys.stderr)
    return out


def pct(xs: list[float]) -> dict[str, float]:
    q = statistics.quantiles(xs, n=100)
    return {"p50": q[49] * 1000, "p90": q[89] * 1000, "p99": q[98] * 1000, "max": max(xs) * 1000}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--db", default=None, help="store to serve (default: built from examples/articles)")
    ap.add_argument("--kb", type=float, default=1.9 * 1000 * 1000 / 1024, help="size of the posted article (KB)")
    ap.add_argument("--gets", type=int, default=100)
    ap.add_argument("--concurrency", type=int, default=10)
    ap.add_argument("--append", action="store_true")
    args = ap.parse_args()

    from newsgraph.api_cli import served

    os.environ["NEWSGRAPH_API_MAX_ANALYZE_KB"] = str(int(args.kb) + 64)
    os.environ["NEWSGRAPH_API_MAX_BODY"] = str(int((args.kb + 64) * 1024 * 1.2))
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(args.db) if args.db else build_store(Path(tmp))
        text = prose(args.kb, paragraphs())
        with served(db, args=("--cache", "0")) as base:  # real reads, not answers from memory
            routes = paths(base)
            warm = httpx.post(f"{base}/api/analyze", json={"text": "Warm up, the minister said."}, timeout=600)
            print(f"analysis process ready ({warm.status_code})", flush=True)
            baseline = get_latencies(base, args.gets, args.concurrency, routes)
            result: dict[str, Any] = {}

            def post() -> None:
                t0 = time.perf_counter()
                r = httpx.post(f"{base}/api/analyze", json={"text": text}, timeout=900)
                result.update(status=r.status_code, seconds=time.perf_counter() - t0,
                              code=r.json().get("error", {}).get("code") if r.status_code != 200 else None)

            t = threading.Thread(target=post)
            t.start()
            time.sleep(2.0)  # the body is in, the analysis is running
            busy = httpx.post(f"{base}/api/analyze", json={"text": "A second article."}, timeout=60)
            t_gets = time.perf_counter()
            loaded = get_latencies(base, args.gets, args.concurrency, routes)
            gets_took = time.perf_counter() - t_gets
            running_during_gets = t.is_alive()
            t.join()
    b, lo = pct(baseline), pct(loaded)
    print(f"posted {len(text) / 1024:.0f} KB: HTTP {result['status']} {result.get('code') or ''} after {result['seconds']:.1f} s")
    print(f"second POST while it ran: HTTP {busy.status_code} {busy.json().get('error', {}).get('code', '')}")
    print(f"GET latency (ms), {args.gets} requests, {args.concurrency} at a time:")
    print(f"  {'':<22}{'p50':>8}{'p90':>8}{'p99':>8}{'max':>8}")
    print(f"  {'idle server':<22}" + "".join(f"{b[k]:>8.1f}" for k in ("p50", "p90", "p99", "max")))
    print(f"  {'during the analysis':<22}" + "".join(f"{lo[k]:>8.1f}" for k in ("p50", "p90", "p99", "max")))
    print(f"  (the GETs took {gets_took:.1f} s; the analysis was still running at their end: {running_during_gets})")
    ok = lo["p99"] < 200 and running_during_gets and busy.status_code == 503
    print("target GET p99 < 200 ms during the analysis:", "met" if ok else "MISSED")
    if args.append:
        load = os.getloadavg()[0]
        lines = [f"\n## Reads during a {len(text) / 1024:.0f} KB analysis (`bench_api_analyze_load.py`) — "
                 f"{datetime.now(UTC):%Y-%m-%d %H:%M} UTC", "",
                 f"{platform.node()}: {os.cpu_count()} cores, load average {load:.1f} at the end; "
                 f"`python benchmarks/bench_api_analyze_load.py {' '.join(sys.argv[1:])}`", "",
                 "| GETs (ms) | p50 | p90 | p99 | max |", "|---|---:|---:|---:|---:|",
                 "| idle server | " + " | ".join(f"{b[k]:.1f}" for k in ("p50", "p90", "p99", "max")) + " |",
                 "| during the analysis | " + " | ".join(f"{lo[k]:.1f}" for k in ("p50", "p90", "p99", "max")) + " |", "",
                 f"The POST ended with HTTP {result['status']} {result.get('code') or ''} after {result['seconds']:.1f} s; "
                 f"a second POST meanwhile: HTTP {busy.status_code}. Target GET p99 < 200 ms: **{'met' if ok else 'missed'}**."]
        if not RESULTS.exists():
            RESULTS.write_text("# Benchmark results\n\nAppended by the benchmark programs (`--append`); newest last.\n", "utf-8")
        with RESULTS.open("a", encoding="utf-8") as fh:
            fh.write("\n".join(lines) + "\n")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
