"""Time per KB of text from 1 KB to 2 MB: analysis must stay linear (issue 16: within 2x).

Texts are built from the paragraphs of the demo corpus (``examples/articles/*.txt``, written for
this project), cycled to the size wanted, so every size reads the same kind of prose. One process,
the pipeline warmed on a made-up sentence first, no time budget (``[input] max_seconds = 0``);
each size is timed ``--repeat`` times (best kept; once from 512 KB up). Prints seconds, ms per KB,
sections, and the ratio of each size's ms/KB to the smallest one's; the target is max/min <= 2.
``--hostile`` adds inputs of about 300 KB shaped to hurt (quotation marks, a run-on sentence of
tokens with no full stop, one name repeated, nested reported speech). ``--append`` adds the table
to ``benchmarks/RESULTS.md``.

    .venv/bin/python benchmarks/bench_long_text.py                       # 1 KB .. 2 MB
    .venv/bin/python benchmarks/bench_long_text.py --sizes 1 16 256 --hostile --append
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "benchmarks" / "RESULTS.md"


def paragraphs() -> list[str]:
    out = []
    for f in sorted((ROOT / "examples" / "articles").glob("*.txt")):
        text = re.sub(r"\A---.*?\n---\n", "", f.read_text("utf-8"), flags=re.S)
        out += [p.strip() for p in text.split("\n\n") if len(p.strip()) > 40]
    return out


def prose(kb: float, paras: list[str]) -> str:
    out, size, i = [], 0, 0
    while size < kb * 1024:
        p = paras[i % len(paras)]
        out.append(p)
        size += len(p) + 2
        i += 1
    return "\n\n".join(out)[: int(kb * 1024)]


def hostile(kb: int) -> dict[str, str]:
    n = kb * 1024
    names = ["Putin", "Biden", "Scholz", "Erdogan"]
    return {
        "quotation marks": ('"' * n),
        "mixed marks and words": " ".join(f"“{w}”" if i % 3 else f"«{w}»" for i, w in enumerate(["said", "the", "minister"] * (n // 30)))[:n],
        "run-on, no full stop": " ".join(["the", "minister", "said", "that", "Moscow", "would", "attack"] * (n // 40))[:n],
        "one name repeated": ("Putin " * (n // 6))[:n],
        "nested reported speech": " ".join(f"{names[i % 4]} said that" for i in range(n // 17))[:n] + " it rained.",
    }


def run(label: str, text: str, pipeline: object, repeat: int) -> tuple[float, int]:
    from newsgraph.model import RawDocument

    best, sections = float("inf"), 1
    for _ in range(repeat):
        t0 = time.perf_counter()
        a = pipeline(RawDocument(text=text, published="2023-04-04"))  # type: ignore[operator]
        best = min(best, time.perf_counter() - t0)
        sections = int(a.meta.get("sections", 1))
    return best, sections


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", type=float, nargs="+", default=[1, 4, 16, 64, 256, 1024, 2048], help="sizes in KB")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--hostile", action="store_true", help="also time ~300 KB hostile shapes")
    ap.add_argument("--hostile-kb", type=int, default=300)
    ap.add_argument("--append", action="store_true", help="append the results to benchmarks/RESULTS.md")
    args = ap.parse_args()

    from newsgraph import config
    from newsgraph.pipeline import Pipeline

    pipe = Pipeline(config.load(input={"max_seconds": 0}))
    pipe.warm()
    paras = paragraphs()
    rows = []
    print(f"{'KB':>7} {'seconds':>9} {'ms/KB':>8} {'sections':>8} {'ratio':>6}", flush=True)
    base = None
    for kb in args.sizes:
        text = prose(kb, paras)
        secs, sections = run(f"{kb} KB", text, pipe, args.repeat if kb < 512 else 1)
        per_kb = secs * 1000 / (len(text) / 1024)
        base = base or per_kb
        rows.append((kb, secs, per_kb, sections))
        print(f"{kb:>7g} {secs:>9.2f} {per_kb:>8.1f} {sections:>8} {per_kb / base:>6.2f}", flush=True)
    per = [r[2] for r in rows]
    spread = max(per) / min(per)
    verdict = "within 2x" if spread <= 2 else "NOT within 2x"
    print(f"time per KB: min {min(per):.1f} ms, max {max(per):.1f} ms, max/min {spread:.2f} ({verdict})")
    hostile_rows = []
    if args.hostile:
        print(f"\nhostile inputs of about {args.hostile_kb} KB")
        for name, text in hostile(args.hostile_kb).items():
            secs, sections = run(name, text, pipe, 1)
            per_kb = secs * 1000 / (len(text) / 1024)
            hostile_rows.append((name, len(text) / 1024, secs, per_kb, sections))
            print(f"  {name:<24} {len(text) / 1024:7.0f} KB {secs:8.2f} s {per_kb:8.1f} ms/KB {sections:4} sections", flush=True)
    if args.append:
        load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
        lines = [f"\n## Time per KB, 1 KB to 2 MB (`bench_long_text.py`) — {datetime.now(UTC):%Y-%m-%d %H:%M} UTC",
                 "", f"{platform.node()}: {os.cpu_count()} cores, load average {load:.1f} at the end; "
                 f"`python benchmarks/bench_long_text.py {' '.join(sys.argv[1:])}`", "",
                 "| KB | seconds | ms per KB | sections | ratio to smallest |", "|---:|---:|---:|---:|---:|"]
        lines += [f"| {kb:g} | {s:.2f} | {p:.1f} | {n} | {p / base:.2f} |" for kb, s, p, n in rows]
        lines += ["", f"Time per KB max/min: **{spread:.2f}** ({verdict})."]
        if hostile_rows:
            lines += ["", "| hostile input | KB | seconds | ms per KB | sections |", "|---|---:|---:|---:|---:|"]
            lines += [f"| {n} | {kb:.0f} | {s:.2f} | {p:.1f} | {k} |" for n, kb, s, p, k in hostile_rows]
        if not RESULTS.exists():
            RESULTS.write_text("# Benchmark results\n\nAppended by the benchmark programs (`--append`); newest last.\n", "utf-8")
        with RESULTS.open("a", encoding="utf-8") as fh:
            fh.write("\n".join(lines) + "\n")
        print(f"appended to {RESULTS}")


if __name__ == "__main__":
    main()
