"""The learned event detector (newsgraph.events.detect) and its training (newsgraph.events.model).

Every sentence here was written for these tests. The training tests fit small models in seconds;
the full model is trained only by the slow test (and by ``make train-events``).
"""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import numpy as np
import pytest

from newsgraph.errors import EventModelCorrupt, EventModelMissing
from newsgraph.events import detect
from newsgraph.events.detect import LABELS, NONE, Detection, Detector, features, load_detector
from newsgraph.events.model import fit as F
from newsgraph.events.model.examples import Example, canonical_mode, headline, penta_targets
from newsgraph.events.model.train import label_silver, load_settings, train_model

# ---- a small hand-written training set: four labels, eight sentences each, three held out ---------

TRAIN = {
    "ASSAULT": [
        "Militants attacked a police post near the border overnight, killing three officers.",
        "Artillery shelled the northern suburbs of the city for a second day.",
        "Gunmen opened fire on a convoy of lorries carrying grain.",
        "Warplanes bombed a bridge used by the insurgents.",
        "A suicide bomber struck a crowded market in the provincial capital.",
        "Rebel fighters ambushed an army patrol in the hills.",
        "Troops fired rockets at positions held by the militia.",
        "Attackers stormed the village and set houses on fire.",
    ],
    "CONSULT": [
        "The two foreign ministers met in the capital on Tuesday to discuss trade.",
        "The president held talks with his counterpart by telephone.",
        "Envoys from both sides gathered for a round of negotiations in the lakeside town.",
        "The prime minister visited the neighbouring country for consultations.",
        "Delegates from the rival parties met behind closed doors.",
        "The chancellor hosted the visiting premier for a working dinner.",
        "Officials from the three states discussed the dispute at a summit.",
        "The minister travelled abroad to meet the new government.",
    ],
    "REQUEST": [
        "The opposition demanded that the government release the detained journalists.",
        "Aid agencies urged both sides to open a humanitarian corridor.",
        "The council called on the army to return to its barracks.",
        "The union asked the ministry to reverse the pay cut.",
        "Neighbouring states appealed for a halt to the fighting.",
        "The senator urged the administration to publish the report.",
        "Relatives of the victims demanded an independent inquiry.",
        "The envoy called for the immediate withdrawal of foreign forces.",
    ],
    NONE: [
        "The river valley is known for its vineyards and old stone churches.",
        "Temperatures are expected to remain mild through the weekend.",
        "The company was founded in a small workshop more than a century ago.",
        "The town has a population of about forty thousand people.",
        "Most of the region's farmers grow wheat and barley.",
        "The museum reopens next spring after a long renovation.",
        "The festival draws visitors from across the country every summer.",
        "The old railway line runs along the coast for several miles.",
    ],
}
HELD_OUT = {
    "ASSAULT": ["Insurgents shelled an army base with mortars, killing two soldiers.",
                "Gunmen attacked a checkpoint and fired on the guards.",
                "Aircraft bombed the rebel positions near the river."],
    "CONSULT": ["The foreign minister met her counterpart to discuss the border.",
                "Leaders of the two countries held talks in the capital.",
                "The envoy visited the region for talks with local officials."],
    "REQUEST": ["Protesters demanded that the governor resign.",
                "The agency urged the authorities to allow access for aid workers.",
                "Lawmakers called on the minister to explain the decision."],
    NONE: ["The bakery on the corner sells bread every morning.",
           "The lake freezes over in most winters.",
           "The school was built in the nineteenth century."],
}


def _settings(**sources: float) -> dict:
    s = load_settings()
    s["sources"] = {"hand": 1.0, **sources}
    s["dev_share"] = 0.0
    s["min_count"] = 1
    for part in ("optimiser", "modes"):
        s[part].update(epochs=30, batch_size=8, lr=0.05)
    return s


def _examples(nlp, table: dict[str, list[str]], slice_: str = "train") -> list[Example]:
    out = []
    for label, texts in table.items():
        for k, doc in enumerate(nlp.pipe(texts)):
            out.append(Example("hand", f"{label}:{k}", frozenset({label}), 1.0, features(doc[:]),
                               mode=None, has_mode=True, gold=label, slice=slice_))
    return out


@pytest.fixture(scope="module")
def small(nlp, tmp_path_factory) -> tuple[Detector, Path]:
    det = train_model(_examples(nlp, TRAIN), _settings())
    path = det.save(tmp_path_factory.mktemp("detector") / "small.npz")
    return det, path


# ---- features ----------------------------------------------------------------------------------------

def test_features_read_the_predicate_its_object_and_modality(nlp):
    doc = nlp("The ministry imposed new sanctions on two banks.")
    fs = features(doc[:])
    assert "r:impose" in fs and "v:impose" in fs
    assert "vo:impose sanction" in fs
    assert any(f.startswith("vp:impose on") for f in fs)
    assert "vs:ministry impose" in fs
    hedged = features(nlp("The army may not withdraw its troops.")[:])
    assert "vm:may withdraw" in hedged and "vn:withdraw" in hedged and "r:neg" in hedged


def test_features_mask_names_and_numbers(nlp):
    fs = features(nlp("Police in Paris detained 45 people on Friday.")[:])
    assert "w:paris" not in fs and "w:<gpe>" in fs
    assert "w:<cardinal>" in fs or "w:<num>" in fs
    assert "w:detain" in fs


def test_features_of_a_clause_stay_inside_it(nlp):
    doc = nlp("The spokesman said that rebels had attacked the convoy.")
    clause = next(t for t in doc if t.lemma_ == "attack")
    span = doc[clause.left_edge.i:clause.right_edge.i + 1]
    fs = features(span)
    assert "r:attack" in fs and "vo:attack convoy" in fs
    assert "v:say" not in fs


# ---- learning ----------------------------------------------------------------------------------------

def test_it_learns_from_a_small_sample(nlp, small):
    det, _ = small
    held = _examples(nlp, HELD_OUT, "dev")
    probs, _ = det.scores([e.feats for e in held])
    pred = [det.labels[int(np.argmax(p))] for p in probs]
    right = sum(p == e.gold for p, e in zip(pred, held, strict=True))
    assert right / len(held) >= 0.75, list(zip(pred, [e.gold for e in held], strict=True))  # chance: 0.25


def test_training_is_deterministic(nlp):
    ex = _examples(nlp, {k: v[:4] for k, v in TRAIN.items()})
    a = train_model(ex, _settings())
    b = train_model(ex, _settings())
    assert np.array_equal(a.weights, b.weights) and a.vocab == b.vocab


def test_set_valued_targets_let_shared_sentences_fall_to_none():
    """Sentences labelled {event, none} under two different events share only ``none``."""
    index = {"w:shared": 0, "w:alpha": 1, "w:beta": 2}
    feats = [["w:alpha"], ["w:beta"], ["w:shared"], ["w:shared"]]
    labels = ["ASSAULT", "CONSULT", NONE]
    targets = np.array([[1, 0, 0], [0, 1, 0], [1, 0, 1], [0, 1, 1]], bool)
    w, b = F.fit(F.Rows.build(feats, index), targets, np.ones(4, np.float32), 3, epochs=300, lr=0.05,
                 batch_size=4)
    p = F.logits(F.Rows.build([["w:shared"]], index), w, b)[0]
    assert labels[int(np.argmax(p))] == NONE


def test_temperature_recovers_a_known_scale():
    rng = np.random.default_rng(0)
    z = rng.normal(size=(4000, 5)) * 3
    p = np.exp(z / 2.0)
    p /= p.sum(axis=1, keepdims=True)
    y = np.array([rng.choice(5, p=row) for row in p])
    t = np.zeros_like(p, bool)
    t[np.arange(len(y)), y] = True
    assert abs(F.fit_temperature(z, t, np.ones(len(y))) - 2.0) < 0.2


def test_reliability_table_bins():
    rows = F.reliability(np.array([0.1, 0.45, 0.95, 0.99]), np.array([False, True, True, True]))
    by = {r["bin"]: r for r in rows}
    assert by["0.0-0.2"]["n"] == 1 and by["0.0-0.2"]["precision"] == 0.0
    assert by["0.9-1.0"]["n"] == 2 and by["0.9-1.0"]["precision"] == 1.0


def test_silver_is_kept_only_where_the_model_agrees(nlp, small):
    det, _ = small
    settings = _settings(allsides_silver=1.0)
    settings["silver"] = {"min_agree": 0.3, "top": 1, "none_min": 0.3, "none_ratio": 1.0, "none_weight": 0.5}
    texts = ["Soldiers shelled the rebel camp at dawn.", "Gunmen fired on the convoy near the bridge.",
             "The park opens at nine every day.", "The hills are green in spring."]
    rule = ["ASSAULT", "CONSULT", NONE, NONE]  # the second is a wrong rule reading
    silver = [Example("allsides_silver", f"a{k}", frozenset(), 0.0, features(d[:]), gold=g)
              for k, (d, g) in enumerate(zip(nlp.pipe(texts), rule, strict=True))]
    kept = label_silver(det, silver, settings)
    assert [e.type for e in kept] == ["ASSAULT", NONE]  # one event kept: at most one none beside it
    assert kept[0].weight == 1.0 and kept[1].weight == 0.5


# ---- the API -------------------------------------------------------------------------------------------

def test_predict_takes_strings_spans_and_docs(nlp, small):
    det, _ = small
    doc = nlp("Gunmen attacked a police station. The foreign ministers met in the capital.")
    sents = list(doc.sents)
    out = det.predict(["Gunmen attacked a police station.", sents[1], doc])
    assert len(out) == 3
    for row in out:
        assert set(row) == set(LABELS) and abs(sum(row.values()) - 1) < 1e-4
        assert list(row.values()) == sorted(row.values(), reverse=True)
    assert next(iter(out[0])) == "ASSAULT" and next(iter(out[1])) == "CONSULT"
    with pytest.raises(TypeError):
        det.predict([42])


def test_detect_gives_type_mode_and_confidence(nlp, small):
    det, _ = small
    [d] = det.detect([nlp("Rebels ambushed a patrol and fired on the soldiers.")[:]])
    assert isinstance(d, Detection) and d.type == "ASSAULT"
    assert d.confidence == pytest.approx(d.probs["ASSAULT"]) and 0 < d.event <= 1
    assert json.loads(json.dumps(d.to_dict()))["type"] == "ASSAULT"
    assert det.detect([]) == []
    assert det.explain("Rebels ambushed a patrol.", "ASSAULT")[0][1] > 0


def test_modes_per_event_type(nlp):
    phone = ["The president spoke to his counterpart by telephone.", "The two leaders held a phone call.",
             "The ministers talked on the phone about the crisis.", "The premier phoned the chancellor."]
    train = _examples(nlp, {"CONSULT": phone}) + _examples(nlp, {"CONSULT": TRAIN["CONSULT"][2:6]})
    for k, e in enumerate(train):
        e.mode = "phone" if k < len(phone) else "visit"
    det = train_model(train + _examples(nlp, {NONE: TRAIN[NONE]}), _settings())
    assert set(det.modes["CONSULT"]) == {"phone", "visit"}
    [m] = det.mode_probabilities(["The two leaders spoke by telephone."], ["CONSULT"])
    assert next(iter(m)) == "phone" and abs(sum(m.values()) - 1) < 1e-5
    assert det.mode_probabilities(["Anything."], ["AID"]) == [{}]


def test_the_artefact_keeps_weights_to_a_fine_step(small):
    """Stored as int8 with a scale per column: every weight within half a step of the trained one."""
    det, path = small
    back = load_detector(path)
    step = np.abs(det.weights).max(axis=0) / 127.0
    assert np.all(np.abs(back.weights - det.weights) <= step / 2 + 1e-6)
    assert back.vocab == det.vocab and np.array_equal(back.bias, det.bias)
    x = "Rebels shelled the army base."
    assert next(iter(back.predict([x])[0])) == next(iter(det.predict([x])[0]))


def test_load_is_cached_per_path(small):
    _, path = small
    a = load_detector(path)
    assert load_detector(path) is a
    detect.clear_cache()
    assert load_detector(path) is not a


def test_a_missing_artefact_says_how_to_rebuild(tmp_path):
    with pytest.raises(EventModelMissing) as err:
        load_detector(tmp_path / "absent.npz")
    assert err.value.code == "NG202" and "make train-events" in str(err.value)


@pytest.mark.parametrize("damage", ["garbage", "truncated", "checksum", "version", "no-array"])
def test_a_corrupt_artefact_is_refused(small, tmp_path, damage):
    _, path = small
    bad = tmp_path / f"{damage}.npz"
    data = path.read_bytes()
    if damage == "garbage":
        bad.write_bytes(b"not a detector at all")
    elif damage == "truncated":
        bad.write_bytes(data[: len(data) // 2])
    else:
        with np.load(path) as z:
            arrays = {k: z[k] for k in z.files}
        meta = json.loads(arrays["meta"].tobytes())
        if damage == "checksum":
            arrays["weights_q"] = arrays["weights_q"] + np.int8(1)
        elif damage == "version":
            meta["features"] = 999
        else:
            del arrays["mode_bias"]
        arrays["meta"] = np.frombuffer(json.dumps(meta).encode(), np.uint8)
        np.savez_compressed(bad, **arrays)
    with pytest.raises(EventModelCorrupt) as err:
        load_detector(bad)
    assert err.value.code == "NG203" and "make train-events" in str(err.value)
    assert zipfile.is_zipfile(path)  # the good one is untouched


# ---- the shipped artefact ------------------------------------------------------------------------------

def test_the_shipped_detector_loads_and_reads_plain_sentences(nlp):
    det = load_detector()
    assert det.labels == LABELS and det.meta.get("format") == detect.FORMAT
    docs = list(nlp.pipe(["Police fired tear gas at stone-throwing protesters in the capital.",
                          "The two presidents met on Monday to discuss the gas pipeline.",
                          "Fighter jets bombed rebel positions overnight, killing a dozen fighters."]))
    got = [d.type for d in det.detect([d[:] for d in docs])]
    assert got[1] == "CONSULT" and got[2] == "ASSAULT", got
    assert got[0] in {"COERCE", "ASSAULT", "PROTEST"}, got


def test_source_helpers():
    assert canonical_mode("PRIMATIVE") == "primitive" and canonical_mode("strike-hun") == "hunger"
    assert canonical_mode("") is None and canonical_mode("MARTIAL_LAW") == "martial-law"
    assert headline("{country_1} Army Shells {city}", "Freedonia Army Shells Port Alba\n\n(AP) --") == \
        "Freedonia army shells Port Alba"
    sets = penta_targets()
    assert sets[0] == {NONE, "REQUEST"} and "ASSAULT" in sets[4] and "SANCTION" in sets[3]


# ---- the full model (slow) -----------------------------------------------------------------------------

@pytest.mark.slow
@pytest.mark.shared
def test_full_training_from_shared(tmp_path):
    """``make train-events`` end to end into a temporary file: the dev slice of tune is well above chance."""
    from conftest import need_shared
    from newsgraph.events.model.train import main

    need_shared("data", "dev", "ngec_synthetic")
    out = tmp_path / "detector.npz"
    report = tmp_path / "report.json"
    assert main(["--out", str(out), "--report", str(report)]) == 0
    rep = json.loads(report.read_text())
    assert rep["ngec stories"]["story (decay 1.0)"]["accuracy"] > 0.4
    assert load_detector(out).labels == LABELS
