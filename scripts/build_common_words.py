"""Build the list of common English words that the knowledge base must not link on their own.

A surface form such as "May", "Foundation", "Bush" or "Chad" is both a KB name and an ordinary
word. This script counts, over the AllSides development corpus (all of it: the list holds single
words and their counts, no text), how often each word occurs and how often it occurs in lower
case. A word is *common* when it is among the most frequent words and is written in lower case at
least ``--lower-share`` of the time away from the start of a sentence. The list is shipped as
``src/newsgraph/kb/data/common_words.txt`` (one word a line, most frequent first) and read by
the knowledge base, which flags every alias, surname or acronym that is such a word
(``Phrase.ambiguous``): the resolver then needs context before it links one.

    python scripts/build_common_words.py            # ~1 minute
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "src" / "newsgraph" / "kb" / "data" / "common_words.txt"
WORD = re.compile(r"(?<![\w'’])([A-Za-z][a-z]+)(?![\w'’])")
SENTENCE_START = re.compile(r"(?:^|[.!?]\s+|\n)[\"“‘(]?$")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", default=str(ROOT.parent / "shared" / "data" / "dev" / "allsides" / "allsides_dev.jsonl.gz"))
    ap.add_argument("--top", type=int, default=25_000, help="how many of the most frequent words to consider")
    ap.add_argument("--lower-share", type=float, default=0.5)
    ap.add_argument("--out", default=str(OUT))
    args = ap.parse_args(argv)
    total: Counter[str] = Counter()
    lower: Counter[str] = Counter()
    with gzip.open(args.corpus, "rt", encoding="utf-8") as f:
        for line in f:
            text = json.loads(line).get("text") or ""
            for m in WORD.finditer(text):
                w = m.group(1)
                if w[0].isupper() and SENTENCE_START.search(text[max(0, m.start() - 3):m.start()]):
                    continue  # a capital at a sentence start says nothing
                key = w.lower()
                total[key] += 1
                if w[0].islower():
                    lower[key] += 1
    common = [w for w, n in total.most_common(args.top) if lower[w] >= args.lower_share * n and len(w) > 1]
    header = ("# Common English words (lower case at least half the time, among the 25,000 most frequent), counted\n"
              "# over the AllSides development corpus by scripts/build_common_words.py. Single words only.\n")
    Path(args.out).write_text(header + "\n".join(common) + "\n", "utf-8")
    print(f"{len(common)} common words -> {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
