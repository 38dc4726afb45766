"""newsgraph's fast tagging vs spaCy's attribute ruler + lemmatizer: the same output, and how much faster.

    python benchmarks/bench_fasttag.py [--limit N]

Parses the Wikinews and PolNeAR dev texts up to the ruler with spaCy once, then runs, on copies of
the same Docs, spaCy's ``attribute_ruler`` + ``lemmatizer`` and newsgraph's ``FastTagging``;
prints the milliseconds per article of each, the ratio, and how many articles differ in any
token's POS, tag, morphology, lemma or dependency label (must be 0). Skips without ../shared.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_throughput import DEV, load_texts


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--limit", type=int, default=0, help="articles to use (default: all)")
    args = ap.parse_args()
    if not DEV.is_dir():
        print(f"skipped: {DEV} is not available (the benchmark needs ../shared/data/dev)")
        return 0
    import spacy
    from spacy.attrs import DEP, LEMMA, MORPH, POS, TAG
    from spacy.tokens import DocBin

    from newsgraph import config
    from newsgraph.fasttag import FastTagging

    texts = load_texts()
    texts = texts[: args.limit] if args.limit else texts
    nlp = spacy.load(config.load()["nlp"]["model"])
    before = nlp.pipe_names[: nlp.pipe_names.index("attribute_ruler")]
    with nlp.select_pipes(enable=before):
        parsed = DocBin(docs=nlp.pipe(texts, batch_size=32), store_user_data=False).to_bytes()
    ruler, lemmatizer = nlp.get_pipe("attribute_ruler"), nlp.get_pipe("lemmatizer")
    fast = FastTagging(ruler, lemmatizer)

    def fresh() -> list:
        return list(DocBin().from_bytes(parsed).get_docs(nlp.vocab))

    a, b = fresh(), fresh()
    t0 = time.perf_counter()
    for doc in a:
        lemmatizer(ruler(doc))
    spacy_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    for doc in b:
        fast(doc)
    fast_s = time.perf_counter() - t0
    cols = [POS, TAG, LEMMA, MORPH, DEP]
    differ = sum(1 for x, y in zip(a, b, strict=True) if not (x.to_array(cols) == y.to_array(cols)).all())
    tokens = sum(len(d) for d in a)
    n = len(texts)
    print(f"fast tagging benchmark: {n} articles, {tokens:,} tokens ({tokens / n:.0f} per article)")
    print(f"spaCy attribute_ruler + lemmatizer   {spacy_s:7.1f} s  {1000 * spacy_s / n:6.1f} ms/article")
    print(f"newsgraph FastTagging                {fast_s:7.1f} s  {1000 * fast_s / n:6.1f} ms/article")
    print(f"speed-up {spacy_s / fast_s:.2f}x; articles whose POS/tag/morph/lemma/dep differ: {differ} (must be 0)")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
