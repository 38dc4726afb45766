"""The accuracy ratchet: the seed article is read perfectly, the demo corpus stays above its floors."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import need_shared

BASELINE = json.loads((Path(__file__).parent / "eval_baseline.json").read_text("utf-8"))


def _check(report: dict, floors: dict) -> list[str]:
    problems = []
    for name, floor in floors.items():
        s = report["sections"].get(name)
        assert s is not None, f"section {name} missing from the report"
        share = s["matched"] / s["total"] if s["total"] else 1.0
        if share + 1e-9 < floor:
            problems.append(f"{name}: {s['matched']}/{s['total']} = {share:.3f} < floor {floor} ; misses: {s['misses'][:5]}")
    return problems


def test_seed_is_read_perfectly(pipeline):
    need_shared("seed", "gold.json")
    from newsgraph.evaluate.seed import evaluate_seed

    report = evaluate_seed()
    assert not _check(report, BASELINE["seed"]), _check(report, BASELINE["seed"])


def test_demo_corpus_stays_above_its_floors(pipeline):
    from newsgraph.evaluate.demo import evaluate_demo

    report = evaluate_demo()
    assert not _check(report, BASELINE["demo"]), _check(report, BASELINE["demo"])
