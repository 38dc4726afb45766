"""[nlp] matmul: the model's matrix products by numpy's BLAS or by thinc's blis, same annotations."""

from __future__ import annotations

import gzip
import json
import random

import pytest
from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, LEMMA, MORPH, POS, SENT_START, TAG
from thinc.api import NumpyOps

from conftest import EXAMPLES, need_shared
from newsgraph import config
from newsgraph.errors import ConfigError
from newsgraph.ingest.readers import read_file
from newsgraph.nlp import configured_model, load_model

COLUMNS = [POS, TAG, LEMMA, MORPH, DEP, HEAD, ENT_IOB, ENT_TYPE, SENT_START]
NAME = config.load()["nlp"]["model"]


def _ops(nlp):
    return {type(node.ops).__name__ + (":blis" if getattr(node.ops, "use_blis", False) else "")
            for _, pipe in nlp.pipeline if hasattr(pipe, "model") for node in pipe.model.walk()}


def test_default_multiplies_with_numpy():
    assert config.load()["nlp"]["matmul"] == "numpy"
    nlp = configured_model(config.load())
    assert _ops(nlp) == {"NumpyOps"}  # every layer of every trained component, blis off


def test_blis_keeps_thincs_own_kernels():
    with config.override(nlp={"matmul": "blis"}):
        nlp = configured_model(config.load())
    assert _ops(nlp) == {"NumpyOps:blis"}
    assert all(isinstance(node.ops, NumpyOps) for _, p in nlp.pipeline if hasattr(p, "model") for node in p.model.walk())


def test_unknown_library_is_refused():
    with pytest.raises(ConfigError) as exc:
        config.load(nlp={"matmul": "mkl"})
    assert "nlp.matmul" in str(exc.value) and "'mkl'" in str(exc.value)
    with pytest.raises(ConfigError):
        load_model(NAME, True, "mkl")


def _assert_same(texts):
    numpy_nlp, blis_nlp = load_model(NAME, True, "numpy"), load_model(NAME, True, "blis")
    assert numpy_nlp is not blis_nlp
    tokens = 0
    for text, a, b in zip(texts, numpy_nlp.pipe(texts), blis_nlp.pipe(texts), strict=True):
        assert len(a) == len(b)
        same = (a.to_array(COLUMNS) == b.to_array(COLUMNS)).all(axis=1) if len(a) else []
        bad = [a[i].text for i, ok in enumerate(same) if not ok]
        assert not bad, f"{text[:60]!r}: tokens annotated differently: {bad[:5]}"
        tokens += len(a)
    return tokens


def test_same_annotations_on_the_demo_corpus():
    texts = [raw.text for path in sorted((EXAMPLES / "articles").iterdir())
             for raw in read_file(path) if hasattr(raw, "text")]
    assert len(texts) >= 10
    assert _assert_same(texts) > 1000


@pytest.mark.slow
def test_same_annotations_on_real_news():
    """Eighty AllSides development articles, a fixed-seed sample (skips without ../shared)."""
    path = need_shared("data", "dev", "allsides", "allsides_dev.jsonl.gz")
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh if line.strip()]
    texts = [r.get("text") or "" for r in random.Random(7).sample(rows, 80)]
    assert _assert_same(texts) > 20_000
