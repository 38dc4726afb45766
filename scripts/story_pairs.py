"""Candidate article pairs for the cross-outlet story gold set, chosen without the clusterer.

    python scripts/story_pairs.py sample [--n 100] [--seed 18]   # print pairs (ids) to label
    python scripts/story_pairs.py show IDS_FILE                   # title and lead of each pair, to read

A candidate pair is two AllSides development articles (``../shared/data/dev/allsides``) on the
same AllSides topic, from different outlets, published at most two days apart. Most such pairs
are different stories, so the sample is stratified by how many title words the two share (a
signal the story clusterer does not use as such: it reads titles and leads weighted by rarity
across the corpus), a third of the pairs from each stratum:

- ``none``: no content word of the titles in common;
- ``some``: title content-word Jaccard above 0 and below 0.2;
- ``many``: 0.2 or more.

The labels (same story yes/no) are given by reading the two articles' titles and first
paragraphs, before the clusterer is run on them; the committed file holds ids, strata and
labels only (``src/newsgraph/evaluate/gold/allsides_story_pairs.tsv``), never article text.
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import re
import sys
from collections import defaultdict
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ALLSIDES = ROOT.parent / "shared" / "data" / "dev" / "allsides" / "allsides_dev.jsonl.gz"
STOP = frozenset(re.findall(r"[a-z]+", """a an the and or but of to in on at for with by from as is are was were be been has have had it its this
that these those after over new says say said will would could may not no than into about up out more his her their
they he she we you i who what why how when where which amid against"""))


def words(title: str) -> set[str]:
    return {w for w in re.findall(r"[a-z0-9]+", (title or "").lower()) if w not in STOP and len(w) > 2}


def load() -> list[dict]:
    with gzip.open(ALLSIDES, "rt", encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def stratum(a: dict, b: dict) -> str:
    wa, wb = words(a["title"]), words(b["title"])
    j = len(wa & wb) / len(wa | wb) if wa | wb else 0.0
    return "none" if j == 0 else "some" if j < 0.2 else "many"


def sample(n: int, seed: int) -> list[tuple[str, str, str]]:
    rows = [r for r in load() if r.get("published") and r.get("topic") and r.get("title")]
    by_topic: dict[str, list[dict]] = defaultdict(list)
    for r in rows:
        by_topic[r["topic"]].append(r)
    pools: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for items in by_topic.values():
        items.sort(key=lambda r: r["published"])
        days = [date.fromisoformat(r["published"][:10]).toordinal() for r in items]
        for i, a in enumerate(items):
            j = i + 1
            while j < len(items) and days[j] - days[i] <= 2:
                b = items[j]
                if a["source"] != b["source"]:
                    x, y = sorted((a["id"], b["id"]))
                    pools[stratum(a, b)].append((x, y))
                j += 1
    rng = random.Random(seed)
    out: list[tuple[str, str, str]] = []
    per = {"none": n // 3, "some": n // 3, "many": n - 2 * (n // 3)}
    used: set[str] = set()
    for name in ("none", "some", "many"):
        pool = sorted(set(pools[name]))
        rng.shuffle(pool)
        k = 0
        for x, y in pool:
            if k == per[name]:
                break
            if x in used or y in used:  # every article in one pair only: pairs are independent
                continue
            used |= {x, y}
            out.append((x, y, name))
            k += 1
    return out


def show(path: str, chars: int = 700) -> None:
    by_id = {r["id"]: r for r in load()}
    for line in Path(path).read_text("utf-8").splitlines():
        if not line.strip() or line.startswith("a_id"):
            continue
        x, y, name, *_ = line.split("\t")
        print(f"=== {x} | {y} | {name}")
        for i in (x, y):
            r = by_id[i]
            print(f"--- [{r['source']}, {r['published']}, {r['topic']}] {r['title']}")
            print((r.get("text") or "")[:chars].replace("\n", " "))
        print()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    s = sub.add_parser("sample")
    s.add_argument("--n", type=int, default=100)
    s.add_argument("--seed", type=int, default=18)
    v = sub.add_parser("show")
    v.add_argument("ids")
    v.add_argument("--chars", type=int, default=700)
    args = ap.parse_args()
    if not ALLSIDES.is_file():
        print(f"{ALLSIDES} is not available", file=sys.stderr)
        return 1
    if args.cmd == "sample":
        print("a_id\tb_id\tstratum")
        for x, y, name in sample(args.n, args.seed):
            print(f"{x}\t{y}\t{name}")
    else:
        show(args.ids, args.chars)
    return 0


if __name__ == "__main__":
    sys.exit(main())
