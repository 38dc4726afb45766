"""Calibrate quote confidence: the precision of each quote rule in its context on PolNeAR.

    PYTHONPATH=src .venv/bin/python scripts/quote_reliability.py build     # tune split -> table
    PYTHONPATH=src .venv/bin/python scripts/quote_reliability.py verify    # check split: kept >= 0.8

``build`` runs the configured actors and quotes components over the PolNeAR **tune** split, judges
every system quote (right = its content overlaps a PolNeAR attribution by PolNeAR's rule and its
speaker is that attribution's source, resolved as ``newsgraph eval quotes`` resolves it; when the
attribution has no source, right = no speaker), counts quotes and right quotes per
``family|kind|context`` key (:mod:`newsgraph.quotes.confidence`), and writes the counts
(``src/newsgraph/quotes/reliability.json``, what the code reads) and a readable table
(``benchmarks/quote_reliability.md``).

``verify`` runs the **check** split with the committed table and reports, for each threshold, how
many quotes are kept and how many of them are right: the figure that says whether
``--min-confidence 0.8`` keeps quotes right 8 times in 10. It never lists quotes.

Both read ``../shared/data/dev/polnear`` (or ``--polnear DIR``) and exit with a message when it is
absent.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
MD = ROOT / "benchmarks" / "quote_reliability.md"


def _judge(art: Any, an: Any) -> list[tuple[Any, bool]]:
    """(quote, right) for every system quote of one article."""
    from newsgraph.evaluate import polnear as P

    text = art.text
    ants = P._antecedents(text, art.attributions)
    out = []
    for q in an.quotes:
        scored = [(P.overlap_match(P._qspan(q), g.content), g) for g in art.attributions]
        scored = [x for x in scored if x[0] > 0]
        if not scored:
            out.append((q, False))
            continue
        g = max(scored, key=lambda x: x[0])[1]
        if not g.source:
            out.append((q, q.speaker_mention is None))
        else:
            out.append((q, P._speaker_right(text, an, q, g, ants.get(id(g)))[1]))
    return out


def _run(polnear: Path, split: str, limit: int | None) -> list[tuple[Any, bool]]:
    from newsgraph.evaluate.polnear import analyse, load_polnear

    arts = load_polnear(polnear, split=split, limit=limit)
    rows: list[tuple[Any, bool]] = []
    t0 = time.perf_counter()
    for k, (art, an) in enumerate(analyse(arts), 1):
        rows += _judge(art, an)
        if k % 100 == 0:
            print(f"  {k}/{len(arts)} articles, {time.perf_counter() - t0:.0f} s", file=sys.stderr)
    return rows


def build(polnear: Path, limit: int | None, table: Path) -> None:
    write_table(_run(polnear, "tune", limit), table)


def write_table(rows: list[tuple[Any, bool]], table: Path) -> None:
    """Count judged quotes per key and write the JSON table and the Markdown page."""
    from newsgraph.quotes import confidence as C

    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for q, right in rows:
        k = C.key(q.rule, q.kind, C.context_of(q.rule, q.speaker_mention.text if q.speaker_mention else None,
                                                q.speaker_kind))
        counts[k][0] += 1
        counts[k][1] += right
    data = {"what": "PolNeAR tune split: system quotes and right system quotes per family|kind|context "
                    "(scripts/quote_reliability.py build)",
            "quotes": len(rows), "right": sum(r for _, r in rows),
            "counts": {k: v for k, v in sorted(counts.items())}}
    table.write_text(json.dumps(data, indent=1) + "\n", "utf-8")
    C._counts.cache_clear()
    C._sums.cache_clear()
    C.estimate.cache_clear()
    _write_md(data)
    print(f"{len(rows)} quotes judged, {data['right']} right; table written to {table} and {MD}")


def _write_md(data: dict[str, Any]) -> None:
    from newsgraph.quotes import confidence as C

    lines = ["# Quote reliability: precision of each quote rule in its context", "",
             "Made by `scripts/quote_reliability.py build` from the PolNeAR **tune** split "
             f"({data['quotes']} system quotes, {data['right']} right: content matched and speaker right).",
             "Each quote's `confidence` is the smoothed precision of its row (`confidence` column; rows "
             f"with few quotes are pulled toward their rule's precision by {C.PRIOR:.0f} pseudo-counts).",
             "The counts the code reads are in `src/newsgraph/quotes/reliability.json`.", "",
             "Context: `named` a name or linked mention, `pronoun` he/she/they/I/we, `description` a generic "
             "or anonymous source, `back` a speaker taken from an earlier speaker or subject, `none` no speaker.",
             "", "| rule family | kind | context | quotes | right | precision | confidence |",
             "|---|---|---|---:|---:|---:|---:|"]
    rows = sorted(data["counts"].items(), key=lambda kv: -kv[1][0])
    for k, (n, r) in rows:
        fam, kind, ctx = k.split("|")
        lines.append(f"| {fam} | {kind} | {ctx} | {n} | {r} | {r / n:.3f} | {C.estimate(fam, kind, ctx):.3f} |")
    lines += ["", "Check (`scripts/quote_reliability.py verify`, PolNeAR check split): see the figures below,",
              "added by hand from the last run.", ""]
    MD.write_text("\n".join(lines), "utf-8")


def verify(polnear: Path, limit: int | None, thresholds: list[float]) -> None:
    rows = _run(polnear, "check", limit)
    print(f"PolNeAR check split: {len(rows)} system quotes, {sum(r for _, r in rows)} right "
          f"({sum(r for _, r in rows) / max(1, len(rows)):.3f})")
    print(f"{'min confidence':>15} {'kept':>7} {'share':>7} {'right':>7} {'precision':>10}")
    for t in thresholds:
        kept = [r for q, r in rows if q.confidence >= t]
        print(f"{t:>15.2f} {len(kept):>7} {len(kept) / max(1, len(rows)):>7.3f} {sum(kept):>7} "
              f"{sum(kept) / max(1, len(kept)):>10.3f}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("what", choices=["build", "verify"])
    ap.add_argument("--polnear", type=Path, default=ROOT.parent / "shared" / "data" / "dev" / "polnear")
    ap.add_argument("--limit", type=int, default=None, help="first N articles of the split (a quick look)")
    ap.add_argument("--table", type=Path, default=ROOT / "src" / "newsgraph" / "quotes" / "reliability.json")
    ap.add_argument("--thresholds", type=float, nargs="*", default=[0.0, 0.5, 0.7, 0.8, 0.9])
    args = ap.parse_args()
    if not args.polnear.is_dir():
        sys.exit(f"no PolNeAR at {args.polnear}: pass --polnear DIR")
    if args.what == "build":
        build(args.polnear, args.limit, args.table)
    else:
        verify(args.polnear, args.limit, args.thresholds)


if __name__ == "__main__":
    main()
