"""Measure the learned event detector (newsgraph.events.detect) beside the rule coder.

    .venv/bin/python scripts/eval_detector.py                      # check parts, detector only
    .venv/bin/python scripts/eval_detector.py --rules              # and the rule coder on the same items
    .venv/bin/python scripts/eval_detector.py --split tune --sets allsides   # the tune hand set
    .venv/bin/python scripts/eval_detector.py --rules --markdown benchmarks/detector_results.md \\
        --reliability benchmarks/detector_reliability.md

Sets (``--sets``, default all), each on ``--split`` (default check; numbers only, never item lists):

* ``ngec``: NGEC synthetic stories. The detector reads each story's sentences (>= 4 words, the
  pipeline's spaCy model). *lead event* = the top event of the earliest sentence whose most probable
  label is an event (the rule coder's ``eval ngec`` definition); *lead sentence* = the first
  sentence's top label; *story* = the event with the largest position-weighted probability over all
  sentences (weight 1/(1+k)). Accuracy and macro F1 over the gold types; mode right where the type is
  right and the gold has a mode. Rule coder: ``newsgraph eval ngec``.
* ``plover``: PLOVER gold records, the whole record text as one span; a ``none`` answer is no answer
  (P over answered records, R over all, F1), as ``newsgraph eval plover`` scores the coder.
* ``conflibert``: 5-way CAMEO class of each sentence from the detector's probabilities summed per
  class; two ways to map a PLOVER event to a class: by the CAMEO codes it comes from (REQUEST and
  SANCTION verbal conflict, CONCEDE material cooperation: the class the ConfliBERT gold uses), and by
  PLOVER's own quad class (``none`` -> 0 in both). Rule coder: ``newsgraph eval cameo-class``.
* ``allsides``: the hand-labelled AllSides events (``evaluate/gold/allsides_events.json``, check
  articles; ``allsides_events_tune.json`` with ``--split tune``), run through the whole pipeline.
  For each gold event, the sentence holding its first evidence span: does the detector's top label
  equal the gold type (and does the rule coder's main event of that sentence)? For body sentences
  (>= 4 words) overlapping no gold evidence: how often the detector's top label is an event (and how
  often the rule coder codes any event there). For labelled non-events (hedged, future, negated):
  how often the labelled type is the top label.

``--reliability FILE`` writes the reliability tables (confidence of the top label, binned, against
observed precision) of the sets scored.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from newsgraph.evaluate.seed import shared_dir  # noqa: E402
from newsgraph.events.detect import NONE, Detector, features, load_detector  # noqa: E402
from newsgraph.events.model import fit as F  # noqa: E402
from newsgraph.events.model.examples import (  # noqa: E402
    QUAD_INDEX,
    canonical_mode,
    penta_of_type,
    story_sentences,
)
from newsgraph.events.model.scoring import first_event, penta_prediction, story_event, type_f1  # noqa: E402

DEV = shared_dir() / "data" / "dev"
SETS = ("ngec", "plover", "conflibert", "allsides")


def _nlp() -> Any:
    from newsgraph import config
    from newsgraph.nlp import load_model

    cfg = config.load()
    return load_model(cfg["nlp"]["model"], bool(cfg["nlp"]["fast_tagging"]))


def _reliability(conf: list[float], correct: list[bool]) -> dict[str, Any]:
    c, k = np.asarray(conf, float), np.asarray(correct, bool)
    return {"n": len(c), "ece": round(F.ece(c, k), 4), "bins": F.reliability(c, k)}


def _part(split: str) -> str:
    """The part of a set a split reads: ``dev`` is a slice of tune."""
    return "tune" if split == "dev" else split


def _held_out(items: list[Any], split: str, key: Any) -> list[Any]:
    """With ``--split dev``: only the items of tune that training held out (the detector's dev
    slice, ``dev_share`` of train.toml by the same salted hash as training); else all of them."""
    if split != "dev":
        return items
    from newsgraph.events.model.examples import dev_fraction
    from newsgraph.events.model.train import load_settings

    share = float(load_settings()["dev_share"])
    return [x for x in items if dev_fraction(key(x)) < share]


# ---- NGEC -----------------------------------------------------------------------------------------

def eval_ngec(det: Detector, split: str) -> dict[str, Any]:
    from newsgraph.evaluate.ngec import load_stories

    stories = load_stories(DEV / "ngec_synthetic" / "gpt_synthetic_events_2023-10-19_19.csv.zip", split=_part(split))
    stories = _held_out(stories, split, lambda s: f"ngec:{s.id}")
    nlp = _nlp()
    labels = list(det.labels)
    gold, lead, first, story = [], [], [], []
    mode_n = mode_right = 0
    conf, correct = [], []
    for s, doc in zip(stories, nlp.pipe((s.text for s in stories), batch_size=32), strict=True):
        sents = story_sentences(doc) or [doc[:]]
        probs, zm = det.scores([features(x) for x in sents])
        gold.append(s.label)
        j = int(np.argmax(probs[0]))
        lead.append(None if labels[j] == NONE else labels[j])
        conf.append(float(probs[0, j]))
        correct.append(labels[j] == s.label)
        ev, k = first_event(probs, labels)
        first.append(ev)
        story.append(story_event(probs, labels, 1.0))
        gmode = canonical_mode(s.mode)
        if ev == s.label and gmode and k is not None:
            mode_n += 1
            mode_right += det.mode_of(zm[k], ev)[0] == gmode
    return {"stories": len(stories), "lead event": type_f1(gold, first), "lead sentence": type_f1(gold, lead),
            "story": type_f1(gold, story), "mode right": round(mode_right / mode_n, 4) if mode_n else None,
            "mode n": mode_n, "reliability (first sentence, gold = story event)": _reliability(conf, correct)}


# ---- PLOVER -----------------------------------------------------------------------------------------

def eval_plover(det: Detector, split: str) -> dict[str, Any]:
    from newsgraph.evaluate.plover import load_gsr

    recs = load_gsr(DEV / "plover_gsr" / "plover_gsr_dev.json", split=_part(split))
    recs = _held_out(recs, split, lambda r: f"plover:{r.id}")
    nlp = _nlp()
    labels = list(det.labels)
    probs, zm = det.scores([features(d[:]) for d in nlp.pipe(r.text for r in recs)])
    pred = [labels[int(np.argmax(p))] for p in probs]
    out = type_f1([r.event for r in recs], [None if p == NONE else p for p in pred])
    modes = [(det.mode_of(zm[i], pred[i])[0], canonical_mode(r.mode)) for i, r in enumerate(recs)
             if pred[i] == r.event and canonical_mode(r.mode)]
    out["mode right"] = round(sum(a == b for a, b in modes) / len(modes), 4) if modes else None
    out["mode n"] = len(modes)
    out["reliability"] = _reliability([float(p.max()) for p in probs],
                                      [pred[i] == r.event for i, r in enumerate(recs)])
    return out


# ---- ConfliBERT ---------------------------------------------------------------------------------------

def eval_conflibert(det: Detector, split: str) -> dict[str, Any]:
    from newsgraph.evaluate.cameo_class import load_tsv
    from newsgraph.evaluate.splits import text_id
    from newsgraph.events.codebook import QUAD_OF_PLOVER

    rows = load_tsv(DEV / "conflibert" / "cameo_class_train.tsv", split=_part(split))
    rows = _held_out(rows, split, lambda r: f"conflibert:{text_id(r[0])}")
    nlp = _nlp()
    labels = list(det.labels)
    probs, _ = det.scores([features(d[:]) for d in nlp.pipe(t for t, _ in rows)])
    gold = np.asarray([k for _, k in rows])
    by_cameo = penta_prediction(probs, labels, penta_of_type())
    quad = {t: QUAD_INDEX[q] for t, q in QUAD_OF_PLOVER.items()}
    quad[NONE] = 0
    by_quad = penta_prediction(probs, labels, quad)
    conf = [float(probs[i] @ np.asarray([penta_of_type().get(lab, 0) == by_cameo[i] for lab in labels]))
            for i in range(len(rows))]
    return {"sentences": len(rows), "accuracy (CAMEO-derived class of each event)": round(float((by_cameo == gold).mean()), 4),
            "accuracy (PLOVER quad class)": round(float((by_quad == gold).mean()), 4),
            "gold distribution": dict(sorted(Counter(gold.tolist()).items())),
            "reliability (class probability)": _reliability(conf, (by_cameo == gold).tolist())}


# ---- AllSides hand set ------------------------------------------------------------------------------

def eval_allsides(det: Detector, split: str) -> dict[str, Any]:
    from newsgraph import config
    from newsgraph.evaluate import handsets
    from newsgraph.events import coder_for
    from newsgraph.events.coder import main_event
    from newsgraph.events.model.examples import rule_reading

    coder = coder_for(config.load(), rules_only=True)

    name = "allsides_events.json" if split == "check" else "allsides_events_tune.json"
    gold = handsets.load_gold("events", handsets.GOLD_DIR / name)
    labels = list(det.labels)
    ev_total = ev_det = ev_rule = ev_det_event = ev_det_given = 0
    combo: Counter[str] = Counter()  # the rules' sentence reading, alone and with the detector
    per_type: dict[str, list[int]] = {}
    bg_total = bg_det = bg_rule = 0
    ne_total = ne_det = ne_rule = 0
    conf, correct = [], []
    for art, m in handsets.analyse(gold, handsets._corpus()):
        an = m.analysis
        doc = an.doc
        sents = [s for s in doc.sents if s.start_char >= an.article.body_start and sum(t.is_alpha for t in s) >= 4]
        if not sents:
            continue
        dets = det.detect(sents)
        readings = [rule_reading(coder, s) for s in sents]
        starts = [s.start_char for s in sents]

        def sent_of(pos: int, starts: list[int] = starts, sents: list[Any] = sents) -> int | None:
            k = int(np.searchsorted(starts, pos, side="right")) - 1
            return k if k >= 0 and pos < sents[k].end_char else None

        rule_by_sent: dict[int, list[Any]] = {}
        for ev in an.events:
            where = ev.predicate.start if ev.predicate else ev.evidence.start
            k = sent_of(where)
            if k is not None:
                rule_by_sent.setdefault(k, []).append(ev)
        covered: set[int] = set()
        gold_types: dict[int, set[str]] = {}
        for g in art["events"]:
            spans = [m.span(s, d) for s, d in zip(g["evidence"], g.get("evidence_sha") or [None] * len(g["evidence"]),
                                                  strict=False)]
            for sp in spans:
                if sp is None:
                    continue
                for k, s in enumerate(sents):
                    if s.start_char < sp[1] and sp[0] < s.end_char:
                        covered.add(k)
            first = spans[0] if spans else None
            k = sent_of(first[0]) if first else None
            if k is None:
                continue
            gold_types.setdefault(k, set()).add(g["plover"])
            ev_total += 1
            row = per_type.setdefault(g["plover"], [0, 0, 0])
            row[0] += 1
            ok = dets[k].type == g["plover"]
            ev_det += ok
            row[1] += ok
            ev_det_event += dets[k].type is not None
            given = max((lab for lab in labels if lab != NONE), key=lambda lab: dets[k].probs[lab])
            ev_det_given += given == g["plover"]
            reading = None if readings[k] == NONE else readings[k]
            combo["reading right"] += reading == g["plover"]
            combo["reading, else detector, right"] += (reading or given) == g["plover"]
            combo["reading right and kept"] += reading == g["plover"] and dets[k].event >= 0.5
            main = main_event(rule_by_sent.get(k, []), doc)
            rok = main is not None and main.plover == g["plover"]
            ev_rule += rok
            row[2] += rok
        for k, d in enumerate(dets):
            if k in gold_types:
                conf.append(d.confidence)
                correct.append(d.type in gold_types[k])
            elif k not in covered:
                bg_total += 1
                bg_det += d.type is not None
                bg_rule += bool(rule_by_sent.get(k))
                combo["no-event: reading codes one"] += readings[k] != NONE
                combo["no-event: reading kept"] += readings[k] != NONE and d.event >= 0.5
                conf.append(d.confidence)
                correct.append(d.type is None)
        for ne in art.get("not_events", []):
            sp = m.span(ne["span"], ne.get("sha"))
            k = sent_of(sp[0]) if sp else None
            if k is None:
                continue
            ne_total += 1
            ne_det += dets[k].type == ne.get("plover")
            ne_rule += any(e.plover == ne.get("plover") and sp[0] <= (e.predicate.start if e.predicate else e.evidence.start) < sp[1]
                           for e in rule_by_sent.get(k, []))
    del labels

    def share(key: str, n: int) -> float | None:
        return round(combo[key] / n, 4) if n else None

    return {"articles": len(gold["articles"]), "gold events located": ev_total,
            "detector: top type = gold type": round(ev_det / ev_total, 4) if ev_total else None,
            "detector: some event predicted at gold event": round(ev_det_event / ev_total, 4) if ev_total else None,
            "detector: top event type (none set aside) = gold type": round(ev_det_given / ev_total, 4) if ev_total else None,
            "rule coder: main event type = gold type": round(ev_rule / ev_total, 4) if ev_total else None,
            "sentences with no gold event": bg_total,
            "detector: event predicted there": round(bg_det / bg_total, 4) if bg_total else None,
            "rule coder: event coded there": round(bg_rule / bg_total, 4) if bg_total else None,
            "labelled non-events": ne_total,
            "detector: labelled type is top": round(ne_det / ne_total, 4) if ne_total else None,
            "rule coder: labelled type coded": round(ne_rule / ne_total, 4) if ne_total else None,
            R_RIGHT: share("reading right", ev_total),
            R_ELSE: share("reading, else detector, right", ev_total),
            R_KEPT: share("reading right and kept", ev_total),
            R_BG: share("no-event: reading codes one", bg_total),
            R_KEPT_BG: share("no-event: reading kept", bg_total),
            "per type [gold, detector right, rules right]": dict(sorted(per_type.items())),
            "reliability (gold-event and no-event sentences)": _reliability(conf, correct)}


# ---- rule coder ---------------------------------------------------------------------------------------

def rules(sets: list[str], split: str) -> dict[str, Any]:
    out: dict[str, Any] = {}
    if "ngec" in sets:
        from newsgraph.evaluate.ngec import evaluate_ngec

        r = evaluate_ngec(DEV / "ngec_synthetic" / "gpt_synthetic_events_2023-10-19_19.csv.zip", split=split).to_dict()
        out["ngec"] = {k: r[k] for k in ("n", "accuracy", "macro_f1", "mode_right", "mode_n")}
    if "plover" in sets:
        from newsgraph.evaluate.plover import evaluate_plover

        r = evaluate_plover(DEV / "plover_gsr" / "plover_gsr_dev.json", split=split).to_dict()
        out["plover"] = {k: r[k] for k in ("n", "precision", "recall", "f1")}
    if "conflibert" in sets:
        from newsgraph.evaluate.cameo_class import evaluate_cameo_class

        r = evaluate_cameo_class(DEV / "conflibert" / "cameo_class_train.tsv", split=split).to_dict()
        out["conflibert"] = {k: r[k] for k in ("n", "accuracy")}
    return out


R_RIGHT = "R (rules' sentence reading, no actor filter): type = gold"
R_ELSE = "R, else detector's top event: type = gold"
R_KEPT = "R kept where detector P(event) >= 0.5: type = gold"
R_BG = "no-event sentences: R codes an event"
R_KEPT_BG = "no-event sentences: R kept where P(event) >= 0.5"


def markdown(res: dict[str, Any], split: str) -> str:
    lines = [f"| set ({split}) | figure | detector | rule coder |", "|---|---|---|---|"]
    r = res.get("rules", {})
    if "ngec" in res:
        d = res["ngec"]
        rn = r.get("ngec", {})
        lines += [f"| NGEC stories ({d['stories']}) | lead event accuracy | {d['lead event']['accuracy']:.3f} | {rn.get('accuracy', '-')} |",
                  f"| | lead event macro F1 | {d['lead event']['macro_f1']:.3f} | {rn.get('macro_f1', '-')} |",
                  f"| | story (all sentences) accuracy / macro F1 | {d['story']['accuracy']:.3f} / {d['story']['macro_f1']:.3f} | |",
                  f"| | first sentence accuracy | {d['lead sentence']['accuracy']:.3f} | |",
                  f"| | mode right (type right, gold mode) | {d['mode right']} (n {d['mode n']}) | {rn.get('mode_right', '-')} (n {rn.get('mode_n', '-')}) |"]
    if "plover" in res:
        d = res["plover"]
        rp = r.get("plover", {})
        lines += [f"| PLOVER records ({d['n']}) | type F1 (P / R) | {d['f1']:.3f} ({d['precision']:.3f} / {d['recall']:.3f}) | "
                  f"{rp.get('f1', '-')} ({rp.get('precision', '-')} / {rp.get('recall', '-')}) |",
                  f"| | mode right | {d['mode right']} (n {d['mode n']}) | |"]
    if "conflibert" in res:
        d = res["conflibert"]
        rc = r.get("conflibert", {})
        lines += [f"| ConfliBERT sentences ({d['sentences']}) | 5-way accuracy, CAMEO-derived class | "
                  f"{d['accuracy (CAMEO-derived class of each event)']:.3f} | {rc.get('accuracy', '-')} |",
                  f"| | 5-way accuracy, PLOVER quad class | {d['accuracy (PLOVER quad class)']:.3f} | |"]
    if "allsides" in res:
        d = res["allsides"]
        lines += [f"| AllSides hand set ({d['articles']} articles, {d['gold events located']} events) | "
                  f"sentence of a gold event: top type = gold | {d['detector: top type = gold type']:.3f} | "
                  f"{d['rule coder: main event type = gold type']:.3f} |",
                  f"| | sentence of a gold event: some event predicted | {d['detector: some event predicted at gold event']:.3f} | |",
                  f"| | sentence of a gold event: top event type, none set aside, = gold | "
                  f"{d['detector: top event type (none set aside) = gold type']:.3f} | |",
                  f"| | sentences with no gold event ({d['sentences with no gold event']}): event predicted | "
                  f"{d['detector: event predicted there']:.3f} | {d['rule coder: event coded there']:.3f} |",
                  f"| | labelled non-events ({d['labelled non-events']}): labelled type predicted | "
                  f"{d['detector: labelled type is top']:.3f} | {d['rule coder: labelled type coded']:.3f} |",
                  f"| | R = rules' sentence reading (no actor filter): type right / no-event sentences coded | | "
                  f"{d[R_RIGHT]:.3f} / {d[R_BG]:.3f} |",
                  f"| | R, else detector's top event: type right | {d[R_ELSE]:.3f} | |",
                  f"| | R kept where detector P(event) >= 0.5: type right / no-event sentences coded | "
                  f"{d[R_KEPT]:.3f} / {d[R_KEPT_BG]:.3f} | |"]
    return "\n".join(lines)


def reliability_markdown(res: dict[str, Any], split: str) -> str:
    sets = ",".join(k for k in res if k not in ("rules", "seconds"))
    out = ["# Reliability of the event detector's confidence", "",
           f"Written by `python scripts/eval_detector.py --split {split} --sets {sets} --reliability "
           "benchmarks/detector_reliability.md`"
           + (" on the detector's dev slice: the part of tune that training held out (NGEC stories, "
              "PLOVER records), and the ConfliBERT and AllSides tune parts, never trained on."
              if split == "dev" else "."),
           "Per bin of the top label's calibrated probability: how many items, their mean confidence and how "
           "often the top label was right (ECE: expected calibration error over ten equal bins). The "
           "temperature was fitted on the NGEC and PLOVER dev slice.", ""]
    for name, d in res.items():
        if name == "rules" or not isinstance(d, dict):
            continue
        for key, val in d.items():
            if not key.startswith("reliability"):
                continue
            out += [f"### {name}: {key.removeprefix('reliability').strip(' ()') or 'top type'} ({split}, n {val['n']}, "
                    f"ECE {val['ece']:.3f})", "", "| confidence bin | items | mean confidence | observed precision |",
                    "|---|---|---|---|"]
            out += [f"| {b['bin']} | {b['n']} | {b['confidence'] if b['confidence'] is not None else '-'} | "
                    f"{b['precision'] if b['precision'] is not None else '-'} |" for b in val["bins"]]
            out.append("")
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--artefact", type=Path, default=None, help="detector artefact (default: the packaged one)")
    ap.add_argument("--split", choices=("check", "tune", "dev"), default="check",
                    help="dev: the slice of tune held out from training (ngec, plover, conflibert; allsides "
                         "reads its tune hand set, never trained on); the place for reliability tables")
    ap.add_argument("--sets", default=",".join(SETS), help=f"comma-separated subset of {', '.join(SETS)}")
    ap.add_argument("--rules", action="store_true", help="also score the rule coder on ngec, plover, conflibert")
    ap.add_argument("--json", type=Path, default=None, help="write every figure as JSON here")
    ap.add_argument("--markdown", type=Path, default=None, help="write the side-by-side table here")
    ap.add_argument("--reliability", type=Path, default=None, help="write the reliability tables here")
    args = ap.parse_args(argv)
    if not DEV.is_dir():
        print(f"no development data at {DEV}; nothing to measure", file=sys.stderr)
        return 0
    sets = [s.strip() for s in args.sets.split(",") if s.strip()]
    unknown = set(sets) - set(SETS)
    if unknown:
        ap.error(f"unknown sets: {', '.join(sorted(unknown))}")
    det = load_detector(args.artefact)
    started = time.perf_counter()
    res: dict[str, Any] = {}
    for s in sets:
        t = time.perf_counter()
        res[s] = {"ngec": eval_ngec, "plover": eval_plover, "conflibert": eval_conflibert,
                  "allsides": eval_allsides}[s](det, args.split)
        print(f"[{time.perf_counter() - t:5.1f}s] {s}", file=sys.stderr)
    if args.rules:
        res["rules"] = rules(sets, args.split)
    res["seconds"] = round(time.perf_counter() - started, 1)
    table = markdown(res, args.split)
    print(table)
    if args.json:
        args.json.write_text(json.dumps(res, indent=1) + "\n", "utf-8")
    if args.markdown:
        args.markdown.write_text(table + "\n", "utf-8")
    if args.reliability:
        args.reliability.write_text(reliability_markdown(res, args.split), "utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
