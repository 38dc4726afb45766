"""Stress benchmark for the quotes component: random quote marks in every position.

Builds synthetic articles of 1,250 / 2,500 / 5,000 paragraphs whose words are peppered with
opening, closing, straight, single, guillemet and nested marks (most of them unbalanced), parses
each once with spaCy, then times the quotes component alone (scanner + rules + speakers) and the
scanner alone. A linear component shows a time ratio near 2 between each size and the next
(5,000 / 1,250 near 4). It also checks that no quote crosses more than a paragraph break unless
the paragraphs open with a mark, and that every span is a slice of the text.

    .venv/bin/python benchmarks/bench_quotes_stress.py [--seed 1] [--sizes 1250 2500 5000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import gc
import random
import time
from collections.abc import Callable

WORDS = ["the", "minister", "said", "that", "we", "will", "win", "the", "talks", "today", "and", "he", "added", "it", "was", "never", "fine", "according", "to", "officials", "Smith", "told", "reporters", "on", "Monday", "while", "critics", "warned"]
MARKS = ["“", "”", '"', "‘", "’", "'", "«", "»", "‹", "›", "``", "''", ",", ".", ":", "\n"]


def synthetic(n_paragraphs: int, seed: int) -> str:
    """``n_paragraphs`` paragraphs with a quote mark after about one word in four."""
    rng = random.Random(seed)
    paras = []
    for _ in range(n_paragraphs):
        words: list[str] = []
        if rng.random() < 0.3:
            words.append(rng.choice(["“", '"', "«", "‘"]))
        for _ in range(rng.randint(6, 30)):
            w = rng.choice(WORDS)
            if rng.random() < 0.25:
                mark = rng.choice(MARKS)
                w = mark + w if rng.random() < 0.5 else w + mark
            words.append(w)
        paras.append(" ".join(words))
    return "\n\n".join(paras)


def best_of(repeat: int, fn: Callable[[], object]) -> float:
    """The fastest of ``repeat`` timed runs, after a garbage collection (less noise)."""
    best = float("inf")
    for _ in range(repeat):
        gc.collect()
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
    return best


def check(text: str, analysis: object) -> None:
    for q in analysis.quotes:  # type: ignore[attr-defined]
        assert text[q.start:q.end] == q.text
        for span in (q.cue, q.speaker_mention):
            assert span is None or text[span.start:span.end] == span.text
        assert q.text.count("\n\n") <= 3 or q.rule in ("floating", "pre-frame", "post-frame"), q.text[:80]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--sizes", type=int, nargs="+", default=[1250, 2500, 5000])
    ap.add_argument("--repeat", type=int, default=3, help="timed runs per size (the best is kept)")
    args = ap.parse_args()

    from newsgraph import config
    from newsgraph.model import Analysis, Article
    from newsgraph.nlp import load_model
    from newsgraph.quotes import build_quotes, find_attributions
    from newsgraph.quotes.marks import find_quotes

    nlp = load_model(config.load()["nlp"]["model"])

    def component(text: str, doc: object) -> Analysis:
        analysis = Analysis(article=Article(id="stress", text=text), doc=doc)
        analysis.quotes = build_quotes(analysis, find_attributions(text, doc))
        return analysis

    warm = synthetic(50, args.seed)
    component(warm, nlp(warm))  # imports, regex compilation and caches are not part of the timing
    rows = []
    for n in args.sizes:
        text = synthetic(n, args.seed)
        t0 = time.perf_counter()
        doc = nlp(text)
        parse = time.perf_counter() - t0
        scan = best_of(args.repeat, lambda text=text: find_quotes(text))
        comp = best_of(args.repeat, lambda text=text, doc=doc: component(text, doc))
        analysis = component(text, doc)
        check(text, analysis)
        rows.append((n, len(text), len(find_quotes(text)), len(analysis.quotes), parse, scan, comp))
    print(f"{'paragraphs':>10} {'chars':>9} {'quoted':>7} {'quotes':>7} {'parse s':>8} {'scan s':>8} "
          f"{'quotes s':>9} {'ratio':>6}")
    base = rows[0]
    for n, chars, marks, quotes, parse, scan, comp in rows:
        ratio = comp / base[6] if base[6] else float("nan")
        print(f"{n:>10} {chars:>9} {marks:>7} {quotes:>7} {parse:>8.2f} {scan:>8.3f} {comp:>9.3f} {ratio:>6.2f}")
    n0, n1 = rows[0][0], rows[-1][0]
    print(f"size x{n1 / n0:.0f} -> quotes component time x{rows[-1][6] / rows[0][6]:.2f} "
          f"(linear would be x{n1 / n0:.0f}); scanner x{rows[-1][5] / max(rows[0][5], 1e-9):.2f}")


if __name__ == "__main__":
    main()
