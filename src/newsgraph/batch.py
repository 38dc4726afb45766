"""Ingest many inputs into the store: read lazily, analyse in batches, write one article per transaction.

A bad item is recorded in the store's ``failures`` table with its reason and the run goes on.
Articles already stored (same id or same content) are skipped before any parsing, so a rerun
after a crash picks up where the previous run stopped.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from . import config as _config
from .ingest.readers import read_inputs
from .model import Analysis, RawDocument
from .pipeline import Failure, Skipped, get_pipeline
from .store import Store


@dataclass
class IngestReport:
    stored: int = 0
    skipped: int = 0
    failed: int = 0
    seconds: float = 0.0
    failures: list[dict[str, Any]] = field(default_factory=list)

    @property
    def seen(self) -> int:
        return self.stored + self.skipped + self.failed

    def to_dict(self) -> dict[str, Any]:
        return {"stored": self.stored, "skipped": self.skipped, "failed": self.failed,
                "seconds": round(self.seconds, 2), "failures": self.failures[:50]}


ProgressFn = Callable[[IngestReport], None]


def _dated(items: Iterable[RawDocument | Failure], published: str | None) -> Iterable[RawDocument | Failure]:
    for item in items:
        if published and isinstance(item, RawDocument):
            item.published = published
        yield item


def ingest(paths: list[str], db: str | None = None, *, published: str | None = None,
           config: dict[str, Any] | None = None, progress: ProgressFn | None = None) -> IngestReport:
    """Read, analyse and store everything under ``paths`` (single process)."""
    cfg = config or _config.load()
    report = IngestReport()
    t0 = time.perf_counter()
    items = read_inputs(paths, max_mb=float(cfg["input"]["max_mb"]), extensions=tuple(cfg["input"]["extensions"]))
    with Store(db or cfg["store"]["db"]) as store:
        for result in get_pipeline(cfg).pipe(_dated(items, published), known=store.known):
            record(store, result, report)
            if progress:
                progress(report)
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
        report.failed += 1
        report.failures.append({"source": fail.source, "code": fail.code, "message": fail.message})
    elif store.add(result):
        report.stored += 1
    else:
        report.skipped += 1


__all__ = ["IngestReport", "ingest", "record"]
