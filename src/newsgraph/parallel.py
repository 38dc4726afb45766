"""Scale-out analysis: the same pure per-article function in a process pool or on a Dask cluster.

Each worker runs :func:`analyse_batch` (the batched variant of
:func:`newsgraph.pipeline.analyse_raw`: one pipeline and one spaCy model per worker process,
``nlp.pipe`` over the batch) and turns its results into a Parquet shard
(:func:`newsgraph.store.encode_shard`). The main process is the store's single writer: it reads
the input lazily, keeps a bounded number of batches in flight, and loads finished shards in
submission order (so the outcome is the same as one process reading the same input), one
transaction per shard.

How workers start (``[parallel] start_method``): with ``fork`` (the default on Linux and macOS)
the main process loads the pipeline and its model once, freezes its objects out of the garbage
collector's reach (``gc.freeze``, so collections in a worker do not write to, and so copy, the
pages it shares with the main process) and forks every worker from it: workers start in well
under a second and share the model's memory copy-on-write. The workers never touch the main
process's DuckDB connection (they write Parquet shards; only the main process writes the store).
With ``spawn`` every worker starts a fresh interpreter and loads the model itself. Either way a
worker lives for the whole run, and exits on its own when the main process dies, so a killed
ingest leaves no orphans behind that keep working.

Worker memory is bounded (``[parallel] max_worker_mb``): after each shard a worker measures its
resident memory, and one above the bound hands its shard back and exits; the pool starts a fresh
worker in its place (:class:`RecyclingPool`), the other workers carry on.
"""

from __future__ import annotations

import concurrent.futures as cf
import os
import resource
import signal
import sys
import threading
import time
from collections.abc import Iterable
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import config as _config
from .errors import BadArgument, ConfigError, StoreError
from .model import RawDocument
from .pipeline import Failure, get_pipeline

_THREAD_VARS = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")


def scale_config(cfg: dict[str, Any]) -> dict[str, Any]:
    """The [scale] section with defaults filled in (a hand-made config dict may lack it)."""
    return {**_config.defaults()["scale"], **cfg.get("scale", {})}


def parallel_config(cfg: dict[str, Any]) -> dict[str, Any]:
    """The [parallel] section with defaults filled in."""
    return {**_config.defaults()["parallel"], **cfg.get("parallel", {})}


def start_method(cfg: dict[str, Any]) -> str:
    """``fork`` or ``spawn``: ``[parallel] start_method``, with ``auto`` = fork where the platform has it."""
    import multiprocessing as mp

    method = str(parallel_config(cfg)["start_method"])
    if method == "auto":
        return "fork" if "fork" in mp.get_all_start_methods() and sys.platform != "win32" else "spawn"
    if method not in mp.get_all_start_methods():
        raise ConfigError(f"[parallel] start_method {method!r} is not available on this platform",
                          hint="use \"auto\" or \"spawn\"")
    return method


def resolve_workers(workers: int | None, cfg: dict[str, Any]) -> int:
    """Worker count: the argument, else ``[ingest] workers``; 0 means every core."""
    n = int(cfg.get("ingest", {}).get("workers", 0) if workers is None else workers)
    if n < 0:
        raise BadArgument(f"--workers must be 0 (all cores) or more, not {n}")
    return n or (os.cpu_count() or 1)


# ---------------------------------------------------------------------------------------------
# what runs in a worker
# ---------------------------------------------------------------------------------------------

def analyse_batch(raws: Iterable[RawDocument], config: dict[str, Any]) -> list[dict[str, Any]]:
    """Analyse a batch: the JSON document (or error record) of each raw document, in order.

    The batched variant of :func:`~newsgraph.pipeline.analyse_raw`: the pipeline (and its spaCy
    model) is built once per process and per configuration, and spaCy parses the batch with
    ``nlp.pipe``. Pure: the same input gives the same output in any process.
    """
    return [item.to_dict() for item in get_pipeline(config).pipe(raws)]


def peak_rss_mb() -> float:
    """Peak resident memory of this process so far, in MB (Linux reports kB, macOS bytes)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def memory_mb() -> tuple[float, float | None]:
    """(resident, private) memory of this process now, in MB. Private (Linux only, else None) is
    what the process does not share with others: for a forked worker, what it adds to the machine
    beyond the model pages it shares with the main process. Where the current resident size cannot
    be read, the peak stands in for it (an upper bound)."""
    try:
        with open("/proc/self/smaps_rollup", encoding="ascii") as fh:
            kb = {}
            for line in fh:
                parts = line.split()
                if len(parts) >= 2 and parts[0].endswith(":") and parts[1].isdigit():
                    kb[parts[0][:-1]] = int(parts[1])
        return kb["Rss"] / 1024, (kb.get("Private_Clean", 0) + kb.get("Private_Dirty", 0)) / 1024
    except (OSError, KeyError, ValueError):
        pass
    try:
        with open("/proc/self/statm", encoding="ascii") as fh:
            return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / (1024 * 1024), None
    except (OSError, ValueError, IndexError):
        return peak_rss_mb(), None


@dataclass
class ShardResult:
    """What a worker hands back: where its shard is (or the shard itself) and what it cost."""

    name: str
    items: int
    pid: int
    peak_rss_mb: float
    seconds: float
    path: str | None = None
    parts: dict[str, bytes] | None = None
    rss_mb: float = 0.0  # resident memory when the shard was done
    private_mb: float | None = None  # of which not shared with other processes (Linux)


def analyse_to_shard(raws: list[RawDocument], config: dict[str, Any], name: str,
                     spool: str | None) -> ShardResult:
    """Analyse a batch and write it as a shard into ``spool`` (or return the shard's bytes when the
    worker does not share a file system with the main process)."""
    from .store import encode_shard, save_shard

    t0 = time.perf_counter()
    global _SPOOL
    _SPOOL = spool
    parts = _encode(analyse_batch(raws, config), encode_shard)
    path = str(save_shard(parts, spool, name)) if spool else None
    rss, private = memory_mb()
    return ShardResult(name=name, items=len(raws), pid=os.getpid(), peak_rss_mb=peak_rss_mb(),
                       seconds=time.perf_counter() - t0, path=path, parts=None if spool else parts,
                       rss_mb=rss, private_mb=private)


def _encode(docs: list[dict[str, Any]], encode: Any) -> dict[str, bytes]:
    """The shard of ``docs``; a document that cannot be encoded (the shard would hold nothing of
    the batch) becomes an error record of its own and the others are kept."""
    try:
        return encode(docs)  # type: ignore[no-any-return]
    except Exception:  # boundary: find the documents that fail, below; the rest of the batch is kept
        pass
    kept = []
    for doc in docs:
        try:
            encode([doc])
            kept.append(doc)
        except Exception as exc:  # boundary: one article that cannot be stored is a failure of its own
            art = doc.get("article", {})
            err = StoreError(f"could not be stored: {type(exc).__name__}: {exc}", item=art.get("source") or art.get("id"))
            kept.append(Failure(art.get("source"), art.get("id"), err.code, err.one_line()).to_dict())
    return encode(kept)  # type: ignore[no-any-return]


# ---------------------------------------------------------------------------------------------
# the hard stop behind the time budget, in worker processes
# ---------------------------------------------------------------------------------------------

_SPOOL: str | None = None  # where this worker writes shards (and overrun notes)
OVERRUN_EXIT = 75
_NOTE_PREFIX = "overran-"


def hard_limit(seconds: float | None) -> float | None:
    """How long past its budget an article may run before its worker process is stopped: half its
    budget again, at least 15 s (the cooperative deadline stops it long before, unless one unit of
    work runs away)."""
    return None if not seconds else max(15.0, seconds / 2)


def _watch_deadline(every: float = 1.0) -> None:
    """Stop this worker when the article it analyses is far over its budget (:mod:`newsgraph.limits`):
    leave a note saying so in the spool, then exit. The pool breaks, and the main process runs the
    batch's articles alone until the one that overruns is found and recorded (NG301)."""
    from . import limits

    def watch() -> None:
        while True:
            time.sleep(every)
            d = limits.active()
            grace = hard_limit(d.seconds) if d is not None else None
            if d is not None and grace is not None and d.overrun() > grace:
                overran_note(_SPOOL, d.item or "?", f"stopped {d.overrun():.0f} s after its {d.seconds:g} s budget "
                             "ran out (the worker analysing it was ended)")
                os._exit(OVERRUN_EXIT)

    threading.Thread(target=watch, name="newsgraph-deadline-watch", daemon=True).start()


def overran_note(spool: str | None, item: str, message: str) -> None:
    """Leave a note in ``spool`` that the article ``item`` was stopped by the watchdog."""
    if not spool:
        return
    import json

    try:
        folder = Path(spool)
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"{_NOTE_PREFIX}{os.getpid()}.json").write_text(json.dumps({"item": item, "message": message}))
    except OSError:
        pass  # the note is a courtesy: without it the article is recorded as a crash (NG302)


def take_overrun_notes(spool: str | Path | None) -> dict[str, str]:
    """The notes workers left (article -> message), removed as they are read."""
    import json

    out: dict[str, str] = {}
    if not spool or not Path(spool).is_dir():
        return out
    for p in Path(spool).glob(f"{_NOTE_PREFIX}*.json"):
        try:
            note = json.loads(p.read_text())
            out[str(note["item"])] = str(note["message"])
        except (OSError, ValueError, KeyError, TypeError):
            pass
        p.unlink(missing_ok=True)
    return out


def watch_parent(parent: int, every: float = 0.5) -> None:
    """Exit this worker as soon as the main process is gone (SIGKILL leaves no chance to tell us)."""
    from .store import pid_alive

    def watch() -> None:
        while True:
            time.sleep(every)
            if not pid_alive(parent):
                os._exit(1)

    threading.Thread(target=watch, name="newsgraph-parent-watch", daemon=True).start()




def one_thread_per_worker() -> None:
    """One core per worker: no native thread pools (OpenBLAS, OpenMP) competing with the other
    workers. The environment variables reach libraries a spawned worker loads; a forked worker
    inherits pools its parent already started (numpy loads OpenBLAS with a thread per core), so
    those are limited in place, which is what :mod:`threadpoolctl` does."""
    for var in _THREAD_VARS:
        os.environ.setdefault(var, "1")
    try:
        from threadpoolctl import threadpool_limits
    except ImportError:  # an optional speed-up: without it a worker only over-subscribes the cores
        return
    threadpool_limits(1)


def _init_worker(parent: int, config: dict[str, Any] | None = None) -> None:
    one_thread_per_worker()
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the main process's to handle
    watch_parent(parent)
    _watch_deadline()
    if config is not None:
        warm(config)


def warm(config: dict[str, Any]) -> None:
    """Load the pipeline, its spaCy model and the resources components load lazily (knowledge base,
    gazetteer) now, while the main process reads the first batch. A failure is left for the first
    real batch to report, item by item, instead of breaking the pool here."""
    try:
        get_pipeline(config).warm()
    except Exception:  # boundary: a worker must start; the first batch reports the error per article
        pass


# ---------------------------------------------------------------------------------------------
# executors: the same two calls over a process pool and over Dask
# ---------------------------------------------------------------------------------------------

def _recycling_worker(call_queue: Any, result_queue: Any, initializer: Any, initargs: tuple[Any, ...],
                      max_mb: float) -> None:
    """A pool worker (the loop of ``concurrent.futures.process._process_worker``) that leaves the
    pool after a call that left it above ``max_mb`` MB resident: its result goes back marked with
    its process id, and the pool starts a fresh worker in its place, as it does for
    ``max_tasks_per_child`` (the pool is not broken; the other workers carry on)."""
    from concurrent.futures import process as cfp

    if initializer is not None:
        try:
            initializer(*initargs)
        except BaseException:  # boundary: as the standard worker: the pool notices the process stopped
            return
    while True:
        call_item = call_queue.get(block=True)
        if call_item is None:
            result_queue.put(os.getpid())  # wake up the pool's manager thread
            return
        try:
            r = call_item.fn(*call_item.args, **call_item.kwargs)
        except BaseException as e:  # boundary: the call's error goes back to its future, as in the standard worker
            exit_pid = os.getpid() if max_mb and memory_mb()[0] > max_mb else None
            cfp._sendback_result(result_queue, call_item.work_id, exception=cfp._ExceptionWithTraceback(e, e.__traceback__),
                                 exit_pid=exit_pid)
        else:
            exit_pid = os.getpid() if max_mb and memory_mb()[0] > max_mb else None
            cfp._sendback_result(result_queue, call_item.work_id, result=r, exit_pid=exit_pid)
            del r
        del call_item
        if exit_pid is not None:
            return


class RecyclingPool(cf.ProcessPoolExecutor):
    """A process pool whose workers leave after a call that took them above ``max_mb`` MB of
    resident memory (0 = never); the pool replaces them. Built on the standard pool's own
    ``max_tasks_per_child`` machinery (a result carrying ``exit_pid``), which every CPython from
    3.11 shares."""

    def __init__(self, workers: int, *, max_mb: float, **kwargs: Any):
        super().__init__(workers, **kwargs)
        self._max_mb = max_mb

    def _spawn_process(self) -> None:
        if not self._max_mb:
            super()._spawn_process()  # type: ignore[misc]
            return
        p = self._mp_context.Process(  # type: ignore[attr-defined]
            target=_recycling_worker,
            args=(self._call_queue, self._result_queue, self._initializer, self._initargs,  # type: ignore[attr-defined]
                  self._max_mb))
        p.start()
        self._processes[p.pid] = p  # type: ignore[attr-defined]

    def _adjust_process_count(self) -> None:
        """Keep the pool at full size. The standard pool skips starting a worker while it counts
        one idle; a forked pool never spends that count on submit, so after workers that
        finished calls normally it would not replace a worker that left, and could shrink to
        none. A worker that left is always replaced here."""
        if self._max_mb and len(self._processes) < self._max_workers:  # type: ignore[attr-defined]
            self._spawn_process()
            return
        super()._adjust_process_count()  # type: ignore[misc]


class PoolRunner:
    """A process pool running :func:`analyse_to_shard` (forked from a warm main process, or spawned)."""

    retryable = (BrokenProcessPool,)

    def __init__(self, workers: int, config: dict[str, Any], spool: str):
        self.workers, self.config, self.spool = workers, config, spool
        self.slots = workers  # batches that can run at once
        self.method = start_method(config)
        self.max_mb = float(parallel_config(config)["max_worker_mb"])
        if self.method == "fork":
            warm(config)  # once, here: every worker starts from this process, model loaded
        self._start()

    def _start(self) -> None:
        import gc
        import multiprocessing as mp

        if self.method == "fork":
            gc.collect()
            gc.freeze()  # objects that exist now are never scanned again: their pages stay shared
        self.pool = RecyclingPool(self.workers, max_mb=self.max_mb, mp_context=mp.get_context(self.method),
                                  initializer=_init_worker, initargs=(os.getpid(), self.config))

    def submit(self, raws: list[RawDocument], name: str) -> Any:
        return self.pool.submit(analyse_to_shard, raws, self.config, name, self.spool)

    @staticmethod
    def wait_first(futures: Iterable[Any]) -> None:
        cf.wait(list(futures), return_when=cf.FIRST_COMPLETED)

    def restart(self) -> None:
        """A worker died (killed, out of memory): start a fresh pool for the remaining batches."""
        self.pool.shutdown(wait=False, cancel_futures=True)
        self._start()

    def close(self) -> None:
        self.pool.shutdown(wait=True, cancel_futures=True)
        if self.method == "fork":
            import gc

            gc.unfreeze()


class DaskRunner:
    """A Dask cluster (``local`` starts a LocalCluster of ``workers`` single-threaded processes)."""

    retryable: tuple[type[BaseException], ...] = ()

    def __init__(self, address: str, workers: int, config: dict[str, Any], spool: str, shared_spool: bool):
        try:
            import logging

            from distributed import Client, LocalCluster
        except ImportError as exc:
            raise ConfigError("Dask is not installed", hint="pip install 'newsgraph[dask]'") from exc
        self.config = config
        self.cluster = None
        if address == "local":
            self.cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                        dashboard_address=None, silence_logs=logging.ERROR)
            self.client = Client(self.cluster)
            shared_spool = True
        else:
            if not address.startswith(("tcp://", "tls://", "ws://", "wss://", "inproc://", "ucx://")):
                raise BadArgument(f"--dask must be 'local' or a scheduler address like tcp://HOST:8786, not {address!r}")
            try:
                self.client = Client(address, timeout="15s")
            except (OSError, TimeoutError) as exc:
                raise BadArgument(f"cannot reach the Dask scheduler at {address}: {exc}",
                                  hint="start it with `dask scheduler` and workers with `dask worker ADDRESS`, "
                                       "or use --dask local") from exc
        self.spool = spool if shared_spool else None
        try:  # every worker loads its pipeline before the first batch (reading it costs next to nothing)
            self.client.run(warm, config)
        except Exception:  # boundary: remote workers (e.g. without newsgraph): the first batch will say so
            pass
        # batches that can run at once: the cluster's threads (a remote cluster may be larger than ours)
        self.slots = max(workers, sum(self.client.nthreads().values()) or 1)

    def submit(self, raws: list[RawDocument], name: str) -> Any:
        return self.client.submit(analyse_to_shard, raws, self.config, name, self.spool,
                                  key=f"newsgraph-shard-{name}", pure=False)

    @staticmethod
    def wait_first(futures: Iterable[Any]) -> None:
        from distributed import wait

        wait(list(futures), return_when="FIRST_COMPLETED")

    def restart(self) -> None:  # Dask reschedules the tasks of a lost worker itself
        pass

    def close(self) -> None:
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()


def make_runner(workers: int, config: dict[str, Any], spool: str, dask: str | None) -> PoolRunner | DaskRunner:
    if dask:
        return DaskRunner(dask, workers, config, spool, bool(scale_config(config)["dask_shared_spool"]))
    return PoolRunner(workers, config, spool)


__all__ = ["DaskRunner", "PoolRunner", "RecyclingPool", "ShardResult", "analyse_batch", "analyse_to_shard", "hard_limit", "make_runner",
           "memory_mb", "overran_note", "parallel_config", "peak_rss_mb", "resolve_workers", "scale_config", "start_method", "take_overrun_notes", "watch_parent"]
