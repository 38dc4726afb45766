"""Ingest many inputs into the store: read lazily, analyse in batches, store every article once.

Three ways to run, one outcome (the stored documents are the same):

- one process (``workers=1``, or any input smaller than one shard): spaCy batches in this
  process, each batch of analyses written in one transaction (:meth:`Store.add_batch`);
- a process pool (``workers=N``, 0 = every core) and
- a Dask cluster (``dask="local"`` or ``"tcp://HOST:PORT"``): the input is cut into shards of
  ``[scale] shard_size`` articles; workers analyse a shard with the same pure function and write
  it as Parquet; this process loads finished shards in input order, one transaction per shard.

Why a transaction per shard (or batch) rather than per article: a shard holds every row of each
of its articles, so committing it whole still never leaves half an article, and the rows go in
with a handful of set-based ``INSERT ... SELECT`` statements (from Parquet, or from Arrow in one
process) instead of thousands of small ones, with one WAL sync per shard instead of one per
article. That keeps the single writer far from being the bottleneck. What a crash can cost is
the analyses not yet committed, which the rerun redoes; it can never store half an article.

Memory stays flat however large the input: readers are lazy and at most
``workers x [scale] in_flight_per_worker`` shards are in flight. A bad item is recorded in the
store's ``failures`` table with its reason and the run goes on. Articles already stored (same
id or same content) are skipped before any parsing, and complete shards left by a killed run are
loaded first, so a rerun after a crash picks up where the previous run stopped.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import chain
from pathlib import Path
from typing import Any

from . import config as _config
from .errors import ComponentError, NewsgraphError
from .ingest.readers import read_inputs
from .model import Analysis, RawDocument
from .pipeline import Failure, Pipeline, Skipped, get_pipeline
from .store import ShardCounts, Store, pending_shards, save_shard


@dataclass
class IngestReport:
    stored: int = 0
    skipped: int = 0
    failed: int = 0
    seconds: float = 0.0
    failures: list[dict[str, Any]] = field(default_factory=list)
    mode: str = "single"  # single | pool | dask
    workers: int = 1
    shards: int = 0
    recovered: int = 0  # articles stored from shards a killed run left behind
    worker_peak_rss_mb: dict[int, float] = field(default_factory=dict)  # per worker process id

    @property
    def seen(self) -> int:
        return self.stored + self.skipped + self.failed

    def to_dict(self) -> dict[str, Any]:
        return {"stored": self.stored, "skipped": self.skipped, "failed": self.failed,
                "seconds": round(self.seconds, 2), "failures": self.failures[:50], "mode": self.mode,
                "workers": self.workers, "shards": self.shards, "recovered": self.recovered,
                "worker_peak_rss_mb": {str(k): round(v, 1) for k, v in self.worker_peak_rss_mb.items()}}


ProgressFn = Callable[[IngestReport], None]


def _dated(items: Iterable[RawDocument | Failure], published: str | None) -> Iterator[RawDocument | Failure]:
    for item in items:
        if published and isinstance(item, RawDocument):
            item.published = published
        yield item


def ingest(paths: list[str], db: str | None = None, *, published: str | None = None,
           config: dict[str, Any] | None = None, progress: ProgressFn | None = None,
           workers: int | None = None, dask: str | None = None) -> IngestReport:
    """Read, analyse and store everything under ``paths``.

    ``workers``: processes (default ``[ingest] workers``; 0 = every core; 1 = this process only).
    ``dask``: ``"local"`` for a LocalCluster of ``workers`` processes, or a scheduler address.
    """
    cfg = config or _config.load()
    items = read_inputs(paths, max_mb=float(cfg["input"]["max_mb"]), extensions=tuple(cfg["input"]["extensions"]))
    return ingest_items(_dated(items, published), db, config=cfg, progress=progress, workers=workers, dask=dask)


def ingest_items(items: Iterable[RawDocument | Failure], db: str | None = None, *,
                 config: dict[str, Any] | None = None, progress: ProgressFn | None = None,
                 workers: int | None = None, dask: str | None = None) -> IngestReport:
    """Analyse and store raw documents (what :func:`ingest` does once the inputs are read)."""
    from .parallel import resolve_workers

    cfg = config or _config.load()
    n = resolve_workers(workers, cfg)
    report = IngestReport(workers=n)
    t0 = time.perf_counter()
    db_path = str(db or cfg["store"]["db"])
    with Store(db_path) as store, _spool(db_path, cfg) as spool:
        _recover(store, spool, report, progress)
        if dask:
            _sharded(iter(items), store, cfg, report, progress, n, spool, dask)
        elif n <= 1:
            _single(items, store, cfg, report, progress)
        else:
            _sharded(iter(items), store, cfg, report, progress, n, spool, None)
        _refresh_analytics(store, cfg, report)
    report.seconds = time.perf_counter() - t0
    return report


def record(store: Store, result: Analysis | Failure | Skipped | dict[str, Any], report: IngestReport) -> None:
    """Write one pipeline result into the store and count it."""
    if isinstance(result, Skipped):
        report.skipped += 1
    elif isinstance(result, Failure) or (isinstance(result, dict) and "error" in result):
        fail = result if isinstance(result, Failure) else Failure(
            result["article"].get("source"), result["article"].get("id"), result["error"]["code"],
            result["error"]["message"])
        store.add_failure(fail)
        _count_failure(report, fail)
    elif store.add(result):
        report.stored += 1
    else:
        report.skipped += 1


MAX_LISTED_FAILURES = 1000  # the failures table has them all; the report keeps memory flat


def _count_failure(report: IngestReport, fail: Failure) -> None:
    report.failed += 1
    if len(report.failures) < MAX_LISTED_FAILURES:
        report.failures.append({"source": fail.source, "code": fail.code, "message": fail.message})


# ---------------------------------------------------------------------------------------------
# one process
# ---------------------------------------------------------------------------------------------

def _single(items: Iterable[RawDocument | Failure], store: Store, cfg: dict[str, Any], report: IngestReport,
            progress: ProgressFn | None) -> None:
    """Analyse in this process; store each spaCy batch of analyses in one transaction.

    The store writes run on one background thread while the next batch is parsed (DuckDB works
    without holding the GIL), with at most one batch in flight; the writer owns the store's
    connection, the "stored already?" check reads through its own cursor (committed rows only: an
    article repeated in the batch being written is caught by the write itself), and a write error
    is raised here at the next batch or at the end.
    """
    from concurrent.futures import Future, ThreadPoolExecutor

    size = max(1, int(cfg["nlp"]["batch_size"]))
    done: list[Analysis] = []
    pending: Future[None] | None = None

    def settle() -> None:
        nonlocal pending
        if pending is not None:
            pending.result()  # re-raises a failed write
            pending = None
            if progress:
                progress(report)

    reader = store.for_thread()  # asks "stored already?" while the writer thread writes through store
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="newsgraph-store") as writer:
        for result in get_pipeline(cfg).pipe(items, known=reader.known):
            if isinstance(result, Analysis):
                done.append(result)
                if len(done) < size:
                    continue
            else:
                settle()
                record(store, result, report)
            if done:
                settle()
                pending = writer.submit(_flush, store, list(done), report)
                done.clear()
        settle()
        _flush(store, done, report)
    reader.close()
    if progress:
        progress(report)


def _flush(store: Store, done: list[Analysis], report: IngestReport) -> None:
    """Write buffered analyses: one transaction for the lot, all rows of each article or none."""
    if done:
        counts = store.add_batch(done)
        report.stored += counts.stored
        report.skipped += counts.skipped
        done.clear()


# ---------------------------------------------------------------------------------------------
# shards: process pool or Dask
# ---------------------------------------------------------------------------------------------

@contextlib.contextmanager
def _spool(db_path: str, cfg: dict[str, Any]) -> Iterator[Path]:
    """Where shards wait to be loaded: one folder per store, removed when empty."""
    from .parallel import scale_config

    base = scale_config(cfg)["spool_dir"]
    temporary = db_path == ":memory:" and not base
    if temporary:
        path = Path(tempfile.mkdtemp(prefix="newsgraph-spool-"))
    elif base:
        key = hashlib.sha256(str(Path(db_path).resolve()).encode()).hexdigest()[:12]
        path = Path(base) / f"{Path(db_path).name}-{key}"
    else:
        path = Path(f"{db_path}.spool")
    try:
        yield path
    finally:
        if temporary:
            shutil.rmtree(path, ignore_errors=True)
        else:
            with contextlib.suppress(OSError):
                path.rmdir()  # only when empty: leftovers are the next run's to load


def _recover(store: Store, spool: Path, report: IngestReport, progress: ProgressFn | None) -> None:
    """Load complete shards a previous (killed) run left in the spool."""
    for shard in pending_shards(spool):
        counts = _load_shard(store, shard, report)
        report.recovered += counts.stored
        if progress:
            progress(report)


def _load_shard(store: Store, path: Path, report: IngestReport) -> ShardCounts:
    try:
        counts = store.load_shard(path)
    except NewsgraphError as exc:
        # an unreadable shard (e.g. cut short by a power loss): drop it; its articles are not
        # stored, so the next run analyses them again
        shutil.rmtree(path, ignore_errors=True)
        _count_failure(report, Failure(str(path), None, exc.code, exc.one_line()))
        return ShardCounts()
    report.stored += counts.stored
    report.skipped += counts.skipped
    report.shards += 1
    for fail in counts.failures:
        _count_failure(report, fail)
    return counts


def _screen(chunk: list[RawDocument | Failure], pre: list[Any], pipeline: Pipeline, store: Store,
            report: IngestReport) -> list[RawDocument]:
    """Record reader failures, run the cheap pre-parse steps (cleaning: the article id and content
    hash) and drop articles already stored; the raw documents left go to the workers."""
    todo: list[tuple[RawDocument, set[str]]] = []
    for item in chunk:
        if isinstance(item, Failure):
            record(store, item, report)
            continue
        try:
            art = pipeline.run_steps_keep(pipeline.new_analysis(item), pre).article
        except NewsgraphError as exc:
            record(store, Failure(item.source, item.id, exc.code, exc.one_line()), report)
            continue
        todo.append((item, {art.id, art.content_hash}))
    keys = [k for _, ks in todo for k in ks]
    known = store.known(keys) if keys else set()
    kept = []
    for raw, ks in todo:
        if ks & known:
            report.skipped += 1
        else:
            kept.append(raw)
    return kept


def _batches(items: Iterator[RawDocument | Failure], store: Store, cfg: dict[str, Any], report: IngestReport,
             progress: ProgressFn | None, size: int) -> Iterator[list[RawDocument]]:
    """Full batches of raw documents still to analyse (the last one may be short), read lazily."""
    pipeline = get_pipeline(cfg)
    steps = pipeline.steps
    nlp_at = next((i for i, (step, _, _) in enumerate(steps) if step == "nlp"), len(steps))
    pre = steps[:nlp_at]
    buf: list[RawDocument] = []
    chunk: list[RawDocument | Failure] = []
    for item in chain(items, [None]):
        if item is not None:
            chunk.append(item)
            if len(chunk) < size:
                continue
        buf += _screen(chunk, pre, pipeline, store, report)
        chunk = []
        if progress:
            progress(report)
        while len(buf) >= size or (item is None and buf):
            yield buf[:size]
            buf = buf[size:]


def _sharded(items: Iterator[RawDocument | Failure], store: Store, cfg: dict[str, Any], report: IngestReport,
             progress: ProgressFn | None, workers: int, spool: Path, dask: str | None) -> None:
    from .parallel import make_runner, scale_config

    scale = scale_config(cfg)
    size = max(1, int(scale["shard_size"]))
    batches = _batches(items, store, cfg, report, progress, size)
    first = next(batches, None)
    if first is None:
        return
    if dask is None and len(first) < size:  # smaller than one shard: workers would cost more than they save
        _single(first, store, cfg, report, progress)
        return
    report.mode = "dask" if dask else "pool"
    runner = make_runner(workers, cfg, str(spool), dask)
    try:
        _drive(chain([first], batches), runner, store, report, progress, spool,
               window=max(1, runner.slots * int(scale["in_flight_per_worker"])))
    finally:
        runner.close()


def _drive(batches: Iterator[list[RawDocument]], runner: Any, store: Store, report: IngestReport,
           progress: ProgressFn | None, spool: Path, window: int) -> None:
    """Keep ``window`` batches in flight; load finished shards in submission order."""
    run = f"{int(time.time() * 1000):x}-{os.getpid()}"
    pending: dict[int, Any] = {}
    inputs: dict[int, list[RawDocument]] = {}
    finished: dict[int, Any] = {}
    retried: set[int] = set()
    seq = next_load = 0
    exhausted = False
    while True:
        while not exhausted and len(inputs) < window:
            batch = next(batches, None)
            if batch is None:
                exhausted = True
                break
            inputs[seq] = batch
            pending[seq] = runner.submit(batch, f"{run}-{seq:07d}")
            seq += 1
        if not inputs:
            return
        if pending:
            runner.wait_first(pending.values())
        broken = False
        for s, fut in list(pending.items()):
            if not fut.done():
                continue
            del pending[s]
            try:
                finished[s] = fut.result()
            except runner.retryable as exc:
                broken = True
                finished[s] = exc if s in retried else None  # retry once on a fresh pool
                retried.add(s)
            except Exception as exc:  # boundary: a worker's own failure fails its batch's articles, each as NG300
                finished[s] = ComponentError("worker", exc)
        if broken:
            runner.restart()
            for s in [s for s, r in finished.items() if r is None] + list(pending):
                finished.pop(s, None)
                pending[s] = runner.submit(inputs[s], f"{run}-{s:07d}r")
        while next_load in finished:
            res = finished.pop(next_load)
            batch = inputs.pop(next_load)
            if isinstance(res, BaseException):
                err = res if isinstance(res, ComponentError) else ComponentError("worker", res)
                for raw in batch:
                    record(store, Failure(raw.source, raw.id, err.code, err.one_line()), report)
            else:
                shard = Path(res.path) if res.path else save_shard(res.parts, spool, res.name)
                _load_shard(store, shard, report)
                report.worker_peak_rss_mb[res.pid] = max(report.worker_peak_rss_mb.get(res.pid, 0.0),
                                                         res.peak_rss_mb)
            next_load += 1
            if progress:
                progress(report)


def _refresh_analytics(store: Store, cfg: dict[str, Any], report: IngestReport) -> None:
    """Keep duplicate links (and, when configured, event clusters) current after new articles."""
    from .analytics import analytics_config, cluster_events, find_duplicates

    if report.stored == 0:
        return
    acfg = analytics_config(cfg)
    if acfg["dedupe_on_ingest"] or acfg["cluster_on_ingest"]:
        find_duplicates(store, config=cfg)
    if acfg["cluster_on_ingest"]:
        cluster_events(store, config=cfg)


__all__ = ["IngestReport", "ingest", "ingest_items", "record"]
