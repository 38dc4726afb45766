"""The learned detector as a stage of the event coder (newsgraph.events.learned).

The mechanics are tested with detectors whose weights are set by hand (real Detector objects, only
their numbers chosen here), so each test knows what the detector says; the shipped detector is
tested on plain sentences. Every sentence was written for these tests.
"""

from __future__ import annotations

import numpy as np
import pytest

from newsgraph import config
from newsgraph.errors import EventModelCorrupt, EventModelMissing
from newsgraph.events import coder_for, learned
from newsgraph.events.codebook import side_of
from newsgraph.events.coder import Coder
from newsgraph.events.detect import LABELS, NONE, Detector
from newsgraph.model import RawDocument


def hand_detector(pushes: dict[str, str], strength: float = 30.0) -> Detector:
    """A detector whose only knowledge is ``feature -> label`` pushes (and ``none`` otherwise)."""
    vocab = sorted(pushes)
    w = np.zeros((len(vocab), len(LABELS)), np.float32)
    for i, f in enumerate(vocab):
        w[i, LABELS.index(pushes[f])] = strength
    bias = np.zeros(len(LABELS), np.float32)
    bias[LABELS.index(NONE)] = 1.0
    return Detector(vocab, w, bias)


@pytest.fixture(scope="module")
def analyse(pipeline):
    """Analyse a text with the given detector (None: the rules alone) in the events step."""
    rules = coder_for(config.load(), rules_only=True)

    def run(text: str, det: Detector | None, one_side: bool = False, **th: float):
        an = pipeline(RawDocument(text=text, published="2023-03-01"))
        coder = Coder(rules.dictionary, one_sided=one_side, detector=det,
                      thresholds=learned.Thresholds(**th) if th else learned.DEFAULT)
        return coder.events(an)

    return run


# ---- retype --------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Germany criticised France over the new tariffs.",
    "The Italian government criticised Spain on Monday.",
])
def test_a_confident_detector_corrects_the_rule_type(analyse, text):
    rules = analyse(text, None)
    assert [e.plover for e in rules] == ["ACCUSE"]
    det = hand_detector({"v:criticise": "SANCTION"})
    [ev] = analyse(text, det, retype=0.6, margin=3.0)
    assert ev.plover == "SANCTION" and ev.cameo == learned.code_for("SANCTION")
    assert "+detector(ACCUSE>SANCTION)" in ev.rule
    assert ev.source == rules[0].source and ev.target == rules[0].target  # the sides are the rules'
    assert ev.confidence > 0.9  # the detector's probability of the type


@pytest.mark.parametrize("text, feature, rule_type, pushed", [
    ("Germany met France in Berlin after the bombing.", "v:meet", "CONSULT", "ASSAULT"),
    ("The Italian government helped Spain after the attack.", "v:help", "AID", "ACCUSE"),
    ("Germany criticised France over the new tariffs.", "v:criticise", "ACCUSE", "SUPPORT"),
    ("Germany demanded an apology from France.", "v:demand", "REQUEST", "ACCUSE"),
])
def test_a_retype_never_crosses_between_cooperation_and_conflict(analyse, text, feature, rule_type, pushed):
    """The detector's bag of clause words carries the sentence's topic: a cooperative verb stays
    cooperative, a conflictual one conflictual, and a request a request, however sure it is."""
    assert [e.plover for e in analyse(text, None)] == [rule_type]
    [ev] = analyse(text, hand_detector({feature: pushed}), retype=0.6, margin=3.0)
    assert ev.plover == rule_type and "+detector" not in ev.rule


def test_a_pattern_from_petrarch2_may_be_turned_over(analyse):
    """PETRARCH2's converted patterns are coded for one sense of the verb; there the detector may cross."""
    text = "Germany interfered in the French election."
    [rule] = analyse(text, None, True)
    assert rule.rule.startswith("petrarch2:") and side_of(rule.plover) == "cooperation"
    [ev] = analyse(text, hand_detector({"v:interfere": "ACCUSE"}), True, retype=0.6, margin=3.0)
    assert ev.plover == "ACCUSE" and f"+detector({rule.plover}>ACCUSE)" in ev.rule


def test_a_petrarch2_pattern_the_detector_does_not_confirm_is_dropped(analyse):
    """Converted PETRARCH2 patterns were written for its phrase matcher and one sense of each verb; in
    news they are mostly wrong, so one stands only where the detector gives its type some belief."""
    text = "Germany interfered in the French election."
    [rule] = analyse(text, None, True)
    confirming = hand_detector({"v:interfere": rule.plover})
    assert [e.plover for e in analyse(text, confirming, True, petrarch=0.5)] == [rule.plover]
    silent = hand_detector({"v:unrelated": "ASSAULT"})  # knows nothing of the verb: P(type) about 1/17
    assert analyse(text, silent, True, petrarch=0.5) == []
    assert [e.plover for e in analyse(text, silent, True, petrarch=0.0)] == [rule.plover]


def test_the_petrarch2_gate_leaves_our_own_patterns_alone(analyse):
    silent = hand_detector({"v:unrelated": "ASSAULT"})
    [ev] = analyse("Germany criticised France over the new tariffs.", silent, petrarch=0.5)
    assert ev.plover == "ACCUSE" and ev.rule.startswith("newsgraph:")
    assert learned.DEFAULT.petrarch > 0  # the gate is on by default


@pytest.mark.parametrize("plover, side", [("CONSULT", "cooperation"), ("RETREAT", "cooperation"),
                                          ("AID", "cooperation"), ("ACCUSE", "conflict"), ("SANCTION", "conflict"),
                                          ("PROTEST", "conflict"), ("REQUEST", "request")])
def test_side_of_a_plover_type(plover, side):
    assert side_of(plover) == side


def test_an_unsure_detector_leaves_the_rule_type(analyse):
    text = "Germany criticised France over the new tariffs."
    det = hand_detector({"v:criticise": "SANCTION"}, strength=1.0)  # SANCTION ahead, but far from sure
    [ev] = analyse(text, det, retype=0.6, margin=3.0)
    assert ev.plover == "ACCUSE" and "+detector" not in ev.rule
    assert ev.confidence < 0.5  # and the confidence says how little the detector believes it


def test_derived_codes_are_structure_and_stay(analyse):
    """ "threatened to impose sanctions": the threat frame is the rules' reading, not retyped."""
    text = "Germany threatened to impose sanctions on Iran."
    rules = analyse(text, None)
    assert [e.plover for e in rules] == ["THREATEN"]
    det = hand_detector({"w:sanction": "SANCTION"})
    assert [e.plover for e in analyse(text, det, retype=0.6)] == ["THREATEN"]


# ---- veto ----------------------------------------------------------------------------------------------

def test_a_confident_none_vetoes_a_rule_event(analyse):
    text = "Germany criticised France over the new tariffs."
    det = hand_detector({"w:tariff": NONE})
    assert analyse(text, det, veto=0.9) == []
    assert [e.plover for e in analyse(text, det, veto=1.01)] == ["ACCUSE"]  # a veto that never fires


# ---- one named side -------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", ["Russia withdrew its troops on Sunday.", "Egypt has withdrawn its ambassador."])
def test_an_event_with_one_side_needs_a_surer_type(analyse, text):
    assert analyse(text, None) == []  # the rules alone, two sides required
    [ev] = analyse(text, None, one_side=True)  # withdrawing troops is a retreat, an ambassador a sanction
    assert ev.plover in {"RETREAT", "SANCTION"} and ev.target == []
    sure = hand_detector({"v:withdraw": ev.plover})
    unsure = hand_detector({"v:withdraw": ev.plover}, strength=1.0)
    assert [e.target for e in analyse(text, sure, one_side=True, one_sided=0.9)] == [[]]
    assert analyse(text, unsure, one_side=True, one_sided=0.9) == []
    assert len(analyse(text, unsure, one_side=True)) == 1  # no gate: kept, with a low confidence


# ---- proposals -----------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, source, target", [
    ("Russia zorbled Ukraine on Tuesday.", "RUS", "UKR"),
    ("Police in Kenya zorbled the protesters in Nairobi.", "KEN", None),
    ("Turkey has zorbled Syria again, officials said.", "TUR", "SYR"),
])
def test_the_detector_proposes_an_event_the_lexicon_missed(analyse, text, source, target):
    assert analyse(text, None) == []  # no pattern knows the verb
    det = hand_detector({"v:zorble": "ASSAULT"})
    evs = analyse(text, det, propose=0.7)
    assert [e.plover for e in evs] == ["ASSAULT"], evs
    ev = evs[0]
    assert ev.rule.startswith("detector:v:zorble") and ev.predicate.text.startswith("zorbled")
    assert any(s.startswith(source) for s in ev.source), ev.source
    if target:
        assert any(t.startswith(target) for t in ev.target), ev.target


@pytest.mark.parametrize("text", [
    "Russia zorbled Ukraine on Tuesday.",           # the detector is not sure enough
    "Russia did not zorble Ukraine on Tuesday.",     # negated: modality as for any candidate
    "If Russia zorbles Ukraine, the talks end.",     # inside a condition
])
def test_no_proposal_where_it_must_not_fire(analyse, text):
    strength = 1.0 if "Tuesday" in text and "not" not in text else 30.0
    det = hand_detector({"v:zorble": "ASSAULT"}, strength=strength)
    assert analyse(text, det, propose=0.7) == []


@pytest.mark.parametrize("text", [
    "Germany zorbled Italy after the gunfire near the border post.",
    "After the gunfire near the border post, Italy zorbled Germany.",
])
def test_no_proposal_when_only_the_words_around_the_verb_tell_the_event(analyse, text):
    """The topic words of the clause ("gunfire") push the event, the verb itself does not: no
    proposal; when the verb's own feature pushes it, the event is proposed."""
    context = hand_detector({"w:gunfire": "ASSAULT"})
    assert analyse(text, context, propose=0.7) == []
    verb = hand_detector({"v:zorble": "ASSAULT"})
    assert [e.plover for e in analyse(text, verb, propose=0.7)] == ["ASSAULT"]


def test_no_proposal_where_the_rules_coded_an_event(analyse):
    text = "Germany criticised France and zorbled Italy."
    det = hand_detector({"v:zorble": "ASSAULT"})
    evs = analyse(text, det, propose=0.7, retype=1.01)
    assert "ASSAULT" not in {e.plover for e in evs}


# ---- codes ---------------------------------------------------------------------------------------------

def test_codes_for_detected_types():
    from newsgraph.events.codebook import load_codebook

    cb = load_codebook()
    for t in LABELS[:-1]:
        assert cb.get(learned.code_for(t)).plover == t
    assert learned.code_for("ACCUSE") == "11"  # the root most accusation codes share (disapprove)
    assert cb.get(learned.code_for("CONSULT", "phone")).mode == "phone"
    assert learned.code_for("CONSULT", "no-such-mode") == learned.code_for("CONSULT")


# ---- configuration -------------------------------------------------------------------------------------

def test_the_rule_coder_stays_selectable():
    on = coder_for(config.load())
    assert on.detector is not None
    assert coder_for(config.load(), rules_only=True).detector is None
    with config.set(events={"detector": False}):
        assert coder_for(config.load()).detector is None
    from newsgraph.pipeline import get_component

    assert get_component("events.rules") is not get_component("events.coder")


def test_a_missing_artefact_fails_at_start_up(tmp_path):
    from newsgraph.pipeline import Pipeline

    cfg = config.load()
    cfg["events"]["detector_path"] = str(tmp_path / "absent.npz")
    with pytest.raises(EventModelMissing) as err:
        Pipeline(cfg)
    assert "make train-events" in str(err.value)
    cfg["components"]["events"] = "events.rules"  # the rules alone need no artefact
    Pipeline(cfg)


def test_a_corrupt_artefact_fails_at_start_up(tmp_path):
    from newsgraph.pipeline import Pipeline

    bad = tmp_path / "bad.npz"
    bad.write_bytes(b"PK\x03\x04 not really a zip file")
    cfg = config.load()
    cfg["events"]["detector_path"] = str(bad)
    with pytest.raises(EventModelCorrupt):
        Pipeline(cfg)


# ---- the shipped detector in the pipeline ---------------------------------------------------------------

def test_shipped_detector_gives_calibrated_confidences(pipeline):
    an = pipeline(RawDocument(text="Warplanes bombed rebel positions in Syria overnight, killing a dozen fighters.\n\n"
                                   "Germany and France held talks in Berlin on the budget.", published="2023-03-01"))
    types = {e.plover: e for e in an.events}
    assert "ASSAULT" in types and "CONSULT" in types, an.events
    for e in an.events:
        assert 0.0 < e.confidence <= 1.0
