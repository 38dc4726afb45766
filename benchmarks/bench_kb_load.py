"""Benchmark: cold load of the shipped knowledge base and the first lookups.

Run: .venv/bin/python benchmarks/bench_kb_load.py
Each measurement runs in a fresh interpreter so the load is really cold (no cached KB).
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys

SNIPPET = r"""
import json, time
t0 = time.perf_counter()
from newsgraph.kb import get_kb
kb = get_kb()
t1 = time.perf_counter()
kb.who("President", "KAZ", "2022-05-16")
t2 = time.perf_counter()
kb.find_people("Lukashenko", "2022-05-16")
t3 = time.perf_counter()
kb.phrases()
t4 = time.perf_counter()
print(json.dumps({"load": t1 - t0, "first_who": t2 - t1, "first_find_people": t3 - t2, "phrases": t4 - t3}))
"""


def main(runs: int = 5) -> None:
    results = []
    for _ in range(runs):
        out = subprocess.run([sys.executable, "-c", SNIPPET], capture_output=True, text=True, check=True)
        results.append(json.loads(out.stdout))
    for key in results[0]:
        values = [r[key] for r in results]
        print(f"{key:>18}: median {statistics.median(values) * 1000:7.1f} ms  (min {min(values) * 1000:.1f}, max {max(values) * 1000:.1f})")
    load = statistics.median(r["load"] for r in results)
    print("cold load under 1 s:", "yes" if load < 1.0 else "NO")


if __name__ == "__main__":
    main()
