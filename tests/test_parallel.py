"""Scale-out ingest: Parquet shards load exactly like per-article writes, the process pool and a
Dask LocalCluster store the same documents as one process, and in-flight work stays bounded."""

from __future__ import annotations

import concurrent.futures as cf
import json
import os
from concurrent.futures import Future
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

import pytest

from corpus_fixtures import analyses, news_texts, stored_docs, table_rows
from newsgraph import batch, config
from newsgraph.model import RawDocument
from newsgraph.parallel import analyse_to_shard, resolve_workers
from newsgraph.pipeline import Failure
from newsgraph.store import ARTICLE_TABLES, Store, pending_shards, shard_rows, write_shard

# a pipeline without spaCy (cleaning only): the pool machinery at full speed, no model loads
NO_NLP = {"pipeline": {"order": ["ingest"]}}


def failures(store: Store) -> list[tuple]:
    return sorted(store.execute("SELECT source, item_id, code, message FROM failures"), key=repr)


# ---------------------------------------------------------------------------------------------- shards

def test_a_shard_loads_exactly_what_add_writes(tmp_path):
    docs = [a.to_dict() for a in analyses()]
    shard = write_shard(docs, tmp_path / "spool", "s1")
    with Store(":memory:") as by_shard, Store(":memory:") as by_add:
        counts = by_shard.load_shard(shard)
        for d in docs:
            by_add.add(d)
        assert (counts.stored, counts.skipped, counts.failed) == (7, 0, 0)
        for table in ARTICLE_TABLES:
            assert table_rows(by_shard, table) == table_rows(by_add, table), table
    assert not shard.exists()  # loaded shards are removed


def test_add_batch_writes_what_add_writes_in_one_transaction():
    docs = [a.to_dict() for a in analyses()]
    with Store(":memory:") as by_batch, Store(":memory:") as by_add:
        by_batch.add(docs[2])
        counts = by_batch.add_batch([docs[0], docs[1], docs[0], docs[2], *docs[3:]])
        assert (counts.stored, counts.skipped) == (6, 2)
        for d in docs:
            by_add.add(d)
        for table in ARTICLE_TABLES:
            assert table_rows(by_batch, table) == table_rows(by_add, table), table
        assert by_batch.add_batch([]).stored == 0


def test_a_failing_batch_stores_nothing(monkeypatch):
    docs = [a.to_dict() for a in analyses()]
    with Store(":memory:") as s:
        original = s._con  # fault injection: the test swaps the store's connection

        class Exploding:
            """The connection, failing on the events insert half way through the batch."""

            def __getattr__(self, name):
                return getattr(original, name)

            def execute(self, sql, *args):
                if sql.startswith("INSERT INTO events"):
                    raise RuntimeError("disk full")
                return original.execute(sql, *args)

        s._con = Exploding()
        with pytest.raises(RuntimeError):
            s.add_batch(docs)
        s._con = original
        assert s.count("articles") == 0 and s.count("actors") == 0 and s.count("events") == 0
        assert s.add_batch(docs).stored == 7


def test_shard_skips_stored_and_repeated_articles_and_carries_failures(tmp_path):
    docs = [a.to_dict() for a in analyses()]
    bad = Failure("feed.jsonl:3", "x", "NG105", "line 3 is not JSON")
    items = [docs[0], docs[1], docs[0], bad.to_dict(), docs[2]]
    shard = write_shard(items, tmp_path, "s")
    with Store(":memory:") as s:
        s.add(docs[1])
        counts = s.load_shard(shard, remove=False)
        assert (counts.stored, counts.skipped, counts.failed) == (2, 2, 1)
        assert counts.failures[0].code == "NG105"
        assert s.count("articles") == 3 and s.count("events") == 3
        again = s.load_shard(shard)  # a crash between COMMIT and removing the shard: nothing twice
        assert (again.stored, again.skipped) == (0, 4)
        assert s.count("articles") == 3 and s.count("article_signatures") == 3


def test_same_id_different_text_in_one_shard_keeps_the_first(tmp_path):
    first, second = (a.to_dict() for a in analyses()[:2])
    second["article"]["id"] = first["article"]["id"]
    with Store(":memory:") as s:
        counts = s.load_shard(write_shard([first, second], tmp_path, "s"))
        assert (counts.stored, counts.skipped) == (1, 1)
        assert s.count("events") == 1


def test_shard_rows_are_tagged_with_their_item(tmp_path):
    docs = [a.to_dict() for a in analyses()[:3]]
    rows = shard_rows(docs)
    assert [r[0] for r in rows["articles"]] == [0, 1, 2]
    assert {r[0] for r in rows["events"]} == {0, 1, 2}


def test_pending_shards_and_dead_writers(tmp_path):
    write_shard([analyses()[0].to_dict()], tmp_path, "b")
    write_shard([analyses()[1].to_dict()], tmp_path, "a")
    dead = tmp_path / ".c.999999999.tmp"  # a writer that no longer exists
    dead.mkdir()
    (dead / "articles.parquet").write_bytes(b"half")
    assert [p.name for p in pending_shards(tmp_path)] == ["a.shard", "b.shard"]
    assert not dead.exists()
    assert pending_shards(tmp_path / "none") == []


def test_an_unreadable_shard_is_dropped_and_reported(tmp_path):
    shard = write_shard([analyses()[0].to_dict()], tmp_path / "db.duckdb.spool", "x")
    (shard / "articles.parquet").write_bytes(b"not parquet")
    report = batch.ingest_items([], str(tmp_path / "db.duckdb"), config=config.load(**NO_NLP), workers=1)
    assert report.failed == 1 and report.failures[0]["code"] == "NG400"
    assert not shard.exists()


def test_leftover_shards_are_recovered_first(tmp_path):
    db = tmp_path / "db.duckdb"
    write_shard([a.to_dict() for a in analyses()[:3]], Path(f"{db}.spool"), "left")
    report = batch.ingest_items([], str(db), config=config.load(**NO_NLP), workers=1)
    assert (report.recovered, report.stored) == (3, 3)
    assert not Path(f"{db}.spool").exists()


def test_workers_resolution():
    cfg = config.load()
    assert resolve_workers(3, cfg) == 3
    assert resolve_workers(0, cfg) >= 1
    assert resolve_workers(None, config.load(ingest={"workers": 2})) == 2
    from newsgraph.errors import BadArgument

    with pytest.raises(BadArgument):
        resolve_workers(-1, cfg)


# ---------------------------------------------------------------------------------------------- the pool

def _jsonl(tmp_path: Path, texts: list[str], bad_line: bool = True) -> Path:
    p = tmp_path / "feed.jsonl"
    lines = [json.dumps({"text": t, "published": "2023-04-0" + str(1 + i % 9),
                         "url": f"https://news{i % 3}.example.com/{i}"}) for i, t in enumerate(texts)]
    if bad_line:
        lines.insert(5, "this line is not json")
    lines.append(json.dumps({"text": texts[0]}))  # the same text again: stored once
    p.write_text("\n".join(lines) + "\n", "utf-8")
    return p


def _ingest(path: Path, db: Path, cfg: dict, **kw) -> batch.IngestReport:
    return batch.ingest([str(path)], str(db), config=cfg, **kw)


def test_two_workers_store_what_one_process_stores(tmp_path):
    feed = _jsonl(tmp_path, news_texts(23))
    cfg = config.load(**NO_NLP, scale={"shard_size": 4})
    one = _ingest(feed, tmp_path / "one.duckdb", cfg, workers=1)
    two = _ingest(feed, tmp_path / "two.duckdb", cfg, workers=2)
    assert (one.stored, one.skipped, one.failed) == (two.stored, two.skipped, two.failed) == (23, 1, 1)
    assert one.mode == "single" and two.mode == "pool" and two.shards == 6
    assert len(two.worker_peak_rss_mb) >= 1
    with Store(tmp_path / "one.duckdb", read_only=True) as a, Store(tmp_path / "two.duckdb", read_only=True) as b:
        assert stored_docs(a) == stored_docs(b)
        assert failures(a) == failures(b)
        for table in ARTICLE_TABLES:
            assert table_rows(a, table) == table_rows(b, table), table
    again = _ingest(feed, tmp_path / "two.duckdb", cfg, workers=2)  # a rerun parses nothing
    assert (again.stored, again.skipped, again.shards) == (0, 24, 0)


def test_a_worker_above_its_memory_bound_is_replaced_and_nothing_is_lost(tmp_path):
    """[parallel] max_worker_mb: a worker above it after a shard hands the shard back and leaves;
    a fresh worker takes its place (more worker processes than workers), every article is stored."""
    feed = _jsonl(tmp_path, news_texts(23))
    cfg = config.load(**NO_NLP, scale={"shard_size": 4}, parallel={"max_worker_mb": 1})
    report = _ingest(feed, tmp_path / "r.duckdb", cfg, workers=2)
    assert (report.stored, report.skipped, report.failed) == (23, 1, 1) and report.shards == 6
    assert len(report.worker_peak_rss_mb) > 2  # every worker left after its shard: 6 processes
    unbounded = _ingest(feed, tmp_path / "u.duckdb", config.load(**NO_NLP, scale={"shard_size": 4},
                                                                 parallel={"max_worker_mb": 0}), workers=2)
    assert len(unbounded.worker_peak_rss_mb) <= 2
    with Store(tmp_path / "r.duckdb", read_only=True) as a, Store(tmp_path / "u.duckdb", read_only=True) as b:
        assert stored_docs(a) == stored_docs(b)


_BALLAST: list[bytes] = []


def _pid_after(mb: int) -> int:
    """A pool call: hold ``mb`` MB more (kept for the life of the worker), return the worker's pid."""
    import os

    if mb:
        _BALLAST.append(b"x" * (mb << 20))
    return os.getpid()


@pytest.mark.parametrize("method", ["fork", "spawn"])
def test_the_recycling_pool_replaces_a_worker_that_left_after_normal_calls(method):
    """Workers above the bound leave after many calls that left others idle: the pool stays at
    full size (a forked standard pool would not replace them and could end with no worker)."""
    import multiprocessing as mp
    from concurrent.futures import wait

    from newsgraph.parallel import RecyclingPool, memory_mb

    if method not in mp.get_all_start_methods():
        pytest.skip(f"no {method} on this platform")
    # a forked worker starts at this process's size, a spawned one small (well under 450 MB)
    bound = memory_mb()[0] + 250 if method == "fork" else 450
    pool = RecyclingPool(2, max_mb=bound, mp_context=mp.get_context(method))
    try:
        first = {f.result(timeout=120) for f in [pool.submit(_pid_after, 0) for _ in range(20)]}
        heavy = [pool.submit(_pid_after, 500) for _ in range(4)]  # each takes its worker over the bound
        wait(heavy, timeout=120)
        assert all(f.done() for f in heavy), "the pool stopped replacing workers that left"
        left = {f.result() for f in heavy}
        after = {f.result(timeout=120) for f in [pool.submit(_pid_after, 0) for _ in range(20)]}
        assert len(pool._processes) == 2  # full size again
    finally:
        pool.shutdown(wait=False, cancel_futures=True)
    assert len(left) == 4 and not (after & left)  # each heavy call ended its worker; none came back
    assert first


@pytest.mark.parametrize("method", ["fork", "spawn"])
def test_forked_and_spawned_workers_store_the_same(tmp_path, method):
    import multiprocessing as mp

    if method not in mp.get_all_start_methods():
        pytest.skip(f"no {method} on this platform")
    feed = _jsonl(tmp_path, news_texts(12))
    cfg = config.load(**NO_NLP, scale={"shard_size": 4}, parallel={"start_method": method})
    one = _ingest(feed, tmp_path / "one.duckdb", cfg, workers=1)
    two = _ingest(feed, tmp_path / "two.duckdb", cfg, workers=2)
    assert two.mode == "pool" and (two.stored, two.failed) == (one.stored, one.failed) == (12, 1)
    assert all(v > 0 for v in two.worker_peak_rss_mb.values())
    with Store(tmp_path / "one.duckdb", read_only=True) as a, Store(tmp_path / "two.duckdb", read_only=True) as b:
        assert stored_docs(a) == stored_docs(b)


def _blas_threads() -> list[int]:
    from threadpoolctl import threadpool_info

    from newsgraph.parallel import _init_worker

    _init_worker(os.getppid())
    return [i["num_threads"] for i in threadpool_info()]


def test_a_forked_worker_uses_one_native_thread():
    """numpy's OpenBLAS starts a thread per core in the parent; a worker forked from it limits the
    pool it inherits to one thread, so two workers on two cores do not compete with four threads."""
    import multiprocessing as mp

    pytest.importorskip("threadpoolctl")
    import numpy as np  # noqa: F401  (loads OpenBLAS in this process, as spaCy does before a fork)

    if "fork" not in mp.get_all_start_methods():
        pytest.skip("no fork on this platform")
    with cf.ProcessPoolExecutor(1, mp_context=mp.get_context("fork")) as pool:
        threads = pool.submit(_blas_threads).result(timeout=60)
    assert threads and all(n == 1 for n in threads), threads


def test_memory_is_measured():
    from newsgraph.parallel import memory_mb, start_method

    rss, private = memory_mb()
    assert rss > 10 and (private is None or 0 < private <= rss)
    assert start_method(config.load(parallel={"start_method": "spawn"})) == "spawn"


def test_small_inputs_stay_in_one_process(tmp_path):
    feed = _jsonl(tmp_path, news_texts(3), bad_line=False)
    report = _ingest(feed, tmp_path / "s.duckdb", config.load(**NO_NLP), workers=2)
    assert report.mode == "single" and report.stored == 3


# ---------------------------------------------------------------------------------------------- driver

class FakeRunner:
    """Runs shards in this process, synchronously; records how much work was in flight."""

    retryable = (BrokenProcessPool,)

    def __init__(self, cfg: dict, spool: str, reads: list[int], fail: set[int] = frozenset(), broken: set[int] = frozenset(),
                 poison: str | None = None, crash: str | None = None):
        self.cfg, self.spool, self.reads = cfg, spool, reads
        self.slots = 1
        self.fail, self.broken = set(fail), set(broken)
        self.poison, self.crash = poison, crash  # text that makes any batch holding it fail / break the pool
        self.submitted = self.collected = self.max_in_flight = self.restarts = 0
        self.read_at_submit: list[int] = []

    def submit(self, raws, name):
        fut = Future()
        n = self.submitted
        self.submitted += 1
        self.read_at_submit.append(self.reads[0])
        self.max_in_flight = max(self.max_in_flight, self.submitted - self.collected)
        if n in self.broken or (self.crash and any(self.crash in r.text for r in raws)):
            self.broken.discard(n)
            fut.set_exception(BrokenProcessPool("a worker died"))
        elif n in self.fail or (self.poison and any(self.poison in r.text for r in raws)):
            fut.set_exception(RuntimeError("disk full"))
        else:
            fut.set_result(analyse_to_shard(raws, self.cfg, name, self.spool))
        original = fut.result

        def result(timeout=None):
            self.collected += 1
            return original(timeout)

        fut.result = result
        return fut

    @staticmethod
    def wait_first(futures):
        pass

    def restart(self):
        self.restarts += 1

    def close(self):
        pass


def _counted(texts: list[str], reads: list[int]):
    for t in texts:
        reads[0] += 1
        yield RawDocument(text=t, source=f"mem:{reads[0]}")


def _drive(tmp_path, texts, size, window, **fake):
    cfg = config.load(**NO_NLP)
    reads = [0]
    report = batch.IngestReport()
    with Store(tmp_path / "d.duckdb") as store:
        runner = FakeRunner(cfg, str(tmp_path / "spool"), reads, **fake)
        batches = batch._batches(_counted(texts, reads), store, cfg, report, None, size)
        batch._drive(batches, runner, store, report, None, tmp_path / "spool", window)
        stored = store.count("articles")
    return report, runner, stored


def test_in_flight_work_is_bounded_and_input_is_read_lazily(tmp_path):
    report, runner, stored = _drive(tmp_path, news_texts(100), size=5, window=3)
    assert stored == report.stored == 100 and report.shards == 20
    assert runner.max_in_flight <= 3
    for k, read in enumerate(runner.read_at_submit):  # never more than one batch read ahead
        assert read <= (k + 2) * 5


def test_a_failed_batch_is_retried_article_by_article_and_a_broken_pool_is_retried(tmp_path):
    # batch 1 fails once in its worker: its articles go again one by one and are stored; batch 2
    # breaks the pool once: it runs again, alone, and is stored
    report, runner, stored = _drive(tmp_path, news_texts(20), size=5, window=2, fail={1}, broken={2})
    assert runner.restarts == 1
    assert stored == 20 and report.failed == 0


def test_one_bad_article_fails_alone(tmp_path):
    """A worker error or a worker crash on one article: that article fails, its neighbours are stored."""
    texts = news_texts(20)
    texts[7] = "POISON " + texts[7]
    texts[13] = "CRASH " + texts[13]
    report, runner, stored = _drive(tmp_path, texts, size=5, window=2, poison="POISON", crash="CRASH")
    assert stored == 18 and report.failed == 2
    by_source = {f["source"]: f["code"] for f in report.failures}
    assert by_source == {"mem:8": "NG300", "mem:14": "NG302"}
    assert runner.restarts >= 2  # the crash broke the pool with its batch, then alone
    with Store(tmp_path / "d.duckdb") as store:
        assert store.count("failures") == 2


# ---------------------------------------------------------------------------------------------- full pipeline

def _full_cfg(**extra):
    return config.load(scale={"shard_size": 6}, **extra)


@pytest.mark.slow
def test_two_workers_equal_one_with_the_full_pipeline(tmp_path):
    feed = _jsonl(tmp_path, news_texts(26))
    cfg = _full_cfg()
    one = _ingest(feed, tmp_path / "one.duckdb", cfg, workers=1)
    two = _ingest(feed, tmp_path / "two.duckdb", cfg, workers=2)
    assert two.mode == "pool" and (one.stored, one.failed) == (two.stored, two.failed) == (26, 1)
    with Store(tmp_path / "one.duckdb", read_only=True) as a, Store(tmp_path / "two.duckdb", read_only=True) as b:
        assert stored_docs(a) == stored_docs(b)
        assert sum(len(d["actors"]) for d in stored_docs(a).values()) > 26  # real analyses, not empty ones
        for table in ARTICLE_TABLES:
            assert table_rows(a, table) == table_rows(b, table), table


@pytest.mark.slow
def test_dask_local_cluster_equals_one_process(tmp_path):
    pytest.importorskip("distributed")
    feed = _jsonl(tmp_path, news_texts(20))
    cfg = _full_cfg()
    one = _ingest(feed, tmp_path / "one.duckdb", cfg, workers=1)
    dask = _ingest(feed, tmp_path / "dask.duckdb", cfg, workers=2, dask="local")
    assert dask.mode == "dask" and dask.shards == 4
    assert (one.stored, one.skipped, one.failed) == (dask.stored, dask.skipped, dask.failed) == (20, 1, 1)
    with Store(tmp_path / "one.duckdb", read_only=True) as a, Store(tmp_path / "dask.duckdb", read_only=True) as b:
        assert stored_docs(a) == stored_docs(b)
        assert failures(a) == failures(b)
        for table in ARTICLE_TABLES:
            assert table_rows(a, table) == table_rows(b, table), table


@pytest.mark.slow
def test_a_remote_dask_scheduler_sends_shards_back(tmp_path):
    """A cluster reached by address (tcp://...): workers share no disk, shards travel back as bytes."""
    pytest.importorskip("distributed")
    import logging

    from distributed import LocalCluster

    feed = _jsonl(tmp_path, news_texts(13))
    cfg = config.load(**NO_NLP, scale={"shard_size": 4})
    one = _ingest(feed, tmp_path / "one.duckdb", cfg, workers=1)
    with LocalCluster(n_workers=1, threads_per_worker=1, processes=True, dashboard_address=None,
                      silence_logs=logging.ERROR) as cluster:
        remote = _ingest(feed, tmp_path / "remote.duckdb", cfg, workers=2, dask=cluster.scheduler_address)
    assert remote.mode == "dask" and remote.shards == 4 and remote.stored == one.stored == 13
    with Store(tmp_path / "one.duckdb", read_only=True) as a, Store(tmp_path / "remote.duckdb", read_only=True) as b:
        assert stored_docs(a) == stored_docs(b)


def test_a_bad_dask_address_is_a_clear_error(tmp_path):
    pytest.importorskip("distributed")
    from newsgraph.errors import BadArgument

    feed = _jsonl(tmp_path, news_texts(9), bad_line=False)
    with pytest.raises(BadArgument) as exc:
        _ingest(feed, tmp_path / "x.duckdb", config.load(**NO_NLP, scale={"shard_size": 4}), dask="localhost:1")
    assert "tcp://" in str(exc.value)


# ---------------------------------------------------------------------------------------------- store layout

def test_an_older_store_is_migrated(tmp_path):
    db = tmp_path / "old.duckdb"
    with Store(db) as s:
        for a in analyses():
            s.add(a)
        # make it look like a version 1 store: no derived tables, old meta
        s.execute("DROP TABLE event_dyads")
        s.execute("DROP TABLE article_signatures")
        s.execute("UPDATE meta SET value = '1' WHERE key = 'schema_version'")
    with Store(db) as s:
        assert s.count("event_dyads") == 12 and s.count("article_signatures") == 7
        assert s.execute("SELECT count(*) FROM event_dyads WHERE event_key IS NULL")[0][0] == 0
        version = s.execute("SELECT value FROM meta WHERE key = 'schema_version'")[0][0]
    from newsgraph.store import SCHEMA_VERSION

    assert version == str(SCHEMA_VERSION)


def test_dyads_carry_countries_and_stable_keys():
    from newsgraph.store import dyad_rows, key64

    doc = analyses()[3].to_dict()  # Putin and Belarus threaten Poland; Russia accuses Poland
    rows = dyad_rows(doc)
    assert [(r[3], r[4], r[5], r[6]) for r in rows] == [
        ("vladimir-putin", "POL", "RUS", "POL"), ("BLR", "POL", "BLR", "POL"), ("RUS", "POL", "RUS", "POL")]
    assert rows[0][-1] == rows[1][-1] != rows[2][-1]  # one event, two dyads: one event key
    assert rows[0][-2] == key64(doc["article"]["id"]) and 0 <= rows[0][-1] < 2 ** 63
    doc["events"][0]["source"] = ["GEO", "someone"]  # ids the document does not describe
    rows = dyad_rows(doc)
    assert (rows[0][5], rows[1][5]) == ("GEO", None)


def test_a_bad_event_date_does_not_fail_the_article():
    doc = analyses()[0].to_dict()
    doc["events"][0]["date"] = "2023-02-30"
    with Store(":memory:") as s:
        assert s.add(doc)
        assert s.execute("SELECT date FROM events")[0][0] is None


@pytest.mark.slow
def test_a_folder_of_100000_files_is_read_with_flat_memory(tmp_path):
    """Reading and screening a 100,000-file folder holds one shard of articles at a time."""
    import tracemalloc

    from newsgraph.ingest.readers import read_inputs

    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(100_000):
        (folder / f"{i:06d}.txt").write_text(f"Item {i}: the council met on day {i % 365} and adjourned.\n")
    cfg = config.load(**NO_NLP)
    report = batch.IngestReport()
    seen = 0
    with Store(tmp_path / "s.duckdb") as store:
        items = read_inputs([str(folder)], extensions=(".txt",))
        tracemalloc.start()
        for k, shard in enumerate(batch._batches(items, store, cfg, report, None, 64)):
            seen += len(shard)
            if k == 100:
                early = tracemalloc.get_traced_memory()[1]
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
    assert seen == 100_000
    # the folder listing (100,000 names) is the only thing that grows with the folder
    assert peak < 64 * 1024 * 1024, peak
    assert peak < early + 32 * 1024 * 1024, (early, peak)
