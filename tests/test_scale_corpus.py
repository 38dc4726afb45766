"""The scale-out paths on real news: a Dask LocalCluster and the process pool store the same rows,
table by table, for a sample of AllSides development articles (slow: full pipeline, spaCy)."""

from __future__ import annotations

import gzip
import json
import random

import pytest

from conftest import need_shared
from newsgraph import batch, config
from newsgraph.schema import ARTICLE_TABLES
from newsgraph.store import Store

SAMPLE = 24


def _feed(tmp_path):
    src = need_shared("data", "dev", "allsides", "allsides_dev.jsonl.gz")
    with gzip.open(src, "rt", encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh]
    rows = random.Random(18).sample(rows, SAMPLE)
    feed = tmp_path / "sample.jsonl"
    feed.write_text("".join(json.dumps({k: r.get(k) for k in ("id", "title", "published", "url", "text")}) + "\n"
                            for r in rows), "utf-8")
    return feed


def _rows(store: Store, table: str) -> list[tuple]:
    cols = [r[0] for r in store.execute(f"DESCRIBE {table}") if r[0] not in ("ingested_at",)]
    return sorted(store.execute(f"SELECT {', '.join(cols)} FROM {table}"), key=repr)


def _docs(store: Store) -> dict[str, dict]:
    out = {}
    for aid, doc in store.execute("SELECT id, doc FROM articles"):
        d = json.loads(doc)
        for k in [k for k in d.get("meta", {}) if "time" in k or k.endswith("seconds")]:
            del d["meta"][k]
        out[aid] = d
    return out


@pytest.mark.slow
def test_dask_local_and_two_workers_store_the_same_rows(tmp_path):
    pytest.importorskip("distributed")
    feed = _feed(tmp_path)
    cfg = config.load(scale={"shard_size": 6})
    pool = batch.ingest([str(feed)], str(tmp_path / "pool.duckdb"), config=cfg, workers=2)
    dask = batch.ingest([str(feed)], str(tmp_path / "dask.duckdb"), config=cfg, workers=2, dask="local")
    assert pool.mode == "pool" and dask.mode == "dask" and pool.shards == dask.shards == SAMPLE // 6
    assert (pool.stored, pool.skipped, pool.failed) == (dask.stored, dask.skipped, dask.failed)
    assert pool.stored >= SAMPLE - 1
    with Store(tmp_path / "pool.duckdb", read_only=True) as a, Store(tmp_path / "dask.duckdb", read_only=True) as b:
        assert _docs(a) == _docs(b)
        for table in (*ARTICLE_TABLES, "failures"):
            if table == "failures":
                assert [r[:4] for r in _rows(a, table)] == [r[:4] for r in _rows(b, table)]
            else:
                assert _rows(a, table) == _rows(b, table), table
        assert a.count("events") > 0 and a.count("actors") > 0  # the sample exercised the whole pipeline
