"""Exports are complete and stream: over a real store, every query command's csv, json and jsonl
export holds exactly the stored rows, and its peak memory is compared, in the same run, with
loading the same rows whole (``Store.events(Filters())``, a list of dicts).

    .venv/bin/python benchmarks/bench_export.py --db news.duckdb
    .venv/bin/python benchmarks/bench_export.py --db news.duckdb --synthetic 300000   # add rows first (a copy)

Each export runs as ``newsgraph TARGET --db DB --format FMT -o FILE`` in a fresh process; rows are
counted in the written file. ``--synthetic N`` first copies the store and appends N synthetic
event rows (SQL, not the pipeline), where the memory difference shows. Prints one line per
export: rows written, rows stored, equal?, seconds, peak RSS, and the RSS ratio to the whole load.
Target: every export equal to the store; streamed RSS well under the whole load at scale.
"""

from __future__ import annotations

import argparse
import csv
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

LOAD_ALL = """
import resource, sys
from newsgraph.store import Filters, Store
with Store(sys.argv[1], read_only=True) as s:
    rows = s.{what}(Filters())
print(len(rows), resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def child_rss_run(cmd: list[str]) -> tuple[subprocess.CompletedProcess[str], float, float]:
    """Run ``cmd``; its result, seconds and peak RSS in MB (a fresh process: RUSAGE_CHILDREN of a helper)."""
    helper = ("import resource, subprocess, sys, time; t=time.perf_counter(); "
              "p=subprocess.run(sys.argv[1:], capture_output=True, text=True); "
              "sys.stderr.write(p.stderr); sys.stdout.write(p.stdout); "
              "print(f'@@ {time.perf_counter()-t} {resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss}', file=sys.stderr); "
              "sys.exit(p.returncode)")
    proc = subprocess.run([sys.executable, "-c", helper, *cmd], capture_output=True, text=True)
    line = [x for x in proc.stderr.splitlines() if x.startswith("@@ ")][-1].split()
    return proc, float(line[1]), int(line[2]) / 1024


def count_rows(path: Path, fmt: str) -> int:
    if fmt == "csv":
        with path.open(encoding="utf-8", newline="") as fh:
            return sum(1 for _ in csv.DictReader(fh))
    if fmt == "jsonl":
        with path.open(encoding="utf-8") as fh:
            return sum(1 for line in fh if line.strip())
    return len(json.loads(path.read_text("utf-8")))


def synthesise(db: Path, rows: int) -> None:
    from newsgraph.store import Store

    with Store(db) as store, store.transaction("adding synthetic events"):
        store.execute(
            "INSERT INTO events SELECT 'synthetic-' || (i // 10), 'e' || (i % 10), ['RUS'], ['UKR'], 'ACCUSE', '112', "
            "-2.0, 'verbal conflict', NULL, false, DATE '2022-01-01' + CAST(i % 700 AS INTEGER), 'day', NULL, "
            "'A synthetic evidence sentence for the export benchmark, number ' || i, 0, 60, 0.7, "
            "DATE '2022-01-01' + CAST(i % 700 AS INTEGER) FROM range(?) t(i)", [rows])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--db", required=True)
    ap.add_argument("--synthetic", type=int, default=0, help="append this many synthetic events to a copy first")
    args = ap.parse_args()
    from newsgraph.store import Store

    with tempfile.TemporaryDirectory() as tmp:
        db = Path(args.db)
        if args.synthetic:
            copy = Path(tmp) / "copy.duckdb"
            shutil.copy(db, copy)
            synthesise(copy, args.synthetic)
            db = copy
        with Store(db, read_only=True) as store:
            stored = store.stats()
        exe = [sys.executable, "-m", "newsgraph.cli"]
        print(f"store {args.db}{f' + {args.synthetic:,} synthetic events' if args.synthetic else ''}: "
              f"{stored['articles']:,} articles, {stored['events']:,} events, {stored['quotes']:,} quotes")
        whole = {}
        for what in ("events", "quotes", "articles"):
            _, secs, rss = child_rss_run([sys.executable, "-c", LOAD_ALL.replace("{what}", what), str(db)])
            whole[what] = rss
            print(f"  load all {what:<8}  {secs:6.1f} s  peak RSS {rss:7.1f} MB")
        ok = True
        for what in ("events", "quotes", "articles"):
            for fmt in ("csv", "jsonl", "json"):
                out = Path(tmp) / f"{what}.{fmt}"
                proc, secs, rss = child_rss_run([*exe, what, "--db", str(db), "--format", fmt, "-o", str(out)])
                if proc.returncode:
                    print(proc.stderr)
                    sys.exit(1)
                n = count_rows(out, fmt)
                same = n == stored[what]
                ok &= same
                print(f"  {what:<8} {fmt:<5} {n:>9,} rows (stored {stored[what]:,}) {'equal' if same else 'DIFFERENT'}"
                      f"  {secs:6.1f} s  peak RSS {rss:7.1f} MB  ({rss / whole[what]:.2f}x the whole load)")
        print("every export equal to the store" if ok else "SOME EXPORTS DIFFER FROM THE STORE")
        sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
