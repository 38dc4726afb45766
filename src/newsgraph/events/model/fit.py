"""Multinomial logistic regression with set-valued targets, in NumPy; and temperature calibration.

Each example has sparse features (CSR rows), a *set* of allowed target columns, optionally a mask of
the columns its softmax runs over (for the per-event mode softmaxes), and a weight. The loss is the
weighted mean of ``-log sum_{t in targets} softmax(z)_t`` plus ``l2/2 * |W|^2``; with one target it is
ordinary cross-entropy. Optimiser: mini-batch Adam with lazy (touched-rows) updates and a linear
learning-rate decay; every batch is made dense over the columns it touches, so one step is two small
matrix products. Deterministic for a given seed on a given machine.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

import numpy as np


@dataclass
class Rows:
    """Sparse feature rows (CSR) of ``n`` examples."""

    indptr: np.ndarray
    cols: np.ndarray
    vals: np.ndarray

    @property
    def n(self) -> int:
        return len(self.indptr) - 1

    @classmethod
    def build(cls, feats: Sequence[Sequence[str]], index: dict[str, int]) -> Rows:
        """Rows of known features, each scaled by 1/sqrt(its feature count) (as the detector does)."""
        indptr, cols, vals = [0], [], []
        for fs in feats:
            known = [index[f] for f in fs if f in index]
            cols += known
            vals += [1.0 / math.sqrt(len(fs))] * len(known) if fs else []
            indptr.append(len(cols))
        return cls(np.asarray(indptr, np.int64), np.asarray(cols, np.int64), np.asarray(vals, np.float32))

    def take(self, idx: np.ndarray) -> Rows:
        starts, ends = self.indptr[idx], self.indptr[idx + 1]
        lens = ends - starts
        indptr = np.concatenate([[0], np.cumsum(lens)]).astype(np.int64)
        sel = np.concatenate([np.arange(s, e) for s, e in zip(starts, ends, strict=True)]) if len(idx) else \
            np.zeros(0, np.int64)
        return Rows(indptr, self.cols[sel].astype(np.int64), self.vals[sel])

    def dense(self) -> tuple[np.ndarray, np.ndarray]:
        """(the distinct columns used, the dense n x len(columns) matrix over them)."""
        uniq, inv = np.unique(self.cols, return_inverse=True)
        x = np.zeros((self.n, len(uniq)), np.float32)
        rows = np.repeat(np.arange(self.n), np.diff(self.indptr))
        np.add.at(x, (rows, inv), self.vals)
        return uniq, x


def _masked_softmax(z: np.ndarray, allowed: np.ndarray | None) -> np.ndarray:
    if allowed is not None:
        z = np.where(allowed, z, -np.inf)
    z = z - z.max(axis=1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=1, keepdims=True)


def fit(rows: Rows, targets: np.ndarray, weights: np.ndarray, n_features: int, *,
        allowed: np.ndarray | None = None, epochs: int = 12, lr: float = 0.02, l2: float = 1e-4,
        batch_size: int = 256, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """Weights (n_features x k) and bias (k) minimising the set-valued loss (module doc)."""
    n, k = targets.shape
    rng = np.random.default_rng(seed)
    w = np.zeros((n_features, k), np.float32)
    b = np.zeros(k, np.float32)
    mw, vw = np.zeros_like(w), np.zeros_like(w)
    mb, vb = np.zeros_like(b), np.zeros_like(b)
    beta1, beta2, eps = 0.9, 0.999, 1e-8
    steps_total = epochs * max(1, math.ceil(n / batch_size))
    step = 0
    for _ in range(epochs):
        order = rng.permutation(n)
        for at in range(0, n, batch_size):
            idx = order[at:at + batch_size]
            cols, x = rows.take(idx).dense()
            z = x @ w[cols] + b
            am = allowed[idx] if allowed is not None else None
            p = _masked_softmax(z, am)
            tgt = targets[idx]
            q = np.where(tgt, p, 0.0)
            q /= np.maximum(q.sum(axis=1, keepdims=True), 1e-30)
            ww = weights[idx][:, None]
            g = ((p - q) * ww / max(float(ww.sum()), 1e-9)).astype(np.float32)
            gw = x.T @ g + l2 * w[cols]
            gb = g.sum(axis=0)
            step += 1
            rate = lr * (1.0 - step / (steps_total + 1))
            c1, c2 = 1 - beta1 ** step, 1 - beta2 ** step
            mw[cols] = beta1 * mw[cols] + (1 - beta1) * gw
            vw[cols] = beta2 * vw[cols] + (1 - beta2) * gw * gw
            w[cols] -= rate * (mw[cols] / c1) / (np.sqrt(vw[cols] / c2) + eps)
            mb[:] = beta1 * mb + (1 - beta1) * gb
            vb[:] = beta2 * vb + (1 - beta2) * gb * gb
            b -= rate * (mb / c1) / (np.sqrt(vb / c2) + eps)
    return w, b


def logits(rows: Rows, w: np.ndarray, b: np.ndarray) -> np.ndarray:
    out = np.zeros((rows.n, w.shape[1]), np.float32)
    nonempty = np.flatnonzero(np.diff(rows.indptr) > 0)
    if len(nonempty) and len(rows.cols):
        out[nonempty] = np.add.reduceat(w[rows.cols] * rows.vals[:, None], rows.indptr[nonempty], axis=0)
    return out + b


def set_nll(z: np.ndarray, targets: np.ndarray, weights: np.ndarray, allowed: np.ndarray | None = None,
            temperature: float = 1.0) -> float:
    """Weighted mean of -log P(label in target set) at a temperature."""
    zz = z / temperature
    if allowed is not None:
        zz = np.where(allowed, zz, -np.inf)
    m = zz.max(axis=1, keepdims=True)
    lse = np.log(np.exp(zz - m).sum(axis=1)) + m[:, 0]
    lse_t = np.log(np.where(targets, np.exp(zz - m), 0.0).sum(axis=1) + 1e-300) + m[:, 0]
    return float(((lse - lse_t) * weights).sum() / max(weights.sum(), 1e-12))


def fit_temperature(z: np.ndarray, targets: np.ndarray, weights: np.ndarray,
                    allowed: np.ndarray | None = None) -> float:
    """The temperature minimising the held-out set NLL (golden-section search on log T in [-2.5, 2.5])."""
    if len(z) == 0:
        return 1.0
    lo, hi = -2.5, 2.5
    g = (math.sqrt(5) - 1) / 2
    f = lambda lt: set_nll(z, targets, weights, allowed, math.exp(lt))  # noqa: E731
    a, c = hi - g * (hi - lo), lo + g * (hi - lo)
    fa, fc = f(a), f(c)
    for _ in range(60):
        if fa < fc:
            hi, c, fc = c, a, fa
            a = hi - g * (hi - lo)
            fa = f(a)
        else:
            lo, a, fa = a, c, fc
            c = lo + g * (hi - lo)
            fc = f(c)
    return math.exp((lo + hi) / 2)


def reliability(confidence: np.ndarray, correct: np.ndarray, bins: Sequence[float] = (0.0, 0.2, 0.4, 0.5, 0.6,
                0.7, 0.8, 0.9, 1.0)) -> list[dict[str, float]]:
    """Rows of a reliability table: per confidence bin, items, mean confidence, observed precision."""
    out = []
    for lo, hi in pairwise(bins):
        sel = (confidence >= lo) & ((confidence < hi) if hi < 1.0 else (confidence <= hi))
        n = int(sel.sum())
        out.append({"bin": f"{lo:.1f}-{hi:.1f}", "n": n,
                    "confidence": round(float(confidence[sel].mean()), 3) if n else None,
                    "precision": round(float(correct[sel].mean()), 3) if n else None})
    return out


def ece(confidence: np.ndarray, correct: np.ndarray, n_bins: int = 10) -> float:
    """Expected calibration error over equal-width bins."""
    if len(confidence) == 0:
        return 0.0
    edges = np.linspace(0, 1, n_bins + 1)
    total = 0.0
    for lo, hi in pairwise(edges):
        sel = (confidence > lo) & (confidence <= hi) if lo > 0 else (confidence >= lo) & (confidence <= hi)
        if sel.any():
            total += sel.sum() * abs(float(confidence[sel].mean()) - float(correct[sel].mean()))
    return total / len(confidence)


__all__ = ["Rows", "ece", "fit", "fit_temperature", "logits", "reliability", "set_nll"]
