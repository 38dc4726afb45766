"""Train the event detector from ``../shared`` and write its artefact (``make train-events``).

    python -m newsgraph.events.model.train                      # ../shared -> events/model/detector.npz
    python -m newsgraph.events.model.train --set sources.conflibert=1 --out /tmp/d.npz --report /tmp/r.json

Steps: read the *tune* parts (:mod:`.examples`), parse them with the pipeline's spaCy model, turn
every span into features (:func:`newsgraph.events.detect.features`), keep the features seen in at
least ``min_count`` training examples, fit the type model and the per-event mode models
(:mod:`.fit`), fit the temperatures on the dev slice of tune, score the dev slice and save.
Deterministic for a seed: the same ``../shared`` and settings give the same artefact.
"""

from __future__ import annotations

import argparse
import copy
import json
import pickle
import sys
import time
import tomllib
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from ..detect import FEATURES_VERSION, LABELS, NONE, Detector, default_path
from . import fit as F
from .examples import Example, build, penta_of_type
from .scoring import first_event, penta_prediction, story_event, type_f1

SETTINGS = Path(__file__).with_name("train.toml")


def load_settings(path: str | Path | None = None, overrides: Sequence[str] = ()) -> dict[str, Any]:
    """The training settings (``train.toml``), with ``section.key=value`` overrides (TOML values)."""
    settings = tomllib.loads(Path(path or SETTINGS).read_text("utf-8"))
    for item in overrides:
        key, _, raw = item.partition("=")
        if not raw:
            raise SystemExit(f"--set wants section.key=value, got {item!r}")
        value = tomllib.loads(f"v = {raw}")["v"]
        node = settings
        *path_, last = key.strip().split(".")
        for part in path_:
            node = node.setdefault(part, {})
        node[last] = value
    return settings


def parser(settings: dict[str, Any]) -> Callable[[Iterable[str]], Iterator[Any]]:
    from ... import config as _config
    from ...nlp import configured_model

    cfg = _config.load()
    nlp = configured_model(cfg)
    opts = settings.get("parse", {})

    def parse(texts: Iterable[str]) -> Iterator[Any]:
        return nlp.pipe(texts, batch_size=int(opts.get("batch_size", 32)), n_process=int(opts.get("n_process", 1)))

    return parse


# ---- fitting ------------------------------------------------------------------------------------

def vocabulary(examples: Sequence[Example], min_count: int) -> list[str]:
    counts: Counter[str] = Counter()
    for e in examples:
        counts.update(set(e.feats))
    return sorted((f for f, c in counts.items() if c >= min_count), key=lambda f: (-counts[f], f))


def _targets(examples: Sequence[Example]) -> np.ndarray:
    col = {lab: j for j, lab in enumerate(LABELS)}
    t = np.zeros((len(examples), len(LABELS)), bool)
    for i, e in enumerate(examples):
        for lab in e.targets:
            t[i, col[lab]] = True
    return t


def _mode_table(examples: Sequence[Example]) -> dict[str, list[str | None]]:
    seen: dict[str, set[str | None]] = defaultdict(set)
    for e in examples:
        if e.has_mode and e.type:
            seen[e.type].add(e.mode)
    return {t: sorted(ms, key=lambda m: (m is not None, m or "")) for t, ms in sorted(seen.items())}


def _mode_data(examples: Sequence[Example], modes: dict[str, list[str | None]]
               ) -> tuple[list[Example], np.ndarray, np.ndarray]:
    seg, at = {}, 0
    for t, ms in modes.items():
        seg[t] = (at, at + len(ms))
        at += len(ms)
    chosen = [e for e in examples if e.has_mode and e.type in seg and seg[e.type][1] - seg[e.type][0] > 1
              and e.mode in modes[e.type]]
    allowed = np.zeros((len(chosen), at), bool)
    targets = np.zeros((len(chosen), at), bool)
    for i, e in enumerate(chosen):
        a, b = seg[e.type]
        allowed[i, a:b] = True
        targets[i, a + modes[e.type].index(e.mode)] = True
    return chosen, allowed, targets


def weighted(examples: Iterable[Example], settings: dict[str, Any]) -> list[Example]:
    """The examples of the enabled sources, each with its source's weight."""
    w = settings["sources"]
    out = []
    for e in examples:
        if float(w.get(e.source, 0)) > 0:
            if e.source != "allsides_silver":  # silver examples carry their weight from label_silver
                e = copy.copy(e)
                e.weight = float(w[e.source])
            out.append(e)
    return out


def label_silver(det: Detector, silver: Sequence[Example], settings: dict[str, Any]) -> list[Example]:
    """The silver sentences two readers agree on. A rule reading of an event (``Example.gold``) is kept
    when the first model, among the events, ranks it in its top ``top`` and gives it at least
    ``min_agree`` of the event probability (whether an event is reported at all is left to the gold
    and story sources: the first model has seen little real news). A rule reading of ``none`` is kept
    when the first model's ``none`` is at least ``none_min``, at most ``none_ratio`` times as many as
    the events kept (the surest first), with weight ``none_weight``."""
    if not silver:
        return []
    cfg = settings.get("silver", {})
    weight = float(settings["sources"].get("allsides_silver", 0))
    none_weight = float(cfg.get("none_weight", weight))
    min_agree, top = float(cfg.get("min_agree", 0.2)), int(cfg.get("top", 2))
    none_min, none_ratio = float(cfg.get("none_min", 0.8)), float(cfg.get("none_ratio", 1.0))
    probs, _ = det.scores([e.feats for e in silver])
    labels = list(det.labels)
    none = labels.index(NONE)
    events: list[Example] = []
    nones: list[tuple[float, int, Example]] = []
    for k, (e, p) in enumerate(zip(silver, probs, strict=True)):
        if e.gold == NONE:
            if none_weight > 0 and p[none] >= none_min:
                nones.append((-float(p[none]), k, e))
            continue
        j = labels.index(e.gold)
        ev = np.delete(p, none)
        share = p[j] / max(float(ev.sum()), 1e-12)
        rank = int((ev > p[j]).sum())
        if share >= min_agree and rank < top:
            events.append(_relabel(e, e.gold, weight))
    nones.sort(key=lambda x: (x[0], x[1]))
    keep_none = [_relabel(e, NONE, none_weight) for _, _, e in nones[:int(none_ratio * len(events))]]
    return events + keep_none


def _relabel(e: Example, label: str, weight: float) -> Example:
    e = copy.copy(e)
    e.targets, e.weight = frozenset({label}), weight
    return e


def train_model(examples: Sequence[Example], settings: dict[str, Any],
                log: Callable[[str], None] = lambda _m: None) -> Detector:
    """Fit a :class:`Detector` on the ``train`` slice of ``examples`` and calibrate it on the ``dev``
    slice; with silver sentences, a first model (without them) picks the silver labels to keep."""
    silver = [e for e in examples if e.source == "allsides_silver"]
    if silver and float(settings["sources"].get("allsides_silver", 0)) > 0:
        others = [e for e in examples if e.source != "allsides_silver"]
        first = _train(others, settings, log)
        kept = label_silver(first, silver, settings)
        log(f"silver: {len(kept)} of {len(silver)} sentences kept "
            f"({sum(1 for e in kept if e.type == NONE)} none)")
        det = _train([*others, *kept], settings, log, calibrate_on=others)
        det.meta["trained"]["silver kept"] = dict(Counter(e.type for e in kept))
        return det
    return _train(examples, settings, log)


def _train(examples: Sequence[Example], settings: dict[str, Any], log: Callable[[str], None],
           calibrate_on: Sequence[Example] | None = None) -> Detector:
    examples = weighted(examples, settings)
    train = [e for e in examples if e.slice == "train"]
    # the temperature is fitted on the dev slice of the gold and story sources (silver labels are
    # what two readers agreed on, not a sample of the truth)
    dev = [e for e in (weighted(calibrate_on, settings) if calibrate_on is not None else examples) if e.slice == "dev"]
    seed = int(settings["seed"])
    vocab = vocabulary(train, int(settings["min_count"]))
    index = {f: i for i, f in enumerate(vocab)}
    log(f"{len(train)} training examples, {len(dev)} dev, {len(vocab)} features")
    opt = settings["optimiser"]
    rows = F.Rows.build([e.feats for e in train], index)
    wts = np.asarray([e.weight for e in train], np.float32)
    w, b = F.fit(rows, _targets(train), wts, len(vocab), epochs=int(opt["epochs"]), lr=float(opt["lr"]),
                 l2=float(opt["l2"]), batch_size=int(opt["batch_size"]), seed=seed)
    modes = _mode_table(train)
    mopt = settings["modes"]
    mtrain, mallowed, mtargets = _mode_data(train, modes)
    n_modes = sum(len(v) for v in modes.values())
    if mtrain:
        mw, mb = F.fit(F.Rows.build([e.feats for e in mtrain], index), mtargets,
                       np.asarray([e.weight for e in mtrain], np.float32), len(vocab), allowed=mallowed,
                       epochs=int(mopt["epochs"]), lr=float(mopt["lr"]), l2=float(mopt["l2"]),
                       batch_size=int(mopt["batch_size"]), seed=seed + 1)
    else:
        mw, mb = np.zeros((len(vocab), n_modes), np.float32), np.zeros(n_modes, np.float32)
    temperature = mode_temperature = 1.0
    if dev:
        drows = F.Rows.build([e.feats for e in dev], index)
        temperature = F.fit_temperature(F.logits(drows, w, b), _targets(dev),
                                        np.asarray([e.weight for e in dev], np.float32))
        mdev, mdallowed, mdtargets = _mode_data(dev, modes)
        if mdev:
            zr = F.Rows.build([e.feats for e in mdev], index)
            mode_temperature = F.fit_temperature(F.logits(zr, mw, mb), mdtargets,
                                                 np.asarray([e.weight for e in mdev], np.float32), mdallowed)
    log(f"temperature {temperature:.3f}, mode temperature {mode_temperature:.3f}")
    meta = {"seed": seed, "settings": settings, "trained": {"examples": dict(Counter(e.source for e in train)),
                                                           "dev": dict(Counter(e.source for e in dev))}}
    return Detector(vocab, w, b, mode_weights=mw, mode_bias=mb, modes=modes, temperature=temperature,
                    mode_temperature=mode_temperature, meta=meta)


# ---- the dev report -------------------------------------------------------------------------------

def dev_report(det: Detector, examples: Sequence[Example]) -> dict[str, Any]:
    """Figures on the dev slice of tune: NGEC stories, PLOVER records, headlines, ConfliBERT classes,
    and the reliability of the top label's confidence on single-label sentences."""
    dev = [e for e in examples if e.slice == "dev"]
    if not dev:
        return {}
    probs, zm = det.scores([e.feats for e in dev])
    labels = list(det.labels)
    out: dict[str, Any] = {}
    stories: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for i, e in enumerate(dev):
        if e.source in ("ngec_lead", "ngec_rest"):
            stories[e.group].append((e.position, i))
    if stories:
        gold, lead, first, story = [], [], [], {d: [] for d in (0.5, 1.0, 2.0)}
        mode_n = mode_right = 0
        for group in sorted(stories):
            idx = [i for _, i in sorted(stories[group])]
            p = probs[idx]
            g = dev[idx[0]].gold
            gold.append(g)
            j = int(np.argmax(p[0]))
            lead.append(None if labels[j] == NONE else labels[j])
            ev, k = first_event(p, labels)
            first.append(ev)
            for d in story:
                story[d].append(story_event(p, labels, d))
            head = dev[idx[0]]
            if ev == g and head.position == 0 and head.mode is not None and k is not None:
                mode_n += 1
                mode_right += det.mode_of(zm[idx[k]], ev)[0] == head.mode
        out["ngec stories"] = {"lead sentence": type_f1(gold, lead), "first event sentence": type_f1(gold, first),
                               **{f"story (decay {d})": type_f1(gold, v) for d, v in story.items()},
                               "mode right": round(mode_right / mode_n, 4) if mode_n else None, "mode n": mode_n}
    for src in ("plover", "ngec_headline"):
        sel = [i for i, e in enumerate(dev) if e.source == src]
        if sel:
            pred = [labels[int(np.argmax(probs[i]))] for i in sel]
            out[src] = type_f1([dev[i].gold for i in sel], [None if p == NONE else p for p in pred])
    sel = [i for i, e in enumerate(dev) if e.source == "conflibert"]
    if sel:
        pred = penta_prediction(probs[sel], labels, penta_of_type())
        out["conflibert 5-way"] = {"n": len(sel), "accuracy": round(float(np.mean(
            [p == dev[i].gold for p, i in zip(pred, sel, strict=True)])), 4)}
    single = [i for i, e in enumerate(dev) if e.source in ("ngec_lead", "plover")]
    if single:
        top = probs[single].argmax(axis=1)
        conf = probs[single].max(axis=1)
        correct = np.asarray([labels[j] == dev[i].gold for j, i in zip(top, single, strict=True)])
        out["reliability (dev: NGEC lead sentences and PLOVER records)"] = {
            "ece": round(F.ece(conf, correct), 4), "bins": F.reliability(conf, correct)}
    return out


# ---- entry ----------------------------------------------------------------------------------------

def corpus_for(shared: Path, settings: dict[str, Any], cache: Path | None = None, limit: int | None = None,
               log: Callable[[str], None] = print) -> list[Example]:
    """The examples of every source with a weight, parsed once (``cache``: a file keeping each
    source's examples between runs, for trying settings)."""
    wanted = sorted(k for k, v in settings["sources"].items() if float(v) > 0)
    # sources read from one file are parsed together (the NGEC stories once for all three kinds)
    families: dict[str, list[str]] = {}
    for source in wanted:
        families.setdefault(source.split("_")[0], []).append(source)
    stored: dict[str, list[Example]] = {}
    if cache is not None and cache.is_file():
        with cache.open("rb") as fh:
            stored = pickle.load(fh)  # our own cache file, written below
    out: list[Example] = []
    changed = False
    for _family, sources in sorted(families.items()):
        keys = {s: json.dumps({"features": FEATURES_VERSION, "source": s, "limit": limit,
                               "dev_share": settings["dev_share"],
                               "silver": settings.get("silver", {}).get("articles") if s == "allsides_silver" else None},
                              sort_keys=True) for s in sources}
        missing = [s for s in sources if keys[s] not in stored]
        if missing:
            corpus = build(shared, {**settings, "sources": dict.fromkeys(missing, 1.0)}, parser(settings),
                           limit=limit, progress=log)
            for s in missing:
                stored[keys[s]] = [e for e in corpus.examples if e.source == s]
            changed = True
        for s in sources:
            out += stored[keys[s]]
    if cache is not None and changed:
        with cache.open("wb") as fh:
            pickle.dump(stored, fh)
    return out


def main(argv: Sequence[str] | None = None) -> int:
    from ...evaluate.seed import shared_dir

    ap = argparse.ArgumentParser(prog="python -m newsgraph.events.model.train", description=__doc__.split("\n")[0])
    ap.add_argument("--shared", type=Path, default=None, help="the shared data folder (default ../shared)")
    ap.add_argument("--config", type=Path, default=None, help=f"training settings (default {SETTINGS.name})")
    ap.add_argument("--set", action="append", default=[], metavar="SECTION.KEY=VALUE",
                    help="override one setting, e.g. sources.conflibert=1 or optimiser.l2=1e-5")
    ap.add_argument("--out", type=Path, default=None, help="artefact path (default: the packaged detector.npz)")
    ap.add_argument("--report", type=Path, default=None, help="also write the dev report as JSON here")
    ap.add_argument("--cache", type=Path, default=None, help="keep parsed examples in this file between runs")
    ap.add_argument("--limit", type=int, default=None, help="at most N items per source (quick runs)")
    args = ap.parse_args(argv)
    started = time.perf_counter()
    settings = load_settings(args.config, args.set)
    shared = args.shared or shared_dir()

    def log(msg: str) -> None:
        print(f"[{time.perf_counter() - started:6.1f}s] {msg}", file=sys.stderr, flush=True)

    examples = corpus_for(shared, settings, args.cache, args.limit, log)
    det = train_model(examples, settings, log)
    report = dev_report(det, weighted(examples, settings))
    det.meta["dev_report"] = report
    out = det.save(args.out or default_path())
    log(f"wrote {out} ({out.stat().st_size / 1e6:.1f} MB)")
    text = json.dumps(report, indent=1)
    if args.report:
        args.report.write_text(text + "\n", "utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
