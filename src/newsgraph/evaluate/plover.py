"""Score the event coder against PLOVER gold-standard records (openeventdata/PLOVER GSR format).

Each record is one sentence with one gold event (``event``, ``mode``), its source and target actors
(``code`` = CAMEO country or IGO/NGO/IMG code). How we score, and why:

* **Old names.** The GSR predates PLOVER's current 16 events: DEMAND -> REQUEST, DISAPPROVE ->
  ACCUSE, FIGHT -> ASSAULT, INVESTIGATE -> ACCUSE (mode investigate), as ../shared/data/dev/README
  prescribes. The ``DOCUMENT`` record is skipped.
* **One event per sentence.** The gold has one event a sentence, so the system's answer for a
  sentence is its *main* event (:func:`newsgraph.events.coder.main_event`: the shallowest predicate
  in the parse, then the most confident). Precision = right types / sentences with an event;
  recall = right types / gold sentences; F1 their harmonic mean. ``any-event recall`` (the gold
  type among *any* of the sentence's events) is reported beside it, not instead of it.
* **Sides.** An actor answers to its ``country`` (ISO3), its IGO/NGO/IMG/MNC sector prefix from
  ``code``, and, for a group, its members' codes. A side is right when it shares a code with the
  gold side. Source/target accuracy is over sentences whose type is right and whose gold side is
  not empty (the GSR leaves some targets empty, e.g. for joint acts). ``all right`` needs type,
  source and target right, over all gold sentences.
* Two gold codes are typos of CAMEO codes and are read as such: JAP -> JPN, ITL -> ITA.
"""

from __future__ import annotations

import json
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import EvalError
from ..model import Actor, Analysis, Event, RawDocument

OLD_NAMES = {"DEMAND": ("REQUEST", None), "DISAPPROVE": ("ACCUSE", None), "FIGHT": ("ASSAULT", None),
             "INVESTIGATE": ("ACCUSE", "investigate")}
CODE_TYPOS = {"JAP": "JPN", "ITL": "ITA"}
SECTOR_PREFIXES = ("IGO", "NGO", "IMG", "MNC", "UAF")


@dataclass
class GoldRecord:
    id: str
    text: str
    event: str
    mode: str | None
    source: set[str]
    target: set[str]
    date: str | None = None


@dataclass
class RecordResult:
    id: str
    gold: str
    predicted: str | None
    type_ok: bool
    source_ok: bool | None  # None: gold side empty or type wrong
    target_ok: bool | None
    any_type: bool
    gold_source: list[str] = field(default_factory=list)
    gold_target: list[str] = field(default_factory=list)
    source: list[str] = field(default_factory=list)
    target: list[str] = field(default_factory=list)
    cameo: str | None = None
    n_events: int = 0

    def to_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


@dataclass
class Report:
    path: str
    n: int
    predicted: int
    correct: int
    any_correct: int
    source_right: int
    source_n: int
    target_right: int
    target_n: int
    all_right: int
    seconds: float
    per_type: dict[str, dict[str, int]]
    confusion: dict[str, dict[str, int]]
    records: list[RecordResult]

    @property
    def precision(self) -> float:
        return self.correct / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.correct / self.n if self.n else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def source_accuracy(self) -> float:
        return self.source_right / self.source_n if self.source_n else 0.0

    @property
    def target_accuracy(self) -> float:
        return self.target_right / self.target_n if self.target_n else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "path": self.path, "n": self.n, "predicted": self.predicted, "correct": self.correct,
            "precision": round(self.precision, 4), "recall": round(self.recall, 4), "f1": round(self.f1, 4),
            "any_event_recall": round(self.any_correct / self.n, 4) if self.n else 0.0,
            "source_accuracy": round(self.source_accuracy, 4), "source_n": self.source_n,
            "target_accuracy": round(self.target_accuracy, 4), "target_n": self.target_n,
            "all_right": self.all_right, "seconds": round(self.seconds, 2),
            "per_type": self.per_type, "confusion": self.confusion,
            "records": [r.to_dict() for r in self.records],
        }


def _side(value: Any) -> set[str]:
    if not isinstance(value, list):
        return set()
    out = set()
    for a in value:
        code = (a.get("code") or "").strip().upper() if isinstance(a, dict) else ""
        if code:
            out.add(CODE_TYPOS.get(code, code))
    return out


def load_gsr(path: str | Path, *, limit: int | None = None, split: str | None = None) -> list[GoldRecord]:
    """The gold records of a PLOVER GSR JSON file, old event names mapped to current ones; ``split``
    keeps the ``tune`` or ``check`` records (by record id) before ``limit`` applies."""
    from .splits import split_of

    p = Path(path)
    if not p.is_file():
        raise EvalError(f"no PLOVER gold file at {p}",
                        hint="pass the path of plover_gsr_dev.json (../shared/data/dev/plover_gsr/)")
    try:
        data = json.loads(p.read_text("utf-8"))
    except json.JSONDecodeError as exc:
        raise EvalError(f"{p} is not JSON: {exc}", hint="expected a JSON list of GSR records") from exc
    if not isinstance(data, list):
        raise EvalError(f"{p} holds {type(data).__name__}, not a list of records")
    out: list[GoldRecord] = []
    for rec in data:
        if not isinstance(rec, dict) or rec.get("event") in {None, "DOCUMENT"} or not rec.get("text"):
            continue
        event, mode = rec["event"], (rec.get("mode") or None)
        if event in OLD_NAMES:
            event, forced = OLD_NAMES[event]
            mode = forced or mode
        rid = str(rec.get("id") or rec["text"])
        if split not in (None, "all") and split_of("plover", rid) != split:
            continue
        out.append(GoldRecord(rid, rec["text"].strip(), event, mode,
                              _side(rec.get("source")), _side(rec.get("target")), rec.get("date")))
        if limit is not None and len(out) >= limit:
            break
    return out


def actor_codes(analysis: Analysis, actor: Actor | None, depth: int = 0) -> set[str]:
    """The codes an actor answers to: country, sector prefix of its CAMEO code, its members'."""
    if actor is None:
        return set()
    codes: set[str] = set()
    if actor.country:
        codes.add(actor.country.upper())
    code = (actor.code or "").upper()
    if code:
        codes.add(code[:3])
        for pre in SECTOR_PREFIXES:
            if code.startswith(pre):
                codes.add(pre)
    if actor.kind == "country":
        codes.add(actor.id.upper())
    if depth < 2:
        for mid in actor.members:
            codes |= actor_codes(analysis, analysis.actor(mid), depth + 1) or {mid.upper()}
    return codes


def _codes(analysis: Analysis, ids: list[str]) -> set[str]:
    out: set[str] = set()
    for i in ids:
        out |= actor_codes(analysis, analysis.actor(i))
    return out


def score_record(gold: GoldRecord, analysis: Analysis) -> RecordResult:
    from ..events.coder import main_event

    events: list[Event] = list(analysis.events)
    ev = main_event(events, analysis.doc)
    pred = ev.plover if ev else None
    type_ok = pred == gold.event
    src = _codes(analysis, ev.source) if ev else set()
    tgt = _codes(analysis, ev.target) if ev else set()
    source_ok = bool(src & gold.source) if type_ok and gold.source else None
    target_ok = bool(tgt & gold.target) if type_ok and gold.target else None
    return RecordResult(gold.id, gold.event, pred, type_ok, source_ok, target_ok,
                        any(e.plover == gold.event for e in events), sorted(gold.source), sorted(gold.target),
                        sorted(src), sorted(tgt), ev.cameo if ev else None, len(events))


def evaluate_plover(path: str | Path, *, limit: int | None = None,
                    config: dict[str, Any] | None = None, split: str | None = None) -> Report:
    """Run the pipeline over every GSR sentence of ``split`` and score its main event (module doc)."""
    from ..pipeline import Failure, get_pipeline

    gold = load_gsr(path, limit=limit, split=split)
    pipe = get_pipeline(config)
    started = time.perf_counter()
    raws = [RawDocument(text=g.text, id=g.id, published=_date(g.date)) for g in gold]
    results: list[RecordResult] = []
    for g, analysis in zip(gold, pipe.pipe(raws), strict=True):
        if isinstance(analysis, Failure):
            results.append(RecordResult(g.id, g.event, None, False, None, None, False,
                                        sorted(g.source), sorted(g.target)))
            continue
        results.append(score_record(g, analysis))
    return _report(str(path), results, time.perf_counter() - started)


def _date(value: Any) -> str | None:
    return value if isinstance(value, str) and len(value) == 10 else None


def _report(path: str, results: list[RecordResult], seconds: float) -> Report:
    per_type: dict[str, Counter[str]] = defaultdict(Counter)
    confusion: dict[str, Counter[str]] = defaultdict(Counter)
    for r in results:
        confusion[r.gold][r.predicted or "-"] += 1
        if r.type_ok:
            per_type[r.gold]["tp"] += 1
        else:
            per_type[r.gold]["fn"] += 1
            if r.predicted:
                per_type[r.predicted]["fp"] += 1
    return Report(
        path=path, n=len(results), predicted=sum(1 for r in results if r.predicted),
        correct=sum(r.type_ok for r in results), any_correct=sum(r.any_type for r in results),
        source_right=sum(1 for r in results if r.source_ok), source_n=sum(1 for r in results if r.source_ok is not None),
        target_right=sum(1 for r in results if r.target_ok), target_n=sum(1 for r in results if r.target_ok is not None),
        all_right=sum(1 for r in results if r.type_ok and r.source_ok is not False and r.target_ok is not False),
        seconds=seconds,
        per_type={k: dict(v) for k, v in sorted(per_type.items())},
        confusion={k: dict(v) for k, v in sorted(confusion.items())},
        records=results,
    )


def format_report(report: Report) -> str:
    """A plain-text summary: headline figures, per-type P/R/F1 and the confusion table."""
    lines = [
        f"PLOVER evaluation: {report.path}",
        f"  sentences {report.n}, with an event {report.predicted}, type right {report.correct}"
        f"  ({report.seconds:.1f}s)",
        f"  event type   P {report.precision:.3f}  R {report.recall:.3f}  F1 {report.f1:.3f}"
        f"   (any-event recall {report.any_correct / report.n if report.n else 0:.3f})",
        f"  source right {report.source_accuracy:.3f} ({report.source_right}/{report.source_n})"
        f"   target right {report.target_accuracy:.3f} ({report.target_right}/{report.target_n})"
        f"   type+sides right {report.all_right}/{report.n}",
        "",
        f"  {'type':<10} {'tp':>4} {'fp':>4} {'fn':>4} {'P':>6} {'R':>6} {'F1':>6}",
    ]
    for name, c in report.per_type.items():
        tp, fp, fn = c.get("tp", 0), c.get("fp", 0), c.get("fn", 0)
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        lines.append(f"  {name:<10} {tp:>4} {fp:>4} {fn:>4} {p:6.3f} {r:6.3f} {f:6.3f}")
    cols = [*sorted({p for row in report.confusion.values() for p in row} - {"-"}), "-"]
    lines += ["", "  confusion (rows gold, columns system; '-' = no event)",
              "  " + " " * 10 + "".join(f"{c[:6]:>7}" for c in cols)]
    for g, row in report.confusion.items():
        lines.append(f"  {g:<10}" + "".join(f"{row.get(c, 0) or '.':>7}" for c in cols))
    return "\n".join(lines)


__all__ = ["GoldRecord", "RecordResult", "Report", "actor_codes", "evaluate_plover", "format_report", "load_gsr",
           "score_record"]
