"""How often each speech-only rule of the quote finder fires on real news (counts, never text).

A rule written for one sentence fires about once in a corpus; a rule written from the linguistics
fires wherever its construction occurs. This script parses a deterministic sample of the AllSides
development corpus (tune part only, the sample of ``scripts/pattern_audit.py``), runs the quote
finder and sums, per rule, the reporting words it set aside (``Found.dropped``: ``unrealised``,
``connective``, ``negated-question``, ``negated-object``, ``target-object``, ``not-author``,
``attributive-term`` and
the older reasons of ``cues.not_a_report``), with the number of articles each rule fired in.

    PYTHONPATH=src .venv/bin/python scripts/quote_rule_rates.py --articles 300
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))


def main() -> None:
    from pattern_audit import sample

    from newsgraph import config
    from newsgraph.nlp import load_model
    from newsgraph.quotes import find_attributions

    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--articles", type=int, default=300)
    ap.add_argument("--corpus", type=Path,
                    default=ROOT.parent / "shared" / "data" / "dev" / "allsides" / "allsides_dev.jsonl.gz")
    args = ap.parse_args()
    if not args.corpus.is_file():
        sys.exit(f"no AllSides corpus at {args.corpus}: pass --corpus FILE")
    texts = sample(args.corpus, args.articles)
    nlp = load_model(config.load()["nlp"]["model"])
    fired: Counter[str] = Counter()
    articles: Counter[str] = Counter()
    quotes = words = 0
    t0 = time.perf_counter()
    for doc in nlp.pipe(texts, batch_size=16):
        found = find_attributions(doc.text, doc)
        quotes += len(found.attributions)
        words += len(doc)
        for rule, n in found.dropped.items():
            fired[rule] += n
            articles[rule] += 1
    print(f"{len(texts)} AllSides articles (tune part), {words:,} tokens, {quotes} attributions, "
          f"{time.perf_counter() - t0:.0f} s")
    print(f"{'rule':<20} {'fired':>7} {'articles':>9} {'per 100 articles':>17}")
    for rule, n in fired.most_common():
        print(f"{rule:<20} {n:>7} {articles[rule]:>9} {100 * n / max(1, len(texts)):>17.1f}")


if __name__ == "__main__":
    main()
