"""Choose how the learned detector and the rules combine (:class:`newsgraph.events.learned.Thresholds`)
on the *tune* parts only: figures per setting, never item lists.

    .venv/bin/python scripts/detector_thresholds.py --split dev          # the grid below
    .venv/bin/python scripts/detector_thresholds.py --split check --only rules,default   # before/after

``--split dev`` (for choosing): NGEC stories and PLOVER records of the detector's held-out slice of
tune (training read the rest of tune), ConfliBERT and AllSides tune parts (never trained on).
``--split tune``: whole tune parts (NGEC and PLOVER figures then flatter the detector, which was
trained on them). ``--split check``: the figures to report, for the default and the rules alone.

Every tune text is analysed once (parse, actors, places, quotes) and only the events are coded again
for each setting, with the project's own scorers: ``eval plover`` (type F1; source and target right),
``eval conflibert`` (whole pipeline 5-way; source and target found), ``eval allsides events`` (recall,
precision, dyad right) and ``eval ngec`` (lead event accuracy, on the first ``--ngec`` tune stories).
Settings are varied one threshold at a time around :data:`newsgraph.events.learned.DEFAULT`.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from newsgraph import config as _config  # noqa: E402
from newsgraph import pipeline as _pipeline  # noqa: E402
from newsgraph.evaluate.seed import shared_dir  # noqa: E402
from newsgraph.events import learned  # noqa: E402
from newsgraph.model import Analysis  # noqa: E402
from newsgraph.pipeline import Context, component  # noqa: E402

OFF = 1.01  # a probability threshold that never fires
CODER: dict[str, Any] = {}


@component("events.tuning")
def _tuning(analysis: Analysis, ctx: Context) -> Analysis:
    """The coder the harness has set (for texts analysed in sections, which keep no Doc)."""
    if analysis.doc is not None:
        analysis.events = CODER["coder"].events(analysis)
    return analysis


class Replay:
    """A stand-in for ``get_pipeline``'s result: the tune texts analysed once, events coded again."""

    def __init__(self, config: dict[str, Any]):
        self.real = _pipeline.Pipeline(config)
        self.cache: dict[tuple[str, str | None], Any] = {}

    def pipe(self, raws: Any, **_kw: Any) -> Any:
        raws = list(raws)
        todo = [r for r in raws if (r.text, r.title) not in self.cache]
        for r, an in zip(todo, self.real.pipe(todo), strict=True):
            self.cache[(r.text, r.title)] = an
        for r in raws:
            an = self.cache[(r.text, r.title)]
            if isinstance(an, Analysis) and an.doc is not None:
                an.events = CODER["coder"].events(an)
            elif isinstance(an, Analysis):
                an = self.real.pipe([r]).__next__()
            yield an


def held_out_loaders() -> None:
    """NGEC stories and PLOVER records: only the detector's dev slice of tune (``--split dev``)."""
    from newsgraph.evaluate import ngec, plover
    from newsgraph.events.model.examples import dev_fraction
    from newsgraph.events.model.train import load_settings

    share = float(load_settings()["dev_share"])

    def only(load: Any, prefix: str) -> Any:
        def wrapped(path: Any, *, limit: int | None = None, split: str | None = None) -> Any:
            items = [x for x in load(path, split="tune") if dev_fraction(f"{prefix}:{x.id}") < share]
            return items[:limit] if limit else items
        return wrapped

    ngec.load_stories = only(ngec.load_stories, "ngec")
    plover.load_gsr = only(plover.load_gsr, "plover")


def scores(dev: Path, n_ngec: int | None, split: str) -> dict[str, Any]:
    from newsgraph.evaluate.cameo_class import evaluate_pipeline
    from newsgraph.evaluate.handsets import score_events
    from newsgraph.evaluate.ngec import evaluate_ngec
    from newsgraph.evaluate.plover import evaluate_plover

    part = "tune" if split == "dev" else split
    p = evaluate_plover(dev / "plover_gsr" / "plover_gsr_dev.json", split=part).to_dict()
    c = evaluate_pipeline(dev / "conflibert" / "cameo_class_train.tsv", split=part).to_dict()
    a = score_events(split=part).to_dict()
    n = evaluate_ngec(dev / "ngec_synthetic" / "gpt_synthetic_events_2023-10-19_19.csv.zip", split=part,
                      limit=n_ngec).to_dict()
    a = a.get("events", a)
    return {"plover n": p["n"], "plover F1": p["f1"], "plover src": p["source_accuracy"], "plover tgt": p["target_accuracy"],
            "conflibert 5-way": c.get("accuracy"), "conflibert S+T": c.get("source_and_target_found"),
            "allsides R": a["recall"], "allsides P": a["precision"], "allsides dyad": a["dyad right"],
            "ngec n": n["n"], "ngec acc": n.get("accuracy"), "ngec mode": n.get("mode_right")}


def markdown(out: dict[str, Any], split: str) -> str:
    """One row per setting, one column per figure."""
    keys = [k for k in next(iter(out.values())) if k not in ("thresholds", "one_sided")]
    lines = [f"| setting ({split}) | one side | " + " | ".join(keys) + " |", "|---" * (len(keys) + 2) + "|"]
    for name, row in out.items():
        cells = [f"{row[k]:.3f}" if isinstance(row[k], float) else str(row[k]) for k in keys]
        lines.append(f"| {name} | {'yes' if row.get('one_sided') else 'no'} | " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--split", choices=("dev", "tune", "check"), default="dev")
    ap.add_argument("--ngec", type=int, default=None, help="score only the first N NGEC stories")
    ap.add_argument("--json", type=Path, default=None)
    ap.add_argument("--only", default=None, help="comma-separated setting names to run (default all)")
    ap.add_argument("--markdown", type=Path, default=None, help="write the figures as a Markdown table here")
    ap.add_argument("--from-json", type=Path, default=None, help="only render an earlier --json file")
    args = ap.parse_args(argv)
    if args.from_json:
        if args.markdown:
            args.markdown.write_text(markdown(json.loads(args.from_json.read_text("utf-8")), args.split), "utf-8")
        return 0
    from newsgraph.events import coder_for
    from newsgraph.events.coder import Coder
    from newsgraph.events.detect import load_detector

    if args.split == "dev":
        held_out_loaders()
    cfg = _config.load()
    cfg["components"]["events"] = "events.tuning"
    rules = coder_for(cfg, rules_only=True)
    det = load_detector(cfg["events"].get("detector_path") or None)
    replay = Replay(cfg)
    _pipeline.get_pipeline = lambda config=None: replay  # the scorers ask for a pipeline: they get the replay
    d = learned.DEFAULT
    # name -> (one_sided, thresholds; None: the rules alone)
    two, one = False, True
    grid: dict[str, tuple[bool, learned.Thresholds | None]] = {
        "rules": (two, None), "rules one-sided": (one, None),
        "detector": (two, d), "detector one-sided": (one, d),
        "default": (bool(cfg["events"]["one_sided"]), d),
        "no veto": (two, dataclasses.replace(d, veto=OFF)),
        "no retype": (two, dataclasses.replace(d, retype=OFF)),
        "no proposals": (two, dataclasses.replace(d, propose=OFF)),
        "only confidence": (two, learned.Thresholds(veto=OFF, retype=OFF, propose=OFF))}
    for v in (0.8, 0.95):
        grid[f"veto {v}"] = (two, dataclasses.replace(d, veto=v))
    for v in (0.5, 0.7, 0.8):
        grid[f"retype {v}"] = (two, dataclasses.replace(d, retype=v))
    for v in (1.5, 5.0):
        grid[f"margin {v}"] = (two, dataclasses.replace(d, margin=v))
    for v in (0.5, 0.6, 0.8, 0.9):
        grid[f"propose {v}"] = (two, dataclasses.replace(d, propose=v))
    grid["beside"] = (two, dataclasses.replace(d, beside=True))
    grid["beside 0.8"] = (two, dataclasses.replace(d, beside=True, propose=0.8))
    grid["beside one-sided"] = (one, dataclasses.replace(d, beside=True))
    for v in (0.3, 0.5, 0.7):
        grid[f"one-sided {v}"] = (one, dataclasses.replace(d, one_sided=v))
        grid[f"one-sided {v} veto 0.8"] = (one, dataclasses.replace(d, one_sided=v, veto=0.8))
    if args.only:
        wanted = {s.strip() for s in args.only.split(",")}
        grid = {k: v for k, v in grid.items() if k in wanted}
    dev = shared_dir() / "data" / "dev"
    out: dict[str, Any] = {}
    for name, (one_sided, th) in grid.items():
        t = time.perf_counter()
        CODER["coder"] = Coder(rules.dictionary, one_sided=one_sided, keep_negated=rules.keep_negated,
                               infer_sides=rules.infer_sides, detector=None if th is None else det,
                               thresholds=th or d)
        out[name] = {"thresholds": None if th is None else dataclasses.asdict(th), "one_sided": one_sided,
                     **scores(dev, args.ngec, args.split)}
        print(f"[{time.perf_counter() - t:6.1f}s] {name:16s} " + "  ".join(
            f"{k} {v:.3f}" if isinstance(v, float) else f"{k} {v}" for k, v in out[name].items()
            if k not in ("thresholds", "one_sided")), flush=True)
    if args.json:
        args.json.write_text(json.dumps(out, indent=1) + "\n", "utf-8")
    if args.markdown:
        args.markdown.write_text(markdown(out, args.split), "utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
