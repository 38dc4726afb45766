"""The quote stage's cost per article, now against an earlier revision, as a ratio in one run.

Parses PolNeAR tune-split articles once per process (spaCy and the actors component, not timed),
then times the quotes component alone over all of them, best of ``--rounds``. With ``--against
REV`` it exports ``src/`` of that git revision to a temporary directory and runs the same
measurement there, interleaving the two (``--repeat`` times each) so that load on a shared machine
hits both alike; it prints both figures and the ratio (now / then). Target (issue 15): the quote
stage costs no more per article than before, ratio <= 1.05 allowing for noise.

    .venv/bin/python benchmarks/bench_quotes_stage.py --articles 120 --against 1c9907b
    .venv/bin/python benchmarks/bench_quotes_stage.py --articles 120          # this revision only
"""

from __future__ import annotations

import argparse
import copy
import json
import os
import subprocess
import sys
import tarfile
import tempfile
import time
from io import BytesIO
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
POLNEAR = ROOT.parent / "shared" / "data" / "dev" / "polnear"


def measure(n: int, rounds: int) -> dict[str, float]:
    """ms per article of the quotes component (best round), in this process's ``newsgraph``."""
    from newsgraph import config
    from newsgraph.evaluate.polnear import load_polnear
    from newsgraph.model import Analysis, Article
    from newsgraph.pipeline import Context, get_component
    from newsgraph.quotes import quotes_rules

    cfg = config.load()
    ctx = Context(cfg)
    actors = get_component(cfg["components"]["actors"])
    arts = load_polnear(POLNEAR, split="tune", limit=n)
    ready = []
    for art, doc in zip(arts, ctx.nlp.pipe((a.text for a in arts), batch_size=16), strict=True):
        an = Analysis(article=Article(id=art.name, text=art.text, source=art.name), doc=doc)
        ready.append(actors(an, ctx))
    best = float("inf")
    quotes = 0
    for _ in range(rounds):
        copies = [copy.copy(a) for a in ready]
        for c in copies:
            c.scratch = {}
            c.quotes = []
        t0 = time.process_time()
        for c in copies:
            quotes_rules(c, ctx)
        best = min(best, time.process_time() - t0)
        quotes = sum(len(c.quotes) for c in copies)
    return {"articles": len(ready), "ms_per_article": 1000 * best / max(1, len(ready)), "quotes": quotes}


def _run(src: Path, n: int, rounds: int) -> dict[str, float]:
    env = dict(os.environ, PYTHONPATH=str(src))
    out = subprocess.run([sys.executable, __file__, "--raw", "--articles", str(n), "--rounds", str(rounds)],
                         env=env, check=True, capture_output=True, text=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def _export(rev: str, into: Path) -> Path:
    data = subprocess.run(["git", "-C", str(ROOT), "archive", rev, "src"], check=True, capture_output=True).stdout
    with tarfile.open(fileobj=BytesIO(data)) as tar:
        tar.extractall(into, filter="data")
    return into / "src"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--articles", type=int, default=120)
    ap.add_argument("--rounds", type=int, default=3, help="timed passes over the articles in one process")
    ap.add_argument("--repeat", type=int, default=2, help="processes per revision, interleaved")
    ap.add_argument("--against", default=None, help="a git revision to compare with")
    ap.add_argument("--raw", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if not POLNEAR.is_dir():
        sys.exit(f"no PolNeAR at {POLNEAR}: this benchmark reads its texts")
    if args.raw:
        print(json.dumps(measure(args.articles, args.rounds)))
        return
    now_src = ROOT / "src"
    if args.against is None:
        r = _run(now_src, args.articles, args.rounds)
        print(f"quote stage: {r['ms_per_article']:.2f} ms/article CPU over {r['articles']} articles "
              f"({r['quotes']} quotes)")
        return
    with tempfile.TemporaryDirectory() as tmp:
        then_src = _export(args.against, Path(tmp))
        now, then = [], []
        for _ in range(args.repeat):
            now.append(_run(now_src, args.articles, args.rounds))
            then.append(_run(then_src, args.articles, args.rounds))
    a = min(r["ms_per_article"] for r in now)
    b = min(r["ms_per_article"] for r in then)
    print(f"quote stage, {now[0]['articles']} PolNeAR tune articles, CPU ms per article (best of "
          f"{args.repeat} processes x {args.rounds} passes)")
    print(f"  now  ({'working tree':>12}): {a:8.2f}   quotes {now[0]['quotes']}")
    print(f"  then ({args.against[:12]:>12}): {b:8.2f}   quotes {then[0]['quotes']}")
    print(f"  ratio now/then: {a / b:.3f}   (target <= 1.05)")


if __name__ == "__main__":
    main()
