"""How detector outputs become answers the evaluations compare: a story's event, a 5-way CAMEO class.

Shared by the training report (dev slice of tune) and ``scripts/eval_detector.py`` (check parts).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from typing import Any

import numpy as np

from ..detect import NONE


def first_event(probs: np.ndarray, labels: Sequence[str]) -> tuple[str | None, int | None]:
    """A story's lead event as the rule coder's evaluation defines it: the top event of the earliest
    sentence whose most probable label is an event (None when no sentence has one), and its index."""
    none = labels.index(NONE)
    for k, row in enumerate(probs):
        j = int(np.argmax(row))
        if j != none:
            return labels[j], k
    return None, None


def story_event(probs: np.ndarray, labels: Sequence[str], decay: float = 1.0) -> str | None:
    """A story's event from all its sentences: the event with the largest position-weighted sum of
    probabilities (sentence k weighs 1/(1+k)^decay); ``none`` never wins."""
    if len(probs) == 0:
        return None
    none = labels.index(NONE)
    wts = 1.0 / (1.0 + np.arange(len(probs))) ** decay
    total = (probs * wts[:, None]).sum(axis=0)
    total[none] = -1.0
    return labels[int(np.argmax(total))]


def penta_prediction(probs: np.ndarray, labels: Sequence[str], penta_of: dict[str, int]) -> np.ndarray:
    """5-way CAMEO class per row: the class with the largest summed probability of its events
    (``none`` counts for class 0)."""
    m = np.zeros((len(labels), 5), np.float32)
    for j, lab in enumerate(labels):
        m[j, penta_of.get(lab, 0)] = 1.0
    return np.argmax(probs @ m, axis=1)


def type_f1(gold: Sequence[str], predicted: Sequence[str | None]) -> dict[str, Any]:
    """Accuracy, macro F1 over the gold types, and the PLOVER-evaluation P/R/F1 (a prediction of
    ``None`` is no answer: precision is over items with an answer)."""
    per: dict[str, Counter[str]] = defaultdict(Counter)
    for g, p in zip(gold, predicted, strict=True):
        if p == g:
            per[g]["tp"] += 1
        else:
            per[g]["fn"] += 1
            if p:
                per[p]["fp"] += 1
    f1s = []
    for g in sorted(set(gold)):
        c = per[g]
        pr = c["tp"] / (c["tp"] + c["fp"]) if c["tp"] + c["fp"] else 0.0
        rc = c["tp"] / (c["tp"] + c["fn"]) if c["tp"] + c["fn"] else 0.0
        f1s.append(2 * pr * rc / (pr + rc) if pr + rc else 0.0)
    n = len(gold)
    answered = sum(1 for p in predicted if p)
    right = sum(1 for g, p in zip(gold, predicted, strict=True) if g == p)
    prec = right / answered if answered else 0.0
    rec = right / n if n else 0.0
    return {"n": n, "accuracy": round(right / n, 4) if n else 0.0,
            "macro_f1": round(sum(f1s) / len(f1s), 4) if f1s else 0.0,
            "precision": round(prec, 4), "recall": round(rec, 4),
            "f1": round(2 * prec * rec / (prec + rec), 4) if prec + rec else 0.0,
            "answered": answered}


__all__ = ["first_event", "penta_prediction", "story_event", "type_f1"]
