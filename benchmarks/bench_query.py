"""Query speed at corpus scale: `series` for one dyad by week, and the network export, over 10
million synthetic event rows.

The rows are generated directly in DuckDB with vectorised SQL (not through the pipeline): 980
states, 20 organisations and 20,000 people with a state each, picked with a skewed
(popularity-like: few actors in most of the news) distribution (``--skew``), ten years of dates, PLOVER/CAMEO types with Goldstein scores,
10 events per article, 1 % of articles marked as wire copies. The store is a normal newsgraph
store, and the timings are of the library functions the commands call
(:func:`newsgraph.analytics.series`, :func:`newsgraph.export.export_network`).

    .venv/bin/python benchmarks/bench_query.py                 # 10 million rows
    .venv/bin/python benchmarks/bench_query.py --rows 1000000  # quicker
    .venv/bin/python benchmarks/bench_query.py --store corpus.duckdb   # a real store (copied first)

``--store FILE`` times the same queries on a store built by ``newsgraph ingest`` (copied to a
temporary folder, so a store being written is never touched): the busiest dyad's series, the
busiest actor's series, a country-pair series, the network (JSON, and the REST API's top edges),
event searches by actor, type and date (the REST API's ``/events``), and ``newsgraph stories``.

Targets (issue 6): series for one dyad by week < 1 s; network export < 10 s.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

TYPES = [  # PLOVER, CAMEO, Goldstein, quad
    ("CONSULT", "040", 1.0, "verbal cooperation"), ("AGREE", "057", 8.0, "verbal cooperation"),
    ("SUPPORT", "051", 3.4, "verbal cooperation"), ("AID", "070", 7.0, "material cooperation"),
    ("ACCUSE", "112", -2.0, "verbal conflict"), ("THREATEN", "130", -4.4, "verbal conflict"),
    ("SANCTION", "163", -8.0, "material conflict"), ("ASSAULT", "190", -10.0, "material conflict"),
]


def build(db: str, rows: int, skew: float = 3.0) -> float:
    """Fill a fresh store with ``rows`` synthetic event rows; returns the seconds it took."""
    from newsgraph.store import Store

    t0 = time.perf_counter()
    with Store(db) as store:
        store.execute("CREATE TEMP TABLE types AS SELECT * FROM (VALUES " + ", ".join(
            f"({i}, '{p}', '{c}', {g}, '{q}')" for i, (p, c, g, q) in enumerate(TYPES)) +
            ") t(k, plover, cameo, goldstein, quad)")
        # the actor universe: 0 RUS, 1 UKR, then other states (3 letters), 20 organisations, people
        store.execute("""
            CREATE TEMP TABLE universe AS
            WITH states AS (
                SELECT i AS idx,
                       CASE i WHEN 0 THEN 'RUS' WHEN 1 THEN 'UKR' WHEN 2 THEN 'USA' WHEN 3 THEN 'BLR' WHEN 4 THEN 'POL'
                       ELSE chr(CAST(65 + (i // 676) % 26 AS INT)) || chr(CAST(65 + (i // 26) % 26 AS INT)) || chr(CAST(65 + i % 26 AS INT)) END AS id
                FROM range(980) t(i))
            SELECT idx, id, 'country' AS kind, id AS country, id AS code, 'State ' || id AS name FROM states
            UNION ALL SELECT 980 + i, 'ORG' || i, 'organization', NULL, 'IGOORG' || i, 'Organisation ' || i
                FROM range(20) t(i)
            UNION ALL SELECT 1000 + i, 'person-' || i, 'person', s.id, s.id || 'GOV', 'Person ' || i
                FROM range(20000) t(i) JOIN states s ON s.idx = (i * 7) % 980""")
        # skewed picks: a few actors are in most of the news, as in real corpora
        store.execute(f"""
            CREATE TEMP TABLE picks AS
            SELECT i,
                   CASE WHEN hash(i, 'p') % 10 < 7 THEN CAST(floor(980 * pow((hash(i, 's') % 1000000) / 1e6, 3)) AS INT)
                        ELSE 980 + CAST(floor(20020 * pow((hash(i, 'sp') % 1000000) / 1e6, {skew})) AS INT) END AS s,
                   CASE WHEN hash(i, 'q') % 10 < 8 THEN CAST(floor(980 * pow((hash(i, 't') % 1000000) / 1e6, 3)) AS INT)
                        ELSE 980 + CAST(floor(20020 * pow((hash(i, 'tp') % 1000000) / 1e6, {skew})) AS INT) END AS t,
                   CAST(hash(i, 'k') % {len(TYPES)} AS INT) AS k,
                   DATE '2015-01-01' + CAST(hash(i, 'd') % 3652 AS INT) AS date
            FROM range({rows}) r(i)""")
        store.execute("""
            INSERT INTO event_dyads
            SELECT printf('a%09d', i // 10), printf('e%011d', i), p.date, s.id, t.id, s.country, t.country, s.kind,
                   t.kind, ty.plover, ty.cameo, ty.quad, ty.goldstein, hash(i, 'n') % 50 = 0, NULL,
                   (hash(printf('a%09d', i // 10)) >> 1)::BIGINT, (hash(i, 'e') >> 1)::BIGINT
            FROM picks p JOIN universe s ON s.idx = p.s JOIN universe t ON t.idx = p.t JOIN types ty ON ty.k = p.k
            ORDER BY p.date""")
        store.execute("""
            INSERT INTO events
            SELECT article_id, event_id, [source_id], [target_id], plover, cameo, goldstein, quad, mode, negated, date,
                   'day', NULL, 'synthetic evidence', 0, 18, 0.5, date
            FROM event_dyads""")
        store.execute("""
            INSERT INTO articles
            SELECT article_id, article_id, 'synthetic', NULL, min(date), NULL, NULL, 'bench', '', 0, 0, count(*),
                   now()::TIMESTAMP, '{}' FROM event_dyads GROUP BY article_id""")
        store.execute("""
            INSERT INTO actors
            SELECT DISTINCT d.article_id, u.id, u.name, u.kind, u.country, u.code, NULL, 1, '[]', NULL
            FROM (SELECT article_id, source_id AS a FROM event_dyads UNION SELECT article_id, target_id FROM event_dyads) d
            JOIN universe u ON u.id = d.a""")
        store.execute("""
            INSERT INTO article_duplicates
            SELECT id, prev, prev, 0.9, (hash(id) >> 1)::BIGINT FROM (SELECT id, lag(id) OVER (ORDER BY id) AS prev FROM articles)
            WHERE hash(id, 'dup') % 100 = 0 AND prev IS NOT NULL""")
        store.execute("CHECKPOINT")
    return time.perf_counter() - t0


def timed(fn, repeat: int = 3) -> tuple[float, float, object]:
    """(first call, median of the next ``repeat`` calls, result) in seconds."""
    t0 = time.perf_counter()
    result = fn()
    first = time.perf_counter() - t0
    runs = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        runs.append(time.perf_counter() - t0)
    return first, statistics.median(runs), result


def line(what: str, first: float, warm: float, target: float | None, extra: str = "") -> None:
    ratio = f"{warm / target:5.2f}x of target ({'OK' if warm < target else 'OVER'})" if target else ""
    print(f"{what:<44} first {first:7.3f} s   warm {warm:7.3f} s   {ratio} {extra}")


def real_store(path: str) -> int:
    """Time the query paths a user runs on a store built from real articles (a copy of it)."""
    import shutil

    from newsgraph import analytics as an
    from newsgraph.api import network_json
    from newsgraph.export import export_network
    from newsgraph.store import Filters, Store
    from newsgraph.stories import cluster_stories, stories

    tmp = tempfile.mkdtemp(prefix="newsgraph-bench-store-")
    db = os.path.join(tmp, "copy.duckdb")
    shutil.copy(path, db)
    if os.path.exists(path + ".wal"):
        shutil.copy(path + ".wal", db + ".wal")
    try:
        with Store(db) as store:
            print(f"store {path}: articles {store.count('articles'):,}, events {store.count('events'):,}, "
                  f"event_dyads {store.count('event_dyads'):,}, actors {store.count('actors'):,}; "
                  f"load average {os.getloadavg()[0]:.1f}")
            top = store.execute("SELECT source_id, target_id, count(*) n FROM event_dyads WHERE source_id IS NOT NULL "
                                "AND target_id IS NOT NULL GROUP BY ALL ORDER BY n DESC, source_id, target_id LIMIT 1")
            actor = store.execute("SELECT source_id, count(*) n FROM event_dyads WHERE source_id IS NOT NULL "
                                  "GROUP BY ALL ORDER BY n DESC, source_id LIMIT 1")
            pair = store.execute("SELECT source_country, target_country, count(*) n FROM event_dyads WHERE "
                                 "source_country IS NOT NULL AND target_country IS NOT NULL AND "
                                 "source_country <> target_country GROUP BY ALL ORDER BY n DESC LIMIT 1")
            if top:
                a, b = top[0][0], top[0][1]
                first, warm, s = timed(lambda: an.series(store, a, b, by="week", provider=None))
                line(f"series {a} -> {b} by week", first, warm, 1.0, f"[{sum(r['events'] for r in s.rows)} events]")
                first, warm, s = timed(lambda: an.series(store, a, b, by="month"))
                line("  the same by month, memberships from the KB", first, warm, 1.0)
            if actor:
                who = actor[0][0]
                first, warm, s = timed(lambda: an.series(store, who, None, by="month", provider=None))
                line(f"series {who} -> anyone by month", first, warm, 1.0, f"[{sum(r['events'] for r in s.rows)} events]")
            if pair:
                x, y = pair[0][0], pair[0][1]
                first, warm, s = timed(lambda: an.series(store, x, y, by="week", provider=None))
                line(f"series {x} -> {y} (countries) by week", first, warm, 1.0)
            first, warm, net = timed(lambda: network_json(store, limit=200))
            line("network, top 200 edges (GET /network)", first, warm, 1.0, f"[{len(net['edges'])} edges]")
            out = os.path.join(tmp, "net.graphml")
            first, warm, _ = timed(lambda: export_network(store, "graphml", out))
            line("newsgraph network --format graphml", first, warm, 1.0)
            for label, f in [("events of one actor (GET /events?actor=)", Filters(actor=actor[0][0] if actor else None)),
                             ("events of one type in a year", Filters(plover="ACCUSE", date_from="2016-01-01",
                                                                       date_to="2016-12-31")),
                             ("events, text search", Filters(q="sanction")),
                             ("events, page 5 of everything", Filters(offset=400, limit=100))]:
                first, warm, rows = timed(lambda f=f: store.events(f))
                line(label, first, warm, 1.0, f"[{len(rows)} rows]")
            first, warm, rep = timed(lambda: cluster_stories(store), repeat=1)
            line("newsgraph stories (regroup everything)", first, warm, 10.0, f"[{rep.stories} stories]")
            first, warm, rows = timed(lambda: stories(store, min_sources=2))
            line("list stories from 2+ sources", first, warm, 1.0, f"[{len(rows)} rows]")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--rows", type=int, default=10_000_000, help="synthetic event rows (default 10 million)")
    ap.add_argument("--db", default=None, help="store file to build (default: a temporary file)")
    ap.add_argument("--keep", action="store_true", help="reuse --db if it exists, and keep it")
    ap.add_argument("--networkx", action="store_true", help="also time building the in-memory networkx graph")
    ap.add_argument("--skew", type=float, default=3.0,
                    help="popularity skew of actors: an actor is picked at position n*u**skew for uniform u "
                         "(1 = uniform, the pessimistic case with the most distinct edges; default 3)")
    ap.add_argument("--store", default=None, help="time the queries on this real store (a copy) instead")
    args = ap.parse_args()
    if args.store:
        return real_store(args.store)

    from newsgraph import analytics as an
    from newsgraph.export import export_network
    from newsgraph.store import Store

    tmp = tempfile.mkdtemp(prefix="newsgraph-bench-")
    db = args.db or os.path.join(tmp, "bench.duckdb")
    print(f"newsgraph query benchmark: {args.rows:,} synthetic event rows, {os.cpu_count()} cores, "
          f"load average {os.getloadavg()[0]:.1f}")
    if not (args.keep and Path(db).exists()):
        Path(db).unlink(missing_ok=True)
        print(f"building {db} ... ", end="", flush=True)
        print(f"{build(db, args.rows, args.skew):.1f} s, {Path(db).stat().st_size / 1e6:.0f} MB")
    with Store(db, read_only=True) as store:
        n = store.count("event_dyads")
        print(f"rows: event_dyads {n:,}, events {store.count('events'):,}, articles {store.count('articles'):,}, "
              f"actors {store.count('actors'):,}")
        first, warm, s = timed(lambda: an.series(store, "RUS", "UKR", by="week", provider=None))
        line("series RUS -> UKR by week (all years)", first, warm, 1.0,
             f"[{len(s.rows)} weeks, {sum(r['events'] for r in s.rows):,} events]")
        first, warm, s = timed(lambda: an.series(store, "RUS", "UKR", by="week", date_from="2020-01-01",
                                                 date_to="2020-12-31", provider=None))
        line("series RUS -> UKR by week, one year", first, warm, 1.0, f"[{len(s.rows)} weeks]")
        first, warm, s = timed(lambda: an.series(store, "person-42", None, by="month", provider=None))
        line("series person-42 -> anyone by month", first, warm, 1.0, f"[{len(s.rows)} months]")
        bloc = an.TableMemberships([(m, "XBLOC", "member", "2015-01-01", "2019-12-31" if m == "BLR" else None)
                                    for m in ("RUS", "BLR", "AAF", "AAG", "AAH", "AAI")])
        first, warm, s = timed(lambda: an.series(store, "XBLOC", "USA", by="week", provider=bloc))
        line("series bloc (6 members, dated) -> USA by week", first, warm, 1.0,
             f"[{sum(r['events'] for r in s.rows):,} events]")
        for fmt in ("graphml", "gexf", "json"):
            out = os.path.join(tmp, f"net.{fmt}")
            t0 = time.perf_counter()
            nodes, edges = export_network(store, fmt, out)
            total = time.perf_counter() - t0
            line(f"newsgraph network --format {fmt}", total, total, 10.0,
                 f"[{nodes:,} nodes, {edges:,} edges, {os.path.getsize(out) / 1e6:.0f} MB]")
        out = os.path.join(tmp, "countries.graphml")
        t0 = time.perf_counter()
        nodes, edges = export_network(store, "graphml", out, by="country")
        total = time.perf_counter() - t0
        line("newsgraph network --by country (graphml)", total, total, 10.0, f"[{nodes:,} nodes, {edges:,} edges]")
        t0 = time.perf_counter()
        nodes, edges = export_network(store, "graphml", out, date_from="2020-01-01", date_to="2020-12-31")
        total = time.perf_counter() - t0
        line("newsgraph network --from/--to one year", total, total, 10.0, f"[{nodes:,} nodes, {edges:,} edges]")
        if args.networkx:
            t0 = time.perf_counter()
            g = an.network(store)
            print(f"(in-memory networkx DiGraph, analytics.network(): {g.number_of_edges():,} edges in "
                  f"{time.perf_counter() - t0:.1f} s; not the export path)")
    if not args.keep and not args.db:
        import shutil

        shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
