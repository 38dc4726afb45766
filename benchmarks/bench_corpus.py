"""Corpus-scale ingest on real news: the AllSides development articles, from scratch.

Reads ``../shared/data/dev/allsides/allsides_dev.jsonl.gz`` (30,055 articles from about 100
outlets; one JSON object a line with id, title, published, url and text), takes every article
or a fixed-seed sample of ``--limit N``, writes them as one JSONL file and ingests that file
into a fresh store exactly as ``newsgraph ingest FILE`` does. Every run is a fresh process:

- bare spaCy ``nlp.pipe`` over the same texts with the same model and batch size (the floor);
- with ``--modes bare-numpy,...``: the same, its layers multiplying with numpy's BLAS as
  newsgraph's default ``[nlp] matmul = "numpy"`` makes them (newsgraph's own cost is the distance
  to this floor; the distance between the two floors is what the matrix library gives);
- ``newsgraph ingest --workers 1`` (analysis and the DuckDB store in one process);
- ``newsgraph ingest --workers N`` (default 2: worker processes, Parquet shards, one writer);
- with ``--modes ...,pair``: two independent ``--workers 1`` ingests of every other article at
  the same time: the most two workers could give on this machine (cores that share cache and
  memory bandwidth slow each other down; no worker design wins that back).

Model loading is outside every timing (each run loads its model on a made-up sentence first; a
worker run forks its workers from that warm process, so starting them is inside the timing).
Printed: seconds, articles/s, spaCy tokens/s, ratio to bare spaCy, CPU seconds, peak resident
memory of the main process and of every worker (and the part of it not shared with the main
process), the store's size, and the load average (the machine may be shared: read it first).
Every run has one BLAS thread (one process is one core in every mode).
``--append`` adds the figures to ``benchmarks/RESULTS.md`` with the machine and the commit.

    .venv/bin/python benchmarks/bench_corpus.py                      # all 30,055 articles
    .venv/bin/python benchmarks/bench_corpus.py --limit 300 --append
    .venv/bin/python benchmarks/bench_corpus.py --limit 1000 --modes single,workers --workers 2
    .venv/bin/python benchmarks/bench_corpus.py --modes workers --keep-db /tmp/allsides.duckdb

Targets (issue 18): one process >= 0.90x bare spaCy; 2 workers >= 1.9x one process; peak
resident memory < 1.5 GB per worker; all 30,055 articles in under 60 minutes on 2 cores.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import platform
import random
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_throughput import BARE, _cpu, _rss_mb, one_blas_thread, warm_bare_spacy  # noqa: E402  (one copy of the shared measures)

ALLSIDES = ROOT.parent / "shared" / "data" / "dev" / "allsides" / "allsides_dev.jsonl.gz"
RESULTS = ROOT / "benchmarks" / "RESULTS.md"
KEYS = ("id", "title", "published", "url", "text")


def sample(limit: int | None, seed: int = 20240517) -> list[dict]:
    """The articles (only the fields the ingest reads): all, or a fixed-seed sample of ``limit``."""
    with gzip.open(ALLSIDES, "rt", encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh if line.strip()]
    if limit is not None and limit < len(rows):
        rows = random.Random(seed).sample(rows, limit)
    return [{k: r.get(k) for k in KEYS} for r in rows]


# ---------------------------------------------------------------------------------------------
# one measurement (a child process)
# ---------------------------------------------------------------------------------------------

def measure(mode: str, feed: str, workers: int, keep: str | None = None) -> dict:
    from newsgraph import config

    cfg = config.load()
    out: dict = {"mode": mode}
    if mode in BARE:
        with open(feed, encoding="utf-8") as fh:
            texts = [json.loads(line)["text"] or "" for line in fh]
        nlp = warm_bare_spacy(cfg, numpy_matmul=mode == "bare-numpy")
        cpu0, t0 = _cpu(), time.perf_counter()
        out["tokens"] = sum(len(doc) for doc in nlp.pipe(texts, batch_size=int(cfg["nlp"]["batch_size"])))
        out["seconds"] = time.perf_counter() - t0
        out["articles"] = len(texts)
    else:
        from newsgraph.batch import ingest
        from newsgraph.pipeline import get_pipeline

        get_pipeline(cfg).warm()  # the model, knowledge base and gazetteer: loaded before the clock starts
        n = 1 if mode == "single" else workers
        with tempfile.TemporaryDirectory(prefix="newsgraph-corpus-") as tmp:
            db = os.path.join(tmp, "corpus.duckdb")
            cpu0, t0 = _cpu(), time.perf_counter()
            rep = ingest([feed], db, config=cfg, workers=n)
            out["seconds"] = time.perf_counter() - t0
            out["db_mb"] = sum(p.stat().st_size for p in Path(tmp).iterdir() if p.is_file()) / 1e6
            if keep and mode == "workers":
                shutil.copyfile(db, keep)  # outside the timing: the store the query benchmarks read
        out.update(stored=rep.stored, skipped=rep.skipped, failed=rep.failed, mode_used=rep.mode, shards=rep.shards,
                   worker_rss_mb=sorted(rep.worker_peak_rss_mb.values()),
                   worker_private_mb=sorted(rep.worker_private_mb.values()),
                   failure_codes=sorted({f["code"] for f in rep.failures}))
    out["cpu_seconds"] = _cpu() - cpu0
    out["main_rss_mb"] = _rss_mb()
    out["load_average"] = os.getloadavg()[0]
    return out


def merge_rounds(a: dict, b: dict) -> dict:
    """Two rounds of one mode as one run over twice the articles: times, tokens and counts
    summed, peaks and load the larger."""
    out = dict(a)
    for k in ("seconds", "cpu_seconds", "tokens", "articles", "stored", "skipped", "failed", "wall_with_loading"):
        if k in a and k in b:
            out[k] = a[k] + b[k]
    for k in ("main_rss_mb", "load_average", "db_mb"):
        if k in a and k in b:
            out[k] = max(a[k], b[k])
    for k in ("worker_rss_mb", "worker_private_mb"):
        if k in a and k in b:
            out[k] = [max(x, y) for x, y in zip(a[k], b[k], strict=False)]
    out["rounds"] = a.get("rounds", 1) + 1
    return out


def _env() -> dict[str, str]:
    return {**one_blas_thread(), "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT / "src"), os.environ.get("PYTHONPATH")]))}


def child(mode: str, feed: str, workers: int, keep: str | None = None) -> dict:
    if mode == "pair":
        return pair(feed)
    cmd = [sys.executable, __file__, "--child", mode, "--feed", feed, "--workers", str(workers)]
    if keep:
        cmd += ["--keep-db", keep]
    proc = subprocess.run(cmd, capture_output=True, text=True, check=False, env=_env())
    if proc.returncode != 0:
        raise SystemExit(f"{mode} run failed:\n{proc.stderr[-3000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def pair(feed: str) -> dict:
    """The machine's own ceiling for two workers: two independent one-process ingests, each of
    every other article, run at the same time (no pool, no shards, no shared writer). What they
    lose against one process alone is what two cores lose to each other (shared cache and memory
    bandwidth), which no worker design can win back."""
    with open(feed, encoding="utf-8") as fh:
        lines = fh.readlines()
    halves = [feed.removesuffix(".jsonl") + f".half{k}.jsonl" for k in (0, 1)]  # the ingest reads by extension
    for k, path in enumerate(halves):
        with open(path, "w", encoding="utf-8") as fh:
            fh.writelines(lines[k::2])
    t0 = time.perf_counter()
    procs = [subprocess.Popen([sys.executable, __file__, "--child", "single", "--feed", path, "--workers", "1"],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=_env()) for path in halves]
    outs = []
    for p in procs:
        out, err = p.communicate()
        if p.returncode != 0:
            raise SystemExit(f"pair run failed:\n{err[-3000:]}")
        outs.append(json.loads(out.strip().splitlines()[-1]))
    if any(o["failed"] for o in outs) and not any(o["stored"] for o in outs):
        raise SystemExit(f"pair run stored nothing: {outs}")
    wall = time.perf_counter() - t0  # includes both model loads: report the slower half's own timing instead
    return {"mode": "pair", "seconds": max(o["seconds"] for o in outs), "wall_with_loading": wall,
            "cpu_seconds": sum(o["cpu_seconds"] for o in outs), "main_rss_mb": max(o["main_rss_mb"] for o in outs),
            "load_average": os.getloadavg()[0], "db_mb": sum(o["db_mb"] for o in outs),
            **{k: sum(o[k] for o in outs) for k in ("stored", "skipped", "failed")}}


# ---------------------------------------------------------------------------------------------
# the report
# ---------------------------------------------------------------------------------------------

def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    try:
        mem = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    except (ValueError, OSError, AttributeError):
        mem = float("nan")
    return f"{cpu}, {os.cpu_count()} cores, {mem:.0f} GB RAM, {platform.system()} {platform.release()}, Python {platform.python_version()}"


def commit() -> str:
    try:
        head = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"], capture_output=True, text=True,
                              check=True).stdout.strip()
        dirty = subprocess.run(["git", "-C", str(ROOT), "status", "--porcelain", "--untracked-files=no"],
                               capture_output=True, text=True, check=True).stdout.strip()
        return head + ("+changes" if dirty else "")
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def table(runs: dict[str, dict], n: int, workers: int) -> list[str]:
    bare = runs.get("bare")
    tokens = bare["tokens"] if bare else None
    lines = ["| run | seconds | articles/s | tokens/s | x bare spaCy | CPU s | main peak MB | workers' peak MB (private) "
             "| store MB | stored / skipped / failed | load avg |",
             "|---|---:|---:|---:|---:|---:|---:|---|---:|---|---:|"]
    labels = {"bare": "bare spaCy nlp.pipe", "bare-numpy": "bare spaCy, numpy matmul", "single": "ingest --workers 1", "pair": "2 x ingest --workers 1, halves at once",
              "workers": f"ingest --workers {workers}"}
    for key in (*BARE, "single", "pair", "workers"):
        r = runs.get(key)
        if r is None:
            continue
        s = r["seconds"]
        ratio = f"{bare['seconds'] / s:.2f}" if bare else "-"
        tok = f"{tokens / s:,.0f}" if tokens else "-"
        w = ", ".join(f"{m:.0f} ({p:.0f})" for m, p in zip(r.get("worker_rss_mb", []), r.get("worker_private_mb", []),
                                                            strict=False)) or \
            ", ".join(f"{m:.0f}" for m in r.get("worker_rss_mb", [])) or "-"
        counts = f"{r['stored']:,} / {r['skipped']:,} / {r['failed']:,}" if "stored" in r else "-"
        db = f"{r['db_mb']:.0f}" if "db_mb" in r else "-"
        lines.append(f"| {labels[key]} | {s:.1f} | {n / s:.2f} | {tok} | {ratio} | {r['cpu_seconds']:.1f} | "
                     f"{r['main_rss_mb']:.0f} | {w} | {db} | {counts} | {r['load_average']:.1f} |")
    return lines


def summary(runs: dict[str, dict], workers: int) -> list[str]:
    out = []
    bare, single, par = runs.get("bare"), runs.get("single"), runs.get("workers")
    if bare and single:
        out.append(f"one process vs bare spaCy: **{bare['seconds'] / single['seconds']:.2f}x** (target >= 0.90); "
                   f"in CPU seconds {bare['cpu_seconds'] / single['cpu_seconds']:.2f}x (what a busy machine moves least)")
    fair = runs.get("bare-numpy")
    if fair and single:
        out.append(f"one process vs bare spaCy multiplying with numpy as newsgraph does: "
                   f"**{fair['seconds'] / single['seconds']:.2f}x** (newsgraph's own cost)"
                   + (f"; the matrix library alone: {bare['seconds'] / fair['seconds']:.2f}x" if bare else ""))
    if single and par:
        out.append(f"{workers} workers vs one process: **{single['seconds'] / par['seconds']:.2f}x** end to end "
                   f"(target >= 1.9 with 2 workers); CPU seconds {single['cpu_seconds']:.0f} vs {par['cpu_seconds']:.0f}")
    if single and runs.get("pair"):
        pr = runs["pair"]
        out.append(f"two independent processes on halves at once vs one process: **{single['seconds'] / pr['seconds']:.2f}x** "
                   f"(the machine's ceiling for 2 workers; CPU seconds {single['cpu_seconds']:.0f} vs {pr['cpu_seconds']:.0f})"
                   + (f"; the {workers} workers reach {pr['seconds'] / par['seconds']:.2f} of it" if par else ""))
    if par and par.get("worker_rss_mb"):
        out.append(f"peak resident memory per worker: {max(par['worker_rss_mb']):.0f} MB (target < 1536), of which "
                   f"not shared with the main process: {max(par.get('worker_private_mb') or [float('nan')]):.0f} MB")
    if single:
        n = single["stored"] + single["skipped"] + single["failed"]
        per = single["seconds"] / max(n, 1)
        out.append(f"projected for 30,055 articles at the measured rates: one process {30055 * per / 60:.0f} min"
                   + (f", {workers} workers {30055 * par['seconds'] / max(n, 1) / 60:.0f} min" if par else ""))
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--limit", type=int, default=None, help="a fixed-seed sample of N articles (default: all 30,055)")
    ap.add_argument("--workers", type=int, default=2, help="workers of the parallel run (default 2)")
    ap.add_argument("--modes", default="bare,single,workers",
                    help="runs, comma-separated: bare, bare-numpy (spaCy multiplying with numpy's BLAS, as "
                         "newsgraph's [nlp] matmul does), single, pair (two single runs on halves at once: the "
                         "machine's ceiling for two workers), workers")
    ap.add_argument("--rounds", type=int, default=1,
                    help="run the modes this many times, forwards then backwards (2 cancels a steady drift of the "
                         "machine's speed); figures are summed over the rounds")
    ap.add_argument("--append", action="store_true", help="append the results to benchmarks/RESULTS.md")
    ap.add_argument("--note", default="", help="a sentence to write beside the figures (e.g. what else the machine runs)")
    ap.add_argument("--json", default=None, help="also write every figure to this JSON file")
    ap.add_argument("--keep-db", default=None, help="copy the store of the workers run to this path (for bench_query --store)")
    ap.add_argument("--child", default=None, help=argparse.SUPPRESS)
    ap.add_argument("--feed", default=None, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        print(json.dumps(measure(args.child, args.feed, args.workers, args.keep_db)))
        return 0
    if not ALLSIDES.is_file():
        print(f"skipped: {ALLSIDES} is not available (the benchmark needs ../shared/data/dev/allsides)")
        return 0
    rows = sample(args.limit)
    n = len(rows)
    started = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    measured = commit()  # the code the runs import (read now: a commit made during the runs is not theirs)
    print(f"newsgraph corpus benchmark: {n:,} AllSides articles; {machine()}; commit {measured}; "
          f"load average {os.getloadavg()[0]:.1f}", flush=True)
    runs: dict[str, dict] = {}
    with tempfile.TemporaryDirectory(prefix="newsgraph-corpus-feed-") as tmp:
        feed = os.path.join(tmp, "allsides.jsonl")
        with open(feed, "w", encoding="utf-8") as fh:
            for r in rows:
                fh.write(json.dumps(r) + "\n")
        modes = [m.strip() for m in args.modes.split(",") if m.strip()]
        # rounds run the modes forwards, then backwards (A B C C B A ...): a machine whose speed
        # drifts during the runs (a shared virtual machine can lose a quarter of its speed within
        # half an hour) then slows every mode alike; each mode's figures are summed over its rounds
        order = [m for r in range(args.rounds) for m in (modes if r % 2 == 0 else modes[::-1])]
        for mode in order:
            r = child(mode, feed, args.workers, args.keep_db)
            print(f"  {mode}: {r['seconds']:.1f} s, load average {r['load_average']:.1f}", flush=True)
            runs[mode] = r if mode not in runs else merge_rounds(runs[mode], r)
    lines = table(runs, n * args.rounds, args.workers)
    notes = summary(runs, args.workers)
    print("\n".join(["", *lines, "", *notes]))
    if args.json:
        Path(args.json).write_text(json.dumps({"articles": n, "runs": runs}, indent=2), "utf-8")
    if args.append:
        if not RESULTS.exists():
            RESULTS.write_text("# Benchmark results\n\nAppended by the benchmark programs (`--append`); newest last.\n",
                               "utf-8")
        limit = (f" --limit {args.limit}" if args.limit else "") + (f" --rounds {args.rounds}" if args.rounds > 1 else "") + \
            (f" --modes {args.modes}" if args.modes != "bare,single,workers" else "")
        block = [f"\n## Corpus ingest, AllSides, {n:,} articles ({started})\n",
                 f"`benchmarks/bench_corpus.py{limit} --workers {args.workers}`; commit {measured}; {machine()}.",
                 *([f"Note: {args.note}"] if args.note else []), "", *lines, "", *[f"- {x}" for x in notes]]
        with RESULTS.open("a", encoding="utf-8") as fh:
            fh.write("\n".join(block) + "\n")
        print(f"appended to {RESULTS}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
