"""Ingest while a server runs on the same store: analyse here, store through the server.

DuckDB lets one process write a database file (and no other process read it meanwhile). A
writable ``newsgraph serve`` is that process: it writes ``DB.server.json`` beside the store (its
URL and a local token, readable by its owner only). ``newsgraph ingest --db DB`` finds that file,
checks that the server answers for this store, reads and analyses the input in its own process
exactly as a direct ingest does, and sends the documents in batches to ``POST /api/store``; the
server stores each batch in one transaction while it goes on answering reads, so the dashboard
sees articles arrive. Articles the store holds already are skipped by the server (by id and
content hash), so a rerun stores nothing twice, and a bad item is recorded in the store's
failures table, as in a direct ingest.

Why this rather than a server reading snapshots of the file: a copy of a DuckDB file taken while
another process writes it is not a consistent database, and a long ingest holds the write lock
for its whole run; one writer that every other process talks to is what DuckDB supports.
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import StoreError, error_for

BATCH_ARTICLES = 32


@dataclass(frozen=True)
class Server:
    url: str
    token: str
    pid: int


def find_server(db: str) -> Server | None:
    """The writable server running over ``db``, or None (no discovery file, a stale one, or a
    server that does not answer for this store)."""
    from .api_cli import discovery_file
    from .store import pid_alive

    path = discovery_file(db)
    try:
        info = json.loads(path.read_text("utf-8"))
        server = Server(str(info["url"]), str(info["token"]), int(info["pid"]))
        same = os.path.abspath(db) == info.get("store")
    except (OSError, ValueError, KeyError, TypeError):
        return None
    if not same or not pid_alive(server.pid):
        return None
    try:
        import httpx

        r = httpx.get(f"{server.url}/api/info", timeout=5)
        if r.status_code != 200 or r.json().get("store") != Path(db).name:
            return None
    except Exception:  # boundary: any failure to reach it means there is no usable server
        return None
    return server


def ingest_through(server: Server, items: Iterable[Any], report: Any, *, config: dict[str, Any],
                   progress: Callable[[Any], None] | None = None) -> Any:
    """Analyse ``items`` (raw documents and failures) here and store them through ``server``,
    counting in ``report`` (a :class:`newsgraph.batch.IngestReport`), which is returned."""
    import httpx

    from .model import Analysis
    from .pipeline import Failure, get_pipeline

    t0 = time.perf_counter()
    max_body = int(config["api"]["max_body"])
    docs: list[dict[str, Any]] = []
    fails: list[dict[str, Any]] = []
    size = 0
    client = httpx.Client(base_url=server.url, headers={"Authorization": f"Bearer {server.token}"}, timeout=600)

    def send() -> None:
        nonlocal docs, fails, size
        if not docs and not fails:
            return
        try:
            r = client.post("/api/store", content=json.dumps({"documents": docs, "failures": fails}),
                            headers={"content-type": "application/json"})
        except httpx.TransportError as exc:
            raise StoreError(f"the server at {server.url} stopped answering: {exc}",
                             hint="rerun the ingest: what was stored stays, the rest is picked up") from exc
        if r.status_code != 200:
            err = r.json().get("error", {}) if r.headers.get("content-type", "").startswith("application/json") else {}
            raise error_for(err.get("code", "NG400"), err.get("message", f"the server answered {r.status_code}"))
        counts = r.json()
        report.stored += counts["stored"]
        report.skipped += counts["skipped"]
        report.failed += counts["failed"]
        report.failures.extend(fails[:max(0, 50 - len(report.failures))])
        docs, fails, size = [], [], 0
        if progress:
            progress(report)

    try:
        for result in get_pipeline(config).pipe(items):
            if isinstance(result, Failure):
                fails.append({"source": result.source, "id": result.id, "code": result.code,
                              "message": result.message})
            elif isinstance(result, Analysis):
                for w in result.warnings:
                    report.warned += 1
                    if len(report.warnings) < 50:
                        report.warnings.append(w)
                doc = result.to_dict()
                report.undated += not doc["article"].get("published")
                n = len(json.dumps(doc, ensure_ascii=False).encode("utf-8"))
                if docs and size + n > max_body * 0.8:
                    send()
                docs.append(doc)
                size += n
            if len(docs) + len(fails) >= BATCH_ARTICLES:
                send()
        send()
    finally:
        client.close()
    report.seconds = time.perf_counter() - t0
    return report


__all__ = ["Server", "find_server", "ingest_through"]
