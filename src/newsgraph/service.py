"""Analysis for a server: in separate processes, a bounded number at once, each within a time limit.

The API never analyses in its own process: analysis is pure Python and holds the interpreter
lock for seconds at a time, so a thread doing it would make every other request wait (one 1.9 MB
article stalled a server for twelve minutes). An :class:`AnalysisService` keeps up to ``workers``
child processes (``spawn``, each loading the pipeline once and reused request after request) and
hands each request one of them:

- **concurrency**: at most ``workers`` analyses run at once; a request beyond that is refused at
  once with :class:`~newsgraph.errors.Busy` (NG705, HTTP 503 with Retry-After) rather than queued;
- **time**: the child runs the article under its cooperative budget of ``seconds``
  (:mod:`newsgraph.limits`); should it still not answer a few seconds later, it is killed and
  replaced, and the request gets :class:`~newsgraph.errors.AnalysisTimeout` (NG301);
- **priority**: the children run at ``[api] analyze_nice`` (a Unix nice increment, default 10),
  so when reads and an analysis both want the CPU the reads are served first;
- **crashes**: a child that dies gets the request :class:`~newsgraph.errors.WorkerCrashed` (NG302)
  and is replaced; the server goes on.

The waiting thread blocks on a pipe without the interpreter lock, so reads keep answering. Results
come back as the finished JSON document (bytes), which the API sends as it is.
"""

from __future__ import annotations

import contextlib
import os
import threading
import time
from dataclasses import dataclass, field
from typing import Any

from .errors import AnalysisTimeout, Busy, NewsgraphError, WorkerCrashed, error_for

#: how long a child may take, beyond its own budget, before it is killed (it stops itself between
#: units of work; this only catches one that runs away inside one)
GRACE_SECONDS = 5.0
#: how long starting a child (loading the spaCy model and the knowledge base) may take
START_SECONDS = 300.0


@dataclass
class Job:
    """One article to analyse: what ``newsgraph.read`` takes."""

    text: str
    published: str | None = None
    title: str | None = None
    url: str | None = None
    id: str | None = None
    html: bool | None = None
    warnings: list[str] = field(default_factory=list)  # what reading the request noticed


def _child(conn: Any, config: dict[str, Any], parent: int) -> None:
    """The analysis process: load the pipeline, say ready, then answer jobs until told to stop."""
    import json
    import signal

    from .parallel import watch_parent

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the server handles Ctrl-C and stops us
    watch_parent(parent)
    nice = int(config.get("api", {}).get("analyze_nice") or 0)
    if nice and hasattr(os, "nice"):  # background work: the server's reads get the CPU first
        with contextlib.suppress(OSError):
            os.nice(nice)
    import newsgraph

    from .pipeline import get_pipeline

    with contextlib.suppress(Exception):  # boundary: a failure to warm up is reported by the first job
        get_pipeline(config).warm()
    conn.send(("ready",))
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            return
        if job is None:
            return
        try:
            analysis = newsgraph.read(job.text, published=job.published, title=job.title, url=job.url, id=job.id,
                                      html=job.html, config=config)
            analysis.warnings[:0] = job.warnings
            conn.send(("ok", json.dumps(analysis.to_dict(), ensure_ascii=False).encode("utf-8")))
        except NewsgraphError as exc:
            conn.send(("error", exc.code, exc.one_line()))
        except Exception as exc:  # boundary: the child's last resort; the request gets a coded error
            conn.send(("error", "NG999", f"internal error ({type(exc).__name__}: {exc})"))


class _Worker:
    def __init__(self, config: dict[str, Any]):
        import multiprocessing as mp

        ctx = mp.get_context("spawn")
        self.conn, child = ctx.Pipe()
        self.proc = ctx.Process(target=_child, args=(child, config, os.getpid()), name="newsgraph-analyse",
                                daemon=True)
        self.proc.start()
        child.close()
        self.ready = False

    def wait_ready(self) -> None:
        if self.ready:
            return
        if not self.conn.poll(START_SECONDS):
            raise WorkerCrashed(f"the analysis process did not start within {START_SECONDS:g} s")
        try:
            msg = self.conn.recv()
        except (EOFError, OSError) as exc:
            raise WorkerCrashed("the analysis process died while starting",
                                hint="check that the spaCy model is installed (newsgraph read on a file says why)") from exc
        self.ready = msg == ("ready",)

    def run(self, job: Job, limit: float) -> bytes:
        self.wait_ready()
        self.conn.send(job)
        if not self.conn.poll(limit):
            raise _Overran()
        try:
            msg = self.conn.recv()
        except (EOFError, OSError) as exc:
            raise WorkerCrashed("the analysis process died while analysing the article",
                                hint="the server goes on; check the input") from exc
        if msg[0] == "ok":
            return msg[1]  # type: ignore[no-any-return]
        raise error_for(msg[1], msg[2])

    def alive(self) -> bool:
        return self.proc.is_alive()

    def stop(self, now: bool = False) -> None:
        if not now:
            with contextlib.suppress(OSError, ValueError):
                self.conn.send(None)
            self.proc.join(2)
        if self.proc.is_alive():
            self.proc.kill()
            self.proc.join(5)
        with contextlib.suppress(OSError):
            self.conn.close()


class _Overran(Exception):
    pass


class AnalysisService:
    """Up to ``workers`` analysis processes; each analysis limited to ``seconds``."""

    def __init__(self, config: dict[str, Any], *, workers: int = 1, seconds: float = 60.0):
        self.workers = max(1, int(workers))
        self.seconds = float(seconds)
        # the child's own cooperative budget is the service's time limit
        self.config = {**config, "input": {**config.get("input", {}), "max_seconds": self.seconds}}
        self._slots = threading.BoundedSemaphore(self.workers)
        self._idle: list[_Worker] = []
        self._all: list[_Worker] = []
        self._lock = threading.Lock()
        self._closed = False

    def prestart(self, wait: bool = False) -> None:
        """Start one analysis process now, so the first request does not wait for the model: in the
        background, or with ``wait`` until it has loaded and warmed the pipeline (a failure to start
        is left for the first request to report)."""
        def start() -> None:
            with self._lock:
                if self._closed or self._all:
                    return
                w = _Worker(self.config)
                self._all.append(w)
                self._idle.append(w)
            if wait:
                with contextlib.suppress(NewsgraphError):
                    w.wait_ready()

        if wait:
            start()
            return
        threading.Thread(target=start, name="newsgraph-analyse-start", daemon=True).start()

    def analyse(self, job: Job) -> bytes:
        """The JSON document of ``job`` (blocking: call it from a worker thread). Raises Busy when
        every slot is taken, AnalysisTimeout past the limit, WorkerCrashed when the process dies,
        or the error the analysis itself raised."""
        if not self._slots.acquire(blocking=False):
            raise Busy(f"the server is analysing {self.workers} article(s) already",
                       hint="try again in a few seconds, or raise [api] analyze_workers on the server")
        try:
            worker = self._take()
            try:
                worker.wait_ready()
                started = time.monotonic()
                result = worker.run(job, self.seconds + GRACE_SECONDS)
            except _Overran:
                self._drop(worker)
                raise AnalysisTimeout(
                    f"the analysis took longer than the server's {self.seconds:g} s limit "
                    f"(stopped after {time.monotonic() - started:.0f} s)",
                    hint="send a shorter text, or raise [api] analyze_seconds on the server") from None
            except WorkerCrashed:
                self._drop(worker)
                raise
            except NewsgraphError:
                self._give_back(worker)
                raise
            self._give_back(worker)
            return result
        finally:
            self._slots.release()

    def _take(self) -> _Worker:
        with self._lock:
            if self._closed:
                raise WorkerCrashed("the server is shutting down")
            while self._idle:
                w = self._idle.pop()
                if w.alive():
                    return w
                self._all.remove(w)
            w = _Worker(self.config)
            self._all.append(w)
            return w

    def _give_back(self, w: _Worker) -> None:
        with self._lock:
            if self._closed or not w.alive():
                if w in self._all:
                    self._all.remove(w)
                w.stop(now=True)
            else:
                self._idle.append(w)

    def _drop(self, w: _Worker) -> None:
        with self._lock:
            if w in self._all:
                self._all.remove(w)
        w.stop(now=True)

    def close(self) -> None:
        with self._lock:
            self._closed = True
            workers, self._all, self._idle = list(self._all), [], []
        for w in workers:
            w.stop()


__all__ = ["GRACE_SECONDS", "AnalysisService", "Job"]
