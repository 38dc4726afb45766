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
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import chain
from pathlib import Path
from typing import Any

from . import config as _config
from .errors import AnalysisTimeout, ComponentError, NewsgraphError, StoreError, StoreLocked, WorkerCrashed
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
    worker_private_mb: dict[int, float] = field(default_factory=dict)  # largest unshared memory seen, per worker (Linux)
    warnings: list[str] = field(default_factory=list)  # what reading noticed (first MAX_LISTED_FAILURES)
    warned: int = 0  # inputs with a warning
    undated: int = 0  # through a server: analysed articles without a publication date
    server: str | None = None  # the URL of the server the articles were stored through (newsgraph.remote)

    @property
    def seen(self) -> int:
        return self.stored + self.skipped + self.failed

    def to_dict(self) -> dict[str, Any]:
        return {"stored": self.stored, "skipped": self.skipped, "failed": self.failed,
                "seconds": round(self.seconds, 2), "failures": self.failures[:50], "mode": self.mode,
                "workers": self.workers, "shards": self.shards, "recovered": self.recovered,
                "worker_peak_rss_mb": {str(k): round(v, 1) for k, v in self.worker_peak_rss_mb.items()},
                "worker_private_mb": {str(k): round(v, 1) for k, v in self.worker_private_mb.items()},
                "warnings": self.warnings[:50], "warned": self.warned}


ProgressFn = Callable[[IngestReport], None]


def _dated(items: Iterable[RawDocument | Failure], published: str | None) -> Iterator[RawDocument | Failure]:
    for item in items:
        if published and isinstance(item, RawDocument):
            item.published = published
        yield item


def ingest(paths: list[str], db: str | None = None, *, published: str | None = None,
           config: dict[str, Any] | None = None, progress: ProgressFn | None = None,
           workers: int | None = None, dask: str | None = None, strict_encoding: bool = False,
           columns: Any = None, note: Callable[[str], None] | None = None) -> IngestReport:
    """Read, analyse and store everything under ``paths``.

    ``workers``: processes (default ``[ingest] workers``; 0 = every core; 1 = this process only).
    ``dask``: ``"local"`` for a LocalCluster of ``workers`` processes, or a scheduler address.
    ``strict_encoding``: refuse input that is not valid UTF-8 (NG111) instead of replacing the bad
    bytes with a warning. ``columns`` (:class:`newsgraph.ingest.readers.Columns`) maps JSONL fields and
    CSV columns; ``note`` hears which field fed what, once per JSONL/CSV source.
    A writable ``newsgraph serve`` running over the same store is the store's one writer: the
    articles are then analysed in this process and stored through it (:mod:`newsgraph.remote`).
    """
    from .remote import find_server, ingest_through

    cfg = config or _config.load()
    items = read_inputs(paths, max_mb=float(cfg["input"]["max_mb"]), extensions=tuple(cfg["input"]["extensions"]),
                        strict_encoding=strict_encoding, columns=columns, note=note)
    server = find_server(str(db or cfg["store"]["db"]))
    if server is not None:
        report = IngestReport(mode="server", server=server.url)
        return ingest_through(server, _dated(items, published), report, config=cfg, progress=progress)  # type: ignore[no-any-return]
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
    items = _noted(items, report)
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


def _noted(items: Iterable[RawDocument | Failure], report: IngestReport) -> Iterator[RawDocument | Failure]:
    """The items, with what reading noticed about them (invalid UTF-8 ...) kept in the report."""
    for item in items:
        if isinstance(item, RawDocument) and item.warnings:
            report.warned += 1
            if len(report.warnings) < MAX_LISTED_FAILURES:
                report.warnings.extend(item.warnings)
        yield item


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
    """Write buffered analyses: one transaction for the lot, all rows of each article or none.
    When the batch cannot be written (and the store is not simply locked), each article is written
    alone, and one that cannot be stored is recorded as failed: its neighbours are stored."""
    if not done:
        return
    try:
        counts = store.add_batch(done)
    except StoreLocked:
        raise
    except StoreError:
        for a in done:
            try:
                if store.add(a):
                    report.stored += 1
                else:
                    report.skipped += 1
            except StoreLocked:
                raise
            except StoreError as exc:
                fail = Failure(a.article.source, a.article.id, exc.code, f"could not be stored: {exc.one_line()}")
                store.add_failure(fail)
                _count_failure(report, fail)
        done.clear()
        return
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


@dataclass
class _Job:
    """Articles sent to a worker as one shard: a whole batch, or one article of a batch split up.
    ``key`` orders loading: (batch number, part), so results load in input order whatever happens."""

    key: tuple[int, int]
    raws: list[RawDocument]
    future: Any = None


def _drive(batches: Iterator[list[RawDocument]], runner: Any, store: Store, report: IngestReport,
           progress: ProgressFn | None, spool: Path, window: int) -> None:
    """Keep ``window`` batches in flight at the workers; load finished shards in submission order
    (while the workers analyse the next ones: reading, analysis and writing overlap).

    One article never sinks its neighbours. A batch whose worker raised is split, and its articles
    go again one by one, so only the article that fails alone fails. A worker that dies (a crash,
    out of memory, or its watchdog stopping an article far over its time budget) breaks every batch
    in flight with it: those batches are *suspects* and run again one at a time, alone on the
    pool; a suspect batch that breaks the pool on its own is split and its articles run alone, and
    an article that breaks it on its own is recorded as failed (NG301 when the watchdog stopped it,
    NG302 otherwise). Everything else is stored."""
    run = f"{int(time.time() * 1000):x}-{os.getpid()}"
    parts: dict[int, dict[int, Any]] = {}  # batch number -> part -> result (None until finished)
    running: dict[tuple[int, int], _Job] = {}
    suspects: deque[_Job] = deque()  # run alone, one at a time, before anything new is started
    next_load = seq = 0
    exhausted = False

    def submit(job: _Job) -> None:
        job.future = runner.submit(job.raws, f"{run}-{job.key[0]:07d}-{job.key[1]:04d}")
        running[job.key] = job

    def split(job: _Job) -> list[_Job]:
        """The batch's articles as jobs of one article each (parts 1..n replace part 0)."""
        s = job.key[0]
        del parts[s][job.key[1]]
        singles = [_Job((s, job.key[1] * 10_000 + i + 1), [raw]) for i, raw in enumerate(job.raws)]
        for one in singles:
            parts[s][one.key[1]] = None
        return singles

    def fail(job: _Job, err: NewsgraphError) -> None:
        raw = job.raws[0]
        parts[job.key[0]][job.key[1]] = [Failure(raw.source, raw.id, err.code, err.one_line())]

    while True:
        if suspects:
            if not running:
                submit(suspects.popleft())
        else:
            # ``window`` batches running or queued at the workers; finished shards waiting for an
            # earlier, slower one to load (they sit in the spool, not in memory) do not hold the
            # workers up, up to 4 windows' worth
            while not exhausted and len(running) < window and len(parts) < 4 * window:
                batch = next(batches, None)
                if batch is None:
                    exhausted = True
                    break
                parts[seq] = {0: None}
                submit(_Job((seq, 0), batch))
                seq += 1
        if not parts:
            return
        if running:
            runner.wait_first([j.future for j in running.values()])
        alone = len(running) == 1
        broken = False
        for key, job in list(running.items()):
            if not job.future.done():
                continue
            del running[key]
            try:
                parts[key[0]][key[1]] = job.future.result()
            except runner.retryable:  # the pool broke: a worker died
                broken = True
                if not alone:
                    suspects.append(job)  # it may only have been in flight when another one crashed
                elif len(job.raws) > 1:
                    suspects.extendleft(reversed(split(job)))
                else:
                    fail(job, _crash_error(job.raws[0], spool))
            except Exception as exc:  # boundary: a worker's own error: the batch's articles go again one by one
                if len(job.raws) > 1:
                    for one in split(job):
                        submit(one)
                else:
                    fail(job, _as_error(exc))
        if broken:
            runner.restart()
            for job in list(running.values()):  # broken too, whether or not they said so yet
                del running[job.key]
                suspects.append(job)
        while next_load in parts and all(r is not None for r in parts[next_load].values()):
            for _, res in sorted(parts.pop(next_load).items()):
                _load_result(res, store, report, spool)
            next_load += 1
            if progress:
                progress(report)


def _as_error(exc: BaseException) -> NewsgraphError:
    if isinstance(exc, NewsgraphError):
        return exc
    if type(exc).__name__ == "KilledWorker":  # Dask gave up on a task whose workers kept dying
        return WorkerCrashed(f"the Dask workers analysing it died ({exc})",
                             hint="its neighbours were stored; check the input (or the workers' memory)")
    return ComponentError("worker", exc)


def _load_result(res: Any, store: Store, report: IngestReport, spool: Path) -> None:
    if isinstance(res, list):  # failures recorded here, for an article that ran alone and failed
        for fail in res:
            record(store, fail, report)
        return
    shard = Path(res.path) if res.path else save_shard(res.parts, spool, res.name)
    _load_shard(store, shard, report)
    report.worker_peak_rss_mb[res.pid] = max(report.worker_peak_rss_mb.get(res.pid, 0.0), res.peak_rss_mb)
    if getattr(res, "private_mb", None) is not None:
        report.worker_private_mb[res.pid] = max(report.worker_private_mb.get(res.pid, 0.0), res.private_mb)


def _crash_error(raw: RawDocument, spool: Path) -> NewsgraphError:
    """Why the worker analysing ``raw`` alone died: its watchdog stopped it (a note in the spool,
    :func:`newsgraph.parallel.overran_note`), or a crash."""
    from .parallel import take_overrun_notes

    notes = take_overrun_notes(spool)
    item = raw.source or raw.id
    if item in notes:
        return AnalysisTimeout(notes[item], item=item)
    return WorkerCrashed("the process analysing it died (a crash, out of memory or killed), also when it ran alone",
                         hint="its neighbours were stored; check the input (or the machine's memory)", item=item)


def _refresh_analytics(store: Store, cfg: dict[str, Any], report: IngestReport) -> None:
    """Keep duplicate links (and, when configured, event clusters and stories) current after new articles."""
    from .analytics import analytics_config, cluster_events, find_duplicates

    if report.stored == 0:
        return
    acfg = analytics_config(cfg)
    if acfg["dedupe_on_ingest"] or acfg["cluster_on_ingest"]:
        find_duplicates(store, config=cfg)
    if acfg["cluster_on_ingest"]:
        cluster_events(store, config=cfg)
    if acfg["stories_on_ingest"]:
        from .stories import cluster_stories

        cluster_stories(store, config=cfg)


__all__ = ["IngestReport", "ingest", "ingest_items", "record"]
