"""The accuracy ratchet: the seed article is read perfectly; the demo corpus and PolNeAR dev stay above their floors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

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


@pytest.mark.slow
def test_polnear_dev_stays_above_its_floors():
    """The quotes component on the whole PolNeAR dev split (~20 s): content F1 at overlap 0.3 in
    the speech and quoted views, and the resolved speaker accuracy on matched speech quotes."""
    path = need_shared("data", "dev", "polnear", "dev")
    from newsgraph.evaluate.polnear import evaluate_polnear

    rep = evaluate_polnear(path, quotes="quotes.rules")
    floors = BASELINE["polnear_dev"]
    speaker = rep.speaker["speech"]
    got = {"speech_f1": rep.content["speech"]["overlap"].f1, "quoted_f1": rep.content["quoted"]["overlap"].f1,
           "speaker_resolved": speaker.resolved / speaker.total if speaker.total else 0.0}
    low = {k: round(v, 4) for k, v in got.items() if v + 1e-9 < floors[k]}
    assert not low, f"below the floors {floors}: {low}"
