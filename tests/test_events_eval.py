"""The PLOVER and CAMEO-class scorers: formats, name mapping, scoring rules (hand-made gold)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsgraph.errors import EvalError
from newsgraph.evaluate import cameo_class, plover
from newsgraph.model import Actor, Analysis, Article, Event, Span

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


def need_shared(*parts: str) -> Path:
    p = SHARED.joinpath(*parts)
    if not p.exists():
        pytest.skip(f"../shared/{'/'.join(parts)} is not available")
    return p


def _gsr(tmp_path, records):
    path = tmp_path / "gsr.json"
    path.write_text(json.dumps(records), "utf-8")
    return path


def test_load_gsr_maps_old_names_and_skips_documents(tmp_path):
    path = _gsr(tmp_path, [
        {"id": "d", "event": "DOCUMENT", "eventText": "notes"},
        {"id": "a", "event": "DEMAND", "text": "Peru demanded talks with Chile.",
         "source": [{"actorText": "Peru", "code": "PER"}], "target": [{"actorText": "Chile", "code": "CHL"}]},
        {"id": "b", "event": "INVESTIGATE", "mode": "", "text": "Kenya opened an inquiry.",
         "source": [{"code": "KEN"}], "target": ""},
        {"id": "c", "event": "FIGHT", "text": "Rebels fought troops.", "source": [{"code": "JAP"}]},
    ])
    gold = plover.load_gsr(path)
    assert [(g.id, g.event, g.mode) for g in gold] == [("a", "REQUEST", None), ("b", "ACCUSE", "investigate"),
                                                         ("c", "ASSAULT", None)]
    assert gold[0].source == {"PER"} and gold[0].target == {"CHL"} and gold[1].target == set()
    assert gold[2].source == {"JPN"}  # a typo in the gold read as the CAMEO code
    assert len(plover.load_gsr(path, limit=1)) == 1


def test_load_gsr_errors(tmp_path):
    with pytest.raises(EvalError):
        plover.load_gsr(tmp_path / "missing.json")
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", "utf-8")
    with pytest.raises(EvalError):
        plover.load_gsr(bad)


def _analysis(events):
    text = "Peru demanded talks with Chile."
    actors = [Actor(id="PER", name="Peru", kind="country", country="PER"),
              Actor(id="chile-navy", name="Chilean navy", kind="organization", country="CHL", code="CHLMIL"),
              Actor(id="UNO", name="UN", kind="organization", code="IGOUNO")]
    return Analysis(article=Article(id="x", text=text), actors=actors, events=events)


def _event(plover_name, source, target, conf=0.5):
    return Event(id=plover_name, source=source, target=target, plover=plover_name, cameo="100", goldstein=-5.0,
                 quad="verbal conflict", evidence=Span(0, 4, "Peru"), confidence=conf)


def test_score_record_sides_by_code():
    gold = plover.GoldRecord("a", "Peru demanded talks with Chile.", "REQUEST", None, {"PER"}, {"CHL"})
    r = plover.score_record(gold, _analysis([_event("REQUEST", ["PER"], ["chile-navy"])]))
    assert r.type_ok and r.source_ok and r.target_ok
    r = plover.score_record(gold, _analysis([_event("ACCUSE", ["PER"], ["chile-navy"])]))
    assert not r.type_ok and r.source_ok is None
    r = plover.score_record(gold, _analysis([]))
    assert r.predicted is None and not r.any_type
    assert plover.actor_codes(_analysis([]), _analysis([]).actor("UNO")) >= {"IGO"}


def test_report_figures():
    rs = [plover.RecordResult("1", "AID", "AID", True, True, False, True),
          plover.RecordResult("2", "AID", "ASSAULT", False, None, None, False),
          plover.RecordResult("3", "ACCUSE", None, False, None, None, False)]
    rep = plover._report("x", rs, 0.1)
    assert (rep.n, rep.predicted, rep.correct) == (3, 2, 1)
    assert rep.precision == 0.5 and rep.recall == pytest.approx(1 / 3)
    assert rep.source_accuracy == 1.0 and rep.target_accuracy == 0.0
    assert rep.per_type["ASSAULT"] == {"fp": 1} and rep.confusion["ACCUSE"] == {"-": 1}
    text = plover.format_report(rep)
    assert "F1" in text and "confusion" in text
    assert rep.to_dict()["n"] == 3


def test_cameo_class_tsv(tmp_path):
    path = tmp_path / "c.tsv"
    path.write_text("Peru sent aid to Chile.\t2\r\n\"Kenya condemned the raid.\"\t3\n", "utf-8")
    assert cameo_class.load_tsv(path) == [("Peru sent aid to Chile.", 2), ("Kenya condemned the raid.", 3)]
    bad = tmp_path / "bad.tsv"
    bad.write_text("no class here\n", "utf-8")
    with pytest.raises(EvalError):
        cameo_class.load_tsv(bad)


@pytest.mark.parametrize(("text", "klass"), [
    ("The minister said the economy was growing.", 0),
    ("The ministry expressed deep concern about the violence.", 0),
    ("The president urged parliament to pass the budget.", 0),
    ("The two leaders agreed to hold talks next month.", 1),
    ("The envoy praised the new government.", 1),
    ("The agency delivered food to the flooded villages.", 2),
    ("Rebels released twelve hostages on Friday.", 2),
    ("The opposition accused the government of fraud.", 3),
    ("The cabinet rejected the union's demands.", 3),
    ("Soldiers shelled the town overnight, the army said.", 4),
    ("Police arrested dozens of protesters.", 4),
])
def test_sentence_class(nlp, text, klass):
    from newsgraph.events import coder_for

    k, code, _ = cameo_class.sentence_class(coder_for({"events": {}}), nlp(text))
    assert k == klass, (text, code)


@pytest.mark.slow
@pytest.mark.shared
def test_cameo_class_dev_floor():
    path = need_shared("data", "dev", "conflibert", "cameo_class_train.tsv")
    rep = cameo_class.evaluate_cameo_class(path)
    assert rep.n > 1000 and rep.accuracy >= 0.80


@pytest.mark.slow
@pytest.mark.shared
def test_plover_dev_runs():
    from newsgraph import config

    path = need_shared("data", "dev", "plover_gsr", "plover_gsr_dev.json")
    cfg = config.load(components={"events": "events.coder"})
    rep = plover.evaluate_plover(path, limit=20, config=cfg)
    assert rep.n == 20 and rep.precision >= 0.7
