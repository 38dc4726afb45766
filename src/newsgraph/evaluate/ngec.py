"""PLOVER event type of a whole story, on the NGEC synthetic stories (Halterman's NGEC training set).

Each story is a short wire-style text written by a language model for one PLOVER event (``label``)
and, for some, a PLOVER mode. Its facts are invented; only the labels matter here. How we score:

* The pipeline reads the story (published date unknown) and codes its events. The story's
  answer is the **lead event**: among the events of the earliest sentence that has any, the main
  one (:func:`newsgraph.events.coder.main_event`). A news story states its event first.
* ``accuracy``: lead event type equals the label; ``any-event recall``: the label is among the
  story's event types; ``no event``: share of stories with none. Per-type P/R/F1 and macro F1 over
  the types present in the gold.
* ``mode right``: over stories whose type is right and whose gold has a mode, the system's PLOVER
  mode equals it (case and spelling of the gold's upper-case names normalised).

Splits (:mod:`newsgraph.evaluate.splits`) are by story text; item lists are kept only on ``tune``.
"""

from __future__ import annotations

import csv
import io
import time
import zipfile
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import EvalError
from ..model import Analysis, RawDocument


@dataclass
class Story:
    id: str
    text: str
    label: str
    mode: str | None


@dataclass
class Report:
    path: str
    split: str
    n: int = 0
    correct: int = 0
    any_correct: int = 0
    no_event: int = 0
    mode_n: int = 0
    mode_right: int = 0
    seconds: float = 0.0
    per_type: dict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    items: list[dict[str, Any]] = field(default_factory=list)  # tune only

    @property
    def accuracy(self) -> float:
        return self.correct / self.n if self.n else 0.0

    def type_scores(self) -> dict[str, dict[str, float]]:
        out = {}
        for name, c in sorted(self.per_type.items()):
            tp, fp, fn = c["tp"], c["fp"], c["fn"]
            p = tp / (tp + fp) if tp + fp else 0.0
            r = tp / (tp + fn) if tp + fn else 0.0
            out[name] = {"tp": tp, "fp": fp, "fn": fn, "precision": round(p, 4), "recall": round(r, 4),
                         "f1": round(2 * p * r / (p + r), 4) if p + r else 0.0}
        return out

    @property
    def macro_f1(self) -> float:
        gold_types = [v for v in self.type_scores().values() if v["tp"] + v["fn"]]
        return sum(v["f1"] for v in gold_types) / len(gold_types) if gold_types else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {"path": self.path, "split": self.split, "n": self.n, "accuracy": round(self.accuracy, 4),
                "macro_f1": round(self.macro_f1, 4),
                "any_event_recall": round(self.any_correct / self.n, 4) if self.n else 0.0,
                "no_event": round(self.no_event / self.n, 4) if self.n else 0.0,
                "mode_right": round(self.mode_right / self.mode_n, 4) if self.mode_n else 0.0,
                "mode_n": self.mode_n, "seconds": round(self.seconds, 1),
                "per_type": self.type_scores(), "items": list(self.items)}


def _norm_mode(mode: str | None) -> str | None:
    return mode.strip().lower().replace("_", "-") if mode and mode.strip() else None


def load_stories(path: str | Path, *, limit: int | None = None, split: str | None = None) -> list[Story]:
    """The stories of the NGEC CSV (zipped or plain); ``split`` keeps ``tune`` or ``check``."""
    from .splits import split_of, text_id

    p = Path(path)
    if not p.is_file():
        raise EvalError(f"no NGEC story file at {p}",
                        hint="pass ../shared/data/dev/ngec_synthetic/gpt_synthetic_events_2023-10-19_19.csv.zip")
    try:
        if p.suffix == ".zip":
            with zipfile.ZipFile(p) as z:
                names = [n for n in z.namelist() if n.endswith(".csv")]
                if not names:
                    raise EvalError(f"{p} holds no CSV file", hint="the NGEC zip holds one CSV of stories")
                raw = z.read(names[0]).decode("utf-8")
        else:
            raw = p.read_text("utf-8")
    except (zipfile.BadZipFile, UnicodeDecodeError) as exc:
        raise EvalError(f"{p} cannot be read: {exc}", hint="expected the NGEC CSV (text, label, mode columns)") from exc
    reader = csv.DictReader(io.StringIO(raw))
    if not reader.fieldnames or not {"text", "label"} <= set(reader.fieldnames):
        raise EvalError(f"{p} has no text and label columns", hint="expected the NGEC CSV (text, label, mode)")
    out: list[Story] = []
    for row in reader:
        text, label = (row.get("text") or "").strip(), (row.get("label") or "").strip().upper()
        if not text or not label:
            continue
        sid = text_id(text)
        if split not in (None, "all") and split_of("ngec", sid) != split:
            continue
        out.append(Story(sid, text, label, _norm_mode(row.get("mode"))))
        if limit is not None and len(out) >= limit:
            break
    return out


def lead_event(analysis: Analysis) -> Any:
    """The main event of the earliest sentence that has events (None when there are none)."""
    from ..events.coder import main_event

    if not analysis.events:
        return None
    doc = analysis.doc
    by_sentence: dict[int, list[Any]] = defaultdict(list)
    for ev in analysis.events:
        span = doc.char_span(ev.evidence.start, ev.evidence.end, alignment_mode="expand") if doc is not None else None
        by_sentence[span.sent.start if span is not None else ev.evidence.start].append(ev)
    first = min(by_sentence)
    return main_event(by_sentence[first], doc)


def evaluate_ngec(path: str | Path, *, limit: int | None = None, config: dict[str, Any] | None = None,
                  split: str | None = None) -> Report:
    """Run the pipeline over the stories of ``split`` and score each story's lead event."""
    from ..pipeline import Failure, get_pipeline

    stories = load_stories(path, limit=limit, split=split)
    pipe = get_pipeline(config)
    report = Report(str(path), split or "all")
    started = time.perf_counter()
    raws = [RawDocument(text=s.text, id=s.id[:40]) for s in stories]
    for story, analysis in zip(stories, pipe.pipe(raws), strict=True):
        report.n += 1
        ev = None if isinstance(analysis, Failure) else lead_event(analysis)
        types = set() if isinstance(analysis, Failure) else {e.plover for e in analysis.events}
        pred = ev.plover if ev is not None else None
        if pred is None:
            report.no_event += 1
        if pred == story.label:
            report.correct += 1
            report.per_type[story.label]["tp"] += 1
            if story.mode:
                report.mode_n += 1
                report.mode_right += _norm_mode(ev.plover_mode) == story.mode
        else:
            report.per_type[story.label]["fn"] += 1
            if pred:
                report.per_type[pred]["fp"] += 1
        report.any_correct += story.label in types
        if report.split == "tune":
            report.items.append({"gold": story.label, "mode": story.mode, "predicted": pred,
                                 "plover_mode": ev.plover_mode if ev is not None else None,
                                 "types": sorted(t for t in types if t), "text": story.text})
    report.seconds = time.perf_counter() - started
    return report


def format_report(report: Report, show: int = 0) -> str:
    d = report.to_dict()
    lines = [f"NGEC stories {report.path} ({report.split}): {report.n} stories ({report.seconds:.0f}s)",
             f"  lead event type accuracy {d['accuracy']:.3f}   macro F1 {d['macro_f1']:.3f}"
             f"   any-event recall {d['any_event_recall']:.3f}   no event {d['no_event']:.3f}"
             f"   mode right {d['mode_right']:.3f} (n {d['mode_n']})", "",
             f"  {'type':<10} {'tp':>4} {'fp':>4} {'fn':>4} {'P':>6} {'R':>6} {'F1':>6}"]
    for name, v in d["per_type"].items():
        lines.append(f"  {name:<10} {v['tp']:>4} {v['fp']:>4} {v['fn']:>4} {v['precision']:6.3f} "
                     f"{v['recall']:6.3f} {v['f1']:6.3f}")
    wrong = [it for it in report.items if it["predicted"] != it["gold"]][:show]
    if wrong:
        lines += ["", f"  stories whose lead event is wrong (first {len(wrong)}):"]
        lines += [f"  gold {it['gold']} got {it['predicted']} (all: {', '.join(it['types']) or '-'}): "
                  f"{it['text'][:240]!r}" for it in wrong]
    return "\n".join(lines)


__all__ = ["Report", "Story", "evaluate_ngec", "format_report", "lead_event", "load_stories"]
