"""How fast the analysts' dashboard answers: its API calls and its pages in Chromium.

Starts a real server (``newsgraph serve --cache 0``: every answer computed, none replayed from the
response cache) over a copy of a store (``--db``; default: one built from examples/articles), then

1. API: each request a dashboard page makes when it loads (explorer page and facets, filtered
   explorer pages, an evidence sentence, map counts and places, the network at actor, state and
   bloc level, two series) ``--repeat`` times; prints p50/p95/max per request and overall, and
   the full CSV download's rows per second;
2. pages: each page (events, map, network, timelines) loaded ``--loads`` times in headless
   Chromium (Debian's /usr/bin/chromium), timed from navigation to the page's result on screen
   (the explorer's count, the map's summary, the network's summary, the timeline's summary).

Target (issue 17): p95 under 1 s for every page and every API call on a 1,000-article store.
Exits 1 when a p95 is over ``--target``. Prints the load average: on a shared machine, read it
before the figures.

    .venv/bin/python benchmarks/bench_dashboard.py --db as1000.duckdb
    .venv/bin/python benchmarks/bench_dashboard.py --repeat 5 --loads 3     # quick
    .venv/bin/python benchmarks/bench_dashboard.py --db as1000.duckdb --scale 30 --loads 3   # 30x the events

``--scale N`` multiplies the event, dyad, actor and place rows N times (copies under new article
ids, articles themselves not copied): how the queries grow towards 30,000 articles' worth of events.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import httpx

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def pct(xs: list[float], p: float) -> float:
    s = sorted(xs)
    return s[min(len(s) - 1, max(0, round(p / 100 * len(s) + 0.5) - 1))]


def requests_of(base: str) -> list[tuple[str, str, dict[str, Any]]]:
    """(name, path, params): what the pages ask for on load, with values taken from the store."""
    fc = httpx.get(f"{base}/api/explore/facets", timeout=120).json()
    kind = fc["types"][0]["value"] if fc["types"] else "ACCUSE"
    country = fc["countries"][0]["value"] if fc["countries"] else "RUS"
    actor = httpx.get(f"{base}/api/actors", params={"limit": 1}, timeout=60).json()["items"]
    first = [e for e in httpx.get(f"{base}/api/explore/events", params={"limit": 200}, timeout=60).json()["items"]
             if not e["article_id"].startswith("copy")][:1]  # an event with its article stored (see --scale)
    out: list[tuple[str, str, dict[str, Any]]] = [
        ("facets", "/api/explore/facets", {}),
        ("explore", "/api/explore/events", {"limit": 50}),
        ("explore type+country", "/api/explore/events", {"limit": 50, "type": kind, "country": country}),
        ("explore dates+conf", "/api/explore/events", {"limit": 50, "from": "2016-01-01", "to": "2018-12-31",
                                                      "min_confidence": 0.7}),
        ("explore text", "/api/explore/events", {"limit": 50, "q": "said"}),
        ("explore page 3", "/api/explore/events", {"limit": 50, "offset": 100}),
        ("map countries", "/api/map/countries", {}),
        ("map by place", "/api/map/countries", {"where": "place"}),
        ("map places", "/api/map/places", {}),
        ("map file", "/static/world-110m.json", {}),
        ("network actor", "/api/network/rollup", {"level": "actor", "limit": 150}),
        ("network state", "/api/network/rollup", {"level": "state", "limit": 150}),
        ("network bloc", "/api/network/rollup", {"level": "bloc", "limit": 150, "on": "2018-01-01"}),
        ("series dyad", "/api/series", {"source": "RUS", "target": "UKR", "symmetric": "true"}),
        ("series bloc", "/api/series", {"source": "CSTO", "target": "NATO", "symmetric": "true"}),
    ]
    if actor:
        out.append(("explore actor", "/api/explore/events", {"limit": 50, "actor": actor[0]["id"]}))
    if first:
        out.append(("evidence", f"/api/explore/evidence/{first[0]['article_id']}/{first[0]['event_id']}", {}))
    return out


def scale_up(db: Path, times: int) -> None:
    """Multiply the event, dyad, actor and place rows of the store ``times`` over (copies under article
    ids ``copyN:...``; their articles are not copied): what the queries cost on a larger corpus."""
    from newsgraph.store import Store

    with Store(db) as s:
        for table in ("events", "event_dyads", "actors", "places"):
            cols = [r["column_name"] for r in s.query(
                "SELECT column_name FROM information_schema.columns WHERE table_name = ? ORDER BY ordinal_position",
                [table])]
            sel = ", ".join(f"'copy' || i || ':' || {c}" if c == "article_id" else c for c in cols)
            s.execute(f"INSERT INTO {table} SELECT {sel} FROM {table}, range(1, ?) r(i)", [times])


def bench_api(base: str, repeat: int) -> dict[str, list[float]]:
    times: dict[str, list[float]] = {}
    reqs = requests_of(base)
    with httpx.Client(base_url=base, timeout=120) as c:
        for _ in range(repeat):
            for name, path, params in reqs:
                t = time.perf_counter()
                r = c.get(path, params=params)
                times.setdefault(name, []).append(time.perf_counter() - t)
                if r.status_code != 200:
                    raise SystemExit(f"{name}: HTTP {r.status_code} {r.text[:200]}")
    return times


def bench_csv(base: str) -> tuple[int, float]:
    t = time.perf_counter()
    rows = 0
    with httpx.stream("GET", f"{base}/api/explore/events.csv", timeout=600) as r:
        for line in r.iter_lines():
            rows += 1 if line else 0
    return rows - 1, time.perf_counter() - t


PAGES = [("events", "#/events", "#ex-count[data-total]"), ("map", "#/map", "#map-summary"),
         ("network", "#/network", "#net-summary"), ("network blocs", "#/network?level=bloc", "#net-summary"),
         ("timeline", "#/timeline?source=RUS&target=UKR&source2=CSTO&target2=NATO", "#tl2-summary")]


def bench_pages(base: str, loads: int) -> dict[str, list[float]]:
    from playwright.sync_api import sync_playwright

    times: dict[str, list[float]] = {}
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        for _ in range(loads):
            for name, route, ready in PAGES:
                ctx = b.new_context(viewport={"width": 1400, "height": 900})  # no browser cache between loads
                pg = ctx.new_page()
                t = time.perf_counter()
                pg.goto(f"{base}/{route}")
                pg.locator(ready).first.wait_for(timeout=60_000)
                times.setdefault(name, []).append(time.perf_counter() - t)
                ctx.close()
        b.close()
    return times


def report(title: str, times: dict[str, list[float]], target: float) -> bool:
    print(f"\n{title}")
    print(f"{'':24} {'n':>4} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8}")
    ok = True
    every: list[float] = []
    for name, xs in times.items():
        every += xs
        p95 = pct(xs, 95)
        ok &= p95 < target
        flag = "" if p95 < target else "  OVER TARGET"
        print(f"{name:24} {len(xs):4d} {statistics.median(xs) * 1000:8.1f} {p95 * 1000:8.1f} {max(xs) * 1000:8.1f}{flag}")
    print(f"{'all':24} {len(every):4d} {statistics.median(every) * 1000:8.1f} {pct(every, 95) * 1000:8.1f} "
          f"{max(every) * 1000:8.1f}   (target: p95 < {target * 1000:.0f} ms)")
    return ok


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--db", help="the store to serve (copied first; default: built from examples/articles)")
    ap.add_argument("--repeat", type=int, default=20, help="rounds of API requests")
    ap.add_argument("--loads", type=int, default=10, help="loads of each page in Chromium")
    ap.add_argument("--target", type=float, default=1.0, help="p95 target in seconds")
    ap.add_argument("--scale", type=int, default=1, help="multiply the event rows this many times (synthetic copies)")
    args = ap.parse_args()
    from newsgraph.api_cli import served
    from newsgraph.store import Store

    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "store.duckdb"
        if args.db:
            shutil.copy(args.db, db)
            if Path(args.db + ".wal").exists():
                shutil.copy(args.db + ".wal", str(db) + ".wal")
        else:
            from newsgraph.batch import ingest

            ingest([str(ROOT / "examples" / "articles")], str(db), workers=1)
        if args.scale > 1:
            scale_up(db, args.scale)
        with Store(db, read_only=True) as s:
            counts = s.stats()
        scaled = f" x{args.scale} (synthetic copies of the event rows)" if args.scale > 1 else ""
        print(f"store: {args.db or 'examples/articles'}{scaled}: {counts['articles']} articles, {counts['events']} events, "
              f"{counts['actors']} actor rows; load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
        with served(db, args=("--cache", "0"), timeout=180) as base:
            httpx.get(f"{base}/api/network/rollup", params={"level": "bloc", "limit": 1}, timeout=120)  # KB warm
            ok = report("API (server cache off)", bench_api(base, args.repeat), args.target)
            rows, secs = bench_csv(base)
            print(f"\nCSV of every event: {rows} rows in {secs:.2f} s ({rows / max(secs, 1e-9):,.0f} rows/s)")
            if CHROMIUM.exists():
                ok &= report(f"pages in Chromium, navigation to result on screen ({args.loads} loads each)",
                             bench_pages(base, args.loads), args.target)
            else:
                print("\npages: skipped (no /usr/bin/chromium)")
    print(f"\nload average at the end: {os.getloadavg()[0]:.1f}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
