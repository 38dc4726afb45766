"""Five-way CAMEO class accuracy on ConfliBERT's sentence set (``sentence<TAB>class``).

Classes (the Phoenix/PETRARCH "penta" classes of a CAMEO root): 0 statement or appeal (01-02),
1 verbal cooperation (03-05), 2 material cooperation (06-08), 3 verbal conflict (09-13 and 16,
reducing relations), 4 material conflict (14, 15, 17-20).

How one class is chosen for a sentence, and why:

* The sentence is parsed once and coded by :meth:`Coder.code_sentence` -- the same predicates,
  frames and modality as the pipeline, but **without the dyad filter**: the class is a property of
  what is reported, not of whether both actors were linked (a sentence about "police" and
  "protesters" still reports a material conflict).
* Predicates inside another's content (what was promised, alleged, demanded) are already folded
  into that predicate's code; negated and conditional acts are left out.
* Plain reports ("said", "announced": CAMEO 010) step aside when the sentence codes anything else,
  so "the army said it shelled the town" is the shelling; a comment (concern, condolences, claim
  of responsibility: 011-019) is an act of its own. A sentence with only a report or nothing
  coded is class 0.
* Among what is left, the **main clause wins**: the shallowest predicate in the parse, then the
  most specific pattern, then the earliest.
"""

from __future__ import annotations

import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import EvalError
from ..events.codebook import PENTA_NAMES, penta_class

N_CLASSES = 5


@dataclass
class Prediction:
    text: str
    gold: int
    predicted: int
    cameo: str | None
    predicate: str | None

    def to_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


@dataclass
class Report:
    path: str
    n: int
    correct: int
    seconds: float
    confusion: list[list[int]]  # [gold][predicted]
    predictions: list[Prediction]

    @property
    def accuracy(self) -> float:
        return self.correct / self.n if self.n else 0.0

    def per_class(self) -> list[dict[str, float]]:
        out = []
        for k in range(N_CLASSES):
            tp = self.confusion[k][k]
            gold = sum(self.confusion[k])
            pred = sum(self.confusion[g][k] for g in range(N_CLASSES))
            p = tp / pred if pred else 0.0
            r = tp / gold if gold else 0.0
            out.append({"class": k, "name": PENTA_NAMES[k], "gold": gold, "predicted": pred,
                        "precision": round(p, 4), "recall": round(r, 4),
                        "f1": round(2 * p * r / (p + r), 4) if p + r else 0.0})
        return out

    def to_dict(self) -> dict[str, Any]:
        return {"path": self.path, "n": self.n, "correct": self.correct, "accuracy": round(self.accuracy, 4),
                "seconds": round(self.seconds, 2), "confusion": self.confusion, "per_class": self.per_class(),
                "predictions": [p.to_dict() for p in self.predictions]}


def load_tsv(path: str | Path, *, limit: int | None = None, split: str | None = None) -> list[tuple[str, int]]:
    """(sentence, class) rows; ``split`` keeps the ``tune`` or ``check`` sentences before ``limit``."""
    from .splits import split_of, text_id

    p = Path(path)
    if not p.is_file():
        raise EvalError(f"no ConfliBERT class file at {p}",
                        hint="pass ../shared/data/dev/conflibert/cameo_class_train.tsv")
    rows: list[tuple[str, int]] = []
    for n, raw in enumerate(p.read_text("utf-8").splitlines(), 1):
        line = raw.rstrip("\r")
        if not line.strip():
            continue
        text, sep, label = line.rpartition("\t")
        if not sep or label.strip() not in {"0", "1", "2", "3", "4"}:
            raise EvalError(f"{p} line {n}: expected 'sentence<TAB>class' with class 0-4",
                            hint="the ConfliBERT cameo_class TSV format")
        sentence = text.strip().strip('"').strip()
        if split not in (None, "all") and split_of("conflibert", text_id(sentence)) != split:
            continue
        rows.append((sentence, int(label)))
        if limit is not None and len(rows) >= limit:
            break
    return rows


def sentence_class(coder: Any, doc: Any) -> tuple[int, str | None, str | None]:
    """(class, CAMEO code, predicate text) for a parsed sentence (see the module doc)."""
    from ..events.coder import segments

    live = []
    for seg in segments(doc):
        for c in coder.code_sentence(seg):
            if c.absorbed or c.code is None or c.dropped:
                continue
            live.append(c)
    acts = [c for c in live if c.code != "010"]
    if not acts:
        best = min(live, key=lambda c: c.depth) if live else None
        return 0, (best.code if best else None), (best.pred.text if best else None)
    best = min(acts, key=lambda c: (c.depth, -c.entry.specificity, c.pred.i))
    return penta_class(best.code), best.code, best.pred.text


def evaluate_cameo_class(path: str | Path, *, limit: int | None = None,
                         config: dict[str, Any] | None = None, split: str | None = None) -> Report:
    """Parse every sentence once (spaCy ``pipe``), code it and compare its class with the gold."""
    from .. import config as _config
    from ..events import coder_for
    from ..nlp import configured_model

    cfg = config or _config.load()
    rows = load_tsv(path, limit=limit, split=split)
    nlp = configured_model(cfg)
    coder = coder_for(cfg)
    started = time.perf_counter()
    confusion = [[0] * N_CLASSES for _ in range(N_CLASSES)]
    preds: list[Prediction] = []
    docs = nlp.pipe((t for t, _ in rows), batch_size=int(cfg["nlp"]["batch_size"]))
    for (text, gold), doc in zip(rows, docs, strict=True):
        k, code, pred = sentence_class(coder, doc)
        confusion[gold][k] += 1
        preds.append(Prediction(text, gold, k, code, pred))
    correct = sum(confusion[k][k] for k in range(N_CLASSES))
    return Report(str(path), len(rows), correct, time.perf_counter() - started, confusion, preds)


def format_report(report: Report) -> str:
    lines = [f"CAMEO 5-way class evaluation: {report.path}",
             f"  sentences {report.n}, right {report.correct}, accuracy {report.accuracy:.3f}"
             f"  ({report.seconds:.1f}s)", "",
             f"  {'class':<24} {'gold':>5} {'pred':>5} {'P':>6} {'R':>6} {'F1':>6}"]
    for row in report.per_class():
        lines.append(f"  {row['class']} {row['name']:<22} {row['gold']:>5} {row['predicted']:>5} "
                     f"{row['precision']:6.3f} {row['recall']:6.3f} {row['f1']:6.3f}")
    lines += ["", "  confusion (rows gold, columns system)", "        " + "".join(f"{k:>6}" for k in range(N_CLASSES))]
    for g in range(N_CLASSES):
        lines.append(f"  {g:>4}  " + "".join(f"{report.confusion[g][k]:>6}" for k in range(N_CLASSES)))
    counts = Counter(p.gold for p in report.predictions)
    lines.append(f"  gold distribution: {dict(sorted(counts.items()))}")
    return "\n".join(lines)


__all__ = ["Prediction", "Report", "evaluate_cameo_class", "format_report", "load_tsv", "sentence_class"]


# ---- the whole pipeline on ConfliBERT's sentences ----------------------------------------------------

@dataclass
class PipelineReport:
    """5-way class of the whole pipeline's main event per sentence, and its sides against
    ConfliBERT's source/target tags (``cameo_ner_train.txt``) where the sentence has them."""

    path: str
    split: str
    n: int = 0
    correct: int = 0
    sides_n: int = 0
    source_found: int = 0
    target_found: int = 0
    both_found: int = 0
    seconds: float = 0.0
    confusion: list[list[int]] = field(default_factory=lambda: [[0] * N_CLASSES for _ in range(N_CLASSES)])
    items: list[dict[str, Any]] = field(default_factory=list)  # tune only

    def to_dict(self) -> dict[str, Any]:
        r = lambda a, b: round(a / b, 4) if b else 0.0  # noqa: E731
        return {"path": self.path, "split": self.split, "n": self.n, "accuracy": r(self.correct, self.n),
                "sides_n": self.sides_n, "source_found": r(self.source_found, self.sides_n),
                "target_found": r(self.target_found, self.sides_n),
                "source_and_target_found": r(self.both_found, self.sides_n), "seconds": round(self.seconds, 1),
                "confusion": self.confusion, "items": list(self.items)}


def load_ner(path: str | Path) -> dict[str, list[tuple[str, str]]]:
    """ConfliBERT's CoNLL file: text id (sentence without spaces) -> [(token, BIO tag)]."""
    p = Path(path)
    if not p.is_file():
        return {}
    from .splits import text_id

    out: dict[str, list[tuple[str, str]]] = {}
    cur: list[tuple[str, str]] = []
    for line in [*p.read_text("utf-8").splitlines(), ""]:
        if not line.strip():
            if cur:
                out[text_id("".join(t for t, _ in cur))] = cur
                cur = []
            continue
        tok, _, tag = line.rpartition(" ")
        cur.append((tok or tag, tag if tok else "O"))
    return out


def _gold_sides(sentence: str, tagged: list[tuple[str, str]]) -> dict[str, list[tuple[int, int]]]:
    """Character spans of the S (source), T (target) and R (both) phrases in ``sentence``."""
    spans: dict[str, list[tuple[int, int]]] = {"S": [], "T": []}
    pos = 0
    cur: tuple[str, int, int] | None = None
    for tok, tag in tagged:
        at = sentence.find(tok, pos)
        if at < 0:
            continue
        start, end = at, at + len(tok)
        pos = end
        kind = tag[2:] if "-" in tag else ""
        if tag.startswith("B-") or (tag.startswith("I-") and (cur is None or cur[0] != kind)):
            if cur:
                for k in ("S", "T") if cur[0] == "R" else (cur[0],):
                    spans.setdefault(k, []).append((cur[1], cur[2]))
            cur = (kind, start, end)
        elif tag.startswith("I-") and cur is not None:
            cur = (cur[0], cur[1], end)
        else:
            if cur:
                for k in ("S", "T") if cur[0] == "R" else (cur[0],):
                    spans.setdefault(k, []).append((cur[1], cur[2]))
            cur = None
    if cur:
        for k in ("S", "T") if cur[0] == "R" else (cur[0],):
            spans.setdefault(k, []).append((cur[1], cur[2]))
    return spans


def evaluate_pipeline(path: str | Path, *, limit: int | None = None, config: dict[str, Any] | None = None,
                      split: str | None = None, ner_path: str | Path | None = None) -> PipelineReport:
    """Run the whole pipeline (actors, quotes, events) on each sentence; its class is the penta
    class of the main event (:func:`newsgraph.events.coder.main_event`), 0 when there is none.
    Sides: a gold source (target) phrase is found when the main event's source (target) actor
    has a mention overlapping it."""
    from ..events.codebook import penta_class as penta
    from ..events.coder import main_event
    from ..model import RawDocument
    from ..pipeline import Failure, get_pipeline
    from .splits import text_id

    rows = load_tsv(path, limit=limit, split=split)
    ner = load_ner(ner_path or Path(path).with_name("cameo_ner_train.txt"))
    pipe = get_pipeline(config)
    rep = PipelineReport(str(path), split or "all")
    started = time.perf_counter()
    raws = [RawDocument(text=t, id=f"s{k}") for k, (t, _) in enumerate(rows)]
    for (text, gold), an in zip(rows, pipe.pipe(raws), strict=True):
        rep.n += 1
        ev = None if isinstance(an, Failure) else main_event(list(an.events), an.doc)
        k = penta(ev.cameo) if ev is not None and ev.cameo else 0
        rep.confusion[gold][k] += 1
        rep.correct += k == gold
        tagged = ner.get(text_id(text))
        src_ok = tgt_ok = None
        gs = {}
        if tagged and not isinstance(an, Failure):
            gs = _gold_sides(an.article.text, tagged)
            if gs.get("S") and gs.get("T"):
                rep.sides_n += 1

                def found(ids: list[str], gold_spans: list[tuple[int, int]], an: Any = an) -> bool:
                    for aid in ids:
                        a = an.actor(aid)
                        members = [an.actor(m) for m in (a.members if a is not None else [])]
                        for x in [a, *members]:
                            if x is not None and any(m.start < e and s < m.end for m in x.mentions for s, e in gold_spans):
                                return True
                    return False

                src_ok = ev is not None and found(ev.source, gs["S"])
                tgt_ok = ev is not None and found(ev.target, gs["T"])
                rep.source_found += src_ok
                rep.target_found += tgt_ok
                rep.both_found += src_ok and tgt_ok
        if rep.split == "tune":
            rep.items.append({"text": text, "gold": gold, "predicted": k, "cameo": ev.cameo if ev else None,
                              "source_found": src_ok, "target_found": tgt_ok,
                              "source": ev.source if ev else None, "target": ev.target if ev else None,
                              "gold_source": [an.article.text[a:b] for a, b in gs.get("S", [])],
                              "gold_target": [an.article.text[a:b] for a, b in gs.get("T", [])]})
    rep.seconds = time.perf_counter() - started
    return rep
