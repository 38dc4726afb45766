"""What the learned event detector costs on top of spaCy: per 1,000 sentences and per article.

Texts: the Wikinews and PolNeAR articles of ``../shared/data/dev`` (as ``bench_throughput.py``),
shuffled with its seed; the first ``--articles`` of them. One process, one core:

- spaCy: the pipeline newsgraph loads (``[nlp] model`` with its paragraph and fast-tagging parts)
  parsing the articles with ``nlp.pipe``;
- newsgraph analysis (``Pipeline.pipe``, every component, nothing stored) over the same articles,
  with the detector in the event coder (the default) and with the rules alone (``events.rules``);
- the detector over every sentence of the parsed articles (``Detector.detect`` on the spans:
  features from the parse already made, one sparse product), and the features alone;
- the detector over the same sentences given as strings (it parses them itself: what a caller
  without a parse pays).

The ratio that matters for issue 14's speed target (whole pipeline >= 0.85x bare spaCy) is the
default pipeline's (detector included) against bare spaCy's.

    .venv/bin/python benchmarks/bench_detector.py --articles 300 --repeat 3
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from bench_throughput import WARM_TEXT, load_texts


def best(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--articles", type=int, default=300)
    ap.add_argument("--repeat", type=int, default=3, help="runs of each measurement; the fastest is kept")
    ap.add_argument("--artefact", type=Path, default=None)
    args = ap.parse_args()

    import spacy

    from newsgraph import config
    from newsgraph.events.detect import features, load_detector
    from newsgraph.model import RawDocument
    from newsgraph.nlp import configured_model
    from newsgraph.pipeline import get_pipeline

    texts = load_texts()[: args.articles]
    cfg = config.load()
    bs = int(cfg["nlp"]["batch_size"])
    bare = spacy.load(cfg["nlp"]["model"])
    nlp = configured_model(cfg)
    det = load_detector(args.artefact)
    pipe = get_pipeline(cfg)
    rules_cfg = config.load()
    rules_cfg["components"]["events"] = "events.rules"
    rules = get_pipeline(rules_cfg)
    list(rules.pipe([RawDocument(text=WARM_TEXT)]))
    list(bare.pipe([WARM_TEXT]))
    list(pipe.pipe([RawDocument(text=WARM_TEXT)]))
    docs = list(nlp.pipe(texts, batch_size=bs))
    sents = [s for d in docs for s in d.sents if s.text.strip()]
    tokens = sum(len(d) for d in docs)
    det.detect(sents[:50])

    t_bare = best(lambda: list(bare.pipe(texts, batch_size=bs)), args.repeat)
    t_nlp = best(lambda: list(nlp.pipe(texts, batch_size=bs)), args.repeat)
    t_pipe = best(lambda: list(pipe.pipe([RawDocument(text=t) for t in texts])), args.repeat)
    t_rules = best(lambda: list(rules.pipe([RawDocument(text=t) for t in texts])), args.repeat)
    t_feat = best(lambda: [features(s) for s in sents], args.repeat)
    t_det = best(lambda: det.detect(sents), args.repeat)
    sample = [s.text for s in sents[:1000]]
    t_text = best(lambda: det.detect(sample), 1)
    k = len(sents) / 1000
    print(f"{len(texts)} articles, {len(sents)} sentences, {tokens} tokens; model {cfg['nlp']['model']}; "
          f"detector {len(det.vocab)} features")
    print(f"  bare spaCy                    {t_bare:7.2f} s   {t_bare / k * 1000:8.1f} ms per 1,000 sentences")
    print(f"  newsgraph's spaCy pipeline    {t_nlp:7.2f} s   {t_nlp / k * 1000:8.1f} ms per 1,000 sentences")
    print(f"  newsgraph analysis            {t_pipe:7.2f} s   {t_bare / t_pipe:5.3f}x bare spaCy (detector in the coder)")
    print(f"  newsgraph analysis, rules     {t_rules:7.2f} s   {t_bare / t_rules:5.3f}x bare spaCy (events.rules)")
    print(f"  detector on parsed sentences  {t_det:7.3f} s   {t_det / k * 1000:8.1f} ms per 1,000 sentences "
          f"({t_det / t_bare:.1%} of bare spaCy; features alone {t_feat / k * 1000:.1f} ms)")
    print(f"  detector on strings           {t_text:7.3f} s   {t_text / (len(sample) / 1000) * 1000:8.1f} ms per "
          f"1,000 sentences (parses them itself)")
    print(f"  detector stage in the coder   {t_pipe - t_rules:7.2f} s   per article {(t_pipe - t_rules) / len(texts) * 1000:.2f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
