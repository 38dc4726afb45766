"""The learned event detector: which PLOVER event a sentence (or clause) reports, its mode, and how sure.

A linear model over features of the spaCy parse that the pipeline has already made, so it costs
little on top of parsing (``benchmarks/bench_detector.py``): for every sentence, span or text it
gives a calibrated probability for each of the 16 PLOVER events and ``none``, and, for an event
type, the probabilities of its PLOVER modes. The rules keep the structure (source and target,
negation, dates, places); this part decides *what happened*.

    >>> from newsgraph.events.detect import load_detector
    >>> det = load_detector()                          # the shipped artefact, loaded once per process
    >>> det.predict(["Troops shelled the town overnight."])[0]["ASSAULT"]   # doctest: +SKIP
    0.83
    >>> det.detect(doc.sents)                          # spaCy spans of a parsed article  # doctest: +SKIP
    [Detection(type='ASSAULT', confidence=0.83, mode='heavy-weapons', ...), ...]

Features (:func:`features`), per span: the words (lemmas, lower case; names and numbers replaced by
their entity type) and word pairs; the span's top predicates with their modality (negation, modal
auxiliary, passive); every verb with its object, its prepositional complement, its subject and the
verb it governs (``threaten -> impose``); nouns with their preposition (``attack on <GPE>``). A span
can be a sentence, a clause (a predicate's subtree) or a whole text.

Model: multinomial logistic regression (17 classes) trained with *set-valued* targets, so story
labels, CAMEO classes and sentence labels can be mixed (``newsgraph.events.model``); its logits are
divided by a temperature fitted on a held-out slice of the tune data, so ``confidence`` is a
calibrated probability (``benchmarks/detector_reliability.md``). Modes: one softmax per event type
over the modes seen for it (and ``None``: no particular mode).

The artefact is ``events/model/detector.npz``, rebuilt from ``../shared`` by ``make train-events``;
a missing or damaged one raises :class:`~newsgraph.errors.EventModelMissing` /
:class:`~newsgraph.errors.EventModelCorrupt` with that command, never a silent fall-back.
"""

from __future__ import annotations

import hashlib
import json
import math
import threading
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from importlib import resources
from itertools import pairwise
from pathlib import Path
from typing import Any

import numpy as np

from ..errors import EventModelCorrupt, EventModelMissing
from .codebook import PLOVER_EVENTS

NONE = "none"
LABELS: tuple[str, ...] = (*PLOVER_EVENTS, NONE)
FORMAT = "newsgraph.event-detector/2"  # 2: weights stored as int8 with a scale per column
FEATURES_VERSION = 1
ARTEFACT = "detector.npz"
REBUILD = "rebuild it with `make train-events` (needs ../shared beside the project), or reinstall newsgraph"

# entity types whose words are replaced by the type: which country or person acted is the rules'
# business, and the training stories fill in names at random
_MASKED = frozenset({"GPE", "PERSON", "NORP", "LOC", "FAC", "DATE", "TIME", "CARDINAL", "MONEY", "PERCENT",
                     "QUANTITY", "ORDINAL"})
_MODALS = frozenset({"will", "would", "may", "might", "could", "should", "must", "can", "shall", "wo", "ca"})
_OBJECTS = frozenset({"dobj", "obj", "nsubjpass", "attr", "oprd", "dative"})
_SUBJECTS = frozenset({"nsubj", "csubj", "agent"})
_CLAUSES = frozenset({"xcomp", "ccomp", "advcl", "conj", "relcl", "pcomp"})
_SKIP_POS = frozenset({"PUNCT", "SPACE", "SYM", "X"})


# ---- features -----------------------------------------------------------------------------------

def _norm(tok: Any) -> str:
    """A token's feature form: its entity type for names and numbers, else its lemma in lower case."""
    et = tok.ent_type_
    if et in _MASKED:
        return f"<{et.lower()}>"
    if tok.like_num:
        return "<num>"
    return (tok.lemma_ or tok.text).lower()


def _columns(doc: Any) -> tuple[list[bool], list[str], list[str], list[int]]:
    """Per token of a Doc: kept for features (not punctuation, symbol or space), feature form
    (:func:`_norm`), coarse tag and head index; read once per Doc and kept on it (a sentence's
    clauses overlap, and Token objects cost more than the strings)."""
    key = "newsgraph.events.detect_columns"
    cached = doc.user_data.get(key)
    if cached is None or len(cached[0]) != len(doc):
        keep, forms, pos, heads = [], [], [], []
        for t in doc:
            p = t.pos_
            keep.append(p not in _SKIP_POS and not t.is_space)
            forms.append(_norm(t))
            pos.append(p)
            heads.append(t.head.i)
        cached = doc.user_data[key] = (keep, forms, pos, heads)
    return cached


def features(span: Any) -> list[str]:
    """The feature strings of a spaCy ``Span`` or ``Doc`` (duplicates removed, order kept)."""
    doc = getattr(span, "doc", span)
    start, end = getattr(span, "start", 0), getattr(span, "end", len(doc))
    keep, norms, poss, heads = _columns(doc)
    idx = [i for i in range(start, end) if keep[i]]
    forms = {i: norms[i] for i in idx}
    out: list[str] = [f"w:{f}" for f in forms.values()]
    seq = list(forms.values())
    out += [f"b:{a} {b}" for a, b in pairwise(seq)]

    def form(t: Any) -> str:
        f = forms.get(t.i)
        return f if f is not None else norms[t.i]

    # the span's top tokens: those whose head is outside the span (or themselves)
    for k in range(start, end):
        if heads[k] != k and start <= heads[k] < end:
            continue
        top = doc[k]
        lemma = form(top)
        out.append(f"r:{lemma}")
        for c in top.children:
            if c.dep_ == "neg":
                out.append("r:neg")
            elif c.dep_ in ("aux", "auxpass") and c.lower_ in _MODALS:
                out.append(f"r:aux:{c.lower_}")
            elif c.dep_ in ("ccomp", "xcomp") and start <= c.i < end:
                out.append(f"rc:{lemma} {form(c)}")
    for i in idx:
        pos = poss[i]
        if pos not in ("VERB", "AUX", "NOUN"):
            continue
        t = doc[i]
        if pos == "VERB" or (pos == "AUX" and t.dep_ == "ROOT"):
            lemma = forms[t.i]
            out.append(f"v:{lemma}")
            for c in t.children:
                if not start <= c.i < end:
                    continue
                dep = c.dep_
                if dep in _OBJECTS:
                    out.append(f"vo:{lemma} {form(c)}")
                elif dep == "prep":
                    objs = [g for g in c.children if g.dep_ == "pobj"]
                    out.append(f"vp:{lemma} {c.lower_} {form(objs[0])}" if objs else f"vp:{lemma} {c.lower_}")
                elif dep in _SUBJECTS:
                    out.append(f"vs:{form(c)} {lemma}")
                elif dep in _CLAUSES and c.pos_ in ("VERB", "AUX"):
                    out.append(f"vx:{lemma} {form(c)}")
                elif dep == "neg":
                    out.append(f"vn:{lemma}")
                elif dep in ("aux", "auxpass") and c.lower_ in _MODALS:
                    out.append(f"vm:{c.lower_} {lemma}")
        elif pos == "NOUN":
            for c in t.children:
                if c.dep_ == "prep" and start <= c.i < end:
                    out.append(f"np:{forms[t.i]} {c.lower_}")
                    break
    return list(dict.fromkeys(out))


# ---- the model ----------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Detection:
    """The detector's answer for one sentence, clause or text."""

    type: str | None            # the most probable PLOVER event, None when ``none`` is the most probable
    confidence: float           # calibrated probability of ``type`` (of ``none`` when type is None)
    event: float                # probability that some event is reported (1 - P(none))
    mode: str | None            # the most probable PLOVER mode of ``type`` (None: no particular mode)
    mode_confidence: float      # its probability
    probs: dict[str, float] = field(repr=False, default_factory=dict)  # every label, ``none`` included

    def to_dict(self) -> dict[str, Any]:
        return {"type": self.type, "confidence": round(self.confidence, 4), "event": round(self.event, 4),
                "mode": self.mode, "mode_confidence": round(self.mode_confidence, 4),
                "probs": {k: round(v, 4) for k, v in self.probs.items()}}


def _softmax(z: np.ndarray) -> np.ndarray:
    z = z - z.max(axis=-1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=-1, keepdims=True)


class Detector:
    """A trained detector: feature vocabulary, type weights, mode weights and the temperature.

    Build it with :func:`load_detector` (the shipped artefact) or from arrays (training). ``predict``
    and ``detect`` take strings (parsed with the configured spaCy pipeline), spaCy ``Span`` objects
    (sentences or clauses of a parsed article: nothing is parsed again) or ``Doc`` objects.
    """

    def __init__(self, vocab: Sequence[str], weights: np.ndarray, bias: np.ndarray, *,
                 mode_weights: np.ndarray | None = None, mode_bias: np.ndarray | None = None,
                 modes: dict[str, list[str | None]] | None = None, temperature: float = 1.0,
                 mode_temperature: float = 1.0, labels: Sequence[str] = LABELS,
                 meta: dict[str, Any] | None = None):
        self.labels = tuple(labels)
        self.vocab = list(vocab)
        self.index = {f: i for i, f in enumerate(self.vocab)}
        self.weights = np.ascontiguousarray(weights, dtype=np.float32)
        self.bias = np.asarray(bias, dtype=np.float32)
        if self.weights.shape != (len(self.vocab), len(self.labels)) or self.bias.shape != (len(self.labels),):
            raise ValueError(f"weights {self.weights.shape} / bias {self.bias.shape} do not fit "
                             f"{len(self.vocab)} features x {len(self.labels)} labels")
        self.modes = {k: list(v) for k, v in (modes or {}).items()}
        n_modes = sum(len(v) for v in self.modes.values())
        self.mode_weights = (np.zeros((len(self.vocab), 0), np.float32) if mode_weights is None
                             else np.ascontiguousarray(mode_weights, dtype=np.float32))
        self.mode_bias = np.zeros(0, np.float32) if mode_bias is None else np.asarray(mode_bias, np.float32)
        if self.mode_weights.shape != (len(self.vocab), n_modes) or self.mode_bias.shape != (n_modes,):
            raise ValueError(f"mode weights {self.mode_weights.shape} do not fit {n_modes} modes")
        self._segments: dict[str, tuple[int, int]] = {}
        at = 0
        for t, ms in self.modes.items():
            self._segments[t] = (at, at + len(ms))
            at += len(ms)
        self.temperature = float(temperature)
        self.mode_temperature = float(mode_temperature)
        self.meta = dict(meta or {})
        self._none = self.labels.index(NONE)

    # -- inputs ---------------------------------------------------------------------------------

    @staticmethod
    def _spans(items: Iterable[Any]) -> list[Any]:
        items = list(items)
        texts = [(k, x) for k, x in enumerate(items) if isinstance(x, str)]
        if texts:
            from .. import config as _config
            from ..nlp import configured_model

            cfg = _config.load()
            nlp = configured_model(cfg)
            for (k, _), doc in zip(texts, nlp.pipe(t for _, t in texts), strict=True):
                items[k] = doc
        from spacy.tokens import Doc, Span

        out = []
        for x in items:
            if isinstance(x, Doc):  # a Doc: all of it
                x = x[:]
            if not isinstance(x, Span):
                raise TypeError(f"the detector takes strings, spaCy Docs or Spans, not {type(x).__name__}")
            out.append(x)
        return out

    def _rows(self, spans: Sequence[Any]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Sparse rows (CSR: indptr, column indices, values) of the spans' known features."""
        return self._rows_of([features(sp) for sp in spans])

    def _rows_of(self, feats: Sequence[Sequence[str]]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        index = self.index
        cols: list[int] = []
        indptr = [0]
        vals: list[float] = []
        for fs in feats:
            known = [index[f] for f in fs if f in index]
            cols += known
            indptr.append(len(cols))
            # every span is scaled by its own feature count (unknown features included), as in training
            vals += [1.0 / math.sqrt(len(fs))] * len(known) if fs else []
        return np.asarray(indptr, np.int64), np.asarray(cols, np.int64), np.asarray(vals, np.float32)

    @staticmethod
    def _matmul(indptr: np.ndarray, cols: np.ndarray, vals: np.ndarray, w: np.ndarray) -> np.ndarray:
        n = len(indptr) - 1
        out = np.zeros((n, w.shape[1]), np.float32)
        if len(cols) == 0 or w.shape[1] == 0:
            return out
        _segment_sum(out, w[cols] * vals[:, None], indptr)
        return out

    # -- outputs --------------------------------------------------------------------------------

    def scores(self, feats: Sequence[Sequence[str]]) -> tuple[np.ndarray, np.ndarray]:
        """(calibrated type probabilities, raw mode logits) of items given as feature lists
        (:func:`features`): for evaluation and training, where spans were featurised once."""
        rows = self._rows_of(feats)
        p = _softmax((self._matmul(*rows, self.weights) + self.bias) / self.temperature)
        return p, self._matmul(*rows, self.mode_weights) + self.mode_bias

    def mode_of(self, mode_logits: np.ndarray, type_: str | None) -> tuple[str | None, float]:
        """The most probable mode of ``type_`` from one row of mode logits, with its probability."""
        seg = self._segments.get(type_ or "")
        if seg is None or seg[1] <= seg[0]:
            return None, 0.0
        pm = _softmax(mode_logits[seg[0]:seg[1]] / self.mode_temperature)
        m = int(np.argmax(pm))
        return self.modes[type_][m], float(pm[m])  # type: ignore[index]

    def logits(self, items: Iterable[Any]) -> np.ndarray:
        """Uncalibrated type logits, one row per item (columns: :attr:`labels`)."""
        spans = self._spans(items)
        return self._matmul(*self._rows(spans), self.weights) + self.bias

    def probabilities(self, items: Iterable[Any]) -> np.ndarray:
        """Calibrated type probabilities, one row per item (columns: :attr:`labels`)."""
        return _softmax(self.logits(items) / self.temperature)

    def predict(self, items: Iterable[Any]) -> list[dict[str, float]]:
        """For each string, Span or Doc: ``{label: probability}`` over the 16 PLOVER events and
        ``none``, most probable first (the probabilities sum to 1)."""
        out = []
        for row in self.probabilities(items):
            order = np.argsort(-row, kind="stable")
            out.append({self.labels[j]: float(row[j]) for j in order})
        return out

    def mode_probabilities(self, items: Iterable[Any], types: Sequence[str | None]) -> list[dict[str | None, float]]:
        """For each item, ``{mode: probability}`` of the given event type's modes (``None``: no
        particular mode); ``{}`` for a type without modes."""
        spans = self._spans(items)
        if len(types) != len(spans):
            raise ValueError("give one event type per item")
        rows = self._rows(spans)
        z = self._matmul(*rows, self.mode_weights) + self.mode_bias
        out: list[dict[str | None, float]] = []
        for k, t in enumerate(types):
            seg = self._segments.get(t or "")
            if seg is None or seg[1] - seg[0] < 2:
                out.append({self.modes[t][0]: 1.0} if seg else {})
                continue
            p = _softmax(z[k, seg[0]:seg[1]] / self.mode_temperature)
            out.append({m: float(v) for m, v in sorted(zip(self.modes[t], p, strict=True), key=lambda x: -x[1])})
        return out

    def detect(self, items: Iterable[Any]) -> list[Detection]:
        """The most probable event of each item with its mode and calibrated confidence."""
        spans = self._spans(items)
        if not spans:
            return []
        rows = self._rows(spans)
        p = _softmax((self._matmul(*rows, self.weights) + self.bias) / self.temperature)
        zm = self._matmul(*rows, self.mode_weights) + self.mode_bias
        out = []
        for k in range(len(spans)):
            j = int(np.argmax(p[k]))
            label = self.labels[j]
            typ = None if j == self._none else label
            mode, mconf = self.mode_of(zm[k], typ)
            order = np.argsort(-p[k], kind="stable")
            out.append(Detection(typ, float(p[k, j]), float(1.0 - p[k, self._none]), mode, mconf,
                                 {self.labels[i]: float(p[k, i]) for i in order}))
        return out

    def explain(self, item: Any, label: str | None = None, top: int = 8) -> list[tuple[str, float]]:
        """The features that pushed one item most toward ``label`` (default: its top label), with
        their contribution to the logit: what ``--explain`` can show."""
        span = self._spans([item])[0]
        fs = features(span)
        if label is None:
            label = next(iter(self.predict([span])[0]))
        j = self.labels.index(label)
        scale = 1.0 / math.sqrt(len(fs)) if fs else 0.0
        contrib = [(f, float(self.weights[self.index[f], j]) * scale) for f in fs if f in self.index]
        return sorted(contrib, key=lambda x: -x[1])[:top]

    # -- storage --------------------------------------------------------------------------------

    def save(self, path: str | Path) -> Path:
        """Write the artefact: one compressed ``.npz`` of arrays and a JSON header with checksums.

        Weights are stored as int8 with one float scale per column (:func:`quantise`): a quarter of
        the float32 size, and the same answers on the dev slice of tune (the rounding error of a
        weight is at most 1/254 of its column's largest)."""
        qw, sw = quantise(self.weights)
        qm, sm = quantise(self.mode_weights)
        arrays = {"weights_q": qw, "weights_scale": sw, "mode_weights_q": qm, "mode_weights_scale": sm,
                  "bias": self.bias, "mode_bias": self.mode_bias,
                  "vocab": np.frombuffer("\n".join(self.vocab).encode("utf-8"), dtype=np.uint8)}
        meta = dict(self.meta)
        meta.update({"format": FORMAT, "features": FEATURES_VERSION, "labels": list(self.labels),
                     "modes": self.modes, "temperature": self.temperature,
                     "mode_temperature": self.mode_temperature,
                     "sha256": {k: _digest(v) for k, v in arrays.items()}})
        arrays["meta"] = np.frombuffer(json.dumps(meta, sort_keys=True).encode("utf-8"), dtype=np.uint8)
        p = Path(path)
        p.parent.mkdir(parents=True, exist_ok=True)
        with p.open("wb") as fh:
            np.savez_compressed(fh, **arrays)
        return p


def quantise(w: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(int8 matrix, float32 scale per column) with ``q * scale`` within half a step of ``w``."""
    w = np.asarray(w, np.float32)
    scale = (np.abs(w).max(axis=0) / 127.0).astype(np.float32) if w.size else np.ones(w.shape[1], np.float32)
    scale[scale == 0] = 1.0
    return np.round(w / scale).astype(np.int8), scale


def dequantise(q: np.ndarray, scale: np.ndarray) -> np.ndarray:
    return q.astype(np.float32) * np.asarray(scale, np.float32)


def _segment_sum(out: np.ndarray, contrib: np.ndarray, indptr: np.ndarray) -> None:
    """Row sums of ``contrib`` between consecutive ``indptr`` offsets, written into ``out``."""
    nonempty = np.flatnonzero(np.diff(indptr) > 0)
    if len(nonempty):
        out[nonempty] = np.add.reduceat(contrib, indptr[nonempty], axis=0)


def _digest(a: np.ndarray) -> str:
    return hashlib.sha256(np.ascontiguousarray(a).tobytes()).hexdigest()


# ---- loading ------------------------------------------------------------------------------------

def default_path() -> Path:
    """Where the shipped artefact lives (inside the installed package)."""
    return Path(str(resources.files("newsgraph.events").joinpath("model", ARTEFACT)))


_CACHE: dict[str, Detector] = {}
_LOCK = threading.Lock()


def load_detector(path: str | Path | None = None) -> Detector:
    """The detector stored at ``path`` (default: the shipped artefact), loaded once per process and path.

    Raises :class:`~newsgraph.errors.EventModelMissing` when there is no file and
    :class:`~newsgraph.errors.EventModelCorrupt` when it cannot be read, fails its checksums or
    was written for another feature version; both say how to rebuild it.
    """
    p = Path(path) if path is not None else default_path()
    key = str(p.resolve())
    with _LOCK:
        det = _CACHE.get(key)
        if det is None:
            det = _CACHE[key] = _read(p)
    return det


def clear_cache() -> None:
    """Forget loaded detectors (after rebuilding the artefact in the same process)."""
    with _LOCK:
        _CACHE.clear()


_STORED = ("weights_q", "weights_scale", "mode_weights_q", "mode_weights_scale", "bias", "mode_bias", "vocab")


def _read(p: Path) -> Detector:
    if not p.is_file():
        raise EventModelMissing(f"the event detector artefact is missing: {p}", hint=REBUILD)

    def corrupt(why: str) -> EventModelCorrupt:
        return EventModelCorrupt(f"the event detector artefact {p} is unusable: {why}", hint=REBUILD)

    try:
        with np.load(p, allow_pickle=False) as z:
            arrays = {k: z[k] for k in (*_STORED, "meta")}
    except KeyError as exc:
        raise corrupt(f"it lacks the array {exc}") from exc
    except (OSError, ValueError, EOFError, zipfile.BadZipFile) as exc:
        raise corrupt(f"{type(exc).__name__}: {exc}") from exc
    try:
        meta = json.loads(arrays["meta"].tobytes().decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise corrupt("its header is not JSON") from exc
    if not isinstance(meta, dict) or meta.get("format") != FORMAT:
        raise corrupt(f"it is not a {FORMAT} file")
    if meta.get("features") != FEATURES_VERSION:
        raise corrupt(f"it was built for feature version {meta.get('features')}, this newsgraph reads "
                      f"version {FEATURES_VERSION}")
    sums = meta.get("sha256") or {}
    for k in _STORED:
        if sums.get(k) != _digest(arrays[k]):
            raise corrupt(f"the checksum of '{k}' does not match")
    vocab = arrays["vocab"].tobytes().decode("utf-8").split("\n") if arrays["vocab"].size else []
    try:
        return Detector(vocab, dequantise(arrays["weights_q"], arrays["weights_scale"]), arrays["bias"],
                        mode_weights=dequantise(arrays["mode_weights_q"], arrays["mode_weights_scale"]),
                        mode_bias=arrays["mode_bias"],
                        modes={t: list(ms) for t, ms in meta["modes"].items()},
                        temperature=float(meta["temperature"]), mode_temperature=float(meta["mode_temperature"]),
                        labels=meta["labels"], meta=meta)
    except (KeyError, TypeError, ValueError) as exc:
        raise corrupt(f"{type(exc).__name__}: {exc}") from exc


__all__ = ["LABELS", "NONE", "Detection", "Detector", "clear_cache", "default_path", "features", "load_detector"]
