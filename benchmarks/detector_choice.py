"""Which model for the event detector: spaCy text classifiers trained with ``spacy train`` against
newsgraph's linear model over parse features, on the same tune data, for accuracy and speed.

    .venv/bin/python benchmarks/detector_choice.py data /tmp/choice            # DocBins of the tune parts
    .venv/bin/python -m spacy train benchmarks/detector_choice/bow.cfg --output /tmp/choice/bow \\
        --paths.train /tmp/choice/train.spacy --paths.dev /tmp/choice/dev.spacy --nlp.batch_size 256
    .venv/bin/python -m spacy train benchmarks/detector_choice/cnn.cfg --output /tmp/choice/cnn ... (same)
    .venv/bin/python benchmarks/detector_choice.py eval /tmp/choice --spacy /tmp/choice/bow/model-best \\
        --spacy /tmp/choice/cnn/model-best --ours src/newsgraph/events/model/detector.npz

Data (tune parts only, the detector's own dev slice held out): NGEC lead sentences and headlines,
PLOVER records, codebook descriptions with their event; two later sentences of each story with the
story's event and ``none`` left *missing* (multi-label textcat: a partial label); every other label 0.
Measured on the dev slice of tune (NGEC lead event as ``eval_detector.py`` defines it) and on the
tune hand set of real news (``allsides_events_tune.json``: sentence of a gold event, top type right;
sentences with no gold event, an event predicted), and the time per 1,000 sentences of each model
(spaCy models from text; ours from the spans of the parse the pipeline has already made, and from
text, parse included).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))


def make_data(out: Path) -> None:
    from spacy.tokens import DocBin

    from newsgraph.evaluate.seed import shared_dir
    from newsgraph.events.detect import LABELS, NONE
    from newsgraph.events.model.examples import (
        codebook_rows,
        dev_fraction,
        ngec_rows,
        plover_rows,
        story_sentences,
    )
    from newsgraph.events.model.train import load_settings, parser

    settings = load_settings()
    parse = parser(settings)
    shared = shared_dir()
    out.mkdir(parents=True, exist_ok=True)
    import spacy

    blank = spacy.blank("en")
    train, dev = DocBin(store_user_data=False), DocBin(store_user_data=False)
    stories: list[dict[str, Any]] = []

    def add(text: str, cats: dict[str, float], is_dev: bool, copies: int = 1) -> None:
        doc = blank.make_doc(text)
        doc.cats = cats
        for _ in range(copies):
            (dev if is_dev else train).add(doc)

    def one(label: str) -> dict[str, float]:
        return {lab: float(lab == label) for lab in LABELS}

    def partial(label: str) -> dict[str, float]:
        return {lab: 0.0 for lab in LABELS if lab not in (label, NONE)}

    rows = ngec_rows(shared)
    for row, doc in zip(rows, parse(r["text"] for r in rows), strict=True):
        is_dev = dev_fraction(f"ngec:{row['id']}") < settings["dev_share"]
        sents = [s.text.strip() for s in story_sentences(doc)]
        if is_dev:
            stories.append({"gold": row["event"], "sentences": sents})
        for k, s in enumerate(sents[:3]):
            add(s, one(row["event"]) if k == 0 else partial(row["event"]), is_dev)
        if row["headline"]:
            add(row["headline"], one(row["event"]), is_dev)
    for row in plover_rows(shared):
        add(row["text"], one(row["event"]), dev_fraction(f"plover:{row['id']}") < settings["dev_share"], copies=3)
    for row in codebook_rows(shared):
        add(row["text"], one(row["event"]), False)
    train.to_disk(out / "train.spacy")
    dev.to_disk(out / "dev.spacy")
    (out / "dev_stories.json").write_text(json.dumps(stories), "utf-8")
    print(f"train {len(train)}, dev {len(dev)} docs, {len(stories)} dev stories -> {out}")


def hand_sentences() -> list[tuple[Any, set[str] | None]]:
    """Body sentences (>= 4 words) of the tune hand set: (span, gold types) or (span, None) when no
    gold evidence touches it; sentences touched only by a later restatement are left out."""
    from newsgraph.evaluate import handsets

    gold = handsets.load_gold("events", handsets.GOLD_DIR / "allsides_events_tune.json")
    out = []
    for art, m in handsets.analyse(gold, handsets._corpus()):
        an = m.analysis
        sents = [s for s in an.doc.sents if s.start_char >= an.article.body_start and sum(t.is_alpha for t in s) >= 4]
        types: dict[int, set[str]] = {}
        covered: set[int] = set()
        for g in art["events"]:
            for n, (sp, d) in enumerate(zip(g["evidence"], g.get("evidence_sha") or [None] * len(g["evidence"]),
                                            strict=False)):
                span = m.span(sp, d)
                if span is None:
                    continue
                for k, s in enumerate(sents):
                    if s.start_char < span[1] and span[0] < s.end_char:
                        covered.add(k)
                        if n == 0 and s.start_char <= span[0] < s.end_char:
                            types.setdefault(k, set()).add(g["plover"])
        out += [(s, types[k]) for k, s in enumerate(sents) if k in types]
        out += [(s, None) for k, s in enumerate(sents) if k not in covered]
    return out


def score(name: str, top_of: Any, stories: list[dict[str, Any]], hand: list[tuple[Any, set[str] | None]],
          speed_items: list[Any]) -> dict[str, Any]:
    from newsgraph.events.detect import NONE

    right = 0
    for st in stories:
        tops = top_of(st["sentences"]) if st["sentences"] else []
        first = next((t for t in tops if t != NONE), None)
        right += first == st["gold"]
    tops = top_of([s for s, _ in hand])
    ev = [(t, g) for t, (_, g) in zip(tops, hand, strict=True) if g is not None]
    bg = [t for t, (_, g) in zip(tops, hand, strict=True) if g is None]
    t0 = time.perf_counter()
    top_of(speed_items)
    per_k = (time.perf_counter() - t0) / len(speed_items) * 1000
    return {"model": name, "dev NGEC lead event": round(right / len(stories), 4),
            "hand set: top type in gold": round(sum(t in g for t, g in ev) / len(ev), 4),
            "hand set: event on no-event sentences": round(sum(t != NONE for t in bg) / len(bg), 4),
            "ms per 1,000 sentences": round(per_k * 1000, 1)}


def evaluate(data: Path, spacy_models: list[Path], ours: list[Path]) -> None:
    import spacy

    from newsgraph.events.detect import NONE, load_detector

    stories = json.loads((data / "dev_stories.json").read_text("utf-8"))
    hand = hand_sentences()
    spans = [s for s, _ in hand]
    speed_spans = (spans * (2000 // len(spans) + 1))[:2000]
    speed_texts = [s.text for s in speed_spans]
    rows = []
    for path in spacy_models:
        nlp = spacy.load(path)

        def top_of(items: list[Any], nlp: Any = nlp) -> list[str]:
            texts = [x if isinstance(x, str) else x.text for x in items]
            return [max(d.cats, key=d.cats.get) if d.cats else NONE for d in nlp.pipe(texts, batch_size=256)]

        rows.append(score(f"spaCy {path.parent.name}", top_of, stories, hand, speed_texts))
    for path in ours:
        det = load_detector(path)

        def top_of_ours(items: list[Any], det: Any = det) -> list[str]:
            return [d.type or NONE for d in det.detect(items)]

        rows.append(score(f"linear {path.name} (spans)", top_of_ours, stories, hand, speed_spans))
        t0 = time.perf_counter()
        det.detect(speed_texts[:500])
        rows[-1]["ms per 1,000 sentences from text (parse included)"] = round((time.perf_counter() - t0) * 2000, 1)
    for r in rows:
        print(json.dumps(r))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    d = sub.add_parser("data")
    d.add_argument("out", type=Path)
    e = sub.add_parser("eval")
    e.add_argument("data", type=Path)
    e.add_argument("--spacy", type=Path, action="append", default=[])
    e.add_argument("--ours", type=Path, action="append", default=[])
    args = ap.parse_args()
    if args.cmd == "data":
        make_data(args.out)
    else:
        evaluate(args.data, args.spacy, args.ours)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
