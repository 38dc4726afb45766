"""Crash safety: `newsgraph ingest` killed with SIGKILL at random moments, then rerun, stores every
article exactly once, loses none, and leaves no half-written analysis."""

from __future__ import annotations

import json
import os
import random
import re
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from corpus_fixtures import news_texts
from newsgraph.store import Store

ROOT = Path(__file__).resolve().parents[1]
N_ARTICLES = 120


def _env() -> dict[str, str]:
    env = {**os.environ, "PYTHONWARNINGS": "ignore", "NEWSGRAPH_SCALE_SHARD_SIZE": "8",
           "NEWSGRAPH_NLP_BATCH_SIZE": "8"}
    env.pop("NEWSGRAPH_DEBUG", None)
    return env


def _ingest(folder: Path, db: Path, workers: int, progress: bool = False) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "newsgraph.cli", "ingest", str(folder), "--db", str(db),
                             "--workers", str(workers), "--progress" if progress else "--no-progress"],
                            cwd=ROOT, env=_env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE)


class Progress:
    """Follows the progress bar on a run's standard error: how many articles it has seen."""

    def __init__(self, proc: subprocess.Popen):
        self.seen = 0
        self.thread = threading.Thread(target=self._read, args=(proc,), daemon=True)
        self.thread.start()

    def _read(self, proc: subprocess.Popen) -> None:
        buf = b""
        while chunk := proc.stderr.read1(4096):
            buf = (buf + chunk)[-4096:]
            counts = re.findall(rb"(\d+) articles", buf)
            if counts:
                self.seen = int(counts[-1])


def _kill_during_run(proc: subprocess.Popen, target: int, jitter: float, timeout: float = 300) -> bool:
    """SIGKILL once the run has seen ``target`` articles (plus a random delay); False if it ended first."""
    progress = Progress(proc)
    end = time.monotonic() + timeout
    while proc.poll() is None and progress.seen < target and time.monotonic() < end:
        time.sleep(0.05)
    time.sleep(jitter)
    if proc.poll() is not None:
        return False
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=60)
    progress.thread.join(timeout=5)
    return True


def _expected_dyads(doc: dict) -> int:
    return sum(max(1, len(e["source"])) * max(1, len(e["target"])) for e in doc["events"])


def _check_whole(store: Store) -> dict[str, dict]:
    """Every article's rows are all there, once; nothing belongs to no article."""
    assert store.execute("SELECT count(*) - count(DISTINCT id) FROM articles")[0][0] == 0
    assert store.execute("SELECT count(*) - count(DISTINCT content_hash) FROM articles")[0][0] == 0
    for table in ("actors", "mentions", "quotes", "events", "relations", "places", "event_dyads",
                  "article_signatures"):
        orphans = store.execute(f"SELECT count(*) FROM {table} WHERE article_id NOT IN (SELECT id FROM articles)")
        assert orphans[0][0] == 0, table
    docs = {}
    for aid, n_actors, n_quotes, n_events, doc in store.execute(
            "SELECT id, n_actors, n_quotes, n_events, doc FROM articles"):
        d = json.loads(doc)
        docs[aid] = d
        counts = {t: store.execute(f"SELECT count(*) FROM {t} WHERE article_id = ?", [aid])[0][0]
                  for t in ("actors", "mentions", "quotes", "events", "event_dyads", "article_signatures")}
        assert counts == {"actors": n_actors, "mentions": sum(len(a["mentions"]) for a in d["actors"]),
                          "quotes": n_quotes, "events": n_events, "event_dyads": _expected_dyads(d),
                          "article_signatures": 1}, aid
    return docs


@pytest.mark.slow
def test_sigkill_at_random_moments_then_rerun(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for i, text in enumerate(news_texts(N_ARTICLES, seed=29)):
        (folder / f"{i:04d}.txt").write_text(text, "utf-8")
    (folder / "zz-empty.txt").write_text("", "utf-8")
    db = tmp_path / "crash.duckdb"
    rng = random.Random(20240517)
    killed_mid_run = 0
    stored = [0]
    rounds = 0
    # Kill runs at random points until at least three kills have landed mid-run (a fast machine can
    # finish a run before the kill; such a run is checked, then the store starts afresh).
    while (killed_mid_run < 3 or rounds < 5) and rounds < 10:
        workers = (2, 1, 2, 2, 1)[rounds % 5]
        rounds += 1
        before = stored[-1]
        # a random point of the run: after a random number of further articles, plus up to 0.4 s
        target = before + rng.randint(1, max(1, (N_ARTICLES - before) // 2))
        landed = _kill_during_run(_ingest(folder, db, workers, progress=True), target, rng.uniform(0, 0.4))
        killed_mid_run += landed
        with Store(db) as store:  # whatever a kill left behind is already consistent
            stored.append(len(_check_whole(store)))
        if not landed and stored[-1] == N_ARTICLES:
            for leftover in (db, Path(f"{db}.wal")):
                leftover.unlink(missing_ok=True)
            stored.append(0)
    assert max(stored) > 0, f"the killed runs should have stored something before dying: {stored}"
    final = _ingest(folder, db, 2)
    out, err = final.communicate(timeout=600)
    assert final.returncode == 1, err.decode()  # a failed item (the empty file) makes the exit status 1
    assert ", 1 failed" in out.decode()  # the empty file, every run
    assert "NG102" in err.decode()
    assert not Path(f"{db}.spool").exists()  # no shard left behind
    with Store(db) as store:
        docs = _check_whole(store)
        assert len(docs) == N_ARTICLES  # none lost, none twice
        assert store.count("failures") >= 1
    # the same documents as one uninterrupted run
    ref_db = tmp_path / "ref.duckdb"
    ref = _ingest(folder, ref_db, 1)
    assert ref.wait(timeout=600) == 1  # the empty file again
    with Store(ref_db, read_only=True) as store:
        ref_docs = {aid: json.loads(doc) for aid, doc in store.execute("SELECT id, doc FROM articles")}
    differ = sorted(k for k in docs if docs[k] != ref_docs.get(k))
    assert set(docs) == set(ref_docs) and not differ, f"documents differ from an uninterrupted run: {differ[:5]}"
