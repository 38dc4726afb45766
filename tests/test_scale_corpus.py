"""The scale-out paths on real news: a Dask LocalCluster and the process pool store the same rows,
table by table, for a sample of AllSides development articles (slow: full pipeline, spaCy)."""

from __future__ import annotations

import gzip
import json
import random

import pytest

from conftest import need_shared
from corpus_fixtures import stored_docs, table_rows
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


@pytest.mark.slow
def test_dask_local_and_two_workers_store_the_sametable_rows(tmp_path):
    pytest.importorskip("distributed")
    feed = _feed(tmp_path)
    cfg = config.load(scale={"shard_size": 6})
    pool = batch.ingest([str(feed)], str(tmp_path / "pool.duckdb"), config=cfg, workers=2)
    dask = batch.ingest([str(feed)], str(tmp_path / "dask.duckdb"), config=cfg, workers=2, dask="local")
    assert pool.mode == "pool" and dask.mode == "dask" and pool.shards == dask.shards == SAMPLE // 6
    assert (pool.stored, pool.skipped, pool.failed) == (dask.stored, dask.skipped, dask.failed)
    assert pool.stored >= SAMPLE - 1
    with Store(tmp_path / "pool.duckdb", read_only=True) as a, Store(tmp_path / "dask.duckdb", read_only=True) as b:
        assert stored_docs(a) == stored_docs(b)
        for table in (*ARTICLE_TABLES, "failures"):
            if table == "failures":
                assert [r[:4] for r in table_rows(a, table)] == [r[:4] for r in table_rows(b, table)]
            else:
                assert table_rows(a, table) == table_rows(b, table), table
        assert a.count("events") > 0 and a.count("actors") > 0  # the sample exercised the whole pipeline
